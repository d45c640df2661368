//! Annotator: numbers (digits in any script, number words, ranges, approximations).
//! See `find_numbers`.
//!
//! Works on the folded text (see `normalize`): number words are written in folded
//! spelling (ثلاثه, ميه for مئة, مايه for مائة, الاف for آلاف). The reader scans the token
//! list once; every word is looked up (after stripping proclitics) in small hash tables
//! built once.
//!
//! Conventions (spec/output-format.md, COUNT):
//! - a single number: `min == max`;
//! - vague plurals are approximate ranges: بضع(ه) 3–9, عشرات 20–99, مئات 200–999,
//!   آلاف 2000–9999, ملايين 2–9.99 million; "عشرات الآلاف" multiplies (20 000–99 000);
//! - "أكثر من N", "ما يزيد على/عن N", "يربو على N", "يفوق N" → `N+1..` (open);
//!   "ما لا يقل عن N", "N على الأقل", "على الأقل N", "N أو أكثر" → `N..` (open);
//! - "أقل من N" → `1..N-1`, not approximate (a count below N that the text says exists);
//! - نحو، حوالي، قرابة، زهاء، ما يقارب، يناهز، تقريبا → approximate;
//! - ranges: "بين A و B", "ما بين", "من A إلى/حتى B", "A إلى B", "A-B", "A أو B"
//!   (the last is approximate); a scale word after B applies to A ("20 إلى 25 ألف").
//! - a dual of a curated list of count nouns (جنديين، طفلان، قتيلين…) counts 2.
//!
//! Not counts, so not reported: percentages (50%، 50 بالمئة، في المئة), years (after
//! عام/سنة/منذ, next to a month name, or followed by م/هـ), day numbers of dates ("15 يناير"),
//! numeric dates (20/2/2015, 2015-02-20), times (10:30, الساعة 10), durations
//! (a number followed by a time unit: "ثلاثة أيام", "20 عاما" — the dates reader owns
//! those), decimals without a scale word, numbers after رقم, and ordinal words.

use crate::tokenize::{Token, TokenKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// A count found in the text. `max == None` means open-ended ("more than 15" → 16..).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NumberMention {
    /// Byte range in the folded text covering the whole expression ("بين 11 و13").
    pub range: Range<usize>,
    pub min: u64,
    pub max: Option<u64>,
    pub approximate: bool,
}

// ---------------------------------------------------------------------------------------
// Shared helpers (also used by `dates`).

/// A small, fast hasher (the FxHash mix) for short static keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let r = chunks.remainder();
        if !r.is_empty() {
            let mut v = [0u8; 8];
            v[..r.len()].copy_from_slice(r);
            self.add(u64::from_le_bytes(v));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fx>>;

pub(crate) fn fx_map<V>(entries: impl IntoIterator<Item = (&'static str, V)>) -> FxMap<V> {
    let mut m = FxMap::default();
    for (k, v) in entries {
        m.insert(k, v);
    }
    m
}

/// The token list with its text, and small accessors that never panic.
#[derive(Clone, Copy)]
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
}

impl<'a> Toks<'a> {
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }
    /// Folded text of token `i` ("" past the end).
    #[inline]
    pub fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.range.clone()).unwrap_or(""),
            None => "",
        }
    }
    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.range.start)
    }
    #[inline]
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.range.end)
    }
    /// Text between token `i-1` and token `i`.
    #[inline]
    pub fn gap(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        let a = self.toks[i - 1].range.end;
        let b = self.toks[i].range.start;
        if a <= b {
            self.text.get(a..b).unwrap_or("")
        } else {
            ""
        }
    }
    /// Tokens `i-1` and `i` are joined by nothing but spaces and quotes (no sentence or
    /// clause punctuation between them).
    #[inline]
    pub fn soft(&self, i: usize) -> bool {
        i < self.toks.len() && self.gap(i).chars().all(|c| c == ' ' || c == '"' || c == '\'')
    }
    /// Gap before token `i` trimmed of spaces.
    #[inline]
    pub fn gap_trim(&self, i: usize) -> &'a str {
        self.gap(i).trim_matches(' ')
    }
}

/// Proclitic candidates of a folded word: `(stem, proclitic byte length, has article)`,
/// whole word first. The article is stripped too ("والعشرات" → "عشرات", article).
/// Writes into `out`, returns how many.
pub(crate) fn clitic_stems(w: &str, out: &mut [(usize, bool); 8]) -> usize {
    let mut n = 0;
    let mut push = |off: usize, art: bool, out: &mut [(usize, bool); 8]| {
        if n < 8 && w.len() - off >= 4 && !out[..n].contains(&(off, art)) {
            out[n] = (off, art);
            n += 1;
        }
    };
    // Proclitic offsets without the article.
    let mut bases = [0usize; 4];
    let mut nb = 1;
    let b = w.as_bytes();
    let is = |off: usize, c: char| w.get(off..).is_some_and(|s| s.starts_with(c));
    if is(0, 'و') || is(0, 'ف') {
        bases[nb] = 2;
        nb += 1;
    }
    for k in 0..nb.min(2) {
        let o = bases[k];
        // Not "ك": "كميه" (quantity) is not ك + ميه.
        if is(o, 'ب') || is(o, 'ل') {
            bases[nb] = o + 2;
            nb += 1;
        }
    }
    let _ = b;
    for &o in &bases[..nb] {
        push(o, false, out);
    }
    for &o in &bases[..nb] {
        if w.get(o..).is_some_and(|s| s.starts_with("ال")) {
            push(o + 4, true, out);
        } else if o >= 2 && w.get(o - 2..).is_some_and(|s| s.starts_with("لل")) {
            // "للعشرات" = ل + ال + عشرات.
            push(o + 2, true, out);
        }
    }
    n
}

// ---------------------------------------------------------------------------------------
// Lexicon.

#[derive(Debug, Clone, Copy, PartialEq)]
enum NW {
    /// 1..=10 (عشره is 10, and the second part of a teen).
    Unit(u64),
    /// First part of a teen only: احد (11), اثنا (12).
    TeenOnly(u64),
    Tens(u64),
    Hund(u64),
    /// Singular scale: الف, مليون, مليار.
    Scale(u64),
    /// Plural scale: الاف, ملايين, مليارات (3–10 × scale, or vague alone).
    ScalePl(u64),
    /// Dual scale: الفين = 2000.
    ScaleDual(u64),
    /// Vague plural: (min, max).
    Vague(u64, u64),
}

static NUM_WORDS: LazyLock<FxMap<NW>> = LazyLock::new(|| {
    use NW::*;
    let mut v: Vec<(&'static str, NW)> = vec![
        ("واحد", Unit(1)),
        ("واحده", Unit(1)),
        ("اثنان", Unit(2)),
        ("اثنين", Unit(2)),
        ("اثنتان", Unit(2)),
        ("اثنتين", Unit(2)),
        ("ثلاث", Unit(3)),
        ("ثلاثه", Unit(3)),
        ("اربع", Unit(4)),
        ("اربعه", Unit(4)),
        ("خمس", Unit(5)),
        ("خمسه", Unit(5)),
        ("ست", Unit(6)),
        ("سته", Unit(6)),
        ("سبع", Unit(7)),
        ("سبعه", Unit(7)),
        ("ثمان", Unit(8)),
        ("ثماني", Unit(8)),
        ("ثمانيه", Unit(8)),
        ("تسع", Unit(9)),
        ("تسعه", Unit(9)),
        ("عشر", Unit(10)),
        ("عشره", Unit(10)),
        ("احد", TeenOnly(1)),
        ("احدي", TeenOnly(1)),
        ("اثنا", TeenOnly(2)),
        ("اثني", TeenOnly(2)),
        ("اثنتا", TeenOnly(2)),
        ("اثنتي", TeenOnly(2)),
        ("ميه", Hund(100)),
        ("مايه", Hund(100)),
        ("ميتين", Hund(200)),
        ("ميتان", Hund(200)),
        ("مايتين", Hund(200)),
        ("مايتان", Hund(200)),
        ("ميتي", Hund(200)),
        ("مايتي", Hund(200)),
        ("الف", Scale(1000)),
        ("الفا", Scale(1000)),
        ("مليون", Scale(1_000_000)),
        ("مليونا", Scale(1_000_000)),
        ("مليار", Scale(1_000_000_000)),
        ("مليارا", Scale(1_000_000_000)),
        ("بليون", Scale(1_000_000_000)),
        ("الاف", ScalePl(1000)),
        ("ملايين", ScalePl(1_000_000)),
        ("مليارات", ScalePl(1_000_000_000)),
        ("الفين", ScaleDual(1000)),
        ("الفان", ScaleDual(1000)),
        ("الفي", ScaleDual(1000)),
        ("مليونين", ScaleDual(1_000_000)),
        ("مليونان", ScaleDual(1_000_000)),
        ("مليوني", ScaleDual(1_000_000)),
        ("مليارين", ScaleDual(1_000_000_000)),
        ("ملياران", ScaleDual(1_000_000_000)),
        ("ملياري", ScaleDual(1_000_000_000)),
        ("بضع", Vague(3, 9)),
        ("بضعه", Vague(3, 9)),
        ("عشرات", Vague(20, 99)),
        ("ميات", Vague(200, 999)),
        ("مايات", Vague(200, 999)),
    ];
    for (w, t) in [
        ("عشر", 20),
        ("ثلاث", 30),
        ("اربع", 40),
        ("خمس", 50),
        ("ست", 60),
        ("سبع", 70),
        ("ثمان", 80),
        ("تسع", 90),
    ] {
        let a: &'static str = Box::leak(format!("{w}ون").into_boxed_str());
        let b: &'static str = Box::leak(format!("{w}ين").into_boxed_str());
        v.push((a, Tens(t)));
        v.push((b, Tens(t)));
    }
    for (w, h) in [
        ("ثلاث", 300),
        ("اربع", 400),
        ("خمس", 500),
        ("ست", 600),
        ("سبع", 700),
        ("ثمان", 800),
        ("ثماني", 800),
        ("تسع", 900),
    ] {
        for m in ["ميه", "مايه"] {
            let a: &'static str = Box::leak(format!("{w}{m}").into_boxed_str());
            v.push((a, Hund(h)));
        }
    }
    fx_map(v)
});

