//! The document model: one article's original text, its folded copy, and every
//! annotation as a byte range of the folded copy. Like spaCy's `Doc`, it is the one value
//! that flows through the pipeline; stages add to it, and `span` turns any range back
//! into a span of the original text.

use crate::dates::DateMention;
use crate::format::Span;
use crate::normalize::Normalized;
use crate::numbers::NumberMention;
use crate::segment::Sentence;
use crate::tokenize::Token;
use chrono::NaiveDate;
use std::ops::Range;

pub struct Doc<'t> {
    pub original: &'t str,
    pub norm: Normalized,
    pub reference_date: Option<NaiveDate>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub numbers: Vec<NumberMention>,
    pub dates: Vec<DateMention>,
}

impl<'t> Doc<'t> {
    /// Run the text layer: normalize → segment → tokenize → numbers → dates.
    pub fn new(original: &'t str, reference_date: Option<NaiveDate>) -> Doc<'t> {
        let norm = Normalized::new(original);
        let sentences = crate::segment::segment(&norm.text);
        let tokens = crate::tokenize::tokenize(&norm.text);
        let mut numbers = crate::numbers::find_numbers(&norm.text, &tokens);
        let mut dates = crate::dates::find_dates(&norm.text, &tokens, reference_date);
        // Later stages search these by position.
        numbers.sort_by_key(|n| (n.range.start, n.range.end));
        dates.sort_by_key(|d| (d.range.start, d.range.end));
        Doc { original, norm, reference_date, sentences, tokens, numbers, dates }
    }

    /// Folded text.
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// Folded text of a token.
    pub fn tok(&self, i: usize) -> &str {
        &self.norm.text[self.tokens[i].range.clone()]
    }

    /// A span of the original text for a byte range of the folded text.
    pub fn span(&self, r: Range<usize>) -> Span {
        let c = self.norm.original_range(r);
        let b = self.norm.original_bytes(c.clone());
        Span { start: c.start, end: c.end, text: self.original[b].to_string() }
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.range.start < b)
    }

    /// Token index range covering the byte range `r`.
    pub fn tokens_in(&self, r: &Range<usize>) -> Range<usize> {
        self.token_at(r.start)..self.tokens.partition_point(|t| t.range.end <= r.end)
    }

    /// Tokens that overlap a byte range: also the token a mention starts inside of, as a
    /// number after a clitic ("وثلاثة" holds the number "ثلاثة").
    pub fn tokens_covering(&self, r: &Range<usize>) -> Range<usize> {
        self.tokens.partition_point(|t| t.range.end <= r.start)..self.tokens.partition_point(|t| t.range.start < r.end)
    }
}

impl<'t> Doc<'t> {
    /// The original text for a byte range of the folded text.
    pub fn original_text(&self, r: Range<usize>) -> String {
        self.span(r).text
    }
}
