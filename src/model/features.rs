//! The featurizer shared by training and inference: hashed word 1–2-grams and character
//! 4-grams of the normalized text, and the ids of its words in the model's vocabulary (the rows
//! of its static word embeddings). The trainer calls this code (`rempart features`), so the
//! features a model learned from are exactly the ones it is given in the browser.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

/// Bumped whenever the features change; a model records the version it was trained with and
/// the engine refuses a model whose version differs.
/// v2: character 4-grams only (v1 had 3-, 4- and 5-grams: 2.2× the features for the same
/// held-out AUC, measured), hashed from the characters without building strings.
/// v3: the same n-grams, plus word ids in a vocabulary the model carries.
pub const FEATURIZER_VERSION: &str = "rempart-features-3";

/// Only the start of very long texts feeds the model: it bounds the cost of a 25,000-character
/// post, and rules still read the whole text.
pub const MAX_MODEL_CHARS: usize = 1_000;
/// At most this many distinct features per text (a 280-character tweet has about 100).
pub const MAX_FEATURES: usize = 384;
/// Character n-grams are taken from at most this many characters of a word: longer "words"
/// are URLs' leftovers or keyboard mashing, and their start says enough.
const MAX_GRAM_CHARS: usize = 32;
/// The character n-gram order.
const GRAM: usize = 4;
/// At most this many words of a text are looked up in the vocabulary (a tweet has about 40).
pub const MAX_WORDS: usize = 256;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a over bytes (words) or code points (n-grams): tiny and stable across
/// platforms; the trainer never re-implements it, it reads ids from this code.
#[inline]
fn fnv_step(h: u64, unit: u64) -> u64 {
    (h ^ unit).wrapping_mul(FNV_PRIME)
}

/// Spreads FNV's weak low bits before the modulo (murmur3's 64-bit finalizer).
#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

fn word_hash(w: &str) -> u64 {
    w.bytes().fold(fnv_step(FNV_OFFSET, b'w' as u64), |h, b| fnv_step(h, b as u64))
}

/// A word pair from its words' hashes: order matters ("tu es" ≠ "es tu").
fn bigram_hash(a: u64, b: u64) -> u64 {
    fnv_step(fnv_step(a.rotate_left(23), b'b' as u64), b)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '@'
}

/// The words of a normalized text as every part of the model sees them: runs of letters and
/// digits (`@user` and `url` stay words) in the first `MAX_MODEL_CHARS` characters.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    let end = normalized.char_indices().nth(MAX_MODEL_CHARS).map_or(normalized.len(), |(i, _)| i);
    normalized[..end].split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// A model's vocabulary: one normalized word per line, line k (from 0) is row k + 1 of its word
