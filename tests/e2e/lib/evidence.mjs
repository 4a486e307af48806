// "Save as evidence" end to end, run by both browsers after the timeline scenario: captures on the
// fixture (blurred, clean, quoted, hostile markup), the locker, the dossier export checked file by
// file and by `rempart verify` (then tampered with), and report.html opened with no script running.
// ctx as in scenario.mjs, plus ctx.name (browser) and optional ctx.consoleErrors (Chromium).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { fixtureData } from './server.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const CLI = `${ROOT}target/release/rempart`;
const data = fixtureData();
const sha = (b) => createHash('sha256').update(b).digest('hex');

// ---- run inside pages ----
function decidedAll() {
  const as = document.querySelectorAll('article[data-testid="tweet"]');
  return as.length > 0 && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}
function evidenceState(id) {
  return document.querySelector(`article[data-fixture-id="${id}"]`)?.getAttribute('data-rempart-evidence') ?? null;
}
function lockerItems() {
  return [...document.querySelectorAll('#list .item')].map((it) => {
    const img = it.querySelector('img');
    return { seq: it.dataset.seq, id: it.dataset.statusId, text: it.querySelector('.text')?.textContent ?? '',
      shot: Boolean(img && img.complete && img.naturalWidth > 20 && img.naturalHeight > 20), imgs: it.querySelectorAll('img').length,
      links: it.querySelectorAll('a').length };
  });
}
async function downloadBase64() {
  const bytes = new Uint8Array(await (await fetch(document.getElementById('download').href)).arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function reportState() {
  const imgs = [...document.images];
  return { scripts: document.scripts.length, pwned: document.documentElement.dataset.pwned ?? null, title: document.title,
    images: imgs.length, loaded: imgs.every((i) => i.complete && i.naturalWidth > 0), chart: Boolean(document.querySelector('svg.timeline rect')),
    handlers: document.querySelectorAll('[onerror],[onload],[onclick],a[href^="javascript:"]').length, text: document.body.textContent };
}

async function save(tab, id) {
  await tab.run((i) => { delete document.querySelector(`article[data-fixture-id="${i}"]`).dataset.rempartEvidence; }, id);
  const t0 = Date.now();
  await tab.click(`article[data-fixture-id="${id}"] [data-rempart-control="save-evidence"]`);
  await tab.waitFor((i) => ['saved', 'failed'].includes(document.querySelector(`article[data-fixture-id="${i}"]`)?.getAttribute('data-rempart-evidence')), id, `capture of ${id}`);
  assert.equal(await tab.run(evidenceState, id), 'saved', `tweet ${id} saved`);
  return Date.now() - t0;
}

const verify = (file) => {
  try {
    return { code: 0, out: execFileSync(CLI, ['verify', file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
};

export function defineEvidenceTests(ctx) {
  const out = `${ROOT}dist/e2e-evidence/${ctx.name}`;
  const saved = {};
  const HOSTILE = data.hostile.map((t) => t.id);

  it('evidence: save a blurred, a clean and a quoted tweet (and a re-capture), confirmed after commit', { timeout: 60000 }, async () => {
    rmSync(out, { recursive: true, force: true }); // no stale dossier from an earlier run
    mkdirSync(out, { recursive: true });
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await ctx.x.waitFor(decidedAll, null, 'home decided');
    saved.clean = data.home[0].id;
    saved.quoted = data.home.find((t) => t.quote).id;
    saved.blurred = await ctx.x.run(() => document.querySelector('article[data-rempart-action="blur"]:not([data-rempart-revealed])')?.dataset.fixtureId);
    assert.ok(saved.blurred, 'a blurred tweet on the page');
    const buttons = await ctx.x.run(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.querySelector('[data-rempart-control="save-evidence"]')));
    assert.ok(buttons, 'every tweet has a save button');
    const ms = [];
    for (const id of [saved.blurred, saved.clean, saved.quoted, saved.clean]) ms.push(await save(ctx.x, id));
    ctx.captureMs = ms;
    assert.equal(await ctx.x.run((i) => getComputedStyle(document.querySelector(`article[data-fixture-id="${i}"] > .rempart-overlay`)).visibility, saved.blurred), 'visible', 'the blur is back after the capture');
  });

  it('evidence: hostile tweet texts are captured', { timeout: 30000 }, async () => {
    await ctx.x.goto('https://x.com/hostile');
    await ctx.x.waitFor(decidedAll, null, 'hostile page decided');
    for (const id of HOSTILE) await save(ctx.x, id);
    assert.equal(await ctx.x.run(() => document.documentElement.dataset.pwned ?? null), null);
  });

  it('evidence: the locker lists every capture with its screenshot; markup stays text; verify passes', { timeout: 30000 }, async () => {
    const locker = await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
    ctx.locker = locker;
    await locker.waitFor(() => document.body.dataset.ready === 'true' && [...document.querySelectorAll('#list img')].every((i) => i.complete), null, 'locker ready');
    const items = await locker.run(lockerItems);
    assert.equal(items.length, 7, JSON.stringify(items));
    for (const id of [saved.blurred, saved.clean, saved.quoted, ...HOSTILE]) assert.ok(items.some((i) => i.id === id), `${id} listed`);
    assert.ok(items.every((i) => i.shot && i.imgs === 1 && i.links === 0), `screenshots shown, no injected element: ${JSON.stringify(items)}`);
    for (const t of data.hostile) assert.ok(items.some((i) => i.text === t.text), `hostile text shown literally: ${t.text}`);
    assert.equal(await locker.run(() => document.documentElement.dataset.pwned ?? null), null, 'no script ran in the locker');
    await locker.click('#verify');
    await locker.waitFor(() => document.getElementById('status').dataset.ok === 'true', null, 'verify ok');
    await locker.screenshot(`${ROOT}dist/screenshots/evidence-locker-${ctx.name}.png`);
  });

  it('evidence: the export ZIP has every file with the right hashes; rempart verify passes, then fails on tampering', { timeout: 60000 }, async () => {
    const { locker } = ctx;
    await locker.click('#export');
    await locker.waitFor(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok === 'true', null, 'export done', 30000);
    const zip = Buffer.from(await locker.run(downloadBase64), 'base64');
    writeFileSync(`${out}/dossier.zip`, zip);
    const files = unzipSync(zip);
    const sums = new TextDecoder().decode(files.SHA256SUMS).trim().split('\n').map((l) => l.split('  '));
    const listed = sums.map(([, p]) => p).sort();
    assert.deepEqual(listed, Object.keys(files).filter((n) => n !== 'SHA256SUMS').sort(), 'SHA256SUMS lists every other file');
    for (const [h, p] of sums) assert.equal(sha(files[p]), h, `${p} hash`);
    for (const n of ['manifest.json', 'evidence.json', 'evidence.csv', 'report.html']) assert.ok(files[n], n);
    const records = JSON.parse(new TextDecoder().decode(files['evidence.json']));
    const caps = records.filter((r) => r.kind === 'capture');
    assert.equal(caps.length, 7);
    assert.ok(caps.find((c) => c.tweet.status_id === saved.quoted).tweet.quote?.text, 'the quoted tweet is recorded');
    assert.equal(caps.filter((c) => c.tweet.status_id === saved.clean && c.recapture_of).length, 1, 'the second capture is a re-capture');
    for (const c of caps) {
      assert.deepEqual([...files[c.parts.screenshot.file].subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG');
      assert.match(c.captured_at_local, /[+-]\d\d:\d\d$/);
      assert.ok(c.environment.browser.name && c.environment.extension.version && c.environment.time_zone);
    }
    assert.equal(verify(`${out}/dossier.zip`).code, 0, verify(`${out}/dossier.zip`).out);

    const shot = caps[1].parts.screenshot.file;
    const changed = { ...files, [shot]: files[shot].slice() };
    changed[shot][100] ^= 1;
    writeFileSync(`${out}/one-byte.zip`, zipSync(changed));
    const r1 = verify(`${out}/one-byte.zip`);
    assert.equal(r1.code, 1);
    assert.ok(r1.out.includes(shot), r1.out);

    const fewer = records.filter((r) => r.seq !== caps[1].seq);
    const removed = { ...files, 'evidence.json': strToU8(JSON.stringify(fewer)) };
    removed.SHA256SUMS = strToU8(Object.keys(removed).filter((n) => n !== 'SHA256SUMS').sort().map((n) => `${sha(removed[n])}  ${n}\n`).join(''));
    writeFileSync(`${out}/one-record-less.zip`, zipSync(removed));
    const r2 = verify(`${out}/one-record-less.zip`);
    assert.equal(r2.code, 1);
    assert.match(r2.out, /record/, r2.out);
    writeFileSync(`${out}/report.html`, files['report.html']);
  });

  it('evidence: report.html opens with no script and no error; hostile text stays text', { timeout: 30000 }, async () => {
    const errors = ctx.consoleErrors?.splice(0) ?? [];
    void errors;
    const report = await (ctx.openFile ?? ctx.openTab)(`file://${out}/report.html`);
    await report.waitFor(() => document.readyState === 'complete', null, 'report loaded');
    const s = await report.run(reportState);
    assert.equal(s.scripts, 0);
    assert.equal(s.handlers, 0, 'no element built from tweet markup');
    assert.equal(s.pwned, null, 'no script ran');
    assert.ok(s.chart, 'the chart is drawn');
    assert.equal(s.images, 7, 'every screenshot embedded');
    assert.ok(s.loaded, 'screenshots decode');
    for (const t of data.hostile) assert.ok(s.text.includes(t.text), `hostile text shown as text: ${t.text}`);
    await report.screenshot(`${ROOT}dist/screenshots/evidence-report-${ctx.name}.png`);
    if (ctx.consoleErrors) assert.deepEqual(ctx.consoleErrors.filter((e) => e.url.startsWith('file:')), [], 'no console error in the report');
  });

  it('evidence: import refuses a tampered dossier, naming the broken file', { timeout: 30000 }, async () => {
    const { locker } = ctx;
    await locker.front();
    await locker.setFile('import', `${out}/one-byte.zip`);
    await locker.waitFor(() => document.getElementById('status').dataset.ok === 'false', null, 'import refused');
    assert.match(await locker.run(() => document.getElementById('status').textContent), /screenshots\//);
  });
}
