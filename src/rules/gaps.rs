//! What the rule prefilter searches for a pattern with gaps: the pattern cut at its first
//! unbounded run of "any character but a full stop" (`[^.!?]*`, `.*`), so `les X\b[^.!?]*\bon
//! arrive` is looked for as `les X`. Every text the rule matches still passes (a cut pattern
//! matches a prefix of each of its matches), and the rule's own regex confirms each candidate.
//! Why: in one lazy DFA, a gap keeps its pattern's thread alive to the end of the sentence, and
//! the live threads of sixteen such patterns combine into states without end (measured: 37 MB
//! of cache natively, 77 MB of wasm memory, after 10,000 new tweets, and still growing).

use regex_syntax::hir::{Class, Hir, HirKind, Repetition};

/// A repeated class this broad (Unicode scalar values, or bytes × 8) may be a gap.
const BROAD_CLASS: u64 = 1000;

/// What the prefilter searches for `pattern`: the pattern cut at its first gap, or the whole
/// pattern when it has none, or when the cut would leave nothing to search for (every text
/// would then be a candidate).
pub fn cut_at_gaps(pattern: &str) -> Result<Hir, regex_syntax::Error> {
    let whole = regex_syntax::parse(pattern)?;
    if !has_gap(&whole) {
        return Ok(whole);
    }
    // The tree is cut in place, not copied (copies of the group-noun lists were measurable at
    // start-up); the rare pattern cut down to nothing is parsed again, whole.
    let cut = cut(whole);
    if cut.properties().minimum_len().unwrap_or(0) > 0 {
        Ok(cut)
    } else {
        regex_syntax::parse(pattern)
    }
}

/// A gap crosses words: an unbounded repeat of a broad class that matches a space. `\w+` or
/// `[a-z]+` ends at the next space, and its thread with it. Bounded gaps (`.{0,60}`) are kept:
/// cut, the two counter-speech rules' became candidates in one text of eight on the bench
/// corpus, for the regex to reject, and their cache share was small.
fn is_gap(rep: &Repetition) -> bool {
    let (size, space) = match rep.sub.kind() {
        HirKind::Class(Class::Unicode(c)) => (
            c.ranges().iter().map(|r| (r.end() as u64) - (r.start() as u64) + 1).sum::<u64>(),
            c.ranges().iter().any(|r| r.start() <= ' ' && ' ' <= r.end()),
        ),
        HirKind::Class(Class::Bytes(c)) => (
            c.ranges().iter().map(|r| (r.end() as u64) - (r.start() as u64) + 1).sum::<u64>() * 8,
            c.ranges().iter().any(|r| r.start() <= b' ' && b' ' <= r.end()),
        ),
        _ => (0, false),
    };
    size >= BROAD_CLASS && space && rep.max.is_none()
}

fn has_gap(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(rep) => is_gap(rep) || has_gap(&rep.sub),
        HirKind::Capture(c) => has_gap(&c.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(has_gap),
        _ => false,
    }
}

/// `hir` (which `has_gap`) cut at its first gap. Whatever follows a cut element in a
/// concatenation goes too, so each cut expression matches a prefix of what `hir` matched.
fn cut(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Repetition(rep) if is_gap(&rep) || rep.min == 0 => Hir::empty(),
        HirKind::Repetition(rep) => cut(*rep.sub),
        HirKind::Capture(c) => cut(*c.sub),
        HirKind::Concat(parts) => {
            let mut kept = Vec::new();
            for part in parts {
                if has_gap(&part) {
                    kept.push(cut(part));
                    break;
                }
                kept.push(part);
            }
            Hir::concat(kept)
        }
        HirKind::Alternation(branches) => Hir::alternation(branches.into_iter().map(|b| if has_gap(&b) { cut(b) } else { b }).collect()),
        // Not reached (nothing else holds a gap); the empty prefix would still be a superset.
        _ => Hir::empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The cut pattern as a regex, `None` when nothing was cut or it does not parse.
    fn cut_at_gaps(pattern: &str) -> Option<String> {
        let cut = super::cut_at_gaps(pattern).ok()?;
        (cut != regex_syntax::parse(pattern).unwrap()).then(|| cut.to_string())
    }

    #[test]
    fn a_gap_and_what_follows_it_are_cut() {
        let cut = cut_at_gaps(r"\b(?:les|ces) rats\b[^.!?]*\bon arrive\b").unwrap();
        let re = Regex::new(&cut).unwrap();
        assert!(re.is_match("les rats, on arrive") && re.is_match("ces rats") && !re.is_match("on arrive"));
    }

    #[test]
    fn a_cut_branch_cuts_what_follows_the_alternation_too() {
        let cut = cut_at_gaps(r"\b(?:a[^.!?]*b|c)d\b").unwrap();
        let re = Regex::new(&cut).unwrap();
        // `a … b d` must still pass: the `d` after the alternation is cut with the gap.
        assert!(re.is_match("a xx bd") && re.is_match("cd") && re.is_match("a"));
    }

    #[test]
    fn short_repeats_and_narrow_classes_are_kept() {
        assert_eq!(cut_at_gaps(r"\bt[a-z]+ es\b"), None);
        assert_eq!(cut_at_gaps(r"\bthis \w+ is a\b"), None, "a word, not a gap");
        assert_eq!(cut_at_gaps(r"\d{2}[ .-]?\d{2}"), None);
        assert_eq!(cut_at_gaps(r#"dit[^"]{0,60}"con""#), None, "a bounded gap is kept");
        assert!(cut_at_gaps(r#"dit[^"]*"con""#).is_some());
    }

    #[test]
    fn a_pattern_that_would_be_cut_to_nothing_is_searched_whole() {
        assert_eq!(cut_at_gaps(r"[^.!?]*\bon arrive"), None);
        assert_eq!(cut_at_gaps(r"(?:x[^.!?]*)?y"), None, "an optional gap cut leaves an empty prefix");
        assert_eq!(cut_at_gaps("(unclosed"), None);
    }

    #[test]
    fn every_match_of_the_pattern_passes_its_cut() {
        let patterns = [r"\b(?:je|j')\s?(?:sais|connais) (?:ou|où)\b[^.!?]*\b(?:tu|vous) (?:habites?|vivez)\b", r"x(?:[^.!?]*y)+z"];
        let texts = ["je sais où, en gros, tu habites", "j'connais ou vous vivez", "xayyz", "x..yz", "rien"];
        for p in patterns {
            let (whole, cut) = (Regex::new(p).unwrap(), Regex::new(&cut_at_gaps(p).unwrap()).unwrap());
            for t in texts {
                assert!(!whole.is_match(t) || cut.is_match(t), "{p} on {t:?}");
            }
        }
    }
}
