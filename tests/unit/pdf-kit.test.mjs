// The PDF dossier and the complaint letter built under Node with the same modules and libraries
// the locker uses (pdf-lib, fontkit, DejaVu Sans), then read back with poppler's pdftotext:
// pages, every capture, the head hash on every page, accents kept, glyphs the font lacks
// substituted without failing, the letter in French and English with its deadline warnings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import * as PDFLib from 'pdf-lib';
import { complaintBlocks } from '../../extension/evidence/complaint.js';
import { derive } from '../../extension/evidence/model.js';
import { buildComplaintPdf } from '../../extension/evidence/pdf-complaint.js';
import { buildReportPdf, screenshotOrder } from '../../extension/evidence/pdf-report.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = `${ROOT}dist/unit-pdf`;
const libs = { PDFLib, fontkit, fontBytes: readFileSync(`${ROOT}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`) };
const PNG = readFileSync(`${ROOT}extension/icons/icon-128.png`);
const HEAD = 'c0ffee'.padEnd(64, '7');
const NOW = '2027-06-01T10:00:00Z';
const ago = (days) => new Date(Date.parse(NOW) - days * 86400000).toISOString();
const TEXTS = [
  ['jean_dupont', 'Jean Dupont', ago(80), ['insult'], 'T\'es qu\'une idiote, ferme-la 😡 — ça suffit'],
  ['jean_dupont2', 'Jean Dupont', ago(100), ['insult'], 'Encore toi ? Pauvre nulle 🤡🤡'],
  ['raider_x', 'Ràïdér ✨', ago(40), ['threat'], 'On sait où tu habites, fais gaffe 🔪 👨‍👩‍👧'],
  ['raider_y', 'مثال', ago(30), ['identity_attack', 'insult'], 'Retourne dans ton pays — 你好 — עברית — Ελληνικά — Ωμέγα'],
  ['raider_y', 'مثال', ago(10), ['doxxing'], 'Son adresse : 12 rue des Lilas, 75020 Paris 🏠'],
];

function records() {
  return TEXTS.map(([handle, name, time, categories, text], i) => ({
    kind: 'capture', seq: i + 1, hash: `${i + 1}`.repeat(64).slice(0, 64), prev_hash: '0'.repeat(64), captured_at: NOW,
    captured_at_local: '2027-06-01T12:00:00+02:00', page_url: 'https://x.com/home',
    tweet: { status_id: `17${i}`, url: `https://x.com/${handle}/status/17${i}`, author_handle: handle, author_name: name, time, text },
    verdict: { action: 'blur', categories },
    parts: { screenshot: { file: `screenshots/0000${i + 1}-17${i}.png`, sha256: 'ab'.repeat(32) }, text: { sha256: 'cd'.repeat(32) } },
  }));
}

function pages(pdf, name) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/${name}`, pdf);
  const info = execFileSync('pdfinfo', [`${OUT}/${name}`], { encoding: 'utf8' });
  const n = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  return Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-f', `${i + 1}`, '-l', `${i + 1}`, '-layout', `${OUT}/${name}`, '-'], { encoding: 'utf8' }));
}

describe('report.pdf', () => {
  it('has every capture, its screenshot, the head hash on every page; never fails on a glyph', async () => {
    const recs = records();
    const model = derive(recs);
    const shots = new Map(recs.map((r) => [r.parts.screenshot.file, PNG]));
    const pdf = await buildReportPdf(libs, { records: recs, model, shots, chain: { ok: true, head: HEAD }, lang: 'fr', createdAt: NOW });
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
    const text = pages(pdf, 'report.pdf');
    assert.ok(text.length >= 3, `${text.length} pages`);
    text.forEach((p, i) => assert.ok(p.includes(HEAD), `head hash on page ${i + 1}`));
    const all = text.join('\n');
    // pdftotext reorders a line with Arabic in it: the URL and the record hash name each capture.
    for (const r of recs) assert.ok(all.includes(r.tweet.url) && all.includes(r.hash), `capture #${r.seq}`);
    assert.match(all, /Rapport de preuves — cyberharcèlement/);
    assert.match(all, /T’es qu’une idiote|T'es qu'une idiote/);
    assert.match(all, /Ελληνικά/, 'Greek is in the font');
    assert.match(all, /sha256sum -c SHA256SUMS/);
    assert.match(all, /remplacé/, 'the substitution is said');
    assert.match(all, /DÉLAI PROBABLEMENT EXPIRÉ/);
    const images = execFileSync('pdfimages', ['-list', `${OUT}/report.pdf`], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(images.length >= recs.length, `${images.length} images`);
  });
});

