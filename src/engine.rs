//! The engine: normalization, built-in and user rules, the optional model and the settings,
//! behind one type used identically by the CLI, the tests and the wasm module.

use crate::category::{Category, Scores};
use crate::error::Error;
use crate::model::Model;
use crate::normalize::normalize;
use crate::rules::pack::{parse_pack, Pack};
use crate::rules::user::UserRules;
use crate::rules::RuleSet;
use crate::settings::Settings;
use crate::verdict::{self, Verdict};

#[derive(Debug)]
pub struct Engine {
    rules: RuleSet,
    user: UserRules,
    model: Option<Model>,
    settings: Settings,
}

/// Texts longer than this many bytes are classified on their first part only (see
/// `normalize::MAX_INPUT_BYTES`).
pub use crate::normalize::MAX_INPUT_BYTES;

impl Engine {
    /// `packs`: `(name, toml)` rule packs, or `None` for the built-in French and English packs.
    /// `model`: ONNX bytes, or `None` to run on rules only (`has_model()` then says so).
    pub fn new(model: Option<&[u8]>, packs: Option<&[(String, String)]>, settings: Settings) -> Result<Engine, Error> {
        Engine::build(packs, settings, || model.map(Model::from_bytes).transpose())
    }

    /// The same, with the model's bytes asked for only once the rules are built, and freed once
    /// parsed (`Model::from_vec`): the wasm engine's memory never shrinks, so the bytes would
    /// otherwise sit under the rules' start-up peak (docs/footprint.md, stop 25).
    pub fn with_model_from(
        model: impl FnOnce() -> Option<Vec<u8>>,
        packs: Option<&[(String, String)]>,
        settings: Settings,
    ) -> Result<Engine, Error> {
        Engine::build(packs, settings, || model().map(Model::from_vec).transpose())
    }

    fn build(
        packs: Option<&[(String, String)]>,
        settings: Settings,
        model: impl FnOnce() -> Result<Option<Model>, Error>,
    ) -> Result<Engine, Error> {
        let rules = match packs {
            Some(p) => RuleSet::from_packs(&p.iter().map(|(n, s)| parse_pack(n, s)).collect::<Result<Vec<Pack>, _>>()?)?,
            None => RuleSet::builtin()?,
        };
        let user = UserRules::compile(&settings.muted_words, &settings.muted_regexes)?;
        let model = model()?;
        Ok(Engine { rules, user, model, settings })
    }

    /// Replaces the settings; on error (a bad user rule) the previous settings stay in force.
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), Error> {
        self.user = UserRules::compile(&settings.muted_words, &settings.muted_regexes)?;
        self.settings = settings;
        Ok(())
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn has_model(&self) -> bool {
        self.model.is_some()
    }

    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref()
    }

    pub fn rule_count(&self) -> usize {
        self.rules.rules.len()
    }

    /// Verdicts for a batch of texts, in order. The model runs once for the whole batch; if it
    /// fails, the batch is decided on rules alone (never lost) and the error is returned beside.
    pub fn classify_batch(&self, texts: &[&str]) -> (Vec<Verdict>, Option<Error>) {
        self.decide(texts, &[], true)
    }

    /// `classify_batch` knowing each text's language (X's `lang`): the presets' thresholds are
    /// per language. `langs` may be shorter than `texts`; a missing or `None` entry is unknown.
    pub fn classify_batch_in(&self, texts: &[&str], langs: &[Option<&str>]) -> (Vec<Verdict>, Option<Error>) {
        self.decide(texts, langs, true)
    }

    /// Verdicts from the rules alone, model or not: display names and handles are a few words,
    /// too short for the model (it over-fires on them). One engine serves both, so the extension
    /// compiles its rules once (a second, rules-only engine doubled that work at every start).
    pub fn classify_rules_only(&self, texts: &[&str]) -> Vec<Verdict> {
        self.decide(texts, &[], false).0
    }

    fn decide(&self, texts: &[&str], langs: &[Option<&str>], use_model: bool) -> (Vec<Verdict>, Option<Error>) {
        let normalized: Vec<_> = texts.iter().map(|t| normalize(t)).collect();
        let model = self.model.as_ref().filter(|_| use_model);
        let (model_scores, model_error): (Option<Vec<Scores>>, Option<Error>) = match model {
            None => (None, None),
            Some(m) => {
                let views: Vec<&str> = normalized.iter().map(|n| n.full.text.as_str()).collect();
                match m.predict(&views) {
                    Ok(s) => (Some(s), None),
                    Err(e) => (None, Some(e)),
                }
            }
        };
        let verdicts = texts
            .iter()
            .zip(&normalized)
            .enumerate()
            .map(|(i, (text, n))| {
                let hits = self.rules.hits(n);
                let user_hits = self.user.hits(n);
                let text = crate::normalize::truncate_on_char_boundary(text, MAX_INPUT_BYTES);
                let model = model_scores.as_ref().map(|s| &s[i]);
                let lang = langs.get(i).copied().flatten();
                verdict::build(text, &self.rules, &hits, &user_hits, model, &self.settings, lang)
            })
            .collect();
        (verdicts, model_error)
    }

    /// The score each category had to reach in `verdict`, a post of language `lang`: what the
    /// settings page's test box shows beside each score.
    pub fn thresholds(&self, verdict: &Verdict, lang: Option<&str>) -> Vec<(Category, f32)> {
        Category::ALL
            .into_iter()
            .map(|c| (c, verdict::threshold_for(&self.settings, c, lang, verdict.counter_speech)))
            .collect()
    }

    pub fn classify(&self, text: &str) -> Verdict {
        self.classify_batch(&[text]).0.remove(0)
    }
}
