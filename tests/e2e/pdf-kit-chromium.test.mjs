// The complaint kit in the real Debian Chromium (browser in French): lib/pdf-kit.mjs against the
// fixture X, and no request from the extension but to its own files.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromiumTabs, launchChromium } from './lib/chromium.mjs';
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

  definePdfKitTests(ctx);

  it('the PDFs are made with the extension\'s own files: no other request', () => {
    const foreign = extensionRequests.filter((u) => !u.startsWith(ctx.extensionUrl('')) && !u.startsWith(`blob:${ctx.extensionUrl('')}`));
    assert.deepEqual(foreign, []);
    assert.ok(extensionRequests.some((u) => u.endsWith('/vendor/DejaVuSans.ttf')), 'the font came from the package');
  });
});
