// Settings sync's pure part under Node: splitting under the browsers' quotas, reading back a
// complete, partial or corrupt copy, the newest-change-wins merge, and the writes it asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sanitize, DEFAULTS, BEFORE_SYNC, stamp, metaOf } from '../../extension/shared/settings.js';
import { split, join, merge, diff, quotaKind, itemBytes, partKey, HEAD, QUOTA } from '../../extension/shared/sync-split.js';

const handles = (n, p) => Array.from({ length: n }, (_, i) => `${p}${i}`);
const heavy = () => sanitize({
  preset: 'strict', categories: { insult: { threshold: 0.2, action: 'hide' }, threat: { action: 'blur' } },
  blocklist: handles(400, 'troll_'), allowlist: handles(150, 'amie_'),
  muted_regexes: Array.from({ length: 120 }, (_, i) => `\\bmot${i}[a-z]*\\b`),
  muted_words: Array.from({ length: 10000 }, (_, i) => `mot-masqué-${i}`),
});
const allAt = (t) => ({ preset: t, categories: t, blocklist: t, allowlist: t, muted_regexes: t, muted_words: t });

function checkQuotas(items) {
  const sizes = Object.entries(items).map(([k, v]) => itemBytes(k, v));
  assert.ok(Math.max(...sizes) <= QUOTA.PER_ITEM, `largest item ${Math.max(...sizes)}`);
  assert.ok(sizes.reduce((a, b) => a + b) <= QUOTA.TOTAL, `total ${sizes.reduce((a, b) => a + b)}`);
  assert.ok(sizes.length <= QUOTA.MAX_ITEMS);
}

test('split: a small setup syncs whole and reads back identical', async () => {
  const s = sanitize({ preset: 'gentle', categories: { doxxing: { action: 'hide' } }, blocklist: ['a_b'], allowlist: ['amie'], muted_words: ['mot'], muted_regexes: ['x+'] });
  const { items, unsynced } = await split(s, allAt(5));
  checkQuotas(items);
  assert.deepEqual(unsynced, { muted_words: 0, muted_regexes: 0, allowlist: 0, blocklist: 0 });
  const r = await join(items);
  assert.equal(r.state, 'ok');
  assert.deepEqual(r.bad, {});
  for (const f of ['preset', 'categories', 'blocklist', 'allowlist', 'muted_words', 'muted_regexes']) assert.deepEqual(r.fields[f], { value: s[f], at: 5 }, f);
});

test('join: thresholds from a device whose sliders moved by 5 are cleaned; from this version they are kept', async () => {
  const pinned = ['insult', 'identity_attack', 'sexual_harassment', 'doxxing', 'self_harm', 'defamation', 'profanity'];
  const categories = { ...Object.fromEntries(pinned.map((c) => [c, { threshold: 0.3 }])), threat: { threshold: 0.3, action: 'hide' }, toxicity: { threshold: 0.4 } };
  const s = sanitize({ preset: 'balanced', categories, slider_step: 1 });
  assert.deepEqual(s.categories, categories);
  const { items } = await split(s, allAt(5));
  assert.equal(items[HEAD].slider_step, 1);
  assert.deepEqual((await join(items)).fields.categories.value, categories, 'written by this version: 0.30 was chosen');
  // The same head as an older version writes it (no slider_step): 0.30 on 8 of 9 sliders is the old
  // balanced slider untouched.
  const { slider_step, ...old } = items[HEAD];
  const r = await join({ ...items, [HEAD]: old });
  assert.deepEqual(r.bad, {});
  assert.deepEqual(r.fields.categories.value, { threat: { action: 'hide' }, toxicity: { threshold: 0.4 } });
  // Under the remote's own preset: 0.30 is no gentle artefact.
  const gentle = await join({ ...items, [HEAD]: { ...old, preset: 'gentle' } });
  assert.deepEqual(gentle.fields.categories.value, categories);
  // A choice made on this version, passed on by an older device that rewrote the head: kept.
  const relayed = await join({ ...items, [HEAD]: { ...old, categories: { insult: { threshold: 0.3 } } } });
  assert.deepEqual(relayed.fields.categories.value, { insult: { threshold: 0.3 } });
});

test('split: 10,000 muted words stay under every quota; a prefix syncs, the rest is counted', async () => {
  const s = heavy();
  const { items, synced, unsynced } = await split(s, allAt(9));
  checkQuotas(items);
  assert.equal(unsynced.blocklist + unsynced.allowlist + unsynced.muted_regexes, 0, 'the lists fit');
  assert.ok(synced.muted_words.length > 3000, `${synced.muted_words.length} muted words sync`);
  assert.equal(synced.muted_words.length + unsynced.muted_words, 10000);
  assert.deepEqual(synced.muted_words, s.muted_words.slice(0, synced.muted_words.length));
  const r = await join(items);
  assert.deepEqual(r.fields.muted_words.value, synced.muted_words);
  assert.deepEqual(r.fields.blocklist.value, s.blocklist);
  // Half the budget (the retry after a browser's quota refusal): less syncs, still consistent.
  const half = await split(s, allAt(9), { scale: 0.5 });
  assert.ok(half.synced.muted_words.length < synced.muted_words.length);
  assert.deepEqual((await join(half.items)).fields.muted_words.value, half.synced.muted_words);
});

