// The short limitation period of the press law for saved public insults and defamation (loi du
// 29 juillet 1881, art. 65: three months; art. 65-3: one year when aggravated by origin, religion,
// sex, sexual orientation or identity, disability), counted in calendar months on the Paris date
// of publication. Pure (the clock is passed in), shared by the locker, the PDFs and the unit tests.

export const ZONE = 'Europe/Paris';
/** A deadline this close (in days) or closer is "approaching": a month leaves time to see a lawyer. */
export const APPROACHING_DAYS = 30;
/** Categories the press law covers, and the one that makes them aggravated (one year). */
export const PRESS_CATEGORIES = ['insult', 'defamation', 'identity_attack'];
export const AGGRAVATING = 'identity_attack';

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Paris of an instant (ISO string or Date): {y, m, d}, m and d from 1. */
export function parisDate(instant) {
  const t = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(t.getTime())) throw new Error(`not a date: ${instant}`);
  const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day) };
}

const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Adds calendar months; a day the target month lacks becomes its last day (31 May + 3 → 31 Aug,
 *  30 Nov + 3 → 28 or 29 Feb, 29 Feb + 12 → 28 Feb): never later than the law's date. */
export function addMonths({ y, m, d }, months) {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return { y: ny, m: nm, d: Math.min(d, daysIn(ny, nm)) };
}

export const isoDay = ({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
export const daysBetween = (a, b) => Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86400000);

/** 'past' after the last day, 'approaching' within APPROACHING_DAYS of it, else 'open'. */
export function statusOf(daysLeft) {
  if (daysLeft < 0) return 'past';
  return daysLeft <= APPROACHING_DAYS ? 'approaching' : 'open';
}

/**
 * The press-law deadline of one capture, or null when none of its categories is a press offence.
 * The tweet's own time is the publication; without it the capture time stands in (the real
 * deadline can only be earlier), and `publishedKnown` says so.
 */
export function pressDeadline(capture, now) {
  const cats = capture.verdict?.categories ?? [];
  if (!cats.some((c) => PRESS_CATEGORIES.includes(c))) return null;
  const aggravated = cats.includes(AGGRAVATING);
  const publishedKnown = Boolean(capture.tweet?.time) && !Number.isNaN(Date.parse(capture.tweet.time));
  const published = parisDate(publishedKnown ? capture.tweet.time : capture.captured_at);
  const today = parisDate(now);
  const months = aggravated ? 12 : 3;
  const last = addMonths(published, months);
  const daysLeft = daysBetween(today, last);
  // If a court does not retain the aggravation, the three months apply: show that date as well.
  const simple = addMonths(published, 3);
  return {
    seq: capture.seq, offence: cats.includes('defamation') ? 'defamation' : 'insult', aggravated, months, publishedKnown,
    published: isoDay(published), lastDay: isoDay(last), daysLeft, status: statusOf(daysLeft),
    simpleLastDay: aggravated ? isoDay(simple) : null, simpleStatus: aggravated ? statusOf(daysBetween(today, simple)) : null,
  };
}

/** Every press-law deadline among the captures, the most urgent first. */
export function pressDeadlines(captures, now) {
  return captures.map((c) => pressDeadline(c, now)).filter(Boolean).sort((a, b) => a.daysLeft - b.daysLeft || a.seq - b.seq);
}
