// Merging a dossier into a locker that has records (extension/evidence/merge-plan.js), sealed and
// checked through the wasm engine as the locker does: no duplicates, every origin's chain still
// checkable, an edit of a merged record caught even after re-sealing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { identities, mergeRecords, newRecords } from '../../extension/evidence/merge-plan.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });

function locker(ids, prefix) {
  const out = [];
  for (const id of ids) {
    const r = { kind: 'capture', capture_id: `${prefix}-${id}`, tweet: { status_id: id, text: `tweet ${id}` },
      parts: { screenshot: { file: `screenshots/${String(out.length).padStart(5, '0')}-${id}.png`, sha256: 'ab' } } };
    out.push(wasm.sealEvidence(r, out.at(-1) ?? null));
  }
  return out;
}

function apply(ours, theirs) {
  const fresh = newRecords(ours, theirs);
  const files = Object.fromEntries(theirs.map((r) => [r.parts?.screenshot?.file, new Uint8Array([1])]));
  const from = { file: 'd.zip', head: theirs.at(-1).hash, created_at: '2026-12-01T08:00:00Z', records: theirs.length };
  const out = [...ours];
  for (const { record } of mergeRecords(ours.length, theirs, fresh, files, from)) out.push(wasm.sealEvidence(record, out.at(-1)));
  return { out, fresh };
}

test('merge: new records only, each saying where it came from; the chain and the origins verify', () => {
  const theirs = locker(['1', '2', '3'], 'b');
  const { out, fresh } = apply(locker(['7', '8'], 'a'), theirs);
  assert.equal(fresh.length, 3);
  assert.equal(out.length, 6);
  assert.equal(out[2].kind, 'import');
  assert.deepEqual(out[2].chain, theirs.map((r) => r.hash));
  assert.equal(out[3].origin.hash, theirs[0].hash);
  assert.equal(out[3].parts.screenshot.file, 'screenshots/00003-1.png');
  assert.equal(out[3].origin.screenshot_file, theirs[0].parts.screenshot.file);
  assert.ok(wasm.verifyEvidenceChain(out).ok, JSON.stringify(wasm.verifyEvidenceChain(out)));
  // The same dossier again, and the merged locker's own export merged back: nothing new.
  assert.equal(newRecords(out, theirs).length, 0);
  assert.equal(newRecords(theirs, out).filter((r) => r.kind === 'capture').length, 2, 'only the two captures the origin lacked');
  assert.deepEqual(identities(out[3]), [out[3].hash, theirs[0].hash]);
});

test('merge: an edited merged record is named even when the local chain is re-sealed after it', () => {
  const { out } = apply(locker(['7'], 'a'), locker(['1', '2'], 'b'));
  const body = { ...out[3], tweet: { ...out[3].tweet, text: 'edited' } };
  delete body.hash;
  for (const k of ['schema', 'seq', 'prev_hash']) delete body[k];
  const resealed = [...out.slice(0, 3), wasm.sealEvidence(body, out[2])];
  const report = wasm.verifyEvidenceChain(resealed);
  assert.equal(report.ok, false);
  assert.equal(report.first_broken.seq, 3);
  assert.match(report.first_broken.reason, /edited after import/);
});
