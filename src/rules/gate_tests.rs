//! The gates' proofs: each recorded gate is necessary for its rule (shown on the HIR), the file
//! is current, and the gated rule set gives the same hits as the ungated one on every text we have.

use super::*;
use crate::normalize::normalize;
use crate::rules::{ascii_boundaries, pack::parse_pack, Pack, RuleSet, BUILTIN_PACKS};

fn hir(pattern: &str) -> Hir {
    regex_syntax::Parser::new().parse(pattern).unwrap()
}

fn lits(ls: &[&str]) -> Vec<String> {
    ls.iter().map(|l| l.to_string()).collect()
}

/// `cargo run --release --example write_gates` regenerates it after a pack changed.
#[test]
fn gates_file_is_current() {
    assert!(
        include_str!("../../rules/gates.tsv") == builtin_gates_file(),
        "rules/gates.tsv is stale: run `cargo run --release --example write_gates`"
    );
}

/// The property the verdicts rest on, checked for the literals the engine loads: every match of
/// the rule's pattern contains one of its gate's literals.
#[test]
fn every_gate_is_necessary_for_its_rule() {
    let gates = builtin_gates();
    let mut gated = 0;
    for (name, src) in BUILTIN_PACKS {
        for spec in parse_pack(name, src).unwrap().rules {
            let Some((print, literals)) = gates.get(spec.id.as_str()) else { continue };
            assert_eq!(*print, fingerprint(&spec.pattern), "{}: stale gate", spec.id);
            let gate: Vec<String> = literals.iter().map(|l| l.to_string()).collect();
            assert!(covers(&hir(&ascii_boundaries(&spec.pattern)), &gate), "{}: its gate is not necessary", spec.id);
            gated += 1;
        }
    }
    // The group packs' big patterns at least (the point of gates: docs/footprint.md).
    for id in ["fr.group.dehumanize", "fr.group.derogation", "fr.group.eliminationist", "en.group.dehumanize",
        "en.group.derogation", "en.group.eliminationist", "en.group.compare_vermin", "fr.group.compare_vermin"]
    {
        assert!(gates.contains_key(id), "{id} has no gate");
    }
    assert!(gated > 100, "only {gated} gates");
}

#[test]
fn covers_needs_every_branch_and_every_mandatory_piece() {
    assert!(covers(&hir("foo|bar"), &lits(&["foo", "bar"])));
    assert!(!covers(&hir("foo|bar"), &lits(&["foo"])));
    assert!(covers(&hir(r"(?:les )?(?:juifs|roms)\b sont"), &lits(&["juifs", "roms"])));
    // An optional piece guarantees nothing.
    assert!(!covers(&hir("a(?:juifs)?b"), &lits(&["juifs"])));
    assert!(!covers(&hir("a(?:juifs)*b"), &lits(&["juifs"])));
    assert!(covers(&hir("a(?:juifs)+b"), &lits(&["juifs"])));
    // A gate literal may be a part of what the pattern requires, not the other way round.
    assert!(covers(&hir("tu es une conne"), &lits(&["es une"])));
    assert!(!covers(&hir("tu es"), &lits(&["tu es une"])));
    assert!(!covers(&hir("[a-z]+"), &lits(&["abcd"])));
}

fn odds() -> Odds {
    Odds::new(["les femmes et les migrants", "tu es la"])
}

#[test]
fn derive_finds_a_selective_gate_or_none() {
    let gate = odds().derive(r"(?-u:\b)(?:les |ces )?(?:juifs|musulmans)(?-u:\b) sont des (?:rats|parasites)").unwrap();
    assert!(covers(&hir(r"(?:les |ces )?(?:juifs|musulmans) sont des (?:rats|parasites)"), &gate));
    assert!(!gate.iter().any(|l| l.starts_with("les") || l.starts_with("ces")), "{gate:?}");
    // Words common in the sample make poor gates: the rarer piece is chosen.
    let gate = odds().derive("(?:femmes|migrants) (?:sont|et) des (?:rats|cafards)").unwrap();
    assert!(gate.iter().all(|l| !l.contains("femmes") && !l.contains("migrants")), "{gate:?}");
    // A branch without a literal of four letters leaves the whole rule ungated.
    assert_eq!(odds().derive(r"connard|\d{5}"), None);
    assert_eq!(odds().derive(r"(?:tu|t) es"), None);
    assert_eq!(odds().derive(r"[a-z]+@[a-z]+"), None);
    // Long literals are cut, so cross products merge.
    assert_eq!(odds().derive("(?:assassinate|eliminate) (?:him|her|them)").unwrap(), lits(&["assassi", "elimina"]));
}

#[test]
fn a_gate_is_ignored_once_its_pattern_changed() {
    let mut packs: Vec<Pack> = BUILTIN_PACKS.iter().map(|(n, s)| parse_pack(n, s).unwrap()).collect();
    let rule = packs.iter_mut().flat_map(|p| p.rules.iter_mut()).find(|r| r.id == "fr.group.dehumanize").unwrap();
    rule.pattern = format!("{}|quelque chose de nouveau", rule.pattern);
    let set = RuleSet::from_builtin_packs(&packs).unwrap();
    let index = set.rules.iter().position(|r| r.id == "fr.group.dehumanize").unwrap();
    assert!(set.rules[index].gate.is_none());
    assert!(set.hits(&normalize("quelque chose de nouveau")).iter().any(|h| h.rule == index));
}


/// The same hits, gate or not, on every example and counter-example of every rule and on every
/// text of the test fixtures (about 6,000 texts).
#[test]
fn gated_and_ungated_rules_give_the_same_hits() {
    let packs: Vec<Pack> = BUILTIN_PACKS.iter().map(|(n, s)| parse_pack(n, s).unwrap()).collect();
    let gated = RuleSet::from_builtin_packs(&packs).unwrap();
    let ungated = RuleSet::from_packs(&packs).unwrap();
    assert!(gated.rules.iter().filter(|r| r.gate.is_some()).count() > 100);
    assert!(ungated.rules.iter().all(|r| r.gate.is_none()));
    let mut texts = sample_texts();
    assert!(texts.len() > 5000);
    for spec in packs.iter().flat_map(|p| &p.rules) {
        texts.extend(spec.examples.iter().chain(&spec.counter_examples).cloned());
    }
    let mut firing = 0;
    for text in &texts {
        let n = normalize(text);
        let want = ungated.hits(&n);
        firing += usize::from(!want.is_empty());
        assert_eq!(gated.hits(&n), want, "{text:?}");
    }
    assert!(firing > 2000, "only {firing} of {} texts fire a rule", texts.len());
}
