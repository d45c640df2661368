//! Annotator: dates, resolved against the publication date. See `find_dates`.

use crate::tokenize::Token;
use chrono::NaiveDate;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Range,
    Month,
    Year,
    Unknown,
}

/// A time expression and the period it denotes.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in the folded text.
    pub range: Range<usize>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Precision,
}

/// Find every time expression in the folded text and resolve it against `reference`
/// (the publication date). Without a reference only absolute dates resolve.
pub fn find_dates(_text: &str, _tokens: &[Token], _reference: Option<NaiveDate>) -> Vec<DateMention> {
    Vec::new()
}
