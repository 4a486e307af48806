//! Fuzz target `rules`: the property is `checks::rules_classify`; inputs over 100 ms are kept (slow.rs).
#![no_main]
#[allow(dead_code)]
mod checks;
mod slow;

libfuzzer_sys::fuzz_target!(|data: &[u8]| slow::timed("rules", data, checks::rules_classify));