/// Dual nouns that count 2. Only forms that cannot be a plural are listed: "مدنيين",
/// "مسلحين", "صحفيين" are sound plurals, so only their -ان duals are here.
static DUALS: LazyLock<FxMap<()>> = LazyLock::new(|| {
    fx_map(
        [
            "جنديين", "جنديان", "طفلين", "طفلان", "طفلتين", "طفلتان", "شخصين", "شخصان", "شرطيين",
            "شرطيان", "عنصرين", "عنصران", "ضابطين", "ضابطان", "صحفيان", "مدنيان", "مسلحان",
            "ناشطان", "مواطنان", "قياديان", "قتيلين", "قتيلان", "جريحين", "جريحان", "رجلين",
            "رجلان", "امراتين", "امراتان", "فتاتين", "فتاتان", "شابين",
            "شابان", "مقاتلين_", "مقاتلان", "انتحاريين_", "انتحاريان", "حارسين", "حارسان",
            "مدرعتين", "مدرعتان", "طايرتين", "طايرتان", "قذيفتين", "قذيفتان", "صاروخين",
            "صاروخان", "جثتين", "جثتان", "اصابتين", "اصابتان", "اسيرين", "اسيران", "رهينتين",
            "رهينتان", "معتقلان", "سجينين", "سجينان", "مختطفان",
        ]
        .into_iter()
        .filter(|w| !w.ends_with('_'))
        .map(|w| (w, ())),
    )
});

/// Time units: a number before one is a duration (the dates reader's), not a count.
static TIME_UNITS: LazyLock<FxMap<()>> = LazyLock::new(|| {
    fx_map(
        [
            "يوم", "يوما", "ايام", "اسبوع", "اسبوعا", "اسابيع", "شهر", "شهرا", "اشهر", "شهور", "عام",
            "عاما", "اعوام", "سنه", "سنوات", "سنين", "ساعه", "ساعات", "دقيقه", "دقايق", "ثانيه",
            "ثوان", "ثواني", "قرن", "قرنا", "قرون", "عقد", "عقدا", "عقود", "ليله", "ليال", "ليالي",
        ]
        .into_iter()
        .map(|w| (w, ())),
    )
});

/// Letter index (0..128) of a 2-byte Arabic-block character starting at `b[0]`.
#[inline]
fn letter_ix(b: &[u8]) -> Option<usize> {
    match b {
        [x @ (0xD8 | 0xD9), y, ..] => Some((((*x & 1) as usize) << 6) | (*y & 0x3F) as usize),
        _ => None,
    }
}

/// A 128×128 bitset of (first letter, last letter) pairs of dictionary keys: most words
/// are rejected by it without hashing.
pub(crate) struct EdgeFilter([u128; 128]);

impl EdgeFilter {
    pub(crate) fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> EdgeFilter {
        let mut f = EdgeFilter([0; 128]);
        for k in keys {
            let b = k.as_bytes();
            if let (Some(a), Some(z)) = (letter_ix(b), b.len().checked_sub(2).and_then(|i| letter_ix(&b[i..]))) {
                f.0[a] |= 1u128 << z;
            } else {
                // Not plain Arabic: let everything with this first letter through.
                for row in f.0.iter_mut() {
                    *row = u128::MAX;
                }
            }
        }
        f
    }
    #[inline]
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match (letter_ix(b), b.len().checked_sub(2).and_then(|i| letter_ix(&b[i..]))) {
            (Some(a), Some(z)) => self.0[a] >> z & 1 == 1,
            _ => true,
        }
    }
}

/// A 128×128 bitset of the last two letters of dictionary keys. Every clitic stem of a
/// word is a suffix of it, so one check rejects most words outright.
pub(crate) struct TailFilter([u128; 128]);

impl TailFilter {
    pub(crate) fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> TailFilter {
        let mut f = TailFilter([0; 128]);
        for k in keys {
            let b = k.as_bytes();
            match (b.len().checked_sub(4).and_then(|i| letter_ix(&b[i..])), b.len().checked_sub(2).and_then(|i| letter_ix(&b[i..]))) {
                (Some(y), Some(z)) => f.0[y] |= 1u128 << z,
                _ => {
                    for row in f.0.iter_mut() {
                        *row = u128::MAX;
                    }
                }
            }
        }
        f
    }
    #[inline]
    pub(crate) fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match (b.len().checked_sub(4).and_then(|i| letter_ix(&b[i..])), b.len().checked_sub(2).and_then(|i| letter_ix(&b[i..]))) {
            (Some(y), Some(z)) => self.0[y] >> z & 1 == 1,
            _ => true,
        }
    }
}

static NUM_TAIL: LazyLock<TailFilter> =
    LazyLock::new(|| TailFilter::new(NUM_WORDS.keys().chain(DUALS.keys()).chain(TIME_UNITS.keys()).copied()));

static NUM_FILTER: LazyLock<EdgeFilter> =
    LazyLock::new(|| EdgeFilter::new(NUM_WORDS.keys().chain(DUALS.keys()).chain(TIME_UNITS.keys()).copied()));

/// What the number reader finds in a written word (clitics included): a number word
/// (`lookup_num`), a dual count noun, a time unit (`lookup_in_by_stems` of `DUALS`,
/// `TIME_UNITS`).
#[derive(Clone, Copy)]
struct Surface {
    num: Option<(NW, usize, bool)>,
    dual: Option<usize>,
    unit: Option<usize>,
}

/// Every written form of the words of `NUM_WORDS`, `DUALS` and `TIME_UNITS` that the
/// stem-by-stem lookups can know, with what they find in it. `clitic_stems` only strips
/// و/ف, then ب/ل, then ال (or the ل of لل), so these are all such prefixes before all
/// such words; any other word is none (the tests also try other letters and orders). One
/// probe per word instead of one per stem.
static SURFACES: LazyLock<FormTable<Surface>> = LazyLock::new(|| {
    let mut t = FormTable::default();
    for k in NUM_WORDS.keys().chain(DUALS.keys()).chain(TIME_UNITS.keys()) {
        for a in ["", "و", "ف"] {
            for b in ["", "ب", "ل"] {
                for c in ["", "ال", "ل"] {
                    let w = format!("{a}{b}{c}{k}");
                    let s = Surface { num: lookup_num_by_stems(&w), dual: lookup_in_by_stems(&w, &DUALS), unit: lookup_in_by_stems(&w, &TIME_UNITS) };
                    if s.num.is_some() || s.dual.is_some() || s.unit.is_some() {
                        t.insert(w, s);
                    }
                }
            }
        }
    }
    t
});

/// Whole written words (clitics included) with a value each, behind a bitset of word
/// endings that turns away almost every other word before any hashing.
pub(crate) struct FormTable<V> {
    tails: Box<[u64; 1024]>,
    forms: HashMap<Box<str>, V, BuildHasherDefault<Fx>>,
}

impl<V> Default for FormTable<V> {
    fn default() -> Self {
        FormTable { tails: Box::new([0; 1024]), forms: HashMap::default() }
    }
}

impl<V> FormTable<V> {
    pub(crate) fn insert(&mut self, w: String, v: V) {
        let f = Self::tail_bit(&w);
        self.tails[f >> 6] |= 1 << (f & 63);
        self.forms.insert(w.into_boxed_str(), v);
    }

    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<&V> {
        let f = Self::tail_bit(w);
        if self.tails[f >> 6] >> (f & 63) & 1 == 0 {
            return None;
        }
        self.forms.get(w)
    }

    /// A bit (of 65536) for the last three letters (six bytes) of a word.
    #[inline]
    fn tail_bit(w: &str) -> usize {
        let b = w.as_bytes();
        let x = if b.len() >= 8 {
            u64::from_be_bytes(b[b.len() - 8..].try_into().unwrap_or_default()) & 0xFFFF_FFFF_FFFF
        } else {
            b.iter().fold(0u64, |x, &c| x << 8 | c as u64) & 0xFFFF_FFFF_FFFF
        };
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }
}

#[inline]
fn surface(w: &str) -> Option<&'static Surface> {
    SURFACES.get(w)
}

/// A number word with its clitics: (word, proclitic byte length, stem had the article).
#[inline]
fn lookup_num(w: &str) -> Option<(NW, usize, bool)> {
    surface(w)?.num
}

/// Proclitic byte length of a dual count noun.
#[inline]
fn lookup_dual(w: &str) -> Option<usize> {
    surface(w)?.dual
}

