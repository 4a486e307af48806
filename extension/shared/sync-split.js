// Settings ↔ storage.sync items, pure (runs under Node): split() cuts what fits under the browser's
// sync quotas into items, join() reads them back checking every part, merge() applies the newest
// change per field. The browser side (listeners, debounce, writes) is background/sync.js.
import { BEFORE_SYNC, inspect, LIMITS, PRESETS, SLIDER_STEP, SYNCED_FIELDS } from './settings.js';

// Chrome's and Firefox's storage.sync limits (key + JSON value, in bytes).
export const QUOTA = { TOTAL: 102400, PER_ITEM: 8192, MAX_ITEMS: 512 };
// Our own margins under them: the browser's JSON may escape more than ours, and a copy written by
// an older version (the `settings` key) may still be there until the first write removes it.
export const ITEM_BUDGET = 8000;
export const TOTAL_BUDGET = 96000;
export const HEAD = 'rempart:head';
export const LEGACY = 'settings';
export const FORMAT = 1;
const LISTS = Object.keys(LIMITS);
// Each list's first share of the budget; what one leaves unused goes to the others in this order.
const SHARES = { blocklist: 20000, allowlist: 14000, muted_regexes: 12000, muted_words: 44000 };
const ORDER = ['blocklist', 'muted_words', 'allowlist', 'muted_regexes'];

export const partKey = (field, i) => `rempart:${field}:${i}`;
export const isOurs = (key) => key.startsWith('rempart:') || key === LEGACY;

const utf8 = new TextEncoder();
// Chromium's JSON writer escapes a few characters to \uXXXX (6 bytes): count them so.
const jsonBytes = (value) => {
  const json = JSON.stringify(value);
  return utf8.encode(json).length + 5 * (json.match(/[<>&\u2028\u2029\u007f]/g)?.length ?? 0);
};
export const itemBytes = (key, value) => utf8.encode(key).length + jsonBytes(value);

