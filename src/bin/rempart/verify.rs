//! `rempart verify dossier.zip`: checks every hash and the record chain of an exported
//! dossier; prints the result and exits non-zero naming the first broken record or file.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use rempart::evidence::dossier::verify_files;

/// Refuse absurd archives instead of filling memory: a dossier of 10,000 captures is far below.
const MAX_TOTAL_BYTES: u64 = 4 << 30;

fn read_zip(file_path: &Path) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let path = file_path.display();
    let file = std::fs::File::open(file_path).map_err(|e| format!("{path}: {e}"))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("{path}: not a readable ZIP: {e}"))?;
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| format!("{path}: entry {i}: {e}"))?;
        if entry.is_dir() {
            continue;
        }
        total += entry.size();
        if total > MAX_TOTAL_BYTES {
            return Err(format!("{path}: larger than {MAX_TOTAL_BYTES} bytes uncompressed"));
        }
        let name = entry.name().map_err(|e| format!("{path}: entry {i}: {e}"))?.to_string();
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes).map_err(|e| format!("{path}: {name}: {e}"))?;
        if files.insert(name.clone(), bytes).is_some() {
            return Err(format!("{path}: {name} appears twice"));
        }
    }
    Ok(files)
}

pub fn verify(file_path: &Path) -> Result<i32, String> {
    let report = verify_files(&read_zip(file_path)?);
    let path = file_path.display();
    match &report.error {
        None => {
            println!("OK: {path}: {} records, {} files; every hash and the chain verify", report.records, report.files);
            Ok(0)
        }
        Some(e) => {
            println!("FAILED: {path}: {e}");
            Ok(1)
        }
    }
}
