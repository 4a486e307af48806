//! Rule matching: compiled rule packs run over both normalized views with one prefilter each
//! (two where rules name word lists: those read the view with its listed words marked), then
//! each rule that matched is located to report spans in the original text.

pub mod pack;
mod gaps;
mod nouns;
mod prefilter;
pub mod user;

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use nouns::{Marked, Nouns};
use prefilter::Prefilter;

use crate::error::Error;
use crate::normalize::{Normalized, View};
pub use pack::{Effect, Pack, RuleSpec, ViewKind, BUILTIN_PACKS};

/// A rule. Its patterns are checked when the pack loads but compiled on first use: the
/// prefilter decides which rules can match at all, and most never do on a given timeline,
/// so the engine starts in about half the time. The exceptions are compiled later still, on the
/// rule's first real match: most of the prefilter's candidates are not matches (a pattern is
/// searched up to its first gap), and they need the main regex only.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub language: String,
    pub effect: Effect,
    pub weight: f32,
    pub view: ViewKind,
    pattern: String,
    /// The pattern names a word list, so it reads the view with the listed words marked.
    reads_marked: bool,
    /// Each exception with whether it reads the marked text (it names a list) or the view.
    unless_patterns: Vec<(String, bool)>,
    unless_text_patterns: Vec<(String, bool)>,
    regex: OnceLock<Regex>,
    exceptions: OnceLock<Exceptions>,
}

#[derive(Debug, Clone)]
struct Exceptions {
    unless: Vec<(Regex, bool)>,
    unless_text: Vec<(Regex, bool)>,
}

/// Patterns were parsed at load (by the set, or `check`), so compiling again cannot fail; an
/// impossible failure degrades to a rule that never matches rather than a panic.
fn compile(p: &str) -> Regex {
    RegexBuilder::new(p).size_limit(SIZE_LIMIT).build().unwrap_or_else(|_| Regex::new("[^\\s\\S]").expect("static"))
}

