// The locker's returning-account suggestions in Chromium: captures of the fixture accounts are
// sealed into the real chain, the locker suggests @jean_dupont2 as @jean_dupont with reasons,
// "same person" writes a chained link and the person's timeline then covers both handles,
// "different people" removes a suggestion for good (after a reload too), and the chain verifies.
// Screenshot: docs/locker-suggestions.png. No page of X is needed: no fixture server, no request.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { launchChromium } from './lib/chromium.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const fixture = readFileSync(`${ROOT}tests/fixtures/link/accounts.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

/** Capture records as the background would seal them (text parts only), a day apart. */
function captureRecords() {
  let n = 0;
  return fixture.flatMap((a) => a.texts.map((text) => {
    n += 1;
    const time = new Date(Date.UTC(2026, 0, 1) + n * 86400000).toISOString();
    return {
      kind: 'capture', capture_id: `seed-${n}`, recapture_of: null, captured_at: time, captured_at_local: time,
      page_url: `https://x.com/${a.handle}/status/${1000 + n}`,
      tweet: { status_id: String(1000 + n), url: `https://x.com/${a.handle}/status/${1000 + n}`, author_handle: a.handle, author_name: a.name, text, html: '', time },
      verdict: { action: 'blur', categories: ['insult'] }, note: '', parts: {},
    };
  }));
}

/** A fresh Chromium whose locker holds the fixture's captures; requests outside the extension logged. */
async function lockerWithCaptures(lang, requests) {
  // A closed port: the locker page needs no network, and any attempt would fail and be logged.
  const browser = await launchChromium({ proxyPort: 9, lang });
  browser.context.on('request', (r) => { if (!r.url().startsWith('chrome-extension://')) requests.push(r.url()); });
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('evidence/evidence.html'));
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(async (recs) => {
    const db = await import('../shared/evidence-db.js');
    await db.append(() => recs.map((record) => ({ record })));
  }, captureRecords());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  return { browser, page };
}

describe('locker: returning accounts (Chromium)', () => {
  let browser;
  let page;
  const requests = [];

  before(async () => { ({ browser, page } = await lockerWithCaptures('en-US', requests)); });

  after(async () => { await browser?.close(); });

  const suggestion = (newer, older) => page.locator(`#suggestions li[data-rempart-suggestion="${newer} ${older}"]`);

  it('suggests a returning account with its reasons, then links it when confirmed', async () => {
    const li = suggestion('jean_dupont2', 'jean_dupont');
    await li.waitFor();
    const text = await li.textContent();
    assert.match(text, /@jean_dupont2 looks like @jean_dupont/);
    assert.match(text, /same display name.*same handle apart from digits or separators.*writes alike/);
    const count = await page.locator('#suggestions li').count();
    assert.ok(count >= 8, `${count} suggestions`);
    mkdirSync(`${ROOT}docs`, { recursive: true });
    await page.locator('#suggestions').screenshot({ path: `${ROOT}docs/locker-suggestions.png` });
    await li.locator('button[data-action="confirm"]').click();
    await page.waitForFunction(() => !document.querySelector('#suggestions li[data-rempart-suggestion="jean_dupont2 jean_dupont"]'));
    const person = await page.locator('#people li[data-person="jean_dupont"]').textContent();
    assert.match(person, /7 incident\(s\), 2026-01-02 to 2026-01-08; handles in order: @jean_dupont \(4\) → @jean_dupont2 \(3\)/);
    const link = await page.evaluate(async () => (await (await import('../shared/evidence-db.js')).allRecords()).filter((r) => r.kind === 'link'));
    assert.equal(link.length, 1);
    assert.deepEqual([link[0].handle, link[0].to, link[0].source], ['jean_dupont2', 'jean_dupont', 'suggestion']);
    assert.ok(Number.isInteger(link[0].score_milli) && link[0].reasons.includes('writes alike'));
  });

  it('a rejected suggestion is gone, after a reload too, and the chain still verifies', async () => {
    const li = suggestion('nathalieroux', 'nat_roux');
    await li.locator('button[data-action="reject"]').click();
    await page.waitForFunction(() => !document.querySelector('#suggestions li[data-rempart-suggestion="nathalieroux nat_roux"]'));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await suggestion('nathalieroux', 'nat_roux').count(), 0);
    assert.ok(await suggestion('emmawilson_', 'emmawilson').count(), 'the others are still suggested');
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('status').dataset.ok === 'true');
    assert.deepEqual(requests, [], 'the locker made no request');
  });
});

describe('locker: returning accounts in French (Chromium)', () => {
  let browser;
  let page;
  const requests = [];

  before(async () => { ({ browser, page } = await lockerWithCaptures('fr', requests)); });
  after(async () => { await browser?.close(); });

  it('the suggestion and its reasons read in French', async () => {
    const li = page.locator('#suggestions li[data-rempart-suggestion="jean_dupont2 jean_dupont"]');
    await li.waitFor();
    const text = await li.textContent();
    assert.match(text, /@jean_dupont2 ressemble à @jean_dupont — même nom affiché, même identifiant aux chiffres près, écrit de la même façon \(\d+\s%\)/u);
    assert.match(await li.locator('button[data-action="confirm"]').textContent(), /C'est la même personne/);
    assert.deepEqual(requests, []);
  });
});
