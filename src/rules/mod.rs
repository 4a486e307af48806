//! Rule matching: compiled rule packs run over both normalized views with one prefilter each,
//! then each rule that matched is located to report spans in the original text.

pub mod pack;
pub mod gate;
mod prefilter;
pub mod user;

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use gate::GateSearch;
use prefilter::Prefilter;

use crate::error::Error;
use crate::normalize::{Normalized, View};
pub use pack::{Effect, Pack, RuleSpec, ViewKind, BUILTIN_PACKS};

/// A rule. Its patterns are checked when the pack loads but compiled on first use: the
/// prefilter decides which rules can match at all, and most never do on a given timeline,
/// so the engine starts in about half the time.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub language: String,
    pub effect: Effect,
    pub weight: f32,
    pub view: ViewKind,
    pattern: String,
    /// Built-in rules' gate (see `gate`): searched instead of the pattern, which the prefilter
    /// then never compiles.
    gate: Option<Vec<&'static str>>,
    unless_patterns: Vec<String>,
    unless_text_patterns: Vec<String>,
    compiled: OnceLock<Compiled>,
}

#[derive(Debug, Clone)]
struct Compiled {
    regex: Regex,
    unless: Vec<Regex>,
    unless_text: Vec<Regex>,
}

impl Rule {
    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            // Parsed at load (by the set, or `check`), so compiling again cannot fail; an impossible failure
            // degrades to a rule that never matches rather than a panic.
            let build = |p: &str| {
                RegexBuilder::new(p).size_limit(SIZE_LIMIT).build().unwrap_or_else(|_| Regex::new("[^\\s\\S]").expect("static"))
            };
            Compiled {
                regex: build(&self.pattern),
                unless: self.unless_patterns.iter().map(|p| build(p)).collect(),
                unless_text: self.unless_text_patterns.iter().map(|p| build(p)).collect(),
            }
        })
    }
}

/// One place a rule fired: byte offsets in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
    /// The match sits between quotation marks (reported speech).
    pub quoted: bool,
}

/// All compiled rules, with one prefilter per view.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    full: ViewRules,
    light: ViewRules,
}

/// The rules of one view: a prefilter over the ungated ones, and the gated ones in groups whose
/// prefilter is built the first time a text shows one of the group's gates.
#[derive(Debug)]
struct ViewRules {
    set: Prefilter,
    ids: Vec<usize>,
    gates: GateSearch,
    groups: Vec<LazyGroup>,
    /// Rule index → its group, for gated rules of this view.
    group_of: std::collections::HashMap<usize, usize>,
}

#[derive(Debug)]
struct LazyGroup {
    ids: Vec<usize>,
    /// None if it cannot be built: the rules whose gates appeared are then all located (their
    /// full regex decides), which gives the same hits.
    set: OnceLock<Option<Prefilter>>,
}

/// Gated rules per lazy group: a group's prefilter is one lazy DFA (`prefilter::GROUP`), and
/// rules next to each other in a pack (one language, one kind of harm) tend to be needed together.
const LAZY_GROUP: usize = 16;

impl ViewRules {
    /// The rules that match somewhere in `text`, ascending, as the prefilter over all patterns said.
    fn candidates(&self, rules: &[Rule], text: &str) -> Vec<usize> {
        let mut candidates: Vec<usize> = self.set.matches(text).into_iter().map(|k| self.ids[k]).collect();
        let mut passed = Vec::new();
        self.gates.matches(text, &mut passed);
        let mut groups: Vec<usize> = passed.iter().map(|r| self.group_of[r]).collect();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            let group = &self.groups[g];
            let set = group.set.get_or_init(|| Prefilter::new(group.ids.iter().map(|&i| rules[i].pattern.clone()).collect()).ok());
            match set {
                Some(set) => candidates.extend(set.matches(text).into_iter().map(|k| group.ids[k])),
                None => candidates.extend(passed.iter().filter(|r| self.group_of[r] == g)),
            }
        }
        // In rule order, as when the prefilter searched every pattern.
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }
}

const SIZE_LIMIT: usize = 4 << 20;

/// Rule patterns read folded text (accents removed), so ASCII word boundaries are enough, and
/// unlike Unicode ones they keep the regex crate on its fast DFA for any input.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Syntax check without compiling (cheap), naming the rule on error. `pattern` may already
/// have ASCII boundaries: wrapping them twice changes nothing they match.
fn check(rule: &str, pattern: &str) -> Result<String, Error> {
    let pattern = ascii_boundaries(pattern);
    regex_syntax::Parser::new()
        .parse(&pattern)
        .map_err(|e| Error::Rule { rule: rule.to_string(), message: e.to_string() })?;
    Ok(pattern)
}

