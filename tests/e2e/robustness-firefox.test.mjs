// Robustness and security in the real Debian Firefox ESR, in a profile of its own: hostile
// corpus, hostile page, corrupted settings, layout drift (same steps as in Chromium).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seleniumTab } from './lib/drivers.mjs';
import { launchFirefox, openTrustedTab } from './lib/firefox.mjs';
import { defineRobustnessTests } from './lib/robustness.mjs';
import { startFixture, X_HOSTS } from './lib/server.mjs';

describe('Firefox robustness', { timeout: 600000 }, () => {
  const ctx = { name: 'firefox' };
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchFirefox({ proxyPort: fx.proxyPort, lang: 'en-US' });
    const { driver } = browser;
    ctx.extensionUrl = browser.extensionUrl;
    ctx.x = seleniumTab(driver, await driver.getWindowHandle());
    ctx.openTab = async (url) => seleniumTab(driver, await openTrustedTab(driver, url));
    ctx.openFile = async (url) => {
      await driver.switchTo().newWindow('tab');
      const tab = seleniumTab(driver, await driver.getWindowHandle());
      await tab.goto(url);
      return tab;
    };
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineRobustnessTests(ctx);

  it('no request from the extension; nothing but the fixture reached', () => {
    for (const r of fx.requests) assert.ok(X_HOSTS.includes(r.host) && !/^moz-extension:/.test(r.origin ?? ''), `${r.host}${r.path}`);
    assert.deepEqual(fx.refused, []);
  });
});
