//! Handle similarity: the same stem under new digits or separators (`jean_dupont` →
//! `jean_dupont2`, `jeandupont_`), a stem inside a longer one (`realjeandupont`), the same words
//! in another order (`gaulois_patriote`), a handle cut down to its consonants (`jmdbs` for
//! `jm_dubois`), edit distance.

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

/// The handle's words, in order: split at separators and at a capital after a lower-case
/// letter (`BasedPatriot`), each without trailing digits or leet, digit-only and added words
/// (`bis`, `official`, …) left out.
pub fn handle_words(handle: &str) -> Vec<String> {
    let mut spaced = String::new();
    let mut after_lower = false;
    for c in handle.trim().trim_start_matches('@').chars() {
        if c == '_' || c == '.' || (c.is_uppercase() && after_lower) {
            spaced.push(' ');
        }
        if c != '_' && c != '.' {
            spaced.push(c);
        }
        after_lower = c.is_lowercase();
    }
    let words: Vec<&str> = spaced.split_whitespace().map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit())).collect();
    let normalized = normalize(&words.join(" ").to_lowercase()).full.text;
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()) && !SUFFIXES.contains(w))
        .map(str::to_string)
        .collect()
}

/// Similarity given to the same words in another order, and to a handle made of the other's
/// consonants: people choose their words or their abbreviation on purpose, but two people
/// choose `patriote_francais` and `francais_patriote` too, and five consonants say less than a
/// name, so neither is near-certain: each needs another kind of evidence to link.
const REORDERED: f64 = 0.9;
const CONSONANTS: f64 = 0.85;
/// A handle of consonants only, this long at least: shorter ones are too common (`mdr`, `jpp`).
const MIN_CONSONANTS: usize = 5;

/// A handle's words (`handle_words`), also sorted, computed once per account.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HandleWords {
    in_order: Vec<String>,
    sorted: Vec<String>,
    letters: usize,
}

impl HandleWords {
    pub fn new(handle: &str) -> HandleWords {
        let in_order = handle_words(handle);
        let mut sorted = in_order.clone();
        sorted.sort_unstable();
        let letters = in_order.iter().map(|w| w.chars().count()).sum();
        HandleWords { in_order, sorted, letters }
    }

    /// The words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.in_order.iter().map(String::as_str)
    }

    /// Similarity of two handles whose words are the same in another order (`None` otherwise):
    /// two words at least, eight letters in all.
    pub fn reordered(&self, other: &HandleWords) -> Option<f64> {
        let enough = self.in_order.len() >= 2 && self.letters >= 8;
        (enough && self.sorted == other.sorted && self.in_order != other.in_order).then_some(REORDERED)
    }
}

/// `word` without its vowels after the first letter (`jmdubois` → `jmdbs`).
fn consonants(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().into_iter().chain(chars.filter(|c| !"aeiouy".contains(*c))).collect()
}

/// How two handles relate, for the reason shown to the user.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HandleMatch {
    /// Same stem, only digits, separators or leet differ.
    SameStem,
    /// One stem contains the other (`jeandupont` in `realjeandupont`).
    Contains,
    /// The same words in another order (`gaulois_patriote` for `patriote_gaulois`).
    Reordered,
    /// One is the other's consonants (`jmdbs` for `jm_dubois`).
    Consonants,
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
    let vowelless = short_len >= MIN_CONSONANTS && short.chars().all(|c| c.is_alphabetic() && !"aeiouy".contains(c));
    if vowelless && short.len() < long.len() && consonants(long) == short && CONSONANTS > edit {
        return (CONSONANTS, HandleMatch::Consonants);
    }
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
    fn words_in_another_order_and_consonants_are_close_but_not_sure() {
        assert_eq!(handle_words("BasedPatriot1776"), ["based", "patriot"]);
        assert_eq!(handle_words("patr1ote_gaul0is"), ["patriote", "gaulois"]);
        assert_eq!(handle_words("GaryH_official_"), ["gary", "h"]);
        let reordered = |a: &str, b: &str| HandleWords::new(a).reordered(&HandleWords::new(b));
        assert_eq!(reordered("patriote_gaulois", "gaulois_patriote_"), Some(REORDERED));
        assert_eq!(reordered("patr1ote_gaul0is", "GauloisPatriote"), Some(REORDERED));
        assert_eq!(reordered("patriote_gaulois", "patriote_gaulois2"), None, "same order: the stem says it");
        assert_eq!(reordered("rayan_du_93", "zizou_du_93"), None, "one shared word is not the same words");
        assert_eq!(reordered("jo_al", "al_jo"), None, "too short to mean anything");
        assert_eq!(sim("jm_dubois", "jmdbs"), (CONSONANTS, HandleMatch::Consonants));
        assert_eq!(sim("jeanmichel_dubois", "jmdbs").1, HandleMatch::Edit, "the consonants of another handle");
        assert_eq!(sim("mdr_lol", "mdrl").1, HandleMatch::Edit, "four consonants are too common");
    }

    #[test]
    fn short_stems_count_less_and_different_handles_are_far() {
        assert!(sim("max", "max2").0 < 0.75);
        assert!(sim("jean_dupont", "fatimabenali").0 < 0.3);
        let near = sim("jean_dupont", "jean_dupond").0;
        assert!(near > 0.85 && near < 0.95, "{near}");
    }
}
