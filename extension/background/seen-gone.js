// "Seen deleted on …": X's own page told the user (content/gone.js read it) that a tweet is gone.
// When the locker holds that tweet, one sealed record notes what X said, where and when — once per
// tweet and state. Passive by design: the background never asks X or anyone whether a tweet exists.
import * as db from '../shared/evidence-db.js';
import { ready } from './engine.js';

export async function seenGone(msg, sender) {
  const records = await db.allRecords();
  const captures = records.filter((r) => r.kind === 'capture' && r.tweet?.status_id === msg.status_id);
  if (!captures.length) return { outcome: 'not-saved' };
  const prior = records.find((r) => r.kind === 'seen-gone' && r.status_id === msg.status_id && r.state === msg.state);
  if (prior) return { outcome: 'already', at: prior.seen_at };
  await ready(); // sealing runs in the wasm engine
  const at = new Date();
  const [record] = await db.append(() => [{ record: {
    kind: 'seen-gone',
    status_id: msg.status_id,
    url: `https://x.com/${msg.handle}/status/${msg.status_id}`,
    state: msg.state,
    notice: msg.notice,
    page_url: sender.tab.url ?? sender.url,
    seen_at: at.toISOString(),
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    about: captures.map((c) => c.hash),
    how: 'passive: X showed this notice on a page the user opened; Rempart made no request',
  } }]);
  return { outcome: 'recorded', seq: record.seq, at: record.seen_at };
}
