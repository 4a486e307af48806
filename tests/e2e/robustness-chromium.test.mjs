// Robustness and security in the real Debian Chromium, in a profile of its own (the evidence
// tests elsewhere count records): hostile corpus, hostile page, corrupted settings, layout drift.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromiumTabs, launchChromium } from './lib/chromium.mjs';
import { defineRobustnessTests } from './lib/robustness.mjs';
import { startFixture, X_HOSTS } from './lib/server.mjs';

describe('Chromium robustness', { timeout: 600000 }, () => {
  const errors = [];
  const extensionRequests = [];
  const ctx = { name: 'chromium', pageErrors: () => errors.splice(0) };
  let fx;
  let browser;

  before(async () => {
    fx = await startFixture();
    browser = await launchChromium({ proxyPort: fx.proxyPort, lang: 'en-US' });
    // Uncaught errors in X's page, and errors from Rempart's content scripts (extension URLs).
    browser.context.on('weberror', (e) => errors.push(String(e.error())));
    browser.context.on('console', (m) => {
      if (m.type() === 'error' && /^chrome-extension:/.test(m.location().url ?? '')) errors.push(m.text());
    });
    Object.assign(ctx, await chromiumTabs(browser, extensionRequests));
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineRobustnessTests(ctx);

  it('no request from the extension; nothing but the fixture reached', () => {
    const foreign = extensionRequests.filter((u) => !u.startsWith(ctx.extensionUrl('')) && !u.startsWith(`blob:${ctx.extensionUrl('')}`));
    assert.deepEqual(foreign, []);
    for (const r of fx.requests) assert.ok(X_HOSTS.includes(r.host) && !/^chrome-extension:/.test(r.origin ?? ''), `${r.host}${r.path}`);
    const refused = fx.refused.map((r) => r.target.replace(/^https?:\/\//, '').replace(/[:/].*$/, ''));
    assert.deepEqual(refused.filter((h) => !['update.googleapis.com', 'accounts.google.com'].includes(h)), []);
  });
});