/// embeddings (row 0 is padding). Words outside it are left to the n-grams.
/// The words stay in the one string they came in, and the table holds only ids: 30,000 words
/// load without 30,000 allocations (measured: 8.6 → 1.5 ms natively, more in wasm's allocator).
#[derive(Default)]
pub struct Vocab {
    text: Box<str>,
    /// Byte range of line k in `text`.
    spans: Vec<(u32, u32)>,
    /// Row ids (k + 1), found by the hash of their word.
    index: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Vocab {
    pub fn from_lines(text: &str) -> Vocab {
        let text: Box<str> = text.into();
        let base = text.as_ptr() as usize;
        let spans: Vec<(u32, u32)> = text
            .lines()
            .map(|w| {
                let start = w.as_ptr() as usize - base;
                (start as u32, (start + w.len()) as u32)
            })
            .collect();
        let hasher = DefaultHashBuilder::default();
        let mut index = HashTable::with_capacity(spans.len());
        for (k, &(s, e)) in spans.iter().enumerate() {
            let w = &text[s as usize..e as usize];
            let hash = hasher.hash_one(w);
            let word_of = |id: &u32| {
                let (s, e) = spans[*id as usize - 1];
                &text[s as usize..e as usize]
            };
            // A repeated line keeps its first row, so ids never depend on map order.
            if index.find(hash, |id| word_of(id) == w).is_none() {
                index.insert_unique(hash, k as u32 + 1, |id| hasher.hash_one(word_of(id)));
            }
        }
        Vocab { text, spans, index, hasher }
    }

    fn word(&self, id: u32) -> &str {
        let (s, e) = self.spans[id as usize - 1];
        &self.text[s as usize..e as usize]
    }

    fn id(&self, w: &str) -> Option<u32> {
        self.index.find(self.hasher.hash_one(w), |&id| self.word(id) == w).copied()
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Ids of the text's words that are in the vocabulary, in order, repeats kept (a word said
    /// twice weighs twice in the mean), at most `MAX_WORDS`.
    pub fn ids_into(&self, normalized: &str, out: &mut Vec<u32>) {
        let start = out.len();
        for w in words(normalized) {
            if out.len() - start == MAX_WORDS {
                break;
            }
            if let Some(id) = self.id(w) {
                out.push(id);
            }
        }
    }
}

/// Reusable buffers, so a batch featurizes without allocating per text.
#[derive(Default)]
pub struct Featurizer {
    ids: Vec<u32>,
    chars: Vec<u32>,
}

impl Featurizer {
    /// Sparse features `(id, weight)` of a normalized text appended to `out`, ids in
    /// `1..buckets` (0 is padding), sorted by id, weights L2-normalized so long and short texts
    /// score alike. Words are runs of letters and digits; `@user` and `url` stay words.
    pub fn featurize_into(&mut self, normalized: &str, buckets: u32, out: &mut Vec<(u32, f32)>) {
        let start = out.len();
        let modulus = buckets.max(2) as u64 - 1;
        let bucket = |h: u64| 1 + (finish(h) % modulus) as u32;
        let ids = &mut self.ids;
        let chars = &mut self.chars;
        ids.clear();
        let mut prev: Option<u64> = None;
        for w in words(normalized) {
            let h = word_hash(w);
            ids.push(bucket(h));
            if let Some(p) = prev {
                ids.push(bucket(bigram_hash(p, h)));
            }
            prev = Some(h);
            // The word padded with a space on each side, so prefixes and suffixes are grams.
            chars.clear();
            chars.push(' ' as u32);
            chars.extend(w.chars().take(MAX_GRAM_CHARS).map(|c| c as u32));
            chars.push(' ' as u32);
            for window in chars.windows(GRAM) {
                let h = window.iter().fold(fnv_step(FNV_OFFSET, b'0' as u64 + GRAM as u64), |h, &c| fnv_step(h, c as u64));
                ids.push(bucket(h));
            }
        }
        ids.sort_unstable();
        for &id in ids.iter() {
            match out[start..].last_mut() {
                Some((last, n)) if *last == id => *n += 1.0,
                _ => out.push((id, 1.0)),
            }
        }
        let feats = &mut out[start..];
        if feats.len() > MAX_FEATURES {
            // Keep the most frequent features; ties by id, so the choice is deterministic.
            feats.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            feats[..MAX_FEATURES].sort_by_key(|f| f.0);
            out.truncate(start + MAX_FEATURES);
        }
        let feats = &mut out[start..];
        let norm = feats.iter().map(|f| f.1 * f.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            feats.iter_mut().for_each(|f| f.1 /= norm);
        }
    }
}

/// Sparse features of one normalized text (see `Featurizer::featurize_into`).
pub fn featurize(normalized: &str, buckets: u32) -> Vec<(u32, f32)> {
    let mut out = Vec::new();
    Featurizer::default().featurize_into(normalized, buckets, &mut out);
    out
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
        // 5 words + 4 pairs + the 4-grams of " t ", " es ", " qu ", " un ", " connard ".
        assert_eq!(a.len(), 5 + 4 + 0 + 1 + 1 + 1 + 6);
    }

    #[test]
    fn reused_buffers_give_the_same_features() {
        let mut f = Featurizer::default();
        let mut out = Vec::new();
        f.featurize_into("une phrase assez longue pour remplir les tampons", 1 << 17, &mut out);
        let first = out.len();
        f.featurize_into("t'es qu'un connard", 1 << 17, &mut out);
        assert_eq!(out[first..], featurize("t'es qu'un connard", 1 << 17)[..]);
    }

    #[test]
    fn long_texts_are_bounded() {
        let long = "mot ".repeat(20_000) + &(0..5000).map(|i| format!("w{i} ")).collect::<String>();
        assert!(featurize(&long, 1 << 18).len() <= MAX_FEATURES);
        let word = "a".repeat(10_000);
        assert!(featurize(&word, 1 << 18).len() <= MAX_GRAM_CHARS + 2);
    }

    #[test]
    fn vocabulary_ids_follow_the_text() {
        let v = Vocab::from_lines("connard\nt\nes\nconnard\n");
        assert_eq!(v.len(), 3);
        let mut out = vec![9];
        v.ids_into("t'es qu'un connard, connard", &mut out);
        assert_eq!(out, [9, 2, 3, 1, 1]);
        let mut many = Vec::new();
        v.ids_into(&"connard ".repeat(1000), &mut many);
        // Only the first MAX_MODEL_CHARS characters count: 125 words of 8.
        assert_eq!(many.len(), 125);
        assert!(words("@user url c0nnard").eq(["@user", "url", "c0nnard"]));
    }

    /// Pins the hashes: if this changes, FEATURIZER_VERSION must change and the model retrained.
    #[test]
    fn hash_is_pinned() {
        let ids: Vec<u32> = featurize("connard", 1 << 17).iter().map(|f| f.0).collect();
        assert_eq!(ids, [22_158, 60_171, 95_904, 109_057, 111_522, 117_289, 122_372]);
    }
}
