// Launches the Debian Chromium with the built extension (dist/chrome, or `extensionDir`) in a fresh profile, every
// request going through the fixture's logging proxy. Nothing is downloaded: playwright-core only
// drives the installed browser. `profileDir` reuses a profile that outlives close() (restarts).
// --enable-unsafe-extension-debugging lets CDP click the toolbar button (Extensions.triggerAction).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { playwrightTab } from './drivers.mjs';

export const DIST_CHROME = new URL('../../../dist/chrome', import.meta.url).pathname;

export async function launchChromium({ proxyPort, lang = 'en-US', profileDir = null, extensionDir = DIST_CHROME }) {
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
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`, '--ignore-certificate-errors', `--lang=${lang}`,
      '--enable-unsafe-extension-debugging',
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

/**
 * Clicks Rempart's toolbar button on this page's tab, as the user would (CDP Extensions.triggerAction:
 * the browser treats it as the user invoking the action, so it grants activeTab on that tab and
 * opens the popup). Screenshots then work in that tab until it leaves the site or closes.
 * Headless Chromium cannot answer the prompt of permissions.request (no flag auto-accepts it; see
 * docs/permissions.md), so this is how the Chromium tests allow screenshots.
 */
export async function clickToolbarButton(browser, page) {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  try {
    // Tab targets are told apart by URL: the page is reloaded once with a unique query (same
    // origin, so the grant holds when it goes back to its own address).
    const url = new URL(page.url());
    url.searchParams.set('rempart-toolbar', Math.random().toString(36).slice(2));
    await page.goto(url.href);
    let tab = null;
    for (let i = 0; i < 50 && !tab; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      tab = targetInfos.find((t) => t.url === url.href);
      if (!tab) await new Promise((r) => setTimeout(r, 100));
    }
    if (!tab) throw new Error(`no tab target for ${url.href}`);
    await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * What the user can do in chrome://extensions (details → site access → add a site): allows every
 * site for Rempart there (developerPrivate.addHostPermission). It grants nothing by itself
 * (permissions.contains stays false), but Chromium then answers the locker's permissions.request
 * without its prompt — which headless Chromium cannot show or accept (docs/permissions.md).
 */
export async function allowAllSitesInExtensionSettings(browser) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
    await page.waitForFunction(() => globalThis.chrome?.developerPrivate, null, { timeout: 10000 });
    const error = await page.evaluate((id) => new Promise((resolve) => chrome.developerPrivate.addHostPermission(id, '<all_urls>',
      () => resolve(chrome.runtime.lastError?.message ?? null))), browser.extensionId);
    if (error) throw new Error(`chrome://extensions refused: ${error}`);
  } finally {
    await page.close();
  }
}
