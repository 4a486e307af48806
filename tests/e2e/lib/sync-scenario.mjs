// Settings sync, one scenario for both browsers: a change saved in one profile's options page is
// read back from storage.sync; copying those items into a second, fresh profile makes it apply
// them (form and filter); a write the browser refuses for its quota keeps the local change and
// says so on the page. `env.launch()` gives {tabs, close} for a new profile.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { join as joinSync } from '../../../extension/shared/sync-split.js';

const storage = (area, op, arg) => ({ area, op, arg });
const call = ({ area, op, arg }) => (globalThis.browser ?? globalThis.chrome).storage[area][op](arg);

async function openOptions(tabs, url) {
  const opt = await tabs.openTab(url('options/options.html'));
  await opt.waitFor(() => document.getElementById('settings')?.dataset.ready === 'true', null, 'options ready');
  return opt;
}

async function syncedCopy(opt, ok, what) {
  const end = Date.now() + 30000;
  for (;;) {
    const items = await opt.run(call, storage('sync', 'get', null));
    const copy = await joinSync(items);
    if (ok(copy)) return { items, copy };
    if (Date.now() > end) throw new Error(`storage.sync never held ${what}: ${JSON.stringify(copy).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function defineSyncTests(env) {
  const s = {};

  it('a change saved in the options page is read back from storage.sync', { timeout: 60000 }, async () => {
    s.a = await env.launch();
    s.optA = await openOptions(s.a.tabs, s.a.url);
    await s.optA.click('input[name="preset"][value="strict"]');
    await s.optA.select('action.insult', 'hide');
    await s.optA.type('blocklist', '@Troll_Sync');
    await s.optA.type('muted_words', 'zorglub\npatatrac');
    const { items, copy } = await syncedCopy(s.optA, (c) => c.fields.muted_words?.value.length === 2 && c.fields.blocklist, 'the change');
    assert.equal(copy.state, 'ok');
    assert.equal(copy.fields.preset.value, 'strict');
    assert.equal(copy.fields.categories?.value.insult?.action, 'hide', JSON.stringify(copy));
    assert.deepEqual(copy.fields.blocklist.value, ['troll_sync']);
    assert.deepEqual(copy.fields.muted_words.value, ['zorglub', 'patatrac']);
    assert.equal(items.settings, undefined, 'one set of split items, no whole-settings copy');
    await s.optA.waitFor(() => document.getElementById('sync').dataset.state === 'ok', null, 'sync note says ok');
    s.items = items;
  });

  it('a fresh profile given those sync items applies them: form and filter', { timeout: 60000 }, async () => {
    s.b = await env.launch();
    const optB = await openOptions(s.b.tabs, s.b.url);
    assert.equal(await optB.run(() => document.querySelector('input[name="preset"]:checked').value), 'balanced');
    await optB.run(call, storage('sync', 'set', s.items));
    await optB.waitFor(() => document.querySelector('input[name="preset"]:checked').value === 'strict'
      && document.querySelector('[name="muted_words"]').value === 'zorglub\npatatrac', null, 'the synced settings in the form');
    const stored = await optB.run(call, storage('local', 'get', 'settings'));
    assert.deepEqual(stored.settings.blocklist, ['troll_sync']);
    assert.equal(stored.settings.categories.insult.action, 'hide');
    // The filter uses them: the synced muted word now hides a text in the test box.
    await optB.type('test_text', 'quel zorglub celui-là');
    await optB.waitFor(() => document.getElementById('test-result').dataset.runs, null, 'test box answered');
    const result = await optB.run(() => ({ action: document.getElementById('test-result').dataset.action, text: document.getElementById('test-result').textContent }));
    assert.ok(['blur', 'hide'].includes(result.action), JSON.stringify(result));
    await s.b.close();
  });

  it('a write refused for the sync quota keeps the change here and says so on the page', { timeout: 60000 }, async () => {
    // Fill the sync area close to its 102,400 bytes so that the next, larger copy cannot fit.
    const filler = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`filler${i}`, 'x'.repeat(7980)]));
    await s.optA.run(call, storage('sync', 'set', filler));
    const words = Array.from({ length: 700 }, (_, i) => `motlong${i}`);
    await s.optA.type('muted_words', words.join('\n'));
    await s.optA.waitFor(() => document.getElementById('sync').dataset.state === 'error', null, 'the sync error', 30000);
    const note = await s.optA.run(() => ({
      text: document.getElementById('sync-state').textContent,
      badge: document.getElementById('sync-badge')?.textContent ?? null,
    }));
    assert.match(note.text, /quota/i, note.text);
    assert.ok(note.badge, 'a "not synced" link in the header');
    const stored = await s.optA.run(call, storage('local', 'get', 'settings'));
    assert.equal(stored.settings.muted_words.length, 700, 'the local copy has the change');
    const { copy } = await syncedCopy(s.optA, () => true, 'anything');
    assert.deepEqual(copy.fields.muted_words.value, ['zorglub', 'patatrac'], 'the synced copy is the last good one, whole');
    await s.optA.run(() => document.getElementById('sync').scrollIntoView());
    await s.optA.screenshot(env.screenshot);
    // Room again: the next change goes out.
    await s.optA.run(call, storage('sync', 'remove', Object.keys(filler)));
    await s.optA.type('muted_words', [...words, 'dernier'].join('\n'));
    await syncedCopy(s.optA, (c) => c.fields.muted_words?.value.at(-1) === 'dernier', 'the change after the quota was freed');
    await s.optA.waitFor(() => document.getElementById('sync').dataset.state === 'ok', null, 'sync note back to ok');
    await s.a.close();
  });
}
