// The timeline chart: incidents per day, stacked by person, drawn as inline SVG with the document
// given (the locker page, or the report being built), so the report needs no script to show it.
import { dayOf } from './model.js';

const NS = 'http://www.w3.org/2000/svg';
const COLORS = ['#b91c1c', '#1d4ed8', '#a16207', '#15803d', '#7e22ce', '#0e7490'];
const W = 720;
const H = 200;
const PAD = { l: 32, r: 8, t: 8, b: 28 };
const DAY = 86400000;

function days(captures) {
  const list = captures.map(dayOf).sort();
  if (!list.length) return [];
  const out = [];
  const last = Date.parse(list.at(-1));
  // Capped so that a stray old date cannot make a chart of ten thousand columns.
  for (let d = Math.max(Date.parse(list[0]), last - 365 * DAY); d <= last; d += DAY) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** The chart's numbers, shared by the SVG (locker, report.html) and the PDF: day columns, the
 *  top authors (one series each, the rest as "others"), per-day counts per series, the tallest day. */
export function timelineData(model, captures) {
  const cols = days(captures);
  const counts = new Map();
  for (const c of captures) counts.set(model.personOf(c), (counts.get(model.personOf(c)) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, COLORS.length - 1).map(([k]) => k);
  const series = (c) => (top.includes(model.personOf(c)) ? model.personOf(c) : '');
  const grid = new Map(cols.map((d) => [d, new Map()]));
  for (const c of captures) {
    const g = grid.get(dayOf(c));
    if (g) g.set(series(c), (g.get(series(c)) ?? 0) + 1);
  }
  const max = Math.max(1, ...[...grid.values()].map((g) => [...g.values()].reduce((a, b) => a + b, 0)));
  return { cols, counts, top, keys: [...top, ''], grid, max, others: captures.some((c) => series(c) === ''), colors: COLORS };
}

/** model: derive(); captures: those to plot; label(key) → legend text. Returns an <svg>. */
export function timeline(doc, model, captures, { title, others }) {
  const el = (tag, attrs = {}, text) => {
    const e = doc.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const { cols, counts, top, keys, grid, max, others: hasOthers } = timelineData(model, captures);
  const legendH = 18 * Math.ceil((top.length + 1) / 3);
  const svg = el('svg', { xmlns: NS, viewBox: `0 0 ${W} ${H + legendH}`, width: W, height: H + legendH, role: 'img', class: 'timeline' });
  svg.append(el('title', {}, title));
  const plotW = W - PAD.l - PAD.r;
  const plotH = H - PAD.t - PAD.b;
  const bw = cols.length ? plotW / cols.length : plotW;
  svg.append(el('line', { x1: PAD.l, y1: PAD.t + plotH, x2: W - PAD.r, y2: PAD.t + plotH, stroke: '#64748b' }));
  svg.append(el('text', { x: PAD.l - 4, y: PAD.t + 10, 'text-anchor': 'end', 'font-size': 11 }, String(max)));
  svg.append(el('text', { x: PAD.l - 4, y: PAD.t + plotH, 'text-anchor': 'end', 'font-size': 11 }, '0'));
  cols.forEach((d, i) => {
    let y = PAD.t + plotH;
    keys.forEach((k, ki) => {
      const n = grid.get(d).get(k) ?? 0;
      if (!n) return;
      const h = (n / max) * plotH;
      y -= h;
      const r = el('rect', { x: (PAD.l + i * bw + bw * 0.1).toFixed(1), y: y.toFixed(1), width: Math.max(1, bw * 0.8).toFixed(1), height: h.toFixed(1), fill: COLORS[ki] });
      r.append(el('title', {}, `${d}: ${n}`));
      svg.append(r);
    });
    const every = Math.ceil(cols.length / 8);
    if (i % every === 0) svg.append(el('text', { x: (PAD.l + i * bw + bw / 2).toFixed(1), y: H - 10, 'text-anchor': 'middle', 'font-size': 11 }, d.slice(5)));
  });
  keys.forEach((k, i) => {
    if (k === '' && !hasOthers) return;
    const x = PAD.l + (i % 3) * 230;
    const y = H + 18 * Math.floor(i / 3);
    svg.append(el('rect', { x, y: y + 2, width: 12, height: 12, fill: COLORS[i] }));
    svg.append(el('text', { x: x + 18, y: y + 12, 'font-size': 12 }, k ? `@${k} (${counts.get(k)})` : others));
  });
  return svg;
}
