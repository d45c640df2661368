//! marsad-core: Arabic news text in, `marsad/1` events out. No I/O.
//!
//! The pipeline is a sequence of named stages over one [`doc::Doc`]:
//!
//! 1. [`normalize`] — fold spelling variants for matching, keeping an offset map.
//! 2. [`segment`] — sentences, clauses, datelines.
//! 3. [`tokenize`] — words and numbers, with clitic candidates.
//! 4. annotators — [`numbers`], [`dates`] (the text layer); places, actors, sources and
//!    triggers from the [`lexicon`].
//! 5. the coder — events from triggers and the annotations around them.
//!
//! Every stage works on byte ranges of the folded text; [`doc::Doc::span`] converts them to
//! spans of the original text (Unicode scalar offsets), the only offsets that leave the crate.

pub mod dates;
pub mod doc;
pub mod format;
pub mod normalize;
pub mod numbers;
pub mod segment;
pub mod tokenize;
pub mod engine;
pub mod annotate;
pub mod code;
pub mod entities;
pub mod lexicon;
pub mod words;
