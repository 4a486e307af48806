// One locker entry per capture: screenshot, who, when, the text (always as text), the quoted tweet,
// notes, and the note and delete controls. Deleting asks for a second click to confirm.
// The newest PAGE captures are drawn, then a button draws the next page: a locker of 10,000
// captures took 71 s to open when every entry and its screenshot were drawn at once.
import { t } from '../shared/browser.js';
import * as db from '../shared/evidence-db.js';
import { provenance } from './provenance.js';

const urls = [];
export const PAGE = 250;
// How many entries are drawn: kept across redraws (a note added far down the list keeps it open).
let limit = PAGE;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

async function screenshot(c) {
  const file = c.parts?.screenshot?.file;
  const bytes = file && await db.shot(file);
  // "No screenshot", and why (a capture made before screenshots were allowed, a tab closed…).
  if (!bytes) return el('p', 'no-screenshot', c.no_screenshot ? `${t('locker_no_screenshot')} — ${t(`no_screenshot_${c.no_screenshot.replace('-', '_')}`)}` : t('locker_no_screenshot'));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
  urls.push(url);
  const img = el('img');
  img.src = url;
  img.alt = t('locker_screenshot_alt', [String(c.seq)]);
  return img;
}

function item(c, model, refresh) {
  const tw = c.tweet ?? {};
  const box = el('article', 'item');
  box.dataset.seq = String(c.seq);
  box.dataset.statusId = tw.status_id ?? '';
  if (!c.parts?.screenshot) box.dataset.noScreenshot = c.no_screenshot ?? 'unknown';
  const body = el('div');
  body.append(el('div', 'who', `${tw.author_name ?? ''} @${tw.author_handle ?? '?'}`));
  body.append(el('div', 'meta', `#${c.seq} · ${t('locker_tweet_time')} ${tw.time ?? '—'} · ${t('locker_captured')} ${c.captured_at_local}`));
  if (c.recapture_of) body.append(el('div', 'meta', t('locker_recapture')));
  const cats = c.verdict?.categories ?? [];
  if (cats.length) body.append(el('div', 'cats', cats.map((x) => t(`cat_${x}`)).join(', ')));
  body.append(el('p', 'text', tw.text));
  if (tw.quote) body.append(el('p', 'text quote', `@${tw.quote.author_handle ?? '?'}: ${tw.quote.text}`));
  // The tweet's address is shown as text: the locker never turns captured content into links.
  body.append(el('div', 'meta', tw.url ?? c.page_url));
  for (const line of provenance(c, model)) body.append(el('div', 'meta provenance', line));
  body.append(el('div', 'hash', `SHA-256 ${c.hash}`));
  const notes = el('ul', 'notes');
  for (const n of model.notes.get(c.hash) ?? []) notes.append(el('li', null, `${n.at.slice(0, 16).replace('T', ' ')} — ${n.note}`));
  body.append(notes);
  const note = el('input');
  note.name = 'note';
  note.placeholder = t('locker_note_placeholder');
  const add = el('button', null, t('locker_add_note'));
  add.type = 'button';
  add.dataset.action = 'note';
  add.addEventListener('click', async () => {
    if (!note.value.trim()) return;
    await db.append(() => [{ record: { kind: 'note', about: c.hash, about_seq: c.seq, note: note.value.trim().slice(0, 5000), at: new Date().toISOString() } }]);
    refresh();
  });
  const del = el('button', 'danger', t('locker_delete'));
  del.type = 'button';
  del.dataset.action = 'delete';
  del.addEventListener('click', async () => {
    if (del.dataset.armed !== 'true') {
      del.dataset.armed = 'true';
      del.textContent = t('locker_delete_confirm');
      return;
    }
    await db.remove(c, 'user');
    refresh();
  });
  body.append(el('div', 'actions'));
  body.lastChild.append(note, add, del);
  return { box, body };
}

/** Entries for these captures, their screenshots read from the database side by side. */
async function entries(captures, model, refresh) {
  const shots = await Promise.all(captures.map(screenshot));
  return captures.map((c, i) => {
    const { box, body } = item(c, model, refresh);
    box.append(shots[i], body);
    return box;
  });
}

export async function renderList(container, captures, model, refresh) {
  for (const u of urls.splice(0)) URL.revokeObjectURL(u);
  const sorted = [...captures].sort((a, b) => b.seq - a.seq);
  const boxes = await entries(sorted.slice(0, limit), model, refresh);
  const more = el('button', 'more');
  more.type = 'button';
  more.dataset.action = 'more';
  const label = () => {
    const left = sorted.length - container.querySelectorAll('.item').length;
    more.hidden = left <= 0;
    more.textContent = t('locker_show_more', [String(Math.min(PAGE, left)), String(left)]);
  };
  more.addEventListener('click', async () => {
    const drawn = container.querySelectorAll('.item').length;
    more.disabled = true;
    more.before(...await entries(sorted.slice(drawn, drawn + PAGE), model, refresh));
    limit = Math.max(limit, drawn + PAGE);
    more.disabled = false;
    label();
  });
  container.replaceChildren(...boxes, more);
  label();
}
