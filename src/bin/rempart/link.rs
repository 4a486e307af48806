//! `rempart link`: accounts on stdin as JSON Lines (`{"handle", "name", "texts", "avatar"}`,
//! `avatar` a PNG path), one line `{"a", "b", "score", "reasons"}` per pair that is probably
//! the same person, nothing for the others. A bad line or avatar is reported on stderr with
//! its line number and the run goes on (an account whose avatar cannot be read keeps the rest).

use std::io::{BufRead, BufWriter, Write};

use rempart::link::{suggest, Account, AccountLine, AvatarHash};

/// Decodes a PNG of any colour type into RGBA and hashes it.
fn avatar_hash(path: &str) -> Result<AvatarHash, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| format!("{path}: not a readable PNG: {e}"))?;
    let size = reader.output_buffer_size().ok_or_else(|| format!("{path}: image too large"))?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(|e| format!("{path}: not a readable PNG: {e}"))?;
    let pixels = &pixels[..frame.buffer_size()];
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => pixels.to_vec(),
        png::ColorType::Rgb => pixels.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::GrayscaleAlpha => pixels.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Grayscale => pixels.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err(format!("{path}: indexed PNG was not expanded")),
    };
    AvatarHash::from_rgba(&rgba, frame.width, frame.height).map_err(|e| format!("{path}: {e}"))
}

/// The account on one input line; avatar problems are warnings, the account is kept.
fn read_account(raw: &[u8], number: usize) -> Result<Account, String> {
    let text = std::str::from_utf8(raw).map_err(|e| format!("invalid UTF-8: {e}"))?;
    let line = AccountLine::parse(text.trim_end_matches('\r'))?;
    let path = line.avatar.clone();
    let mut account = line.into_account()?;
    if let Some(path) = path {
        match avatar_hash(&path) {
            Ok(hash) => account.avatar = Some(hash),
            Err(e) => eprintln!("rempart: line {number}: avatar {e}; compared without it"),
        }
    }
    Ok(account)
}

pub fn link() -> Result<i32, String> {
    let mut accounts = Vec::new();
    for (i, raw) in std::io::stdin().lock().split(b'\n').enumerate() {
        let raw = raw.map_err(|e| e.to_string())?;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match read_account(&raw, i + 1) {
            Ok(account) => accounts.push(account),
            Err(e) => eprintln!("rempart: line {}: {e}; skipped", i + 1),
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for s in suggest(&accounts) {
        let line = serde_json::to_string(&s).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(0)
}
