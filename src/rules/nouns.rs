//! Named word lists (the packs' group nouns) found once per text instead of inside every rule that
//! names them. A pattern writes `{GN_FR}`; each occurrence of a listed word in the text is
//! replaced by a marker word before those rules read it, and `{GN_FR}` by a pattern for that
//! marker. The lists were compiled again in each of about 150 patterns: most of the rules'
//! automata and of their start-up (docs/footprint.md, stop 23).

use regex::{Regex, RegexBuilder};

use super::prefilter::Prefilter;

use crate::error::Error;

/// At most this many lists: one letter each, `a` to `p`, inside a marker.
const MAX_LISTS: usize = 16;
/// A marker is `zqx`, the letters of every list holding the word (in order), then `xqz`: ASCII
/// letters, so `\b` and `[a-z]+` treat it as the word it replaces, and a string no French or
/// English text holds (views are folded to lower case, so it cannot be typed in capitals either).
const OPEN: &str = "zqx";
const CLOSE: &str = "xqz";

/// A view's text with its listed words replaced by markers, and where each marker stands.
pub struct Marked {
    pub text: String,
    /// (start, end) of each marker in `text`, then (start, end) of the words in the view.
    spans: Vec<(usize, usize, usize, usize)>,
}

impl Marked {
    /// The view's range for `text[start..end]`: a range that starts or ends inside a marker
    /// covers the marker's words.
    pub fn plain_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.plain_offset(start, false), self.plain_offset(end, true))
    }

    fn plain_offset(&self, at: usize, is_end: bool) -> usize {
        let k = self.spans.partition_point(|s| s.0 <= at);
        if k == 0 {
            return at;
        }
        let (start, end, plain_start, plain_end) = self.spans[k - 1];
        match at {
            at if at >= end => at - end + plain_end,
            at if at == start => plain_start,
            _ if is_end => plain_end,
            _ => plain_start,
        }
    }
}

#[derive(Debug)]
pub struct Nouns {
    names: Vec<String>,
    finders: Vec<Regex>,
    /// Every list in one forward automaton: one pass says which lists a text holds (most hold
    /// none), so only those lists' finders read it. (A `RegexSet` did the same for 1 MB more of
    /// wasm memory.)
    any: Prefilter,
}

