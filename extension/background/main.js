// Background entry point: the message router. Every message passes the guard (shape + sender) and is
// then handled by stage: tab state and counts need no engine; classify, validate and test await it.
// The background never makes a network request: the engine and model are files inside the package.
import { api } from '../shared/browser.js';
import { check } from '../shared/messages.js';
import { ready, validate, info, current, health } from './engine.js';
import { decide } from './verdicts.js';
import * as state from './state.js';
import { requestCapture, captureStatus, resumeQueued } from './capture-queue.js';
import { bulk, BULK_TYPES, forgetTab } from './bulk.js';
import { KEY as SETTINGS } from '../shared/settings.js';
import './sync.js';

// Tabs lately answered on the settings copy (engine.js current). Should a settings change reach
// the background only after such a batch was decided, that tab decides again; the page's own
// rescan after the change reads storage, so this is only a safety net.
const answeredFromCopy = new Map(); // tabId → ms
const COPY_STALE_MS = 3000;
api.storage.onChanged.addListener((changes, area) => {
  if (!changes[SETTINGS] || (area !== 'local' && area !== 'sync')) return;
  for (const [tabId, at] of answeredFromCopy) {
    if (Date.now() - at < COPY_STALE_MS) api.tabs.sendMessage(tabId, { type: 'rescan' }).catch(() => {});
  }
  answeredFromCopy.clear();
});

async function handle(type, msg, sender) {
  switch (type) {
    // Stage 1: no engine needed.
    case 'drift':
      await state.setTab(sender.tab.id, { drift: msg.on });
      return {};
    case 'tab-toggle':
      await state.setTab(msg.tabId, { off: !msg.on });
      await api.tabs.sendMessage(msg.tabId, { type: 'rescan' }).catch(() => {});
      return {};
    case 'popup-state': {
      const [tab, counts, engine] = await Promise.all([state.tabState(msg.tabId), state.todayCounts(), info()]);
      const { settings } = await current();
      return { tab, counts, engine, enabled: settings.enabled };
    }
    // Evidence (capture awaits the wasm module itself).
    case 'evidence-capture': {
      const { type: _, ...request } = msg;
      return await requestCapture(request, { id: sender.tab.id, windowId: sender.tab.windowId, url: sender.tab.url ?? sender.url });
    }
    case 'evidence-status':
      return await captureStatus(msg.captureId);
    // Stage 2: the engine.
    case 'classify': {
      state.noteXTab(sender.tab.id).catch(() => {});
      const { off } = await state.tabState(sender.tab.id);
      // New tweets are decided on the settings as last read; a batch that asks again about tweets
      // this page already had (its rescan after a settings change) reads them from storage.
      const cached = msg.items.every((it) => it.fresh);
      // Noted before deciding: a change that lands while this batch is decided must reach it too.
      if (cached) answeredFromCopy.set(sender.tab.id, Date.now());
      const { later, ...res } = await decide(msg.items, { off, cached });
      const fresh = new Set(msg.items.filter((it) => it.fresh).map((it) => it.key));
      // Counting reads and writes storage: after the answer, not before it.
      setTimeout(() => state.count(res.verdicts.filter((v) => fresh.has(v.key))), 0);
      // "Looks like @old" for authors seen for the first time follows the verdicts (lookalike.js).
      // `gen` goes back with them: labels found under settings the page has since changed are dropped there.
      later?.then((labels) => labels.size && api.tabs.sendMessage(sender.tab.id, { type: 'lookalike', gen: msg.gen, labels: [...labels] }))
        .catch(() => {});
      return res;
    }
    case 'info':
      return { engine: await info(), health: await health() };
    case 'validate':
      return await validate(msg.settings);
    case 'test': {
      const { engine } = await current();
      // The thresholds come from the engine: the presets' differ by language (and for counter-speech).
      const { verdict, thresholds } = engine.classifyExplained(msg.text, msg.lang ?? null);
      return { verdict, thresholds, model: engine.hasModel };
    }
    default:
      if (BULK_TYPES.has(type)) return await bulk(type, msg, sender);
      throw new Error(`unhandled ${type}`);
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const type = check(msg, sender, api.runtime);
  if (!type) return false; // malformed or from someone else: no answer at all
  handle(type, msg, sender).then(
    (res) => sendResponse({ ok: true, ...res }),
    (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
  );
  return true; // answered asynchronously
});

api.tabs.onRemoved.addListener((tabId) => { state.forgetTab(tabId); forgetTab(tabId); answeredFromCopy.delete(tabId); });

// Start loading the engine as soon as the background wakes: the first batch is usually on its way.
ready().catch((e) => console.error('Rempart: engine failed to load', e));
// Captures an earlier background took and did not seal (it was killed): finish them now.
resumeQueued().catch((e) => console.error('Rempart: the capture queue could not be read', e));
