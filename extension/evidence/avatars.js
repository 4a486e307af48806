// The authors' pictures for the locker's suggestions ("same avatar"): the part of a saved
// screenshot where the capture recorded the author's picture (tweet.avatar_box, CSS px) is cut
// out and hashed by the engine (wasm avatarHash, the matcher's perceptual hash). The picture is
// never fetched: only what was on screen, already sealed in the locker, is read.
import { avatarHash } from '../pkg/rempart.js';
import { shot } from '../shared/evidence-db.js';

const lc = (h) => (h ?? '').toLowerCase();
const byCapture = new Map(); // capture hash → hex hash, or null (no box, no screenshot, unreadable)

/** The box in the screenshot's own pixels, inside the image, or null. */
export function boxInImage(c) {
  const b = c.tweet?.avatar_box;
  const s = c.screenshot;
  if (!b || !s || !c.parts?.screenshot?.file) return null;
  const scale = (s.scale_milli ?? 1000) / 1000;
  const x = Math.round(b.x * scale);
  const y = Math.round(b.y * scale);
  const width = Math.min(Math.round(b.width * scale), s.width - x);
  const height = Math.min(Math.round(b.height * scale), s.height - y);
  return width >= 8 && height >= 8 ? { x, y, width, height } : null;
}

async function hashOf(c) {
  if (byCapture.has(c.hash)) return byCapture.get(c.hash);
  let hex = null;
  const box = boxInImage(c);
  const bytes = box && await shot(c.parts.screenshot.file);
  if (bytes) {
    try {
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), box.x, box.y, box.width, box.height);
      const canvas = new OffscreenCanvas(box.width, box.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      bitmap.close?.();
      hex = avatarHash(g.getImageData(0, 0, box.width, box.height).data, box.width, box.height);
    } catch (e) {
      console.warn('Rempart: avatar not read from the screenshot', e);
    }
  }
  byCapture.set(c.hash, hex);
  return hex;
}

/** handle → the picture's hash from its latest capture that has one. One decode per handle. */
export async function avatarsByHandle(model) {
  const out = new Map();
  const tried = new Map(); // handle → how many captures looked at (a few, newest first)
  for (const c of [...model.captures].sort((x, y) => y.seq - x.seq)) {
    const h = lc(c.tweet?.author_handle);
    if (!h || out.has(h) || (tried.get(h) ?? 0) >= 3 || !boxInImage(c)) continue;
    tried.set(h, (tried.get(h) ?? 0) + 1);
    const hex = await hashOf(c);
    if (hex) out.set(h, hex);
  }
  return out;
}
