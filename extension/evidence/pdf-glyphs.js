// Faster text for the PDF kit: pdf-lib encodes each drawn line by running fontkit's full OpenType
// shaper over it (about 60% of report.pdf's time on 10,000 captures). Lines in scripts that need
// no shaping (Latin, Greek, Cyrillic, punctuation, symbols, emoji) are encoded glyph by glyph from the
// font's character map instead, with the same subset bookkeeping pdf-lib does; other lines
// (Arabic, Hebrew, Indic, combining marks…) still go through the shaper. The only visible
// difference is that f-ligatures are not formed: the characters are drawn as typed.

/** Code points whose glyph never depends on its neighbours in DejaVu Sans (checked against
 *  fontkit's layout in tests/unit/pdf-glyphs.test.mjs), ligatures aside. */
export function needsNoShaping(cp) {
  if ((cp >= 0x0300 && cp < 0x0370) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x20d0 && cp <= 0x20ff)) return false; // combining marks
  if (cp === 0x00ad || (cp >= 0x02e5 && cp <= 0x02e9)) return false; // soft hyphen, tone letters (they join)
  return cp < 0x0530 || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) || (cp >= 0x20a0 && cp <= 0x2bff)
    || (cp >= 0x1f000 && cp <= 0x1faff);
}

/** Makes `font` (a pdf-lib PDFFont embedded from a custom font with subsetting) encode unshaped
 *  lines glyph by glyph. Returns false, and changes nothing, if this pdf-lib's font embedder does
 *  not have the shape this was written for (pdf-lib 1.17): everything then stays on the shaper. */
export function encodeWithoutShaping(PDFLib, font) {
  const embedder = font?.embedder;
  const ok = embedder && typeof embedder.encodeText === 'function' && typeof embedder.font?.glyphForCodePoint === 'function'
    && typeof embedder.subset?.includeGlyph === 'function' && Array.isArray(embedder.glyphs) && embedder.glyphIdMap instanceof Map
    && typeof embedder.glyphCache?.invalidate === 'function' && typeof PDFLib.PDFHexString?.of === 'function';
  if (!ok) return false;
  const shaped = embedder.encodeText.bind(embedder);
  const hexOf = new Map(); // code point → its subset glyph id as 4 hex digits
  embedder.encodeText = (text) => {
    let hex = '';
    let added = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      let code = hexOf.get(cp);
      if (code === undefined) {
        if (!needsNoShaping(cp)) return shaped(text);
        const glyph = embedder.font.glyphForCodePoint(cp);
        const id = embedder.subset.includeGlyph(glyph);
        embedder.glyphs[id - 1] = glyph;
        embedder.glyphIdMap.set(glyph.id, id);
        code = id.toString(16).padStart(4, '0').toUpperCase();
        hexOf.set(cp, code);
        added = true;
      }
      hex += code;
    }
    if (added) embedder.glyphCache.invalidate();
    return PDFLib.PDFHexString.of(hex);
  };
  return true;
}
