"""Reads ../shared/data, maps each source's labels to the categories it really supervises,
deduplicates across sources and splits without leakage. Output: a list of Row."""
import csv, hashlib, html, re, unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# No source labels sexual harassment (Jigsaw "obscene" is profanity, fr_hate_superset's sexism is
# hate against women): v2 has no sexual_harassment head; rules cover it.
CATS = ["toxicity", "insult", "threat", "identity_attack", "profanity"]
T, I, TH, IA, P = range(5)
SOFT = "soft"  # 0 if the text has no rule/word-list hit (a clean negative), else masked

# CyberAgressionAdo is split by conversation: one held-out scenario per theme for test, two for
# calibration; a message never leaves its scenario.
CYBER_TEST = {"scenario_ethnicity_fatima", "scenario_homophobia_julie_bis", "scenario_obesity_Paul",
              "scenario_religion_fatimah"}
CYBER_DEV = {"scenario_ethnicity_sylvia_sophie", "scenario_obesity_francois"}
# CyberAgression-large replays each scenario several times (`_bis`, `_third`…, other pupils, same
# story): every replay of a held-out story is held out with it, so no story is on both sides.
CYBER_LARGE_TEST = ("scenario_ethnicity_fatima", "scenario_homophobia_julie", "scenario_obesity_paul",
                    "scenario_religion_fatimah")
CYBER_LARGE_DEV = ("scenario_ethnicity_sylvia_sophie", "scenario_obesity_francois")


def cyber_large_split(scenario):
    s = scenario.lower()
    story = lambda base: s == base or s.startswith(base + "_")
    return "test" if any(map(story, CYBER_LARGE_TEST)) else "dev" if any(map(story, CYBER_LARGE_DEV)) else "train"


@dataclass
class Row:
    text: str
    src: str
    lang: str
    split: str  # train | dev | test
    y: list = field(default_factory=lambda: [None] * len(CATS))  # 1, 0, SOFT or None (masked)
    notion: int = T  # the head that matches what this source labels, for evaluation


def clean(text):
    """Undoes source artefacts that tweets in the wild do not have: mojibake, HTML entities,
    and each dataset's own link/mention placeholders (else a placeholder identifies a source)."""
    if "Ã" in text or "â€" in text:
        try:
            text = text.encode("cp1252").decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            pass
    text = html.unescape(text).replace("|LBR|", " ")
    text = re.sub(r"(?<![\w/])(LINK|URL|@url|https?)(?![\w:/])", "https://t.co/x", text)
    text = text.replace("<user>", "@user").replace("<number>", "1")  # HateXplain's placeholders
    return re.sub(r"@USER\b", "@user", text)


