//! The `rempart score` input line: `{"text": "...", "lang": "fr"}` (`lang` optional). Lives in
//! the library so it is tested and fuzzed like the rest of the engine.

use serde_json::Value;

/// The text of one input line, or why it cannot be read (becomes that line's error output).
pub fn parse_input_line(raw: &[u8]) -> Result<String, String> {
    let s = std::str::from_utf8(raw).map_err(|e| format!("invalid UTF-8: {e}"))?;
    let v: Value = serde_json::from_str(s.trim_end_matches(['\r', '\n'])).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = v.as_object().ok_or("expected an object like {\"text\": \"...\"}")?;
    if let Some(lang) = obj.get("lang") {
        if !lang.is_string() && !lang.is_null() {
            return Err("\"lang\" must be a string".into());
        }
    }
    match obj.get("text") {
        Some(Value::String(t)) => Ok(t.clone()),
        Some(_) => Err("\"text\" must be a string".into()),
        None => Err("missing \"text\"".into()),
    }
}
