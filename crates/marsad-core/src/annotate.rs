//! The text layer's view of a document as JSON (`marsad annotate`): sentences, tokens
//! with their clitics, numbers and dates, every span in original-text offsets.

use crate::doc::Doc;
use serde_json::{json, Value};

pub fn to_json(doc: &Doc) -> Value {
    to_json_with(doc, &|_| false)
}

/// As `to_json`, with `known` telling which stems the dictionaries hold (clitic choice).
pub fn to_json_with(doc: &Doc, known: &dyn Fn(&str) -> bool) -> Value {
    let sentences: Vec<Value> = doc
        .sentences
        .iter()
        .map(|s| {
            json!({
                "span": doc.span(s.range.clone()),
                "dateline": s.dateline.clone().map(|d| doc.span(d)),
                "clauses": s.clauses.iter().map(|c| doc.span(c.clone())).collect::<Vec<_>>(),
            })
        })
        .collect();
    let tokens: Vec<Value> = doc
        .tokens
        .iter()
        .map(|t| {
            let w = &doc.text()[t.range.clone()];
            let a = crate::tokenize::analyze(w, known);
            json!({
                "span": doc.span(t.range.clone()),
                "norm": w,
                "prefix": a.prefix,
                "stem": a.stem,
                "suffix": a.suffix,
            })
        })
        .collect();
    let numbers: Vec<Value> = doc
        .numbers
        .iter()
        .map(|n| json!({"min": n.min, "max": n.max, "approximate": n.approximate, "span": doc.span(n.range.clone())}))
        .collect();
    let dates: Vec<Value> = doc
        .dates
        .iter()
        .map(|d| {
            json!({
                "start": d.start.map(|x| x.to_string()),
                "end": d.end.map(|x| x.to_string()),
                "precision": d.precision,
                "span": doc.span(d.range.clone()),
            })
        })
        .collect();
    json!({"sentences": sentences, "tokens": tokens, "numbers": numbers, "dates": dates})
}
