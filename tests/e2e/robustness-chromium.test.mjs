// Robustness and security in the real Debian Chromium, in a profile of its own (the evidence
// tests elsewhere count records): hostile corpus, hostile page, corrupted settings, layout drift.
import { after, before, describe } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { playwrightTab } from './lib/drivers.mjs';
import { defineRobustnessTests } from './lib/robustness.mjs';
import { startFixture } from './lib/server.mjs';

describe('Chromium robustness', { timeout: 600000 }, () => {
  const errors = [];
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
    ctx.extensionUrl = browser.extensionUrl;
    ctx.x = playwrightTab(await browser.context.newPage());
    ctx.openTab = async (url) => {
      const page = await browser.context.newPage();
      await page.goto(url);
      return playwrightTab(page);
    };
  });
  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  defineRobustnessTests(ctx);
});
