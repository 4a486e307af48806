//! `rempart features`: the engine's own normalizer and featurizer for the trainer, so training
//! and inference can never disagree. In: `{"text": …}` per line. Out: `{"ids": […],
//! "weights": […]}` per line (or `{"error": …}`), in order.

use std::io::{BufRead, BufWriter, Write};

use rempart::model::features::{featurize, FEATURIZER_VERSION};
use rempart::normalize::normalize;

pub const DEFAULT_BUCKETS: u32 = 1 << 18;

pub fn features(buckets: u32) -> Result<i32, String> {
    eprintln!("rempart: featurizer {FEATURIZER_VERSION}, {buckets} buckets");
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let parsed: Result<String, String> = serde_json::from_str::<serde_json::Value>(&line)
            .map_err(|e| e.to_string())
            .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string).ok_or("missing \"text\"".into()));
        let json = match parsed {
            Ok(text) => {
                let f = featurize(&normalize(&text).full.text, buckets);
                let ids: Vec<u32> = f.iter().map(|x| x.0).collect();
                let weights: Vec<f32> = f.iter().map(|x| x.1).collect();
                serde_json::json!({ "ids": ids, "weights": weights })
            }
            Err(e) => serde_json::json!({ "error": e }),
        };
        writeln!(out, "{json}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(0)
}
