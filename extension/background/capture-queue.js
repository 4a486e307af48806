// "Save as evidence" requests, kept until their record is sealed: each request is written to the
// locker's queue (IndexedDB, committed) before any work starts, so a background killed half-way
// finishes it when it restarts — with the screenshot while its page still holds the tweet in view,
// without one (marked "no screenshot") when the page is gone. One request in flight per capture id.
import { api } from '../shared/browser.js';
import * as db from '../shared/evidence-db.js';
import { seal } from './capture.js';

// Requests under way in this background, by capture id: the same request asked again (its
// answer was late or lost) or found in the queue at start joins the run instead of starting one.
const inflight = new Map();

// Tab ids are only meaningful in the browser session that gave them: storage.session is emptied
// when the browser closes, so a queued request from an earlier session is known as such.
const SESSION = 'evidenceSession';
async function sessionId() {
  const got = (await api.storage.session.get(SESSION))[SESSION];
  if (got) return got;
  const id = crypto.randomUUID();
  await api.storage.session.set({ [SESSION]: id });
  return id;
}

function once(captureId, work) {
  if (inflight.has(captureId)) return inflight.get(captureId);
  const run = work();
  inflight.set(captureId, run);
  const forget = () => { if (inflight.get(captureId) === run) inflight.delete(captureId); };
  run.then(forget, forget);
  return run;
}

/**
 * Takes one capture request: request = {captureId, tweet, verdict, note, rect, viewport}, tab =
 * {id, windowId, url} (the X tab it is about). Resolves with {seq, hash, recapture, screenshot}
 * once its record is committed; rejects with 'storage-full' before anything is stored, or with the
 * error that stopped it (nothing half-done is stored; the request stays queued for a page that
 * asks again). Bulk captures call this once per tweet.
 */
export function requestCapture(request, tab) {
  return once(request.captureId, async () => {
    const done = await db.captureRecord(request.captureId);
    if (done) return seal({ capture_id: request.captureId }, null);
    if ((await db.spaceLeft()) < db.MIN_FREE_BYTES) throw new Error('storage-full');
    const entry = {
      capture_id: request.captureId,
      request: { tweet: request.tweet, verdict: request.verdict, note: request.note ?? '' },
      tab: { id: tab.id, windowId: tab.windowId, url: tab.url },
      session: await sessionId(),
      queued_at: new Date().toISOString(),
    };
    return finish(await db.enqueue(entry), { rect: request.rect, viewport: request.viewport });
  });
}

async function finish(entry, view) {
  try {
    return await seal(entry, view);
  } catch (e) {
    // Nothing half-done is stored either way. While a page holds the tweet it asks again (the
    // error may be this background being torn down), so the request stays queued; with no page
    // left, it would fail the same at every start: dropped.
    if (!view) await db.dequeue(entry.capture_id).catch(() => {});
    throw e;
  }
}

/** Asks the request's page whether it still holds the tweet in view, and where it is now. */
async function whereNow(entry, session) {
  if (entry.session !== session) return null;
  const tab = await api.tabs.get(entry.tab.id).catch(() => null);
  if (!tab) return null;
  const res = await api.tabs.sendMessage(entry.tab.id, { type: 'evidence-holding', captureId: entry.capture_id }).catch(() => null);
  if (res?.abandoned) return 'abandoned';
  return res?.holding ? { rect: res.rect, viewport: res.viewport } : null;
}

/** At start: finishes every request an earlier background took and did not seal. */
export async function resumeQueued() {
  const entries = await db.queued();
  if (!entries.length) return;
  const session = await sessionId();
  for (const entry of entries) {
    once(entry.capture_id, async () => {
      const view = await whereNow(entry, session);
      // The page gave up on it and told the user "not saved": keep that true.
      if (view === 'abandoned') {
        await db.dequeue(entry.capture_id);
        throw new Error('abandoned');
      }
      return finish(entry, view);
    }).catch((e) => { if (e?.message !== 'abandoned') console.error('Rempart: a queued capture could not be finished', e); });
  }
}

/** Whether a capture id has its record, or is still queued (to be finished). */
export async function captureStatus(captureId) {
  await inflight.get(captureId)?.catch(() => {});
  const saved = await db.hasCapture(captureId);
  const pending = !saved && (await db.queued()).some((e) => e.capture_id === captureId);
  return { saved, pending };
}
