// Bulk capture: "Save this conversation" on the focal tweet of a /<handle>/status/<id> page, and
// "Save everything from @author visible here" on profile and search pages. Which tweets belong to
// the run is decided here (bulk-scan.js reads the page); each capture goes through the ordinary
// single-capture path (R.evidence.save), one at a time, spaced for captureVisibleTab's limit.
// The background keeps the run's state (background/bulk.js), so a restarted worker carries on.
'use strict';
(() => {
  const R = globalThis.Rempart;
  const t = R.t; // overlay.js
  const CAP = 300;
  // Chromium allows two captureVisibleTab calls a second: never start captures closer than this.
  const GAP_MS = 600;
  const RETRY_MS = [200, 600, 1500, 3000, 5000];
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const saved = new Set(); // status ids known to be in the locker, to mark recycled rows again
  let current = null;

  async function ask(msg) {
    for (let i = 0; ; i++) {
      try {
        const res = await R.api.runtime.sendMessage(msg);
        if (res?.ok) return res;
        throw new Error(res?.error ?? 'no answer');
      } catch (e) {
        // A service worker being restarted drops messages: ask again, it reads the run back.
        if (i >= RETRY_MS.length) throw e;
        await sleep(RETRY_MS[i]);
      }
    }
  }

  function markSaved(article) {
    article.dataset.rempartEvidence = 'saved';
    const b = article.querySelector(':scope > .rempart-save');
    if (b && b.dataset.state === 'idle') { b.dataset.state = 'saved'; b.textContent = t('evidence_saved'); }
  }

  function button(control, label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'rempart-ui rempart-keep rempart-bulk-start';
    b.dataset.rempartControl = control;
    b.textContent = label;
    for (const ev of ['pointerdown', 'mousedown', 'mouseup']) b.addEventListener(ev, (e) => e.stopPropagation());
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      // Only the user's own click starts a run: a page script must not be able to file evidence.
      if (e.isTrusted) onClick();
    });
    return b;
  }

  /** Called for every decided article (after the save button): the bulk buttons where they belong. */
  function decorate(article) {
    for (const b of article.querySelectorAll(':scope > .rempart-bulk-start')) b.remove();
    const page = R.bulkScan.page();
    // A timeline has no bulk button and, before any run, nothing to mark: the tweet is not read
    // again (reading every decided tweet a second time was a fifth of the content script's work per batch).
    if (page.kind === 'other' && !saved.size) { R.bulkPanel.clearOffer(); return; }
    const info = R.bulkScan.info(article);
    if (!info) return;
    if (saved.has(info.id)) markSaved(article);
    if (page.kind === 'conversation' && info.id === page.focalId) {
      article.append(button('save-conversation', t('bulk_save_conversation'), () => start({ kind: 'conversation', url: page.url, focal_id: page.focalId, author: null })));
    } else if (page.kind === 'search' && info.author) {
      article.append(button('save-author', t('bulk_save_author', [info.author]), () => start({ kind: 'author', url: page.url, focal_id: null, author: info.author })));
    }
    if (page.kind !== 'profile') R.bulkPanel.clearOffer();
    else R.bulkPanel.offer(page.handle, () => start({ kind: 'author', url: page.url, focal_id: null, author: page.handle }));
  }

  async function start(spec, resumed = null) {
    if (current) return;
    const run = resumed
      ? { id: resumed.id, cap: resumed.cap, kind: resumed.kind, url: resumed.url, focal_id: resumed.focal_id, author: resumed.author }
      : { id: crypto.randomUUID(), cap: CAP, ...spec };
    current = { run, cancelled: false };
    const panel = R.bulkPanel.open(run, () => { if (current) current.cancelled = true; });
    let end = 'done';
    try {
      const started = await ask({ type: 'bulk-start', run });
      panel.counts(started.run);
      await loop(run, new Set(started.run.done ?? []), panel);
      if (current.cancelled) end = 'cancelled';
      else if (current.capped) end = 'cap';
    } catch (e) {
      console.warn('Rempart: bulk capture stopped', e);
      end = 'failed';
    }
    const res = await ask({ type: 'bulk-end', id: run.id, status: end }).catch(() => null);
    if (res) panel.counts(res.run);
    panel.end(end);
    current = null;
  }

  async function loop(run, done, panel) {
    let last = 0;
    let idle = 0;
    let waits = 0;
    let count = done.size;
    const tag = { run_id: run.id, kind: run.kind, url: run.url, focal_id: run.focal_id, author: run.author };
    R.bulkScan.begin(run);
    while (!current.cancelled) {
      const scan = R.bulkScan.next(run, done);
      for (const { article, id } of scan.ready) {
        if (current.cancelled) return;
        if (count >= run.cap) { current.capped = true; return; }
        if (R.bulkScan.info(article)?.id !== id) continue; // the row was re-used meanwhile
        done.add(id);
        count++;
        let outcome;
        if ((await ask({ type: 'bulk-known', ids: [id] })).saved.includes(id)) {
          // Already in the locker: no second record (a re-capture stays an explicit click).
          outcome = 'skipped';
          markSaved(article);
        } else {
          // The screenshot is of the window's visible tab: while this one is hidden, wait.
          while (document.hidden && !current.cancelled) { panel.step(t('bulk_step_paused')); await sleep(500); }
          if (current.cancelled) return;
          panel.step(t('bulk_step_saving', [`@${R.bulkScan.info(article)?.author ?? '?'}`]));
          const wait = last + GAP_MS - Date.now();
          if (wait > 0) await sleep(wait);
          last = Date.now();
          panel.guard(article);
          outcome = (await R.evidence.save(article, { bulk: tag })) === 'saved' ? 'saved' : 'failed';
        }
        if (outcome !== 'failed') saved.add(id);
        panel.counts((await ask({ type: 'bulk-progress', id: run.id, status_id: id, outcome })).run);
      }
      if (scan.end) return;
      // Rows not decided yet: never captured blank. One that stays undecided is left behind.
      if (scan.pending && ++waits < 40) { await sleep(250); continue; }
      waits = 0;
      if (scan.expander) {
        panel.step(t('bulk_step_opening', [scan.expander.textContent.trim()]));
        R.bulkScan.open(scan.expander);
        await sleep(900);
        idle = 0;
        continue;
      }
      panel.step(t('bulk_step_scrolling'));
      const before = scrollY;
      scrollBy({ top: Math.round(innerHeight * 0.6), behavior: 'instant' });
      await sleep(300);
      if (Math.abs(scrollY - before) < 2) {
        // The end of the list, or X still loading the next page: wait a little before ending.
        if (++idle >= 4) return;
        await sleep(700);
      } else idle = 0;
    }
  }

  const attach = R.evidence.attach;
  R.evidence.attach = (article, key) => {
    attach(article, key);
    try { decorate(article); } catch (e) { console.warn('Rempart: bulk buttons not added', e); }
  };

  // A run this tab had not finished (the page was reloaded): offer to resume it.
  R.bulkResume = async () => {
    const res = await ask({ type: 'bulk-state' }).catch(() => null);
    const run = res?.run;
    if (!run || run.status !== 'running' || current || run.url !== R.bulkScan.page().url) return;
    R.bulkPanel.resume(run, () => start(null, run));
  };
  setTimeout(() => R.bulkResume(), 1500);
})();
