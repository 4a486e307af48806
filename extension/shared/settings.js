// Settings schema: one object in storage.sync holds the engine's part (enabled, preset, categories,
// muted rules) and the extension's own (allowlist, blocklist); the engine ignores fields it does not know.
import { api } from './browser.js';

export const KEY = 'settings';
export const CATEGORIES = ['insult', 'threat', 'identity_attack', 'sexual_harassment', 'doxxing',
  'self_harm', 'defamation', 'profanity', 'toxicity', 'muted'];
export const ACTIONS = ['none', 'flag', 'blur', 'hide'];
export const PRESETS = { gentle: 0.75, balanced: 0.5, strict: 0.3 };
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

const strings = (v, max) => (Array.isArray(v) ? v : []).filter((x) => typeof x === 'string').map((x) => x.trim()).filter(Boolean).slice(0, max);

/** Whatever storage holds (old versions, hand edits) → a well-formed settings object. */
export function sanitize(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  const categories = {};
  for (const cat of CATEGORIES) {
    const c = s.categories?.[cat];
    if (!c || typeof c !== 'object') continue;
    const entry = {};
    if (ACTIONS.includes(c.action)) entry.action = c.action;
    if (typeof c.threshold === 'number' && c.threshold >= 0 && c.threshold <= 1) entry.threshold = c.threshold;
    if (Object.keys(entry).length) categories[cat] = entry;
  }
  const handles = (v) => [...new Set(strings(v, 5000).map(normalizeHandle).filter(Boolean))];
  return {
    enabled: s.enabled !== false,
    preset: Object.hasOwn(PRESETS, s.preset) ? s.preset : DEFAULTS.preset,
    categories,
    muted_words: strings(s.muted_words, 10000),
    muted_regexes: strings(s.muted_regexes, 200),
    allowlist: handles(s.allowlist),
    blocklist: handles(s.blocklist),
  };
}

export async function load() {
  const got = await api.storage.sync.get(KEY);
  return sanitize(got[KEY]);
}

export async function save(settings) {
  await api.storage.sync.set({ [KEY]: sanitize(settings) });
}

export const thresholdOf = (s, cat) => s.categories[cat]?.threshold ?? PRESETS[s.preset];
export const actionOf = (s, cat) => s.categories[cat]?.action ?? defaultAction(cat);
