// Options page: loads settings into the form, validates every change live through the background
// engine (the only place wasm runs), saves valid settings to storage.local — open X tabs rescan
// on that change, the background mirrors it to storage.sync — and runs the test box against the
// saved settings. A change synced from another device refills the form.
import { api, t, localizePage } from '../shared/browser.js';
import * as S from '../shared/settings.js';
import { MAX_TEXT } from '../shared/messages.js';
import { buildCategoryRows, fill, read, resetSliders, showValues } from './form.js';

const form = document.getElementById('settings');
const status = document.getElementById('save-status');
const ask = (msg) => api.runtime.sendMessage(msg);
let saveTimer = 0;
let committing = 0;
let testTimer = 0;

function setStatus(key, error = false) {
  status.textContent = key ? t(key) : '';
  status.classList.toggle('bad', error);
}

function showErrors(errors) {
  for (const p of form.querySelectorAll('[data-error-for]')) {
    p.textContent = errors[p.dataset.errorFor] ?? '';
    form.elements[p.dataset.errorFor].toggleAttribute('aria-invalid', !!errors[p.dataset.errorFor]);
  }
}

async function commit(changed) {
  committing++;
  try {
    await commitNow(changed);
  } finally {
    committing--;
  }
}

async function commitNow(changed) {
  const { settings, badHandles } = read(form, changed);
  const errors = {};
  for (const [list, bad] of Object.entries(badHandles)) if (bad.length) errors[list] = t('err_handles', [bad.join(', ')]);
  const res = await ask({ type: 'validate', settings });
  if (!res?.ok) errors.muted_regexes = res?.error ?? 'no answer';
  else if (res.error) errors[/user:word/.test(res.error) ? 'muted_words' : 'muted_regexes'] = res.error;
  showErrors(errors);
  if (res?.ok && res.error) {
    setStatus('status_not_saved', true);
    return;
  }
  try {
    await S.save(settings);
  } catch (e) {
    // A full disk: the write fails and nothing changes; say so on the field being edited.
    const field = ['allowlist', 'blocklist', 'muted_words', 'muted_regexes'].includes(changed?.name) ? changed.name : 'muted_words';
    showErrors({ ...errors, [field]: String(e?.message ?? e) });
    setStatus('status_not_saved', true);
    return;
  }
  if (changed?.name === 'preset') resetSliders(form, settings.preset);
  setStatus('status_saved');
  runTest();
}

// Answers can come back out of order (a language change, then a save): only the latest is shown.
let testSeq = 0;

