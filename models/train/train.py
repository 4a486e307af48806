"""Trains the v3 student (n-gram logits + an MLP over static word embeddings distilled from a
multilingual teacher), one calibrated head per category with masked losses, and exports
models/rempart.onnx. Usage: train.py DATA_DIR (see train.sh)."""
import datetime, json, sys, time

import numpy as np

import common, data, export, functional, identity, student, teacher, vocab

BUCKETS = int(sys.argv[3]) if len(sys.argv) > 3 else 1 << 17
L2 = float(sys.argv[2]) if len(sys.argv) > 2 else 3e-6
# Each language's total weight per head; French and English are what Rempart filters most.
IDENTITY_L2 = float(sys.argv[4]) if len(sys.argv) > 4 else 100.0
L2_MLP = float(sys.argv[5]) if len(sys.argv) > 5 else 1e-4
LANG_WEIGHT = {"fr": 1.0, "en": 1.0, "de": 0.35, "es": 0.35, "it": 0.35, "pt": 0.35}


def build(rows, extra=()):
    """extra: (text, lang, labels, source) of our own sentences."""
    texts = [r.text for r in rows] + [e[0] for e in extra]
    langs = [r.lang for r in rows] + [e[1] for e in extra]
    srcs = [r.src for r in rows] + [e[3] for e in extra]
    ys = [r.y for r in rows] + [e[2] for e in extra]
    return texts, np.array(langs), np.array(srcs), ys


def resolve(texts, ys, wl):
    """Labels [n, C] and mask: a SOFT negative counts only when neither the rules nor the word
    list see anything in the text (it may insult someone without being hate)."""
    rules = common.verdicts(texts)["cats"].max(1) > 0
    Y = np.zeros((len(ys), len(data.CATS)), np.float32)
    M = np.zeros_like(Y)
    for i, y in enumerate(ys):
        dirty = None
        for c, v in enumerate(y):
            if v == data.SOFT:
                if dirty is None:
                    dirty = rules[i] or wl.hits(texts[i])
                v = None if dirty else 0
            if v is not None:
                Y[i, c], M[i, c] = v, 1
    return Y, M


BALANCED = {data.T, data.IA}  # the broad heads; narrow ones keep their sources' rarity as prior
# Calibration target (v2): the share of posts in a harassed user's mentions that carry each harm.
# Amnesty International's Troll Patrol (2018) found 7.1% of tweets sent to 778 women politicians
# and journalists problematic or abusive; Rempart's users expect harassment, so 10% for any harm
# (toxicity, profanity), and narrower shares for the narrower harms. v1 was calibrated to even
# odds, which on a real timeline (90% harmless) made 0.5 flag far more than was probably harmful.
PRIOR = {"toxicity": 0.10, "insult": 0.05, "threat": 0.01, "identity_attack": 0.03, "profanity": 0.10}
NEUTRAL_SHARE = 0.4  # of a language's negative weight given to the neutral identity sentences


def balance(Y, M, langs, srcs, balanced=BALANCED):
    """Per head and language: sources weigh by the square root of their size; on the broad heads
    positives and negatives weigh the same, so no language or source sets another's prior."""
    W = np.zeros_like(Y)
    for c in range(Y.shape[1]):
        for lang, lw in LANG_WEIGHT.items():
            groups = [(0, 0.5), (1, 0.5)] if c in balanced else [(None, 1.0)]
            for cls, share in groups:
                sel = (langs == lang) & (M[:, c] > 0) & (Y[:, c] == cls if cls is not None else True)
                if not sel.any():
                    continue
                for s in np.unique(srcs[sel]):
                    n = (sel & (srcs == s)).sum()
                    W[sel & (srcs == s), c] = np.sqrt(n) / n
                neutral = sel & (srcs == "identity_neutral")
                if neutral.any() and (sel & ~neutral).any():
                    W[neutral, c] *= NEUTRAL_SHARE / W[neutral, c].sum()
                    W[sel & ~neutral, c] *= (1 - NEUTRAL_SHARE) / W[sel & ~neutral, c].sum()
                W[sel, c] *= share * lw / W[sel, c].sum()
    return W / W.sum(0, keepdims=True).clip(1e-12) * 1000  # per-head scale; L2 is relative to it


