//! Normalization never panics, and every normalized byte maps back inside the original, on
//! character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = rempart::normalize::normalize(&text);
    for view in [&n.light, &n.full] {
        for (i, _) in view.text.char_indices() {
            let (s, e) = view.original_range(i, i + 1);
            assert!(s <= e && e <= text.len(), "range {s}..{e} outside {}", text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }
});
