//! libFuzzer's -timeout counts whole seconds; the budget here is 100 ms per input, so each
//! target times its own runs and keeps any slower input in fuzz/artifacts/<target>/slow-*.
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::{Duration, Instant};

pub const BUDGET: Duration = Duration::from_millis(100);

pub fn timed(target: &str, data: &[u8], check: fn(&[u8])) {
    let start = Instant::now();
    check(data);
    let elapsed = start.elapsed();
    if elapsed > BUDGET {
        let mut hasher = DefaultHasher::new();
        data.hash(&mut hasher);
        let dir = format!("{}/artifacts/{target}", env!("CARGO_MANIFEST_DIR"));
        let path = format!("{dir}/slow-{:016x}", hasher.finish());
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(&path, data);
        eprintln!("SLOW INPUT: {} ms, {} bytes, kept in {path}", elapsed.as_millis(), data.len());
    }
}
