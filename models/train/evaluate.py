"""Evaluates the shipped model on held-out data (test splits, held-out CyberAgressionAdo
scenarios), side by side with rules-only, combined and a word list; identity-term false
positives; calibration. Writes models/EVALUATION.md and models/evaluation.json."""
import json, sys

import numpy as np
import onnxruntime as ort
from sklearn.metrics import roc_auc_score

import common, data, functional, student

MODEL = common.REPO / "models" / "rempart.onnx"
ACTING = ["toxicity", "insult", "threat", "identity_attack"]  # the model's heads that blur/flag by default
def balanced_threshold(langs=None):
    """The balanced preset's threshold, as presets.py chose it (train.sh runs it first), so the
    model-only columns are read where the engine acts; 0.5 before any preset was derived. With
    `langs`, one threshold per text: the preset's for that language, else the shared one."""
    path = common.WORK / "presets-dev.json"
    b = json.loads(path.read_text())["presets"]["balanced"] if path.exists() else 0.5
    b = b if isinstance(b, dict) else {"shared": b}
    return b["shared"] if langs is None else np.array([b.get(l, b["shared"]) for l in langs])


IDENTITY = common.REPO / "tests" / "fixtures" / "identity_terms.jsonl"
CASES = common.REPO / "tests" / "fixtures" / "harassment_cases.jsonl"


def model_scores(texts):
    """The shipped graph run by onnxruntime on the engine's own features (and vocabulary ids)."""
    sess = ort.InferenceSession(str(MODEL), providers=["CPUExecutionProvider"])
    meta = sess.get_modelmeta().custom_metadata_map
    X = common.features(texts, int(meta["buckets"]))
    A = None
    if "vocab" in meta:
        vocab_file = common.WORK / "eval_vocab.txt"
        vocab_file.write_text(meta["vocab"] + "\n", encoding="utf-8")
        A = student.word_ids(texts, vocab_file)
    out = []
    for s in range(0, len(texts), 512):
        feeds = {}
        for (name, wname), M in ((("ids", "weights"), X), (("words", "word_weights"), A)):
            if M is None:
                continue
            part = M[s:s + 512]
            width = max(1, np.diff(part.indptr).max())
            ids = np.zeros((part.shape[0], width), np.int64)
            w = np.zeros((part.shape[0], width), np.float32)
            for i in range(part.shape[0]):
                a, b = part.indptr[i], part.indptr[i + 1]
                ids[i, :b - a], w[i, :b - a] = part.indices[a:b], part.data[a:b]
            feeds[name], feeds[wname] = ids, w
        out.append(sess.run(["scores"], feeds)[0])
    return np.concatenate(out), meta["categories"].split(",")


def metrics(y, score, flag):
    y = np.asarray(y, bool)
    auc = roc_auc_score(y, score) if 0 < y.sum() < len(y) else float("nan")
    tpr, tnr = (flag[y].mean() if y.any() else np.nan), ((~flag[~y]).mean() if (~y).any() else np.nan)
    return {"auc": round(float(auc), 3), "acc": round(float((flag == y).mean()), 3),
            "bal_acc": round(float(np.nanmean([tpr, tnr])), 3)}


def ece(y, p, prior, bins=10):
    """Expected calibration error with classes re-weighted to the head's prior (the prevalence
    the scores are calibrated for, whatever a set's own base rate)."""
    y = np.asarray(y, float)
    w = np.where(y == 1, prior / max(y.sum(), 1), (1 - prior) / max((1 - y).sum(), 1))
    idx = np.minimum((p * bins).astype(int), bins - 1)
    return float(sum(abs((w * (y - p))[idx == k].sum()) for k in range(bins)))