async function runTest() {
  const seq = ++testSeq;
  const out = document.getElementById('test-result');
  const runs = () => { out.dataset.runs = String(Number(out.dataset.runs ?? 0) + 1); };
  const whole = form.elements.test_text.value;
  if (!whole.trim()) { out.replaceChildren(); return; }
  // The background takes at most MAX_TEXT characters a text; tweets are read up to 8,000.
  const text = whole.slice(0, MAX_TEXT);
  const lang = form.elements.test_lang.value || null;
  const res = await ask({ type: 'test', text, lang }).catch((e) => ({ error: String(e?.message ?? e) }));
  if (seq !== testSeq) return;
  if (!res?.ok) { out.textContent = res?.error ?? t('test_no_answer'); delete out.dataset.action; runs(); return; }
  const v = res.verdict;
  const line = (label, value) => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    b.textContent = `${label} `;
    p.append(b, value);
    return p;
  };
  // Every category the text scored on, against the threshold the engine held it to in that
  // language: what a slider move would change.
  const { settings } = read(form);
  const fmt = (x, digits) => x.toLocaleString(api.i18n.getUILanguage(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const scores = Object.entries(v.categories).filter(([, x]) => x >= 0.005).sort((a, b) => b[1] - a[1]).map(([c, x]) => {
    const th = res.thresholds?.[c];
    const acted = v.acted.includes(c) ? ` → ${t(`action_${S.actionOf(settings, c)}`)}` : '';
    if (typeof th !== 'number') return `${t(`cat_${c}`)} ${fmt(x, 2)}${acted}`;
    // Two decimals, more where two would show "0,19 < 0,19".
    let digits = 2;
    while (digits < 6 && x !== th && fmt(x, digits) === fmt(th, digits)) digits++;
    return `${t(`cat_${c}`)} ${fmt(x, digits)} ${x >= th ? '≥' : '<'} ${fmt(th, digits)}${acted}`;
  }).join(' · ');
  const words = [...new Set(v.spans.map((s) => s.text))].map((w) => t('quote_word', [w])).join(' ');
  out.replaceChildren(
    line(t('test_action'), t(`action_${v.action}`)),
    line(t('test_categories'), scores || '—'),
    line(t('test_words'), words || '—'),
  );
  out.title = v.reason;
  if (!res.model) out.append(line('', t('engine_rules_only')));
  if (text.length < whole.length) out.append(line('', t('test_truncated', [String(MAX_TEXT)])));
  out.dataset.action = v.action;
  // Counts answered tests: lets a script (and the end-to-end tests) know this text's turn is over.
  runs();
}

form.addEventListener('input', (e) => {
  showValues(form);
  if (e.target.name === 'test_text' || e.target.name === 'test_lang') {
    clearTimeout(testTimer);
    testTimer = setTimeout(runTest, 150);
    return;
  }
  setStatus('');
  clearTimeout(saveTimer);
  // Typing and sliding fire many events: save once the user pauses.
  const wait = e.target.type === 'radio' || e.target.type === 'checkbox' || e.target.tagName === 'SELECT' ? 0 : 350;
  saveTimer = setTimeout(() => { saveTimer = 0; commit(e.target); }, wait);
});
form.addEventListener('submit', (e) => e.preventDefault());
form.elements.reset.addEventListener('click', async () => {
  await S.save(S.DEFAULTS);
  fill(form, S.sanitize(S.DEFAULTS));
  showErrors({});
  setStatus('status_saved');
});

/** Stored settings that could not be read (hand edits, corruption, an old version) or rules the
 *  engine refused: say which, save the repaired settings, and keep filtering with the rest. */
async function repair(settings, problems, rejected) {
  if (!problems.length && !rejected.length) return settings;
  const items = [
    ...problems.map((p) => t('repair_reset', [p.field, p.value])),
    // The regex crate's errors span lines (pattern, caret, message): keep the first and the last.
    ...rejected.map((r) => t('repair_rule', [r.value.slice(0, 80), [...new Set([r.error.split('\n')[0], r.error.trim().split('\n').at(-1)])].join(' ')])),
  ];
  const list = document.getElementById('repair-list');
  list.replaceChildren(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  document.getElementById('repair').hidden = false;
  const repaired = { ...settings };
  for (const r of rejected) repaired[r.field] = repaired[r.field].filter((v) => v !== r.value);
  await S.save(repaired);
  return repaired;
}

localizePage();
// The test box starts in the reader's own language when it is one the presets know; never guessed from the text.
const uiLang = api.i18n.getUILanguage().split('-')[0];
form.elements.test_lang.value = ['fr', 'en'].includes(uiLang) ? uiLang : '';
buildCategoryRows(form.querySelector('#categories tbody'));
const checked = await S.loadChecked();
const info = await ask({ type: 'info' }).catch(() => null);
fill(form, await repair(checked.settings, checked.problems, info?.ok ? info.health.rejected : []));
form.dataset.ready = 'true';
// A change synced from another device lands in storage.local: show it, unless an edit here is pending.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[S.KEY] || saveTimer || committing) return;
  const incoming = S.sanitize(changes[S.KEY].newValue);
  if (JSON.stringify(incoming) !== JSON.stringify(read(form).settings)) fill(form, incoming);
});
if (info?.ok) {
  document.getElementById('engine-status').textContent = `${t(info.engine.hasModel ? 'engine_model' : 'engine_rules_only')} · v${api.runtime.getManifest().version}`;
}
