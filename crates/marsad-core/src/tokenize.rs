//! Stage 3: tokenization with clitic splitting.
//!
//! Arabic writes conjunctions (و ف), prepositions (ب ل ك), the future particle (س) and
//! the article (ال, or لل after ل) as part of the word: "وبالموصل" is و + ب + ال + موصل.
//! A dictionary entry "الموصل" must match it, but "بغداد", "ليبيا" and "وزير" only *look*
//! like they start with clitics. So the tokenizer does not decide alone: it proposes the
//! possible stems of a word, longest first, and the lexicon lookup takes the first one
//! the dictionary knows. `Token::analysis` gives the display analysis for `annotate`.
//!
//! Every stem is a suffix of the folded word, so candidates are byte offsets, and the
//! lookup key of a stem is the stem without its article (`key`).

use std::ops::Range;

#[derive(Clone, PartialEq)]
pub struct Token {
    /// Byte range in the folded text.
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// The lexicon lookup candidates of the word, computed once here for the three
    /// phrase indexes.
    pub(crate) cands: Cands,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token").field("range", &self.range).field("kind", &self.kind).finish()
    }
}

impl Token {
    fn new(text: &str, range: Range<usize>, kind: TokenKind) -> Token {
        let cands = Cands::of(&text[range.clone()], kind);
        Token { range, kind, cands }
    }
}

/// Lookup candidates of a token's word `w`: for Arabic words `candidate_keys(w)`, else
/// the whole word. Each is `(stem offset, key start)` in bytes of `w` (keys are suffixes
/// of `w`), with the key's `hash_key`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) struct Cands {
    /// Byte length of the word they were computed for (a guard against a foreign text).
    pub(crate) wlen: u32,
    pub(crate) n: u8,
    pub(crate) off: [u8; 3],
    pub(crate) key: [u8; 3],
    pub(crate) hash: [u64; 3],
}

impl Cands {
    #[inline]
    pub(crate) fn of(w: &str, kind: TokenKind) -> Cands {
        let mut c = Cands { wlen: w.len() as u32, n: 1, off: [0; 3], key: [0; 3], hash: [0; 3] };
        if kind == TokenKind::Arabic {
            // As `candidates`, without building the array of slices first.
            let (offs, n) = stems(w);
            c.n = n as u8;
            for j in 0..n {
                let k = stem_key(w, offs[j]);
                c.off[j] = offs[j] as u8;
                c.key[j] = (w.len() - k.len()) as u8;
                c.hash[j] = hash_key(k.as_bytes());
            }
        } else {
            c.hash[0] = hash_key(w.as_bytes());
        }
        c
    }
}

/// A fast hash of a short key (dictionary words are a few Arabic letters).
#[inline]
pub(crate) fn hash_key(b: &[u8]) -> u64 {
    const K1: u64 = 0x9E37_79B9_7F4A_7C15;
    const K2: u64 = 0xD6E8_FEB8_6659_FD93;
    #[inline(always)]
    fn mix(a: u64, b: u64) -> u64 {
        let m = (a as u128).wrapping_mul(b as u128);
        (m as u64) ^ ((m >> 64) as u64)
    }
    #[inline(always)]
    fn r8(b: &[u8], i: usize) -> u64 {
        u64::from_le_bytes(b[i..i + 8].try_into().unwrap())
    }
    #[inline(always)]
    fn r4(b: &[u8], i: usize) -> u64 {
        u32::from_le_bytes(b[i..i + 4].try_into().unwrap()) as u64
    }
    let n = b.len();
    let (mut x, y) = if n >= 8 {
        (r8(b, 0), r8(b, n - 8))
    } else if n >= 4 {
        (r4(b, 0), r4(b, n - 4))
    } else if n > 0 {
        (b[0] as u64 | (b[n / 2] as u64) << 8 | (b[n - 1] as u64) << 16, 0)
    } else {
        (0, 0)
    };
    if n > 16 {
        let mut i = 8;
        while i + 8 < n {
            x = mix(x ^ r8(b, i), K2);
            i += 8;
        }
    }
    mix(x ^ K1 ^ (n as u64).rotate_left(32), y ^ K2)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Arabic,
    Number,
    Latin,
}

