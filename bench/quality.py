"""Quality side by side: Rempart (balanced preset) vs obscenity, word lists and alt-profanity-check
on the held-out test sets of models/EVALUATION.md (French, English) and on the hand-written
harassment cases. Writes bench/out/quality.json. Usage: python bench/quality.py [DATA_DIR]"""
import json, subprocess, sys
from collections import defaultdict
from pathlib import Path
from unittest import mock

import numpy as np
from profanity_check import predict_prob

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "models" / "train"))
import common, data, evaluate  # noqa: E402  (the trainers' loaders and metrics, reused as is)

OUT = REPO / "bench" / "out"
CASES = REPO / "tests" / "fixtures" / "harassment_cases.jsonl"
LANGS = ("fr", "en")


class FrEnWordList(common.WordList):
    LANGS = ["fr", "en"]  # what a French- or English-speaking user would install


def word_list():
    # common.WordList reads WORK/node_modules; the bench's lists are the root devDependencies.
    with mock.patch.object(common, "WORK", REPO):
        return FrEnWordList()


def obscenity(texts):
    inp = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts).encode()
    out = subprocess.run(["node", str(REPO / "bench" / "obscenity.mjs")], input=inp, capture_output=True, check=True)
    flags = np.array([c == "1" for c in out.stdout.decode().split()])
    assert len(flags) == len(texts)
    return flags


def systems(texts, langs):
    """name → (score or None where the system only says yes/no, flag). Rempart is told each
    text's language, as X's `lang` tells the extension (its presets are per language)."""
    comb = common.verdicts(texts, evaluate.MODEL, list(langs))
    wl = word_list()
    apc = predict_prob(texts)
    return {"rempart": (comb["score"], comb["flag"]), "obscenity": (None, obscenity(texts)),
            "word_lists": (None, np.array([wl.hits(t) for t in texts])),
            "alt_profanity_check": (apc, apc >= 0.5)}


def table(y, sys_, sel):
    out = {}
    for name, (score, flag) in sys_.items():
        m = evaluate.metrics(y[sel], (flag.astype(float) if score is None else score)[sel], flag[sel])
        if score is None:
            m["auc"] = None  # a yes/no answer has no ranking to measure
        neg = sel & ~y
        m["fpr"] = round(float(flag[neg].mean()), 3) if neg.any() else None
        out[name] = m
    return out


def held_out(root):
    # The same rows and labels as models/train/evaluate.py: test splits, the source's own notion.
    rows = [r for r in data.load(root) if r.split == "test" and r.lang in LANGS]
    y = np.array([r.y[r.notion] == 1 for r in rows])
    lang = np.array([r.lang for r in rows])
    s = systems([r.text for r in rows], lang)
    return {l: {"n": int((lang == l).sum()), "positives": round(float(y[lang == l].mean()), 3), **table(y, s, lang == l)}
            for l in LANGS}


def cases():
    rows = [json.loads(l) for l in CASES.read_text(encoding="utf-8").splitlines() if l.strip()]
    y = np.array([r["expect"] == "act" for r in rows])
    lang = np.array([r["lang"] for r in rows])
    s = systems([r["text"] for r in rows], lang)
    kind = np.array([r["kind"] for r in rows])
    res = {l: {"n": int((lang == l).sum()), **table(y, s, lang == l)} for l in LANGS}
    # Per kind: share of texts each system acts on (recall for harmful kinds, FP rate for the rest).
    per_kind = defaultdict(dict)
    for k in dict.fromkeys(kind):
        sel = kind == k
        per_kind[k] = {"n": int(sel.sum()), "harmful": bool(y[sel][0]),
                       **{name: round(float(f[sel].mean()), 3) for name, (_, f) in s.items()}}
    res["per_kind"] = per_kind
    return res


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    common.WORK = OUT  # the verdict cache lives with the bench output, not in the trainers' folder
    root = sys.argv[1] if len(sys.argv) > 1 else str(REPO.parent / "shared" / "data")
    res = {"held_out": held_out(root), "harassment_cases": cases(),
           "model_bytes": evaluate.MODEL.stat().st_size}
    (OUT / "quality.json").write_text(json.dumps(res, indent=1) + "\n")
    print(f"quality: {OUT / 'quality.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
