//! Records merged in from another locker's dossier stay checkable against the chain they came
//! from. A merge appends an `import` record (the origin's file, ZIP hash, head, and the hash of
//! every record of its chain, in order), then each new record of the origin re-sealed into this
//! chain with an `origin` field: {import_seq, seq, hash, prev_hash, schema} of the original,
//! `screenshot_file` when the screenshot was renamed, and `prior` when the original was itself
//! imported. Undoing those changes gives back the original record, whose hash must be the one
//! the origin's chain lists at that place: so each origin's chain remains verifiable.

use serde_json::{Map, Value};

use super::{record_hash, GENESIS};

/// The record as it was in its origin's chain, rebuilt from a merged one.
pub fn original_of(record: &Map<String, Value>) -> Result<Map<String, Value>, String> {
    let origin = record.get("origin").and_then(Value::as_object).ok_or("no origin")?;
    let mut body = record.clone();
    for key in ["schema", "seq", "prev_hash", "hash", "origin"] {
        body.remove(key);
    }
    if let Some(prior) = origin.get("prior") {
        body.insert("origin".into(), prior.clone());
    }
    if let Some(file) = origin.get("screenshot_file") {
        let shot = body
            .get_mut("parts")
            .and_then(|p| p.get_mut("screenshot"))
            .and_then(Value::as_object_mut)
            .ok_or("screenshot_file without a screenshot")?;
        shot.insert("file".into(), file.clone());
    }
    for key in ["schema", "seq", "prev_hash", "hash"] {
        body.insert(key.into(), origin.get(key).cloned().ok_or(format!("origin has no {key}"))?);
    }
    Ok(body)
}

fn check_header(header: &Map<String, Value>) -> Result<&Vec<Value>, String> {
    let chain = header.get("chain").and_then(Value::as_array).filter(|c| !c.is_empty()).ok_or("import without its origin's chain")?;
    let from = header.get("from").ok_or("import without its origin")?;
    if chain.last().and_then(Value::as_str) != from["head"].as_str() {
        return Err("import: the origin's chain does not end at its head".into());
    }
    if from["records"].as_u64() != Some(chain.len() as u64) {
        return Err("import: the origin's record count differs from its chain".into());
    }
    Ok(chain)
}

fn check_one(records: &[Value], index: usize, r: &Map<String, Value>) -> Result<(), String> {
    let origin = r["origin"].as_object().ok_or("origin is not an object")?;
    let at = origin.get("import_seq").and_then(Value::as_u64).ok_or("origin without import_seq")? as usize;
    let header = records
        .get(at)
        .and_then(Value::as_object)
        .filter(|h| at < index && h.get("kind").and_then(Value::as_str) == Some("import") && !h.contains_key("origin"))
        .ok_or("origin names no earlier import record")?;
    let chain = check_header(header)?;
    let seq = origin.get("seq").and_then(Value::as_u64).ok_or("origin without seq")? as usize;
    let listed = chain.get(seq).and_then(Value::as_str).ok_or("origin seq is past the end of the origin's chain")?;
    let prev = if seq == 0 { GENESIS } else { chain[seq - 1].as_str().unwrap_or_default() };
    if origin.get("hash").and_then(Value::as_str) != Some(listed) || origin.get("prev_hash").and_then(Value::as_str) != Some(prev) {
        return Err("origin hashes differ from the origin's chain".into());
    }
    let original = original_of(r)?;
    if record_hash(&original)? != listed {
        return Err("content differs from the original record (edited after import)".into());
    }
    Ok(())
}

