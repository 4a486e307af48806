//! The toxicity model: an ONNX graph loaded from bytes with tract-onnx, run once per batch.
//!
//! Contract with the trainer (`models/train/`): inputs `ids` (int64 [N, L], 0 = padding) and
//! `weights` (float [N, L]) from `features::featurize`, and when the model has a `vocab`,
//! `words` (int64 [N, M], 0 = padding) and `word_weights` (float [N, M], 1/count of the text's
//! words in the vocabulary, 0 for padding) from `Vocab::ids_into`; output `scores` (float
//! [N, C], probabilities). Metadata: `categories` (comma-separated names from the shared
//! vocabulary, in output order), `featurizer` (must equal `FEATURIZER_VERSION`), `buckets`,
//! optionally `vocab` (one normalized word per line).

pub mod features;
mod onnx_ops;

use tract_onnx::prelude::*;

use crate::category::{Category, Scores};
use crate::error::Error;
pub use features::{featurize, Featurizer, Vocab, FEATURIZER_VERSION};

pub struct Model {
    plan: Arc<TypedRunnableModel>,
    /// Output column → category.
    outputs: Vec<Category>,
    pub buckets: u32,
    /// The words that have static embeddings in the graph, if it has any.
    vocab: Option<Vocab>,
    /// Free-form name/version from the model's metadata, for `explain` and the UI.
    pub description: String,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = self.vocab.as_ref().map_or(0, Vocab::len);
        f.debug_struct("Model").field("outputs", &self.outputs).field("buckets", &self.buckets).field("words", &words).finish()
    }
}

fn model_err(e: impl std::fmt::Display) -> Error {
    Error::Model(e.to_string())
}

fn metadata(proto: &tract_onnx::pb::ModelProto, key: &str) -> Option<String> {
    proto.metadata_props.iter().find(|p| p.key == key).map(|p| p.value.clone())
}

fn parse(bytes: &[u8]) -> Result<tract_onnx::pb::ModelProto, Error> {
    onnx_ops::onnx().proto_model_for_read(&mut &bytes[..]).map_err(|e| model_err(format!("not an ONNX model: {e}")))
}

impl Model {
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        Model::from_proto(parse(bytes)?)
    }

    /// The same, freeing the bytes once they are parsed: in wasm the memory keeps its peak for
    /// good, and the file's 1.4 MB need not sit under the graph's optimization.
    pub fn from_vec(bytes: Vec<u8>) -> Result<Model, Error> {
        let proto = parse(&bytes)?;
        drop(bytes);
        Model::from_proto(proto)
    }

    /// The proto is dropped as soon as tract has its graph: it holds a second copy of every
    /// weight, which the optimizer does not need.
    fn from_proto(proto: tract_onnx::pb::ModelProto) -> Result<Model, Error> {
        let onnx = onnx_ops::onnx();
        onnx_ops::check_operators(&proto).map_err(model_err)?;
        let featurizer = metadata(&proto, "featurizer").unwrap_or_default();
        if featurizer != FEATURIZER_VERSION {
            return Err(model_err(format!(
                "trained with featurizer '{featurizer}', this engine has '{FEATURIZER_VERSION}': retrain or update"
            )));
        }
        let buckets: u32 = metadata(&proto, "buckets")
            .and_then(|b| b.parse().ok())
            .filter(|&b| b >= 2)
            .ok_or_else(|| model_err("metadata 'buckets' missing"))?;
        let outputs = metadata(&proto, "categories")
            .ok_or_else(|| model_err("metadata 'categories' missing"))?
            .split(',')
            .map(|n| Category::from_name(n.trim()).ok_or_else(|| model_err(format!("unknown category '{n}'"))))
            .collect::<Result<Vec<_>, _>>()?;
        let vocab = metadata(&proto, "vocab").map(|v| Vocab::from_lines(&v));
        let description = metadata(&proto, "description").unwrap_or_else(|| "unnamed model".into());
        let graph = onnx.model_for_proto_model(&proto).map_err(model_err)?;
        drop(proto);
        let plan = graph.into_optimized().and_then(|m| m.into_runnable()).map_err(model_err)?;
        Ok(Model { plan, outputs, buckets, vocab, description })
    }

    /// How many words have static embeddings in the graph (0 for a model without a vocabulary).
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.as_ref().map_or(0, Vocab::len)
    }

    pub fn categories(&self) -> &[Category] {
        &self.outputs
    }

    /// Scores for a batch of normalized texts (the `full` view). Texts are grouped by feature
    /// count and each group runs the graph once: a batch is padded to its longest text, and
    /// one long tweet would otherwise make 63 short ones pay for its length.
    pub fn predict(&self, normalized: &[&str]) -> Result<Vec<Scores>, Error> {
        if normalized.is_empty() {
            return Ok(Vec::new());
        }
        let mut featurizer = Featurizer::default();
        let mut feats: Vec<(u32, f32)> = Vec::with_capacity(normalized.len() * 128);
        let mut spans = Vec::with_capacity(normalized.len() + 1);
        spans.push(0);
        for t in normalized {
            featurizer.featurize_into(t, self.buckets, &mut feats);
            spans.push(feats.len());
        }
        // Word ids, when the model has embeddings: the same texts, in the same order.
        let mut word_ids: Vec<u32> = Vec::new();
        let mut word_spans = vec![0];
        if let Some(vocab) = &self.vocab {
            for t in normalized {
                vocab.ids_into(t, &mut word_ids);
                word_spans.push(word_ids.len());
            }
        }
        let len = |i: usize| spans[i + 1] - spans[i];
        let mut order: Vec<usize> = (0..normalized.len()).collect();
        order.sort_by_key(|&i| len(i));
        let mut out = vec![Scores::default(); normalized.len()];
        for group in groups(&order.iter().map(|&i| len(i)).collect::<Vec<_>>()) {
            let rows = &order[group];
            let (ids, weights) = padded(rows, &feats, &spans, |&(id, w), _| (id, w))?;
            let mut inputs: TVec<TValue> = tvec!(ids.into(), weights.into());
            if self.vocab.is_some() {
                // 1/count weights: the graph's mean pooling is then one matrix product.
                let (words, word_weights) = padded(rows, &word_ids, &word_spans, |&id, n| (id, 1.0 / n as f32))?;
                inputs.push(words.into());
                inputs.push(word_weights.into());
            }
            let result = self.plan.run(inputs).map_err(model_err)?;
            let view = result[0].try_as_plain_ram().map_err(model_err)?;
            let scores = view.as_slice::<f32>().map_err(model_err)?;
            let cols = self.outputs.len();
            if result[0].shape() != [rows.len(), cols] {
                return Err(model_err(format!("output shape {:?}, expected [{}, {cols}]", result[0].shape(), rows.len())));
            }
            for (&i, row) in rows.iter().zip(scores.chunks(cols)) {
                for (c, v) in self.outputs.iter().zip(row) {
                    out[i].set(*c, if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 });
                }
            }
        }
        Ok(out)
    }
}

