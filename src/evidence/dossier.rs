//! Checks an exported dossier given its files (name → bytes): SHA256SUMS, the manifest, the
//! record chain and each record's parts. Pure, so the CLI (`rempart verify`, reading the ZIP)
//! and the extension (import, the locker's "verify" button, through wasm) share it.
//!
//! Layout: `manifest.json` {format, schema, records, head, created_at, documents?}, `evidence.json`
//! (the records in chain order), `evidence.csv`, `report.html`, `screenshots/*.png`, the PDFs
//! (`report.pdf`, `complaint.pdf`, named with their SHA-256 in the manifest's `documents`), and
//! `SHA256SUMS` ("<sha256>  <path>" for every other file, as `sha256sum -c` reads it). Dossiers
//! exported before the PDFs existed have no `documents` and still verify.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::{sha256_hex, verify_chain, SCHEMA};

pub const FORMAT: &str = "rempart-dossier-1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierReport {
    pub ok: bool,
    pub records: usize,
    pub files: usize,
    /// The first problem found, naming the file or the record (by seq).
    pub error: Option<String>,
}

fn fail(records: usize, files: usize, error: String) -> DossierReport {
    DossierReport { ok: false, records, files, error: Some(error) }
}

fn parse_sums(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut sums = BTreeMap::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let (hash, path) = line.split_once("  ").ok_or(format!("SHA256SUMS line {}: expected '<sha256>  <path>'", n + 1))?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("SHA256SUMS line {}: bad hash", n + 1));
        }
        sums.insert(path.to_string(), hash.to_ascii_lowercase());
    }
    Ok(sums)
}

pub fn verify_files(files: &BTreeMap<String, Vec<u8>>) -> DossierReport {
    let n = files.len();
    let Some(sums) = files.get("SHA256SUMS") else { return fail(0, n, "SHA256SUMS is missing".into()) };
    let sums = match std::str::from_utf8(sums).map_err(|e| e.to_string()).and_then(parse_sums) {
        Ok(s) => s,
        Err(e) => return fail(0, n, e),
    };
    for (path, want) in &sums {
        match files.get(path) {
            None => return fail(0, n, format!("{path} is listed in SHA256SUMS but missing")),
            Some(bytes) if &sha256_hex(bytes) != want => return fail(0, n, format!("{path} does not match its SHA-256 (the file was changed)")),
            Some(_) => {}
        }
    }
    if let Some(extra) = files.keys().find(|k| *k != "SHA256SUMS" && !sums.contains_key(*k)) {
        return fail(0, n, format!("{extra} is not listed in SHA256SUMS"));
    }
    let json = |name: &str| -> Result<Value, String> {
        let bytes = files.get(name).ok_or(format!("{name} is missing"))?;
        serde_json::from_slice(bytes).map_err(|e| format!("{name}: {e}"))
    };
    let (manifest, records) = match (json("manifest.json"), json("evidence.json")) {
        (Ok(m), Ok(Value::Array(r))) => (m, r),
        (Err(e), _) | (_, Err(e)) => return fail(0, n, e),
        (_, Ok(_)) => return fail(0, n, "evidence.json is not a list of records".into()),
    };
    let count = records.len();
    if manifest["format"] != FORMAT || manifest["schema"] != SCHEMA {
        return fail(count, n, format!("manifest.json: format {} / schema {} not supported", manifest["format"], manifest["schema"]));
    }
    let chain = verify_chain(&records);
    if let Some(b) = chain.first_broken {
        let seq = b.seq.map_or_else(|| format!("#{}", b.index), |s| s.to_string());
        return fail(count, n, format!("record {seq}: {}", b.reason));
    }
    if manifest["records"].as_u64() != Some(count as u64) || manifest["head"].as_str() != chain.head.as_deref() {
        return fail(count, n, "manifest.json: record count or head hash differs from evidence.json (records were removed at the end)".into());
    }
    for r in &records {
        if let Err(e) = check_parts(r, files) {
            return fail(count, n, format!("record {}: {e}", r["seq"]));
        }
    }
    if let Err(e) = check_documents(&manifest, files) {
        return fail(count, n, format!("manifest.json: {e}"));
    }
    DossierReport { ok: true, records: count, files: n, error: None }
}

