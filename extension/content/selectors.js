// Every X DOM selector the extension relies on, in one sorted, named table, so that when X changes
// its markup the layout-drift warning and this file are the only places to look.
// Content scripts are classic scripts sharing one isolated global: `Rempart` is our namespace.
'use strict';
globalThis.Rempart = {
  api: globalThis.browser ?? globalThis.chrome,
  X: Object.freeze({
    authorLink: 'a[href^="/"]:not([href*="/status/"])',
    // The author's picture: X draws it as an <img> inside its avatar container.
    avatar: '[data-testid^="UserAvatar-Container"] img',
    main: 'main, [role="main"]',
    permalink: 'a[href*="/status/"]',
    promoted: '[data-testid="placementTracking"]',
    // X renders a quoted tweet as a role=link block holding its own User-Name and tweetText.
    quote: 'div[role="link"]',
    time: 'time[datetime]',
    // Tweets as X marks them, or — when X has renamed its test ids (layout drift) — any article in
    // the main column, filtered best-effort and reported as drift. Notifications are articles too.
    tweet: ':is(article[data-testid="tweet"], main article:not([data-testid="notification"]))',
    tweetStrict: 'article[data-testid="tweet"]',
    tweetText: 'div[data-testid="tweetText"]',
    // X sets the tweet's language on its text block: the fallback when tweetText is renamed.
    tweetTextFallback: 'div[lang]',
    userName: 'div[data-testid="User-Name"]',
  }),
  STATUS_PATH: /^\/([A-Za-z0-9_]{1,20})\/status\/(\d{1,25})/,
  HANDLE_PATH: /^\/([A-Za-z0-9_]{1,20})\/?$/,
  // Pages where tweets are expected: used by the drift warning only.
  NOT_TIMELINE: /^\/(settings|messages|compose|login|logout|signup|i\/flow|i\/keyboard_shortcuts|account|tos|privacy|jobs)(\/|$)/,
};
