//! The CLI behaves like the tools people know: `--help`, `help`, `<command> --help` and
//! `--version` exit 0; usage errors exit 2 with one line on stderr; `features` (read by the
//! model trainer) keeps its output.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn rempart() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rempart"))
}

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = rempart().args(args).stdin(Stdio::null()).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

#[test]
fn help_in_every_form_prints_usage_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (out, _, code) = run(args);
        assert_eq!(code, Some(0), "{args:?}");
        for command in ["score", "explain", "features", "bench", "verify", "link"] {
            assert!(out.contains(command), "{args:?} does not list {command}: {out}");
        }
    }
    for command in ["score", "explain", "features", "bench", "verify", "link"] {
        let (out, _, code) = run(&[command, "--help"]);
        assert_eq!(code, Some(0), "{command} --help");
        assert!(out.contains(&format!("Usage: rempart {command}")), "{out}");
        let (again, _, code) = run(&["help", command]);
        assert_eq!((again, code), (out, Some(0)), "help {command}");
    }
    let (out, _, _) = run(&["score", "--help"]);
    assert!(out.contains("--settings") && out.contains("--model") && out.contains("--no-model"), "{out}");
}

#[test]
fn version_prints_the_crate_version() {
    for flag in ["--version", "-V"] {
        let (out, _, code) = run(&[flag]);
        assert_eq!((out.trim(), code), (format!("rempart {}", env!("CARGO_PKG_VERSION")).as_str(), Some(0)));
    }
}

/// Usage errors: exit 2, one line on stderr saying what was wrong, nothing on stdout.
#[test]
fn usage_errors_exit_2_with_one_line_on_stderr() {
    let cases: [(&[&str], &str); 7] = [
        (&["frobnicate"], "frobnicate"),
        (&["score", "--bogus"], "--bogus"),
        (&["score", "--settings"], "--settings"),
        (&["score", "--model", "m.onnx", "--no-model"], "--no-model"),
        (&["features", "--buckets", "1"], "1"),
        (&["features", "--buckets", "many"], "many"),
        (&["verify"], "DOSSIER.zip"),
    ];
    for (args, needle) in cases {
        let (out, err, code) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(out, "", "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("rempart: ") && err.contains(needle) && err.contains("--help"), "{args:?}: {err}");
    }
    let (_, err, code) = run(&["explain"]);
    assert_eq!((code, err.lines().count()), (Some(2), 1), "{err}");
}

#[test]
fn no_arguments_shows_help_on_stderr_and_exits_2() {
    let (out, err, code) = run(&[]);
    assert_eq!((out.as_str(), code), ("", Some(2)));
    assert!(err.contains("Usage: rempart <COMMAND>"), "{err}");
}

/// The trainer reads `features` line by line: its format and its stderr banner stay as they were.
#[test]
fn features_output_is_unchanged() {
    let mut child = rempart()
        .args(["features", "--buckets", "1024"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{\"text\": \"t'es un c0nnard\"}\nnot json\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("rempart: featurizer rempart-features-") && err.contains(", 1024 buckets"), "{err}");
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let ids = lines[0]["ids"].as_array().unwrap();
    assert!(!ids.is_empty() && ids.iter().all(|i| i.as_u64().unwrap() < 1024));
    assert_eq!(ids.len(), lines[0]["weights"].as_array().unwrap().len());
    assert!(lines[1]["error"].is_string());
}
