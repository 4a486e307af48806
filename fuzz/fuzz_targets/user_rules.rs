//! Fuzz target `user_rules`: the property is `checks::user_rules_compile`; inputs over 100 ms are kept (slow.rs).
#![no_main]
#[allow(dead_code)]
mod checks;
mod slow;

libfuzzer_sys::fuzz_target!(|data: &[u8]| slow::timed("user_rules", data, checks::user_rules_compile));
