// The shapes of the bulk-capture and "seen deleted" messages (content script → background), merged
// into the guard's table by messages.js: every field checked, nothing else accepted.
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStr = (v, max) => typeof v === 'string' && v.length <= max;
const isId = (v) => typeof v === 'string' && /^\d{1,25}$/.test(v);
const isHandle = (v) => typeof v === 'string' && /^[A-Za-z0-9_]{1,20}$/.test(v);
const isRunId = (v) => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);
const isXUrl = (v) => isStr(v, 2048) && /^https:\/\/x\.com\//.test(v);
const exactly = (v, keys) => isObj(v) && Object.keys(v).every((k) => keys.includes(k));
export const MAX_CAP = 1000;
export const GONE_STATES = ['deleted', 'suspended', 'missing', 'unavailable'];

/** The run a tweet was saved by, recorded in its tweet (`tweet.bulk`): the conversation link. */
export function isBulkTag(v) {
  return exactly(v, ['run_id', 'kind', 'url', 'focal_id', 'author']) && isRunId(v.run_id) && ['conversation', 'author'].includes(v.kind)
    && isXUrl(v.url) && (v.focal_id === null || isId(v.focal_id)) && (v.author === null || isHandle(v.author));
}

const isRun = (r) => exactly(r, ['id', 'cap', 'kind', 'url', 'focal_id', 'author', 'saved', 'skipped', 'failed', 'status', 'done'])
  && isBulkTag({ run_id: r.id, kind: r.kind, url: r.url, focal_id: r.focal_id ?? null, author: r.author ?? null })
  && Number.isInteger(r.cap) && r.cap > 0 && r.cap <= MAX_CAP;

export const BULK_SPEC = {
  'bulk-start': [(m) => isRun(m.run), 'x'],
  'bulk-known': [(m) => Array.isArray(m.ids) && m.ids.length > 0 && m.ids.length <= 100 && m.ids.every(isId), 'x'],
  'bulk-progress': [(m) => isRunId(m.id) && isId(m.status_id) && ['saved', 'skipped', 'failed'].includes(m.outcome), 'x'],
  'bulk-end': [(m) => isRunId(m.id) && ['done', 'cancelled', 'cap', 'failed'].includes(m.status), 'x'],
  'bulk-state': [() => true, 'x'],
  'evidence-seen-gone': [(m) => isId(m.status_id) && isHandle(m.handle) && GONE_STATES.includes(m.state) && isStr(m.notice, 300), 'x'],
};
