// Chromium only: the service worker is killed (CDP) at several moments of a capture. Each capture
// must end either saved — the record and its screenshot both present, the chain intact — or
// reported as failed with nothing stored: never half-written.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fixtureData } from './server.mjs';

const data = fixtureData();

async function killWorker(browser, ctx) {
  const cdp = await browser.context.browser()?.newBrowserCDPSession?.() ?? await browser.context.newCDPSession(ctx.x.page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ctx.extensionUrl('')));
  if (sw) await cdp.send('Target.closeTarget', { targetId: sw.targetId }).catch(() => {});
  return Boolean(sw);
}

export function defineKillTest(ctx, getBrowser) {
  it('evidence: a capture whose service worker is killed is whole or reported failed, never half-written', { timeout: 60000 }, async () => {
    const browser = getBrowser();
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await ctx.x.waitFor(() => [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.hasAttribute('data-rempart-action')), null, 'home decided');
    const ids = [data.home[3].id, data.home[4].id, data.home[6].id, data.home[8].id];
    const outcomes = {};
    const { locker } = ctx;
    const listed = () => locker.run(() => [...document.querySelectorAll('#list .item')].map((it) => ({ id: it.dataset.statusId, shot: Boolean(it.querySelector('img')?.naturalWidth) })));
    const before = await listed();
    for (const [i, delay] of [0, 40, 120, 250].entries()) {
      const id = ids[i];
      await ctx.x.click(`article[data-fixture-id="${id}"] [data-rempart-control="save-evidence"]`);
      await new Promise((r) => setTimeout(r, delay));
      await killWorker(browser, ctx);
      await ctx.x.waitFor((x) => ['saved', 'failed'].includes(document.querySelector(`article[data-fixture-id="${x}"]`).getAttribute('data-rempart-evidence')), id, 'an outcome shown', 20000);
      outcomes[id] = await ctx.x.run((x) => document.querySelector(`article[data-fixture-id="${x}"]`).getAttribute('data-rempart-evidence'), id);
      await new Promise((r) => setTimeout(r, 500)); // captureVisibleTab allows two calls a second
    }
    await locker.front();
    await locker.run(() => location.reload());
    await locker.waitFor(() => document.body.dataset.ready === 'true' && [...document.querySelectorAll('#list img')].every((i) => i.complete), null, 'locker ready');
    const items = await listed();
    assert.ok(items.every((x) => x.shot), 'every record has its screenshot');
    for (const id of ids) {
      const added = items.filter((x) => x.id === id).length - before.filter((x) => x.id === id).length;
      assert.equal(added, outcomes[id] === 'saved' ? 1 : 0, `${id} ${outcomes[id]}: ${added} record(s) added`);
    }
    await locker.click('#verify');
    await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined, null, 'verify done');
    assert.equal(await locker.run(() => document.getElementById('status').dataset.ok), 'true', await locker.run(() => document.getElementById('status').textContent));
    console.log(`# kill outcomes: ${JSON.stringify(outcomes)}`);
  });
}