/// An id tensor and a weight tensor [rows, longest] for a group of texts, padded with id 0 and
/// weight 0: `text(item, count)` gives each of a text's `count` items its id and weight.
fn padded<T>(rows: &[usize], items: &[T], spans: &[usize], text: impl Fn(&T, usize) -> (u32, f32)) -> Result<(Tensor, Tensor), Error> {
    let width = rows.iter().map(|&i| spans[i + 1] - spans[i]).max().unwrap_or(0).max(1);
    let mut ids = Tensor::zero::<i64>(&[rows.len(), width]).map_err(model_err)?;
    let mut weights = Tensor::zero::<f32>(&[rows.len(), width]).map_err(model_err)?;
    {
        let mut ids_view = ids.try_as_plain_ram_mut().map_err(model_err)?;
        let ids = ids_view.as_slice_mut::<i64>().map_err(model_err)?;
        let mut weights_view = weights.try_as_plain_ram_mut().map_err(model_err)?;
        let weights = weights_view.as_slice_mut::<f32>().map_err(model_err)?;
        for (r, &i) in rows.iter().enumerate() {
            let mine = &items[spans[i]..spans[i + 1]];
            for (k, item) in mine.iter().enumerate() {
                let (id, w) = text(item, mine.len());
                ids[r * width + k] = id as i64;
                weights[r * width + k] = w;
            }
        }
    }
    Ok((ids, weights))
}

/// What one more graph run costs, in padded features (measured in the wasm build: a run's
/// fixed cost is about that of gathering this many features).
const RUN_COST: usize = 1_500;

/// Splits texts sorted by feature count into consecutive groups minimizing the padded work
/// (group size × its longest text) plus `RUN_COST` per group: an exact, O(n²) partition.
fn groups(lens: &[usize]) -> Vec<std::ops::Range<usize>> {
    let n = lens.len();
    // best[j]: the cost of the first j texts; cut[j]: where their last group starts.
    let mut best = vec![0usize; n + 1];
    let mut cut = vec![0usize; n + 1];
    for j in 1..=n {
        best[j] = usize::MAX;
        for i in 0..j {
            let cost = best[i] + (j - i) * lens[j - 1].max(1) + RUN_COST;
            if cost < best[j] {
                best[j] = cost;
                cut[j] = i;
            }
        }
    }
    let mut out = Vec::new();
    let mut j = n;
    while j > 0 {
        out.push(cut[j]..j);
        j = cut[j];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::groups;

    #[test]
    fn groups_cover_the_batch_in_order() {
        let lens = [1, 2, 3, 50, 60, 400];
        let g = groups(&lens);
        assert_eq!(g.first().unwrap().start, 0);
        assert_eq!(g.last().unwrap().end, lens.len());
        assert!(g.windows(2).all(|w| w[0].end == w[1].start));
        assert!(groups(&[]).is_empty());
        // Equal lengths never pay for an extra run.
        assert_eq!(groups(&[100; 64]), vec![0..64]);
    }
}
