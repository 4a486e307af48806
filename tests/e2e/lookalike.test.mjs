// "Looks like @old" on the fixture X (tests/e2e/lib/lookalike.mjs) in Chromium (French) and Firefox
// (English), then the author's picture in the locker's suggestions (lib/lookalike-avatar.mjs);
// the extension makes no request (Firefox: none leaves but to the fixture).
// Screenshots: dist/screenshots/lookalike-*.png, avatar-*-page.png, avatar-*-locker.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromiumTabs, clickToolbarButton, launchChromium } from './lib/chromium.mjs';
import { allowScreenshots, firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { defineAvatarTests } from './lib/lookalike-avatar.mjs';
import { defineLookalikeTests } from './lib/lookalike.mjs';
import { startFixture } from './lib/server.mjs';

const SHOTS = new URL('../../dist/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

describe('look-alike label: Chromium (fr)', { timeout: 180000 }, () => {
  const ctx = { lang: 'fr', screenshot: `${SHOTS}lookalike-chromium.png`, shots: `${SHOTS}avatar-chromium` };
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
    // Its own files and blob: URLs of its own screenshots (the locker's thumbnails) only.
    assert.deepEqual(requests.filter((u) => !u.startsWith(ctx.extensionUrl('')) && !u.startsWith(`blob:${ctx.extensionUrl('')}`)), [], 'the extension made no request');
  });
  defineLookalikeTests(ctx);
  // Screenshots: the toolbar button clicked on the X tab (activeTab), as the user would.
  it('screenshots allowed on the X tab', async () => {
    await ctx.x.front();
    await clickToolbarButton(browser, ctx.x.page);
  });
  defineAvatarTests(ctx);
});

describe('look-alike label: Firefox (en)', { timeout: 180000 }, () => {
  const ctx = { lang: 'en', screenshot: `${SHOTS}lookalike-firefox.png`, shots: `${SHOTS}avatar-firefox` };
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
  it('screenshots allowed: the locker\'s "Allow screenshots" clicked', { timeout: 60000 }, async () => {
    await allowScreenshots(browser.driver, ctx.extensionUrl, ctx.x.handle);
  });
  defineAvatarTests(ctx);
});
