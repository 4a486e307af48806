// report.pdf: the dossier as one printable PDF (pdf-lib): summary and how to verify, the timeline
// chart per person, the people, the press-law deadlines, then every capture with its screenshot,
// text, URLs, times and hashes; the chain's head hash is printed on every page.
import { timelineData } from './chart.js';
import { pressDeadlines } from './deadlines.js';
import { LEGAL, rank } from './complaint.js';
import { dayOf } from './model.js';
import { newLayout } from './pdf-layout.js';
import { originRows } from './report-origin.js';
import { REPORT } from './report-strings.js';

// Embedding a PNG costs ~50 ms in pdf-lib (decode, split alpha, deflate): past this many, the
// most serious captures keep their screenshot in the PDF and the others point to the ZIP's file.
export const MAX_PDF_SCREENSHOTS = 1000;

/** The captures with a screenshot, most serious first: the first MAX_PDF_SCREENSHOTS of them
 *  that can be read are the ones embedded (the locker reads no others for report.pdf alone). */
export function screenshotOrder(captures) {
  return captures.filter((c) => c.parts?.screenshot?.file).sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
}

/** A turn of the event loop that, unlike setTimeout, a hidden tab does not throttle to one a
 *  second (which made a dossier built while the user looked at another tab take many minutes). */
export const yieldToPage = () => new Promise((resolve) => {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => { port1.close(); resolve(); };
  port2.postMessage(null);
});

const MORE = {
  fr: {
    verify_title: 'Comment vérifier ce dossier',
    verify: [
      'Ce PDF fait partie du dossier ZIP exporté par Rempart. Le dossier de référence est evidence.json (les enregistrements) avec les captures d\'écran ; ce PDF et report.html en sont des versions lisibles.',
      '1. Décompresser le ZIP et lancer « sha256sum -c SHA256SUMS » : chaque fichier (ce PDF compris) doit être « OK ».',
      '2. Ou lancer « rempart verify dossier.zip » (outil libre Rempart) : il vérifie aussi la chaîne — chaque enregistrement contient l\'empreinte SHA-256 du précédent — et l\'empreinte de chaque capture d\'écran et de chaque texte.',
      '3. L\'empreinte de tête imprimée en haut de chaque page doit être égale à « head » dans manifest.json : elle résume toute la chaîne ; un enregistrement modifié, ajouté ou retiré la change.',
    ],
    substituted: (n) => `${n} caractère${n > 1 ? 's' : ''} (emoji, écritures que la police du PDF n'a pas) ${n > 1 ? 'sont remplacés' : 'est remplacé'} par □ dans ce PDF ; le texte exact est dans evidence.json et report.html.`,
    deadlines: 'Délais de prescription (injure, diffamation)', none_close: 'Aucun délai proche.', categories_count: 'Par catégorie',
    capped: (n, max) => `Ce dossier compte ${n} captures : les captures d'écran des ${max} plus graves (menaces, divulgations, attaques identitaires d'abord) sont dans ce PDF ; toutes sont dans le ZIP (dossier screenshots/), avec leur empreinte ci-dessous.`,
    in_zip: (file) => `Capture d'écran dans le ZIP : ${file}`,
  },
  en: {
    verify_title: 'How to verify this dossier',
    verify: [
      'This PDF is part of the ZIP dossier exported by Rempart. The record of reference is evidence.json (the records) with the screenshots; this PDF and report.html are readable versions of it.',
      '1. Unzip the dossier and run "sha256sum -c SHA256SUMS": every file (this PDF included) must be "OK".',
      '2. Or run "rempart verify dossier.zip" (the free Rempart tool): it also checks the chain — each record holds the SHA-256 of the previous one — and the hash of every screenshot and text.',
      '3. The head hash printed at the top of every page must equal "head" in manifest.json: it sums up the whole chain; a changed, added or removed record changes it.',
    ],
    substituted: (n) => `${n} character${n > 1 ? 's' : ''} (emoji, scripts the PDF font lacks) ${n > 1 ? 'are' : 'is'} drawn as □ in this PDF; the exact text is in evidence.json and report.html.`,
    deadlines: 'Limitation deadlines (insult, defamation)', none_close: 'No deadline is close.', categories_count: 'Per category',
    capped: (n, max) => `This dossier has ${n} captures: the screenshots of the ${max} most serious (threats, doxxing, identity attacks first) are in this PDF; all are in the ZIP (screenshots/ folder), with their hash below.`,
    in_zip: (file) => `Screenshot in the ZIP: ${file}`,
  },
};

