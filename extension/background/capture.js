// One capture request made whole: the tweet's screenshot when screenshots are allowed and its tab
// still shows it, the environment, the hashes of every part, and the sealed record (with its PNG)
// appended in the transaction that also removes the request from the queue. A request whose
// capture id already has a record is answered with that record, never sealed twice.
import { sha256Hex, engineInfo } from '../pkg/rempart.js';
import { api } from '../shared/browser.js';
import * as db from '../shared/evidence-db.js';
import { ready } from './engine.js';

const enc = new TextEncoder();

function localIso(d) {
  const off = -d.getTimezoneOffset();
  const pad = (n, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

async function browserInfo() {
  if (api.runtime.getBrowserInfo) {
    const b = await api.runtime.getBrowserInfo();
    return { name: b.name, version: b.version };
  }
  const brands = await navigator.userAgentData?.getHighEntropyValues?.(['fullVersionList']).catch(() => null);
  const brand = brands?.fullVersionList?.find((x) => !/Not.?A.?Brand/i.test(x.brand) && x.brand !== 'Chromium')
    ?? brands?.fullVersionList?.find((x) => x.brand === 'Chromium');
  const m = /(Chrom(?:e|ium))\/([\d.]+)/.exec(navigator.userAgent);
  return { name: brand?.brand ?? m?.[1] ?? 'Chromium', version: brand?.version ?? m?.[2] ?? '' };
}

async function environment() {
  const platform = await api.runtime.getPlatformInfo();
  return {
    browser: await browserInfo(),
    user_agent: navigator.userAgent,
    os: platform.os,
    arch: platform.arch,
    extension: { name: 'Rempart', version: api.runtime.getManifest().version, engine: engineInfo().version },
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    language: navigator.language,
  };
}

function decodeDataUrl(url) {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// Chrome allows two captureVisibleTab calls a second: captures are queued and spaced.
const CAPTURE_GAP_MS = 520;
let lastShot = Promise.resolve(0);
function grab(windowId) {
  const run = lastShot.then(async (at) => {
    const wait = at + CAPTURE_GAP_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return api.tabs.captureVisibleTab(windowId, { format: 'png' }).catch(async (e) => {
      // A worker killed a moment ago may have taken the previous shot: this one cannot know when.
      if (!/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(e?.message))) throw e;
      await new Promise((r) => setTimeout(r, 2 * CAPTURE_GAP_MS));
      return api.tabs.captureVisibleTab(windowId, { format: 'png' });
    }).finally(() => { lastShot = Promise.resolve(Date.now()); });
  });
  lastShot = run.then(() => Date.now(), () => Date.now());
  return run;
}

/** The visible tab as PNG, cropped to the tweet's rectangle (CSS px scaled to the image's pixels). */
async function screenshot(windowId, rect, viewportWidth) {
  const full = await grab(windowId);
  const bitmap = await createImageBitmap(new Blob([decodeDataUrl(full)], { type: 'image/png' }));
  const scale = bitmap.width / viewportWidth; // devicePixelRatio and zoom, as the image really is
  const x = Math.max(0, Math.floor(rect.x * scale));
  const y = Math.max(0, Math.floor(rect.y * scale));
  const w = Math.max(1, Math.min(bitmap.width - x, Math.ceil(rect.width * scale)));
  const h = Math.max(1, Math.min(bitmap.height - y, Math.ceil(rect.height * scale)));
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext('2d').drawImage(bitmap, x, y, w, h, 0, 0, w, h);
  bitmap.close?.();
  const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return { png, width: w, height: h, scale_milli: Math.round(scale * 1000) };
}

/** The screenshot of the request's tweet, or why there is none ({missing}). `view` is where the
 *  tweet is now ({rect, viewport}); null when no page holds it in view any more. */
async function shotFor(entry, view) {
  if (!view) return { missing: 'tab-closed' };
  const tab = await api.tabs.get(entry.tab.id).catch(() => null);
  // captureVisibleTab takes the window's visible tab: another tab's picture is no evidence.
  if (!tab?.active) return { missing: 'tab-hidden' };
  try {
    return await screenshot(entry.tab.windowId, view.rect, view.viewport.width);
  } catch (e) {
    // Both browsers need <all_urls> (the optional grant) or activeTab (the toolbar button clicked
    // on this tab) for captureVisibleTab; without either the capture is kept, without its picture.
    if (/permission|activeTab|all_urls/i.test(String(e?.message))) return { missing: 'not-allowed' };
    throw e;
  }
}

const answer = (r) => ({ seq: r.seq, hash: r.hash, recapture: r.recapture_of !== null, screenshot: Boolean(r.parts?.screenshot) });

/**
 * Seals one queued request: entry = {capture_id, request: {tweet, verdict, note}, tab: {id,
 * windowId, url}, queued_at}. Resolves once the record is committed (or found committed already).
 */
export async function seal(entry, view) {
  const done = await db.captureRecord(entry.capture_id);
  if (done) {
    await db.dequeue(entry.capture_id);
    return answer(done);
  }
  const { tweet, verdict, note } = entry.request;
  const capturedAt = new Date();
  const shot = await shotFor(entry, view);
  await ready();
  const env = await environment();
  const all = await db.allRecords();
  const existing = all.filter((r) => r.kind === 'capture' && r.tweet?.status_id && r.tweet.status_id === tweet.status_id);
  const sealed = await db.append((seq) => {
    const file = `screenshots/${String(seq).padStart(5, '0')}-${tweet.status_id ?? 'tweet'}.png`;
    const parts = {
      text: { sha256: sha256Hex(enc.encode(tweet.text)) },
      html: { sha256: sha256Hex(enc.encode(tweet.html)) },
    };
    if (shot.png) parts.screenshot = { file, sha256: sha256Hex(shot.png) };
    const record = {
      kind: 'capture',
      capture_id: entry.capture_id,
      recapture_of: existing.length ? existing.at(-1).hash : null,
      // When the user asked, and when the record was made (later after a restart).
      requested_at: entry.queued_at,
      captured_at: capturedAt.toISOString(),
      captured_at_local: localIso(capturedAt),
      page_url: entry.tab.url,
      tweet,
      verdict,
      note: note ?? '',
      environment: env,
      screenshot: shot.png ? { width: shot.width, height: shot.height, scale_milli: shot.scale_milli } : null,
      // "no screenshot": why the record has none (not-allowed, tab-closed, tab-hidden).
      no_screenshot: shot.png ? null : shot.missing,
      parts,
    };
    return [{ record, shot: shot.png ? { file, bytes: shot.png } : undefined }];
  }, ({ queue }) => queue.delete(entry.capture_id), { unlessCapture: entry.capture_id });
  return answer(sealed.existing ?? sealed[0]);
}
