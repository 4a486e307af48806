// Screenshots are not allowed at install (no <all_urls>): run by both browsers in a fresh profile.
// A capture before the grant is kept, marked "no screenshot" on the page, in the locker and in the
// report; the locker offers the grant; once allowed (ctx.allow: the browser's way, see
// docs/permissions.md) a capture has its screenshot. ctx: x, openTab, extensionUrl, name, messages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { unzipSync } from 'fflate';
import { fixtureData } from './server.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const data = fixtureData();

/** Where a grant-flow picture goes: dist/screenshots/, or docs/ with REMPART_DOCS_SCREENSHOTS=1. */
export function picture(name) {
  const dir = `${ROOT}${process.env.REMPART_DOCS_SCREENSHOTS === '1' ? 'docs/' : 'dist/screenshots/'}`;
  mkdirSync(dir, { recursive: true });
  return `${dir}${name}.png`;
}

function decidedAll() {
  const as = document.querySelectorAll('article[data-testid="tweet"]');
  return as.length > 0 && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}

function outcome(id) {
  const a = document.querySelector(`article[data-fixture-id="${id}"]`);
  return { state: a.dataset.rempartEvidence ?? null, screenshot: a.dataset.rempartEvidenceScreenshot ?? null,
    text: a.querySelector('[data-rempart-control="save-evidence"]').textContent };
}

function lockerItem(id) {
  const it = document.querySelector(`#list .item[data-status-id="${id}"]`);
  const img = it?.querySelector('img');
  return it && { noScreenshot: it.dataset.noScreenshot ?? null, mark: it.querySelector('.no-screenshot')?.textContent ?? null,
    shot: Boolean(img && img.complete && img.naturalWidth > 20) };
}

async function save(x, id) {
  await x.run((i) => document.querySelector(`article[data-fixture-id="${i}"]`).scrollIntoView({ block: 'center' }), id);
  await x.click(`article[data-fixture-id="${id}"] [data-rempart-control="save-evidence"]`);
  await x.waitFor((i) => ['saved', 'failed'].includes(document.querySelector(`article[data-fixture-id="${i}"]`).dataset.rempartEvidence), id, `capture of ${id}`, 60000);
  return x.run(outcome, id);
}

export function defineScreenshotGrantTests(ctx) {
  const before = data.home[1].id;
  const after = data.home[2].id;
  let locker;

  it('before the grant: a capture is saved without screenshot, marked so, and the locker offers to allow them', { timeout: 90000 }, async () => {
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await ctx.x.waitFor(decidedAll, null, 'home decided', 30000);
    const o = await save(ctx.x, before);
    assert.deepEqual(o, { state: 'saved', screenshot: 'no', text: ctx.messages.evidence_saved_no_screenshot.message });
    locker = await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
    await locker.waitFor(() => document.body.dataset.ready === 'true', null, 'locker ready', 30000);
    assert.equal(await locker.run(() => document.body.dataset.screenshots), 'off');
    assert.equal(await locker.run(() => document.getElementById('screenshots').hidden), false, 'the locker offers to allow screenshots');
    assert.equal(await locker.run(() => document.getElementById('allow-screenshots').textContent), ctx.messages.locker_allow_screenshots.message);
    const item = await locker.run(lockerItem, before);
    assert.equal(item.noScreenshot, 'not-allowed');
    assert.equal(item.mark, `${ctx.messages.locker_no_screenshot.message} — ${ctx.messages.no_screenshot_not_allowed.message}`);
    assert.equal(item.shot, false);
    await locker.screenshot(picture(`grant-1-before-${ctx.name}`));
  });

  it('the grant', { timeout: 60000 }, async () => {
    // Each browser's own way (see the suites); it leaves a picture of what the user saw.
    await ctx.allow(locker, picture(`grant-2-allow-${ctx.name}`));
  });

  it('after the grant: a capture has its screenshot; the report marks the one without', { timeout: 120000 }, async () => {
    await ctx.x.front();
    const o = await save(ctx.x, after);
    assert.deepEqual(o, { state: 'saved', screenshot: 'yes', text: ctx.messages.evidence_saved.message });
    await locker.front();
    await locker.run(() => { document.body.dataset.ready = 'stale'; location.reload(); });
    await locker.waitFor(() => document.body?.dataset.ready === 'true' && [...document.querySelectorAll('#list img')].every((i) => i.complete), null, 'locker ready', 30000);
    assert.equal((await locker.run(lockerItem, after)).shot, true, 'the new capture shows its screenshot');
    assert.equal((await locker.run(lockerItem, before)).noScreenshot, 'not-allowed', 'the earlier one stays marked');
    await locker.screenshot(picture(`grant-3-after-${ctx.name}`));

    await locker.click('#export');
    await locker.waitFor(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok !== undefined, null, 'export done', 90000);
    const zip = Buffer.from(await locker.run(async () => {
      const bytes = new Uint8Array(await (await fetch(document.getElementById('download').href)).arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }), 'base64');
    const out = `${ROOT}dist/e2e-evidence/grant-${ctx.name}`;
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}/dossier.zip`, zip);
    execFileSync(`${ROOT}target/release/rempart`, ['verify', `${out}/dossier.zip`], { stdio: 'pipe' });
    const files = unzipSync(zip);
    const caps = JSON.parse(new TextDecoder().decode(files['evidence.json'])).filter((r) => r.kind === 'capture');
    const first = caps.find((r) => r.tweet.status_id === before);
    const second = caps.find((r) => r.tweet.status_id === after);
    assert.equal(first.no_screenshot, 'not-allowed');
    assert.equal(first.parts.screenshot, undefined);
    assert.ok(first.parts.text.sha256 && first.parts.html.sha256, 'text and HTML hashed all the same');
    assert.equal(second.no_screenshot, null);
    assert.ok(files[second.parts.screenshot.file]?.length > 100, 'the screenshot is in the dossier');
    const report = new TextDecoder().decode(files['report.html']);
    assert.match(report, new RegExp(`id="record-${first.seq}" data-no-screenshot="not-allowed"`));
    assert.equal((report.match(/data-no-screenshot=/g) ?? []).length, 1, 'only the capture without screenshot is marked');
  });
}
