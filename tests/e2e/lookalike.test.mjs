// "Looks like @old" on the fixture X (tests/e2e/lib/lookalike.mjs) in Chromium (French) and Firefox
// (English); the extension makes no request (Firefox: none leaves but to the fixture).
// Screenshots: dist/screenshots/lookalike-{chromium,firefox}.png.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromiumTabs, launchChromium } from './lib/chromium.mjs';
import { firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { defineLookalikeTests } from './lib/lookalike.mjs';
import { startFixture } from './lib/server.mjs';

const SHOTS = new URL('../../dist/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

describe('look-alike label: Chromium (fr)', { timeout: 180000 }, () => {
  const ctx = { lang: 'fr', screenshot: `${SHOTS}lookalike-chromium.png` };
  const requests = [];
  let fx;
  let browser;
  before(async () => {
    fx = await startFixture();
    browser = await launchChromium({ proxyPort: fx.proxyPort, lang: 'fr' });
    Object.assign(ctx, await chromiumTabs(browser, requests));
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
    // Chromium itself calls Google (updates, accounts): only the extension's own requests are judged.
    assert.deepEqual(requests.filter((u) => !u.startsWith('chrome-extension://')), [], 'the extension made no request');
  });
  defineLookalikeTests(ctx);
});

describe('look-alike label: Firefox (en)', { timeout: 180000 }, () => {
  const ctx = { lang: 'en', screenshot: `${SHOTS}lookalike-firefox.png` };
  let fx;
  let browser;
  before(async () => {
    fx = await startFixture();
    browser = await launchFirefox({ proxyPort: fx.proxyPort, lang: 'en-US' });
    ctx.extensionUrl = browser.extensionUrl;
    Object.assign(ctx, await firefoxTabs(browser.driver));
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
    assert.deepEqual(fx.refused, [], 'nothing but the fixture was asked for');
  });
  defineLookalikeTests(ctx);
});
