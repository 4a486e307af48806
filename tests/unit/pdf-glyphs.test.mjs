// The PDF kit's faster text (extension/evidence/pdf-glyphs.js, pdf-layout.js): lines that need no
// shaping are encoded glyph by glyph with exactly the glyphs fontkit's shaper picks (f-ligatures
// aside), the rest still shaped, and each page names its font once instead of twice per line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import * as PDFLib from 'pdf-lib';
import { encodeWithoutShaping, needsNoShaping } from '../../extension/evidence/pdf-glyphs.js';
import { newLayout } from '../../extension/evidence/pdf-layout.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const fontBytes = readFileSync(`${ROOT}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`);

test('every character drawn without shaping gets the glyph the shaper gives it, next to any neighbour', () => {
  const font = fontkit.create(fontBytes);
  const unshaped = [...font.characterSet].filter(needsNoShaping);
  assert.ok(unshaped.length > 3000, `${unshaped.length} characters`);
  const shaped = (s) => font.layout(s).glyphs.map((g) => g.id).join(',');
  const alone = (s) => [...s].map((c) => font.glyphForCodePoint(c.codePointAt(0)).id).join(',');
  const neighbours = [0x20, 0x61, 0x41, 0x69, 0x6c, 0x2d, 0x27, 0x2e, 0x3b1, 0x430, 0xe9];
  const differ = [];
  for (const a of unshaped) for (const b of neighbours) for (const s of [String.fromCodePoint(a, b), String.fromCodePoint(b, a), String.fromCodePoint(a, a)]) {
    if (shaped(s) !== alone(s) && !/f[fil]/.test(s)) differ.push(s);
  }
  assert.deepEqual(differ, [], 'only f-ligatures (ff, fi, fl) may differ');
  assert.notEqual(shaped('suffit'), alone('suffit'), 'the shaper forms the ffi ligature; the fast path draws f, f, i');
  for (const cp of [0x0627, 0x05d0, 0x0915, 0x0301, 0x00ad]) assert.equal(needsNoShaping(cp), false, cp.toString(16));
});

test('pdf-lib 1.17 is patched, lines are read back as drawn, and each page names its font once', async () => {
  const doc = await PDFLib.PDFDocument.create();
  doc.registerFontkit(fontkit);
  assert.equal(encodeWithoutShaping(PDFLib, await doc.embedFont(fontBytes, { subset: true })), true, 'the fast path is active');
  assert.equal(encodeWithoutShaping(PDFLib, await doc.embedFont(PDFLib.StandardFonts.Courier)), false, 'a standard font is left alone');

  const L = await newLayout({ PDFLib, fontkit, fontBytes, title: 'Dossier', head: 'ab'.repeat(32), headLabel: 'Head', footer: 'Rempart' });
  L.newPage();
  const lines = ['Ça suffit — « guillemets » 12,5 € ½ Ωμέγα Привет 😡', 'مثال Jean', 'e\u0301te\u0301 (NFC: été)'];
  for (let i = 0; i < 60; i++) L.text(lines[i % lines.length], { size: 10 });
  L.rows([['hash', 'cd'.repeat(32)]], { monoValues: ['hash'] });
  const bytes = await L.finish();
  const out = `${ROOT}dist/unit-pdf`;
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/glyphs.pdf`, bytes);
  const text = execFileSync('pdftotext', ['-layout', `${out}/glyphs.pdf`, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('Ça suffit — « guillemets » 12,5 € ½ Ωμέγα Привет'), text.slice(0, 300));
  assert.ok(text.includes('été') && text.includes('Jean') && text.includes('cd'.repeat(32)), text.slice(0, 600));
  const loaded = await PDFLib.PDFDocument.load(bytes);
  const fonts = loaded.getPages().map((p) => p.node.Resources().lookup(PDFLib.PDFName.of('Font')).keys().length);
  // One entry per switch between the text font and the monospace one (hashes, the header's head
  // hash); the 60 lines above once gave two each.
  assert.ok(fonts.every((n) => n <= 6), `font resources per page: ${fonts}`);
});
