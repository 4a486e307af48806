// Options page: loads settings into the form, validates every change live through the background
// engine (the only place wasm runs), saves valid settings to storage.sync — open X tabs rescan
// on that change — and runs the test box against the saved settings.
import { api, t, localizePage } from '../shared/browser.js';
import * as S from '../shared/settings.js';
import { buildCategoryRows, fill, read, showValues } from './form.js';

const form = document.getElementById('settings');
const status = document.getElementById('save-status');
const ask = (msg) => api.runtime.sendMessage(msg);
let saveTimer = 0;
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
    // storage.sync allows 8 KB per item: very long lists do not fit.
    const field = ['allowlist', 'blocklist', 'muted_words', 'muted_regexes'].includes(changed?.name) ? changed.name : 'muted_words';
    showErrors({ ...errors, [field]: String(e?.message ?? e) });
    setStatus('status_not_saved', true);
    return;
  }
  if (changed?.name === 'preset') fill(form, settings);
  setStatus('status_saved');
  runTest();
}

async function runTest() {
  const out = document.getElementById('test-result');
  const text = form.elements.test_text.value;
  if (!text.trim()) { out.replaceChildren(); return; }
  const res = await ask({ type: 'test', text });
  if (!res?.ok) { out.textContent = res?.error ?? ''; return; }
  const v = res.verdict;
  const line = (label, value) => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    b.textContent = `${label} `;
    p.append(b, value);
    return p;
  };
  // Every category the text scored on, against its threshold: what a slider move would change.
  const { settings } = read(form);
  const fmt = (x) => x.toLocaleString(api.i18n.getUILanguage(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const scores = Object.entries(v.categories).filter(([, x]) => x >= 0.005).sort((a, b) => b[1] - a[1]).map(([c, x]) => {
    const th = S.thresholdOf(settings, c);
    return `${t(`cat_${c}`)} ${fmt(x)} ${x >= th ? '≥' : '<'} ${fmt(th)}${v.acted.includes(c) ? ` → ${t(`action_${S.actionOf(settings, c)}`)}` : ''}`;
  }).join(' · ');
  const words = [...new Set(v.spans.map((s) => s.text))].map((w) => t('quote_word', [w])).join(' ');
  out.replaceChildren(
    line(t('test_action'), t(`action_${v.action}`)),
    line(t('test_categories'), scores || '—'),
    line(t('test_words'), words || '—'),
  );
  out.title = v.reason;
  if (!res.model) out.append(line('', t('engine_rules_only')));
  out.dataset.action = v.action;
}

form.addEventListener('input', (e) => {
  showValues(form);
  if (e.target.name === 'test_text') {
    clearTimeout(testTimer);
    testTimer = setTimeout(runTest, 150);
    return;
  }
  setStatus('');
  clearTimeout(saveTimer);
  // Typing and sliding fire many events; storage.sync limits writes per minute.
  const wait = e.target.type === 'radio' || e.target.type === 'checkbox' || e.target.tagName === 'SELECT' ? 0 : 350;
  saveTimer = setTimeout(() => commit(e.target), wait);
});
form.addEventListener('submit', (e) => e.preventDefault());
form.elements.reset.addEventListener('click', async () => {
  await S.save(S.DEFAULTS);
  fill(form, S.sanitize(S.DEFAULTS));
  showErrors({});
  setStatus('status_saved');
});

localizePage();
buildCategoryRows(form.querySelector('#categories tbody'));
fill(form, await S.load());
form.dataset.ready = 'true';
ask({ type: 'info' }).then((res) => {
  if (!res?.ok) return;
  document.getElementById('engine-status').textContent = `${t(res.engine.hasModel ? 'engine_model' : 'engine_rules_only')} · v${api.runtime.getManifest().version}`;
});
