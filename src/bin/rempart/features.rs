//! `rempart features`: the engine's own normalizer and featurizer for the trainer, so training
//! and inference can never disagree. In: `{"text": …}` per line. Out, in order, per line:
//! `{"ids": […], "weights": […]}` (hashed n-grams), plus `"words": […]` (ids in the vocabulary
//! given with `--vocab FILE`), or `{"tokens": […]}` with `--tokens` (the normalized words the
//! vocabulary is chosen from), or `{"error": …}`.

use std::io::{BufRead, BufWriter, Write};

use rempart::model::features::{featurize, words, Vocab, FEATURIZER_VERSION};
use rempart::normalize::normalize;

pub const DEFAULT_BUCKETS: u32 = 1 << 18;

pub fn features(buckets: u32, vocab: Option<&std::path::Path>, tokens: bool) -> Result<i32, String> {
    let vocab = match vocab {
        Some(p) => Some(Vocab::from_lines(&std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?)),
        None => None,
    };
    eprintln!("rempart: featurizer {FEATURIZER_VERSION}, {buckets} buckets");
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut word_ids = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let parsed: Result<String, String> = serde_json::from_str::<serde_json::Value>(&line)
            .map_err(|e| e.to_string())
            .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string).ok_or("missing \"text\"".into()));
        let json = match parsed {
            Ok(text) if tokens => {
                let normalized = normalize(&text).full.text;
                serde_json::json!({ "tokens": words(&normalized).collect::<Vec<_>>() })
            }
            Ok(text) => {
                let normalized = normalize(&text).full.text;
                let f = featurize(&normalized, buckets);
                let ids: Vec<u32> = f.iter().map(|x| x.0).collect();
                let weights: Vec<f32> = f.iter().map(|x| x.1).collect();
                let mut json = serde_json::json!({ "ids": ids, "weights": weights });
                if let Some(v) = &vocab {
                    word_ids.clear();
                    v.ids_into(&normalized, &mut word_ids);
                    json["words"] = serde_json::json!(word_ids);
                }
                json
            }
            Err(e) => serde_json::json!({ "error": e }),
        };
        writeln!(out, "{json}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(0)
}
