// Passive "seen deleted": when the user opens a tweet's own page and X itself says the tweet was
// deleted, its account suspended or the page does not exist, the background is told, and it notes
// it in the locker's chain when that tweet is saved there. Nothing is ever requested to check: only
// the page the user opened is read, and only X's own notice (never text inside a tweet).
'use strict';
(() => {
  const R = globalThis.Rempart;
  const t = (key, subs) => R.api.i18n.getMessage(key, subs) || key;
  // X's notices in English and French ("post" since 2023, "tweet" before).
  const NOTICES = [
    ['deleted', /(this (post|tweet) was deleted by the (post|tweet) author|ce (post|tweet) a été supprimé par (son auteur|l.auteur))/i],
    ['suspended', /(this (post|tweet) is from a suspended account|ce (post|tweet) provient d.un compte suspendu)/i],
    ['missing', /(hmm\.\.\.\s*this page doesn.t exist|hmm\.\.\.\s*cette page n.existe pas)/i],
    ['unavailable', /(this (post|tweet) is unavailable|ce (post|tweet) (n.est pas disponible|est indisponible))/i],
  ];
  const POLL_MS = 1500;
  const GIVE_UP_MS = 30000;
  let path = null;
  let since = 0;
  let reported = false;

  /** The main column's text outside tweets and outside Rempart's own UI. */
  function pageText() {
    const main = document.querySelector(R.X.main);
    if (!main) return '';
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('article, .rempart-ui') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let out = '';
    while (walker.nextNode()) out += `${walker.currentNode.nodeValue} `;
    return out.replace(/[\u2019\u2018]/g, "'").replace(/\s+/g, ' ');
  }

  function note(text) {
    document.querySelector('.rempart-gone-note')?.remove();
    const n = document.createElement('div');
    n.className = 'rempart-ui rempart-gone-note';
    n.setAttribute('role', 'status');
    n.textContent = text;
    document.documentElement.append(n);
    setTimeout(() => n.remove(), 12000);
  }

  async function check() {
    if (location.pathname !== path) { path = location.pathname; since = Date.now(); reported = false; delete document.documentElement.dataset.rempartSeenGone; }
    const m = R.STATUS_PATH.exec(path);
    if (!m || reported || Date.now() - since > GIVE_UP_MS) return;
    // The tweet itself is on the page: whatever notice is there is about another one.
    if ([...document.querySelectorAll(R.X.tweet)].some((a) => R.bulkScan.info(a)?.id === m[2])) return;
    const text = pageText();
    const hit = NOTICES.map(([state, re]) => [state, re.exec(text)]).find(([, found]) => found);
    if (!hit) return;
    reported = true;
    const [state, found] = hit;
    const msg = { type: 'evidence-seen-gone', status_id: m[2], handle: m[1], state, notice: found[0].slice(0, 300) };
    let res = null;
    for (const ms of [0, 500, 1500, 4000]) {
      await new Promise((r) => setTimeout(r, ms));
      res = await R.api.runtime.sendMessage(msg).catch(() => null);
      if (res?.ok) break;
    }
    const outcome = res?.ok ? res.outcome : 'failed';
    document.documentElement.dataset.rempartSeenGone = outcome;
    if (outcome === 'recorded') note(t(`gone_recorded_${state}`));
  }

  setInterval(() => { check().catch((e) => console.warn('Rempart: could not read the page', e)); }, POLL_MS);
})();
