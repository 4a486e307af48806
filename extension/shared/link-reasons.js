// The matcher's reasons (the engine and `rempart link` write them in English) in the user's
// language: shared by the locker's suggestions and the background's on-timeline label.
import { t } from './browser.js';

const REASONS = [
  [/^same display name$/, 'link_reason_same_name'],
  [/^display name (\d+)% alike$/, 'link_reason_name_alike'],
  [/^same handle apart from digits or separators$/, 'link_reason_same_handle'],
  [/^one handle contains the other$/, 'link_reason_handle_contains'],
  [/^handle (\d+)% alike$/, 'link_reason_handle_alike'],
  [/^same handle words in another order$/, 'link_reason_handle_reordered'],
  [/^one handle is the other's consonants$/, 'link_reason_handle_consonants'],
  [/^same avatar$/, 'link_reason_same_avatar'],
  [/^avatar (\d+)% alike$/, 'link_reason_avatar_alike'],
  [/^writes alike$/, 'link_reason_writes_alike'],
  [/^writes somewhat alike$/, 'link_reason_writes_somewhat_alike'],
  [/^same targets$/, 'link_reason_same_targets'],
  [/^same hours$/, 'link_reason_same_hours'],
  [/^same unusual hours$/, 'link_reason_same_unusual_hours'],
  [/^took over after (@\S+) went quiet$/, 'link_reason_took_over'],
  [/^same rare writing habits: (.+)$/, 'link_reason_same_habits'],
];

export function reasonText(reason) {
  for (const [pattern, key] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return t(key, m.slice(1));
  }
  return reason;
}

