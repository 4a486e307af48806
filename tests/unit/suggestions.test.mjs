// The locker's returning-account suggestions under Node, with the real wasm matcher: saved captures
// of the fixture accounts give the engine's suggestions; confirming makes one person whose
// timeline covers every handle; a rejected pair is never suggested again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derive } from '../../extension/evidence/model.js';
import { accountsOf, confirmRecord, olderAndNewer, pairKey, pendingSuggestions, rejectRecord } from '../../extension/evidence/suggestions.js';
import { personTimeline } from '../../extension/evidence/timeline.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });
const { linkAccounts } = wasm;

const fixture = readFileSync(`${root}tests/fixtures/link/accounts.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const personOf = new Map(fixture.map((a) => [a.handle.toLowerCase(), a.person]));

/** One capture record per fixture text, a day apart, in fixture order (seq as the chain would). */
function captures() {
  let seq = 0;
  return fixture.flatMap((a) => a.texts.map((text) => {
    seq += 1;
    const time = new Date(Date.UTC(2026, 0, 1) + seq * 86400000).toISOString();
    return { kind: 'capture', seq, captured_at: time, tweet: { author_handle: a.handle, author_name: a.name, text, time } };
  }));
}

test('the locker suggests what the engine suggests for its saved authors, never two fixture strangers', () => {
  const records = captures();
  const model = derive(records);
  const pending = pendingSuggestions(records, model, linkAccounts);
  const engine = linkAccounts(accountsOf(model), null);
  assert.equal(pending.length, engine.length);
  assert.ok(pending.length >= 8, `${pending.length} suggestions`);
  for (const s of pending) assert.equal(personOf.get(s.a), personOf.get(s.b), `${s.a} / ${s.b}: ${s.reasons}`);
  assert.ok(pending.some((s) => pairKey(s.a, s.b) === pairKey('jean_dupont', 'jean_dupont2')));
  for (let i = 1; i < pending.length; i++) assert.ok(pending[i - 1].score >= pending[i].score, 'best first');
});

test('confirming links the newer handle to the older person; the timeline covers every handle in order', () => {
  const records = captures();
  let model = derive(records);
  const s = pendingSuggestions(records, model, linkAccounts).find((x) => pairKey(x.a, x.b) === pairKey('jean_dupont2', 'jean_dupont'));
  assert.deepEqual(olderAndNewer(model, s.a, s.b), ['jean_dupont', 'jean_dupont2']);
  const link = confirmRecord(model, s, '2026-03-01T10:00:00.000Z');
  assert.deepEqual({ ...link, reasons: undefined }, { kind: 'link', handle: 'jean_dupont2', to: 'jean_dupont', at: '2026-03-01T10:00:00.000Z', source: 'suggestion', score_milli: Math.round(s.score * 1000), reasons: undefined });
  assert.ok(Number.isInteger(link.score_milli), 'sealed records refuse floats');
  records.push({ ...link, seq: records.length + 1 });
  model = derive(records);
  assert.equal(model.rootOf('jean_dupont2'), 'jean_dupont');
  const pending = pendingSuggestions(records, model, linkAccounts);
  assert.ok(!pending.some((x) => pairKey(x.a, x.b) === pairKey('jean_dupont', 'jean_dupont2')), 'a confirmed pair is not suggested again');
  // The third account is still suggested against the person, then confirmed too.
  const third = pending.find((x) => [x.a, x.b].includes('jeandupont_'));
  records.push({ ...confirmRecord(model, third), seq: records.length + 1 });
  model = derive(records);
  const tl = personTimeline(model.persons.get('jean_dupont'));
  assert.deepEqual(tl.handles, ['jean_dupont', 'jean_dupont2', 'jeandupont_']);
  assert.deepEqual(tl.perHandle, { jean_dupont: 4, jean_dupont2: 3, jeandupont_: 3 });
  assert.equal(tl.count, 10);
  assert.ok(tl.first < tl.last);
});

test('a rejected pair is never suggested again, even after new captures of both handles', () => {
  const records = captures();
  let model = derive(records);
  const s = pendingSuggestions(records, model, linkAccounts).find((x) => pairKey(x.a, x.b) === pairKey('nat_roux', 'nathalieroux'));
  assert.ok(s, 'nat_roux / nathalieroux suggested');
  records.push({ ...rejectRecord(s), seq: records.length + 1 });
  for (const handle of ['nat_roux', 'nathalieroux']) {
    records.push({ kind: 'capture', seq: records.length + 1, captured_at: '2026-06-01T00:00:00.000Z', tweet: { author_handle: handle, author_name: 'Nathalie Roux', text: 'Madame, quelle honte. Pathétique.', time: '2026-06-01T00:00:00.000Z' } });
  }
  model = derive(records);
  assert.ok(!pendingSuggestions(records, model, linkAccounts).some((x) => pairKey(x.a, x.b) === pairKey('nat_roux', 'nathalieroux')));
  assert.notEqual(model.rootOf('nat_roux'), model.rootOf('nathalieroux'), 'rejecting links nothing');
});

test('a locker with fewer than two authors has nothing to suggest', () => {
  const one = captures().filter((c) => c.tweet.author_handle === 'jean_dupont');
  assert.deepEqual(pendingSuggestions(one, derive(one), linkAccounts), []);
});