/// `lookup_num` stem by stem: the definition, from which `SURFACES` is built.
fn lookup_num_by_stems(w: &str) -> Option<(NW, usize, bool)> {
    if !NUM_TAIL.may_contain(w) {
        return None;
    }
    let mut c = [(0usize, false); 8];
    let n = clitic_stems(w, &mut c);
    for &(off, art) in &c[..n] {
        if !NUM_FILTER.may_contain(&w[off..]) {
            continue;
        }
        if let Some(&nw) = NUM_WORDS.get(&w[off..]) {
            // The article makes tens and singular scales ordinals or other words
            // (العشرين "the twentieth", الاثنين "Monday", بالمئه "percent").
            let stem = &w[off..];
            let ok = !art
                || match nw {
                    NW::Unit(u) => (3..=10).contains(&u) && stem != "ست",
                    NW::ScalePl(_) | NW::Vague(..) => true,
                    _ => false,
                };
            if ok {
                let pre = if art { off - 4 } else { off };
                // "لل" + stem: the article's alef is gone.
                let pre = if art && w.get(pre..).is_some_and(|s| !s.starts_with("ال")) { off - 2 } else { pre };
                return Some((nw, pre, art));
            }
        }
    }
    None
}

/// Proclitic byte length of a word whose stem (after clitics) is `stem` in the set,
/// stem by stem: the definition of `lookup_dual` and time units, from which `SURFACES`
/// is built.
fn lookup_in_by_stems(w: &str, set: &FxMap<()>) -> Option<usize> {
    if !NUM_TAIL.may_contain(w) {
        return None;
    }
    let mut c = [(0usize, false); 8];
    let n = clitic_stems(w, &mut c);
    for &(off, art) in &c[..n] {
        if NUM_FILTER.may_contain(&w[off..]) && set.contains_key(&w[off..]) {
            let pre = if art { off.saturating_sub(4) } else { off };
            let pre = if art && w.get(pre..).is_some_and(|s| !s.starts_with("ال")) { off - 2 } else { pre };
            return Some(pre);
        }
    }
    None
}

fn is_time_unit(w: &str) -> bool {
    if TIME_UNITS.contains_key(w) {
        return true;
    }
    surface(w).is_some_and(|s| s.unit.is_some())
}

// ---------------------------------------------------------------------------------------
// Digits.

#[derive(Debug, Clone, Copy)]
enum Digits {
    Int(u64),
    Dec(f64),
}

fn parse_digits(s: &str, scale_follows: bool) -> Option<Digits> {
    let groups_ok = |sep: char| {
        let mut it = s.split(sep);
        let first = it.next().unwrap_or("");
        (1..=3).contains(&first.len()) && it.all(|g| g.len() == 3)
    };
    let concat = |s: &str| -> Option<u64> {
        let mut v: u64 = 0;
        let mut n = 0;
        for c in s.bytes() {
            if c.is_ascii_digit() {
                v = v.checked_mul(10)?.checked_add((c - b'0') as u64)?;
                n += 1;
            }
        }
        if n == 0 {
            None
        } else {
            Some(v)
        }
    };
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    if commas == 0 && dots == 0 {
        return concat(s).map(Digits::Int);
    }
    if commas > 0 && dots == 0 {
        if groups_ok(',') {
            return concat(s).map(Digits::Int);
        }
        if commas == 1 {
            return s.replace(',', ".").parse::<f64>().ok().map(Digits::Dec);
        }
        return None;
    }
    if dots > 0 && commas == 0 {
        if dots > 1 {
            return if groups_ok('.') { concat(s).map(Digits::Int) } else { None };
        }
        // One dot: "1.000" is a thousand unless a scale word follows ("2.500 مليون").
        if groups_ok('.') && !scale_follows && !s.starts_with("0.") {
            return concat(s).map(Digits::Int);
        }
        return s.parse::<f64>().ok().map(Digits::Dec);
    }
    // Both: "1,234.5" or "1.234,5".
    None
}

// ---------------------------------------------------------------------------------------
// The reader.

/// One parsed number (before modifiers).
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    /// Token index just past the number.
    next: usize,
    min: u64,
    max: u64,
    approx: bool,
    /// Scale word applied to the last part (1 if none), for "20 إلى 25 ألف".
    scale: u64,
    /// Whether the first token carried a "و" conjunction.
    waw: bool,
}

fn scale_of(w: &str) -> Option<NW> {
    match NUM_WORDS.get(w) {
        Some(s @ (NW::Scale(_) | NW::ScalePl(_))) => Some(*s),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Class {
    Unit = 0,
    Teen = 1,
    Tens = 2,
    Hund = 3,
    K = 4,
    M = 5,
    G = 6,
}

fn scale_class(s: u64) -> Class {
    match s {
        1000 => Class::K,
        1_000_000 => Class::M,
        _ => Class::G,
    }
}

struct Reader<'a> {
    t: Toks<'a>,
}

/// Month, weekday and hijri markers are in `dates`; these are the words that make a
/// 4-digit number a year.
fn year_word_before(w: &str) -> bool {
    matches!(
        w,
        "عام" | "العام" | "لعام" | "للعام" | "بعام" | "وعام" | "والعام" | "بالعام" | "سنه" | "السنه"
            | "لسنه" | "للسنه" | "بسنه" | "منذ" | "ومنذ" | "عامي" | "العامين" | "مطلع" | "اواخر"
            | "اوايل" | "منتصف" | "نهايه" | "بدايه" | "موسم" | "دوره" | "ميزانيه" | "رويه"
    )
}

/// Words after which a number is not a counted noun's count.
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "في" | "من" | "الي" | "علي" | "عن" | "حتي" | "عندما" | "بعد" | "قبل" | "حيث" | "التي" | "الذي" | "الذين" | "ان"
            | "انه" | "كما" | "ثم" | "او" | "بين" | "مع" | "منذ" | "الا" | "لكن" | "وقد" | "قد" | "اذ" | "اي" | "هو" | "هي"
            | "و" | "م" | "ه" | "حين" | "خلال" | "لم" | "لا" | "ما" | "اما" | "عام" | "وحتي" | "ولغايه"
    )
}

/// Is the 4-digit number token `i` a year? Years are 1900–2030 (or Hijri 1300–1450) in
/// a year context: after عام/سنة/منذ/في/حتى…, next to a month name, followed by م/هـ, in
/// parentheses, or not followed by a counted noun ("2000 مسلح" is a count).
pub(crate) fn is_year(t: &Toks, i: usize, depth: u8) -> bool {
    let s = t.w(i);
    if !t.is_num(i) || s.len() != 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let y: u32 = s.parse().unwrap_or(0);
    if !((1000..=2035).contains(&y)) {
        return false;
    }
    let prev = if i > 0 && t.soft(i) { t.w(i - 1) } else { "" };
    let next = if t.soft(i + 1) { t.w(i + 1) } else { "" };
    if matches!(next, "م" | "ه" | "ميلاديه" | "هجريه" | "ميلادي" | "هجري") {
        return true;
    }
    if i > 0 && crate::dates::month_ending_at(t, i).is_some() {
        return true;
    }
    let strong_prev = year_word_before(prev)
        || matches!(prev, "اعوام" | "عامي" | "صيف" | "شتاء" | "خريف" | "ربيع" | "صايفه" | "بحلول" | "انتفاضه" | "ثوره" | "حرب" | "احداث" | "انتخابات" | "لعامي" | "العامين");
    if strong_prev {
        return true;
    }
    if !(1900..=2035).contains(&y) && !(1300..=1450).contains(&y) {
        return false;
    }
    // "(2011)", "2011." — a year; "2000 مسلح" — a count.
    let gap_before = if i > 0 { t.gap_trim(i) } else { "" };
    if gap_before.ends_with('(') && t.text.get(t.end(i)..).is_some_and(|r| r.starts_with(')')) {
        return true;
    }
    // A year pair or list: "2011 و2012", "1982 - 1990".
    if depth == 0 && i >= 2 && (prev == "و" || t.gap_trim(i) == "-") && is_year(t, i - 2, 1) {
        return true;
    }
    if depth == 0 && (next == "و" || t.gap_trim(i + 1) == "-") && t.is_num(i + 2) && t.w(i + 2).len() == 4 && is_year(t, i + 2, 1) {
        return true;
    }
    let counted_noun = !next.is_empty()
        && t.toks.get(i + 1).is_some_and(|x| x.kind == TokenKind::Arabic)
        && !function_word(next)
        && !next.starts_with('ل')
        && !next.starts_with('ب')
        && !(next.starts_with('و') && next.len() > 2)
        && NUM_WORDS.get(next).is_none();
    if counted_noun {
        return false;
    }
    // A year unless it is the second end of a count range ("1000 الى 2000").
    !(matches!(prev, "الي" | "و") && i >= 2 && t.is_num(i - 2) && !is_year(t, i - 2, 1))
}

impl<'a> Reader<'a> {

