// Helpers for the evidence durability test (Chromium): a seeded random source so that a failing
// run can be replayed, the service-worker kill, outcome recording on the page and the locker's store.

/** Uniform numbers in [0, 1) from a 32-bit seed (Weyl sequence through a murmur3-style mix). */
export function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Closes the extension's service worker the way Chrome's idle eviction would, but at a moment we pick. */
export async function killWorker(cdp, extensionOrigin) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
  if (!sw) return false;
  return cdp.send('Target.closeTarget', { targetId: sw.targetId }).then((r) => r.success !== false, () => false);
}

// ---- run inside the X page (main world: the content script's DOM attributes are visible there) ----

/** Logs every final outcome an article shows, with the capture id the content script gave it. */
export function recordOutcomes() {
  window.__rempartOutcomes = [];
  const seen = new Set();
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const a = m.target;
      const state = a.getAttribute('data-rempart-evidence');
      if (state !== 'saved' && state !== 'failed') continue;
      const capture = a.getAttribute('data-rempart-evidence-capture');
      // One attribute write can surface in several records of one batch: count it once.
      if (seen.has(`${capture} ${state}`)) continue;
      seen.add(`${capture} ${state}`);
      window.__rempartOutcomes.push({ id: a.dataset.fixtureId, capture, state,
        text: a.querySelector('[data-rempart-control="save-evidence"]')?.textContent ?? '' });
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-rempart-evidence'] });
}

export function decidedAll() {
  const as = document.querySelectorAll('article[data-testid="tweet"]');
  return as.length > 0 && [...as].every((a) => a.hasAttribute('data-rempart-action'));
}

// ---- run inside the locker page (the extension's origin, where the evidence base lives) ----

/** Every record (the fields the test needs) and every stored screenshot's size, straight from IndexedDB. */
export async function readStore() {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('rempart-evidence');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const [records, shots] = [await all('records'), await all('shots')];
  db.close();
  return {
    records: records.map((r) => ({ seq: r.seq, kind: r.kind, capture: r.capture_id ?? null, id: r.tweet?.status_id ?? null,
      file: r.parts?.screenshot?.file ?? null })),
    shots: shots.map((s) => ({ file: s.file, size: s.bytes?.byteLength ?? s.bytes?.length ?? 0 })),
  };
}
