//! The user's own rules: muted words (with `*` wildcards) and regular expressions, checked
//! against limits so a typo or a hostile import cannot stall the filter.

use regex::{Regex, RegexBuilder};

use crate::error::Error;
use crate::normalize::{normalize, Normalized};

pub const MAX_MUTED_WORDS: usize = 10_000;
pub const MAX_REGEXES: usize = 200;
pub const MAX_PATTERN_CHARS: usize = 500;
/// `*` wildcards per muted word: each compiles a Unicode `\w*`, and the fuzzer found words with
/// 80–190 of them taking 100–150 ms to compile. Real muted words use one or two.
pub const MAX_WILDCARDS: usize = 10;
/// Compiled-size cap per user regex: the regex crate runs in linear time, but a pattern like
/// `(a{1,100}){1,100}` compiles into a huge program; refuse it with a clear message instead.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A user rule that matched: its id and byte span in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct UserHit {
    pub rule: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct UserRules {
    /// All muted words as one alternation over the full view.
    words: Option<Regex>,
    /// The user's regexes, matched on the light view (case- and accent-folded).
    regexes: Vec<(String, Regex)>,
}

fn limit(rule: &str, message: String) -> Error {
    Error::Limit { rule: rule.to_string(), message }
}

/// A muted word as a pattern: normalized like tweets, `*` standing for any letters.
fn word_pattern(word: &str) -> Option<String> {
    let pieces: Vec<String> = word
        .split('*')
        .map(|p| regex::escape(&normalize(p).full.text))
        .collect();
    if pieces.iter().all(|p| p.is_empty()) {
        return None;
    }
    // Runs of `*` (and pieces that normalize to nothing) are one wildcard: `\w*\w*` matches what
    // `\w*` does, but each Unicode `\w` costs compile time (the fuzzer found "a****…" at 200 ms).
    let mut body = String::new();
    let mut wildcard = false;
    for (i, piece) in pieces.iter().enumerate() {
        wildcard |= i > 0;
        if piece.is_empty() {
            continue;
        }
        if wildcard {
            body.push_str(r"\w*");
        }
        body.push_str(piece);
        wildcard = false;
    }
    if wildcard {
        body.push_str(r"\w*");
    }
    // Word boundaries only where the word has word characters: an emoji has none ("🤡").
    let starts = word.trim_start_matches('*').chars().next().is_some_and(|c| c.is_alphanumeric());
    let ends = word.trim_end_matches('*').chars().last().is_some_and(|c| c.is_alphanumeric());
    let (before, after) = (if starts { r"\b" } else { "" }, if ends { r"\b" } else { "" });
    Some(format!("{before}{body}{after}"))
}

