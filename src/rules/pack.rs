//! Rule packs as data: TOML files (one per language) parsed and checked into `Rule`s.
//! A pack is a list of `[[rule]]` tables; see `rules/fr.toml` for the format.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::category::Category;
use crate::error::Error;

/// Which normalized view a rule reads (see `normalize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    /// Leet, spacing, repeats and SMS forms undone: insults, threats, slurs.
    #[default]
    Full,
    /// Digits and punctuation kept: addresses, phone numbers, e-mails.
    Light,
}

/// What a matching rule does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// Adds evidence for a category.
    Raise(Category),
    /// Counter-speech ("arrêtez de traiter les gens de …"): lowers insult-like scores.
    Dampen,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub category: String,
    pub weight: f32,
    pub pattern: String,
    #[serde(default)]
    pub view: ViewKind,
    /// Patterns that, when they overlap a match, cancel it ("pain bâtard", "mort de rire").
    #[serde(default)]
    pub unless: Vec<String>,
    /// Context that, anywhere in the same text, cancels the rule (a concert's address).
    #[serde(default)]
    pub unless_text: Vec<String>,
    /// Texts the rule must fire on (checked by the tests).
    #[serde(default)]
    pub examples: Vec<String>,
    /// Look-alikes the rule must not fire on (checked by the tests).
    #[serde(default)]
    pub counter_examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    language: String,
    /// Word lists that patterns name as `{NAME}` (see `nouns`).
    #[serde(default)]
    nouns: BTreeMap<String, String>,
    #[serde(rename = "rule", default)]
    rules: Vec<RuleSpec>,
}

/// A parsed pack: its language, its named word lists and checked rule specs.
#[derive(Debug, Clone)]
pub struct Pack {
    pub language: String,
    pub nouns: Vec<(String, String)>,
    pub rules: Vec<RuleSpec>,
}

pub fn effect_of(category: &str) -> Option<Effect> {
    if category == "counter_speech" {
        return Some(Effect::Dampen);
    }
    match Category::from_name(category)? {
        Category::Toxicity | Category::Muted => None,
        c => Some(Effect::Raise(c)),
    }
}

pub fn parse_pack(name: &str, source: &str) -> Result<Pack, Error> {
    let file: PackFile = toml::from_str(source)
        .map_err(|e| Error::Pack { pack: name.to_string(), message: e.to_string() })?;
    for r in &file.rules {
        let bad = |message: String| Error::Rule { rule: r.id.clone(), message };
        if effect_of(&r.category).is_none() {
            return Err(bad(format!("unknown category '{}'", r.category)));
        }
        if !(r.weight > 0.0 && r.weight <= 1.0) {
            return Err(bad(format!("weight {} is not in (0, 1]", r.weight)));
        }
    }
    for list in file.nouns.keys() {
        if list.is_empty() || !list.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
            let message = format!("word list name '{list}' is not in capitals (A-Z, _)");
            return Err(Error::Pack { pack: name.to_string(), message });
        }
    }
    Ok(Pack { language: file.language, nouns: file.nouns.into_iter().collect(), rules: file.rules })
}

/// The packs shipped with Rempart, compiled into the engine so it never fetches rules.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("fr", include_str!("../../rules/fr.toml")),
    ("en", include_str!("../../rules/en.toml")),
    ("fr_group", include_str!("../../rules/fr_group.toml")),
    ("fr_person", include_str!("../../rules/fr_person.toml")),
    ("en_group", include_str!("../../rules/en_group.toml")),
    ("en_person", include_str!("../../rules/en_person.toml")),
    ("common", include_str!("../../rules/common.toml")),
];
