//! Behaviour (times and targets) as supporting evidence: it lets a near-certain identity link a
//! take-over, and is never enough alone, nor with writing or an avatar (what raiders share).

use super::tests::{account, picture, with, DAY, MAY, STYLE_A, STYLE_B, STYLE_C};
use super::*;

/// `n` evening posts, one a day from day `from` (days after May 1st).
fn evenings(from: i64, n: i64) -> Vec<i64> {
    (0..n).map(|d| MAY + (from + d) * DAY + 21 * 3600 + d * 600).collect()
}

/// Accounts that answered the user (and only her): the population that makes her a common target.
fn crowd() -> Vec<Account> {
    [("paulgirard", "Paul Girard"), ("hugom", "Hugo Moreau"), ("chloe_simon", "Chloé Simon"), ("amina_d", "Amina Diallo"), ("kate_b", "Kate Brown"), ("yanis_h", "Yanis Haddad")]
        .iter()
        .map(|(h, n)| with(account(h, n, &["t'es nulle"], None), evenings(0, 2), &["lea_m"]))
        .collect()
}

fn pairs(mut accounts: Vec<Account>) -> Vec<Suggestion> {
    accounts.extend(crowd());
    suggest(&accounts)
}

#[test]
fn a_take_over_with_rare_shared_targets_lets_a_sure_identity_link() {
    let old = account("jordanblanc", "Jordan Blanc", STYLE_A, Some(picture(1)));
    // New picture and too little text: only the handle says who it is.
    let new = account("j0rdanblanc", "J0rdan", &["tkt 😈"], Some(picture(2)));
    assert_eq!(pairs(vec![old.clone(), new.clone()]), [], "identity alone");
    let s = pairs(vec![with(old.clone(), evenings(0, 5), &["lea_m", "lea_frere"]), with(new.clone(), evenings(6, 3), &["@Lea_Frere", "lea_m"])]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].reasons.last().map(String::as_str), Some("took over after @jordanblanc went quiet"), "{s:?}");
    assert!(s[0].reasons.contains(&"same targets".to_string()) && s[0].reasons.contains(&"same hours".to_string()), "{s:?}");
    // Only the user in common (everyone's target), or active at the same time, or back a month later: nothing.
    assert_eq!(pairs(vec![with(old.clone(), evenings(0, 5), &["lea_m"]), with(new.clone(), evenings(6, 3), &["lea_m"])]), []);
    assert_eq!(pairs(vec![with(old.clone(), evenings(0, 5), &["lea_frere"]), with(new.clone(), evenings(2, 5), &["lea_frere"])]), []);
    assert_eq!(pairs(vec![with(old.clone(), evenings(0, 5), &["lea_frere"]), with(new.clone(), evenings(35, 3), &["lea_frere"])]), []);
    // Back after three and a half weeks (past a sure take-over, within its window), same rare
    // target, same hours: the sure identity links.
    let s = pairs(vec![with(old, evenings(0, 5), &["lea_frere"]), with(new, evenings(29, 3), &["lea_frere"])]);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(s[0].reasons.contains(&"same targets".to_string()) && !s[0].reasons.iter().any(|r| r.starts_with("took over")), "{s:?}");
}

#[test]
fn behaviour_never_links_alone_nor_with_writing_or_an_avatar_only() {
    let (targets, raid_day_1, raid_day_2) = (&["lea_m", "journaliste_k"][..], evenings(0, 1), evenings(1, 2));
    let strangers = vec![
        with(account("raphael_dbs", "Raphaël Dubois", STYLE_B, Some(picture(3))), raid_day_1.clone(), targets),
        with(account("claire_l", "Claire Lambert", STYLE_C, Some(picture(4))), raid_day_2.clone(), targets),
    ];
    assert_eq!(pairs(strangers), [], "same raid, one day after the other");
    let same_slogans = vec![
        with(account("kevin_rbt", "Kevin R.", STYLE_A, None), raid_day_1.clone(), targets),
        with(account("laura_mnr", "Laura M.", STYLE_A, None), raid_day_2.clone(), targets),
    ];
    assert_eq!(pairs(same_slogans), [], "copied slogans in a raid");
    let same_fan_picture = vec![
        with(account("lucie_g", "Lucie Garnier", STYLE_B, Some(picture(5))), raid_day_1, targets),
        with(account("manon_p", "Manon Perrin", STYLE_C, Some(picture(5))), raid_day_2, targets),
    ];
    assert_eq!(pairs(same_fan_picture), [], "one band photo, one fandom");
}

#[test]
fn behaviour_raises_the_score_of_a_pair_already_suggested() {
    let old = account("jean_dupont", "Jean Dupont", STYLE_A, Some(picture(1)));
    let new = account("jean_dupont2", "Jean Dupont", STYLE_A, Some(picture(6)));
    let plain = pairs(vec![old.clone(), new.clone()]);
    let supported = pairs(vec![with(old, evenings(0, 5), &["lea_soeur"]), with(new, evenings(5, 5), &["lea_soeur"])]);
    assert_eq!((plain.len(), supported.len()), (1, 1));
    assert!(supported[0].score > plain[0].score, "{supported:?} vs {plain:?}");
}

#[test]
fn a_newcomer_is_judged_with_its_times_and_targets_too() {
    let mut known = crowd();
    known.push(with(account("jordanblanc", "Jordan Blanc", STYLE_A, None), evenings(0, 5), &["lea_m", "lea_frere"]));
    let newcomer = with(account("j0rdanblanc", "J0rdan", &["tkt"], None), evenings(6, 3), &["lea_frere"]);
    let found = Matcher::new(&known).against(&newcomer);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].a, "jordanblanc");
}
