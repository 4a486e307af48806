"""Bridges to the engine (features and verdicts come from `target/release/rempart` itself, so
training, evaluation and inference share one code path) and the word-list baseline."""
import hashlib, json, re, subprocess, unicodedata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "models" / "train" / "work"
BIN = REPO / "target" / "release" / "rempart"


def _pipe(args, texts, langs=None):
    langs = langs if langs is not None else [None] * len(texts)
    inp = "".join(json.dumps({"text": t, **({"lang": l} if l else {})}, ensure_ascii=False) + "\n"
                  for t, l in zip(texts, langs)).encode()
    out = subprocess.run([str(BIN), *args], input=inp, capture_output=True, check=True).stdout
    lines = out.decode().splitlines()
    assert len(lines) == len(texts), f"rempart {args[0]}: {len(lines)} lines for {len(texts)} texts"
    return lines


def _cached(name, texts, make, langs=None):
    """Keyed by the texts (and languages) and the engine binary, so a rebuilt engine is never read stale."""
    key = "\x00".join(texts) + ("\x01" + "\x00".join(l or "" for l in langs) if langs is not None else "")
    h = hashlib.sha1(BIN.read_bytes() + key.encode()).hexdigest()[:16]
    path = WORK / f"{name}-{h}.npz"
    if path.exists():
        return dict(np.load(path, allow_pickle=False))
    d = make()
    np.savez(path, **d)
    return d


def sha(path):
    """A short content hash of a file, for cache keys."""
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:10]


def featurizer_version():
    """The version the engine reports: the model records it and the engine checks it on load."""
    err = subprocess.run([str(BIN), "features"], input=b"", capture_output=True, check=True).stderr.decode()
    return re.search(r"featurizer (\S+),", err).group(1)


def features(texts, buckets):
    """CSR matrix [n, buckets] of the engine's own normalized, hashed, L2-normalized features."""
    def make():
        ids, vals, ptr = [], [], [0]
        for line in _pipe(["features", "--buckets", str(buckets)], texts):
            d = json.loads(line)
            ids.extend(d["ids"]); vals.extend(d["weights"]); ptr.append(len(ids))
        return {"ids": np.array(ids, np.int32), "vals": np.array(vals, np.float32), "ptr": np.array(ptr, np.int64)}
    d = _cached(f"feat{buckets}", texts, make)
    return sp.csr_matrix((d["vals"], d["ids"], d["ptr"]), shape=(len(texts), buckets))


CAT_ORDER = ["insult", "threat", "identity_attack", "sexual_harassment", "doxxing", "self_harm", "defamation",
             "profanity", "toxicity"]


def verdicts(texts, model=None, langs=None):
    """`rempart score` per text: overall score, default flag, and category scores [n, 9]. `langs`
    (optional, one per text): each text's language as X would tag it, for the default flag."""
    args = ["score", "--model", str(model)] if model else ["score", "--no-model"]
    def make():
        rows = [json.loads(l) for l in _pipe(args, texts, langs)]
        return {"score": np.array([r["score"] for r in rows], np.float32),
                "flag": np.array([r["flag"] for r in rows], bool),
                "cats": np.array([[r["categories"][c] for c in CAT_ORDER] for r in rows], np.float32)}
    tag = "rules" if model is None else "combined-" + hashlib.sha1(Path(model).read_bytes()).hexdigest()[:10]
    return _cached(tag, texts, make, langs)


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


class WordList:
    """The plain baseline: a text is harmful if it contains a listed word or phrase."""
    LANGS = ["fr", "en", "de", "es", "it", "pt"]

    def __init__(self):
        nm = WORK / "node_modules"
        words = set()
        for lang in self.LANGS:
            words |= set(json.loads((nm / "naughty-words" / f"{lang}.json").read_text()))
        words |= set((nm / "french-badwords-list" / "list.txt").read_text().split("\n"))
        words = {" ".join(re.findall(r"\w+", fold(w))) for w in words}
        self.words = {w for w in words if w}

    def hits(self, text):
        toks = re.findall(r"\w+", fold(text))
        for n in (1, 2, 3):
            for i in range(len(toks) - n + 1):
                if " ".join(toks[i:i + n]) in self.words:
                    return True
        return False
