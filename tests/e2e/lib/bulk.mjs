// Bulk capture, "seen deleted" and merge import end to end, run by both browsers on the fixture's
// pile-on (fixture/thread.js): a conversation of 64 replies saved in one go (progress shown, one
// reply saved beforehand and not duplicated, quoted tweets and "Discover more" posts never saved,
// replies behind "Show more replies" / "Show probable spam" saved), the export checked by
// `rempart verify`, an author sweep, saved tweets later seen deleted, and a second locker merging
// the dossier. ctx: x, openTab, extensionUrl, name, ui ('en'|'fr'), kill() (Chromium), second().
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { unzipSync } from 'fflate';

const ROOT = new URL('../../../', import.meta.url).pathname;
const CLI = `${ROOT}target/release/rempart`;
const FOCAL = '1795000000000000000';
const id = (n) => `17950000000000${String(n).padStart(5, '0')}`;
const REPLIES = Array.from({ length: 64 }, (_, i) => id(1000 + i));
const QUOTED = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 7 === 3).map((i) => id(8000 + i));
const RECOMMENDED = Array.from({ length: 5 }, (_, i) => id(7000 + i));
const PROFILE_OWN = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 4 !== 1).map((i) => id(5000 + i));
const CONVERSATION = `https://x.com/mira_k/status/${FOCAL}`;

