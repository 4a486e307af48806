//! Evidence records that hold up: canonical bytes, SHA-256 of every part, and a hash chain
//! (each record carries the previous record's hash) so any edit, insertion or deletion shows.
//! The extension seals records through the wasm build of this code and `rempart verify` checks
//! exported dossiers with the native build: one implementation, no disagreement.
//!
//! A record is a JSON object. Sealing sets `schema`, `seq`, `prev_hash` and `hash`; `hash` is
//! the SHA-256 of the canonical bytes of the record without `hash` (object keys sorted, no
//! whitespace). Numbers must be integers: floats have no single text form across JS and Rust.
//! Deleting a record appends a `deletion` record naming its hash, and the deleted record leaves
//! a `tombstone` (seq, hash, prev_hash) so the chain still links.

pub mod dossier;
pub mod merge;

use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub const SCHEMA: &str = "rempart-evidence-1";
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Canonical bytes: sorted keys, compact, integers only.
pub fn canonical_bytes(value: &Value) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    write_canonical(value, "", &mut out)?;
    Ok(out)
}

fn write_canonical(value: &Value, path: &str, out: &mut Vec<u8>) -> Result<(), String> {
    match value {
        Value::Number(n) if n.is_f64() => return Err(format!("{path}: {n} is not an integer (store scores as integers)")),
        Value::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(v, &format!("{path}[{i}]"), out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend(serde_json::to_vec(k).map_err(|e| e.to_string())?);
                out.push(b':');
                write_canonical(&map[k.as_str()], &format!("{path}.{k}"), out)?;
            }
            out.push(b'}');
        }
        scalar => out.extend(serde_json::to_vec(scalar).map_err(|e| e.to_string())?),
    }
    Ok(())
}

/// The hash a record should have: SHA-256 of its canonical bytes without `hash`.
pub fn record_hash(record: &Map<String, Value>) -> Result<String, String> {
    let mut body = record.clone();
    body.remove("hash");
    Ok(sha256_hex(&canonical_bytes(&Value::Object(body))?))
}

fn field<'a>(r: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    r.get(name).and_then(Value::as_str)
}

/// Seals `record` after `previous` (None for the first record): sets schema, seq, prev_hash
/// and hash. Part hashes (`parts`) are the caller's; they are covered by the record hash.
pub fn seal(record: Value, previous: Option<&Value>) -> Result<Value, String> {
    let Value::Object(mut r) = record else { return Err("a record must be an object".into()) };
    let (seq, prev_hash) = match previous.and_then(Value::as_object) {
        Some(p) => {
            let seq = p.get("seq").and_then(Value::as_u64).ok_or("previous record has no seq")?;
            (seq + 1, field(p, "hash").ok_or("previous record has no hash")?.to_string())
        }
        None if previous.is_some() => return Err("previous record is not an object".into()),
        None => (0, GENESIS.to_string()),
    };
    r.insert("schema".into(), SCHEMA.into());
    r.insert("seq".into(), seq.into());
    r.insert("prev_hash".into(), prev_hash.into());
    let hash = record_hash(&r)?;
    r.insert("hash".into(), hash.into());
    Ok(Value::Object(r))
}

/// The result of checking a chain: where it first breaks, if it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainReport {
    pub ok: bool,
    pub records: usize,
    /// Index in the list and `seq` of the first bad record, and why.
    pub first_broken: Option<Broken>,
    /// Hash of the last record (the chain's head), when the chain is intact.
    pub head: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Broken {
    pub index: usize,
    pub seq: Option<u64>,
    pub reason: String,
}

