//! The `rempart score` input line: `{"text": "...", "lang": "fr"}` (`lang` optional). Lives in
//! the library so it is tested and fuzzed like the rest of the engine.

use serde_json::Value;

/// One input line: the text, and its language when the line gives one (the presets' thresholds
/// are per language).
#[derive(Debug, Clone, PartialEq)]
pub struct InputLine {
    pub text: String,
    pub lang: Option<String>,
}

/// One input line, or why it cannot be read (becomes that line's error output).
pub fn parse_input_line(raw: &[u8]) -> Result<InputLine, String> {
    let s = std::str::from_utf8(raw).map_err(|e| format!("invalid UTF-8: {e}"))?;
    let v: Value = serde_json::from_str(s.trim_end_matches(['\r', '\n'])).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = v.as_object().ok_or("expected an object like {\"text\": \"...\"}")?;
    let lang = match obj.get("lang") {
        None | Some(Value::Null) => None,
        Some(Value::String(l)) => Some(l.clone()),
        Some(_) => return Err("\"lang\" must be a string".into()),
    };
    match obj.get("text") {
        Some(Value::String(t)) => Ok(InputLine { text: t.clone(), lang }),
        Some(_) => Err("\"text\" must be a string".into()),
        None => Err("missing \"text\"".into()),
    }
}
