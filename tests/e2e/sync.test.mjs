// Settings sync end to end in the real Debian Chromium and Firefox ESR: the scenario in
// lib/sync-scenario.mjs, each browser with two fresh profiles behind the fixture's proxy.
import { after, before, describe } from 'node:test';
import { chromiumTabs, launchChromium } from './lib/chromium.mjs';
import { firefoxTabs, launchFirefox } from './lib/firefox.mjs';
import { defineSyncTests } from './lib/sync-scenario.mjs';
import { screenshotPath, startFixture } from './lib/server.mjs';

let fx;
const opened = [];
before(async () => { fx = await startFixture(); });
after(async () => {
  for (const b of opened) await b.close();
  await fx?.close();
});

describe('settings sync, Chromium', { timeout: 200000 }, () => {
  defineSyncTests({
    screenshot: screenshotPath('sync-chromium'),
    async launch() {
      const browser = await launchChromium({ proxyPort: fx.proxyPort, lang: 'fr' });
      opened.push(browser);
      return { tabs: await chromiumTabs(browser, []), url: browser.extensionUrl, close: () => browser.close() };
    },
  });
});

describe('settings sync, Firefox', { timeout: 200000 }, () => {
  defineSyncTests({
    screenshot: screenshotPath('sync-firefox'),
    async launch() {
      const browser = await launchFirefox({ proxyPort: fx.proxyPort, lang: 'en-US' });
      opened.push(browser);
      return { tabs: await firefoxTabs(browser.driver), url: browser.extensionUrl, close: () => browser.close() };
    },
  });
});
