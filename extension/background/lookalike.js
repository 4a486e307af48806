// "Looks like @old": each decided tweet's author, and its quoted tweet's author, is compared with
// the people already in the evidence locker and the accounts on the blocklist, by the engine's
// matcher (wasm LinkIndex, the code of `rempart link` and of the locker's suggestions, with the
// same rule and threshold). An author costs one pass over the known authors, once per index,
// computed after the batch's verdicts are sent (main.js pushes the labels to the tab). The index
// is rebuilt only when the known authors changed, at most every few seconds; what decides the
// label among its candidates (rejected pairs, who is known, who is blocked) follows every change
// of the chain or settings.
// Why here and not in the content script or the locker: docs/lookalike.md.
import { LinkIndex } from '../pkg/rempart.js';
import { derive } from '../evidence/model.js';
import { accountsOf, isoTime, mentionsIn, pairKey, rejectedPairs } from '../evidence/suggestions.js';
import { reasonText } from '../shared/link-reasons.js';
import { knownRecords } from './known-authors.js';

const lc = (h) => (h ?? '').toLowerCase();
// The chain is looked at no more than once a second: a timeline sends batches much faster.
const RECHECK_MS = 1000;
// Building the index takes ~0.5 s for 1,000 authors: during a bulk capture the authors change
// with every record, so a changed index is rebuilt at most this often (the first one at once).
const REBUILD_MS = 5000;
// What the background remembers of authors it saw (their first tweets and when X says they were
// posted, to compare writing and hours as the locker does): in memory only, bounded, forgotten
// when the background stops.
const SEEN_AUTHORS = 3000;
const SEEN_TEXTS = 10;

const seen = new Map(); // handle → {name, texts, times}
let index = null; // {linker: LinkIndex, signature, builtAt, candidates: Map handle → {stamp, list}}
let view = null; // {stamp, known, rootOf, rejected, blocked, accounts, signature}
let checkedAt = 0;
let seenBlockedVersion = 0;

function remember(handle, name, text, time) {
  const key = lc(handle);
  const entry = seen.get(key) ?? { name: '', texts: [], times: [] };
  seen.delete(key); // re-inserted last: the map's order is least recently seen first
  if (name) entry.name = name;
  const grew = Boolean(text) && entry.texts.length < SEEN_TEXTS && !entry.texts.includes(text);
  if (grew) {
    entry.texts = [...entry.texts, text];
    // A page's odd datetime must not cost the author its comparison; a post read twice (its
    // quote and itself) is one post, as in the locker (accountsOf).
    const iso = isoTime(time);
    if (iso && !entry.times.includes(iso)) entry.times = [...entry.times, iso];
  }
  seen.set(key, entry);
  if (seen.size > SEEN_AUTHORS) seen.delete(seen.keys().next().value);
  return grew;
}

const viewStamp = (blocklist) => `${blocklist.join(',')}#${seenBlockedVersion}`;

/** Who is known, linked, rejected and blocked, from the chain and the blocklist (cheap: derive). */
async function currentView(blocklist) {
  const stamp = viewStamp(blocklist);
  if (view && view.stamp === stamp && Date.now() - checkedAt < RECHECK_MS) return view;
  const { records, changed } = await knownRecords();
  checkedAt = Date.now();
  if (view && !changed && view.stamp === stamp) return view;
  const model = derive(records);
  const accounts = accountsOf(model);
  const inLocker = new Set(accounts.map((a) => a.handle));
  // A blocked account never saved is known by what the timeline showed of it (if anything).
  for (const handle of blocklist.map(lc)) {
    if (!inLocker.has(handle)) {
      const texts = seen.get(handle)?.texts ?? [];
      accounts.push({ handle, name: seen.get(handle)?.name ?? '', texts, times: seen.get(handle)?.times ?? [], targets: mentionsIn(texts) });
    }
  }
  const known = new Set([...model.persons.values()].flatMap((p) => [...p.handles]));
  for (const h of blocklist) known.add(lc(h));
  const signature = accounts.map((a) => `${a.handle}\t${a.name}\t${a.texts.length}`).join('\n');
  view = { stamp, known, rootOf: model.rootOf, rejected: rejectedPairs(records), blocked: new Set(blocklist.map(lc)), accounts, signature };
  return view;
}

/** Whether the index built last can still serve: still right, or too recent to rebuild. */
const usable = (v) => index && (index.signature === v.signature || Date.now() - index.builtAt < REBUILD_MS);

/** The index over the view's accounts (built here when the last one cannot serve). */
function currentIndex(v) {
  if (usable(v)) return index;
  index?.linker.free();
  index = { linker: new LinkIndex(v.accounts), signature: v.signature, builtAt: Date.now(), candidates: new Map() };
  return index;
}

const stampOf = (s) => `${s?.name}\n${s?.texts.length}`;

/** The matcher's candidates for an author (best first), or undefined when still to compute. */
function cached(ix, key) {
  const c = ix.candidates.get(key);
  return c?.stamp === stampOf(seen.get(key)) ? c.list : undefined;
}

