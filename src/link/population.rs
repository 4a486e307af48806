//! What the population of compared accounts says about a pair: how rare an n-gram or a target is
//! among them, and whether two accounts' shared posting hours are ones few others keep.

use super::{activity, Matcher, Prepared};

/// A target answered by at least 1/this of the accounts with targets is everyone's target.
const COMMON_TARGET_SHARE_INVERSE: f64 = 2.0;

/// Hour-profile cosine of a pair that are "the same hours", and of a third account that posts at
/// them too; the pair's hours are unusual when at most this share of the other accounts with an
/// hour habit (and at least this many to tell) post at them.
const SAME_HOURS: f64 = 0.8;
const HOURS_SHARED: f64 = 0.7;
const UNUSUAL_HOURS_SHARE: f64 = 0.1;
const UNUSUAL_HOURS_MIN_OTHERS: usize = 5;

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
}
