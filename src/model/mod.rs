//! The toxicity model: an ONNX graph loaded from bytes with tract-onnx, run once per batch.
//!
//! Contract with the trainer (`models/train/`): inputs `ids` (int64 [N, L], 0 = padding) and
//! `weights` (float [N, L]) from `features::featurize`; output `scores` (float [N, C],
//! probabilities). Metadata: `categories` (comma-separated names from the shared vocabulary,
//! in output order), `featurizer` (must equal `FEATURIZER_VERSION`), `buckets`.

pub mod features;

use tract_onnx::prelude::*;

use crate::category::{Category, Scores};
use crate::error::Error;
pub use features::{featurize, FEATURIZER_VERSION};

pub struct Model {
    plan: Arc<TypedRunnableModel>,
    /// Output column → category.
    outputs: Vec<Category>,
    pub buckets: u32,
    /// Free-form name/version from the model's metadata, for `explain` and the UI.
    pub description: String,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model").field("outputs", &self.outputs).field("buckets", &self.buckets).finish()
    }
}

fn model_err(e: impl std::fmt::Display) -> Error {
    Error::Model(e.to_string())
}

fn metadata(proto: &tract_onnx::pb::ModelProto, key: &str) -> Option<String> {
    proto.metadata_props.iter().find(|p| p.key == key).map(|p| p.value.clone())
}

impl Model {
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let onnx = tract_onnx::onnx();
        let proto = onnx.proto_model_for_read(&mut &bytes[..]).map_err(|e| model_err(format!("not an ONNX model: {e}")))?;
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
        let description = metadata(&proto, "description").unwrap_or_else(|| "unnamed model".into());
        let plan = onnx
            .model_for_proto_model(&proto)
            .and_then(|m| m.into_optimized())
            .and_then(|m| m.into_runnable())
            .map_err(model_err)?;
        Ok(Model { plan, outputs, buckets, description })
    }

    pub fn categories(&self) -> &[Category] {
        &self.outputs
    }

    /// Scores for a batch of normalized texts (the `full` view), one graph run for the batch.
    pub fn predict(&self, normalized: &[&str]) -> Result<Vec<Scores>, Error> {
        if normalized.is_empty() {
            return Ok(Vec::new());
        }
        let feats: Vec<Vec<(u32, f32)>> = normalized.iter().map(|t| featurize(t, self.buckets)).collect();
        let width = feats.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let n = feats.len();
        let mut ids = vec![0i64; n * width];
        let mut weights = vec![0f32; n * width];
        for (row, f) in feats.iter().enumerate() {
            for (k, &(id, w)) in f.iter().enumerate() {
                ids[row * width + k] = id as i64;
                weights[row * width + k] = w;
            }
        }
        let ids = tract_ndarray::Array2::from_shape_vec((n, width), ids).map_err(model_err)?;
        let weights = tract_ndarray::Array2::from_shape_vec((n, width), weights).map_err(model_err)?;
        let out = self
            .plan
            .run(tvec!(Tensor::from(ids).into(), Tensor::from(weights).into()))
            .map_err(model_err)?;
        let scores = out[0].to_plain_array_view::<f32>().map_err(model_err)?;
        let cols = self.outputs.len();
        if scores.shape() != [n, cols] {
            return Err(model_err(format!("output shape {:?}, expected [{n}, {cols}]", scores.shape())));
        }
        let flat: Vec<f32> = scores.iter().copied().collect();
        Ok(flat
            .chunks(cols)
            .map(|row| {
                let mut s = Scores::default();
                for (c, v) in self.outputs.iter().zip(row) {
                    s.set(*c, if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 });
                }
                s
            })
            .collect())
    }
}
