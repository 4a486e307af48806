// The dossier ZIP: export (report.html, report.pdf, complaint.pdf, evidence.json, evidence.csv,
// screenshots, manifest.json naming the PDFs, SHA256SUMS: the layout `rempart verify` checks) and
// import (verified with the same checks before anything is stored). Hashing and the manifest come from the wasm engine, the ZIP from fflate.
import { zipSync, unzipSync } from '../vendor/fflate.js';
import { dossierManifestWithDocuments, dossierSums, verifyDossier, verifyEvidenceChain } from '../pkg/rempart.js';
import * as db from '../shared/evidence-db.js';
import { derive } from './model.js';
import { buildComplaintPdf } from './pdf-complaint.js';
import { pdfLibs } from './pdf-libs.js';
import { MAX_PDF_SCREENSHOTS, buildReportPdf, screenshotOrder, yieldToPage } from './pdf-report.js';
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

const tick = yieldToPage;

/** The screenshots of `withShot` in that order, stopping once `limit` could be read. */
async function screenshots(withShot, progress, limit = Infinity) {
  const shots = new Map();
  for (let i = 0; i < withShot.length && shots.size < limit; i++) {
    const file = withShot[i].parts.screenshot.file;
    const bytes = await db.shot(file);
    if (bytes) shots.set(file, new Uint8Array(bytes));
    if (i % 25 === 0) { progress(i / Math.min(withShot.length, limit)); await tick(); }
  }
  return shots;
}

const stamp = (createdAt) => createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** One PDF alone ('report' or 'complaint'), for the locker's download buttons: {bytes, name, deadlines?}. */
export async function exportPdf(which, { lang, progress = () => {} }) {
  const records = await db.allRecords();
  const model = derive(records);
  const chain = verifyEvidenceChain(records);
  const createdAt = new Date().toISOString();
  const libs = await pdfLibs();
  if (which === 'complaint') {
    const { bytes, deadlines } = await buildComplaintPdf(libs, { model, chain, lang, createdAt });
    return { bytes, deadlines, name: `rempart-${lang === 'fr' ? 'plainte' : 'complaint'}-${stamp(createdAt)}.pdf` };
  }
  // Only the screenshots the PDF embeds: with 10,000 captures, reading them all held ~200 MB.
  const shots = await screenshots(screenshotOrder(model.captures), (f) => progress(0.4 * f), MAX_PDF_SCREENSHOTS);
  const bytes = await buildReportPdf(libs, { records, model, shots, chain, lang, createdAt, progress: (f) => progress(0.4 + 0.6 * f) });
  return { bytes, name: `rempart-dossier-${stamp(createdAt)}.pdf` };
}

/** Builds the dossier; progress(fraction) is called along the way. Resolves with {bytes, name, records, chain, pdfError}. */
export async function exportDossier({ lang, progress = () => {} }) {
  const records = await db.allRecords();
  const model = derive(records);
  const chain = verifyEvidenceChain(records);
  const files = new Map();
  const shots = await screenshots(model.captures.filter((c) => c.parts?.screenshot?.file), (f) => progress(0.3 * f));
  for (const [file, bytes] of shots) files.set(file, bytes);
  const createdAt = new Date().toISOString();
  files.set('evidence.json', enc.encode(`${JSON.stringify(records, null, 1)}\n`));
  files.set('evidence.csv', enc.encode(csv(records)));
  progress(0.35); await tick();
  files.set('report.html', enc.encode(buildReport({ records, model, shots, chain, lang, createdAt })));
  progress(0.4); await tick();
  const docs = new Map();
  let pdfError = null;
  try {
    const libs = await pdfLibs();
    docs.set('report.pdf', await buildReportPdf(libs, { records, model, shots, chain, lang, createdAt, progress: (f) => progress(0.4 + 0.45 * f) }));
    docs.set('complaint.pdf', (await buildComplaintPdf(libs, { model, chain, lang, createdAt })).bytes);
  } catch (e) {
    // A PDF that cannot be made must not cost the user the dossier: it is exported without them
    // (the manifest then names no documents, which verifies), and the locker says why.
    pdfError = String(e?.message ?? e);
    docs.clear();
  }
  for (const [k, v] of docs) files.set(k, v);
  progress(0.9); await tick();
  files.set('manifest.json', enc.encode(dossierManifestWithDocuments(records, createdAt, [...docs.keys()], [...docs.values()])));
  files.set('SHA256SUMS', enc.encode(dossierSums([...files.keys()], [...files.values()])));
  progress(0.95); await tick();
  const MTIME = new Date(createdAt);
  // PNGs are already compressed: stored as is, which keeps large exports fast.
  const entries = Object.fromEntries([...files].map(([k, v]) => [k, [v, { level: k.endsWith('.png') ? 0 : 6, mtime: MTIME }]]));
  const bytes = zipSync(entries);
  progress(1);
  return { bytes, name: `rempart-dossier-${stamp(createdAt)}.zip`, records: records.length, chain, pdfError };
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