def extra_sentences():
    """Texts that are ours, not a source's: neutral group sentences (all 0) and the train families
    of our functional suites (their held-out families are never trained on)."""
    out = [(t, l, list(data.NEG), "identity_neutral") for t, l in identity.sentences()]
    return out + functional.train_cases()


def prepare(texts, vocab_file, E):
    return common.features(texts, BUCKETS), student.pooled(student.word_ids(texts, vocab_file), E)


def main():
    t0 = time.time()
    rows = data.load(sys.argv[1])
    wl = common.WordList()
    train = [r for r in rows if r.split == "train"]
    dev = [r for r in rows if r.split == "dev"]
    texts, langs, srcs, ys = build(train, extra_sentences())
    words = vocab.ensure([r.text for r in train])
    vocab_file = common.WORK / "vocab.txt"
    vecs = teacher.embed([s for _, s in words], "vocab")
    table8, scales = student.static_embeddings(vecs)
    E = student.dequantize(table8, scales)
    X, P = prepare(texts, vocab_file, E)
    Y, M = resolve(texts, ys, wl)
    W = balance(Y, M, langs, srcs)
    print(f"train: {X.shape[0]} rows, {X.nnz} features, vocabulary {len(words)} x {E.shape[1]}, labelled per head "
          f"{M.sum(0).astype(int).tolist()}, positives {(Y * M).sum(0).astype(int).tolist()} ({time.time() - t0:.0f}s)", flush=True)
    # A group's name alone is evidence of nothing: its own n-grams pay a heavier L2 penalty.
    l2 = np.full(BUCKETS, L2)
    l2[np.unique(common.features(identity.GROUP_WORDS, BUCKETS).indices)] *= IDENTITY_L2
    Wl, bl = student.fit_linear(X, Y, W, l2)
    mlp = student.fit_mlp(P, Y, W, L2_MLP)
    print(f"fit ({time.time() - t0:.0f}s)", flush=True)

    dtexts, dlangs, dsrcs, dys = build(dev)
    Xd, Pd = prepare(dtexts, vocab_file, E)
    Zl, Zm = Xd @ Wl + bl, student.mlp_logits(mlp, Pd)
    Yd, Md = resolve(dtexts, dys, wl)
    # Even odds per language and head first (so a score means the same in French and English),
    # then the prior moves every head to the prevalence it meets on a real timeline.
    Wd = balance(Yd, Md, dlangs, dsrcs, balanced=set(range(len(data.CATS))))
    W1, b1, W2, b2 = mlp
    bias = np.zeros(len(data.CATS), np.float32)
    calib = {}
    for c, name in enumerate(data.CATS):
        sel = Md[:, c] > 0
        a, cm, bb = student.combine(Zl[sel, c], Zm[sel, c], Yd[sel, c], Wd[sel, c])
        Wl[:, c] *= a
        W2[:, c] *= cm
        shift = np.log(PRIOR[name] / (1 - PRIOR[name]))
        bias[c] = a * bl[c] + cm * b2[c] + bb + shift
        calib[name] = {"ngrams": round(float(a), 4), "embeddings": round(float(cm), 4), "b": round(float(bb), 4),
                       "prior": PRIOR[name], "prior_logit": round(float(shift), 4), "dev_rows": int(sel.sum())}
    print("calibration", calib, flush=True)
    params = (Wl, bias, W1, b1, W2)

    today = datetime.date.today().isoformat()
    meta = {"categories": ",".join(data.CATS), "featurizer": common.featurizer_version(), "buckets": str(BUCKETS),
            "description": f"rempart-student {len(data.CATS)} heads v3 {today}"}
    out = common.REPO / "models" / "rempart.onnx"
    export.export(params, table8, scales, [w for w, _ in words], out, meta)
    (common.WORK / "train_info.json").write_text(json.dumps(
        {"calibration": calib, "prior": PRIOR, "l2": L2, "l2_mlp": L2_MLP, "buckets": BUCKETS,
         "vocabulary": len(words), "embedding_dim": int(E.shape[1]), "hidden": student.HIDDEN,
         "train_rows": int(X.shape[0]),
         "train_rows_per_source": {s: int((srcs == s).sum()) for s in np.unique(srcs)},
         "labelled_per_head": dict(zip(data.CATS, M.sum(0).astype(int).tolist())),
         "positives_per_head": dict(zip(data.CATS, (Y * M).sum(0).astype(int).tolist())),
         "seconds": round(time.time() - t0)}, indent=1))
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
