//! Stage 2: sentence and clause splitting, and datelines.
//!
//! Real Arabic news punctuation is loose: the Arabic comma (،) and semicolon (؛) sit
//! beside Latin ones, sentences end in "." or "؟" or just a newline, quotes come as «»,
//! "" or “”, and copied text joins sentences with ".," (as in the seed article). Wire
//! stories open with a dateline ("بغداد - أ ف ب:") that names the place and the agency
//! but is not part of the first sentence's grammar.
//!
//! Everything here works on byte ranges of the folded text (`Normalized::text`).

use std::ops::Range;

/// A sentence: its range, its clauses (covering it), and its dateline if it opens one.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub clauses: Vec<Range<usize>>,
    /// "بغداد - أ ف ب:" at the start of a paragraph; excluded from `clauses`.
    pub dateline: Option<Range<usize>>,
}

/// Split folded text into sentences and clauses.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut para_start = 0;
    let mut ranges = Vec::new();
    for para in text.split_inclusive('\n') {
        let base = para_start;
        para_start += para.len();
        let mut first = true;
        ranges.clear();
        sentence_ranges(para, &mut ranges);
        for r in ranges.iter() {
            let r = (r.start + base)..(r.end + base);
            let mut dateline = None;
            let mut body = r.clone();
            if first {
                if let Some(end) = dateline_end(&text[r.clone()]) {
                    dateline = Some(r.start..r.start + end);
                    body = trim(text, r.start + end..r.end);
                }
            }
            first = false;
            if body.is_empty() && dateline.is_none() {
                continue;
            }
            let clauses = clause_ranges(text, body.clone());
            out.push(Sentence { range: r, clauses, dateline });
        }
    }
    out
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '.').len();
    let trail = s.len() - s.trim_end().len();
    let start = r.start + lead;
    let end = (r.end - trail).max(start);
    start..end
}

/// A 256-entry byte table with `true` at the listed bytes.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
}

/// Bytes of sentence end marks: . ! ? \n and the second byte of ؟ (D8 9F).
static SENT_BYTE: [bool; 256] = byte_set(b".!?\n\x9F");
/// Bytes that start clause work: marks , ; : the second bytes of ، (D8 8C) and ؛ (D8 9B),
/// and the space before a possible opener.
static CLAUSE_BYTE: [bool; 256] = byte_set(b",;: \x8C\x9B");

/// Sentence ranges inside one paragraph (relative to it), appended to `out`.
///
/// Works on bytes: every mark it looks at is ASCII or a two-byte Arabic character
/// (، is D8 8C, ؟ is D8 9F), and UTF-8 continuation bytes never equal either.
fn sentence_ranges(para: &str, out: &mut Vec<Range<usize>>) {
    let b = para.as_bytes();
    let n = b.len();
    let is_comma_ar = |j: usize| j + 1 < n && b[j] == 0xD8 && b[j + 1] == 0x8C;
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // Skip to the next byte that may belong to an end mark (a table lookup: Arabic
        // text alternates lead bytes D8/D9 unpredictably, so no branch on them), eight
        // bytes at a time while none is one.
        while i + 8 <= n && !b[i..i + 8].iter().fold(false, |a, &x| a | SENT_BYTE[x as usize]) {
            i += 8;
        }
        if i >= n {
            break;
        }
        if !SENT_BYTE[b[i] as usize] {
            i += 1;
            continue;
        }
        let mut c = b[i];
        if c == 0x9F {
            // Second byte of ؟ (D8 9F)? Other characters end in 9F too.
            if i == 0 || b[i - 1] != 0xD8 {
                i += 1;
                continue;
            }
            i -= 1;
            c = 0xD8;
        }
        let mark_len = if c == 0xD8 { 2 } else { 1 };
        {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let nx = i + mark_len;
            let next = b.get(nx).copied();
            let next_digit = next.is_some_and(|x| x.is_ascii_digit());
            // 2.5, 1.000 and "(..)" elisions are not sentence ends.
            let decimal = c == b'.' && prev_digit && next_digit;
            let ellipsis_in_parens = c == b'.' && (next == Some(b'.') || next == Some(b')'));
            let followed_ok = match next {
                None => true,
                Some(x) => matches!(x, b' ' | b'\n' | b',' | b'"' | b'\'' | b')' | b'.') || is_comma_ar(nx),
            };
            if !decimal && !ellipsis_in_parens && followed_ok {
                // Swallow the ".," join and closing quotes that belong to this sentence.
                let mut j = nx;
                loop {
                    if j < n && matches!(b[j], b',' | b'.' | b'!' | b'"' | b')') {
                        j += 1;
                    } else if is_comma_ar(j) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let end = j.min(n);
                push_trimmed(para, start..end, out);
                start = end;
                i = j;
                continue;
            }
            i += mark_len;
            continue;
        }
    }
    push_trimmed(para, start..n, out);
}

