// "Looks like @old" on the timeline, one scenario for both browsers: the locker holds sealed
// captures of @jean_dupont and @nat_roux (texts from tests/fixtures/link/accounts.jsonl) and a
// rejected pair (@nat_roux, @nathalieroux); the fixture's /lookalike page shows @jean_dupont2,
// @nathalieroux, @claire_fontaine and @jean_dupont. Only @jean_dupont2's tweets get the label, with
// the reasons in its title (sent after the verdicts the first time, with them once known), and
// @claire_fontaine's tweets quoting @jean_dupont2 and @jeandupont_ (only ever seen quoted, so
// only its quotes can tell) get the quoted author's label; once @jean_dupont is on the blocklist
// they say "(blocked)".
// ctx: {x, openTab, extensionUrl, lang, screenshot}.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const accounts = Object.fromEntries(readFileSync(`${ROOT}tests/fixtures/link/accounts.jsonl`, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((a) => [a.handle, a]));

/** Capture records as the background seals them (text parts only), a day apart. */
function lockerRecords() {
  let n = 0;
  const captures = ['jean_dupont', 'nat_roux'].flatMap((h) => accounts[h].texts.map((text) => {
    n += 1;
    const time = new Date(Date.UTC(2026, 0, 1) + n * 86400000).toISOString();
    const url = `https://x.com/${h}/status/${2000 + n}`;
    return {
      kind: 'capture', capture_id: `seed-${n}`, recapture_of: null, captured_at: time, captured_at_local: time, page_url: url,
      tweet: { status_id: String(2000 + n), url, author_handle: h, author_name: accounts[h].name, text, html: '', time },
      verdict: { action: 'blur', categories: ['insult'] }, note: '', parts: {},
    };
  }));
  // The user once said these two are different people: never suggested again, on the timeline too.
  const rejected = { kind: 'link_rejected', a: 'nat_roux', b: 'nathalieroux', at: '2026-01-20T10:00:00.000Z', score_milli: 910, reasons: ['same display name', 'writes alike'] };
  return [...captures, rejected];
}

function decidedAll() {
  const as = document.querySelectorAll('article[data-testid="tweet"]');
  return as.length === 13 && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}

/** Per fixture tweet: its author, the look-alike attributes and the labels' texts and titles
 *  (the author's own, and the quoted tweet's author's). */
function labels() {
  return [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => {
    const label = a.querySelector(':scope > .rempart-lookalike:not([data-rempart-lookalike-quoted])');
    const quoted = a.querySelector(':scope > .rempart-lookalike[data-rempart-lookalike-quoted]');
    return {
      id: a.dataset.fixtureId,
      author: a.querySelector('[data-testid="User-Name"] a[href^="/"]').getAttribute('href').slice(1),
      attr: a.getAttribute('data-rempart-lookalike'),
      text: label?.textContent ?? null,
      title: label?.title ?? null,
      quoteAttr: a.getAttribute('data-rempart-quote-lookalike'),
      quoted: quoted?.dataset.rempartLookalikeQuoted ?? null,
      quoteText: quoted?.textContent ?? null,
      quoteTitle: quoted?.title ?? null,
      labels: a.querySelectorAll('.rempart-lookalike').length,
    };
  });
}

// @claire_fontaine's tweets quoting a look-alike of @jean_dupont: tweet id → quoted author.
const QUOTING = { '1790000000000000510': '@jean_dupont2', '1790000000000000511': '@jeandupont_', '1790000000000000512': '@jeandupont_', '1790000000000000513': '@jeandupont_' };

