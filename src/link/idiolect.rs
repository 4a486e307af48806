//! Idiolect: the words, spellings and marks an account uses ("sa" for ça, "malgrés", "Mdr.",
//! "HONTE", "!!!", 😂😂😂), as a set, so that the habits two accounts share can be weighed by how
//! few other accounts of the population use them (`Matcher::idiolect`). A character n-gram
//! cosine (`writing`) says two texts read alike; this says which rare habits they have in common,
//! which is what ties an account back weeks later under a new name, and what a person can check.

use std::collections::BTreeSet;

/// Punctuation every writer uses: not a habit.
const PLAIN_MARKS: [&str; 10] = [",", ".", "'", "’", ":", ";", "-", "\"", "(", ")"];

/// An account's habits: `w:` word (lower case, letters, digits and apostrophes), `f:` the word as
/// written with its punctuation ("mdr." beside "mdr"), `c:` a word in capitals ("HONTE"), `m:` a
/// run of marks or emoji ("!!!", "…", 😂😂😂). Mentions, hashtags and links are left out: they say
/// whom and what a raid is about, not how one writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Habits(BTreeSet<String>);

impl Habits {
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Habits {
        let mut set = BTreeSet::new();
        for word in texts.iter().flat_map(|t| t.as_ref().split_whitespace()) {
            let lower = word.to_lowercase();
            let tag = (lower.starts_with('#') || lower.starts_with('@')) && lower.len() > 1;
            if tag || ["http://", "https://", "www."].iter().any(|p| lower.starts_with(p)) {
                continue;
            }
            let core: String = lower.chars().filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’').collect();
            let core = core.trim_matches(|c| c == '\'' || c == '’');
            if !core.is_empty() {
                set.insert(format!("w:{core}"));
                if lower != core {
                    set.insert(format!("f:{lower}"));
                }
                // Shouting is a habit: three capitals and no lower case ("HONTE", not "Paris").
                if word.chars().filter(|c| c.is_uppercase()).count() >= 3 && !word.chars().any(char::is_lowercase) {
                    set.insert(format!("c:{core}"));
                }
            }
            for run in word.split(|c: char| c.is_alphanumeric() || c == '_').filter(|r| !r.is_empty() && !PLAIN_MARKS.contains(r)) {
                set.insert(format!("m:{run}"));
            }
        }
        Habits(set)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub fn contains(&self, habit: &str) -> bool {
        self.0.contains(habit)
    }
}

/// A habit as a reader would quote it: the text after its kind.
pub fn shown(habit: &str) -> &str {
    habit.split_once(':').map_or(habit, |(_, h)| h)
}

/// Whether two shown habits are one word written two ways ("Mdr." and "mdr"), marks apart.
pub fn same_word(a: &str, b: &str) -> bool {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (x, y) = (letters(a), letters(b));
    if x.is_empty() || y.is_empty() { a == b } else { x == y }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_forms_capitals_and_marks_but_not_mentions_hashtags_or_links() {
        let h = Habits::new(&["@camille sa te gène ? HONTE !!! Mdr. 😂😂😂 #Boycott https://t.co/x"]);
        let all: Vec<&str> = h.iter().collect();
        for want in ["w:sa", "w:gène", "w:honte", "c:honte", "m:!!!", "w:mdr", "f:mdr.", "m:😂😂😂", "m:?"] {
            assert!(h.contains(want), "{want} missing from {all:?}");
        }
        assert!(all.iter().all(|x| !x.contains("camille") && !x.contains("boycott") && !x.contains("t.co")), "{all:?}");
        assert!(!h.contains("m:.") && !h.contains("c:mdr"), "a full stop and a capital letter are no habits: {all:?}");
        assert_eq!(shown("f:mdr."), "mdr.");
        assert!(same_word("mdr.", "mdr") && same_word("réfléchis-y.", "réfléchisy") && !same_word("!!!", "???") && same_word("💀", "💀"));
    }
}
