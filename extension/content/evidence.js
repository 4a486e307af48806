// "Save as evidence" on every tweet: the button, what is read from the page (ids, times, text,
// quoted and replied-to tweets, media, the HTML) and the exchange with the background, which takes
// the screenshot and answers only once the record is committed. Without that answer the user is
// told the capture failed — after asking whether it was committed after all (a Chrome service
// worker killed between commit and answer). Captures run one at a time: each one scrolls its tweet
// into view and measures it just before its screenshot, so a queued one never crops another's.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const { X } = R;
  const t = (key, subs) => R.api.i18n.getMessage(key, subs) || key;
  const ANSWER_MS = 15000;
  // A killed Chrome service worker can take seconds to come back (engine boot on a busy machine):
  // giving up too early would call "failed" a capture that was committed.
  const STATUS_RETRY_MS = [300, 700, 1500, 2500, 4000, 6000];
  const busy = new WeakSet();
  // Refusals the user can act on, with their message: asking again would not change them.
  const KNOWN = { 'storage-full': 'evidence_storage_full', 'screenshot-permission': 'evidence_no_permission' };
  let queue = Promise.resolve();

  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const withTimeout = (p, ms) => Promise.race([p, sleep(ms).then(() => { throw new Error('no answer'); })]);

  function media(article, quoteEl) {
    const urls = new Set();
    for (const img of R.own(article, 'img[src]', null)) {
      if (/\/(media|ext_tw_video_thumb|amplify_video_thumb|tweet_video_thumb)\//.test(img.src)) urls.add(img.src);
    }
    for (const v of R.own(article, 'video', null)) {
      if (v.poster) urls.add(v.poster);
      if (v.src && !v.src.startsWith('blob:')) urls.add(v.src);
    }
    void quoteEl;
    return [...urls];
  }

  const part = (p) => p && ({ status_id: p.id, url: p.url, author_handle: p.author, author_name: p.name, time: p.time, text: p.text });

  /** "Replying to @a @b" handles, and the parent tweet when the page shows it (a conversation). */
  function replyTo(article, id, quoteEl) {
    const skip = (a) => a.closest(X.userName) || (quoteEl && quoteEl.contains(a));
    const handles = R.own(article, 'a[href^="/"]', quoteEl).filter((a) => !skip(a) && /^@\w{1,20}$/.test(a.textContent.trim()))
      .map((a) => a.textContent.trim().slice(1));
    const m = R.STATUS_PATH.exec(location.pathname);
    let parent = null;
    if (m && m[2] !== id) {
      const focal = [...document.querySelectorAll(X.tweet)].find((a) => a !== article && R.extract(a).id === m[2]);
      if (focal) parent = part(R.extract(focal).detail.main);
    }
    return handles.length || parent ? { handles, tweet: parent } : null;
  }

  function html(article) {
    const copy = article.cloneNode(true);
    for (const n of copy.querySelectorAll('.rempart-ui')) n.remove();
    return copy.outerHTML;
  }

  // The verdict as plain strings: the chain refuses floats.
  function verdict(v) {
    if (!v) return { action: 'unknown', categories: [], words: [], sources: [] };
    return { action: String(v.action), categories: v.categories.map(String), words: v.words.map(String), sources: v.sources.map(String), detail: String(v.detail ?? '') };
  }

  function read(article) {
    const info = R.extract(article);
    const main = info.detail.main;
    return {
      key: info.key,
      tweet: {
        ...part(main),
        author_id: article.querySelector('[data-user-id]')?.getAttribute('data-user-id') ?? null,
        html: html(article),
        lang: R.own(article, X.tweetText, info.quoteEl)[0]?.getAttribute('lang') ?? null,
        quote: part(info.detail.quote),
        reply_to: replyTo(article, main.id, info.quoteEl),
        media: media(article, info.quoteEl),
      },
    };
  }

  function show(button, state, text) {
    button.dataset.state = state;
    button.textContent = text;
  }

  async function committed(captureId) {
    for (const ms of STATUS_RETRY_MS) {
      await sleep(ms);
      try {
        const res = await withTimeout(R.api.runtime.sendMessage({ type: 'evidence-status', captureId }), ANSWER_MS);
        if (res?.ok) return res.saved;
      } catch { /* the worker is still restarting: ask again */ }
    }
    return false;
  }

  function save(article, button, extra = null) {
    if (busy.has(article)) return Promise.resolve(null);
    busy.add(article);
    // The capture id is on the article so that an outcome can be matched to its record (tests).
    const captureId = crypto.randomUUID();
    article.dataset.rempartEvidenceCapture = captureId;
    article.dataset.rempartEvidence = 'saving';
    show(button, 'saving', t('evidence_saving'));
    const run = queue.then(() => capture(article, button, captureId, extra));
    queue = run.catch(() => {});
    return run;
  }

  async function capture(article, button, captureId, extra) {
    let res = null;
    try {
      article.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      // Lifts the blur and hides Rempart's UI for the screenshot only (rempart.css).
      article.dataset.rempartCapturing = '';
      await frame();
      await frame();
      const { key, tweet } = read(article);
      const r = article.getBoundingClientRect();
      const rect = { x: r.left, y: Math.max(0, r.top), width: r.width, height: Math.min(r.bottom, innerHeight) - Math.max(0, r.top) };
      const message = { type: 'evidence-capture', captureId, tweet: extra ? { ...tweet, ...extra } : tweet, verdict: verdict(R.verdictOf(key)), note: '', rect, viewport: { width: innerWidth } };
      const ask = () => withTimeout(R.api.runtime.sendMessage(message), ANSWER_MS).catch((e) => ({ ok: false, error: String(e?.message ?? e) }));
      res = await ask();
      // The worker was killed or the answer lost: ask once more with the same id. The background
      // answers a committed capture instead of taking it twice, and otherwise takes it now.
      if (!res?.ok && !KNOWN[res?.error]) res = await ask();
    } catch (e) {
      res = { ok: false, error: String(e?.message ?? e) };
    } finally {
      delete article.dataset.rempartCapturing;
    }
    if (!res?.ok && !KNOWN[res?.error] && await committed(captureId)) res = { ok: true, recapture: false };
    if (res?.ok) {
      article.dataset.rempartEvidence = 'saved';
      show(button, 'saved', t(res.recapture ? 'evidence_saved_again' : 'evidence_saved'));
    } else {
      article.dataset.rempartEvidence = 'failed';
      show(button, 'failed', t(KNOWN[res?.error] ?? 'evidence_failed'));
      console.warn('Rempart: evidence not saved', res?.error);
    }
    busy.delete(article);
    return article.dataset.rempartEvidence;
  }

  R.evidence = {
    /** A capture asked by a bulk run (conversation.js): `extra` is added to the tweet's record. */
    save: (article, extra) => save(article, article.querySelector(':scope > .rempart-save'), extra),
    /** Adds the save button once per article; a row React reused for another tweet starts afresh. */
    attach(article, key) {
      let button = article.querySelector(':scope > .rempart-save');
      if (button && article.dataset.rempartEvidenceKey === key) return;
      article.dataset.rempartEvidenceKey = key;
      delete article.dataset.rempartEvidence;
      delete article.dataset.rempartEvidenceCapture;
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'rempart-ui rempart-save';
        button.dataset.rempartControl = 'save-evidence';
        button.lang = R.api.i18n.getUILanguage();
        button.setAttribute('aria-live', 'polite');
        // X opens the tweet on any click inside the article: keep ours to ourselves.
        for (const ev of ['pointerdown', 'mousedown', 'mouseup']) button.addEventListener(ev, (e) => e.stopPropagation());
        button.addEventListener('click', (e) => {
          e.preventDefault();
          e.stopPropagation();
          // Only the user's own click: a page script must not be able to file evidence.
          if (e.isTrusted) save(article, button);
        });
        article.append(button);
      }
      button.title = t('evidence_save_title');
      show(button, 'idle', t('evidence_save'));
    },
  };
})();
