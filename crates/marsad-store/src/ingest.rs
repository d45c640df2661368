//! Turning inputs (articles to code, or records coded elsewhere) into [`Prepared`] rows.
//! Shared by `marsad ingest` and `POST /api/ingest`.

use crate::write::{prepare, prepare_with_json, record_version_json, Prepared};
use crate::{hash_hex, Result, Store};
use marsad_core::engine::Engine;
use marsad_core::format::{Article, Record, FORMAT};
use rayon::prelude::*;

/// One input: an article for the engine, or a record extracted elsewhere (a gold line,
/// another run's output), with its text when the line carries one.
#[derive(Debug, Clone)]
pub enum Input {
    Article(Article, Vec<String>),
    Record(Record, Option<String>),
}

impl Input {
    pub fn id(&self) -> &str {
        match self {
            Input::Article(a, _) => &a.id,
            Input::Record(r, _) => &r.article.id,
        }
    }
}

/// Parse one JSON value: `{"format":"marsad/1", ...}` is a record, anything else an article.
pub fn parse_value(v: serde_json::Value) -> std::result::Result<Input, String> {
    let is_record = v.get("format").and_then(|f| f.as_str()) == Some(FORMAT);
    if is_record {
        let mut v = v;
        // Gold files may omit `confidence` (spec/output-format.md); a human-coded event is
        // stored with confidence 1.0.
        if let Some(evs) = v.get_mut("events").and_then(|e| e.as_array_mut()) {
            for e in evs.iter_mut().filter_map(|e| e.as_object_mut()) {
                if e.get("confidence").map_or(true, |c| c.is_null()) {
                    e.insert("confidence".into(), serde_json::json!(1.0));
                }
                // Gold actors and sources may leave name_ar null where the text has no
                // Arabic name; the typed format wants a string.
                let mut fix = |o: &mut serde_json::Value| {
                    if let Some(o) = o.as_object_mut() {
                        for k in ["name", "name_ar"] {
                            if o.get(k).map_or(false, |x| x.is_null()) {
                                o.insert(k.into(), serde_json::json!(""));
                            }
                        }
                        if o.get("kind").map_or(false, |x| x.is_null()) {
                            o.insert("kind".into(), serde_json::json!("unknown"));
                        }
                    }
                };
                for k in ["actor1", "actor2"] {
                    if let Some(a) = e.get_mut(k) {
                        fix(a);
                    }
                }
                if let Some(ss) = e.get_mut("sources").and_then(|x| x.as_array_mut()) {
                    ss.iter_mut().for_each(&mut fix);
                }
            }
        }
        let text = v.get("text").and_then(|t| t.as_str()).map(str::to_string);
        let rec: Record = serde_json::from_value(v).map_err(|e| format!("malformed marsad/1 record: {e}"))?;
        if rec.article.id.is_empty() {
            return Err("marsad/1 record with an empty article id".into());
        }
        Ok(Input::Record(rec, text))
    } else {
        marsad_input::article_from_value(&v).map(|a| Input::Article(a, Vec::new()))
    }
}

/// Parse one JSON line.
pub fn parse_line(line: &str) -> std::result::Result<Input, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    parse_value(v)
}

/// (text hash, version, the events' JSON for records).
fn key(i: &Input, version: &str) -> (String, String, Option<Vec<String>>) {
    match i {
        Input::Article(a, _) => (hash_hex(a.text.as_bytes()), version.to_string(), None),
        Input::Record(r, t) => {
            let ev: Vec<String> = r.events.iter().map(|e| serde_json::to_string(e).expect("events serialize")).collect();
            (hash_hex(t.as_deref().unwrap_or("").as_bytes()), record_version_json(r, &ev), Some(ev))
        }
    }
}

/// Prepare a chunk: skip inputs already stored unchanged (checked on `check`, a connection
/// that may be a reader of the same file), code the others with the engine, in parallel.
/// Returns the prepared rows and the number skipped as unchanged.
pub fn prepare_chunk(engine: &Engine, version: &str, check: Option<&Store>, chunk: Vec<Input>) -> Result<(Vec<Prepared>, usize)> {
    let keys: Vec<(String, String, Option<Vec<String>>)> = chunk.par_iter().map(|i| key(i, version)).collect();
    let mut todo = Vec::with_capacity(chunk.len());
    let mut skipped = 0;
    for (i, (h, v, ev)) in chunk.into_iter().zip(keys) {
        if let Some(s) = check {
            if s.is_current(i.id(), &h, &v)? {
                skipped += 1;
                continue;
            }
        }
        todo.push((i, v, ev));
    }
    let prepared = todo
        .into_par_iter()
        .map(|(i, v, ev)| match i {
            Input::Article(a, warns) => {
                let mut r = engine.extract(&a);
                if !warns.is_empty() {
                    let mut w = warns;
                    w.append(&mut r.warnings);
                    r.warnings = w;
                }
                prepare(r, Some(a.text), v)
            }
            Input::Record(r, t) => match ev {
                Some(ev) => prepare_with_json(r, t, v, ev),
                None => prepare(r, t, v),
            },
        })
        .collect();
    Ok((prepared, skipped))
}

/// Version of the engine for ingests: `marsad-core/VERSION+LEXHASH`, where LEXHASH hashes
/// the lexicon files the engine embeds (taken at build time, see build.rs), or those under
/// `data_dir` when the engine is given lexicons at run time. `MARSAD_ENGINE_VERSION`
/// overrides it (tests, pinned deployments).
pub fn default_engine_version(data_dir: Option<&std::path::Path>) -> String {
    if let Ok(v) = std::env::var("MARSAD_ENGINE_VERSION") {
        if !v.is_empty() {
            return v;
        }
    }
    let Some(d) = data_dir else { return crate::engine_version(env!("MARSAD_LEXICON_HASH")) };
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [d.to_path_buf(), d.join("gazetteer")] {
        if let Ok(rd) = std::fs::read_dir(dir) {
            files.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().map_or(false, |x| x == "tsv" || x == "toml" || x == "txt")));
        }
    }
    files.sort();
    let mut h = 0xcbf29ce484222325u64;
    for f in files {
        if let Ok(b) = std::fs::read(&f) {
            h = (h ^ crate::hash64(f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default().as_bytes())).wrapping_mul(0x100000001b3);
            h = (h ^ crate::hash64(&b)).wrapping_mul(0x100000001b3);
        }
    }
    crate::engine_version(&format!("data-{:08x}", h as u32))
}