def key(text):
    """Dedup key: what stays of a text once casing, accents, mentions, links and punctuation go
    (MLMA's lower-cased copies match the originals in fr_hate_superset)."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"@\w+|https?://\S+|\burl\b|\blink\b|\brt\b", " ", t)
    return " ".join(re.findall(r"\w+", t))


# Telling someone to kill themselves is self-harm encouragement, not a threat to the reader: the
# threat head must not learn it (it fired on "kys"). Generic phrasings, fr and en.
SELF_HARM = re.compile(
    r"\b(kys|kill (?:your ?self|ur ?self|yo ?self|thyself)|go die|(?:hang|neck|off) your ?self|drink bleach"
    r"|suicide[sz]?[- ]?(?:toi|vous)|pends?[- ]toi"
    # "va te pendre" is an order, "on va te pendre" a threat: only the former.
    r"|(?<!\bon )(?<!\bje )(?<!\bil )(?<!\bils )(?<!\bnous )(?<!\belle )(?<!\bj')vas? te (?:pendre|suicider|tuer|foutre en l'air)"
    r"|tue[- ]toi|tuez[- ]vous|cr[eè]ve[- ]toi)\b", re.I)


def self_harm_is_no_threat(text, y):
    if y[TH] in (1, None) and SELF_HARM.search(text):
        y = list(y)
        y[TH] = 0
    return y


def bucket(k, dev, test):
    h = int(hashlib.md5(k.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "test" if h < test else "dev" if h < test + dev else "train"


def read_csv(path, **kw):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, **kw))


def labels(t=None, i=None, th=None, ia=None, p=None):
    return [t, i, th, ia, p]


NEG = labels(0, 0, 0, 0, 0)  # a clean text is negative for every category


def hate_binary(v):
    """Hate-against-a-group sources: a 0 is only 'not hate' (it may still insult someone)."""
    return labels(1, None, None, 1, None) if v else labels(SOFT, SOFT, SOFT, 0, SOFT)


def load(root):
    root = Path(root)
    rows = []
    add = lambda text, src, lang, split, y, notion=T: rows.append(Row(clean(text), src, lang, split, self_harm_is_no_threat(text, y), notion))

    for split in ("train", "dev", "test"):
        for r in read_csv(root / "fr_hate_superset" / f"{split}.csv"):
            add(r["text"], "fr_hate_superset", "fr", split, hate_binary(int(r["label"])), IA)

    for r in read_csv(root / "cyberagressionado_v2" / "majority.csv"):
        sc, hate, va = r["scenario"], r["HATE_maj"], r["VERBAL_ABUSE_maj"]
        split = "test" if sc in CYBER_TEST else "dev" if sc in CYBER_DEV else "train"
        if split == "train" and cyber_large_split(sc) != "train":
            continue  # another replay of a story held out in CyberAgression-large
        if hate == "NAG":
            y = list(NEG)
        elif hate in ("OAG", "CAG"):
            y = labels(1, 1 if va in ("NCG", "DNG") else None, 1 if va == "THR" else 0)
        else:
            continue
        add(r["TEXT"], "cyberagressionado", "fr", split, y)

    # Same scheme as v2; a few cells hold the annotation tool's notes instead of a label: skipped.
    for r in read_csv(root / "cyberagression_large" / "majority.csv"):
        hate, va = r["HATE"], r["VERBAL_ABUSE"]
        if hate == "NAG":
            y = list(NEG)
        elif hate in ("OAG", "CAG") and not va.startswith("File:"):
            y = labels(1, 1 if va in ("NCG", "DNG") else None, 1 if va == "THR" else 0)
        else:
            continue
        add(r["TEXT"], "cyberagression_large", "fr", cyber_large_split(r["scenario"]), y)

    # HateXplain: 0 normal (a 0 may still insult: soft), 1 and 2 offensive or hate; a hateful
    # text naming a target group is an identity attack.
    for r in read_csv(root / "hatexplain" / "hatexplain.csv"):
        if r["label"] == "0":
            y = labels(SOFT, SOFT, SOFT, 0, SOFT)
        else:
            group = any(r[k] == "1" for k in ("label_race", "label_religion", "label_gender", "label_minority"))
            y = labels(1, ia=1 if group else None)
        add(r["text"], "hatexplain", "en", bucket(key(r["text"]), 0.1, 0.2), y)

    # ThreatGram: 2 violent threat or call for violence; 0 and 1 (arrest, impeach) are no threat,
    # whatever else they say.
    for r in read_csv(root / "threatgram" / "labeled.csv"):
        y = labels(1, th=1) if r["label"] == "2" else labels(th=0)
        add(r["reply"], "threatgram", "en", bucket(key(r["reply"]), 0.1, 0.2), y, TH)

    # Misogyny on Reddit: misogynistic → identity attack on women; the rest is not hate (soft).
    for r in read_csv(root / "misogyny_reddit" / "final_labels.csv"):
        split = "test" if r["split"] == "test" else bucket(key(r["body"]), 0.1, 0.0)
        y = labels(1, ia=1) if r["level_1"] == "Misogynistic" else hate_binary(0)
        add(r["body"], "misogyny_reddit", "en", split, y, IA)

    for lang in ("fr", "en"):
        for r in read_csv(root / "mlma" / f"{lang}_dataset.csv"):
            s = set(r["sentiment"].split("_"))
            if s == {"normal"}:
                y = list(NEG)
            elif s & {"offensive", "abusive", "hateful", "disrespectful"}:
                group = r["target"] in ("origin", "gender", "sexual_orientation", "religion", "disability")
                y = labels(1, ia=1 if "hateful" in s and group else None)
            else:
                continue
            add(r["tweet"], f"mlma_{lang}", lang, bucket(key(r["tweet"]), 0.1, 0.15), y)

    for r in read_csv(root / "jigsaw_bilingual" / "subset_jigsaw.csv"):
        v = {k: int(r[k]) for k in ("toxic", "obscene", "threat", "insult", "identity_hate")}
        y = list(NEG) if not any(v.values()) else labels(
            v["toxic"] or None, v["insult"], v["threat"], v["identity_hate"], v["obscene"])
        split = bucket(r["msg_id"], 0.15, 0.0)  # the translation shares its original's split
        add(r["original_text"], "jigsaw_en", "en", split, y)
        add(r["content"], "jigsaw_fr", "fr", split, list(y))

    for r in read_csv(root / "olid" / "olid-training-v1.0.tsv", delimiter="\t", quoting=csv.QUOTE_NONE):
        if r["subtask_a"] == "NOT":
            y = list(NEG)
        elif r["subtask_b"] == "UNT":
            y = labels(1, 0, 0, 0, 1)
        else:
            y = labels(1, 1, None, 0 if r["subtask_c"] == "IND" else None)
        add(r["tweet"], "olid", "en", bucket(r["id"], 0.1, 0.2), y)

    for r in read_csv(root / "davidson" / "labeled_data.csv"):
        c = int(r["class"])
        y = list(NEG) if c == 2 else labels(1, None, None, 1 if c == 0 else 0)
        add(r["tweet"], "davidson", "en", bucket(r[""], 0.1, 0.2), y)

    tt = root / "tweeteval_hate"
    for part, split in (("train", None), ("val", "test")):
        texts = (tt / f"{part}_text.txt").read_text(encoding="utf-8").splitlines()
        ys = (tt / f"{part}_labels.txt").read_text().split()
        for text, v in zip(texts, ys):
            add(text, "tweeteval_hate", "en", split or bucket(key(text), 0.1, 0.0), hate_binary(int(v)), IA)

    lowres = {"fou18_en": ("en", None), "ken20_en": ("en", None), "dyn21_en": ("en", IA),
              "bas19_es": ("es", IA), "san20_it": ("it", IA), "for19_pt": ("pt", IA)}
    for name, (lang, notion) in lowres.items():
        for f in sorted((root / "lowres_hate" / name).glob("*.csv")):
            split = "dev" if f.name.startswith("dev") else "test" if f.name.startswith("test") else "train"
            for r in read_csv(f):
                if r["label"] not in ("0", "1"):  # dyn21 has a few rows broken by raw newlines
                    continue
                v = int(r["label"])
                if notion is None:  # Founta/Kennedy: abusive or hateful, at anyone: toxicity
                    y = labels(1, None, None, None) if v else labels(0, 0, 0, 0, None)
                else:
                    y = hate_binary(v)
                add(r["text"], name, lang, split, y, notion if notion is not None else T)

    for part in ("training", "test"):
        for line in (root / "germeval2018" / f"germeval2018.{part}.txt").read_text(encoding="utf-8").splitlines():
            text, coarse, fine = line.rsplit("\t", 2)
            if coarse == "OTHER":
                y = list(NEG)
            else:
                y = labels(1, 1 if fine == "INSULT" else 0 if fine == "PROFANITY" else None, None, None,
                           1 if fine == "PROFANITY" else None)
            split = "test" if part == "test" else bucket(key(text), 0.1, 0.0)
            add(text, "germeval2018", "de", split, y)
    return dedupe(rows)


# Where one text is in several sources, the richer annotation keeps it.
PRIORITY = ["cyberagressionado", "cyberagression_large", "mlma_fr", "jigsaw_fr", "jigsaw_en", "olid", "germeval2018"]


def dedupe(rows):
    """A text used for testing (in any source) is never trained or calibrated on; a calibration
    text is never trained on; a training text is kept once."""
    rank = {"test": 0, "dev": 1, "train": 2}
    best = {}
    for r in rows:
        k = key(r.text)
        if not k:
            continue
        best[k] = min(best.get(k, "train"), r.split, key=rank.get)
    out, seen = [], set()
    prio = lambda r: PRIORITY.index(r.src) if r.src in PRIORITY else len(PRIORITY)
    for r in sorted(rows, key=prio):
        k = key(r.text)
        if not k:
            continue
        if r.split == "test":
            if (k, r.src) not in seen:  # each test set stays whole, duplicates within it once
                seen.add((k, r.src))
                out.append(r)
            continue
        if best[k] != r.split or k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


if __name__ == "__main__":
    import collections, sys
    rows = load(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    c = collections.Counter((r.src, r.split) for r in rows)
    for k in sorted(c):
        print(k, c[k])
