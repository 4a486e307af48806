//! Argument parsing and the engine set-up shared by every subcommand.

use std::path::PathBuf;

use rempart::{Engine, Settings};

use crate::{explain, features, score, verify};

pub const USAGE: &str = "usage:
  rempart score [--settings FILE] [--model FILE | --no-model]   JSON Lines on stdin → verdicts on stdout
  rempart explain [--settings FILE] [--model FILE | --no-model] \"text\"
  rempart features [--buckets N] [--vocab FILE] [--tokens]       featurizer for the trainer (JSON Lines)
  rempart bench FILE [--model FILE | --no-model]                 texts per second on a JSON Lines corpus
  rempart verify dossier.zip                                     check an exported evidence dossier";

/// Options common to the subcommands.
#[derive(Default)]
pub struct Options {
    pub settings: Option<PathBuf>,
    pub model: Option<PathBuf>,
    pub no_model: bool,
    pub buckets: Option<u32>,
    pub vocab: Option<PathBuf>,
    pub tokens: bool,
    pub positional: Vec<String>,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--settings" => o.settings = Some(value("--settings")?.into()),
            "--model" => o.model = Some(value("--model")?.into()),
            "--no-model" => o.no_model = true,
            "--buckets" => o.buckets = Some(value("--buckets")?.parse().map_err(|e| format!("--buckets: {e}"))?),
            "--vocab" => o.vocab = Some(value("--vocab")?.into()),
            "--tokens" => o.tokens = true,
            "-h" | "--help" => return Err(USAGE.into()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            s => o.positional.push(s.to_string()),
        }
    }
    Ok(o)
}

/// The shipped model: `--model`, else `$REMPART_MODEL`, else `models/rempart.onnx` beside the
/// crate. `None` (rules only) with `--no-model` or when no model file exists.
pub fn model_path(o: &Options) -> Option<PathBuf> {
    if o.no_model {
        return None;
    }
    if let Some(p) = &o.model {
        return Some(p.clone());
    }
    if let Some(p) = std::env::var_os("REMPART_MODEL") {
        return Some(p.into());
    }
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/rempart.onnx");
    shipped.exists().then_some(shipped)
}

pub fn load_settings(o: &Options) -> Result<Settings, String> {
    let Some(path) = &o.settings else { return Ok(Settings::default()) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let (settings, problems) = Settings::from_json_lenient(&value);
    for p in problems {
        eprintln!("rempart: {}: {p}", path.display());
    }
    Ok(settings)
}

pub fn engine(o: &Options) -> Result<Engine, String> {
    let settings = load_settings(o)?;
    let bytes = match model_path(o) {
        Some(p) => Some(std::fs::read(&p).map_err(|e| format!("model {}: {e}", p.display()))?),
        None => None,
    };
    let engine = Engine::new(bytes.as_deref(), None, settings).map_err(|e| e.to_string())?;
    if !engine.has_model() {
        eprintln!("rempart: no model loaded: rules only");
    }
    Ok(engine)
}

pub fn run(args: &[String]) -> Result<i32, String> {
    let Some((command, rest)) = args.split_first() else { return Err(USAGE.into()) };
    let o = parse(rest)?;
    match command.as_str() {
        "score" => score::score(&o),
        "explain" => explain::explain(&o),
        "features" => features::features(&o),
        "bench" => score::bench(&o),
        "verify" => verify::verify(&o),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}
