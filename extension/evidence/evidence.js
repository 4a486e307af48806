// Evidence locker page: reads the chain from IndexedDB (same extension origin as the background),
// renders the list, filters, people and chart, and runs verify, export and import.
import { verifyEvidenceChain, sha256Hex } from '../pkg/rempart.js';
import { api, t, localizePage } from '../shared/browser.js';
import * as db from '../shared/evidence-db.js';
import { loadEngine } from '../shared/wasm-load.js';
import { timeline } from './chart.js';
import { LEGAL, longDate } from './complaint.js';
import { pressDeadlines } from './deadlines.js';
import { exportDossier, exportPdf, importDossier } from './dossier.js';
import { mergeDossier } from './merge.js';
import { renderList } from './list.js';
import { setupScreenshots } from './screenshots.js';
import { derive, filter } from './model.js';
import { renderSuggestions } from './suggestions-view.js';
import { personTimeline } from './timeline.js';

const $ = (sel) => document.querySelector(sel);
const field = (name) => document.querySelector(`[name="${name}"]`);
let model = null;

function status(text, ok) {
  const s = $('#status');
  s.textContent = text;
  if (ok === undefined) delete s.dataset.ok;
  else s.dataset.ok = String(ok);
}

function options(select, entries) {
  const keep = select.value;
  const first = select.querySelector('option[value=""]');
  select.replaceChildren(...(first ? [first] : []), ...entries.map(([value, label]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }));
  select.value = entries.some(([v]) => v === keep) ? keep : '';
}

function renderPeople() {
  const list = $('#people');
  const persons = [...model.persons.values()].sort((a, b) => b.captures.length - a.captures.length);
  list.replaceChildren(...persons.map((p) => {
    const li = document.createElement('li');
    li.dataset.person = p.key;
    const tl = personTimeline(p);
    const when = tl.first ? t('locker_timeline', [String(tl.count), tl.first, tl.last, tl.handles.map((h) => `@${h} (${tl.perHandle[h]})`).join(' → ')]) : `${tl.handles.map((h) => `@${h}`).join(', ')} — ${t('locker_incidents', ['0'])}`;
    li.textContent = `${[...p.names].join(' | ')} — ${when}`;
    return li;
  }));
  const entries = persons.map((p) => [p.key, `@${p.key} (${p.captures.length})`]);
  options(field('person'), entries);
  options(field('link_to'), entries);
}

async function render() {
  const records = await db.allRecords();
  model = derive(records);
  renderPeople();
  await renderSuggestions($('#suggestions'), records, model, render);
  options(field('category'), model.categories.map((c) => [c, t(`cat_${c}`)]));
  const shown = filter(model, { person: field('person').value, category: field('category').value, from: field('from').value, to: field('to').value });
  $('#count').textContent = t('locker_count', [String(model.captures.length)]);
  $('#empty').hidden = model.captures.length > 0;
  $('#chart').replaceChildren(timeline(document, model, shown, { title: t('locker_chart'), others: t('locker_others') }));
  renderDeadlines();
  await renderList($('#list'), shown, model, render);
  // Captures are refused below the threshold: say so here too, where exporting is one click away.
  $('#space').hidden = (await db.spaceLeft()) >= db.MIN_FREE_BYTES;
  document.body.dataset.ready = 'true';
}

/** Saved public insults and defamation whose short limitation period is near or past. */
function renderDeadlines() {
  if (!model) return;
  const L = LEGAL[field('report_lang').value] ?? LEGAL.en;
  const d = (iso) => longDate(L, iso);
  const urgent = pressDeadlines(model.captures, new Date()).filter((x) => x.status !== 'open');
  const box = $('#deadlines');
  box.hidden = urgent.length === 0;
  box.querySelector('h2').textContent = L.deadlines;
  box.querySelector('ul').replaceChildren(...urgent.map((x) => {
    const li = document.createElement('li');
    li.dataset.status = x.status;
    li.dataset.seq = String(x.seq);
    const p = { ...x, published: d(x.published), lastDay: d(x.lastDay), simpleLastDay: x.simpleLastDay && d(x.simpleLastDay) };
    li.textContent = x.status === 'past' ? L.deadline_past(p) : L.deadline_soon(p);
    return li;
  }));
}

