// The locker's "returning accounts" list: each suggestion says which new handle looks like which
// saved one and why (the engine's reasons, translated), with "same person" and "different people".
import { linkAccounts } from '../pkg/rempart.js';
import { t } from '../shared/browser.js';
import * as db from '../shared/evidence-db.js';
import { reasonText } from '../shared/link-reasons.js';
import { avatarsByHandle } from './avatars.js';
import { confirmRecord, olderAndNewer, pendingSuggestions, rejectRecord } from './suggestions.js';

function button(action, label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

// The comparison is redone only when the chain changed, not on every filter change.
let cached = { key: null, pending: [] };
let renders = 0;

/** Fills `container` with the pending suggestions; `refresh` re-renders the locker after a choice. */
export async function renderSuggestions(container, records, model, refresh) {
  const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent' });
  const key = `${records.length}:${records.at(-1)?.hash ?? ''}`;
  if (cached.key !== key) {
    const mine = ++renders;
    const avatars = await avatarsByHandle(model).catch(() => new Map());
    if (mine !== renders) return cached.pending; // a newer render is on its way: it draws
    cached = { key, pending: pendingSuggestions(records, model, linkAccounts, avatars) };
  }
  const { pending } = cached;
  if (!pending.length) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = t('locker_suggestions_none');
    container.replaceChildren(p);
    return pending;
  }
  container.replaceChildren(...pending.map((s) => {
    const [older, newer] = olderAndNewer(model, s.a, s.b);
    const li = document.createElement('li');
    li.dataset.rempartSuggestion = `${newer} ${older}`;
    const what = document.createElement('strong');
    what.textContent = t('locker_suggestion', [newer, older]);
    const why = document.createElement('span');
    why.className = 'reasons';
    why.textContent = ` — ${s.reasons.map(reasonText).join(', ')} (${percent.format(s.score)}) `;
    const choose = (make) => async () => {
      const record = make();
      for (const b of li.querySelectorAll('button')) b.disabled = true;
      await db.append(() => [{ record }]);
      refresh();
    };
    li.append(what, why,
      button('confirm', t('locker_suggestion_confirm'), choose(() => confirmRecord(model, s))),
      button('reject', t('locker_suggestion_reject'), choose(() => rejectRecord(s))));
    return li;
  }));
  return pending;
}