/// Split folded text into word and number tokens. Digits joined by "," or "." inside a
/// number ("1,000", "2.5") stay one token; punctuation is not a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 8);
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c0 = b[i];
        if c0.is_ascii_digit() {
            // Digits, and "," or "." between two digits. All ASCII: scan bytes.
            let mut j = i + 1;
            while j < n {
                let d = b[j];
                if d.is_ascii_digit() || ((d == b',' || d == b'.') && j + 1 < n && b[j + 1].is_ascii_digit() && b[j - 1].is_ascii_digit()) {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(Token::new(text, i..j, TokenKind::Number));
            i = j;
            continue;
        }
        if c0 < 0x80 {
            if c0.is_ascii_alphabetic() {
                let start = i;
                i = latin_end(text, i);
                out.push(Token::new(text, start..i, TokenKind::Latin));
            } else {
                i += 1;
            }
            continue;
        }
        // Arabic letters are all two bytes long (lead byte D8..DB).
        let letters = b[i..].chunks_exact(2).take_while(|p| arabic_letter(p[0], p[1])).count();
        if letters > 0 {
            let j = i + 2 * letters;
            out.push(Token::new(text, i..j, TokenKind::Arabic));
            i = j;
            continue;
        }
        let c = text[i..].chars().next().unwrap();
        if c.is_alphabetic() {
            let start = i;
            i = latin_end(text, i);
            out.push(Token::new(text, start..i, TokenKind::Latin));
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Bitset over U+0600..U+06FF of the Arabic letters (`normalize::is_arabic_letter`):
/// one lookup instead of a chain of range tests.
const ARABIC_LETTER_BITS: [u64; 4] = {
    let mut t = [0u64; 4];
    let mut x = 0;
    while x < 256 {
        if matches!(0x600 + x as u32, 0x0621..=0x063A | 0x0641..=0x064A | 0x0671..=0x06D3 | 0x06FA..=0x06FF) {
            t[x >> 6] |= 1 << (x & 63);
        }
        x += 1;
    }
    t
};

/// Whether the two bytes `l c` are an Arabic letter.
#[inline(always)]
fn arabic_letter(l: u8, c: u8) -> bool {
    // Lead bytes D8..DB are U+0600..U+06FF.
    let x = (((l & 3) as usize) << 6) | (c & 0x3F) as usize;
    matches!(l, 0xD8..=0xDB) && ARABIC_LETTER_BITS[x >> 6] >> (x & 63) & 1 == 1
}

/// End of a Latin token whose first (alphabetic) character starts at byte `i`.
fn latin_end(text: &str, i: usize) -> usize {
    let mut it = text[i..].char_indices();
    let first = it.next().unwrap().1;
    let mut end = i + first.len_utf8();
    for (j, d) in it {
        if !(d.is_alphanumeric() && !crate::normalize::is_arabic_letter(d)) {
            break;
        }
        end = i + j + d.len_utf8();
    }
    end
}

const AL: &str = "ال";

/// Whether `s` has at least `n` characters (without counting them all).
#[inline(always)]
fn has_chars(s: &str, n: usize) -> bool {
    let len = s.len();
    if len >= 4 * n {
        return true;
    }
    if len < n {
        return false;
    }
    // Count char starts (bytes that are not UTF-8 continuation bytes).
    s.as_bytes().iter().filter(|&&b| (b as i8) >= -0x40).count() >= n
}

/// "ال" in UTF-8.
const AL_BYTES: [u8; 4] = [0xD8, 0xA7, 0xD9, 0x84];
/// "ل" in UTF-8.
const LAM: [u8; 2] = [0xD9, 0x84];

/// Lookup key of a stem: without the article, when enough is left (≥ 3 letters, so that
/// "الان" is not confused with "ان").
#[inline]
pub fn key(stem: &str) -> &str {
    if stem.len() >= 4 && stem.as_bytes()[..4] == AL_BYTES {
        let rest = &stem[4..];
        if has_chars(rest, 3) {
            return rest;
        }
    }
    stem
}

/// The word carries the article, alone or after a conjunction or preposition ("الجيش",
/// "والجيش", "بالمدينة", "للقوات").
pub fn has_article(w: &str) -> bool {
    ["ال", "وال", "بال", "فال", "لل", "ولل"].iter().any(|p| w.starts_with(p))
}

/// Proclitic sequences, longest first. "لل" (ل + ال with the alef dropped) is handled
/// by `stem_offsets` directly.
#[allow(dead_code)]
const PROCLITICS: &[&str] = &["وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس", "و", "ف", "ب", "ل", "ك", "س"];

/// The second bytes of و ف ب ل ك س (first bytes D9 D9 D8 D9 D9 D8).
#[inline(always)]
fn is_proclitic_letter(b0: u8, b1: u8) -> bool {
    matches!((b0, b1), (0xD9, 0x88) | (0xD9, 0x81) | (0xD8, 0xA8) | (0xD9, 0x84) | (0xD9, 0x83) | (0xD8, 0xB3))
}

/// Stem offsets of `w` (see `stem_offsets`): at most three, `n` of them valid.
/// With `PROCLITICS` as written, the two-letter sequences start with و or ف followed by
/// ب ل ك or س (stem offset 4 bytes), the one-letter ones are any of و ف ب ل ك س (offset
/// 2 bytes); at most one of each kind can match.
#[inline]
fn stems(w: &str) -> ([usize; 3], usize) {
    let mut offs = [0, usize::MAX, usize::MAX];
    let mut n = 1;
    let b = w.as_bytes();
    // Most words start with no clitic letter at all: answer those without any search.
    if b.len() >= 2 && is_proclitic_letter(b[0], b[1]) {
        // The remaining stem must keep 3 letters (ب+غداد is tried, ب+لد is not).
        let c0_wf = b[0] == 0xD9 && (b[1] == 0x88 || b[1] == 0x81);
        // The future particle س only comes before an imperfect verb (سي، ست، سن، سأ):
        // "وسرمين" is و + سرمين, not و + س + رمين.
        let future_ok = |i: usize| b.len() >= i + 2 && matches!((b[i], b[i + 1]), (0xD9, 0x8A) | (0xD8, 0xAA) | (0xD9, 0x86) | (0xD8, 0xA7));
        let sin = |i: usize| b[i] == 0xD8 && b[i + 1] == 0xB3;
        if c0_wf && b.len() >= 4 && matches!((b[2], b[3]), (0xD8, 0xA8) | (0xD9, 0x84) | (0xD9, 0x83) | (0xD8, 0xB3)) && (!sin(2) || future_ok(4)) && has_chars(w, 5) {
            offs[n] = 4;
            n += 1;
        }
        if has_chars(w, 4) && (!sin(0) || future_ok(2)) {
            offs[n] = 2;
            n += 1;
        }
    }
    (offs, n)
}

/// Candidate stems of a folded Arabic word, as byte offsets into it, longest stem first
/// (the whole word is always the first candidate). Up to 4 candidates.
pub fn stem_offsets(w: &str) -> impl Iterator<Item = usize> + '_ {
    let (offs, n) = stems(w);
    offs.into_iter().take(n)
}

/// Key of the stem of `w` at byte offset `o` (see `candidate_keys`).
#[inline(always)]
fn stem_key(w: &str, o: usize) -> &str {
    let stem = &w[o..];
    // After "ل" the article's alef is gone: "للموصل" = ل + لموصل -> key "موصل".
    let sb = stem.as_bytes();
    if o > 0 && w.as_bytes()[o - 2..o] == LAM && sb.len() >= 2 && sb[..2] == LAM && !(sb.len() >= 4 && sb[..4] == AL_BYTES) {
        let rest = &stem[2..];
        if has_chars(rest, 3) {
            rest
        } else {
            key(stem)
        }
    } else {
        key(stem)
    }
}

/// Candidate keys of `w`, as an array: `(stem offset, key)`, `n` of them valid.
#[inline]
pub(crate) fn candidates(w: &str) -> ([(usize, &str); 3], usize) {
    let (offs, n) = stems(w);
    let mut out = [(0, ""); 3];
    for j in 0..n {
        out[j] = (offs[j], stem_key(w, offs[j]));
    }
    (out, n)
}

/// Stem candidate keys of a word (see `key`), longest stem first.
pub fn candidate_keys(w: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let (c, n) = candidates(w);
    c.into_iter().take(n)
}

/// Pronoun suffixes, longest first.
const ENCLITICS: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك"];

/// Display analysis of a token: proclitics, stem, enclitic. `known` says whether a key
/// is a dictionary word; the first known candidate wins, else a conservative guess
/// (conjunction و and a following article only).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Analysis {
    pub prefix: String,
    pub stem: String,
    pub suffix: String,
}

pub fn analyze(w: &str, known: impl Fn(&str) -> bool) -> Analysis {
    let chosen = candidate_keys(w).find(|(_, k)| known(k));
    let (off, stem_start) = match chosen {
        Some((o, k)) => (o, w.len() - k.len()),
        None => {
            // Conservative: split و/ف + ال, or بال/لل/وال, but never a bare letter before
            // a short word.
            let mut o = 0;
            for p in ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال"] {
                if w.starts_with(p) && w.chars().count() >= p.chars().count() + 2 {
                    o = if p.ends_with("لل") { p.len() } else { p.len() - AL.len() };
                    break;
                }
            }
            if o == 0 && (w.starts_with('و') || w.starts_with('ف')) && w.chars().count() >= 5 {
                o = 2;
            }
            let s = &w[o..];
            let ks = if s.starts_with(AL) { o + AL.len() } else { o };
            (o, ks)
        }
    };
    let stem_full = &w[stem_start.min(w.len())..];
    let mut suffix = "";
    let mut stem = stem_full;
    if chosen.is_none() {
        for e in ENCLITICS {
            if let Some(s) = stem_full.strip_suffix(e) {
                if s.chars().count() >= 3 {
                    suffix = e;
                    stem = s;
                    break;
                }
            }
        }
    }
    Analysis { prefix: w[..off].to_string() + &w[off..stem_start.min(w.len())], stem: stem.to_string(), suffix: suffix.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn keys(w: &str) -> Vec<&str> {
        candidate_keys(w).map(|x| x.1).collect()
    }

    #[test]
    fn clitic_candidates_reach_the_dictionary_form() {
        let dict = ["موصل", "دواعش", "استعاده", "بغداد", "ليبيا", "وزير", "رقه"];
        let known = |k: &str| dict.contains(&k);
        for (w, want) in [
            ("وبالموصل", "موصل"),
            ("لاستعاده", "استعاده"),
            ("بدواعش", "دواعش"),
            ("للموصل", "موصل"),
            ("بالرقه", "رقه"),
            ("والموصل", "موصل"),
            ("بغداد", "بغداد"),
            ("ليبيا", "ليبيا"),
            ("وزير", "وزير"),
        ] {
            let k = candidate_keys(w).find(|(_, k)| known(k)).map(|x| x.1);
            assert_eq!(k, Some(want), "{w}: {:?}", keys(w));
        }
    }

    #[test]
    fn whole_word_comes_first() {
        assert_eq!(keys("بغداد")[0], "بغداد");
        assert_eq!(keys("الموصل")[0], "موصل");
        // No stem shorter than 3 letters without an article.
        assert!(!keys("بلد").contains(&"لد"));
    }

    #[test]
    fn future_sin_only_before_an_imperfect_verb() {
        // "وسرمين" (and Sarmin) is not و + س + رمين; "وستقوم" is و + س + تقوم.
        assert!(keys("وسرمين").contains(&"سرمين"));
        assert!(!keys("وسرمين").contains(&"رمين"));
        assert!(!keys("سرمين").contains(&"رمين"));
        assert!(keys("وستقوم").contains(&"تقوم"));
        assert!(keys("سيقوم").contains(&"يقوم"));
    }

    #[test]
    fn arabic_letter_table_matches_the_definition() {
        for cp in 0x600..0x700u32 {
            let c = char::from_u32(cp).unwrap();
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(arabic_letter(b[0], b[1]), crate::normalize::is_arabic_letter(c), "{cp:X}");
        }
    }

    #[test]
    fn tokens_keep_numbers_together() {
        let n = Normalized::new("قتل 1,000 مسلح و٢٫٥ مليون، في 2015.");
        let t: Vec<&str> = tokenize(&n.text).iter().map(|t| &n.text[t.range.clone()]).collect();
        assert_eq!(t, vec!["قتل", "1,000", "مسلح", "و", "2.5", "مليون", "في", "2015"]);
    }

    #[test]
    fn analysis_splits_clitics_conservatively() {
        let a = analyze("وبالموصل", |k| k == "موصل");
        assert_eq!((a.prefix.as_str(), a.stem.as_str()), ("وبال", "موصل"));
        let a = analyze("بغداد", |_| false);
        assert_eq!(a.prefix, "");
        let a = analyze("والمسلحين", |_| false);
        assert_eq!((a.prefix.as_str(), a.stem.as_str()), ("وال", "مسلحين"));
        let a = analyze("تجهيزها", |_| false);
        assert_eq!((a.stem.as_str(), a.suffix.as_str()), ("تجهيز", "ها"));
    }
}
