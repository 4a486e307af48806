//! Fuzz target `normalize`: the property is `checks::normalize_maps_back`; inputs over 100 ms are kept (slow.rs).
#![no_main]
#[allow(dead_code)]
mod checks;
mod slow;

libfuzzer_sys::fuzz_target!(|data: &[u8]| slow::timed("normalize", data, checks::normalize_maps_back));
