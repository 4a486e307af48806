//! Renamed accounts the matcher must still see (handle words reordered, initials, consonants,
//! one picture kept through the renames) and look-alikes it must not link (a parody account, an
//! impersonator that addresses its original, the same initials on another colour).

use super::tests::{account, STYLE_A, STYLE_B, STYLE_C};
use super::*;

/// Blocks of light and dark (seed `seed`) in shades of `colour`: the same shapes, any colour.
fn tinted(seed: u64, colour: [u8; 3]) -> AvatarHash {
    let rgba: Vec<u8> = (0..32u64 * 32)
        .flat_map(|i| {
            let (x, y) = (i % 32 / 4, i / 32 / 4);
            let light = 40 + (x * 7 + y * 13 + x * y * seed) * 29 % 180;
            let [r, g, b] = colour.map(|c| (c as u64 * light / 220) as u8);
            [r, g, b, 255]
        })
        .collect();
    AvatarHash::from_rgba(&rgba, 32, 32).unwrap()
}

fn pairs(accounts: &[Account]) -> Vec<(String, String)> {
    suggest(accounts).into_iter().map(|s| (s.a, s.b)).collect()
}

#[test]
fn the_same_shapes_in_another_colour_are_another_picture() {
    let (grey, tint, blue) = (tinted(3, [200, 200, 200]), tinted(3, [206, 202, 194]), tinted(3, [60, 130, 230]));
    assert_eq!(grey.distance(tint), 0);
    assert!((grey.shape ^ blue.shape).count_ones() <= 4, "the hash of light and dark sees the same picture");
    assert_eq!(grey.distance(blue), 64, "the colours tell them apart");
    assert_eq!(AvatarHash::from_hex(&blue.to_hex()), Ok(blue));
    let shape_only = AvatarHash::from_hex(&blue.to_hex()[..32]).unwrap();
    assert_eq!((shape_only.colour, shape_only.distance(grey)), (None, (grey.shape ^ blue.shape).count_ones()), "an old 32-digit hash: shapes only");
}

#[test]
fn one_picture_kept_through_step_by_step_renames_is_personal() {
    let (jm, other) = (Some(tinted(3, [200, 200, 200])), Some(tinted(3, [60, 130, 230])));
    let renames = [
        account("jeanmichel_dubois", "Jean-Michel Dubois", STYLE_A, jm),
        account("jm_dubois", "JM Dubois", STYLE_B, jm),
        account("jmdbs", "J-M D.", STYLE_A, jm),
        account("julienmartin75", "Julien Martin", STYLE_C, other),
    ];
    let found = pairs(&renames);
    let want = [("jeanmichel_dubois", "jm_dubois"), ("jeanmichel_dubois", "jmdbs"), ("jm_dubois", "jmdbs")];
    assert_eq!(found, want.map(|(a, b)| (a.to_string(), b.to_string())));
    // A stranger showing the very picture too makes it a popular one, worth nothing: what is
    // left (the names of two, the writing of two others) is one kind of evidence each.
    let mut shared = renames.clone();
    shared[3].avatar = jm;
    assert_eq!(pairs(&shared), []);
}

#[test]
fn handle_words_in_another_order_are_one_kind_of_evidence() {
    let reordered = [account("patriote_gaulois", "Le Gaulois", STYLE_A, None), account("gaulois_patriote_", "Vercingétorix", STYLE_A, None)];
    let s = suggest(&reordered);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(s[0].reasons.contains(&"same handle words in another order".to_string()), "{s:?}");
    let alone = [account("patriote_gaulois", "Le Gaulois", STYLE_B, None), account("gaulois_patriote_", "Vercingétorix", STYLE_C, None)];
    assert_eq!(suggest(&alone), []);
}

#[test]
fn a_parody_account_is_not_its_original_whatever_it_copied() {
    let photo = Some(tinted(5, [230, 200, 170]));
    let original = account("maxime_vasseur", "Maxime Vasseur ✔", STYLE_A, photo);
    let parody = account("maximevasseur_parodie", "Maxime Vasseur (parodie)", STYLE_B, photo);
    assert_eq!(suggest(&[original.clone(), parody.clone()]), [], "same name, same photo, declared parody");
    let fan = account("maxime_vasseur_fan", "Maxime Vasseur", STYLE_B, photo);
    assert_eq!(suggest(&[original, fan]), []);
    // One parodist coming back under a second parody handle is still one person.
    let again = account("maximevasseur_parodie2", "Maxime Vasseur (parodie)", STYLE_C, photo);
    assert_eq!(pairs(&[parody, again]).len(), 1);
}

#[test]
fn an_impersonator_that_addresses_its_original_is_not_its_original() {
    let photo = Some(tinted(6, [210, 190, 170]));
    let journalist = account("lea_moreau_journo", "Léa Moreau", STYLE_A, photo);
    let mut copy = account("lea_moreau_journ0", "Léa Moreau", STYLE_A, photo);
    assert_eq!(pairs(&[journalist.clone(), copy.clone()]).len(), 1, "same name, photo and writing: one person");
    copy.targets = vec!["@Lea_Moreau_Journo".to_string()];
    assert_eq!(suggest(&[journalist.clone(), copy.clone()]), [], "it mentions the account it copies");
    assert_eq!(Matcher::new(&[journalist]).against(&copy), [], "and on the timeline");
}

#[test]
fn in_a_crowd_showing_one_picture_any_two_unrelated_names_make_it_popular() {
    let photo = Some(tinted(4, [200, 180, 160]));
    let mut serial: Vec<Account> = (1..=11).map(|k| account(&format!("jean_dupont{k}"), "Jean Dupont", &[], photo)).collect();
    assert_eq!(suggest(&serial).len(), 55, "one person back eleven times with one picture");
    assert_eq!(Matcher::new(&serial[1..]).against(&serial[0]).len(), 10);
    serial.push(account("noemie_l", "Noémie L.", &[], photo));
    assert_eq!(suggest(&serial), [], "a stranger shows it too: the picture is popular, the names alone are one kind");
    assert_eq!(Matcher::new(&serial[1..]).against(&serial[0]), []);
}
