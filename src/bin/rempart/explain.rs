//! `rempart explain "text"`: what the engine saw and why it decided, for people.

use rempart::normalize::normalize;

use crate::cli::{engine, EngineArgs};

pub fn explain(o: &EngineArgs, text: &str, lang: Option<&str>) -> Result<i32, String> {
    if text.is_empty() {
        return Err("explain needs a text".into());
    }
    let engine = engine(o)?;
    let n = normalize(text);
    let v = engine.classify_batch_in(&[text], &[lang]).0.remove(0);
    println!("text:        {text}");
    println!("normalized:  {}", n.full.text);
    if n.light.text != n.full.text {
        println!("light view:  {}", n.light.text);
    }
    match engine.model() {
        Some(m) => println!("model:       {}", m.description),
        None => println!("model:       none (rules only)"),
    }
    println!("action:      {} ({})", v.action.name(), v.reason);
    println!("rules:");
    if v.rules.is_empty() {
        println!("  (none matched)");
    }
    for s in &v.spans {
        let chars: Vec<char> = text.chars().collect();
        let before: String = chars[..s.start].iter().collect();
        let inside: String = chars[s.start..s.end].iter().collect();
        let after: String = chars[s.end..].iter().collect();
        println!("  {:<28} {:<18} {before}[{inside}]{after}", s.rule, s.category.name());
    }
    for r in v.rules.iter().filter(|r| !v.spans.iter().any(|s| &s.rule == *r)) {
        println!("  {r:<28} (counter-speech: lowers insult-like scores)");
    }
    println!("scores:");
    // The engine's own thresholds: a post that reports abuse keeps the shared one in every language.
    let thresholds = engine.thresholds(&v, lang);
    for (c, score) in v.categories.iter() {
        let threshold = thresholds.iter().find(|(k, _)| *k == c).map_or(f32::NAN, |&(_, t)| t); // every category is there
        let acted = if v.acted.contains(&c) { "  ← acts" } else { "" };
        println!("  {:<18} {score:.3}  (threshold {threshold:.3}, {}){acted}", c.name(), engine.settings().action(c).name());
    }
    Ok(0)
}
