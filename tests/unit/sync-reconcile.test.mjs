// background/sync.js under Node against a storage that refuses writes like Chromium: a save goes
// out to sync, a quota refusal loses nothing and is reported, another device's change is applied,
// and a half-arrived copy waits without touching what the filter uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeChrome } from './lib/fake-storage.mjs';

const chrome = fakeChrome();
globalThis.chrome = chrome;
const S = await import('../../extension/shared/settings.js');
const Split = await import('../../extension/shared/sync-split.js');
await import('../../extension/background/sync.js');

const local = chrome.storage.local.data;
const sync = chrome.storage.sync.data;
const status = () => local.get('sync_status');
/** Waits for the next reconcile to report (the debounces are 0.3 s for sync, 2 s for local). */
async function settled(since = status()?.checked ?? 0) {
  const end = Date.now() + 10000;
  while (!(status()?.checked > since)) {
    assert.ok(Date.now() < end, 'sync status never updated');
    await new Promise((r) => setTimeout(r, 50));
  }
  // A follow-up round (our own write's echo) may be due: let it land too.
  await new Promise((r) => setTimeout(r, 500));
  return status();
}
const remote = async () => Split.join(Object.fromEntries(sync));

test('a fresh profile writes nothing; a save is mirrored to sync', { timeout: 20000 }, async () => {
  assert.equal((await settled(-1)).state, 'ok');
  assert.equal(sync.size, 0, 'nothing changed here yet: nothing to send');
  const before = status().checked;
  await S.save({ ...S.DEFAULTS, preset: 'strict', blocklist: ['troll_1'], muted_words: ['ordure'] });
  await settled(before);
  const r = await remote();
  assert.equal(r.fields.preset.value, 'strict');
  assert.deepEqual(r.fields.blocklist.value, ['troll_1']);
  assert.deepEqual(r.fields.muted_words.value, ['ordure']);
  assert.equal(r.fields.preset.at, local.get(S.META).at.preset);
});

test('QUOTA_BYTES: the local copy is kept, applied, and the error is reported', { timeout: 30000 }, async () => {
  // Another extension's data cannot be in our sync area, but a browser may count more than we do:
  // fill it so that even half our budget is refused.
  for (let i = 0; i < 13; i++) sync.set(`filler${i}`, 'x'.repeat(7900));
  const before = status().checked;
  await S.save({ ...local.get('settings'), preset: 'gentle', muted_words: ['ordure', 'raclure'] });
  const st = await settled(before);
  assert.equal(st.state, 'error');
  assert.match(st.error, /QUOTA_BYTES/);
  assert.equal(local.get('settings').preset, 'gentle', 'the change is kept and used here');
  assert.deepEqual(local.get('settings').muted_words, ['ordure', 'raclure']);
  assert.equal((await remote()).fields.preset.value, 'strict', 'the synced copy is the last good one, whole');
  // Room again: the next change goes out, with everything since.
  for (let i = 0; i < 13; i++) sync.delete(`filler${i}`);
  const again = status().checked;
  await S.save({ ...local.get('settings'), allowlist: ['amie'] });
  assert.equal((await settled(again)).state, 'ok');
  const r = await remote();
  assert.equal(r.fields.preset.value, 'gentle');
  assert.deepEqual(r.fields.muted_words.value, ['ordure', 'raclure']);
});

test('another device\'s newer change is applied; a half-arrived one waits', { timeout: 20000 }, async () => {
  const mine = local.get('settings');
  const later = Date.now() + 60000;
  const theirs = { ...mine, preset: 'balanced', muted_words: ['ordure', 'raclure', 'pourriture'] };
  const { items } = await Split.split(theirs, { ...local.get(S.META).at, preset: later, muted_words: later });
  // The head arrives first (sync delivers item by item): the new list is not complete yet.
  const before = status().checked;
  await chrome.storage.sync.set({ [Split.HEAD]: items[Split.HEAD] });
  const st = await settled(before);
  assert.equal(st.state, 'waiting');
  assert.deepEqual(st.waiting, ['muted_words']);
  assert.deepEqual(local.get('settings').muted_words, ['ordure', 'raclure'], 'local list still used');
  assert.equal(local.get('settings').preset, 'balanced', 'the complete field is applied at once');
  const next = status().checked;
  await chrome.storage.sync.set(items);
  assert.equal((await settled(next)).state, 'ok');
  assert.deepEqual(local.get('settings').muted_words, ['ordure', 'raclure', 'pourriture']);
  assert.equal(local.get(S.META).at.muted_words, later);
});

test('a corrupt synced copy never breaks the local settings and is rewritten from here', { timeout: 20000 }, async () => {
  const kept = local.get('settings');
  const before = status().checked;
  await chrome.storage.sync.set({ [Split.HEAD]: 'garbage' });
  await settled(before);
  assert.deepEqual(local.get('settings'), kept);
  const r = await remote();
  assert.equal(r.state, 'ok', 'rewritten whole from this device');
  assert.deepEqual(r.fields.muted_words.value, kept.muted_words);
});

test('settings a version before 0.2 left in storage.sync move to local before that copy goes', { timeout: 20000 }, async () => {
  local.clear();
  sync.clear();
  const old = { enabled: true, preset: 'strict', categories: {}, muted_words: ['vieux'], muted_regexes: [], allowlist: [], blocklist: ['troll_v1'] };
  sync.set('unrelated', 1);
  await chrome.storage.sync.set({ settings: old }); // as the profile's sync data arrives
  await settled(0);
  await new Promise((r) => setTimeout(r, 4500)); // the write waits for the 4 s gap
  assert.deepEqual(local.get('settings'), old, 'kept as it was, for the options page to check');
  assert.equal(sync.has('settings'), false, 'the old copy is replaced by the split one');
  const r = await remote();
  assert.deepEqual(r.fields.blocklist.value, ['troll_v1']);
  assert.equal(r.fields.blocklist.at, S.BEFORE_SYNC, 'older than any real change');
  assert.equal(sync.get('unrelated'), 1, 'keys that are not ours stay');
});

test('once both sides agree, nothing is written again (no loop between the two storages)', { timeout: 20000 }, async () => {
  await new Promise((r) => setTimeout(r, 2500));
  const writes = [];
  chrome.storage.onChanged.addListener((changes, area) => writes.push(`${area}:${Object.keys(changes)}`));
  await new Promise((r) => setTimeout(r, 5000));
  assert.deepEqual(writes.filter((w) => !w.endsWith(':sync_status')), []);
});
