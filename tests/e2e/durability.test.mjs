// Evidence durability in the real Chromium (issue 7): 200 captures over several browser restarts
// with the service worker killed at seeded random moments, then a nearly full storage.
// Replay a run with REMPART_SEED=<the printed seed>.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clickToolbarButton, DIST_CHROME, launchChromium } from './lib/chromium.mjs';
import { decidedAll, killWorker, readStore, recordOutcomes, seeded, sleep } from './lib/durability.mjs';
import { fixtureData, startFixture, X_HOSTS } from './lib/server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const data = fixtureData();
const TWEETS = data.home.map((t) => t.id);
const CAPTURES = 200;
const SESSIONS = 4;
// Clicks waiting for their outcome at once: the extension queues them, each must still get one outcome.
const WINDOW = 3;
const KILL_CHANCE = 0.25;
const KILL_DELAY_MS = 1200;
// Long enough for a killed worker's answer timeout plus the status retries behind a queue.
const OUTCOME_MS = 90000;
const SEED = Number(process.env.REMPART_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;

const button = (id) => `article[data-fixture-id="${id}"] [data-rempart-control="save-evidence"]`;

describe('Chromium: evidence durability', { timeout: 600000 }, () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'rempart-durability-'));
  let fx;
  let browser = null;
  let launches = 0;

  async function relaunch(lang = 'en-US') {
    await browser?.close();
    browser = await launchChromium({ proxyPort: fx.proxyPort, lang, profileDir });
    launches += 1;
    return browser;
  }

  async function openHome() {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto('https://x.com/home');
    // Screenshots allowed in this tab the user's way (toolbar button → activeTab).
    await clickToolbarButton(browser, page);
    await page.waitForFunction(decidedAll, null, { timeout: 20000, polling: 100 });
    await page.evaluate(recordOutcomes);
    return page;
  }

  async function openLocker() {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('evidence/evidence.html'));
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000, polling: 100 });
    return page;
  }

  before(async () => {
    fx = await startFixture();
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it(`${CAPTURES} captures over ${SESSIONS} browser sessions, worker killed at random: every one saved, stored once, with its screenshot; chain valid`, { timeout: 480000 }, async () => {
    const rand = seeded(SEED);
    console.log(`# durability seed ${SEED} (REMPART_SEED=${SEED} to replay)`);
    const t0 = Date.now();
    const outcomes = []; // one per click: {session, id, capture, state}
    let kills = 0;
    let clicks = 0;
    const reasons = {};
    for (let session = 0; session < SESSIONS; session++) {
      await relaunch();
      const page = await openHome();
      // The content script logs why a capture was not saved: kept for the summary.
      page.on('console', (m) => {
        const why = /^Rempart: evidence not saved (.*)$/s.exec(m.text())?.[1];
        if (why !== undefined) reasons[why] = (reasons[why] ?? 0) + 1;
      });
      const cdp = await browser.context.newCDPSession(page);
      const origin = browser.extensionUrl('');
      const todo = Math.round(CAPTURES * (session + 1) / SESSIONS) - Math.round(CAPTURES * session / SESSIONS);
      const pending = new Map(); // tweet id → click time
      const killing = [];
      let done = 0;
      while (done < todo || pending.size) {
        for (const o of await page.evaluate(() => window.__rempartOutcomes.splice(0))) {
          assert.ok(pending.has(o.id), `an outcome nobody clicked for: ${JSON.stringify(o)}`);
          pending.delete(o.id);
          outcomes.push({ session, ...o });
        }
        for (const [id, at] of pending) assert.ok(Date.now() - at < OUTCOME_MS, `no outcome for the capture of ${id} (session ${session})`);
        while (done < todo && pending.size < WINDOW) {
          const free = TWEETS.filter((id) => !pending.has(id));
          const id = free[Math.floor(rand() * free.length)];
          const kill = rand() < KILL_CHANCE;
          const delay = Math.floor(rand() * KILL_DELAY_MS);
          await page.click(button(id));
          pending.set(id, Date.now());
          done += 1;
          clicks += 1;
          if (kill) killing.push(sleep(delay).then(() => killWorker(cdp, origin)).then((ok) => { if (ok) kills += 1; }));
        }
        await sleep(100);
      }
      await Promise.all(killing);
      await sleep(500);
      const late = await page.evaluate(() => window.__rempartOutcomes.splice(0));
      assert.deepEqual(late, [], 'no second outcome for a capture already answered');
    }
    const runMs = Date.now() - t0;

    assert.equal(outcomes.length, clicks, 'one outcome per click');
    assert.ok(kills > 0, 'the service worker was killed at least once');
    const captureIds = outcomes.map((o) => o.capture);
    assert.ok(captureIds.every(Boolean), 'every outcome names its capture');
    assert.equal(new Set(captureIds).size, captureIds.length, 'no capture reported twice');
    const saved = outcomes.filter((o) => o.state === 'saved');
    const failed = outcomes.filter((o) => o.state === 'failed');
    // A capture asked for is a capture kept: each request is queued durably before any work.
    assert.deepEqual(failed.map((o) => `${o.id} (session ${o.session}): ${o.text}`), [], `every capture saved (reasons ${JSON.stringify(reasons)})`);
    assert.equal(saved.length, CAPTURES);

    // One more restart: what the locker finds is what survived the browser closing.
    await relaunch();
    const locker = await openLocker();
    const store = await locker.evaluate(readStore);
    const captures = store.records.filter((r) => r.kind === 'capture');
    const count = new Map();
    for (const r of captures) count.set(r.capture, (count.get(r.capture) ?? 0) + 1);
    for (const o of saved) assert.equal(count.get(o.capture), 1, `confirmed capture ${o.capture} of ${o.id} (session ${o.session}) stored once`);
    for (const o of failed) assert.equal(count.get(o.capture), undefined, `capture ${o.capture} of ${o.id} (session ${o.session}) reported failed but stored`);
    assert.equal(captures.length, saved.length, 'no record that no click confirmed');
    for (const r of captures) {
      assert.equal(r.id, outcomes.find((o) => o.capture === r.capture).id, `record ${r.seq} is of the tweet clicked`);
      const shot = store.shots.find((s) => s.file === r.file);
      assert.ok(shot && shot.size > 0, `record ${r.seq} has its screenshot`);
    }
    assert.deepEqual(store.records.map((r) => r.seq), store.records.map((_, i) => i), 'the chain has no gap');

    assert.equal(await locker.evaluate(() => document.querySelectorAll('#list .item').length), saved.length, 'the locker lists every saved capture');

    await locker.click('#verify');
    await locker.waitForFunction(() => document.getElementById('status').dataset.ok !== undefined, null, { timeout: 60000 });
    assert.equal(await locker.evaluate(() => document.getElementById('status').dataset.ok), 'true',
      await locker.evaluate(() => document.getElementById('status').textContent));

    // The exported dossier, checked by the command-line verifier.
    await locker.click('#export');
    await locker.waitForFunction(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok !== undefined, null, { timeout: 120000 });
    const zip = await locker.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch(document.getElementById('download').href)).arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    });
    const out = `${ROOT}dist/e2e-evidence/durability`;
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}/dossier.zip`, Buffer.from(zip, 'base64'));
    execFileSync(`${ROOT}target/release/rempart`, ['verify', `${out}/dossier.zip`], { stdio: 'pipe' });

    console.log(`# durability: ${clicks} captures, ${SESSIONS} sessions (${launches - 1} restarts), ${kills} service-worker kills`);
    console.log(`# durability: ${saved.length} saved, ${failed.length} reported failed, ${captures.length} records in the locker; captures took ${(runMs / 1000).toFixed(1)} s`);
    console.log(`# durability: failure reasons ${JSON.stringify(reasons)}`);
  });

  it('storage nearly full: a clear message and nothing stored; once space is back a capture succeeds', { timeout: 120000 }, async () => {
    // In French: the message must come from the UI language's catalogue.
    await relaunch('fr');
    const locker = await openLocker();
    const x = await openHome();
    const before = await locker.evaluate(readStore);
    // A page session on an extension page: the browser-wide session answers "Internal error".
    const cdp = await browser.context.newCDPSession(locker);
    const origin = browser.extensionUrl('').replace(/\/$/, '');
    const { usage } = await locker.evaluate(() => navigator.storage.estimate());
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 10 * 1024 * 1024 });
    try {
      await x.bringToFront();
      await x.click(button(TWEETS[0]));
      await x.waitForFunction(() => window.__rempartOutcomes.length > 0, null, { timeout: 30000, polling: 100 });
      const [o] = await x.evaluate(() => window.__rempartOutcomes.splice(0));
      const fr = JSON.parse(readFileSync(`${DIST_CHROME}/_locales/fr/messages.json`, 'utf8'));
      assert.equal(o.state, 'failed');
      assert.equal(o.text, fr.evidence_storage_full.message, 'the storage-full message, in French');
      const after = await locker.evaluate(readStore);
      assert.deepEqual(after, before, 'nothing stored');

      await locker.reload();
      await locker.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000 });
      assert.equal(await locker.evaluate(() => document.getElementById('space').hidden), false, 'the locker warns too');
      assert.equal(await locker.evaluate(() => document.getElementById('space').textContent), fr.locker_space_low.message);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    await x.bringToFront();
    await x.click(button(TWEETS[0]));
    await x.waitForFunction(() => window.__rempartOutcomes.length > 0, null, { timeout: 30000, polling: 100 });
    const [o] = await x.evaluate(() => window.__rempartOutcomes.splice(0));
    assert.equal(o.state, 'saved', o.text);
    const store = await locker.evaluate(readStore);
    assert.equal(store.records.length, before.records.length + 1, 'the capture is stored');
    assert.equal(store.records.at(-1).capture, o.capture);
    await locker.reload();
    await locker.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000 });
    assert.equal(await locker.evaluate(() => document.getElementById('space').hidden), true, 'no warning once space is back');
  });

  it('no request from the extension through every restart; nothing but the fixture reached', () => {
    for (const r of fx.requests) assert.ok(X_HOSTS.includes(r.host) && !/^chrome-extension:/.test(r.origin ?? ''), `${r.host}${r.path}`);
    const refused = fx.refused.map((r) => r.target.replace(/^https?:\/\//, '').replace(/[:/].*$/, ''));
    // Chromium's own services that no flag turns off here; the proxy refuses them.
    assert.deepEqual(refused.filter((h) => !['update.googleapis.com', 'accounts.google.com'].includes(h)), []);
  });
});
