// Where the Chromium "50 tweets → verdicts" time goes (benchmark tool, not a test): timing marks
// are patched into a copy of each build's dist/chrome (content script: observer, send, the page's
// next frame, answer, apply start, applied, the frame that draws the verdicts; background: message
// in, engine start and end, answer sent), then the same batches as tests/e2e/bench.mjs run. Prints
// per build the median time of each mark after the insertion, ms.
// Usage: node bench/latency_marks.mjs RUNS ROOT...   (ROOT: a built checkout; several are run in turn)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startFixture } from '../tests/e2e/lib/server.mjs';

const [runs = '20', ...roots] = process.argv.slice(2);
const page_ = (n) => `performance.mark('${n}');`;
// The next frame: its requestAnimationFrame callback (the rendering step starts) and the first task
// after it (style, layout and paint of that frame are done).
const frames = (start, end) => `requestAnimationFrame(() => { ${page_(start)} const c = new MessageChannel(); c.port1.onmessage = () => { ${page_(end)} }; c.port2.postMessage(0); });`;
const worker = (n) => `(globalThis.__marks ??= []).push(['${n}', performance.timeOrigin + performance.now()])`;
// [file, anchor, replacement]: each anchor must be found once, or the tool says which is missing.
const MARKS = [
  ['content/find.js', 'const observer = new MutationObserver((records) => {', (a) => `${a} ${page_('observed')}`],
  ['content/main.js', 'verdicts = await ask(items, gen);', (a) => `${page_('sent')} ${frames('frame', 'painted')} ${a} ${page_('answered')}`],
  ['content/main.js', '  function applyCached() {\n', (a) => `${a} ${page_('apply_start')}\n`],
  ['content/main.js', '      applyCached();\n', (a) => `${a} ${page_('applied')} ${frames('frame2', 'painted2')}\n`],
  ['background/main.js', "case 'classify': {", (a) => `${a} ${worker('worker_in')};`],
  ['background/main.js', '(res) => sendResponse({ ok: true, ...res }),', () => `(res) => { sendResponse({ ok: true, ...res }); ${worker('worker_out')}; },`],
  ['background/verdicts.js', '  const out = {', (a) => `  ${worker('engine_start')}; ${a.trim()}`],
  ['background/verdicts.js', '  const { now: lookalike, later } = await lookalikeLabels;', (a) => `  ${worker('engine_end')}; ${a.trim()}`],
];

function marked(root) {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-marks-'));
  cpSync(`${root}/dist/chrome`, dir, { recursive: true });
  for (const [file, anchor, put] of MARKS) {
    const src = readFileSync(`${dir}/${file}`, 'utf8');
    if (src.split(anchor).length !== 2) throw new Error(`${root}: ${file} has no single '${anchor.trim()}'`);
    writeFileSync(`${dir}/${file}`, src.replace(anchor, put(anchor)));
  }
  return dir;
}

const median = (xs) => (xs.length ? +[...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1) : null);
const fx = await startFixture();
const result = {};
for (const root of roots) {
  const dir = marked(root);
  const browser = await launchChromium({ proxyPort: fx.proxyPort, extensionDir: dir });
  const page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.dataset.rempartAction));
  const rows = [];
  for (let i = 0; i < Number(runs) + 3; i++) {
    await browser.worker.evaluate(() => { globalThis.__marks = []; });
    const r = await page.evaluate(async (n) => {
      performance.clearMarks();
      const ms = await window.fixture.insertAndTime(n); // its clock starts once the 50 rows are built
      const t0 = performance.now() - ms;
      await new Promise((r) => setTimeout(r, 150)); // the frame that draws the verdicts (frame2, painted2)
      const first = (name) => performance.getEntriesByName(name)[0]?.startTime - t0;
      return { ms, t0: performance.timeOrigin + t0, page: Object.fromEntries(['observed', 'sent', 'frame', 'painted', 'answered', 'apply_start', 'applied', 'frame2', 'painted2'].map((m) => [m, first(m)])) };
    }, 50);
    const marks = await browser.worker.evaluate(() => globalThis.__marks);
    await page.evaluate(() => window.fixture.recreate());
    if (i < 3) continue; // as tests/e2e/bench.mjs: the first batches warm caches and the JIT
    const inWorker = {};
    for (const [name, at] of marks) inWorker[name] ??= at - r.t0; // the batch's first message
    rows.push({ total: r.ms, ...r.page, ...inWorker });
  }
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
  const names = ['observed', 'sent', 'frame', 'painted', 'worker_in', 'engine_start', 'engine_end', 'worker_out', 'answered', 'apply_start', 'applied', 'total', 'frame2', 'painted2'];
  result[root] = Object.fromEntries(names.map((n) => [n, median(rows.map((x) => x[n]).filter(Number.isFinite))]));
}
await fx.close();
console.log(JSON.stringify(result, null, 1));
