// The wasm engine, loaded once per background lifetime. Chrome evicts the service worker when idle,
// so every handler awaits ready(): the first call after a wake-up loads it again, later calls share it.
import { Engine, engineInfo } from '../pkg/rempart.js';
import { api } from '../shared/browser.js';
import { loadEngine, packageBytes, release } from '../shared/wasm-load.js';
import { BUILD } from '../shared/build-info.js';
import * as S from '../shared/settings.js';

let booting = null;
let appliedJson = '';
let appliedSettings = null;
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
  await loadEngine();
  let model = null;
  if (BUILD.model) {
    try {
      model = new Uint8Array(await packageBytes(BUILD.model));
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
  // The engine holds its own copy of the model.
  if (model) release(model.buffer);
  appliedJson = JSON.stringify(stored);
  appliedSettings = stored;
  return { texts: engine };
}

export function ready() {
  booting ??= boot().catch((e) => { booting = null; throw e; });
  return booting;
}

// The settings as last read, for batches of new tweets (one storage read per batch was a few ms
// of every batch). storage.onChanged drops the copy; a read that was under way when a change
// landed is not kept (`version`). Whatever the order in which the browser delivers the change
// to the background and to the page, the page's rescan after a change re-asks about tweets
// already decided, and such a batch reads storage itself (`cached: false`).
let cachedSettings = null;
let version = 0;
api.storage.onChanged.addListener((changes, area) => {
  // Versions before 0.2 kept the settings in storage.sync, and S.load() still reads them there.
  if ((area === 'local' || area === 'sync') && changes[S.KEY]) { version++; cachedSettings = null; }
});

async function settingsNow(cached) {
  if (cached && cachedSettings) return cachedSettings;
  const at = version;
  const settings = await S.load();
  if (at === version) cachedSettings = settings;
  return settings;
}

/** The engine with the stored settings: read from storage now, or (`cached`, for batches of
 *  new tweets) as last read, unless they changed since. */
export async function current({ cached = false } = {}) {
  const engines = await ready();
  const settings = await settingsNow(cached);
  if (settings === appliedSettings) return { engine: engines.texts, settings };
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
  appliedSettings = settings;
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