    /// Is the number token `i` part of a date, a time, a percentage or an identifier?
    fn digits_excluded(&self, i: usize) -> bool {
        let t = &self.t;
        let s = t.w(i);
        let text = t.text.as_bytes();
        let (a, b) = (t.start(i), t.end(i));
        // Adjacent characters (skipping one space).
        let prev_c = t.text[..a].trim_end_matches(' ').chars().next_back();
        let next_c = t.text[b..].trim_start_matches(' ').chars().next();
        if matches!(next_c, Some('%' | '٪' | ':' | '/' | '\\')) || matches!(prev_c, Some('%' | '٪' | ':' | '/' | '\\' | '#')) {
            return true;
        }
        // "2015-02-20" / "20-2-2015": three numbers joined by "-" or ".".
        let _ = text;
        let dash_next = t.is_num(i + 1) && t.gap_trim(i + 1) == "-";
        let dash_prev = i > 0 && t.is_num(i - 1) && t.gap_trim(i) == "-";
        // "ميغ-21", "F-16": a model number.
        if (dash_prev || t.gap_trim(i) == "-")
            && i > 0 && !t.is_num(i - 1) {
                return true;
            }
        if dash_next && t.is_num(i + 2) && t.gap_trim(i + 2) == "-" {
            return true;
        }
        if dash_prev && i >= 2 && t.is_num(i - 2) && t.gap_trim(i - 1) == "-" {
            return true;
        }
        if dash_prev && dash_next {
            return true;
        }
        if s.matches('.').count() >= 2 && !s.split('.').skip(1).all(|g| g.len() == 3) {
            return true; // 20.2.2015
        }
        let prev = if i > 0 { t.w(i - 1) } else { "" };
        if matches!(prev, "الساعه" | "الساعه:" | "رقم" | "برقم" | "الرقم" | "والساعه" | "بالساعه" | "للساعه" | "الماده" | "البند" | "الفقره" | "القرار") {
            return true;
        }
        // Percentages in words.
        let next = t.w(i + 1);
        if matches!(next, "بالميه" | "بالمايه" | "%" | "بالمئه") || (next == "في" && matches!(t.w(i + 2), "الميه" | "المايه")) {
            return true;
        }
        // Years.
        let digits_only = s.bytes().all(|c| c.is_ascii_digit());
        // "120هـ", "738م": a year of any length with its era mark glued or next to it.
        if digits_only && s.len() <= 4 && matches!(next, "ه" | "م" | "هجريه" | "ميلاديه") && t.gap_trim(i + 1).is_empty() {
            return true;
        }
        if digits_only && s.len() == 4 && is_year(t, i, 0) {
            return true;
        }
        // Hijri years are 1300-1500 with "ه": handled above. Days of a date: "15 يناير",
        // "15 من يناير", "يناير 15".
        if digits_only && s.len() <= 2 {
            let d: u32 = s.parse().unwrap_or(0);
            if (1..=31).contains(&d) {
                let j = if next == "من" { i + 2 } else { i + 1 };
                if t.soft(i + 1) && crate::dates::month_at(t, j).is_some() {
                    return true;
                }
                if i > 0 && crate::dates::month_ending_at(t, i).is_some() {
                    return true;
                }
            }
        }
        false
    }

    /// A number starting at token `i` (the token itself may carry "و"/"ب"/"ل").
    fn core(&self, i: usize) -> Option<Core> {
        let t = &self.t;
        if i >= t.len() {
            return None;
        }
        if t.is_num(i) {
            return self.core_digits(i);
        }
        let (nw, pre, _) = lookup_num(t.w(i))?;
        let waw = t.w(i).starts_with('و') && pre >= 2;
        // "الثامن عشر" (ordinal), "واحد" folded from "وأحد" before a definite noun.
        if matches!(nw, NW::Unit(10)) && i > 0 && t.soft(i) && is_ordinal_word(t.w(i - 1)) {
            return None;
        }
        if matches!(nw, NW::Unit(1)) && t.soft(i + 1) && t.w(i + 1).starts_with("ال") {
            return None;
        }
        let start = t.start(i) + pre;
        // Vague plurals, optionally multiplied: "عشرات الالاف".
        if let NW::Vague(lo, hi) = nw {
            let mut c = Core { start, end: t.end(i), next: i + 1, min: lo, max: hi, approx: true, scale: 1, waw };
            if t.soft(i + 1) {
                if let Some((NW::ScalePl(s), 0 | 4, _)) = lookup_num(t.w(i + 1)) {
                    c.min = lo.saturating_mul(s);
                    c.max = hi.saturating_mul(s);
                    c.end = t.end(i + 1);
                    c.next = i + 2;
                    c.scale = s;
                }
            }
            return Some(c);
        }
        if let NW::ScalePl(s) = nw {
            // "الاف" alone: thousands (2000–9999); "الاف" right after a number is taken
            // by the caller.
            let lo = 2 * s;
            let hi = 10 * s - 1;
            let mut c = Core { start, end: t.end(i), next: i + 1, min: lo, max: hi, approx: true, scale: s, waw };
            // "الاف الاشخاص" fine; "الاف الملايين" rare: ignore.
            if t.soft(i + 1) {
                if let Some((NW::ScalePl(s2), _, _)) = lookup_num(t.w(i + 1)) {
                    if s2 < s {
                        c.min = lo.saturating_mul(s2);
                        c.max = hi.saturating_mul(s2);
                        c.end = t.end(i + 1);
                        c.next = i + 2;
                    }
                }
            }
            return Some(c);
        }
        // Compound number words.
        let mut total: u64 = 0;
        let mut cur: u64 = 0;
        let mut j = i;
        let mut prev_class: Option<Class> = None;
        let mut unit_then_tens_done = false;
        let mut end = start;
        let mut last_scale = 1;
        let mut first = true;
        loop {
            if j >= t.len() {
                break;
            }
            let w = t.w(j);
            let (nw, pre, _) = match (first, lookup_num(w)) {
                (_, None) => break,
                (true, Some(x)) => x,
                (false, Some(x)) => {
                    // Continuation needs "و": glued ("وعشرين") or alone ("و عشرين").
                    if !t.soft(j) || !(w.starts_with('و') && x.1 == 2) {
                        break;
                    }
                    x
                }
            };
            let _ = pre;
            // What this item is, and how many tokens it uses.
            let mut used = 1;
            let (val, class): (u64, Class);
            match nw {
                NW::Unit(u) | NW::TeenOnly(u) => {
                    let nx = t.w(j + 1);
                    let teen = u <= 9 && t.soft(j + 1) && matches!(nx, "عشر" | "عشره");
                    if teen {
                        used = 2;
                        val = 10 + u;
                        class = Class::Teen;
                    } else if matches!(nw, NW::TeenOnly(_)) {
                        break;
                    } else if (3..=9).contains(&u) && t.soft(j + 1) && matches!(nx, "ميه" | "مايه") {
                        used = 2;
                        val = u * 100;
                        class = Class::Hund;
                    } else {
                        val = u;
                        class = if u == 10 { Class::Teen } else { Class::Unit };
                    }
                }
                NW::Tens(v) => {
                    val = v;
                    class = Class::Tens;
                }
                NW::Hund(v) => {
                    val = v;
                    class = Class::Hund;
                }
                NW::ScaleDual(s) => {
                    val = 2 * s;
                    class = scale_class(s);
                }
                NW::Scale(s) => {
                    // "ألفا جندي" (dual construct) = 2000; "25 ألفا" is taken with the digits.
                    let dual_construct = first
                        && w.ends_with("الفا")
                        && t.soft(j + 1)
                        && t.toks.get(j + 1).is_some_and(|x| x.kind == TokenKind::Arabic)
                        && !function_word(t.w(j + 1));
                    if dual_construct {
                        val = 2 * s;
                        class = scale_class(s);
                    } else if first {
                        val = s;
                        class = scale_class(s);
                    } else {
                        // "ومليون": a new term of one scale.
                        val = s;
                        class = scale_class(s);
                    }
                }
                NW::ScalePl(_) | NW::Vague(..) => break,
            }
            // Ordering: each term smaller than the previous, except units then tens.
            if let Some(pc) = prev_class {
                let ok = class < pc || (pc == Class::Unit && class == Class::Tens && !unit_then_tens_done);
                if !ok {
                    break;
                }
                if pc == Class::Unit && class == Class::Tens {
                    unit_then_tens_done = true;
                }
            }
            let mut item_val = val;
            let mut item_class = class;
            let mut k = j + used;
            // A scale after the item: "ثلاثه الاف", "خمسه وعشرين الف" (handled below for
            // the whole group), "ميه الف".
            if matches!(class, Class::Unit | Class::Teen) && t.soft(k) {
                if let Some(NW::ScalePl(s)) = scale_of(t.w(k)) {
                    if (3..=10).contains(&val) && prev_class.is_none_or(|pc| pc > scale_class(s)) {
                        item_val = (cur + val).saturating_mul(s);
                        cur = 0;
                        item_class = scale_class(s);
                        k += 1;
                        last_scale = s;
                    }
                }
            }
            if item_class >= Class::K {
                if matches!(nw, NW::ScaleDual(_)) || item_val != val || val == 2000 {
                    total = total.saturating_add(item_val);
                } else {
                    // Bare "الف"/"مليون" as a new term.
                    total = total.saturating_add(item_val);
                    last_scale = val;
                }
            } else {
                cur += item_val;
            }
            prev_class = Some(if unit_then_tens_done { Class::Unit } else { item_class });
            if unit_then_tens_done {
                // nothing smaller than a unit can follow "خمسه وعشرين".
                prev_class = Some(Class::Unit);
            }
            end = t.end(k - 1);
            j = k;
            first = false;
            // A singular scale after a sub-thousand group: "خمسه وعشرين الف", "ميه الف".
            if cur > 0 && t.soft(j) {
                if let Some(NW::Scale(s)) = scale_of(t.w(j)) {
                    if prev_class.is_none_or(|pc| pc < scale_class(s)) || unit_then_tens_done {
                        total = total.saturating_add(cur.saturating_mul(s));
                        cur = 0;
                        end = t.end(j);
                        j += 1;
                        prev_class = Some(scale_class(s));
                        unit_then_tens_done = false;
                        last_scale = s;
                    }
                }
            }
        }
        let v = total.saturating_add(cur);
        if j == i || v == 0 {
            return None;
        }
        Some(Core { start, end, next: j, min: v, max: v, approx: false, scale: last_scale, waw })
    }

