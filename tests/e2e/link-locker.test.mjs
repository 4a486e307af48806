// Returning-account suggestions in the locker (tests/e2e/lib/link-locker.mjs) in Chromium (English,
// then French) and Firefox. Only extension pages are opened: the proxy is a closed port, and the
// test asserts that no request left. Screenshot: docs/locker-suggestions.png.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumTabs, launchChromium } from './lib/chromium.mjs';
import { firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { defineLinkLockerTests } from './lib/link-locker.mjs';

const CLOSED_PORT = 9;
const DOCS = new URL('../../docs/', import.meta.url).pathname;

for (const lang of ['en', 'fr']) {
  describe(`locker suggestions: Chromium (${lang})`, { timeout: 120000 }, () => {
    const ctx = { lang, screenshot: lang === 'en' ? `${DOCS}locker-suggestions.png` : null };
    const requests = [];
    let browser;
    before(async () => {
      browser = await launchChromium({ proxyPort: CLOSED_PORT, lang });
      Object.assign(ctx, await chromiumTabs(browser, requests));
    });
    after(async () => {
      await browser?.close();
      assert.deepEqual(requests.filter((u) => !u.startsWith('chrome-extension://')), [], 'no request left the extension');
    });
    defineLinkLockerTests(ctx);
  });
}

describe('locker suggestions: Firefox (en)', { timeout: 120000 }, () => {
  const ctx = { lang: 'en' };
  let browser;
  before(async () => {
    browser = await launchFirefox({ proxyPort: CLOSED_PORT, lang: 'en-US' });
    ctx.extensionUrl = browser.extensionUrl;
    Object.assign(ctx, await firefoxTabs(browser.driver));
  });
  after(async () => { await browser?.close(); });
  defineLinkLockerTests(ctx);
});
