//! Writing similarity: a character n-gram profile of an account's texts (spelling, spacing,
//! punctuation and emoji habits), compared by cosine. Mentions and links are masked so that
//! writing to the same target does not look like the same writer, and hashtags too: a raid's
//! hashtag is the campaign's, copied by everyone in it, not a writer's habit.

use std::collections::BTreeMap;

/// Profiles built from fewer characters are too thin to say anything.
pub const MIN_CHARS: usize = 60;
const N: usize = 3;

/// Sparse n-gram weights, sorted by n-gram (deterministic sums on every platform).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    grams: BTreeMap<String, f64>,
    chars: usize,
}

/// The text as a writer's habits: lower case (accents kept: using them is a habit), mentions
/// as `@`, hashtags as `#`, links as `~`, runs of spaces as one.
fn habits(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        if lower.starts_with('#') && lower.len() > 1 {
            out.push('#');
        } else if lower.starts_with('@') && lower.len() > 1 {
            out.push('@');
        } else if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
            out.push('~');
        } else {
            out.push_str(&lower);
        }
        out.push(' ');
    }
    out
}

impl Profile {
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Profile {
        let mut counts: BTreeMap<String, f64> = BTreeMap::new();
        let mut chars = 0;
        for text in texts {
            let h: Vec<char> = habits(text.as_ref()).chars().collect();
            chars += h.len().saturating_sub(2);
            for gram in h.windows(N) {
                *counts.entry(gram.iter().collect()).or_default() += 1.0;
            }
        }
        // Sub-linear counts: one word repeated twenty times is not twenty habits.
        for c in counts.values_mut() {
            *c = 1.0 + c.ln();
        }
        Profile { grams: counts, chars }
    }

    /// Whether there is enough text to compare.
    pub fn is_enough(&self) -> bool {
        self.chars >= MIN_CHARS
    }

    pub fn grams(&self) -> impl Iterator<Item = &str> {
        self.grams.keys().map(String::as_str)
    }

    /// Cosine similarity in 0..1, each n-gram weighted by `weight` (e.g. its rarity among the
    /// accounts compared, so that shared slogans count little). `None` if either is too thin.
    pub fn similarity(&self, other: &Profile, weight: impl Fn(&str) -> f64) -> Option<f64> {
        if !self.is_enough() || !other.is_enough() {
            return None;
        }
        let norm = |p: &Profile| p.grams.iter().map(|(g, c)| (c * weight(g)).powi(2)).sum::<f64>().sqrt();
        let dot: f64 = self
            .grams
            .iter()
            .filter_map(|(g, c)| other.grams.get(g).map(|d| c * d * weight(g).powi(2)))
            .sum();
        let denominator = norm(self) * norm(other);
        Some(if denominator > 0.0 { (dot / denominator).clamp(0.0, 1.0) } else { 0.0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &[&str], b: &[&str]) -> f64 {
        Profile::new(a).similarity(&Profile::new(b), |_| 1.0).unwrap()
    }

    #[test]
    fn the_same_writer_is_closer_than_another_writer_on_the_same_subject() {
        let first = ["franchement t'es grave... personne t'écoute mdrrr", "encore toi ?? retourne dormir... mdrrr"];
        let same = ["mdrrr t'es grave toi... personne t'a sonné", "franchement retourne dormir ?? mdrrr..."];
        let other = ["You are pathetic. Nobody cares about your opinion!", "Log off already. Seriously, nobody cares!"];
        let near = sim(&first, &same);
        let far = sim(&first, &other);
        assert!(near > 0.5, "{near}");
        assert!(far < 0.2, "{far}");
    }

    #[test]
    fn mentions_hashtags_and_links_do_not_make_writers_alike() {
        let a = Profile::new(&["@camille_r @camille_r #BoycottCamille https://t.co/abc https://t.co/def ok"]);
        assert!(a.grams().all(|g| !g.contains("cam") && !g.contains("boy") && !g.contains("t.c")), "{:?}", a.grams().collect::<Vec<_>>());
        assert!(a.grams().any(|g| g == " # "), "using hashtags stays a habit");
    }

    #[test]
    fn thin_profiles_are_not_compared() {
        let thin = Profile::new(&["lol"]);
        let thick = Profile::new(&["a long enough text, written by someone who writes a lot, really a lot"]);
        assert!(!thin.is_enough());
        assert_eq!(thin.similarity(&thick, |_| 1.0), None);
    }

    #[test]
    fn weights_lower_what_everyone_writes() {
        let a = Profile::new(&["boycott boycott boycott, elle doit partir, vraiment partir maintenant"]);
        let b = Profile::new(&["boycott boycott boycott !!! quelle honte cette meuf sérieux ça suffit"]);
        let plain = a.similarity(&b, |_| 1.0).unwrap();
        let weighted = a.similarity(&b, |g| if "boycott".contains(g.trim()) { 0.1 } else { 1.0 }).unwrap();
        assert!(weighted < plain, "{weighted} vs {plain}");
    }
}
