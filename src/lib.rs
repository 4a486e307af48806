//! Rempart: local harassment detection for X/Twitter. Text is normalized against evasions,
//! matched by rule packs and the user's own rules, scored by a small ONNX model, and turned into
//! a verdict (none / flag / blur / hide) by the user's settings. Pure Rust; `wasm` is the only
//! module that knows about JavaScript.

pub mod category;
pub mod engine;
pub mod error;
pub mod evidence;
pub mod js_json;
pub mod jsonl;
pub mod link;
pub mod model;
pub mod normalize;
pub mod rules;
pub mod settings;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use category::{Category, Scores};
pub use engine::Engine;
pub use error::Error;
pub use settings::{Action, Preset, Settings};
pub use verdict::Verdict;
