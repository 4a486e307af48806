// Reads X's page for a bulk run: which page this is (conversation, profile, search), which rows
// are the run's tweets, in visual order (X's virtualized list re-uses rows, so DOM order means
// nothing), where the conversation ends ("Discover more": recommended posts, not replies) and
// which "Show more replies" / "Show probable spam" button hides replies. Pure reads.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const { X } = R;
  // X's labels, in English and French (the UI languages Rempart supports).
  const DISCOVER = /^(discover more|découvrir plus|découvrez plus|en découvrir plus|plus à découvrir)$/i;
  const EXPANDERS = /^(show more replies|show probable spam|show additional replies.*|afficher plus de réponses|voir plus de réponses|afficher les spams probables|afficher les réponses supplémentaires.*)$/i;
  const NOT_PROFILE = /^\/(home|explore|notifications|messages|search|settings|i|compose|bookmarks|lists|communities|premium|jobs|profile)\/?$/;
  let focalY = null;

  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
  const absY = (el) => el.getBoundingClientRect().top + scrollY;

  // page() is asked once per decided tweet, and reading location from a content script costs: one
  // answer serves until this script yields (X's scripts, which change the URL, cannot run before).
  let known = null;

  /** What kind of page this is, for the bulk buttons. */
  function page() {
    if (!known) {
      known = readPage();
      queueMicrotask(() => { known = null; });
    }
    return known;
  }

  function readPage() {
    const url = `https://x.com${location.pathname}${location.pathname === '/search' ? location.search : ''}`;
    const s = R.STATUS_PATH.exec(location.pathname);
    if (s) return { kind: 'conversation', url: `https://x.com/${s[1]}/status/${s[2]}`, focalId: s[2] };
    if (location.pathname === '/search') return { kind: 'search', url };
    const p = R.HANDLE_PATH.exec(location.pathname);
    if (p && !NOT_PROFILE.test(location.pathname)) return { kind: 'profile', url: `https://x.com/${p[1]}`, handle: p[1] };
    return { kind: 'other', url };
  }

  /** A top-level tweet's id and author (quoted tweets are div[role=link], never articles). */
  function info(article) {
    if (article.parentElement?.closest('article')) return null;
    try {
      const { id, detail } = R.extract(article);
      return id ? { id, author: detail.main.author } : null;
    } catch { return null; }
  }

  function heading() {
    for (const h of document.querySelectorAll(`:is(${X.main}) :is(h2, [role="heading"])`)) {
      if (!h.closest('article') && DISCOVER.test(text(h))) return h;
    }
    return null;
  }

  // Buttons already clicked: one that stays after its click is not clicked again and again.
  let clicked = new WeakSet();

  function expander(limitY) {
    for (const b of document.querySelectorAll(`:is(${X.main}) [role="button"]`)) {
      if (clicked.has(b) || b.closest('article, .rempart-ui') || !EXPANDERS.test(text(b))) continue;
      const r = b.getBoundingClientRect();
      // Clicked only once it is on screen, like a user would, and never past the conversation.
      if (r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && absY(b) < limitY) return b;
    }
    return null;
  }

  R.bulkScan = {
    page,
    info,
    /** The user's click on `button`, as the run does it (X loads the hidden replies in place). */
    open(button) {
      clicked.add(button);
      button.click();
    },
    begin(run) {
      focalY = null;
      clicked = new WeakSet();
      if (run.kind !== 'conversation') { scrollTo({ top: 0, behavior: 'instant' }); return; }
      const focal = [...document.querySelectorAll(X.tweet)].find((a) => info(a)?.id === run.focal_id);
      focal?.scrollIntoView({ block: 'center', behavior: 'instant' }); // not under X's sticky header
    },
    /** The run's rows now on the page and not done yet, top to bottom; whether the run reached
     *  its end; rows not decided yet (pending); a button hiding replies, on screen. */
    next(run, done) {
      const end = run.kind === 'conversation' ? heading() : null;
      const limit = end ? absY(end) : Infinity;
      const rows = [];
      let pending = 0;
      let pendingY = Infinity;
      for (const article of document.querySelectorAll(X.tweet)) {
        const it = info(article);
        if (!it || !article.closest(X.main) || article.closest(X.promoted)) continue;
        const y = absY(article);
        if (run.kind === 'conversation' && it.id === run.focal_id) focalY = y;
        if (done.has(it.id)) continue;
        if (run.kind === 'conversation') {
          // Tweets above the focal one are the thread it answers; below the heading, recommendations.
          if (it.id !== run.focal_id && (focalY === null || y <= focalY || y >= limit)) continue;
        } else if ((it.author ?? '').toLowerCase() !== run.author.toLowerCase()) continue;
        if (!article.dataset.rempartAction || !article.querySelector(':scope > .rempart-save')) {
          pending++;
          pendingY = Math.min(pendingY, y);
          continue;
        }
        rows.push({ article, id: it.id, y });
      }
      // A row still undecided may change height once decided (blur, hide) and move the rows below
      // it between their measure and their screenshot: only rows above it are ready.
      const ready = rows.filter((r) => r.y < pendingY).sort((a, b) => a.y - b.y);
      const onScreen = end && end.getBoundingClientRect().top < innerHeight;
      const more = expander(limit);
      return { ready, pending: ready.length ? 0 : pending, end: Boolean(onScreen && !rows.length && !pending && !more), expander: more };
    },
  };
})();