function chart(L, model, caps, S) {
  const { cols, counts, keys, grid, max, others, colors } = timelineData(model, caps);
  const H = 150;
  L.ensure(H + 60);
  const x0 = L.left + 24;
  const w = L.width - 24;
  const base = L.y - H;
  const bw = cols.length ? w / cols.length : w;
  const hex = (c) => L.rgb(parseInt(c.slice(1, 3), 16) / 255, parseInt(c.slice(3, 5), 16) / 255, parseInt(c.slice(5, 7), 16) / 255);
  L.page.drawLine({ start: { x: x0, y: base }, end: { x: x0 + w, y: base }, thickness: 0.7, color: L.rgb(0.4, 0.45, 0.5) });
  L.page.drawText(String(max), { x: L.left, y: base + H - 8, size: 8, font: L.font });
  L.page.drawText('0', { x: L.left, y: base, size: 8, font: L.font });
  const every = Math.ceil(cols.length / 8);
  cols.forEach((d, i) => {
    let y = base;
    keys.forEach((k, ki) => {
      const n = grid.get(d).get(k) ?? 0;
      if (!n) return;
      const h = (n / max) * (H - 10);
      L.page.drawRectangle({ x: x0 + i * bw + bw * 0.1, y, width: Math.max(0.6, bw * 0.8), height: h, color: hex(colors[ki]) });
      y += h;
    });
    if (i % every === 0) L.page.drawText(d.slice(5), { x: x0 + i * bw, y: base - 11, size: 7, font: L.font });
  });
  L.y = base - 24;
  keys.forEach((k, i) => {
    if (k === '' && !others) return;
    if (i % 3 === 0) L.ensure(14);
    const x = L.left + (i % 3) * 175;
    L.page.drawRectangle({ x, y: L.y - 9, width: 9, height: 9, color: hex(colors[i]) });
    L.draw(L.page, L.wrap(k ? `@${k} (${counts.get(k)})` : S.others, 8, 160)[0] ?? '', { x: x + 13, y: L.y - 8, size: 8 });
    if (i % 3 === 2) L.y -= 13;
  });
  L.y -= 20;
}

