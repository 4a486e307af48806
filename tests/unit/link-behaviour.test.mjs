// Times and targets from capture records to the real wasm matcher: the locker's accountsOf passes
// each account's tweet times and whom its tweets answered (reply_to), a take-over is suggested
// only with them, a bad time loses nothing, the background's mirror of the chain keeps what it
// takes, and the new reasons are translated (en, fr).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// browser.js keeps the api object it finds at load: set before the extension's modules load,
// the language is switched behind it.
let current = null;
globalThis.chrome = { i18n: { getMessage: (key, subs) => current?.getMessage(key, subs) ?? '' } };
const { derive } = await import('../../extension/evidence/model.js');
const { accountsOf, compactTweet, mentionsIn, pairKey, pendingSuggestions, targetsOf } = await import('../../extension/evidence/suggestions.js');
const { reasonText } = await import('../../extension/shared/link-reasons.js');

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });
const { linkAccounts } = wasm;

const DAY = 86400000;
const at = (day, hour) => new Date(Date.UTC(2026, 2, 1) + day * DAY + hour * 3600000).toISOString();

/** Capture records: `posts` = [handle, name, text, day, reply_to handles, parent author]. */
function records(posts, withBehaviour = true) {
  return posts.map(([handle, name, text, day, handles, parent], i) => ({
    kind: 'capture', seq: i + 1, captured_at: at(40, 0),
    tweet: { author_handle: handle, author_name: name, text, time: withBehaviour ? at(day, 21) : null,
      reply_to: withBehaviour ? { handles, tweet: parent ? { author_handle: parent, author_name: '', text: '', time: null } : null } : null },
  }));
}

const OLD = ["tkt on va pas te lâcher 😈 on est partout, t'as compris ou pas", 'on est partout tkt 😈😈 tu vas nous revoir très vite ma grande', 'tkt tu vas nous revoir 😈 personne va te protéger franchement'];
// The user (@lea_m) is answered by everyone; her brother only by the returning harasser.
const CROWD = [['paulgirard', 'Paul Girard'], ['hugom', 'Hugo Moreau'], ['chloe_simon', 'Chloé Simon'], ['amina_d', 'Amina Diallo'], ['kate_b', 'Kate Brown']]
  .map(([h, n], i) => [h, n, `t'es nulle ${i}`, i, ['Lea_M'], null]);
const TAKEOVER = [
  ...OLD.map((text, d) => ['jordanblanc', 'Jordan Blanc', text, d, ['lea_m', 'lea_frere'], 'lea_m']),
  // New picture, almost no text: only the handle, the take-over and the brother say who it is.
  ['j0rdanblanc', 'J0rdan', 'tkt 😈', 4, ['lea_frere'], 'lea_m'],
  ['j0rdanblanc', 'J0rdan', 'encore nous', 5, [], 'lea_frere'],
  ...CROWD,
];

test('accountsOf passes each account its tweet times (ISO, sorted, once) and whom it answered', () => {
  const recs = records(TAKEOVER);
  recs.push({ kind: 'capture', seq: 99, captured_at: at(40, 0), tweet: { author_handle: 'j0rdanblanc', author_name: 'J0rdan', text: 'x', time: 'not a date', reply_to: { handles: ['j0rdanblanc'], tweet: null } } });
  const accounts = accountsOf(derive(recs));
  const newer = accounts.find((a) => a.handle === 'j0rdanblanc');
  assert.deepEqual(newer.times, [at(4, 21), at(5, 21)], 'a bad time is dropped, the rest kept');
  assert.deepEqual(newer.targets, ['lea_frere', 'lea_m'], 'handles and the parent author, lower case, once, never itself');
  assert.deepEqual(accounts.find((a) => a.handle === 'paulgirard').targets, ['lea_m']);
  assert.deepEqual(targetsOf({ reply_to: null }), []);
  assert.deepEqual(targetsOf(undefined), []);
});

