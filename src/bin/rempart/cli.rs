//! The command line's grammar (clap) and the engine set-up shared by the subcommands. Usage
//! errors are one line on stderr with exit code 2; `--help` and `--version` exit 0.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use rempart::{Engine, Settings};

use crate::features::DEFAULT_BUCKETS;
use crate::{explain, features, link, score, verify};

#[derive(Parser)]
#[command(name = "rempart", version, about = "Local, private harassment detection for X/Twitter", arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score JSON Lines {"text": …} from stdin: one verdict line per input line, in order
    Score(EngineArgs),
    /// Show what the engine saw in one text and why it decided
    Explain {
        #[command(flatten)]
        engine: EngineArgs,
        /// The post's language as X tags it ("fr", "en"): the presets' thresholds are per language
        #[arg(long)]
        lang: Option<String>,
        /// The text (several words are joined with spaces)
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },
    /// The featurizer, for the model trainer: {"text": …} lines in, {"ids", "weights"[, "words"]} lines out
    Features {
        /// Number of hash buckets (at least 2)
        #[arg(long, value_name = "N", default_value_t = DEFAULT_BUCKETS, value_parser = clap::value_parser!(u32).range(2..))]
        buckets: u32,
        /// Also the ids of the text's words in this vocabulary (one normalized word per line)
        #[arg(long, value_name = "FILE")]
        vocab: Option<PathBuf>,
        /// Only the normalized words the vocabulary is chosen from: {"tokens": […]} lines out
        #[arg(long, conflicts_with = "vocab")]
        tokens: bool,
    },
    /// Texts per second on a JSON Lines corpus
    Bench {
        #[arg(value_name = "FILE")]
        corpus: PathBuf,
        #[command(flatten)]
        engine: EngineArgs,
    },
    /// Check every hash and the record chain of an exported evidence dossier (exit 1 if broken)
    Verify {
        #[arg(value_name = "DOSSIER.zip")]
        dossier: PathBuf,
    },
    /// Accounts on stdin (JSON Lines): one line per pair that is probably the same person
    Link,
}

/// How the engine is set up: the user's settings and the model.
#[derive(Args, Default)]
pub struct EngineArgs {
    /// Settings JSON (as exported by the extension); unreadable fields fall back to defaults
    #[arg(long, value_name = "FILE")]
    pub settings: Option<PathBuf>,
    /// ONNX model (default: $REMPART_MODEL, else models/rempart.onnx when it exists)
    #[arg(long, value_name = "FILE", conflicts_with = "no_model")]
    pub model: Option<PathBuf>,
    /// Rules only
    #[arg(long)]
    pub no_model: bool,
}

/// The shipped model: `--model`, else `$REMPART_MODEL`, else `models/rempart.onnx` beside the
/// crate. `None` (rules only) with `--no-model` or when no model file exists.
pub fn model_path(o: &EngineArgs) -> Option<PathBuf> {
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

pub fn load_settings(o: &EngineArgs) -> Result<Settings, String> {
    let Some(path) = &o.settings else { return Ok(Settings::default()) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let (settings, problems) = Settings::from_json_lenient(&value);
    for p in problems {
        eprintln!("rempart: {}: {p}", path.display());
    }
    Ok(settings)
}

pub fn engine(o: &EngineArgs) -> Result<Engine, String> {
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

/// Parses the arguments: `Err(code)` when the process should exit now (help, version, usage
/// error), having printed what it had to.
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, i32> {
    use clap::error::ErrorKind;
    match Cli::try_parse_from(args) {
        Ok(cli) => Ok(cli),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            Err(0)
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", e.render());
            Err(2)
        }
        Err(e) => {
            eprintln!("rempart: {}", one_line(&e.render().to_string()));
            Err(2)
        }
    }
}

/// clap's message (error, details, tip, usage on several lines) as one line: the error with
/// its details, then the usage.
fn one_line(rendered: &str) -> String {
    let error: Vec<&str> = rendered.lines().take_while(|l| !l.trim().is_empty()).map(str::trim).collect();
    let error = error.join(" ");
    let error = error.trim_start_matches("error: ");
    match rendered.lines().find_map(|l| l.strip_prefix("Usage: ")) {
        Some(usage) => format!("{error}; usage: {} (see --help)", usage.trim()),
        None => format!("{error} (see --help)"),
    }
}

pub fn run(cli: Cli) -> Result<i32, String> {
    match cli.command {
        Command::Score(engine) => score::score(&engine),
        Command::Explain { engine, lang, text } => explain::explain(&engine, &text.join(" "), lang.as_deref()),
        Command::Features { buckets, vocab, tokens } => features::features(buckets, vocab.as_deref(), tokens),
        Command::Bench { corpus, engine } => score::bench(&corpus, &engine),
        Command::Verify { dossier } => verify::verify(&dossier),
        Command::Link => link::link(),
    }
}