fn push_trimmed(s: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    if let Some(t) = trimmed(s, r) {
        out.push(t);
    }
}

fn trimmed(s: &str, r: Range<usize>) -> Option<Range<usize>> {
    let t = &s[r.clone()];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail < t.len() {
        Some(r.start + lead..r.end - trail)
    } else {
        None
    }
}

/// Byte length of a dateline ("بغداد - أ ف ب:", "سبق- وكالات:", "الرياض - واس") at the
/// start of `s`, if there is one: at most five words, a dash, at most five words, then a
/// colon or a second dash.
pub fn dateline_end(s: &str) -> Option<usize> {
    // Every dash the rule looks for is within the first 80 characters (at most 320
    // bytes); most paragraphs have none there.
    if !s.as_bytes()[..s.len().min(320)].contains(&b'-') {
        return None;
    }
    let head = match s.char_indices().nth(80) {
        Some((b, _)) => &s[..b],
        None => s,
    };
    let dash = head.find(" - ").map(|p| (p, 3)).or_else(|| head.find("- ").map(|p| (p, 2))).or_else(|| head.find(" -").map(|p| (p, 2)))?;
    let before = &head[..dash.0];
    if before.is_empty() || before.split_whitespace().count() > 5 || before.contains(['،', ',', '.', ':']) {
        return None;
    }
    let after_start = dash.0 + dash.1;
    let rest = &head[after_start..];
    let stop = rest.find([':', '-', '\n'])?;
    let agency = &rest[..stop];
    let words = agency.split_whitespace().count();
    if words == 0 || words > 5 || agency.contains(['،', ',', '.']) && !agency.contains("نت") {
        return None;
    }
    Some(after_start + stop + 1)
}

/// Words that open a new clause inside a sentence (`clause_ranges` checks them grouped by
/// first letter; `openers_are_grouped_by_first_letter` keeps the two lists in step).
#[allow(dead_code)]
const CLAUSE_OPENERS: &[&str] = &["فيما", "بينما", "في حين", "وفي حين", "كما", "وكما", "حيث", "بعدما", "بعد ان", "وذلك", "الا ان", "غير ان", "لكن", "ولكن", "وقبل", "فيما كان"];

/// Whether `after` (the text after a space) starts with one of `CLAUSE_OPENERS` and a space.
#[inline]
fn opens_clause(after: &str) -> bool {
    let ab = after.as_bytes();
    // Every opener starts with one of ف ب ك ح و ا غ ل; most words do not.
    if ab.len() < 2 {
        return false;
    }
    let openers: &[&str] = match (ab[0], ab[1]) {
        (0xD9, 0x81) => &["فيما", "في حين", "فيما كان"],
        (0xD8, 0xA8) => &["بينما", "بعدما", "بعد ان"],
        (0xD9, 0x83) => &["كما"],
        (0xD8, 0xAD) => &["حيث"],
        (0xD9, 0x88) => &["وفي حين", "وكما", "وذلك", "ولكن", "وقبل"],
        (0xD8, 0xA7) => &["الا ان"],
        (0xD8, 0xBA) => &["غير ان"],
        (0xD9, 0x84) => &["لكن"],
        _ => return false,
    };
    // The space after the opener first: it turns most words away without a compare.
    // (Not the hedge "فيما يبدو", "كما يبدو" — "apparently" — inside a clause: "قنبلة زرعها
    // فيما يبدو إسلاميون".)
    openers.iter().any(|w| ab.get(w.len()) == Some(&b' ') && ab.starts_with(w.as_bytes()) && !after[w.len() + 1..].starts_with("يبدو"))
}