test('split: characters Chromium escapes and long UTF-8 words are counted at their real size', async () => {
  const words = Array.from({ length: 3000 }, (_, i) => `<&>${'é'.repeat(10)}${i}🙂`);
  const { items } = await split(sanitize({ muted_words: words }), allAt(3));
  checkQuotas(items);
  // Counted as Chromium's writer stores it: "<" as \u003C (6 bytes).
  for (const [k, v] of Object.entries(items)) {
    const chromium = Buffer.byteLength(k) + Buffer.byteLength(JSON.stringify(v).replace(/[<>&]/g, '\\u003C'));
    assert.ok(chromium <= QUOTA.PER_ITEM, `${k}: ${chromium}`);
  }
});

test('join: corrupt, newer-format, partial or hand-edited copies give nothing for what is wrong', async () => {
  const s = heavy();
  const { items } = await split(s, allAt(9));
  assert.equal((await join({})).state, 'empty');
  for (const head of [null, 'x', [1], { v: 'one' }, { v: 0 }]) assert.equal((await join({ ...items, [HEAD]: head })).state, 'corrupt');
  assert.equal((await join({ ...items, [HEAD]: { v: 2 } })).state, 'newer');
  // A part not arrived yet (sync delivers items one by one): only that list is missing.
  const missing = { ...items };
  delete missing[partKey('muted_words', 1)];
  let r = await join(missing);
  assert.equal(r.bad.muted_words, 'partial');
  assert.equal(r.fields.muted_words, undefined);
  assert.deepEqual(r.fields.blocklist.value, s.blocklist);
  assert.equal(r.stamps.muted_words, 9);
  // A part from another version of the list (digest mismatch) is partial too.
  r = await join({ ...items, [partKey('blocklist', 0)]: ['someone_else'] });
  assert.equal(r.bad.blocklist, 'partial');
  // Values the lenient reader would reset: the field is refused whole, never half-applied.
  r = await join({ ...items, [HEAD]: { ...items[HEAD], preset: 'brutal', at: { ...items[HEAD].at, categories: 'x' } } });
  assert.equal(r.bad.preset, 'corrupt');
  assert.equal(r.bad.categories, 'corrupt');
  assert.deepEqual(r.fields.allowlist.value, s.allowlist);
  // A hand-edited part with a matching digest still goes through the lenient reader.
  const forged = [42, 'not a handle!'];
  const { items: bad } = await split(sanitize({ allowlist: ['ok', 'ok2'] }), allAt(4));
  bad[partKey('allowlist', 0)] = forged;
  bad[HEAD].lists.allowlist.parts = [createHash('sha256').update(JSON.stringify(forged)).digest('hex').slice(0, 12)];
  assert.equal((await join(bad)).bad.allowlist, 'corrupt');
});

const local = sanitize({ preset: 'balanced', blocklist: ['troll_a'], muted_words: ['un', 'deux'] });
const metaAt = (at, base = {}) => ({ at: { ...allAt(0), ...at }, base });

test('merge: per field, the newest change wins; older or equal changes leave this device alone', async () => {
  const theirs = sanitize({ preset: 'strict', blocklist: ['troll_a', 'troll_b'], muted_words: ['un'] });
  const remote = await join((await split(theirs, { preset: 20, blocklist: 5, muted_words: 20 })).items);
  const m = merge(local, metaAt({ preset: 10, blocklist: 10, muted_words: 10 }, { muted_words: ['un', 'deux'] }), remote, 30);
  assert.equal(m.settings.preset, 'strict');
  assert.deepEqual(m.settings.blocklist, ['troll_a'], 'the local blocklist is newer');
  assert.deepEqual(m.settings.muted_words, ['un'], '"deux" was synced before, then removed on the newer device');
  assert.deepEqual(m.applied.sort(), ['muted_words', 'preset']);
  assert.equal(m.push, true, 'the newer local blocklist goes out');
  assert.equal(m.meta.at.preset, 20);
  const same = merge(m.settings, m.meta, await join((await split(m.settings, m.meta.at)).items), 40);
  assert.deepEqual(same.applied, []);
  assert.equal(same.push, false, 'nothing newer on either side: no write (no ping-pong)');
});

