// Settings schema: one object in storage.local holds the engine's part (enabled, preset, categories,
// muted rules) and the extension's own (allowlist, blocklist); the engine ignores fields it does not know.
// storage.local stays the copy the filter reads; what fits is mirrored to storage.sync by
// background/sync.js (sync-split.js), using the per-field change times save() records in META.
// Reading is lenient and reports every field it had to reset, so the options page can say what was lost.
import { api } from './browser.js';

export const KEY = 'settings';
export const CATEGORIES = ['insult', 'threat', 'identity_attack', 'sexual_harassment', 'doxxing',
  'self_harm', 'defamation', 'profanity', 'toxicity', 'muted'];
export const ACTIONS = ['none', 'flag', 'blur', 'hide'];
// Derived from validation data by models/train/presets.py (the engine's src/settings.rs has the same).
// These are the shared thresholds, which the sliders show; the engine lowers or raises them for
// posts X tags "fr" or "en" (balanced English 0.19), and a moved slider moves those with it.
export const PRESETS = { gentle: 0.61, balanced: 0.27, strict: 0.05 };
// Threats and doxxing stay visible by default: the target may need to see them to stay safe.
export const DEFAULT_ACTIONS = { threat: 'flag', doxxing: 'flag', profanity: 'none' };
export const defaultAction = (cat) => DEFAULT_ACTIONS[cat] ?? 'blur';

export const DEFAULTS = Object.freeze({
  enabled: true, preset: 'balanced', categories: {},
  muted_words: [], muted_regexes: [], allowlist: [], blocklist: [],
});

