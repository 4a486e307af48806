// Bulk capture, "seen deleted" and merge import in the real Debian Firefox ESR (English browser
// and English X): the same scenario as Chromium (lib/bulk.mjs), without the worker kills.
import { after, before, describe } from 'node:test';
import { defineBulkTests } from './lib/bulk.mjs';
import { firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { startFixture } from './lib/server.mjs';

describe('Firefox bulk capture', { timeout: 900000 }, () => {
  const ctx = { name: 'firefox', ui: 'en' };
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchFirefox({ proxyPort: fx.proxyPort, lang: 'en-US' });
    ctx.extensionUrl = browser.extensionUrl;
    Object.assign(ctx, await firefoxTabs(browser.driver));
    ctx.second = async () => {
      const b = await launchFirefox({ proxyPort: fx.proxyPort, lang: 'en-US' });
      return { extensionUrl: b.extensionUrl, ...(await firefoxTabs(b.driver)), close: () => b.close() };
    };
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineBulkTests(ctx);
});
