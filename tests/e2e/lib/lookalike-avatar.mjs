// The author's picture in the locker's suggestions, one scenario for both browsers: tweets of the
// fixture's /avatars page are saved with the real save button (real screenshots); each record
// says where the picture was (tweet.avatar_box), the locker cuts it out of the screenshot and
// hashes it, and suggests @justice_pour_tous as @bastien_roche ("same avatar", "writes alike"),
// which without the pictures it would not (a complete rename: no name or handle in common).
// ctx: {x, openTab, extensionUrl, lang, shots?: path prefix}; screenshots must be allowed on the X tab.
import { it } from 'node:test';
import assert from 'node:assert/strict';

const IDS = Array.from({ length: 7 }, (_, i) => `17900000000000006${String(i + 1).padStart(2, '0')}`);

function decidedAll() {
  const as = document.querySelectorAll('article[data-testid="tweet"]');
  return as.length === 7 && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}

export function defineAvatarTests(ctx) {
  const fr = ctx.lang === 'fr';

  it('saved tweets record where the author\'s picture is in their screenshot', { timeout: 90000 }, async () => {
    await ctx.x.front?.();
    await ctx.x.goto(`https://x.com/avatars${fr ? '?ui=fr' : ''}`);
    await ctx.x.waitFor(decidedAll, null, 'the avatars page decided');
    for (const id of IDS) {
      await ctx.x.click(`article[data-fixture-id="${id}"] [data-rempart-control="save-evidence"]`);
      await ctx.x.waitFor((i) => ['saved', 'failed'].includes(document.querySelector(`article[data-fixture-id="${i}"]`)?.getAttribute('data-rempart-evidence')), id, `capture of ${id}`);
      const state = await ctx.x.run((i) => { const a = document.querySelector(`article[data-fixture-id="${i}"]`); return `${a.dataset.rempartEvidence}/${a.dataset.rempartEvidenceScreenshot}`; }, id);
      assert.equal(state, 'saved/yes', id);
    }
    if (ctx.shots) await ctx.x.screenshot(`${ctx.shots}-page.png`);
    const locker = await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
    ctx.avatarLocker = locker;
    await locker.waitFor(() => document.body.dataset.ready === 'true', null, 'locker ready');
    const saved = await locker.run(async (ids) => {
      const db = await import('../shared/evidence-db.js');
      return (await db.allRecords()).filter((r) => r.kind === 'capture' && ids.includes(r.tweet.status_id))
        .map((r) => ({ id: r.tweet.status_id, box: r.tweet.avatar_box, shot: r.screenshot }));
    }, IDS);
    assert.equal(saved.length, IDS.length);
    for (const s of saved) {
      assert.ok(s.shot, `${s.id} has a screenshot`);
      // The fixture draws the picture 40 × 40 CSS px, inside the tweet.
      assert.deepEqual([s.box.width, s.box.height], [40, 40], JSON.stringify(s));
      assert.ok(s.box.x > 0 && s.box.y > 0 && s.box.x + 40 <= s.shot.width && s.box.y + 40 <= s.shot.height, JSON.stringify(s));
    }
  });

  it('the locker suggests the renamed account by its picture and its writing', { timeout: 60000 }, async () => {
    const locker = ctx.avatarLocker;
    const css = '#suggestions li[data-rempart-suggestion="justice_pour_tous bastien_roche"]';
    await locker.waitFor((sel) => document.querySelector(sel), css, 'the justice_pour_tous suggestion');
    const text = await locker.run((sel) => document.querySelector(sel).textContent, css);
    if (ctx.shots) await locker.screenshot(`${ctx.shots}-locker.png`);
    assert.match(text, fr ? /même photo de profil, écrit de la même façon/ : /same avatar, writes alike/);
    // The same accounts without their pictures: no suggestion (writing alone never links).
    const without = await locker.run(async () => {
      const wasm = await import('../pkg/rempart.js');
      await wasm.default({ module_or_path: new URL('../pkg/rempart_bg.wasm', location.href) });
      const db = await import('../shared/evidence-db.js');
      const { derive } = await import('./model.js');
      const { accountsOf } = await import('./suggestions.js');
      const { avatarsByHandle } = await import('./avatars.js');
      const model = derive(await db.allRecords());
      const avatars = await avatarsByHandle(model);
      const pairs = (list) => wasm.linkAccounts(list, null).map((s) => `${s.a} ${s.b}`);
      return { withPictures: pairs(accountsOf(model, avatars)), without: pairs(accountsOf(model)), pictures: [...avatars.keys()].sort() };
    });
    assert.deepEqual(without.pictures, ['bastien_roche', 'claire_fontaine', 'justice_pour_tous']);
    assert.ok(without.withPictures.includes('bastien_roche justice_pour_tous'), JSON.stringify(without));
    assert.ok(!without.without.includes('bastien_roche justice_pour_tous'), JSON.stringify(without));
    assert.ok(!without.withPictures.some((p) => p.includes('claire_fontaine')), 'a different picture links nobody');
  });
}
