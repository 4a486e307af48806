//! Gates: for a rule, a few literals of which every match of its pattern contains one. The
//! prefilter searches a built-in rule's gate instead of its pattern, so the engine starts without
//! parsing and compiling the full patterns (most of a cold start); a rule's pattern is compiled
//! the first time its gate appears in a text, and decides as before: a text without any gate
//! literal has no match of the rule, so the verdicts are the same for every text.
//! Gates are derived from the patterns' HIR (`derive`), kept in `rules/gates.tsv` (written by
//! `cargo run --example write_gates`), and each one is checked against its pattern (`covers`) by
//! `cargo test`; at load, a gate whose pattern changed since is ignored (`fingerprint`).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Hir, HirKind};

/// A gate literal must have this many letters or digits: shorter ones ("les ", "you") are in
/// most texts, and each text that passes a gate pays for its rule's full search.
const MIN_ALNUM: usize = 4;
/// More literals than this make a gate dear to compile for little selectivity.
const MAX_LITERALS: usize = 400;
/// Gate literals are cut after this many letters or digits: longer ones are hardly rarer, and
/// cut ones merge ("attack him", "attack her": "attack h"), so the gates compile faster.
const CAP: usize = 7;

/// A set of literals: every match of some HIR contains one of them.
type Literals = Vec<String>;

/// Prefix literals of every match of `hir`, when they are few and all usable as gate literals
/// (the extractor's contract: every match starts with one of them).
fn prefixes(hir: &Hir) -> Option<Literals> {
    let seq = Extractor::new().limit_total(MAX_LITERALS).extract(hir);
    let literals = seq.literals()?;
    let set: Option<Literals> = literals.iter().map(|l| String::from_utf8(l.as_bytes().to_vec()).ok()).collect();
    usable(set?)
}

fn alnum(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// `literal` cut after its `CAP`th letter or digit: a text that contains it contains its start.
fn truncated(literal: &str) -> String {
    let mut seen = 0;
    let end = literal.char_indices().find_map(|(i, c)| {
        seen += usize::from(c.is_alphanumeric());
        (seen > CAP).then_some(i)
    });
    literal[..end.unwrap_or(literal.len())].to_string()
}

/// Cut to `CAP` letters, deduplicated, without literals that contain another one (the shorter
/// is enough), or None.
fn usable(set: Literals) -> Option<Literals> {
    if set.is_empty() || set.len() > MAX_LITERALS || set.iter().any(|l| alnum(l) < MIN_ALNUM || l.contains('\t')) {
        return None;
    }
    let mut set: Literals = set.iter().map(|l| truncated(l)).collect();
    set.sort();
    set.dedup();
    let all = set.clone();
    set.retain(|l| !all.iter().any(|o| o != l && l.contains(o.as_str())));
    Some(set)
}

/// How likely a gate's literals are in a text, to choose among gates (lower is better): the
/// share of sample texts that contain each one, plus a prior that falls with its length (for
/// words the sample lacks).
pub struct Odds {
    /// Sample texts (normalized, full view), one per line.
    sample: String,
    lines: usize,
    seen: std::cell::RefCell<HashMap<String, f64>>,
}

impl Odds {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Odds {
        let texts: Vec<String> = texts.into_iter().map(|t| crate::normalize::normalize(t).full.text.replace('\n', " ")).collect();
        Odds { lines: texts.len().max(1), sample: texts.join("\n"), seen: Default::default() }
    }

    fn literal(&self, l: &str) -> f64 {
        if let Some(&c) = self.seen.borrow().get(l) {
            return c;
        }
        let mut texts = 0;
        let mut last_line_end = 0;
        for (at, _) in self.sample.match_indices(l) {
            if at >= last_line_end {
                texts += 1;
                last_line_end = self.sample[at..].find('\n').map_or(self.sample.len(), |e| at + e);
            }
        }
        let c = texts as f64 / self.lines as f64 + 0.5f64.powi(alnum(l) as i32);
        self.seen.borrow_mut().insert(l.to_string(), c);
        c
    }

    fn cost(&self, set: &Literals) -> f64 {
        set.iter().map(|l| self.literal(l)).sum()
    }

    fn cheapest(&self, candidates: impl IntoIterator<Item = Option<Literals>>) -> Option<Literals> {
        candidates.into_iter().flatten().min_by(|a, b| self.cost(a).total_cmp(&self.cost(b)).then(a.len().cmp(&b.len())))
    }

    /// A literal set every match of `hir` contains one of, the most selective found, or None.
    fn required(&self, hir: &Hir) -> Option<Literals> {
        match hir.kind() {
            HirKind::Literal(l) => usable(vec![String::from_utf8(l.0.to_vec()).ok()?]),
            HirKind::Capture(c) => self.required(&c.sub),
            HirKind::Repetition(r) if r.min >= 1 => self.required(&r.sub),
            // A match of the concatenation contains a match of each piece, and of each tail.
            HirKind::Concat(xs) => self.cheapest(
                (0..xs.len()).map(|i| prefixes(&Hir::concat(xs[i..].to_vec()))).chain(xs.iter().map(|x| self.required(x))),
            ),
            // A match of the alternation is a match of one branch.
            HirKind::Alternation(bs) => {
                let union =
                    bs.iter().map(|b| self.required(b)).collect::<Option<Vec<_>>>().and_then(|u| usable(u.concat()));
                self.cheapest([union, prefixes(hir)])
            }
            _ => None,
        }
    }

    /// The gate of a rule's pattern (as the engine compiles it: ASCII word boundaries), or None
    /// when no selective one is found (the prefilter then searches the pattern itself).
    pub fn derive(&self, pattern: &str) -> Option<Literals> {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        self.cheapest([self.required(&hir), prefixes(&hir)])
    }
}

/// Whether every match of `hir` contains one of `gate`'s literals, shown structurally: by the
/// same reasoning as `required`, but for any gate (not only the one `derive` chose).
pub fn covers(hir: &Hir, gate: &[String]) -> bool {
    let hit = |set: Option<Literals>| set.is_some_and(|s| s.iter().all(|l| gate.iter().any(|g| l.contains(g.as_str()))));
    let literals = |hir: &Hir| {
        let seq = Extractor::new().limit_total(MAX_LITERALS).extract(hir);
        seq.literals().map(|ls| ls.iter().filter_map(|l| String::from_utf8(l.as_bytes().to_vec()).ok()).collect::<Vec<_>>())
            .filter(|ls| ls.len() == seq.len().unwrap_or(0))
    };
    if hit(literals(hir)) {
        return true;
    }
    match hir.kind() {
        HirKind::Literal(l) => hit(String::from_utf8(l.0.to_vec()).ok().map(|s| vec![s])),
        HirKind::Capture(c) => covers(&c.sub, gate),
        HirKind::Repetition(r) => r.min >= 1 && covers(&r.sub, gate),
        HirKind::Concat(xs) => {
            (0..xs.len()).any(|i| hit(literals(&Hir::concat(xs[i..].to_vec())))) || xs.iter().any(|x| covers(x, gate))
        }
        HirKind::Alternation(bs) => bs.iter().all(|b| covers(b, gate)),
        _ => false,
    }
}



/// FNV-1a of a rule's pattern as written in its pack: a gate recorded for another version of
/// the pattern is not used. Not a defence against anyone, only against a stale `gates.tsv`.
pub fn fingerprint(pattern: &str) -> u64 {
    pattern.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The texts gates are chosen on: the test fixtures, mostly ordinary tweets and harassment that
/// name groups and people, so words common there (articles, "c'est", "@user") make poor gates.
fn sample_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let files = ["functional/en.jsonl", "functional/fr.jsonl", "functional/rule_cases.jsonl", "harassment_cases.jsonl",
        "identity_terms.jsonl", "parity.jsonl"];
    let mut texts = Vec::new();
    for f in files {
        let body = std::fs::read_to_string(format!("{dir}{f}")).unwrap_or_default();
        for line in body.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                texts.extend(v["text"].as_str().map(str::to_string));
            }
        }
    }
    texts
}

