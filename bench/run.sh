#!/usr/bin/env bash
# Benchmarks (not tests): throughput of the native CLI and of the wasm Engine under Node on the
# same 10,000 tweets from ../shared/data, in the same run, plus the wasm module's size.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
python3 bench/corpus.py bench/out/corpus.jsonl
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -m), $(date -u +%Y-%m-%dT%H:%MZ)"
target/release/rempart bench bench/out/corpus.jsonl --no-model 2>/dev/null | sed 's/^/native rules:       /'
if [ -f models/rempart.onnx ]; then
  target/release/rempart bench bench/out/corpus.jsonl --model models/rempart.onnx 2>/dev/null | sed 's/^/native rules+model: /'
fi
node bench/wasm_throughput.mjs bench/out/corpus.jsonl
raw=$(stat -c %s pkg/rempart_bg.wasm)
gz=$(gzip -9 -c pkg/rempart_bg.wasm | wc -c)
echo "{\"wasm_bytes\": $raw, \"wasm_gzip_bytes\": $gz}"
