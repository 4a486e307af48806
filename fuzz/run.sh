#!/usr/bin/env bash
# Runs every fuzz target (nightly + cargo-fuzz, installed into ~/.cache/rempart/tools by
# `./build.sh` tools) for RUNS executions each (default 10 million), keeping found inputs in
# fuzz/corpus/<target> and crashes in fuzz/artifacts/<target>. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${REMPART_TOOLS:-$HOME/.cache/rempart/tools}/bin:$PATH"
RUNS=${RUNS:-10000000}
command -v cargo-fuzz >/dev/null || cargo install --locked --root "${REMPART_TOOLS:-$HOME/.cache/rempart/tools}" cargo-fuzz
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
for target in normalize rules jsonl user_rules dossier; do
  mkdir -p "fuzz/corpus/$target"
  echo "==> $target: $RUNS runs"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -runs="$RUNS" -timeout=1 -max_len=30000 -print_final_stats=1 2>&1 \
    | grep -E "stat::number_of_executed_units|stat::peak_rss|Done|ERROR|panicked" || true
done
