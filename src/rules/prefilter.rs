//! Which rules of a view can match a text at all: forward lazy DFAs over their patterns, a few
//! rules each. `regex::RegexSet` does the same search, but its builder also compiles a reverse
//! automaton and literal prefilters that this search never uses: these DFAs build in half the
//! time (measured natively: 55 → 28 ms for the built-in packs, most of a cold start).
//! Groups of `GROUP` rules rather than one DFA for all: a lazy DFA pays for every state it meets
//! the first time, and the states of one automaton for 80 patterns searched from every position
//! are many. Tweets are new text, and the service worker (and its caches) restarts often, so
//! that first pass is what a user waits for: 10,000 new tweets are scanned in 362 ms instead of
//! 676 (natively), with less cache memory (10 MB instead of 13.5), for a slower rescan of the
//! same texts (80 ms instead of 18) that a timeline rarely asks for. Each pattern is searched
//! up to its first gap only (`gaps`): the states of many sentence-long gaps are what made
//! the cache grow without end.

use std::sync::OnceLock;

use super::gaps;

use regex::{RegexSet, RegexSetBuilder};
use regex_syntax::hir::Hir;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::pool::Pool;
use regex_automata::{nfa::thompson, Input, MatchKind, PatternSet};

/// A group's search state: the lazy DFA's cache and the set its matches are written into, both
/// reused from text to text (a fresh `PatternSet` per group per text was measured at a fifth of
/// the rules' time in wasm, where allocating and zeroing is dear).
type Scratch = (Cache, PatternSet);
type MakeScratch = Box<dyn Fn() -> Scratch + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// Automaton size limit: eight per-rule limits (`super::SIZE_LIMIT`), as the `RegexSet` had.
const NFA_LIMIT: usize = 32 << 20;
/// Each group's lazy-DFA cache limit (a limit, not an allocation). Natively after the 10,000
/// bench tweets, with the packs of stop 21 and groups of 14: the largest group holds 5.4 MB
/// (all: 30 MB); over those tweets and every functional suite (17,400 texts) 9.4 MB, which an
/// 8 MB limit cleared six times. A cleared group builds its states again: one that wanted 9 MB
/// of an 8 MB cache made the first pass 0.37 → 0.55 s natively and wasm rules-only 35k → 20k
/// tweets/s. At 4 MB three groups are cleared again and again and a warm pass is 3x slower. The
/// limit bounds a day of browsing (wasm memory never shrinks): 13 groups of 12 MB at most.
/// `set` (the fallback) keeps its own larger limit.
const CACHE: usize = 12 << 20;
const SET_CACHE: usize = 32 << 20;
/// Rules per DFA (see the module's opening). Neighbouring rules share a DFA, and the group rules
/// of one language, which all begin with the same group-noun list, then share their states. 16
/// served until stop 21's packs put twelve French group rules in one DFA: 11.6 MB of states after
/// the bench tweets, wasm memory after them 95 MB; 14: 5.4 MB, 71 MB, the same first pass, warm
/// wasm within noise (12: 75 MB, rules + model 10% slower; rules dealt round-robin to the groups
/// instead of neighbours: 47 MB natively instead of 40).
const GROUP: usize = 14;

type Group = (DFA, Pool<Scratch, MakeScratch>);

pub struct Prefilter {
    /// Empty when the patterns need what the lazy DFA lacks (a Unicode word boundary in a user's
    /// pack): the set then does all the work.
    groups: Vec<Group>,
    /// Patterns per group (`GROUP` unless the caller chose).
    group: usize,
    patterns: Vec<String>,
    /// Built on first need only: when the DFA is missing or gives up on a text.
    set: OnceLock<Result<RegexSet, String>>,
}

impl std::fmt::Debug for Prefilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefilter").field("patterns", &self.patterns.len()).field("groups", &self.groups.len()).finish()
    }
}

