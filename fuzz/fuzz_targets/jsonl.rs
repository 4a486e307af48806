//! Fuzz target `jsonl`: the property is `checks::jsonl_line`; inputs over 100 ms are kept (slow.rs).
#![no_main]
#[allow(dead_code)]
mod checks;
mod slow;

libfuzzer_sys::fuzz_target!(|data: &[u8]| slow::timed("jsonl", data, checks::jsonl_line));
