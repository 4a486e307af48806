// Bulk capture, "seen deleted" and merge import in the real Debian Chromium (French browser and
// French X), with the service worker killed twice during the conversation run (lib/bulk.mjs).
import { after, before, describe } from 'node:test';
import { chromiumTabs, launchChromium } from './lib/chromium.mjs';
import { defineBulkTests } from './lib/bulk.mjs';
import { startFixture } from './lib/server.mjs';

describe('Chromium bulk capture', { timeout: 900000 }, () => {
  const ctx = { name: 'chromium', ui: 'fr' };
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchChromium({ proxyPort: fx.proxyPort, lang: 'fr' });
    Object.assign(ctx, await chromiumTabs(browser, []));
    ctx.kill = async () => {
      const cdp = await browser.context.browser()?.newBrowserCDPSession?.() ?? await browser.context.newCDPSession(ctx.x.page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ctx.extensionUrl('')));
      if (sw) await cdp.send('Target.closeTarget', { targetId: sw.targetId }).catch(() => {});
      return Boolean(sw);
    };
    ctx.second = async () => {
      const b = await launchChromium({ proxyPort: fx.proxyPort, lang: 'fr' });
      return { ...(await chromiumTabs(b, [])), close: () => b.close() };
    };
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineBulkTests(ctx);
});
