//! Stage 1: normalization for matching.
//!
//! Arabic news text spells the same word many ways: with or without diacritics and
//! tatweel, with any of the alef/hamza forms, ta marbuta written as ha, alef maqsura as
//! ya, digits in three scripts, presentation-form ligatures copied out of PDFs, and
//! invisible bidi and zero-width controls. Every later stage matches on one folded copy
//! of the text, but every span Marsad reports must point into the *original* text.
//!
//! As in the `tokenizers` crate's `NormalizedString`, the folded text therefore carries,
//! for every byte, the range of original characters it came from. Stages work on byte
//! offsets of the folded text and convert to original character offsets only when they
//! report (`Normalized::original_range`).

use std::ops::Range;
use std::sync::LazyLock;
use unicode_normalization::char::decompose_compatible;

/// The folded text and its exact map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// Folded text. Matching, segmentation and all annotators read this.
    pub text: String,
    /// For each byte of `text`: the original character range `[start, end)` (in chars)
    /// that produced the folded character containing this byte. A dropped mark or
    /// tatweel is absorbed into the end of the preceding kept character.
    src: Vec<(u32, u32)>,
    /// Byte offset of each original character, plus one final entry (the byte length).
    orig_bytes: Vec<u32>,
}

/// What folding does with one input character.
enum Fold {
    /// Drop, and extend the previous kept character's source range over it
    /// (diacritics, tatweel: they belong to the letter before them).
    Absorb,
    /// Drop without attaching anywhere (bidi and zero-width controls).
    Drop,
    /// Replace by this character.
    One(char),
    /// Compatibility decomposition (presentation forms, ligatures).
    Nfkc,
}

/// Arabic diacritics (harakat, tanwin, shadda, sukun, Quranic marks) and tatweel.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}')
}

/// Invisible format controls: bidi embeddings, overrides and isolates, marks,
/// zero-width characters, the byte-order mark, soft hyphen.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}')
}

/// Letters of the Arabic script as used in news text (after folding).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

