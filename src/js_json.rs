//! Values handed to JavaScript as one JSON text (read there with `JSON.parse`) instead of one
//! object at a time through serde-wasm-bindgen: a batch of 100 verdicts is about 4,000 calls
//! across the wasm boundary that way, measured at 60% of `classifyRulesOnly` in wasm.
//! Floats keep the values serde-wasm-bindgen gave: an `f32` is written as the `f64` it widens to
//! (0.75f32 → 0.75, 0.76f32 → 0.7599999904632568), so JavaScript reads the very same numbers.

use serde::Serialize;
use serde_json::ser::Formatter;

/// serde_json's compact output, with `f32` widened to `f64` before it is written.
struct WidenF32;

impl Formatter for WidenF32 {
    fn write_f32<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: f32) -> std::io::Result<()> {
        self.write_f64(writer, f64::from(value))
    }
}

/// `value` as compact JSON whose numbers read back in JavaScript exactly as serde-wasm-bindgen's
/// (`json_compatible`) conversion would have given them.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(256);
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, WidenF32))?;
    // serde_json writes UTF-8 only.
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f32_is_written_as_the_f64_it_widens_to() {
        let text = to_string(&[0.76f32, 0.75, 0.0, 1.0, 0.29]).unwrap();
        let back: Vec<f64> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, vec![f64::from(0.76f32), 0.75, 0.0, 1.0, f64::from(0.29f32)]);
        assert_eq!(text, "[0.7599999904632568,0.75,0.0,1.0,0.28999999165534973]");
    }

    #[test]
    fn verdicts_keep_their_shape() {
        let engine = crate::Engine::new(None, None, crate::Settings::default()).unwrap();
        let verdicts = engine.classify_rules_only(&["t'es qu'un connard", "bonjour", "\"quoted\" \u{1F600}"]);
        let text = to_string(&verdicts).unwrap();
        let widened: serde_json::Value = serde_json::from_str(&text).unwrap();
        let plain = serde_json::to_value(&verdicts).unwrap();
        // Same keys, order, strings and integers; floats equal once narrowed back to f32.
        fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
            use serde_json::Value::*;
            match (a, b) {
                (Number(x), Number(y)) if x.is_f64() || y.is_f64() => x.as_f64().unwrap() as f32 == y.as_f64().unwrap() as f32,
                (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
                (Object(x), Object(y)) => x.keys().eq(y.keys()) && x.values().zip(y.values()).all(|(p, q)| same(p, q)),
                _ => a == b,
            }
        }
        assert!(same(&widened, &plain), "{text}");
    }
}
