//! Times fuzz inputs through the fuzz targets' own checks in a plain release build (no coverage
//! instrumentation, which slows the fuzzer's runs several times): `fuzz/run.sh` uses it to tell a
//! truly slow input (over 100 ms) from one slowed by instrumentation or a busy machine.
//! Usage: cargo run --release --example fuzz_replay -- <target> <file>...
#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().expect("usage: fuzz_replay <target> <file>...");
    let (_, check) = checks::ALL.iter().find(|(name, _)| *name == target).expect("unknown target");
    let (mut slowest, mut over, mut count) = (Duration::ZERO, 0, 0);
    for path in args {
        let data = std::fs::read(&path).unwrap();
        check(&data); // warm-up: the first call builds the engine once
        // Best of three: what the code costs, not what the machine's neighbours cost.
        let took = (0..3)
            .map(|_| {
                let start = Instant::now();
                check(&data);
                start.elapsed()
            })
            .min()
            .unwrap();
        count += 1;
        slowest = slowest.max(took);
        if took > Duration::from_millis(100) {
            over += 1;
            println!("over 100 ms: {path} ({} ms)", took.as_millis());
        }
    }
    println!("{target}: {count} inputs replayed, slowest {:.1} ms, {over} over 100 ms", slowest.as_secs_f64() * 1e3);
    std::process::exit(if over > 0 { 1 } else { 0 });
}
