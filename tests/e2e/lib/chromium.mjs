// Launches the Debian Chromium with the built extension (dist/chrome) in a fresh profile, every
// request going through the fixture's logging proxy. Nothing is downloaded: playwright-core only
// drives the installed browser. `profileDir` reuses a profile that outlives close() (restarts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { playwrightTab } from './drivers.mjs';

export const DIST_CHROME = new URL('../../../dist/chrome', import.meta.url).pathname;

export async function launchChromium({ proxyPort, lang = 'en-US', profileDir = null }) {
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'rempart-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: lang,
    viewport: { width: 1000, height: 1300 },
    ignoreHTTPSErrors: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-default-apps', '--disable-domain-reliability', '--no-pings',
      '--disable-client-side-phishing-detection', '--metrics-recording-only', '--password-store=basic',
      '--disable-features=OptimizationHints,Translate,MediaRouter,NetworkTimeServiceQuerying,AutofillServerCommunication,SigninInterceptBubbleV2,DiceWebSigninInterceptionFeature',
      `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`, '--ignore-certificate-errors', `--lang=${lang}`,
    ],
  });
  const started = Date.now();
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 20000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context, worker, extensionId, started,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close().catch(() => {});
      // A caller's profile is theirs to reopen (a browser restart) and to delete.
      if (!profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The tabs a scenario uses (x, openTab), and every request the extension itself makes — its
 *  service worker's or any of its pages' — appended to `extensionRequests`. */
export async function chromiumTabs(browser, extensionRequests) {
  browser.context.on('request', (r) => {
    const fromExtension = r.serviceWorker() !== null || (r.frame?.()?.url() ?? '').startsWith('chrome-extension://');
    if (fromExtension) extensionRequests.push(r.url());
  });
  return {
    extensionUrl: browser.extensionUrl,
    x: playwrightTab(await browser.context.newPage()),
    async openTab(url) {
      const page = await browser.context.newPage();
      await page.goto(url);
      return playwrightTab(page);
    },
  };
}
