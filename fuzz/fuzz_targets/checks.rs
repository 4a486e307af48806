//! The properties each fuzz target checks, as plain functions over bytes: the fuzz targets call
//! them under libFuzzer and `tests/fuzz_regressions.rs` replays the kept inputs through them.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use rempart::evidence::dossier::verify_files;
use rempart::normalize::normalize;
use rempart::rules::user::UserRules;
use rempart::{Engine, Settings};

/// Normalization never panics, and every normalized byte maps back inside the original, on
/// character boundaries.
pub fn normalize_maps_back(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let n = normalize(&text);
    for view in [&n.light, &n.full] {
        for (i, _) in view.text.char_indices() {
            let (s, e) = view.original_range(i, i + 1);
            assert!(s <= e && e <= text.len(), "range {s}..{e} outside {}", text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }
}

/// Classifying any text with the built-in rules never panics, and spans stay inside the text.
pub fn rules_classify(data: &[u8]) {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::new(None, None, Settings::default()).unwrap());
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count();
    let verdict = engine.classify(&text);
    for span in &verdict.spans {
        assert!(span.start <= span.end && span.end <= chars);
    }
    assert!((0.0..=1.0).contains(&verdict.score));
}

/// The CLI's JSON Lines input: any bytes give a text or an error message, never a panic.
pub fn jsonl_line(data: &[u8]) {
    if let Err(message) = rempart::jsonl::parse_input_line(data) {
        assert!(!message.is_empty());
    }
}

/// User rules: any muted words and regexes compile or give an error naming the rule; compiled
/// rules then run on a text without panicking. Line 1: words split on ','; line 2: regexes
/// split on U+0001; line 3: the text.
pub fn user_rules_compile(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\n');
    let words: Vec<String> = parts.next().unwrap_or("").split(',').map(str::to_string).collect();
    let regexes: Vec<String> =
        parts.next().map(|r| r.split('\u{1}').map(str::to_string).collect()).unwrap_or_default();
    let haystack = parts.next().unwrap_or("connard salut");
    match UserRules::compile(&words, &regexes) {
        Ok(rules) => {
            let _ = rules.hits(&normalize(haystack));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// The dossier verifier: any set of files judged without panicking, and "ok" exactly when no
/// error is given. Entries are separated by 0xFF; each is "name\0content".
pub fn dossier_verify(data: &[u8]) {
    let mut files = BTreeMap::new();
    for entry in data.split(|&b| b == 0xFF) {
        if let Some(at) = entry.iter().position(|&b| b == 0) {
            let name = String::from_utf8_lossy(&entry[..at]).into_owned();
            files.insert(name, entry[at + 1..].to_vec());
        }
    }
    let report = verify_files(&files);
    assert_eq!(report.ok, report.error.is_none());
}

/// Every check by target name, for the replay test.
pub const ALL: [(&str, fn(&[u8])); 5] = [
    ("normalize", normalize_maps_back),
    ("rules", rules_classify),
    ("jsonl", jsonl_line),
    ("user_rules", user_rules_compile),
    ("dossier", dossier_verify),
];
