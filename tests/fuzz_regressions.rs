//! Replays the inputs the fuzzers found (tests/fixtures/fuzz/<target>/*) through the very checks
//! the fuzz targets run (fuzz/fuzz_targets/checks.rs), so a fixed crash stays fixed on stable Rust.
#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::fs;
use std::path::Path;

#[test]
fn every_kept_fuzz_input_passes_its_target_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for (target, check) in checks::ALL {
        let dir = root.join(target);
        let mut inputs: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "no kept inputs for {target}");
        for path in inputs {
            let data = fs::read(&path).unwrap();
            // A panic names the input: replay it with `cargo +nightly fuzz run <target> <path>`.
            eprintln!("{target}: {}", path.display());
            check(&data);
        }
    }
}
