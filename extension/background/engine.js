// The wasm engine, loaded once per background lifetime. Chrome evicts the service worker when idle,
// so every handler awaits ready(): the first call after a wake-up loads it again, later calls share it.
import init, { Engine, engineInfo } from '../pkg/rempart.js';
import { api } from '../shared/browser.js';
import { BUILD } from '../shared/build-info.js';
import * as S from '../shared/settings.js';

let booting = null;
let appliedJson = '';
// Stored user rules the engine refused, each dropped alone: [{field, value, error}].
let rejected = [];

/** The settings minus each user rule the engine refuses (named), so one bad regex in storage
 *  does not take the user's other rules down with it. */
function usable(settings) {
  const dropped = [];
  let s = settings;
  for (;;) {
    const { error } = Engine.validateSettings(s);
    if (!error) return { settings: s, dropped };
    const regex = /^rule 'user:regex:(\d+)'/.exec(error);
    const word = /^rule 'muted word #(\d+) /.exec(error);
    const [field, at] = regex ? ['muted_regexes', regex[1] - 1] : word ? ['muted_words', word[1] - 1] : ['muted_words', -1];
    dropped.push({ field, value: at >= 0 ? s[field][at] : '', error });
    // An error that names no single rule (the whole list too big): drop every user rule.
    s = at >= 0 ? { ...s, [field]: s[field].filter((_, i) => i !== at) } : { ...s, muted_words: [], muted_regexes: [] };
  }
}

async function boot() {
  await init({ module_or_path: api.runtime.getURL('pkg/rempart_bg.wasm') });
  let model = null;
  if (BUILD.model) {
    try {
      // A file inside the package: fetch() of our own URL never touches the network.
      model = new Uint8Array(await (await fetch(api.runtime.getURL(BUILD.model))).arrayBuffer());
    } catch (e) {
      console.warn('Rempart: model not loaded, rules only', e);
    }
  }
  const stored = await S.load();
  let settings = stored;
  let engine;
  try {
    engine = new Engine(model, null, stored);
    rejected = [];
  } catch {
    ({ settings, dropped: rejected } = usable(stored));
    console.warn('Rempart: stored user rules refused, running without them', rejected);
    engine = new Engine(model, null, settings);
  }
  appliedJson = JSON.stringify(stored);
  return { texts: engine };
}

export function ready() {
  booting ??= boot().catch((e) => { booting = null; throw e; });
  return booting;
}

/** The engine with the settings storage holds right now (read per call: no race with onChanged). */
export async function current() {
  const engines = await ready();
  const settings = await S.load();
  const json = JSON.stringify(settings);
  if (json !== appliedJson) {
    try {
      engines.texts.setSettings(settings);
      rejected = [];
    } catch {
      // setSettings keeps the old settings on error: apply the usable part instead.
      const { settings: accepted, dropped } = usable(settings);
      rejected = dropped;
      engines.texts.setSettings(accepted);
    }
    appliedJson = json;
  }
  return { engine: engines.texts, settings };
}

export async function validate(settings) {
  await ready();
  return Engine.validateSettings(S.sanitize(settings));
}

export async function info() {
  const { texts } = await ready();
  return { ...engineInfo(), hasModel: texts.hasModel };
}

/** What is wrong with the stored settings: fields reset on reading, user rules the engine refused. */
export async function health() {
  await current();
  const { problems } = await S.loadChecked();
  return { problems, rejected };
}
