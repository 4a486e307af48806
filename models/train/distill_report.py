"""Held-out figures of distillation variants beside v3 (for the model card; never used to choose:
distill.py chooses on the calibration split): combined `rempart score` ROC-AUC on the French and
English test sets, held-out functional families' accuracy at the compiled balanced preset, and
identity-term false positives. Usage: distill_report.py DATA_DIR VARIANT... (work/variant-*.onnx)"""
import json, sys

ARGS, sys.argv[2:] = sys.argv[2:], []
import numpy as np  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

import common, distill_sets, functional  # noqa: E402


def main():
    root = sys.argv[1]
    rows = [r for r in distill_sets.rows(root) if r.split == "test" and r.lang in ("fr", "en")]
    texts, y = [r.text for r in rows], np.array([r.y[r.notion] == 1 for r in rows])
    lang = np.array([r.lang for r in rows])
    cases = functional.cases("heldout")
    ok_y = np.array([bool(c["label"]) for c in cases])
    clang = np.array([c["lang"] for c in cases])
    ident = distill_sets.fixtures()["identity_terms"]
    out = {}
    for name in ["v3", *ARGS]:
        model = common.REPO / "models" / "rempart.onnx" if name == "v3" else common.WORK / f"variant-{name}.onnx"
        s = common.verdicts(texts, model)["score"]
        ok = common.verdicts([c["text"] for c in cases], model)["flag"] == ok_y
        out[name] = {"combined_test_auc": {l: round(float(roc_auc_score(y[lang == l], s[lang == l])), 3) for l in ("fr", "en")},
                     "functional_heldout": {l: round(float(ok[clang == l].mean()), 3) for l in ("fr", "en")},
                     "identity_fp": round(float(common.verdicts(ident, model)["flag"].mean()), 3)}
        print(name, out[name], flush=True)
    (common.WORK / "distill_report.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
