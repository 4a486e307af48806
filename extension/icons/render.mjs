// Renders icon.svg into the PNG sizes the manifests need (Chrome takes no SVG icons).
// Run by hand after editing the SVG: node extension/icons/render.mjs (uses the Debian chromium).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: new URL(`icon-${size}.png`, dir).pathname, omitBackground: true });
}
await browser.close();
