// The bulk capture's panel on X: progress bar (against the cap, which the user sees), counts,
// what it is doing ("opening “Show more replies”"), cancel; the profile page's "Save everything
// from @author visible here" offer and the "resume" offer after a reload. Rempart UI only.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const t = R.t; // overlay.js
  let box = null;

  function el(tag, cls, textContent) {
    const e = document.createElement(tag);
    e.className = cls;
    if (textContent !== undefined) e.textContent = textContent;
    return e;
  }

  function frame() {
    box?.remove();
    box = el('div', 'rempart-ui rempart-bulk-panel');
    box.setAttribute('role', 'status');
    box.lang = R.uiLanguage();
    document.documentElement.append(box);
    return box;
  }

  function action(control, label, onClick) {
    const b = el('button', 'rempart-bulk-button', label);
    b.type = 'button';
    b.dataset.rempartControl = control;
    b.addEventListener('click', (e) => { if (e.isTrusted) onClick(); });
    return b;
  }

  R.bulkPanel = {
    /** The panel of a run: returns its updaters. */
    open(run, onCancel) {
      const p = frame();
      p.dataset.state = 'running';
      const title = el('div', 'rempart-bulk-title', run.kind === 'conversation' ? t('bulk_title_conversation') : t('bulk_title_author', [run.author]));
      const bar = el('progress', 'rempart-bulk-bar');
      bar.max = run.cap;
      bar.value = 0;
      const counts = el('div', 'rempart-bulk-counts');
      const step = el('div', 'rempart-bulk-step', t('bulk_step_starting'));
      const cancel = action('bulk-cancel', t('bulk_cancel'), () => { onCancel(); cancel.disabled = true; step.textContent = t('bulk_step_cancelling'); });
      p.append(title, bar, counts, step, cancel);
      const api = {
        counts(s) {
          const n = s.saved + s.skipped + s.failed;
          bar.value = Math.min(n, run.cap);
          for (const k of ['saved', 'skipped', 'failed']) p.dataset[k] = String(s[k]);
          counts.textContent = t('bulk_counts', [String(s.saved), String(s.skipped), String(s.failed), String(run.cap)]);
        },
        step(text) { step.textContent = text; },
        /** Before a capture of `article`: hidden during it only when it lies across the tweet's
         *  column (it stays visible beside the tweets, instead of blinking at every capture). */
        guard(article) {
          const a = article.getBoundingClientRect();
          const b = p.getBoundingClientRect();
          p.toggleAttribute('data-overlaps', a.left < b.right && b.left < a.right);
        },
        end(how) {
          p.dataset.state = how;
          step.textContent = t(`bulk_end_${how}`);
          cancel.replaceWith(action('bulk-close', t('bulk_close'), () => { p.remove(); box = null; }));
        },
      };
      api.counts({ saved: 0, skipped: 0, failed: 0 });
      return api;
    },
    /** "Save everything from @handle visible here" on a profile page (once per page). */
    offer(handle, onStart) {
      // A run's panel (running or finished) stays until the user closes it.
      if (box && (box.dataset.state !== 'offer' || box.dataset.offer === handle.toLowerCase())) return;
      const p = frame();
      p.dataset.state = 'offer';
      p.dataset.offer = handle.toLowerCase();
      p.append(action('save-author', t('bulk_save_author', [handle]), onStart), el('div', 'rempart-bulk-step', t('bulk_cap_note', [String(300)])));
    },
    /** Leaving the profile page: its offer goes (a running run's panel stays). */
    clearOffer() {
      if (box?.dataset.state === 'offer') { box.remove(); box = null; }
    },
    resume(run, onResume) {
      const p = frame();
      p.dataset.state = 'interrupted';
      p.append(el('div', 'rempart-bulk-title', t('bulk_interrupted', [String(run.saved), String(run.skipped)])),
        action('bulk-resume', t('bulk_resume'), onResume), action('bulk-close', t('bulk_close'), () => { p.remove(); box = null; }));
    },
  };
})();
