"""The v3 student's parts: static word embeddings distilled from the teacher (model2vec-style:
each vocabulary word embedded alone, PCA, int8), the mean text vector the graph computes, the
two fits (n-gram heads; a small MLP over the mean embedding) and their per-head combination."""
import json

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize

import common

DIM = 64      # embedding width after PCA
HIDDEN = 16   # MLP width: its first layer is folded into the shipped table (V x 16), which keeps
              # the graph's gather as narrow as the n-grams' (64 wide with max pooling ran 3-4x
              # slower in tract: 7,800 texts/s natively, measured)


def static_embeddings(vectors, dim=DIM):
    """PCA of the teacher's word vectors to `dim`, quantized to int8 with one scale per row.
    Returns (int8 table [V+1, dim], scales [V+1]) with row 0 = padding (zeros)."""
    X = vectors - vectors.mean(0)
    _, _, vt = np.linalg.svd(X[:20_000], full_matrices=False)
    Z = X @ vt[:dim].T
    Z /= Z.std()  # a unit scale, so the MLP's initialization and L2 mean the same at any dim
    scale = np.abs(Z).max(1) / 127 + 1e-12
    q = np.round(Z / scale[:, None]).astype(np.int8)
    pad = np.zeros((1, dim), np.int8)
    return np.concatenate([pad, q]), np.concatenate([[1.0], scale]).astype(np.float32)


def dequantize(q, scale):
    return q.astype(np.float32) * scale[:, None]


def word_id_lists(texts, vocab_file):
    """The engine's own vocabulary ids of each text, in text order (`rempart features --vocab`):
    {"ids": all of them, "ptr": where each text's start}, cached with the features."""
    def make():
        ids, ptr = [], [0]
        for line in common._pipe(["features", "--buckets", "2", "--vocab", str(vocab_file)], texts):
            ids.extend(json.loads(line)["words"]); ptr.append(len(ids))
        return {"ids": np.array(ids, np.int32), "ptr": np.array(ptr, np.int64)}
    return common._cached("words-" + common.sha(vocab_file), texts, make)


def word_ids(texts, vocab_file):
    """CSR [n, V+1] of those ids, value 1/count (the graph's mean pooling)."""
    d = word_id_lists(texts, vocab_file)
    counts = np.diff(d["ptr"])
    vals = np.repeat(1.0 / np.maximum(counts, 1), counts).astype(np.float32)
    return sp.csr_matrix((vals, d["ids"], d["ptr"]))


def pooled(A, E):
    """The mean of each text's word embeddings, exactly as the graph computes it (padding has
    weight 0; a text without a known word pools to zeros)."""
    A = sp.csr_matrix(A, shape=(A.shape[0], E.shape[0]))
    return np.asarray(A @ E, np.float32)


def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def fit_linear(X, Y, W, l2, iters=250):
    """v2's masked multi-head logistic regression over the hashed n-grams (convex: one L-BFGS)."""
    n, B = X.shape
    C = Y.shape[1]
    Xt = X.T.tocsr()
    norm = W.sum() / C

    def f(theta):
        Wm, b = theta[:-C].reshape(B, C), theta[-C:]
        P = sigmoid(X @ Wm + b)
        loss = -(W * (Y * np.log(P + 1e-9) + (1 - Y) * np.log(1 - P + 1e-9))).sum() / norm
        G = W * (P - Y) / norm
        gW = Xt @ G + l2[:, None] * Wm
        return loss + 0.5 * (l2[:, None] * Wm * Wm).sum(), np.concatenate([gW.ravel(), G.sum(0)])

    res = minimize(f, np.zeros(B * C + C), jac=True, method="L-BFGS-B", options={"maxiter": iters})
    print(f"  n-grams: loss {res.fun:.4f} after {res.nit} iterations", flush=True)
    return res.x[:-C].reshape(B, C).astype(np.float32), res.x[-C:].astype(np.float32)


def fit_mlp(P, Y, W, l2, hidden=HIDDEN, iters=400, seed=0):
    """The same masked loss for z = relu(P·W1 + b1)·W2 + b2 over the pooled static embeddings alone:
    trained apart from the n-grams, so the n-grams (which can memorize the training texts) leave it
    something to learn; the two are combined on the calibration split."""
    C, D = Y.shape[1], P.shape[1]
    shapes = [(D, hidden), (hidden,), (hidden, C), (C,)]
    sizes = [int(np.prod(s)) for s in shapes]

    def unpack(theta):
        out, k = [], 0
        for s, m in zip(shapes, sizes):
            out.append(theta[k:k + m].reshape(s)); k += m
        return out

    norm = W.sum() / C

    def f(theta):
        W1, b1, W2, b2 = unpack(theta)
        H = np.maximum(P @ W1 + b1, 0)
        Pr = sigmoid(H @ W2 + b2)
        loss = -(W * (Y * np.log(Pr + 1e-9) + (1 - Y) * np.log(1 - Pr + 1e-9))).sum() / norm
        G = W * (Pr - Y) / norm
        GH = (G @ W2.T) * (H > 0)
        grads = [P.T @ GH + l2 * W1, GH.sum(0), H.T @ G + l2 * W2, G.sum(0)]
        reg = 0.5 * l2 * ((W1 * W1).sum() + (W2 * W2).sum())
        return loss + reg, np.concatenate([g.ravel() for g in grads]).astype(np.float64)

    rng = np.random.default_rng(seed)
    init = [rng.normal(0, np.sqrt(2 / D), shapes[0]), np.zeros(hidden), rng.normal(0, 0.01, shapes[2]), np.zeros(C)]
    res = minimize(f, np.concatenate([p.ravel() for p in init]), jac=True, method="L-BFGS-B", options={"maxiter": iters})
    print(f"  embeddings MLP: loss {res.fun:.4f} after {res.nit} iterations", flush=True)
    return [p.astype(np.float32) for p in unpack(res.x)]


def mlp_logits(mlp, P):
    W1, b1, W2, b2 = mlp
    return np.maximum(P @ W1 + b1, 0) @ W2 + b2


def combine(zl, zm, y, w):
    """Per head on calibration data: a, c, b of sigmoid(a·z_ngrams + c·z_embeddings + b) (Platt
    scaling with two inputs), folded into the exported weights."""
    def f(p):
        q = sigmoid(p[0] * zl + p[1] * zm + p[2])
        g = w * (q - y)
        return -(w * (y * np.log(q + 1e-9) + (1 - y) * np.log(1 - q + 1e-9))).sum(), np.array([(g * zl).sum(), (g * zm).sum(), g.sum()])
    return minimize(f, np.array([1.0, 1.0, 0.0]), jac=True, method="L-BFGS-B").x
