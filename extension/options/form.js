// Settings ↔ form controls. Sliders show sensitivity (100 − threshold × 100) because "more
// sensitive = catches more" reads better than a threshold; only values that differ from the
// preset or the default action are stored.
import { t } from '../shared/browser.js';
import { ACTIONS, CATEGORIES, PRESETS, defaultAction, normalizeHandle, sanitize, SLIDER_STEP } from '../shared/settings.js';

const toSensitivity = (threshold) => Math.round((1 - threshold) * 100);
const toThreshold = (sensitivity) => Math.round(100 - sensitivity) / 100;
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Builds one table row per category (labels from _locales; muted rules have no score to tune). */
export function buildCategoryRows(tbody) {
  for (const cat of CATEGORIES) {
    const tr = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = t(`cat_${cat}`);
    const help = document.createElement('div');
    help.className = 'muted small';
    help.textContent = t(`cat_${cat}_help`);
    name.append(help);
    const slider = document.createElement('td');
    if (cat !== 'muted') {
      const input = Object.assign(document.createElement('input'), { type: 'range', name: `sensitivity.${cat}`, min: 0, max: 100, step: 1 });
      input.setAttribute('aria-label', `${t('col_sensitivity')} — ${t(`cat_${cat}`)}`);
      const out = Object.assign(document.createElement('output'), { className: 'value' });
      out.dataset.for = input.name;
      slider.append(input, out);
    }
    const act = document.createElement('td');
    const select = Object.assign(document.createElement('select'), { name: `action.${cat}` });
    select.setAttribute('aria-label', `${t('col_action')} — ${t(`cat_${cat}`)}`);
    for (const a of ACTIONS) select.append(new Option(t(`action_${a}`), a));
    act.append(select);
    tr.append(name, slider, act);
    tbody.append(tr);
  }
}

export function fill(form, s) {
  form.elements.enabled.checked = s.enabled;
  form.elements.preset.value = s.preset;
  for (const cat of CATEGORIES) {
    const range = form.elements[`sensitivity.${cat}`];
    if (range) range.value = toSensitivity(s.categories[cat]?.threshold ?? PRESETS[s.preset]);
    form.elements[`action.${cat}`].value = s.categories[cat]?.action ?? defaultAction(cat);
  }
  for (const list of ['allowlist', 'blocklist']) form.elements[list].value = s[list].map((h) => `@${h}`).join('\n');
  for (const list of ['muted_words', 'muted_regexes']) form.elements[list].value = s[list].join('\n');
  showValues(form);
}

/** After a preset change: the sliders show the preset again; every other control stays as the
 *  user left it (an edit made while the save was in flight must not be undone). */
export function resetSliders(form, preset) {
  for (const cat of CATEGORIES) {
    const range = form.elements[`sensitivity.${cat}`];
    if (range) range.value = toSensitivity(PRESETS[preset]);
  }
  showValues(form);
}

export function showValues(form) {
  for (const out of form.querySelectorAll('output[data-for]')) out.value = `${form.elements[out.dataset.for].value}`;
}

/** Reads the form; `changed` is the control that moved (a preset change resets the sliders). */
export function read(form, changed) {
  const el = form.elements;
  const preset = el.preset.value;
  const categories = {};
  for (const cat of CATEGORIES) {
    const entry = {};
    const range = el[`sensitivity.${cat}`];
    if (range && changed?.name !== 'preset') {
      // Compared on the slider's own integer scale: it must be able to show the preset exactly (step
      // 1: 0.27 is 73), or an untouched slider would be saved as a threshold the user never chose.
      if (Number(range.value) !== toSensitivity(PRESETS[preset])) entry.threshold = toThreshold(Number(range.value));
    }
    const action = el[`action.${cat}`].value;
    if (action !== defaultAction(cat)) entry.action = action;
    if (Object.keys(entry).length) categories[cat] = entry;
  }
  const badHandles = {};
  const handles = (name) => {
    const raw = lines(el[name].value);
    badHandles[name] = raw.filter((h) => !normalizeHandle(h));
    return raw.map(normalizeHandle).filter(Boolean);
  };
  const settings = sanitize({
    enabled: el.enabled.checked, preset, categories,
    allowlist: handles('allowlist'), blocklist: handles('blocklist'),
    muted_words: lines(el.muted_words.value), muted_regexes: lines(el.muted_regexes.value),
    slider_step: SLIDER_STEP,
  });
  return { settings, badHandles };
}
