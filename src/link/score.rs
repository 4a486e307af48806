//! Turns the four similarities of a pair into a suggestion or nothing. Name and handle are one
//! kind of evidence (a handle is usually made from the name; homonyms share both); the avatar
//! and the writing are two others. A pair is suggested only when two kinds agree, so a common
//! name, a shared default picture or a shared slogan alone never links two people.

use super::handles::{handle_similarity, HandleMatch};
use super::names::name_similarity;
use super::Prepared;

/// Avatars this close (bits of 128) are the same picture.
const SAME_AVATAR_BITS: u32 = 8;
/// From this distance on, avatars say nothing (unrelated pictures differ by about 64 bits).
const UNRELATED_AVATAR_BITS: u32 = 24;
/// Writing similarity (cosine of rarity-weighted 3-grams) that starts to count, and from which
/// it counts fully. Different people on the same subject measured up to 0.31 in the tuning
/// fixture, copied slogans up to 0.76 (which is why writing never counts alone).
const WRITES_FROM: f64 = 0.30;
const WRITES_SURE: f64 = 0.55;
/// A kind of evidence counts when it reaches this strength.
const STRONG: f64 = 0.5;
/// Weight of each kind in the combined score (noisy-or).
const WEIGHT: f64 = 0.7;
/// Lowest combined score that is suggested.
const SUGGEST_FROM: f64 = 0.72;

pub fn same_avatar(distance: u32) -> bool {
    distance <= SAME_AVATAR_BITS
}

/// 0 at or below `lo`, 1 at or above `hi`, linear between.
fn ramp(x: f64, lo: f64, hi: f64) -> f64 {
    ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
}

fn percent(x: f64) -> u32 {
    (x * 100.0).floor() as u32
}

/// Name and handle together, in 0..1, with the reasons to show.
pub(super) fn identity(p: &Prepared, q: &Prepared) -> (f64, Vec<String>) {
    let mut reasons = Vec::new();
    let name = name_similarity(&p.name, &q.name);
    let name_evidence = name.map_or(0.0, |s| ramp(s, 0.75, 1.0));
    if let Some(s) = name.filter(|_| name_evidence > 0.0) {
        reasons.push(if s >= 1.0 { "same display name".to_string() } else { format!("display name {}% alike", percent(s)) });
    }
    let (handle, how) = handle_similarity(&p.stem, &q.stem);
    let handle_evidence = ramp(handle, 0.7, 1.0);
    if handle_evidence > 0.0 {
        reasons.push(match how {
            HandleMatch::SameStem => "same handle apart from digits or separators".to_string(),
            HandleMatch::Contains => "one handle contains the other".to_string(),
            HandleMatch::Edit => format!("handle {}% alike", percent(handle)),
        });
    }
    ((name_evidence.max(handle_evidence) + 0.3 * name_evidence.min(handle_evidence)).min(1.0), reasons)
}

/// Whether two accounts look like different people by name and handle (for popular avatars).
pub(super) fn unrelated_identities(p: &Prepared, q: &Prepared) -> bool {
    identity(p, q).0 < STRONG
}

pub(super) fn judge(p: &Prepared, q: &Prepared, writing: impl FnOnce() -> Option<f64>) -> Option<(f64, Vec<String>)> {
    let (identity, mut reasons) = identity(p, q);

    let distance = p.avatar.zip(q.avatar).map(|(a, b)| a.distance(b));
    let avatar = distance.map_or(0.0, |d| 1.0 - ramp(d as f64, SAME_AVATAR_BITS as f64, UNRELATED_AVATAR_BITS as f64));
    // Writing alone never suggests anything: skip the costliest comparison when it cannot matter.
    if identity < STRONG && avatar < STRONG {
        return None;
    }
    match distance {
        Some(d) if same_avatar(d) => reasons.push("same avatar".to_string()),
        Some(d) if avatar >= STRONG => reasons.push(format!("avatar {}% alike", percent(1.0 - d as f64 / 64.0))),
        _ => {}
    }
    let writes = writing().map_or(0.0, |s| ramp(s, WRITES_FROM, WRITES_SURE));
    if writes >= STRONG {
        reasons.push("writes alike".to_string());
    }

    let kinds = [identity, avatar, writes];
    if kinds.iter().filter(|&&e| e >= STRONG).count() < 2 {
        return None;
    }
    let score = 1.0 - kinds.iter().map(|e| 1.0 - WEIGHT * e).product::<f64>();
    (score >= SUGGEST_FROM).then_some((score, reasons))
}
