//! Returning harassers: which accounts are probably one person under several handles. Each
//! account is compared with the others on its display name, handle, avatar and writing; a pair
//! is suggested only when two independent kinds of evidence agree (see `score`), with the
//! reasons a person can check. Pure Rust: the CLI (`rempart link`) and the extension share it.

pub mod avatar;
pub mod handles;
pub mod input;
pub mod names;
mod score;
pub mod writing;

use std::collections::BTreeMap;

use serde::Serialize;

pub use avatar::AvatarHash;
pub use input::AccountLine;

/// One account as the matcher sees it.
#[derive(Debug, Clone, Default)]
pub struct Account {
    pub handle: String,
    pub name: String,
    pub texts: Vec<String>,
    pub avatar: Option<AvatarHash>,
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

/// A picture shown by this many accounts, two of which have unrelated names, is a default
/// picture, a flag or a club logo: it says nothing about who is behind them. (Counting only
/// strangers was not enough: a near-homonym makes X's default picture look personal.)
const POPULAR_AVATAR_ACCOUNTS: usize = 3;

/// What is compared, computed once per account.
struct Prepared {
    key: String,
    name: String,
    stem: String,
    avatar: Option<AvatarHash>,
    writing: writing::Profile,
}

/// The accounts to compare, with what the population says (common avatars, common n-grams).
pub struct Matcher<'a> {
    accounts: &'a [Account],
    prepared: Vec<Prepared>,
    /// For each n-gram, in how many accounts (with enough text) it appears.
    gram_accounts: BTreeMap<String, usize>,
    writers: usize,
}

impl<'a> Matcher<'a> {
    pub fn new(accounts: &'a [Account]) -> Matcher<'a> {
        let mut prepared: Vec<Prepared> = accounts
            .iter()
            .map(|a| Prepared {
                key: a.handle.trim().trim_start_matches('@').to_lowercase(),
                name: names::canonical_name(&a.name),
                stem: handles::handle_stem(&a.handle),
                avatar: a.avatar.filter(|h| h.is_informative()),
                writing: writing::Profile::new(&a.texts),
            })
            .collect();
        let popular: Vec<bool> = (0..prepared.len())
            .map(|i| {
                let Some(h) = prepared[i].avatar else { return false };
                let sharing: Vec<&Prepared> =
                    prepared.iter().filter(|q| q.avatar.is_some_and(|o| score::same_avatar(h.distance(o)))).collect();
                sharing.len() >= POPULAR_AVATAR_ACCOUNTS
                    && sharing.iter().enumerate().any(|(k, p)| sharing[k + 1..].iter().any(|q| score::unrelated_identities(p, q)))
            })
            .collect();
        for (p, popular) in prepared.iter_mut().zip(popular) {
            if popular {
                p.avatar = None;
            }
        }
        let mut gram_accounts: BTreeMap<String, usize> = BTreeMap::new();
        let mut writers = 0;
        for p in prepared.iter().filter(|p| p.writing.is_enough()) {
            writers += 1;
            for g in p.writing.grams() {
                *gram_accounts.entry(g.to_string()).or_default() += 1;
            }
        }
        Matcher { accounts, prepared, gram_accounts, writers }
    }

    /// The index of the account with this handle (`@` and case ignored).
    pub fn position(&self, handle: &str) -> Option<usize> {
        let key = handle.trim().trim_start_matches('@').to_lowercase();
        self.prepared.iter().position(|p| p.key == key)
    }

    /// Rarity weight of an n-gram (smoothed inverse document frequency).
    fn rarity(&self, gram: &str) -> f64 {
        let df = self.gram_accounts.get(gram).copied().unwrap_or(0) as f64;
        ((1.0 + self.writers as f64) / (1.0 + df)).ln() + 1.0
    }

    /// The suggestion for accounts `i` and `j`, if the evidence is strong enough.
    pub fn compare(&self, i: usize, j: usize) -> Option<Suggestion> {
        let (p, q) = (&self.prepared[i], &self.prepared[j]);
        if i == j || p.key == q.key || p.key.is_empty() || q.key.is_empty() {
            return None;
        }
        let writing = || p.writing.similarity(&q.writing, |g| self.rarity(g));
        let (score, reasons) = score::judge(p, q, writing)?;
        Some(Suggestion {
            a: self.accounts[i].handle.clone(),
            b: self.accounts[j].handle.clone(),
            score: (score * 1000.0).round() / 1000.0,
            reasons,
        })
    }

    /// Every suggested pair, in input order.
    pub fn all_pairs(&self) -> Vec<Suggestion> {
        let n = self.accounts.len();
        (0..n).flat_map(|i| (i + 1..n).filter_map(move |j| self.compare(i, j))).collect()
    }

    /// The suggestions involving account `i` (a new author against the people already known).
    pub fn pairs_with(&self, i: usize) -> Vec<Suggestion> {
        (0..self.accounts.len()).filter_map(|j| if j < i { self.compare(j, i) } else { self.compare(i, j) }).collect()
    }
}

/// Every pair of `accounts` that is probably one person.
pub fn suggest(accounts: &[Account]) -> Vec<Suggestion> {
    Matcher::new(accounts).all_pairs()
}

#[cfg(test)]
mod tests;
