"""The teacher as an upper bound: logistic heads on multilingual-e5-small sentence embeddings,
trained on a per-source sample of the training rows, scored on the French and English test sets
(sampled per source), so the student's distillation loss is a number. Writes work/teacher.json;
evaluate.py puts it beside the student. Usage: teacher_bound.py DATA_DIR (about 15 min on 2 cores,
resumable)."""
import json, sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

import common, data, teacher, train

TRAIN_PER_SOURCE = 1000
TEST_PER_SOURCE = 600


def sample(rows, per_source, seed):
    rng = np.random.default_rng(seed)
    out = []
    for s in sorted({r.src for r in rows}):
        mine = [r for r in rows if r.src == s]
        keep = rng.permutation(len(mine))[:per_source]
        out += [mine[i] for i in sorted(keep)]
    return out


def main():
    rows = [r for r in data.load(sys.argv[1]) if r.lang in ("fr", "en")]
    tr = sample([r for r in rows if r.split == "train"], TRAIN_PER_SOURCE, 0)
    te = sample([r for r in rows if r.split == "test"], TEST_PER_SOURCE, 1)
    texts, langs, srcs, ys = train.build(tr)
    Xtr = teacher.embed(texts, "train-sample")
    Y, M = train.resolve(texts, ys, common.WordList())
    W = train.balance(Y, M, langs, srcs)
    Xte = teacher.embed([r.text for r in te], "test-sample")
    res = {"train_rows": len(tr), "test_rows": len(te), "per_source": {}}
    heads = {}
    for c, name in enumerate(data.CATS):
        sel = M[:, c] > 0
        if len(set(Y[sel, c])) < 2:
            continue
        heads[c] = LogisticRegression(C=10.0, max_iter=2000).fit(Xtr[sel], Y[sel, c], sample_weight=W[sel, c])
    for s in dict.fromkeys(r.src for r in te):
        idx = [i for i, r in enumerate(te) if r.src == s]
        notion = te[idx[0]].notion
        y = np.array([te[i].y[notion] == 1 for i in idx])
        if notion not in heads or not 0 < y.sum() < len(y):
            continue
        p = heads[notion].predict_proba(Xte[idx])[:, 1]
        res["per_source"][s] = {"lang": te[idx[0]].lang, "n": len(idx), "notion": data.CATS[notion],
                                "auc": round(float(roc_auc_score(y, p)), 3),
                                "texts": [te[i].text for i in idx], "y": y.astype(int).tolist()}
    for lang in ("fr", "en"):
        idx = [i for i, r in enumerate(te) if r.lang == lang and r.notion in heads]
        y = np.array([te[i].y[te[i].notion] == 1 for i in idx])
        p = np.array([heads[te[i].notion].predict_proba(Xte[i:i + 1])[0, 1] for i in idx])
        res[f"auc_{lang}"] = round(float(roc_auc_score(y, p)), 3)
    (common.WORK / "teacher.json").write_text(json.dumps(res, ensure_ascii=False))
    print({k: v for k, v in res.items() if k != "per_source"},
          {s: r["auc"] for s, r in res["per_source"].items()})


if __name__ == "__main__":
    main()
