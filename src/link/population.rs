//! What the population of compared accounts says about a pair: how rare an n-gram, a writing
//! habit or a target is among them, and whether two accounts' shared posting hours are ones few
//! others keep.

use super::{activity, idiolect, Matcher, Prepared};

/// A target answered by at least 1/this of the accounts with targets is everyone's target.
const COMMON_TARGET_SHARE_INVERSE: f64 = 2.0;

/// Hour-profile cosine of a pair that are "the same hours", and of a third account that posts at
/// them too; the pair's hours are unusual when at most this share of the other accounts with an
/// hour habit (and at least this many to tell) post at them.
const SAME_HOURS: f64 = 0.8;
const HOURS_SHARED: f64 = 0.7;
const UNUSUAL_HOURS_SHARE: f64 = 0.1;
const UNUSUAL_HOURS_MIN_OTHERS: usize = 5;

/// A writing habit is rare when at most this share of the accounts that write (and at least two:
/// the pair) use it. Only rare ones count: "mdr" or "jsuis" are everyone's slang.
const RARE_HABIT_SHARE: f64 = 0.07;
/// Rare habits shown as the reason, the rarest first.
const HABITS_SHOWN: usize = 5;

impl Matcher {
    /// Rarity weight of an n-gram (smoothed inverse document frequency).
    pub(super) fn rarity(&self, gram: &str) -> f64 {
        let df = self.gram_accounts.get(gram).copied().unwrap_or(0) as f64;
        ((1.0 + self.writers as f64) / (1.0 + df)).ln() + 1.0
    }

    /// Rarity weight of a target: the person everyone attacks (often the user) says nothing
    /// about who attacks her; a target few accounts answered does. Cut, not only lowered: the
    /// cosine would make a lone common target a perfect match whatever its weight.
    pub(super) fn target_rarity(&self, target: &str) -> f64 {
        let df = self.target_accounts.get(target).copied().unwrap_or(0) as f64;
        if df * COMMON_TARGET_SHARE_INVERSE >= self.targeters as f64 {
            return 0.0;
        }
        ((1.0 + self.targeters as f64) / (1.0 + df)).ln()
    }

    /// Whether `p` and `q` post at the same hours, as a habit (several days each), and at hours
    /// few other accounts share: evening posters are many, a raid is one evening for everyone.
    pub(super) fn unusual_hours(&self, p: &Prepared, q: &Prepared) -> bool {
        let (a, b) = (&p.activity, &q.activity);
        if !a.has_hour_habit() || !b.has_hour_habit() || !a.hours_similarity(b).is_some_and(|s| s >= SAME_HOURS) {
            return false;
        }
        let others: Vec<&Prepared> =
            self.prepared.iter().filter(|o| o.key != p.key && o.key != q.key && o.activity.has_hour_habit()).collect();
        let alike = |o: &Prepared, x: &activity::Activity| o.activity.hours_similarity(x).is_some_and(|s| s >= HOURS_SHARED);
        let sharing = others.iter().filter(|o| alike(o, a) && alike(o, b)).count();
        others.len() >= UNUSUAL_HOURS_MIN_OTHERS && (sharing as f64) <= UNUSUAL_HOURS_SHARE * others.len() as f64
    }

    /// The writing habits `p` and `q` share that few other accounts use, and how telling they are
    /// together: the sum of their rarity, ln(writers / accounts using it), so that one habit only
    /// the two have says more in a crowd than in a handful. `q_known`: whether `q` is one of the
    /// population (a newcomer is counted as if it were, so that both ways give the same number).
    /// Nothing when either writes too little to have habits.
    pub(super) fn idiolect(&self, p: &Prepared, q: &Prepared, q_known: bool) -> (f64, Vec<String>) {
        if !p.writing.is_enough() || !q.writing.is_enough() {
            return (0.0, Vec::new());
        }
        let writers = (self.writers + usize::from(!q_known)) as f64;
        let most = 2.0f64.max((RARE_HABIT_SHARE * writers).floor());
        let mut shared: Vec<(f64, &str)> = p
            .habits
            .iter()
            .filter(|h| q.habits.contains(h))
            .map(|h| (self.habit_accounts.get(h).copied().unwrap_or(0) + usize::from(!q_known), h))
            .filter(|&(df, _)| df as f64 <= most)
            .map(|(df, h)| ((writers / df as f64).ln(), h))
            .collect();
        let total = shared.iter().map(|(w, _)| w).sum();
        shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
        // One habit is shown once: "Mdr." as written, not also "mdr".
        let mut shown: Vec<&str> = Vec::new();
        for (_, h) in &shared {
            let h = idiolect::shown(h);
            if shown.len() < HABITS_SHOWN && !shown.iter().any(|s| idiolect::same_word(s, h)) {
                shown.push(h);
            }
        }
        (total, shown.into_iter().map(String::from).collect())
    }
}
