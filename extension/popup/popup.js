// Popup: shows the state the background keeps for the active tab and today's counts.
import { api, t, localizePage } from '../shared/browser.js';
import { BUILD } from '../shared/build-info.js';
import { CATEGORIES } from '../shared/settings.js';

const COLUMNS = ['blur', 'hide', 'flag'];

function renderCounts(counts) {
  const tbody = document.querySelector('#counts tbody');
  const rows = [...CATEGORIES, 'unchecked'].filter((c) => COLUMNS.some((a) => counts[a]?.[c]));
  for (const cat of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = t(cat === 'unchecked' ? 'reason_unchecked' : `cat_${cat}`);
    tr.append(th);
    for (const a of COLUMNS) {
      const td = document.createElement('td');
      td.textContent = String(counts[a]?.[cat] ?? 0);
      td.dataset.count = `${a}.${cat}`;
      tr.append(td);
    }
    tbody.append(tr);
  }
  document.getElementById('counts').hidden = rows.length === 0;
  document.getElementById('nothing').hidden = rows.length > 0;
}

async function main() {
  localizePage();
  // popup.html?tab=ID shows another tab's state (the popup opened as a page, e.g. in tests).
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  const [tab] = asked ? [{ id: asked }] : await api.tabs.query({ active: true, currentWindow: true });
  const res = await api.runtime.sendMessage({ type: 'popup-state', tabId: tab?.id ?? -1 });
  if (!res?.ok) return;
  document.getElementById('engine').textContent = t(res.engine.hasModel ? 'engine_model' : 'engine_rules_only');
  document.getElementById('drift').hidden = !res.tab.drift;
  document.getElementById('disabled').hidden = res.enabled;
  document.getElementById('not-x').hidden = res.tab.x;
  const toggle = document.querySelector('[name="tab_enabled"]');
  toggle.checked = !res.tab.off;
  toggle.disabled = !tab;
  toggle.addEventListener('change', () => api.runtime.sendMessage({ type: 'tab-toggle', tabId: tab.id, on: toggle.checked }));
  renderCounts(res.counts);
  document.getElementById('open-options').addEventListener('click', (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
    window.close();
  });
  if (BUILD.evidencePage) {
    const link = document.getElementById('open-evidence');
    link.href = api.runtime.getURL(BUILD.evidencePage);
    link.target = '_blank';
    link.hidden = false;
  }
  document.body.dataset.ready = 'true';
}

main();