async function digest(value) {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', utf8.encode(JSON.stringify(value)));
  return [...new Uint8Array(bytes).slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The longest prefix of `list` whose parts weigh at most `budget` bytes, cut into items. */
function pack(field, list, budget) {
  const parts = [];
  let used = 0;
  let part = null;
  let partSize = 0;
  for (const entry of list) {
    const size = jsonBytes(entry) + 1;
    if (part && partSize + size <= ITEM_BUDGET && used + size <= budget) {
      part.push(entry);
      partSize += size;
      used += size;
      continue;
    }
    const fresh = itemBytes(partKey(field, parts.length), []) + size;
    if (fresh > ITEM_BUDGET || used + fresh > budget) break;
    part = [entry];
    parts.push(part);
    partSize = fresh;
    used += fresh;
  }
  return { parts, used, count: parts.reduce((n, p) => n + p.length, 0) };
}

/** Settings + change times → { items, synced: {list: entries that sync}, unsynced: {list: count} }.
 *  `scale` < 1 shrinks the budget (a retry after the browser refused a write for its quota). */
export async function split(settings, at, { scale = 1 } = {}) {
  const head = { v: FORMAT, at: {}, preset: settings.preset, categories: settings.categories, lists: {}, slider_step: SLIDER_STEP };
  for (const f of SYNCED_FIELDS) head.at[f] = at[f] ?? 0;
  // Room for the parts' names in the head: 24 bytes each, at most TOTAL_BUDGET / ITEM_BUDGET + 1 per list.
  const headReserve = itemBytes(HEAD, head) + LISTS.length * (40 + 24 * (Math.ceil(TOTAL_BUDGET / ITEM_BUDGET) + 1));
  let left = Math.floor(TOTAL_BUDGET * scale) - headReserve;
  const need = Object.fromEntries(LISTS.map((f) => [f, pack(f, settings[f], Infinity).used]));
  const grant = {};
  for (const f of ORDER) { grant[f] = Math.max(0, Math.min(need[f], SHARES[f] * scale, left)); left -= grant[f]; }
  for (const f of ORDER) { const more = Math.max(0, Math.min(need[f] - grant[f], left)); grant[f] += more; left -= more; }
  const items = {};
  const synced = {};
  const unsynced = {};
  for (const f of LISTS) {
    const { parts, count } = pack(f, settings[f], grant[f]);
    head.lists[f] = { n: count, parts: await Promise.all(parts.map(digest)) };
    parts.forEach((p, i) => { items[partKey(f, i)] = p; });
    synced[f] = settings[f].slice(0, count);
    unsynced[f] = settings[f].length - count;
  }
  items[HEAD] = head;
  return { items, synced, unsynced };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whatever storage.sync holds → { state, fields: {f: {value, at}}, stamps: {f: at}, bad: {f: why} }.
 *  state: empty | ok | corrupt (unreadable head) | newer (a later format: read nothing, write nothing).
 *  A field is only returned when every part is there and matches the head's digest, and its
 *  values pass the lenient reader without a single reset: anything else is `partial` or `corrupt`. */
export async function join(items) {
  const out = { state: 'empty', fields: {}, stamps: {}, bad: {} };
  const head = items?.[HEAD];
  if (head === undefined) return out;
  if (!isObject(head) || !Number.isInteger(head.v) || head.v < 1) return { ...out, state: 'corrupt' };
  if (head.v > FORMAT) return { ...out, state: 'newer' };
  out.state = 'ok';
  const at = isObject(head.at) ? head.at : {};
  for (const f of SYNCED_FIELDS) {
    const t = at[f];
    if (t === undefined || t === 0) continue; // never changed on any device: nothing to read
    if (!Number.isFinite(t) || t < 0) { out.bad[f] = 'corrupt'; continue; }
    out.stamps[f] = t;
    let value = head[f];
    if (LISTS.includes(f)) {
      const meta = head.lists?.[f];
      if (!isObject(meta) || !Array.isArray(meta.parts) || !Number.isInteger(meta.n)) { out.bad[f] = 'corrupt'; continue; }
      const parts = meta.parts.map((_, i) => items[partKey(f, i)]);
      const sums = await Promise.all(parts.map((p) => (Array.isArray(p) ? digest(p) : null)));
      if (sums.some((s, i) => s !== meta.parts[i])) { out.bad[f] = 'partial'; continue; }
      value = parts.flat();
      if (value.length !== meta.n) { out.bad[f] = 'partial'; continue; }
    }
    // Thresholds from a device whose sliders still moved by 5 are cleaned as a local copy would be.
    const context = { slider_step: head.slider_step, preset: Object.hasOwn(PRESETS, head.preset) ? head.preset : undefined };
    const { settings, problems } = inspect({ ...context, [f]: value });
    if (problems.length || value === undefined) { out.bad[f] = 'corrupt'; continue; }
    out.fields[f] = { value: settings[f], at: t };
  }
  return out;
}

const union = (first, more) => [...new Set([...first, ...more])];

/** Local settings + meta ({at, base}) and a joined remote copy → the settings this device should
 *  hold, its new meta, the fields taken from the remote copy (`applied`) and whether the synced
 *  copy should be rewritten from this device (`push`). Per field, the newest change wins; in a
 *  list, entries this device never synced (absent from `base`: they did not fit, or were added
 *  since) are kept when another device's newer list wins, because no other device could have
 *  removed them. */
export function merge(local, meta, remote, now = Date.now()) {
  const settings = { ...local };
  const at = { ...meta.at };
  const base = { ...meta.base };
  const applied = [];
  let push = false;
  if (remote.state === 'newer') return { settings, meta, applied, push };
  let clock = Math.max(now, ...Object.values(at).map((t) => t + 1), ...Object.values(remote.stamps).map((t) => t + 1));
  for (const f of SYNCED_FIELDS) {
    const mine = at[f] ?? 0;
    const r = remote.fields[f];
    const isList = LISTS.includes(f);
    if (!r) {
      // Nothing readable there: rewrite it from here if this device has a change of its own,
      // unless a newer copy is on its way (its head arrived before its parts).
      if (mine > 0 && !(remote.bad[f] === 'partial' && remote.stamps[f] > mine)) push = true;
      continue;
    }
    if (r.at > mine) {
      const known = new Set(base[f] ?? []);
      const keep = isList ? local[f].filter((x) => !known.has(x)) : [];
      settings[f] = isList ? union(r.value, keep).slice(0, LIMITS[f]) : r.value;
      at[f] = r.at;
      if (isList) base[f] = r.value;
      applied.push(f);
    } else if (r.at < mine) {
      push = true;
    } else if (mine === BEFORE_SYNC && isList) {
      // Two devices that both had this list before sync existed: keep the entries of both.
      const joined = union(r.value, local[f]).slice(0, LIMITS[f]);
      base[f] = r.value;
      if (joined.length !== r.value.length) { at[f] = clock++; push = true; }
      // Only a real change is applied: an unchanged list must not be written again (a loop).
      if (JSON.stringify(joined) !== JSON.stringify(local[f])) { settings[f] = joined; applied.push(f); }
    } else if (mine === BEFORE_SYNC && JSON.stringify(r.value) !== JSON.stringify(local[f])) {
      settings[f] = r.value;
      applied.push(f);
    }
  }
  return { settings, meta: { at, base }, applied, push };
}

/** The writes that turn storage.sync's `current` items into `next`: only changed items are set,
 *  and only our own stale items removed (browsers limit write operations per minute and hour). */
export function diff(current, next) {
  const set = {};
  for (const [k, v] of Object.entries(next)) if (JSON.stringify(current[k]) !== JSON.stringify(v)) set[k] = v;
  const remove = Object.keys(current).filter((k) => isOurs(k) && !(k in next));
  return { set, remove };
}

/** Which quota a browser's refusal names: 'bytes' (total or per item), 'rate', or null. */
export function quotaKind(error) {
  const m = String(error?.message ?? error);
  // Chromium says "MAX_WRITE_OPERATIONS_PER_MINUTE" or, lately, "Resource::kMaxWriteOperationsPerMinute".
  if (/MAX_?WRITE_?OPERATIONS|MAX_?SUSTAINED/i.test(m)) return 'rate';
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(m)) return 'bytes';
  return null;
}
