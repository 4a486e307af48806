// Turns a batch of tweets (main part + optional quoted part, each with text, display name and
// handle) into one verdict per tweet: allowlist and blocklist first, then one engine call for the
// batch's distinct texts (rules + model) and one for its names and handles (rules only: too short
// for the model), then the most severe part decides.
import { current } from './engine.js';
import { lookalikes } from './lookalike.js';

const SEVERITY = { none: 0, flag: 1, blur: 2, hide: 3 };
const NONE = Object.freeze({ action: 'none', categories: [], words: [], sources: [], detail: '' });

// "le_connard_93" → "le connard 93": rules match on words, and "_" is a word character.
const handleText = (h) => (h ? h.replace(/_/g, ' ') : '');

function partTexts(part, role) {
  return [[`${role}`, part.text], [`${role}_name`, part.name], [`${role}_handle`, handleText(part.author)]]
    .filter(([, text]) => text.trim() !== '');
}

function combine(results) {
  const acting = results.filter((r) => r.verdict.action !== 'none');
  if (!acting.length) return NONE;
  // Same principle as the engine: a flagged threat or doxxing keeps the tweet readable.
  const safety = acting.some((r) => r.verdict.action === 'flag'
    && r.verdict.acted.some((c) => c === 'threat' || c === 'doxxing'));
  const top = acting.reduce((a, b) => (SEVERITY[b.verdict.action] > SEVERITY[a.verdict.action] ? b : a));
  const categories = [...new Set(acting.flatMap((r) => r.verdict.acted))];
  const words = [...new Set(acting.flatMap((r) => r.verdict.spans
    .filter((s) => r.verdict.acted.includes(s.category)).map((s) => s.text.slice(0, 40))))].slice(0, 6);
  return {
    action: safety ? 'flag' : top.verdict.action,
    categories, words,
    sources: [...new Set(acting.map((r) => r.role))],
    detail: top.verdict.reason ?? '',
  };
}

// Display names and handles are a few words: too short for the model (it over-fires on them),
// so they go through the rules only (slurs in names are what the rules are for). Authors come
// back again and again on a timeline: their names' verdicts are kept until the settings change.
const nameCache = new Map();
let nameCacheFor = '';
let nameCacheSettings = null; // the object nameCacheFor was computed from (no stringify per batch)
const NAME_CACHE_MAX = 5000;

function classifyNames(engine, settings, labels) {
  const stamp = settings === nameCacheSettings ? nameCacheFor : JSON.stringify(settings);
  nameCacheSettings = settings;
  if (stamp !== nameCacheFor || nameCache.size > NAME_CACHE_MAX) {
    nameCache.clear();
    nameCacheFor = stamp;
  }
  const todo = labels.filter((l) => !nameCache.has(l));
  if (todo.length) engine.classifyRulesOnly(todo).forEach((v, i) => nameCache.set(todo[i], v));
  return labels.map((l) => nameCache.get(l));
}

const listed = (list, author) => author !== null && list.includes(author.toLowerCase());

/** items: [{key, main: {author, text, name, time, lang}, quote: {…}|null}] → {verdicts: [{key, action, categories, words, sources, detail, lookalike?, quoteLookalike?}], model, later}
 *  `cached`: decide on the settings as last read (engine.js current()). */
export async function decide(items, { off, cached = false }) {
  const { engine, settings } = await current({ cached });
  if (!settings.enabled || off) return { verdicts: items.map((it) => ({ key: it.key, ...NONE })), model: engine.hasModel };
  // Returning accounts ("looks like @old"): read from the locker while the engine works.
  const lookalikeLabels = lookalikes(items, settings);
  // Distinct (language, tweet text) pairs → index (model + rules): the presets' thresholds are
  // per language, so the same words tagged "en" and "fr" are two questions.
  const texts = new Map();
  const textJobs = [];
  const labels = new Map(); // distinct names and handles → index (rules only)
  const plan = items.map((it) => {
    const parts = [['text', it.main], ['quote', it.quote]].filter(([, p]) => p);
    const jobs = [];
    const fixed = [];
    for (const [role, part] of parts) {
      if (listed(settings.allowlist, part.author)) continue;
      if (listed(settings.blocklist, part.author)) {
        fixed.push({ role: 'blocklist', verdict: { action: 'blur', acted: ['muted'], spans: [], reason: `blur: @${part.author} is on your blocklist` } });
        continue;
      }
      const lang = typeof part.lang === 'string' ? part.lang : null;
      for (const [r, text] of partTexts(part, role)) {
        const own = r === role;
        const pool = own ? texts : labels;
        const id = own ? `${lang ?? ''}\u0000${text}` : text;
        if (!pool.has(id)) {
          pool.set(id, pool.size);
          if (own) textJobs.push([text, lang]);
        }
        jobs.push([r, own ? 't' : 'n', pool.get(id)]);
      }
    }
    return { key: it.key, jobs, fixed };
  });
  const out = {
    t: textJobs.length ? engine.classify(textJobs.map(([t]) => t), textJobs.map(([, l]) => l)) : [],
    n: classifyNames(engine, settings, [...labels.keys()]),
  };
  const { now: lookalike, later } = await lookalikeLabels;
  return {
    later, // labels of authors seen for the first time: main.js sends them once the verdicts are out
    model: engine.hasModel,
    verdicts: plan.map(({ key, jobs, fixed }) => ({
      key,
      ...combine([...fixed, ...jobs.map(([role, pool, i]) => ({ role: role.replace(/_handle$/, '_name'), verdict: out[pool][i] }))]),
      ...lookalike.get(key), // {lookalike?, quoteLookalike?}
    })),
  };
}
