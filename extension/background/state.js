// State that must outlive a service-worker eviction: per-tab switches and layout-drift flags in
// storage.session (gone when the browser closes), today's counts in storage.local.
import { api } from '../shared/browser.js';

const TABS = 'tabs';
const STATS = 'stats';
const MAX_SEEN = 5000;

// Only this background writes the tab table: it is read from storage once per wake-up and then
// kept in memory (every batch asks whether its tab is switched off), every change written through.
let table = null;
function tabs() {
  table ??= api.storage.session.get(TABS).then((got) => got[TABS] ?? {}, (e) => { table = null; throw e; });
  return table;
}

// Read-modify-writes of the tab table run one after the other: a tab closing while the popup
// switches another one must not write back a stale table.
let tabsChain = Promise.resolve();
function mutateTabs(fn) {
  const run = tabsChain.then(async () => {
    const all = await tabs();
    const result = fn(all);
    await api.storage.session.set({ [TABS]: all });
    return result;
  });
  tabsChain = run.catch(() => {});
  return run;
}

export async function tabState(tabId) {
  return { off: false, drift: false, x: false, ...(await tabs())[tabId] };
}

export async function setTab(tabId, patch) {
  const s = await mutateTabs((all) => {
    all[tabId] = { ...all[tabId], ...patch };
    return { off: false, drift: false, ...all[tabId] };
  });
  // Drift outranks "off": it is the one the user must not miss.
  await api.action.setBadgeText({ tabId, text: s.drift ? '!' : s.off ? 'off' : '' });
  await api.action.setBadgeBackgroundColor({ tabId, color: s.drift ? '#c2410c' : '#6b7280' });
}

// Tabs known to run our content script (the popup cannot read tab URLs without the "tabs"
// permission, which Rempart does not ask for). Memory first, storage once per tab and wake-up.
const known = new Set();
export async function noteXTab(tabId) {
  if (known.has(tabId)) return;
  known.add(tabId);
  await mutateTabs((all) => { all[tabId] = { ...all[tabId], x: true }; });
}

export async function forgetTab(tabId) {
  known.delete(tabId);
  if (!(tabId in await tabs())) return; // most closed tabs were never X tabs: no write
  await mutateTabs((all) => { delete all[tabId]; });
}

/** YYYY-MM-DD in local time. By hand rather than toLocaleDateString('sv'): that call made the
 *  worker read about 2 MB of the browser's locale data (bench/memory_map.mjs). */
function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// Counting is serialized so that two batches arriving together do not overwrite each other.
let chain = Promise.resolve();
// Today's figures as this background last wrote them (it is their only writer): read once per wake-up.
let stats = null;

/** Count each tweet once a day (by key), per action and category. */
export function count(verdicts) {
  const acting = verdicts.filter((v) => v.action !== 'none');
  if (!acting.length) return chain;
  chain = chain.then(async () => {
    let st = stats ?? (await api.storage.local.get(STATS))[STATS];
    if (!st || st.day !== today()) st = { day: today(), counts: {}, seen: [] };
    const seen = new Set(st.seen);
    for (const v of acting) {
      if (seen.has(v.key)) continue;
      seen.add(v.key);
      st.seen.push(v.key);
      const row = (st.counts[v.action] ??= {});
      for (const c of v.categories.length ? v.categories : ['unchecked']) row[c] = (row[c] ?? 0) + 1;
    }
    st.seen = st.seen.slice(-MAX_SEEN);
    stats = st;
    await api.storage.local.set({ [STATS]: st });
  }).catch((e) => console.warn('Rempart: counts not saved', e));
  return chain;
}

export async function todayCounts() {
  const st = (await api.storage.local.get(STATS))[STATS];
  return st?.day === today() ? st.counts : {};
}
