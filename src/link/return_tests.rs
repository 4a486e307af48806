//! A renamed account back weeks later, with a new picture: linked only by rare writing habits
//! it shares with the old one (`idiolect`), the same rare targets and hours, one after the other;
//! never by the slang a whole crowd writes ("mdr", "jsuis"), nor alongside the other account.

use super::prepared::prepare;
use super::tests::{account, daily, picture, with};
use super::*;

/// Forty evening posters who all write the same slang at the user: what makes it common.
fn slang_crowd() -> Vec<Account> {
    let topics = ["le live", "la vidéo", "le thread", "le stream", "la story", "le podcast", "le tuto", "la collab"];
    (0..40)
        .map(|k| {
            let text = format!("jsuis mort mdr {} de la meuf c'est du grand n'importe quoi frr, jsuis plié mdr", topics[k % topics.len()]);
            with(account(&format!("viewer{k}x"), "", &[&text], None), daily(21, k as i64 % 5, 3), &["lea_m"])
        })
        .collect()
}

const OLD: &[&str] = &[
    "@lea_m sa fait quoi d'être la chouchoute des profs... tout le monde sait 😂😂😂",
    "tu bloques tout le monde malgrés que t'as rien a te reprocher ? bizarre...",
    "@bde_lyon vous l'invitez encore parceque vous savez pas ce qu'elle a fait...",
    "@lea_soeur demande a ta soeur si elle croit qu'on a oublié... on oublie rien 😂😂😂",
];
const NEW: &[&str] = &[
    "Nouveau compte, mm objectif : que tout le monde sache... sa vous étonne ?",
    "personne en parle parceque ses amis la protègent... 😂😂😂",
    "@lea_soeur malgrés tous les blocages l'info circule... demande a ta soeur",
    "@bde_lyon vous allez encore l'inviter ? on oublie rien...",
];
const TARGETS: &[&str] = &["lea_m", "lea_soeur", "bde_lyon"];

/// The crowd, the old account and the new one: the suggestions between those two.
fn between(old: Account, new: Account) -> Vec<Suggestion> {
    let mut accounts = slang_crowd();
    let (a, b) = (old.handle.clone(), new.handle.clone());
    accounts.extend([old, new]);
    suggest(&accounts).into_iter().filter(|s| s.a == a && s.b == b).collect()
}

fn old() -> Account {
    with(account("maxence_lbt", "Maxence Lebret", OLD, Some(picture(1))), daily(22, 0, 5), TARGETS)
}

fn back(from: i64, n: i64) -> Account {
    with(account("la_verite_sur_c", "Lanceur d'alerte", NEW, Some(picture(2))), daily(22, from, n), TARGETS)
}

#[test]
fn a_return_two_months_later_links_by_its_rare_habits() {
    let found = between(old(), back(60, 4));
    assert_eq!(found.len(), 1, "{found:?}");
    let habits = found[0].reasons.iter().find(|r| r.starts_with("same rare writing habits: ")).expect("the habits are the reason");
    assert!(habits.contains("😂😂😂") && !habits.contains("mdr"), "{habits}");
    assert!(found[0].reasons.contains(&"same targets".to_string()), "{found:?}");
}

#[test]
fn the_habits_alone_do_not_link_without_the_rest() {
    assert_eq!(between(old(), back(2, 4)), [], "side by side, not one after the other");
    assert_eq!(between(old(), back(60, 1)), [], "one evening is a raid, not a habit of hours");
    assert_eq!(between(old(), Account { times: daily(8, 60, 4), ..back(60, 4) }), [], "other hours");
    assert_eq!(between(old(), Account { targets: vec!["lea_m".into()], ..back(60, 4) }), [], "only the user, everyone's target");
    let talks_to_it = Account { targets: vec!["lea_soeur".into(), "maxence_lbt".into()], ..back(60, 4) };
    assert_eq!(between(old(), talks_to_it), [], "one that answers the other is someone else");
}

#[test]
fn slang_everyone_writes_is_no_habit() {
    // Two different people who write the crowd's "mdr", "jsuis" and "frr", with the same rare
    // target at the same hours, one after the other: the slang is everyone's, so nothing ties them.
    let a = with(account("nightcore_kid", "kid", &["@lea_m jsuis mort mdr t'es cuite frr, le premier boss en trois heures", "jsuis sûr que tu lis même pas le chat mdr frr"], None), daily(22, 0, 4), &["lunamod_"]);
    let b = with(account("insomniaque_93", "nuit blanche", &["mdr jsuis réveillé à 4h et les modos aussi frr", "jsuis pas le seul à trouver ça scénarisé mdr, dites-le frr"], None), daily(22, 40, 4), &["lunamod_"]);
    let mut accounts = slang_crowd();
    accounts.extend([a.clone(), b.clone()]);
    let m = Matcher::new(&accounts);
    let (sum, shown) = m.idiolect(&prepare(&a), &prepare(&b), true);
    assert!(sum < 10.0 && shown.iter().all(|h| !["mdr", "jsuis", "frr"].contains(&h.as_str())), "{sum} {shown:?}");
    // Among people who write otherwise, the same slang would be theirs alone.
    let polite = slang_crowd().into_iter().map(|c| Account { texts: vec!["Bonsoir, je ne partage pas votre avis sur ce sujet, mais je respecte votre travail.".into()], ..c });
    let m = Matcher::new(&polite.chain([a.clone(), b.clone()]).collect::<Vec<_>>());
    let (rare, shown) = m.idiolect(&prepare(&a), &prepare(&b), true);
    assert!(rare > sum && ["mdr", "jsuis", "frr"].iter().all(|h| shown.iter().any(|s| s == h)), "{rare} {shown:?}");
    assert_eq!(between(a, b), []);
}

#[test]
fn a_newcomer_weighs_habits_as_if_it_were_one_of_the_accounts() {
    let mut known = slang_crowd();
    known.push(old());
    let everyone: Vec<Account> = known.iter().cloned().chain([back(60, 4)]).collect();
    let (all, index) = (Matcher::new(&everyone), Matcher::new(&known));
    let (p, q) = (prepare(&old()), prepare(&back(60, 4)));
    assert_eq!(all.idiolect(&p, &q, true), index.idiolect(&p, &q, false));
    let found = index.against(&back(60, 4));
    assert_eq!(found.len(), 1, "{found:?}");
    // The n-grams' rarity is the known accounts' (`against`), so only the score may differ.
    let both = suggest(&everyone).into_iter().find(|s| s.b == "la_verite_sur_c").expect("linked among everyone");
    assert_eq!((&found[0].a, &found[0].reasons), (&both.a, &both.reasons));
}