/** report.pdf or complaint.pdf alone, in the report's language. */
async function doPdf(which) {
  const bar = $('#progress');
  bar.hidden = false;
  bar.value = 0;
  for (const b of ['#export', '#export_pdf', '#export_complaint']) $(b).disabled = true;
  status(t('locker_exporting'));
  try {
    const res = await exportPdf(which, { lang: field('report_lang').value, progress: (f) => { bar.value = f; } });
    const link = $('#download_pdf');
    if (link.href) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([res.bytes], { type: 'application/pdf' }));
    link.download = res.name;
    link.dataset.which = which;
    link.textContent = res.name;
    link.hidden = false;
    link.click();
    status(t('locker_pdf_ready', [res.name, String(Math.round(res.bytes.length / 1024))]), true);
  } catch (e) {
    status(`${t('locker_export_failed')} ${e.message}`, false);
  } finally {
    bar.hidden = true;
    for (const b of ['#export', '#export_pdf', '#export_complaint']) $(b).disabled = false;
  }
}

/** The chain, then every stored screenshot against its record's hash. */
async function verify() {
  const records = await db.allRecords();
  const chain = verifyEvidenceChain(records);
  if (!chain.ok) return status(t('locker_verify_broken', [String(chain.first_broken.seq ?? chain.first_broken.index), chain.first_broken.reason]), false);
  for (const r of records) {
    const file = r.kind === 'capture' && r.parts?.screenshot?.file;
    if (!file) continue;
    const bytes = await db.shot(file);
    if (!bytes || sha256Hex(new Uint8Array(bytes)) !== r.parts.screenshot.sha256) {
      return status(t('locker_verify_broken', [String(r.seq), t('locker_screenshot_changed')]), false);
    }
  }
  return status(t('locker_verify_ok', [String(records.length)]), true);
}

async function doExport() {
  const bar = $('#progress');
  bar.hidden = false;
  bar.value = 0;
  $('#export').disabled = true;
  status(t('locker_exporting'));
  try {
    const res = await exportDossier({ lang: field('report_lang').value, progress: (f) => { bar.value = f; } });
    const link = $('#download');
    if (link.href) URL.revokeObjectURL(link.href);
    // A Blob URL and <a download>: no "downloads" permission needed. Kept for "download again".
    link.href = URL.createObjectURL(new Blob([res.bytes], { type: 'application/zip' }));
    link.download = res.name;
    link.hidden = false;
    link.click();
    const said = t('locker_exported', [res.name, String(res.records), String(Math.round(res.bytes.length / 1024))]);
    status(res.pdfError ? `${said} — ${t('locker_export_failed')} PDF: ${res.pdfError}` : said, res.chain.ok);
  } catch (e) {
    status(`${t('locker_export_failed')} ${e.message}`, false);
  } finally {
    bar.hidden = true;
    $('#export').disabled = false;
  }
}

async function doImport(file) {
  status(t('locker_importing'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const res = await importDossier(bytes);
  // A locker that already has records: merged (verified first, no duplicates, origins kept).
  const merged = !res.ok && res.error === 'not-empty' ? await mergeDossier(bytes, file.name) : null;
  if (merged?.ok) status(merged.records ? t('locker_merged', [String(merged.records), String(merged.skipped)]) : t('locker_merge_nothing', [String(merged.total)]), true);
  else if (merged) status(t('locker_import_refused', [merged.error]), false);
  else if (res.ok) status(t('locker_imported', [String(res.records)]), true);
  else status(t('locker_import_refused', [res.error]), false);
  field('import').value = '';
  await render();
}

async function link(e) {
  e.preventDefault();
  const handle = field('link_handle').value.trim().replace(/^@/, '').toLowerCase();
  const to = field('link_to').value;
  if (!/^[a-z0-9_]{1,20}$/.test(handle) || !to) return;
  await db.append(() => [{ record: { kind: 'link', handle, to, at: new Date().toISOString() } }]);
  field('link_handle').value = '';
  await render();
}

async function main() {
  localizePage();
  field('report_lang').value = api.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
  await loadEngine();
  $('#verify').addEventListener('click', () => verify().catch((e) => status(e.message, false)));
  $('#export').addEventListener('click', doExport);
  $('#export_pdf').addEventListener('click', () => doPdf('report'));
  $('#export_complaint').addEventListener('click', () => doPdf('complaint'));
  field('report_lang').addEventListener('change', renderDeadlines);
  field('import').addEventListener('change', () => field('import').files[0] && doImport(field('import').files[0]));
  $('#link').addEventListener('submit', link);
  for (const n of ['person', 'category', 'from', 'to']) field(n).addEventListener('change', render);
  await setupScreenshots($('#screenshots'), $('#allow-screenshots'), () => {});
  await render();
}

main().catch((e) => status(String(e?.message ?? e), false));
