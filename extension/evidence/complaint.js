// The complaint letter's content, prefilled from the locker: facts per person and per category,
// dates, counts, the offences the categories usually correspond to in French law, the press-law
// deadline warnings, where to file, what the evidence is worth. Pure: it returns blocks
// ({type, text}) that pdf-complaint.js lays out, so the unit tests read them without a PDF.
import { isoDay, parisDate, pressDeadlines } from './deadlines.js';
import { EN } from './legal-en.js';
import { FR } from './legal-fr.js';

export const LEGAL = { fr: FR, en: EN };
// Most serious first: the order of offences in the letter and of the examples shown per person.
const ORDER = ['threat', 'doxxing', 'identity_attack', 'sexual_harassment', 'self_harm', 'defamation', 'insult', 'toxicity', 'profanity', 'muted'];
export const rank = (c) => Math.min(...(c.verdict?.categories ?? []).map((k) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length)), ORDER.length);
const EXAMPLES = 3;
const CLIP = 280;

const dayOfParis = (c) => {
  const t = c.tweet?.time && !Number.isNaN(Date.parse(c.tweet.time)) ? c.tweet.time : c.captured_at;
  return isoDay(parisDate(t));
};
export const longDate = (L, iso) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(L.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const clip = (s) => { const a = [...(s ?? '')]; return a.length > CLIP ? `${a.slice(0, CLIP).join('')}…` : a.join(''); };

/** model: derive(records); head: the chain's head hash; now: ISO time. Returns {blocks, deadlines}. */
export function complaintBlocks({ model, lang, head, now }) {
  const L = LEGAL[lang] ?? EN;
  const caps = [...model.captures].sort((a, b) => a.seq - b.seq);
  const d = (iso) => longDate(L, iso);
  const days = caps.map(dayOfParis).sort();
  const persons = [...model.persons.values()].filter((p) => p.captures.length).sort((a, b) => b.captures.length - a.captures.length);
  const label = (k) => L.category[k] ?? k;
  const quote = lang === 'fr' ? (t) => ` : « ${t} »` : (t) => `: “${t}”`;
  const pretty = (x) => ({ ...x, published: d(x.published), lastDay: d(x.lastDay), simpleLastDay: x.simpleLastDay && d(x.simpleLastDay) });
  const blocks = [];
  const add = (type, text) => blocks.push({ type, text });

  add('draft', L.draft);
  add('warn', L.not_advice);
  for (const f of L.sender) add('field', f);
  add('p', L.to);
  add('field', L.court);
  add('p', L.place_date);
  add('small', L.sent_by);
  add('title', L.title);
  add('p', L.subject);
  add('p', L.salutation);
  add('p', caps.length ? L.intro(caps.length, persons.length, d(days[0]), d(days.at(-1))) : L.intro(0, 0, '…', '…'));

  add('h', L.facts_by_person);
  for (const p of persons) {
    const pd = p.captures.map(dayOfParis).sort();
    add('person', L.person_line([...p.handles].map((h) => `@${h}`).join(', '), [...p.names].join(' | '), p.captures.length, d(pd[0]), d(pd.at(-1))));
    const byCat = new Map();
    for (const c of p.captures) for (const k of c.verdict?.categories ?? []) byCat.set(k, (byCat.get(k) ?? 0) + 1);
    if (byCat.size) add('li', L.cats_line([...byCat].sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0])).map(([k, n]) => `${label(k)} (${n})`).join(', ')));
    add('small', L.examples);
    for (const c of [...p.captures].sort((a, b) => rank(a) - rank(b) || a.seq - b.seq).slice(0, EXAMPLES)) {
      add('quote', `#${c.seq}, ${d(dayOfParis(c))}${c.tweet?.url ? `, ${c.tweet.url}` : ''}${quote(clip(c.tweet?.text))}`);
    }
  }

  add('h', L.facts_by_category);
  const present = ORDER.filter((k) => caps.some((c) => (c.verdict?.categories ?? []).includes(k)));
  for (const k of present) {
    const with_ = caps.filter((c) => c.verdict.categories.includes(k));
    add('li', L.category_line(label(k), with_.length, new Set(with_.map(model.personOf)).size));
  }

  add('h', L.offences);
  add('p', L.offences_intro);
  if (caps.length >= 2) add('li', L.offence.harassment);
  if (persons.length >= 2) add('li', L.offence.raid);
  for (const k of present) if (L.offence[k]) add('li', L.offence[k]);

  const deadlines = pressDeadlines(caps, now);
  if (deadlines.length) {
    add('h', L.deadlines);
    add('p', L.deadline_intro);
    for (const x of deadlines.filter((y) => y.status !== 'open').map(pretty)) {
      const more = [x.aggravated ? L.deadline_simple(x) : '', x.publishedKnown ? '' : L.deadline_guess].filter(Boolean).join(' ');
      add(x.status === 'past' ? 'past' : 'soon', `${x.status === 'past' ? L.deadline_past(x) : L.deadline_soon(x)}${more ? ` ${more}` : ''}`);
    }
    const open = deadlines.filter((y) => y.status === 'open').length;
    if (open) add('small', L.deadline_open(open));
  }

  add('h', L.impact);
  add('small', L.impact_hint);
  add('lines', '4');
  add('h', L.evidence);
  for (const e of L.evidence_items(head ?? '—', caps.length)) add('li', e);
  add('p', L.requests);
  add('p', L.closing);
  add('field', L.signature);

  add('page', '');
  add('h', L.where);
  for (const w of L.where_items) add('li', w);
  add('h', L.proof);
  for (const w of L.proof_items) add('li', w);
  add('warn', L.not_advice);
  return { blocks, deadlines };
}
