// Profiles that explain the figures missing their targets (measured, not guessed): where the
// wasm engine spends its time under Node (`node --cpu-prof`), the same natively (`perf`), and
// what makes the wasm module big (`twiggy`). Writes bench/out/profile.json.
// Usage: node bench/profile.mjs [corpus.jsonl]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${root}bench/out/`;
const TOOLS = process.env.REMPART_TOOLS ?? `${process.env.HOME}/.cache/rempart/tools`;

const short = (name) => name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110);
// The crate a Rust symbol belongs to: its first path segment (`<tract_core::… as …>` → tract_core).
const crateOf = (name) => (/([A-Za-z_]\w*)(?:\[\w+\])?::/.exec(name)?.[1] ?? name);

/** Shares summed per crate, so a cost spread over many small functions still shows. */
export function byCrate(rows, n = 8) {
  const crates = new Map();
  for (const r of rows) crates.set(crateOf(r.fn), (crates.get(crateOf(r.fn)) ?? 0) + r.share);
  return [...crates].sort((a, b) => b[1] - a[1]).slice(0, n).map(([crate, share]) => ({ crate, share: +share.toFixed(3) }));
}

/** Self time per function of a V8 CPU profile (.cpuprofile, or CDP Profiler.stop), largest first. */
export function topFunctions(profile, n = 12) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url } = byId.get(id).callFrame;
    const name = short(functionName || `(anonymous ${url.split('/').pop()})`);
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([fn, us]) => ({ fn, self_ms: +(us / 1000).toFixed(1), share: +(us / total).toFixed(3) }));
}

/** Where a V8 profile's time went: idle, the browser's own work, GC, wasm, JavaScript. */
export function split(profile) {
  const kind = (fn) => (fn === '(idle)' ? 'idle' : fn === '(program)' ? 'native' : fn === '(garbage collector)' ? 'gc'
    : /^(wasm-function|\$|wasm-to-js|js-to-wasm)/.test(fn) ? 'wasm' : 'js');
  const out = { idle: 0, native: 0, gc: 0, wasm: 0, js: 0 };
  for (const r of topFunctions(profile, Infinity)) out[kind(r.fn)] += r.share;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, +v.toFixed(3)]));
}

/** A copy of the shipped wasm keeping its function names (pkg/ has them removed for size). */
function namedPkg() {
  const raw = `${root}target/wasm32-unknown-unknown/wasm/rempart.wasm`;
  const bindgen = `${TOOLS}/bin/wasm-bindgen`;
  if (!existsSync(raw) || !existsSync(bindgen)) return { pkg: `${root}pkg/`, named: false };
  execFileSync(bindgen, ['--target', 'web', '--no-typescript', '--out-dir', `${OUT}pkg-names`, raw]);
  return { pkg: `${OUT}pkg-names/`, named: true };
}

/** `node --cpu-prof` of a script run on the named copy, summed per function and per crate. */
function wasmProfile(pkg, ...script) {
  const dir = `${OUT}prof`;
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`, ...script],
    { env: { ...process.env, REMPART_PKG: pkg }, stdio: 'ignore' });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const all = topFunctions(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), Infinity);
  return { top: all.slice(0, 12), crates: byCrate(all) };
}

function nativeProfile(corpus) {
  const data = `${OUT}perf.data`;
  try {
    execFileSync('perf', ['record', '-F', '999', '-o', data, `${root}target/release/rempart`, 'bench', corpus,
      '--model', `${root}models/rempart.onnx`], { stdio: 'ignore' });
    const report = execFileSync('perf', ['report', '-i', data, '--stdio', '--no-children', '--sort', 'symbol',
      '--percent-limit', '0.05'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
    const all = report.split('\n').map((l) => /^\s+([\d.]+)%\s+\[\.\]\s+(.+?)\s*$/.exec(l)).filter(Boolean)
      .map((m) => ({ fn: short(m[2].replace(/\s{2,}.*$/, '')), share: +(Number(m[1]) / 100).toFixed(4) }));
    return { top: all.slice(0, 12), crates: byCrate(all) };
  } catch (e) {
    return { top: [{ fn: `perf unavailable: ${e.message.split('\n')[0]}`, share: null }], crates: [] };
  }
}

/** Bytes of the wasm module per crate (twiggy's items grouped by their first path segment). */
function wasmSizes(wasmFile) {
  let csv;
  try {
    csv = execFileSync(`${TOOLS}/bin/twiggy`, ['top', '-n', '1000000', '-f', 'csv', wasmFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch {
    return [];
  }
  const crates = new Map();
  for (const line of csv.trim().split('\n').slice(1)) {
    const m = /^"?(.*?)"?,(\d+),/.exec(line);
    if (!m || m[1].includes('function names')) continue; // the names are not in the shipped module
    const crate = m[1].startsWith('data segment') ? '(data segments)' : crateOf(m[1]);
    crates.set(crate, (crates.get(crate) ?? 0) + Number(m[2]));
  }
  const total = [...crates.values()].reduce((a, b) => a + b, 0);
  return [...crates].sort((a, b) => b[1] - a[1]).slice(0, 10)
    .map(([crate, bytes]) => ({ crate, bytes, share: +(bytes / total).toFixed(3) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const corpus = process.argv[2] ?? `${OUT}corpus.jsonl`;
  mkdirSync(OUT, { recursive: true });
  const { pkg, named } = namedPkg();
  const result = {
    wasm_names: named, wasm_cpu: wasmProfile(pkg, `${root}bench/wasm_throughput.mjs`, corpus),
    wasm_cold_start: wasmProfile(pkg, `${root}bench/speed.mjs`, '--cold', 'wasm'), native_cpu: nativeProfile(corpus),
    wasm_size: named ? wasmSizes(`${pkg}rempart_bg.wasm`) : [],
  };
  writeFileSync(`${OUT}profile.json`, JSON.stringify(result, null, 1) + '\n');
  console.log(JSON.stringify(result, null, 1));
}
