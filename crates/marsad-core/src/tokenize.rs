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

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte range in the folded text.
    pub range: Range<usize>,
    pub kind: TokenKind,
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
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if crate::normalize::is_arabic_letter(c) {
            TokenKind::Arabic
        } else if c.is_alphabetic() {
            TokenKind::Latin
        } else {
            continue;
        };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let same = match kind {
                TokenKind::Number => {
                    d.is_ascii_digit()
                        || ((d == ',' || d == '.') && b.get(j + 1).is_some_and(|x| x.is_ascii_digit()) && b[j - 1].is_ascii_digit())
                }
                TokenKind::Arabic => crate::normalize::is_arabic_letter(d),
                TokenKind::Latin => d.is_alphanumeric() && !crate::normalize::is_arabic_letter(d),
            };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        out.push(Token { range: i..end, kind });
    }
    out
}

const AL: &str = "ال";

/// Lookup key of a stem: without the article, when enough is left (≥ 3 letters, so that
/// "الان" is not confused with "ان").
pub fn key(stem: &str) -> &str {
    match stem.strip_prefix(AL) {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => stem,
    }
}

/// Proclitic sequences, longest first. "لل" (ل + ال with the alef dropped) is handled
/// by `stem_offsets` directly.
const PROCLITICS: &[&str] = &["وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس", "و", "ف", "ب", "ل", "ك", "س"];

/// Candidate stems of a folded Arabic word, as byte offsets into it, longest stem first
/// (the whole word is always the first candidate). Up to 4 candidates.
pub fn stem_offsets(w: &str) -> impl Iterator<Item = usize> + '_ {
    let mut offs: [usize; 4] = [usize::MAX; 4];
    offs[0] = 0;
    let mut n = 1;
    // Most words start with no clitic letter at all: answer those without any search.
    if matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س')) {
        let letters = w.chars().count();
        for p in PROCLITICS {
            if n == 4 {
                break;
            }
            if let Some(rest) = w.strip_prefix(p) {
                // The remaining stem must keep 3 letters (ب+غداد is tried, ب+لد is not).
                if letters - p.chars().count() >= 3 {
                    let off = w.len() - rest.len();
                    if !offs[..n].contains(&off) {
                        offs[n] = off;
                        n += 1;
                    }
                }
            }
        }
    }
    offs.into_iter().take(n)
}

/// Stem candidate keys of a word (see `key`), longest stem first.
pub fn candidate_keys(w: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    stem_offsets(w).map(move |o| {
        let stem = &w[o..];
        // After "ل" the article's alef is gone: "للموصل" = ل + لموصل -> key "موصل".
        let k = if o > 0 && w[..o].ends_with('ل') && stem.starts_with('ل') && !stem.starts_with(AL) {
            let rest = &stem['ل'.len_utf8()..];
            if rest.chars().count() >= 3 { rest } else { key(stem) }
        } else {
            key(stem)
        };
        (o, k)
    })
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
