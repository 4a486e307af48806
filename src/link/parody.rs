//! Accounts that say they are someone else's parody, fan or fake account. X requires them to
//! say so in their name or handle ("parody", "fake", "fan", "not …"), and they copy their
//! original's name and picture on purpose: between such an account and another, the name,
//! handle and picture are the parody's subject, not evidence that one person holds both.

use super::handles::HandleWords;

/// Words (whole words of the display name or handle) by which an account declares itself.
const MARKERS: [&str; 15] = [
    "parody", "parodie", "parodia", "parodique", "satire", "satirique", "satirical", "fake", "faux", "fausse", "fan",
    "fans", "fanpage", "commentary", "not",
];
/// Markers long enough to be found inside a handle written without separators
/// (`maximevasseurparodie`); "fan" or "not" would be found in "stefan" or "notaire".
const MARKERS_INSIDE_HANDLES: [&str; 4] = ["parody", "parodie", "satire", "fanpage"];

/// Whether the account declares itself a parody, fan or fake account: `name` as
/// `names::canonical_name` gives it, `words` its handle's.
pub fn declares_parody(handle: &str, words: &HandleWords, name: &str) -> bool {
    let lower = handle.to_lowercase();
    name.split(' ').chain(words.words()).any(|w| MARKERS.contains(&w)) || MARKERS_INSIDE_HANDLES.iter().any(|m| lower.contains(m))
}

#[cfg(test)]
mod tests {
    use super::super::names::canonical_name;
    use super::*;

    fn declares(handle: &str, name: &str) -> bool {
        declares_parody(handle, &HandleWords::new(handle), &canonical_name(name))
    }

    #[test]
    fn parody_fan_and_fake_accounts_say_so() {
        assert!(declares("maximevasseur_parodie", "Maxime Vasseur (parodie)"));
        assert!(declares("maximevasseurparodie", "Maxime Vasseur"));
        assert!(declares("NotElonMusk", "Elon"));
        assert!(declares("elon_fan", "Elon Musk"));
        assert!(declares("elonmusk2", "Elon Musk (fan account)"));
        assert!(declares("macron_satire", "Emmanuel"));
    }

    #[test]
    fn words_that_only_contain_a_marker_do_not() {
        for (handle, name) in [("stefan_fanny", "Stéphane Fontaine"), ("notaire_paris", "Maître Nothomb"), ("jean_dupont", "Jean Dupont")] {
            assert!(!declares(handle, name), "{handle}");
        }
    }
}
