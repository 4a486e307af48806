// Builds report.html: self-contained and printable, no script (its CSP forbids any), every piece of
// tweet content inserted as text through the DOM and serialised, so hostile text stays text.
import { timeline } from './chart.js';
import { dayOf } from './model.js';
import { originKind, originRows } from './report-origin.js';
import { REPORT } from './report-strings.js';

const CSS = `body{font:13px/1.4 system-ui,sans-serif;color:#111;margin:24px;max-width:1000px}
h1{font-size:20px}h2{font-size:16px;border-bottom:1px solid #999;margin-top:28px}h3{font-size:14px}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 5px;vertical-align:top;text-align:left}
.text{white-space:pre-wrap;overflow-wrap:anywhere}.hash{font:10px monospace;overflow-wrap:anywhere}
.record{break-inside:avoid;border:1px solid #ccc;padding:8px;margin:12px 0}.record img{max-width:100%;border:1px solid #ddd}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
@media print{.record{page-break-inside:avoid}}`;

export function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** records: the whole chain; model: derive(records); shots: file → bytes; chain: verifyEvidenceChain(). */
export function buildReport({ records, model, shots, chain, lang, createdAt }) {
  const S = REPORT[lang] ?? REPORT.en;
  const doc = document.implementation.createHTMLDocument('');
  const h = (tag, attrs, ...kids) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k ?? S.none);
    return e;
  };
  const dl = (pairs) => h('dl', {}, ...pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? S.none)]));
  doc.documentElement.lang = lang;
  doc.head.append(h('meta', { charset: 'utf-8' }),
    h('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; img-src data:; style-src 'unsafe-inline'" }),
    h('title', {}, S.title), h('style', {}, CSS));
  const caps = [...model.captures].sort((a, b) => a.seq - b.seq);
  const days = caps.map(dayOf).sort();
  const b = doc.body;
  b.append(h('h1', {}, S.title));
  b.append(h('h2', {}, S.summary), dl([
    [S.generated, createdAt], [S.period, days.length ? `${days[0]} → ${days.at(-1)}` : S.none],
    [S.incidents, String(caps.length)], [S.authors, String(model.persons.size)],
    [S.chain, chain.ok ? S.chain_ok : `${S.chain_bad}: ${chain.first_broken?.reason ?? ''}`], [S.head, chain.head ?? S.none],
  ]), h('p', {}, S.how));
  b.append(h('h2', {}, S.chart), timeline(doc, model, caps, { title: S.chart, others: S.others }));

  b.append(h('h2', {}, S.by_author));
  for (const p of [...model.persons.values()].sort((x, y) => y.captures.length - x.captures.length)) {
    const pd = p.captures.map(dayOf).sort();
    b.append(h('h3', {}, `@${p.key} — ${p.captures.length}`), dl([
      [S.handles, [...p.handles].map((x) => `@${x}`).join(', ')], [S.names, [...p.names].join(' | ')],
      [S.first, pd[0]], [S.last, pd.at(-1)], [S.seq, p.captures.map((c) => `#${c.seq}`).join(', ')],
    ]));
  }

  b.append(h('h2', {}, S.chrono));
  const table = h('table', {}, h('tr', {}, ...[S.seq, S.tweet_time, S.captured, S.author, S.text, S.url, S.categories].map((x) => h('th', {}, x))));
  for (const c of caps) {
    table.append(h('tr', {}, h('td', {}, `#${c.seq}`), h('td', {}, c.tweet.time), h('td', {}, `${c.captured_at} / ${c.captured_at_local}`),
      h('td', {}, `${c.tweet.author_name ?? ''} @${c.tweet.author_handle ?? '?'}`), h('td', { class: 'text' }, c.tweet.text),
      h('td', { class: 'hash' }, c.tweet.url), h('td', {}, (c.verdict?.categories ?? []).join(', '))));
  }
  b.append(table);

  b.append(h('h2', {}, S.details));
  for (const c of caps) {
    const tw = c.tweet;
    const box = h('section', { class: 'record', id: `record-${c.seq}` }, h('h3', {}, `#${c.seq} — ${tw.author_name ?? ''} @${tw.author_handle ?? '?'}`));
    box.append(h('p', { class: 'text' }, tw.text));
    const rows = [[S.url, tw.url], [S.status_id, tw.status_id], [S.author_id, tw.author_id], [S.tweet_time, tw.time],
      [S.captured, `${c.captured_at} / ${c.captured_at_local}`], [S.page, c.page_url], [S.categories, (c.verdict?.categories ?? []).join(', ') || c.verdict?.action]];
    if (tw.quote) rows.push([S.quote, `@${tw.quote.author_handle ?? '?'}: ${tw.quote.text}`]);
    if (tw.reply_to) rows.push([S.reply, `${tw.reply_to.handles.map((x) => `@${x}`).join(' ')}${tw.reply_to.tweet ? ` — ${tw.reply_to.tweet.text}` : ''}`]);
    if (tw.media?.length) rows.push([S.media, tw.media.join('\n')]);
    const notes = model.notes.get(c.hash) ?? [];
    if (c.note) notes.unshift({ note: c.note, at: c.captured_at });
    if (notes.length) rows.push([S.note, notes.map((n) => `${n.at}: ${n.note}`).join('\n')]);
    if (c.recapture_of) rows.push([S.recapture, c.recapture_of]);
    rows.push(...originRows(c, model, lang));
    const file = c.parts?.screenshot?.file;
    // A record kept without its picture says so, and why.
    if (!file) rows.push([S.screenshot, `${S.no_screenshot}${c.no_screenshot ? ` — ${S.no_shot[c.no_screenshot] ?? c.no_screenshot}` : ''}`]);
    box.append(dl(rows));
    if (!file) box.setAttribute('data-no-screenshot', c.no_screenshot ?? 'unknown');
    // After data-no-screenshot: readers of the report match `id="record-N" data-no-screenshot=`.
    box.setAttribute('data-origin', originKind(c));
    if (model.gone?.has(tw.status_id)) box.setAttribute('data-seen-gone', model.gone.get(tw.status_id).map((g) => g.state).join(' '));
    if (file && shots.has(file)) box.append(h('img', { src: `data:image/png;base64,${base64(shots.get(file))}`, alt: `${S.screenshot} #${c.seq}` }));
    const hashes = dl([[S.record_hash, c.hash], [S.shot_hash, `${c.parts?.screenshot?.sha256 ?? ''} (${file ?? ''})`],
      [S.text_hash, c.parts?.text?.sha256], [S.html_hash, c.parts?.html?.sha256]]);
    hashes.className = 'hash';
    box.append(hashes);
    b.append(box);
  }

  b.append(h('h2', {}, S.env));
  const envs = new Map(caps.map((c) => [JSON.stringify(c.environment), c.environment]));
  for (const e of envs.values()) {
    if (!e) continue;
    b.append(dl([[S.browser, `${e.browser?.name} ${e.browser?.version}`], [S.os, `${e.os} ${e.arch}`],
      [S.extension, `${e.extension?.name} ${e.extension?.version} (engine ${e.extension?.engine})`], [S.tz, e.time_zone], [S.lang, e.language], [S.ua, e.user_agent]]));
  }
  const deletions = records.filter((r) => r.kind === 'deletion');
  if (deletions.length) b.append(h('h2', {}, S.deleted), h('ul', {}, ...deletions.map((d) => h('li', { class: 'hash' }, `#${d.seq} ${d.at}: #${d.deleted_seq} ${d.deletes}`))));
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
