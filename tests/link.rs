//! `rempart link` on the fixture accounts (tests/fixtures/link/): the output contract, and the
//! precision and recall of its suggestions against the ground truth written in the fixture
//! (`person`). `accounts.jsonl` was used to tune the weights; `heldout.jsonl` was written after
//! them (its first run: precision 0.727, recall 1.0, which led to the popular-picture rule);
//! `heldout2.jsonl` was written after that rule and measured once: precision 1.0, recall 0.571.
//! Then the three were given `times` and `targets` (the take-over rule was tuned on all three):
//! 1.0 / 0.933, 1.0 / 1.0 and 1.0 / 0.714. `heldout3.jsonl` was written blind by another engineer
//! after that: its one blind run gave precision 1.0, recall 0.652; after one fix (take-over window
//! 3..14 → 7..21 days) 1.0 / 0.696 there (no longer blind) and 1.0 / 0.857 on heldout2.
//! Then weak evidence was combined (writing "somewhat alike" on a sure identity, or on an alike
//! one that took over; a renamed account linked by writing + take-over + unusual hours; hashtags
//! masked in writing), studied on the misses of all four (so all four are in-sample now):
//! accounts 0.933 → 1.0, heldout2 0.857 → 1.0, heldout3 0.696 → 0.870, precision 1.0 on all.
//! `heldout4.jsonl`, written blind after that, gave 1.0 / 0.679 on its one blind run (see its test);
//! `heldout5.jsonl`, written blind after its changes, 0.941 / 0.552 with one stranger pair (see its test);
//! `heldout6.jsonl`, written blind after heldout5's changes, 0.957 / 0.846 with one stranger pair;
//! `heldout7.jsonl`, written blind after heldout6's changes, 0.96 / 0.923 with one stranger pair;
//! `heldout8.jsonl`, written blind after heldout7's changes, 1.0 / 0.462 (see its test);
//! `heldout9.jsonl`, written blind after heldout8's changes, 8–13 posts per account, 1.0 / 0.885.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Runs `rempart link` on `input`: (stdout lines, stderr, exit code).
fn link(input: &str) -> (Vec<Value>, String, Option<i32>) {
    let (stdout, stderr, code) = link_raw(input);
    let lines = stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    (lines, stderr, code)
}

fn link_raw(input: &str) -> (String, String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rempart"))
        .arg("link")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/link/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

struct Quality {
    true_pairs: usize,
    suggested: usize,
    correct: usize,
    wrong: Vec<String>,
}

impl Quality {
    fn precision(&self) -> f64 {
        if self.suggested == 0 { 1.0 } else { self.correct as f64 / self.suggested as f64 }
    }
    fn recall(&self) -> f64 {
        self.correct as f64 / self.true_pairs as f64
    }
}

/// Suggestions of `rempart link` on a fixture file, judged against its `person` fields.
/// No suggestion between two different people, precision at least 0.95, recall at least `recall`.
fn assert_quality(file: &str, recall: f64) {
    let q = quality(file);
    assert!(q.wrong.is_empty(), "{file}: suggested two different people: {:#?}", q.wrong);
    assert!(q.precision() >= 0.95 && q.recall() >= recall, "{file}: precision {:.3} recall {:.3}", q.precision(), q.recall());
}

fn quality(file: &str) -> Quality {
    let text = fixture(file);
    let person: BTreeMap<String, String> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|v| (v["handle"].as_str().unwrap().to_string(), v["person"].as_str().unwrap().to_string()))
        .collect();
    let mut per_person: BTreeMap<&str, usize> = BTreeMap::new();
    for p in person.values() {
        *per_person.entry(p).or_default() += 1;
    }
    let true_pairs = per_person.values().map(|n| n * (n - 1) / 2).sum();
    let (lines, stderr, code) = link(&text);
    assert_eq!(code, Some(0), "{stderr}");
    let mut seen = BTreeSet::new();
    let (mut correct, mut wrong) = (0, Vec::new());
    for s in &lines {
        let (a, b) = (s["a"].as_str().unwrap(), s["b"].as_str().unwrap());
        assert!(seen.insert((a.to_string(), b.to_string())), "pair suggested twice: {s}");
        if person[a] == person[b] {
            correct += 1;
        } else {
            wrong.push(s.to_string());
        }
    }
    let q = Quality { true_pairs, suggested: lines.len(), correct, wrong };
    eprintln!(
        "{file}: {} accounts, {} true pairs, {} suggested, {} correct: precision {:.3}, recall {:.3}",
        person.len(), q.true_pairs, q.suggested, q.correct, q.precision(), q.recall()
    );
    q
}

#[test]
fn tuning_fixture_precision_and_recall() {
    assert_quality("accounts.jsonl", 1.0);
}

#[test]
fn held_out_fixture_precision_and_recall() {
    assert_quality("heldout.jsonl", 0.7);
}

