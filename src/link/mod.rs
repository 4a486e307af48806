//! Returning harassers: which accounts are probably one person under several handles. Each
//! account is compared with the others on its display name, handle, avatar and writing; a pair
//! is suggested only when two independent kinds of evidence agree, or one does and the accounts'
//! behaviour (same targets or hours, one taking over when the other went quiet) supports it
//! (see `score`), with the reasons a person can check. Pure Rust: the CLI (`rempart link`) and the extension share it.

pub mod activity;
pub mod avatar;
pub mod handles;
pub mod idiolect;
pub mod input;
pub mod names;
pub mod parody;
mod population;
mod prepared;
mod score;
pub mod writing;

use std::collections::BTreeMap;

use serde::Serialize;

pub use avatar::AvatarHash;
use prepared::{newcomer_picture_is_popular, popular_pictures, prepare, Prepared};
pub use input::AccountLine;

/// One account as the matcher sees it.
#[derive(Debug, Clone, Default)]
pub struct Account {
    pub handle: String,
    pub name: String,
    pub texts: Vec<String>,
    pub avatar: Option<AvatarHash>,
    /// When its posts were made, seconds since 1970 (UTC).
    pub times: Vec<i64>,
    /// Handles its posts answered or mentioned.
    pub targets: Vec<String>,
}

/// A pair the matcher would suggest as the same person (`rempart link`'s output line).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub a: String,
    pub b: String,
    /// 0..1, rounded to 3 decimals so every build prints the same number.
    pub score: f64,
    pub reasons: Vec<String>,
}

/// The accounts to compare, with what the population says (common avatars, common n-grams).
/// It owns what it needs, so the extension keeps one built over the locker's known authors and
/// compares each newcomer with it (`against`) without preparing the known accounts again.
pub struct Matcher {
    handles: Vec<String>,
    prepared: Vec<Prepared>,
    /// Each account's informative avatar before popular pictures were dropped (for newcomers).
    pictures: Vec<Option<AvatarHash>>,
    /// Each account's group among the accounts showing its picture (`picture_groups`).
    picture_groups: Vec<usize>,
    /// For each n-gram, in how many accounts (with enough text) it appears.
    gram_accounts: BTreeMap<String, usize>,
    /// For each writing habit (`idiolect`), in how many of those accounts it appears.
    habit_accounts: BTreeMap<String, usize>,
    writers: usize,
    /// For each target, how many accounts answered it, and how many accounts have targets.
    target_accounts: BTreeMap<String, usize>,
    targeters: usize,
}

impl Matcher {
    pub fn new(accounts: &[Account]) -> Matcher {
        let mut prepared: Vec<Prepared> = accounts.iter().map(prepare).collect();
        let pictures: Vec<Option<AvatarHash>> = prepared.iter().map(|p| p.avatar).collect();
        let sharing: Vec<Vec<usize>> = pictures
            .iter()
            .map(|h| match h {
                Some(h) => (0..pictures.len()).filter(|&j| pictures[j].is_some_and(|o| score::same_avatar(h.distance(o)))).collect(),
                None => Vec::new(),
            })
            .collect();
        let (popular, groups) = popular_pictures(&prepared, &sharing);
        for (p, popular) in prepared.iter_mut().zip(popular) {
            if popular {
                p.avatar = None;
            }
        }
        let mut gram_accounts: BTreeMap<String, usize> = BTreeMap::new();
        let mut habit_accounts: BTreeMap<String, usize> = BTreeMap::new();
        let mut writers = 0;
        for p in prepared.iter().filter(|p| p.writing.is_enough()) {
            writers += 1;
            for g in p.writing.grams() {
                *gram_accounts.entry(g.to_string()).or_default() += 1;
            }
            for h in p.habits.iter() {
                *habit_accounts.entry(h.to_string()).or_default() += 1;
            }
        }
        let mut target_accounts: BTreeMap<String, usize> = BTreeMap::new();
        let mut targeters = 0;
        for p in prepared.iter().filter(|p| !p.activity.targets.is_empty()) {
            targeters += 1;
            for t in &p.activity.targets {
                *target_accounts.entry(t.clone()).or_default() += 1;
            }
        }
        Matcher { handles: accounts.iter().map(|a| a.handle.clone()).collect(), prepared, pictures, picture_groups: groups, gram_accounts, habit_accounts, writers, target_accounts, targeters }
    }

