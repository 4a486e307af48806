// Screenshots without <all_urls> at install, in the real Firefox ESR (fresh profile): a capture
// before the grant is kept without its picture; the grant is the locker's "Allow screenshots of
// saved tweets" (optional_host_permissions, asked from the click; the doorhanger is skipped by a
// preference in lib/firefox.mjs); then a capture has its screenshot.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { seleniumTab } from './lib/drivers.mjs';
import { launchFirefox, openTrustedTab } from './lib/firefox.mjs';
import { defineScreenshotGrantTests } from './lib/screenshot-grant.mjs';
import { startFixture } from './lib/server.mjs';

const DIST = new URL('../../dist/firefox', import.meta.url).pathname;

describe('Firefox: screenshots allowed after install', { timeout: 300000 }, () => {
  const ctx = { name: 'firefox', messages: JSON.parse(readFileSync(`${DIST}/_locales/en/messages.json`, 'utf8')) };
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchFirefox({ proxyPort: fx.proxyPort });
    const { driver } = browser;
    ctx.extensionUrl = browser.extensionUrl;
    ctx.x = seleniumTab(driver, await driver.getWindowHandle());
    ctx.openTab = async (url) => seleniumTab(driver, await openTrustedTab(driver, url));
    ctx.allow = async (locker, shot) => {
      await locker.front();
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
