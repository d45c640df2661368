//! A phrase index over folded, clitic-stripped keys.
//!
//! Lookup is by the key of a phrase's first word (every clitic candidate of a text token
//! is tried, longest stem first), then the rest of the phrase is compared word by word
//! with the article-stripped keys of the following tokens. Almost no token starts a known
//! phrase, so a document costs about four hash probes per token whatever the size of the
//! dictionaries.

use crate::tokenize::{hash_key, key, Cands, Token};
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
/// alias is a stop-name that needs a cue word before it; for triggers: the phrase is a
/// past-tense verb form, an act told as done).
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
    by_next: KeyMap<Vec<u32>>,
}

#[derive(Default, Debug)]
pub struct PhraseIndex {
    first: KeyMap<Bucket>,
}

/// A string-keyed open-addressing hash table (linear probing, at most half full) that
/// takes precomputed `hash_key` hashes: tokens carry the hashes of their candidate keys,
/// so the three phrase indexes of a document hash each word once.
#[derive(Debug)]
struct KeyMap<V> {
    /// `(hash >> 32, index + 1 into entries)`, 0 = empty.
    slots: Vec<(u32, u32)>,
    entries: Vec<(u64, Box<str>, V)>,
}

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap { slots: Vec::new(), entries: Vec::new() }
    }
}

impl<V: Default> KeyMap<V> {
    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The first entry with full hash `h` that `is` accepts, along the probe sequence.
    #[inline]
    fn probe(&self, h: u64, is: impl Fn(&(u64, Box<str>, V)) -> bool) -> Option<&(u64, Box<str>, V)> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = (h >> 32) as u32;
        let mut i = h as usize & mask;
        loop {
            let (t, e) = self.slots[i];
            if e == 0 {
                return None;
            }
            if t == tag {
                let entry = &self.entries[e as usize - 1];
                if entry.0 == h && is(entry) {
                    return Some(entry);
                }
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get_h(&self, k: &str, h: u64) -> Option<&V> {
        self.probe(h, |(_, ek, _)| **ek == *k).map(|(_, _, v)| v)
    }

    /// Whether some key has the full hash `h` (what `get_h` needs before it compares
    /// the key itself).
    #[inline]
    fn has_hash(&self, h: u64) -> bool {
        self.probe(h, |_| true).is_some()
    }

    #[inline]
    fn get(&self, k: &str) -> Option<&V> {
        self.get_h(k, hash_key(k.as_bytes()))
    }

    fn place(slots: &mut [(u32, u32)], h: u64, e: u32) {
        let mask = slots.len() - 1;
        let mut i = h as usize & mask;
        while slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = ((h >> 32) as u32, e);
    }

    fn entry(&mut self, k: &str) -> &mut V {
        let h = hash_key(k.as_bytes());
        if !self.slots.is_empty() {
            let mask = self.slots.len() - 1;
            let mut i = h as usize & mask;
            loop {
                let (t, e) = self.slots[i];
                if e == 0 {
                    break;
                }
                if t == (h >> 32) as u32 && self.entries[e as usize - 1].0 == h && *self.entries[e as usize - 1].1 == *k {
                    return &mut self.entries[e as usize - 1].2;
                }
                i = (i + 1) & mask;
            }
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            let cap = (self.slots.len() * 2).max(8);
            let mut slots = vec![(0u32, 0u32); cap];
            for (j, (eh, _, _)) in self.entries.iter().enumerate() {
                Self::place(&mut slots, *eh, j as u32 + 1);
            }
            self.slots = slots;
        }
        self.entries.push((h, k.into(), V::default()));
        let e = self.entries.len() as u32;
        Self::place(&mut self.slots, h, e);
        &mut self.entries.last_mut().unwrap().2
    }

    fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|e| &e.2)
    }
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
        let bucket = self.first.entry(first);
        let list = &mut bucket.phrases;
        if let Some(p) = list.iter_mut().find(|p| p.first_has_al == first_has_al && p.rest.len() == rest.len() && p.rest.iter().zip(rest).all(|(a, b)| &**a == *b)) {
            // A trigger word that is also a past verb form ("طرد") keeps one entry, flagged.
            if let Some(x) = p.entries.iter_mut().find(|x| x.kind == EntityKind::Trigger && e.kind == EntityKind::Trigger && x.id == e.id) {
                x.flag |= e.flag;
            } else if !p.entries.contains(&e) {
                p.entries.push(e);
            }
        } else {
            let at = list.len() as u32;
            list.push(Phrase { rest: rest.iter().map(|s| (*s).into()).collect(), first_has_al, entries: vec![e] });
            match rest.first() {
                None => bucket.single.push(at),
                Some(next) => bucket.by_next.entry(next).push(at),
            }
        }
    }

    pub fn has_first(&self, k: &str) -> bool {
        self.first.get(k).is_some()
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
            // Almost no token starts a phrase: turn those away by the hashes they carry.
            if !self.may_start(text, &tokens[i]) {
                i += 1;
                continue;
            }
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

    /// False only if no phrase starts with any lookup candidate of `t` (no first key
    /// has the hash of one); `longest_at` finds nothing there then.
    #[inline]
    fn may_start(&self, text: &str, t: &Token) -> bool {
        let c = &t.cands;
        if c.wlen as usize != t.range.len() || t.range.end > text.len() {
            // Not computed for this text: let `longest_at` recompute them.
            return true;
        }
        c.hash[..c.n as usize].iter().any(|&h| self.first.has_hash(h))
    }

    /// The longest phrase that starts at token `i`.
    pub fn longest_at<'l>(&'l self, text: &str, tokens: &[Token], keys: &[&str], i: usize) -> Option<Hit<'l>> {
        let t = &tokens[i];
        let w = &text[t.range.clone()];
        // Tokens from `tokenize` carry their candidates; recompute for any other text.
        let fresh;
        let c = if t.cands.wlen as usize == w.len() {
            &t.cands
        } else {
            fresh = Cands::of(w, t.kind);
            &fresh
        };
        for j in 0..c.n as usize {
            let off = c.off[j] as usize;
            let k = &w[c.key[j] as usize..];
            let Some(bucket) = self.first.get_h(k, c.hash[j]) else { continue };
            // Did this candidate stem carry the article (ال, or لل after ل)?
            let had_al = w.len() - off > k.len();
            // Every multi-word match is longer than every one-word match; among equally
            // long matches the first inserted wins.
            let mut best: Option<(usize, &'l Phrase)> = None;
            if !bucket.by_next.is_empty() {
                if let Some(list) = keys.get(i + 1).and_then(|k2| bucket.by_next.get_h(k2, next_hash(text, tokens, i + 1, k2))) {
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

/// `hash_key` of `k2`, the key of token `i`: taken from the token when `k2` is the very
/// slice of its first candidate key (as `token_keys` gives), else computed.
#[inline]
fn next_hash(text: &str, tokens: &[Token], i: usize, k2: &str) -> u64 {
    if let Some(t) = tokens.get(i) {
        let c = &t.cands;
        if c.wlen as usize == t.range.len() && t.range.end <= text.len() {
            let start = t.range.start + c.key[0] as usize;
            if k2.as_ptr() == text.as_bytes()[start..].as_ptr() && k2.len() == t.range.end - start {
                return c.hash[0];
            }
        }
    }
    hash_key(k2.as_bytes())
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
