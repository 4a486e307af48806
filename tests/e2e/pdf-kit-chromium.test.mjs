// The complaint kit in the real Debian Chromium (browser in French): lib/pdf-kit.mjs against the
// fixture X, and no request from the extension but to its own files.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromiumTabs, clickToolbarButton, launchChromium } from './lib/chromium.mjs';
import { definePdfKitTests } from './lib/pdf-kit.mjs';
import { startFixture } from './lib/server.mjs';

describe('Chromium: complaint kit', { timeout: 240000 }, () => {
  const ctx = { name: 'chromium' };
  const extensionRequests = [];
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchChromium({ proxyPort: fx.proxyPort, lang: 'fr' });
    Object.assign(ctx, await chromiumTabs(browser, extensionRequests));
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  // Screenshots are not allowed at install: the toolbar button clicked on the X tab allows them
  // there (activeTab; lib/chromium.mjs), as the user would before saving.
  it('screenshots allowed: the toolbar button clicked on the X tab', async () => {
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await clickToolbarButton(browser, ctx.x.page);
  });

  definePdfKitTests(ctx);

  it('the PDFs are made with the extension\'s own files: no other request', () => {
    const foreign = extensionRequests.filter((u) => !u.startsWith(ctx.extensionUrl('')) && !u.startsWith(`blob:${ctx.extensionUrl('')}`));
    assert.deepEqual(foreign, []);
    assert.ok(extensionRequests.some((u) => u.endsWith('/vendor/DejaVuSans.ttf')), 'the font came from the package');
  });
});
