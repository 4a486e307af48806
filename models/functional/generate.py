#!/usr/bin/env python3
# Writes Rempart's functional test suites (templates x targets x functions, HateCheck's method,
# our own wording) to tests/fixtures/functional/{fr,en}.jsonl, and the hand-written rule cases
# (rule_cases_{fr,en}.txt) to rule_cases.jsonl. Deterministic, standard library only.
import hashlib
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from targets import TARGETS  # noqa: E402
import templates_fr_abuse_group, templates_fr_abuse_person  # noqa: E402
import templates_fr_clean_group, templates_fr_clean_other  # noqa: E402
import templates_en_abuse_group, templates_en_abuse_person  # noqa: E402
import templates_en_clean_group, templates_en_clean_other  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "fixtures", "functional")
TARGETS_PER_TEMPLATE = 7

ABUSIVE = ["derogation", "dehumanisation", "eliminationist", "threat_group", "threat_person",
           "accusation", "incitement", "veiled_threat", "insult_person"]
CLEAN = ["counter_speech", "quote_condemn", "negation", "neutral_mention", "positive_mention",
         "profanity_no_target", "insult_thing", "disagreement"]

# Which families are held out (whole families; every other family is "train"). Families d and
# e of each function were written with sentence patterns the train families a-c do not use.
SPLIT = {lang: {fn: ("d", "e") for fn in ABUSIVE + CLEAN} for lang in ("fr", "en")}

FAMILIES = {lang: {name: family for module in modules for name, family in module.FAMILIES.items()}
            for lang, modules in (
                ("fr", (templates_fr_abuse_group, templates_fr_abuse_person,
                        templates_fr_clean_group, templates_fr_clean_other)),
                ("en", (templates_en_abuse_group, templates_en_abuse_person,
                        templates_en_clean_group, templates_en_clean_other)))}

ALTERNATION = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
SLOT = re.compile(r"\{(\w+)\}")


def stable_int(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)


def strip_accents(text):
    # Many French tweets are typed without accents; keep the guillemets and the apostrophes.
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


def loose(text):
    """Lower-cased, accent-free, punctuation-free form, to spot near-copies."""
    text = unicodedata.normalize("NFD", text.lower())
    return " ".join("".join(c if c.isalnum() else " " for c in text
                            if unicodedata.category(c) != "Mn").split())


def render(template, target, kind, lang):
    fem = target["g"] == "f"
    text = ALTERNATION.sub(lambda m: m.group(2) if fem else m.group(1), template)
    text = SLOT.sub(lambda m: target[m.group(1)], text)
    if kind == "you" and target["prefix"]:
        keep_upper = lang == "en" and re.match(r"I\b", text)
        text = target["prefix"] + (text if keep_upper else text[0].lower() + text[1:])
    elif text[0].islower():
        text = text[0].upper() + text[1:]
    return text


# Common SMS spellings, applied to a fifth of the cases (whole words only).
SMS = {
    "fr": [("c'est", "c"), ("quelqu'un", "qqn"), ("quelque chose", "qqch"), ("tout le monde", "tlm"),
           ("toujours", "tjrs"), ("beaucoup", "bcp"), ("pourquoi", "pk"), ("parce que", "pcq"),
           ("vraiment", "vrmt"), ("sérieux", "srx"), ("je sais pas", "jsp"), ("t'inquiète", "tkt"),
           ("aujourd'hui", "ajd"), ("quoi", "koi"), ("franchement", "franchmt"), ("mais", "mé")],
    "en": [("you", "u"), ("your", "ur"), ("people", "ppl"), ("because", "bc"), ("tonight", "tonite"),
           ("seriously", "srsly"), ("to be honest", "tbh"), ("going to", "gonna"), ("are", "r"),
           ("please", "pls"), ("I don't know", "idk"), ("really", "rly")],
}
SMS_PATTERNS = {lang: [(re.compile(r"(?<![\w'])%s(?![\w'])" % re.escape(a), re.IGNORECASE), b)
                       for a, b in pairs] for lang, pairs in SMS.items()}


def vary(text, case_id, lang, opens_with_slot):
    """Informal surface variation, chosen by a hash so that reruns give the same file."""
    h = stable_int(case_id)
    if (h >> 8) % 5 == 0:
        for pattern, short in SMS_PATTERNS[lang]:
            text = pattern.sub(short, text)
    if lang == "fr" and h % 6 == 0:
        text = strip_accents(text)
    # Lower-case the opening word only when it is the template's own (never a name or a group).
    if h % 4 == 1 and not opens_with_slot and not text.startswith("@"):
        text = text[0].lower() + text[1:]
    return text


def usable(template, target):
    return not ("{N}" in template and target.get("pronoun"))


def cases_for(lang):
    cases, seen = [], set()
    for function in ABUSIVE + CLEAN:
        for fam, (kind, category, templates) in sorted(FAMILIES[lang][function].items()):
            family = "%s.%s.%s" % (lang, function, fam)
            split = "heldout" if fam in SPLIT[lang][function] else "train"
            pool = TARGETS[lang][kind]
            for ti, template in enumerate(templates):
                candidates = [t for t in pool if usable(template, t)]
                # Rotate through the pool so every target gets its share of every family.
                start = (ti * TARGETS_PER_TEMPLATE + stable_int(family)) % len(candidates)
                picked = [candidates[(start + j) % len(candidates)]
                          for j in range(min(TARGETS_PER_TEMPLATE, len(candidates)))]
                for target in picked:
                    case_id = "%s.t%d.%s" % (family, ti, target["id"])
                    text = vary(render(template, target, kind, lang), case_id, lang,
                                template.startswith("{") or bool(target.get("prefix")))
                    if loose(text) in seen:  # a case- or accent-only variant adds nothing
                        continue
                    seen.add(loose(text))
                    cases.append({
                        "id": case_id, "lang": lang, "text": text, "function": function,
                        "family": family, "target": target["id"],
                        "label": 1 if function in ABUSIVE else 0,
                        "category": category,
                        "split": split,
                    })
    return cases


def rule_cases():
    """Hand-written cases, one per line, under "== KIND LABEL" section headers."""
    rows = []
    for lang in ("fr", "en"):
        kind = label = None
        counters = {}
        with open(os.path.join(HERE, "rule_cases_%s.txt" % lang), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("== "):
                    kind, label = line[3:].split()
                    continue
                key = (kind, label)
                counters[key] = counters.get(key, 0) + 1
                rows.append({"id": "rule.%s.%s.%s.%03d" % (lang, kind, label, counters[key]),
                             "lang": lang, "text": line, "kind": kind, "label": int(label)})
    return rows


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for lang in ("fr", "en"):
        rows = cases_for(lang)
        write_jsonl(os.path.join(OUT, "%s.jsonl" % lang), rows)
        print("%s: %d cases" % (lang, len(rows)))
    rows = rule_cases()
    write_jsonl(os.path.join(OUT, "rule_cases.jsonl"), rows)
    print("rule cases: %d" % len(rows))


if __name__ == "__main__":
    main()