fn fold_char(c: char) -> Fold {
    if is_arabic_mark(c) {
        return Fold::Absorb;
    }
    if is_invisible_control(c) {
        return Fold::Drop;
    }
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::One('ا'),
        'ة' => Fold::One('ه'),
        'ى' | 'ی' | 'ې' => Fold::One('ي'),
        'ؤ' => Fold::One('و'),
        'ئ' => Fold::One('ي'),
        'ک' => Fold::One('ك'),
        'ڤ' => Fold::One('ف'),
        'گ' => Fold::One('ك'),
        '\u{0660}'..='\u{0669}' => Fold::One(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Fold::One(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{066B}' => Fold::One('.'),
        '\u{066C}' => Fold::One(','),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => Fold::One(' '),
        '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Fold::One('\n'),
        '“' | '”' | '„' | '«' | '»' | '″' => Fold::One('"'),
        '‘' | '’' | '‚' => Fold::One('\''),
        '–' | '—' | '−' | '‒' => Fold::One('-'),
        'A'..='Z' => Fold::One(c.to_ascii_lowercase()),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' | '\u{FF01}'..='\u{FF5E}' => Fold::Nfkc,
        c if c.is_control() && c != '\n' => Fold::Drop,
        c => Fold::One(c),
    }
}

/// `fold_char` of every character below U+0800 (ASCII, Latin, Arabic), precomputed:
/// `LOW_ABSORB`, `LOW_DROP`, `LOW_NFKC`, or `LOW_ONE + replacement`.
const LOW_LIMIT: u32 = 0x800;
const LOW_ABSORB: u16 = 0;
const LOW_DROP: u16 = 1;
const LOW_NFKC: u16 = 2;
const LOW_ONE: u16 = 3;

static LOW: LazyLock<Box<[u16]>> = LazyLock::new(|| {
    (0..LOW_LIMIT)
        .map(|cp| match char::from_u32(cp).map(fold_char) {
            Some(Fold::Absorb) => LOW_ABSORB,
            Some(Fold::Drop) | None => LOW_DROP,
            Some(Fold::Nfkc) => LOW_NFKC,
            Some(Fold::One(r)) => {
                assert!((r as u32) < LOW_LIMIT, "fold of a low character must stay low");
                LOW_ONE + r as u16
            }
        })
        .collect()
});

/// The `src` entries of a run of characters that fold to themselves, its first
/// character being the `i`-th of the original: one per byte, each the character it is
/// part of. Returns the index of the character after the run.
#[inline]
fn map_run(run: &[u8], i: u32, src: &mut Vec<(u32, u32)>) -> u32 {
    // Before each character start, `next` is the index of that character.
    let mut next = i;
    src.extend(run.iter().map(|&b| {
        // Not a UTF-8 continuation byte (10xxxxxx).
        if (b as i8) >= -0x40 {
            next += 1;
        }
        (next - 1, next)
    }));
    next
}

/// Bitset over the characters below U+0800 that fold to themselves (`LOW`).
static SAME: LazyLock<[u64; 32]> = LazyLock::new(|| {
    let mut same = [0u64; 32];
    for (cp, &f) in LOW.iter().enumerate() {
        if f == LOW_ONE + cp as u16 {
            same[cp >> 6] |= 1 << (cp & 63);
        }
    }
    same
});

#[inline(always)]
fn fold_fast(low: &[u16], c: char) -> Fold {
    let cp = c as u32;
    if cp < LOW_LIMIT {
        match low[cp as usize] {
            LOW_ABSORB => Fold::Absorb,
            LOW_DROP => Fold::Drop,
            LOW_NFKC => Fold::Nfkc,
            // Built from a char below U+0800: always valid.
            r => Fold::One(char::from_u32((r - LOW_ONE) as u32).unwrap_or(c)),
        }
    } else {
        fold_char(c)
    }
}

/// Append `ch`, folded from original character `i`, with its map; its byte index in `text`.
fn push(text: &mut String, src: &mut Vec<(u32, u32)>, ch: char, i: u32) -> usize {
    let at = text.len();
    text.push(ch);
    src.extend(std::iter::repeat_n((i, i + 1), ch.len_utf8()));
    at
}

/// Carry out what folding does with original character `c` (the `i`th): absorb it into
/// the last kept character, drop it, or append its replacement or decomposition.
fn apply(f: Fold, c: char, i: u32, text: &mut String, src: &mut Vec<(u32, u32)>, last_kept: &mut Option<usize>) {
    match f {
        Fold::Absorb => {
            if let Some(at) = *last_kept {
                for s in &mut src[at..] {
                    s.1 = i + 1;
                }
            }
        }
        Fold::Drop => {}
        Fold::One(ch) => *last_kept = Some(push(text, src, ch, i)),
        Fold::Nfkc => {
            let mut first = None;
            decompose_compatible(c, |d| {
                let at = match fold_char(d) {
                    Fold::One(x) => Some(push(text, src, x, i)),
                    Fold::Nfkc => Some(push(text, src, d, i)),
                    Fold::Absorb | Fold::Drop => None,
                };
                if first.is_none() {
                    first = at;
                }
            });
            if first.is_some() {
                *last_kept = first;
            }
        }
    }
}

impl Normalized {
    /// Fold `original` for matching, keeping the offset map.
    ///
    /// Most characters of news text fold to themselves. Those are found in runs by a
    /// tight scan (one- and two-byte characters, ASCII and Arabic, decoded by hand),
    /// copied as a whole, and mapped by `map_run`; only the others go through `fold_fast`.
    pub fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        let n = bytes.len();
        let mut text = String::with_capacity(n);
        let mut src: Vec<(u32, u32)> = Vec::with_capacity(n);
        let mut orig_bytes = Vec::with_capacity(n / 2 + 1);
        // Byte index in `text` where the last kept character starts, for Absorb.
        let mut last_kept: Option<usize> = None;
        let low: &[u16] = &LOW;
        let same: &[u64; 32] = &SAME;
        let mut p = 0;
        let mut i = 0u32;
        while p < n {
            // The run of one- and two-byte characters that fold to themselves (a `str` is
            // valid UTF-8: a lead byte below E0 starts a two-byte character).
            let run = p;
            while p < n {
                let b0 = bytes[p];
                let (cp, len) = if b0 < 0x80 {
                    (b0 as usize, 1)
                } else if b0 < 0xE0 && p + 1 < n {
                    ((((b0 & 0x1F) as usize) << 6) | (bytes[p + 1] & 0x3F) as usize, 2)
                } else {
                    break;
                };
                if same[cp >> 6] >> (cp & 63) & 1 == 0 {
                    break;
                }
                orig_bytes.push(p as u32);
                p += len;
            }
            if p > run {
                text.push_str(&original[run..p]);
                i = map_run(&bytes[run..p], i, &mut src);
                // Two-byte characters end in a continuation byte, ASCII ones do not.
                last_kept = Some(text.len() - if bytes[p - 1] < 0x80 { 1 } else { 2 });
            }
            let Some(c) = original[p..].chars().next() else { break };
            let len = c.len_utf8();
            orig_bytes.push(p as u32);
            apply(fold_fast(low, c), c, i, &mut text, &mut src, &mut last_kept);
            p += len;
            i += 1;
        }
        orig_bytes.push(n as u32);
        Normalized { text, src, orig_bytes }
    }

    /// Number of characters in the original text.
    pub fn original_len(&self) -> usize {
        self.orig_bytes.len() - 1
    }

    /// Original character range for a byte range of the folded text.
    /// An empty range maps to an empty range at the corresponding position.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        if self.src.is_empty() {
            return 0..0;
        }
        let start = r.start.min(self.src.len());
        if r.end <= r.start {
            let p = if start < self.src.len() { self.src[start].0 } else { self.src[self.src.len() - 1].1 };
            return p as usize..p as usize;
        }
        let end = r.end.min(self.src.len());
        self.src[start].0 as usize..self.src[end - 1].1 as usize
    }

    /// Byte range in the original string for an original character range.
    pub fn original_bytes(&self, chars: Range<usize>) -> Range<usize> {
        let n = self.original_len();
        self.orig_bytes[chars.start.min(n)] as usize..self.orig_bytes[chars.end.min(n)] as usize
    }
}

