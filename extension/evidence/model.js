// What the locker shows, derived from the chain: live captures (deleted ones are tombstones), the
// notes attached to them, and people — handles linked together by "link" records, since harassers
// come back under new names. Pure functions, shared by the locker page and report.html.
import { goneByStatus } from './provenance.js';

const lc = (h) => (h ?? '').toLowerCase();

/** The day an incident belongs to (the tweet's own time when known), as YYYY-MM-DD (UTC). */
export const dayOf = (c) => (c.tweet?.time ?? c.captured_at).slice(0, 10);

export function derive(records) {
  const captures = records.filter((r) => r.kind === 'capture');
  const notes = new Map();
  const parent = new Map();
  for (const r of records) {
    if (r.kind === 'note') notes.set(r.about, [...(notes.get(r.about) ?? []), r]);
    if (r.kind === 'link' && lc(r.handle) !== lc(r.to)) parent.set(lc(r.handle), lc(r.to));
  }
  const root = (h) => {
    const seen = new Set();
    while (parent.has(h) && !seen.has(h)) { seen.add(h); h = parent.get(h); }
    return h;
  };
  const persons = new Map();
  const person = (key) => {
    if (!persons.has(key)) persons.set(key, { key, handles: new Set([key]), names: new Set(), captures: [] });
    return persons.get(key);
  };
  for (const h of parent.keys()) person(root(h)).handles.add(h);
  for (const c of captures) {
    const h = lc(c.tweet?.author_handle) || '?';
    const p = person(root(h));
    p.handles.add(h);
    if (c.tweet?.author_name) p.names.add(c.tweet.author_name);
    p.captures.push(c);
  }
  for (const [k, p] of persons) if (!p.captures.length && !parent.has(k) && ![...parent.values()].includes(k)) persons.delete(k);
  const personOf = (c) => root(lc(c.tweet?.author_handle) || '?');
  const categories = [...new Set(captures.flatMap((c) => c.verdict?.categories ?? []))].sort();
  // Notes merged from another dossier name the original capture's hash.
  for (const c of captures) if (c.origin && notes.has(c.origin.hash)) notes.set(c.hash, [...(notes.get(c.hash) ?? []), ...notes.get(c.origin.hash)]);
  return { captures, notes, persons, personOf, rootOf: root, categories, records, gone: goneByStatus(records) };
}

/** Captures matching the locker's filters: {person, category, from, to} (empty = any). */
export function filter(model, { person = '', category = '', from = '', to = '' }) {
  return model.captures.filter((c) => (!person || model.personOf(c) === person)
    && (!category || (c.verdict?.categories ?? []).includes(category))
    && (!from || dayOf(c) >= from) && (!to || dayOf(c) <= to));
}
