// Robustness and security end to end, run by both browsers in a profile of their own: the hostile
// corpus through the content script, the overlay, the options test box, the locker and the
// exported report; a hostile page going after Rempart; corrupted settings and 10,000 muted words;
// X's layout drifting. ctx: x, openTab(url), extensionUrl(path), name, pageErrors() (optional).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { hostileCorpus } from '../../fixtures/hostile_corpus.mjs';
import { fixtureData } from './server.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const corpus = hostileCorpus();
const data = fixtureData();

/** The corpus as a dossier a trusted helper could hand over: records sealed by the wasm engine
 *  (as the extension seals them), a 1x1 screenshot each; imported through the locker's own form. */
async function corpusDossier(path) {
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
function allDecided(min) {
  const as = document.querySelectorAll('main article');
  return as.length >= min && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}

/** Every Rempart element: only its own tags, no handler, no link, inside its tweet's box. */
function uiProblems() {
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
  for (const sel of ['iframe', 'object', 'embed', 'script:not([src="/fixture/app.js"])', 'base', 'meta[http-equiv]', 'style']) {
    if (document.querySelector(sel)) problems.push(`${sel} in the page`);
  }
  if (document.documentElement.dataset.pwned) problems.push('a payload ran');
  return problems;
}

function actionsById() {
  return Object.fromEntries([...document.querySelectorAll('main article')].map((a) => [a.dataset.fixtureId, a.dataset.rempartAction]));
}

/** In the options page: each text through the test box, one at a time; what the box showed. */
async function testBox(json) {
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

function lockerState() {
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

async function downloadBase64() {
  const blob = await (await fetch(document.getElementById('download').href)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// What survives of a text in HTML: the parser drops NUL and turns CR/CRLF into LF; UTF-8 turns
// lone surrogates into U+FFFD.
const asHtmlText = (s) => s.toWellFormed().replace(/\0/g, '').replace(/\r\n?/g, '\n');
const storageOf = ([area, key]) => (globalThis.browser ?? globalThis.chrome).storage[area].get(key).then((r) => r[key] ?? null);
const storageSet = ([area, value]) => (globalThis.browser ?? globalThis.chrome).storage[area].set(value);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

export function defineRobustnessTests(ctx) {
  // Extension pages opened once and shared by the steps (each step may also run alone).
  const ensure = async (key, path, ready) => {
    if (!ctx[key]) {
      ctx[key] = await ctx.openTab(ctx.extensionUrl(path));
      await ctx[key].waitFor(ready, null, `${path} ready`, 30000);
    }
    return ctx[key];
  };
  const optionsReady = () => document.getElementById('settings')?.dataset.ready === 'true';
  const lockerReady = () => document.body.dataset.ready === 'true';

  it(`hostile corpus (${corpus.length} texts and names): every tweet decided, no script, no element, nothing escapes its tweet`, { timeout: 120000 }, async () => {
    await ctx.x.goto('https://x.com/hostile-corpus');
    await ctx.x.waitFor((n) => Number(document.body.dataset.corpusReady) === n, corpus.length, 'corpus rendered');
    const t0 = Date.now();
    await ctx.x.waitFor(allDecided, corpus.length, 'every hostile tweet decided', 90000);
    console.log(`# ${ctx.name}: ${corpus.length} hostile tweets decided in ${Date.now() - t0} ms (information, not a test)`);
    assert.deepEqual(await ctx.x.run(uiProblems), []);
    const actions = await ctx.x.run(actionsById);
    for (const t of corpus.filter((c) => c.family === 'with_insult')) {
      assert.ok(['blur', 'hide'].includes(actions[t.id]), `insult inside ${JSON.stringify(t.text.slice(0, 50))}: ${actions[t.id]}`);
    }
    // A revealed one keeps Rempart's UI in its box too.
    const long = corpus.find((c) => c.family === 'with_insult' && c.text.length > 100);
    await ctx.x.click(`article[data-fixture-id="${long.id}"] [data-rempart-control="reveal"]`);
    await ctx.x.waitFor((id) => document.querySelector(`article[data-fixture-id="${id}"]`).dataset.rempartRevealed === 'true', long.id, 'revealed');
    assert.deepEqual(await ctx.x.run(uiProblems), []);
  });

  it('hostile corpus through the options test box: a verdict for each, shown as text', { timeout: 180000 }, async () => {
    const opt = await ctx.openTab(ctx.extensionUrl('options/options.html'));
    ctx.options = opt;
    await opt.waitFor(() => document.getElementById('settings')?.dataset.ready === 'true', null, 'options ready');
    const texts = corpus.map((t) => t.text).filter((t) => t.trim());
    for (let i = 0; i < texts.length; i += 40) {
      const seen = await opt.run(testBox, JSON.stringify(texts.slice(i, i + 40)));
      seen.forEach((s, j) => {
        const label = JSON.stringify(texts[i + j].slice(0, 50));
        assert.ok(s.done, `no verdict for ${label}`);
        assert.ok(['none', 'flag', 'blur', 'hide'].includes(s.action), label);
        assert.deepEqual(s.tags, [], `markup in the test box for ${label}`);
        assert.equal(s.pwned, null, label);
      });
    }
  });

  it('hostile corpus in the locker and the exported report: shown as text, chain valid, no script', { timeout: 180000 }, async () => {
    const dir = `${ROOT}dist/e2e-robustness/${ctx.name}`;
    mkdirSync(dir, { recursive: true });
    await corpusDossier(`${dir}/corpus-dossier.zip`);
    const locker = await ensure('locker', 'evidence/evidence.html', lockerReady);
    await locker.setFile('import', `${dir}/corpus-dossier.zip`);
    await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined, null, 'import done', 60000);
    assert.equal(await locker.run(() => document.getElementById('status').dataset.ok), 'true', await locker.run(() => document.getElementById('status').textContent));
    // A fresh page, not the old one still answering "ready" (WebDriver returns before reloading).
    await locker.run(() => { document.body.dataset.stale = '1'; location.reload(); });
    await locker.waitFor(() => document.body && !document.body.dataset.stale && document.body.dataset.ready === 'true', null, 'locker ready again', 60000);
    const s = await locker.run(lockerState);
    assert.equal(s.count, corpus.length);
    assert.equal(s.pwned, null, 'no payload ran in the locker');
    assert.equal(s.handlers, 0, 'no handler attribute in the list');
    assert.equal(s.foreign, 0, 'no element built from tweet markup');
    assert.equal(s.inputs, s.count, 'one note field per record, no other input');
    assert.deepEqual(s.links, [], 'no link outside x.com');
    for (const t of corpus) {
      // Lone surrogates become U+FFFD on the way into the chain (UTF-8), as TextEncoder does.
      const head = t.text.toWellFormed().slice(0, 100);
      assert.ok(s.texts.some((x) => x.includes(head)), `shown literally: ${JSON.stringify(head.slice(0, 50))}`);
    }
    await locker.click('#verify');
    await locker.waitFor(() => document.getElementById('status').dataset.ok !== undefined, null, 'verify done', 60000);
    assert.equal(await locker.run(() => document.getElementById('status').dataset.ok), 'true');

    await locker.click('#export');
    await locker.waitFor(() => !document.getElementById('download').hidden && document.getElementById('status').dataset.ok === 'true', null, 'export done', 90000);
    const files = unzipSync(Buffer.from(await locker.run(downloadBase64), 'base64'));
    writeFileSync(`${dir}/report.html`, files['report.html']);
    const report = await (ctx.openFile ?? ctx.openTab)(`file://${dir}/report.html`);
    await report.waitFor(() => document.readyState === 'complete', null, 'report loaded', 60000);
    const r = await report.run(() => ({
      scripts: document.scripts.length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((x) => /^on/i.test(x.name))).length,
      frames: document.querySelectorAll('iframe, object, embed, base, meta[http-equiv="refresh"]').length,
      pwned: document.documentElement.dataset.pwned ?? null,
      text: document.body.textContent,
    }));
    assert.deepEqual([r.scripts, r.handlers, r.frames, r.pwned], [0, 0, 0, null], 'the report stays inert');
    for (const t of corpus) assert.ok(r.text.includes(asHtmlText(t.text).slice(0, 100)), `report shows ${JSON.stringify(t.text.slice(0, 50))}`);
  });

  it('a hostile page cannot read or delete evidence, save any, reveal tweets or change settings', { timeout: 60000 }, async () => {
    await ensure('options', 'options/options.html', optionsReady);
    await ensure('locker', 'evidence/evidence.html', lockerReady);
    const settingsBefore = await ctx.options.run(storageOf, ['local', 'settings']);
    const recordsBefore = await ctx.locker.run(async () => (await (await import('/shared/evidence-db.js')).allRecords()).length);
    await ctx.x.front();
    await ctx.x.goto('https://x.com/attack');
    await ctx.x.waitFor(() => document.body.dataset.attack !== undefined, null, 'the attack script finished', 30000);
    const got = JSON.parse(await ctx.x.run(() => document.body.dataset.attack));
    assert.ok(got.tried.length > 20, `the attack ran: ${got.tried.length} attempts`);
    assert.ok(got.tried.some((x) => /forged click save-evidence/.test(x)) && got.tried.some((x) => /forged click reveal/.test(x)), 'Rempart\'s buttons were attacked');
    assert.deepEqual(got.answers, [], 'nothing answered the page');
    const page = await ctx.x.run(() => ({
      evidence: document.querySelectorAll('[data-rempart-evidence]').length,
      revealed: document.querySelectorAll('[data-rempart-revealed]').length,
      pwned: document.documentElement.dataset.pwned ?? null,
    }));
    assert.deepEqual(page, { evidence: 0, revealed: 0, pwned: null }, 'forged clicks did nothing');
    await pause(1000); // a capture that slipped through would be committed by now
    assert.equal(await ctx.locker.run(async () => (await (await import('/shared/evidence-db.js')).allRecords()).length), recordsBefore, 'no evidence added or removed');
    assert.deepEqual(await ctx.options.run(storageOf, ['local', 'settings']), settingsBefore, 'settings unchanged');
  });

  it('corrupted settings in storage: defaults for what is unreadable, each named in the options; bad rules dropped alone; filtering goes on', { timeout: 60000 }, async () => {
    const options = await ensure('options', 'options/options.html', optionsReady);
    await options.run(storageSet, ['local', { settings: {
      enabled: 'yes', preset: 42, categories: { insult: { action: 'explode', threshold: 9 } },
      muted_words: ['brocoli', 42, null], muted_regexes: ['((', '🤡', '(a+)+$', 'x'.repeat(600)], allowlist: 'everyone',
    } }]);
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await ctx.x.waitFor(allDecided, data.home.length, 'home decided with corrupted settings', 30000);
    const actions = await ctx.x.run(actionsById);
    const idOf = (handle) => data.home.find((t) => t.handle === handle).id;
    assert.equal(actions[idOf('troll_42')], 'blur', 'insults still blurred');
    assert.equal(actions[idOf('veggie')], 'blur', 'the readable muted word still applies');
    assert.equal(actions[idOf('clown_fan')], 'blur', 'the valid regex next to a broken one still applies');
    await options.front();
    await options.run(() => { document.body.dataset.stale = '1'; location.reload(); });
    await options.waitFor(() => document.body && !document.body.dataset.stale && document.getElementById('settings')?.dataset.ready === 'true', null, 'options ready');
    const shown = await options.run(() => ({
      visible: !document.getElementById('repair').hidden,
      items: [...document.querySelectorAll('#repair-list li')].map((li) => li.textContent),
      regexes: document.querySelector('[name="muted_regexes"]').value,
    }));
    assert.ok(shown.visible, 'the repair notice is shown');
    for (const field of ['enabled', 'preset', 'insult.action', 'insult.threshold', 'muted_words', 'allowlist']) {
      assert.ok(shown.items.some((x) => x.includes(`${field}`)), `${field} named in ${JSON.stringify(shown.items)}`);
    }
    assert.ok(shown.items.some((x) => x.includes('((') && /unclosed/.test(x)), 'the broken regex named with its error');
    assert.ok(shown.items.some((x) => x.includes('xxxxxxxx') && /500/.test(x)), 'the over-long regex named');
    assert.equal(shown.regexes.split('\n').sort().join('\n'), ['(a+)+$', '🤡'].sort().join('\n'), 'good regexes kept');
    const repaired = await options.run(storageOf, ['local', 'settings']);
    assert.deepEqual([repaired.preset, repaired.enabled, repaired.muted_words], ['balanced', true, ['brocoli']], 'repaired settings saved');
  });

  it('10,000 muted words typed into the options page are saved and filter', { timeout: 90000 }, async () => {
    const options = await ensure('options', 'options/options.html', optionsReady);
    await options.run(() => {
      const words = Array.from({ length: 9999 }, (_, i) => `motmuet${i}`);
      const box = document.querySelector('[name="muted_words"]');
      box.value = [...words, 'brocoli'].join('\n');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.waitFor(() => document.getElementById('save-status').textContent.length > 0 && !document.querySelector('[aria-invalid]'), null, 'saved', 30000);
    const stored = await options.run(storageOf, ['local', 'settings']);
    assert.equal(stored.muted_words.length, 10000);
    await ctx.x.front();
    await ctx.x.goto('https://x.com/home');
    await ctx.x.waitFor(allDecided, data.home.length, 'home decided', 30000);
    const veggie = data.home.find((t) => t.handle === 'veggie').id;
    await ctx.x.waitFor((id) => document.querySelector(`article[data-fixture-id="${id}"]`).dataset.rempartAction === 'blur', veggie, 'the 10,000th word mutes its tweet', 30000);
    await options.front();
    await options.click('[name="reset"]');
    await options.waitFor(() => document.querySelector('[name="muted_words"]').value === '', null, 'settings reset');
  });

  for (const [path, what, drift] of [
    ['/drift', 'article test id removed', true],
    ['/drift-renamed', 'every test id renamed', true],
    ['/drift-notime', 'no time element', false],
    ['/drift-nolinks', 'no link at all', false],
    ['/drift-nested', 'quotes nested three deep', false],
  ]) {
    it(`layout drift (${what}): every tweet decided, insults still blurred${drift ? ', drift reported' : ''}, no error`, { timeout: 40000 }, async () => {
      await ctx.x.front();
      ctx.pageErrors?.();
      await ctx.x.goto(`https://x.com${path}`);
      await ctx.x.waitFor(allDecided, 8, 'every article decided', 20000);
      const actions = await ctx.x.run(actionsById);
      assert.ok(['blur', 'hide'].includes(actions[data.home[1].id]), `insult: ${actions[data.home[1].id]}`);
      assert.notEqual(actions[data.home[0].id], 'blur', 'a clean tweet is not blurred');
      assert.deepEqual(await ctx.x.run(uiProblems), []);
      if (drift) {
        await ensure('options', 'options/options.html', optionsReady);
        const tabs = () => ctx.options.run(storageOf, ['session', 'tabs']);
        const end = Date.now() + 15000;
        let flagged = false;
        while (!flagged && Date.now() < end) {
          flagged = Object.values((await tabs()) ?? {}).some((t) => t.x && t.drift);
          if (!flagged) await pause(500);
        }
        assert.ok(flagged, 'the drift warning is raised (toolbar badge "!" and popup)');
      }
      if (ctx.pageErrors) assert.deepEqual(ctx.pageErrors(), [], 'no error thrown into the page');
    });
  }
}
