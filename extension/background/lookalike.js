// "Looks like @old": each decided tweet's author is compared with the people already in the
// evidence locker and the accounts on the blocklist, by the engine's matcher (wasm LinkIndex, the
// code of `rempart link` and of the locker's suggestions, with the same rule and threshold). The
// index over the known authors is built once per change of the chain or the blocklist; an author
// costs one pass over the known authors, once (answers are kept until the next change), computed
// after the batch's verdicts are sent (main.js pushes the labels to the tab).
// Why here and not in the content script or the locker: docs/lookalike.md.
import { LinkIndex } from '../pkg/rempart.js';
import { derive } from '../evidence/model.js';
import { accountsOf, pairKey, rejectedPairs } from '../evidence/suggestions.js';
import { reasonText } from '../shared/link-reasons.js';
import { knownRecords } from './known-authors.js';

const lc = (h) => (h ?? '').toLowerCase();
// The chain is looked at no more than once a second: a timeline sends batches much faster.
const RECHECK_MS = 1000;
// What the background remembers of authors it saw (their latest tweets, to compare writing):
// in memory only, bounded, forgotten when the background stops.
const SEEN_AUTHORS = 3000;
const SEEN_TEXTS = 10;

const seen = new Map(); // handle → {name, texts}
let built = null; // {blockStamp, index, known, rootOf, rejected, blocked, answers}
let checkedAt = 0;
let seenBlockedVersion = 0;

function remember(handle, name, text) {
  const key = lc(handle);
  const entry = seen.get(key) ?? { name: '', texts: [] };
  seen.delete(key); // re-inserted last: the map's order is least recently seen first
  if (name) entry.name = name;
  // The first few texts are enough to compare writing, and keep the work per author bounded.
  const grew = Boolean(text) && entry.texts.length < SEEN_TEXTS && !entry.texts.includes(text);
  if (grew) entry.texts = [...entry.texts, text];
  seen.set(key, entry);
  if (seen.size > SEEN_AUTHORS) seen.delete(seen.keys().next().value);
  return grew;
}

/** The index over the locker's authors and the blocklist, rebuilt only when one of them changed. */
async function current(blocklist) {
  const blockStamp = `${blocklist.join(',')}#${seenBlockedVersion}`;
  if (built && built.blockStamp === blockStamp && Date.now() - checkedAt < RECHECK_MS) return built;
  const { records, changed } = await knownRecords();
  checkedAt = Date.now();
  if (built && !changed && built.blockStamp === blockStamp) return built;
  const model = derive(records);
  const accounts = accountsOf(model);
  const inLocker = new Set(accounts.map((a) => a.handle));
  // A blocked account never saved is known by what the timeline showed of it (if anything).
  for (const handle of blocklist.map(lc)) {
    if (inLocker.has(handle)) continue;
    const s = seen.get(handle);
    accounts.push({ handle, name: s?.name ?? '', texts: s?.texts ?? [] });
  }
  built?.index.free();
  const known = new Set([...model.persons.values()].flatMap((p) => [...p.handles]));
  for (const h of blocklist) known.add(lc(h));
  built = { blockStamp, index: new LinkIndex(accounts), known, rootOf: model.rootOf, rejected: rejectedPairs(records), blocked: new Set(blocklist.map(lc)), answers: new Map() };
  return built;
}

const stampOf = (s) => `${s?.name}\n${s?.texts.length}`;

/** The author's label if already answered (null: no label), undefined when still to compute. */
function known(k, handle) {
  const key = lc(handle);
  if (k.known.has(key)) return null; // an account already in the evidence (or blocked) is itself
  const cached = k.answers.get(key);
  return cached?.stamp === stampOf(seen.get(key)) ? cached.label : undefined;
}

/** The label for one author, or null: the best suggestion not rejected by the user. */
function lookalikeOf(k, handle) {
  const key = lc(handle);
  const answer = known(k, handle);
  if (answer !== undefined) return answer;
  const s = seen.get(key) ?? { name: '', texts: [] };
  const stamp = stampOf(s);
  const best = k.index.against({ handle: key, name: s.name, texts: s.texts })
    .find((x) => !k.rejected.has(pairKey(x.a, x.b)) && k.rootOf(lc(x.a)) !== k.rootOf(key));
  const label = best ? { handle: lc(best.a), blocked: k.blocked.has(lc(best.a)), score_milli: Math.round(best.score * 1000), reasons: best.reasons.map(reasonText) } : null;
  k.answers.set(key, { stamp, label });
  return label;
}

const eligible = (it, allowed) => it.main.author && !allowed.has(lc(it.main.author));

/** Labels for `rest`, computed after the verdicts went out, a few authors at a time. */
async function later(k, rest) {
  const out = new Map();
  for (let i = 0; i < rest.length; i++) {
    // Let other batches' verdicts through: a label may wait, a tweet waiting to be shown may not.
    if (i % 10 === 0) await new Promise((r) => setTimeout(r, 0));
    if (k.index !== built?.index) break; // rebuilt meanwhile (the old index is freed): the next batch asks again
    const label = lookalikeOf(k, rest[i].main.author);
    if (label) out.set(rest[i].key, label);
  }
  return out;
}

/**
 * items: the classify batch; settings: the stored settings. Returns {now, later}: `now` maps the
 * keys of tweets whose author's answer is already known to their label (sent with the verdicts);
 * `later` (or null) resolves with the labels of authors seen for the first time, computed once the
 * verdicts are sent, so that a large locker never delays a tweet. Never throws: without an
 * answer, no label.
 */
export async function lookalikes(items, settings) {
  const blocklist = settings.blocklist ?? [];
  const allowed = new Set((settings.allowlist ?? []).map(lc));
  const blocked = new Set(blocklist.map(lc));
  for (const it of items) {
    const { author, name, text } = it.main;
    if (author && remember(author, name, text) && blocked.has(lc(author))) seenBlockedVersion++;
  }
  const now = new Map();
  try {
    const k = await current(blocklist);
    if (k.index.size === 0) return { now, later: null };
    const rest = [];
    for (const it of items.filter((x) => eligible(x, allowed))) {
      const answer = known(k, it.main.author);
      if (answer === undefined) rest.push(it);
      else if (answer) now.set(it.key, answer);
    }
    const pending = rest.length ? later(k, rest).catch((e) => { console.warn('Rempart: look-alike check skipped', e); return new Map(); }) : null;
    return { now, later: pending };
  } catch (e) {
    console.warn('Rempart: look-alike check skipped', e);
    return { now, later: null };
  }
}
