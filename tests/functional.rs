//! The blind functional suites (tests/fixtures/functional/, written by someone who had read
//! neither the rules nor the model) through the engine with the shipped model at the default
//! preset, on the template families never trained on. Prints accuracy per language and
//! function; fails under the floors (raise them as the model improves, never lower them), and
//! when a contrast that must stay clean (counter-speech, negation, neutral mentions…) slips.
//! Each case is classified with its language, as X tags a tweet: since stop 27 the presets have a
//! threshold per language (English balanced 0.19, French and the shared one 0.27; counter-speech
//! keeps the shared one). Where the lower bar acts on more contrasts (profanity aimed at no one),
//! an English floor moved down: an operating point chosen on real tweets (English test recall
//! 0.637 → 0.704), not an engine that got worse, since every score is unchanged. The English
//! figures at the shared 0.27 are beside.

use std::collections::BTreeMap;

use rempart::{Action, Engine, Settings};
use serde_json::Value;

const MODEL: &[u8] = include_bytes!("../models/rempart.onnx");
/// Held-out accuracy floors per language (v3 measured: see models/README.md).
const FLOOR: [(&str, f64); 2] = [("fr", 0.53), ("en", 0.46)];
/// Clean functions must stay clean this often on held-out families.
const CLEAN_FLOOR: f64 = 0.85;

