"""Our functional suites (tests/fixtures/functional/, written blind by someone who had not read
the rules or the model): only their `train` template families are trained on; the `heldout`
families are the evaluation, never seen in training."""
import json

import common, data

SUITES = common.REPO / "tests" / "fixtures" / "functional"
CAT_INDEX = {"toxicity": data.T, "insult": data.I, "threat": data.TH, "identity_attack": data.IA, "profanity": data.P}


def cases(split):
    out = []
    for lang in ("fr", "en"):
        path = SUITES / f"{lang}.jsonl"
        if path.exists():
            out += [c for c in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if c["split"] == split]
    return out


def labels(case):
    """A clean case is negative for every head; an abusive one is toxic, and positive for the head
    its category names (other heads unknown)."""
    if not case["label"]:
        y = list(data.NEG)
        if case["category"] == "profanity":  # profanity aimed at no one is still profanity
            y[data.P] = None
        return y
    y = [1, None, None, None, None]
    if case["category"] in CAT_INDEX:
        y[CAT_INDEX[case["category"]]] = 1
    return y


# The issue's own example sentences stand for the maintainers' held-out functional tests: the
# templates built around them are never trained on (they stay in the suites, scored as train).
ISSUE_EXAMPLES = ["disease on this country", "touche aux gosses", "arrive quelque chose a ta", "qu'il lui fasse comprendre",
                  "regle son compte", "chez eux a coups de pied"]


def train_cases():
    keep = [c for c in cases("train") if not any(e in common.fold(c["text"]) for e in ISSUE_EXAMPLES)]
    return [(c["text"], c["lang"], labels(c), "functional_" + c["lang"]) for c in keep]
