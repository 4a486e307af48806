// Bulk runs as the background keeps them: one run per tab in storage.session, written at every
// step, so that a killed and restarted service worker reads where the run stands and the content
// script carries on with the same counts. Also answers which tweets the locker already holds
// (a run never makes a second record of a saved tweet) and notes "seen deleted" (seen-gone.js).
import { api } from '../shared/browser.js';
import * as db from '../shared/evidence-db.js';
import { seenGone } from './seen-gone.js';

const KEY = 'bulkRuns';
const area = () => api.storage.session ?? api.storage.local;

// Read-modify-writes one after the other: progress messages of a run must not overwrite each other.
let chain = Promise.resolve();
function mutate(fn) {
  const run = chain.then(async () => {
    const runs = (await area().get(KEY))[KEY] ?? {};
    const out = fn(runs);
    await area().set({ [KEY]: runs });
    return out;
  });
  chain = run.catch(() => {});
  return run;
}

const summary = (r, withDone = false) => ({
  id: r.id, cap: r.cap, kind: r.kind, url: r.url, focal_id: r.focal_id, author: r.author, status: r.status,
  saved: r.saved.length, skipped: r.skipped.length, failed: r.failed.length,
  ...(withDone ? { done: [...r.saved, ...r.skipped, ...r.failed] } : {}),
});

function theRun(runs, tab, id) {
  const r = runs[tab];
  if (!r || r.id !== id) throw new Error('no-run');
  return r;
}

/** Status ids among `ids` that the locker holds as live captures. */
async function inLocker(ids) {
  const want = new Set(ids);
  const found = new Set();
  for (const r of await db.allRecords()) if (r.kind === 'capture' && want.has(r.tweet?.status_id)) found.add(r.tweet.status_id);
  return [...found];
}

export const BULK_TYPES = new Set(['bulk-start', 'bulk-known', 'bulk-progress', 'bulk-end', 'bulk-state', 'evidence-seen-gone']);

export async function bulk(type, msg, sender) {
  const tab = String(sender.tab.id);
  switch (type) {
    case 'bulk-start':
      return { run: await mutate((runs) => {
        const old = runs[tab];
        // The same run again (resumed after a reload): its counts and done tweets are kept.
        if (old?.id === msg.run.id) old.status = 'running';
        else runs[tab] = { ...msg.run, status: 'running', started_at: new Date().toISOString(), saved: [], skipped: [], failed: [] };
        return summary(runs[tab], true);
      }) };
    case 'bulk-progress':
      return { run: await mutate((runs) => {
        const r = theRun(runs, tab, msg.id);
        // Asked twice (an answer lost in a restart): counted once.
        if (![r.saved, r.skipped, r.failed].some((l) => l.includes(msg.status_id))) r[msg.outcome].push(msg.status_id);
        r.updated_at = new Date().toISOString();
        return summary(r);
      }) };
    case 'bulk-end':
      return { run: await mutate((runs) => {
        const r = theRun(runs, tab, msg.id);
        r.status = msg.status;
        r.ended_at = new Date().toISOString();
        return summary(r);
      }) };
    case 'bulk-state': {
      const r = ((await area().get(KEY))[KEY] ?? {})[tab];
      return { run: r ? summary(r, true) : null };
    }
    case 'bulk-known':
      return { saved: await inLocker(msg.ids) };
    case 'evidence-seen-gone':
      return await seenGone(msg, sender);
    default:
      throw new Error(`unhandled ${type}`);
  }
}

/** A closed tab's run is forgotten. */
export function forgetTab(tabId) {
  mutate((runs) => { delete runs[String(tabId)]; }).catch(() => {});
}
