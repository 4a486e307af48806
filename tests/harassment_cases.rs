//! Rules-only accuracy on hand-written French and English harassment cases (threats, doxxing,
//! obfuscation, look-alikes, counter-speech…) in tests/fixtures/harassment_cases.jsonl.
//! Prints accuracy per language and kind; fails under the floor, and on any look-alike that acts.

use std::collections::BTreeMap;

use rempart::{Action, Engine, Settings};
use serde_json::Value;

/// Rules alone must get at least this share right; raise it as rules improve, never lower it.
const FLOOR: f64 = 0.95;

#[test]
fn rules_only_accuracy_on_hand_written_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/harassment_cases.jsonl");
    let text = std::fs::read_to_string(path).expect("fixture present");
    let engine = Engine::new(None, None, Settings::default()).unwrap();
    let mut by_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut lookalike_fired = Vec::new();
    let (mut right, mut total, mut french) = (0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("valid JSON line");
        let (t, lang, kind) = (case["text"].as_str().unwrap(), case["lang"].as_str().unwrap(), case["kind"].as_str().unwrap());
        let expect_act = case["expect"] == "act";
        let v = engine.classify(t);
        let ok = (v.action != Action::None) == expect_act;
        total += 1;
        french += usize::from(lang == "fr");
        right += usize::from(ok);
        for key in [format!("lang {lang}"), format!("kind {kind}")] {
            let e = by_group.entry(key).or_default();
            e.0 += usize::from(ok);
            e.1 += 1;
        }
        if !ok {
            wrong.push(format!("  [{lang} {kind}] expected {} got {}: {t}", case["expect"], v.action.name()));
            if kind == "lookalike" {
                lookalike_fired.push(t.to_string());
            }
        }
    }
    let accuracy = right as f64 / total as f64;
    println!("rules-only accuracy: {right}/{total} = {accuracy:.3}");
    for (group, (r, n)) in &by_group {
        println!("  {group:<22} {r}/{n} = {:.3}", *r as f64 / *n as f64);
    }
    println!("misclassified:\n{}", wrong.join("\n"));
    assert!(total >= 150 && french * 2 >= total, "need ≥150 cases, half French ({total}, {french} fr)");
    assert!(lookalike_fired.is_empty(), "look-alikes acted on: {lookalike_fired:?}");
    assert!(accuracy >= FLOOR, "accuracy {accuracy:.3} under the floor {FLOOR}");
}
