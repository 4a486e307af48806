// Robustness and security in the real Debian Firefox ESR, in a profile of its own: hostile
// corpus, hostile page, corrupted settings, layout drift (same steps as in Chromium).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { defineRobustnessTests } from './lib/robustness.mjs';
import { startFixture, X_HOSTS } from './lib/server.mjs';

describe('Firefox robustness', { timeout: 600000 }, () => {
  const ctx = { name: 'firefox' };
  let fx;
  let browser;

  before(async () => {
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

  defineRobustnessTests(ctx);

  it('no request from the extension; nothing but the fixture reached', () => {
    for (const r of fx.requests) assert.ok(X_HOSTS.includes(r.host) && !/^moz-extension:/.test(r.origin ?? ''), `${r.host}${r.path}`);
    assert.deepEqual(fx.refused, []);
  });
});
