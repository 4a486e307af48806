// A describe() block for suites that open only the extension's own pages (locker, reports): the
// browser starts with its proxy on a closed port, so any request to the web would fail loudly.
import { after, before, describe } from 'node:test';
import { chromiumTabs, launchChromium } from './chromium.mjs';
import { firefoxTabs, launchFirefox } from './firefox.mjs';

const CLOSED_PORT = 9;

/** browser: 'chromium' | 'firefox'; lang: 'fr' | 'en'; define(ctx) declares the tests, given
 *  ctx.extensionUrl(path), ctx.openTab(url) and ctx.lang. */
export function describeExtensionPages(title, browser, lang, define) {
  describe(title, { timeout: 120000 }, () => {
    const ctx = { lang };
    let b;
    before(async () => {
      const locale = lang === 'fr' ? 'fr' : 'en-US';
      if (browser === 'chromium') {
        b = await launchChromium({ proxyPort: CLOSED_PORT, lang: locale });
        Object.assign(ctx, await chromiumTabs(b, []));
      } else {
        b = await launchFirefox({ proxyPort: CLOSED_PORT, lang: locale });
        ctx.extensionUrl = b.extensionUrl;
        Object.assign(ctx, await firefoxTabs(b.driver));
      }
    });
    after(async () => { await b?.close(); });
    define(ctx);
  });
}