/// Fold a dictionary entry (a name, a trigger word) the same way as text, without
/// keeping offsets, and collapse runs of spaces and punctuation that dictionaries and
/// texts write differently (quotes, hyphens).
pub fn fold(s: &str) -> String {
    let n = Normalized::new(s);
    let mut out = String::with_capacity(n.text.len());
    for w in n.text.split(|c: char| !(c.is_alphanumeric())) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_roundtrip(orig: &str) {
        let n = Normalized::new(orig);
        let chars: Vec<char> = orig.chars().collect();
        let mut b = 0;
        for c in n.text.chars() {
            let r = n.original_range(b..b + c.len_utf8());
            assert!(r.start < r.end && r.end <= chars.len(), "bad range {r:?} for {c:?} in {orig:?}");
            b += c.len_utf8();
        }
    }

    #[test]
    fn folds_diacritics_tatweel_and_hamza_forms() {
        // From the corpus: "حمّام العليل", "إرهابيين", "مصادر مختلفة".
        assert_eq!(Normalized::new("حمّام العليل").text, "حمام العليل");
        assert_eq!(Normalized::new("إرهابيين").text, "ارهابيين");
        assert_eq!(Normalized::new("أمــــس").text, "امس");
        assert_eq!(Normalized::new("القاعدة الجوية").text, "القاعده الجويه");
        assert_eq!(Normalized::new("مستشفى").text, "مستشفي");
        assert_eq!(Normalized::new("مؤسسة").text, "موسسه");
        assert_eq!(Normalized::new("رئيس").text, "رييس");
    }

    #[test]
    fn folds_digits_of_three_scripts() {
        assert_eq!(Normalized::new("٣٥٠ قتيلا").text, "350 قتيلا");
        assert_eq!(Normalized::new("۱۲۳").text, "123");
        assert_eq!(Normalized::new("٢٫٥").text, "2.5");
    }

    #[test]
    fn drops_bidi_and_zero_width_controls() {
        let s = "\u{202B}داعش\u{202C} و\u{200C}الموصل\u{FEFF}";
        let n = Normalized::new(s);
        assert_eq!(n.text, "داعش والموصل");
        // "الموصل" in the folded text maps back to exactly "الموصل" in the original.
        let b = n.text.find("الموصل").unwrap();
        let r = n.original_range(b..b + "الموصل".len());
        let orig: String = s.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(orig, "الموصل");
    }

    #[test]
    fn presentation_forms_are_decomposed() {
        // Lam-alef ligature and isolated/final forms, as copied out of PDFs.
        let n = Normalized::new("ﻻ ﺍﻟﻤﻮﺻﻞ");
        assert_eq!(n.text, "لا الموصل");
        check_roundtrip("ﻻ ﺍﻟﻤﻮﺻﻞ");
        // Both letters of the ligature point to the one original char.
        assert_eq!(n.original_range(0..2), 0..1);
        assert_eq!(n.original_range(2..4), 0..1);
    }

    #[test]
    fn marks_are_absorbed_into_the_previous_letter() {
        let s = "قتلَ";
        let n = Normalized::new(s);
        assert_eq!(n.text, "قتل");
        assert_eq!(n.original_range(0..n.text.len()), 0..4);
    }

    #[test]
    fn fold_collapses_punctuation() {
        assert_eq!(fold("\"داعش\""), "داعش");
        assert_eq!(fold("العربية.نت"), "العربيه نت");
        assert_eq!(fold("حزب   العمال الكردستاني"), "حزب العمال الكردستاني");
    }

    /// The plain character-by-character fold (the definition `Normalized::new` must
    /// agree with, map included).
    fn reference(original: &str) -> Normalized {
        let mut text = String::new();
        let mut src: Vec<(u32, u32)> = Vec::new();
        let mut orig_bytes = Vec::new();
        let mut last_kept: Option<usize> = None;
        for (i, (b, c)) in original.char_indices().enumerate() {
            let i = i as u32;
            orig_bytes.push(b as u32);
            apply(fold_char(c), c, i, &mut text, &mut src, &mut last_kept);
        }
        orig_bytes.push(original.len() as u32);
        Normalized { text, src, orig_bytes }
    }

    fn assert_same_as_reference(s: &str) {
        let (a, b) = (Normalized::new(s), reference(s));
        assert_eq!(a.text, b.text, "{s:?}");
        assert_eq!(a.src, b.src, "{s:?}");
        assert_eq!(a.orig_bytes, b.orig_bytes, "{s:?}");
    }

    #[test]
    fn fast_fold_agrees_with_reference() {
        for s in [
            "",
            "قتلَ ٣٥٠ «مسلحاً» في الموصل\r\n",
            "\u{064B}بداية بعلامة",
            "ﻻ ﺍﻟﻤﻮﺻﻞ ﷲ ﷺ",
            "\u{202B}داعش\u{202C} و\u{200C}الموصل\u{FEFF}",
            "ABC – “quoted” — ١٢٣٫٤ ۱۲۳ x\u{0301}y",
            "emoji 😀 and 中文 and tatweel ـــ",
        ] {
            assert_same_as_reference(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn map_is_total_and_monotone(s in "\\PC{0,60}") {
            let n = Normalized::new(&s);
            let len = s.chars().count();
            let mut prev = 0;
            let mut b = 0;
            for c in n.text.chars() {
                let r = n.original_range(b..b + c.len_utf8());
                proptest::prop_assert!(r.start >= prev || r.start + 1 >= prev);
                proptest::prop_assert!(r.end <= len);
                prev = r.start;
                b += c.len_utf8();
            }
        }

        #[test]
        fn fast_fold_agrees_with_reference_on_any_text(s in "\\PC{0,60}") {
            assert_same_as_reference(&s);
        }

        #[test]
        fn fast_fold_agrees_with_reference_on_arabic(s in "[\u{0600}-\u{06FF}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}\u{200B}-\u{200F} a-zA-Z0-9.,\n\r\t]{0,80}") {
            assert_same_as_reference(&s);
        }
    }
}