/// What `rules/gates.tsv` holds for the built-in packs: `id`, fingerprint, literals.
pub fn builtin_gates_file() -> String {
    let mut out = String::from(
        "# GENERATED by `cargo run --release --example write_gates` from the built-in packs: each\n\
         # rule's gate (src/rules/gate.rs). Rules missing here have none; `cargo test` checks this file.\n",
    );
    let sample = sample_texts();
    let odds = Odds::new(sample.iter().map(String::as_str));
    for (name, src) in super::BUILTIN_PACKS {
        for spec in super::pack::parse_pack(name, src).expect("built-in pack").rules {
            if let Some(gate) = odds.derive(&super::ascii_boundaries(&spec.pattern)) {
                out.push_str(&format!("{}\t{:016x}\t{}\n", spec.id, fingerprint(&spec.pattern), gate.join("\t")));
            }
        }
    }
    out
}

/// The gates in `rules/gates.tsv`: rule id → (fingerprint, literals).
pub fn builtin_gates() -> HashMap<&'static str, (u64, Vec<&'static str>)> {
    include_str!("../../rules/gates.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (id, print) = (f.next()?, f.next()?);
            Some((id, (u64::from_str_radix(print, 16).ok()?, f.collect())))
        })
        .collect()
}

/// One search for all the gates of a view: which rules' gates appear in a text.
#[derive(Debug)]
pub struct GateSearch {
    automaton: Option<AhoCorasick>,
    /// Literal index → the rules whose gate it belongs to.
    owners: Vec<Vec<usize>>,
}

impl GateSearch {
    /// `gates`: (rule index, its literals).
    pub fn new<'a>(gates: impl IntoIterator<Item = (usize, &'a [&'a str])>) -> GateSearch {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (rule, literals) in gates {
            for &l in literals {
                let k = *index.entry(l).or_insert_with(|| {
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                owners[k].push(rule);
            }
        }
        let mut literals = vec![""; owners.len()];
        for (l, k) in index {
            literals[k] = l;
        }
        // Standard semantics: the only kind whose overlapping search reports every literal found.
        let automaton = (!literals.is_empty()).then(|| {
            AhoCorasick::builder().match_kind(MatchKind::Standard).build(&literals).expect("a few thousand literals fit")
        });
        GateSearch { automaton, owners }
    }

    /// The rules whose gate appears in `text`, in any order, perhaps repeated.
    pub fn matches(&self, text: &str, out: &mut Vec<usize>) {
        if let Some(automaton) = &self.automaton {
            // Literals first: a hostile text repeats one thousands of times.
            let mut found: Vec<usize> = automaton.find_overlapping_iter(text).map(|m| m.pattern().as_usize()).collect();
            found.sort_unstable();
            found.dedup();
            out.extend(found.into_iter().flat_map(|k| self.owners[k].iter().copied()));
        }
    }
}

#[cfg(test)]
#[path = "gate_tests.rs"]
mod tests;
