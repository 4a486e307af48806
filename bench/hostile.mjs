// Benchmark (not a test): every entry of the hostile corpus through the wasm engine with the
// model, one text per call as the content script's worst case, best of 5 runs each. Writes
// bench/out/hostile.json: slowest entries by family, against the 5 ms budget for a long text.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { hostileCorpus } from '../tests/fixtures/hostile_corpus.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const wasm = await import(`${ROOT}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${ROOT}pkg/rempart_bg.wasm`) });
const engine = new wasm.Engine(new Uint8Array(readFileSync(`${ROOT}models/rempart.onnx`)), null, {});
const corpus = hostileCorpus();
engine.classify(['warm-up']);

const timed = corpus.flatMap((t) => [['text', t.text], ['name', t.name]].map(([part, s]) => {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    engine.classify([s]);
    best = Math.min(best, performance.now() - t0);
  }
  return { family: t.family, part, chars: s.length, ms: best };
}));
timed.sort((a, b) => b.ms - a.ms);
const sorted = timed.map((x) => x.ms).sort((a, b) => a - b);
const out = {
  entries: corpus.length,
  inputs: timed.length,
  p50_ms: sorted[Math.floor(sorted.length / 2)],
  max_ms: sorted.at(-1),
  budget_ms: 5,
  slowest: timed.slice(0, 5).map((x) => ({ ...x, ms: Number(x.ms.toFixed(3)) })),
};
mkdirSync(`${ROOT}bench/out`, { recursive: true });
writeFileSync(`${ROOT}bench/out/hostile.json`, `${JSON.stringify(out, null, 1)}\n`);
console.log(JSON.stringify(out, null, 1));
