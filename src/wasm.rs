//! The only module that knows about JavaScript: one opaque `Engine` handle for the extension.
//! Every error becomes a JS `Error` with a message naming what was wrong; nothing panics on
//! input from JS.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::settings::Settings;

/// Talc instead of Rust's default dlmalloc: rule compilation at start-up and each batch allocate
/// a lot, and talc was faster at both in the same run (README, "Dependencies and why").
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(js_error)
}

/// Many small objects (verdicts) cross faster as one JSON text: see `js_json`.
fn to_js_via_json<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = crate::js_json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&text).map_err(|_| js_error("the engine wrote JSON that JavaScript could not read"))
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
struct Explained {
    verdict: crate::verdict::Verdict,
    thresholds: std::collections::BTreeMap<&'static str, f32>,
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
    pub fn new(model: JsValue, packs: JsValue, settings: JsValue) -> Result<Engine, JsError> {
        let model: Option<js_sys::Uint8Array> = if model.is_null() || model.is_undefined() {
            None
        } else if model.is_instance_of::<js_sys::ArrayBuffer>() {
            Some(js_sys::Uint8Array::new(&model))
        } else {
            Some(model.dyn_into().map_err(|_| js_error("model: expected a Uint8Array, an ArrayBuffer or null"))?)
        };
        let packs: Option<Vec<(String, String)>> = if packs.is_null() || packs.is_undefined() {
            None
        } else {
            Some(serde_wasm_bindgen::from_value(packs).map_err(|e| js_error(format!("rule packs: {e}")))?)
        };
        let (settings, problems) = settings_from_js(settings)?;
        // The model's bytes are copied into wasm memory after the rules are built (see
        // `with_model_from`), not on the way in as a `Vec<u8>` argument would be.
        let inner = crate::engine::Engine::with_model_from(|| model.map(|m| m.to_vec()), packs.as_deref(), settings)
            .map_err(js_error)?;
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
    /// items are treated as empty texts rather than failing the whole batch. `langs`, optional,
    /// gives each text's language as X tags it ("fr", "en"; anything else or a missing entry is
    /// unknown): the presets' thresholds are per language.
    pub fn classify(&self, texts: JsValue, langs: JsValue) -> Result<JsValue, JsError> {
        let owned = strings(texts, "classify")?;
        let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
        let tags: Vec<Option<String>> = match langs.dyn_into::<js_sys::Array>() {
            Ok(array) => array.iter().map(|v| v.as_string()).collect(),
            Err(_) => Vec::new(),
        };
        let tags: Vec<Option<&str>> = tags.iter().map(Option::as_deref).collect();
        let (verdicts, model_error) = self.inner.classify_batch_in(&refs, &tags);
        if let Some(e) = model_error {
            web_sys::console::warn_1(&format!("rempart: {e}; batch decided on rules only").into());
        }
        to_js_via_json(&verdicts)
    }

    /// One text as the settings page's test box shows it: `{verdict, thresholds}`, where
    /// `thresholds` maps each category to the score it had to reach in a post of language `lang`
    /// (null: unknown), so the page never recomputes the engine's per-language rule.
    #[wasm_bindgen(js_name = classifyExplained)]
    pub fn classify_explained(&self, text: String, lang: Option<String>) -> Result<JsValue, JsError> {
        let lang = lang.as_deref();
        let (mut verdicts, model_error) = self.inner.classify_batch_in(&[&text], &[lang]);
        if let Some(e) = model_error {
            web_sys::console::warn_1(&format!("rempart: {e}; decided on rules only").into());
        }
        let verdict = verdicts.remove(0);
        let thresholds = self.inner.thresholds(&verdict, lang).into_iter().map(|(c, t)| (c.name(), t)).collect();
        to_js_via_json(&Explained { verdict, thresholds })
    }

    /// `classify` on rules only (display names and handles): same input and output.
    #[wasm_bindgen(js_name = classifyRulesOnly)]
    pub fn classify_rules_only(&self, texts: JsValue) -> Result<JsValue, JsError> {
        let owned = strings(texts, "classifyRulesOnly")?;
        let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
        to_js_via_json(&self.inner.classify_rules_only(&refs))
    }
}

/// A JS array's items as strings; non-strings become empty texts rather than failing the batch.
fn strings(texts: JsValue, method: &str) -> Result<Vec<String>, JsError> {
    let array: js_sys::Array = texts.dyn_into().map_err(|_| js_error(format!("{method} expects an array of strings")))?;
    Ok(array.iter().map(|v| v.as_string().unwrap_or_default()).collect())
}

/// The engine's version and featurizer version, for the evidence record and the UI.
#[wasm_bindgen(js_name = engineInfo)]
pub fn engine_info() -> Result<JsValue, JsError> {
    to_js(&serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "featurizer": crate::model::FEATURIZER_VERSION,
    }))
}

