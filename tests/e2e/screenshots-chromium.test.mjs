// Screenshots without <all_urls> at install, in the real Chromium (fresh profile): a capture before
// the grant is kept without its picture; the grant is the toolbar button on the X tab (activeTab,
// clicked through CDP: headless Chromium cannot answer the optional-permission prompt); then a
// capture has its screenshot. Shared steps in lib/screenshot-grant.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { clickToolbarButton, DIST_CHROME, launchChromium } from './lib/chromium.mjs';
import { playwrightTab } from './lib/drivers.mjs';
import { defineScreenshotGrantTests } from './lib/screenshot-grant.mjs';
import { startFixture } from './lib/server.mjs';

describe('Chromium: screenshots allowed after install', { timeout: 300000 }, () => {
  const ctx = { name: 'chromium', messages: JSON.parse(readFileSync(`${DIST_CHROME}/_locales/en/messages.json`, 'utf8')) };
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchChromium({ proxyPort: fx.proxyPort });
    ctx.extensionUrl = browser.extensionUrl;
    ctx.x = playwrightTab(await browser.context.newPage());
    ctx.openTab = async (url) => {
      const page = await browser.context.newPage();
      await page.goto(url);
      return playwrightTab(page);
    };
    ctx.allow = async (_locker, shot) => {
      await ctx.x.front();
      const popup = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup/popup.html'), timeout: 5000 }).catch(() => null);
      await clickToolbarButton(browser, ctx.x.page);
      // The popup the button opened (a page of its own in headless Chromium), kept as a picture.
      const page = await popup;
      if (page) {
        await page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout: 10000 }).catch(() => {});
        assert.ok(page.url().startsWith(browser.extensionUrl('popup/')));
        await page.screenshot({ path: shot });
      }
    };
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineScreenshotGrantTests(ctx);
});
