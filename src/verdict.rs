//! Verdict: rule hits, user-rule hits and model scores combined into per-category scores, and
//! the user's settings turned into one action with the categories and spans that explain it.

use serde::Serialize;

use crate::category::{Category, Scores};
use crate::rules::user::UserHit;
use crate::rules::{Effect, Hit, RuleSet};
use crate::settings::{Action, Settings};

/// A matched span, in Unicode code points of the original text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub rule: String,
    /// The original text of the span, for overlays and explanations.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// Overall score, 0..1: the highest category score that can act.
    pub score: f32,
    pub action: Action,
    /// Categories whose score reached their threshold and whose action is not `none`.
    pub acted: Vec<Category>,
    pub categories: Scores,
    /// Categories where a rule matched (the rest come from the model alone).
    pub rule_backed: Vec<Category>,
    pub rules: Vec<String>,
    pub spans: Vec<Span>,
    /// Whether a model contributed (false: rules only).
    pub model: bool,
    /// One line, in English, for logs and the CLI; the extension words its own from `acted`.
    pub reason: String,
    /// Whether a counter-speech rule matched (the text reports or condemns abuse).
    #[serde(skip)]
    pub counter_speech: bool,
}

/// How much counter-speech ("stop calling people X") lowers the insult-like categories.
const DAMPENED: [Category; 6] = [
    Category::Toxicity,
    Category::Insult,
    Category::IdentityAttack,
    Category::Profanity,
    Category::Defamation,
    Category::SexualHarassment,
];

/// Categories where a matching rule is the decision and the model only adds to it.
const RULE_LED: [Category; 3] = [Category::Threat, Category::Doxxing, Category::SelfHarm];

fn noisy_or(a: f32, b: f32) -> f32 {
    1.0 - (1.0 - a) * (1.0 - b)
}

/// Per-category scores from rules, user rules and (optionally) the model, and the categories
/// where a rule (not only the model) found something.
pub fn score(rules: &RuleSet, hits: &[Hit], user_hits: &[UserHit], model: Option<&Scores>) -> (Scores, Vec<Category>) {
    // Words quoted in counter-speech ("someone replied 'kys', report them") are reported, not
    // addressed to the reader: they count far less, whatever their category.
    let has_counter_speech = hits.iter().any(|h| rules.rules[h.rule].effect == Effect::Dampen);
    // Per category, hits that overlap count once (the strongest): "idiot" in the French and
    // the English pack is one piece of evidence, not two.
    let mut accepted: Vec<(Category, usize, usize)> = Vec::new();
    let mut rule_scores = Scores::default();
    let mut dampen: f32 = 0.0;
    let mut order: Vec<&Hit> = hits.iter().collect();
    order.sort_by(|a, b| rules.rules[b.rule].weight.total_cmp(&rules.rules[a.rule].weight));
    let mut counted: Vec<usize> = Vec::new();
    for h in order {
        let rule = &rules.rules[h.rule];
        match rule.effect {
            Effect::Raise(c) => {
                let overlaps = accepted.iter().any(|&(ac, s, e)| ac == c && h.start < e && s < h.end);
                if overlaps || counted.contains(&h.rule) {
                    continue;
                }
                accepted.push((c, h.start, h.end));
                counted.push(h.rule);
                let weight = if h.quoted && has_counter_speech { rule.weight * 0.3 } else { rule.weight };
                rule_scores.set(c, noisy_or(rule_scores.get(c), weight));
            }
            Effect::Dampen => dampen = dampen.max(rule.weight),
        }
    }
    let mut out = rule_scores;
    if let Some(m) = model {
        for c in Category::ALL {
            let (r, p) = (rule_scores.get(c), m.get(c));
            let combined = if RULE_LED.contains(&c) && r > 0.0 { r.max(p) } else { noisy_or(r, p) };
            out.set(c, combined);
        }
    }
    // Strong enough that condemning an insult stays under the balanced preset (0.27) even when
    // the insult itself is certain: ×0.264 for the usual counter-speech rule (weight 0.8).
    for c in DAMPENED {
        out.set(c, out.get(c) * (1.0 - 0.92 * dampen));
    }
    if !user_hits.is_empty() {
        out.set(Category::Muted, 1.0);
    }
    let rule_backed = Category::ALL.into_iter().filter(|&c| rule_scores.get(c) > 0.0).collect();
    (out, rule_backed)
}

