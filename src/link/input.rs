//! One account as `rempart link` and the extension give it: `{"handle", "name", "texts"}` plus
//! either `"avatar"` (a PNG path, read by the CLI) or `"avatar_hash"` (hex, from the extension),
//! and optionally `"times"` (ISO-8601 timestamps of its posts) and `"targets"` (handles it
//! answered or mentioned).

use serde::Deserialize;

use super::activity::parse_time;
use super::{Account, AvatarHash};

#[derive(Debug, Clone, Deserialize)]
pub struct AccountLine {
    pub handle: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub texts: Vec<String>,
    /// Path of a PNG (CLI only).
    #[serde(default)]
    pub avatar: Option<String>,
    /// `AvatarHash::to_hex` of the avatar as displayed.
    #[serde(default)]
    pub avatar_hash: Option<String>,
    /// When its posts were made, ISO-8601 (`2024-05-01T18:30:00.000Z`).
    #[serde(default)]
    pub times: Vec<String>,
    /// Handles its posts answered or mentioned.
    #[serde(default)]
    pub targets: Vec<String>,
}

impl AccountLine {
    /// Reads one JSON object; the error says what is wrong in words.
    pub fn parse(json: &str) -> Result<AccountLine, String> {
        let line: AccountLine = serde_json::from_str(json).map_err(|e| format!("not an account: {e}"))?;
        line.check()?;
        Ok(line)
    }

    pub fn check(&self) -> Result<(), String> {
        if self.handle.trim().trim_start_matches('@').is_empty() {
            return Err("empty \"handle\"".into());
        }
        Ok(())
    }

    /// The account, its avatar taken from `avatar_hash` (an `avatar` path is the caller's).
    pub fn into_account(self) -> Result<Account, String> {
        let avatar = self.avatar_hash.as_deref().map(AvatarHash::from_hex).transpose()?;
        let times = self.times.iter().map(|t| parse_time(t)).collect::<Result<_, _>>()?;
        Ok(Account { handle: self.handle, name: self.name, texts: self.texts, avatar, times, targets: self.targets })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_and_full_lines_are_read() {
        let a = AccountLine::parse(r#"{"handle": "jean_dupont"}"#).unwrap();
        assert_eq!((a.name.as_str(), a.texts.len(), a.avatar), ("", 0, None));
        let b = AccountLine::parse(r#"{"handle": "x", "name": "X", "texts": ["a"], "avatar": "x.png", "extra": 1}"#).unwrap();
        assert_eq!(b.avatar.as_deref(), Some("x.png"));
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(AccountLine::parse("{").unwrap_err().contains("not an account"));
        assert!(AccountLine::parse(r#"{"name": "x"}"#).unwrap_err().contains("handle"));
        assert!(AccountLine::parse(r#"{"handle": "@"}"#).unwrap_err().contains("empty"));
        assert!(AccountLine::parse(r#"{"handle": "a", "texts": "one"}"#).is_err());
        let bad_hash = AccountLine::parse(r#"{"handle": "a", "avatar_hash": "zz"}"#).unwrap();
        assert!(bad_hash.into_account().is_err());
        let bad_time = AccountLine::parse(r#"{"handle": "a", "times": ["2024-05-01T18:30:00Z", "lundi"]}"#).unwrap();
        assert!(bad_time.into_account().unwrap_err().contains("\"lundi\" is not an ISO-8601 timestamp"));
        assert!(AccountLine::parse(r#"{"handle": "a", "targets": "victim"}"#).is_err());
    }

    #[test]
    fn times_and_targets_are_read() {
        let a = AccountLine::parse(r#"{"handle": "a", "times": ["2024-05-01T18:30:00Z"], "targets": ["@Victim"]}"#).unwrap().into_account().unwrap();
        assert_eq!((a.times, a.targets), (vec![1_714_588_200], vec!["@Victim".to_string()]));
    }
}