    /// The index of the account with this handle (`@` and case ignored).
    pub fn position(&self, handle: &str) -> Option<usize> {
        let key = handle.trim().trim_start_matches('@').to_lowercase();
        self.prepared.iter().position(|p| p.key == key)
    }

    /// The suggestion for accounts `i` and `j`, if the evidence is strong enough.
    pub fn compare(&self, i: usize, j: usize) -> Option<Suggestion> {
        if i == j {
            return None;
        }
        self.judge(&self.prepared[i], &self.prepared[j], &self.handles[i], &self.handles[j], true)
    }

    /// `q_known`: whether `q` is one of the accounts (not a newcomer).
    fn judge(&self, p: &Prepared, q: &Prepared, a: &str, b: &str, q_known: bool) -> Option<Suggestion> {
        if p.key == q.key || p.key.is_empty() || q.key.is_empty() {
            return None;
        }
        let writing = || p.writing.similarity(&q.writing, |g| self.rarity(g));
        let unusual_hours = || self.unusual_hours(p, q);
        let idiolect = || self.idiolect(p, q, q_known);
        let targets = p.activity.targets_similarity(&q.activity, [&p.key, &q.key], |t| self.target_rarity(t));
        let (score, reasons) = score::judge(p, q, targets, score::Lazy { writing, unusual_hours, idiolect })?;
        Some(Suggestion { a: a.to_string(), b: b.to_string(), score: (score * 1000.0).round() / 1000.0, reasons })
    }

    /// The accounts `newcomer` probably is, best first (`a`: the known handle, `b`: the newcomer's).
    /// Nothing when the newcomer is itself one of the accounts. The known accounts' population
    /// (rarity of n-grams, popular pictures) is the one measured at `new`, the newcomer joining
    /// it only for its own picture: one newcomer costs one pass over the accounts, not a rebuild.
    pub fn against(&self, newcomer: &Account) -> Vec<Suggestion> {
        let mut q = prepare(newcomer);
        if self.position(&q.key).is_some() {
            return Vec::new();
        }
        if let Some(h) = q.avatar {
            let sharing: Vec<usize> = (0..self.prepared.len()).filter(|&i| self.pictures[i].is_some_and(|o| score::same_avatar(h.distance(o)))).collect();
            if newcomer_picture_is_popular(&self.prepared, &self.picture_groups, &sharing, &q) {
                q.avatar = None;
            }
        }
        let mut out: Vec<Suggestion> = (0..self.prepared.len())
            .filter_map(|i| self.judge(&self.prepared[i], &q, &self.handles[i], &newcomer.handle, false))
            .collect();
        out.sort_by(|x, y| y.score.total_cmp(&x.score));
        out
    }

    /// How many accounts it holds.
    pub fn len(&self) -> usize {
        self.handles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.handles.is_empty()
    }

    /// Every suggested pair, in input order.
    pub fn all_pairs(&self) -> Vec<Suggestion> {
        let n = self.handles.len();
        (0..n).flat_map(|i| (i + 1..n).filter_map(move |j| self.compare(i, j))).collect()
    }

    /// The suggestions involving account `i` (a new author against the people already known).
    pub fn pairs_with(&self, i: usize) -> Vec<Suggestion> {
        (0..self.handles.len()).filter_map(|j| if j < i { self.compare(j, i) } else { self.compare(i, j) }).collect()
    }
}

/// Every pair of `accounts` that is probably one person.
pub fn suggest(accounts: &[Account]) -> Vec<Suggestion> {
    Matcher::new(accounts).all_pairs()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod behaviour_tests;
#[cfg(test)]
mod combined_tests;
#[cfg(test)]
mod rename_tests;
#[cfg(test)]
mod return_tests;
