// Browser shim for extension pages and the background (ES modules): one promise-based API object.
// Firefox exposes `browser`; Chrome MV3's `chrome` returns promises when no callback is given.
export const api = globalThis.browser ?? globalThis.chrome;

export const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

/** Fill every [data-i18n] element's text (never markup) and [data-i18n-*] attributes from _locales. */
export function localizePage(root = document) {
  document.documentElement.lang = api.i18n.getUILanguage().split('-')[0];
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attr of ['title', 'placeholder', 'aria-label']) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
    }
  }
}
