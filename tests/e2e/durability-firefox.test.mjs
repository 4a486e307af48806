// Evidence durability in the real Firefox ESR: 200 captures over four browser sessions on one kept
// profile, the background terminated at seeded random moments (Firefox's own
// terminateBackground, as its idle timeout does). Every confirmed capture must be in the exported
// chain exactly once, no failed one, and the chain must verify. Replay with REMPART_SEED=<seed>.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import firefox from 'selenium-webdriver/firefox.js';
import { seleniumTab } from './lib/drivers.mjs';
import { decidedAll, recordOutcomes, seeded, sleep } from './lib/durability.mjs';
import { ADDON_ID, allowScreenshots, launchFirefox, openTrustedTab } from './lib/firefox.mjs';
import { fixtureData, startFixture, X_HOSTS } from './lib/server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const TWEETS = fixtureData().home.map((t) => t.id);
const CAPTURES = 200;
const SESSIONS = 4;
const WINDOW = 3;
const KILL_CHANCE = 0.25;
const KILL_DELAY_MS = 800;
const OUTCOME_MS = 90000;
const SEED = Number(process.env.REMPART_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
const button = (id) => `article[data-fixture-id="${id}"] [data-rempart-control="save-evidence"]`;

/** Stops the add-on's background page from the browser's chrome, like its idle timeout would. */
async function terminateBackground(driver) {
  await driver.setContext(firefox.Context.CHROME);
  try {
    return await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
      const ext = WebExtensionPolicy.getByID(arguments[0])?.extension;
      if (!ext || ext.backgroundState !== 'running') { done(false); return; }
      ext.terminateBackground({ disableResetIdleForTest: true }).then(() => done(true), () => done(false));`, ADDON_ID);
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
}

describe('Firefox: evidence durability', { timeout: 600000 }, () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'rempart-ff-durability-'));
  let fx;
  let browser = null;
  let launches = 0;

  async function relaunch() {
    await browser?.close();
    browser = await launchFirefox({ proxyPort: fx.proxyPort, profileDir });
    launches += 1;
  }

  before(async () => { fx = await startFixture(); });
  after(async () => {
    await browser?.close();
    await fx?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it(`${CAPTURES} captures over ${SESSIONS} sessions, background terminated at random: every one saved, stored once, with its screenshot; chain valid`, { timeout: 540000 }, async () => {
    const rand = seeded(SEED);
    console.log(`# firefox durability seed ${SEED} (REMPART_SEED=${SEED} to replay)`);
    const t0 = Date.now();
    const outcomes = [];
    let kills = 0;
    let clicks = 0;
    for (let session = 0; session < SESSIONS; session++) {
      await relaunch();
      const { driver } = browser;
      const x = seleniumTab(driver, await driver.getWindowHandle());
      // The temporary add-on is installed again at each launch: its optional grant with it.
      await allowScreenshots(driver, browser.extensionUrl, x.handle);
      await x.goto('https://x.com/home');
      await x.waitFor(decidedAll, null, 'home decided', 30000);
      await x.run(recordOutcomes);
      const todo = Math.round(CAPTURES * (session + 1) / SESSIONS) - Math.round(CAPTURES * session / SESSIONS);
      const pending = new Map();
      let done = 0;
      while (done < todo || pending.size) {
        for (const o of await x.run(() => window.__rempartOutcomes.splice(0))) {
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
          // Centred first: at the top, the fixture's sticky title would take WebDriver's click.
          await x.run((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), button(id));
          await x.click(button(id));
          pending.set(id, Date.now());
          done += 1;
          clicks += 1;
          if (kill) {
            await sleep(delay);
            if (await terminateBackground(driver)) kills += 1;
          }
        }
        await sleep(100);
      }
      await sleep(500);
      assert.deepEqual(await x.run(() => window.__rempartOutcomes.splice(0)), [], 'no second outcome for a capture already answered');
    }
    const runMs = Date.now() - t0;
    assert.equal(outcomes.length, clicks, 'one outcome per click');
    assert.ok(kills > 0, 'the background was terminated at least once');
    const saved = outcomes.filter((o) => o.state === 'saved');
    const failed = outcomes.filter((o) => o.state === 'failed');
    assert.ok(outcomes.every((o) => o.capture), 'every outcome names its capture');
    // A capture asked for is a capture kept: each request is queued durably before any work.
    assert.deepEqual(failed.map((o) => `${o.id} (session ${o.session}): ${o.text}`), [], 'every capture saved');
    assert.equal(saved.length, CAPTURES);

    // One more restart, then what survived, read from the exported dossier.
    await relaunch();
    const { driver } = browser;
    const locker = seleniumTab(driver, await openTrustedTab(driver, browser.extensionUrl('evidence/evidence.html')));
    await locker.waitFor(() => document.body?.dataset.ready === 'true', null, 'locker ready', 60000);
    assert.equal(await locker.run(() => document.querySelectorAll('#list .item').length), saved.length, 'the locker lists every saved capture');
    await locker.click('#verify');
    await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined, null, 'verify done', 60000);
    assert.equal(await locker.run(() => document.getElementById('status').dataset.ok), 'true');
    await locker.click('#export');
    await locker.waitFor(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok !== undefined, null, 'export done', 120000);
    const zip = Buffer.from(await locker.run(async () => {
      const bytes = new Uint8Array(await (await fetch(document.getElementById('download').href)).arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }), 'base64');
    const out = `${ROOT}dist/e2e-evidence/durability-firefox`;
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}/dossier.zip`, zip);
    execFileSync(`${ROOT}target/release/rempart`, ['verify', `${out}/dossier.zip`], { stdio: 'pipe' });
    const files = unzipSync(zip);
    const records = JSON.parse(new TextDecoder().decode(files['evidence.json'])).filter((r) => r.kind === 'capture');
    const count = new Map();
    for (const r of records) count.set(r.capture_id, (count.get(r.capture_id) ?? 0) + 1);
    for (const o of saved) assert.equal(count.get(o.capture), 1, `confirmed capture ${o.capture} of ${o.id} (session ${o.session}) stored once`);
    for (const o of failed) assert.equal(count.get(o.capture), undefined, `capture ${o.capture} reported failed but stored`);
    assert.equal(records.length, saved.length, 'no record that no click confirmed');
    for (const r of records) {
      assert.equal(r.tweet.status_id, outcomes.find((o) => o.capture === r.capture_id).id, `record ${r.seq} is of the tweet clicked`);
      assert.ok(files[r.parts.screenshot.file]?.length > 0, `record ${r.seq} has its screenshot`);
    }
    console.log(`# firefox durability: ${clicks} captures, ${SESSIONS} sessions (${launches - 1} restarts), ${kills} background terminations`);
    console.log(`# firefox durability: ${saved.length} saved, ${failed.length} reported failed, ${records.length} records; captures took ${(runMs / 1000).toFixed(1)} s`);
  });

  it('no request from the extension through every restart; nothing but the fixture reached', () => {
    for (const r of fx.requests) assert.ok(X_HOSTS.includes(r.host) && !/^moz-extension:/.test(r.origin ?? ''), `${r.host}${r.path}`);
    assert.deepEqual(fx.refused, []);
  });
});
