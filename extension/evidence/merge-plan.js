// What merging a dossier appends, as pure functions (no browser API, tested under Node): which of
// the origin's records are new here, and the `import` record plus each re-sealable record with
// its `origin` (see src/evidence/merge.rs for how the engine checks them against the origin).
const SEAL = ['schema', 'seq', 'prev_hash', 'hash', 'origin'];

/** Every hash a record is known by: its own, and its original's at each hop it was merged through. */
export function identities(r) {
  const out = [r.hash];
  for (let o = r.origin; o && typeof o === 'object'; o = o.prior) out.push(o.hash);
  return out;
}

/** The origin's records that this locker does not hold yet (tombstones carry nothing to merge). */
export function newRecords(ours, theirs) {
  const known = new Set(ours.flatMap(identities));
  const captures = new Set(ours.map((r) => r.capture_id).filter(Boolean));
  return theirs.filter((r) => r.kind !== 'tombstone' && !identities(r).some((h) => known.has(h)) && !(r.capture_id && captures.has(r.capture_id)));
}

/** The records to append for `fresh`, the first one (the import record) getting seq `first`. */
export function mergeRecords(first, theirs, fresh, files, from) {
  const out = [{ record: { kind: 'import', at: new Date().toISOString(), from, chain: theirs.map((r) => r.hash), imported: fresh.length, skipped: theirs.length - fresh.length } }];
  fresh.forEach((r, i) => {
    const rec = { ...r };
    for (const k of SEAL) delete rec[k];
    const origin = { import_seq: first, seq: r.seq, hash: r.hash, prev_hash: r.prev_hash, schema: r.schema };
    if (r.origin) origin.prior = r.origin;
    let shot;
    const file = r.parts?.screenshot?.file;
    if (file) {
      // Renamed into this locker's numbering: two lockers both have a screenshots/00000-….png.
      const local = `screenshots/${String(first + 1 + i).padStart(5, '0')}-${r.tweet?.status_id ?? 'tweet'}.png`;
      origin.screenshot_file = file;
      rec.parts = { ...r.parts, screenshot: { ...r.parts.screenshot, file: local } };
      shot = { file: local, bytes: new Uint8Array(files[file]) };
    }
    rec.origin = origin;
    out.push({ record: rec, shot });
  });
  return out;
}

