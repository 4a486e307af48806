#!/usr/bin/env bash
# Reproduces models/rempart.onnx, its presets and its evaluation from ../shared/data:
#   bash models/train/train.sh      (from the repository root; see models/README.md for timings)
# Teacher passes are cached in models/train/work (resumable: rerun after an interruption).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${REMPART_DATA:-../shared/data}"
T=models/train
[ -x $T/.venv/bin/python ] || python3 -m venv $T/.venv
$T/.venv/bin/pip install -q -r $T/requirements.txt
mkdir -p $T/work
# The word-list baseline, pinned, installed into the ignored scratch folder.
[ -d $T/work/node_modules/naughty-words ] || npm install --silent --no-save --prefix $T/work naughty-words@1.2.0 french-badwords-list@1.0.7
# Features come from the engine's own featurizer: build it first so both agree.
# (a failed build of unrelated work in progress falls back to the existing binary: the model
# records the featurizer version and the engine refuses a mismatch.)
cargo build --release --bin rempart || [ -x target/release/rempart ]
$T/.venv/bin/python $T/train.py "$DATA"
# The presets are derived from the calibration split with the new model (and written to work/).
$T/.venv/bin/python $T/presets.py "$DATA"
# The teacher's upper bound (e5 on a sample; the slowest step, cached).
$T/.venv/bin/python $T/teacher_bound.py "$DATA"
$T/.venv/bin/python $T/evaluate.py "$DATA"
# Optional (measured, not adopted; models/README.md "Sentence-level distillation"): the USE
# teacher over every text, cross-fitted, and the student variants distilled from it. It reads the
# v3 model just written and never replaces it. About an hour on one core, cached and resumable.
if [ "${REMPART_DISTILL:-0}" = 1 ]; then
  $T/.venv/bin/python $T/distill_teacher.py "$DATA" linear
  $T/.venv/bin/python $T/distill_bound.py "$DATA"
  $T/.venv/bin/python $T/distill.py "$DATA"
  $T/.venv/bin/python $T/distill_report.py "$DATA" hard-e5 soft-e5 teacher-e5 soft-use hard-both soft-both soft-both-aug
fi
# Optional (measured, not adopted; models/README.md "A student that reads word order"): a
# convolution over the ordered vocabulary ids, stacked with the shipped model. A few minutes.
if [ "${REMPART_ORDER_PROBE:-0}" = 1 ]; then
  $T/.venv/bin/python $T/order_probe.py "$DATA" 64 8 folded
  $T/.venv/bin/python $T/order_probe.py "$DATA" 64 8 e5
fi