/// Seals an evidence record after `previous` (null for the first): sets schema, seq,
/// prev_hash and hash (see `evidence`). Floats are refused: store scores as integers.
#[wasm_bindgen(js_name = sealEvidence)]
pub fn seal_evidence(record: JsValue, previous: JsValue) -> Result<JsValue, JsError> {
    let record: serde_json::Value = serde_wasm_bindgen::from_value(record).map_err(|e| js_error(format!("record: {e}")))?;
    let previous: Option<serde_json::Value> = if previous.is_null() || previous.is_undefined() {
        None
    } else {
        Some(serde_wasm_bindgen::from_value(previous).map_err(|e| js_error(format!("previous record: {e}")))?)
    };
    to_js(&crate::evidence::seal(record, previous.as_ref()).map_err(js_error)?)
}

/// Checks a chain of records: `{ok, records, first_broken: {index, seq, reason}|null, head}`.
#[wasm_bindgen(js_name = verifyEvidenceChain)]
pub fn verify_evidence_chain(records: JsValue) -> Result<JsValue, JsError> {
    let records: Vec<serde_json::Value> = serde_wasm_bindgen::from_value(records).map_err(|e| js_error(format!("records: {e}")))?;
    to_js(&crate::evidence::verify_chain(&records))
}

/// The tombstone a deleted record leaves in the chain.
#[wasm_bindgen(js_name = evidenceTombstone)]
pub fn evidence_tombstone(record: JsValue) -> Result<JsValue, JsError> {
    let record: serde_json::Value = serde_wasm_bindgen::from_value(record).map_err(|e| js_error(format!("record: {e}")))?;
    to_js(&crate::evidence::tombstone(&record).map_err(js_error)?)
}

#[wasm_bindgen(js_name = sha256Hex)]
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::evidence::sha256_hex(bytes)
}

fn files_from_js(names: Vec<String>, contents: js_sys::Array) -> Result<std::collections::BTreeMap<String, Vec<u8>>, JsError> {
    if names.len() as u32 != contents.length() {
        return Err(js_error("names and contents differ in length"));
    }
    let mut files = std::collections::BTreeMap::new();
    for (name, bytes) in names.into_iter().zip(contents.iter()) {
        let bytes: js_sys::Uint8Array = bytes.dyn_into().map_err(|_| js_error(format!("{name}: expected a Uint8Array")))?;
        files.insert(name, bytes.to_vec());
    }
    Ok(files)
}

/// `manifest.json` for the records of a dossier being exported.
#[wasm_bindgen(js_name = dossierManifest)]
pub fn dossier_manifest(records: JsValue, created_at: String) -> Result<String, JsError> {
    let records: Vec<serde_json::Value> = serde_wasm_bindgen::from_value(records).map_err(|e| js_error(format!("records: {e}")))?;
    crate::evidence::dossier::manifest_json(&records, &created_at).map_err(js_error)
}

/// `manifest.json` that also names the dossier's documents (the PDFs) with their SHA-256.
#[wasm_bindgen(js_name = dossierManifestWithDocuments)]
pub fn dossier_manifest_with_documents(records: JsValue, created_at: String, names: Vec<String>, contents: js_sys::Array) -> Result<String, JsError> {
    let records: Vec<serde_json::Value> = serde_wasm_bindgen::from_value(records).map_err(|e| js_error(format!("records: {e}")))?;
    crate::evidence::dossier::manifest_with_documents(&records, &created_at, &files_from_js(names, contents)?).map_err(js_error)
}

