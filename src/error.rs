//! Errors the engine reports: each names what was wrong (a rule, a pack, the model, a setting)
//! so the UI and the CLI can show it; the engine never panics on user input.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A rule pack could not be read.
    Pack { pack: String, message: String },
    /// One rule (built-in or the user's) is invalid.
    Rule { rule: String, message: String },
    /// Too many user rules, or a pattern too long.
    Limit { rule: String, message: String },
    /// The model bytes could not be loaded or run.
    Model(String),
    /// The settings could not be read.
    Settings(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Pack { pack, message } => write!(f, "rule pack '{pack}': {message}"),
            Error::Rule { rule, message } => write!(f, "rule '{rule}': {message}"),
            Error::Limit { rule, message } => write!(f, "rule '{rule}': {message}"),
            Error::Model(m) => write!(f, "model: {m}"),
            Error::Settings(m) => write!(f, "settings: {m}"),
        }
    }
}

impl std::error::Error for Error {}
