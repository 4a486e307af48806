//! Fuzz target `dossier`: the property is `checks::dossier_verify`; inputs over 100 ms are kept (slow.rs).
#![no_main]
#[allow(dead_code)]
mod checks;
mod slow;

libfuzzer_sys::fuzz_target!(|data: &[u8]| slow::timed("dossier", data, checks::dossier_verify));
