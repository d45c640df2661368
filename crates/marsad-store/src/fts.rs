//! Arabic-aware full-text matching. Articles are indexed as their folded words'
//! clitic-stripped keys (every candidate key of every word), and a query word matches when
//! any of its own candidate keys is indexed: "الموصل" (key موصل) finds "بالموصل" and
//! "وبالموصل", whose candidates include موصل.

use marsad_core::normalize::fold;
use marsad_core::tokenize::candidate_keys;

/// The text stored in the FTS index for an article: each distinct key once (matching is
/// boolean, so repeats would only make the index bigger and ingest slower).
pub fn index_body(text: &str) -> String {
    let folded = fold(text);
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut out = String::with_capacity(folded.len() / 2);
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        for (_, k) in candidate_keys(w) {
            if seen.insert(k) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(k);
            }
        }
    }
    out
}

/// An FTS5 MATCH expression for a user query: each word becomes a group of its quoted
/// candidate keys joined by OR, groups joined by AND. Folded words contain only letters
/// and digits, and each is quoted, so no FTS5 syntax from the user reaches the engine.
/// `None` when the query has no words.
pub fn match_expr(query: &str) -> Option<String> {
    let folded = fold(query);
    let mut groups = Vec::new();
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        let mut keys: Vec<String> = Vec::new();
        for (_, k) in candidate_keys(w) {
            let q = format!("\"{}\"", k.replace('"', "\"\""));
            if !keys.contains(&q) {
                keys.push(q);
            }
        }
        if keys.len() == 1 {
            groups.push(keys.pop().unwrap());
        } else if !keys.is_empty() {
            groups.push(format!("({})", keys.join(" OR ")));
        }
    }
    if groups.is_empty() {
        None
    } else {
        Some(groups.join(" AND "))
    }
}
