// Memory footprint in Chromium (benchmark, not a test): proportional set size (PSS, shared pages
// counted once per sharer) of the extension's renderer process and of the whole browser, for
// Rempart and for an empty MV3 extension (a manifest and an empty service worker) in the same
// run, on the same fixture X: once the page has loaded, and after 1,000 tweets inserted and
// scrolled. Each variant runs RUNS times, interleaved; medians are reported.
// Usage: node bench/footprint.mjs [runs] [name=extension-dir ...]  (default: rempart=dist/chrome)
// Writes bench/out/footprint.json (footprint-compare.json with named variants).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_CHROME, launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startFixture } from '../tests/e2e/lib/server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.argv[2] ?? 3);
const TWEETS = 1000;
const BATCH = 50;

/** The baseline: what any MV3 extension costs (its process, its worker) and nothing else. */
function emptyExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-empty-mv3-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Empty MV3 baseline', version: '1.0', background: { service_worker: 'worker.js' },
  }));
  writeFileSync(join(dir, 'worker.js'), '// An empty service worker: the baseline of an MV3 extension.\n');
  return dir;
}

const variants = [['empty_mv3', emptyExtension()]];
const named = process.argv.slice(3).map((a) => a.split('='));
variants.push(...(named.length ? named : [['rempart', DIST_CHROME]]));

/** PSS (bytes) of this run's Chromium processes, from /proc/PID/smaps_rollup. */
function pss() {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      return { pid: +pid, ppid: +stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1],
        args: readFileSync(`/proc/${pid}/cmdline`, 'utf8'), pss: +(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024 };
    } catch { return null; }
  }).filter(Boolean);
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) { // descendants of this process only
    grew = false;
    for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) { ours.add(p.pid); grew = true; }
  }
  const mine = procs.filter((p) => ours.has(p.pid) && p.pid !== process.pid);
  const sum = (ps) => ps.reduce((a, p) => a + p.pss, 0);
  return { extension_process: sum(mine.filter((p) => p.args.includes('--extension-process'))), browser_total: sum(mine) };
}

const settle = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(extensionDir, waitsForVerdicts) {
  const fx = await startFixture();
  const browser = await launchChromium({ proxyPort: fx.proxyPort, extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await page.waitForSelector('article[data-testid="tweet"]');
    if (waitsForVerdicts) {
      await page.waitForFunction(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.dataset.rempartAction));
    }
    await settle(1500);
    const loaded = pss();
    for (let i = 0; i < TWEETS / BATCH; i++) {
      // The empty extension never marks a tweet: its batches are inserted without waiting.
      if (waitsForVerdicts) await page.evaluate((n) => window.fixture.insertAndTime(n), BATCH);
      else await page.evaluate((n) => { window.fixture.insertAndTime(n); }, BATCH);
      await page.mouse.wheel(0, 2000);
    }
    await settle(1500);
    return { after_load: loaded, after_1000_tweets: pss() };
  } finally {
    await browser.close();
    await fx.close();
  }
}

const samples = Object.fromEntries(variants.map(([name]) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, dir] of variants) samples[name].push(await measure(dir, name !== 'empty_mv3'));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const result = { runs: RUNS, tweets: TWEETS, variants: {} };
for (const [name] of variants) {
  const m = {};
  for (const when of ['after_load', 'after_1000_tweets']) {
    m[when] = {};
    for (const what of ['extension_process', 'browser_total']) m[when][what] = median(samples[name].map((s) => s[when][what]));
  }
  result.variants[name] = m;
}
mkdirSync(`${root}bench/out`, { recursive: true });
// Named variants (bench/compare.mjs) must not replace the figures BENCHMARKS.md reads.
writeFileSync(`${root}bench/out/${named.length ? 'footprint-compare' : 'footprint'}.json`, JSON.stringify(result, null, 1) + '\n');
console.log(JSON.stringify(result));
