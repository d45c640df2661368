//! The engine: one article in, one `marsad/1` record out. Holds the loaded lexicons so
//! that many articles (on many threads) share them.

use crate::doc::Doc;
use crate::format::{Article, ArticleMeta, Record, FORMAT};
use chrono::NaiveDate;

/// Articles longer than this (in bytes of UTF-8) are not coded, by default.
pub const DEFAULT_MAX_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Options {
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: DEFAULT_MAX_BYTES }
    }
}

pub struct Engine {
    pub options: Options,
}

impl Default for Engine {
    fn default() -> Self {
        Engine { options: Options::default() }
    }
}

/// Parse a `YYYY-MM-DD` publication date; also accepts a longer ISO timestamp.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

impl Engine {
    /// Code one article. Never panics on any text; problems become `warnings`.
    pub fn extract(&self, a: &Article) -> Record {
        let mut warnings = Vec::new();
        let meta = ArticleMeta { id: a.id.clone(), date: a.date.clone(), source: a.source.clone(), url: a.url.clone(), title: a.title.clone() };
        let reference = match a.date.as_deref() {
            Some(d) => {
                let p = parse_date(d);
                if p.is_none() {
                    warnings.push(format!("unparseable publication date {d:?}; relative dates are not resolved"));
                }
                p
            }
            None => {
                warnings.push("no publication date; relative dates are not resolved".to_string());
                None
            }
        };
        let events = if a.text.trim().is_empty() {
            warnings.push("empty text".to_string());
            Vec::new()
        } else if a.text.len() > self.options.max_bytes {
            warnings.push(format!("text of {} bytes exceeds the limit of {} bytes; not coded", a.text.len(), self.options.max_bytes));
            Vec::new()
        } else {
            let doc = Doc::new(&a.text, reference);
            self.code(&doc, &a.id)
        };
        Record { format: FORMAT.to_string(), article: meta, events, warnings }
    }

    fn code(&self, _doc: &Doc, _id: &str) -> Vec<crate::format::Event> {
        Vec::new()
    }
}

impl Engine {
    /// Human-readable account of how each event's fields were produced.
    pub fn explain(&self, a: &Article, r: &Record) -> String {
        let mut s = format!("# {} — {} events\n", a.id, r.events.len());
        for e in &r.events {
            s.push_str(&format!("{}: {} / {}\n", e.id, e.event_type, e.sub_event_type));
        }
        s
    }
}
