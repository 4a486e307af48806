// Applies verdicts to tweet articles in one pass: test-contract attributes, then Rempart's UI.
// Each article holds at most one verdict element, as its last child (flag label: first child), plus
// the save button and, for a returning account (the author's or the quoted tweet's), a look-alike label.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const shown = new WeakMap(); // article → what it currently shows, to skip identical re-applies

  // The save-as-evidence button (and .rempart-keep controls) stay through verdict changes.
  function clear(article) {
    for (const n of article.querySelectorAll(':scope > .rempart-ui:not(.rempart-save, .rempart-keep)')) n.remove();
  }

  // Blurred or hidden text must not be read aloud either: the tweet's own content leaves the
  // accessibility tree while Rempart's overlay (which says why and offers "show") stays in it.
  function mute(article, on) {
    for (const c of article.children) {
      if (c.classList.contains('rempart-ui')) continue;
      if (on && !c.hasAttribute('aria-hidden')) {
        c.setAttribute('aria-hidden', 'true');
        c.setAttribute('data-rempart-muted', '');
      } else if (!on && c.hasAttribute('data-rempart-muted')) {
        c.removeAttribute('aria-hidden');
        c.removeAttribute('data-rempart-muted');
      }
    }
  }

  // A returning account is said whatever the verdict, above the blur and beside the bar: the
  // tweet's author, and the quoted tweet's (its label first, the author's above it).
  function labels(article, v) {
    if (v.quoteLookalike?.quoted) {
      article.setAttribute('data-rempart-quote-lookalike', `@${v.quoteLookalike.handle}`);
      article.prepend(R.overlay.lookalike(v.quoteLookalike, v.quoteLookalike.quoted));
    } else article.removeAttribute('data-rempart-quote-lookalike');
    if (v.lookalike) {
      article.setAttribute('data-rempart-lookalike', `@${v.lookalike.handle}`);
      article.prepend(R.overlay.lookalike(v.lookalike));
    } else article.removeAttribute('data-rempart-lookalike');
  }

  function reveal(article, v) {
    R.revealed.add(article.dataset.rempartKey);
    article.dataset.rempartRevealed = 'true';
    mute(article, false);
    clear(article);
    labels(article, v); // shown anyway, the tweet still says who its author looks like
    article.prepend(R.overlay.revealed(v));
  }

  /** Back to undecided: hidden by rempart.css until a verdict arrives. */
  R.unapply = function unapply(article) {
    if (!article.dataset.rempartAction) return;
    mute(article, false);
    clear(article);
    shown.delete(article);
    delete article.dataset.rempartLookalike;
    delete article.dataset.rempartQuoteLookalike;
    delete article.dataset.rempartAction;
    delete article.dataset.rempartRevealed;
    article.dataset.rempartPending = '1';
  };

  /** entries: [{article, key, verdict}] — all DOM writes of one batch happen here, together. */
  R.applyAll = function applyAll(entries) {
    for (const { article, key, verdict: v } of entries) {
      const sig = `${key}|${JSON.stringify(v)}`;
      if (shown.get(article) === sig) continue;
      shown.set(article, sig);
      clear(article);
      // Attributes by name, not through `dataset`: from a content script's isolated world each
      // dataset access costs a few µs more, and a batch makes hundreds.
      article.removeAttribute('data-rempart-pending');
      article.setAttribute('data-rempart-key', key);
      article.setAttribute('data-rempart-categories', v.categories.join(','));
      const wasRevealed = R.revealed.has(key) && (v.action === 'blur' || v.action === 'hide');
      if (wasRevealed) article.setAttribute('data-rempart-revealed', 'true');
      else article.removeAttribute('data-rempart-revealed');
      // The action attribute goes last: it is what lifts the hidden-until-decided style.
      article.setAttribute('data-rempart-action', v.action);
      mute(article, (v.action === 'blur' || v.action === 'hide') && !wasRevealed);
      R.evidence.attach(article, key);
      labels(article, v);
      if (v.action === 'none') continue;
      if (wasRevealed) article.prepend(R.overlay.revealed(v));
      else if (v.action === 'flag') article.prepend(R.overlay.flag(v));
      else article.append(R.overlay[v.action](v, () => reveal(article, v)));
    }
  };
})();
