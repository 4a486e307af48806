// Texts per second of the wasm Engine under Node (one thread, batches of 64) on a JSON Lines
// corpus, with and without the model; prints one JSON object per configuration. REMPART_PKG
// points at another wasm-bindgen output (bench/profile.mjs profiles a copy that keeps names).
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const corpusPath = process.argv[2] ?? `${root}bench/out/corpus.jsonl`;
const texts = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const pkg = process.env.REMPART_PKG ?? `${root}pkg/`;
const wasm = await import(`${pkg}rempart.js`);
const t0 = performance.now();
wasm.initSync({ module: readFileSync(`${pkg}rempart_bg.wasm`) });
const modelPath = `${root}models/rempart.onnx`;
const configs = [['rules', null]];
if (existsSync(modelPath)) configs.push(['rules+model', new Uint8Array(readFileSync(modelPath))]);

for (const [name, model] of configs) {
  const start = performance.now();
  const engine = new wasm.Engine(model, null, {});
  engine.classify(['premier tweet']);
  const coldMs = performance.now() - start + (name === 'rules' ? start - t0 : 0);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const s = performance.now();
    for (let i = 0; i < texts.length; i += 64) engine.classify(texts.slice(i, i + 64));
    best = Math.min(best, performance.now() - s);
  }
  console.log(JSON.stringify({
    engine: `wasm ${name}`, texts: texts.length, seconds: +(best / 1000).toFixed(4),
    texts_per_second: Math.round(texts.length / (best / 1000)), cold_start_ms: +coldMs.toFixed(1),
  }));
}
