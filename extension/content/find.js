// Finds tweets as X renders them: one MutationObserver on the document (X's virtualized list
// destroys and re-creates rows, and React may reuse an article for another tweet), route changes
// of the single-page app, and the layout-drift watch (tweets expected but none recognised).
'use strict';
(() => {
  const R = globalThis.Rempart;
  const { X } = R;
  const DRIFT_AFTER_MS = 10000;

  /** Articles to decide: never decided, or decided for another tweet than the one they now show. */
  function pending(all, touched) {
    const out = [];
    for (const a of document.querySelectorAll(X.tweet)) {
      if (all || !a.dataset.rempartAction || (touched.has(a) && R.extract(a).key !== a.dataset.rempartKey)) out.push(a);
    }
    return out;
  }

  R.watch = function watch(onTweets, onRoute) {
    let href = location.href;
    const observer = new MutationObserver((records) => {
      if (location.href !== href) {
        href = location.href;
        onRoute();
      }
      const touched = new Set();
      for (const r of records) {
        const a = r.target.nodeType === Node.ELEMENT_NODE && r.target.closest(`${X.tweet}[data-rempart-action]`);
        if (a && ![...r.addedNodes, ...r.removedNodes].every((n) => n.classList?.contains('rempart-ui'))) touched.add(a);
      }
      const found = pending(false, touched);
      if (found.length) onTweets(found);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('popstate', () => { href = location.href; onRoute(); });
    return {
      all: () => pending(true, new Set()),
      now: () => pending(false, new Set()),
    };
  };

  /** Calls report(true) when a page that should show tweets shows none for a while, report(false) after. */
  R.watchDrift = function watchDrift(report) {
    let since = Date.now();
    let path = location.pathname;
    let warned = false;
    setInterval(() => {
      if (location.pathname !== path) { path = location.pathname; since = Date.now(); }
      const seen = document.querySelector(X.tweet) !== null;
      if (seen || R.NOT_TIMELINE.test(path)) {
        since = Date.now();
        if (warned && seen) { warned = false; report(false); }
        return;
      }
      if (!warned && document.querySelector(X.main) && Date.now() - since > DRIFT_AFTER_MS) {
        warned = true;
        report(true);
      }
    }, 2000);
  };
})();
