//! `rempart score`: the JSON Lines contract other tools rely on. One output line per input
//! line, in order, streamed in batches (constant memory); a bad line gets `{"error": …}`.

use std::io::{BufRead, BufWriter, Write};

use serde::Serialize;

use rempart::jsonl::{parse_input_line, InputLine};
use rempart::verdict::decide;
use rempart::{Action, Category, Engine, Scores, Settings, Verdict};

use crate::cli::{engine, EngineArgs};

const BATCH: usize = 64;
/// Longer input lines are answered with an error instead of being held in memory.
const MAX_LINE_BYTES: usize = 1 << 20;

#[derive(Serialize)]
struct ScoreLine<'a> {
    score: f32,
    flag: bool,
    action: Action,
    categories: &'a Scores,
    rules: &'a [String],
    spans: Vec<(usize, usize, Category)>,
}

/// Whether the default (balanced) settings would act on a post in `lang`: the user's own muted
/// words do not count.
pub fn default_flag(v: &Verdict, lang: Option<&str>) -> bool {
    let mut scores = v.categories;
    scores.set(Category::Muted, 0.0);
    decide(&scores, &v.rule_backed, &Settings::default(), lang, v.counter_speech).0 != Action::None
}

/// `[start, end, category]` once each (two rules may find the same words).
fn unique_spans(v: &Verdict) -> Vec<(usize, usize, Category)> {
    let mut out: Vec<(usize, usize, Category)> = Vec::new();
    for s in &v.spans {
        if !out.contains(&(s.start, s.end, s.category)) {
            out.push((s.start, s.end, s.category));
        }
    }
    out
}

pub fn to_line(v: &Verdict, lang: Option<&str>) -> String {
    let line = ScoreLine {
        score: v.score,
        flag: default_flag(v, lang),
        action: v.action,
        categories: &v.categories,
        rules: &v.rules,
        spans: unique_spans(v),
    };
    serde_json::to_string(&line).unwrap_or_else(|e| error_line(&e.to_string()))
}

fn error_line(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

/// One parsed input: its text and language, or why it could not be read.
fn parse_line(raw: &[u8], too_long: bool) -> Result<InputLine, String> {
    if too_long {
        return Err(format!("line longer than {MAX_LINE_BYTES} bytes"));
    }
    parse_input_line(raw)
}

/// Reads one line of at most MAX_LINE_BYTES; the rest of a longer line is skipped.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if buf.is_empty() && !too_long { None } else { Some(too_long) });
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if buf.len() + take <= MAX_LINE_BYTES {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            too_long = true;
        }
        input.consume(take);
        if done {
            return Ok(Some(too_long));
        }
    }
}

fn flush_batch(engine: &Engine, batch: &mut Vec<Result<InputLine, String>>, out: &mut impl Write) -> std::io::Result<()> {
    let lines: Vec<&InputLine> = batch.iter().filter_map(|r| r.as_ref().ok()).collect();
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let langs: Vec<Option<&str>> = lines.iter().map(|l| l.lang.as_deref()).collect();
    let (verdicts, model_error) = engine.classify_batch_in(&texts, &langs);
    if let Some(e) = model_error {
        eprintln!("rempart: {e}; this batch was scored on rules only");
    }
    let mut verdicts = verdicts.iter();
    for item in batch.drain(..) {
        let line = match item {
            Ok(line) => verdicts.next().map(|v| to_line(v, line.lang.as_deref())).unwrap_or_else(|| error_line("internal: missing verdict")),
            Err(e) => error_line(&e),
        };
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

pub fn score(o: &EngineArgs) -> Result<i32, String> {
    let engine = engine(o)?;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut batch = Vec::with_capacity(BATCH);
    let mut buf = Vec::new();
    let io = |e: std::io::Error| e.to_string();
    while let Some(too_long) = read_line(&mut input, &mut buf).map_err(io)? {
        batch.push(parse_line(&buf, too_long));
        if batch.len() == BATCH {
            flush_batch(&engine, &mut batch, &mut out).map_err(io)?;
        }
    }
    flush_batch(&engine, &mut batch, &mut out).map_err(io)?;
    Ok(0)
}

/// Throughput on a JSON Lines corpus: the texts are read first, then timed in batches of 64.
pub fn bench(path: &std::path::Path, o: &EngineArgs) -> Result<i32, String> {
    let engine = engine(o)?;
    let file = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let texts: Vec<String> = file.lines().filter_map(|l| parse_line(l.as_bytes(), false).ok()).map(|l| l.text).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut flagged = 0;
    let mut best = f64::MAX;
    for _round in 0..3 {
        let start = std::time::Instant::now();
        flagged = 0;
        for chunk in refs.chunks(BATCH) {
            flagged += engine.classify_batch(chunk).0.iter().filter(|v| v.action != Action::None).count();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let per_sec = refs.len() as f64 / best;
    println!(
        "{{\"texts\": {}, \"seconds\": {best:.4}, \"texts_per_second\": {per_sec:.0}, \"acted\": {flagged}, \"model\": {}}}",
        refs.len(),
        engine.has_model()
    );
    Ok(0)
}
