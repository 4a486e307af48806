// Content script entry. Parts, in load order:
//   selectors.js  X's selectors (one table)     extract.js  article → plain data
//   overlay.js    Rempart's UI elements          apply.js    verdicts → DOM, one pass
//   find.js       observer, routes, drift        main.js     cache, batching, messaging (this file)
// Flow: new article (hidden by rempart.css until decided) → cache hit? apply now : batch to the
// background → verdicts → cache by key (status id) → apply. Settings changes trigger a rescan.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const { api } = R;
  const BATCH = 100;
  const RETRY_MS = [150, 600, 2000];
  const UNCHECKED_TTL_MS = 15000;
  const UNCHECKED = Object.freeze({ action: 'blur', categories: [], words: [], sources: [], detail: 'no verdict' });

  const cache = new Map(); // key → verdict
  // "Looks like @old" labels the background found after sending the verdicts:
  // key → {lookalike?, quoteLookalike?}, for verdicts still on their way.
  const lateLabels = new Map();
  const sent = new Set(); // keys already counted once in today's figures from this page
  const inflight = new Set();
  let generation = 0;
  R.revealed = new Set();
  R.verdictOf = (key) => cache.get(key) ?? null;

  // Arms the hidden-until-decided style; set before X renders anything (document_start).
  const arm = () => { document.documentElement.dataset.rempartArmed = ''; };
  arm();

  // `gen`: the settings generation asked under; the background's late labels come back with it.
  async function ask(items, gen) {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await api.runtime.sendMessage({ type: 'classify', items, gen });
        if (res?.ok) return res.verdicts;
        throw new Error(res?.error ?? 'no answer');
      } catch (e) {
        // A Chrome service worker being woken up or restarted can drop the first message.
        if (attempt >= RETRY_MS.length) throw e;
        await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
      }
    }
  }

  function keyOf(article) {
    const info = R.extract(article);
    article.dataset.rempartKey = info.key;
    return info;
  }

  async function decide(articles, { rescan = false } = {}) {
    if (!document.documentElement.hasAttribute('data-rempart-armed')) arm();
    const gen = generation;
    const ready = [];
    const need = new Map();
    for (const a of articles) {
      let info;
      try {
        info = keyOf(a);
      } catch (e) {
        // Markup we cannot read (layout drift): blurred as unchecked, never an error thrown at X.
        console.warn('Rempart: unreadable tweet, left blurred', e);
        R.applyAll([{ article: a, key: 'unreadable', verdict: UNCHECKED }]);
        continue;
      }
      const hit = cache.get(info.key);
      if (hit && !(hit.expires < Date.now())) {
        ready.push({ article: a, key: info.key, verdict: hit });
        continue;
      }
      // An article React reused for another tweet goes back to hidden until decided;
      // on a rescan the current state stays on screen until the new verdict replaces it.
      if (!rescan) R.unapply(a);
      if (!inflight.has(info.key) || rescan) need.set(info.key, info);
    }
    R.applyAll(ready);
    const infos = [...need.values()];
    for (let i = 0; i < infos.length; i += BATCH) {
      const chunk = infos.slice(i, i + BATCH);
      const items = chunk.map((it) => ({ key: it.key, main: it.main, quote: it.quote, fresh: !sent.has(it.key) }));
      for (const it of chunk) { inflight.add(it.key); sent.add(it.key); }
      let verdicts;
      try {
        verdicts = await ask(items, gen);
      } catch (e) {
        console.warn('Rempart: no verdict, tweets stay blurred', e);
        const expires = Date.now() + UNCHECKED_TTL_MS;
        verdicts = chunk.map((it) => ({ key: it.key, ...UNCHECKED, expires }));
      }
      for (const v of verdicts) inflight.delete(v.key);
      if (gen !== generation) return; // settings changed meanwhile: the rescan's answer wins
      for (const v of verdicts) {
        const late = lateLabels.get(v.key);
        cache.set(v.key, late ? { ...late, ...v } : v); // the verdict's own labels are newer
        lateLabels.delete(v.key);
      }
      applyCached();
    }
  }

  // Every article on the page whose verdict is known and not yet shown (other rows may share a key).
  function applyCached() {
    const entries = [];
    for (const a of document.querySelectorAll(`${R.X.tweet}[data-rempart-key]`)) {
      const v = cache.get(a.dataset.rempartKey);
      if (v) entries.push({ article: a, key: a.dataset.rempartKey, verdict: v });
    }
    R.applyAll(entries);
  }

  const settle = (p) => p.catch((e) => console.warn('Rempart: tweets left undecided', e));
  const finder = R.watch((articles) => { settle(decide(articles)); }, () => { settle(decide(finder.now())); });

  function rescan() {
    generation++;
    cache.clear();
    lateLabels.clear(); // found under the old settings (allowlist, blocklist): the rescan asks again
    settle(decide(finder.all(), { rescan: true }));
  }

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) rescan();
  });
  function addLabels(labels, gen) {
    if (!Array.isArray(labels) || gen !== generation) return;
    if (lateLabels.size > 1000) lateLabels.clear();
    // [key, {lookalike?, quoteLookalike?}]: the tweet's author, the quoted tweet's author.
    for (const [key, fields] of labels) {
      const v = cache.get(key);
      if (v) cache.set(key, { ...v, ...fields });
      else lateLabels.set(key, { ...lateLabels.get(key), ...fields }); // its verdict is still on its way
    }
    applyCached();
  }

  api.runtime.onMessage.addListener((msg, sender) => {
    // Only our own background may ask (it sends without a tab); pages cannot reach this listener.
    if (sender.id !== api.runtime.id || sender.tab) return false;
    if (msg?.type === 'rescan') rescan();
    if (msg?.type === 'lookalike') addLabels(msg.labels, msg.gen);
    return false;
  });

  R.watchDrift((on) => { api.runtime.sendMessage({ type: 'drift', on }).catch(() => {}); });
  if (document.readyState !== 'loading') settle(decide(finder.now()));
})();