    fn core_digits(&self, i: usize) -> Option<Core> {
        let t = &self.t;
        if self.digits_excluded(i) {
            return None;
        }
        // "8ر15 مليون" = 15.8 million (the Arabic decimal mark ر, fraction written first).
        if t.w(i + 1) == "ر" && t.gap(i + 1).is_empty() && t.is_num(i + 2) && t.gap(i + 2).is_empty() {
            let nx = if t.soft(i + 3) { t.w(i + 3) } else { "" };
            let frac = t.w(i);
            let whole = t.w(i + 2);
            if let (Some(NW::Scale(s) | NW::ScalePl(s)), true) = (scale_of(nx), frac.len() <= 3 && frac.bytes().chain(whole.bytes()).all(|c| c.is_ascii_digit())) {
                let f: f64 = format!("{whole}.{frac}").parse().ok()?;
                let v = (f * s as f64).round();
                if v.is_finite() && (1.0..1.8e19).contains(&v) {
                    return Some(Core { start: t.start(i), end: t.end(i + 3), next: i + 4, min: v as u64, max: v as u64, approx: false, scale: s, waw: false });
                }
            }
            return None;
        }
        if i >= 2 && t.w(i - 1) == "ر" && t.gap(i).is_empty() && t.gap(i - 1).is_empty() && t.is_num(i - 2) {
            return None;
        }
        let nx = if t.soft(i + 1) { t.w(i + 1) } else { "" };
        let sc = scale_of(nx);
        let d = parse_digits(t.w(i), sc.is_some())?;
        let start = t.start(i);
        let waw = false;
        match (d, sc) {
            (Digits::Int(v), None) => Some(Core { start, end: t.end(i), next: i + 1, min: v, max: v, approx: false, scale: 1, waw }),
            (Digits::Int(v), Some(NW::Scale(s) | NW::ScalePl(s))) => {
                let v = v.saturating_mul(s);
                Some(Core { start, end: t.end(i + 1), next: i + 2, min: v, max: v, approx: false, scale: s, waw })
            }
            (Digits::Dec(f), Some(NW::Scale(s) | NW::ScalePl(s))) => {
                let v = (f * s as f64).round();
                if !(v.is_finite() && (1.0..1.8e19).contains(&v)) {
                    return None;
                }
                let v = v as u64;
                Some(Core { start, end: t.end(i + 1), next: i + 2, min: v, max: v, approx: false, scale: s, waw })
            }
            _ => None,
        }
    }

    /// A number whose value is followed by a time unit or a percent marker is not a count.
    fn not_a_count(&self, c: &Core) -> bool {
        let t = &self.t;
        let nx = t.w(c.next);
        if c.next < t.len() && t.soft(c.next) && is_time_unit(nx) {
            return true;
        }
        if matches!(nx, "بالميه" | "بالمايه") || (nx == "في" && matches!(t.w(c.next + 1), "الميه" | "المايه")) {
            return true;
        }
        let rest = t.text.get(c.end..).unwrap_or("").trim_start_matches(' ');
        rest.starts_with('%') || rest.starts_with('٪')
    }

    /// Range after `a`: "A الي B", "A حتي B", "A-B", "A او B", and with `with_waw` "A و B".
    fn range_tail(&self, a: &Core, with_waw: bool, with_to: bool) -> Option<(Core, bool)> {
        let t = &self.t;
        let j = a.next;
        if j >= t.len() {
            return None;
        }
        let w = t.w(j);
        let (bi, approx) = if with_to && t.soft(j) && matches!(w, "الي" | "حتي" | "لغايه" | "وحتي") {
            (j + 1, false)
        } else if with_waw && t.soft(j) && w == "و" {
            (j + 1, false)
        } else if with_waw && t.soft(j) && w.starts_with('و') && (t.is_num(j) || lookup_num(w).is_some_and(|x| x.1 == 2)) {
            (j, false)
        } else if t.soft(j) && w == "او" {
            (j + 1, true)
        } else if t.gap_trim(j) == "-" && t.is_num(j) && self.t.is_num(j - 1) {
            (j, false)
        } else {
            return None;
        };
        if !t.soft(bi) && t.gap_trim(bi) != "-" && bi != j {
            return None;
        }
        let b = self.core(bi)?;
        let mut a2 = *a;
        if b.scale > 1 && a.scale == 1 && a.min.saturating_mul(b.scale) <= b.min {
            a2.min = a.min.saturating_mul(b.scale);
            a2.max = a.max.saturating_mul(b.scale);
        }
        if a2.min < b.max && !(b.max > 1 && a2.max >= b.min) {
            let c = Core { start: a.start, end: b.end, next: b.next, min: a2.min, max: b.max, approx: a.approx || b.approx || approx, scale: b.scale, waw: a.waw };
            return Some((c, true));
        }
        None
    }
}

fn is_ordinal_word(w: &str) -> bool {
    let w = w.strip_prefix('و').filter(|r| r.starts_with("ال")).unwrap_or(w);
    matches!(
        w,
        "الحادي" | "الثاني" | "الثالث" | "الرابع" | "الخامس" | "السادس" | "السابع" | "الثامن" | "التاسع" | "حادي" | "ثاني" | "ثالث"
            | "رابع" | "خامس" | "سادس" | "سابع" | "ثامن" | "تاسع"
    )
}

enum Pre {
    More,
    AtLeast,
    Less,
    Approx,
    Between,
    From,
}

/// First words of the modifiers `prefix_at` reads.
const MODIFIERS: &[&str] = &[
    "اكثر", "ازيد", "ما", "بما", "لما", "يزيد", "يربو", "تزيد", "يفوق", "لا", "علي", "اقل", "نحو", "حوالي", "قرابه", "زهاء",
    "تقريبا", "يقارب", "يناهز", "في", "بين", "من",
];

/// (First letter, last letter) pairs of `MODIFIERS`: most words are none of them.
static MODIFIER_EDGES: LazyLock<EdgeFilter> = LazyLock::new(|| EdgeFilter::new(MODIFIERS.iter().copied()));

/// A modifier starting at token `i`, whose text is `w`: (kind, tokens used).
fn prefix_at(t: &Toks, i: usize, w: &str) -> Option<(Pre, usize)> {
    let base = w.strip_prefix('و').filter(|r| r.len() >= 4).unwrap_or(w);
    // "لنحو", "بحوالي": a preposition glued to an approximator.
    let base = match base.strip_prefix('ل').or_else(|| base.strip_prefix('ب')) {
        Some(r) if matches!(r, "نحو" | "حوالي" | "قرابه" | "زهاء") => r,
        _ => base,
    };
    if !MODIFIER_EDGES.may_contain(base) || !MODIFIERS.contains(&base) {
        return None;
    }
    let w1 = t.w(i + 1);
    let w2 = t.w(i + 2);
    let w3 = t.w(i + 3);
    let s1 = t.soft(i + 1);
    let s2 = s1 && t.soft(i + 2);
    let r = match base {
        "اكثر" | "ازيد" if s1 && w1 == "من" => (Pre::More, 2),
        "ما" | "بما" if s2 && matches!(w1, "يزيد" | "يربو" | "يفوق") && matches!(w2, "علي" | "عن") => (Pre::More, 3),
        "ما" | "بما" if s1 && w1 == "يفوق" => (Pre::More, 2),
        "يزيد" | "يربو" | "تزيد" if s1 && matches!(w1, "علي" | "عن") => (Pre::More, 2),
        "يفوق" => (Pre::More, 1),
        "ما" if s2 && t.soft(i + 3) && w1 == "لا" && matches!(w2, "يقل" | "تقل") && w3 == "عن" => (Pre::AtLeast, 4),
        "لا" if s2 && matches!(w1, "يقل" | "تقل") && w2 == "عن" => (Pre::AtLeast, 3),
        "علي" if s1 && w1 == "الاقل" => (Pre::AtLeast, 2),
        "اقل" if s1 && w1 == "من" => (Pre::Less, 2),
        "نحو" | "حوالي" | "قرابه" | "زهاء" | "تقريبا" | "يقارب" | "يناهز" => (Pre::Approx, 1),
        "ما" | "بما" | "لما" if s1 && matches!(w1, "يقارب" | "يناهز" | "يقرب") => {
            if s2 && w1 == "يقرب" && w2 == "من" {
                (Pre::Approx, 3)
            } else {
                (Pre::Approx, 2)
            }
        }
        "في" if s1 && w1 == "حدود" => (Pre::Approx, 2),
        "بين" => (Pre::Between, 1),
        "ما" if s1 && w1 == "بين" => (Pre::Between, 2),
        "من" => (Pre::From, 1),
        _ => return None,
    };
    Some(r)
}