/// A record's parts: its screenshot file and the hashes of its text and HTML.
fn check_parts(r: &Value, files: &BTreeMap<String, Vec<u8>>) -> Result<(), String> {
    let parts = &r["parts"];
    if let Some(shot) = parts.get("screenshot") {
        let file = shot["file"].as_str().ok_or("screenshot without a file name")?;
        let bytes = files.get(file).ok_or(format!("{file} is missing"))?;
        if shot["sha256"].as_str() != Some(&sha256_hex(bytes)) {
            return Err(format!("{file} does not match the record's screenshot hash"));
        }
    }
    for (part, value) in [("text", &r["tweet"]["text"]), ("html", &r["tweet"]["html"])] {
        if let Some(want) = parts.get(part).and_then(|p| p["sha256"].as_str()) {
            let got = sha256_hex(value.as_str().unwrap_or_default().as_bytes());
            if got != want {
                return Err(format!("the tweet's {part} does not match its hash"));
            }
        }
    }
    Ok(())
}

/// The documents the manifest names (the PDFs): each present, of its SHA-256, and a PDF.
fn check_documents(manifest: &Value, files: &BTreeMap<String, Vec<u8>>) -> Result<(), String> {
    let Some(docs) = manifest.get("documents") else { return Ok(()) };
    let docs = docs.as_array().ok_or("documents is not a list")?;
    for d in docs {
        let file = d["file"].as_str().ok_or("a document without a file name")?;
        let bytes = files.get(file).ok_or(format!("{file} is named in documents but missing"))?;
        if d["sha256"].as_str() != Some(&sha256_hex(bytes)) {
            return Err(format!("{file} does not match the SHA-256 in documents"));
        }
        if file.ends_with(".pdf") && !bytes.starts_with(b"%PDF-") {
            return Err(format!("{file} is not a PDF"));
        }
    }
    Ok(())
}

/// `manifest.json` for these records (the exporter's; `verify_files` checks it).
pub fn manifest_json(records: &[Value], created_at: &str) -> Result<String, String> {
    manifest_with_documents(records, created_at, &BTreeMap::new())
}

/// `manifest.json` naming documents (file → bytes) beside the records: the PDFs of the dossier.
pub fn manifest_with_documents(records: &[Value], created_at: &str, documents: &BTreeMap<String, Vec<u8>>) -> Result<String, String> {
    let chain = verify_chain(records);
    let head = chain.head.ok_or("the records do not form a valid chain")?;
    let mut m = serde_json::json!({
        "format": FORMAT, "schema": SCHEMA, "records": records.len(), "head": head, "created_at": created_at,
    });
    if !documents.is_empty() {
        let docs: Vec<Value> = documents.iter().map(|(f, b)| serde_json::json!({"file": f, "sha256": sha256_hex(b)})).collect();
        m["documents"] = Value::Array(docs);
    }
    serde_json::to_string_pretty(&m).map_err(|e| e.to_string())
}