// ---- run inside pages ----
function panel() {
  const p = document.querySelector('.rempart-bulk-panel');
  return p && { state: p.dataset.state, saved: Number(p.dataset.saved), skipped: Number(p.dataset.skipped), failed: Number(p.dataset.failed),
    bar: p.querySelector('progress')?.value ?? null, max: p.querySelector('progress')?.max ?? null, text: p.textContent };
}
function watchSteps() {
  window.__steps = new Set();
  new MutationObserver(() => { const s = document.querySelector('.rempart-bulk-step'); if (s) window.__steps.add(s.textContent); })
    .observe(document.documentElement, { subtree: true, childList: true, characterData: true });
}
function lockerItems() {
  return [...document.querySelectorAll('#list .item')].map((it) => ({ id: it.dataset.statusId, text: it.textContent }));
}
async function downloadBase64() {
  const bytes = new Uint8Array(await (await fetch(document.getElementById('download').href)).arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const verify = (file) => {
  try { return { code: 0, out: execFileSync(CLI, ['verify', file], { encoding: 'utf8', stdio: 'pipe' }) }; } catch (e) { return { code: e.status, out: `${e.stdout}${e.stderr}` }; }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openLocker(ctx, tab) {
  const locker = tab ?? await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
  if (tab) await locker.run(() => { document.body.dataset.ready = ''; location.reload(); });
  await locker.waitFor(() => document.body.dataset.ready === 'true', null, 'locker ready', 30000);
  return locker;
}

async function exportZip(locker, file) {
  await locker.run(() => { document.getElementById('download').hidden = true; document.getElementById('status').textContent = ''; });
  await locker.click('#export');
  await locker.waitFor(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok === 'true', null, 'export done', 60000);
  const zip = Buffer.from(await locker.run(downloadBase64), 'base64');
  writeFileSync(file, zip);
  return unzipSync(zip);
}

async function verifyInLocker(locker) {
  await locker.run(() => { delete document.getElementById('status').dataset.ok; });
  await locker.click('#verify');
  await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined, null, 'verify done', 30000);
  assert.equal(await locker.run(() => document.getElementById('status').dataset.ok), 'true', await locker.run(() => document.getElementById('status').textContent));
}

async function bulkRun(ctx, control, { kills = [], screenshot = null } = {}) {
  await ctx.x.run(watchSteps);
  await ctx.x.click(control);
  let shot = 0;
  const left = [...kills];
  const end = Date.now() + 240000;
  for (;;) {
    const p = await ctx.x.run(panel);
    if (p && !['running'].includes(p.state)) return p;
    if (Date.now() > end) throw new Error(`bulk run did not end: ${JSON.stringify(p)}`);
    if (p && screenshot && shot < 2 && p.saved >= [12, 30][shot]) { await ctx.x.screenshot(screenshot.replace('.png', `-${shot + 1}.png`)); shot++; }
    if (p && left.length && p.saved >= left[0]) { left.shift(); assert.ok(await ctx.kill(), 'service worker killed'); }
    await sleep(250);
  }
}

export function defineBulkTests(ctx) {
  const out = `${ROOT}dist/e2e-bulk/${ctx.name}`;
  const q = ctx.ui === 'fr' ? '?ui=fr' : '';

  it('bulk: "Save this conversation" saves the focal tweet and all 64 replies once, nothing else', { timeout: 300000 }, async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await ctx.x.front();
    await ctx.x.goto(`https://x.com/mira_k/status/${FOCAL}${q}`);
    const button = `article[tabindex="-1"][data-fixture-id="${FOCAL}"] [data-rempart-control="save-conversation"]`;
    await ctx.x.waitFor((sel) => document.querySelector(sel), button, 'the save-conversation button on the focal tweet', 20000);
    // One reply saved by hand first: the run must not make a second record of it.
    const first = `article[data-fixture-id="${REPLIES[1]}"]`;
    await ctx.x.waitFor((sel) => document.querySelector(`${sel} [data-rempart-control="save-evidence"]`), first, 'a reply decided');
    await ctx.x.click(`${first} [data-rempart-control="save-evidence"]`);
    await ctx.x.waitFor((sel) => document.querySelector(sel)?.dataset.rempartEvidence === 'saved', first, 'the reply saved');
    await sleep(600);
    const p = await bulkRun(ctx, button, { kills: ctx.kill ? [15, 40] : [], screenshot: `${ROOT}dist/screenshots/bulk-progress-${ctx.name}.png` });
    assert.equal(p.state, 'done', JSON.stringify(p));
    assert.deepEqual([p.saved, p.skipped, p.failed], [64, 1, 0], JSON.stringify(p));
    assert.equal(p.max, 300, 'the cap is shown');
    const steps = [...await ctx.x.run(() => [...window.__steps])];
    const more = ctx.ui === 'fr' ? ['Afficher plus de réponses', 'Afficher les spams probables'] : ['Show more replies', 'Show probable spam'];
    for (const label of more) assert.ok(steps.some((s) => s.includes(label)), `progress says it opens "${label}": ${steps.join(' | ')}`);
    // Rows scrolled back into view are marked saved again (the list re-created them).
    await ctx.x.run(() => scrollTo(0, 0));
    await ctx.x.waitFor((f) => document.querySelector(`article[data-fixture-id="${f}"]`)?.dataset.rempartEvidence === 'saved', FOCAL, 'focal marked saved');

    ctx.locker = await openLocker(ctx);
    const items = await ctx.locker.run(lockerItems);
    for (const tid of [FOCAL, ...REPLIES]) assert.equal(items.filter((i) => i.id === tid).length, 1, `${tid} listed once`);
    for (const tid of [...QUOTED, ...RECOMMENDED]) assert.ok(!items.some((i) => i.id === tid), `${tid} (quoted or recommended) not captured`);
    const reply = items.find((i) => i.id === REPLIES[40]);
    assert.ok(reply.text.includes(`/status/${REPLIES[40]}`), 'the locker lists the tweet with its URL');
    assert.ok(reply.text.includes(CONVERSATION), 'and the conversation it was saved with');
    await verifyInLocker(ctx.locker);

    const files = await exportZip(ctx.locker, `${out}/conversation.zip`);
    const r = verify(`${out}/conversation.zip`);
    assert.equal(r.code, 0, r.out);
    const caps = JSON.parse(new TextDecoder().decode(files['evidence.json'])).filter((c) => c.kind === 'capture');
    assert.equal(caps.length, 65);
    const run = caps.filter((c) => c.tweet.bulk);
    assert.equal(run.length, 64);
    assert.ok(run.every((c) => c.tweet.bulk.kind === 'conversation' && c.tweet.bulk.url === CONVERSATION), 'the conversation link in each record');
    const quoting = caps.find((c) => c.tweet.status_id === id(1003));
    assert.match(quoting.tweet.quote.text, /Archive 3/, 'the quoted tweet is recorded inside the reply');
  });

  it('bulk: "Save everything from @raid_leader visible here" on a profile saves only that author\'s posts', { timeout: 200000 }, async () => {
    await ctx.x.front(); // the screenshot is of the visible tab
    await ctx.x.goto(`https://x.com/raid_leader${q}`);
    await ctx.x.waitFor(() => document.querySelector('[data-rempart-control="save-author"]'), null, 'the profile offer', 20000);
    const p = await bulkRun(ctx, '[data-rempart-control="save-author"]');
    assert.equal(p.state, 'done', JSON.stringify(p));
    assert.deepEqual([p.saved, p.skipped, p.failed], [PROFILE_OWN.length, 0, 0], JSON.stringify(p));
  });

  it('bulk: a run can be cancelled; a second run of a saved conversation makes no record', { timeout: 60000 }, async () => {
    await ctx.x.goto(`https://x.com/mira_k/status/${FOCAL}${q}`);
    const button = `article[data-fixture-id="${FOCAL}"] [data-rempart-control="save-conversation"]`;
    await ctx.x.waitFor((sel) => document.querySelector(sel), button, 'the save-conversation button', 20000);
    await ctx.x.click(button);
    await ctx.x.waitFor(() => document.querySelector('[data-rempart-control="bulk-cancel"]'), null, 'the cancel button');
    await ctx.x.click('[data-rempart-control="bulk-cancel"]');
    await ctx.x.waitFor(() => document.querySelector('.rempart-bulk-panel')?.dataset.state !== 'running', null, 'the run stopped', 20000);
    const p = await ctx.x.run(panel);
    assert.equal(p.state, 'cancelled', JSON.stringify(p));
    assert.deepEqual([p.saved, p.failed], [0, 0], 'every tweet it reached was already saved');
  });

  it('bulk: a saved tweet later seen deleted, suspended or missing on X is noted in the chain, passively', { timeout: 90000 }, async () => {
    const seen = async (tid, state) => {
      await ctx.x.run(([k, s]) => { sessionStorage.setItem(`fixture-gone:${k}`, s); }, [tid, state]);
      await ctx.x.goto(`https://x.com/pile_0/status/${tid}${q}`);
      await ctx.x.waitFor(() => document.documentElement.dataset.rempartSeenGone, null, `the notice for ${tid} read`, 15000);
      return ctx.x.run(() => document.documentElement.dataset.rempartSeenGone);
    };
    assert.equal(await seen(REPLIES[2], 'deleted'), 'recorded');
    assert.equal(await seen(REPLIES[3], 'suspended'), 'recorded');
    assert.equal(await seen(REPLIES[4], 'missing'), 'recorded');
    assert.equal(await seen(REPLIES[2], 'deleted'), 'already', 'noted once');
    assert.equal(await seen(RECOMMENDED[0], 'deleted'), 'not-saved', 'a tweet not in the locker is not noted');
    await openLocker(ctx, ctx.locker);
    const items = await ctx.locker.run(lockerItems);
    const gone = (tid) => items.find((i) => i.id === tid).text;
    assert.match(gone(REPLIES[2]), ctx.ui === 'fr' ? /Vu supprimé le .*supprimé par son auteur/ : /Seen deleted on .*deleted by the post author/);
    assert.match(gone(REPLIES[3]), /suspen/);
    await verifyInLocker(ctx.locker);
    const files = await exportZip(ctx.locker, `${out}/gone.zip`);
    assert.equal(verify(`${out}/gone.zip`).code, 0, verify(`${out}/gone.zip`).out);
    const marks = JSON.parse(new TextDecoder().decode(files['evidence.json'])).filter((r) => r.kind === 'seen-gone');
    assert.deepEqual(marks.map((m) => m.state).sort(), ['deleted', 'missing', 'suspended']);
  });

  it('bulk: another locker merges the dossier (verified, no duplicates, origins kept), twice = nothing new', { timeout: 120000 }, async () => {
    const other = await ctx.second();
    try {
      // The helper's own locker has a capture already.
      await other.x.goto(`https://x.com/mira_k/status/${RECOMMENDED[1]}`);
      const sel = `article[data-fixture-id="${RECOMMENDED[1]}"] [data-rempart-control="save-evidence"]`;
      await other.x.waitFor((s) => document.querySelector(s), sel, 'a tweet to save in the second locker', 20000);
      await other.x.click(sel);
      await other.x.waitFor((s) => document.querySelector(s)?.closest('article').dataset.rempartEvidence === 'saved', sel, 'saved in the second locker');
      const locker = await openLocker(other);
      await locker.run(() => { document.body.dataset.ready = ''; });
      await locker.setFile('import', `${out}/gone.zip`);
      await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined && document.body.dataset.ready === 'true', null, 'merge done', 60000);
      assert.equal(await locker.run(() => document.getElementById('status').dataset.ok), 'true', await locker.run(() => document.getElementById('status').textContent));
      const items = await locker.run(lockerItems);
      assert.equal(items.length, 1 + 65 + PROFILE_OWN.length, 'every capture once');
      assert.ok(items.find((i) => i.id === REPLIES[5]).text.includes('gone.zip'), 'a merged record says where it came from');
      assert.match(items.find((i) => i.id === REPLIES[2]).text, /deleted|supprimé/, 'the "seen deleted" mark came along');
      await verifyInLocker(locker);
      await locker.screenshot(`${ROOT}dist/screenshots/bulk-merged-${ctx.name}.png`);
      await locker.run(() => { delete document.getElementById('status').dataset.ok; document.body.dataset.ready = ''; });
      await locker.setFile('import', `${out}/gone.zip`);
      await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined && document.body.dataset.ready === 'true', null, 'second merge done', 60000);
      assert.match(await locker.run(() => document.getElementById('status').textContent), /88|déjà|already/);
      assert.equal((await locker.run(lockerItems)).length, items.length, 'the same dossier again adds nothing');
      const files = await exportZip(locker, `${out}/merged.zip`);
      const r = verify(`${out}/merged.zip`);
      assert.equal(r.code, 0, r.out);
      const records = JSON.parse(new TextDecoder().decode(files['evidence.json']));
      assert.equal(records.filter((x) => x.kind === 'import').length, 1);
      assert.ok(records.filter((x) => x.kind === 'capture' && x.origin).every((x) => x.origin.import_seq === records.find((y) => y.kind === 'import').seq));
    } finally {
      await other.close();
    }
  });
}
