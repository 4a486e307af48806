// The wasm engine, loaded once per background lifetime. Chrome evicts the service worker when idle,
// so every handler awaits ready(): the first call after a wake-up loads it again, later calls share it.
import init, { Engine, engineInfo } from '../pkg/rempart.js';
import { api } from '../shared/browser.js';
import { BUILD } from '../shared/build-info.js';
import * as S from '../shared/settings.js';

let booting = null;
let appliedJson = '';

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
  const settings = await S.load();
  let engine;
  try {
    engine = new Engine(model, null, settings);
  } catch (e) {
    // Stored user rules the engine rejects must not leave the user unprotected: start without them.
    console.warn('Rempart: stored user rules rejected, started without them', e);
    engine = new Engine(model, null, { ...settings, muted_words: [], muted_regexes: [] });
    engine.userRulesDropped = true;
  }
  // Display names and handles are a few words: too short for the model (it over-fires on them),
  // so they go through the rules only. Slurs in names are what the rules are for.
  const names = new Engine(null, null, engineSettings(engine, settings));
  appliedJson = JSON.stringify(settings);
  return { texts: engine, names };
}

// The settings the engine accepted (user rules may have been dropped at boot).
const engineSettings = (engine, settings) => (engine.userRulesDropped ? { ...settings, muted_words: [], muted_regexes: [] } : settings);

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
      engines.names.setSettings(settings);
    } catch (e) {
      console.warn('Rempart: settings rejected', e);
    }
    appliedJson = json;
  }
  return { engine: engines.texts, names: engines.names, settings };
}

export async function validate(settings) {
  await ready();
  return Engine.validateSettings(S.sanitize(settings));
}

export async function info() {
  const { texts } = await ready();
  return { ...engineInfo(), hasModel: texts.hasModel };
}
