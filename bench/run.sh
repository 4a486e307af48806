#!/usr/bin/env bash
# Benchmarks (not tests), run by `./build.sh bench` after the build: quality against obscenity,
# word lists and alt-profanity-check on held-out data, speed and scaling next to their baselines,
# Chromium latency and memory, sizes, and the profiles behind missed targets. Writes BENCHMARKS.md
# and bench/results.json. REMPART_BENCH_QUICK=1 runs on small inputs (development only).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${REMPART_DATA:-../shared/data}"
QUICK=${REMPART_BENCH_QUICK:+--quick}
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

mkdir -p bench/out
rm -f bench/out/{quality,speed,chromium,profile,hostile,footprint,locker}.json # a step that fails must not leave old figures
python3 bench/corpus.py bench/out/corpus.jsonl
# The Python baseline and the reused evaluation code run in a bench-only venv (pinned).
[ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
bench/.venv/bin/pip install -q -r bench/requirements.txt

say "speed: wasm and native vs obscenity, cold start, scaling"
node bench/speed.mjs bench/out/corpus.jsonl $QUICK
say "hostile corpus: each entry through the wasm engine"
node bench/hostile.mjs > /dev/null
say "profiles: node --cpu-prof, perf, twiggy"
if [ -n "$QUICK" ]; then head -1000 bench/out/corpus.jsonl > bench/out/corpus-quick.jsonl; fi
node bench/profile.mjs "bench/out/corpus${QUICK:+-quick}.jsonl" > /dev/null
say "evidence locker: 10,000 records (model, suggestions, look-alike index)"
node bench/locker.mjs $([ -n "$QUICK" ] && echo 1000 100) > bench/out/locker.json
say "quality: held-out sets and harassment cases"
bench/.venv/bin/python bench/quality.py "$DATA"
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  say "Chromium: latency (tests/e2e/bench.mjs), memory, profiles"
  node bench/chromium.mjs "$([ -n "$QUICK" ] && echo 5 || echo 40)" > /dev/null
  say "Chromium: memory (PSS) against an empty MV3 extension"
  node bench/footprint.mjs "$([ -n "$QUICK" ] && echo 1 || echo 3)" > /dev/null
else
  say "no Chromium (./build.sh test installs it): browser figures skipped"
fi
bench/.venv/bin/python bench/report.py 2> /dev/null
say "wrote BENCHMARKS.md and bench/results.json"
