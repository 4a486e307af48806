// complaint.pdf: lays out the letter's blocks (complaint.js) with pdf-lib — the "not legal advice"
// warning framed at the top and the end, fields to complete as lines, the deadline warnings in
// red boxes, and the chain's head hash on every page like the dossier.
import { complaintBlocks, LEGAL } from './complaint.js';
import { newLayout } from './pdf-layout.js';
import { REPORT } from './report-strings.js';

/** libs: {PDFLib, fontkit, fontBytes}. Resolves with {bytes, deadlines}. */
export async function buildComplaintPdf(libs, { model, chain, lang, createdAt }) {
  const W = LEGAL[lang] ?? LEGAL.en;
  const S = REPORT[lang] ?? REPORT.en;
  const { blocks, deadlines } = complaintBlocks({ model, lang, head: chain.head, now: createdAt });
  const L = await newLayout({ ...libs, title: `${W.title} — ${W.draft}`, head: chain.head, headLabel: S.head, footer: W.footer });
  const { rgb } = L;
  L.newPage();
  const line = (indent = 0) => {
    L.ensure(18);
    L.y -= 16;
    L.page.drawLine({ start: { x: L.left + indent, y: L.y }, end: { x: L.left + L.width, y: L.y }, thickness: 0.5, color: rgb(0.55, 0.55, 0.55) });
    L.y -= 2;
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'draft': L.text(b.text, { size: 13, color: rgb(0.72, 0.11, 0.11) }); L.space(4); break;
      case 'warn': L.box(b.text, { size: 9.5, fill: rgb(1, 0.97, 0.85), border: rgb(0.63, 0.38, 0.03) }); break;
      case 'past': L.box(b.text, { size: 9.5 }); break;
      case 'soon': L.box(b.text, { size: 9.5, fill: rgb(1, 0.95, 0.85), border: rgb(0.8, 0.4, 0) }); break;
      case 'title': L.space(10); L.text(b.text, { size: 16 }); L.space(6); break;
      case 'h': L.heading(b.text, 12); break;
      case 'p': L.text(b.text, { size: 10, gap: 3 }); L.space(5); break;
      case 'small': L.text(b.text, { size: 8.5, color: rgb(0.35, 0.38, 0.42), gap: 2 }); L.space(3); break;
      case 'person': L.space(4); L.text(b.text, { size: 10.5 }); break;
      case 'li': L.text(`• ${b.text}`, { size: 9.5, indent: 8, gap: 2.5 }); L.space(2); break;
      case 'quote': L.text(b.text, { size: 9, indent: 16, color: rgb(0.2, 0.2, 0.25) }); L.space(2); break;
      case 'field': {
        L.ensure(20);
        const w = L.widthOf(L.safe(b.text), 9.5) + 8;
        L.text(b.text, { size: 9.5, color: rgb(0.35, 0.38, 0.42) });
        L.y += 11.5;
        line(Math.min(w, L.width - 100));
        L.space(4);
        break;
      }
      case 'lines': for (let i = 0; i < Number(b.text); i++) line(); L.space(6); break;
      case 'page': L.newPage(); break;
      default: L.text(b.text);
    }
  }
  return { bytes: await L.finish(), deadlines };
}
