// Merging a received dossier into a locker that already has records (a trusted helper's, or the
// victim's second device): verified first like `rempart verify`, then every record not already
// here appended after an `import` record that lists the origin's whole chain. Each merged record
// keeps its original content and says where it came from (`origin`), so the engine can rebuild
// the original and check it against the origin's chain (src/evidence/merge.rs). One transaction.
import { unzipSync } from '../vendor/fflate.js';
import { sha256Hex, verifyDossier } from '../pkg/rempart.js';
import * as db from '../shared/evidence-db.js';
import { mergeRecords, newRecords } from './merge-plan.js';

/** Verifies the ZIP, then merges it. Resolves with {ok, records (added), skipped} or {ok: false, error}. */
export async function mergeDossier(zipBytes, fileName) {
  let files;
  try { files = unzipSync(zipBytes); } catch (e) { return { ok: false, error: `zip: ${e.message}` }; }
  const names = Object.keys(files);
  const report = verifyDossier(names, names.map((n) => files[n]));
  if (!report.ok) return report;
  const dec = new TextDecoder();
  const theirs = JSON.parse(dec.decode(files['evidence.json']));
  const manifest = JSON.parse(dec.decode(files['manifest.json']));
  const from = { file: String(fileName ?? 'dossier.zip').slice(0, 200), zip_sha256: sha256Hex(zipBytes), head: manifest.head, created_at: manifest.created_at, records: theirs.length };
  let added = 0;
  const fresh = newRecords(await db.allRecords(), theirs);
  if (fresh.length) {
    const sealed = await db.append((first) => mergeRecords(first, theirs, fresh, files, from));
    added = sealed.length - 1;
  }
  return { ok: true, records: added, skipped: theirs.length - added, total: theirs.length };
}
