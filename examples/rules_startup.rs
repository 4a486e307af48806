//! Where the built-in rules' start-up time goes (a benchmark, not a test): the whole
//! `RuleSet::builtin()`, then parse and NFA compile of each rule's pattern, costliest first.
//! Usage: cargo run --release --example rules_startup [rounds]
use std::time::Instant;

use rempart::rules::{pack::parse_pack, RuleSet, BUILTIN_PACKS};

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let t = Instant::now();
        let set = RuleSet::builtin().expect("built-in packs");
        best = best.min(t.elapsed().as_secs_f64());
        drop(set);
    }
    println!("RuleSet::builtin(): best of {rounds}: {:.2} ms", best * 1e3);
    let mut toml = f64::INFINITY;
    for _ in 0..rounds {
        let t = Instant::now();
        let packs: Vec<_> = BUILTIN_PACKS.iter().map(|(n, s)| parse_pack(n, s).unwrap()).collect();
        toml = toml.min(t.elapsed().as_secs_f64());
        drop(packs);
    }
    println!("of which reading the packs' TOML: {:.2} ms", toml * 1e3);
    let mut costs = Vec::new();
    let (mut parse_total, mut nfa_total) = (0.0, 0.0);
    let lists = regex::Regex::new(r"\{[A-Z_]+\}").unwrap();
    for (name, src) in BUILTIN_PACKS {
        for spec in parse_pack(name, src).unwrap().rules {
            // A named word list reads as one marker word here, as the engine compiles it.
            let p = lists.replace_all(&spec.pattern, "(?:zqx[a-p]+xqz)").replace(r"\b", r"(?-u:\b)");
            let t = Instant::now();
            let hir = regex_syntax::Parser::new().parse(&p).unwrap();
            let parse = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let nfa = regex_automata::nfa::thompson::Compiler::new().build_from_hir(&hir).unwrap();
            let compile = t.elapsed().as_secs_f64();
            parse_total += parse;
            nfa_total += compile;
            costs.push((parse + compile, parse, compile, nfa.states().len(), p.len(), spec.id));
        }
    }
    println!("per rule, parse {:.2} ms + NFA {:.2} ms in all", parse_total * 1e3, nfa_total * 1e3);
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, parse, compile, states, len, id) in costs.iter().take(40) {
        println!("{:7.3} {:7.3} ms  {states:6} states {len:6} chars  {id}", parse * 1e3, compile * 1e3);
    }
}
