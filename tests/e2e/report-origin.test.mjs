// report.html says each capture's origin and its seen-deleted mark: built in the real locker page
// (Chromium, Firefox) by the locker's own report module from tests/fixtures/report-origin.mjs,
// then read back as a document. Only extension pages are opened (the proxy is a closed port).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeExtensionPages } from './lib/extension-pages.mjs';
import { records } from '../fixtures/report-origin.mjs';

function defineReportOriginTests(ctx) {
  for (const lang of ['fr', 'en']) {
    it(`report.html (${lang}): origin and "seen on X later" in each record`, { timeout: 60000 }, async () => {
      const tab = ctx.tab ??= await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
      await tab.waitFor(() => document.body.dataset.ready === 'true', null, 'locker ready');
      const sections = await tab.run(async ([recs, l]) => {
        const { buildReport } = await import('./report.js');
        const { derive } = await import('./model.js');
        const html = buildReport({ records: recs, model: derive(recs), shots: new Map(), chain: { ok: true, head: 'b'.repeat(64) }, lang: l, createdAt: '2026-12-01T10:00:00Z' });
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return [...doc.querySelectorAll('section.record')].map((s) => ({ origin: s.dataset.origin, gone: s.dataset.seenGone ?? null, text: s.textContent }));
      }, [records(), lang]);
      assert.deepEqual(sections.map((s) => [s.origin, s.gone]), [['single', null], ['conversation', 'deleted'], ['author', 'suspended']]);
      const fr = lang === 'fr';
      assert.match(sections[0].text, fr ? /Origineenregistré seul/ : /Originsaved on its own/);
      assert.match(sections[1].text, fr ? /enregistré avec toute la conversation https:\/\/x\.com\/victime\/status\/1790000000000000100/ : /saved with the whole conversation https:\/\/x\.com\/victime\/status\/1790000000000000100/);
      assert.match(sections[1].text, fr ? /vu supprimé le 2026-11-25T09:30:00\.000Z \(X affichait : « This post was deleted by the post author\. »\)/ : /seen deleted on 2026-11-25T09:30:00\.000Z \(X showed: "This post was deleted by the post author\."\)/);
      assert.match(sections[2].text, fr ? /tous les posts de @troll_42 visibles sur https:\/\/x\.com\/troll_42/ : /every post of @troll_42 visible on https:\/\/x\.com\/troll_42/);
      assert.match(sections[2].text, fr ? /compte suspendu/ : /suspended account/);
      assert.ok(!/Vu ensuite|Seen on X/.test(sections[0].text), 'nothing seen of the first');
    });
  }
}

describeExtensionPages('report origin: Chromium', 'chromium', 'fr', defineReportOriginTests);
describeExtensionPages('report origin: Firefox', 'firefox', 'en', defineReportOriginTests);