def main():
    rows = [r for r in data.load(sys.argv[1]) if r.split == "test"]
    texts = [r.text for r in rows]
    y = np.array([r.y[r.notion] == 1 for r in rows])
    src = np.array([r.src for r in rows]); lang = np.array([r.lang for r in rows])
    notion = np.array([data.CATS[r.notion] for r in rows])
    # Each text with its language, as X tags a tweet: the presets' thresholds are per language.
    rules, comb = common.verdicts(texts, langs=list(lang)), common.verdicts(texts, MODEL, list(lang))
    P, cats = model_scores(texts)
    m_all = P[:, [cats.index(c) for c in ACTING]].max(1)
    m_notion = P[np.arange(len(rows)), [cats.index(n) for n in notion]]
    wl = common.WordList()
    wlist = np.array([wl.hits(t) for t in texts])
    prior = train_info().get("prior", {})
    # The notion head thresholded where its score means even odds (v1's operating point): what
    # the model ranks, apart from the prior that makes the balanced preset cautious.
    even = np.array([prior.get(n, 0.5) for n in notion])
    t = balanced_threshold(lang)
    systems = {"rules": (rules["score"], rules["score"] >= t), "word_list": (wlist.astype(float), wlist),
               "model": (m_all, m_all >= t), "model_notion_head": (m_notion, m_notion >= t),
               "notion_head_even_odds": (m_notion, m_notion >= even),
               "combined": (comb["score"], comb["flag"])}

    def table(sel):
        return {name: metrics(y[sel], s[sel], f[sel]) for name, (s, f) in systems.items()}

    res = {"per_source": {}, "per_language": {}}
    for s in dict.fromkeys(src):
        sel = src == s
        res["per_source"][s] = {"lang": lang[sel][0], "notion": notion[sel][0], "n": int(sel.sum()),
                                "positives": round(float(y[sel].mean()), 3), **table(sel)}
    for l in dict.fromkeys(lang):
        sel = lang == l
        res["per_language"][l] = {"n": int(sel.sum()), "positives": round(float(y[sel].mean()), 3), **table(sel)}

    ident = [json.loads(l) for l in IDENTITY.read_text().splitlines() if l.strip()]
    itexts = [d["text"] for d in ident]
    ilang = np.array([d["lang"] for d in ident])
    ic, ir = common.verdicts(itexts, MODEL, list(ilang)), common.verdicts(itexts, langs=list(ilang))
    ip, _ = model_scores(itexts)
    im = ip[:, [cats.index(c) for c in ACTING]].max(1) >= balanced_threshold(ilang)
    res["identity_terms"] = {
        "n": len(itexts), "combined_fp_rate": round(float(ic["flag"].mean()), 3),
        "per_language": {l: round(float(ic["flag"][ilang == l].mean()), 3) for l in dict.fromkeys(ilang)},
        "rules_fp_rate": round(float(ir["flag"].mean()), 3), "model_fp_rate": round(float(im.mean()), 3),
        "flagged": [t for t, f in zip(itexts, ic["flag"]) if f]}

    cases = [json.loads(l) for l in CASES.read_text().splitlines() if l.strip()]
    ctexts = [d["text"] for d in cases]
    act = np.array([d["expect"] == "act" for d in cases])
    clang = np.array([d["lang"] for d in cases])
    cc, cr = common.verdicts(ctexts, MODEL, list(clang)), common.verdicts(ctexts, langs=list(clang))
    cp, _ = model_scores(ctexts)
    kind = np.array([d["kind"] for d in cases])
    cm = cp[:, [cats.index(c) for c in ACTING]].max(1) >= balanced_threshold(clang)
    res["harassment_cases"] = {
        "n_act": int(act.sum()), "n_none": int((~act).sum()),
        **{f"{name}_{k}": v for name, f in (("combined", cc["flag"]), ("rules", cr["flag"]), ("model", cm))
           for k, v in (("act_recall", round(float(f[act].mean()), 3)), ("none_fp_rate", round(float(f[~act].mean()), 3)))},
        "combined_per_language": {l: {"act_recall": round(float(cc["flag"][act & (clang == l)].mean()), 3),
                                      "none_fp_rate": round(float(cc["flag"][~act & (clang == l)].mean()), 3)}
                                  for l in dict.fromkeys(clang)},
        "combined_act_recall_per_kind": {k: round(float(cc["flag"][act & (kind == k)].mean()), 3)
                                         for k in dict.fromkeys(kind[act])},
        "false_positives": [t for t, f, a in zip(ctexts, cc["flag"], act) if f and not a],
        "model_threat_on_self_harm": round(float(cp[kind == "self_harm", cats.index("threat")].mean()), 3),
        "model_threat_on_threats": round(float(cp[kind == "threat", cats.index("threat")].mean()), 3)}

    res["functional"] = functional_results()
    res["teacher"] = teacher_results()

    cal = {}
    for l in dict.fromkeys(lang):
        for head in ("toxicity", "identity_attack"):
            sel = (lang == l) & (notion == head)
            if sel.sum() > 100 and 0 < y[sel].sum() < sel.sum():
                cal[f"{l} {head}"] = round(ece(y[sel], P[sel, cats.index(head)], prior.get(head, 0.5)), 3)
    res["calibration_ece_at_prior"] = cal
    res["model"] = {"file": "models/rempart.onnx", "bytes": MODEL.stat().st_size, "categories": cats}
    res["training"] = train_info()
    (common.REPO / "models" / "evaluation.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
    (common.REPO / "models" / "EVALUATION.md").write_text(report(res))
    print(report(res))


def functional_results():
    """Accuracy of `rempart score`'s flag (balanced preset) on the held-out template families of
    our functional suites, per language and function; the trained-on families beside them."""
    out = {}
    for split in ("heldout", "train"):
        cases = functional.cases(split)
        if not cases:
            continue
        flag = common.verdicts([c["text"] for c in cases], MODEL, [c["lang"] for c in cases])["flag"]
        ok = flag == np.array([bool(c["label"]) for c in cases])
        for lang in ("fr", "en"):
            mine = [i for i, c in enumerate(cases) if c["lang"] == lang]
            funcs = {}
            for i in mine:
                funcs.setdefault(cases[i]["function"], []).append(ok[i])
            out[f"{lang}_{split}"] = {"n": len(mine), "accuracy": round(float(ok[mine].mean()), 3),
                                      "per_function": {f: round(float(np.mean(v)), 3) for f, v in sorted(funcs.items())}}
    return out


def teacher_results():
    """The teacher's notion-head AUC on its sampled test texts, and the student's on the same texts."""
    path = common.WORK / "teacher.json"
    if not path.exists():
        return {}
    t = json.loads(path.read_text())
    out = {}
    for s, r in t["per_source"].items():
        P, cats = model_scores(r["texts"])
        p = P[:, cats.index(r["notion"])]
        out[s] = {"lang": r["lang"], "n": r["n"], "teacher_auc": r["auc"],
                  "student_auc": round(float(roc_auc_score(r["y"], p)), 3)}
    return out


def train_info():
    info = common.WORK / "train_info.json"
    return json.loads(info.read_text()) if info.exists() else {}


# The rule packs' group-hate, threat, incitement and accusation rules (rules/*_group.toml,
# rules/*_person.toml) were measured once on the held-out families, then extended from those misses.
FUNCTIONAL_CAVEAT = ("The held-out rows are out of sample for the model, not for the rule packs: the rules were "
                     "measured once on them (fr 0.542, en 0.484; v3 0.557 / 0.483), then extended from their misses.\n\n")


def report(res):
    names = ["rules", "word_list", "model", "model_notion_head", "notion_head_even_odds", "combined"]
    head = "| set | n | pos | " + " | ".join(f"{n} AUC / acc / bal" for n in names) + " |\n"
    head += "|---" * (3 + len(names)) + "|\n"
    cell = lambda m: f"{m['auc']:.3f} / {m['acc']:.3f} / {m['bal_acc']:.3f}"
    out = ["# Rempart model evaluation (generated by models/train/evaluate.py)\n",
           "Held-out data only. AUC = ROC-AUC; acc = accuracy at the balanced preset (`rempart score` flag); bal = "
           "balanced accuracy (accuracy on a class-balanced version of the set). `model` = the highest "
           "of the model's acting heads (what the engine does without rules); `model_notion_head` = the "
           "head matching what the set labels (identity_attack for hate sets, toxicity otherwise); "
           "`notion_head_even_odds` = that head thresholded at its prior (where its score means even odds, "
           "v1's operating point); `combined` = `rempart score` (rules + model, its `score` and `flag`). "
           "Scores are calibrated to the priors in `training.prior` (evaluation.json), so accuracy at the preset "
           "on these class-balanced-ish sets trades recall for fewer false positives on real timelines.\n",
           "## Per language (test sets pooled)\n", head]
    out += [f"| {l} | {r['n']} | {r['positives']} | " + " | ".join(cell(r[n]) for n in names) + " |\n"
            for l, r in res["per_language"].items()]
    out += ["\n## Per source\n", head.replace("| set |", "| set (lang, labels) |")]
    out += [f"| {s} ({r['lang']}, {r['notion']}) | {r['n']} | {r['positives']} | " + " | ".join(cell(r[n]) for n in names) + " |\n"
            for s, r in res["per_source"].items()]
    it = res["identity_terms"]
    out += [f"\n## Identity terms ({it['n']} neutral sentences, tests/fixtures/identity_terms.jsonl)\n",
            f"False-positive rate at the balanced preset: combined {it['combined_fp_rate']} "
            f"(per language {it['per_language']}), rules only {it['rules_fp_rate']}, model only {it['model_fp_rate']}.\n"]
    out += [f"- flagged: {t}\n" for t in it["flagged"]]
    hc = res["harassment_cases"]
    out += [f"\n## Harassment cases (tests/fixtures/harassment_cases.jsonl: {hc['n_act']} act, {hc['n_none']} none)\n",
            "| system | act recall | none false-positive rate |\n|---|---|---|\n"]
    out += [f"| {s} | {hc[s + '_act_recall']} | {hc[s + '_none_fp_rate']} |\n" for s in ("rules", "model", "combined")]
    out += [f"\nCombined per language: {hc['combined_per_language']}; act recall per kind: "
            f"{hc['combined_act_recall_per_kind']}. Model threat score, mean: self-harm encouragement "
            f"{hc['model_threat_on_self_harm']}, threats {hc['model_threat_on_threats']}.\n"]
    out += [f"- false positive: {t}\n" for t in hc["false_positives"]]
    fn = res.get("functional", {})
    if fn:
        out += ["\n## Functional suites (tests/fixtures/functional/, written blind; `rempart score` flag at balanced)\n",
                FUNCTIONAL_CAVEAT,
                "| suite | n | accuracy | per function |\n|---|---|---|---|\n"]
        out += [f"| {k} | {v['n']} | {v['accuracy']} | " + ", ".join(f"{f} {a}" for f, a in v["per_function"].items()) + " |\n"
                for k, v in fn.items()]
    te = res.get("teacher", {})
    if te:
        out += ["\n## Teacher (e5 sentence embeddings + logistic heads) vs student, same sampled test texts, notion-head AUC\n",
                "| source | lang | n | teacher | student |\n|---|---|---|---|---|\n"]
        out += [f"| {s} | {v['lang']} | {v['n']} | {v['teacher_auc']} | {v['student_auc']} |\n" for s, v in te.items()]
    out += ["\n## Calibration (expected calibration error, classes re-weighted to each head's prior, test sets)\n"]
    out += [f"- {k}: {v}\n" for k, v in res["calibration_ece_at_prior"].items()]
    return "".join(out)


if __name__ == "__main__":
    main()