impl RuleSet {
    pub fn builtin() -> Result<RuleSet, Error> {
        let packs = BUILTIN_PACKS
            .iter()
            .map(|(name, src)| pack::parse_pack(name, src))
            .collect::<Result<Vec<_>, _>>()?;
        RuleSet::from_builtin_packs(&packs)
    }

    /// A user's packs: every `unless` pattern is parsed now, so a bad one names its rule.
    pub fn from_packs(packs: &[Pack]) -> Result<RuleSet, Error> {
        RuleSet::build(packs, true)
    }

    /// The packs shipped in the binary: their `unless` patterns are not parsed at load, since
    /// `cargo test` parses every one (`builtin_unless_patterns_parse`). That parse was a tenth of
    /// the native start's samples; in wasm the gain is within noise (docs/footprint.md). They are
    /// compiled with their rule, on its first match. Rules with a gate in `rules/gates.tsv` have
    /// only their gate in the prefilter: their pattern is parsed when the gate first appears.
    pub fn from_builtin_packs(packs: &[Pack]) -> Result<RuleSet, Error> {
        RuleSet::build(packs, false)
    }

    fn build(packs: &[Pack], user: bool) -> Result<RuleSet, Error> {
        let prepare = |id: &str, u: &String| if user { check(id, u) } else { Ok(ascii_boundaries(u)) };
        let mut gates = if user { Default::default() } else { gate::builtin_gates() };
        let mut rules = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for pack in packs {
            for spec in &pack.rules {
                if !seen.insert(spec.id.clone()) {
                    return Err(Error::Rule { rule: spec.id.clone(), message: "duplicate id".into() });
                }
                let effect = pack::effect_of(&spec.category).ok_or_else(|| Error::Rule {
                    rule: spec.id.clone(),
                    message: format!("unknown category '{}'", spec.category),
                })?;
                let unless_patterns = spec.unless.iter().map(|u| prepare(&spec.id, u)).collect::<Result<_, _>>()?;
                let unless_text_patterns =
                    spec.unless_text.iter().map(|u| prepare(&spec.id, u)).collect::<Result<_, _>>()?;
                // The main pattern is parsed once, by the set below; only a set that fails to
                // build has its patterns checked one by one, to name the faulty rule.
                rules.push(Rule {
                    id: spec.id.clone(),
                    language: pack.language.clone(),
                    effect,
                    weight: spec.weight,
                    view: spec.view,
                    pattern: ascii_boundaries(&spec.pattern),
                    gate: gates.remove(spec.id.as_str()).filter(|g| g.0 == gate::fingerprint(&spec.pattern)).map(|g| g.1),
                    unless_patterns,
                    unless_text_patterns,
                    compiled: OnceLock::new(),
                });
            }
        }
        let set_for = |kind: ViewKind| -> Result<ViewRules, Error> {
            let rules = &rules;
            let of_view = || (0..rules.len()).filter(move |&i| rules[i].view == kind);
            let ids: Vec<usize> = of_view().filter(|&i| rules[i].gate.is_none()).collect();
            let set = Prefilter::new(ids.iter().map(|&i| rules[i].pattern.clone()).collect()).map_err(|message| {
                let named = ids.iter().find_map(|&i| check(&rules[i].id, &rules[i].pattern).err());
                named.unwrap_or_else(|| Error::Pack { pack: "rule set".into(), message })
            })?;
            let gates = GateSearch::new(of_view().filter_map(|i| Some((i, rules[i].gate.as_deref()?))));
            let gated: Vec<usize> = of_view().filter(|&i| rules[i].gate.is_some()).collect();
            let groups: Vec<LazyGroup> =
                gated.chunks(LAZY_GROUP).map(|c| LazyGroup { ids: c.to_vec(), set: OnceLock::new() }).collect();
            let group_of = gated.iter().enumerate().map(|(k, &i)| (i, k / LAZY_GROUP)).collect();
            Ok(ViewRules { set, ids, gates, groups, group_of })
        };
        let (full, light) = (set_for(ViewKind::Full)?, set_for(ViewKind::Light)?);
        Ok(RuleSet { rules, full, light })
    }

    /// How many rules have had their patterns compiled (benchmarks).
    pub fn compiled_count(&self) -> usize {
        self.rules.iter().filter(|r| r.compiled.get().is_some()).count()
    }

