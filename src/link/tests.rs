//! The matcher's decision rules on small made-up accounts: two kinds of evidence are needed,
//! popular avatars count for nothing, and the output is in input order.

use super::*;

pub(super) fn picture(seed: u64) -> AvatarHash {
    // Blocks of grey that differ by seed: structure for the hash to see (a flat image has none).
    let (a, b) = (seed * 37 % 11 + 1, seed * 53 % 7 + 2);
    let rgba: Vec<u8> = (0..32u64 * 32)
        .flat_map(|i| {
            let (x, y) = (i % 32 / 4, i / 32 / 4);
            let g = ((x * a + y * b + x * y * seed) * 29 % 256) as u8;
            [g, g, g, 255]
        })
        .collect();
    let hash = AvatarHash::from_rgba(&rgba, 32, 32).unwrap();
    assert!(hash.is_informative(), "test picture {seed} is flat");
    hash
}

pub(super) fn account(handle: &str, name: &str, texts: &[&str], avatar: Option<AvatarHash>) -> Account {
    Account { handle: handle.into(), name: name.into(), texts: texts.iter().map(|t| t.to_string()).collect(), avatar, ..Default::default() }
}

pub(super) const DAY: i64 = 86_400;
/// 2024-05-01 00:00 UTC.
pub(super) const MAY: i64 = 1_714_521_600;

/// One post a day at `hour` UTC (a few minutes later each day), `n` days from day `from`.
pub(super) fn daily(hour: i64, from: i64, n: i64) -> Vec<i64> {
    (0..n).map(|d| MAY + (from + d) * DAY + hour * 3600 + d * 300).collect()
}

/// `a` with these post times and answered handles.
pub(super) fn with(mut a: Account, times: Vec<i64>, targets: &[&str]) -> Account {
    a.times = times;
    a.targets = targets.iter().map(|t| t.to_string()).collect();
    a
}

pub(super) const STYLE_A: &[&str] = &["franchement t'es grave toi... personne t'a demande ton avis mdrrr", "encore en train de pleurer... t'es pas fatiguee franchement mdrrr"];
pub(super) const STYLE_B: &[&str] = &["Nouvelle jurisprudence de la Cour de cassation : analyse sur le blog du cabinet.", "Je vous remercie pour vos nombreux messages. Cordialement."];
pub(super) const STYLE_C: &[&str] = &["Premier jour de printemps au jardin, les tulipes sont sorties.", "Recette du jour : tarte aux poireaux et au chèvre, un délice !"];

#[test]
fn test_pictures_differ() {
    assert!(picture(1).distance(picture(2)) > 30 && picture(3).distance(picture(4)) > 30);
}

#[test]
fn same_name_and_handle_stem_alone_do_not_link_homonyms() {
    let accounts = [
        account("marie_martin", "Marie Martin", STYLE_B, Some(picture(1))),
        account("mariemartin75", "Marie Martin", STYLE_C, Some(picture(2))),
    ];
    assert_eq!(suggest(&accounts), []);
}

#[test]
fn identity_with_avatar_or_writing_links() {
    let with_avatar = [
        account("jean_dupont", "Jean Dupont", STYLE_B, Some(picture(1))),
        account("jean_dupont2", "Jean Dupont", STYLE_C, Some(picture(1))),
    ];
    let s = suggest(&with_avatar);
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].a.as_str(), s[0].b.as_str()), ("jean_dupont", "jean_dupont2"));
    assert!(s[0].reasons.contains(&"same avatar".to_string()), "{:?}", s[0].reasons);
    let with_writing = [
        account("jean_dupont", "Jean Dupont", STYLE_A, Some(picture(1))),
        account("jeandupont_", "Jean Dupont", STYLE_A, Some(picture(2))),
    ];
    assert_eq!(suggest(&with_writing)[0].reasons.last().map(String::as_str), Some("writes alike"));
}

