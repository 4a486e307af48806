//! Weak evidence combined: writing only somewhat alike supports a near-certain identity (or an
//! alike one that took over), and a fully renamed account is linked only when it writes alike,
//! took over with the same rare targets AND posts at the same unusual hours as a habit.

use super::prepared::prepare;
use super::score::{judge, Lazy};
use super::tests::{account, daily, picture, with, STYLE_A};
use super::*;

/// The decision for two accounts given the writing similarity (and hours) `judge` would measure.
fn decide(a: &Account, b: &Account, targets: Option<f64>, writing: Option<f64>, unusual: bool) -> Option<Vec<String>> {
    let (p, q) = (prepare(a), prepare(b));
    judge(&p, &q, targets, Lazy { writing: || writing, unusual_hours: || unusual, idiolect: || (0.0, Vec::new()) }).map(|(_, reasons)| reasons)
}

#[test]
fn writing_somewhat_alike_supports_a_sure_identity_only() {
    let old = account("jean_dupont", "Jean Dupont", &[], Some(picture(1)));
    let new = account("jeandupont_", "Jean Dupont", &[], Some(picture(2)));
    let reasons = decide(&old, &new, None, Some(0.36), false).expect("same name and stem, writes somewhat alike");
    assert_eq!(reasons.last().map(String::as_str), Some("writes somewhat alike"));
    assert_eq!(decide(&old, &new, None, Some(0.2), false), None, "homonyms write unlike (≤ 0.15 measured)");
    assert_eq!(decide(&old, &new, None, None, false), None, "too little text");
    // An alike identity (an initial, another stem) needs a take-over on top.
    let alike = account("manong_", "Manon G.", &[], None);
    let manon = account("manon_grlt", "Manon Girault", &[], None);
    assert_eq!(decide(&manon, &alike, None, Some(0.39), false), None);
    let (manon, alike) = (with(manon, daily(10, 0, 4), &["lea_soeur"]), with(alike, daily(10, 6, 3), &["lea_soeur"]));
    let reasons = decide(&manon, &alike, Some(1.0), Some(0.39), false).expect("alike identity + writing + take-over");
    assert!(reasons.contains(&"took over after @manon_grlt went quiet".to_string()), "{reasons:?}");
}

#[test]
fn a_renamed_account_needs_writing_take_over_and_unusual_hours_together() {
    let old = with(account("pierre_caron", "Pierre Caron", &[], None), daily(7, 0, 5), &["adjoint_maire"]);
    let new = with(account("le_justicier", "Le Justicier", &[], None), daily(7, 7, 5), &["adjoint_maire"]);
    let reasons = decide(&old, &new, Some(1.0), Some(0.5), true).expect("everything agrees");
    assert!(reasons.contains(&"same unusual hours".to_string()) && !reasons.contains(&"same hours".to_string()), "{reasons:?}");
    assert!(decide(&old, &new, Some(1.0), Some(0.38), true).is_some(), "short texts (0.38..0.40 measured) are enough with all the rest");
    assert_eq!(decide(&old, &new, Some(1.0), Some(0.43), false), None, "hours everyone posts at: a stranger in the same register");
    assert_eq!(decide(&old, &new, Some(1.0), Some(0.3), true), None, "strangers at those hours wrote at most 0.29 alike");
    assert_eq!(decide(&old, &new, None, Some(0.9), true), None, "no shared rare target");
    let weeks = with(account("le_justicier", "Le Justicier", &[], None), daily(7, 20, 5), &["adjoint_maire"]);
    assert!(decide(&old, &weeks, Some(1.0), Some(0.5), true).is_some(), "back two weeks later: still a take-over");
    let later = with(account("le_justicier", "Le Justicier", &[], None), daily(7, 40, 5), &["adjoint_maire"]);
    assert_eq!(decide(&old, &later, Some(1.0), Some(0.9), true), None, "back a month later: no take-over");
}

/// Evening posters with a habit (four days each), all answering the user only.
fn evening_crowd() -> Vec<Account> {
    ["paulgirard", "hugom", "chloe_simon", "amina_d", "kate_b", "yanis_h"]
        .iter()
        .enumerate()
        .map(|(k, h)| with(account(h, h, &["t'es nulle"], None), daily(20 + k as i64 % 3, 0, 4), &["lea_m"]))
        .collect()
}

#[test]
fn unusual_hours_are_measured_against_the_other_accounts() {
    let targets = &["lea_m", "adjoint_maire"][..];
    let renamed = |hour: i64, days: i64| {
        let mut accounts = evening_crowd();
        accounts.push(with(account("pierre_caron", "Pierre Caron", STYLE_A, Some(picture(3))), daily(hour, 0, days), targets));
        accounts.push(with(account("le_justicier", "Le Justicier", STYLE_A, Some(picture(4))), daily(hour, days + 2, days), targets));
        suggest(&accounts)
    };
    let found = renamed(7, 4);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].a.as_str(), found[0].b.as_str()), ("pierre_caron", "le_justicier"));
    assert!(found[0].reasons.contains(&"same unusual hours".to_string()), "{found:?}");
    assert_eq!(renamed(21, 4), [], "the evening, like everyone: fellow raiders look the same");
    assert_eq!(renamed(7, 1), [], "one morning each is a raid, not a habit");
    // Other accounts that post on one or two days only: nothing to tell unusual hours by.
    let mut alone: Vec<Account> = evening_crowd().into_iter().map(|a| Account { times: a.times[..2].to_vec(), ..a }).collect();
    alone.push(with(account("pierre_caron", "Pierre Caron", STYLE_A, None), daily(7, 0, 4), targets));
    alone.push(with(account("le_justicier", "Le Justicier", STYLE_A, None), daily(7, 6, 4), targets));
    assert_eq!(suggest(&alone), []);
}
