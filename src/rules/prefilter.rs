//! Which rules of a view can match a text at all: one forward lazy DFA over all their patterns.
//! `regex::RegexSet` does the same search, but its builder also compiles a reverse automaton and
//! literal prefilters that this search never uses: the DFA builds in half the time (measured
//! natively: 55 → 28 ms for the built-in packs, most of a cold start) and scans as fast.

use std::sync::OnceLock;

use regex::{RegexSet, RegexSetBuilder};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::{nfa::thompson, Input, MatchKind, PatternSet};

type MakeCache = Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// Size limits shared with the per-rule regexes (see `super::SIZE_LIMIT`).
const NFA_LIMIT: usize = 32 << 20;
/// A lazy-DFA cache big enough for all rules at once: a small one is cleared and rebuilt again
/// and again (measured: 30% of the time in determinization).
const CACHE: usize = 32 << 20;

pub struct Prefilter {
    /// None when the patterns need what the lazy DFA lacks (a Unicode word boundary in a user's
    /// pack): the set then does all the work.
    dfa: Option<(DFA, Pool<Cache, MakeCache>)>,
    patterns: Vec<String>,
    /// Built on first need only: when the DFA is missing or gives up on a text.
    set: OnceLock<Result<RegexSet, String>>,
}

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefilter").field("patterns", &self.patterns.len()).field("dfa", &self.dfa.is_some()).finish()
    }
}

fn build_set(patterns: &[String]) -> Result<RegexSet, String> {
    RegexSetBuilder::new(patterns).size_limit(NFA_LIMIT).dfa_size_limit(CACHE).build().map_err(|e| e.to_string())
}

impl Prefilter {
    /// Errors name no rule: the caller finds which pattern is at fault.
    pub fn new(patterns: Vec<String>) -> Result<Prefilter, String> {
        let built = DFA::builder()
            .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(CACHE))
            .thompson(thompson::Config::new().nfa_size_limit(Some(NFA_LIMIT)))
            .build_many(&patterns);
        let set = OnceLock::new();
        let dfa = match built {
            Ok(dfa) => {
                let maker = dfa.clone();
                let pool: Pool<Cache, MakeCache> = Pool::new(Box::new(move || maker.create_cache()));
                Some((dfa, pool))
            }
            Err(_) => {
                // The set either compiles what the DFA could not, or says why nothing can.
                set.set(Ok(build_set(&patterns)?)).ok();
                None
            }
        };
        Ok(Prefilter { dfa, patterns, set })
    }

    /// Indexes of the patterns that match somewhere in `text`, ascending.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        if let Some((dfa, pool)) = &self.dfa {
            let mut cache = pool.get();
            let mut found = PatternSet::new(dfa.pattern_len());
            if dfa.try_which_overlapping_matches(&mut cache, &Input::new(text), &mut found).is_ok() {
                return found.iter().map(|p| p.as_usize()).collect();
            }
        }
        match self.set.get_or_init(|| build_set(&self.patterns)) {
            Ok(set) => set.matches(text).into_iter().collect(),
            // The DFA compiled these patterns, so the set cannot fail but for its size limit:
            // then no rule of this view is trusted to fire rather than a panic.
            Err(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefilter(patterns: &[&str]) -> Prefilter {
        Prefilter::new(patterns.iter().map(|p| p.to_string()).collect()).unwrap()
    }

    #[test]
    fn reports_every_pattern_that_matches_like_a_regex_set() {
        let patterns = ["(?-u:\\b)con+ard(?-u:\\b)", "ard", "(?-u:\\b)tu es(?-u:\\b)", "zz+"];
        let p = prefilter(&patterns);
        let set = RegexSet::new(patterns).unwrap();
        for text in ["tu es un connard", "connards", "", "zzz ard", "rien à voir", "é€😀 connard"] {
            let want: Vec<usize> = set.matches(text).into_iter().collect();
            assert_eq!(p.matches(text), want, "{text:?}");
        }
    }

    #[test]
    fn unicode_word_boundaries_fall_back_to_the_set() {
        let p = prefilter(&["\\bété\\b", "\\Bx"]);
        assert!(p.dfa.is_none());
        assert_eq!(p.matches("un été chaud"), vec![0]);
        assert_eq!(p.matches("box"), vec![1]);
    }

    #[test]
    fn no_patterns_match_nothing_and_bad_ones_are_errors() {
        assert!(prefilter(&[]).matches("anything").is_empty());
        assert!(Prefilter::new(vec!["(unclosed".into()]).is_err());
    }
}
