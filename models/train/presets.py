"""Derives the three presets' thresholds from the calibration split (never the test sets), on
what the engine really does: `rempart score` with the shipped model, rules included. A post is
acted on when any category whose default action is not `none` reaches the threshold.
  balanced: the lowest threshold that acts on <= 10% of benign posts in each language (the issue
            also asks >= 80% of abusive ones: where both cannot hold, the benign side is kept, since
            a filter that blurs a third of a timeline gets switched off, and the recall given up is
            reported);
  gentle:   the lowest threshold that blurs <= 3% of benign posts in each language;
  strict:   the highest threshold that acts on >= 90% of abusive posts in each language.
Each preset gets one threshold per language (French, English: the engine reads a post's language
from X's `lang`) and a shared one that meets the rule in both, for posts in any other language or
none. One shared threshold let the French benign rate decide for English too (stop 26: English
acted on 6.6% of its benign posts at balanced, 0.07 of recall left unused).
Abusive = positive for the label its source annotates; benign = negative for toxicity (a hate
set's "not hate" counts only when no rule and no listed word sees anything in it).
Usage: presets.py DATA_DIR [split] — prints the thresholds and each one's recall / benign rate
(with split `test`: the rates on the test sets at the thresholds chosen on `dev`)."""
import json, sys

import numpy as np

# train.py reads its own arguments at import: take ours first.
SPLIT = sys.argv.pop(2) if len(sys.argv) > 2 else "dev"
import common, data, train  # noqa: E402

ACTING = [c for c in common.CAT_ORDER if c != "profanity"]
GRID = np.round(np.arange(0.02, 0.96, 0.01), 2)


def scored(rows):
    texts, langs, srcs, ys = train.build(rows)
    Y, M = train.resolve(texts, ys, common.WordList())
    cats = common.verdicts(texts, common.REPO / "models" / "rempart.onnx")["cats"]
    s = cats[:, [common.CAT_ORDER.index(c) for c in ACTING]].max(1)
    abusive = np.array([r.y[r.notion] == 1 for r in rows])
    benign = (M[:, data.T] > 0) & (Y[:, data.T] == 0)
    return s, abusive, benign, langs


def rates(s, abusive, benign, langs, t):
    """Recall and benign rate per language at t: one threshold, or {lang: threshold}."""
    out = {}
    for lang in ("fr", "en"):
        a, b = abusive & (langs == lang), benign & (langs == lang)
        tl = t[lang] if isinstance(t, dict) else t
        out[lang] = {"recall": round(float((s[a] >= tl).mean()), 3), "benign_acted": round(float((s[b] >= tl).mean()), 3)}
    return out


def derive(s, abusive, benign, langs):
    table = {t: rates(s, abusive, benign, langs, t) for t in GRID}

    def rule(ls):
        recall = lambda t, r: all(table[t][l]["recall"] >= r for l in ls)
        fp = lambda t, f: all(table[t][l]["benign_acted"] <= f for l in ls)
        balanced = min([t for t in GRID if fp(t, 0.10)], default=GRID[-1])
        strict = max([t for t in GRID if recall(t, 0.9)], default=GRID[0])
        gentle = min([t for t in GRID if fp(t, 0.03)], default=GRID[-1])
        return {"gentle": float(gentle), "balanced": float(balanced), "strict": float(min(strict, balanced))}

    per = {"shared": rule(("fr", "en")), "fr": rule(("fr",)), "en": rule(("en",))}
    return {p: {k: per[k][p] for k in per} for p in ("gentle", "balanced", "strict")}, table


def main():
    rows = [r for r in data.load(sys.argv[1]) if r.lang in ("fr", "en")]
    split = SPLIT
    dev = [r for r in rows if r.split == split]
    s, a, b, l = scored(dev)
    if split == "dev":
        presets, _ = derive(s, a, b, l)
    else:  # thresholds chosen on the calibration split, reported here on held-out data
        presets = json.loads((common.WORK / "presets-dev.json").read_text())["presets"]
    out = {"split": split, "presets": presets,
           "at_presets": {k: rates(s, a, b, l, v) for k, v in presets.items()},
           "at_shared": {k: rates(s, a, b, l, v["shared"]) for k, v in presets.items()},
           "abusive": {x: int((a & (l == x)).sum()) for x in ("fr", "en")},
           "benign": {x: int((b & (l == x)).sum()) for x in ("fr", "en")}}
    (common.WORK / f"presets-{split}.json").write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
