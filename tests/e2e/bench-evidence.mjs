// Evidence benchmark (not a test), Chromium: "save as evidence" click → committed (p50, p95) on the
// fixture, then the opening of a locker of [records] records (500 by default) and its export (time
// and ZIP size, the two PDFs included), and each PDF made alone (report.pdf, complaint.pdf).
// Prints JSON.
// Usage: node tests/e2e/bench-evidence.mjs [captures] [records]
import { clickToolbarButton, launchChromium } from './lib/chromium.mjs';
import { startFixture } from './lib/server.mjs';

const CAPTURES = Number(process.argv[2] ?? 15);
const RECORDS = Number(process.argv[3] ?? 500);
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const fx = await startFixture();
const browser = await launchChromium({ proxyPort: fx.proxyPort });
try {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => document.querySelectorAll('article[data-rempart-action]').length >= 10);
  const ids = await page.evaluate(() => [...document.querySelectorAll('article[data-fixture-id]')].map((a) => a.dataset.fixtureId));
  // Screenshots are not allowed at install: the toolbar button clicked on the X tab allows them.
  await page.bringToFront();
  await clickToolbarButton(browser, page);
  const ms = [];
  for (let i = 0; i < CAPTURES; i++) {
    const id = ids[i % ids.length];
    const sel = `article[data-fixture-id="${id}"]`;
    await page.evaluate((s) => { delete document.querySelector(s).dataset.rempartEvidence; }, sel);
    // A real click: the save button ignores synthetic ones (a page script must not file evidence),
    // which is why an element.click() from page.evaluate waited here forever.
    const t0 = performance.now();
    await page.click(`${sel} [data-rempart-control="save-evidence"]`);
    await page.waitForFunction((s) => ['saved', 'failed'].includes(document.querySelector(s).dataset.rempartEvidence), sel, { timeout: 60000 });
    const saved = await page.evaluate((s) => document.querySelector(s).dataset.rempartEvidence === 'saved', sel);
    ms.push(saved ? performance.now() - t0 : -1);
    await new Promise((r) => setTimeout(r, 600)); // outside the browser's two-captures-a-second limit
  }
  // Seed the locker up to RECORDS captures by re-sealing copies of a real capture (same screenshot size).
  const locker = await browser.context.newPage();
  await locker.goto(browser.extensionUrl('evidence/evidence.html'));
  await locker.waitForFunction(() => document.body.dataset.ready === 'true');
  await locker.evaluate(async (n) => {
    const db = await import('../shared/evidence-db.js');
    const { sha256Hex } = await import('../pkg/rempart.js');
    const all = await db.allRecords();
    const model = all.find((r) => r.kind === 'capture');
    const png = await db.shot(model.parts.screenshot.file);
    for (let i = all.length; i < n; i += 50) {
      await db.append((seq) => Array.from({ length: Math.min(50, n - i) }, (_, k) => {
        const file = `screenshots/${String(seq + k).padStart(5, '0')}-bench.png`;
        const r = structuredClone(model);
        for (const key of ['schema', 'seq', 'prev_hash', 'hash']) delete r[key];
        r.capture_id = crypto.randomUUID();
        r.parts.screenshot = { file, sha256: sha256Hex(png) };
        return { record: r, shot: { file, bytes: png } };
      }));
    }
  }, RECORDS);
  const tOpen = Date.now();
  await locker.reload();
  await locker.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 300000 });
  const openMs = Date.now() - tOpen; // the locker page opened on RECORDS records: list, filters, suggestions
  const t0 = Date.now();
  await locker.click('#export');
  await locker.waitForFunction(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok, null, { timeout: 300000 });
  const exportMs = Date.now() - t0;
  const status = await locker.evaluate(() => document.getElementById('status').textContent);
  const size = await locker.evaluate(async () => (await (await fetch(document.getElementById('download').href)).blob()).size);
  const shot = await locker.evaluate(async () => {
    const db = await import('../shared/evidence-db.js');
    const r = (await db.allRecords()).find((x) => x.kind === 'capture');
    return (await db.shot(r.parts.screenshot.file)).byteLength;
  });
  const pdf = {};
  for (const [which, button] of [['report', '#export_pdf'], ['complaint', '#export_complaint']]) {
    await locker.evaluate(() => { document.getElementById('download_pdf').hidden = true; });
    const t1 = Date.now();
    await locker.click(button);
    await locker.waitForFunction((w) => !document.getElementById('download_pdf').hidden && document.getElementById('download_pdf').dataset.which === w, which, { timeout: 300000 });
    pdf[which] = { ms: Date.now() - t1, bytes: await locker.evaluate(async () => (await (await fetch(document.getElementById('download_pdf').href)).blob()).size) };
  }
  console.log(JSON.stringify({
    capture_ms: { runs: ms.length, failed: ms.filter((x) => x < 0).length, p50: Math.round(q(ms, 0.5)), p95: Math.round(q(ms, 0.95)) },
    locker_open_ms: openMs,
    export: { records: RECORDS, ms: exportMs, zip_bytes: size, screenshot_bytes: shot, status },
    pdf_alone: pdf,
  }, null, 2));
} finally {
  await browser.close();
  await fx.close();
}