function candidates(ix, key) {
  const known = cached(ix, key);
  if (known) return known;
  const s = seen.get(key) ?? { name: '', texts: [], times: [] };
  const list = ix.linker.size ? ix.linker.against({ handle: key, name: s.name, texts: s.texts, times: s.times, targets: mentionsIn(s.texts) }) : [];
  ix.candidates.set(key, { stamp: stampOf(s), list });
  return list;
}

/** The label from an author's candidates, or null: the best one not rejected by the user. */
function labelOf(v, key, list) {
  if (v.known.has(key)) return null; // an account already in the evidence (or blocked) is itself
  const best = list.find((x) => !v.rejected.has(pairKey(x.a, x.b)) && v.rootOf(lc(x.a)) !== v.rootOf(key));
  return best ? { handle: lc(best.a), blocked: v.blocked.has(lc(best.a)), score_milli: Math.round(best.score * 1000), reasons: best.reasons.map(reasonText) } : null;
}

// One look at the chain at a time: two batches reading it together would both append its new
// records to the mirror (known-authors.js).
let looking = null;
function lookedAt(blocklist) {
  const run = (looking ?? Promise.resolve()).catch(() => {}).then(() => currentView(blocklist));
  looking = run;
  run.finally(() => { if (looking === run) looking = null; }).catch(() => {});
  return run;
}

/** The view the verdicts are labelled with: the last one while it still holds for this blocklist
 *  (the chain's recheck, an IndexedDB read, then runs beside the verdicts, not before them:
 *  it was the slow part of one batch a second), else a fresh one. `fresh`: the rechecked view,
 *  for the labels computed after the verdicts. */
async function viewNow(blocklist) {
  const fresh = lookedAt(blocklist);
  if (view && view.stamp === viewStamp(blocklist)) {
    fresh.catch(() => {});
    return { v: view, fresh };
  }
  const v = await fresh;
  return { v, fresh };
}

/** Labels for `rest` ([{key, field, author}]), computed after the verdicts went out (the index
 *  too, when it must be built), a few authors at a time, on the rechecked view. */
async function later(fresh, rest) {
  await new Promise((r) => setTimeout(r, 0));
  const v = await fresh;
  const ix = currentIndex(v);
  const out = new Map();
  for (let i = 0; i < rest.length; i++) {
    // Let other batches' verdicts through: a label may wait, a tweet waiting to be shown may not.
    if (i % 10 === 0) await new Promise((r) => setTimeout(r, 0));
    if (ix !== index) break; // rebuilt meanwhile (the old index is freed): the next batch asks again
    const { key, field, author } = rest[i];
    const label = labelOf(v, author, candidates(ix, author));
    if (label) out.set(key, { ...out.get(key), [field]: labelFor(field, author, label) });
  }
  return out;
}

// The authors a tweet shows: its own (label field `lookalike`) and the quoted tweet's
// (`quoteLookalike`): a harasser back under a new name is as often quoted as quoting.
// A self-quote shows one author: one label.
const partsOf = (it) => [['lookalike', it.main], ['quoteLookalike', it.quote]]
  .filter(([field, p]) => p?.author && !(field === 'quoteLookalike' && lc(p.author) === lc(it.main?.author)));
// A quoted author's label names that author: the tweet shows two.
const labelFor = (field, author, label) => (field === 'quoteLookalike' ? { ...label, quoted: author } : label);

/**
 * items: the classify batch; settings: the stored settings. Returns {now, later}: `now` maps the
 * keys of tweets whose authors (the tweet's, the quoted tweet's) were already compared to their
 * labels, `{lookalike?, quoteLookalike?}` (sent with the verdicts); `later` (or null) resolves
 * with the same for authors still to compare, computed once the verdicts are sent, so that a
 * large locker never delays a tweet. Never throws: without an answer, no label.
 */
export async function lookalikes(items, settings) {
  const blocklist = settings.blocklist ?? [];
  const allowed = new Set((settings.allowlist ?? []).map(lc));
  const blocked = new Set(blocklist.map(lc));
  for (const it of items) {
    for (const [, { author, name, text, time }] of partsOf(it)) {
      if (remember(author, name, text, time) && blocked.has(lc(author))) seenBlockedVersion++;
    }
  }
  const now = new Map();
  try {
    const { v, fresh } = await viewNow(blocklist);
    const ix = usable(v) ? index : null; // building a new one waits until the verdicts are out
    const rest = [];
    for (const it of items) {
      for (const [field, part] of partsOf(it)) {
        const author = lc(part.author);
        if (allowed.has(author) || v.known.has(author)) continue;
        const list = ix && cached(ix, author);
        if (!list) rest.push({ key: it.key, field, author });
        else {
          const label = labelOf(v, author, list);
          if (label) now.set(it.key, { ...now.get(it.key), [field]: labelFor(field, author, label) });
        }
      }
    }
    const pending = rest.length ? later(fresh, rest).catch((e) => { console.warn('Rempart: look-alike check skipped', e); return new Map(); }) : null;
    return { now, later: pending };
  } catch (e) {
    console.warn('Rempart: look-alike check skipped', e);
    return { now, later: null };
  }
}
