// The locker's "Allow screenshots of saved tweets": the optional <all_urls> grant that
// tabs.captureVisibleTab needs (see docs/permissions.md), asked only from this click, never at
// install. Until it is given, captures are kept without their picture and this notice says so.
import { api } from '../shared/browser.js';

export const SCREENSHOT_ORIGINS = ['<all_urls>'];

const allowed = () => api.permissions.contains({ origins: SCREENSHOT_ORIGINS }).catch(() => false);

/** Shows the notice while screenshots are not allowed; `onChange` runs after a grant or a withdrawal. */
export async function setupScreenshots(notice, button, onChange) {
  const show = async () => {
    const on = await allowed();
    notice.hidden = on;
    document.body.dataset.screenshots = on ? 'allowed' : 'off';
  };
  button.addEventListener('click', () => {
    // Straight from the click: both browsers accept a permission request only in a user gesture.
    api.permissions.request({ origins: SCREENSHOT_ORIGINS }).then(show, () => show()).then(onChange);
  });
  api.permissions.onAdded?.addListener(() => show().then(onChange));
  api.permissions.onRemoved?.addListener(() => show().then(onChange));
  await show();
}
