// The press-law deadline arithmetic (extension/evidence/deadlines.js): Paris dates, calendar
// months, leap years, the approaching threshold and the one-year aggravated case.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, APPROACHING_DAYS, isoDay, parisDate, pressDeadline, pressDeadlines } from '../../extension/evidence/deadlines.js';

const cap = (seq, time, categories, extra = {}) => ({ seq, captured_at: '2027-06-01T10:00:00Z', tweet: { time }, verdict: { categories }, ...extra });
const plus = (iso, months) => isoDay(addMonths(parisDate(iso), months));

describe('Paris dates', () => {
  it('23:30 UTC is already the next day in Paris (winter +1, summer +2)', () => {
    assert.equal(isoDay(parisDate('2026-12-31T23:30:00Z')), '2027-01-01');
    assert.equal(isoDay(parisDate('2026-06-30T22:30:00Z')), '2026-07-01');
    assert.equal(isoDay(parisDate('2026-06-30T21:59:00Z')), '2026-06-30');
  });
  it('the publication day is the Paris one: a tweet at 23:30 UTC on 31 Dec runs to 1 April', () => {
    assert.equal(plus('2026-12-31T23:30:00Z', 3), '2027-04-01');
    assert.equal(plus('2026-12-31T12:00:00Z', 3), '2027-03-31');
  });
  it('refuses what is not a date', () => assert.throws(() => parisDate('yesterday'), /not a date/));
});

describe('calendar months', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    assert.deepEqual(addMonths({ y: 2027, m: 5, d: 31 }, 3), { y: 2027, m: 8, d: 31 });
    assert.deepEqual(addMonths({ y: 2027, m: 3, d: 31 }, 3), { y: 2027, m: 6, d: 30 });
    assert.deepEqual(addMonths({ y: 2026, m: 11, d: 15 }, 3), { y: 2027, m: 2, d: 15 });
  });
  it('leap years: 29 Feb + 3 months, + 1 year; 30 Nov + 3 months in and out of a leap year', () => {
    assert.deepEqual(addMonths({ y: 2028, m: 2, d: 29 }, 3), { y: 2028, m: 5, d: 29 });
    assert.deepEqual(addMonths({ y: 2028, m: 2, d: 29 }, 12), { y: 2029, m: 2, d: 28 });
    assert.deepEqual(addMonths({ y: 2027, m: 11, d: 30 }, 3), { y: 2028, m: 2, d: 29 });
    assert.deepEqual(addMonths({ y: 2026, m: 11, d: 30 }, 3), { y: 2027, m: 2, d: 28 });
    assert.deepEqual(addMonths({ y: 2027, m: 2, d: 28 }, 12), { y: 2028, m: 2, d: 28 });
  });
});

describe('press-law deadlines', () => {
  const now = '2027-06-01T10:00:00Z';
  const daysAgo = (n) => new Date(Date.parse(now) - n * 86400000).toISOString();

  it('an insult 80 days old is approaching, 100 days old is past; the threshold is 30 days', () => {
    assert.equal(APPROACHING_DAYS, 30);
    const a = pressDeadline(cap(1, daysAgo(80), ['insult']), now);
    assert.equal(a.status, 'approaching');
    assert.ok(a.daysLeft > 0 && a.daysLeft <= 30, String(a.daysLeft));
    assert.equal(a.months, 3);
    assert.equal(pressDeadline(cap(2, daysAgo(100), ['insult']), now).status, 'past');
    assert.equal(pressDeadline(cap(3, daysAgo(20), ['defamation']), now).status, 'open');
    assert.equal(pressDeadline(cap(3, daysAgo(20), ['defamation']), now).offence, 'defamation');
  });
  it('the exact edges: the last day itself is not past yet, the day after is; 30 days before is approaching, 31 open', () => {
    const pub = '2027-03-01T09:00:00Z';
    assert.equal(pressDeadline(cap(1, pub, ['insult']), '2027-06-01T21:00:00Z').daysLeft, 0);
    assert.equal(pressDeadline(cap(1, pub, ['insult']), '2027-06-01T21:00:00Z').status, 'approaching');
    assert.equal(pressDeadline(cap(1, pub, ['insult']), '2027-06-01T22:30:00Z').status, 'past', 'past midnight in Paris');
    assert.equal(pressDeadline(cap(1, pub, ['insult']), '2027-05-01T12:00:00Z').status, 'open', '31 days before');
    assert.equal(pressDeadline(cap(1, pub, ['insult']), '2027-05-02T12:00:00Z').daysLeft, 30);
    assert.equal(pressDeadline(cap(1, pub, ['insult']), '2027-05-02T12:00:00Z').status, 'approaching', '30 days before');
  });
  it('an insult aggravated by identity (identity_attack) has one year; the three-month date is shown too', () => {
    const d = pressDeadline(cap(4, daysAgo(100), ['insult', 'identity_attack']), now);
    assert.equal(d.aggravated, true);
    assert.equal(d.months, 12);
    assert.equal(d.status, 'open');
    assert.equal(d.simpleStatus, 'past');
    assert.ok(d.simpleLastDay < d.lastDay);
  });
  it('no tweet time: the capture time stands in, and it says so', () => {
    const d = pressDeadline({ seq: 5, captured_at: '2027-05-20T08:00:00Z', tweet: {}, verdict: { categories: ['insult'] } }, now);
    assert.equal(d.publishedKnown, false);
    assert.equal(d.published, '2027-05-20');
  });
  it('threats and the like are not press offences; the list is sorted most urgent first', () => {
    assert.equal(pressDeadline(cap(6, daysAgo(10), ['threat']), now), null);
    assert.equal(pressDeadline({ seq: 7, captured_at: now }, now), null);
    const list = pressDeadlines([cap(1, daysAgo(10), ['insult']), cap(2, daysAgo(100), ['insult']), cap(3, daysAgo(80), ['insult']), cap(4, daysAgo(5), ['threat'])], now);
    assert.deepEqual(list.map((d) => d.seq), [2, 3, 1]);
  });
});
