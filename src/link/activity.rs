//! An account's behaviour: when it posts (`times`) and whom it answers or attacks (`targets`).
//! Supporting evidence only (see `score`): a pile-on shares targets and hours between different
//! people, so these never link two accounts on their own. What tells a returning account from a
//! fellow raider is succession: the new account starts when the old one went quiet.

use std::collections::BTreeSet;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

const DAY: i64 = 86_400;
/// Hour profiles need this many posts on each side to mean anything.
pub const MIN_POSTS_FOR_HOURS: usize = 3;
/// Posts on this many different days make the hours a habit, not the time of one raid.
pub const MIN_DAYS_FOR_HABIT: usize = 3;

/// What is compared of an account's activity, computed once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activity {
    /// First and last post, seconds since 1970 (UTC).
    pub span: Option<(i64, i64)>,
    /// Posts per UTC hour of day (the same person posts from the same place).
    hours: [f64; 24],
    posts: usize,
    /// On how many different UTC days it posted.
    days: usize,
    /// Handles answered or mentioned, lower case, without `@`.
    pub targets: BTreeSet<String>,
}

/// Seconds since 1970 of an RFC 3339 timestamp (the ISO-8601 form X's `datetime` carries:
/// `2024-05-01T18:30:00.000Z`, or with an offset `+02:00`), read by the `time` crate. Anything
/// else is refused with a message that says what was expected.
pub fn parse_time(s: &str) -> Result<i64, String> {
    OffsetDateTime::parse(s.trim(), &Rfc3339)
        .map(OffsetDateTime::unix_timestamp)
        .map_err(|_| format!("time {s:?} is not an ISO-8601 timestamp like 2024-05-01T18:30:00Z"))
}

/// A handle as a target: lower case, without `@` or spaces; empty ones dropped by the caller.
pub fn target_key(handle: &str) -> String {
    handle.trim().trim_start_matches('@').to_lowercase()
}

impl Activity {
    pub fn new(times: &[i64], targets: &[String], own: &str) -> Activity {
        let mut hours = [0.0; 24];
        for t in times {
            hours[(t.rem_euclid(DAY) / 3600) as usize] += 1.0;
        }
        let span = times.iter().min().zip(times.iter().max()).map(|(a, b)| (*a, *b));
        let targets = targets.iter().map(|t| target_key(t)).filter(|t| !t.is_empty() && t != own).collect();
        let days = times.iter().map(|t| t.div_euclid(DAY)).collect::<BTreeSet<_>>().len();
        Activity { span, hours, posts: times.len(), days, targets }
    }

    /// Whether its hours are a habit: enough posts, spread over several days.
    pub fn has_hour_habit(&self) -> bool {
        self.posts >= MIN_POSTS_FOR_HOURS && self.days >= MIN_DAYS_FOR_HABIT
    }

    /// Whether it posted on more than one day: its hours are not only those of one raid.
    pub fn posted_on_several_days(&self) -> bool {
        self.days >= 2
    }

    /// Cosine of the two hour-of-day profiles, each hour blurred over its neighbours (a habit of
    /// posting at 22:00 also shows at 21:00 and 23:00). `None` if either has too few posts.
    pub fn hours_similarity(&self, other: &Activity) -> Option<f64> {
        if self.posts < MIN_POSTS_FOR_HOURS || other.posts < MIN_POSTS_FOR_HOURS {
            return None;
        }
        let blur = |h: &[f64; 24]| -> Vec<f64> { (0..24).map(|i| h[i] + 0.5 * (h[(i + 23) % 24] + h[(i + 1) % 24])).collect() };
        let (a, b) = (blur(&self.hours), blur(&other.hours));
        let dot: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
        Some(dot / (norm(&a) * norm(&b)))
    }

    /// Days between the end of one account's activity and the start of the other's, when one
    /// started only after the other's last post: `(gap in days, whether self is the older)`.
    pub fn succession(&self, other: &Activity) -> Option<(f64, bool)> {
        let ((first_a, last_a), (first_b, last_b)) = (self.span?, other.span?);
        if last_a < first_b {
            Some(((first_b - last_a) as f64 / DAY as f64, true))
        } else if last_b < first_a {
            Some(((first_a - last_b) as f64 / DAY as f64, false))
        } else {
            None
        }
    }

    /// Weighted cosine of the two target sets (`weight`: a target's rarity among the accounts),
    /// leaving out `skip` (the two accounts themselves: answering each other is not a victim).
    pub fn targets_similarity(&self, other: &Activity, skip: [&str; 2], weight: impl Fn(&str) -> f64) -> Option<f64> {
        let mine = |a: &Activity| a.targets.iter().filter(|t| !skip.contains(&t.as_str())).map(|t| (t.clone(), weight(t))).collect::<Vec<_>>();
        let (a, b) = (mine(self), mine(other));
        let norm = |v: &[(String, f64)]| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let denominator = norm(&a) * norm(&b);
        if denominator <= 0.0 {
            return None;
        }
        let dot: f64 = a.iter().filter(|(t, _)| b.iter().any(|(u, _)| u == t)).map(|(_, w)| w * w).sum();
        Some(dot / denominator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_read_with_their_offset_and_bad_ones_refused() {
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_time("2024-05-01T18:30:00.000Z"), Ok(1_714_588_200));
        assert_eq!(parse_time("2024-05-01T20:30:00+02:00"), Ok(1_714_588_200));
        assert_eq!(parse_time("2024-02-29T00:00:00Z").unwrap() - parse_time("2024-02-28T00:00:00Z").unwrap(), DAY);
        for bad in ["", "2024-05-01", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-05-01T18:30:00", "2024-05-01T18:30:00.Z", "yesterday"] {
            assert!(parse_time(bad).unwrap_err().contains("ISO-8601"), "{bad}");
        }
    }

    #[test]
    fn succession_hours_and_targets() {
        let t = |s: &str| parse_time(s).unwrap();
        let old = Activity::new(&[t("2024-05-01T21:00:00Z"), t("2024-05-02T22:00:00Z"), t("2024-05-03T21:30:00Z")], &["@Victim".into(), "friend".into()], "old");
        let new = Activity::new(&[t("2024-05-05T22:10:00Z"), t("2024-05-06T21:00:00Z"), t("2024-05-07T23:00:00Z")], &["victim".into(), "old".into()], "new");
        let (gap, old_first) = old.succession(&new).unwrap();
        assert!(old_first && (1.9..2.1).contains(&gap), "{gap}");
        assert_eq!(new.succession(&old).map(|s| s.1), Some(false));
        assert!(old.succession(&old).is_none(), "overlapping activity is no succession");
        assert!(old.hours_similarity(&new).unwrap() > 0.8);
        let morning = Activity::new(&[t("2024-05-01T07:00:00Z"), t("2024-05-02T08:00:00Z"), t("2024-05-03T07:30:00Z")], &[], "m");
        assert!(old.hours_similarity(&morning).unwrap() < 0.1);
        let shared = old.targets_similarity(&new, ["old", "new"], |_| 1.0).unwrap();
        assert!((shared - 1.0 / 2f64.sqrt()).abs() < 1e-9, "{shared}");
        assert_eq!(old.targets_similarity(&morning, ["old", "m"], |_| 1.0), None);
    }
}