#[test]
fn avatar_and_writing_link_a_renamed_account_but_neither_does_alone() {
    let renamed = [
        account("lucas_martin", "Lucas Martin", STYLE_A, Some(picture(3))),
        account("vrai_patriote", "Le Vrai Patriote", STYLE_A, Some(picture(3))),
    ];
    assert_eq!(suggest(&renamed).len(), 1);
    let avatar_only = [
        account("lucas_martin", "Lucas Martin", STYLE_B, Some(picture(3))),
        account("vrai_patriote", "Le Vrai Patriote", STYLE_C, Some(picture(3))),
    ];
    assert_eq!(suggest(&avatar_only), []);
    let writing_only = [
        account("lucas_martin", "Lucas Martin", STYLE_A, Some(picture(3))),
        account("vrai_patriote", "Le Vrai Patriote", STYLE_A, Some(picture(4))),
    ];
    assert_eq!(suggest(&writing_only), []);
}

#[test]
fn a_picture_shown_by_several_unrelated_accounts_counts_for_nothing() {
    let club = Some(picture(5));
    let fans = [
        account("tom_leroy", "Thomas Leroy", STYLE_A, club),
        account("yanis_h", "Yanis Haddad", STYLE_A, club),
        account("kev_faure", "Kevin Faure", STYLE_C, club),
    ];
    assert_eq!(suggest(&fans), [], "same club logo, same slogans: still three people");
    let two = &fans[..2];
    assert_eq!(suggest(two).len(), 1, "two accounts sharing a picture is not yet a popular picture");
    let default = Some(picture(6));
    let near_homonyms = [
        account("dylanmarchand", "Dylan Marchand", STYLE_A, default),
        account("dylanmarchand2", "Dylan M.", STYLE_A, default),
        account("dylanmarchal", "Dylan Marchal", STYLE_C, default),
        account("noemie_l", "Noémie L.", STYLE_B, default),
    ];
    let s = suggest(&near_homonyms);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(!s[0].reasons.contains(&"same avatar".to_string()), "{s:?}");
}

#[test]
fn one_account_against_the_others_gives_the_same_pairs_as_all_pairs() {
    let accounts = [
        account("jean_dupont", "Jean Dupont", STYLE_A, Some(picture(1))),
        account("marie_martin", "Marie Martin", STYLE_C, None),
        account("jean_dupont2", "Jean Dupont", STYLE_A, Some(picture(1))),
    ];
    let matcher = Matcher::new(&accounts);
    let all = matcher.all_pairs();
    assert_eq!(matcher.pairs_with(matcher.position("@Jean_Dupont2").unwrap()), all);
    assert_eq!(matcher.pairs_with(1), []);
    assert!(all[0].score > 0.9 && all[0].score <= 1.0 && (all[0].score * 1000.0).fract() == 0.0);
}

#[test]
fn a_newcomer_against_the_known_accounts_finds_what_all_pairs_finds() {
    let known = [
        account("jean_dupont", "Jean Dupont", STYLE_A, Some(picture(1))),
        account("marie_martin", "Marie Martin", STYLE_C, None),
    ];
    let newcomer = account("jean_dupont2", "Jean Dupont", STYLE_A, Some(picture(1)));
    let matcher = Matcher::new(&known);
    let found = matcher.against(&newcomer);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].a.as_str(), found[0].b.as_str()), ("jean_dupont", "jean_dupont2"));
    let all = suggest(&[known[0].clone(), known[1].clone(), newcomer.clone()]);
    assert_eq!(found[0].reasons, all[0].reasons);
    // The known account itself, and a stranger, are nothing.
    assert_eq!(matcher.against(&account("@Jean_Dupont", "Jean Dupont", STYLE_A, Some(picture(1)))), []);
    assert_eq!(matcher.against(&account("paul_roche", "Paul Roche", STYLE_B, Some(picture(5)))), []);
}

#[test]
fn a_newcomer_with_a_picture_two_known_strangers_share_gets_nothing_from_it() {
    let default = Some(picture(7));
    let known = [
        account("alice_b", "Alice Bernard", STYLE_B, default),
        account("tom_h", "Tom Hardy", STYLE_C, default),
    ];
    // Two known accounts alone are not "popular"; with the newcomer, three share the picture.
    let newcomer = account("zoe_k", "Zoé Klein", STYLE_B, default);
    assert_eq!(Matcher::new(&known).against(&newcomer), []);
    // With one known account sharing it, the picture and the writing do link them.
    assert_eq!(Matcher::new(&known[..1]).against(&newcomer).len(), 1);
}