/// The cases of one suite and language (tests/fixtures/SUITE/LANG.jsonl).
fn cases(suite: &str, lang: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/{suite}/{lang}.jsonl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn held_out_template_families() {
    let engine = Engine::new(Some(MODEL), None, Settings::default()).unwrap();
    let mut per: BTreeMap<(String, String, bool), (usize, usize)> = BTreeMap::new();
    for lang in ["fr", "en"] {
        let cases = cases("functional", lang);
        let held: Vec<&Value> = cases.iter().filter(|c| c["split"] == "heldout").collect();
        let texts: Vec<&str> = held.iter().map(|c| c["text"].as_str().unwrap()).collect();
        let (verdicts, err) = engine.classify_batch_in(&texts, &vec![Some(lang); texts.len()]);
        assert!(err.is_none());
        for (c, v) in held.iter().zip(&verdicts) {
            let abusive = c["label"] == 1;
            let e = per.entry((lang.into(), c["function"].as_str().unwrap().into(), abusive)).or_default();
            e.0 += usize::from((v.action != Action::None) == abusive);
            e.1 += 1;
        }
    }
    let mut failures = Vec::new();
    for (lang, floor) in FLOOR {
        let (r, n) = per.iter().filter(|(k, _)| k.0 == lang).fold((0, 0), |a, (_, v)| (a.0 + v.0, a.1 + v.1));
        let acc = r as f64 / n as f64;
        println!("{lang}: held-out accuracy {r}/{n} = {acc:.3} (floor {floor})");
        if acc < floor {
            failures.push(format!("{lang} accuracy {acc:.3} < {floor}"));
        }
    }
    for ((lang, function, abusive), (r, n)) in &per {
        let acc = *r as f64 / *n as f64;
        println!("  {lang} {function:<20} {} {acc:.3}", if *abusive { "abusive" } else { "clean  " });
        if !abusive && acc < CLEAN_FLOOR {
            failures.push(format!("{lang} {function}: clean {acc:.3} < {CLEAN_FLOOR}"));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

/// A second blind suite (tests/fixtures/functional7/, written after the first suite's rule work
/// by someone who had read neither the rules nor the model; 17 functions, about 6 template
/// families each, the English close translations of the French). Its first and only
/// out-of-sample run, on the engine of 86c0048: fr 0.756 (abusive acted on 0.687, clean kept
/// 0.832), en 0.755 (0.635 / 0.888). The rules were then extended from its misses, so these
/// floors are in-sample: they guard what was learnt, they do not measure it.
#[test]
fn second_blind_suite_in_sample_floors() {
    // English at 0.19: 0.959, clean kept 0.919 (at 0.27: 0.965, 0.957).
    in_sample_floors("functional7", [("fr", 0.95, 0.9), ("en", 0.95, 0.9)]);
}

/// A third blind suite (tests/fixtures/functional8/, written at stop 20 by someone who had read
/// none of the engine; French and English written apart). Its first and only out-of-sample run,
/// on the engine of fd867dc: fr 0.838 (abusive acted on 0.767, clean kept 0.919), en 0.709
/// (0.478 / 0.969). The rules were then extended from its misses: in-sample floors again.
#[test]
fn third_blind_suite_in_sample_floors() {
    // English at 0.19: 0.962, clean kept 0.975 (at 0.27: 0.962, 0.988).
    in_sample_floors("functional8", [("fr", 0.96, 0.9), ("en", 0.94, 0.9)]);
}

/// A fourth blind suite (tests/fixtures/functional9/, written at stop 21 by someone who had read
/// none of the engine). Its first and only out-of-sample run, on the engine of 2be7323: fr 0.776
/// (abusive acted on 0.667, clean kept 0.900), en 0.585 (0.294 / 0.912): the rules of stops 16–20
/// carried over to new wording in French far better than in English. The rules were then
/// extended from its misses: in-sample floors again.
#[test]
fn fourth_blind_suite_in_sample_floors() {
    // English at 0.19: 0.968, clean kept 0.938 (at 0.27: 0.974, 0.950).
    in_sample_floors("functional9", [("fr", 0.96, 0.9), ("en", 0.96, 0.9)]);
}

/// A fifth blind suite (tests/fixtures/functional10/, written at stop 21 by someone who had read
/// none of the engine nor the earlier suites; ten families per function) kept untouched: no rule
/// was written from it and no model trained on it, so it keeps measuring how the engine carries
/// to new wording. Its first run, on f6bfd2a: fr 0.732 (abusive acted on 0.572, clean kept
/// 0.912), en 0.550 (0.267 / 0.869). The floors are the latest run (less rounding): a change that
/// loses ground there fails; one that gains should raise them. Stop 26's balanced preset, re-derived
/// at 0.27 (was 0.29): fr 0.750 (0.617 / 0.900), en 0.556 (0.278 / 0.869). Stop 27, English at
/// its own 0.19: en 0.568 (abusive acted on 0.317, clean kept 0.850); 0.544 (0.317 / 0.800) before
/// counter-speech kept the shared threshold, a rule made after reading these misses (so this
/// figure is no longer out of sample for it).
#[test]
fn untouched_blind_suite_does_not_fall_back() {
    floors("functional10", [("fr", 0.75, 0.90), ("en", 0.56, 0.85)], true);
}

/// Accuracy (acted on = abusive) and the share of clean cases left alone, per language.
fn in_sample_floors(suite: &str, floors_by_lang: [(&str, f64, f64); 2]) {
    floors(suite, floors_by_lang, false);
}

/// Fails when a language's accuracy or share of clean cases left alone falls under its floors;
/// `per_function`: also print the accuracy of each function (run with `--nocapture`).
fn floors(suite: &str, floors: [(&str, f64, f64); 2], per_function: bool) {
    let engine = Engine::new(Some(MODEL), None, Settings::default()).unwrap();
    for (lang, floor, clean_floor) in floors {
        let cases = cases(suite, lang);
        let texts: Vec<&str> = cases.iter().map(|c| c["text"].as_str().unwrap()).collect();
        let (verdicts, err) = engine.classify_batch_in(&texts, &vec![Some(lang); texts.len()]);
        assert!(err.is_none());
        let (mut right, mut clean, mut clean_kept) = (0, 0, 0);
        let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (c, v) in cases.iter().zip(&verdicts) {
            let abusive = c["label"] == 1;
            let ok = usize::from((v.action != Action::None) == abusive);
            right += ok;
            if !abusive {
                clean += 1;
                clean_kept += usize::from(v.action == Action::None);
            }
            let e = per.entry(c["function"].as_str().unwrap()).or_default();
            e.0 += ok;
            e.1 += 1;
        }
        if per_function {
            for (function, (r, n)) in per {
                println!("  {suite} {lang} {function:<20} {:.2}", r as f64 / n as f64);
            }
        }
        let (acc, kept) = (right as f64 / cases.len() as f64, clean_kept as f64 / clean as f64);
        println!("{lang}: {suite} accuracy {acc:.3}, clean kept {kept:.3}");
        assert!(
            acc >= floor && kept >= clean_floor,
            "{lang}: {suite} accuracy {acc:.3} (floor {floor}), clean kept {kept:.3} (floor {clean_floor})"
        );
    }
}

/// tests/fixtures/rule_cases11 (stop 25): accusations, incitement and veiled threats aimed at a
/// person, with look-alikes, written blind and measured once on the engine as it stood. Nothing
/// was tuned on its second half (ids 21-40, see models/README.md); these floors are the first
/// run's figures, with the fixes of stop 25 ("tard", "PD"), at stop 26's balanced preset (0.27;
/// at 0.29: fr 0.442 / 0.842, en 0.217 / 0.975): abusive posts acted on, look-alikes left alone.
/// Stop 27, English at its own 0.19: 0.283 / 0.950 (at 0.27: 0.225 / 0.975).
#[test]
fn blind_person_cases_do_not_fall_back() {
    let engine = Engine::new(Some(MODEL), None, Settings::default()).unwrap();
    for (lang, acted_floor, clean_floor) in [("fr", 0.45, 0.82), ("en", 0.28, 0.95)] {
        let cases = cases("rule_cases11", lang);
        let texts: Vec<&str> = cases.iter().map(|c| c["text"].as_str().unwrap()).collect();
        let (verdicts, err) = engine.classify_batch_in(&texts, &vec![Some(lang); texts.len()]);
        assert!(err.is_none());
        let (mut abusive, mut acted, mut clean, mut kept) = (0, 0, 0, 0);
        for (c, v) in cases.iter().zip(&verdicts) {
            if c["label"] == 1 {
                abusive += 1;
                acted += usize::from(v.action != Action::None);
            } else {
                clean += 1;
                kept += usize::from(v.action == Action::None);
            }
        }
        let (acted, kept) = (acted as f64 / abusive as f64, kept as f64 / clean as f64);
        println!("{lang}: rule_cases11 abusive acted on {acted:.3}, look-alikes left alone {kept:.3}");
        assert!(acted >= acted_floor && kept >= clean_floor, "{lang}: acted {acted:.3} (floor {acted_floor}), kept {kept:.3} (floor {clean_floor})");
    }
}
