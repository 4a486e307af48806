// End-to-end in the real Debian Chromium: the built dist/chrome against the fixture X, with the
// browser in French (extension UI in French), then Chromium-only checks: layout-drift badge and
// popup warning, a service-worker restart, and where every request went.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromiumTabs, clickToolbarButton, DIST_CHROME, launchChromium } from './lib/chromium.mjs';
import { loadOracle } from './lib/oracle.mjs';
import { defineTimelineTests } from './lib/scenario.mjs';
import { defineEvidenceTests } from './lib/evidence.mjs';
import { defineKillTest } from './lib/evidence-kill.mjs';
import { screenshotPath, startFixture, X_HOSTS } from './lib/server.mjs';

// Chromium's own background services that no flag turns off here (component updater, sign-in).
// The proxy refuses them; the extension's own requests are checked separately below.
const CHROMIUM_OWN = ['update.googleapis.com', 'accounts.google.com'];

describe('Chromium', { timeout: 330000 }, () => {
  const ctx = { uiLang: 'fr', name: 'chromium', screenshot: screenshotPath('chromium'), consoleErrors: [] };
  let fx;
  let browser;
  const extensionRequests = [];

  before(async () => {
    ctx.oracle = await loadOracle(DIST_CHROME);
    fx = await startFixture();
    browser = await launchChromium({ proxyPort: fx.proxyPort, lang: 'fr' });
    browser.context.on('console', (m) => { if (m.type() === 'error') ctx.consoleErrors.push({ url: m.location().url, text: m.text() }); });
    browser.context.on('weberror', (e) => ctx.consoleErrors.push({ url: e.page()?.url() ?? '', text: String(e.error()) }));
    Object.assign(ctx, await chromiumTabs(browser, extensionRequests));
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineTimelineTests(ctx);

  it('layout drift: no tweet recognised → badge "!" and a popup warning', { timeout: 30000 }, async () => {
    await ctx.x.front();
    await ctx.x.goto('https://x.com/drift');
    const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), ctx.xTabId);
    const end = Date.now() + 20000;
    while ((await badge()) !== '!' && Date.now() < end) await new Promise((r) => setTimeout(r, 500));
    assert.equal(await badge(), '!');
    await ctx.popup.goto(ctx.extensionUrl(`popup/popup.html?tab=${ctx.xTabId}`));
    await ctx.popup.waitFor(() => document.body.dataset.ready === 'true' && !document.getElementById('drift').hidden, null, 'drift warning in the popup');
    // Tweets recognised again → the warning goes away.
    await ctx.x.goto('https://x.com/home');
    const end2 = Date.now() + 10000;
    while ((await badge()) === '!' && Date.now() < end2) await new Promise((r) => setTimeout(r, 500));
    assert.equal(await badge(), '');
  });

  it('the engine comes back after the service worker is stopped', async () => {
    const cdp = await browser.context.browser()?.newBrowserCDPSession?.() ?? await browser.context.newCDPSession(ctx.x.page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ctx.extensionUrl('')));
    assert.ok(sw, 'service worker target');
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    const ms = await ctx.x.run(() => window.fixture.insertAndTime(10));
    assert.ok(ms > 0, 'new tweets decided after the restart');
  });

  it('turning protection off in the options leaves every tweet alone; on again filters', async () => {
    await ctx.options.check('enabled', false);
    await ctx.x.waitFor(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.dataset.rempartAction === 'none'), null, 'all tweets left alone');
    await ctx.options.check('enabled', true);
    await ctx.x.waitFor(() => document.querySelectorAll('article[data-rempart-action="hide"]').length > 0, null, 'filtering back');
  });

  // Screenshots are not allowed at install: the user's toolbar click on the X tab allows them there
  // (activeTab; lib/chromium.mjs). The path before the grant: screenshots-chromium.test.mjs.
  it('screenshots allowed for the evidence tests: the toolbar button clicked on the X tab', async () => {
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await clickToolbarButton(browser, ctx.x.page);
  });

  defineEvidenceTests(ctx);
  defineKillTest(ctx, () => browser);

  it('no request leaves the browser except to the fixture; none from the extension', () => {
    // blob: URLs of our own pages (the exported dossier) are local too.
    const foreign = extensionRequests.filter((u) => !u.startsWith(ctx.extensionUrl('')) && !u.startsWith(`blob:${ctx.extensionUrl('')}`));
    assert.deepEqual(foreign, [], 'the extension only loads its own files');
    assert.ok(fx.requests.length > 0);
    for (const r of fx.requests) {
      assert.ok(X_HOSTS.includes(r.host), r.host);
      assert.ok(!/^chrome-extension:/.test(r.origin ?? '') && !/^chrome-extension:/.test(r.referer ?? ''), `extension-originated request to ${r.path}`);
    }
    const refused = fx.refused.map((r) => r.target.replace(/^https?:\/\//, '').replace(/[:/].*$/, ''));
    assert.deepEqual(refused.filter((h) => !CHROMIUM_OWN.includes(h)), [], 'no other destination');
  });
});