/// Find every count expression in the folded text.
pub fn find_numbers(text: &str, tokens: &[Token]) -> Vec<NumberMention> {
    let t = Toks { text, toks: tokens };
    let r = Reader { t };
    let mut out: Vec<NumberMention> = Vec::new();
    let mut i = 0;
    let n = t.len();
    while i < n {
        // Cheap filter: only digits and words that could start a number or modifier.
        if !t.is_num(i) && t.toks[i].kind != TokenKind::Arabic {
            i += 1;
            continue;
        }
        // Prefix modifier?
        let mut pre: Option<(Pre, usize)> = None;
        let mut ci = i;
        if !t.is_num(i) {
            let w = t.w(i);
            if let Some((p, used)) = prefix_at(&t, i, w) {
                if t.soft(i + used) || (i + used < n && t.gap_trim(i + used).is_empty()) {
                    pre = Some((p, used));
                    ci = i + used;
                }
            }
            // No modifier, number word or dual count noun: nothing starts here.
            if pre.is_none() && surface(w).is_none() {
                i += 1;
                continue;
            }
        }
        let core = r.core(ci).filter(|c| !r.not_a_count(c));
        let Some(mut c) = core else {
            if pre.is_none() {
                if let Some(m) = dual_at(&t, i) {
                    let next = m.1;
                    out.push(m.0);
                    i = next;
                    continue;
                }
            }
            i += 1;
            continue;
        };
        let mut start = c.start;
        let mut min = c.min;
        let mut max = Some(c.max);
        let mut approx = c.approx;
        match pre {
            Some((Pre::Between, _)) => {
                if let Some((rc, _)) = r.range_tail(&c, true, true) {
                    c = rc;
                    start = prefix_start(&t, i);
                    min = c.min;
                    max = Some(c.max);
                    approx = c.approx;
                }
            }
            Some((Pre::From, _)) => {
                if let Some((rc, _)) = r.range_tail(&c, false, true) {
                    c = rc;
                    start = prefix_start(&t, i);
                    min = c.min;
                    max = Some(c.max);
                    approx = c.approx;
                }
            }
            Some((p, _)) => {
                start = prefix_start(&t, i);
                // A range may follow: "نحو 20 الى 25 الف".
                if let Some((rc, _)) = r.range_tail(&c, false, true) {
                    c = rc;
                    min = c.min;
                    max = Some(c.max);
                    approx = c.approx;
                }
                match p {
                    Pre::More => {
                        min = max.unwrap_or(min).saturating_add(1);
                        max = None;
                    }
                    Pre::AtLeast => {
                        max = None;
                    }
                    Pre::Less => {
                        let top = min.saturating_sub(1);
                        min = top.min(1);
                        max = Some(top);
                    }
                    Pre::Approx => approx = true,
                    _ => {}
                }
            }
            None => {
                if let Some((rc, _)) = r.range_tail(&c, false, true) {
                    c = rc;
                    min = c.min;
                    max = Some(c.max);
                    approx = c.approx;
                }
            }
        }
        let mut end = c.end;
        let mut next = c.next;
        // Suffix modifiers: "على الاقل", "تقريبا", "او اكثر", possibly after a noun and
        // an adjective ("12 طفلا على الاقل").
        if max.is_some() {
            for gap in 0..=2 {
                let j = c.next + gap;
                if j + 1 > n || !(c.next..=j).all(|k| t.soft(k)) {
                    break;
                }
                if (c.next..j).any(|k| {
                    let x = t.w(k);
                    x == "و" || x == "او" || t.is_num(k) || lookup_num(x).is_some() || matches!(x, "في" | "من" | "الي" | "علي" | "بين")
                }) {
                    break;
                }
                let a = t.w(j);
                let b = t.w(j + 1);
                if a == "علي" && b == "الاقل" && t.soft(j + 1) {
                    max = None;
                    end = t.end(j + 1);
                    next = j + 2;
                    break;
                }
                if a == "تقريبا" {
                    approx = true;
                    end = t.end(j);
                    next = j + 1;
                    break;
                }
                if gap == 0 && a == "او" && b == "اكثر" && t.soft(j + 1) {
                    max = None;
                    end = t.end(j + 1);
                    next = j + 2;
                    break;
                }
            }
        }
        let _ = start;
        out.push(NumberMention { range: start..end, min, max, approximate: approx });
        i = next.max(i + 1);
    }
    out
}

/// Start of a prefix modifier at token `i`, without a leading "و".
fn prefix_start(t: &Toks, i: usize) -> usize {
    let w = t.w(i);
    let mut o = 0;
    if w.starts_with('و') && w.len() > 2 {
        o = 2;
    }
    if matches!(&w[o..], "لنحو" | "بنحو" | "لحوالي" | "بحوالي" | "لقرابه" | "بقرابه" | "لزهاء" | "بزهاء") {
        o += 2;
    }
    t.start(i) + o
}

