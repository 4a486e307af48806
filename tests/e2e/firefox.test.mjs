// End-to-end in the real Debian Firefox ESR (geckodriver + selenium-webdriver): the built
// dist/rempart-firefox.zip as a temporary add-on against the fixture X, browser in English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seleniumTab } from './lib/drivers.mjs';
import { allowScreenshots, firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { loadOracle } from './lib/oracle.mjs';
import { defineTimelineTests } from './lib/scenario.mjs';
import { defineEvidenceTests } from './lib/evidence.mjs';
import { screenshotPath, startFixture, X_HOSTS } from './lib/server.mjs';

const DIST = new URL('../../dist/firefox', import.meta.url).pathname;

describe('Firefox', { timeout: 360000 }, () => {
  const ctx = { uiLang: 'en', name: 'firefox', screenshot: screenshotPath('firefox') };
  let fx;
  let browser;

  before(async () => {
    ctx.oracle = await loadOracle(DIST);
    fx = await startFixture();
    browser = await launchFirefox({ proxyPort: fx.proxyPort, lang: 'en-US' });
    const { driver } = browser;
    ctx.extensionUrl = browser.extensionUrl;
    Object.assign(ctx, await firefoxTabs(driver));
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineTimelineTests(ctx);

  it('the per-tab switch turns filtering off in that tab only, without reload', async () => {
    await ctx.popup.check('tab_enabled', false);
    await ctx.x.waitFor(() => [...document.querySelectorAll('article[data-testid="tweet"]')]
      .every((a) => a.dataset.rempartAction === 'none'), null, 'every tweet left alone');
    // Another X tab keeps its protection.
    const { driver } = browser;
    await driver.switchTo().newWindow('tab');
    const other = seleniumTab(driver, await driver.getWindowHandle());
    await other.goto('https://x.com/home');
    await other.waitFor(() => document.querySelectorAll('article[data-rempart-action="hide"]').length > 0, null, 'other tab filtered');
    await driver.close();
    await ctx.popup.front();
    // WebDriver returns before the reload starts: wait for the new page, not the old one's "ready".
    await ctx.popup.run(() => { document.body.dataset.stale = '1'; location.reload(); });
    await ctx.popup.waitFor(() => document.body && !document.body.dataset.stale && document.body.dataset.ready === 'true', null, 'popup ready');
    await ctx.popup.check('tab_enabled', true);
    await ctx.x.waitFor(() => document.querySelectorAll('article[data-rempart-action="hide"]').length > 0, null, 'filtering back on');
  });

  // Screenshots are not allowed at install: the locker's button grants them (lib/firefox.mjs).
  // The path before the grant: screenshots-firefox.test.mjs.
  it('screenshots allowed for the evidence tests: the locker\'s "Allow screenshots" clicked', { timeout: 60000 }, async () => {
    await allowScreenshots(browser.driver, ctx.extensionUrl, ctx.x.handle);
  });

  defineEvidenceTests(ctx);

  it('no request leaves the browser except to the fixture; none from the extension', () => {
    assert.ok(fx.requests.length > 0);
    for (const r of fx.requests) {
      assert.ok(X_HOSTS.includes(r.host), r.host);
      assert.ok(!/^moz-extension:/.test(r.origin ?? '') && !/^moz-extension:/.test(r.referer ?? ''), `extension-originated request to ${r.path}`);
    }
    // Firefox's own services are switched off (lib/firefox.mjs), so anything refused is a leak.
    assert.deepEqual(fx.refused, []);
  });
});
