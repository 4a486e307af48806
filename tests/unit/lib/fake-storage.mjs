// An in-memory chrome.storage for Node tests of background/sync.js: local, and a sync area that
// refuses writes the way Chromium does (same quotas, same error messages, nothing written on
// refusal), with onChanged events. The real browsers are exercised by tests/e2e/sync.test.mjs.
const QUOTA_BYTES = 102400;
const QUOTA_BYTES_PER_ITEM = 8192;
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
// Chromium stores values as JSON with "<" written \u003C.
const size = (k, v) => Buffer.byteLength(k) + Buffer.byteLength(JSON.stringify(v).replace(/</g, '\\u003C'));

function area(name, listeners, quota) {
  const data = new Map();
  const emit = (changes) => { if (Object.keys(changes).length) for (const l of listeners) l(changes, name); };
  return {
    data,
    async get(keys) {
      const wanted = keys === null || keys === undefined ? [...data.keys()] : [keys].flat();
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items) {
      if (quota) {
        for (const [k, v] of Object.entries(items)) if (size(k, v) > QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        const after = new Map([...data, ...Object.entries(items)]);
        if ([...after].reduce((n, [k, v]) => n + size(k, v), 0) > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      }
      const changes = {};
      for (const [k, v] of Object.entries(items)) { changes[k] = { oldValue: clone(data.get(k)), newValue: clone(v) }; data.set(k, clone(v)); }
      emit(changes);
    },
    async remove(keys) {
      const changes = {};
      for (const k of [keys].flat()) if (data.has(k)) { changes[k] = { oldValue: data.get(k) }; data.delete(k); }
      emit(changes);
    },
  };
}

export function fakeChrome() {
  const listeners = [];
  return {
    storage: {
      local: area('local', listeners, false),
      sync: area('sync', listeners, true),
      onChanged: { addListener: (l) => listeners.push(l) },
    },
  };
}
