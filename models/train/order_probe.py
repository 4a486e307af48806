"""Probe (measured, not adopted; models/README.md "A student that reads word order"): does a
width-3 convolution over the engine's ordered vocabulary ids, max-pooled, add to the shipped
model? Trained apart on the train split (the same rows, labels and weights as train.py), stacked
with the shipped model per head on the calibration split, read on test, on the held-out
functional families and on functional10 (kept untouched). It never writes the model. Usage: order_probe.py DATA_DIR [FILTERS EPOCHS
EMBEDDINGS] with EMBEDDINGS = folded (the shipped graph's 16-wide word table) or e5 (64-d PCA of
the teacher's word vectors, as train.py builds them)."""
import json, sys, time

import numpy as np
import onnx
import scipy.sparse as sp
from onnx import numpy_helper
from sklearn.metrics import roc_auc_score as auc

ARGS = sys.argv[1:]
sys.argv = sys.argv[:2]  # train.py reads its own options from sys.argv when imported
import common, data, evaluate, functional, student, train  # noqa: E402

LMAX = 64     # words read per text (train.py's texts have 18.8 vocabulary words on average)
L2 = 1e-5
ACTING = [data.T, data.I, data.TH, data.IA]
RULE_CATS = 7  # `rempart score`'s first seven categories are the rules' own (common.CAT_ORDER)
VOCAB = common.WORK / "eval_vocab.txt"
UNTOUCHED = common.REPO / "tests" / "fixtures" / "functional10"
rng = np.random.default_rng(0)


def shipped():
    m = onnx.load(str(evaluate.MODEL))
    VOCAB.write_text({p.key: p.value for p in m.metadata_props}["vocab"] + "\n", encoding="utf-8")
    return {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}


def sequences(texts):
    """The engine's vocabulary ids in text order (`rempart features --vocab`), padded with 0."""
    d = student.word_id_lists(texts, VOCAB)
    out = np.zeros((len(texts), LMAX), np.int64)
    for i in range(len(texts)):
        s = d["ids"][d["ptr"][i]:d["ptr"][i + 1]][:LMAX]
        out[i, :len(s)] = s
    return out


def forward(P, ids):
    E, K, bk, Wo, bo = P
    B, L = ids.shape
    mask = (ids > 0).astype(np.float32)[..., None]
    Xp = np.zeros((B, L + 2, E.shape[1]), np.float32)
    Xp[:, 1:L + 1] = E[ids]
    U = np.concatenate([Xp[:, :L], Xp[:, 1:L + 1], Xp[:, 2:]], 2)   # left, self, right
    H = U @ K + bk
    R = np.maximum(H, 0) * mask                                    # padding never wins the max
    arg = R.argmax(1)
    pooled = np.take_along_axis(R, arg[:, None, :], 1)[:, 0]
    return pooled @ Wo + bo, (ids, mask, U, H, arg, pooled)


def backward(P, cache, G, train_embeddings):
    E, K, bk, Wo, bo = P
    ids, mask, U, H, arg, pooled = cache
    B, L = ids.shape
    D, F = E.shape[1], K.shape[1]
    dH = np.zeros((B, L, F), np.float32)
    np.put_along_axis(dH, arg[:, None, :], (G @ Wo.T)[:, None, :], 1)
    dH *= (H > 0) * mask
    grads = [np.zeros_like(E), U.reshape(-1, 3 * D).T @ dH.reshape(-1, F), dH.sum((0, 1)), pooled.T @ G, G.sum(0)]
    if train_embeddings:
        dU = dH @ K.T
        dX = dU[:, :, D:2 * D].copy()
        dX[:, 1:] += dU[:, :-1, 2 * D:]  # a word is the right neighbour of the position before it
        dX[:, :-1] += dU[:, 1:, :D]      # and the left neighbour of the one after it
        flat = ids.ravel()
        onehot = sp.csr_matrix((np.ones(len(flat), np.float32), (flat, np.arange(len(flat)))), shape=(E.shape[0], len(flat)))
        grads[0] = np.asarray(onehot @ dX.reshape(-1, D))
        grads[0][0] = 0
    return grads


def weighted_loss(P, S, Y, W):
    total = 0.0
    for s in range(0, len(S), 2048):
        q = student.sigmoid(forward(P, S[s:s + 2048])[0])
        y, w = Y[s:s + 2048], W[s:s + 2048]
        total += -(w * (y * np.log(q + 1e-9) + (1 - y) * np.log(1 - q + 1e-9))).sum()
    return total / W.sum()