    /// Every hit of every rule on the text, with look-alike exceptions (`unless`) applied.
    pub fn hits(&self, text: &Normalized) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (rules, view) in [(&self.full, &text.full), (&self.light, &text.light)] {
            let candidates = rules.candidates(&self.rules, &view.text);
            if candidates.is_empty() {
                continue;
            }
            let quotes = QuoteIndex::new(&view.text);
            for index in candidates {
                self.locate(index, view, &quotes, &mut hits);
            }
        }
        hits
    }

    fn locate(&self, index: usize, view: &View, quotes: &QuoteIndex, hits: &mut Vec<Hit>) {
        let rule = &self.rules[index];
        let compiled = rule.compiled();
        if compiled.unless_text.iter().any(|u| u.is_match(&view.text)) {
            return;
        }
        let exceptions: Vec<(usize, usize)> = compiled
            .unless
            .iter()
            .flat_map(|u| u.find_iter(&view.text).map(|m| (m.start(), m.end())))
            .collect();
        for m in compiled.regex.find_iter(&view.text) {
            if exceptions.iter().any(|&(s, e)| s < m.end().max(m.start() + 1) && m.start() < e) {
                continue;
            }
            let (start, end) = view.original_range(m.start(), m.end());
            let quoted = quotes.is_quoted(m.start(), m.end());
            hits.push(Hit { rule: index, start, end, quoted });
        }
    }
}

/// Where a view's quotation marks are, found in one pass so that asking whether each of
/// thousands of matches is quoted stays cheap (a hostile 25,000-character text).
struct QuoteIndex {
    /// Double quotes (« » and curly quotes are folded to '"').
    double: Vec<usize>,
    /// Single quotes opening a word: at the start, or after ' ', '(' or ':'.
    opening: Vec<usize>,
    /// Single quotes ending a word (not followed by a letter or digit)…
    closing: Vec<usize>,
    /// …of which those not preceded by a space.
    closing_after_word: Vec<usize>,
}

impl QuoteIndex {
    fn new(text: &str) -> QuoteIndex {
        let mut q = QuoteIndex { double: Vec::new(), opening: Vec::new(), closing: Vec::new(), closing_after_word: Vec::new() };
        let mut prev: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '"' {
                q.double.push(i);
            } else if c == '\'' {
                if prev.is_none_or(|p| p == ' ' || p == '(' || p == ':') {
                    q.opening.push(i);
                }
                if chars.peek().is_none_or(|&(_, n)| !n.is_alphanumeric()) {
                    q.closing.push(i);
                    if prev != Some(' ') {
                        q.closing_after_word.push(i);
                    }
                }
            }
            prev = Some(c);
        }
        q
    }

    /// Whether `text[start..end]` is inside a quotation: an odd number of double quotes before
    /// it and one after, or a single quote opening a word before it and one closing a word after
    /// it (apostrophes inside words do not count).
    fn is_quoted(&self, start: usize, end: usize) -> bool {
        let before = self.double.partition_point(|&p| p < start);
        if before % 2 == 1 && self.double.last().is_some_and(|&p| p >= end) {
            return true;
        }
        let opens = self.opening.first().is_some_and(|&p| p < start);
        let closes = self.closing.binary_search(&end).is_ok() || self.closing_after_word.last().is_some_and(|&p| p >= end);
        opens && closes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// Every built-in rule fires on each of its examples and on none of its counter-examples.
    #[test]
    fn every_rule_passes_its_own_examples() {
        let set = RuleSet::builtin().expect("built-in packs compile");
        let mut failures = Vec::new();
        for (name, src) in BUILTIN_PACKS {
            let pack = pack::parse_pack(name, src).unwrap();
            for spec in &pack.rules {
                let index = set.rules.iter().position(|r| r.id == spec.id).unwrap();
                let fires = |t: &str| set.hits(&normalize(t)).iter().any(|h| h.rule == index);
                assert!(!spec.examples.is_empty(), "rule {} has no example", spec.id);
                for e in &spec.examples {
                    if !fires(e) {
                        failures.push(format!("{} misses example {e:?}", spec.id));
                    }
                }
                for e in &spec.counter_examples {
                    if fires(e) {
                        failures.push(format!("{} fires on counter-example {e:?}", spec.id));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// What lets `from_builtin_packs` skip parsing them at load.
    #[test]
    fn builtin_unless_patterns_parse() {
        for (name, src) in BUILTIN_PACKS {
            for spec in pack::parse_pack(name, src).unwrap().rules {
                for u in spec.unless.iter().chain(&spec.unless_text) {
                    check(&spec.id, u).unwrap_or_else(|e| panic!("{name}: {e}"));
                }
            }
        }
    }

    #[test]
    fn packs_report_the_broken_rule() {
        let bad = "language = \"fr\"\n[[rule]]\nid = \"x.bad\"\ncategory = \"insult\"\nweight = 0.5\npattern = \"(unclosed\"\nexamples = [\"a\"]\n";
        let pack = pack::parse_pack("bad", bad).unwrap();
        let err = RuleSet::from_packs(&[pack]).unwrap_err();
        assert!(matches!(err, Error::Rule { ref rule, .. } if rule == "x.bad"), "{err}");
        let unknown = bad.replace("insult", "rudeness").replace("(unclosed", "a");
        let err = pack::parse_pack("bad", &unknown).unwrap_err();
        assert!(err.to_string().contains("unknown category 'rudeness'"), "{err}");
        assert!(pack::parse_pack("bad", "language = 3").is_err());
    }
}
