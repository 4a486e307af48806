// The extension's pure guards under Node: the background's message check (shape and sender) and
// the lenient settings reader, against forged messages and corrupted or hand-edited storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, MAX_BATCH } from '../../extension/shared/messages.js';
import { inspect, sanitize, DEFAULTS } from '../../extension/shared/settings.js';

const runtime = { id: 'rempart-id', getURL: (p) => `chrome-extension://rempart-id/${p}` };
const contentScript = { id: 'rempart-id', url: 'https://x.com/home', tab: { id: 7 } };
const ourPage = { id: 'rempart-id', url: 'chrome-extension://rempart-id/options/options.html' };
const item = { key: '1', main: { author: 'a', name: 'A', text: 'hello' }, quote: null, fresh: true };

test('messages: right sender and shape only', () => {
  assert.equal(check({ type: 'classify', items: [item] }, contentScript, runtime), 'classify');
  const tagged = { ...item, main: { ...item.main, lang: 'fr' } };
  assert.equal(check({ type: 'classify', items: [tagged] }, contentScript, runtime), 'classify');
  assert.equal(check({ type: 'test', text: 'x' }, ourPage, runtime), 'test');
  for (const lang of ['en', null, undefined]) assert.equal(check({ type: 'test', text: 'x', lang }, ourPage, runtime), 'test', String(lang));
  for (const lang of [3, {}, 'x'.repeat(36)]) assert.equal(check({ type: 'test', text: 'x', lang }, ourPage, runtime), null, String(lang));
  // Another extension, a web page (no id), an X page asking for a page-only message, a look-alike host.
  assert.equal(check({ type: 'classify', items: [item] }, { ...contentScript, id: 'other' }, runtime), null);
  assert.equal(check({ type: 'test', text: 'x' }, { url: 'https://x.com/' }, runtime), null);
  assert.equal(check({ type: 'validate', settings: {} }, contentScript, runtime), null);
  assert.equal(check({ type: 'classify', items: [item] }, { ...contentScript, url: 'https://x.com.evil.example/' }, runtime), null);
  assert.equal(check({ type: 'classify', items: [item] }, { ...contentScript, url: 'http://x.com/' }, runtime), null);
  assert.equal(check({ type: 'evidence-capture' }, ourPage, runtime), null);
  // Unknown types, prototype keys, malformed fields.
  for (const type of ['evidence-delete', 'settings', '__proto__', 'constructor', 'toString', undefined]) {
    assert.equal(check({ type, items: [item] }, contentScript, runtime), null, String(type));
  }
  const bad = [
    { items: 'x' }, { items: Array(MAX_BATCH + 1).fill(item) }, { items: [{ ...item, key: '' }] },
    { items: [{ ...item, main: { ...item.main, text: 'x'.repeat(10001) } }] },
    { items: [{ ...item, main: { ...item.main, author: '../../etc' } }] }, { items: [{ ...item, fresh: 'yes' }] },
    { items: [{ ...item, main: { ...item.main, lang: 7 } }] }, { items: [{ ...item, main: { ...item.main, lang: 'x'.repeat(36) } }] },
  ];
  for (const m of bad) assert.equal(check({ type: 'classify', ...m }, contentScript, runtime), null, JSON.stringify(m).slice(0, 80));
  assert.equal(check(null, contentScript, runtime), null);
  assert.equal(check('classify', contentScript, runtime), null);
});

test('settings: corrupted storage gives defaults for what is unreadable, each named', () => {
  assert.deepEqual(inspect(undefined), { settings: sanitize(DEFAULTS), problems: [] });
  for (const raw of [null, 42, 'settings', [1, 2]]) {
    const { settings, problems } = inspect(raw);
    assert.deepEqual(settings, sanitize(DEFAULTS));
    assert.equal(problems[0].field, 'settings');
  }
  const { settings, problems } = inspect({
    enabled: 'yes', preset: 'brutal', categories: { insult: { action: 'explode', threshold: 7 }, threat: { action: 'flag' }, nope: {} },
    muted_words: ['ok', 42, { a: 1 }, '  spaced  ', ''], muted_regexes: 'not a list', allowlist: ['@Good_One', 'not a handle!'],
  });
  assert.equal(settings.enabled, true);
  assert.equal(settings.preset, 'balanced');
  assert.deepEqual(settings.categories, { threat: { action: 'flag' } });
  assert.deepEqual(settings.muted_words, ['ok', 'spaced']);
  assert.deepEqual(settings.muted_regexes, []);
  assert.deepEqual(settings.allowlist, ['good_one']);
  const fields = problems.map((p) => p.field).sort();
  assert.deepEqual(fields, ['allowlist', 'enabled', 'insult.action', 'insult.threshold', 'muted_regexes', 'muted_words', 'muted_words', 'preset'].sort());
  assert.ok(problems.every((p) => typeof p.value === 'string' && p.value.length <= 60));
});

