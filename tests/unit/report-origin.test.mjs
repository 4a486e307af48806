// Each capture's origin (saved alone, with a conversation, in an author sweep, imported) and what X
// later showed of it ("seen deleted on …") in report.pdf, built under Node with the locker's own
// modules and read back with poppler; the rows themselves in French and English.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import * as PDFLib from 'pdf-lib';
import { derive } from '../../extension/evidence/model.js';
import { buildReportPdf } from '../../extension/evidence/pdf-report.js';
import { originKind, originRows } from '../../extension/evidence/report-origin.js';
import { CONV, capture, records } from '../fixtures/report-origin.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = `${ROOT}dist/unit-pdf`;
const libs = { PDFLib, fontkit, fontBytes: readFileSync(`${ROOT}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`) };

describe('report origin rows', () => {
  it('say how each capture was saved, and what X showed of it later', () => {
    const recs = records();
    const model = derive(recs);
    const [single, conv, author] = model.captures;
    assert.deepEqual(model.captures.map(originKind), ['single', 'conversation', 'author']);
    assert.deepEqual(originRows(single, model, 'en'), [['Origin', 'saved on its own (one click on this tweet)']]);
    assert.deepEqual(originRows(conv, model, 'fr'), [['Origine', `enregistré avec toute la conversation ${CONV} (un enregistrement par tweet)`],
      ['Vu ensuite sur X', 'vu supprimé le 2026-11-25T09:30:00.000Z (X affichait : « This post was deleted by the post author. »)']]);
    assert.deepEqual(originRows(author, model, 'en')[0], ['Origin', 'saved with every post of @troll_42 visible on https://x.com/troll_42']);
    assert.match(originRows(author, model, 'en')[1][1], /^seen as from a suspended account on 2026-11-26T09:30:00.000Z/);
  });

  it('an imported capture names its dossier and its original record', () => {
    const header = { kind: 'import', seq: 0, from: { file: 'dossier-victime.zip', head: 'a'.repeat(64), created_at: '2026-11-01T00:00:00Z', records: 9 } };
    const c = { ...capture(1, '1790000000000000209', null), origin: { import_seq: 0, seq: 7, hash: '9'.repeat(64) } };
    const model = derive([header, c]);
    assert.deepEqual(originRows(model.captures[0], model, 'en')[0], ['Origin', 'imported from the dossier dossier-victime.zip (its record No. 7); saved on its own (one click on this tweet)']);
  });
});

describe('report.pdf', () => {
  for (const [lang, single, conv, gone] of [
    ['en', 'saved on its own', 'saved with the whole conversation', 'seen deleted on 2026-11-25T09:30:00.000Z'],
    ['fr', 'enregistré seul', 'enregistré avec toute la conversation', 'vu supprimé le 2026-11-25T09:30:00.000Z'],
  ]) {
    it(`prints each capture's origin and its seen-deleted mark (${lang})`, async () => {
      const recs = records();
      const pdf = await buildReportPdf(libs, { records: recs, model: derive(recs), shots: new Map(), chain: { ok: true, head: 'b'.repeat(64) }, lang, createdAt: '2026-12-01T10:00:00Z' });
      mkdirSync(OUT, { recursive: true });
      writeFileSync(`${OUT}/report-origin-${lang}.pdf`, pdf);
      const text = execFileSync('pdftotext', [`${OUT}/report-origin-${lang}.pdf`, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const want of [single, conv, gone, 'troll_42 visible', 'https://x.com/troll_42', 'suspend']) assert.ok(text.includes(want), `${lang}: "${want}" in the PDF`);
      // Each capture's own block: the origin follows its URL, before the next capture.
      const at = (s) => text.indexOf(s);
      assert.ok(at('1790000000000000201') < at(single) && at(single) < at('1790000000000000202'), 'the single capture says so in its own block');
    });
  }
});
