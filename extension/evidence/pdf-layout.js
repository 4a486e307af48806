// A small page layout on pdf-lib for the PDF dossier and the complaint letter: A4 pages, the
// chain's head hash in the header and page numbers in the footer of every page, wrapped Unicode
// text in the embedded font, headings, label/value rows, warning boxes and images. A character
// the font lacks (emoji, some scripts) is drawn as □ and counted: the exact text stays in
// evidence.json and report.html, so the PDF never fails on a glyph.

import { encodeWithoutShaping } from './pdf-glyphs.js';

const PAGE = [595.28, 841.89];
const M = { l: 42, r: 42, t: 64, b: 48 };
const WIDTH = PAGE[0] - M.l - M.r;
const MISSING = '\u25A1';
// Invisible formatting (zero-width joiners, variation selectors, bidi marks): dropped, not boxed.
const INVISIBLE = /[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const CONTROL = /[\p{Cc}]/gu;
// Right-to-left letters (Hebrew, Arabic and their presentation forms), with spaces inside a run.
const RTL = '\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF';
const RTL_RUN = new RegExp(`([${RTL}](?:[ ${RTL}]*[${RTL}])?)`, 'u');

export async function newLayout({ PDFLib, fontkit, fontBytes, title, head, headLabel, footer }) {
  const { PDFDocument, StandardFonts, rgb } = PDFLib;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  encodeWithoutShaping(PDFLib, font);
  const mono = await doc.embedFont(StandardFonts.Courier);
  const glyphs = new Set(font.getCharacterSet());
  // Widths from per-character advances, cached: pdf-lib measures by shaping the whole string
  // each time, which made wrapping thousands of captures take minutes. Kerning is left out,
  // hence the small margin below.
  const face = fontkit.create(fontBytes);
  const advance = new Map();
  const widthOf = (s, size, f = font) => {
    if (f === mono) return s.length * 0.6 * size;
    let w = 0;
    for (const ch of s) {
      let a = advance.get(ch);
      if (a === undefined) { a = face.glyphForCodePoint(ch.codePointAt(0)).advanceWidth / face.unitsPerEm; advance.set(ch, a); }
      w += a;
    }
    return w * size;
  };
  const pageFont = new WeakMap();
  const gray = rgb(0.35, 0.38, 0.42);
  const black = rgb(0.07, 0.07, 0.07);
  const L = { doc, font, mono, rgb, width: WIDTH, left: M.l, substituted: 0, page: null, y: 0, widthOf };
  doc.setTitle(title);
  doc.setProducer('Rempart');
  doc.setCreator('Rempart');

  /** Text the fonts can draw: the exact string where possible, □ for each missing glyph. */
  L.safe = (text, f = font) => {
    const s = String(text ?? '').normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '')
      .replace(CONTROL, (c) => (c === '\n' ? c : ' '));
    let out = '';
    for (const ch of s) {
      const ok = f === mono ? ch.codePointAt(0) < 0x7f : (ch === '\n' || ch === ' ' || glyphs.has(ch.codePointAt(0)));
      if (!ok) L.substituted++;
      out += ok ? ch : (f === mono ? '?' : MISSING);
    }
    return out;
  };

  /** Breaks text into lines no wider than maxW (words first, then characters for long tokens). */
  L.wrap = (text, size, maxW0 = WIDTH, f = font) => {
    const maxW = maxW0 * 0.985;
    const lines = [];
    for (const para of L.safe(text, f).split('\n')) {
      let line = '';
      for (const word of para.split(/(?<= )/)) {
        if (widthOf(line + word, size, f) <= maxW) { line += word; continue; }
        if (line) lines.push(line.trimEnd());
        line = '';
        for (const ch of word) {
          if (line && widthOf(line + ch, size, f) > maxW) { lines.push(line); line = ''; }
          line += ch;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  };

  /** Draws one line: fontkit lays a whole string out in the direction of its first script, so
   *  right-to-left words are drawn as runs of their own (shaped and reversed by fontkit) within
   *  the left-to-right line; a Latin handle next to an Arabic name stays readable. */
  L.draw = (page, line, { x, y, size, f = font, color = black }) => {
    // The page's font is set once: pdf-lib's drawText given a font adds two entries to the page's
    // font resources on every call (set, then restore), each under a fresh random name checked
    // against all the others — quadratic in the lines of a page.
    if (pageFont.get(page) !== f) { page.setFont(f); pageFont.set(page, f); }
    if (f === mono || !RTL_RUN.test(line)) { page.drawText(line, { x, y, size, color }); return; }
    for (const run of line.split(RTL_RUN)) {
      if (!run) continue;
      page.drawText(run, { x, y, size, color });
      x += widthOf(run, size, f);
    }
  };

  L.newPage = () => {
    L.page = doc.addPage(PAGE);
    L.y = PAGE[1] - M.t;
  };
  L.ensure = (h) => { if (!L.page || L.y - h < M.b) L.newPage(); };
  L.space = (h) => { L.y -= h; };

  L.text = (text, { size = 10, color = black, indent = 0, f = font, gap = 2 } = {}) => {
    for (const line of L.wrap(text, size, WIDTH - indent, f)) {
      L.ensure(size + gap);
      L.y -= size;
      if (line) L.draw(L.page, line, { x: M.l + indent, y: L.y, size, f, color });
      L.y -= gap;
    }
  };
  L.heading = (text, size = 14) => {
    L.ensure(size * 3 + 30);
    L.space(size * 0.6);
    L.text(text, { size, color: rgb(0.1, 0.15, 0.35) });
    L.space(3);
  };
  /** Label/value rows; values in `mono` when asked (hashes). */
  L.rows = (pairs, { size = 9, labelW = 120, monoValues = [] } = {}) => {
    for (const [k, v] of pairs) {
      const f = monoValues.includes(k) ? mono : font;
      const vs = L.wrap(v ?? (f === mono ? '-' : '—'), size, WIDTH - labelW, f);
      const ks = L.wrap(k, size, labelW - 6);
      for (let i = 0; i < Math.max(vs.length, ks.length); i++) {
        L.ensure(size + 2);
        L.y -= size;
        if (ks[i]) L.draw(L.page, ks[i], { x: M.l, y: L.y, size, color: gray });
        if (vs[i]) L.draw(L.page, vs[i], { x: M.l + labelW, y: L.y, size, f });
        L.y -= 2;
      }
    }
  };
  /** A framed block (warnings): kept on one page when it fits. */
  L.box = (text, { size = 10, fill = rgb(1, 0.93, 0.9), border = rgb(0.72, 0.11, 0.11), color = black } = {}) => {
    const lines = L.wrap(text, size, WIDTH - 16);
    const h = lines.length * (size + 2) + 12;
    L.ensure(Math.min(h, 300));
    const top = L.y;
    if (h <= top - M.b) L.page.drawRectangle({ x: M.l, y: top - h, width: WIDTH, height: h, color: fill, borderColor: border, borderWidth: 1 });
    L.y -= 6;
    for (const line of lines) {
      L.ensure(size + 2);
      L.y -= size;
      L.draw(L.page, line, { x: M.l + 8, y: L.y, size, color });
      L.y -= 2;
    }
    L.y -= 10;
  };
  /** A PNG scaled to the text width and at most maxH points high. */
  L.image = async (png, { maxH = 330 } = {}) => {
    const img = await doc.embedPng(png);
    const scale = Math.min(WIDTH / img.width, maxH / img.height, 1);
    const w = img.width * scale;
    const h = img.height * scale;
    L.ensure(h + 6);
    L.y -= h;
    L.page.drawImage(img, { x: M.l, y: L.y, width: w, height: h });
    L.page.drawRectangle({ x: M.l, y: L.y, width: w, height: h, borderColor: rgb(0.8, 0.8, 0.8), borderWidth: 0.5 });
    L.y -= 6;
  };
  L.rule = () => {
    L.ensure(8);
    L.y -= 4;
    L.page.drawLine({ start: { x: M.l, y: L.y }, end: { x: M.l + WIDTH, y: L.y }, thickness: 0.5, color: rgb(0.75, 0.75, 0.75) });
    L.y -= 4;
  };

  /** Header and footer on every page, then the bytes. */
  L.finish = async () => {
    const pages = doc.getPages();
    pages.forEach((p, i) => {
      L.draw(p, L.wrap(title, 8)[0] ?? '', { x: M.l, y: PAGE[1] - 26, size: 8, color: gray });
      L.draw(p, `${L.safe(headLabel)}:`, { x: M.l, y: PAGE[1] - 38, size: 7, color: gray });
      L.draw(p, L.safe(head ?? '-', mono), { x: M.l + 4 + widthOf(`${L.safe(headLabel)}:`, 7), y: PAGE[1] - 38, size: 7, f: mono, color: black });
      p.drawLine({ start: { x: M.l, y: PAGE[1] - 44 }, end: { x: M.l + WIDTH, y: PAGE[1] - 44 }, thickness: 0.5, color: gray });
      const foot = L.safe(`${footer} — ${i + 1} / ${pages.length}`);
      L.draw(p, foot, { x: M.l, y: 26, size: 8, color: gray });
    });
    return doc.save();
  };
  return L;
}