test('settings: 10,000 muted words are kept; more are cut at the limit and said', () => {
  const words = Array.from({ length: 10000 }, (_, i) => `mot${i}`);
  assert.equal(inspect({ muted_words: words }).settings.muted_words.length, 10000);
  const { settings, problems } = inspect({ muted_words: [...words, 'one-more'] });
  assert.equal(settings.muted_words.length, 10000);
  assert.match(problems[0].value, /10001 > 10000/);
});

test('settings: in settings from the step-5 sliders, the preset rounded to 5 on half the sliders or more is dropped; since step 1 nothing is', () => {
  const sliders = ['insult', 'threat', 'identity_attack', 'sexual_harassment', 'doxxing', 'self_harm', 'defamation', 'profanity', 'toxicity'];
  const every = (threshold, extra = {}) => Object.fromEntries(sliders.map((c) => [c, { threshold, ...(extra[c] ?? {}) }]));
  // Balanced (0.27 → shown 75, 0.29 → 70) and gentle (0.61 → 40), an action kept beside it.
  assert.deepEqual(inspect({ preset: 'balanced', categories: every(0.25, { insult: { action: 'hide' } }) }).settings.categories, { insult: { action: 'hide' } });
  assert.deepEqual(inspect({ categories: every(0.3) }).settings.categories, {});
  assert.deepEqual(inspect({ preset: 'gentle', categories: every(0.6) }).settings.categories, {});
  // One slider moved on the old page: the others, saved at the artefact, go; the moved one stays.
  const moved = inspect({ categories: { ...every(0.3), insult: { threshold: 0.4 } } }).settings.categories;
  assert.deepEqual(moved, { insult: { threshold: 0.4 } });
  // One slider moved one step from 75 (0.27) to 70: 0.30 there is a choice, the 0.25s are the artefact.
  assert.deepEqual(inspect({ categories: { ...every(0.25), insult: { threshold: 0.3 } } }).settings.categories, { insult: { threshold: 0.3 } });
  // Under half the sliders at the value (a copy with choices made since, passed on by an older device): kept.
  const few = { insult: { threshold: 0.3 }, threat: { threshold: 0.3 }, toxicity: { threshold: 0.3 }, profanity: { threshold: 0.3 } };
  assert.deepEqual(inspect({ categories: few }).settings.categories, few);
  // Values the old sliders could not have saved untouched, or another preset's artefact, stay.
  assert.equal(inspect({ categories: every(0.35) }).settings.categories.threat.threshold, 0.35);
  assert.equal(inspect({ preset: 'strict', categories: every(0.25) }).settings.categories.threat.threshold, 0.25);
  // Written since the sliders move by 1 (what inspect and the options page write): 0.30 is a choice.
  const chosen = inspect({ categories: every(0.3), slider_step: 1 });
  assert.equal(chosen.settings.categories.threat.threshold, 0.3);
  assert.equal(chosen.settings.slider_step, 1);
  assert.deepEqual(inspect(inspect({ categories: every(0.3), slider_step: 1 }).settings).settings, chosen.settings);
  assert.deepEqual(inspect({ categories: every(0.25), slider_step: 5 }).settings.categories, {});
});

