// Evidence sealing and dossier checks through the wasm build, as the extension calls them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });
const enc = new TextEncoder();

function chain(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const text = `<script>alert(${i})</script> t'es mort`;
    const record = { kind: 'capture', tweet: { status_id: `${1000 + i}`, text }, verdict: { score_bp: 9100 },
      parts: { text: { sha256: wasm.sha256Hex(enc.encode(text)) } } };
    records.push(wasm.sealEvidence(record, records.at(-1) ?? null));
  }
  return records;
}

test('records sealed in wasm form a chain that verifies, and edits are named', () => {
  const records = chain(3);
  assert.deepEqual(records.map((r) => r.seq), [0, 1, 2]);
  assert.equal(records[1].prev_hash, records[0].hash);
  assert.equal(wasm.verifyEvidenceChain(records).ok, true);
  records[1].tweet.text = 'edited';
  const report = wasm.verifyEvidenceChain(records);
  assert.equal(report.ok, false);
  assert.equal(report.first_broken.seq, 1);
});

test('floats are refused with a clear error', () => {
  assert.throws(() => wasm.sealEvidence({ verdict: { score: 0.5 } }, null), /verdict\.score/);
});

test('a dossier assembled with the wasm helpers verifies; a changed byte does not', () => {
  const records = chain(2);
  const files = new Map([['evidence.json', enc.encode(JSON.stringify(records))], ['report.html', enc.encode('<!doctype html>')]]);
  files.set('manifest.json', enc.encode(wasm.dossierManifest(records, new Date().toISOString())));
  files.set('SHA256SUMS', enc.encode(wasm.dossierSums([...files.keys()], [...files.values()])));
  assert.equal(wasm.verifyDossier([...files.keys()], [...files.values()]).ok, true);
  files.get('report.html')[0] ^= 1;
  const report = wasm.verifyDossier([...files.keys()], [...files.values()]);
  assert.equal(report.ok, false);
  assert.match(report.error, /report\.html/);
});

test('SHA-256 matches the standard test vector', () => {
  assert.equal(wasm.sha256Hex(enc.encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