/// The score from which category `c` acts in a post of language `lang`. The counter-speech
/// discounts (×0.3 for a quoted hit, the dampening) were set so that a certain insult reported to
/// condemn it lands under the shared threshold; a language's lower bar (English balanced 0.19)
/// would undo them, so a post where a counter-speech rule matched keeps the higher of the two.
pub fn threshold_for(settings: &Settings, c: Category, lang: Option<&str>, counter_speech: bool) -> f32 {
    let threshold = settings.threshold_in(c, lang);
    if counter_speech {
        threshold.max(settings.threshold_in(c, None))
    } else {
        threshold
    }
}

/// The action the settings give for these scores in a post of language `lang` (X's tag, when
/// known), and the categories that decided it. `counter_speech`: a counter-speech rule matched.
pub fn decide(
    scores: &Scores,
    rule_backed: &[Category],
    settings: &Settings,
    lang: Option<&str>,
    counter_speech: bool,
) -> (Action, Vec<Category>, f32) {
    if !settings.enabled {
        return (Action::None, Vec::new(), 0.0);
    }
    let mut acted = Vec::new();
    let mut action = Action::None;
    let mut overall: f32 = 0.0;
    let mut safety_flag = false;
    for (c, v) in scores.iter() {
        let a = settings.action(c);
        if a == Action::None {
            continue;
        }
        overall = overall.max(v);
        if v >= threshold_for(settings, c, lang, counter_speech) {
            acted.push(c);
            action = action.max(a);
            // Only a threat a rule found keeps the tweet readable: the model's vaguer "threat"
            // (it also fires on "kys") must not unblur an insult.
            safety_flag |= c.is_safety() && a == Action::Flag && rule_backed.contains(&c);
        }
    }
    // A threat or doxxing flagged for visibility must stay readable, whatever else matched.
    if safety_flag {
        action = Action::Flag;
    }
    // "toxicity" only adds information when no named category acted.
    if acted.len() > 1 {
        acted.retain(|&c| c != Category::Toxicity);
    }
    (action, acted, overall)
}

/// Spans kept in a verdict, first in the text first. They explain; the scores count every hit.
/// A hostile text with thousands of hits ("fdp fdp …" × 6,000) would otherwise spend most of its
/// time building and handing over spans nobody reads (14 ms of wasm for one 25,000-char tweet).
pub const MAX_SPANS: usize = 256;

/// Code-point offsets of sorted byte offsets of `text`, in one pass over it (a hostile text
/// can have thousands of spans).
fn char_offsets(text: &str, sorted_bytes: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted_bytes.len());
    let mut chars = text.char_indices().map(|(i, _)| i).enumerate().peekable();
    let mut count = 0;
    for &byte in sorted_bytes {
        while let Some(&(n, i)) = chars.peek() {
            if i >= byte {
                break;
            }
            count = n + 1;
            chars.next();
        }
        out.push(count);
    }
    out
}

