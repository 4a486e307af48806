//! The built-in rules with and without their gates (a benchmark, not a test): build time, then
//! the first and a second pass over the first N tweets of a corpus, and how many rules' full
//! patterns those passes compiled. Usage: cargo run --release --example rules_first_pass CORPUS.jsonl [N]
use std::time::Instant;
use rempart::normalize::normalize;
use rempart::rules::{pack::parse_pack, Pack, RuleSet, BUILTIN_PACKS};
fn main() {
    let path = std::env::args().nth(1).expect("usage: rules_first_pass CORPUS.jsonl [N]");
    let n: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let texts: Vec<String> = std::fs::read_to_string(path).expect("corpus").lines().take(n)
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string()).collect();
    let packs: Vec<Pack> = BUILTIN_PACKS.iter().map(|(n, s)| parse_pack(n, s).unwrap()).collect();
    for (name, user) in [("ungated", true), ("gated", false)] {
        let t = Instant::now();
        let set = if user { RuleSet::from_packs(&packs).unwrap() } else { RuleSet::from_builtin_packs(&packs).unwrap() };
        let built = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let mut hits = 0;
        for text in &texts { hits += set.hits(&normalize(text)).len(); }
        let first = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        for text in &texts { hits += set.hits(&normalize(text)).len(); }
        let again = t.elapsed().as_secs_f64() * 1e3;
        println!("{name}: build {built:.1} ms, first pass over {n}: {first:.1} ms, again {again:.1} ms, compiled rules {} ({hits})", set.compiled_count());
    }
}
