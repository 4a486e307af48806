"""The student's vocabulary: the engine's own normalized words (from `rempart features --tokens`)
that are frequent in French and English usage (wordfreq) or in the training texts, each with the
surface form (accents kept) that the teacher embeds."""
import collections, json, re

import common

SIZE = 30_000
WORDFREQ = {"fr": 20_000, "en": 10_000}  # known to the teacher even when no labelled text has them
MIN_TRAIN_COUNT = 3


def tokens(texts):
    """The normalized words of each text, exactly as the featurizer splits them."""
    return [json.loads(l)["tokens"] for l in common._pipe(["features", "--tokens"], texts)]


def surface_forms(texts):
    """For each accent-folded lower-case word, its most frequent written form."""
    forms = collections.defaultdict(collections.Counter)
    for t in texts:
        for w in re.findall(r"\w+", t.lower()):
            forms[common.fold(w)][w] += 1
    return {k: c.most_common(1)[0][0] for k, c in forms.items()}


def choose(train_texts):
    import wordfreq
    counts = collections.Counter(w for ts in tokens(train_texts) for w in ts)
    surface = surface_forms(train_texts)
    chosen = {}  # normalized word -> surface form, in order of choice
    for lang, n in WORDFREQ.items():
        words = wordfreq.top_n_list(lang, n)
        for w, ts in zip(words, tokens(words)):
            if len(ts) == 1 and ts[0] not in chosen:
                chosen[ts[0]] = w
    for w, c in counts.most_common():
        if len(chosen) >= SIZE or c < MIN_TRAIN_COUNT:
            break
        if w not in chosen and len(w) > 1:
            chosen[w] = surface.get(w, w)
    return list(chosen.items())[:SIZE]


def ensure(train_texts):
    """The vocabulary as (normalized word, surface form), chosen once and kept in work/ (the
    teacher's embeddings are cached by its content); work/vocab.txt is what the engine reads."""
    tsv, txt = common.WORK / "vocab.tsv", common.WORK / "vocab.txt"
    if not tsv.exists():
        words = choose(train_texts)
        tsv.write_text("".join(f"{w}\t{s}\n" for w, s in words), encoding="utf-8")
    words = [tuple(l.split("\t")) for l in tsv.read_text(encoding="utf-8").splitlines()]
    txt.write_text("".join(w + "\n" for w, _ in words), encoding="utf-8")
    print(f"vocabulary: {len(words)} words", flush=True)
    return words