impl UserRules {
    pub fn compile(muted_words: &[String], regexes: &[String]) -> Result<UserRules, Error> {
        if muted_words.len() > MAX_MUTED_WORDS {
            let n = muted_words.len();
            return Err(limit("muted words", format!("{n} muted words; the limit is {MAX_MUTED_WORDS}")));
        }
        if regexes.len() > MAX_REGEXES {
            let n = regexes.len();
            return Err(limit("muted regexes", format!("{n} regexes; the limit is {MAX_REGEXES}")));
        }
        let mut alternatives = Vec::with_capacity(muted_words.len());
        for (i, w) in muted_words.iter().enumerate() {
            let name = format!("muted word #{} '{}'", i + 1, w.chars().take(40).collect::<String>());
            if w.chars().count() > MAX_PATTERN_CHARS {
                return Err(limit(&name, format!("longer than {MAX_PATTERN_CHARS} characters")));
            }
            if w.split('*').filter(|p| !p.is_empty()).count() > MAX_WILDCARDS + 1 {
                return Err(limit(&name, format!("more than {MAX_WILDCARDS} '*' wildcards")));
            }
            if let Some(p) = word_pattern(w.trim()) {
                alternatives.push(p);
            }
        }
        let words = if alternatives.is_empty() {
            None
        } else {
            let joined = alternatives.join("|");
            Some(
                RegexBuilder::new(&joined)
                    .size_limit(64 << 20)
                    .build()
                    .map_err(|e| limit("muted words", format!("cannot compile the list: {e}")))?,
            )
        };
        let mut compiled = Vec::with_capacity(regexes.len());
        for (i, r) in regexes.iter().enumerate() {
            let name = format!("user:regex:{}", i + 1);
            if r.chars().count() > MAX_PATTERN_CHARS {
                return Err(limit(&name, format!("longer than {MAX_PATTERN_CHARS} characters")));
            }
            if r.trim().is_empty() {
                return Err(Error::Rule { rule: name, message: "empty pattern".into() });
            }
            let re = RegexBuilder::new(r)
                .case_insensitive(true)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| match e {
                    regex::Error::CompiledTooBig(_) => limit(&name, "pattern too complex (compiles too big)".into()),
                    e => Error::Rule { rule: name.clone(), message: e.to_string() },
                })?;
            if re.is_match("") {
                return Err(Error::Rule { rule: name, message: "matches every text (empty match)".into() });
            }
            compiled.push((name, re));
        }
        Ok(UserRules { words, regexes: compiled })
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_none() && self.regexes.is_empty()
    }

    pub fn hits(&self, text: &Normalized) -> Vec<UserHit> {
        let mut hits = Vec::new();
        if let Some(words) = &self.words {
            for m in words.find_iter(&text.full.text) {
                let (start, end) = text.full.original_range(m.start(), m.end());
                hits.push(UserHit { rule: "user:muted".into(), start, end });
            }
        }
        for (name, re) in &self.regexes {
            for m in re.find_iter(&text.light.text) {
                let (start, end) = text.light.original_range(m.start(), m.end());
                hits.push(UserHit { rule: name.clone(), start, end });
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn muted_words_match_normalized_and_with_wildcards() {
        let rules = UserRules::compile(&strings(&["macron", "zemm*"]), &[]).unwrap();
        let original = "MACR0N et Zemmouriste";
        let hits = rules.hits(&normalize(original));
        assert_eq!(hits.len(), 2);
        assert_eq!(&original[hits[0].start..hits[0].end], "MACR0N");
        assert_eq!(&original[hits[1].start..hits[1].end], "Zemmouriste");
        assert!(rules.hits(&normalize("macronie")).is_empty(), "whole words only without *");
    }

    #[test]
    fn emoji_muted_words_match() {
        let rules = UserRules::compile(&strings(&["🤡", "🐍*"]), &[]).unwrap();
        assert_eq!(rules.hits(&normalize("quel 🤡 celui-là")).len(), 1);
        assert!(!rules.hits(&normalize("🐍🐍🐍")).is_empty());
    }

    #[test]
    fn regexes_are_case_insensitive_on_folded_text() {
        let rules = UserRules::compile(&[], &strings(&[r"sale\s+\w+"])).unwrap();
        assert_eq!(rules.hits(&normalize("Une SALE Journée")).len(), 1);
    }

    #[test]
    fn invalid_regex_names_the_rule() {
        let err = UserRules::compile(&[], &strings(&["ok", "(unclosed"])).unwrap_err();
        assert!(matches!(&err, Error::Rule { rule, .. } if rule == "user:regex:2"), "{err}");
        assert!(err.to_string().contains("unclosed"), "{err}");
    }

    #[test]
    fn limits_are_enforced_with_clear_errors() {
        let long = "a".repeat(MAX_PATTERN_CHARS + 1);
        let err = UserRules::compile(&[], &[long.clone()]).unwrap_err();
        assert!(err.to_string().contains("longer than 500"), "{err}");
        let err = UserRules::compile(&[long], &[]).unwrap_err();
        assert!(err.to_string().contains("muted word #1"), "{err}");
        let too_many = vec!["x".to_string(); MAX_REGEXES + 1];
        assert!(matches!(UserRules::compile(&[], &too_many), Err(Error::Limit { .. })));
        let err = UserRules::compile(&[], &strings(&[r"(\w{1,100}){1,100}"])).unwrap_err();
        assert!(err.to_string().contains("too complex"), "{err}");
        let err = UserRules::compile(&[], &strings(&["a*"])).unwrap_err();
        assert!(err.to_string().contains("empty match"), "{err}");
    }

    #[test]
    fn runs_of_wildcards_are_one_wildcard() {
        assert_eq!(word_pattern("a**b"), word_pattern("a*b"));
        assert_eq!(word_pattern("**zemm**"), Some(r"\b\w*zemm\w*\b".to_string()));
        // Found by the fuzzer: hundreds of stars used to compile hundreds of Unicode \w classes.
        let stars = format!("con{}ard", "*".repeat(400));
        let rules = UserRules::compile(&[stars], &[]).unwrap();
        assert_eq!(rules.hits(&normalize("quel connard")).len(), 1);
        // Wildcards between other characters do not collapse: too many is a clear error.
        let many = "a*".repeat(MAX_WILDCARDS + 2);
        let err = UserRules::compile(&[many], &[]).unwrap_err();
        assert!(err.to_string().contains("more than 10 '*' wildcards"), "{err}");
    }

    #[test]
    fn ten_thousand_muted_words_compile_and_match() {
        let words: Vec<String> = (0..MAX_MUTED_WORDS).map(|i| format!("mot{i}x")).collect();
        let rules = UserRules::compile(&words, &[]).unwrap();
        assert_eq!(rules.hits(&normalize("il a dit mot9999x hier")).len(), 1);
    }
}
