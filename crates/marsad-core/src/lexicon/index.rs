//! A phrase index over folded, clitic-stripped keys.
//!
//! Lookup is by the key of a phrase's first word (every clitic candidate of a text token
//! is tried, longest stem first), then the rest of the phrase is compared word by word
//! with the article-stripped keys of the following tokens. Almost no token starts a known
//! phrase, so a document costs about four hash probes per token whatever the size of the
//! dictionaries.

use crate::tokenize::{candidate_keys, key, Token, TokenKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (as in rustc): fast for short string keys; no HashDoS concern for dictionary data.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);
impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h = (h.rotate_left(5) ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
}
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Actor,
    Source,
    Place,
    Trigger,
    Cue,
}

/// One dictionary entry a phrase points to. `flag` is kind-specific (for places: the
/// alias is a stop-name that needs a cue word before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntityKind,
    pub id: u32,
    pub flag: bool,
}

#[derive(Debug)]
struct Phrase {
    rest: Box<[Box<str>]>,
    /// The first word was written with the article: the text must have it too, so that
    /// "العند" (a base) does not match "عند" (at), nor "البلاد" the bare "بلاد".
    first_has_al: bool,
    entries: Vec<Entry>,
}

#[derive(Default, Debug)]
pub struct PhraseIndex {
    first: FxMap<Box<str>, Vec<Phrase>>,
}

/// A match in a document: tokens `[tok_start, tok_end)`, and the byte range in the folded
/// text from the token start (clitics included) to the end of the last token.
#[derive(Debug, Clone)]
pub struct Hit<'l> {
    pub tok_start: usize,
    pub tok_end: usize,
    pub range: std::ops::Range<usize>,
    /// Bytes of proclitics before the stem in the first token ("وب" in "وبالموصل").
    pub prefix_len: usize,
    pub entries: &'l [Entry],
}

/// Keys of a folded phrase: one per word, article stripped.
pub fn phrase_keys(folded: &str) -> Vec<&str> {
    folded.split(' ').filter(|w| !w.is_empty()).map(key).collect()
}

impl PhraseIndex {
    /// Add a phrase (already folded with `normalize::fold`).
    pub fn insert(&mut self, folded: &str, e: Entry) {
        let keys = phrase_keys(folded);
        let Some((first, rest)) = keys.split_first() else { return };
        let first_has_al = folded.split(' ').next().is_some_and(|w| w.len() > first.len());
        let list = self.first.entry((*first).into()).or_default();
        if let Some(p) = list.iter_mut().find(|p| p.first_has_al == first_has_al && p.rest.len() == rest.len() && p.rest.iter().zip(rest).all(|(a, b)| &**a == *b)) {
            if !p.entries.contains(&e) {
                p.entries.push(e);
            }
        } else {
            list.push(Phrase { rest: rest.iter().map(|s| (*s).into()).collect(), first_has_al, entries: vec![e] });
        }
    }

    pub fn has_first(&self, k: &str) -> bool {
        self.first.contains_key(k)
    }

    pub fn len(&self) -> usize {
        self.first.values().map(|v| v.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// The longest phrase starting at each token, non-overlapping, left to right.
    pub fn find<'l>(&'l self, text: &str, tokens: &[Token], keys: &[&str]) -> Vec<Hit<'l>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, tokens, keys, i) {
                Some(h) => {
                    i = h.tok_end;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The longest phrase that starts at token `i`.
    pub fn longest_at<'l>(&'l self, text: &str, tokens: &[Token], keys: &[&str], i: usize) -> Option<Hit<'l>> {
        let t = &tokens[i];
        let w = &text[t.range.clone()];
        let mut best: Option<Hit<'l>> = None;
        let mut cands: [(usize, &str); 4] = [(0, w); 4];
        let mut nc = 1;
        if t.kind == TokenKind::Arabic {
            nc = 0;
            for c in candidate_keys(w) {
                cands[nc] = c;
                nc += 1;
            }
        }
        for &(off, k) in &cands[..nc] {
            let Some(phrases) = self.first.get(k) else { continue };
            // Did this candidate stem carry the article (ال, or لل after ل)?
            let had_al = w.len() - off > k.len();
            for p in phrases {
                if p.first_has_al && !had_al {
                    continue;
                }
                let n = p.rest.len();
                if p.rest.iter().enumerate().all(|(j, r)| keys.get(i + 1 + j).is_some_and(|k| *k == &**r)) {
                    let end = i + 1 + n;
                    // No phrase may run across a sentence mark between its words.
                    let span_text = &text[t.range.start..tokens[end - 1].range.end];
                    if n > 0 && span_text.contains(['.', '\n', '،', ',', '؛', ';', ':', '؟', '?']) {
                        continue;
                    }
                    if best.as_ref().is_none_or(|b| end > b.tok_end) {
                        best = Some(Hit { tok_start: i, tok_end: end, range: t.range.start..tokens[end - 1].range.end, prefix_len: off, entries: &p.entries });
                    }
                }
            }
            if best.is_some() {
                // The longest stem that the dictionary knows wins (ب+غداد never beats بغداد).
                break;
            }
        }
        best
    }
}

/// Article-stripped keys of every token (what phrase continuations compare against).
pub fn token_keys<'t>(text: &'t str, tokens: &[Token]) -> Vec<&'t str> {
    tokens.iter().map(|t| key(&text[t.range.clone()])).collect()
}
