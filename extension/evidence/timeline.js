// A person's timeline across every handle they used: incidents, first and last seen, and the
// handles in the order they appeared (a returning harasser's new accounts, one after the other).
import { dayOf } from './model.js';

const lc = (h) => (h ?? '').toLowerCase();

export function personTimeline(person) {
  const captures = [...person.captures].sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || a.seq - b.seq);
  const handles = [];
  for (const c of captures) {
    const h = lc(c.tweet?.author_handle);
    if (h && !handles.includes(h)) handles.push(h);
  }
  // Handles linked by hand or by a confirmed suggestion but not captured yet come last.
  for (const h of person.handles) if (!handles.includes(h)) handles.push(h);
  const perHandle = Object.fromEntries(handles.map((h) => [h, captures.filter((c) => lc(c.tweet?.author_handle) === h).length]));
  return {
    count: captures.length,
    first: captures.length ? dayOf(captures[0]) : null,
    last: captures.length ? dayOf(captures.at(-1)) : null,
    handles,
    perHandle,
  };
}
