// One small interface over Playwright (Chromium) and Selenium (Firefox) so that both browsers run
// the same scenario: run a function in the page, wait for a condition, click, type, select.
import { By } from 'selenium-webdriver';
import { Select } from 'selenium-webdriver/lib/select.js';

export function playwrightTab(page) {
  return {
    page,
    goto: (url) => page.goto(url),
    run: (fn, arg) => page.evaluate(fn, arg),
    async waitFor(fn, arg, what, timeout = 15000) {
      try {
        await page.waitForFunction(fn, arg, { timeout, polling: 50 });
      } catch (e) {
        throw new Error(`timed out after ${timeout} ms waiting for ${what}: ${e.message.split('\n')[0]}`);
      }
    },
    click: (css) => page.click(css),
    select: (name, value) => page.selectOption(`[name="${name}"]`, value),
    type: (name, text) => page.fill(`[name="${name}"]`, text),
    check: (name, on) => page.setChecked(`[name="${name}"]`, on),
    setFile: (name, path) => page.setInputFiles(`[name="${name}"]`, path),
    screenshot: (path) => page.screenshot({ path }),
    front: () => page.bringToFront(),
  };
}

export function seleniumTab(driver, handle) {
  const run = (fn, arg) => driver.executeScript(fn, arg);
  const focus = async () => {
    // After another tab was closed, asking for the current handle fails: just switch.
    const now = await driver.getWindowHandle().catch(() => null);
    if (now !== handle) await driver.switchTo().window(handle);
  };
  const find = async (css) => { await focus(); return driver.findElement(By.css(css)); };
  return {
    driver, handle,
    goto: async (url) => { await focus(); await driver.get(url); },
    run: async (fn, arg) => { await focus(); return run(fn, arg); },
    async waitFor(fn, arg, what, timeout = 15000) {
      await focus();
      const end = Date.now() + timeout;
      let lastError = null;
      for (;;) {
        // A page still loading (document.body null, a script not yet run) throws inside the
        // condition; like Playwright's waitForFunction, that means "not yet", not a failure.
        try {
          if (await run(fn, arg)) return;
          lastError = null;
        } catch (e) {
          if (e.name !== 'JavascriptError') throw e;
          lastError = e;
        }
        if (Date.now() > end) {
          const why = lastError ? `: ${lastError.message.split('\n')[0]}` : '';
          throw new Error(`timed out after ${timeout} ms waiting for ${what}${why}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    click: async (css) => (await find(css)).click(),
    select: async (name, value) => new Select(await find(`[name="${name}"]`)).selectByValue(value),
    async type(name, text) {
      const el = await find(`[name="${name}"]`);
      await el.clear();
      await el.sendKeys(text);
    },
    setFile: async (name, path) => (await find(`[name="${name}"]`)).sendKeys(path),
    async check(name, on) {
      const el = await find(`[name="${name}"]`);
      if ((await el.isSelected()) !== on) await el.click();
    },
    async screenshot(path) {
      await focus();
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
    front: focus,
  };
}
