//! Display-name similarity on names normalized like tweets (look-alike letters, leet, accents,
//! emoji, digits and decorations removed), so "Jéan Dup0nt 🇫🇷" and "jean dupont 2" are equal.

use crate::normalize::normalize;

/// The name as lower-case words of letters only ("jean dupont"), empty when nothing is left.
pub fn canonical_name(name: &str) -> String {
    // Digits that end a word are a suffix ("Jean75"), not leet ("C4mille"): drop them first.
    let words: Vec<String> =
        name.split_whitespace().map(|w| capital_i_as_l(w.trim_end_matches(|c: char| c.is_ascii_digit()))).collect();
    let normalized = normalize(&words.join(" ")).full.text;
    let letters: Vec<&str> = normalized.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    letters.join(" ")
}

/// "TroII" (capital i) reads as "Troll": a capital I after a lower-case letter stands for an l.
fn capital_i_as_l(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut after_lower = false;
    for c in word.chars() {
        out.push(if c == 'I' && after_lower { 'l' } else { c });
        after_lower = c.is_lowercase() || (c == 'I' && after_lower);
    }
    out
}

/// Similarity given to a name written shorter, word for word: an initial ("Karim B." for
/// "Karim Benali", "JM Dubois" for "Jean-Michel Dubois") or a short form ("Greg" for "Grégory").
const ABBREVIATED: f64 = 0.9;

fn abbreviates(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (fewer, more) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if fewer.len() == more.len() {
        return abbreviates_word_for_word(fewer, more) && a != b;
    }
    // Initials written as one word ("JM" for "Jean-Michel"): spelled out, word for word.
    (0..fewer.len()).any(|k| {
        let w = fewer[k];
        if !(2..=3).contains(&w.chars().count()) || fewer.len() - 1 + w.chars().count() != more.len() {
            return false;
        }
        let letters: Vec<String> = w.chars().map(String::from).collect();
        let spelled: Vec<&str> = fewer[..k].iter().copied().chain(letters.iter().map(String::as_str)).chain(fewer[k + 1..].iter().copied()).collect();
        abbreviates_word_for_word(&spelled, more)
    })
}

fn abbreviates_word_for_word(wa: &[&str], wb: &[&str]) -> bool {
    if wa.len() != wb.len() || wa.len() < 2 {
        return false;
    }
    let pairs = || wa.iter().zip(wb).map(|(x, y)| if x.len() <= y.len() { (*x, *y) } else { (*y, *x) });
    // A word kept whole ("Léo"), an initial, or a short form of four letters at least.
    let compatible = pairs().all(|(short, long)| short == long || (long.starts_with(short) && (short.len() == 1 || short.len() >= 4)));
    let anchored = pairs().any(|(short, _)| short.len() >= 3);
    compatible && anchored
}

/// Similarity in 0..1 of two canonical names: the closer of the names as written and with
/// their words sorted ("Dupont Jean"). `None` when either has no letters.
pub fn name_similarity(a: &str, b: &str) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let compact = |s: &str| s.replace(' ', "");
    let sorted = |s: &str| {
        let mut w: Vec<&str> = s.split(' ').collect();
        w.sort_unstable();
        w.concat()
    };
    let as_written = strsim::normalized_levenshtein(&compact(a), &compact(b));
    let reordered = strsim::normalized_levenshtein(&sorted(a), &sorted(b));
    let abbreviated = if abbreviates(a, b) { ABBREVIATED } else { 0.0 };
    Some(as_written.max(reordered).max(abbreviated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        name_similarity(&canonical_name(a), &canonical_name(b)).unwrap()
    }

    #[test]
    fn look_alike_letters_leet_accents_emoji_and_digits_are_undone() {
        assert_eq!(canonical_name("Jéan Dup0nt 🇫🇷"), "jean dupont");
        assert_eq!(canonical_name("JEAN DUPONT 2"), "jean dupont");
        assert_eq!(canonical_name("Jеаn Duроnt"), "jean dupont", "Cyrillic е, а, р, о");
        assert_eq!(canonical_name("✨ C4mille ✨"), "camille");
        assert_eq!(canonical_name("Jean75"), "jean");
        assert_eq!(canonical_name("🔥🔥"), "");
        assert_eq!(canonical_name("TroII du 93"), "troll du", "capital i for l");
        assert_eq!(canonical_name("IBRAHIM Ilyes"), "ibrahim ilyes");
    }

    #[test]
    fn initials_and_short_forms_are_close() {
        assert_eq!(sim("Karim B.", "Karim Benali"), ABBREVIATED);
        assert_eq!(sim("Grégory L.", "Greg Lefebvre"), ABBREVIATED);
        assert_eq!(sim("Léo F.", "Léo Fontaine"), ABBREVIATED, "a three-letter first name kept whole");
        assert!(sim("Léo F.", "Léon Fontaine") < 0.75, "a three-letter start is no short form");
        assert!(sim("K. B.", "Karim Benali") < 0.5, "initials alone are not a name");
        assert_eq!(sim("JM Dubois", "Jean-Michel Dubois"), ABBREVIATED, "initials written as one word");
        assert!(sim("J-M D.", "Jean-Michel Dubois") < 0.75, "initials alone, however written");
        assert!(sim("JM Dubois", "Jean Dubois") < 0.9, "two initials for one first name");
        assert!(sim("JM Dubois", "Jean-Marc Durand") < 0.75);
        assert!(sim("Karim B.", "Karim Dupont") < 0.75);
    }

    #[test]
    fn same_names_score_one_reordered_or_decorated() {
        assert_eq!(sim("Jean Dupont", "jean dupont"), 1.0);
        assert_eq!(sim("Dupont Jean", "Jean Dupont"), 1.0);
        assert_eq!(sim("Jéan Dup0nt 🇫🇷", "Jean Dupont"), 1.0);
    }

    #[test]
    fn near_homonyms_are_close_but_not_equal_and_strangers_are_far() {
        let near = sim("Jean Dupont", "Jean Dupond");
        assert!(near > 0.85 && near < 1.0, "{near}");
        let far = sim("Jean Dupont", "Fatima Benali");
        assert!(far < 0.4, "{far}");
    }

    #[test]
    fn a_name_without_letters_gives_no_similarity() {
        assert_eq!(name_similarity("", "jean"), None);
    }
}
