//! Arabic-aware full-text matching. Articles are indexed as their folded words'
//! clitic-stripped keys (every candidate key of every word), and a query word matches when
//! any of its own candidate keys is indexed: "الموصل" (key موصل) finds "بالموصل" and
//! "وبالموصل", whose candidates include موصل.

use marsad_core::normalize::Normalized;
use marsad_core::tokenize::candidate_keys;
use std::sync::OnceLock;

/// `char::is_alphanumeric` for the first 0x800 code points (Latin, Arabic), from a table
/// filled by that same function: Arabic letters otherwise take the standard library's
/// slow path, which was the largest single cost of preparing an article for the index.
fn is_word_char(c: char) -> bool {
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    let i = c as usize;
    if i < 0x800 {
        TABLE.get_or_init(|| (0..0x800u32).map(|i| char::from_u32(i).map_or(false, char::is_alphanumeric)).collect())[i]
    } else {
        c.is_alphanumeric()
    }
}

/// Exactly `marsad_core::normalize::fold` (the normalized text's alphanumeric runs joined
/// by single spaces), with the table above.
pub fn fold(s: &str) -> String {
    let n = Normalized::new(s);
    let mut out = String::with_capacity(n.text.len());
    for w in n.text.split(|c: char| !is_word_char(c)) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// A word-at-a-time multiply-rotate hash (as rustc's FxHash, with a final mix so the top
/// bits hashbrown uses are spread) for the small string set below: std's SipHash, and
/// then byte-at-a-time FNV, showed up in profiles. Only used to drop repeated keys
/// within one article, so it needs speed, not resistance to chosen inputs.
#[derive(Default)]
struct KeyHasher(u64);
impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(0x9e3779b97f4a7c15)
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517cc1b727220a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h = (h.rotate_left(5) ^ u64::from_le_bytes(c.try_into().expect("8 bytes"))).wrapping_mul(K);
        }
        let r = chunks.remainder();
        if !r.is_empty() {
            let mut b = [0u8; 8];
            b[..r.len()].copy_from_slice(r);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        // The length, so that "ab" and "ab\0" differ (str hashing also appends 0xff).
        self.0 = (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K);
    }
}

/// The text stored in the FTS index for an article: each distinct key once (matching is
/// boolean, so repeats would only make the index bigger and ingest slower).
pub fn index_body(text: &str) -> String {
    let folded = fold(text);
    // Sized for the text up front (~1 distinct key per 8 bytes of folded Arabic text):
    // growing the set was a tenth of this function's time.
    let mut seen: std::collections::HashSet<&str, std::hash::BuildHasherDefault<KeyHasher>> =
        std::collections::HashSet::with_capacity_and_hasher(folded.len() / 8 + 16, Default::default());
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