test('merge: entries that never synced from here (did not fit) survive a newer list from elsewhere', async () => {
  const s = heavy();
  const mine = await split(s, allAt(9));
  const base = mine.synced;
  // The other device had only the synced prefix; it removes one and adds one.
  const theirs = { ...s, muted_words: [...base.muted_words.slice(1), 'nouveau'] };
  const remote = await join((await split(theirs, allAt(50))).items);
  const m = merge(s, { at: allAt(9), base }, remote, 60);
  assert.ok(!m.settings.muted_words.includes(base.muted_words[0]), 'removed there, removed here');
  assert.ok(m.settings.muted_words.includes('nouveau'));
  assert.equal(m.settings.muted_words.length, 10000, 'every local-only word kept');
  assert.ok(m.settings.muted_words.includes('mot-masqué-9999'));
});

test('merge: a half-arrived copy falls back to local and waits; an old broken one is rewritten', async () => {
  const { items } = await split(sanitize({ muted_words: ['neuf'] }), allAt(50));
  delete items[partKey('muted_words', 0)];
  const partial = await join(items);
  let m = merge(local, metaAt({ muted_words: 10 }), partial, 60);
  assert.deepEqual(m.settings.muted_words, local.muted_words);
  assert.equal(m.push, false, 'the newer copy is on its way: do not overwrite it');
  m = merge(local, metaAt({ muted_words: 70 }), partial, 80);
  assert.equal(m.push, true, 'ours is newer than the broken copy: rewrite it');
  m = merge(local, metaAt({ preset: 10 }), { state: 'corrupt', fields: {}, stamps: {}, bad: {} }, 80);
  assert.deepEqual(m.settings, local);
  assert.equal(m.push, true);
  m = merge(local, metaAt({ preset: 10 }), { state: 'newer', fields: {}, stamps: {}, bad: {} }, 80);
  assert.equal(m.push, false, 'a later version\'s copy is left alone');
  // Never changed here (a fresh profile): nothing to send.
  assert.equal(merge(sanitize(DEFAULTS), metaAt({}), { state: 'empty', fields: {}, stamps: {}, bad: {} }).push, false);
});

test('merge: two devices set up before sync keep both lists; a change after applying always wins', async () => {
  const a = sanitize({ blocklist: ['troll_a'], preset: 'strict' });
  const b = sanitize({ blocklist: ['troll_b'], preset: 'gentle' });
  const metaA = metaOf(undefined, a);
  assert.equal(metaA.at.blocklist, BEFORE_SYNC);
  assert.equal(metaA.at.muted_words, 0);
  const remote = await join((await split(a, metaA.at)).items);
  const m = merge(b, metaOf(undefined, b), remote, 1000);
  assert.deepEqual(m.settings.blocklist, ['troll_a', 'troll_b']);
  assert.equal(m.settings.preset, 'strict');
  assert.equal(m.push, true);
  assert.ok(m.meta.at.blocklist >= 1000);
  // This device's clock is far behind the other's: its next change still counts as newer.
  const ahead = await join((await split(a, allAt(5e12))).items);
  const applied = merge(b, metaAt({ preset: 10 }), ahead, 1000);
  const after = stamp(applied.meta, applied.settings, { ...applied.settings, preset: 'balanced' }, 1000);
  assert.ok(after.at.preset > 5e12);
});

test('diff: only changed items are written, only our stale ones removed', async () => {
  const s = heavy();
  const before = (await split(s, allAt(9))).items;
  const after = (await split({ ...s, blocklist: [...s.blocklist, 'new_one'] }, { ...allAt(9), blocklist: 11 })).items;
  const { set, remove } = diff({ ...before, other_extension_key: 1, settings: { old: true } }, after);
  // The head, the blocklist's one part, and at most the last muted-words part (its share shrank).
  const written = Object.keys(set);
  assert.ok(written.includes(HEAD) && written.includes(partKey('blocklist', 0)));
  assert.ok(written.length <= 3, written.join(' '));
  assert.ok(Object.keys(before).length > 12);
  assert.deepEqual(remove, ['settings'], 'the copy of versions before 0.2 goes; foreign keys stay');
  const shorter = (await split({ ...s, muted_words: [] }, allAt(12))).items;
  assert.ok(diff(before, shorter).remove.every((k) => k.startsWith('rempart:muted_words:')));
});

test('quota errors: each browser\'s wording is recognised', () => {
  assert.equal(quotaKind(new Error('QUOTA_BYTES quota exceeded')), 'bytes');
  assert.equal(quotaKind(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')), 'bytes');
  assert.equal(quotaKind(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded')), 'rate');
  // Chromium 156's wording (seen in tests/e2e/sync.test.mjs).
  assert.equal(quotaKind(new Error('Resource::kQuotaBytes quota exceeded')), 'bytes');
  assert.equal(quotaKind(new Error('Resource::kMaxWriteOperationsPerHour quota exceeded')), 'rate');
  assert.equal(quotaKind(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.')), 'bytes');
  assert.equal(quotaKind(new Error('An unexpected error occurred')), null);
});