/// `SHA256SUMS` for every file but itself, sorted by path.
pub fn sha256sums(files: &BTreeMap<String, Vec<u8>>) -> String {
    files
        .iter()
        .filter(|(k, _)| *k != "SHA256SUMS")
        .map(|(k, v)| format!("{}  {k}\n", sha256_hex(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::seal;
    use serde_json::json;

    fn dossier() -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut records: Vec<Value> = Vec::new();
        for i in 0..3 {
            let png = vec![0x89, b'P', b'N', b'G', i as u8];
            let file = format!("screenshots/{i}-100{i}.png");
            let text = format!("tweet {i} <img src=x onerror=alert(1)>");
            let r = json!({"kind": "capture", "tweet": {"status_id": format!("100{i}"), "text": text},
                "parts": {"screenshot": {"file": file, "sha256": sha256_hex(&png)}, "text": {"sha256": sha256_hex(text.as_bytes())}}});
            records.push(seal(r, records.last()).unwrap());
            files.insert(file, png);
        }
        finish(&mut files, &records);
        files
    }

    fn finish(files: &mut BTreeMap<String, Vec<u8>>, records: &[Value]) {
        files.insert("evidence.json".into(), serde_json::to_vec_pretty(records).unwrap());
        files.insert("manifest.json".into(), manifest_json(records, "2026-11-24T12:00:00Z").unwrap().into_bytes());
        files.insert("report.html".into(), b"<!doctype html><title>x</title>".to_vec());
        let sums = sha256sums(files);
        files.insert("SHA256SUMS".into(), sums.into_bytes());
    }

    #[test]
    fn an_exported_dossier_verifies() {
        let r = verify_files(&dossier());
        assert!(r.ok, "{r:?}");
        assert_eq!(r.records, 3);
    }

    #[test]
    fn a_changed_screenshot_byte_is_caught_even_with_sums_recomputed() {
        let mut files = dossier();
        files.get_mut("screenshots/1-1001.png").unwrap()[4] ^= 1;
        let r = verify_files(&files);
        assert!(r.error.unwrap().contains("screenshots/1-1001.png does not match its SHA-256"));
        let sums = sha256sums(&files);
        files.insert("SHA256SUMS".into(), sums.into_bytes());
        let r = verify_files(&files);
        assert_eq!(r.error.unwrap(), "record 1: screenshots/1-1001.png does not match the record's screenshot hash");
    }

    #[test]
    fn a_removed_record_is_named() {
        let mut files = dossier();
        let mut records: Vec<Value> = serde_json::from_slice(&files["evidence.json"]).unwrap();
        records.remove(1);
        files.insert("evidence.json".into(), serde_json::to_vec(&records).unwrap());
        let sums = sha256sums(&files);
        files.insert("SHA256SUMS".into(), sums.into_bytes());
        let err = verify_files(&files).error.unwrap();
        assert!(err.starts_with("record 2: seq Some(2) where 1 was expected"), "{err}");
    }

    fn with_pdfs() -> BTreeMap<String, Vec<u8>> {
        let mut files = dossier();
        let records: Vec<Value> = serde_json::from_slice(&files["evidence.json"]).unwrap();
        let docs: BTreeMap<String, Vec<u8>> = [("complaint.pdf", b"%PDF-1.7 letter".to_vec()), ("report.pdf", b"%PDF-1.7 report".to_vec())]
            .into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        files.extend(docs.clone());
        files.insert("manifest.json".into(), manifest_with_documents(&records, "2026-11-24T12:00:00Z", &docs).unwrap().into_bytes());
        resum(&mut files);
        files
    }

    fn resum(files: &mut BTreeMap<String, Vec<u8>>) {
        let sums = sha256sums(files);
        files.insert("SHA256SUMS".into(), sums.into_bytes());
    }

    #[test]
    fn the_pdfs_named_in_the_manifest_are_checked() {
        assert!(verify_files(&with_pdfs()).ok);
        let mut files = with_pdfs();
        files.remove("report.pdf");
        resum(&mut files);
        assert_eq!(verify_files(&files).error.unwrap(), "manifest.json: report.pdf is named in documents but missing");
        let mut files = with_pdfs();
        files.insert("complaint.pdf".into(), b"%PDF-1.7 another letter".to_vec());
        resum(&mut files);
        assert_eq!(verify_files(&files).error.unwrap(), "manifest.json: complaint.pdf does not match the SHA-256 in documents");
        // An older dossier, without documents, still verifies.
        assert!(verify_files(&dossier()).ok);
    }

    #[test]
    fn missing_and_unlisted_files_are_named() {
        let mut files = dossier();
        files.remove("report.html");
        assert_eq!(verify_files(&files).error.unwrap(), "report.html is listed in SHA256SUMS but missing");
        let mut files = dossier();
        files.insert("extra.js".into(), b"alert(1)".to_vec());
        assert_eq!(verify_files(&files).error.unwrap(), "extra.js is not listed in SHA256SUMS");
        assert!(!verify_files(&BTreeMap::new()).ok);
    }
}