/** "@Some_One", "https://x.com/Some_One" → "some_one"; null when it cannot be a handle. */
export function normalizeHandle(raw) {
  const s = String(raw).trim().replace(/^https?:\/\/(mobile\.)?(x|twitter)\.com\//i, '').replace(/^@/, '');
  return /^[A-Za-z0-9_]{1,20}$/.test(s) ? s.toLowerCase() : null;
}

export const LIMITS = { muted_words: 10000, muted_regexes: 200, allowlist: 5000, blocklist: 5000 };
const shown = (v) => { try { return String(JSON.stringify(v)).slice(0, 60); } catch { return '?'; } };

/** Whatever storage holds (old versions, hand edits, corruption) → {settings, problems}: a
 *  well-formed settings object, and [{field, value}] for every value reset to its default. */
export function inspect(raw) {
  const problems = [];
  const bad = (field, value) => problems.push({ field, value: shown(value) });
  if (raw !== undefined && (!raw || typeof raw !== 'object' || Array.isArray(raw))) bad('settings', raw);
  const s = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const list = (field, clean = (x) => x) => {
    const v = s[field];
    if (v === undefined) return [];
    if (!Array.isArray(v)) { bad(field, v); return []; }
    const out = [];
    for (const x of v) {
      const c = typeof x === 'string' ? clean(x.trim()) : null;
      if (c === '') continue;
      if (c === null) bad(field, x);
      else if (out.length >= LIMITS[field]) { bad(field, `${v.length} > ${LIMITS[field]}`); break; } else out.push(c);
    }
    return [...new Set(out)];
  };
  const categories = {};
  if (s.categories !== undefined && (!s.categories || typeof s.categories !== 'object')) bad('categories', s.categories);
  for (const cat of CATEGORIES) {
    const c = s.categories?.[cat];
    if (c === undefined) continue;
    const entry = {};
    if (c && ACTIONS.includes(c.action)) entry.action = c.action;
    else if (c?.action !== undefined || !c || typeof c !== 'object') bad(`${cat}.action`, c?.action ?? c);
    if (typeof c?.threshold === 'number' && c.threshold >= 0 && c.threshold <= 1) entry.threshold = c.threshold;
    else if (c?.threshold !== undefined) bad(`${cat}.threshold`, c.threshold);
    if (Object.keys(entry).length) categories[cat] = entry;
  }
  if (s.slider_step !== SLIDER_STEP) dropSliderArtefacts(categories, Object.hasOwn(PRESETS, s.preset) ? s.preset : DEFAULTS.preset);
  if (s.enabled !== undefined && typeof s.enabled !== 'boolean') bad('enabled', s.enabled);
  if (s.preset !== undefined && !Object.hasOwn(PRESETS, s.preset)) bad('preset', s.preset);
  const settings = {
    enabled: s.enabled !== false,
    preset: Object.hasOwn(PRESETS, s.preset) ? s.preset : DEFAULTS.preset,
    categories,
    muted_words: list('muted_words'),
    muted_regexes: list('muted_regexes'),
    allowlist: list('allowlist', (h) => normalizeHandle(h) ?? (h ? null : '')),
    blocklist: list('blocklist', (h) => normalizeHandle(h) ?? (h ? null : '')),
    slider_step: SLIDER_STEP,
  };
  return { settings, problems };
}

export const sanitize = (raw) => inspect(raw).settings;

// The sliders used to move in steps of 5 while the presets were 0.61, 0.29 and then 0.27: the
// page showed them at 40, 70, 75, and any save from it stored 0.60, 0.30 or 0.25 on every slider
// the user had not moved, which pinned a threshold never chosen (and, now that presets differ by
// language, kept English at the shared one). Settings written since the sliders move by 1 say so
// (`slider_step`). In older ones (or a synced copy an older device passed on), a value held by at
// least half the sliders is that bug; the sliders at another value were moved and keep it (one
// step from 75 is 0.30: a choice there, not the artefact).
export const SLIDER_STEP = 1;
const SLIDER_ARTEFACTS = { gentle: [0.6], balanced: [0.3, 0.25] };
function dropSliderArtefacts(categories, preset) {
  const sliders = CATEGORIES.filter((cat) => cat !== 'muted');
  for (const value of SLIDER_ARTEFACTS[preset] ?? []) {
    const pinned = sliders.filter((c) => categories[c]?.threshold === value);
    if (pinned.length * 2 < sliders.length) continue;
    for (const c of pinned) {
      delete categories[c].threshold;
      if (!Object.keys(categories[c]).length) delete categories[c];
    }
  }
}

/** The stored settings, checked; versions before 0.2 kept them in storage.sync. */
export async function loadChecked() {
  const got = await api.storage.local.get(KEY);
  let raw = got[KEY];
  if (raw === undefined) raw = (await api.storage.sync?.get(KEY).catch(() => ({})))?.[KEY];
  return inspect(raw);
}

export async function load() {
  return (await loadChecked()).settings;
}

// Per-field change times (ms) for sync's "newest change wins"; `base` is filled by sync.js.
export const META = 'settings_sync';
export const SYNCED_FIELDS = ['preset', 'categories', 'blocklist', 'allowlist', 'muted_regexes', 'muted_words'];
// Settings from before sync existed: older than any real change, so any edit beats them.
export const BEFORE_SYNC = 1;

/** Stored meta, or the one settings from an older version get: non-default fields at BEFORE_SYNC. */
export function metaOf(raw, settings) {
  const at = {};
  const ok = raw && typeof raw === 'object' && raw.at && typeof raw.at === 'object';
  for (const f of SYNCED_FIELDS) {
    const t = ok ? raw.at[f] : undefined;
    if (Number.isFinite(t) && t >= 0) at[f] = t;
    else at[f] = !ok && JSON.stringify(settings[f]) !== JSON.stringify(sanitize(DEFAULTS)[f]) ? BEFORE_SYNC : 0;
  }
  const base = ok && raw.base && typeof raw.base === 'object' ? raw.base : {};
  return { at, base };
}

/** A change time later than every one this device has seen (a Lamport clock over wall time), so
 *  a change made after applying another device's always wins over it, even with a slow clock. */
export const tick = (meta, now = Date.now()) => Math.max(now, ...Object.values(meta.at).map((t) => t + 1));

/** `meta` with each synced field that differs between `before` and `after` stamped now. */
export function stamp(meta, before, after, now = Date.now()) {
  const t = tick(meta, now);
  const at = { ...meta.at };
  for (const f of SYNCED_FIELDS) if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) at[f] = t;
  return { ...meta, at };
}

export async function save(settings) {
  const clean = sanitize(settings);
  const got = await api.storage.local.get([KEY, META]);
  const before = inspect(got[KEY]).settings;
  await api.storage.local.set({ [KEY]: clean, [META]: stamp(metaOf(got[META], before), before, clean) });
}

export const actionOf = (s, cat) => s.categories[cat]?.action ?? defaultAction(cat);
