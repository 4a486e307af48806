//! Handle similarity: the same stem under new digits or separators (`jean_dupont` →
//! `jean_dupont2`, `jeandupont_`), a stem inside a longer one (`realjeandupont`), edit distance.

use crate::normalize::normalize;

/// Words people add to a handle taken or banned (`jean_dupont_bis`). Added in front
/// (`realjeandupont`), the stem is found by containment instead: "the…" starts names too.
const SUFFIXES: [&str; 8] = ["bis", "off", "officiel", "official", "backup", "alt", "new", "v2"];

/// The handle's stem: lower case, without `@`, trailing digits, separators, leet or the usual
/// added words (`@J3an_Dupont_75` and `jean_dupont_bis` → `jeandupont`).
pub fn handle_stem(handle: &str) -> String {
    let lower = handle.trim().trim_start_matches('@').to_lowercase();
    let is_noise = |c: char| c.is_ascii_digit() || c == '_' || c == '.';
    let mut stem = lower.trim_end_matches(is_noise);
    // A stem of four letters at least stays: "anubis" keeps its "bis".
    for suffix in SUFFIXES {
        if let Some(rest) = stem.strip_suffix(suffix).map(|r| r.trim_end_matches(is_noise)) {
            if rest.len() >= 4 {
                stem = rest;
            }
        }
    }
    let spaced: String = stem.chars().map(|c| if c == '_' || c == '.' { ' ' } else { c }).collect();
    normalize(&spaced).full.text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How two handles relate, for the reason shown to the user.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HandleMatch {
    /// Same stem, only digits, separators or leet differ.
    SameStem,
    /// One stem contains the other (`jeandupont` in `realjeandupont`).
    Contains,
    /// Only an edit-distance similarity.
    Edit,
}

/// Similarity in 0..1 of two stems and how they relate. Short stems are weaker evidence:
/// `max` and `max2` are often two people.
pub fn handle_similarity(a: &str, b: &str) -> (f64, HandleMatch) {
    let (short, long) = if a.chars().count() <= b.chars().count() { (a, b) } else { (b, a) };
    let short_len = short.chars().count();
    if short_len == 0 {
        return (0.0, HandleMatch::Edit);
    }
    // 1.0 from 8 letters on, 0.75 for 4 letters.
    let length_trust = (0.5 + short_len as f64 / 16.0).min(1.0);
    if a == b {
        return (length_trust, HandleMatch::SameStem);
    }
    let edit = strsim::normalized_levenshtein(a, b);
    if short_len >= 5 && long.contains(short) {
        let covered = short_len as f64 / long.chars().count() as f64;
        let contains = length_trust * (0.7 + 0.25 * covered);
        if contains > edit {
            return (contains, HandleMatch::Contains);
        }
    }
    (edit, HandleMatch::Edit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> (f64, HandleMatch) {
        handle_similarity(&handle_stem(a), &handle_stem(b))
    }

    #[test]
    fn stems_drop_digits_separators_and_leet() {
        assert_eq!(handle_stem("@Jean_Dupont"), "jeandupont");
        assert_eq!(handle_stem("jean_dupont2"), "jeandupont");
        assert_eq!(handle_stem("jeandupont_"), "jeandupont");
        assert_eq!(handle_stem("J3an_Dup0nt_75"), "jeandupont");
        assert_eq!(handle_stem("jean.dupont.93"), "jeandupont");
        assert_eq!(handle_stem("jean_dupont_bis"), "jeandupont");
        assert_eq!(handle_stem("trolldu_93bis"), "trolldu");
        assert_eq!(handle_stem("anubis"), "anubis", "a stem is never cut below four letters");
    }

    #[test]
    fn digit_suffixed_and_underscored_handles_share_a_stem() {
        assert_eq!(sim("jean_dupont", "jean_dupont2"), (1.0, HandleMatch::SameStem));
        assert_eq!(sim("jean_dupont", "jeandupont_"), (1.0, HandleMatch::SameStem));
    }

    #[test]
    fn a_stem_inside_a_longer_handle_is_close() {
        let (s, how) = sim("jean_dupont", "jeandupontparis");
        assert_eq!(how, HandleMatch::Contains);
        assert!(s > 0.85 && s < 1.0, "{s}");
    }

    #[test]
    fn short_stems_count_less_and_different_handles_are_far() {
        assert!(sim("max", "max2").0 < 0.75);
        assert!(sim("jean_dupont", "fatimabenali").0 < 0.3);
        let near = sim("jean_dupont", "jean_dupond").0;
        assert!(near > 0.85 && near < 0.95, "{near}");
    }
}
