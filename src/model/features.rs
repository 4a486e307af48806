//! The featurizer shared by training and inference: hashed word 1–2-grams and character
//! 3–5-grams of the normalized text. The trainer calls this code (`rempart features`), so the
//! features a model learned from are exactly the ones it is given in the browser.

/// Bumped whenever the features change; a model records the version it was trained with and
/// the engine refuses a model whose version differs.
pub const FEATURIZER_VERSION: &str = "rempart-features-1";

/// Only the start of very long texts feeds the model: it bounds the cost of a 25,000-character
/// post, and rules still read the whole text.
pub const MAX_MODEL_CHARS: usize = 1_000;
/// At most this many distinct features per text.
pub const MAX_FEATURES: usize = 512;

/// 64-bit FNV-1a: tiny, stable across platforms and languages (the trainer never re-implements
/// it: it reads ids from this code).
fn fnv1a(tag: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(tag);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            eat(0x1f);
        }
        p.bytes().for_each(&mut eat);
    }
    h
}

/// Words of a normalized text: runs of letters and digits; placeholders `@user` and `url`
/// stay words of their own.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '@'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Sparse features `(id, weight)` of a normalized text, ids in `1..buckets` (0 is padding),
/// sorted by id, weights L2-normalized so long and short texts score alike.
pub fn featurize(normalized: &str, buckets: u32) -> Vec<(u32, f32)> {
    let end = normalized.char_indices().nth(MAX_MODEL_CHARS).map_or(normalized.len(), |(i, _)| i);
    let text = &normalized[..end];
    let ws = words(text);
    let mut ids: Vec<u32> = Vec::with_capacity(ws.len() * 14);
    let bucket = |h: u64| 1 + (h % (buckets as u64 - 1)) as u32;
    for (i, w) in ws.iter().enumerate() {
        ids.push(bucket(fnv1a(b'w', &[w])));
        if i + 1 < ws.len() {
            ids.push(bucket(fnv1a(b'b', &[w, ws[i + 1]])));
        }
        let padded: Vec<char> = std::iter::once(' ').chain(w.chars()).chain(std::iter::once(' ')).collect();
        let mut buf = String::new();
        for n in 3..=5 {
            for window in padded.windows(n) {
                buf.clear();
                buf.extend(window);
                ids.push(bucket(fnv1a(b'0' + n as u8, &[&buf])));
            }
        }
    }
    ids.sort_unstable();
    let mut counted: Vec<(u32, f32)> = Vec::with_capacity(ids.len());
    for id in ids {
        match counted.last_mut() {
            Some((last, n)) if *last == id => *n += 1.0,
            _ => counted.push((id, 1.0)),
        }
    }
    if counted.len() > MAX_FEATURES {
        // Keep the most frequent features; ties by id, so the choice is deterministic.
        counted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(MAX_FEATURES);
        counted.sort_by_key(|f| f.0);
    }
    let norm = counted.iter().map(|f| f.1 * f.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        counted.iter_mut().for_each(|f| f.1 /= norm);
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_deterministic_sorted_and_normalized() {
        let a = featurize("t'es qu'un connard", 1 << 18);
        assert_eq!(a, featurize("t'es qu'un connard", 1 << 18));
        assert!(a.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(a.iter().all(|f| f.0 >= 1 && f.0 < 1 << 18));
        let norm: f32 = a.iter().map(|f| f.1 * f.1).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        assert!(featurize("", 1 << 18).is_empty());
    }

    #[test]
    fn long_texts_are_bounded() {
        let long = "mot ".repeat(20_000) + &(0..5000).map(|i| format!("w{i} ")).collect::<String>();
        assert!(featurize(&long, 1 << 18).len() <= MAX_FEATURES);
    }

    /// Pins the hash: if this changes, FEATURIZER_VERSION must change and the model retrained.
    #[test]
    fn hash_is_pinned() {
        assert_eq!(fnv1a(b'w', &["connard"]) % 1_000_003, 123_941);
    }
}
