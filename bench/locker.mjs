// Locker benchmark (not a test): a synthetic locker of N capture records from A authors (some of
// them returning under a digit-suffixed handle), through the locker's own modules and the wasm
// matcher under Node: derive() (the model every locker view is drawn from), the suggestions
// (accountsOf + linkAccounts, all pairs: what the locker page computes on each chain change), and
// the on-timeline look-alike index (LinkIndex over the authors, then one newcomer at a time, as
// background/lookalike.js does). Best of 3, one thread. Prints one JSON object.
// Usage: node bench/locker.mjs [records=10000] [authors=1000]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derive } from '../extension/evidence/model.js';
import { accountsOf, pendingSuggestions } from '../extension/evidence/suggestions.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const RECORDS = Number(process.argv[2] ?? 10000);
const AUTHORS = Number(process.argv[3] ?? 1000);
const wasm = await import(`${root}pkg/rempart.js`);
wasm.initSync({ module: readFileSync(`${root}pkg/rempart_bg.wasm`) });

// Deterministic pseudo-random numbers (mulberry32): the same locker on every run.
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const FIRST = ['jean', 'marie', 'karim', 'lucas', 'emma', 'sofia', 'nathan', 'ines', 'hugo', 'lea', 'adam', 'chloe', 'yanis', 'manon', 'paul', 'sarah', 'louis', 'jade', 'noah', 'lina',
  'tom', 'eva', 'enzo', 'zoe', 'theo', 'alice', 'leo', 'lou', 'ethan', 'rose', 'mael', 'anna', 'axel', 'julia', 'sacha', 'mila', 'gabin', 'nina', 'rayan', 'clara'];
const LAST = ['dupont', 'martin', 'bernard', 'petit', 'durand', 'leroy', 'moreau', 'simon', 'laurent', 'lefebvre', 'michel', 'garcia', 'david', 'bertrand', 'roux', 'vincent', 'fournier', 'morel',
  'girard', 'andre', 'mercier', 'blanc', 'guerin', 'boyer', 'garnier', 'chevalier', 'francois', 'legrand', 'gauthier', 'perrin', 'robin', 'clement', 'morin', 'nicolas', 'henry', 'roussel'];
// Each author writes from a small vocabulary of its own drawn from a large shared one: people differ.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzéè';
const WORDS = Array.from({ length: 5000 }, () => Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(LETTERS)).join(''));

function authors() {
  const out = [];
  const taken = new Set();
  // Distinct people have distinct names and handle stems (homonyms are the fixtures' job, not this one's).
  while (out.length < AUTHORS) {
    const [f, l] = [pick(FIRST), `${pick(LAST)}${pick(['', 'ier', 'on', 'et', 'ard', 'in', 'eau', 'y', 'ez', 'ot'])}${pick(['', 'e', 'a', 'i'])}`];
    if (taken.has(`${f} ${l}`)) continue;
    taken.add(`${f} ${l}`);
    const vocab = Array.from({ length: 40 }, () => pick(WORDS));
    out.push({ handle: `${f}_${l}`.slice(0, 20), name: `${f[0].toUpperCase()}${f.slice(1)} ${l[0].toUpperCase()}${l.slice(1)}`, vocab, person: out.length });
  }
  // One author in twenty comes back with digits after the handle, same name, same words.
  for (let i = 0; i < AUTHORS / 20; i++) out.push({ ...out[i], handle: `${out[i].handle.slice(0, 18)}${i % 10}${i % 7}` });
  return out;
}

function lockerRecords(people) {
  return Array.from({ length: RECORDS }, (_, seq) => {
    const a = people[seq % people.length];
    const text = Array.from({ length: 14 }, () => pick(a.vocab)).join(' ');
    const time = new Date(Date.UTC(2026, 0, 1) + seq * 60000).toISOString();
    return { kind: 'capture', seq, hash: seq.toString(16).padStart(64, '0'), captured_at: time, tweet: { status_id: String(1e15 + seq), author_handle: a.handle, author_name: a.name, text, time }, verdict: { categories: ['insult'] } };
  });
}

function best(fn, rounds = 3) {
  let ms = Infinity;
  let value;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms: +ms.toFixed(1), value };
}

const people = authors();
const personOf = new Map(people.map((a) => [a.handle, a.person]));
const records = lockerRecords(people);
const model = best(() => derive(records));
const accounts = best(() => accountsOf(model.value));
const suggestions = best(() => pendingSuggestions(records, model.value, wasm.linkAccounts), 1);
const index = best(() => { const ix = new wasm.LinkIndex(accounts.value); return ix; }, 1);
// Newcomers: half strangers, half returning (a known handle with another digit).
const newcomers = Array.from({ length: 200 }, (_, i) => {
  const a = accounts.value[(i * 37) % accounts.value.length];
  return i % 2 ? { handle: `${a.handle.slice(0, 17)}x${i % 10}`, name: a.name, texts: a.texts.slice(0, 3) } : { handle: `someone_new_${i}`, name: `Someone New ${i}`, texts: ['bonjour tout le monde, belle journée au marché ce matin'] };
});
const against = best(() => newcomers.map((n) => index.value.against(n)));
index.value.free();
console.log(JSON.stringify({
  records: RECORDS, authors: accounts.value.length,
  derive_ms: model.ms, accounts_ms: accounts.ms,
  locker_suggestions: { ms: suggestions.ms, pairs: suggestions.value.length, returning: people.length - AUTHORS,
    correct: suggestions.value.filter((s) => personOf.get(s.a) === personOf.get(s.b)).length },
  lookalike_index: { build_ms: index.ms, newcomers: newcomers.length, per_newcomer_ms: +(against.ms / newcomers.length).toFixed(3),
    labelled: against.value.filter((s) => s.length).length },
}, null, 2));
