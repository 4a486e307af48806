// Benchmark (not a test): in Chromium with the built extension against the fixture X, time from
// 50 tweets inserted into the timeline to all verdicts applied (p50/p95 over RUNS batches), the
// cold start (extension loaded → first verdict on a page), the first verdict after a service-worker
// restart, and the zipped package sizes. Prints JSON. Usage: node tests/e2e/bench.mjs [runs]
import { statSync } from 'node:fs';
import { launchChromium } from './lib/chromium.mjs';
import { startFixture } from './lib/server.mjs';

const RUNS = Number(process.argv[2] ?? 40);
const BATCH = 50;
const DIST = new URL('../../dist/', import.meta.url).pathname;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

// Resolves in the page with the Unix time (ms) at which the first tweet got its verdict.
function firstVerdictAt() {
  return new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('article[data-rempart-action]')) {
        resolve(performance.timeOrigin + performance.now());
        return true;
      }
      return false;
    };
    if (check()) return;
    new MutationObserver((_, mo) => { if (check()) mo.disconnect(); })
      .observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rempart-action'] });
  });
}

const fx = await startFixture();
const t0 = Date.now();
const browser = await launchChromium({ proxyPort: fx.proxyPort });
const loaded = Date.now(); // the extension's service worker is registered
const page = await browser.context.newPage();
const nav = Date.now();
await page.goto('https://x.com/home', { waitUntil: 'commit' });
const first = await page.evaluate(firstVerdictAt);
const cold = { browser_launch_ms: loaded - t0, extension_loaded_to_first_verdict_ms: round(first - loaded), navigation_to_first_verdict_ms: round(first - nav) };

await page.waitForFunction(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.dataset.rempartAction));
const batches = [];
for (let i = 0; i < RUNS + 3; i++) {
  const ms = await page.evaluate((n) => window.fixture.insertAndTime(n), BATCH);
  if (i >= 3) batches.push(ms); // the first batches warm the engine's caches and the JIT
  await page.evaluate(() => window.fixture.recreate()); // keep the DOM the size of X's virtualized list
}

// Service-worker restart: Chrome evicts it when idle; the next batch pays for the wasm reload.
const cdp = await browser.context.newCDPSession(page);
const { targetInfos } = await cdp.send('Target.getTargets');
const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(browser.extensionUrl('')));
await cdp.send('Target.closeTarget', { targetId: sw.targetId });
await new Promise((r) => setTimeout(r, 500));
const restart = await page.evaluate((n) => window.fixture.insertAndTime(n), BATCH);

const result = {
  browser: 'chromium',
  batch_size: BATCH,
  runs: batches.length,
  batch_to_verdicts_ms: { p50: round(pct(batches, 50)), p95: round(pct(batches, 95)), min: round(Math.min(...batches)), max: round(Math.max(...batches)) },
  cold_start: cold,
  after_service_worker_restart_ms: round(restart),
  zip_bytes: { chrome: statSync(`${DIST}rempart-chrome.zip`).size, firefox: statSync(`${DIST}rempart-firefox.zip`).size },
  wasm_bytes: statSync(`${DIST}chrome/pkg/rempart_bg.wasm`).size,
  model: (() => { try { return statSync(`${DIST}chrome/models/rempart.onnx`).size; } catch { return null; } })(),
};
console.log(JSON.stringify(result, null, 2));
await browser.close();
await fx.close();
