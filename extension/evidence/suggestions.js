// Returning harassers in the locker: every handle already saved is compared with the others by the
// engine's matcher (wasm `linkAccounts`, the same code as `rempart link`); pairs already one person
// or rejected by the user are left out. Confirming writes a chained "link" record (like the manual
// link), rejecting a chained "link_rejected" record, so both survive export and import.
// Pure functions: `link` is the wasm linkAccounts, given by the caller.

const lc = (h) => (h ?? '').toLowerCase();
/** Texts per handle given to the matcher: its most recent ones are enough to compare writing. */
const TEXTS_PER_HANDLE = 50;
/** Times and targets per handle: enough for an hour profile and a first/last post. */
const TIMES_PER_HANDLE = 500;
const TARGETS_PER_HANDLE = 200;

/** A pair's key, the same whichever handle comes first. */
export const pairKey = (a, b) => [lc(a), lc(b)].sort().join('\n');

/** The tweet's time as the engine reads it (ISO-8601, UTC), or null when it is not a date. */
export function isoTime(t) {
  const d = typeof t === 'string' ? new Date(t) : null;
  const iso = d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
  return iso && /^\d{4}-/.test(iso) ? iso : null;
}

/** Sorted times, at most TIMES_PER_HANDLE of them: the first post and the latest ones. */
const fewTimes = (sorted) => (sorted.length <= TIMES_PER_HANDLE ? sorted : [sorted[0], ...sorted.slice(1 - TIMES_PER_HANDLE)]);

/** Whom a saved tweet answers or mentions: its "Replying to @…" and mention links, and the author
 *  of the tweet it answers when the page showed it (content/evidence.js replyTo). */
export function targetsOf(tweet) {
  const r = tweet?.reply_to;
  return [...(r?.handles ?? []), r?.tweet?.author_handle].filter((h) => typeof h === 'string' && h).map(lc);
}

/** What accountsOf (and derive) read of a saved tweet, nothing more: the background keeps only
 *  this in its mirror of the chain (background/known-authors.js), so it sees what the locker sees. */
export function compactTweet(t) {
  const r = t.reply_to;
  return { author_handle: t.author_handle, author_name: t.author_name, text: t.text, time: t.time,
    reply_to: r ? { handles: r.handles, tweet: r.tweet ? { author_handle: r.tweet.author_handle } : null } : null };
}

/** Whom an author seen on the timeline mentioned (`@handle` in its texts, lower case, once): all a
 *  timeline tweet tells the background of its targets (no "Replying to" handles, no time). */
export const mentionsIn = (texts) => [...new Set(texts.flatMap((t) => [...t.matchAll(/(?:^|[^\w@])@(\w{1,20})/g)].map((m) => m[1].toLowerCase())))];

/** One account per handle seen in the captures: its latest display name and texts, when its
 *  tweets were posted and whom they answered (supporting evidence for the matcher), and its
 *  picture's hash when `avatars` (handle → hex, from avatars.js) has one. */
export function accountsOf(model, avatars = new Map()) {
  const byHandle = new Map();
  for (const c of [...model.captures].sort((x, y) => x.seq - y.seq)) {
    const handle = lc(c.tweet?.author_handle);
    if (!handle) continue;
    const a = byHandle.get(handle) ?? { handle, name: '', texts: [], times: new Set(), targets: new Set() };
    if (c.tweet?.author_name) a.name = c.tweet.author_name;
    if (c.tweet?.text) a.texts.push(c.tweet.text);
    const time = isoTime(c.tweet?.time);
    if (time) a.times.add(time);
    for (const t of targetsOf(c.tweet)) if (t !== handle) a.targets.add(t);
    byHandle.set(handle, a);
  }
  return [...byHandle.values()].map(({ handle, name, texts, times, targets }) => ({
    handle, name, texts: texts.slice(-TEXTS_PER_HANDLE), times: fewTimes([...times].sort()), targets: [...targets].slice(0, TARGETS_PER_HANDLE),
    ...(avatars.has(handle) ? { avatar_hash: avatars.get(handle) } : {}),
  }));
}

/** Pairs the user said are not the same person. */
export function rejectedPairs(records) {
  return new Set(records.filter((r) => r.kind === 'link_rejected').map((r) => pairKey(r.a, r.b)));
}

/** Suggestions still to show: not already one person, never rejected. Best first. */
export function pendingSuggestions(records, model, link, avatars = new Map()) {
  const accounts = accountsOf(model, avatars);
  if (accounts.length < 2) return [];
  const rejected = rejectedPairs(records);
  return link(accounts, null)
    .filter((s) => model.rootOf(lc(s.a)) !== model.rootOf(lc(s.b)) && !rejected.has(pairKey(s.a, s.b)))
    .sort((x, y) => y.score - x.score);
}

/** [older, newer]: which handle of a pair was saved first (the "old" account) and which came back. */
export function olderAndNewer(model, a, b) {
  const seq = (h) => Math.min(...model.captures.filter((c) => lc(c.tweet?.author_handle) === h).map((c) => c.seq));
  return seq(lc(a)) <= seq(lc(b)) ? [lc(a), lc(b)] : [lc(b), lc(a)];
}

/** The record confirming a suggestion: the newer handle joins the older one's person. */
export function confirmRecord(model, s, at = new Date().toISOString()) {
  const [older, newer] = olderAndNewer(model, s.a, s.b);
  // Sealed records refuse floats: the score is kept in thousandths.
  return { kind: 'link', handle: newer, to: model.rootOf(older), at, source: 'suggestion', score_milli: Math.round(s.score * 1000), reasons: s.reasons };
}

export function rejectRecord(s, at = new Date().toISOString()) {
  return { kind: 'link_rejected', a: lc(s.a), b: lc(s.b), at, score_milli: Math.round(s.score * 1000), reasons: s.reasons };
}