/// `SHA256SUMS` for a dossier's other files (`names[i]` → `contents[i]`).
#[wasm_bindgen(js_name = dossierSums)]
pub fn dossier_sums(names: Vec<String>, contents: js_sys::Array) -> Result<String, JsError> {
    Ok(crate::evidence::dossier::sha256sums(&files_from_js(names, contents)?))
}

/// Verifies a dossier's files (import, the locker's "verify"): `{ok, records, files, error}`.
#[wasm_bindgen(js_name = verifyDossier)]
pub fn verify_dossier(names: Vec<String>, contents: js_sys::Array) -> Result<JsValue, JsError> {
    to_js(&crate::evidence::dossier::verify_files(&files_from_js(names, contents)?))
}

/// Accounts that are probably one person (the matcher of `rempart link`). `accounts`: an array
/// of `{handle, name, texts, avatar_hash, times, targets}` (`avatar_hash` from `avatarHash`,
/// `times` ISO-8601 strings, `targets` handles answered: all three optional);
/// `focus`: a handle to get only the pairs involving it, or null for every pair. Returns
/// `[{a, b, score, reasons}]`.
#[wasm_bindgen(js_name = linkAccounts)]
pub fn link_accounts(accounts: JsValue, focus: Option<String>) -> Result<JsValue, JsError> {
    let accounts = accounts_from_js(accounts)?;
    let matcher = crate::link::Matcher::new(&accounts);
    let suggestions = match focus {
        None => matcher.all_pairs(),
        Some(handle) => matcher.pairs_with(matcher.position(&handle).ok_or_else(|| js_error(format!("focus @{handle} is not among the accounts")))?),
    };
    to_js(&suggestions)
}

/// The perceptual hash of an avatar's RGBA pixels as displayed: 38 hex digits, its light/dark
/// gradients then its mean colour (`AvatarHash::to_hex`; 32-digit hashes without colour are read too).
#[wasm_bindgen(js_name = avatarHash)]
pub fn avatar_hash(rgba: &[u8], width: u32, height: u32) -> Result<String, JsError> {
    crate::link::AvatarHash::from_rgba(rgba, width, height).map(|h| h.to_hex()).map_err(js_error)
}

fn accounts_from_js(accounts: JsValue) -> Result<Vec<crate::link::Account>, JsError> {
    let lines: Vec<crate::link::AccountLine> =
        serde_wasm_bindgen::from_value(accounts).map_err(|e| js_error(format!("accounts: {e}")))?;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| line.check().and_then(|()| line.into_account()).map_err(|e| js_error(format!("account {i}: {e}"))))
        .collect()
}

/// The matcher built once over known accounts (the locker's authors, the blocklist), asked about
/// one newcomer at a time: `new LinkIndex(accounts)`, `index.against({handle, name, texts, …})` →
/// `[{a: known, b: newcomer, score, reasons}]`, best first.
#[wasm_bindgen]
pub struct LinkIndex {
    matcher: crate::link::Matcher,
}

#[wasm_bindgen]
impl LinkIndex {
    #[wasm_bindgen(constructor)]
    pub fn new(accounts: JsValue) -> Result<LinkIndex, JsError> {
        Ok(LinkIndex { matcher: crate::link::Matcher::new(&accounts_from_js(accounts)?) })
    }

    pub fn against(&self, account: JsValue) -> Result<JsValue, JsError> {
        let line: crate::link::AccountLine =
            serde_wasm_bindgen::from_value(account).map_err(|e| js_error(format!("account: {e}")))?;
        let newcomer = line.check().and_then(|()| line.into_account()).map_err(|e| js_error(format!("account: {e}")))?;
        to_js(&self.matcher.against(&newcomer))
    }

    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.matcher.len()
    }
}
