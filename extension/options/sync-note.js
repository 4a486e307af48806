// Options page, "On your other devices": says what syncs, what stays on this device and why, and
// the last sync outcome the background reported (storage.local.sync_status, see background/sync.js).
// Test contract: #sync[data-state], #sync-unsynced li[data-list], #sync-state.
import { api, t } from '../shared/browser.js';

const STATUS = 'sync_status';
const section = document.getElementById('sync');
const fieldNames = (fields) => fields.map((f) => t(`opt_${f}`)).join(', ');

function show(status) {
  const st = status ?? { state: 'pending' };
  section.dataset.state = st.state;
  const lang = api.i18n.getUILanguage();
  const lists = Object.entries(st.unsynced ?? {}).filter(([, n]) => n > 0);
  document.getElementById('sync-unsynced').replaceChildren(...lists.map(([list, n]) => {
    const li = document.createElement('li');
    li.dataset.list = list;
    li.textContent = t('sync_unsynced', [t(`opt_${list}`), n.toLocaleString(lang)]);
    return li;
  }));
  // The browser's own words are cryptic ("Resource::kQuotaBytes quota exceeded"): say it plainly first.
  const raw = String(st.error ?? '?').replace(/\.$/, '');
  const why = [st.kind === 'bytes' ? t('sync_full') : st.kind === 'rate' ? t('sync_rate') : '', raw].filter(Boolean).join(' — ');
  const text = {
    ok: st.applied?.length ? t('sync_applied', [fieldNames(st.applied)]) + ' ' + t('sync_ok') : t('sync_ok'),
    error: t('sync_error', [why]),
    reduced: t('sync_reduced', [why]),
    waiting: t('sync_waiting', [fieldNames(st.waiting ?? [])]),
    newer: t('sync_newer'),
    unavailable: t('sync_unavailable'),
  }[st.state] ?? '';
  document.getElementById('sync-state').textContent = text;
  // A refused write is worth seeing without scrolling: a link in the header points here.
  let badge = document.getElementById('sync-badge');
  if (st.state === 'error' && !badge) {
    badge = Object.assign(document.createElement('a'), { id: 'sync-badge', href: '#sync', className: 'sync-badge' });
    badge.textContent = t('sync_badge');
    document.querySelector('header').append(badge);
  } else if (st.state !== 'error') badge?.remove();
}

show((await api.storage.local.get(STATUS))[STATUS]);
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[STATUS]) show(changes[STATUS].newValue);
});
