//! A phrase index over folded, clitic-stripped keys.
//!
//! Lookup is by the key of a phrase's first word (every clitic candidate of a text token
//! is tried, longest stem first), then the rest of the phrase is compared word by word
//! with the article-stripped keys of the following tokens. Almost no token starts a known
//! phrase, so a document costs about four hash probes per token whatever the size of the
//! dictionaries.

use crate::tokenize::{candidates, key, Token, TokenKind};
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

/// The phrases that start with one key, in insertion order (which breaks ties between
/// equally long matches), with the multi-word ones also indexed by their second key.
#[derive(Default, Debug)]
struct Bucket {
    phrases: Vec<Phrase>,
    /// Indices into `phrases` of the one-word phrases.
    single: Vec<u32>,
    /// Second key -> indices into `phrases` (ascending) of the phrases it continues.
    by_next: FxMap<Box<str>, Vec<u32>>,
}

#[derive(Default, Debug)]
pub struct PhraseIndex {
    first: FxMap<Box<str>, Bucket>,
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
        let bucket = self.first.entry((*first).into()).or_default();
        let list = &mut bucket.phrases;
        if let Some(p) = list.iter_mut().find(|p| p.first_has_al == first_has_al && p.rest.len() == rest.len() && p.rest.iter().zip(rest).all(|(a, b)| &**a == *b)) {
            if !p.entries.contains(&e) {
                p.entries.push(e);
            }
        } else {
            let at = list.len() as u32;
            list.push(Phrase { rest: rest.iter().map(|s| (*s).into()).collect(), first_has_al, entries: vec![e] });
            match rest.first() {
                None => bucket.single.push(at),
                Some(next) => bucket.by_next.entry((*next).into()).or_default().push(at),
            }
        }
    }

    pub fn has_first(&self, k: &str) -> bool {
        self.first.contains_key(k)
    }

    pub fn len(&self) -> usize {
        self.first.values().map(|v| v.phrases.len()).sum()
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
        let (cands, nc) = if t.kind == TokenKind::Arabic { candidates(w) } else { ([(0, w), (0, w), (0, w)], 1) };
        for &(off, k) in &cands[..nc] {
            let Some(bucket) = self.first.get(k) else { continue };
            // Did this candidate stem carry the article (ال, or لل after ل)?
            let had_al = w.len() - off > k.len();
            // Every multi-word match is longer than every one-word match; among equally
            // long matches the first inserted wins.
            let mut best: Option<(usize, &'l Phrase)> = None;
            if !bucket.by_next.is_empty() {
                if let Some(list) = keys.get(i + 1).and_then(|k2| bucket.by_next.get(*k2)) {
                    for &pi in list {
                        let p = &bucket.phrases[pi as usize];
                        if p.first_has_al && !had_al {
                            continue;
                        }
                        let n = p.rest.len();
                        // rest[0] is keys[i + 1] already.
                        if !p.rest[1..].iter().enumerate().all(|(j, r)| keys.get(i + 2 + j).is_some_and(|k| *k == &**r)) {
                            continue;
                        }
                        let end = i + 1 + n;
                        if best.is_some_and(|(e, _)| end <= e) {
                            continue;
                        }
                        // No phrase may run across a sentence mark between its words.
                        let span_text = &text[t.range.start..tokens[end - 1].range.end];
                        if has_sentence_mark(span_text) {
                            continue;
                        }
                        best = Some((end, p));
                    }
                }
            }
            if best.is_none() {
                for &pi in &bucket.single {
                    let p = &bucket.phrases[pi as usize];
                    if p.first_has_al && !had_al {
                        continue;
                    }
                    best = Some((i + 1, p));
                    break;
                }
            }
            if let Some((end, p)) = best {
                // The longest stem that the dictionary knows wins (ب+غداد never beats بغداد).
                return Some(Hit { tok_start: i, tok_end: end, range: t.range.start..tokens[end - 1].range.end, prefix_len: off, entries: &p.entries });
            }
        }
        None
    }
}

/// Whether `s` contains one of . \n ، , ؛ ; : ؟ ?
#[inline]
fn has_sentence_mark(s: &str) -> bool {
    let b = s.as_bytes();
    for (j, &c) in b.iter().enumerate() {
        match c {
            b'.' | b'\n' | b',' | b';' | b':' | b'?' => return true,
            // ، U+060C, ؛ U+061B, ؟ U+061F
            0xD8 if matches!(b.get(j + 1), Some(0x8C | 0x9B | 0x9F)) => return true,
            _ => {}
        }
    }
    false
}

/// Article-stripped keys of every token (what phrase continuations compare against).
pub fn token_keys<'t>(text: &'t str, tokens: &[Token]) -> Vec<&'t str> {
    tokens.iter().map(|t| key(&text[t.range.clone()])).collect()
}
