// The complaint kit in the real Debian Firefox ESR (browser in English): lib/pdf-kit.mjs against
// the fixture X; nothing the proxy had to refuse.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allowScreenshots, firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { definePdfKitTests } from './lib/pdf-kit.mjs';
import { startFixture } from './lib/server.mjs';

describe('Firefox: complaint kit', { timeout: 300000 }, () => {
  const ctx = { name: 'firefox' };
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
  });

  // Screenshots are not allowed at install: the locker's "Allow screenshots" grants them.
  it('screenshots allowed: the locker\'s "Allow screenshots" clicked', { timeout: 60000 }, async () => {
    await allowScreenshots(browser.driver, ctx.extensionUrl, ctx.x.handle);
  });

  definePdfKitTests(ctx);

  it('no request left the browser but to the fixture', () => {
    assert.deepEqual(fx.refused, []);
  });
});
