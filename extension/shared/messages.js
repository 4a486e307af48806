// Message types between content scripts, extension pages and the background, with the guards the
// background runs on every message before acting: shape first, then who may send it.
import { BULK_SPEC, isBulkTag } from './bulk-messages.js';
export const MAX_BATCH = 100;
export const MAX_TEXT = 10000;

const isStr = (v, max) => typeof v === 'string' && v.length <= max;
const isHandle = (v) => v === null || (typeof v === 'string' && /^[A-Za-z0-9_]{1,20}$/.test(v));
// A tweet text's language as X tags it (BCP 47, e.g. "fr", "en-GB"), or none.
const isLang = (v) => v === undefined || v === null || isStr(v, 35);
const isPart = (p) => p && typeof p === 'object' && isHandle(p.author) && isStr(p.text, MAX_TEXT) && isStr(p.name, 200)
  && isLang(p.lang);

function isItem(it) {
  return it && typeof it === 'object' && isStr(it.key, 120) && it.key.length > 0
    && isPart(it.main) && (it.quote === null || isPart(it.quote)) && typeof it.fresh === 'boolean';
}

const MAX_HTML = 2_000_000;
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const orNull = (check) => (v) => v === null || v === undefined || check(v);
const isId = (v) => typeof v === 'string' && /^\d{1,25}$/.test(v);
const isUrl = (v) => isStr(v, 2048) && /^https:\/\//.test(v);
// The author's picture in the screenshot, CSS px (content/evidence.js avatarBox).
const isBox = (v) => isObj(v) && Object.keys(v).length === 4
  && ['x', 'y', 'width', 'height'].every((k) => Number.isInteger(v[k]) && v[k] >= 0 && v[k] <= 10000);
const isStrings = (v, n, max) => Array.isArray(v) && v.length <= n && v.every((x) => isStr(x, max));
// A tweet as content/evidence.js reads it: every field checked, nothing else carried into the chain.
const TWEET_PART = { status_id: orNull(isId), url: orNull(isUrl), author_handle: isHandle, author_name: (v) => isStr(v ?? '', 200),
  time: orNull((v) => isStr(v, 40)), text: (v) => isStr(v, MAX_TEXT) };
const TWEET = { ...TWEET_PART, html: (v) => isStr(v, MAX_HTML), author_id: orNull(isId), lang: orNull((v) => isStr(v, 20)),
  quote: orNull(isPart2), reply_to: orNull(isReply), media: (v) => Array.isArray(v) && v.length <= 50 && v.every(isUrl),
  bulk: orNull(isBulkTag), avatar_box: orNull(isBox) };
const VERDICT = { action: (v) => ['none', 'flag', 'blur', 'hide', 'unknown'].includes(v), categories: (v) => isStrings(v, 20, 40),
  words: (v) => isStrings(v, 300, 500), sources: (v) => isStrings(v, 10, 40), detail: (v) => v === undefined || isStr(v, 2000) };
const fits = (schema) => (v) => isObj(v) && Object.keys(v).every((k) => Object.hasOwn(schema, k)) && Object.entries(schema).every(([k, ok]) => ok(v[k]));
function isPart2(v) { return fits(TWEET_PART)(v); }
function isReply(v) { return isObj(v) && isStrings(v.handles, 50, 20) && v.handles.every(isHandle) && orNull(isPart2)(v.tweet) && Object.keys(v).length <= 2; }

function isCapture(m) {
  const { rect, viewport } = m;
  return isStr(m.captureId, 64) && m.captureId.length > 0 && isStr(m.note ?? '', MAX_TEXT)
    && fits(TWEET)(m.tweet) && fits(VERDICT)(m.verdict)
    && isObj(rect) && ['x', 'y', 'width', 'height'].every((k) => isNum(rect[k])) && rect.width > 0 && rect.height > 0
    && isObj(viewport) && isNum(viewport.width) && viewport.width > 0;
}

/** type → [shape check, who may send it]: 'x' = our content script on an X page, 'page' = our own pages. */
const SPEC = {
  classify: [(m) => Array.isArray(m.items) && m.items.length <= MAX_BATCH && m.items.every(isItem), 'x'],
  drift: [(m) => typeof m.on === 'boolean', 'x'],
  info: [() => true, 'page'],
  validate: [(m) => m.settings && typeof m.settings === 'object', 'page'],
  test: [(m) => isStr(m.text, MAX_TEXT) && isLang(m.lang), 'page'],
  'popup-state': [(m) => Number.isInteger(m.tabId), 'page'],
  'tab-toggle': [(m) => Number.isInteger(m.tabId) && typeof m.on === 'boolean', 'page'],
  // Evidence: only our content script on an X tab may capture; pages read the locker's IndexedDB
  // directly (same extension origin), so no message ever hands evidence out.
  'evidence-capture': [isCapture, 'x'],
  'evidence-status': [(m) => isStr(m.captureId, 64), 'x'],
  ...BULK_SPEC,
};

export const X_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];

function senderKind(sender, runtime) {
  if (!sender || sender.id !== runtime.id) return null;
  let url;
  try { url = new URL(sender.url ?? ''); } catch { return null; }
  if (url.origin === new URL(runtime.getURL('')).origin) return 'page';
  if (url.protocol === 'https:' && X_HOSTS.includes(url.hostname) && Number.isInteger(sender.tab?.id)) return 'x';
  return null;
}

/** The message's type when it is well formed and its sender may send it; otherwise null. */
export function check(msg, sender, runtime) {
  if (!msg || typeof msg !== 'object' || !Object.hasOwn(SPEC, msg.type)) return null;
  const [shape, who] = SPEC[msg.type];
  return shape(msg) && senderKind(sender, runtime) === who ? msg.type : null;
}