export function defineLookalikeTests(ctx) {
  const fr = ctx.lang === 'fr';
  const page = `https://x.com/lookalike${fr ? '?ui=fr' : ''}`;
  let locker;

  it('the locker holds @jean_dupont, @nat_roux and a rejected pair', { timeout: 60000 }, async () => {
    locker = await ctx.openTab(ctx.extensionUrl('evidence/evidence.html'));
    await locker.waitFor(() => document.body.dataset.ready === 'true', null, 'locker ready');
    const count = await locker.run(async (recs) => {
      // Firefox runs test scripts in a realm of their own, with its own (uninitialised) module copies.
      const wasm = await import('../pkg/rempart.js');
      await wasm.default({ module_or_path: new URL('../pkg/rempart_bg.wasm', location.href) });
      const db = await import('../shared/evidence-db.js');
      await db.append(() => recs.map((record) => ({ record })));
      return (await db.allRecords()).length;
    }, lockerRecords());
    assert.equal(count, 8);
  });

  it('a tweet from @jean_dupont2 says it looks like @jean_dupont, with the reasons; no other tweet has a label', { timeout: 60000 }, async () => {
    await ctx.x.goto(page);
    await ctx.x.waitFor(decidedAll, null, 'the look-alike page decided');
    await ctx.x.waitFor(() => document.querySelectorAll('[data-rempart-lookalike]').length >= 3
      && document.querySelectorAll('[data-rempart-quote-lookalike]').length >= 4, null, 'the labels');
    const seen = await ctx.x.run(labels);
    for (const s of seen) {
      assert.ok(s.labels <= 1, `one label at most: ${JSON.stringify(s)}`);
      if (QUOTING[s.id]) {
        // The quoting author is nobody known; the quoted one is @jean_dupont, back.
        const q = QUOTING[s.id];
        assert.deepEqual([s.attr, s.text, s.quoteAttr, s.quoted], [null, null, '@jean_dupont', q]);
        assert.ok(s.quoteText.includes(fr ? `tweet cité : ${q} ressemble à @jean_dupont (dans vos preuves)`
          : `quoted tweet: ${q} looks like @jean_dupont (in your evidence)`), s.quoteText);
        assert.match(s.quoteTitle, fr ? /écrit de la même façon/ : /writes alike/);
        continue;
      }
      assert.deepEqual([s.quoteAttr, s.quoteText], [null, null], `${s.author}'s tweet quotes no look-alike`);
      if (s.author !== 'jean_dupont2') {
        assert.deepEqual([s.attr, s.text], [null, null], `${s.author} has no label`);
        continue;
      }
      assert.equal(s.attr, '@jean_dupont');
      assert.match(s.text, fr ? /ressemble à @jean_dupont \(dans vos preuves\)/ : /looks like @jean_dupont \(in your evidence\)/);
      assert.match(s.title, fr ? /même nom affiché, même identifiant aux chiffres près, écrit de la même façon/
        : /same display name, same handle apart from digits or separators, writes alike/);
      // The tweet's time reached the matcher: the newcomer posts at the hours the saved tweets were.
      assert.match(s.title, fr ? /publie aux mêmes heures/ : /same hours/);
    }
    assert.equal(seen.filter((s) => s.author === 'jean_dupont2').length, 3);
  });

  it('with @jean_dupont on the blocklist the label says "blocked"', { timeout: 60000 }, async () => {
    await locker.run(async () => {
      const S = await import('../shared/settings.js');
      await S.save({ ...(await S.load()), blocklist: ['jean_dupont'] });
      return true;
    });
    await ctx.x.goto(page);
    await ctx.x.waitFor(decidedAll, null, 'the look-alike page decided again');
    const want = fr ? 'ressemble à @jean_dupont (bloqué)' : 'looks like @jean_dupont (blocked)';
    await ctx.x.waitFor((w) => [...document.querySelectorAll('.rempart-lookalike')].filter((l) => l.textContent.includes(w)).length === 7, want, 'the blocked labels (3 authors, 4 quoted)');
    const seen = await ctx.x.run(labels);
    assert.deepEqual(seen.filter((s) => s.attr).map((s) => s.author), ['jean_dupont2', 'jean_dupont2', 'jean_dupont2']);
    const quotedWant = (q) => (fr ? `tweet cité : ${q} ressemble à @jean_dupont (bloqué)` : `quoted tweet: ${q} looks like @jean_dupont (blocked)`);
    assert.deepEqual(seen.filter((s) => s.quoteAttr).map((s) => [s.id, s.quoteText.includes(quotedWant(s.quoted))]),
      Object.keys(QUOTING).map((id) => [id, true]));
    // @jean_dupont's own tweet is blurred by the blocklist, and is himself: no label.
    const own = await ctx.x.run(() => document.querySelector('article[data-fixture-id="1790000000000000509"]').dataset.rempartAction);
    assert.equal(own, 'blur');
    if (ctx.screenshot) await ctx.x.screenshot(ctx.screenshot);
    // Shown anyway (the user's own click), the blurred tweet of @jean_dupont2 still says who he looks like.
    const blurred = 'article[data-fixture-id="1790000000000000503"]';
    const state = (css) => {
      const a = document.querySelector(css);
      return [a.dataset.rempartAction, a.dataset.rempartRevealed ?? null, a.querySelectorAll(':scope > .rempart-lookalike').length, a.getAttribute('data-rempart-lookalike')];
    };
    assert.deepEqual(await ctx.x.run(state, blurred), ['blur', null, 1, '@jean_dupont']);
    await ctx.x.click(`${blurred} .rempart-reveal`);
    await ctx.x.waitFor((css) => document.querySelector(css).dataset.rempartRevealed === 'true', blurred, 'shown anyway');
    assert.deepEqual(await ctx.x.run(state, blurred), ['blur', 'true', 1, '@jean_dupont']);
    // Seen again (the background knows these authors now): the labels come with the verdicts.
    await ctx.x.goto(page);
    await ctx.x.waitFor(decidedAll, null, 'the look-alike page decided a third time');
    const again = await ctx.x.run(labels);
    assert.deepEqual(again.filter((s) => s.attr).map((s) => s.author), ['jean_dupont2', 'jean_dupont2', 'jean_dupont2']);
    assert.deepEqual(again.filter((s) => s.quoteAttr).map((s) => s.id), Object.keys(QUOTING));
  });
}
