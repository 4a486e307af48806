#!/usr/bin/env python3
# Sanity checks for the functional suites and the rule cases: the committed files match the
# generator, ids are unique, every function has held-out families, no text sits in both splits,
# counts are balanced. Standard library only; exits non-zero on the first failed check group.
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

SLOT_OR_ALT = re.compile(r"\{\w+\}|\[[^\[\]|]*\|[^\[\]|]*\]")

CATEGORIES = {"insult", "threat", "identity_attack", "defamation", "toxicity", "profanity", "none"}
FIELDS = {"id", "lang", "text", "function", "family", "target", "label", "category", "split"}
problems = []


def fail(message):
    problems.append(message)


def load(name):
    with open(os.path.join(generate.OUT, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def check_suite(lang):
    rows = load("%s.jsonl" % lang)
    if rows != generate.cases_for(lang):
        fail("%s.jsonl differs from what generate.py writes: rerun it" % lang)
    ids = collections.Counter(r["id"] for r in rows)
    fail_ids = [i for i, n in ids.items() if n > 1]
    if fail_ids:
        fail("%s: duplicate ids %s" % (lang, fail_ids[:5]))
    family_of = {}
    by_split = {"train": set(), "heldout": set()}
    per_function = collections.defaultdict(lambda: collections.Counter())
    families = collections.defaultdict(lambda: {"train": set(), "heldout": set()})
    for r in rows:
        if set(r) != FIELDS:
            fail("%s: %s has fields %s" % (lang, r["id"], sorted(r)))
        if r["lang"] != lang or r["category"] not in CATEGORIES or r["split"] not in by_split:
            fail("%s: %s has a bad lang, category or split" % (lang, r["id"]))
        abusive = r["function"] in generate.ABUSIVE
        clean_category = r["category"] in ("none", "profanity")
        if r["label"] != int(abusive) or abusive == clean_category:
            fail("%s: %s label/category disagree with its function" % (lang, r["id"]))
        if any(c in r["text"] for c in "{}[]|"):
            fail("%s: %s has an unfilled slot: %s" % (lang, r["id"], r["text"]))
        seen = family_of.setdefault(r["family"], (r["function"], r["split"]))
        if seen != (r["function"], r["split"]):
            fail("%s: family %s spans functions or splits" % (lang, r["family"]))
        by_split[r["split"]].add(generate.loose(r["text"]))
        per_function[r["function"]][r["split"]] += 1
        families[r["function"]][r["split"]].add(r["family"])
    shared = by_split["train"] & by_split["heldout"]
    if shared:
        fail("%s: %d texts in both splits, e.g. %s" % (lang, len(shared), sorted(shared)[:3]))
    if not 1500 <= len(rows) <= 3000:
        fail("%s: %d cases, outside 1,500-3,000" % (lang, len(rows)))
    mean = len(rows) / len(per_function)
    for function in generate.ABUSIVE + generate.CLEAN:
        fams = families[function]
        if len(fams["heldout"]) < 1 or len(fams["train"]) < 2 or \
                len(fams["train"]) + len(fams["heldout"]) < 4:
            fail("%s: %s needs >= 4 families with some held out: %s" % (lang, function, fams))
        counts = per_function[function]
        total = sum(counts.values())
        if total > 1.5 * mean or total < 0.5 * mean:
            fail("%s: %s has %d cases (mean %.0f): unbalanced" % (lang, function, total, mean))
        if not 0.25 <= counts["heldout"] / max(total, 1) <= 0.45:
            fail("%s: %s holds out %d of %d" % (lang, function, counts["heldout"], total))
    for function, table in generate.FAMILIES[lang].items():
        for fam, (_, _, templates) in table.items():
            if len(templates) < 4 or len(set(templates)) != len(templates):
                fail("%s: family %s.%s needs 4 distinct templates" % (lang, function, fam))
    return rows, per_function, families


def skeleton_grams(template, n=4):
    words = generate.loose(SLOT_OR_ALT.sub(" SLOT ", template)).split()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def check_structure(lang):
    """Held-out families must not reuse a 4-word run of a train family's wording."""
    for function, table in generate.FAMILIES[lang].items():
        grams = {"train": set(), "heldout": set()}
        for fam, (_, _, templates) in table.items():
            split = "heldout" if fam in generate.SPLIT[lang][function] else "train"
            for template in templates:
                grams[split] |= skeleton_grams(template)
        shared = grams["train"] & grams["heldout"]
        if shared:
            fail("%s: %s train and held-out families share %s" % (lang, function, sorted(shared)))


def check_rule_cases():
    rows = load("rule_cases.jsonl")
    if rows != generate.rule_cases():
        fail("rule_cases.jsonl differs from what generate.py writes: rerun it")
    if len({r["id"] for r in rows}) != len(rows):
        fail("rule cases: duplicate ids")
    texts = collections.Counter(generate.loose(r["text"]) for r in rows)
    dupes = [t for t, n in texts.items() if n > 1]
    if dupes:
        fail("rule cases: repeated texts %s" % dupes[:5])
    suites = {generate.loose(c["text"]) for lang in ("fr", "en") for c in generate.cases_for(lang)}
    copied = [r["text"] for r in rows if generate.loose(r["text"]) in suites]
    if copied:
        fail("rule cases also in the functional suites (not out of sample): %s" % copied[:5])
    counts = collections.Counter((r["lang"], r["kind"], r["label"]) for r in rows)
    for lang in ("fr", "en"):
        positives = sum(n for (l, _, y), n in counts.items() if l == lang and y == 1)
        negatives = sum(n for (l, _, y), n in counts.items() if l == lang and y == 0)
        if positives < 120 or negatives < positives:
            fail("rule cases %s: %d abusive, %d clean" % (lang, positives, negatives))
        for kind in ("accusation", "incitement", "veiled_threat"):
            if not counts[(lang, kind, 1)] or not counts[(lang, kind, 0)]:
                fail("rule cases %s: %s lacks a label" % (lang, kind))
    return counts


def main():
    for lang in ("fr", "en"):
        rows, per_function, families = check_suite(lang)
        check_structure(lang)
        print("%s: %d cases" % (lang, len(rows)))
        print("  %-20s %6s %8s %9s" % ("function", "train", "heldout", "families"))
        for function in generate.ABUSIVE + generate.CLEAN:
            c, f = per_function[function], families[function]
            print("  %-20s %6d %8d %5d+%d" % (function, c["train"], c["heldout"],
                                              len(f["train"]), len(f["heldout"])))
    for (lang, kind, label), n in sorted(check_rule_cases().items()):
        print("rule cases %s %-14s label %d: %d" % (lang, kind, label, n))
    for message in problems:
        print("FAIL", message)
    print("ok" if not problems else "%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
