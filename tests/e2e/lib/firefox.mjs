// Launches the Debian Firefox ESR through geckodriver (selenium-webdriver) with the built
// extension (dist/rempart-firefox.zip as a temporary add-on) and every request going through the
// fixture's logging proxy. Firefox's own background services are switched off by preferences so
// that any request the proxy refuses can only be a bug.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { seleniumTab } from './drivers.mjs';

export const XPI = new URL('../../../dist/rempart-firefox.zip', import.meta.url).pathname;
export const ADDON_ID = 'rempart@rempart.app';
// A fixed internal UUID makes the extension's pages reachable at a known moz-extension:// URL.
export const ADDON_UUID = '5e0c7d3a-7a3c-4c1e-9a55-0d1e2f3a4b5c';

function geckodriverPath() {
  const candidates = [process.env.GECKODRIVER, join(homedir(), '.cache/rempart/tools/bin/geckodriver'), '/usr/bin/geckodriver', '/usr/local/bin/geckodriver'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('geckodriver not found: ./build.sh test installs it into ~/.cache/rempart/tools/bin');
  return found;
}

const QUIET = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.startup.homepage': 'about:blank',
  'browser.topsites.contile.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.enabled': false,
  'identity.fxaccounts.enabled': false,
  'media.gmp-gmpopenh264.autoupdate': false,
  'media.gmp-manager.url': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'services.settings.server': 'data:,',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
};

/** profileDir: a profile used in place and kept (browser restarts); by default geckodriver's
 *  throw-away copy. The temporary add-on is uninstalled at each quit: its storage and UUID are
 *  kept so the reinstalled one finds its evidence, as a real user's installed add-on would. */
export async function launchFirefox({ proxyPort, lang = 'en-US', profileDir = null }) {
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr')
    .addArguments('-headless', '--width=1000', '--height=1300', ...(profileDir ? ['-profile', profileDir] : []))
    .setAcceptInsecureCerts(true);
  const prefs = {
    ...QUIET,
    'intl.accept_languages': lang,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // permissions.request (from a user gesture) is granted without its doorhanger: how the tests
    // give the optional "screenshots" grant in headless Firefox (docs/permissions.md).
    'extensions.webextOptionalPermissionPrompts': false,
    ...(profileDir ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true } : {}),
  };
  for (const [k, v] of Object.entries(prefs)) options.setPreference(k, v);
  // Release builds only honour services.settings.server with this variable set.
  // System access lets the tests open extension pages in tabs (Marionette refuses to navigate to them).
  const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments('--allow-system-access')
    .setEnvironment({ ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' });
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  const started = Date.now();
  await driver.installAddon(XPI, true);
  return {
    driver, started,
    extensionUrl: (path) => `moz-extension://${ADDON_UUID}/${path}`,
    async close() { await driver.quit().catch(() => {}); },
  };
}

/** Opens a URL in a new tab from the browser's own chrome (needed for moz-extension:// pages). */
export async function openTrustedTab(driver, url) {
  const before = await driver.getAllWindowHandles();
  await driver.setContext(firefox.Context.CHROME);
  try {
    await driver.executeScript('openTrustedLinkIn(arguments[0], "tab")', url);
  } finally {
    await driver.setContext(firefox.Context.CONTENT);
  }
  await driver.wait(async () => (await driver.getAllWindowHandles()).length > before.length, 5000);
  const handle = (await driver.getAllWindowHandles()).find((h) => !before.includes(h));
  await driver.switchTo().window(handle);
  return handle;
}

/** The tabs a scenario uses: the first one (x), extension pages (openTab), file:// pages (openFile). */
export async function firefoxTabs(driver) {
  return {
    x: seleniumTab(driver, await driver.getWindowHandle()),
    openTab: async (url) => seleniumTab(driver, await openTrustedTab(driver, url)),
    // A file:// page (the exported report) opens in a plain new tab.
    async openFile(url) {
      await driver.switchTo().newWindow('tab');
      const tab = seleniumTab(driver, await driver.getWindowHandle());
      await tab.goto(url);
      return tab;
    },
  };
}

/** The locker's "Allow screenshots of saved tweets" clicked (a WebDriver click is user input);
 *  the prompt is skipped by the preference above. Leaves the locker tab closed and `back` focused. */
export async function allowScreenshots(driver, extensionUrl, back) {
  const locker = seleniumTab(driver, await openTrustedTab(driver, extensionUrl('evidence/evidence.html')));
  await locker.waitFor(() => document.body?.dataset.ready === 'true', null, 'locker ready', 60000);
  if (await locker.run(() => document.body.dataset.screenshots) !== 'allowed') {
    await locker.click('#allow-screenshots');
    await locker.waitFor(() => document.body.dataset.screenshots === 'allowed', null, 'screenshots allowed');
  }
  await driver.close();
  await driver.switchTo().window(back);
}
