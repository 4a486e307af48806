// The hostile corpus (tests/fixtures/hostile_corpus.mjs) through the wasm Engine with the shipped
// model, texts and display names: every entry gets a well-formed verdict, spans stay inside the
// text, and the engine is still usable afterwards. Timing is measured in bench/, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hostileCorpus } from '../fixtures/hostile_corpus.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });
const modelPath = `${root}models/rempart.onnx`;
const model = existsSync(modelPath) ? new Uint8Array(readFileSync(modelPath)) : null;
const ACTIONS = ['none', 'flag', 'blur', 'hide'];

test('the hostile corpus gets a well-formed verdict for every text and name', () => {
  const corpus = hostileCorpus();
  assert.ok(corpus.length >= 200, `${corpus.length} entries`);
  const engine = new wasm.Engine(model, null, { muted_words: ['brocoli'], muted_regexes: ['(a+)+$'] });
  const inputs = corpus.flatMap((t) => [t.text, t.name]);
  const verdicts = engine.classify(inputs);
  assert.equal(verdicts.length, inputs.length);
  verdicts.forEach((v, i) => {
    const label = `${corpus[i >> 1].family} #${i >> 1}: ${JSON.stringify(inputs[i].slice(0, 40))}`;
    assert.ok(ACTIONS.includes(v.action), label);
    assert.ok(v.score >= 0 && v.score <= 1, label);
    const chars = [...inputs[i]].length;
    for (const s of v.spans) assert.ok(s.start <= s.end && s.end <= chars, `${label}: span ${s.start}..${s.end} of ${chars}`);
  });
  // Insults wrapped in markup, bidi overrides and combining marks are still caught.
  const wrapped = corpus.map((t, i) => [t, verdicts[2 * i]]).filter(([t]) => t.family === 'with_insult');
  for (const [t, v] of wrapped) assert.ok(v.categories.insult >= 0.5, `insult missed in ${JSON.stringify(t.text.slice(0, 60))}`);
  assert.equal(engine.classify(['espèce de connard'])[0].action, 'blur', 'the engine still works afterwards');
});
