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
      let found;
      try {
        const touched = new Set();
        for (const r of records) {
          // Inside Rempart's own UI (a button's label changing): not the tweet's content.
          if (r.target.nodeType === Node.ELEMENT_NODE && r.target.closest('.rempart-ui')) continue;
          const a = r.target.nodeType === Node.ELEMENT_NODE && r.target.closest(`${X.tweet}[data-rempart-action]`);
          if (a && ![...r.addedNodes, ...r.removedNodes].every((n) => n.classList?.contains('rempart-ui'))) touched.add(a);
        }
        found = pending(false, touched);
      } catch (e) {
        // Unreadable markup must not stop the observer: the next mutation gets another chance.
        console.warn('Rempart: could not scan the page', e);
        return;
      }
      if (found.length) onTweets(found);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('popstate', () => { href = location.href; onRoute(); });
    return {
      all: () => pending(true, new Set()),
      now: () => pending(false, new Set()),
    };
  };

  // A tweet found only through the fallback selector, or without its User-Name block: X's markup
  // changed under us, and filtering is best-effort.
  const PARTIAL = `${X.tweet}:not(${X.tweetStrict}), ${X.tweetStrict}:not(:has(${X.userName}))`;

  /** Calls report(true) when a page that should show tweets shows none for a while, or shows
   *  tweets only partly recognised; report(false) once tweets are fully recognised again. */
  R.watchDrift = function watchDrift(report) {
    let since = Date.now();
    let path = location.pathname;
    let warned = false;
    const set = (on) => { if (on !== warned) { warned = on; report(on); } };
    setInterval(() => {
      if (location.pathname !== path) { path = location.pathname; since = Date.now(); }
      const seen = document.querySelector(X.tweet) !== null;
      if (seen) {
        since = Date.now();
        set(document.querySelector(PARTIAL) !== null);
      } else if (R.NOT_TIMELINE.test(path)) {
        since = Date.now();
      } else if (document.querySelector(X.main) && Date.now() - since > DRIFT_AFTER_MS) {
        set(true);
      }
    }, 2000);
  };
})();
