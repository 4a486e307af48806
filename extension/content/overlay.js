// Builds Rempart's UI inside a tweet: the blur overlay, the thin "hidden" bar, the flag label and
// the "looks like @old" label.
// Tweet words are always inserted as text (textContent), never as markup.
'use strict';
(() => {
  const R = globalThis.Rempart;
  // Rempart's own words: the same few messages on every tweet, each asked of the i18n API once
  // (every call crosses into the browser's bindings: a few ms per batch of 50 overlays).
  // Messages with substitutions carry tweet words: the memo is bounded.
  const words = new Map();
  R.t = (key, subs) => {
    const id = subs === undefined ? key : `${key}\u0000${[].concat(subs).join('\u0001')}`;
    let w = words.get(id);
    if (w === undefined) {
      if (words.size >= 2000) words.clear();
      words.set(id, (w = R.api.i18n.getMessage(key, subs) || key));
    }
    return w;
  };
  let uiLanguage = null;
  R.uiLanguage = () => (uiLanguage ??= R.api.i18n.getUILanguage());
  const t = R.t;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const catNames = (v) => v.categories.map((c) => t(`cat_${c}`)).join(', ');
  const quoted = (v) => v.words.map((w) => t('quote_word', [w])).join(' ');

  /** One line, in the user's language: what was found and where. */
  function reason(v) {
    if (!v.categories.length) return t('reason_unchecked');
    if (v.sources.length === 1 && v.sources[0] === 'blocklist') return t('reason_blocklist');
    const where = v.sources.map((s) => t(`source_${s}`)).join(', ');
    return t('reason_found', [where]);
  }

  function revealButton(label, onReveal) {
    const b = el('button', 'rempart-reveal', label);
    b.type = 'button';
    b.dataset.rempartControl = 'reveal';
    // X opens the tweet on any click inside the article: keep ours to ourselves.
    for (const ev of ['pointerdown', 'mousedown', 'mouseup']) b.addEventListener(ev, (e) => e.stopPropagation());
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      // Only the user's own click: a page script's synthetic click must not unblur anything.
      if (e.isTrusted) onReveal();
    });
    return b;
  }

  function ui(kind) {
    const box = el('div', `rempart-ui rempart-${kind}`);
    box.dataset.rempartUi = kind;
    box.lang = R.uiLanguage();
    return box;
  }

  R.overlay = {
    blur(v, onReveal) {
      const box = ui('overlay');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', t('overlay_title_blur'));
      const card = el('div', 'rempart-card');
      card.append(el('div', 'rempart-title', v.categories.length ? `${t('overlay_title_blur')} · ${catNames(v)}` : t('overlay_title_blur')));
      if (v.words.length) card.append(el('div', 'rempart-words', quoted(v)));
      const why = el('div', 'rempart-reason', reason(v));
      why.title = v.detail || '';
      card.append(why, revealButton(t('show_anyway'), onReveal));
      box.append(card);
      return box;
    },
    hide(v, onReveal) {
      const bar = ui('bar');
      const label = v.categories.length ? `${t('hidden_by')} — ${catNames(v)}` : t('hidden_by');
      const text = el('span', 'rempart-bar-text', label);
      text.title = reason(v);
      bar.append(text, revealButton(t('show'), onReveal));
      return bar;
    },
    flag(v) {
      const label = ui('flag');
      label.append(el('span', 'rempart-flag-mark', '⚠'), el('span', 'rempart-flag-text', `${catNames(v)}${v.words.length ? ` — ${quoted(v)}` : ''}`));
      label.title = reason(v);
      return label;
    },
    /** "looks like @old (blocked)": the author resembles an account in the evidence or blocked;
     *  with `quoted` (a handle), the quoted tweet's author does: "quoted @new looks like @old". */
    lookalike(l, quoted = null) {
      const label = ui('lookalike');
      label.dataset.rempartLookalikeBlocked = String(l.blocked);
      if (quoted) label.dataset.rempartLookalikeQuoted = `@${quoted}`;
      const known = l.blocked ? 'lookalike_blocked' : 'lookalike_known';
      const text = quoted ? t(`${known}_quoted`, [`@${quoted}`, `@${l.handle}`]) : t(known, [`@${l.handle}`]);
      label.append(el('span', 'rempart-lookalike-mark', '↺'), el('span', 'rempart-flag-text', text));
      label.title = t('lookalike_title', [l.reasons.join(', ')]);
      return label;
    },
    revealed(v) {
      const label = ui('shown');
      label.append(el('span', 'rempart-flag-text', t('shown_anyway', [catNames(v) || t('reason_unchecked')])));
      return label;
    },
  };
})();
