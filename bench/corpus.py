"""Assembles the 10,000-tweet benchmark corpus from ../shared/data (never committed): half
French (fr_hate_superset test + dev), half English (OLID, TweetEval val), as JSON Lines."""
import csv
import json
import random
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def french():
    for name in ("test.csv", "dev.csv", "train.csv"):
        with open(DATA / "fr_hate_superset" / name, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                yield row["text"]


def english():
    with open(DATA / "olid" / "olid-training-v1.0.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            yield row["tweet"]
    yield from (DATA / "tweeteval_hate" / "val_text.txt").read_text(encoding="utf-8").splitlines()


def main(out_path, size=10_000):
    rng = random.Random(20261124)
    fr = [t for t in french() if t.strip()]
    en = [t for t in english() if t.strip()]
    rng.shuffle(fr)
    rng.shuffle(en)
    rows = [{"text": t, "lang": "fr"} for t in fr[: size // 2]] + [{"text": t, "lang": "en"} for t in en[: size - size // 2]]
    rng.shuffle(rows)
    with open(out_path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"corpus: {len(rows)} texts → {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
