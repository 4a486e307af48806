// The evidence locker's storage: IndexedDB in the extension's origin, shared by the background
// (captures) and the locker page (notes, links, deletions, import). Every change is one readwrite
// transaction that reads the chain head and seals the new record inside it, so two writers can never
// fork the chain, and a record and its screenshot are committed together or not at all.
// The `queue` store holds capture requests not yet sealed: a request is written there before any
// work starts and removed in the transaction that seals its record, so a background killed
// half-way finds it again when it restarts.
// Callers must have initialised the wasm module (sealEvidence, evidenceTombstone) first.
import { sealEvidence, evidenceTombstone } from '../pkg/rempart.js';

const NAME = 'rempart-evidence';
let opening = null;

// Below this much free quota a capture is refused up front (a clear message rather than a failure
// half-way), and the locker warns: the background and the locker page share the threshold.
export const MIN_FREE_BYTES = 50 * 1024 * 1024;

/** Free quota of the extension's origin, in bytes (Infinity where the browser does not say). */
export async function spaceLeft() {
  const { usage = 0, quota = Infinity } = await navigator.storage?.estimate?.() ?? {};
  return quota - usage;
}

export function openDb() {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, 2);
    req.onupgradeneeded = (e) => {
      const db = req.result;
      if (e.oldVersion < 1) {
        db.createObjectStore('records', { keyPath: 'seq' });
        db.createObjectStore('shots', { keyPath: 'file' });
      }
      if (e.oldVersion < 2) {
        db.createObjectStore('queue', { keyPath: 'capture_id' });
        // One record per capture id is checked inside the sealing transaction, through this index.
        req.transaction.objectStore('records').createIndex('capture_id', 'capture_id');
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another context upgrading or deleting the base: let it, and reopen on the next call.
      db.onversionchange = () => { db.close(); opening = null; };
      resolve(db);
    };
    req.onerror = () => { opening = null; reject(req.error); };
  });
  return opening;
}

const done = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
});

const wrap = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });

/**
 * Appends records after the current head in one transaction. `build(seq, head)` returns
 * [{record, shot?: {file, bytes}}, …] for the seq the first new record will get; `extra(stores)`
 * may queue more writes (tombstones, the queue entry's removal) in the same transaction. With
 * `unlessCapture`, nothing is appended when a record of that capture id exists: the result then
 * carries it as `existing`. Resolves with the sealed records once the transaction has committed.
 */
export async function append(build, extra, { unlessCapture = null } = {}) {
  const db = await openDb();
  const tx = db.transaction(['records', 'shots', 'queue'], 'readwrite', { durability: 'strict' });
  const stores = { records: tx.objectStore('records'), shots: tx.objectStore('shots'), queue: tx.objectStore('queue') };
  const sealed = [];
  const committed = done(tx);
  const guarded = (fn) => (e) => {
    try {
      fn(e);
    } catch (err) {
      tx.abort();
      sealed.error = err;
    }
  };
  const afterHead = guarded((e) => {
    let prev = e.target.result?.value ?? null;
    for (const { record, shot } of build(prev ? prev.seq + 1 : 0, prev)) {
      prev = sealEvidence(record, prev);
      sealed.push(prev);
      stores.records.put(prev);
      if (shot) stores.shots.put(shot);
    }
    extra?.(stores);
  });
  const seal = () => { stores.records.openCursor(null, 'prev').onsuccess = afterHead; };
  if (unlessCapture === null) seal();
  else {
    stores.records.index('capture_id').get(unlessCapture).onsuccess = guarded((e) => {
      if (!e.target.result) return seal();
      sealed.existing = e.target.result;
      return extra?.(stores);
    });
  }
  try {
    await committed;
  } catch (e) {
    throw sealed.error ?? e;
  }
  return sealed;
}

/** Every record in chain order. */
export async function allRecords() {
  const db = await openDb();
  return wrap(db.transaction('records').objectStore('records').getAll());
}

/** The screenshot bytes of one file name, or null. */
export async function shot(file) {
  const db = await openDb();
  const r = await wrap(db.transaction('shots').objectStore('shots').get(file));
  return r ? r.bytes : null;
}

/** Logs the deletion of `record` in the chain, then leaves its tombstone and drops its screenshot. */
export async function remove(record, reason) {
  return append(() => [{ record: { kind: 'deletion', deletes: record.hash, deleted_seq: record.seq, reason, at: new Date().toISOString() } }],
    ({ records, shots }) => {
      records.put(evidenceTombstone(record));
      const file = record.parts?.screenshot?.file;
      if (file) shots.delete(file);
    });
}

/** Restores an imported, verified chain into an empty locker (one transaction). */
export async function restore(records, files) {
  const db = await openDb();
  const tx = db.transaction(['records', 'shots'], 'readwrite', { durability: 'strict' });
  const committed = done(tx);
  const store = tx.objectStore('records');
  store.count().onsuccess = (e) => {
    if (e.target.result > 0) { tx.abort(); return; }
    for (const r of records) store.put(r);
    for (const [file, bytes] of files) tx.objectStore('shots').put({ file, bytes });
  };
  await committed.catch(() => { throw new Error('not-empty'); });
}

/** The committed record of this client-side capture id, or null. */
export async function captureRecord(captureId) {
  const db = await openDb();
  return (await wrap(db.transaction('records').objectStore('records').index('capture_id').get(captureId))) ?? null;
}

/** Whether a capture with this client-side id has been committed (after a lost answer). */
export async function hasCapture(captureId) {
  return (await captureRecord(captureId)) !== null;
}

// ---- the capture queue: requests taken, not yet sealed ----

/** Stores a capture request durably (committed to disk) before any of its work starts. The same
 *  request asked again keeps its first entry (and the time it was first asked): that one is returned. */
export async function enqueue(entry) {
  const db = await openDb();
  const tx = db.transaction('queue', 'readwrite', { durability: 'strict' });
  const queue = tx.objectStore('queue');
  let stored = entry;
  queue.get(entry.capture_id).onsuccess = (e) => {
    if (e.target.result) stored = e.target.result;
    else queue.put(entry);
  };
  await done(tx);
  return stored;
}

/** Every request still waiting for its record, oldest first. */
export async function queued() {
  const db = await openDb();
  const all = await wrap(db.transaction('queue').objectStore('queue').getAll());
  return all.sort((a, b) => a.queued_at.localeCompare(b.queued_at));
}

/** Drops a request that ended without a record (refused, or abandoned by its page). */
export async function dequeue(captureId) {
  const db = await openDb();
  const tx = db.transaction('queue', 'readwrite', { durability: 'strict' });
  tx.objectStore('queue').delete(captureId);
  await done(tx);
}
