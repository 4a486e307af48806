//! The CLI's JSON Lines input: any bytes give a text or an error message, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(message) = rempart::jsonl::parse_input_line(data) {
        assert!(!message.is_empty());
    }
});
