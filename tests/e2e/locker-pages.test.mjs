// The locker draws its newest captures a page at a time (a 10,000-capture locker took 71 s to open
// when all were drawn): the real list module in the real locker page (Chromium, Firefox), fed
// 600 synthetic captures, draws 250, then 250 more and the last 100 on each click of its button.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeExtensionPages } from './lib/extension-pages.mjs';

function defineTests(ctx) {
  const { lang } = ctx;
  it(`draws 250 captures, then the next pages on request, newest first (${lang})`, { timeout: 60000 }, async () => {
    const tab = await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
    await tab.waitFor(() => document.body.dataset.ready === 'true', null, 'locker ready');
    const steps = await tab.run(async () => {
      const { renderList } = await import('./list.js');
      const { derive } = await import('./model.js');
      const captures = Array.from({ length: 600 }, (_, i) => ({
        kind: 'capture', seq: i + 1, hash: String(i).padStart(64, '0'), captured_at_local: '2026-12-01 10:00',
        tweet: { status_id: `17900000000000${String(i).padStart(5, '0')}`, author_handle: `a${i % 7}`, author_name: 'A', text: `tweet ${i + 1}`, url: 'https://x.com/a/status/1' },
      }));
      const box = document.createElement('section');
      document.body.append(box);
      await renderList(box, captures, derive([]), () => {});
      const state = () => {
        const items = [...box.querySelectorAll('.item')];
        const more = box.querySelector('button.more');
        return { items: items.length, first: items[0]?.dataset.seq, last: items.at(-1)?.dataset.seq, more: more.hidden ? null : more.textContent };
      };
      const out = [state()];
      for (let k = 0; k < 2; k++) {
        box.querySelector('button.more').click();
        await new Promise((r) => { const w = () => (box.querySelector('button.more').disabled ? setTimeout(w, 20) : r()); setTimeout(w, 20); });
        out.push(state());
      }
      box.remove();
      return out;
    });
    const fr = lang === 'fr';
    assert.deepEqual(steps.map((s) => [s.items, s.first, s.last]), [[250, '600', '351'], [500, '600', '101'], [600, '600', '1']]);
    assert.equal(steps[0].more, fr ? 'Afficher 250 captures plus anciennes (350 pas encore affichées)' : 'Show 250 older captures (350 not shown yet)');
    assert.equal(steps[1].more, fr ? 'Afficher 100 captures plus anciennes (100 pas encore affichées)' : 'Show 100 older captures (100 not shown yet)');
    assert.equal(steps[2].more, null, 'no button once every capture is drawn');
  });
}

describeExtensionPages('locker pages: Chromium', 'chromium', 'fr', defineTests);
describeExtensionPages('locker pages: Firefox', 'firefox', 'en', defineTests);
