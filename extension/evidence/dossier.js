// The dossier ZIP: export (report.html, evidence.json, evidence.csv, screenshots, manifest.json,
// SHA256SUMS, the layout `rempart verify` checks) and import (verified with the same checks before
// anything is stored). Hashing and the manifest come from the wasm engine, the ZIP from fflate.
import { zipSync, unzipSync } from '../vendor/fflate.js';
import { dossierManifest, dossierSums, verifyDossier, verifyEvidenceChain } from '../pkg/rempart.js';
import * as db from '../shared/evidence-db.js';
import { derive } from './model.js';
import { buildReport } from './report.js';

const enc = new TextEncoder();
const CSV_COLUMNS = ['seq', 'kind', 'captured_at', 'captured_at_local', 'tweet_time', 'status_id', 'url', 'author_handle', 'author_name',
  'author_id', 'text', 'quote_text', 'categories', 'action', 'note', 'screenshot', 'screenshot_sha256', 'record_sha256', 'prev_hash'];

// Cells starting with = + - @ are prefixed with ' so that a spreadsheet never runs them as formulas.
const cell = (v) => {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function csv(records) {
  const rows = records.map((r) => [r.seq, r.kind, r.captured_at ?? r.at, r.captured_at_local, r.tweet?.time, r.tweet?.status_id, r.tweet?.url,
    r.tweet?.author_handle, r.tweet?.author_name, r.tweet?.author_id, r.tweet?.text, r.tweet?.quote?.text,
    (r.verdict?.categories ?? []).join(' '), r.verdict?.action, r.note, r.parts?.screenshot?.file, r.parts?.screenshot?.sha256, r.hash, r.prev_hash]);
  return `\ufeff${[CSV_COLUMNS, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Builds the dossier; progress(fraction) is called along the way. Resolves with {bytes, name, records}. */
export async function exportDossier({ lang, progress = () => {} }) {
  const records = await db.allRecords();
  const model = derive(records);
  const chain = verifyEvidenceChain(records);
  const files = new Map();
  const shots = new Map();
  const withShot = model.captures.filter((c) => c.parts?.screenshot?.file);
  for (let i = 0; i < withShot.length; i++) {
    const file = withShot[i].parts.screenshot.file;
    const bytes = await db.shot(file);
    if (bytes) { shots.set(file, new Uint8Array(bytes)); files.set(file, shots.get(file)); }
    if (i % 25 === 0) { progress(0.5 * (i / withShot.length)); await tick(); }
  }
  const createdAt = new Date().toISOString();
  files.set('evidence.json', enc.encode(`${JSON.stringify(records, null, 1)}\n`));
  files.set('evidence.csv', enc.encode(csv(records)));
  progress(0.55); await tick();
  files.set('report.html', enc.encode(buildReport({ records, model, shots, chain, lang, createdAt })));
  progress(0.7); await tick();
  files.set('manifest.json', enc.encode(dossierManifest(records, createdAt)));
  files.set('SHA256SUMS', enc.encode(dossierSums([...files.keys()], [...files.values()])));
  progress(0.8); await tick();
  const MTIME = new Date(createdAt);
  // PNGs are already compressed: stored as is, which keeps large exports fast.
  const entries = Object.fromEntries([...files].map(([k, v]) => [k, [v, { level: k.endsWith('.png') ? 0 : 6, mtime: MTIME }]]));
  const bytes = zipSync(entries);
  progress(1);
  return { bytes, name: `rempart-dossier-${createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.zip`, records: records.length, chain };
}

/** Checks an exported ZIP like `rempart verify` does, then restores it into an empty locker. */
export async function importDossier(zipBytes) {
  let files;
  try { files = unzipSync(zipBytes); } catch (e) { return { ok: false, error: `zip: ${e.message}` }; }
  const names = Object.keys(files);
  const report = verifyDossier(names, names.map((n) => files[n]));
  if (!report.ok) return report;
  const records = JSON.parse(new TextDecoder().decode(files['evidence.json']));
  const shots = names.filter((n) => n.startsWith('screenshots/')).map((n) => [n, files[n]]);
  try {
    await db.restore(records, shots);
  } catch {
    return { ok: false, error: 'not-empty' };
  }
  return report;
}
