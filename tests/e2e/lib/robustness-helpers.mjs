// Helpers of the robustness suites (lib/robustness.mjs): the hostile corpus as an importable
// dossier, functions run inside pages (serialized by the drivers: no closures) and storage access.
import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { hostileCorpus } from '../../fixtures/hostile_corpus.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const corpus = hostileCorpus();

/** The corpus as a dossier a trusted helper could hand over: records sealed by the wasm engine
 *  (as the extension seals them), a 1x1 screenshot each; imported through the locker's own form. */
export async function corpusDossier(path) {
  const wasm = await import(`${ROOT}pkg/rempart.js`);
  wasm.initSync({ module: readFileSync(`${ROOT}pkg/rempart_bg.wasm`) });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const enc = new TextEncoder();
  const now = new Date().toISOString();
  const records = [];
  const files = new Map();
  for (const t of corpus) {
    const file = `screenshots/${String(records.length).padStart(5, '0')}-${t.id}.png`;
    const html = `<article data-testid="tweet"><div>${t.name}</div><div data-testid="tweetText">${t.text}</div></article>`;
    const tweet = { status_id: t.id, url: `https://x.com/${t.handle}/status/${t.id}`, author_handle: t.handle, author_name: t.name,
      time: now, text: t.text, html, author_id: null, lang: null, quote: null, reply_to: null, media: [] };
    const record = {
      kind: 'capture', capture_id: `corpus-${t.id}`, recapture_of: null, captured_at: now, captured_at_local: now,
      page_url: 'https://x.com/hostile-corpus', tweet, note: t.text.slice(0, 500),
      verdict: { action: 'blur', categories: ['insult'], words: [t.text.slice(0, 40)], sources: ['text'], detail: '' },
      environment: { browser: { name: 'test', version: '0' }, user_agent: 'node', os: 'linux', arch: 'x86-64',
        extension: { name: 'Rempart', version: '0', engine: '0' }, time_zone: 'UTC', language: 'fr' },
      screenshot: { width: 1, height: 1, scale_milli: 1000 },
      parts: { screenshot: { file, sha256: wasm.sha256Hex(png) }, text: { sha256: wasm.sha256Hex(enc.encode(t.text)) }, html: { sha256: wasm.sha256Hex(enc.encode(html)) } },
    };
    records.push(wasm.sealEvidence(record, records.at(-1) ?? null));
    files.set(file, png);
  }
  files.set('evidence.json', enc.encode(JSON.stringify(records)));
  files.set('manifest.json', enc.encode(wasm.dossierManifest(records, now)));
  files.set('SHA256SUMS', enc.encode(wasm.dossierSums([...files.keys()], [...files.values()])));
  writeFileSync(path, zipSync(Object.fromEntries(files)));
}

// ---- run inside pages (serialized by the drivers: no closures) ----
// Texts travel as JSON strings: geckodriver refuses lone surrogates in WebDriver arguments.
export function allDecided(min) {
  const as = document.querySelectorAll('main article');
  return as.length >= min && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}

/** Every Rempart element: only its own tags, no handler, no link, inside its tweet's box. */
export function uiProblems() {
  const ALLOWED = new Set(['DIV', 'SPAN', 'BUTTON']);
  const problems = [];
  for (const a of document.querySelectorAll('main article')) {
    const box = a.getBoundingClientRect();
    for (const ui of a.querySelectorAll('.rempart-ui')) {
      const r = ui.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        problems.push(`${a.dataset.fixtureId}: ${ui.className} escapes its tweet (${Math.round(r.width)}x${Math.round(r.height)} in ${Math.round(box.width)}x${Math.round(box.height)})`);
      }
      for (const el of [ui, ...ui.querySelectorAll('*')]) {
        if (!ALLOWED.has(el.tagName)) problems.push(`${a.dataset.fixtureId}: <${el.tagName}> inside Rempart's UI`);
        for (const attr of el.attributes) if (/^on|^(href|src|style)$/i.test(attr.name)) problems.push(`${a.dataset.fixtureId}: ${attr.name} on Rempart's UI`);
      }
    }
  }
  for (const sel of ['iframe', 'object', 'embed', 'script:not([src="/fixture/app.js"], [src="/fixture/thread.js"])', 'base', 'meta[http-equiv]', 'style']) {
    if (document.querySelector(sel)) problems.push(`${sel} in the page`);
  }
  if (document.documentElement.dataset.pwned) problems.push('a payload ran');
  return problems;
}

export function actionsById() {
  return Object.fromEntries([...document.querySelectorAll('main article')].map((a) => [a.dataset.fixtureId, a.dataset.rempartAction]));
}

/** In the options page: each text through the test box, one at a time; what the box showed. */
export async function testBox(json) {
  const texts = JSON.parse(json);
  const form = document.getElementById('settings');
  const out = document.getElementById('test-result');
  const seen = [];
  for (const text of texts) {
    const before = Number(out.dataset.runs ?? 0);
    form.elements.test_text.value = text;
    form.elements.test_text.dispatchEvent(new Event('input', { bubbles: true }));
    const end = Date.now() + 10000;
    while (Number(out.dataset.runs ?? 0) === before && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const tags = [...out.querySelectorAll('*')].map((e) => e.tagName).filter((t) => t !== 'P' && t !== 'B');
    seen.push({ done: Number(out.dataset.runs ?? 0) > before, action: out.dataset.action, tags, pwned: document.documentElement.dataset.pwned ?? null });
  }
  return seen;
}

export function lockerState() {
  const items = [...document.querySelectorAll('#list .item')];
  return {
    count: items.length,
    texts: items.map((it) => it.querySelector('.text')?.textContent ?? ''),
    foreign: [...document.querySelectorAll('#list *')].filter((e) => /^(SCRIPT|IFRAME|OBJECT|EMBED|STYLE|BASE|META|SVG|MATH|FORM|LINK)$/i.test(e.tagName)).length,
    inputs: document.querySelectorAll('#list input').length,
    links: [...document.querySelectorAll('#list a')].filter((a) => !/^https:\/\/x\.com\//.test(a.href)).map((a) => a.href).slice(0, 5),
    handlers: [...document.querySelectorAll('#list *')].filter((e) => [...e.attributes].some((x) => /^on/i.test(x.name))).length,
    pwned: document.documentElement.dataset.pwned ?? null,
  };
}

export async function downloadBase64() {
  const blob = await (await fetch(document.getElementById('download').href)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// What survives of a text in HTML: the parser drops NUL and turns CR/CRLF into LF; UTF-8 turns
// lone surrogates into U+FFFD.
export const asHtmlText = (s) => s.toWellFormed().replace(/\0/g, '').replace(/\r\n?/g, '\n');
export const storageOf = ([area, key]) => (globalThis.browser ?? globalThis.chrome).storage[area].get(key).then((r) => r[key] ?? null);
export const storageSet = ([area, value]) => (globalThis.browser ?? globalThis.chrome).storage[area].set(value);
export const pause = (ms) => new Promise((r) => setTimeout(r, ms));

