// Where a capture came from and what was seen of it later, as lines for the locker: merged from
// another dossier (which file, which original record), saved with a conversation or an author
// sweep (the conversation link), and "seen deleted on …" when X later said it was gone.
import { t } from '../shared/browser.js';

const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Text lines about capture `c` (model from derive(): its records, in chain order). */
export function provenance(c, model) {
  const lines = [];
  const o = c.origin;
  const header = o && model.records?.[o.import_seq];
  if (header?.kind === 'import') {
    lines.push(t('prov_imported', [header.from.file, header.from.created_at ? when(header.from.created_at) : '—', String(o.seq), header.from.head.slice(0, 12)]));
  }
  const bulk = c.tweet?.bulk;
  if (bulk?.kind === 'conversation') lines.push(t('prov_conversation', [bulk.url]));
  if (bulk?.kind === 'author') lines.push(t('prov_author', [bulk.author, bulk.url]));
  for (const g of model.gone?.get(c.tweet?.status_id) ?? []) lines.push(t(`prov_gone_${g.state}`, [when(g.seen_at), g.notice]));
  return lines;
}

/** status id → its "seen-gone" records, for derive(). */
export function goneByStatus(records) {
  const out = new Map();
  for (const r of records) if (r.kind === 'seen-gone') out.set(r.status_id, [...(out.get(r.status_id) ?? []), r]);
  return out;
}
