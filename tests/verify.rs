//! `rempart verify dossier.zip` on real ZIP files: passes on an intact dossier, fails (exit 1,
//! naming the culprit) after one screenshot byte changes, a record is removed or a PDF the
//! manifest names is missing or changed.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use rempart::evidence::dossier::{manifest_json, manifest_with_documents, sha256sums};
use rempart::evidence::{seal, sha256_hex};
use serde_json::{json, Value};

fn write_zip(path: &Path, files: &BTreeMap<String, Vec<u8>>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn dossier(records: usize) -> (BTreeMap<String, Vec<u8>>, Vec<Value>) {
    let mut files = BTreeMap::new();
    let mut chain: Vec<Value> = Vec::new();
    for i in 0..records {
        let png = format!("\u{89}PNG fake screenshot {i}").into_bytes();
        let file = format!("screenshots/{i}.png");
        let text = format!("on sait où tu habites #{i}");
        let r = json!({"kind": "capture", "tweet": {"status_id": format!("{}", 1_700_000_000_000_000_000u64 + i as u64), "text": text},
            "parts": {"screenshot": {"file": file, "sha256": sha256_hex(&png)}, "text": {"sha256": sha256_hex(text.as_bytes())}}});
        chain.push(seal(r, chain.last()).unwrap());
        files.insert(file, png);
    }
    (files, chain)
}

fn finish(mut files: BTreeMap<String, Vec<u8>>, chain: &[Value], manifest_chain: &[Value]) -> BTreeMap<String, Vec<u8>> {
    files.insert("evidence.json".into(), serde_json::to_vec_pretty(chain).unwrap());
    files.insert("manifest.json".into(), manifest_json(manifest_chain, "2026-11-24T12:00:00Z").unwrap().into_bytes());
    let sums = sha256sums(&files);
    files.insert("SHA256SUMS".into(), sums.into_bytes());
    files
}

fn verify(files: &BTreeMap<String, Vec<u8>>, name: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("rempart-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    write_zip(&path, files);
    let out = Command::new(env!("CARGO_BIN_EXE_rempart")).arg("verify").arg(&path).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn an_intact_dossier_passes() {
    let (files, chain) = dossier(4);
    let (code, out) = verify(&finish(files, &chain, &chain), "intact.zip");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK") && out.contains("4 records"), "{out}");
}

#[test]
fn one_changed_screenshot_byte_fails() {
    let (mut files, chain) = dossier(4);
    let mut all = finish(files.clone(), &chain, &chain);
    all.get_mut("screenshots/2.png").unwrap()[6] ^= 0x20;
    let (code, out) = verify(&all, "tampered.zip");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("screenshots/2.png does not match its SHA-256"), "{out}");
    // Re-computing SHA256SUMS does not help: the record's own screenshot hash catches it.
    files.get_mut("screenshots/2.png").unwrap()[6] ^= 0x20;
    let (code, out) = verify(&finish(files, &chain, &chain), "tampered2.zip");
    assert_eq!(code, 1);
    assert!(out.contains("record 2: screenshots/2.png does not match the record's screenshot hash"), "{out}");
}

#[test]
fn a_removed_record_fails_and_is_named() {
    let (files, chain) = dossier(4);
    let mut cut = chain.clone();
    cut.remove(1);
    let (code, out) = verify(&finish(files, &cut, &chain), "removed.zip");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("record 2:"), "{out}");
}

#[test]
fn not_a_zip_is_a_clear_error() {
    let path = std::env::temp_dir().join(format!("rempart-notzip-{}.zip", std::process::id()));
    std::fs::write(&path, b"hello").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rempart")).arg("verify").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a readable ZIP"));
}

fn with_pdfs(records: usize) -> BTreeMap<String, Vec<u8>> {
    let (mut files, chain) = dossier(records);
    let docs: BTreeMap<String, Vec<u8>> =
        [("report.pdf", b"%PDF-1.7 dossier".to_vec()), ("complaint.pdf", b"%PDF-1.7 plainte".to_vec())].into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    files.extend(docs.clone());
    files.insert("evidence.json".into(), serde_json::to_vec_pretty(&chain).unwrap());
    files.insert("manifest.json".into(), manifest_with_documents(&chain, "2026-11-24T12:00:00Z", &docs).unwrap().into_bytes());
    resum(files)
}

fn resum(mut files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files.remove("SHA256SUMS");
    let sums = sha256sums(&files);
    files.insert("SHA256SUMS".into(), sums.into_bytes());
    files
}

#[test]
fn a_dossier_with_its_pdfs_passes_and_a_missing_or_changed_pdf_fails() {
    let (code, out) = verify(&with_pdfs(3), "pdfs.zip");
    assert_eq!(code, 0, "{out}");
    let mut files = with_pdfs(3);
    files.remove("complaint.pdf");
    let (code, out) = verify(&resum(files), "no-letter.zip");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("complaint.pdf is named in documents but missing"), "{out}");
    let mut files = with_pdfs(3);
    files.get_mut("report.pdf").unwrap().push(b'x');
    let (code, out) = verify(&files, "changed-pdf.zip");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("report.pdf does not match its SHA-256"), "{out}");
    let mut files = with_pdfs(3);
    files.insert("report.pdf".into(), b"not a pdf".to_vec());
    let (code, out) = verify(&resum(files), "not-pdf.zip");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("report.pdf does not match the SHA-256 in documents"), "{out}");
}
