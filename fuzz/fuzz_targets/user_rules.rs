//! User rules: any muted words and regexes compile or give an error naming the rule; compiled
//! rules then run on a text without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rempart::normalize::normalize;
use rempart::rules::user::UserRules;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\n');
    let words: Vec<String> = parts.next().unwrap_or("").split(',').map(str::to_string).collect();
    let regexes: Vec<String> = parts.next().map(|r| r.split('\u{1}').map(str::to_string).collect()).unwrap_or_default();
    let haystack = parts.next().unwrap_or("connard salut");
    match UserRules::compile(&words, &regexes) {
        Ok(rules) => {
            let _ = rules.hits(&normalize(haystack));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
