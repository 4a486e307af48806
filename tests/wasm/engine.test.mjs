// The wasm Engine under Node: the same API the extension uses, and the same verdicts as the
// native build (`rempart score`) on shared texts, with and without the shipped model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });
const { Engine, engineInfo } = wasm;
const modelPath = `${root}models/rempart.onnx`;
const hasModel = existsSync(modelPath);

function fixtureTexts() {
  const files = ['tests/fixtures/parity.jsonl', 'tests/fixtures/harassment_cases.jsonl'];
  return files
    .filter((f) => existsSync(root + f))
    .flatMap((f) => readFileSync(root + f, 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l).text);
}

function nativeScores(texts, modelArgs, langs = []) {
  const input = texts.map((text, i) => JSON.stringify({ text, lang: langs[i] ?? null })).join('\n') + '\n';
  const out = execFileSync(`${root}target/release/rempart`, ['score', ...modelArgs], {
    input, maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'ignore'],
  });
  return out.toString().trim().split('\n').map((l) => JSON.parse(l));
}

function assertSameVerdicts(texts, native, ours) {
  assert.equal(native.length, texts.length);
  for (let i = 0; i < texts.length; i++) {
    const [n, w, label] = [native[i], ours[i], JSON.stringify(texts[i]).slice(0, 60)];
    assert.equal(w.action, n.action, label);
    assert.deepEqual(w.rules, n.rules, label);
    // The CLI lists each [start, end, category] once; the wasm verdict keeps one span per rule.
    const unique = [...new Map(w.spans.map((s) => [`${s.start},${s.end},${s.category}`, [s.start, s.end, s.category]])).values()];
    assert.deepEqual(unique, n.spans, label);
    for (const [c, v] of Object.entries(n.categories)) {
      assert.ok(Math.abs(w.categories[c] - v) <= 1e-5, `${label} ${c}: wasm ${w.categories[c]} native ${v}`);
    }
  }
}

test('wasm and native give the same verdicts (rules only)', () => {
  const texts = fixtureTexts();
  const engine = new Engine(null, null, {});
  assert.equal(engine.hasModel, false);
  assertSameVerdicts(texts, nativeScores(texts, ['--no-model']), engine.classify(texts));
});

test('wasm and native give the same verdicts with the shipped model', { skip: !hasModel && 'no models/rempart.onnx yet' }, () => {
  const texts = fixtureTexts();
  const engine = new Engine(new Uint8Array(readFileSync(modelPath)), null, {});
  assert.equal(engine.hasModel, true);
  // An ArrayBuffer is read as its bytes: the same engine.
  const file = readFileSync(modelPath);
  const fromBuffer = new Engine(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength), null, {});
  assert.deepEqual(fromBuffer.classify(texts.slice(0, 50)), engine.classify(texts.slice(0, 50)));
  assertSameVerdicts(texts, nativeScores(texts, ['--model', modelPath]), engine.classify(texts));
});