/** libs: {PDFLib, fontkit, fontBytes}; the rest as buildReport's. Resolves with the PDF bytes. */
export async function buildReportPdf(libs, { records, model, shots, chain, lang, createdAt, progress = () => {}, maxScreenshots = MAX_PDF_SCREENSHOTS }) {
  const S = REPORT[lang] ?? REPORT.en;
  const X = MORE[lang] ?? MORE.en;
  const caps = [...model.captures].sort((a, b) => a.seq - b.seq);
  const L = await newLayout({ ...libs, title: S.title, head: chain.head, headLabel: S.head, footer: `Rempart — ${S.generated} ${createdAt}` });
  L.newPage();
  L.text(S.title, { size: 18 });
  L.space(6);
  const days = caps.map(dayOf).sort();
  L.rows([[S.generated, createdAt], [S.period, days.length ? `${days[0]} → ${days.at(-1)}` : S.none], [S.incidents, String(caps.length)],
    [S.authors, String(model.persons.size)], [S.chain, chain.ok ? S.chain_ok : `${S.chain_bad}: ${chain.first_broken?.reason ?? ''}`],
    [S.head, chain.head ?? S.none]], { monoValues: [S.head] });
  const substitutedAt = L.page;
  const substitutedY = L.y - 4;
  L.space(20);
  L.heading(X.verify_title);
  for (const p of X.verify) L.text(p, { size: 9.5, gap: 3 });
  L.heading(S.chart);
  chart(L, model, caps, S);

  L.heading(S.by_author);
  const cats = LEGAL[lang]?.category ?? LEGAL.en.category;
  for (const p of [...model.persons.values()].sort((x, y) => y.captures.length - x.captures.length)) {
    const pd = p.captures.map(dayOf).sort();
    const byCat = new Map();
    for (const c of p.captures) for (const k of c.verdict?.categories?.length ? c.verdict.categories : ['none']) byCat.set(k, (byCat.get(k) ?? 0) + 1);
    L.ensure(90);
    L.text(`@${p.key} — ${p.captures.length}`, { size: 11 });
    L.rows([[S.handles, [...p.handles].map((x) => `@${x}`).join(', ')], [S.names, [...p.names].join(' | ')], [S.first, pd[0]], [S.last, pd.at(-1)],
      [X.categories_count, [...byCat].map(([k, n]) => `${cats[k] ?? k}: ${n}`).join(' · ')], [S.seq, p.captures.map((c) => `#${c.seq}`).join(', ')]]);
    L.space(6);
  }

  const deadlines = pressDeadlines(caps, createdAt).filter((d) => d.status !== 'open');
  const W = LEGAL[lang] ?? LEGAL.en;
  L.heading(X.deadlines);
  if (!deadlines.length) L.text(X.none_close, { size: 9.5 });
  for (const d of deadlines) L.box(d.status === 'past' ? W.deadline_past(d) : W.deadline_soon(d), { size: 9 });

  L.heading(S.details);
  const ranked = screenshotOrder(caps);
  const shown = new Set(ranked.filter((c) => shots.has(c.parts.screenshot.file)).slice(0, maxScreenshots).map((c) => c.seq));
  if (ranked.length > maxScreenshots) L.box(X.capped(caps.length, maxScreenshots), { size: 9 });
  let yielded = performance.now();
  for (let i = 0; i < caps.length; i++) {
    const c = caps[i];
    const tw = c.tweet ?? {};
    L.ensure(120);
    L.rule();
    L.text(`#${c.seq} — ${tw.author_name ?? ''} @${tw.author_handle ?? '?'}`, { size: 12 });
    L.text(tw.text ?? '', { size: 10.5, gap: 3 });
    L.space(4);
    const rows = [[S.url, tw.url], [S.tweet_time, tw.time], [S.captured, `${c.captured_at} / ${c.captured_at_local ?? ''}`], [S.page, c.page_url],
      [S.categories, (c.verdict?.categories ?? []).map((k) => cats[k] ?? k).join(', ') || c.verdict?.action], [S.status_id, tw.status_id], [S.author_id, tw.author_id]];
    if (tw.quote) rows.push([S.quote, `@${tw.quote.author_handle ?? '?'}: ${tw.quote.text}`]);
    if (tw.reply_to) rows.push([S.reply, `${(tw.reply_to.handles ?? []).map((x) => `@${x}`).join(' ')}${tw.reply_to.tweet ? ` — ${tw.reply_to.tweet.text}` : ''}`]);
    const notes = [...(c.note ? [{ note: c.note, at: c.captured_at }] : []), ...(model.notes.get(c.hash) ?? [])];
    if (notes.length) rows.push([S.note, notes.map((n) => `${n.at}: ${n.note}`).join('\n')]);
    if (c.recapture_of) rows.push([S.recapture, c.recapture_of]);
    rows.push(...originRows(c, model, lang));
    L.rows(rows);
    const file = c.parts?.screenshot?.file;
    if (file && shown.has(c.seq)) {
      L.space(4);
      await L.image(shots.get(file));
    } else if (file) L.text(X.in_zip(file), { size: 8.5 });
    L.rows([[S.record_hash, c.hash], [S.shot_hash, c.parts?.screenshot?.sha256], [S.text_hash, c.parts?.text?.sha256], [S.html_hash, c.parts?.html?.sha256 ?? '-']],
      { size: 7.5, monoValues: [S.record_hash, S.shot_hash, S.text_hash, S.html_hash] });
    // Let the locker repaint its progress bar on long dossiers, about ten times a second.
    if (performance.now() - yielded > 100) { progress(i / caps.length); await yieldToPage(); yielded = performance.now(); }
  }
  const deletions = records.filter((r) => r.kind === 'deletion');
  if (deletions.length) {
    L.heading(S.deleted);
    for (const d of deletions) L.text(`#${d.seq} ${d.at}: #${d.deleted_seq} ${d.deletes}`, { size: 8 });
  }
  // Said on the first page once the whole text is known.
  if (L.substituted) {
    L.wrap(X.substituted(L.substituted), 7.5).slice(0, 2).forEach((line, j) => L.draw(substitutedAt, line, { x: L.left, y: substitutedY - 8 - 9 * j, size: 7.5, color: L.rgb(0.5, 0.2, 0.1) }));
  }
  return L.finish();
}
