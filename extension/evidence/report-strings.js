// The report's words in French and English: the report's language is chosen at export, whatever
// the browser's, so these cannot come from _locales (which follow the browser).
export const REPORT = {
  en: {
    title: 'Evidence report — online harassment', generated: 'Generated', period: 'Period', incidents: 'Incidents recorded',
    authors: 'Accounts (people)', chain: 'Integrity', chain_ok: 'the chain of records verifies (SHA-256, each record includes the previous record\'s hash)',
    chain_bad: 'the chain of records does NOT verify', head: 'Head hash of the chain', summary: 'Summary', chart: 'Incidents per day and per author',
    others: 'others', by_author: 'Per author', handles: 'Handles', names: 'Display names', first: 'First', last: 'Last',
    chrono: 'Chronological table', seq: 'No.', tweet_time: 'Tweet time', captured: 'Captured (UTC / local)', author: 'Author', text: 'Text',
    url: 'URL', categories: 'Categories', hashes: 'SHA-256', details: 'Records in detail', quote: 'Quoted tweet', reply: 'In reply to',
    media: 'Media', note: 'Notes', page: 'Page URL', screenshot: 'Screenshot', record_hash: 'Record', text_hash: 'Text', html_hash: 'HTML',
    shot_hash: 'Screenshot', env: 'Capture environment', browser: 'Browser', os: 'Operating system', extension: 'Extension', tz: 'Time zone',
    lang: 'Language', ua: 'User agent', recapture: 'Re-capture of an earlier record', deleted: 'Records deleted by the user (logged in the chain)',
    how: 'How to check: unzip the dossier and run "sha256sum -c SHA256SUMS", or "rempart verify dossier.zip". This report is a reading aid; evidence.json is the record of reference.',
    none: '—', status_id: 'Status id', author_id: 'Account id',
    no_screenshot: 'none', no_shot: { 'not-allowed': 'screenshots were not allowed in the browser yet', 'tab-closed': 'the tab was closed before it could be taken',
      'tab-hidden': 'the tab was not the visible one' },
  },
  fr: {
    title: 'Rapport de preuves — cyberharcèlement', generated: 'Généré le', period: 'Période', incidents: 'Faits enregistrés',
    authors: 'Comptes (personnes)', chain: 'Intégrité', chain_ok: 'la chaîne d\'enregistrements est vérifiée (SHA-256, chaque enregistrement inclut l\'empreinte du précédent)',
    chain_bad: 'la chaîne d\'enregistrements N\'EST PAS vérifiée', head: 'Empreinte de tête de la chaîne', summary: 'Synthèse', chart: 'Faits par jour et par auteur',
    others: 'autres', by_author: 'Par auteur', handles: 'Identifiants', names: 'Noms affichés', first: 'Premier', last: 'Dernier',
    chrono: 'Tableau chronologique', seq: 'N°', tweet_time: 'Date du tweet', captured: 'Capturé (UTC / local)', author: 'Auteur', text: 'Texte',
    url: 'URL', categories: 'Catégories', hashes: 'SHA-256', details: 'Enregistrements en détail', quote: 'Tweet cité', reply: 'En réponse à',
    media: 'Médias', note: 'Notes', page: 'URL de la page', screenshot: 'Capture d\'écran', record_hash: 'Enregistrement', text_hash: 'Texte', html_hash: 'HTML',
    shot_hash: 'Capture', env: 'Environnement de capture', browser: 'Navigateur', os: 'Système d\'exploitation', extension: 'Extension', tz: 'Fuseau horaire',
    lang: 'Langue', ua: 'User agent', recapture: 'Nouvelle capture d\'un enregistrement antérieur', deleted: 'Enregistrements supprimés par l\'utilisateur (consigné dans la chaîne)',
    how: 'Vérification : décompresser le dossier et lancer « sha256sum -c SHA256SUMS », ou « rempart verify dossier.zip ». Ce rapport est une aide à la lecture ; evidence.json fait foi.',
    none: '—', status_id: 'Identifiant du tweet', author_id: 'Identifiant du compte',
    no_screenshot: 'aucune', no_shot: { 'not-allowed': 'les captures d\'écran n\'étaient pas encore autorisées dans le navigateur', 'tab-closed': 'l\'onglet a été fermé avant la capture',
      'tab-hidden': 'l\'onglet n\'était pas celui affiché' },
  },
};
