// Reads a tweet article into plain data: status id + permalink, author handle and display name,
// text (emoji from img[alt]) and the quoted tweet, if any. Pure reads: no DOM writes here.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const { X } = R;
  const MAX_TEXT = 8000;

  /** Visible text with emoji images read through their alt text. */
  function readText(el) {
    if (!el) return '';
    let out = '';
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue;
        else if (n.nodeName === 'IMG') out += n.getAttribute('alt') ?? '';
        else if (n.nodeName === 'BR') out += '\n';
        else if (n.nodeType === Node.ELEMENT_NODE && !n.classList.contains('rempart-ui')) walk(n);
      }
    };
    walk(el);
    return out.slice(0, MAX_TEXT);
  }

  // Elements of `root` that do not belong to a quote nested inside it.
  const own = (root, sel, quote) => [...root.querySelectorAll(sel)].filter((el) => !quote || !quote.contains(el));

  function readPart(root, quote) {
    const user = own(root, X.userName, quote)[0] ?? null;
    let author = null;
    let name = '';
    if (user) {
      const link = user.querySelector(X.authorLink);
      const m = link && R.HANDLE_PATH.exec(link.getAttribute('href'));
      if (m) author = m[1];
      else {
        // Quoted tweets carry no profile link: the handle is the "@handle" text.
        const at = /@([A-Za-z0-9_]{1,20})/.exec(user.textContent);
        if (at) author = at[1];
      }
      // The display name is the first line of the User-Name block (before "@handle").
      const first = user.querySelector('span');
      name = readText(first).trim().slice(0, 200);
    }
    // Layout drift: no tweetText block → the language-tagged block, else all the tweet's text.
    const textEl = own(root, X.tweetText, quote)[0]
      ?? (user ? null : own(root, X.tweetTextFallback, quote)[0] ?? root);
    const text = readText(textEl);
    // X tags each tweet's text with its language ("fr", "en", "und"...): the presets'
    // thresholds are per language. The page's own <html lang> is the reader's, not the tweet's.
    const lang = textEl && textEl !== root ? textEl.getAttribute('lang') : null;
    let id = null;
    let url = null;
    const time = own(root, X.time, quote)[0]?.getAttribute('datetime') ?? null;
    for (const a of own(root, X.permalink, quote)) {
      // The link's own resolved path: parsing a.href against `location` read location (costly
      // from a content script) for every link of every tweet.
      const m = R.STATUS_PATH.exec(a.pathname ?? '');
      if (m && (a.querySelector(X.time) || !id)) {
        id = m[2];
        url = `https://x.com/${m[1]}/status/${m[2]}`;
        if (!author) author = m[1];
        if (a.querySelector(X.time)) break;
      }
    }
    return { id, url, author, name, text, time, lang };
  }

  function findQuote(article) {
    for (const q of article.querySelectorAll(X.quote)) {
      if (q.querySelector(X.userName) && q.querySelector(X.tweetText)) return q;
    }
    return null;
  }

  // Tweets without a status link (rare) are keyed by content so the cache still works.
  function hashKey(s) {
    let h = 5381;
    for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
    return `h${h.toString(36)}`;
  }

  R.own = own;
  R.readText = readText;
  R.extract = function extract(article) {
    const quoteEl = findQuote(article);
    const main = readPart(article, quoteEl);
    const quote = quoteEl ? readPart(quoteEl, null) : null;
    const key = main.id ?? hashKey(`${main.author}\n${main.name}\n${main.text}\n${quote?.text ?? ''}`);
    const part = (p) => ({ author: p.author, name: p.name, text: p.text, time: p.time, lang: p.lang });
    return {
      key, id: main.id, url: main.url, quoteEl,
      // Everything read, ids and times included, for "save as evidence".
      detail: { main, quote },
      main: part(main),
      quote: quote && (quote.text || quote.name) ? part(quote) : null,
    };
  };
})();
