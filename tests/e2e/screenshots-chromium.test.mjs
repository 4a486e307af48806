// Screenshots without <all_urls> at install, in the real Chromium (fresh profile): a capture before
// the grant is kept without its picture; the grant is the locker's "Allow screenshots of saved
// tweets" (headless Chromium cannot show its prompt, so the sites are first allowed in
// chrome://extensions, after which Chromium grants the request without one); then a capture has
// its screenshot. The toolbar-button way (activeTab) is what chromium.test.mjs and
// durability.test.mjs use. Shared steps in lib/screenshot-grant.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { allowAllSitesInExtensionSettings, DIST_CHROME, launchChromium } from './lib/chromium.mjs';
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
    ctx.allow = async (locker, shot) => {
      await allowAllSitesInExtensionSettings(browser);
      await locker.front();
      assert.equal(await locker.run(() => chrome.permissions.contains({ origins: ['<all_urls>'] })), false, 'not granted by the settings alone');
      await locker.click('#allow-screenshots');
      await locker.waitFor(() => document.body.dataset.screenshots === 'allowed', null, 'screenshots allowed', 15000);
      assert.equal(await locker.run(() => document.getElementById('screenshots').hidden), true, 'the offer goes once allowed');
      await locker.screenshot(shot);
    };
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineScreenshotGrantTests(ctx);
});
