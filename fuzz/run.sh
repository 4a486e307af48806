#!/usr/bin/env bash
# Runs the fuzz targets (nightly + cargo-fuzz, installed into ~/.cache/rempart/tools on first
# use) for RUNS executions each (default 10 million): `bash fuzz/run.sh [target ...]`.
# JOBS=n splits each target's runs over n processes sharing the corpus.
# Found inputs grow fuzz/corpus/<target>; crashes and inputs slower than 100 ms land in
# fuzz/artifacts/<target> (copy them to tests/fixtures/fuzz/<target>/ to keep them as regression
# tests). Slow inputs are then replayed in a plain release build (examples/fuzz_replay.rs): the
# fuzzer's coverage instrumentation and a busy machine inflate its timings several times, so
# only an input still over 100 ms there fails the run. Logs go to fuzz/logs/.
# Not part of `./build.sh test`: 10 million runs of every target take hours on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${REMPART_TOOLS:-$HOME/.cache/rempart/tools}
export PATH="$TOOLS/bin:$PATH"
RUNS=${RUNS:-10000000}
JOBS=${JOBS:-1}
# The crate has no unsafe code outside src/wasm.rs (not built natively), so AddressSanitizer
# adds little but a 2-3x slowdown; SANITIZER=address turns it back on.
SANITIZER=${SANITIZER:-none}
command -v cargo-fuzz >/dev/null || cargo install --locked --root "$TOOLS" cargo-fuzz
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize rules jsonl user_rules dossier)
mkdir -p fuzz/logs
cargo build --release --quiet --example fuzz_replay
failed=0
for target in "${targets[@]}"; do
  # User rules compile regexes on every input (~0.5 ms each); real settings are small.
  max_len=30000; [ "$target" = user_rules ] && max_len=4096
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  echo "==> $target: $RUNS runs in $JOBS process(es) (sanitizer: $SANITIZER, max_len $max_len)"
  start=$(date +%s)
  cargo +nightly fuzz build -s "$SANITIZER" --release "$target"
  bin="fuzz/target/x86_64-unknown-linux-gnu/release/$target"
  pids=()
  for job in $(seq 1 "$JOBS"); do
    # -timeout only stops a hung run (instrumented, on a shared machine); 100 ms is checked below.
    "$bin" "fuzz/corpus/$target" -runs=$((RUNS / JOBS)) -timeout=10 -rss_limit_mb=2048 \
      -max_len="$max_len" -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
      >"fuzz/logs/$target.$job.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do
    # Non-zero: a crash or hang (crash-*, timeout-*, oom-* in fuzz/artifacts/$target) or an interrupt.
    wait "$pid" || { code=$?; failed=1; echo "    a job exited with $code: see fuzz/logs/$target.*.log and fuzz/artifacts/$target"; }
  done
  total=$(cat fuzz/logs/"$target".*.log | awk '/stat::number_of_executed_units/ { n += $2 } END { print n + 0 }')
  echo "    $total executions in $(( $(date +%s) - start )) s"
  slow=(fuzz/artifacts/"$target"/slow-*)
  if [ -e "${slow[0]}" ]; then
    echo "    ${#slow[@]} input(s) over 100 ms under the fuzzer; replayed without instrumentation:"
    target/release/examples/fuzz_replay "$target" "${slow[@]}" | sed 's/^/    /' || failed=1
  fi
done
exit $failed
