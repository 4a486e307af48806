//! Writes rules/gates.tsv, the built-in rules' gates (see src/rules/gate.rs), and prints what
//! each rule got. Run after changing a built-in pack: `cargo run --release --example write_gates`.
fn main() {
    let text = rempart::rules::gate::builtin_gates_file();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/gates.tsv");
    std::fs::write(path, &text).expect("write rules/gates.tsv");
    let gated = text.lines().filter(|l| !l.starts_with('#')).count();
    println!("wrote {path}: {gated} gates, {} characters", text.len());
}
