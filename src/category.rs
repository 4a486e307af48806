//! The one category vocabulary shared by rules, model, settings, UI, evidence and tests.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Insult,
    Threat,
    IdentityAttack,
    SexualHarassment,
    Doxxing,
    SelfHarm,
    Defamation,
    Profanity,
    /// Overall toxicity: the model's own judgement (rules feed the named categories only), so
    /// raising one category's threshold is not undone through this one.
    Toxicity,
    /// The user's own muted words and regexes.
    Muted,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Insult,
        Category::Threat,
        Category::IdentityAttack,
        Category::SexualHarassment,
        Category::Doxxing,
        Category::SelfHarm,
        Category::Defamation,
        Category::Profanity,
        Category::Toxicity,
        Category::Muted,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Insult => "insult",
            Category::Threat => "threat",
            Category::IdentityAttack => "identity_attack",
            Category::SexualHarassment => "sexual_harassment",
            Category::Doxxing => "doxxing",
            Category::SelfHarm => "self_harm",
            Category::Defamation => "defamation",
            Category::Profanity => "profanity",
            Category::Toxicity => "toxicity",
            Category::Muted => "muted",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Categories a target may need to see to stay safe: flagged visibly by default, and a
    /// flag on them keeps the tweet readable even when another category would blur it.
    pub fn is_safety(self) -> bool {
        matches!(self, Category::Threat | Category::Doxxing)
    }
}

/// One score per category, indexed by `Category::index`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores(pub [f32; Category::ALL.len()]);

impl Scores {
    pub fn get(&self, c: Category) -> f32 {
        self.0[c.index()]
    }
    pub fn set(&mut self, c: Category, v: f32) {
        self.0[c.index()] = v;
    }
    pub fn iter(&self) -> impl Iterator<Item = (Category, f32)> + '_ {
        Category::ALL.into_iter().map(|c| (c, self.get(c)))
    }
}

impl Serialize for Scores {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(Category::ALL.len()))?;
        for (c, v) in self.iter() {
            map.serialize_entry(c.name(), &v)?;
        }
        map.end()
    }
}