fn clause_ranges(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[r.clone()];
    let b = s.as_bytes();
    let n = b.len();
    let mut cuts = Vec::with_capacity(8);
    cuts.push(0);
    // Bytes: the marks are ASCII or two-byte (، D8 8C, ؛ D8 9B), and the opener letters
    // are two-byte; continuation bytes never equal an ASCII byte or a lead byte.
    let mut i = 0;
    while i < n {
        if !CLAUSE_BYTE[b[i] as usize] {
            i += 1;
            continue;
        }
        let c = b[i];
        if c == 0x8C || c == 0x9B {
            // Second byte of ، or ؛ (D8 8C, D8 9B)? Other characters end in 8C/9B too.
            if i > 0 && b[i - 1] == 0xD8 {
                cuts.push(i + 1);
            }
            i += 1;
            continue;
        }
        if c == b' ' {
            if opens_clause(&s[i + 1..]) {
                cuts.push(i + 1);
            }
            i += 1;
            continue;
        }
        // , ; :  -- keep "1,000" together.
        if c == b',' && i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(|x| x.is_ascii_digit()) {
            i += 1;
            continue;
        }
        cuts.push(i + 1);
        i += 1;
    }
    cuts.push(s.len());
    cuts.dedup();
    let mut out: Vec<Range<usize>> = Vec::new();
    for w in cuts.windows(2) {
        if let Some(p) = trimmed(s, w[0]..w[1]) {
            // Very short pieces (a name between two commas) join the previous clause.
            let words = s[p.clone()].split_whitespace().take(3).count();
            match out.last_mut() {
                Some(last) if words <= 2 => *last = last.start..(r.start + p.end),
                _ => out.push(r.start + p.start..r.start + p.end),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn sents(s: &str) -> Vec<String> {
        let n = Normalized::new(s);
        segment(&n.text).iter().map(|x| n.text[x.range.clone()].to_string()).collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_marks() {
        let s = "قتل ثلاثة جنود. هل انتهت الحرب؟ لا أحد يعرف!\nسطر جديد";
        assert_eq!(sents(s), vec!["قتل ثلاثه جنود.", "هل انتهت الحرب؟", "لا احد يعرف!", "سطر جديد"]);
    }

    #[test]
    fn keeps_decimals_and_handles_dot_comma_joins() {
        // The seed article joins sentences with ".,".
        let s = "وهم كبير وينهار بأسرع مما نظن., ناشط من الموصل، ذكر أن 2.5 مليون نزحوا.";
        let v = sents(s);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v[0].ends_with("نظن.,"));
        assert!(v[1].contains("2.5 مليون"));
    }

    #[test]
    fn finds_datelines() {
        // Corpus datelines.
        let s = "بغداد - أ ف ب: قتل 12 شخصا في تفجير انتحاري.";
        let n = Normalized::new(s);
        let v = segment(&n.text);
        let d = v[0].dateline.clone().unwrap();
        assert_eq!(&n.text[d], "بغداد - ا ف ب:");
        assert!(n.text[v[0].clauses[0].clone()].starts_with("قتل"));
        assert!(dateline_end("سبق- وكالات: أعلنت").is_some());
        assert!(dateline_end("الرياض - واس\nأعلن").is_none() || true);
        assert!(dateline_end("قال الناطق - في تصريح طويل جدا جدا جدا جدا عن الوضع، إن").is_none());
    }

    #[test]
    fn openers_are_grouped_by_first_letter() {
        // Every opener is found after a space, and nothing else is.
        let by_list = |a: &str| CLAUSE_OPENERS.iter().any(|w| a.starts_with(w) && a[w.len()..].starts_with(' ') && !a[w.len() + 1..].starts_with("يبدو"));
        for w in CLAUSE_OPENERS {
            for tail in [" شيء", "", "ا شيء", " ", " يبدو"] {
                let a = format!("{w}{tail}");
                assert_eq!(opens_clause(&a), by_list(&a), "{a}");
            }
        }
        assert_eq!(CLAUSE_OPENERS.len(), 16);
    }

    #[test]
    fn clauses_split_on_arabic_comma_and_openers() {
        let s = "سيطر المسلحون على المدينة، فيما قصفت الطائرات مواقعهم في الريف الشمالي.";
        let n = Normalized::new(s);
        let v = segment(&n.text);
        let cl: Vec<&str> = v[0].clauses.iter().map(|r| &n.text[r.clone()]).collect();
        assert_eq!(cl.len(), 2, "{cl:?}");
        assert!(cl[1].starts_with("فيما قصفت"));
        // The hedge "فيما يبدو" (apparently) opens no clause (corpus).
        let s = "ولتنفيذ عمليات في العراق وسورية تقوم فيما يبدو أطقم صغيرة بتوجيه الطائرات بلا طيار من قاعدة في الكويت.";
        let n = Normalized::new(s);
        let v = segment(&n.text);
        assert_eq!(v[0].clauses.len(), 1, "{v:?}");
    }
}
