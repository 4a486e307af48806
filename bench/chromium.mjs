// Chromium figures: the extension engineer's latency bench (tests/e2e/bench.mjs, run as is: 50
// tweets inserted → all verdicts applied, p50/p95), then memory after scrolling 1,000 fixture
// tweets, for the page and the extension's service worker, next to the same figures once the
// page has loaded (the baseline). Writes bench/out/chromium.json. Usage: node bench/chromium.mjs [runs]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startFixture } from '../tests/e2e/lib/server.mjs';
import { split, topFunctions } from './profile.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const runs = process.argv[2] ?? '40';
const TWEETS = 1000;
const BATCH = 50;

const latency = JSON.parse(execFileSync(process.execPath, [`${root}tests/e2e/bench.mjs`, runs], { encoding: 'utf8' }));

/** Sends one CDP command to another target (the service worker) through the page's session. */
function viaTarget(cdp, sessionId) {
  let next = 0;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    if (e.sessionId === sessionId && waiting.has(msg.id)) waiting.get(msg.id)(msg.result);
  });
  return (method, params = {}) => new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
}

/** V8 heap in use and ArrayBuffer backing stores (the wasm memory lives there), after a GC. */
async function heap(send) {
  await send('HeapProfiler.collectGarbage');
  const h = await send('Runtime.getHeapUsage');
  return { js_heap_bytes: h.usedSize, backing_store_bytes: h.backingStorageSize ?? null };
}

/** Resident memory (kB → bytes) of this run's Chromium renderers: the extension's and X's page. */
function rendererMemory() {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return { pid: +pid, ppid: +stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], args: readFileSync(`/proc/${pid}/cmdline`, 'utf8'), rss: rss ? +rss[1] * 1024 : 0 };
    } catch { return null; }
  }).filter(Boolean);
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) { // descendants of this process only (a CI run may have its own Chromium)
    grew = false;
    for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) { ours.add(p.pid); grew = true; }
  }
  const renderers = procs.filter((p) => ours.has(p.pid) && p.args.includes('--type=renderer'));
  const max = (xs) => Math.max(0, ...xs.map((p) => p.rss));
  return { extension_rss_bytes: max(renderers.filter((p) => p.args.includes('--extension-process'))),
    page_rss_bytes: max(renderers.filter((p) => !p.args.includes('--extension-process'))) };
}

const fx = await startFixture();
const browser = await launchChromium({ proxyPort: fx.proxyPort });
const page = await browser.context.newPage();
await page.goto('https://x.com/home');
await page.waitForFunction(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.dataset.rempartAction));
const cdp = await browser.context.newCDPSession(page);
const pageSend = (m, p) => cdp.send(m, p);
const { targetInfos } = await cdp.send('Target.getTargets');
const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(browser.extensionUrl('')));
const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
const swSend = viaTarget(cdp, sessionId);

// Where the service worker's time goes while 10 batches of 50 are decided (names are stripped
// from the shipped wasm: its functions show as numbers; the split wasm / glue / idle still shows).
// The page (X's code and the content script) is profiled alongside.
for (const send of [swSend, pageSend]) { await send('Profiler.enable'); await send('Profiler.start'); }
for (let i = 0; i < 10; i++) {
  await page.evaluate((n) => window.fixture.insertAndTime(n), BATCH);
  await page.evaluate(() => window.fixture.recreate());
}
const profiles = {};
for (const [name, send] of [['service_worker', swSend], ['page', pageSend]]) {
  const { profile } = await send('Profiler.stop');
  profiles[name] = { split: split(profile), top: topFunctions(profile, 10) };
}

const before = { page: await heap(pageSend), service_worker: await heap(swSend), ...rendererMemory() };
for (let i = 0; i < TWEETS / BATCH; i++) {
  await page.evaluate((n) => window.fixture.insertAndTime(n), BATCH);
  await page.mouse.wheel(0, 2000); // scroll through what was inserted, like a reader would
}
const tweets = await page.evaluate(() => document.querySelectorAll('article[data-rempart-action]').length);
const after = { page: await heap(pageSend), service_worker: await heap(swSend), ...rendererMemory() };

await browser.close();
await fx.close();
const result = { latency, profiles, memory: { tweets_decided: tweets, after_load: before, after_scroll: after } };
writeFileSync(`${root}bench/out/chromium.json`, JSON.stringify(result, null, 1) + '\n');
console.log(JSON.stringify(result));
