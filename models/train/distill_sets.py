"""The texts the sentence-level distillation reads, in one place: the training rows (with our own
sentences, exactly as train.py builds them), the calibration and test splits, and the fixtures
that are only ever scored. Each set's USE embeddings are cached by content (teacher.embed)."""
import functools, json, sys

import augment, data, functional, teacher, train


@functools.lru_cache(maxsize=None)
def rows(root):
    return data.load(root)


def split(root, name, extra=False):
    """(texts, langs, srcs, ys, rows) of one split; train includes train.py's own sentences."""
    mine = [r for r in rows(root) if r.split == name]
    texts, langs, srcs, ys = train.build(mine, train.extra_sentences() if extra else ())
    return texts, langs, srcs, ys, mine


def fixtures():
    """Texts the teacher only scores (never trained on): our augmented sentences (the student may
    learn them), and the held-out functional families, identity terms and cases (evaluation)."""
    fx = {"augment": [t for t, *_ in augment.sentences()],
          "functional_heldout": [c["text"] for c in functional.cases("heldout")]}
    for name in ("identity_terms", "harassment_cases"):
        path = train.common.REPO / "tests" / "fixtures" / f"{name}.jsonl"
        fx[name] = [json.loads(l)["text"] for l in path.read_text().splitlines() if l.strip()]
    return fx


def embed_all(root):
    out = {}
    for name, extra in (("train", True), ("dev", False), ("test", False)):
        out[name] = teacher.embed(split(root, name, extra)[0], name, "use")
    for name, texts in fixtures().items():
        out[name] = teacher.embed(texts, name, "use")
    return out


if __name__ == "__main__":
    for k, v in embed_all(sys.argv[1]).items():
        print(k, v.shape)
