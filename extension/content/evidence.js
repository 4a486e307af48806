// "Save as evidence" on every tweet: the button, what is read from the page (ids, times, text,
// quoted and replied-to tweets, media, the HTML) and the exchange with the background, which queues
// the request durably, takes the screenshot and answers only once the record is committed. A
// background killed on the way is asked again with the same capture id until it answers (it finishes
// queued requests when it restarts); the tweet stays in view meanwhile, and the background may ask
// where it is now. Captures run one at a time, so a queued one never crops another's.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const { X } = R;
  const t = R.t; // overlay.js
  const ANSWER_MS = 15000;
  // A killed background can take seconds to come back (engine boot on a busy machine): it is asked
  // again, with pauses, for this long before the capture is called failed.
  const GIVE_UP_MS = 50000;
  const RETRY_MS = [250, 500, 1000, 2000, 3000];
  const busy = new WeakSet();
  // Capture id → the article held in view for it; ids this page gave up on (told "not saved").
  const holding = new Map();
  const abandoned = new Set();
  // Refusals the user can act on, with their message: asking again would not change them.
  const KNOWN = { 'storage-full': 'evidence_storage_full' };
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

  /** Where the author's picture is in the screenshot, in CSS px from the crop's top-left corner
   *  (integers: the chain refuses floats); null when there is none or it is not wholly in view.
   *  The locker hashes that part of the screenshot: the picture itself is never fetched. */
  function avatarBox(article, quoteEl) {
    const img = R.own(article, X.avatar, quoteEl)[0];
    if (!img) return null;
    const a = article.getBoundingClientRect();
    const r = img.getBoundingClientRect();
    const box = { x: Math.round(r.left - a.left), y: Math.round(r.top - Math.max(0, a.top)), width: Math.round(r.width), height: Math.round(r.height) };
    const inView = r.top >= 0 && r.bottom <= innerHeight && box.x >= 0 && box.y >= 0;
    return inView && box.width >= 8 && box.height >= 8 ? box : null;
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
        avatar_box: avatarBox(article, info.quoteEl),
      },
    };
  }

  function show(button, state, text) {
    button.dataset.state = state;
    button.textContent = text;
  }

  function where(article) {
    const r = article.getBoundingClientRect();
    return { rect: { x: r.left, y: Math.max(0, r.top), width: r.width, height: Math.min(r.bottom, innerHeight) - Math.max(0, r.top) },
      viewport: { width: innerWidth } };
  }

  async function committed(captureId) {
    try {
      const res = await withTimeout(R.api.runtime.sendMessage({ type: 'evidence-status', captureId }), ANSWER_MS);
      return Boolean(res?.ok && res.saved);
    } catch {
      return false;
    }
  }

  function save(article, button, extra = null) {
    if (busy.has(article)) return Promise.resolve(null);
    busy.add(article);
    // The capture id is on the article so that an outcome can be matched to its record (tests).
    const captureId = crypto.randomUUID();
    article.dataset.rempartEvidenceCapture = captureId;
    article.dataset.rempartEvidence = 'saving';
    delete article.dataset.rempartEvidenceScreenshot;
    show(button, 'saving', t('evidence_saving'));
    const run = queue.then(() => capture(article, button, captureId, extra));
    queue = run.catch(() => {});
    return run;
  }

  /** Asks the background until it answers: a killed one is woken by the next message. */
  async function ask(message, article) {
    const until = Date.now() + GIVE_UP_MS;
    let last = 'no answer';
    for (let i = 0; ; i++) {
      try {
        const res = await withTimeout(R.api.runtime.sendMessage({ ...message, ...where(article) }), ANSWER_MS);
        // Saved, or a refusal the user can act on: final. Any other error may come from a background
        // being torn down: asking again under the same id is safe (one record per capture id).
        if (res?.ok || KNOWN[res?.error]) return res;
        last = res?.error ?? last;
      } catch { /* no answer: the background was killed or is restarting */ }
      if (Date.now() > until) return { ok: false, error: last };
      await sleep(RETRY_MS[Math.min(i, RETRY_MS.length - 1)]);
      article.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    }
  }

  async function capture(article, button, captureId, extra) {
    let res = null;
    holding.set(captureId, article);
    try {
      article.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      // Lifts the blur and hides Rempart's UI for the screenshot only (rempart.css).
      article.dataset.rempartCapturing = '';
      await frame();
      await frame();
      const { key, tweet } = read(article);
      res = await ask({ type: 'evidence-capture', captureId, tweet: extra ? { ...tweet, ...extra } : tweet, verdict: verdict(R.verdictOf(key)), note: '' }, article);
      if (!res.ok && !KNOWN[res.error] && await committed(captureId)) res = { ok: true, recapture: false, screenshot: true };
    } catch (e) {
      res = { ok: false, error: String(e?.message ?? e) };
    } finally {
      holding.delete(captureId);
      delete article.dataset.rempartCapturing;
    }
    if (res?.ok) {
      article.dataset.rempartEvidence = 'saved';
      article.dataset.rempartEvidenceScreenshot = res.screenshot === false ? 'no' : 'yes';
      const key = res.screenshot === false ? 'evidence_saved_no_screenshot' : res.recapture ? 'evidence_saved_again' : 'evidence_saved';
      show(button, 'saved', t(key));
    } else {
      // Said "not saved": a restarted background that finds this request queued must drop it.
      abandoned.add(captureId);
      article.dataset.rempartEvidence = 'failed';
      show(button, 'failed', t(KNOWN[res?.error] ?? 'evidence_failed'));
      console.warn('Rempart: evidence not saved', res?.error);
    }
    busy.delete(article);
    return article.dataset.rempartEvidence;
  }

  // The background, restarted, asks whether a queued capture's tweet is still held in view, and where.
  R.api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== R.api.runtime.id || sender.tab || msg?.type !== 'evidence-holding') return false;
    const article = holding.get(msg.captureId);
    sendResponse(article ? { holding: true, ...where(article) } : { holding: false, abandoned: abandoned.has(msg.captureId) });
    return false;
  });

  R.evidence = {
    /** A capture asked by a bulk run (conversation.js): `extra` is added to the tweet's record. */
    save: (article, extra) => save(article, article.querySelector(':scope > .rempart-save'), extra),
    /** Adds the save button once per article; a row React reused for another tweet starts afresh. */
    attach(article, key) {
      let button = article.querySelector(':scope > .rempart-save');
      if (button && article.getAttribute('data-rempart-evidence-key') === key) return;
      // By name, not through `dataset`: cheaper from the isolated world (apply.js).
      article.setAttribute('data-rempart-evidence-key', key);
      article.removeAttribute('data-rempart-evidence');
      article.removeAttribute('data-rempart-evidence-capture');
      article.removeAttribute('data-rempart-evidence-screenshot');
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'rempart-ui rempart-save';
        button.dataset.rempartControl = 'save-evidence';
        button.lang = R.uiLanguage();
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
