//! Classifying any text with the built-in rules never panics, and spans stay inside the text.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rempart::{Engine, Settings};

static ENGINE: OnceLock<Engine> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let engine = ENGINE.get_or_init(|| Engine::new(None, None, Settings::default()).unwrap());
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count();
    let v = engine.classify(&text);
    for s in &v.spans {
        assert!(s.start <= s.end && s.end <= chars);
    }
    assert!((0.0..=1.0).contains(&v.score));
});