/// A dual count noun at token `i` ("جنديين", "والطفلين"), optionally followed by
/// "اثنين" ("جنديين اثنين"). Returns the mention and the next token index.
fn dual_at(t: &Toks, i: usize) -> Option<(NumberMention, usize)> {
    let w = t.w(i);
    let pre = lookup_dual(w)?;
    let start = t.start(i) + pre;
    let mut end = t.end(i);
    let mut next = i + 1;
    if t.soft(i + 1) && matches!(t.w(i + 1), "اثنين" | "اثنان" | "اثنتين" | "اثنتان") {
        end = t.end(i + 1);
        next = i + 2;
    }
    Some((NumberMention { range: start..end, min: 2, max: Some(2), approximate: false }, next))
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;
    use crate::tokenize::tokenize;

    /// (span text in the original, min, max, approximate) of every mention.
    pub(crate) fn nums(s: &str) -> Vec<(String, u64, Option<u64>, bool)> {
        let n = Normalized::new(s);
        let toks = tokenize(&n.text);
        find_numbers(&n.text, &toks)
            .into_iter()
            .map(|m| {
                let r = n.original_range(m.range.clone());
                let text: String = s.chars().skip(r.start).take(r.end - r.start).collect();
                (text, m.min, m.max, m.approximate)
            })
            .collect()
    }

    fn check(cases: &[(&str, &str, u64, Option<u64>, bool)]) {
        let mut bad = Vec::new();
        for &(text, span, min, max, approx) in cases {
            let got = nums(text);
            if !got.iter().any(|g| g.0 == span && g.1 == min && g.2 == max && g.3 == approx) {
                bad.push(format!("{text:?}: want {span:?} {min}..{max:?} approx={approx}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
    }

    fn check_none(cases: &[&str]) {
        let mut bad = Vec::new();
        for &text in cases {
            let got = nums(text);
            if !got.is_empty() {
                bad.push(format!("{text:?}: want nothing, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
    }

    /// The surface table answers as the stem-by-stem lookups it is built from.
    fn assert_surface_agrees(w: &str) {
        assert_eq!(lookup_num(w), lookup_num_by_stems(w), "{w}");
        assert_eq!(lookup_dual(w), lookup_in_by_stems(w, &DUALS), "{w}");
        assert_eq!(surface(w).and_then(|s| s.unit), lookup_in_by_stems(w, &TIME_UNITS), "{w}");
    }

    #[test]
    fn surface_table_agrees_with_stem_lookups() {
        let keys: Vec<&str> = NUM_WORDS.keys().chain(DUALS.keys()).chain(TIME_UNITS.keys()).copied().collect();
        let letters = ["", "و", "ف", "ب", "ل", "ك", "س", "ا", "ال", "لل", "م", "ي"];
        for k in &keys {
            for a in letters {
                for b in letters {
                    for tail in ["", "ه", "ا", "ين"] {
                        assert_surface_agrees(&format!("{a}{b}{k}{tail}"));
                    }
                }
            }
        }
        for w in ["", "و", "ست", "وست", "بست", "لست", "الست", "abc", "123", "الاثنين", "قتيلا"] {
            assert_surface_agrees(w);
        }
    }

    proptest::proptest! {
        #[test]
        fn surface_table_agrees_on_any_word(w in "[وفبلكساتنيمهعشرثخحدجزطقصضغظذ]{0,9}") {
            assert_surface_agrees(&w);
        }
    }

    #[test]
    fn seed_article_figures() {
        let line = std::fs::read_to_string("/work/shared/examples/seed-article.jsonl").ok();
        let text: String = match line.as_deref().and_then(|l| serde_json::from_str::<serde_json::Value>(l.lines().next()?).ok()) {
            Some(v) => v["text"].as_str().unwrap_or("").to_string(),
            None => return,
        };
        let got = nums(&text);
        for (span, min, max, approx) in [
            ("350", 350, Some(350), false),
            ("أكثر من 15", 16, None, false),
            ("1000 إلى 2000", 1000, Some(2000), false),
            ("20 إلى 25 ألف", 20000, Some(25000), false),
            ("بين 11 و13", 11, Some(13), false),
        ] {
            assert!(got.iter().any(|g| g.0 == span && g.1 == min && g.2 == max && g.3 == approx), "{span}: {got:?}");
        }
        // "في8  أشهر مضت" is a date, not a count.
        assert!(!got.iter().any(|g| g.0.contains('8')), "{got:?}");
    }

    #[test]
    fn digits_and_words() {
        check(&[
            ("قتل 1,000 مسلح", "1,000", 1000, Some(1000), false),
            ("قتل ١٬٠٠٠ مسلح", "١٬٠٠٠", 1000, Some(1000), false),
            ("نزوح 1.000 عائلة", "1.000", 1000, Some(1000), false),
            ("قتل ٣٥٠ شخصا", "٣٥٠", 350, Some(350), false),
            ("مقتل واحد من المسلحين", "واحد", 1, Some(1), false),
            ("اعتقال اثنين من المشتبه بهم", "اثنين", 2, Some(2), false),
            ("إصابة اثنتين من النساء", "اثنتين", 2, Some(2), false),
            ("قتل ثلاث نساء", "ثلاث", 3, Some(3), false),
            ("قتل ثلاثة جنود", "ثلاثة", 3, Some(3), false),
            ("قتل عشرة جنود", "عشرة", 10, Some(10), false),
            ("قتل أحد عشر جنديا", "أحد عشر", 11, Some(11), false),
            ("قتل إحدى عشرة امرأة", "إحدى عشرة", 11, Some(11), false),
            ("قتل اثنا عشر جنديا", "اثنا عشر", 12, Some(12), false),
            ("قتل تسعة عشر جنديا", "تسعة عشر", 19, Some(19), false),
            ("قتل عشرون جنديا", "عشرون", 20, Some(20), false),
            ("قتل تسعين مسلحا", "تسعين", 90, Some(90), false),
            ("قتل خمسة وعشرين مسلحا", "خمسة وعشرين", 25, Some(25), false),
            ("قتل مئة شخص", "مئة", 100, Some(100), false),
            ("قتل مائة شخص", "مائة", 100, Some(100), false),
            ("قتل مئتين من المسلحين", "مئتين", 200, Some(200), false),
            ("قتل مائتي مسلح", "مائتي", 200, Some(200), false),
            ("قتل مئتان", "مئتان", 200, Some(200), false),
            ("قتل ثلاثمئة شخص", "ثلاثمئة", 300, Some(300), false),
            ("قتل ثلاثمائة شخص", "ثلاثمائة", 300, Some(300), false),
            ("قتل ثلاث مئة شخص", "ثلاث مئة", 300, Some(300), false),
            ("نشر ألف جندي", "ألف", 1000, Some(1000), false),
            ("نشر ألفين من الجنود", "ألفين", 2000, Some(2000), false),
            ("نشر ألفا جندي", "ألفا", 2000, Some(2000), false),
            ("نشر ثلاثة آلاف جندي", "ثلاثة آلاف", 3000, Some(3000), false),
            ("نزوح مليون شخص", "مليون", 1_000_000, Some(1_000_000), false),
            ("نزوح مليوني شخص", "مليوني", 2_000_000, Some(2_000_000), false),
            ("نزوح ثلاثة ملايين شخص", "ثلاثة ملايين", 3_000_000, Some(3_000_000), false),
            ("نشر 20 ألف جندي", "20 ألف", 20000, Some(20000), false),
            ("نزوح 2.5 مليون شخص", "2.5 مليون", 2_500_000, Some(2_500_000), false),
            ("نشر 25 ألفا من الجنود", "25 ألفا", 25000, Some(25000), false),
            ("نشر خمسة وعشرين ألف جندي", "خمسة وعشرين ألف", 25000, Some(25000), false),
            ("مئة وخمسون جنديا", "مئة وخمسون", 150, Some(150), false),
            ("قتل ٢٠ ألفاً", "٢٠ ألفاً", 20000, Some(20000), false),
            ("مئة ألف نازح", "مئة ألف", 100_000, Some(100_000), false),
        ]);
    }

    #[test]
    fn vague_plurals_and_duals() {
        check(&[
            ("قتل بضعة جنود", "بضعة", 3, Some(9), true),
            ("قتل بضع نساء", "بضع", 3, Some(9), true),
            ("قتل عشرات المدنيين", "عشرات", 20, Some(99), true),
            ("سقط العشرات من القتلى", "العشرات", 20, Some(99), true),
            ("نزح مئات الأسر", "مئات", 200, Some(999), true),
            ("تظاهر المئات", "المئات", 200, Some(999), true),
            ("نزح آلاف المدنيين", "آلاف", 2000, Some(9999), true),
            ("تظاهر الآلاف", "الآلاف", 2000, Some(9999), true),
            ("نزح عشرات الآلاف", "عشرات الآلاف", 20000, Some(99000), true),
            ("مقتل جنديين", "جنديين", 2, Some(2), false),
            ("قتل طفلان", "طفلان", 2, Some(2), false),
            ("إصابة شخصين", "شخصين", 2, Some(2), false),
            ("مقتل شرطيين اثنين", "شرطيين اثنين", 2, Some(2), false),
            ("سقوط قتيلين", "قتيلين", 2, Some(2), false),
            ("وجريحين", "جريحين", 2, Some(2), false),
            ("قتل صحفيان", "صحفيان", 2, Some(2), false),
        ]);
        // Sound plurals are not duals.
        check_none(&["قتل مدنيين", "هاجم مسلحين", "اعتقال صحفيين", "الدولتين الشقيقين"]);
    }

    #[test]
    fn ranges_and_modifiers() {
        check(&[
            ("بين 11 و13 عنصرا", "بين 11 و13", 11, Some(13), false),
            ("ما بين 20 و25 شخصا", "ما بين 20 و25", 20, Some(25), false),
            ("من 11 إلى 13 عنصرا", "من 11 إلى 13", 11, Some(13), false),
            ("1000 إلى 2000 مسلح", "1000 إلى 2000", 1000, Some(2000), false),
            ("1000-2000 مسلح", "1000-2000", 1000, Some(2000), false),
            ("20 إلى 25 ألف جندي", "20 إلى 25 ألف", 20000, Some(25000), false),
            ("ثلاثة أو أربعة مسلحين", "ثلاثة أو أربعة", 3, Some(4), true),
            ("نحو 30 قتيلا", "نحو 30", 30, Some(30), true),
            ("حوالي 100 شخص", "حوالي 100", 100, Some(100), true),
            ("حوالى 100 شخص", "حوالى 100", 100, Some(100), true),
            ("قرابة 200 شخص", "قرابة 200", 200, Some(200), true),
            ("زهاء 40 شخصا", "زهاء 40", 40, Some(40), true),
            ("ما يقارب 50 شخصا", "ما يقارب 50", 50, Some(50), true),
            ("قتل 100 شخص تقريبا", "100 شخص تقريبا", 100, Some(100), true),
            ("أكثر من 15 مقاتلا", "أكثر من 15", 16, None, false),
            ("ما يزيد على 300 شخص", "ما يزيد على 300", 301, None, false),
            ("ما لا يقل عن 40 شخصا", "ما لا يقل عن 40", 40, None, false),
            ("قتل 12 طفلا على الأقل", "12 طفلا على الأقل", 12, None, false),
            ("قتل على الأقل 12 طفلا", "على الأقل 12", 12, None, false),
            ("أقل من 10 أشخاص", "أقل من 10", 1, Some(9), false),
            ("عشرة أو أكثر", "عشرة أو أكثر", 10, None, false),
            ("نحو 20 إلى 25 ألف جندي", "نحو 20 إلى 25 ألف", 20000, Some(25000), true),
        ]);
    }

    #[test]
    fn not_counts() {
        check_none(&[
            "في عام 2015",
            "منذ العام 2013",
            "في 15 يناير 2015",
            "في 20/2/2015",
            "بتاريخ 2015-02-20",
            "بتاريخ 20-2-2015",
            "ارتفع بنسبة 50%",
            "ارتفع بنسبة 50 بالمئة",
            "ارتفع 50 في المئة",
            "الساعة 10:30",
            "الساعة 10 صباحا",
            "الفصل الثالث",
            "منذ ثمانية أشهر",
            "في8  أشهر مضت",
            "القرن الثامن عشر",
            "طائرة ميغ-21",
            "وكمية من القذائف",
            "في 10/1/1436هـ",
            "عام 1436هـ",
        ]);
    }

    /// Sentences taken verbatim from /work/shared/corpus/news-sample.jsonl (article ids in
    /// the comments).
    #[test]
    fn corpus_examples() {
        check(&[
            // snn-aawsat-1786
            ("وأوقعت قتيلين و24 جريحًا", "قتيلين", 2, Some(2), false),
            // snn-aawsat-1786
            ("وأوقعت قتيلين و24 جريحًا", "24", 24, Some(24), false),
            // snn-alwatan-169
            ("من قتل العشرات من عناصر التنظيم", "العشرات", 20, Some(99), true),
            // snn-almadina-549
            ("وعرضت الحكومة الأمريكية سبعة ملايين دولار", "سبعة ملايين", 7000000, Some(7000000), false),
            // snn-aawsat-700
            ("فيما دمرت قوات البيشمركة ثلاث عجلات همر", "ثلاث", 3, Some(3), false),
            // snn-alweeam-1296
            ("ما أسفر عن وقوع أكثر من 50 قتيلا وجريحا", "أكثر من 50", 51, None, false),
            // snn-alriyadh-4390
            ("أطلقت صاروخين مستهدفة", "صاروخين", 2, Some(2), false),
            // snn-aawsat-1208
            ("إلى وفاة 11 إلى 15 شخصا يوميا وإصابة ما بين 120 و170 يوميا", "11 إلى 15", 11, Some(15), false),
            // snn-aawsat-1208
            ("إلى وفاة 11 إلى 15 شخصا يوميا وإصابة ما بين 120 و170 يوميا", "ما بين 120 و170", 120, Some(170), false),
            // snn-aawsat-465
            ("باستخدام ما يزيد عن 4500 من الآليات", "ما يزيد عن 4500", 4501, None, false),
            // snn-alriyadh-267
            ("بالتحرش بفتاتين في جدة", "فتاتين", 2, Some(2), false),
            // snn-3alyoum-62
            ("الذي اوقع 32 قتيلا ومئة جريح", "32", 32, Some(32), false),
            // snn-3alyoum-62
            ("الذي اوقع 32 قتيلا ومئة جريح", "مئة", 100, Some(100), false),
            // snn-alriyadh-2736
            ("وخطفت جبهة النصرة ثمانية عناصر من الفرقة 30", "ثمانية", 8, Some(8), false),
            // snn-alriyadh-1649
            ("بحمولة 133 ألف طن", "133 ألف", 133000, Some(133000), false),
            // snn-aawsat-130
            ("«هناك نحو 100 مسلح في قبضة", "نحو 100", 100, Some(100), true),
            // snn-aawsat-75
            ("ما يقارب 5 آلاف قذيفة مدفعية، وأكثر من مليون طلقة رشاشات", "ما يقارب 5 آلاف", 5000, Some(5000), true),
            // snn-aawsat-75
            ("ما يقارب 5 آلاف قذيفة مدفعية، وأكثر من مليون طلقة رشاشات", "أكثر من مليون", 1000001, None, false),
            // snn-alriyadh-1944
            ("إن نحو سبع غارات جوية", "نحو سبع", 7, Some(7), true),
            // snn-okaz-8
            ("راح ضحيتها 57 قتيلا بينهم 12 طفلا على الأقل، وأصيب نحو 225 آخرون", "57", 57, Some(57), false),
            // snn-okaz-8
            ("راح ضحيتها 57 قتيلا بينهم 12 طفلا على الأقل، وأصيب نحو 225 آخرون", "12 طفلا على الأقل", 12, None, false),
            // snn-okaz-8
            ("راح ضحيتها 57 قتيلا بينهم 12 طفلا على الأقل، وأصيب نحو 225 آخرون", "نحو 225", 225, Some(225), true),
            // snn-aawsat-2417
            ("الذي قتل بسببه أكثر من 4 آلاف شخص", "أكثر من 4 آلاف", 4001, None, false),
            // snn-aawsat-2029
            ("والبالغ عددهم قرابة 600 ألف نسمة", "قرابة 600 ألف", 600000, Some(600000), true),
            // snn-alyaum-2164
            ("ستسمح لنحو 1.7 مليون لاجئ", "نحو 1.7 مليون", 1700000, Some(1700000), true),
            // snn-aleqtisadiya-603
            ("قتل ما لا يقل عن 17حوثيا وأصيب ثمانية آخرون", "ما لا يقل عن 17", 17, None, false),
            // snn-aleqtisadiya-603
            ("قتل ما لا يقل عن 17حوثيا وأصيب ثمانية آخرون", "ثمانية", 8, Some(8), false),
            // snn-aleqtisadiya-603
            ("فيما قتل اثنان من رجال المقاومة", "اثنان", 2, Some(2), false),
            // snn-aawsat-843
            ("تقدر بعدة مليارات من الريالات", "مليارات", 2000000000, Some(9999999999), true),
            // snn-aljazirah-1911
            ("إلى 60 على الأقل منذ 20 يوليو تموز", "60 على الأقل", 60, None, false),
            // snn-alweeam-762
            ("أن حوالي 5000 من افراد الشرطة التركية", "حوالي 5000", 5000, Some(5000), true),
            // snn-aawsat-2549
            ("التي أوقعت أكثر من 15 ألف قتيل منذ 2009.", "أكثر من 15 ألف", 15001, None, false),
            // snn-alriyadh-2987
            ("من جديد خمسة مقاتلين على الأقل كانوا", "خمسة مقاتلين على الأقل", 5, None, false),
            // snn-aawsat-1192
            ("كفالة 205 آلاف دولار", "205 آلاف", 205000, Some(205000), false),
            // snn-alriyadh-3652
            ("تتضمن عشرات الآليات العسكرية الحديثة ومئات الجنود اليمنيين", "عشرات", 20, Some(99), true),
            // snn-alriyadh-3652
            ("تتضمن عشرات الآليات العسكرية الحديثة ومئات الجنود اليمنيين", "مئات", 200, Some(999), true),
            // snn-aawsat-2900
            ("تجمع نحو مائة شخص في بروكلين", "نحو مائة", 100, Some(100), true),
            // snn-aawsat-1389
            ("ستحصل على مائة وخمسين مليار دولار", "مائة وخمسين مليار", 150000000000, Some(150000000000), false),
            // snn-alriyadh-895
            ("قفز إلى 10.68 مليارات دولار", "10.68 مليارات", 10680000000, Some(10680000000), false),
            // snn-alriyadh-387
            ("واثنتان الى سرايا القدس", "اثنتان", 2, Some(2), false),
            // snn-aleqtisadiya-408
            ("انهيار أكثر من ثلاثين مسكنا", "أكثر من ثلاثين", 31, None, false),
            // snn-alyaum-2189
            ("مساء أمس نحو ثمانية صواريخ", "نحو ثمانية", 8, Some(8), true),
            // snn-aawsat-1899
            ("سيكون هناك نحو 10 آلاف أوروبي", "نحو 10 آلاف", 10000, Some(10000), true),
            // snn-aawsat-234
            ("غير أن عشرات الآلاف ظلوا", "عشرات الآلاف", 20000, Some(99000), true),
            // snn-aleqtisadiya-1025
            ("نفذتهما فتاتان الاربعاء واوقعتا 13 قتيلا", "فتاتان", 2, Some(2), false),
            // snn-aleqtisadiya-1025
            ("نفذتهما فتاتان الاربعاء واوقعتا 13 قتيلا", "13", 13, Some(13), false),
            // snn-alwatan-675
            ("من أسر قرابة 140 مسلحا", "قرابة 140", 140, Some(140), true),
            // snn-aljazirah-20
            ("بالقبض على ما يزيد على أربعمائة إرهابي", "ما يزيد على أربعمائة", 401, None, false),
            // snn-aawsat-225
            ("نحو 10 ملايين سائح سنويا", "نحو 10 ملايين", 10000000, Some(10000000), true),
            // snn-alweeam-1483
            ("وشارك ثلاثة آلاف مقاتل", "ثلاثة آلاف", 3000, Some(3000), false),
            // snn-aawsat-2070
            ("حاجة لـ400 مليون دولار على الأقل", "400 مليون دولار على الأقل", 400000000, None, false),
            // snn-alriyadh-1736
            ("أن ستة أشخاص على الأقل اعتقلوا", "ستة أشخاص على الأقل", 6, None, false),
            // snn-alyaum-2931
            ("قتل خمسة مدنيين على الأقل، وأصيب حوالى عشرة بجروح", "خمسة مدنيين على الأقل", 5, None, false),
            // snn-alyaum-2931
            ("قتل خمسة مدنيين على الأقل، وأصيب حوالى عشرة بجروح", "حوالى عشرة", 10, Some(10), true),
            // snn-alyaum-397
            ("مقابل 8ر15 مليون جنيه", "8ر15 مليون", 15800000, Some(15800000), false),
            // snn-aljazirah-3138
            ("قتل 9 مدنيين وأصيب 42 آخرون", "9", 9, Some(9), false),
            // snn-aljazirah-3138
            ("قتل 9 مدنيين وأصيب 42 آخرون", "42", 42, Some(42), false),
            // snn-aawsat-2352
            ("مع سقوط 1592 قتيلا و3329 جريحا", "1592", 1592, Some(1592), false),
            // snn-aawsat-2352
            ("مع سقوط 1592 قتيلا و3329 جريحا", "3329", 3329, Some(3329), false),
            // snn-alweeam-689
            ("يوم الخميس (23 يوليو/تموز 2015) إن 173 مدنيا قتلوا", "173", 173, Some(173), false),
        ]);
        check_none(&[
            "حكم حسين حبري (1982 - 1990)", // snn-aawsat-127
            "نحو120هـ = 738م", // snn-aljazirah-777
            "بتاريخ 23 - 06 - 2015،", // snn-aawsat-222
            "على العراق في 2003 وما بعدها", // snn-aawsat-224
            "خلال عامي 2011 و2012 بدأت", // snn-aawsat-239
            "لقوات غير نظامية تحارب الجيش", // snn-aawsat-462
            "وبلغت كمية إزالة النفايات", // snn-aljazirah-140
            "فاجأتنا أحداث الحادي عشر من سبتمبر", // snn-okaz-362
        ]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = nums(&s);
        }

        #[test]
        fn never_panics_on_number_soup(s in "[0-9٠-٩,.\\-/ %و]{0,10}( (ثلاثه|الف|آلاف|مليون|بين|من|الى|إلى|أكثر|عشر|عشرات|على|الأقل|يناير|عام|و)){0,6}[0-9 ]{0,6}") {
            let _ = nums(&s);
        }
    }

    /// Dump every mention in the corpus (development aid):
    /// `cargo test -p marsad-core numbers::tests::dump -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn dump() {
        let path = "/work/shared/corpus/news-sample.jsonl";
        let Ok(data) = std::fs::read_to_string(path) else { return };
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap_or("");
            let text = v["text"].as_str().unwrap_or("");
            for (s, a, b, ap) in nums(text) {
                println!("{id}\t{s}\t{a}\t{b:?}\t{ap}");
            }
        }
    }
}
