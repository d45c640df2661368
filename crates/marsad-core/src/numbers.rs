//! Annotator: numbers (digits in any script, number words, ranges, approximations).
//! See `find_numbers`.

use crate::tokenize::Token;
use std::ops::Range;

/// A count found in the text. `max == None` means open-ended ("more than 15" → 16..).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NumberMention {
    /// Byte range in the folded text covering the whole expression ("بين 11 و13").
    pub range: Range<usize>,
    pub min: u64,
    pub max: Option<u64>,
    pub approximate: bool,
}

/// Find every count expression in the folded text.
pub fn find_numbers(_text: &str, _tokens: &[Token]) -> Vec<NumberMention> {
    Vec::new()
}