def fit(S, Y, W, dev, E0, filters, epochs, lr=1e-3, batch=256):
    """Adam on the masked loss; rows drawn in proportion to their weight; the epoch with the
    lowest calibration-split loss is kept."""
    D, C = E0.shape[1], Y.shape[1]
    P = [E0.copy(), rng.normal(0, np.sqrt(2 / (3 * D)), (3 * D, filters)).astype(np.float32),
         np.zeros(filters, np.float32), rng.normal(0, 0.01, (filters, C)).astype(np.float32), np.zeros(C, np.float32)]
    m1, m2 = [np.zeros_like(p) for p in P], [np.zeros_like(p) for p in P]
    draw = W.sum(1) / W.sum()
    best, step = (np.inf, None), 0
    for epoch in range(epochs):
        t0 = time.time()
        for _ in range(len(S) // batch):
            idx = rng.choice(len(S), batch, p=draw)
            z, cache = forward(P, S[idx])
            G = (W[idx] > 0) * (student.sigmoid(z) - Y[idx]) / batch
            step += 1
            for k, g in enumerate(backward(P, cache, G, True)):
                g = g + L2 * P[k] * (k > 0)
                m1[k] = 0.9 * m1[k] + 0.1 * g
                m2[k] = 0.999 * m2[k] + 0.001 * g * g
                P[k] -= lr * (m1[k] / (1 - 0.9 ** step)) / (np.sqrt(m2[k] / (1 - 0.999 ** step)) + 1e-8)
        loss = weighted_loss(P, *dev)
        print(f"epoch {epoch}: calibration-split loss {loss:.4f} ({time.time() - t0:.0f}s)", flush=True)
        if loss < best[0]:
            best = (loss, [p.copy() for p in P])
    return best[1]


def logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def main():
    root = ARGS[0]
    filters = int(ARGS[1]) if len(ARGS) > 1 else 64
    epochs = int(ARGS[2]) if len(ARGS) > 2 else 8
    embeddings = ARGS[3] if len(ARGS) > 3 else "folded"
    g = shipped()
    if embeddings == "e5":
        import teacher
        words = VOCAB.read_text(encoding="utf-8").split("\n")[:-1]
        E0 = student.dequantize(*student.static_embeddings(teacher.embed(words, "vocab")))
    else:
        E0 = (g["emb8"].astype(np.float32) * g["emb_scale"]).astype(np.float32)
    rows = data.load(root)
    wl = common.WordList()
    texts, langs, srcs, ys = train.build([r for r in rows if r.split == "train"], train.extra_sentences())
    Y, M = train.resolve(texts, ys, wl)
    W = train.balance(Y, M, langs, srcs)
    dev = [r for r in rows if r.split == "dev"]
    test = [r for r in rows if r.split == "test"]
    dt, dl, ds, dy = train.build(dev)
    Yd, Md = train.resolve(dt, dy, wl)
    Wd = train.balance(Yd, Md, dl, ds, balanced=set(range(len(data.CATS))))
    P = fit(sequences(texts), Y, W, (sequences(dt), Yd, Wd), E0, filters, epochs)

    def parts(texts):
        S = sequences(texts)
        z = np.concatenate([forward(P, S[s:s + 2048])[0] for s in range(0, len(S), 2048)])
        return evaluate.model_scores(texts)[0], common.verdicts(texts)["cats"][:, :RULE_CATS].max(1), z

    # Per head on the calibration split: sigmoid(a·logit(shipped) + c·convolution + b).
    Pm, _, z = parts(dt)
    coef = [student.combine(logit(Pm[Md[:, c] > 0, c]), z[Md[:, c] > 0, c], Yd[Md[:, c] > 0, c], Wd[Md[:, c] > 0, c])
            for c in range(len(data.CATS))]
    report = {"filters": filters, "epochs": epochs, "embeddings": embeddings, "stack": np.round(coef, 3).tolist()}

    def stacked(Pm, z):
        new = np.stack([student.sigmoid(a * logit(Pm[:, c]) + b * z[:, c] + k) for c, (a, b, k) in enumerate(coef)], 1)
        return new + g["gate"] * (np.minimum(new, new[:, :1]) - new)  # the graph's identity cap

    def read(name, rs, y, keys):
        Pm, rules, z = parts([r if isinstance(r, str) else r.text for r in rs])
        before, after = np.maximum(rules, Pm[:, ACTING].max(1)), np.maximum(rules, stacked(Pm, z)[:, ACTING].max(1))
        for key in np.unique(keys):
            m = keys == key
            if 0 < y[m].sum() < m.sum():
                report[f"{name} {key}"] = {"shipped": round(auc(y[m], before[m]), 3), "stacked": round(auc(y[m], after[m]), 3),
                                           "convolution alone": round(auc(y[m], z[m, data.T]), 3)}
                print(name, key, report[f"{name} {key}"], flush=True)

    for name, rs in (("calibration", dev), ("test", test)):
        y = np.array([r.y[r.notion] == 1 for r in rs])
        read(name, rs, y, np.array([r.lang for r in rs]))
        if name == "test":
            read("test", rs, y, np.array([r.src for r in rs]))
    cases = functional.cases("heldout")
    read("functional held-out", [c["text"] for c in cases], np.array([bool(c["label"]) for c in cases]), np.array([c["lang"] for c in cases]))
    # The untouched blind suite: no rule was written from it and no model trained on it.
    cases = [json.loads(l) for lang in ("fr", "en") for l in (UNTOUCHED / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    read("functional10", [c["text"] for c in cases], np.array([bool(c["label"]) for c in cases]), np.array([c["lang"] for c in cases]))
    (common.WORK / f"order_probe-{embeddings}-{filters}.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