/// Each `{NAME}` in a pattern (capitals and `_` between braces), as (start, end, name). Regex
/// repetitions (`{2}`, `{0,40}`) hold digits, so they are never taken for a name.
fn placeholders(pattern: &str) -> Vec<(usize, usize, &str)> {
    let bytes = pattern.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'{' {
            let len = bytes[i + 1..].iter().take_while(|b| b.is_ascii_uppercase() || **b == b'_').count();
            if len > 0 && bytes.get(i + 1 + len) == Some(&b'}') {
                out.push((i, i + len + 2, &pattern[i + 1..i + 1 + len]));
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    out
}

impl Nouns {
    /// The lists of every pack; one name used twice must hold the same words.
    pub fn new(lists: &[(String, String)], boundaries: impl Fn(&str) -> String) -> Result<Nouns, Error> {
        let (mut names, mut finders): (Vec<String>, Vec<Regex>) = (Vec::new(), Vec::new());
        let mut texts: Vec<&str> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        for (name, words) in lists {
            if let Some(k) = names.iter().position(|n| n == name) {
                if texts[k] != words {
                    return Err(Error::Pack { pack: "rule set".into(), message: format!("word list {name} is defined twice, differently") });
                }
                continue;
            }
            if names.len() == MAX_LISTS {
                return Err(Error::Pack { pack: "rule set".into(), message: format!("more than {MAX_LISTS} word lists") });
            }
            let pattern = boundaries(&format!(r"\b(?:{words})\b"));
            let finder = RegexBuilder::new(&pattern)
                .build()
                .map_err(|e| Error::Pack { pack: "rule set".into(), message: format!("word list {name}: {e}") })?;
            names.push(name.clone());
            texts.push(words);
            finders.push(finder);
            patterns.push(pattern);
        }
        let any = Prefilter::with_group(patterns, MAX_LISTS)
            .map_err(|e| Error::Pack { pack: "rule set".into(), message: format!("word lists: {e}") })?;
        Ok(Nouns { names, finders, any })
    }

    /// Whether the pattern names a list (its rule then reads the marked text).
    pub fn named_in(pattern: &str) -> bool {
        !placeholders(pattern).is_empty()
    }

    /// The pattern with each `{NAME}` replaced by what matches the list's markers.
    pub fn substitute(&self, rule: &str, pattern: &str) -> Result<String, Error> {
        let found = placeholders(pattern);
        if found.is_empty() {
            return Ok(pattern.to_string());
        }
        let mut out = String::with_capacity(pattern.len() + found.len() * 24);
        let mut at = 0;
        for (start, end, name) in found {
            let k = self.names.iter().position(|n| n == name).ok_or_else(|| Error::Rule {
                rule: rule.to_string(),
                message: format!("unknown word list {{{name}}}"),
            })?;
            let letter = char::from(b'a' + k as u8);
            out.push_str(&pattern[at..start]);
            out.push_str(&format!("(?:{OPEN}[a-p]*{letter}[a-p]*{CLOSE})"));
            at = end;
        }
        out.push_str(&pattern[at..]);
        Ok(out)
    }

    /// The text with each listed word replaced by its marker, or None when it holds none. Where
    /// two lists' words overlap without being the same words, the one that starts first (then
    /// the longer) is kept: "gay men" in one list wins over "gay" in another.
    pub fn mark(&self, text: &str) -> Option<Marked> {
        let mut spans: Vec<(usize, usize, u16)> = Vec::new();
        for k in self.any.matches(text) {
            // A list's optional tail can leave a space at the end ("asian " of `asian (?:man|woman)?`):
            // the marker then ran into the next word, and `\b` failed before a list word after it.
            let words = self.finders[k].find_iter(text).map(|m| (m.start(), m.start() + m.as_str().trim_end().len()));
            spans.extend(words.filter(|(start, end)| end > start).map(|(start, end)| (start, end, 1u16 << k)));
        }
        if spans.is_empty() {
            return None;
        }
        spans.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut kept: Vec<(usize, usize, u16)> = Vec::with_capacity(spans.len());
        for span in spans {
            match kept.last_mut() {
                Some(last) if (last.0, last.1) == (span.0, span.1) => last.2 |= span.2,
                Some(last) if span.0 < last.1 => {}
                _ => kept.push(span),
            }
        }
        let mut marked = Marked { text: String::with_capacity(text.len() + kept.len() * 8), spans: Vec::with_capacity(kept.len()) };
        let mut at = 0;
        for (start, end, lists) in kept {
            marked.text.push_str(&text[at..start]);
            let from = marked.text.len();
            marked.text.push_str(OPEN);
            marked.text.extend((0..MAX_LISTS).filter(|k| lists & (1 << k) != 0).map(|k| char::from(b'a' + k as u8)));
            marked.text.push_str(CLOSE);
            marked.spans.push((from, marked.text.len(), start, end));
            at = end;
        }
        marked.text.push_str(&text[at..]);
        Some(marked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn nouns() -> Nouns {
        let lists = [("GN".to_string(), "juifs|gays|gay men|personnes trans|trans".to_string()), ("GS".to_string(), "gay|trans|juif".to_string())];
        Nouns::new(&lists, |p| p.replace(r"\b", r"(?-u:\b)")).unwrap()
    }

    #[test]
    fn a_rule_naming_a_list_matches_its_words_and_reports_them_in_the_original() {
        let n = nouns();
        let pattern = n.substitute("r", r"\bles {GN} sont des rats\b").unwrap();
        let re = Regex::new(&pattern).unwrap();
        let view = normalize("Les Personnes Trans sont des rats !").full;
        let marked = n.mark(&view.text).unwrap();
        let m = re.find(&marked.text).expect("matches the marked text");
        let (start, end) = marked.plain_range(m.start(), m.end());
        assert_eq!(view.original_range(start, end), (0, 33));
        assert!(!re.is_match(&view.text), "the plain text has no marker");
        assert_eq!(marked.plain_range(6, 10), (4, 19), "inside a marker: all of its words");
        assert_eq!(marked.plain_range(0, 3), (0, 3), "before any marker: unchanged");
    }

    #[test]
    fn a_word_in_two_lists_carries_both_and_overlaps_keep_the_first_and_longest() {
        let n = nouns();
        let marked = n.mark("trans, gay men, juifs").unwrap();
        assert_eq!(marked.text, "zqxabxqz, zqxaxqz, zqxaxqz");
        let gs = Regex::new(&n.substitute("r", "{GS}").unwrap()).unwrap();
        assert_eq!(gs.find_iter(&marked.text).count(), 1, "only 'trans' is a GS word here");
        assert!(n.mark("transports en commun").is_none(), "whole words only");
        let spaced = Nouns::new(&[("GS".to_string(), "asian (?:man|woman)?".to_string()), ("GN".to_string(), "women".to_string())], |p| p.to_string()).unwrap();
        assert_eq!(spaced.mark("asian women").unwrap().text, "zqxaxqz zqxbxqz", "a list's trailing space stays a space");
        assert_eq!(marked.plain_range(17, 19), (14, 16), "between markers: shifted back, up to the next");
    }

    #[test]
    fn placeholders_are_names_in_capitals_not_repetitions() {
        assert_eq!(placeholders(r"a{2}\{X} {GN_FR}b{0,40}"), vec![(9, 16, "GN_FR")]);
        let err = nouns().substitute("x.rule", "{NOPE}").unwrap_err();
        assert!(err.to_string().contains("unknown word list {NOPE}"), "{err}");
        let twice = [("GN".to_string(), "a".to_string()), ("GN".to_string(), "b".to_string())];
        assert!(Nouns::new(&twice, |p| p.to_string()).is_err());
    }
}
