"""Shares one copy of a long placeholder between a pattern's top-level branches, for
rules/expand.py: `\\b{X}a|\\b{X}b` becomes `\\b{X}(?:a|b)`, and `\\bp{X}\\b|\\bq{X}\\b` becomes
`\\b(?:p|q){X}\\b`. The same texts match (each branch keeps its own words), and the engine
parses and compiles each group-noun list fewer times at every start-up (docs/footprint.md)."""
import re

HEAD = re.compile(r"^\\b(\{[A-Z_]+\})")
TAIL = re.compile(r"(\{[A-Z_]+\}|\(\?:\{[A-Z_]+\}(?:\|\{[A-Z_]+\})*\))\\b$")


def branches(pattern):
    """The pattern's top-level alternatives: `|` outside groups, classes and escapes."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # a ']' first in a class is a literal
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def head(branch):
    m = HEAD.match(branch)
    return m.group(1) if m else None


def tail(branch):
    m = TAIL.search(branch) if branch.startswith("\\b") else None
    return (m.group(1), m.start()) if m else (None, None)


def factor(pattern):
    """Leading placeholders are shared first, then trailing ones among the branches left; only
    by two branches or more. Merged groups come first: with leftmost-first search this can
    change which branch reports a match at one position, never whether the rule matches."""
    parts = branches(pattern)
    heads = [head(b) for b in parts]
    by_head, rest = {}, []
    for b, h in zip(parts, heads):
        if h and heads.count(h) > 1:
            by_head.setdefault(h, []).append(b[2 + len(h):])
        else:
            rest.append(b)
    tails = [tail(b) for b in rest]
    keys = [t for t, _ in tails]
    by_tail, kept = {}, []
    for b, (t, start) in zip(rest, tails):
        if t and keys.count(t) > 1:
            by_tail.setdefault(t, []).append(b[2:start])
        else:
            kept.append(b)
    merged = ["\\b%s(?:%s)" % (k, "|".join(v)) for k, v in by_head.items()]
    merged += ["\\b(?:%s)%s\\b" % ("|".join(v), k) for k, v in by_tail.items()]
    return "|".join(merged + kept)


PATTERN = re.compile(r"^pattern = '''(.*)'''$", re.M)


def factor_patterns(toml_text):
    """Every one-line `pattern = '''...'''` of a pack source, factored."""
    return PATTERN.sub(lambda m: "pattern = '''%s'''" % factor(m.group(1)), toml_text)


def self_check():
    """Run by `expand.py --check`: factored patterns match the same texts as the originals."""
    pats = [r"\b{X} sont (?:des )?rats\b|\b{X} dehors\b|\bmort aux {X}\b|\bchasse aux {X}\b|\bzero\b",
            r"\b(?:a|b)[^.!?]*\b{X}\b|\bvirer les {X}\b|\b{Y}c"]
    voc = {"{X}": "(?:juifs|roms)", "{Y}": "(?:x|y)"}
    texts = ["les roms sont des rats", "juifs dehors", "mort aux roms", "la chasse aux juifs", "zero",
             "a bla roms", "virer les juifs", "yc", "les rats", "mort aux chats", "virer les chats"]
    sub = lambda p: re.sub(r"\{[A-Z]\}", lambda m: voc[m.group(0)], p)
    for p in pats:
        f = factor(p)
        assert f.count("{X}") < p.count("{X}"), f
        for t in texts:
            assert bool(re.search(sub(p), t)) == bool(re.search(sub(f), t)), (p, f, t)
