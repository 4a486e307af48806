"""For rules/expand.py --check: a rule that names a word list reads the text with every listed
word replaced by a marker (src/rules/nouns.rs), so a listed word written out in that rule
("gay bar" beside {GS_EN}) can never match there. This finds such words, so that they are
written as the list instead. Words are compared whole, as a rule's pattern spells them."""
import re

try:
    import re._parser as sre  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse as sre


def strings(pattern):
    """Every string a word list's pattern matches (the lists are finite: words, groups, `?`)."""
    def gen(items):
        outs = [""]
        for op, av in items:
            if op == sre.LITERAL:
                alts = [chr(av)]
            elif op == sre.SUBPATTERN:
                alts = gen(av[3])
            elif op == sre.BRANCH:
                alts = [s for b in av[1] for s in gen(b)]
            elif op == sre.IN:
                alts = [chr(v) for o, v in av if o == sre.LITERAL]
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] <= 1:
                alts = ([""] if av[0] == 0 else []) + gen(av[2])
            else:
                raise ValueError(f"a word list may hold words, groups and '?' only, not {op}")
            outs = [o + a for o in outs for a in alts]
        return outs
    return gen(sre.parse(pattern))


def listed_words_written_out(patterns, lists):
    """(pattern index, word) for each listed word spelled out in a pattern that names a list."""
    words = sorted({w.strip() for p in lists.values() for w in strings(p)} - {""})
    found = []
    for k, pattern in enumerate(patterns):
        if not re.search(r"\{[A-Z_]+\}", pattern):
            continue
        text = re.sub(r"\{[A-Z_]+\}|\\[A-Za-z]", " ", pattern)  # lists and escapes (`\\b`) are not words
        found += [(k, w) for w in words if re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", text)]
    return found


def self_check():
    lists = {"GS": r"(?:gay|trans (?:man|woman)?|juif)"}
    assert sorted(strings(lists["GS"])) == ["gay", "juif", "trans ", "trans man", "trans woman"]
    pats = [r"\b{GS}[- ]hunting", r"\b(?:{GS}|queer) bar|\bgay bar", r"\bgay bar", r"\btransport {GS}"]
    assert listed_words_written_out(pats, lists) == [(1, "gay")], listed_words_written_out(pats, lists)
