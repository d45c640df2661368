//! The engine: one article in, one `marsad/1` record out. Holds the loaded lexicons so
//! that many articles (on many threads) share them.

use crate::doc::Doc;
use crate::format::{Article, ArticleMeta, Record, FORMAT};
use crate::lexicon::Lexicon;
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
    lexicon: LexiconRef,
}

enum LexiconRef {
    Embedded(&'static Lexicon),
    Owned(Box<Lexicon>),
}

impl Default for Engine {
    /// The engine with the lexicons embedded from the repository's `data/`.
    fn default() -> Self {
        Engine { options: Options::default(), lexicon: LexiconRef::Embedded(Lexicon::embedded()) }
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
            self.code(&doc, a)
        };
        Record { format: FORMAT.to_string(), article: meta, events, warnings }
    }

    /// An engine over user-supplied lexicons (`--data DIR`).
    pub fn with_lexicon(lexicon: Lexicon) -> Engine {
        Engine { options: Options::default(), lexicon: LexiconRef::Owned(Box::new(lexicon)) }
    }

    pub fn lexicon(&self) -> &Lexicon {
        match &self.lexicon {
            LexiconRef::Embedded(l) => l,
            LexiconRef::Owned(l) => l,
        }
    }

    /// Version string of engine and data: changes when either does (stores use it to know
    /// when to re-extract).
    pub fn version(&self) -> String {
        format!("{}+{}", env!("CARGO_PKG_VERSION"), self.lexicon().version)
    }

    fn code(&self, doc: &Doc, a: &Article) -> Vec<crate::format::Event> {
        let ents = crate::entities::annotate(doc, self.lexicon());
        crate::code::events(doc, self.lexicon(), &ents, &a.id, a.source.as_deref())
    }
}

impl Engine {
    /// Human-readable account of how each event's fields were produced.
    pub fn explain(&self, a: &Article, r: &Record) -> String {
        let mut s = format!("# {} — {} events\n", a.id, r.events.len());
        if a.text.trim().is_empty() || a.text.len() > self.options.max_bytes {
            return s;
        }
        let doc = Doc::new(&a.text, a.date.as_deref().and_then(parse_date));
        let ents = crate::entities::annotate(&doc, self.lexicon());
        let (events, explains) = crate::code::code(&doc, self.lexicon(), &ents, &a.id, a.source.as_deref());
        for (e, x) in events.iter().zip(explains) {
            s.push_str(&format!("{}: {} / {} ({})  evidence {:?}\n", e.id, e.event_type, e.sub_event_type, e.mode.as_deref().unwrap_or("-"), e.evidence.text));
            for l in x.lines {
                s.push_str("    ");
                s.push_str(&l);
                s.push('\n');
            }
        }
        s
    }
}
