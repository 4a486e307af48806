// The locker as the on-timeline look-alike check needs it: a compact mirror of the chain (authors,
// names, texts, times, whom they answered, links, rejected pairs; no HTML, no screenshots), kept up to date by reading only
// the records appended since the last look. The chain is append-only except for deletions, which
// replace a record by its tombstone: a new deletion record (or a shorter chain) reloads it all.
import { openDb } from '../shared/evidence-db.js';
import { compactTweet } from '../evidence/suggestions.js';

const wrap = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });

/** What derive() and accountsOf() read of a record, nothing more. */
function compact(r) {
  const t = r.tweet;
  return {
    seq: r.seq, kind: r.kind, hash: r.hash, captured_at: r.captured_at, about: r.about,
    handle: r.handle, to: r.to, a: r.a, b: r.b,
    tweet: t ? compactTweet(t) : undefined,
  };
}

let mirror = []; // compact records, in chain order
let lastSeq = -1;
let lastHash = null;

/** The chain's last record as [seq, hash], or [-1, null] when the locker is empty. */
async function head(store) {
  const cursor = await wrap(store.openCursor(null, 'prev'));
  return cursor ? [cursor.value.seq, cursor.value.hash] : [-1, null];
}

/**
 * The compact records, read again only where the chain changed. Returns {records, changed}.
 */
export async function knownRecords() {
  const db = await openDb();
  // One short read-only transaction per request: none has to outlive an await.
  const store = () => db.transaction('records').objectStore('records');
  const [seq, hash] = await head(store());
  if (seq === lastSeq && hash === lastHash) return { records: mirror, changed: false };
  let fresh;
  if (seq > lastSeq && lastSeq >= 0) {
    fresh = (await wrap(store().getAll(IDBKeyRange.lowerBound(lastSeq, true)))).map(compact);
    // A deletion rewrote an earlier record, or the record we ended on is not the same any more.
    const same = mirror.length && (await wrap(store().get(lastSeq)))?.hash === lastHash;
    if (!same || fresh.some((r) => r.kind === 'deletion')) fresh = null;
  }
  mirror = fresh ? [...mirror, ...fresh] : (await wrap(store().getAll())).map(compact);
  [lastSeq, lastHash] = mirror.length ? [mirror.at(-1).seq, mirror.at(-1).hash] : [-1, null];
  return { records: mirror, changed: true };
}