test('the locker suggests a take-over only with times and targets, and no stranger with them', () => {
  const suggest = (recs) => pendingSuggestions(recs, derive(recs), linkAccounts);
  const with_ = suggest(records(TAKEOVER));
  assert.equal(with_.length, 1, JSON.stringify(with_));
  assert.equal(pairKey(with_[0].a, with_[0].b), pairKey('jordanblanc', 'j0rdanblanc'));
  // Two posts of the new account: too few for an hour profile ("same hours" needs three).
  assert.deepEqual(with_[0].reasons, ['same handle apart from digits or separators', 'same targets', 'took over after @jordanblanc went quiet']);
  assert.deepEqual(suggest(records(TAKEOVER, false)), [], 'without them, the handle alone is not enough');
  // Back a month after the old account went quiet: no take-over.
  const late = TAKEOVER.map((p) => (p[0] === 'j0rdanblanc' ? [...p.slice(0, 3), p[3] + 30, ...p.slice(4)] : p));
  assert.deepEqual(suggest(records(late)), []);
});

test("the background's compact mirror keeps what accountsOf reads: same accounts, same suggestion", () => {
  const full = records(TAKEOVER).map((r) => ({ ...r, tweet: { ...r.tweet, html: '<article>…</article>', media: [], lang: 'fr' } }));
  const compact = full.map((r) => ({ ...r, tweet: compactTweet(r.tweet) }));
  assert.deepEqual(accountsOf(derive(compact)), accountsOf(derive(full)));
  assert.ok(!('html' in compact[0].tweet) && !('text' in compact[0].tweet.reply_to.tweet), 'no page, no parent text');
  assert.equal(pendingSuggestions(compact, derive(compact), linkAccounts).length, 1);
});

test('a timeline author gives the mentions in its texts as targets (all the background sees of them)', () => {
  assert.deepEqual(mentionsIn(['@Lea_Frere encore toi', 'cc @lea_frere @Nadia_B, mail: x@y.fr', 'rien']), ['lea_frere', 'nadia_b']);
  assert.deepEqual(mentionsIn([]), []);
});

test('the new reasons are translated (en, fr)', () => {
  const messages = (lang) => JSON.parse(readFileSync(`${root}extension/_locales/${lang}/messages.json`, 'utf8'));
  const i18n = (lang) => ({ getMessage(key, subs = []) {
    const m = messages(lang)[key];
    if (!m) return '';
    return m.message.replace(/\$(\w+)\$/g, (_, name) => subs[Number(m.placeholders[name.toLowerCase()].content.slice(1)) - 1]);
  } });
  current = i18n('fr');
  assert.equal(reasonText('took over after @jordanblanc went quiet'), 'a pris le relais quand @jordanblanc a cessé de publier');
  assert.equal(reasonText('same targets'), "s'en prend aux mêmes personnes");
  assert.equal(reasonText('same hours'), 'publie aux mêmes heures');
  assert.equal(reasonText('same unusual hours'), 'publie aux mêmes heures inhabituelles');
  assert.equal(reasonText('same handle words in another order'), "mêmes mots d'identifiant dans un autre ordre");
  assert.equal(reasonText("one handle is the other's consonants"), "un identifiant reprend les consonnes de l'autre");
  assert.equal(reasonText('writes somewhat alike'), "écrit d'une façon assez proche");
  assert.equal(reasonText('same rare writing habits: mdr. · 🙃 · language'), "mêmes habitudes d'écriture rares : mdr. · 🙃 · language");
  current = i18n('en');
  assert.equal(reasonText('same rare writing habits: mdr. · 🙃'), 'same rare writing habits: mdr. · 🙃');
  assert.equal(reasonText('took over after @lucas.martin went quiet'), 'took over after @lucas.martin went quiet');
  assert.equal(reasonText('same targets'), 'same targets');
  assert.equal(reasonText('writes somewhat alike'), 'writes somewhat alike');
});
