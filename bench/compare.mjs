// Before/after figures for a change (benchmark, not a test): cold start (Node, fresh processes,
// bytes → first verdict), Chromium 50 tweets → verdicts p50/p95 (tests/e2e/bench.mjs) and memory
// PSS against an empty MV3 extension (bench/footprint.mjs), for this checkout and for an older
// one built in another directory, rounds interleaved on the same machine.
// Usage: node bench/compare.mjs BEFORE_ROOT [rounds]   (BEFORE_ROOT: a built checkout, e.g. a
// `git worktree` of the previous commit after ./build.sh). Writes bench/out/compare.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const after = fileURLToPath(new URL('../', import.meta.url));
const before = process.argv[2];
const ROUNDS = Number(process.argv[3] ?? 2);
if (!before) {
  console.error('usage: node bench/compare.mjs BEFORE_ROOT [rounds]');
  process.exit(2);
}
const builds = { before: before.replace(/\/?$/, '/'), after };
const run = (args, cwd) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const total = (steps) => steps.reduce((a, b) => a + b, 0);

const samples = { before: { cold: [], p50: [], p95: [] }, after: { cold: [], p50: [], p95: [] } };
const memory = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, root] of Object.entries(builds)) {
    for (let i = 0; i < 5; i++) samples[name].cold.push(JSON.parse(run([`${root}bench/speed.mjs`, '--cold', 'wasm'], root)));
    const lat = JSON.parse(run([`${root}tests/e2e/bench.mjs`, '20'], root)).batch_to_verdicts_ms;
    samples[name].p50.push(lat.p50);
    samples[name].p95.push(lat.p95);
  }
  memory.push(JSON.parse(run([`${after}bench/footprint.mjs`, '1', `before=${builds.before}dist/chrome`, `after=${after}dist/chrome`], after)).variants);
}

const result = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', rounds: ROUNDS, before: builds.before, commit: {}, figures: {} };
for (const [name, root] of Object.entries(builds)) {
  result.commit[name] = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const s = samples[name];
  const cold = median(s.cold.map(total));
  const mem = (when, what) => median(memory.map((v) => v[name][when][what] - v.empty_mv3[when][what]));
  result.figures[name] = {
    cold_start_ms: +cold.toFixed(1),
    cold_start_steps_ms: s.cold.find((x) => total(x) === cold).map((x) => +x.toFixed(1)),
    batch50_p50_ms: median(s.p50), batch50_p95_ms: median(s.p95),
    pss_over_empty_mv3_after_load_bytes: { extension_process: mem('after_load', 'extension_process'), browser_total: mem('after_load', 'browser_total') },
    pss_over_empty_mv3_after_1000_bytes: { extension_process: mem('after_1000_tweets', 'extension_process'), browser_total: mem('after_1000_tweets', 'browser_total') },
  };
}
result.empty_mv3_pss_bytes = { extension_process: median(memory.map((v) => v.empty_mv3.after_load.extension_process)),
  browser_total: median(memory.map((v) => v.empty_mv3.after_load.browser_total)) };
mkdirSync(`${after}bench/out`, { recursive: true });
writeFileSync(`${after}bench/out/compare.json`, JSON.stringify(result, null, 1) + '\n');
console.log(JSON.stringify(result));
