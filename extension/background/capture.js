// "Save as evidence" in the background: checks free space, takes the visible tab's screenshot,
// crops it to the tweet (device pixels), hashes every part and appends the sealed record and its
// PNG to the locker in one IndexedDB transaction. The content script is told "saved" only after
// that transaction has committed.
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
  const full = await grab(windowId).catch((e) => {
    // Both browsers refuse captureVisibleTab without <all_urls> or activeTab (see the README).
    throw new Error(/permission/i.test(String(e?.message)) ? 'screenshot-permission' : String(e?.message ?? e));
  });
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

// Captures under way in this worker, by id: a status question about one of them (its answer was
// late) waits for its end instead of answering "not saved" while the commit is still coming.
const inflight = new Map();

/** msg: {captureId, tweet, page, verdict, note, rect, viewport: {width}}; sender: the X tab. */
export function capture(msg, sender) {
  // The same capture asked again (its answer was late or lost): one capture, one record.
  if (inflight.has(msg.captureId)) return inflight.get(msg.captureId);
  const run = captureNow(msg, sender);
  inflight.set(msg.captureId, run);
  const forget = () => { if (inflight.get(msg.captureId) === run) inflight.delete(msg.captureId); };
  run.then(forget, forget);
  return run;
}

async function captureNow(msg, sender) {
  const all = await db.allRecords();
  // Asked again after a worker was killed: what that worker committed is answered, not taken twice.
  const done = all.find((r) => r.capture_id === msg.captureId);
  if (done) return { seq: done.seq, hash: done.hash, recapture: done.recapture_of !== null };
  if ((await db.spaceLeft()) < db.MIN_FREE_BYTES) throw new Error('storage-full');
  const existing = all.filter((r) => r.kind === 'capture' && r.tweet?.status_id && r.tweet.status_id === msg.tweet.status_id);
  const capturedAt = new Date();
  const shot = await screenshot(sender.tab.windowId, msg.rect, msg.viewport.width);
  await ready();
  const env = await environment();
  const [record] = await db.append((seq) => {
    const file = `screenshots/${String(seq).padStart(5, '0')}-${msg.tweet.status_id ?? 'tweet'}.png`;
    const record = {
      kind: 'capture',
      capture_id: msg.captureId,
      recapture_of: existing.length ? existing.at(-1).hash : null,
      captured_at: capturedAt.toISOString(),
      captured_at_local: localIso(capturedAt),
      page_url: sender.tab.url ?? sender.url,
      tweet: msg.tweet,
      verdict: msg.verdict,
      note: msg.note ?? '',
      environment: env,
      screenshot: { width: shot.width, height: shot.height, scale_milli: shot.scale_milli },
      parts: {
        screenshot: { file, sha256: sha256Hex(shot.png) },
        text: { sha256: sha256Hex(enc.encode(msg.tweet.text)) },
        html: { sha256: sha256Hex(enc.encode(msg.tweet.html)) },
      },
    };
    return [{ record, shot: { file, bytes: shot.png } }];
  });
  return { seq: record.seq, hash: record.hash, recapture: record.recapture_of !== null };
}

export async function status(msg) {
  await inflight.get(msg.captureId)?.catch(() => {});
  return { saved: await db.hasCapture(msg.captureId) };
}
