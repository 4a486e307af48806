// Where the extension process's memory goes (diagnostic benchmark, not a test): its PSS by
// mapping, read from /proc/PID/smaps once the fixture X has its verdicts. Large anonymous
// mappings are single buffers (the module's bytes, the wasm memory, V8's copy of the module);
// `rwxp` is the code V8 compiled; files are shared pages (the browser binary, ICU data).
// Usage: node bench/memory_map.mjs [extension-dir]   (default dist/chrome)
import { readFileSync, readdirSync } from 'node:fs';
import { DIST_CHROME, launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startFixture } from '../tests/e2e/lib/server.mjs';

const MB = 1024;
const extensionDir = process.argv[2] ?? DIST_CHROME;

function extensionProcesses() {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
    try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process'); } catch { return false; }
  });
}

/** [{what, pss (kB)}]: anonymous mappings of 512 kB or more one by one, the rest summed. */
function mappings(pid) {
  const rows = [];
  let current = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const size = (parseInt(head[2], 16) - parseInt(head[1], 16)) / 1048576;
      current = { perm: head[3], file: head[4].replace(/.*\//, ''), size };
      continue;
    }
    const pss = /^Pss:\s+(\d+)/.exec(line);
    if (pss && current) rows.push({ ...current, pss: +pss[1] });
  }
  const big = rows.filter((r) => !r.file && r.pss >= 512).sort((a, b) => b.pss - a.pss);
  const summed = {};
  for (const r of rows) {
    if (!r.file && r.pss >= 512) continue;
    const key = r.file ? `file ${r.file}` : 'anonymous, small mappings';
    summed[key] = (summed[key] ?? 0) + r.pss;
  }
  return [
    ...big.map((r) => ({ what: `anonymous ${r.perm} (mapping of ${r.size.toFixed(1)} MB)`, pss: r.pss })),
    ...Object.entries(summed).map(([what, pss]) => ({ what, pss })).filter((r) => r.pss >= 256).sort((a, b) => b.pss - a.pss),
  ];
}

const fx = await startFixture();
const browser = await launchChromium({ proxyPort: fx.proxyPort, extensionDir });
try {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('article[data-testid="tweet"]')];
    return all.length > 0 && all.every((a) => a.dataset.rempartAction);
  });
  await new Promise((r) => setTimeout(r, 1500));
  for (const pid of extensionProcesses()) {
    const rows = mappings(pid);
    const total = rows.reduce((a, r) => a + r.pss, 0);
    console.log(`extension process ${pid}: PSS ${(total / MB).toFixed(1)} MB`);
    for (const r of rows) console.log(`${(r.pss / MB).toFixed(1).padStart(7)} MB  ${r.what}`);
  }
} finally {
  await browser.close();
  await fx.close();
}
