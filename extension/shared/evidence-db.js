// The evidence locker's storage: IndexedDB in the extension's origin, shared by the background
// (captures) and the locker page (notes, links, deletions, import). Every change is one readwrite
// transaction that reads the chain head and seals the new record inside it, so two writers can never
// fork the chain, and a record and its screenshot are committed together or not at all.
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
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('records', { keyPath: 'seq' });
      db.createObjectStore('shots', { keyPath: 'file' });
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
 * [{record, shot?: {file, bytes}}, …] for the seq the first new record will get; `extra(store)`
 * may queue more writes (tombstones) in the same transaction. Resolves with the sealed records
 * once the transaction has committed — never before.
 */
export async function append(build, extra) {
  const db = await openDb();
  const tx = db.transaction(['records', 'shots'], 'readwrite', { durability: 'strict' });
  const records = tx.objectStore('records');
  const shots = tx.objectStore('shots');
  const sealed = [];
  const committed = done(tx);
  records.openCursor(null, 'prev').onsuccess = (e) => {
    const head = e.target.result?.value ?? null;
    try {
      let prev = head;
      for (const { record, shot } of build(head ? head.seq + 1 : 0, head)) {
        prev = sealEvidence(record, prev);
        sealed.push(prev);
        records.put(prev);
        if (shot) shots.put(shot);
      }
      extra?.({ records, shots });
    } catch (err) {
      tx.abort();
      sealed.error = err;
    }
  };
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

/** Whether a capture with this client-side id has been committed (after a lost answer). */
export async function hasCapture(captureId) {
  const records = await allRecords();
  return records.some((r) => r.capture_id === captureId);
}