describe('report.pdf over its screenshot cap', () => {
  it('embeds the most serious captures\' screenshots and points to the ZIP for the others', async () => {
    const recs = records();
    const shots = new Map(recs.map((r) => [r.parts.screenshot.file, PNG]));
    const pdf = await buildReportPdf(libs, { records: recs, model: derive(recs), shots, chain: { ok: true, head: HEAD }, lang: 'en', createdAt: NOW, maxScreenshots: 2 });
    const all = pages(pdf, 'report-capped.pdf').join('\n').replace(/\s+/g, ' ');
    const images = execFileSync('pdfimages', ['-list', `${OUT}/report-capped.pdf`], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.equal(images.filter((l) => l.trim().split(/\s+/)[2] === 'image').length, 2, images.join('\n'));
    assert.match(all, /screenshots of the 2 most serious/);
    // The threat (#3) and the doxxing (#5) are the most serious: the insults point to the ZIP.
    assert.ok(all.includes('Screenshot in the ZIP: screenshots/00001-170.png'));
    assert.ok(!all.includes('Screenshot in the ZIP: screenshots/00003-172.png'));
  });

  it('reads only the screenshots it embeds: the top ones alone give the same PDF', async () => {
    const recs = records();
    const model = derive(recs);
    const top = screenshotOrder(model.captures).slice(0, 2).map((c) => c.parts.screenshot.file);
    assert.deepEqual(top, ['screenshots/00003-172.png', 'screenshots/00005-174.png'], 'the threat, then the doxxing');
    const build = (files) => buildReportPdf(libs, { records: recs, model, shots: new Map(files.map((f) => [f, PNG])), chain: { ok: true, head: HEAD }, lang: 'en', createdAt: NOW, maxScreenshots: 2 });
    const everything = pages(await build(recs.map((r) => r.parts.screenshot.file)), 'report-capped-all.pdf');
    const onlyTop = pages(await build(top), 'report-capped-top.pdf');
    assert.deepEqual(onlyTop, everything);
    assert.match(onlyTop.join(' ').replace(/\s+/g, ' '), /screenshots of the 2 most serious/);
  });
});

describe('complaint.pdf', () => {
  for (const lang of ['fr', 'en']) {
    it(`the letter in ${lang}: facts, offences with articles, the not-advice warning, deadlines at 80 and 100 days`, async () => {
      const model = derive(records());
      const { bytes, deadlines } = await buildComplaintPdf(libs, { model, chain: { ok: true, head: HEAD }, lang, createdAt: NOW });
      const text = pages(bytes, `complaint-${lang}.pdf`);
      text.forEach((p, i) => assert.ok(p.includes(HEAD), `head hash on page ${i + 1}`));
      const all = text.join('\n').replace(/\s+/g, ' ');
      assert.deepEqual(deadlines.map((d) => [d.seq, d.status]), [[2, 'past'], [1, 'approaching'], [4, 'open']]);
      for (const art of ['222-33-2-2', '222-17', '222-18', '223-1-1', 'art. 65', '65-3', '15-3', 'PHAROS', '3018']) assert.ok(all.includes(art), `${lang}: ${art}`);
      if (lang === 'fr') {
        for (const s of ['Ce document n\'est pas un conseil juridique', 'procureur de la République', 'DÉLAI PROCHE', 'DÉLAI PROBABLEMENT EXPIRÉ', 'commissaire de justice', '@jean_dupont']) assert.ok(all.includes(s), s);
      } else {
        for (const s of ['This document is not legal advice', 'Police report', 'DEADLINE APPROACHING', 'DEADLINE PROBABLY PASSED', 'commissaire de justice']) assert.ok(all.includes(s), s);
      }
    });
  }
  it('lists the raid when several people write, and only the offences of the categories present', () => {
    const one = records().filter((r) => r.verdict.categories.includes('threat'));
    const { blocks } = complaintBlocks({ model: derive(one), lang: 'fr', head: HEAD, now: NOW });
    const li = blocks.filter((b) => b.type === 'li').map((b) => b.text).join('\n');
    assert.match(li, /222-17/);
    assert.doesNotMatch(li, /223-1-1|meute/);
    const all = complaintBlocks({ model: derive(records()), lang: 'fr', head: HEAD, now: NOW }).blocks.map((b) => b.text).join('\n');
    assert.match(all, /meute/);
  });
});
