"""The teacher bound on teacher_bound.py's sample, where e5 sentence embeddings are cached: the
same logistic heads on e5, on USE and on both side by side, trained on the same 16,000 training
texts and scored on the same sampled test texts, so the two teachers compare like for like.
Writes work/teacher_compare.json. Usage: distill_bound.py DATA_DIR"""
import json, sys

import numpy as np

import common, distill_sets, distill_teacher, teacher, teacher_bound, train


def main():
    root = sys.argv[1]
    rows = [r for r in distill_sets.rows(root) if r.lang in ("fr", "en")]
    tr = teacher_bound.sample([r for r in rows if r.split == "train"], teacher_bound.TRAIN_PER_SOURCE, 0)
    te = teacher_bound.sample([r for r in rows if r.split == "test"], teacher_bound.TEST_PER_SOURCE, 1)
    texts, langs, srcs, ys = train.build(tr)
    Y, M = train.resolve(texts, ys, common.WordList())
    W = train.balance(Y, M, langs, srcs)
    E = distill_sets.embed_all(root)
    index = lambda name, extra: {t: i for i, t in enumerate(distill_sets.split(root, name, extra)[0])}
    itr, ite = index("train", True), index("test", False)
    use_tr, use_te = E["train"][[itr[t] for t in texts]], E["test"][[ite[r.text] for r in te]]
    e5_tr, e5_te = teacher.embed(texts, "train-sample"), teacher.embed([r.text for r in te], "test-sample")
    out = {}
    for name, a, b in (("e5", e5_tr, e5_te), ("use", use_tr, use_te),
                       ("e5+use", np.hstack([e5_tr, use_tr]), np.hstack([e5_te, use_te]))):
        pred = distill_teacher.fit_linear_dense(a, Y, W, 1e-3)
        out[name] = distill_teacher.auc_by(te, pred(b))
        print(name, out[name], flush=True)
    (common.WORK / "teacher_compare.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