test('messages: a capture is checked field by field, as content/evidence.js sends it', () => {
  const part = { status_id: '1790000000000000002', url: 'https://x.com/troll_42/status/1790000000000000002', author_handle: 'troll_42', author_name: 'Troll', time: '2025-11-24T08:00:00.000Z', text: "t'es qu'un connard" };
  const capture = {
    type: 'evidence-capture', captureId: 'c-1', note: '', rect: { x: 0, y: 10, width: 598, height: 120 }, viewport: { width: 1000 },
    tweet: { ...part, html: '<article></article>', author_id: null, lang: 'fr', quote: null, reply_to: { handles: ['marie'], tweet: null }, media: ['https://pbs.twimg.com/media/x.jpg'] },
    verdict: { action: 'blur', categories: ['insult'], words: ['connard'], sources: ['text'], detail: 'blur: insult' },
  };
  assert.equal(check(capture, contentScript, runtime), 'evidence-capture');
  assert.equal(check({ ...capture, verdict: { action: 'unknown', categories: [], words: [], sources: [] } }, contentScript, runtime), 'evidence-capture');
  const broken = [
    { tweet: { ...capture.tweet, extra: 'smuggled' } },
    { tweet: { ...capture.tweet, media: ['javascript:alert(1)'] } },
    { tweet: { ...capture.tweet, url: 'http://evil.example/' } },
    { tweet: { ...capture.tweet, author_handle: '<b>x</b>' } },
    { tweet: { ...capture.tweet, quote: { ...part, text: 42 } } },
    { tweet: { ...capture.tweet, reply_to: { handles: ['a b'], tweet: null } } },
    { verdict: { ...capture.verdict, action: 'delete-all' } },
    { verdict: { ...capture.verdict, score: 0.5 } },
    { rect: { x: 0, y: 0, width: 0, height: 10 } },
    { captureId: '' },
  ];
  for (const b of broken) assert.equal(check({ ...capture, ...b }, contentScript, runtime), null, JSON.stringify(b).slice(0, 80));
  assert.equal(check(capture, ourPage, runtime), null, 'only a content script on X may capture');
});

test('messages: bulk capture and "seen deleted" shapes', () => {
  const run = { id: '0b7a6f1e-9d8c-4b3a-8e2f-1a2b3c4d5e6f', cap: 300, kind: 'conversation', url: 'https://x.com/a/status/1', focal_id: '1', author: null };
  assert.equal(check({ type: 'bulk-start', run }, contentScript, runtime), 'bulk-start');
  assert.equal(check({ type: 'bulk-start', run }, ourPage, runtime), null, 'only the content script on X');
  for (const bad of [{ ...run, cap: 5000 }, { ...run, url: 'https://evil.example/' }, { ...run, id: 'x' }, { ...run, kind: 'all' }, { ...run, extra: 1 }]) {
    assert.equal(check({ type: 'bulk-start', run: bad }, contentScript, runtime), null, JSON.stringify(bad));
  }
  assert.equal(check({ type: 'bulk-progress', id: run.id, status_id: '12', outcome: 'saved' }, contentScript, runtime), 'bulk-progress');
  assert.equal(check({ type: 'bulk-progress', id: run.id, status_id: '12', outcome: 'deleted' }, contentScript, runtime), null);
  assert.equal(check({ type: 'bulk-known', ids: Array(101).fill('1') }, contentScript, runtime), null);
  const gone = { type: 'evidence-seen-gone', status_id: '12', handle: 'a_b', state: 'deleted', notice: 'This post was deleted by the post author.' };
  assert.equal(check(gone, contentScript, runtime), 'evidence-seen-gone');
  assert.equal(check({ ...gone, state: 'edited' }, contentScript, runtime), null);
  assert.equal(check({ ...gone, notice: 'x'.repeat(301) }, contentScript, runtime), null);
  // The run a capture belongs to is carried into its record only in this exact shape.
  const tweet = { status_id: '1', url: 'https://x.com/a/status/1', author_handle: 'a', author_name: 'A', time: null, text: 't', html: '<article></article>',
    author_id: null, lang: null, quote: null, reply_to: null, media: [] };
  const capture = { type: 'evidence-capture', captureId: 'c1', note: '', verdict: { action: 'none', categories: [], words: [], sources: [] },
    rect: { x: 0, y: 0, width: 10, height: 10 }, viewport: { width: 100 } };
  const bulk = { run_id: run.id, kind: 'conversation', url: run.url, focal_id: '1', author: null };
  assert.equal(check({ ...capture, tweet: { ...tweet, bulk } }, contentScript, runtime), 'evidence-capture');
  assert.equal(check({ ...capture, tweet: { ...tweet, bulk: { ...bulk, url: 'javascript:alert(1)' } } }, contentScript, runtime), null);
  assert.equal(check({ ...capture, tweet: { ...tweet, bulk: { ...bulk, note: 'x' } } }, contentScript, runtime), null);
});
