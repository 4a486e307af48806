//! The dossier verifier: any set of files (split from the input) is judged without panicking.
#![no_main]
use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use rempart::evidence::dossier::verify_files;

fuzz_target!(|data: &[u8]| {
    // Entries separated by 0xFF; each is "name\0content". Seed files give a valid dossier.
    let mut files = BTreeMap::new();
    for entry in data.split(|&b| b == 0xFF) {
        if let Some(at) = entry.iter().position(|&b| b == 0) {
            let name = String::from_utf8_lossy(&entry[..at]).into_owned();
            files.insert(name, entry[at + 1..].to_vec());
        }
    }
    let report = verify_files(&files);
    assert_eq!(report.ok, report.error.is_none());
});