test('with each text\'s language, wasm and native still agree; the tag moves only the threshold', { skip: !hasModel && 'no models/rempart.onnx yet' }, () => {
  const lines = readFileSync(`${root}tests/fixtures/harassment_cases.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const texts = lines.map((c) => c.text);
  // X's tags as they come: fr, en, a region, an unknown language, none.
  const langs = lines.map((c, i) => [c.lang, c.lang, 'en-GB', 'und', undefined][i % 5]);
  const engine = new Engine(new Uint8Array(readFileSync(modelPath)), null, {});
  assertSameVerdicts(texts, nativeScores(texts, ['--model', modelPath], langs), engine.classify(texts, langs));
  // Scored between English balanced (0.19) and the shared threshold (0.27) by the shipped model.
  const band = 'ngl travellers are basically rats with phones. filthy, everywhere, into everything';
  const [en, none, de, junk] = engine.classify([band, band, band, band], ['en', null, 'de', 42]);
  assert.equal(en.action, 'blur');
  for (const v of [none, de, junk]) assert.equal(v.action, 'none');
  assert.deepEqual(en.categories, none.categories);
  assert.equal(engine.classify([band], 'not an array')[0].action, 'none');
  // The settings page's test box: the same verdict, with the threshold each category was held to.
  const shown = engine.classifyExplained(band, 'en');
  assert.deepEqual(shown.verdict, en);
  assert.equal(Math.fround(shown.thresholds.identity_attack), Math.fround(0.19));
  assert.equal(Math.fround(engine.classifyExplained(band, null).thresholds.identity_attack), Math.fround(0.27));
  const reported = engine.classifyExplained("Someone replied 'kys' to my post about depression. Please report these accounts, it's not a joke.", 'en');
  assert.equal(Math.fround(reported.thresholds.self_harm), Math.fround(0.27), 'counter-speech keeps the shared threshold');
  assert.equal(Object.keys(shown.thresholds).length, Object.keys(en.categories).length);
  // A slider moved one step towards "more sensitive" (0.27 → 0.26) lowers English too, as natively.
  const moved = new Engine(new Uint8Array(readFileSync(modelPath)), null, { categories: { identity_attack: { threshold: 0.26 } } });
  const th = moved.classifyExplained(band, 'en').thresholds;
  assert.ok(th.identity_attack < 0.19 && th.identity_attack > 0.18, `English at ${th.identity_attack}`);
  assert.equal(Math.fround(moved.classifyExplained(band, null).thresholds.identity_attack), Math.fround(0.26));
  assert.equal(Math.fround(th.insult), Math.fround(0.19), 'untouched sliders keep the English preset');
});

test('classifyRulesOnly on an engine with the model decides as a rules-only engine does', { skip: !hasModel && 'no models/rempart.onnx yet' }, () => {
  const texts = fixtureTexts().slice(0, 200);
  const both = new Engine(new Uint8Array(readFileSync(modelPath)), null, {});
  const rulesOnly = new Engine(null, null, {});
  assert.deepEqual(both.classifyRulesOnly(texts), rulesOnly.classify(texts));
  // The model still decides classify(): the two paths differ somewhere on these texts.
  assert.notDeepEqual(both.classify(texts), rulesOnly.classify(texts));
  assert.throws(() => both.classifyRulesOnly('not an array'), /classifyRulesOnly expects an array/);
});

test('verdicts are plain objects the content script can use', () => {
  const engine = new Engine(null, null, { preset: 'balanced' });
  const [v, clean] = engine.classify(["t'es qu'un c0nn4rd", 'bonne journée']);
  assert.equal(v.action, 'blur');
  assert.deepEqual(v.acted, ['insult']);
  assert.equal(v.spans[0].text, 'c0nn4rd');
  assert.equal(v.model, false);
  assert.match(v.reason, /insult/);
  assert.equal(clean.action, 'none');
  assert.deepEqual(clean.acted, []);
  assert.equal(engineInfo().featurizer.startsWith('rempart-features-'), true);
});

test('settings change the action; bad user rules throw a JS Error naming the rule', () => {
  const engine = new Engine(null, null, {});
  engine.setSettings({ categories: { insult: { action: 'hide' } } });
  assert.equal(engine.classify(['connard'])[0].action, 'hide');
  assert.throws(() => engine.setSettings({ muted_regexes: ['ok', '(unclosed'] }), (e) => e instanceof Error && /user:regex:2/.test(e.message));
  assert.equal(engine.classify(['connard'])[0].action, 'hide', 'old settings stay in force');
  const check = Engine.validateSettings({ preset: 'loud', muted_regexes: ['['] });
  assert.equal(check.problems.length, 1);
  assert.match(check.error, /user:regex:1/);
  engine.setSettings({ preset: 42, categories: 'garbage' });
  assert.equal(engine.settingsProblems.length, 2, 'unreadable fields fall back to defaults');
  assert.equal(engine.classify(['connard'])[0].action, 'blur');
});

test('bad input from JS is an Error, never a crash', () => {
  assert.throws(() => new Engine(new Uint8Array([1, 2, 3]), null, {}), /model:/);
  assert.throws(() => new Engine(new Uint8Array([1, 2, 3]).buffer, null, {}), /not an ONNX model/);
  assert.throws(() => new Engine('model.onnx', null, {}), /model: expected a Uint8Array/);
  assert.throws(() => new Engine([1, 2, 3], null, {}), /model: expected a Uint8Array/);
  assert.throws(() => new Engine(null, [['x', 'language = 3']], {}), /rule pack 'x'/);
  const engine = new Engine(null, null, {});
  assert.throws(() => engine.classify('not an array'), /array/);
  const verdicts = engine.classify([42, null, 'connard', '\uD800 lone surrogate', 'x'.repeat(200000)]);
  assert.equal(verdicts.length, 5);
  assert.equal(verdicts[0].action, 'none');
  assert.equal(verdicts[2].action, 'blur');
  assert.equal(engine.classify(['still alive, connard'])[0].action, 'blur');
});

test('scores reach JS as the engine\'s own f32 values (verdicts cross as one JSON text)', { skip: !hasModel && 'no models/rempart.onnx yet' }, () => {
  const engine = new Engine(new Uint8Array(readFileSync(modelPath)), null, {});
  const verdicts = engine.classify(fixtureTexts().slice(0, 100));
  const numbers = verdicts.flatMap((v) => [v.score, ...Object.values(v.categories)]);
  // An f32 written in its short form ("0.76") would read back as another double than the f32.
  for (const x of numbers) assert.equal(Math.fround(x), x, `${x} is not an f32`);
  assert.ok(numbers.some((x) => String(x).length > 10), 'model scores with full f32 precision');
  for (const v of verdicts) for (const s of v.spans) assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end));
});