pub fn build(
    text: &str,
    rules: &RuleSet,
    hits: &[Hit],
    user_hits: &[UserHit],
    model: Option<&Scores>,
    settings: &Settings,
    lang: Option<&str>,
) -> Verdict {
    let (scores, rule_backed) = score(rules, hits, user_hits, model);
    let counter_speech = hits.iter().any(|h| rules.rules[h.rule].effect == Effect::Dampen);
    let (action, acted, overall) = decide(&scores, &rule_backed, settings, lang, counter_speech);
    let mut ids: Vec<&str> = Vec::new();
    let mut dampening: Vec<&str> = Vec::new();
    // Byte spans first, each (place, rule) once, in hit order; code points at the end.
    let mut seen = std::collections::HashSet::new();
    let mut raw: Vec<(usize, usize, Category, &str)> = Vec::new();
    let raised = hits.iter().filter_map(|h| {
        let rule = &rules.rules[h.rule];
        match rule.effect {
            Effect::Raise(c) => Some((h.start, h.end, c, rule.id.as_str())),
            Effect::Dampen => {
                dampening.push(&rule.id);
                None
            }
        }
    });
    let user = user_hits.iter().map(|h| (h.start, h.end, Category::Muted, h.rule.as_str()));
    for (start, end, category, rule) in raised.collect::<Vec<_>>().into_iter().chain(user) {
        if !ids.contains(&rule) {
            ids.push(rule);
        }
        if seen.insert((start, end, rule)) {
            raw.push((start, end, category, rule));
        }
    }
    for id in dampening {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    raw.sort_by_key(|r| (r.0, r.1));
    raw.truncate(MAX_SPANS);
    let mut bytes: Vec<usize> = raw.iter().flat_map(|r| [r.0, r.1]).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let chars = char_offsets(text, &bytes);
    let char_at = |b: usize| bytes.binary_search(&b).map_or(0, |k| chars[k]);
    let spans: Vec<Span> = raw
        .iter()
        .map(|&(start, end, category, rule)| Span {
            start: char_at(start),
            end: char_at(end),
            category,
            rule: rule.to_string(),
            text: text.get(start..end).unwrap_or_default().to_string(),
        })
        .collect();
    let ids: Vec<String> = ids.into_iter().map(str::to_string).collect();
    let reason = reason(action, &acted, &spans);
    Verdict {
        score: overall,
        action,
        acted,
        categories: scores,
        rule_backed,
        rules: ids,
        spans,
        model: model.is_some(),
        reason,
        counter_speech,
    }
}

fn reason(action: Action, acted: &[Category], spans: &[Span]) -> String {
    if action == Action::None {
        return "nothing to act on".to_string();
    }
    let cats: Vec<&str> = acted.iter().map(|c| c.name()).collect();
    let words: Vec<&str> = spans
        .iter()
        .filter(|s| acted.contains(&s.category))
        .map(|s| s.text.as_str())
        .take(3)
        .collect();
    if words.is_empty() {
        format!("{}: {}", action.name(), cats.join(", "))
    } else {
        format!("{}: {} (\"{}\")", action.name(), cats.join(", "), words.join("\", \""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn verdict_with_model(text: &str, model: &Scores) -> Verdict {
        let rules = RuleSet::builtin().unwrap();
        let hits = rules.hits(&normalize(text));
        build(text, &rules, &hits, &[], Some(model), &Settings::default(), None)
    }

    #[test]
    fn a_model_only_threat_does_not_unblur_an_insult() {
        let mut model = Scores::default();
        model.set(Category::Threat, 0.9);
        let v = verdict_with_model("t'es qu'un connard", &model);
        assert_eq!(v.action, Action::Blur, "{v:?}");
        assert!(v.acted.contains(&Category::Threat));
        let v = verdict_with_model("connard, je vais te tuer", &model);
        assert_eq!(v.action, Action::Flag, "a threat a rule found stays readable");
    }

    #[test]
    fn model_and_rules_combine_and_counter_speech_lowers_toxicity() {
        let mut model = Scores::default();
        model.set(Category::Insult, 0.5);
        model.set(Category::Toxicity, 0.6);
        let v = verdict_with_model("quel connard", &model);
        assert!((v.categories.get(Category::Insult) - (1.0 - 0.25 * 0.5)).abs() < 1e-5);
        let v = verdict_with_model("arrêtez de traiter les gens de connard", &model);
        assert!(v.categories.get(Category::Toxicity) < 0.6 * 0.6);
        assert_eq!(v.action, Action::None, "{v:?}");
    }
}
