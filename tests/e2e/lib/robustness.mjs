// Robustness and security end to end, run by both browsers in a profile of their own: the hostile
// corpus through the content script, the overlay, the options test box, the locker and the
// exported report; a hostile page going after Rempart; corrupted settings and 10,000 muted words;
// X's layout drifting. ctx: x, openTab(url), extensionUrl(path), name, pageErrors() (optional).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'node:test';
import { unzipSync } from 'fflate';
import { hostileCorpus } from '../../fixtures/hostile_corpus.mjs';
import {
  actionsById, allDecided, asHtmlText, corpusDossier, downloadBase64, lockerState, pause, storageOf, storageSet, testBox, uiProblems,
} from './robustness-helpers.mjs';
import { fixtureData } from './server.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const corpus = hostileCorpus();
const data = fixtureData();

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
    // The PDFs were written from the same hostile texts: readable, one page per screenful at least.
    for (const f of ['report.pdf', 'complaint.pdf']) {
      writeFileSync(`${dir}/${f}`, files[f]);
      assert.ok(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [`${dir}/${f}`], { encoding: 'utf8' }))?.[1]) > 1, `${f} opens`);
    }
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
