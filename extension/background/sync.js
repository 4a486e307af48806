// Settings on every device: mirrors what fits of storage.local's settings into storage.sync and
// applies what another device synced (storage.onChanged). storage.local stays the copy the filter
// reads, so a refused, corrupt or half-arrived synced copy never changes what is filtered here.
// The outcome (what does not sync, errors) goes to storage.local[STATUS] for the options page.
import { api } from '../shared/browser.js';
import * as S from '../shared/settings.js';
import * as Split from '../shared/sync-split.js';

export const STATUS = 'sync_status';
// Options-page edits come in bursts (sliders, typing): write once they settle.
const LOCAL_DEBOUNCE_MS = 2000;
const REMOTE_DEBOUNCE_MS = 300;
// Chrome allows 120 write operations a minute and 1,800 an hour; a write here is one set() and
// at most one remove(), so one every 4 s stays under both even if the user never stops.
const MIN_WRITE_GAP_MS = 4000;
const RATE_RETRY_MS = 60000;

let timer = 0;
let queue = Promise.resolve();
let lastWrite = 0;

export function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    queue = queue.then(reconcile).catch((e) => console.warn('Rempart: settings sync failed', e));
  }, delay);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function setStatus(status) {
  await api.storage.local.set({ [STATUS]: { ...status, checked: Date.now() } });
}

async function write(current, plan) {
  const { set, remove } = Split.diff(current, plan.items);
  if (Object.keys(set).length) await api.storage.sync.set(set);
  if (remove.length) await api.storage.sync.remove(remove);
  lastWrite = Date.now();
}

export async function reconcile() {
  if (!api.storage.sync) { await setStatus({ state: 'unavailable' }); return; }
  const got = await api.storage.local.get([S.KEY, S.META, STATUS]);
  const items = await api.storage.sync.get(null);
  // Versions before 0.2 kept the settings in storage.sync: a profile with none here starts from them.
  const raw = got[S.KEY] ?? items[Split.LEGACY];
  const local = S.inspect(raw).settings;
  const meta = S.metaOf(got[S.META], local);
  const remote = await Split.join(items);
  const merged = Split.merge(local, meta, remote);
  // Settings are only rewritten with another device's change: unreadable local fields are left
  // for the options page to report (and older versions' settings for loadChecked to find).
  const changes = merged.applied.length ? { [S.KEY]: merged.settings } : {};
  // The older versions' copy is about to be removed from sync: keep it here first, as it was.
  if (got[S.KEY] === undefined && raw !== undefined && !merged.applied.length) changes[S.KEY] = raw;
  if (Object.keys(changes).length || !same(merged.meta, got[S.META])) {
    // A save from the options page may have landed while sync was read: let it go first.
    const again = await api.storage.local.get([S.KEY, S.META]);
    if (!same(again[S.KEY], got[S.KEY]) || !same(again[S.META], got[S.META])) { schedule(REMOTE_DEBOUNCE_MS); return; }
    await api.storage.local.set({ ...changes, [S.META]: merged.meta });
  }
  const waiting = Object.keys(remote.bad).filter((f) => remote.bad[f] === 'partial' && remote.stamps[f] > (merged.meta.at[f] ?? 0));
  let plan = await Split.split(merged.settings, merged.meta.at);
  const status = { state: remote.state === 'newer' ? 'newer' : waiting.length ? 'waiting' : 'ok', waiting,
    // "Received from another device" stays shown after the next, quiet round.
    applied: merged.applied.length ? merged.applied : got[STATUS]?.applied ?? [] };
  if (merged.push && remote.state !== 'newer') {
    const wait = lastWrite + MIN_WRITE_GAP_MS - Date.now();
    if (wait > 0) { schedule(wait); return; }
    try {
      await write(items, plan);
    } catch (e) {
      const kind = Split.quotaKind(e);
      status.state = 'error';
      status.error = String(e?.message ?? e);
      status.kind = kind;
      if (kind === 'rate') schedule(RATE_RETRY_MS);
      if (kind === 'bytes') {
        // Something else fills the sync space (or the browser counts differently): try half.
        try {
          plan = await Split.split(merged.settings, merged.meta.at, { scale: 0.5 });
          await write(items, plan);
          status.state = 'reduced';
        } catch (e2) {
          status.error = String(e2?.message ?? e2);
        }
      }
    }
    if (status.state !== 'error') {
      const base = { ...merged.meta.base, ...plan.synced };
      await api.storage.local.set({ [S.META]: { ...merged.meta, base } });
    }
  }
  await setStatus({ ...status, unsynced: plan.unsynced });
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && Object.keys(changes).some(Split.isOurs)) schedule(REMOTE_DEBOUNCE_MS);
  else if (area === 'local' && changes[S.KEY]) schedule(LOCAL_DEBOUNCE_MS);
});

// A change made or received while the background slept (Chrome evicts it) is handled on waking.
schedule(REMOTE_DEBOUNCE_MS);