/// Checks each record's hash and each link, in order; tombstones must be named by a later
/// deletion record.
pub fn verify_chain(records: &[Value]) -> ChainReport {
    let deleted: Vec<&str> = records
        .iter()
        .filter_map(Value::as_object)
        .filter(|r| field(r, "kind") == Some("deletion"))
        .filter_map(|r| field(r, "deletes"))
        .collect();
    let mut prev = GENESIS.to_string();
    for (index, v) in records.iter().enumerate() {
        let broken = |seq: Option<u64>, reason: String| ChainReport {
            ok: false,
            records: records.len(),
            first_broken: Some(Broken { index, seq, reason }),
            head: None,
        };
        let Some(r) = v.as_object() else { return broken(None, "not an object".into()) };
        let seq = r.get("seq").and_then(Value::as_u64);
        if seq != Some(index as u64) {
            return broken(seq, format!("seq {seq:?} where {index} was expected (a record is missing or moved)"));
        }
        if field(r, "prev_hash") != Some(prev.as_str()) {
            return broken(seq, "prev_hash does not match the previous record (a record was removed, inserted or edited)".into());
        }
        let Some(hash) = field(r, "hash") else { return broken(seq, "no hash".into()) };
        if field(r, "kind") == Some("tombstone") {
            if !deleted.contains(&hash) {
                return broken(seq, "tombstone without a deletion record".into());
            }
        } else {
            match record_hash(r) {
                Ok(h) if h == hash => {}
                Ok(_) => return broken(seq, "content does not match its hash (the record was edited)".into()),
                Err(e) => return broken(seq, e),
            }
        }
        prev = hash.to_string();
    }
    // Records merged from another dossier must also match the chain they came from.
    if let Some((index, reason)) = merge::check_origins(records) {
        let seq = records[index].get("seq").and_then(Value::as_u64);
        let reason = format!("merged from another dossier: {reason}");
        return ChainReport { ok: false, records: records.len(), first_broken: Some(Broken { index, seq, reason }), head: None };
    }
    ChainReport { ok: true, records: records.len(), first_broken: None, head: Some(prev) }
}

/// The tombstone a deleted record leaves in the chain.
pub fn tombstone(record: &Value) -> Result<Value, String> {
    let r = record.as_object().ok_or("a record must be an object")?;
    let mut t = Map::new();
    for key in ["schema", "seq", "prev_hash", "hash"] {
        t.insert(key.into(), r.get(key).cloned().ok_or(format!("record has no {key}"))?);
    }
    t.insert("kind".into(), "tombstone".into());
    Ok(Value::Object(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn chain(n: usize) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        for i in 0..n {
            let r = json!({"kind": "capture", "tweet": {"status_id": format!("{}", 1000 + i), "text": "t'es mort"}, "score_bp": 9000});
            out.push(seal(r, out.last()).unwrap());
        }
        out
    }

    #[test]
    fn canonical_bytes_sort_keys_and_refuse_floats() {
        let a = canonical_bytes(&json!({"b": 1, "a": [true, null, "é\"x"]})).unwrap();
        assert_eq!(String::from_utf8(a).unwrap(), r#"{"a":[true,null,"é\"x"],"b":1}"#);
        let err = canonical_bytes(&json!({"verdict": {"score": 0.5}})).unwrap_err();
        assert!(err.contains(".verdict.score"), "{err}");
    }

    #[test]
    fn sha256_matches_the_standard_vector() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        let report = verify_chain(&c);
        assert!(report.ok, "{report:?}");
        assert_eq!(report.head.as_deref(), c[4]["hash"].as_str());
    }

    #[test]
    fn edits_insertions_and_deletions_are_named() {
        let mut c = chain(5);
        c[2]["tweet"]["text"] = "edited".into();
        let b = verify_chain(&c).first_broken.unwrap();
        assert_eq!((b.index, b.seq), (2, Some(2)));
        assert!(b.reason.contains("edited"), "{}", b.reason);

        let mut c = chain(5);
        c.remove(1);
        assert_eq!(verify_chain(&c).first_broken.unwrap().index, 1);

        let mut c = chain(5);
        let forged = seal(json!({"kind": "capture"}), Some(&c[1])).unwrap();
        c.insert(2, forged);
        assert_eq!(verify_chain(&c).first_broken.unwrap().index, 3);
    }

    #[test]
    fn a_logged_deletion_keeps_the_chain_valid() {
        let mut c = chain(3);
        let gone = c[1]["hash"].as_str().unwrap().to_string();
        let deletion = seal(json!({"kind": "deletion", "deletes": gone}), c.last()).unwrap();
        c.push(deletion);
        c[1] = tombstone(&c[1]).unwrap();
        assert!(verify_chain(&c).ok);
        c.pop(); // deleting the deletion record too is detected
        assert!(!verify_chain(&c).ok);
    }
}
