// Where each capture came from and what X later showed of it, as rows for report.html and
// report.pdf, in the report's language (chosen at export, not the browser's): saved on its own,
// with a conversation or in an author sweep (tweet.bulk), imported from another dossier
// (origin), and "seen deleted / suspended / missing / unavailable on …" (seen-gone records).
const WORDS = {
  en: {
    origin: 'Origin', seen: 'Seen on X later',
    single: 'saved on its own (one click on this tweet)',
    conversation: (url) => `saved with the whole conversation ${url} (one record per tweet)`,
    author: (handle, url) => `saved with every post of @${handle} visible on ${url}`,
    imported: (file, seq) => `imported from the dossier ${file} (its record No. ${seq}); `,
    gone: {
      deleted: (at, notice) => `seen deleted on ${at} (X showed: "${notice}")`,
      suspended: (at, notice) => `seen as from a suspended account on ${at} (X showed: "${notice}")`,
      missing: (at, notice) => `seen missing on ${at} (X showed: "${notice}")`,
      unavailable: (at, notice) => `seen unavailable on ${at} (X showed: "${notice}")`,
    },
  },
  fr: {
    origin: 'Origine', seen: 'Vu ensuite sur X',
    single: 'enregistré seul (un clic sur ce tweet)',
    conversation: (url) => `enregistré avec toute la conversation ${url} (un enregistrement par tweet)`,
    author: (handle, url) => `enregistré avec tous les posts de @${handle} visibles sur ${url}`,
    imported: (file, seq) => `importé du dossier ${file} (son enregistrement n° ${seq}) ; `,
    gone: {
      deleted: (at, notice) => `vu supprimé le ${at} (X affichait : « ${notice} »)`,
      suspended: (at, notice) => `vu comme provenant d'un compte suspendu le ${at} (X affichait : « ${notice} »)`,
      missing: (at, notice) => `vu introuvable le ${at} (X affichait : « ${notice} »)`,
      unavailable: (at, notice) => `vu indisponible le ${at} (X affichait : « ${notice} »)`,
    },
  },
};

/** What the capture's origin is, in one word (for tests and the table): single, conversation, author. */
export const originKind = (c) => (c.tweet?.bulk?.kind === 'conversation' || c.tweet?.bulk?.kind === 'author' ? c.tweet.bulk.kind : 'single');

/** [[label, value], …] for capture `c`; model from derive() (records, gone). Times are UTC. */
export function originRows(c, model, lang) {
  const W = WORDS[lang] ?? WORDS.en;
  const bulk = c.tweet?.bulk;
  const kind = originKind(c);
  let how = kind === 'conversation' ? W.conversation(bulk.url) : kind === 'author' ? W.author(bulk.author ?? c.tweet?.author_handle ?? '?', bulk.url) : W.single;
  const header = c.origin && model.records?.[c.origin.import_seq];
  if (header?.kind === 'import') how = W.imported(header.from?.file ?? '?', c.origin.seq) + how;
  const rows = [[W.origin, how]];
  const gone = model.gone?.get(c.tweet?.status_id) ?? [];
  if (gone.length) rows.push([W.seen, gone.map((g) => (W.gone[g.state] ?? W.gone.unavailable)(g.seen_at, g.notice ?? '')).join('\n')]);
  return rows;
}
