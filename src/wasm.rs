//! The only module that knows about JavaScript: one opaque `Engine` handle for the extension.
//! Every error becomes a JS `Error` with a message naming what was wrong; nothing panics on
//! input from JS.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::settings::Settings;

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(js_error)
}

/// Settings from a plain JS object, read leniently (unreadable fields fall back to defaults).
fn settings_from_js(value: JsValue) -> Result<(Settings, Vec<String>), JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok((Settings::default(), Vec::new()));
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| js_error(format!("settings: {e}")))?;
    Ok(Settings::from_json_lenient(&json))
}

extern "C" {
    /// Static constructors (tract registers its operators with `inventory`), synthesized by
    /// wasm-ld. Unless the module calls it explicitly, wasm-ld runs it at the start of *every*
    /// exported call: measured 80 µs per `classify`, most of the wasm engine's time.
    fn __wasm_call_ctors();
}

/// Runs the constructors once, when the module is instantiated.
#[wasm_bindgen(start)]
fn run_constructors_once() {
    // SAFETY: called once by wasm-bindgen's start hook, before any other export runs.
    unsafe { __wasm_call_ctors() }
}

#[derive(Serialize)]
struct Validation {
    /// Fields that were unreadable and fell back to their defaults.
    problems: Vec<String>,
    /// Errors that would make `setSettings` fail (a bad muted regex…), or null.
    error: Option<String>,
}

#[wasm_bindgen]
pub struct Engine {
    inner: crate::engine::Engine,
    problems: Vec<String>,
}

#[wasm_bindgen]
impl Engine {
    /// `model`: the ONNX bytes, or null to run on rules only. `packs`: an array of
    /// `[name, toml]` pairs, or null for the built-in packs. `settings`: a settings object.
    #[wasm_bindgen(constructor)]
    pub fn new(model: Option<Vec<u8>>, packs: JsValue, settings: JsValue) -> Result<Engine, JsError> {
        let packs: Option<Vec<(String, String)>> = if packs.is_null() || packs.is_undefined() {
            None
        } else {
            Some(serde_wasm_bindgen::from_value(packs).map_err(|e| js_error(format!("rule packs: {e}")))?)
        };
        let (settings, problems) = settings_from_js(settings)?;
        let inner = crate::engine::Engine::new(model.as_deref(), packs.as_deref(), settings).map_err(js_error)?;
        Ok(Engine { inner, problems })
    }

    /// Replaces the settings; throws (and keeps the old ones) if a user rule is invalid.
    #[wasm_bindgen(js_name = setSettings)]
    pub fn set_settings(&mut self, settings: JsValue) -> Result<(), JsError> {
        let (settings, problems) = settings_from_js(settings)?;
        self.inner.set_settings(settings).map_err(js_error)?;
        self.problems = problems;
        Ok(())
    }

    /// Problems found in the last settings read (fields that fell back to defaults).
    #[wasm_bindgen(getter, js_name = settingsProblems)]
    pub fn settings_problems(&self) -> Vec<String> {
        self.problems.clone()
    }

    /// Checks settings without applying them: `{problems: [...], error: string|null}`.
    #[wasm_bindgen(js_name = validateSettings)]
    pub fn validate_settings(settings: JsValue) -> Result<JsValue, JsError> {
        let (settings, problems) = settings_from_js(settings)?;
        let error = crate::rules::user::UserRules::compile(&settings.muted_words, &settings.muted_regexes)
            .err()
            .map(|e| e.to_string());
        to_js(&Validation { problems, error })
    }

    #[wasm_bindgen(getter, js_name = hasModel)]
    pub fn has_model(&self) -> bool {
        self.inner.has_model()
    }

    #[wasm_bindgen(getter, js_name = ruleCount)]
    pub fn rule_count(&self) -> usize {
        self.inner.rule_count()
    }

    /// Verdicts for an array of strings, in order (one model run for the batch). Non-string
    /// items are treated as empty texts rather than failing the whole batch.
    pub fn classify(&self, texts: JsValue) -> Result<JsValue, JsError> {
        let array: js_sys::Array = texts.dyn_into().map_err(|_| js_error("classify expects an array of strings"))?;
        let owned: Vec<String> = array.iter().map(|v| v.as_string().unwrap_or_default()).collect();
        let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
        let (verdicts, model_error) = self.inner.classify_batch(&refs);
        if let Some(e) = model_error {
            web_sys::console::warn_1(&format!("rempart: {e}; batch decided on rules only").into());
        }
        to_js(&verdicts)
    }
}

/// The engine's version and featurizer version, for the evidence record and the UI.
#[wasm_bindgen(js_name = engineInfo)]
pub fn engine_info() -> Result<JsValue, JsError> {
    to_js(&serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "featurizer": crate::model::FEATURIZER_VERSION,
    }))
}