/// Was 0.571 without times and targets; the account with too little text is now found by its
/// take-over (of both earlier accounts of that person), and the renamed account with a new
/// avatar by its writing, take-over and morning hours (0.857 → 1.0).
#[test]
fn second_held_out_fixture_never_links_strangers() {
    assert_quality("heldout2.jsonl", 1.0);
}

#[test]
fn each_line_has_the_contract_keys_in_order_and_human_reasons() {
    let (raw, _, _) = link_raw(&fixture("accounts.jsonl"));
    for line in raw.lines() {
        let at = |k: &str| line.find(&format!("\"{k}\":")).unwrap_or_else(|| panic!("{k} missing: {line}"));
        let order = ["a", "b", "score", "reasons"].map(at);
        assert!(order.windows(2).all(|w| w[0] < w[1]), "keys out of order: {line}");
    }
    let (lines, _, _) = link(&fixture("accounts.jsonl"));
    assert!(!lines.is_empty());
    for s in &lines {
        assert_eq!(s.as_object().unwrap().len(), 4, "{s}");
        let score = s["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{s}");
        assert!(!s["reasons"].as_array().unwrap().is_empty(), "{s}");
    }
    let pair = lines.iter().find(|s| s["a"] == "jean_dupont" && s["b"] == "jean_dupont2").expect("jean_dupont → jean_dupont2");
    let reasons: Vec<&str> = pair["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    assert!(reasons.contains(&"same display name") && reasons.contains(&"same avatar"), "{reasons:?}");
}

#[test]
fn bad_lines_and_avatars_are_reported_and_the_run_goes_on() {
    let input = concat!(
        r#"{"handle": "jean_dupont", "name": "Jean Dupont", "avatar": "tests/fixtures/link/avatars/jd.png", "texts": ["franchement t'es grave toi... personne t'a demande ton avis mdrrr", "encore en train de pleurer... t'es pas fatiguee franchement"]}"#, "\n",
        "not json\n",
        r#"{"name": "no handle"}"#, "\n",
        "\n",
        r#"{"handle": "jean_dupont2", "name": "Jean Dupont", "avatar": "no/such/file.png", "texts": []}"#, "\n",
        r#"{"handle": "jeandupont_", "name": "Jean Dupont", "avatar": "tests/fixtures/link/avatars/jd_small.png"}"#, "\n",
    );
    let (lines, stderr, code) = link(input);
    assert_eq!(code, Some(0));
    assert!(stderr.contains("line 2: not an account"), "{stderr}");
    assert!(stderr.contains("line 3: not an account: missing field `handle`"), "{stderr}");
    assert!(stderr.contains("line 5: avatar no/such/file.png"), "{stderr}");
    assert!(!stderr.contains("line 4"), "a blank line is not an error: {stderr}");
    // The account whose avatar was unreadable is still compared; the two with one avatar link.
    assert!(lines.iter().any(|s| s["a"] == "jean_dupont" && s["b"] == "jeandupont_"), "{lines:?}");
}

#[test]
fn nothing_in_nothing_out() {
    let (lines, stderr, code) = link("");
    assert_eq!((lines.len(), stderr.as_str(), code), (0, "", Some(0)));
}

/// Written blind by another engineer (with times and targets) once the take-over rule was final:
/// blind 1.0 / 0.652, 1.0 / 0.696 after the one fix, 1.0 / 0.870 once weak evidence was
/// combined (in-sample). Still missed: the renamed eagle1776_us vs both of Brad's handles
/// (writing 0.29..0.34: too little, and back 12..15 days later) and the renamed ledebunker_fr
/// (other hours; eveil_citoyen, a stranger, looks the same).
#[test]
fn third_held_out_fixture_never_links_strangers() {
    assert_quality("heldout3.jsonl", 0.86);
}

/// Written blind by someone who had not read the matcher (/work/blind/link-heldout4.jsonl), measured
/// once after the weak-evidence combinations were final: precision 1.0 (19 of 19), recall 0.679
/// (19 of 28 true pairs), no stranger linked; main's matcher before them: 1.0 / 0.643 (18 of 28).
/// Then studied (in-sample since): take-over window 7..21 → 14..28 days, renamed accounts' writing
/// 0.47 → 0.36 with unusual hours counted in the score, "Léo F." ~ "Léo Fontaine": 1.0 / 0.821.
/// Still missed: a third rename back 28 days later, a partial rename (new surname), two pairs whose
/// writing is 0.23..0.33 alike on two or three short texts.
#[test]
fn fourth_held_out_fixture_never_links_strangers() {
    assert_quality("heldout4.jsonl", 0.82);
}

/// Written blind by someone who had not read the matcher (/work/blind/link-heldout5.jsonl, its
/// avatars drawn by /work/blind/avatars5/make_avatars.py, copied here with an `h5_` prefix).
/// Its first and only out-of-sample run, on main's matcher: 17 suggested, 16 correct: precision
/// 0.941, recall 0.552 (16 of 29), and one stranger pair: an influencer and the parody account
/// that copies his name and photo. Studied since (in-sample): a declared parody, fan or fake
/// account's copied name, handle and picture count for nothing against another account; a
/// picture's mean colour (the same "JM" initials on grey and on blue were one hash); a picture
/// kept through step-by-step renames is personal, not popular; "JM Dubois" ~ "Jean-Michel
/// Dubois"; handle words reordered; a handle cut down to its consonants: 1.0 / 0.690 (20 of 20).
/// Still missed: three renamed accounts linked by writing and hours only (p03, p08, p32), a
/// cropped photo (28 bits of 128 apart), an abbreviated handle behind a flag that three
/// accounts share (`zzou_93bis`), writing 0.28..0.33 on three or four short texts. Since
/// heldout8's rare writing habits: `tom_verite`, back four days after `le_vrai_thomas`, 1.0 / 0.724.
#[test]
fn fifth_held_out_fixture_never_links_strangers() {
    assert_quality("heldout5.jsonl", 0.72);
}

/// Written blind by someone who had not read the matcher (/work/blind/link-heldout6.jsonl, 60
/// accounts, 39 persons, 26 true pairs; avatars drawn by /work/blind/avatars6/make_avatars.py,
/// copied here with an `h6_` prefix). Its first and only out-of-sample run, on main's matcher
/// (6f7d289): 23 suggested, 22 correct: precision 0.957, recall 0.846 (22 of 26), and one
/// stranger pair: a journalist and the impersonator that copies her name and photo under a
/// handle one letter off, and mentions her. Studied since (in-sample): an account that addresses
/// the other is treated like a parody of it, 1.0 / 0.846; a sure identity back within four weeks
/// (past a sure take-over) with the same rare targets and hours links, 1.0 / 0.923. Still
/// missed: the third of four accounts (no picture, "Kev") with the fourth, back 36 days later,
/// and a UK account fully renamed with a new photo, linked only by its writing and two targets.
#[test]
fn sixth_held_out_fixture_never_links_strangers() {
    assert_quality("heldout6.jsonl", 0.92);
}

/// Written blind by someone who had not read the matcher (/work/blind/link-heldout7.jsonl, 60
/// accounts, 40 persons, 26 true pairs; avatars drawn by /work/blind/avatars7/make_avatars.py,
/// copied here, already `h7_`-prefixed). Its first and only out-of-sample run, on main's matcher
/// (fd25b82): 25 suggested, 24 correct: precision 0.96, recall 0.923 (24 of 26), and one
/// stranger pair: a journalist and the impersonator with her name, photo and handle plus `_`,
/// who does not mention her but posts "Compte officiel. L'autre est un fake". Studied since
/// (in-sample): an account that claims to be the real or official one copies the other on
/// purpose (`parody::claims_to_be_the_real_one`), 1.0 / 0.923; the other fixtures unchanged.
/// Still missed: two accounts that changed handle, name and picture at once (`ombre_nocturne`,
/// `marclyon_69`), tied only by writing habits, targets and hours.
#[test]
fn seventh_held_out_fixture_never_links_strangers() {
    assert_quality("heldout7.jsonl", 0.92);
}

/// Written blind by someone who had not read the matcher (/work/blind/link8/, 62 accounts, 42
/// persons, 26 true pairs; avatars already `h8_`-prefixed). Its first and only out-of-sample run,
/// on main's matcher (2be7323): 12 suggested, 12 correct: precision 1.0, recall 0.462 (12 of 26),
/// no stranger pair. Missed: accounts back weeks or months later (past any take-over) with a new
/// handle, name and picture at once, tied only by writing habits, a rare target and their hours.
/// Studied since (in-sample): a return after a break links with its writing somewhat alike, the
/// rare habits it shares with the old account ("sa", "malgrés", "Mdr.", "!!!", 😂😂😂; `idiolect`,
/// weighed by how few accounts use them), the same rare targets and hours on more than one day,
/// one after the other: 1.0 / 1.0 (26 of 26); heldout5 0.690 → 0.724, the others unchanged.
#[test]
fn eighth_held_out_fixture_never_links_strangers() {
    assert_quality("heldout8.jsonl", 1.0);
}

/// Written blind by someone who had read neither the matcher nor any earlier fixture
/// (/work/blind9link/, 62 accounts, 42 persons, 26 true pairs, 8–13 posts per account so that
/// strangers of one community share words by chance: ultras, K-pop fans, an activist circle that
/// quotes itself, raiders of one pile-on; avatars `h9_`). Its first and only out-of-sample run, on
/// the matcher with the rare writing habits (5802f3f): 23 suggested, 23 correct: precision 1.0,
/// recall 0.885 (23 of 26), no stranger pair (the matcher before the habits, 2be7323: 15 of 26,
/// 0.577). Missed: `k3vdu69` with `lyon_veritas` (the third of four accounts), `gardien_foyer` with
/// `veilleur_stm` (each linked to the third account, not to each other), `le_sauvage_` with
/// `nico_sauvage` inside an activist circle that uses his hashtags. Not studied since: the floor
/// is its first run.
#[test]
fn ninth_held_out_fixture_never_links_strangers() {
    assert_quality("heldout9.jsonl", 0.88);
}