/// The first merged record (or import record) that does not check out: (index, reason).
pub fn check_origins(records: &[Value]) -> Option<(usize, String)> {
    for (index, v) in records.iter().enumerate() {
        let Some(r) = v.as_object() else { continue };
        let result = if r.contains_key("origin") {
            check_one(records, index, r)
        } else if r.get("kind").and_then(Value::as_str) == Some("import") {
            check_header(r).map(|_| ())
        } else {
            Ok(())
        };
        if let Err(reason) = result {
            return Some((index, reason));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{seal, verify_chain};
    use serde_json::json;

    fn chain(texts: &[&str]) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let r = json!({"kind": "capture", "tweet": {"status_id": format!("{}", 500 + i), "text": t},
                "parts": {"screenshot": {"file": format!("screenshots/{i:05}-{}.png", 500 + i), "sha256": "ab"}}});
            out.push(seal(r, out.last()).unwrap());
        }
        out
    }

    /// Merges `theirs` (all of it) after `ours` the way the extension does (evidence/merge.js).
    fn merge(mut ours: Vec<Value>, theirs: &[Value]) -> Vec<Value> {
        let import_seq = ours.len();
        let header = json!({"kind": "import", "at": "2026-12-01T08:00:00Z", "chain": theirs.iter().map(|r| r["hash"].clone()).collect::<Vec<_>>(),
            "from": {"file": "d.zip", "head": theirs.last().unwrap()["hash"], "records": theirs.len()}});
        ours.push(seal(header, ours.last()).unwrap());
        for r in theirs {
            let mut rec = r.as_object().unwrap().clone();
            for k in ["schema", "seq", "prev_hash", "hash", "origin"] {
                rec.remove(k);
            }
            let mut origin = json!({"import_seq": import_seq, "seq": r["seq"], "hash": r["hash"], "prev_hash": r["prev_hash"], "schema": r["schema"]});
            if let Some(p) = r.get("origin") {
                origin["prior"] = p.clone();
            }
            if let Some(file) = r["parts"]["screenshot"]["file"].as_str() {
                origin["screenshot_file"] = file.into();
                rec["parts"]["screenshot"]["file"] = format!("screenshots/{:05}-x.png", ours.len()).into();
            }
            rec.insert("origin".into(), origin);
            ours.push(seal(Value::Object(rec), ours.last()).unwrap());
        }
        ours
    }

    #[test]
    fn a_merged_chain_verifies_and_each_original_is_rebuilt() {
        let theirs = chain(&["a", "b", "c"]);
        let merged = merge(chain(&["x", "y"]), &theirs);
        assert!(verify_chain(&merged).ok, "{:?}", verify_chain(&merged));
        assert_eq!(check_origins(&merged), None);
        let rebuilt = original_of(merged[4].as_object().unwrap()).unwrap();
        assert_eq!(Value::Object(rebuilt), theirs[1]);
    }

    #[test]
    fn a_merge_of_a_merge_keeps_the_last_hop_checkable() {
        let first = merge(chain(&["x"]), &chain(&["a", "b"]));
        let second = merge(chain(&["z"]), &first);
        assert_eq!(check_origins(&second), None);
        let rebuilt = original_of(second.last().unwrap().as_object().unwrap()).unwrap();
        assert_eq!(Value::Object(rebuilt), *first.last().unwrap());
    }

    #[test]
    fn an_imported_record_edited_and_resealed_is_caught() {
        let mut merged = merge(chain(&["x"]), &chain(&["a", "b"]));
        merged[3]["tweet"]["text"] = "edited".into();
        // Re-sealing the whole tail hides the edit from the local chain, not from the origin's.
        let mut resealed: Vec<Value> = merged[..3].to_vec();
        let mut body = merged[3].as_object().unwrap().clone();
        body.remove("hash");
        resealed.push(seal(Value::Object(body), resealed.last()).unwrap());
        assert!(verify_chain(&resealed[..]).first_broken.as_ref().is_some_and(|b| b.reason.contains("edited after import")), "{:?}", verify_chain(&resealed));
    }

    #[test]
    fn an_import_header_whose_chain_was_cut_is_caught() {
        let mut merged = merge(chain(&["x"]), &chain(&["a", "b"]));
        merged[1]["chain"].as_array_mut().unwrap().pop();
        let (index, reason) = check_origins(&merged).unwrap();
        assert_eq!(index, 1);
        assert!(reason.contains("does not end at its head"), "{reason}");
    }
}