/// The lazy DFAs, `GROUP` patterns each, each pattern cut at its first gap (`gaps`): `None`
/// when a pattern does not parse or needs what the lazy DFA lacks (the set then answers).
fn gapless_groups(patterns: &[String], group: usize) -> Option<Vec<Group>> {
    patterns
        .chunks(group)
        .map(|chunk| {
            // One group's syntax trees at a time: all of them at once took the rules' peak at
            // start-up from 12.7 to 16.5 MB (natively), and wasm's memory keeps its peak for good.
            let hirs: Vec<Hir> = chunk.iter().map(|p| gaps::cut_at_gaps(p)).collect::<Result<_, _>>().ok()?;
            let nfa = thompson::Compiler::new()
                .configure(thompson::Config::new().nfa_size_limit(Some(NFA_LIMIT)))
                .build_many_from_hir(&hirs)
                .ok()?;
            let dfa = DFA::builder()
                .configure(DFA::config().match_kind(MatchKind::All).cache_capacity(CACHE))
                .build_from_nfa(nfa)
                .ok()?;
            let maker = dfa.clone();
            let pool: Pool<Scratch, MakeScratch> =
                Pool::new(Box::new(move || (maker.create_cache(), PatternSet::new(maker.pattern_len()))));
            Some((dfa, pool))
        })
        .collect()
}

fn build_set(patterns: &[String]) -> Result<RegexSet, String> {
    RegexSetBuilder::new(patterns).size_limit(NFA_LIMIT).dfa_size_limit(SET_CACHE).build().map_err(|e| e.to_string())
}

impl Prefilter {
    /// Errors name no rule: the caller finds which pattern is at fault.
    pub fn new(patterns: Vec<String>) -> Result<Prefilter, String> {
        Prefilter::with_group(patterns, GROUP)
    }

    /// `group` patterns per lazy DFA.
    pub fn with_group(patterns: Vec<String>, group: usize) -> Result<Prefilter, String> {
        let set = OnceLock::new();
        let group = group.max(1);
        let groups = gapless_groups(&patterns, group).unwrap_or_default();
        if groups.is_empty() && !patterns.is_empty() {
            // The set either compiles what the DFA could not, or says why nothing can.
            set.set(Ok(build_set(&patterns)?)).ok();
        }
        Ok(Prefilter { groups, group, patterns, set })
    }

    /// Indexes of the patterns that may match `text`, ascending: every pattern that matches, and
    /// some whose part before a gap matches (`gaps`), for the rule's own regex to confirm.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        if !self.groups.is_empty() {
            if let Some(found) = self.dfa_matches(text) {
                return found;
            }
        }
        if self.patterns.is_empty() {
            return Vec::new();
        }
        match self.set.get_or_init(|| build_set(&self.patterns)) {
            Ok(set) => set.matches(text).into_iter().collect(),
            // The DFA compiled these patterns, so the set cannot fail but for its size limit:
            // then no rule of this view is trusted to fire rather than a panic.
            Err(_) => Vec::new(),
        }
    }

    /// None when a DFA gives up on the text (its cache thrashing): the set then answers.
    fn dfa_matches(&self, text: &str) -> Option<Vec<usize>> {
        let input = Input::new(text);
        let mut out = Vec::new();
        for (k, (dfa, pool)) in self.groups.iter().enumerate() {
            let mut scratch = pool.get();
            let (cache, found) = &mut *scratch;
            found.clear();
            dfa.try_which_overlapping_matches(cache, &input, found).ok()?;
            out.extend(found.iter().map(|p| k * self.group + p.as_usize()));
        }
        Some(out)
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
        assert!(p.groups.is_empty());
        assert_eq!(p.matches("un été chaud"), vec![0]);
        assert_eq!(p.matches("box"), vec![1]);
    }

    #[test]
    fn patterns_past_the_first_group_keep_their_indexes() {
        let patterns: Vec<String> = (0..GROUP * 2 + 3).map(|i| format!("(?-u:\\b)w{i}(?-u:\\b)")).collect();
        let p = Prefilter::new(patterns).unwrap();
        assert_eq!(p.groups.len(), 3);
        let (a, b) = (GROUP + 1, GROUP * 2 + 2);
        assert_eq!(p.matches(&format!("w0 w{a} w{b} w{}", b + 1)), vec![0, a, b]);
    }

    #[test]
    fn no_patterns_match_nothing_and_bad_ones_are_errors() {
        assert!(prefilter(&[]).matches("anything").is_empty());
        assert!(Prefilter::new(vec!["(unclosed".into()]).is_err());
    }
}