impl Rule {
    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| compile(&self.pattern))
    }

    fn exceptions(&self) -> &Exceptions {
        self.exceptions.get_or_init(|| Exceptions {
            unless: self.unless_patterns.iter().map(|(p, marked)| (compile(p), *marked)).collect(),
            unless_text: self.unless_text_patterns.iter().map(|(p, marked)| (compile(p), *marked)).collect(),
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

/// The rules of one view: those that read it as it is, and those that name word lists and read
/// it with the listed words marked (`nouns`).
#[derive(Debug)]
struct ViewRules {
    plain: Prefilter,
    plain_ids: Vec<usize>,
    marked: Prefilter,
    marked_ids: Vec<usize>,
}

/// All compiled rules, with their prefilters per view.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    nouns: Nouns,
    full: ViewRules,
    light: ViewRules,
}

const SIZE_LIMIT: usize = 4 << 20;
/// The rules that read marked text share fewer, larger lazy DFAs than the others: their group
/// nouns are one marker word each, so 32 of them hold few states, and every extra DFA is one
/// more pass over each text. With the prefilter's 14 (three DFAs for the 32 rules of the built-in
/// packs), the warm rules-only pass over the bench corpus was 0.89-0.93x of what it was before
/// the nouns were marked; with 32, 0.98-0.99x (natively, two sets of 8 interleaved runs;
/// docs/footprint.md, stop 24).
const MARKED_GROUP: usize = 32;

/// Rule patterns read folded text (accents removed, lower case), so ASCII word boundaries are
/// enough, and unlike Unicode ones they keep the regex crate on its fast DFA for any input. For
/// the same reason a word character (`\w`, used outside classes in the packs: "this \w+'s") is
/// an ASCII one: Unicode's `\w` is hundreds of ranges, which made every automaton holding it
/// larger and slower to build (stop 20: see docs/footprint.md).
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)").replace(r"\w", "[0-9A-Za-z_]")
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
    /// compiled with their rule, on its first match.
    pub fn from_builtin_packs(packs: &[Pack]) -> Result<RuleSet, Error> {
        RuleSet::build(packs, false)
    }

    fn build(packs: &[Pack], check_unless: bool) -> Result<RuleSet, Error> {
        let lists: Vec<(String, String)> = packs.iter().flat_map(|p| p.nouns.iter().cloned()).collect();
        let nouns = Nouns::new(&lists, ascii_boundaries)?;
        let prepare = |id: &str, u: &String| -> Result<(String, bool), Error> {
            let substituted = nouns.substitute(id, u)?;
            let pattern = if check_unless { check(id, &substituted)? } else { ascii_boundaries(&substituted) };
            Ok((pattern, Nouns::named_in(u)))
        };
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
                    pattern: ascii_boundaries(&nouns.substitute(&spec.id, &spec.pattern)?),
                    reads_marked: Nouns::named_in(&spec.pattern),
                    unless_patterns,
                    unless_text_patterns,
                    regex: OnceLock::new(),
                    exceptions: OnceLock::new(),
                });
            }
        }
        let set_for = |kind: ViewKind, reads_marked: bool| -> Result<(Prefilter, Vec<usize>), Error> {
            let ids: Vec<usize> = (0..rules.len()).filter(|&i| rules[i].view == kind && rules[i].reads_marked == reads_marked).collect();
            let patterns = ids.iter().map(|&i| rules[i].pattern.clone()).collect();
            let set = if reads_marked { Prefilter::with_group(patterns, MARKED_GROUP) } else { Prefilter::new(patterns) };
            let set = set.map_err(|message| {
                let named = ids.iter().find_map(|&i| check(&rules[i].id, &rules[i].pattern).err());
                named.unwrap_or_else(|| Error::Pack { pack: "rule set".into(), message })
            })?;
            Ok((set, ids))
        };
        // The marked rules' one large automaton first: its build's transient peak then sits on
        // fewer retained automata, and wasm's memory keeps its peak for good.
        let (full_marked, light_marked) = (set_for(ViewKind::Full, true)?, set_for(ViewKind::Light, true)?);
        let view_rules = |kind: ViewKind, (marked, marked_ids): (Prefilter, Vec<usize>)| -> Result<ViewRules, Error> {
            let (plain, plain_ids) = set_for(kind, false)?;
            Ok(ViewRules { plain, plain_ids, marked, marked_ids })
        };
        let (full, light) = (view_rules(ViewKind::Full, full_marked)?, view_rules(ViewKind::Light, light_marked)?);
        Ok(RuleSet { rules, nouns, full, light })
    }

    /// Every hit of every rule on the text, with look-alike exceptions (`unless`) applied.
    pub fn hits(&self, text: &Normalized) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (rules, view) in [(&self.full, &text.full), (&self.light, &text.light)] {
            let mut matched: Vec<usize> = rules.plain.matches(&view.text).into_iter().map(|k| rules.plain_ids[k]).collect();
            let mut marked = None;
            if !rules.marked_ids.is_empty() {
                marked = self.nouns.mark(&view.text);
                let marked_text = marked.as_ref().map_or(view.text.as_str(), |m| m.text.as_str());
                matched.extend(rules.marked.matches(marked_text).into_iter().map(|k| rules.marked_ids[k]));
            }
            if matched.is_empty() {
                continue;
            }
            // In pack order, whichever text each rule reads: hits keep the order they always had.
            matched.sort_unstable();
            let reading = Reading { view, marked: marked.as_ref(), quotes: QuoteIndex::new(&view.text) };
            for index in matched {
                self.locate(index, &reading, &mut hits);
            }
        }
        hits
    }

    fn locate(&self, index: usize, reading: &Reading, hits: &mut Vec<Hit>) {
        let rule = &self.rules[index];
        let mut found = rule.regex().find_iter(reading.text(rule.reads_marked)).peekable();
        if found.peek().is_none() {
            return; // a candidate of the prefilter only: the exceptions need not run
        }
        let exceptions = rule.exceptions();
        if exceptions.unless_text.iter().any(|(u, marked)| u.is_match(reading.text(*marked))) {
            return;
        }
        // Overlaps are judged in the view's own offsets, whichever text each pattern read.
        let excepted: Vec<(usize, usize)> = exceptions
            .unless
            .iter()
            .flat_map(|(u, marked)| u.find_iter(reading.text(*marked)).map(|m| reading.in_view(*marked, m.start(), m.end())))
            .collect();
        for m in found {
            let (m_start, m_end) = reading.in_view(rule.reads_marked, m.start(), m.end());
            if excepted.iter().any(|&(s, e)| s < m_end.max(m_start + 1) && m_start < e) {
                continue;
            }
            let (start, end) = reading.view.original_range(m_start, m_end);
            let quoted = reading.quotes.is_quoted(m_start, m_end);
            hits.push(Hit { rule: index, start, end, quoted });
        }
    }
}

/// A view as the rules read it: as it is, or with its listed words marked (`None` when it has
/// none, and then every rule reads the view).
struct Reading<'a> {
    view: &'a View,
    marked: Option<&'a Marked>,
    quotes: QuoteIndex,
}

impl Reading<'_> {
    fn text(&self, marked: bool) -> &str {
        match self.marked {
            Some(m) if marked => &m.text,
            _ => &self.view.text,
        }
    }

    fn in_view(&self, marked: bool, start: usize, end: usize) -> (usize, usize) {
        match self.marked {
            Some(m) if marked => m.plain_range(start, end),
            _ => (start, end),
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
    fn word_characters_are_ascii_and_stay_valid_inside_classes() {
        for (pattern, text, want) in [(r"\bthis \w+'s\b", "this guy's", true), (r"\bx\w+\b", "xщщ", false), (r"^[\w']+$", "it's_9", true)] {
            let re = Regex::new(&check("t", pattern).unwrap()).unwrap();
            assert_eq!(re.is_match(text), want, "{pattern} on {text:?}");
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
