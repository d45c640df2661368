//! Annotator: dates, resolved against the publication date. See `find_dates`.
//!
//! Works on the folded text. Each expression is parsed into an unresolved [`Spec`] and
//! then resolved against the reference (publication) date. Conventions (for reference
//! Friday 2015-02-20, spec/annotation-guide.md):
//!
//! - اليوم = ref; أمس = ref−1 (a weekday after it, "أمس الخميس", is not checked against
//!   the date: the text's "yesterday" wins); أمس الأول / أول أمس = ref−2; غدا = ref+1.
//!   Parts of the day (فجر، صباح، ظهر، عصر، مساء، ليل، ليلة) do not change the day;
//!   "ليلة أمس" / "الليلة الماضية" = ref−1.
//! - Weekdays: "الثلاثاء الماضي" = latest Tuesday strictly before ref (2015-02-17);
//!   "الثلاثاء" / "يوم الثلاثاء" = latest Tuesday ≤ ref; "الثلاثاء المقبل" = next after ref.
//! - Periods back from ref are ranges ending at ref: الأسبوع الماضي ref−7..ref; N weeks
//!   ref−7N..ref (الأسبوعين الماضيين = 2015-02-06..2015-02-20); الأسابيع الماضية 3 weeks;
//!   الأيام الماضية/الأخيرة ref−7..ref; الساعات الماضية ref−1..ref; الأشهر الماضية
//!   3 months; "منذ ثمانية أشهر" / "8 أشهر مضت" ref−8 months..ref (2014-06-20..2015-02-20).
//!   Periods ahead: الأسبوع المقبل ref+1..ref+7.
//! - Calendar units: الشهر الماضي/الجاري/المقبل = that calendar month (month precision);
//!   العام الماضي/هذا العام/العام المقبل = that calendar year (year precision).
//! - "قبل N أيام" = the day ref−N (day); "قبل N أشهر" = that month; "قبل N سنوات" = that year.
//! - Month names in three systems (Gregorian transliterated, Levantine, Hijri). Without a
//!   year: "يناير الماضي" = latest January before ref's month (2015-01); "يونيو المقبل" =
//!   next June after ref's month; "الجاري/الحالي" = ref's year; no marker = this year unless
//!   that is more than 3 months ahead (then last year). Hijri months without a year:
//!   latest occurrence starting ≤ ref ("الماضي": latest before ref's Hijri month; "المقبل":
//!   next). Hijri dates use the arithmetical (tabular) Islamic calendar, ±1 day of Umm al-Qura.
//! - Parts of a month: مطلع/أوائل/بداية days 1–10, منتصف/أواسط 11–20, أواخر/نهاية/آخر
//!   21–end (range); of a year: months 1–4, 5–8, 9–12.
//! - Ranges: "بين أبريل وحتى مايو المقبل", "بين أبريل ومايو", "من أبريل إلى مايو",
//!   "من 10 إلى 15 يوليو": the first end takes the missing month/year from the second
//!   (the latest such month not after the second's). "منذ X" = X's start..ref.
//! - A year: "عام 2014" (year), "1436هـ" (Hijri year: range), "منذ العام 2013" =
//!   2013-01-01..ref (range).
//! - Without a reference only absolute dates resolve; relative ones are reported with
//!   `start`/`end` None and precision Unknown.

use crate::numbers::{fx_map, FormTable, FxMap, Toks};
use crate::tokenize::{Token, TokenKind};
use chrono::{Datelike, Months, NaiveDate, Weekday};
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Range,
    Month,
    Year,
    Unknown,
}

/// A time expression and the period it denotes.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in the folded text.
    pub range: Range<usize>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub precision: Precision,
}

// ---------------------------------------------------------------------------------------
// Hijri (tabular Islamic calendar, civil epoch 16 July 622 Julian).

const HIJRI_EPOCH_JDN: i64 = 1948440;
const CE_TO_JDN: i64 = 1721425;

fn hijri_to_jdn(y: i64, m: i64, d: i64) -> i64 {
    d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + HIJRI_EPOCH_JDN - 1
}

fn jdn_to_date(j: i64) -> Option<NaiveDate> {
    let d = j.checked_sub(CE_TO_JDN)?;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(d).ok()?)
}

fn date_to_jdn(d: NaiveDate) -> i64 {
    d.num_days_from_ce() as i64 + CE_TO_JDN
}

/// Hijri (year, month, day) of a Gregorian date.
pub fn to_hijri(d: NaiveDate) -> (i64, u32, u32) {
    let j = date_to_jdn(d);
    let y = (30 * (j - HIJRI_EPOCH_JDN) + 10646).div_euclid(10631);
    let mut m = 1;
    while m < 12 && hijri_to_jdn(y, m + 1, 1) <= j {
        m += 1;
    }
    let day = j - hijri_to_jdn(y, m, 1) + 1;
    (y, m as u32, day as u32)
}

/// Gregorian date of a Hijri date (None if out of range or day > 30).
pub fn from_hijri(y: i64, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1..=3000).contains(&y) {
        return None;
    }
    if d == 30 && hijri_month_len(y, m) < 30 {
        return None;
    }
    jdn_to_date(hijri_to_jdn(y, m as i64, d as i64))
}

fn hijri_month_len(y: i64, m: u32) -> i64 {
    let a = hijri_to_jdn(y, m as i64, 1);
    let b = if m == 12 { hijri_to_jdn(y + 1, 1, 1) } else { hijri_to_jdn(y, m as i64 + 1, 1) };
    b - a
}

fn hijri_month_span(y: i64, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = from_hijri(y, m, 1)?;
    let e = s.checked_add_signed(chrono::Duration::days(hijri_month_len(y, m) - 1))?;
    Some((s, e))
}

// ---------------------------------------------------------------------------------------
// Lexicon.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cal {
    Greg,
    Hijri,
}

/// A month name found at a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MonthHit {
    pub num: u32,
    pub cal: Cal,
    /// Token index after the name.
    pub next: usize,
    /// Byte where the name starts (after proclitics).
    pub start: usize,
    /// The word has another common sense (مارس "practised", آب "father", رمضان a name,
    /// صفر "zero"): it needs context.
    pub ambiguous: bool,
}

static MONTHS: LazyLock<FxMap<(u32, Cal, bool)>> = LazyLock::new(|| {
    use Cal::*;
    fx_map([
        ("يناير", (1, Greg, false)),
        ("فبراير", (2, Greg, false)),
        ("مارس", (3, Greg, true)),
        ("ابريل", (4, Greg, false)),
        ("مايو", (5, Greg, false)),
        ("يونيو", (6, Greg, false)),
        ("يونيه", (6, Greg, false)),
        ("يوليو", (7, Greg, false)),
        ("يوليه", (7, Greg, false)),
        ("اغسطس", (8, Greg, false)),
        ("سبتمبر", (9, Greg, false)),
        ("اكتوبر", (10, Greg, false)),
        ("نوفمبر", (11, Greg, false)),
        ("ديسمبر", (12, Greg, false)),
        ("شباط", (2, Greg, false)),
        ("اذار", (3, Greg, false)),
        ("نيسان", (4, Greg, true)),
        ("ايار", (5, Greg, false)),
        ("حزيران", (6, Greg, false)),
        ("تموز", (7, Greg, false)),
        ("اب", (8, Greg, true)),
        ("ايلول", (9, Greg, false)),
        ("محرم", (1, Hijri, true)),
        ("صفر", (2, Hijri, true)),
        ("رجب", (7, Hijri, true)),
        ("شعبان", (8, Hijri, true)),
        ("رمضان", (9, Hijri, true)),
        ("شوال", (10, Hijri, true)),
    ])
});

/// Two-word month names: first word → second word → month.
fn two_word_month(a: &str, b: &str) -> Option<(u32, Cal)> {
    use Cal::*;
    Some(match (a, b) {
        ("كانون", "الثاني" | "ثاني") => (1, Greg),
        ("كانون", "الاول" | "اول") => (12, Greg),
        ("تشرين", "الاول" | "اول") => (10, Greg),
        ("تشرين", "الثاني" | "ثاني") => (11, Greg),
        ("ربيع", "الاول") => (3, Hijri),
        ("ربيع", "الثاني" | "الاخر") => (4, Hijri),
        ("جمادي", "الاولي" | "الاول") => (5, Hijri),
        ("جمادي", "الاخره" | "الثانيه" | "الاخر" | "الثاني" | "الاخيره") => (6, Hijri),
        ("ذو" | "ذي" | "ذا", "القعده") => (11, Hijri),
        ("ذو" | "ذي" | "ذا", "الحجه") => (12, Hijri),
        _ => return None,
    })
}

/// A month name starting at token `i` (its first word may carry و/ب/ل/ف).
pub(crate) fn month_at(t: &Toks, i: usize) -> Option<MonthHit> {
    if i >= t.len() || t.toks[i].kind != TokenKind::Arabic {
        return None;
    }
    let w = t.w(i);
    let mut offs = [0usize; 4];
    let mut n = 1;
    for p in ["و", "ب", "ل", "ف", "وب", "ول", "وف"] {
        if w.len() > p.len() + 2 && w.starts_with(p) {
            if (p.len() == 2 || w[2..].starts_with(&p[2..]))
                && n < 4 && !offs[..n].contains(&p.len()) {
                    offs[n] = p.len();
                    n += 1;
                }
        }
    }
    for &o in &offs[..n] {
        let s = &w[o..];
        if let Some(&(num, cal, amb)) = MONTHS.get(s) {
            // "اب" only bare (not "واب"/"باب" = "door").
            if s == "اب" && o > 0 {
                continue;
            }
            return Some(MonthHit { num, cal, next: i + 1, start: t.start(i) + o, ambiguous: amb });
        }
        if matches!(s, "كانون" | "تشرين" | "ربيع" | "جمادي" | "ذو" | "ذي" | "ذا") && t.soft(i + 1) {
            if let Some((num, cal)) = two_word_month(s, t.w(i + 1)) {
                return Some(MonthHit { num, cal, next: i + 2, start: t.start(i) + o, ambiguous: false });
            }
        }
    }
    None
}

/// A month name whose last token is `i-1`.
pub(crate) fn month_ending_at(t: &Toks, i: usize) -> Option<MonthHit> {
    if i >= 1 {
        if let Some(m) = month_at(t, i - 1) {
            if m.next == i {
                return Some(m);
            }
        }
    }
    if i >= 2 {
        if let Some(m) = month_at(t, i - 2) {
            if m.next == i {
                return Some(m);
            }
        }
    }
    None
}

fn weekday_of(w: &str) -> Option<Weekday> {
    weekday_bare(w.strip_prefix("ال")?)
}

/// A weekday name without its article.
fn weekday_bare(w: &str) -> Option<Weekday> {
    Some(match w {
        "احد" => Weekday::Sun,
        "اثنين" => Weekday::Mon,
        "ثلاثاء" | "ثلاثا" => Weekday::Tue,
        "اربعاء" | "اربعا" => Weekday::Wed,
        "خميس" => Weekday::Thu,
        "جمعه" => Weekday::Fri,
        "سبت" => Weekday::Sat,
        _ => return None,
    })
}

/// Weekday at token `i` (allowing a و/ب/ل proclitic): (weekday, byte start).
fn weekday_at(t: &Toks, i: usize) -> Option<(Weekday, usize)> {
    if i >= t.len() {
        return None;
    }
    let w = t.w(i);
    if let Some(d) = weekday_of(w) {
        return Some((d, t.start(i)));
    }
    for p in ["و", "ب", "وب"] {
        if let Some(r) = w.strip_prefix(p) {
            if let Some(d) = weekday_of(r) {
                return Some((d, t.start(i) + p.len()));
            }
        }
    }
    // "لل" + day: "للخميس".
    if let Some(r) = w.strip_prefix("لل") {
        if let Some(d) = weekday_bare(r) {
            return Some((d, t.start(i) + 2));
        }
    }
    None
}

fn is_past(w: &str) -> bool {
    matches!(w, "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفايت" | "الفايته" | "السابق" | "السابقه" | "المنقضي")
}
fn is_past_pl(w: &str) -> bool {
    matches!(
        w,
        "الماضيه" | "الاخيره" | "المنصرمه" | "الفايته" | "الماضيين" | "الاخيرين" | "المنصرمين" | "الماضيتين" | "الاخيرتين" | "السابقه" | "مضت" | "الماضي" | "الاخير" | "الفايتين"
    )
}
fn is_next(w: &str) -> bool {
    matches!(w, "المقبل" | "المقبله" | "القادم" | "القادمه" | "المقبلين" | "القادمين" | "المقبلتين" | "القادمتين")
}
fn is_current(w: &str) -> bool {
    matches!(w, "الجاري" | "الجاريه" | "الحالي" | "الحاليه")
}

/// Time units (singular, dual, plural) → (unit, count for dual/singular).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Unit word: (unit, implied count: 1 singular, 2 dual, 0 plural).
fn unit_of(w: &str) -> Option<(Unit, u32)> {
    Some(match w {
        "ساعه" | "ساعات" => (Unit::Hour, if w == "ساعه" { 1 } else { 0 }),
        "ساعتين" | "ساعتان" => (Unit::Hour, 2),
        "يوم" | "يوما" => (Unit::Day, 1),
        "يومين" | "يومان" => (Unit::Day, 2),
        "ايام" => (Unit::Day, 0),
        "اسبوع" | "اسبوعا" => (Unit::Week, 1),
        "اسبوعين" | "اسبوعان" => (Unit::Week, 2),
        "اسابيع" => (Unit::Week, 0),
        "شهر" | "شهرا" => (Unit::Month, 1),
        "شهرين" | "شهران" => (Unit::Month, 2),
        "اشهر" | "شهور" => (Unit::Month, 0),
        "عام" | "عاما" | "سنه" => (Unit::Year, 1),
        "عامين" | "عامان" | "سنتين" | "سنتان" => (Unit::Year, 2),
        "اعوام" | "سنوات" | "سنين" => (Unit::Year, 0),
        _ => return None,
    })
}

/// Definite unit word ("الاسبوع", "الاسبوعين", "الاشهر") → (unit, count, plural?).
fn def_unit_of(w: &str) -> Option<(Unit, u32)> {
    let r = w.strip_prefix("ال")?;
    unit_of(r)
}

/// Small numbers as words or digits, for "منذ ثمانيه اشهر", "الاشهر الثلاثه الماضيه".
fn small_number(w: &str) -> Option<u32> {
    let w = w.strip_prefix("ال").filter(|r| r.len() >= 4).unwrap_or(w);
    if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() && w.len() <= 4 {
        return w.parse().ok();
    }
    Some(match w {
        "واحد" | "واحده" => 1,
        "اثنين" | "اثنان" | "اثنتين" | "اثنتان" => 2,
        "ثلاث" | "ثلاثه" => 3,
        "اربع" | "اربعه" => 4,
        "خمس" | "خمسه" => 5,
        "ست" | "سته" => 6,
        "سبع" | "سبعه" => 7,
        "ثمان" | "ثماني" | "ثمانيه" => 8,
        "تسع" | "تسعه" => 9,
        "عشر" | "عشره" => 10,
        "عشرين" | "عشرون" => 20,
        "ثلاثين" | "ثلاثون" => 30,
        "بضع" | "بضعه" => 3,
        _ => return None,
    })
}

fn ordinal_unit(w: &str) -> Option<u32> {
    Some(match w {
        "الاول" | "الحادي" => 1,
        "الثاني" => 2,
        "الثالث" => 3,
        "الرابع" => 4,
        "الخامس" => 5,
        "السادس" => 6,
        "السابع" => 7,
        "الثامن" => 8,
        "التاسع" => 9,
        "العاشر" => 10,
        "العشرين" => 20,
        "الثلاثين" => 30,
        _ => return None,
    })
}

/// Part of a month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

fn part_of(w: &str) -> Option<Part> {
    Some(match w {
        "مطلع" | "اوايل" | "بدايه" | "بدايات" | "مستهل" | "اول" => Part::Early,
        "منتصف" | "اواسط" | "وسط" => Part::Mid,
        "اواخر" | "نهايه" | "اخر" | "ختام" | "اخير" => Part::Late,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Specs.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    None,
    Past,
    Next,
    Current,
    /// The latest occurrence starting on or before ref ("منذ يوليو").
    NotAfter,
}

#[derive(Debug, Clone)]
enum Spec {
    /// A calendar date, month or year; missing parts come from the reference.
    Abs { day: Option<u32>, month: Option<(u32, Cal)>, year: Option<i64>, year_cal: Cal, rel: Rel, part: Option<Part> },
    /// ref + n days.
    DayOff(i64),
    /// A weekday: Past = strictly before ref, Next = strictly after, None = ≤ ref.
    Wd(Weekday, Rel),
    /// ref − n units .. ref.
    Back(Unit, u32),
    /// ref + 1 .. ref + n units.
    Ahead(Unit, u32),
    /// The calendar month ref's month + n (with an optional part).
    RelMonth(i32, Option<Part>),
    /// The calendar year ref's year + n.
    RelYear(i32, Option<Part>),
    /// The week containing ref (Saturday..Friday).
    ThisWeek,
    /// A point n units before ref.
    Ago(Unit, u32),
    /// From the start of an expression to ref.
    Since(Box<Spec>),
    /// From the start of the first to the end of the second.
    Range(Box<Spec>, Box<Spec>),
}

type Res = (Option<NaiveDate>, Option<NaiveDate>, Precision);

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

fn apply_part(s: NaiveDate, e: NaiveDate, part: Option<Part>, year: bool) -> Res {
    let Some(p) = part else {
        return (Some(s), Some(e), if year { Precision::Year } else { Precision::Month });
    };
    if year {
        let y = s.year();
        let (a, b) = match p {
            Part::Early => (1, 4),
            Part::Mid => (5, 8),
            Part::Late => (9, 12),
        };
        return (NaiveDate::from_ymd_opt(y, a, 1), month_end(y, b), Precision::Range);
    }
    let add = |n: i64| s.checked_add_signed(chrono::Duration::days(n)).unwrap_or(e);
    let (a, b) = match p {
        Part::Early => (s, add(9)),
        Part::Mid => (add(10), add(19)),
        Part::Late => (add(20), e),
    };
    (Some(a), Some(b.min(e)), Precision::Range)
}

fn sub_unit(r: NaiveDate, u: Unit, n: u32) -> Option<NaiveDate> {
    match u {
        Unit::Hour => r.checked_sub_signed(chrono::Duration::days(((n as i64) + 23) / 24)),
        Unit::Day => r.checked_sub_signed(chrono::Duration::days(n as i64)),
        Unit::Week => r.checked_sub_signed(chrono::Duration::days(7 * n as i64)),
        Unit::Month => r.checked_sub_months(Months::new(n)),
        Unit::Year => r.checked_sub_months(Months::new(12 * n)),
    }
}

fn add_unit(r: NaiveDate, u: Unit, n: u32) -> Option<NaiveDate> {
    match u {
        Unit::Hour => r.checked_add_signed(chrono::Duration::days(((n as i64) + 23) / 24)),
        Unit::Day => r.checked_add_signed(chrono::Duration::days(n as i64)),
        Unit::Week => r.checked_add_signed(chrono::Duration::days(7 * n as i64)),
        Unit::Month => r.checked_add_months(Months::new(n)),
        Unit::Year => r.checked_add_months(Months::new(12 * n)),
    }
}

const UNKNOWN: Res = (None, None, Precision::Unknown);

fn resolve(spec: &Spec, r: Option<NaiveDate>) -> Res {
    match *spec {
        Spec::Abs { day, month, year, year_cal, rel, part } => resolve_abs(day, month, year, year_cal, rel, part, r),
        Spec::Range(ref a, ref b) => resolve_range(a, b, r),
        _ => {
            let Some(r) = r else { return UNKNOWN };
            resolve_rel(spec, r).unwrap_or(UNKNOWN)
        }
    }
}

fn resolve_rel(spec: &Spec, r: NaiveDate) -> Option<Res> {
    Some(match *spec {
        Spec::Abs { .. } | Spec::Range(..) => return None,
        Spec::DayOff(n) => {
            let d = r.checked_add_signed(chrono::Duration::days(n))?;
            (Some(d), Some(d), Precision::Day)
        }
        Spec::Wd(wd, rel) => {
            let rw = r.weekday().num_days_from_monday() as i64;
            let w = wd.num_days_from_monday() as i64;
            let off = match rel {
                Rel::Next => {
                    let d = (w - rw).rem_euclid(7);
                    if d == 0 {
                        7
                    } else {
                        d
                    }
                }
                Rel::Past => {
                    let d = (rw - w).rem_euclid(7);
                    -(if d == 0 { 7 } else { d })
                }
                _ => -(rw - w).rem_euclid(7),
            };
            let d = r.checked_add_signed(chrono::Duration::days(off))?;
            (Some(d), Some(d), Precision::Day)
        }
        Spec::Back(u, n) => (Some(sub_unit(r, u, n)?), Some(r), Precision::Range),
        Spec::Ahead(u, n) => (Some(r.succ_opt()?), Some(add_unit(r, u, n)?), Precision::Range),
        Spec::RelMonth(n, part) => {
            let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
            let s = if n >= 0 { first.checked_add_months(Months::new(n as u32))? } else { first.checked_sub_months(Months::new((-n) as u32))? };
            let e = month_end(s.year(), s.month())?;
            apply_part(s, e, part, false)
        }
        Spec::RelYear(n, part) => {
            let y = r.year().checked_add(n)?;
            let s = NaiveDate::from_ymd_opt(y, 1, 1)?;
            let e = NaiveDate::from_ymd_opt(y, 12, 31)?;
            apply_part(s, e, part, true)
        }
        Spec::ThisWeek => {
            let back = (r.weekday().num_days_from_sunday() as i64 + 1) % 7; // days since Saturday
            let s = r.checked_sub_signed(chrono::Duration::days(back))?;
            (Some(s), Some(s.checked_add_signed(chrono::Duration::days(6))?), Precision::Range)
        }
        Spec::Ago(u, n) => {
            let d = sub_unit(r, u, n)?;
            match u {
                Unit::Hour | Unit::Day | Unit::Week => (Some(d), Some(d), Precision::Day),
                Unit::Month => (NaiveDate::from_ymd_opt(d.year(), d.month(), 1), month_end(d.year(), d.month()), Precision::Month),
                Unit::Year => (NaiveDate::from_ymd_opt(d.year(), 1, 1), NaiveDate::from_ymd_opt(d.year(), 12, 31), Precision::Year),
            }
        }
        Spec::Since(ref inner) => {
            let (s, _, p) = resolve(inner, Some(r));
            if p == Precision::Unknown {
                return None;
            }
            let s = s?;
            if s > r {
                return None;
            }
            (Some(s), Some(r), Precision::Range)
        }
    })
}

fn resolve_abs(day: Option<u32>, month: Option<(u32, Cal)>, year: Option<i64>, year_cal: Cal, rel: Rel, part: Option<Part>, r: Option<NaiveDate>) -> Res {
    match month {
        None => {
            // A year alone.
            let Some(y) = year else { return UNKNOWN };
            match year_cal {
                Cal::Greg => {
                    let (Some(s), Some(e)) = (NaiveDate::from_ymd_opt(y as i32, 1, 1), NaiveDate::from_ymd_opt(y as i32, 12, 31)) else { return UNKNOWN };
                    apply_part(s, e, part, true)
                }
                Cal::Hijri => {
                    let (Some(s), Some(e)) = (from_hijri(y, 1, 1), hijri_month_span(y, 12).map(|x| x.1)) else { return UNKNOWN };
                    (Some(s), Some(e), Precision::Range)
                }
            }
        }
        Some((m, Cal::Greg)) => {
            let y = match year {
                Some(y) => y as i32,
                None => {
                    let Some(r) = r else { return UNKNOWN };
                    let key = |mm: u32, dd: u32| mm * 40 + dd;
                    let this = key(m, day.unwrap_or(if rel == Rel::Past { 0 } else { 32 }));
                    let now = key(r.month(), if day.is_some() { r.day() } else { 0 });
                    let now_m = key(r.month(), if day.is_some() { r.day() } else { 32 });
                    match rel {
                        Rel::Past => {
                            if day.is_some() {
                                if this < now { r.year() } else { r.year() - 1 }
                            } else if m < r.month() {
                                r.year()
                            } else {
                                r.year() - 1
                            }
                        }
                        Rel::Next => {
                            if day.is_some() {
                                if this > now { r.year() } else { r.year() + 1 }
                            } else if m > r.month() {
                                r.year()
                            } else {
                                r.year() + 1
                            }
                        }
                        Rel::Current => r.year(),
                        Rel::NotAfter => {
                            if this <= now_m { r.year() } else { r.year() - 1 }
                        }
                        Rel::None => {
                            let _ = now_m;
                            let dm = m as i32 - r.month() as i32;
                            if dm > 3 {
                                r.year() - 1
                            } else if dm < -8 {
                                r.year() + 1
                            } else {
                                r.year()
                            }
                        }
                    }
                }
            };
            match day {
                Some(d) => match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(x) => (Some(x), Some(x), Precision::Day),
                    None => UNKNOWN,
                },
                None => {
                    let (Some(s), Some(e)) = (NaiveDate::from_ymd_opt(y, m, 1), month_end(y, m)) else { return UNKNOWN };
                    apply_part(s, e, part, false)
                }
            }
        }
        Some((m, Cal::Hijri)) => {
            let y = match year {
                Some(y) => y,
                None => {
                    let Some(r) = r else { return UNKNOWN };
                    let (hy, hm, hd) = to_hijri(r);
                    let this = (m, day.unwrap_or(0));
                    let now = (hm, if day.is_some() { hd } else { 0 });
                    match rel {
                        Rel::Past => {
                            if this < now { hy } else { hy - 1 }
                        }
                        Rel::Next => {
                            if this > (hm, if day.is_some() { hd } else { 31 }) { hy } else { hy + 1 }
                        }
                        Rel::Current => hy,
                        Rel::None | Rel::NotAfter => {
                            if this <= (hm, if day.is_some() { hd } else { 31 }) { hy } else { hy - 1 }
                        }
                    }
                }
            };
            match day {
                Some(d) => match from_hijri(y, m, d) {
                    Some(x) => (Some(x), Some(x), Precision::Day),
                    None => UNKNOWN,
                },
                None => match hijri_month_span(y, m) {
                    Some((s, e)) => apply_part(s, e, part, false),
                    None => UNKNOWN,
                },
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The parser.

struct P<'a> {
    t: Toks<'a>,
}

/// A parsed expression: spec, byte range, next token.
#[derive(Debug, Clone)]
struct Hit {
    spec: Spec,
    start: usize,
    end: usize,
    next: usize,
}

impl<'a> P<'a> {
    fn soft(&self, i: usize) -> bool {
        self.t.soft(i)
    }

    /// A 4-digit year at token `i` with optional م/ه: (year, cal, next).
    fn year_at(&self, i: usize, hijri_hint: bool) -> Option<(i64, Cal, usize)> {
        let t = &self.t;
        if !t.is_num(i) {
            return None;
        }
        let s = t.w(i);
        if !(3..=4).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i64 = s.parse().ok()?;
        let nx = if self.soft(i + 1) { t.w(i + 1) } else { "" };
        let (cal, used) = match nx {
            "ه" | "هجريه" | "هجري" => (Cal::Hijri, 2),
            "م" | "ميلاديه" | "ميلادي" => (Cal::Greg, 2),
            _ => {
                if (1300..=1500).contains(&y) || (hijri_hint && y < 1600) {
                    (Cal::Hijri, 1)
                } else {
                    (Cal::Greg, 1)
                }
            }
        };
        if cal == Cal::Greg && !(1800..=2100).contains(&y) {
            return None;
        }
        if cal == Cal::Hijri && !(1..=1600).contains(&y) {
            return None;
        }
        Some((y, cal, i + used))
    }

    /// A year phrase after a month: "2015", "عام 2015", "من العام 2015", "من العام
    /// الماضي/الجاري", "من هذا العام". Returns (Some(year) or rel, cal, next).
    fn year_after(&self, i: usize, cal: Cal) -> Option<(Option<i64>, Rel, Cal, usize)> {
        let t = &self.t;
        // After "يوليو (تموز)" the gap is ") ".
        if !self.soft(i) && !(i < t.len() && t.gap_trim(i) == ")") {
            return None;
        }
        if let Some((y, c, n)) = self.year_at(i, cal == Cal::Hijri) {
            return Some((Some(y), Rel::None, c, n));
        }
        let mut j = i;
        if t.w(j) == "من" && self.soft(j + 1) {
            j += 1;
        }
        let w = t.w(j);
        if matches!(w, "عام" | "العام" | "سنه" | "السنه" | "لعام" | "للعام") && self.soft(j + 1) {
            if let Some((y, c, n)) = self.year_at(j + 1, cal == Cal::Hijri) {
                return Some((Some(y), Rel::None, c, n));
            }
            if j > i {
                let m = t.w(j + 1);
                let rel = if is_past(m) {
                    Rel::Past
                } else if is_current(m) {
                    Rel::Current
                } else if is_next(m) {
                    Rel::Next
                } else {
                    return None;
                };
                return Some((None, rel, cal, j + 2));
            }
        }
        if j > i && matches!(w, "هذا" | "هذه") && matches!(t.w(j + 1), "العام" | "السنه") && self.soft(j + 1) {
            return Some((None, Rel::Current, cal, j + 2));
        }
        None
    }

    /// Month + optional alternate name + optional year or marker.
    fn month_phrase(&self, i: usize, context: bool) -> Option<(Spec, usize, usize, usize)> {
        let t = &self.t;
        let m = month_at(t, i)?;
        let mut next = m.next;
        let mut end = t.end(next - 1);
        // "يوليو (تموز)", "ايلول/سبتمبر".
        if next < t.len() && matches!(t.gap_trim(next), "(" | "/" | "-" | "" | "،(" ) {
            if let Some(m2) = month_at(t, next) {
                if m2.cal == m.cal && m2.num == m.num {
                    let paren = t.gap_trim(next).ends_with('(');
                    next = m2.next;
                    end = t.end(next - 1);
                    if paren && t.text.get(end..).is_some_and(|r| r.starts_with(')')) {
                        end += 1;
                    }
                    // closing paren is punctuation, not a token.
                }
            }
        }
        let mut year = None;
        let mut rel = Rel::None;
        let mut cal = m.cal;
        let mut strong = context || !m.ambiguous;
        // Skip "المبارك"/"الكريم" after Ramadan.
        if m.cal == Cal::Hijri && self.soft(next) && matches!(t.w(next), "المبارك" | "الكريم" | "المعظم" | "الفضيل") {
            next += 1;
            end = t.end(next - 1);
            strong = true;
        }
        if let Some((y, r, c, n)) = self.year_after(next, m.cal) {
            year = y;
            rel = r;
            if year.is_some() {
                cal = c;
            }
            next = n;
            end = t.end(n - 1);
            strong = true;
        } else if self.soft(next) || (next < t.len() && t.gap_trim(next) == ")") {
            let w = t.w(next);
            let r = if is_past(w) {
                Rel::Past
            } else if is_next(w) {
                Rel::Next
            } else if is_current(w) {
                Rel::Current
            } else {
                Rel::None
            };
            if r != Rel::None {
                rel = r;
                next += 1;
                end = t.end(next - 1);
                strong = true;
            }
        }
        if !strong {
            // An ambiguous month name after a preposition or "شهر".
            let prev = if i > 0 && self.soft(i) { t.w(i - 1) } else { "" };
            let w = t.w(i);
            let glued = w.len() > 2 && (w.starts_with('ب') || w.starts_with('ف')) && m.start > t.start(i) && !w.starts_with("ف") ;
            let ok_prep = matches!(prev, "في" | "منذ" | "خلال" | "حتي" | "طوال" | "طيله" | "اثناء" | "شهر" | "وفي" | "ومنذ" | "غضون") || glued;
            let name = &t.text[m.start..t.end(m.next - 1)];
            if !(ok_prep && name != "صفر" && name != "اب") {
                return None;
            }
        }
        if cal != m.cal && year.is_some() {
            // Hijri month with a Gregorian-looking year: keep the month's calendar.
            cal = m.cal;
            let _ = cal;
        }
        Some((Spec::Abs { day: None, month: Some((m.num, m.cal)), year, year_cal: m.cal, rel, part: None }, m.start, next, end))
    }

    /// Day of month at `i`: digits 1–31 or an ordinal word ("الخامس عشر", "الحادي
    /// والعشرين"): (day, start, next).
    fn day_at(&self, i: usize) -> Option<(u32, usize, usize)> {
        let t = &self.t;
        if i >= t.len() {
            return None;
        }
        let w = t.w(i);
        if t.is_num(i) {
            if w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let d: u32 = w.parse().ok()?;
            return if (1..=31).contains(&d) { Some((d, t.start(i), i + 1)) } else { None };
        }
        let (w, off) = match w.strip_prefix('و') {
            Some(r) if r.starts_with("ال") => (r, 2),
            _ => (w, 0),
        };
        let u = ordinal_unit(w)?;
        let mut d = u;
        let mut next = i + 1;
        if u < 10 && self.soft(i + 1) {
            let n = t.w(i + 1);
            if n == "عشر" {
                d = u + 10;
                next = i + 2;
            } else if n == "والعشرين" {
                d = u + 20;
                next = i + 2;
            } else if n == "والثلاثين" && u == 1 {
                d = 31;
                next = i + 2;
            }
        }
        if w == "الحادي" && d == 1 {
            return None;
        }
        if !(1..=31).contains(&d) {
            return None;
        }
        Some((d, t.start(i) + off, next))
    }

    /// "15 يناير 2015", "الخامس عشر من يناير", "اول يوليو": a day and a month.
    fn day_month(&self, i: usize) -> Option<Hit> {
        let t = &self.t;
        let (d, start, mut j) = if matches!(t.w(i), "اول") && !matches!(t.w(i + 1), "امس" | "من") {
            (1, t.start(i), i + 1)
        } else {
            self.day_at(i)?
        };
        if !self.soft(j) {
            return None;
        }
        if t.w(j) == "من" && self.soft(j + 1) {
            j += 1;
        }
        let (spec, _, next, end) = self.month_phrase(j, true)?;
        let Spec::Abs { month, year, year_cal, rel, .. } = spec else { return None };
        Some(Hit { spec: Spec::Abs { day: Some(d), month, year, year_cal, rel, part: None }, start, end, next })
    }

    /// Numeric dates: 20/2/2015, 2015-02-20, 20-2-2015, 20.2.2015, 10/1/1436 (Hijri).
    fn numeric(&self, i: usize) -> Option<Hit> {
        let t = &self.t;
        let s = t.w(i);
        let mut parts: [u32; 3] = [0; 3];
        let mut lens = [0usize; 3];
        let (next, end);
        if s.matches('.').count() == 2 {
            for (k, p) in s.split('.').enumerate() {
                parts[k] = p.parse().ok()?;
                lens[k] = p.len();
            }
            next = i + 1;
            end = t.end(i);
        } else {
            if !t.is_num(i + 2) {
                return None;
            }
            let g1 = t.gap(i + 1);
            let g2 = t.gap(i + 2);
            if !(g1 == g2 && matches!(g1, "/" | "-" | " / " | " - ")) {
                return None;
            }
            for k in 0..3 {
                let p = t.w(i + k);
                if !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4 {
                    return None;
                }
                parts[k] = p.parse().ok()?;
                lens[k] = p.len();
            }
            next = i + 3;
            end = t.end(i + 2);
        }
        let (y, m, d) = if lens[0] == 4 { (parts[0], parts[1], parts[2]) } else if lens[2] == 4 || lens[2] == 2 { (parts[2], parts[1], parts[0]) } else { return None };
        let y = if y < 100 { 2000 + y } else { y };
        let mut next = next;
        let mut end = end;
        let mut cal = if (1300..=1500).contains(&y) { Cal::Hijri } else { Cal::Greg };
        if self.soft(next) {
            match t.w(next) {
                "ه" | "هجريه" => {
                    cal = Cal::Hijri;
                    next += 1;
                    end = t.end(next - 1);
                }
                "م" | "ميلاديه" => {
                    cal = Cal::Greg;
                    next += 1;
                    end = t.end(next - 1);
                }
                _ => {}
            }
        }
        if cal == Cal::Greg && !(1800..=2100).contains(&y) {
            return None;
        }
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some(Hit { spec: Spec::Abs { day: Some(d), month: Some((m, cal)), year: Some(y as i64), year_cal: cal, rel: Rel::None, part: None }, start: t.start(i), end, next })
    }

    /// An expression starting at token `i`.
    fn expr(&self, i: usize) -> Option<Hit> {
        let t = &self.t;
        if i >= t.len() {
            return None;
        }
        let w = t.w(i);
        if t.is_num(i) {
            if let Some(h) = self.numeric(i) {
                return Some(h);
            }
            if let Some(h) = self.day_month(i) {
                return Some(h);
            }
            // "8 اشهر مضت", "24 ساعه الماضيه".
            if let Some(h) = self.count_back(i, t.start(i)) {
                return Some(h);
            }
            // "2015م" / "1436ه" with an explicit marker.
            if let Some((y, c, n)) = self.year_at(i, false) {
                if n == i + 2 {
                    return Some(Hit { spec: Spec::Abs { day: None, month: None, year: Some(y), year_cal: c, rel: Rel::None, part: None }, start: t.start(i), end: t.end(n - 1), next: n });
                }
                // "في 2014" at the end of a clause.
                let prev = if i > 0 && self.soft(i) { t.w(i - 1) } else { "" };
                if matches!(prev, "في" | "وفي" | "خلال" | "حتي") && (n >= t.len() || !self.soft(n)) {
                    return Some(Hit { spec: Spec::Abs { day: None, month: None, year: Some(y), year_cal: c, rel: Rel::None, part: None }, start: t.start(i), end: t.end(i), next: n });
                }
            }
            return None;
        }
        if t.toks[i].kind != TokenKind::Arabic {
            return None;
        }
        // Strip a conjunction for keyword matching.
        let (b, off) = match w.strip_prefix('و') {
            Some(r) if r.len() >= 4 => (r, 2),
            _ => (w, 0),
        };
        let start = t.start(i) + off;
        let day_hit = |spec: Spec, next: usize| Some(Hit { spec, start, end: t.end(next - 1), next });
        match b {
            "اليوم" => {
                let nx = if self.soft(i + 1) { t.w(i + 1) } else { "" };
                if weekday_of(nx).is_some() {
                    return day_hit(Spec::DayOff(0), i + 2);
                }
                if nx.starts_with("ال") && !matches!(nx, "الجمعه") {
                    return None; // "اليوم التالي", "اليوم العالمي"
                }
                let prev = if i > 0 && self.soft(i) { t.w(i - 1) } else { "" };
                let prev2 = if i > 1 && self.soft(i - 1) { t.w(i - 2) } else { "" };
                // "ذلك اليوم", "نفس اليوم", "في مثل هذا اليوم" are not today.
                if matches!(prev, "ذلك" | "نفس") || (prev == "هذا" && prev2 == "مثل") {
                    return None;
                }
                return day_hit(Spec::DayOff(0), i + 1);
            }
            "امس" | "البارحه" => {
                let mut n = i + 1;
                let mut off = -1;
                // "أمس الأول", also written "أمس (الأول)".
                if n < t.toks.len() && t.w(n) == "الاول" && (self.soft(n) || t.gap_trim(n) == "(") {
                    off = -2;
                    n += 1;
                }
                if self.soft(n) && weekday_of(t.w(n)).is_some() {
                    n += 1;
                }
                return day_hit(Spec::DayOff(off), n);
            }
            "اول" => {
                if self.soft(i + 1) && t.w(i + 1) == "امس" {
                    return day_hit(Spec::DayOff(-2), i + 2);
                }
                if self.soft(i + 1) && t.w(i + 1) == "من" && self.soft(i + 2) && t.w(i + 2) == "امس" {
                    return day_hit(Spec::DayOff(-2), i + 3);
                }
            }
            "غدا" => {
                let n = if self.soft(i + 1) && weekday_of(t.w(i + 1)).is_some() { i + 2 } else { i + 1 };
                return day_hit(Spec::DayOff(1), n);
            }
            "بعد"
                if self.soft(i + 1) && t.w(i + 1) == "غد" => {
                    let n = if self.soft(i + 2) && weekday_of(t.w(i + 2)).is_some() { i + 3 } else { i + 2 };
                    return day_hit(Spec::DayOff(2), n);
                }
            "الليله" => {
                if self.soft(i + 1) && is_past(t.w(i + 1)) {
                    return day_hit(Spec::DayOff(-1), i + 2);
                }
                // "الليلة قبل الماضية": the night before last.
                if self.soft(i + 1) && t.w(i + 1) == "قبل" && self.soft(i + 2) && is_past(t.w(i + 2)) {
                    return day_hit(Spec::DayOff(-2), i + 3);
                }
            }
            "فجر" | "صباح" | "ظهر" | "ظهيره" | "عصر" | "مساء" | "ليل" | "ليله" | "منتصف" | "صبيحه" | "عشيه"
                if self.soft(i + 1) => {
                    // "منتصف ليل الخميس"
                    let mut j = i + 1;
                    if b == "منتصف" && matches!(t.w(j), "ليل" | "ليله") && self.soft(j + 1) {
                        j += 1;
                    }
                    let nx = t.w(j);
                    if matches!(nx, "اليوم" | "امس" | "الاحد" | "الاثنين" | "الثلاثاء" | "الاربعاء" | "الخميس" | "الجمعه" | "السبت" | "يوم") || (nx == "اول" && t.w(j + 1) == "امس") {
                        if let Some(h) = self.expr(j) {
                            return Some(Hit { spec: h.spec, start, end: h.end, next: h.next });
                        }
                    }
                }
            "يوم" => {
                if self.soft(i + 1) {
                    if let Some(h) = self.expr(i + 1) {
                        if matches!(h.spec, Spec::Wd(..) | Spec::Abs { day: Some(_), .. } | Spec::DayOff(_)) {
                            return Some(Hit { spec: h.spec, start, end: h.end, next: h.next });
                        }
                    }
                }
                return None;
            }
            "منذ" => return self.since(i, start),
            "قبل" => {
                if let Some((u, n, next)) = self.count_unit(i + 1) {
                    if !(next < t.len() && self.soft(next) && matches!(t.w(next), "من" | "علي")) {
                        return day_hit(Spec::Ago(u, n), next);
                    }
                }
                return None;
            }
            "هذا" | "هذه" => {
                if self.soft(i + 1) {
                    match t.w(i + 1) {
                        "العام" | "السنه" => return day_hit(Spec::RelYear(0, None), i + 2),
                        "الشهر" => return day_hit(Spec::RelMonth(0, None), i + 2),
                        "الاسبوع" => return day_hit(Spec::ThisWeek, i + 2),
                        _ => {}
                    }
                }
                return None;
            }
            "عام" | "العام" | "سنه" | "لعام" | "للعام" | "بعام" | "خلال"
                if b != "خلال" => {
                    if let Some((y, c, n)) = if self.soft(i + 1) { self.year_at(i + 1, false) } else { None } {
                        return day_hit(Spec::Abs { day: None, month: None, year: Some(y), year_cal: c, rel: Rel::None, part: None }, n);
                    }
                }
            _ => {}
        }
        // Part of a month/year: "مطلع الشهر الجاري", "اواخر يوليو", "منتصف العام".
        if let Some(part) = part_of(b) {
            if self.soft(i + 1) {
                let j = i + 1;
                // "منتصف العام 2014م", "أواخر عام 2008".
                if matches!(t.w(j), "عام" | "العام" | "سنه" | "السنه") && self.soft(j + 1) {
                    if let Some((y, c, n)) = self.year_at(j + 1, false) {
                        let spec = Spec::Abs { day: None, month: None, year: Some(y), year_cal: c, rel: Rel::None, part: Some(part) };
                        return Some(Hit { spec, start, end: t.end(n - 1), next: n });
                    }
                }
                if let Some(h) = self.period(j) {
                    let spec = match h.spec {
                        Spec::RelMonth(n, None) => Some(Spec::RelMonth(n, Some(part))),
                        Spec::RelYear(n, None) => Some(Spec::RelYear(n, Some(part))),
                        Spec::Abs { day: None, month, year, year_cal, rel, part: None } if month.is_some() || year.is_some() => Some(Spec::Abs { day: None, month, year, year_cal, rel, part: Some(part) }),
                        _ => None,
                    };
                    if let Some(spec) = spec {
                        return Some(Hit { spec, start, end: h.end, next: h.next });
                    }
                }
                // "اول يوليو" = 1 July.
                if b == "اول" {
                    return self.day_month(i);
                }
                if let Some((spec, _, next, end)) = self.month_phrase(j, true) {
                    if let Spec::Abs { day: None, month, year, year_cal, rel, .. } = spec {
                        return Some(Hit { spec: Spec::Abs { day: None, month, year, year_cal, rel, part: Some(part) }, start, end, next });
                    }
                }
                // "اواخر الشهر", "مطلع العام" (this month/year).
                match t.w(j) {
                    "الشهر" => return Some(Hit { spec: Spec::RelMonth(0, Some(part)), start, end: t.end(j), next: j + 1 }),
                    "العام" | "السنه" => return Some(Hit { spec: Spec::RelYear(0, Some(part)), start, end: t.end(j), next: j + 1 }),
                    _ => {}
                }
            }
            return None;
        }
        if let Some(h) = self.weekday_expr(i) {
            return Some(h);
        }
        if let Some(h) = self.day_month(i) {
            return Some(h);
        }
        if let Some(h) = self.period(i) {
            return Some(h);
        }
        None
    }

    /// "الخميس", "الخميس الماضي", "الاربعاء المقبل", "الخميس 15 يناير".
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let t = &self.t;
        let (wd, start) = weekday_at(t, i)?;
        let prev = if i > 0 && self.soft(i) { t.w(i - 1) } else { "" };
        if matches!(prev, "صلاه" | "خطبه" | "خطيب" | "صلوات" | "ايام" | "جمعه") {
            return None;
        }
        let mut next = i + 1;
        let mut rel = Rel::None;
        if self.soft(next) {
            let w = t.w(next);
            if is_past(w) {
                rel = Rel::Past;
                next += 1;
            } else if is_next(w) {
                rel = Rel::Next;
                next += 1;
            }
        }
        // A date right after: "الخميس 15 يناير", "الخميس الموافق 15 يناير".
        let mut j = next;
        if t.w(j) == "الموافق" {
            j += 1;
        }
        if j < t.len() && matches!(t.gap_trim(j), "" | "(" | "،" | ",") {
            if let Some(h) = self.day_month(j).or_else(|| if t.is_num(j) { self.numeric(j) } else { None }) {
                return Some(Hit { spec: h.spec, start, end: h.end, next: h.next });
            }
        }
        Some(Hit { spec: Spec::Wd(wd, rel), start, end: t.end(next - 1), next })
    }

    /// A count and a unit at `i`: "ثمانيه اشهر", "8 اشهر", "شهرين", "شهر", "ال24 ساعه".
    fn count_unit(&self, i: usize) -> Option<(Unit, u32, usize)> {
        let t = &self.t;
        if i >= t.len() || !self.soft(i) {
            return None;
        }
        let mut i = i;
        if t.w(i) == "ال" && t.is_num(i + 1) {
            i += 1;
        }
        let w = t.w(i);
        if let Some((u, c)) = unit_of(w) {
            if c > 0 {
                return Some((u, c, i + 1));
            }
            return None;
        }
        let n = small_number(w)?;
        if n == 0 || n > 400 {
            return None;
        }
        let mut j = i + 1;
        // "خمسه وعشرين"
        if self.soft(j) {
            if let Some(r) = t.w(j).strip_prefix('و') {
                if let Some(m) = small_number(r) {
                    if m >= 20 && n < 10 {
                        j += 1;
                        return self.unit_after(j, n + m);
                    }
                }
            }
        }
        self.unit_after(j, n)
    }

    fn unit_after(&self, j: usize, n: u32) -> Option<(Unit, u32, usize)> {
        if !self.soft(j) {
            return None;
        }
        let (u, c) = unit_of(self.t.w(j))?;
        if c == 2 {
            return None;
        }
        Some((u, n, j + 1))
    }

    /// "8 اشهر مضت", "24 ساعه الماضيه" (count first).
    fn count_back(&self, i: usize, start: usize) -> Option<Hit> {
        let t = &self.t;
        let (u, n, next) = self.count_unit_nosoft(i)?;
        if self.soft(next) && (is_past_pl(t.w(next)) || t.w(next) == "مضت") {
            return Some(Hit { spec: Spec::Back(u, n), start, end: t.end(next), next: next + 1 });
        }
        None
    }

    fn count_unit_nosoft(&self, i: usize) -> Option<(Unit, u32, usize)> {
        let t = &self.t;
        let w = t.w(i);
        let n = small_number(w)?;
        if n == 0 || n > 400 || (t.is_num(i) && !w.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        self.unit_after(i + 1, n)
    }

    /// "منذ ثمانيه اشهر", "منذ العام 2013", "منذ يونيو الماضي", "منذ مطلع العام".
    fn since(&self, i: usize, start: usize) -> Option<Hit> {
        let t = &self.t;
        if let Some((u, n, next)) = self.count_unit(i + 1) {
            return Some(Hit { spec: Spec::Back(u, n), start, end: t.end(next - 1), next });
        }
        if !self.soft(i + 1) {
            return None;
        }
        if let Some((y, c, n)) = self.year_at(i + 1, false) {
            let inner = Spec::Abs { day: None, month: None, year: Some(y), year_cal: c, rel: Rel::None, part: None };
            return Some(Hit { spec: Spec::Since(Box::new(inner)), start, end: t.end(n - 1), next: n });
        }
        let mut h = self.expr(i + 1)?;
        if let Spec::Abs { year: None, ref mut rel, .. } = h.spec {
            if *rel == Rel::None {
                *rel = Rel::NotAfter;
            }
        }
        match h.spec {
            Spec::Abs { .. } | Spec::RelMonth(..) | Spec::RelYear(..) | Spec::Wd(..) | Spec::DayOff(_) => Some(Hit { spec: Spec::Since(Box::new(h.spec)), start, end: h.end, next: h.next }),
            Spec::Back(..) => Some(Hit { spec: h.spec, start, end: h.end, next: h.next }),
            _ => None,
        }
    }

    /// Periods: "الاسبوع الماضي", "الاسبوعين الماضيين", "الايام الماضيه", "الشهر الجاري",
    /// "العام الماضي", "الاشهر الثلاثه الماضيه", and month phrases.
    fn period(&self, i: usize) -> Option<Hit> {
        let t = &self.t;
        let w = t.w(i);
        let (b, off) = match w.strip_prefix('و') {
            Some(r) if r.starts_with("ال") => (r, 2),
            _ => match w.strip_prefix('ل') {
                Some(r) if r.starts_with('ل') => (r, 2), // "للعام" → "لعام"? keep simple
                _ => (w, 0),
            },
        };
        let start = t.start(i) + off;
        if let Some((u, c)) = def_unit_of(b) {
            // Optional count and "القليله": "الاشهر الثلاثه الماضيه", "الايام القليله الماضيه".
            let mut j = i + 1;
            let mut n = c;
            if c == 0 && self.soft(j) {
                if let Some(k) = small_number(t.w(j)) {
                    if t.w(j).starts_with("ال") {
                        n = k;
                        j += 1;
                    }
                }
            }
            if self.soft(j) && matches!(t.w(j), "القليله" | "الاخيره" ) && self.soft(j + 1) && is_past_pl(t.w(j + 1)) {
                j += 1;
            }
            if !self.soft(j) {
                return None;
            }
            let m = t.w(j);
            let hit = |spec| Some(Hit { spec, start, end: t.end(j), next: j + 1 });
            if c == 1 {
                // Calendar units.
                if is_past(m) {
                    return match u {
                        Unit::Month => hit(Spec::RelMonth(-1, None)),
                        Unit::Year => hit(Spec::RelYear(-1, None)),
                        Unit::Week => hit(Spec::Back(Unit::Week, 1)),
                        Unit::Day => hit(Spec::DayOff(-1)),
                        Unit::Hour => None,
                    };
                }
                if is_current(m) {
                    return match u {
                        Unit::Month => hit(Spec::RelMonth(0, None)),
                        Unit::Year => hit(Spec::RelYear(0, None)),
                        Unit::Week => hit(Spec::ThisWeek),
                        _ => None,
                    };
                }
                if is_next(m) {
                    return match u {
                        Unit::Month => hit(Spec::RelMonth(1, None)),
                        Unit::Year => hit(Spec::RelYear(1, None)),
                        Unit::Week => hit(Spec::Ahead(Unit::Week, 1)),
                        Unit::Day => hit(Spec::DayOff(1)),
                        Unit::Hour => None,
                    };
                }
                return None;
            }
            let n = if n == 0 {
                match u {
                    Unit::Hour => 24,
                    Unit::Day => 7,
                    Unit::Week => 3,
                    Unit::Month => 3,
                    Unit::Year => return None,
                }
            } else {
                n
            };
            if is_past_pl(m) {
                return hit(Spec::Back(u, n));
            }
            if is_next(m) {
                return hit(Spec::Ahead(u, n));
            }
            return None;
        }
        // Month phrase.
        if let Some((spec, s, next, end)) = self.month_phrase(i, false) {
            return Some(Hit { spec, start: s, end, next });
        }
        None
    }

    /// Ranges: "بين X و(حتي) Y", "من X الي Y", "ما بين", with a day-only first end.
    fn range(&self, i: usize) -> Option<Hit> {
        let t = &self.t;
        let w = t.w(i);
        let (mut j, kind) = match w {
            "بين" => (i + 1, 0),
            "ما" if t.w(i + 1) == "بين" && self.soft(i + 1) => (i + 2, 0),
            "من" | "منذ" => (i + 1, 1),
            _ => return None,
        };
        if !self.soft(j) {
            return None;
        }
        let start = t.start(i);
        // First end: a full expression, or a bare day number/ordinal.
        let first = self.expr(j);
        let (a_spec, a_next, a_day): (Option<Spec>, usize, Option<u32>) = match first {
            Some(h) if matches!(h.spec, Spec::Abs { .. }) => (Some(h.spec), h.next, None),
            Some(_) => return None,
            None => {
                let (d, _, n) = self.day_at(j)?;
                (None, n, Some(d))
            }
        };
        j = a_next;
        // Connector.
        if !self.soft(j) && t.gap_trim(j) != "-" {
            return None;
        }
        let c = t.w(j);
        let mut k = j + 1;
        let ok = match (kind, c) {
            (0, "و" | "وحتي" | "الي" | "حتي" | "ولغايه") => true,
            (1, "الي" | "حتي" | "وحتي" | "ولغايه" | "لغايه") => true,
            _ => {
                if kind == 0 && c.starts_with('و') && c.len() > 2 {
                    // "ومايو": glued conjunction
                    k = j;
                    true
                } else if t.gap_trim(j) == "-" && a_day.is_some() {
                    k = j;
                    true
                } else {
                    false
                }
            }
        };
        if !ok {
            return None;
        }
        if kind == 0 && c == "و" && self.soft(k) && t.w(k) == "حتي" {
            k += 1;
        }
        if k != j && !self.soft(k) {
            return None;
        }
        // Second end.
        let b = if k == j {
            // glued "ومايو": parse the month without the و
            let (spec, _, next, end) = self.month_phrase(j, true)?;
            Hit { spec, start: t.start(j), end, next }
        } else {
            
            self.expr(k).or_else(|| self.day_month(k))?
        };
        let Spec::Abs { day: bd, month: bm, year: by, year_cal: bcal, rel: brel, part: bpart } = b.spec else { return None };
        // Build the first end with the second's missing parts.
        let a = match (a_spec, a_day) {
            (None, Some(d)) => {
                bd?;
                Spec::Abs { day: Some(d), month: bm, year: by, year_cal: bcal, rel: brel, part: None }
            }
            (Some(Spec::Abs { day, month, year, year_cal, rel, part }), _) => {
                let _ = (bpart, bcal);
                Spec::Abs { day, month: month.or(bm), year, year_cal, rel, part }
            }
            _ => return None,
        };
        Some(Hit { spec: Spec::Range(Box::new(a), Box::new(b.spec)), start, end: b.end, next: b.next })
    }
}

/// Resolve a range's two ends: the first end takes the year from the second when it
/// has none (the latest such month/day not after the second's).
fn resolve_range(a: &Spec, b: &Spec, r: Option<NaiveDate>) -> Res {
    let (bs, be, bp) = resolve(b, r);
    if bp == Precision::Unknown {
        return UNKNOWN;
    }
    let (Some(bs), Some(be)) = (bs, be) else { return UNKNOWN };
    let a = match a {
        &Spec::Abs { day, month: Some((m, cal)), year: None, year_cal, rel: Rel::None, part } => {
            // Year of b's start, in a's calendar.
            let y = match cal {
                Cal::Greg => {
                    let mut y = bs.year() as i64;
                    let key = (m, day.unwrap_or(1));
                    if key > (bs.month(), bs.day()) {
                        y -= 1;
                    }
                    y
                }
                Cal::Hijri => {
                    let (hy, hm, hd) = to_hijri(bs);
                    if (m, day.unwrap_or(1)) > (hm, hd) {
                        hy - 1
                    } else {
                        hy
                    }
                }
            };
            Spec::Abs { day, month: Some((m, cal)), year: Some(y), year_cal, rel: Rel::None, part }
        }
        s => s.clone(),
    };
    let (as_, _, ap) = resolve(&a, r);
    match (as_, ap) {
        (Some(s), p) if p != Precision::Unknown && s <= be => (Some(s), Some(be), Precision::Range),
        _ => UNKNOWN,
    }
}

/// Words that can start a date expression (after a و/ب/ل/ف proclitic); every other word
/// is skipped without further work.
static DATE_STARTS: LazyLock<FxMap<()>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = MONTHS.keys().copied().collect();
    v.extend([
        "كانون", "تشرين", "ربيع", "جمادي", "ذو", "ذي", "ذا", "الاحد", "الاثنين", "الثلاثاء", "الثلاثا", "الاربعاء",
        "الاربعا", "الخميس", "الجمعه", "السبت", "لاحد", "لاثنين", "لثلاثاء", "لاربعاء", "لخميس", "لجمعه", "لسبت", "اليوم", "امس", "البارحه", "اول", "غدا", "بعد", "الليله", "فجر", "صباح",
        "ظهر", "ظهيره", "عصر", "مساء", "ليل", "ليله", "منتصف", "صبيحه", "عشيه", "يوم", "منذ", "قبل", "هذا", "هذه",
        "عام", "العام", "سنه", "السنه", "لعام", "للعام", "بعام", "مطلع", "اوايل", "بدايه", "بدايات", "مستهل", "اواسط",
        "وسط", "اواخر", "نهايه", "اخر", "ختام", "اخير", "الاول", "الحادي", "الثاني", "الثالث", "الرابع", "الخامس",
        "السادس", "السابع", "الثامن", "التاسع", "العاشر", "العشرين", "الثلاثين", "بين", "ما", "من", "شهر",
        "الساعات", "الساعه", "اليومين", "الايام", "الاسبوع", "الاسبوعين", "الاسابيع", "الشهر", "الشهرين", "الاشهر",
        "الشهور", "السنتين", "العامين", "السنوات", "الاعوام", "لعام", "خلال",
    ]);
    fx_map(v.into_iter().map(|w| (w, ())))
});

/// Every word `may_start_date_by_stems` accepts: the words of `DATE_STARTS` after up to
/// two of و ب ل ف (which is all it strips). One probe per word instead of up to three.
static DATE_START_FORMS: LazyLock<FormTable<()>> = LazyLock::new(|| {
    let mut t = FormTable::default();
    let clitics = ["", "و", "ب", "ل", "ف"];
    for k in DATE_STARTS.keys() {
        for a in clitics {
            for b in clitics {
                let w = format!("{a}{b}{k}");
                if may_start_date_by_stems(&w) {
                    t.insert(w, ());
                }
            }
        }
    }
    t
});

#[inline]
fn may_start_date(w: &str) -> bool {
    DATE_START_FORMS.get(w).is_some()
}

/// A word is in `DATE_STARTS`, alone or after up to two of و ب ل ف: the definition, from
/// which `DATE_START_FORMS` is built.
fn may_start_date_by_stems(w: &str) -> bool {
    if DATE_STARTS.contains_key(w) {
        return true;
    }
    let mut rest = w;
    for _ in 0..2 {
        match rest.chars().next() {
            Some('و' | 'ب' | 'ل' | 'ف') if rest.len() > 4 => {
                rest = &rest[2..];
                if DATE_STARTS.contains_key(rest) {
                    return true;
                }
            }
            _ => break,
        }
    }
    false
}

/// Find every time expression in the folded text and resolve it against `reference`
/// (the publication date). Without a reference only absolute dates resolve.
pub fn find_dates(text: &str, tokens: &[Token], reference: Option<NaiveDate>) -> Vec<DateMention> {
    let t = Toks { text, toks: tokens };
    let p = P { t };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let k = t.toks[i].kind;
        if k == TokenKind::Latin || (k == TokenKind::Arabic && !may_start_date(t.w(i))) {
            i += 1;
            continue;
        }
        if let Some(h) = p.range(i).or_else(|| p.expr(i)) {
            let (s, e, pr) = resolve(&h.spec, reference);
            if pr != Precision::Unknown || !matches!(h.spec, Spec::Abs { .. } | Spec::Range(..)) || reference.is_none() {
                out.push(DateMention { range: h.start..h.end, start: s, end: e, precision: pr });
            }
            i = h.next.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;
    use crate::tokenize::tokenize;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn date_start_forms_agree_with_stem_lookups() {
        let letters = ["", "و", "ب", "ل", "ف", "ك", "ا", "ال", "م"];
        for k in DATE_STARTS.keys() {
            for a in letters {
                for b in letters {
                    for c in letters {
                        for tail in ["", "ه", "ا"] {
                            let w = format!("{a}{b}{c}{k}{tail}");
                            assert_eq!(may_start_date(&w), may_start_date_by_stems(&w), "{w}");
                        }
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn date_start_forms_agree_on_any_word(w in "[وبلفاتنيمهعشرسكدج]{0,8}") {
            proptest::prop_assert_eq!(may_start_date(&w), may_start_date_by_stems(&w));
        }
    }

    #[test]
    fn extreme_reference_dates_do_not_panic() {
        for r in [NaiveDate::MAX, NaiveDate::MIN] {
            let text = "هذا الأسبوع الأسبوع المقبل الشهر المقبل العام المقبل غدا بعد غد الجمعة المقبل رمضان المقبل يناير المقبل منذ 5 سنوات قبل 3 أشهر أواخر الشهر الماضي بين 24 و26 يوليو";
            let n = Normalized::new(text);
            let toks = tokenize(&n.text);
            let _ = find_dates(&n.text, &toks, Some(r));
        }
    }

    /// (span text in the original, start, end, precision) of every mention.
    fn dates(s: &str, r: Option<&str>) -> Vec<(String, Option<NaiveDate>, Option<NaiveDate>, Precision)> {
        let n = Normalized::new(s);
        let toks = tokenize(&n.text);
        find_dates(&n.text, &toks, r.map(d))
            .into_iter()
            .map(|m| {
                let r = n.original_range(m.range.clone());
                let text: String = s.chars().skip(r.start).take(r.end - r.start).collect();
                (text, m.start, m.end, m.precision)
            })
            .collect()
    }

    use Precision::*;

    type Case<'a> = (&'a str, &'a str, &'a str, &'a str, Precision);

    /// Each case: (text, expected span, start, end, precision), resolved against `r`.
    fn check(r: Option<&str>, cases: &[Case]) {
        let mut bad = Vec::new();
        for &(text, span, s, e, p) in cases {
            let got = dates(text, r);
            let (ws, we) = (if s.is_empty() { None } else { Some(d(s)) }, if e.is_empty() { None } else { Some(d(e)) });
            if !got.iter().any(|g| g.0 == span && g.1 == ws && g.2 == we && g.3 == p) {
                bad.push(format!("{text:?}: want {span:?} {s}..{e} {p:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
    }

    const REF: Option<&str> = Some("2015-02-20"); // a Friday

    #[test]
    fn hijri_conversion() {
        let r = from_hijri(1436, 9, 1).unwrap();
        assert!((r - d("2015-06-18")).num_days().abs() <= 1, "{r}");
        let s = from_hijri(1436, 10, 1).unwrap();
        assert!((s - d("2015-07-17")).num_days().abs() <= 1, "{s}");
        assert_eq!(to_hijri(r), (1436, 9, 1));
        for days in (0..20000).step_by(37) {
            let g = d("1990-01-01") + chrono::Duration::days(days);
            let (y, m, dd) = to_hijri(g);
            assert_eq!(from_hijri(y, m, dd), Some(g));
        }
    }

    #[test]
    fn annotation_guide_anchors() {
        check(REF, &[
            ("نقلت رويترز أمس الخميس", "أمس الخميس", "2015-02-19", "2015-02-19", Day),
            ("هاجم الثلاثاء الماضي", "الثلاثاء الماضي", "2015-02-17", "2015-02-17", Day),
            ("في يناير الماضي", "يناير الماضي", "2015-01-01", "2015-01-31", Month),
            ("في الأسبوعين الماضيين", "الأسبوعين الماضيين", "2015-02-06", "2015-02-20", Range),
            ("سيطر عليها المسلحون بيونيو الماضي", "يونيو الماضي", "2014-06-01", "2014-06-30", Month),
            ("منذ ثمانية أشهر", "منذ ثمانية أشهر", "2014-06-20", "2015-02-20", Range),
            ("في8  أشهر مضت", "8  أشهر مضت", "2014-06-20", "2015-02-20", Range),
            ("ربما بين أبريل وحتى مايو المقبل", "بين أبريل وحتى مايو المقبل", "2015-04-01", "2015-05-31", Range),
        ]);
    }

    #[test]
    fn seed_article_dates() {
        let line = std::fs::read_to_string("/work/shared/examples/seed-article.jsonl").ok();
        let Some(v) = line.as_deref().and_then(|l| serde_json::from_str::<serde_json::Value>(l.lines().next()?).ok()) else { return };
        let text = v["text"].as_str().unwrap_or("");
        let got = dates(text, v["date"].as_str());
        for (span, s, e, p) in [
            ("يناير الماضي", "2015-01-01", "2015-01-31", Month),
            ("يونيو الماضي", "2014-06-01", "2014-06-30", Month),
            ("8  أشهر مضت", "2014-06-20", "2015-02-20", Range),
            ("الأسبوعين الماضيين", "2015-02-06", "2015-02-20", Range),
            ("أمس الخميس", "2015-02-19", "2015-02-19", Day),
            ("بين أبريل وحتى مايو المقبل", "2015-04-01", "2015-05-31", Range),
        ] {
            assert!(got.iter().any(|g| g.0 == span && g.1 == Some(d(s)) && g.2 == Some(d(e)) && g.3 == p), "{span}: {got:?}");
        }
    }

    #[test]
    fn absolute_dates() {
        check(REF, &[
            ("في 15 يناير 2015", "15 يناير 2015", "2015-01-15", "2015-01-15", Day),
            ("في الخامس عشر من يناير", "الخامس عشر من يناير", "2015-01-15", "2015-01-15", Day),
            ("في يناير 2015", "يناير 2015", "2015-01-01", "2015-01-31", Month),
            ("في يناير المقبل", "يناير المقبل", "2016-01-01", "2016-01-31", Month),
            ("في 20/2/2015", "20/2/2015", "2015-02-20", "2015-02-20", Day),
            ("في 2015-02-20", "2015-02-20", "2015-02-20", "2015-02-20", Day),
            ("في 20-2-2015", "20-2-2015", "2015-02-20", "2015-02-20", Day),
            ("في 3 كانون الثاني 2015", "3 كانون الثاني 2015", "2015-01-03", "2015-01-03", Day),
            ("في شباط 2014", "شباط 2014", "2014-02-01", "2014-02-28", Month),
            ("في تشرين الأول 2014", "تشرين الأول 2014", "2014-10-01", "2014-10-31", Month),
            ("في 1 رمضان 1436هـ", "1 رمضان 1436هـ", "2015-06-18", "2015-06-18", Day),
            ("في شهر رمضان", "رمضان", "2014-06-29", "2014-07-28", Month),
            ("في عام 2014", "عام 2014", "2014-01-01", "2014-12-31", Year),
            ("خلال العام 2013", "العام 2013", "2013-01-01", "2013-12-31", Year),
            ("منذ العام 2013", "منذ العام 2013", "2013-01-01", "2015-02-20", Range),
            ("بين أبريل ومايو", "بين أبريل ومايو", "2015-04-01", "2015-05-31", Range),
            ("من أبريل إلى مايو", "من أبريل إلى مايو", "2015-04-01", "2015-05-31", Range),
            ("من 10 إلى 15 يناير", "من 10 إلى 15 يناير", "2015-01-10", "2015-01-15", Range),
            ("مطلع الشهر", "مطلع الشهر", "2015-02-01", "2015-02-10", Range),
            ("أوائل يوليو", "أوائل يوليو", "2014-07-01", "2014-07-10", Range),
            ("منتصف يناير", "منتصف يناير", "2015-01-11", "2015-01-20", Range),
            ("أواخر الشهر الماضي", "أواخر الشهر الماضي", "2015-01-21", "2015-01-31", Range),
            ("منذ ذي الحجة 1435هـ", "منذ ذي الحجة 1435هـ", "2014-09-26", "2015-02-20", Range),
        ]);
    }

    #[test]
    fn relative_days_and_periods() {
        check(REF, &[
            ("اليوم", "اليوم", "2015-02-20", "2015-02-20", Day),
            ("أمس", "أمس", "2015-02-19", "2015-02-19", Day),
            ("أمس الأول", "أمس الأول", "2015-02-18", "2015-02-18", Day),
            ("أول من أمس", "أول من أمس", "2015-02-18", "2015-02-18", Day),
            ("اليوم الجمعة", "اليوم الجمعة", "2015-02-20", "2015-02-20", Day),
            ("أمس الأربعاء", "أمس الأربعاء", "2015-02-19", "2015-02-19", Day),
            ("يوم الثلاثاء", "يوم الثلاثاء", "2015-02-17", "2015-02-17", Day),
            ("يوم الجمعة", "يوم الجمعة", "2015-02-20", "2015-02-20", Day),
            ("الأربعاء المقبل", "الأربعاء المقبل", "2015-02-25", "2015-02-25", Day),
            ("الجمعة الماضية", "الجمعة الماضية", "2015-02-13", "2015-02-13", Day),
            ("فجر اليوم", "فجر اليوم", "2015-02-20", "2015-02-20", Day),
            ("صباح أمس", "صباح أمس", "2015-02-19", "2015-02-19", Day),
            ("مساء أمس", "مساء أمس", "2015-02-19", "2015-02-19", Day),
            ("ليل الأحد", "ليل الأحد", "2015-02-15", "2015-02-15", Day),
            ("ليلة أمس", "ليلة أمس", "2015-02-19", "2015-02-19", Day),
            ("وصل السبت إلى", "السبت", "2015-02-14", "2015-02-14", Day),
            ("الأسبوع الماضي", "الأسبوع الماضي", "2015-02-13", "2015-02-20", Range),
            ("الأيام الماضية", "الأيام الماضية", "2015-02-13", "2015-02-20", Range),
            ("الأيام الأخيرة", "الأيام الأخيرة", "2015-02-13", "2015-02-20", Range),
            ("خلال الساعات الماضية", "الساعات الماضية", "2015-02-19", "2015-02-20", Range),
            ("الشهر الماضي", "الشهر الماضي", "2015-01-01", "2015-01-31", Month),
            ("الشهر الجاري", "الشهر الجاري", "2015-02-01", "2015-02-28", Month),
            ("الشهر الحالي", "الشهر الحالي", "2015-02-01", "2015-02-28", Month),
            ("الشهر المقبل", "الشهر المقبل", "2015-03-01", "2015-03-31", Month),
            ("العام الماضي", "العام الماضي", "2014-01-01", "2014-12-31", Year),
            ("السنة الماضية", "السنة الماضية", "2014-01-01", "2014-12-31", Year),
            ("هذا العام", "هذا العام", "2015-01-01", "2015-12-31", Year),
            ("رمضان المقبل", "رمضان المقبل", "2015-06-18", "2015-07-17", Month),
            ("غدا", "غدا", "2015-02-21", "2015-02-21", Day),
            ("قبل يومين", "قبل يومين", "2015-02-18", "2015-02-18", Day),
        ]);
    }

    #[test]
    fn without_reference_only_absolute_dates_resolve() {
        check(None, &[
            ("في 15 يناير 2015", "15 يناير 2015", "2015-01-15", "2015-01-15", Day),
            ("أمس الخميس", "أمس الخميس", "", "", Unknown),
            ("في يناير الماضي", "يناير الماضي", "", "", Unknown),
            ("منذ ثمانية أشهر", "منذ ثمانية أشهر", "", "", Unknown),
        ]);
    }

    /// Sentences taken verbatim from /work/shared/corpus/news-sample.jsonl (article ids in
    /// the comments), resolved against each article's date.
    #[test]
    fn corpus_examples() {
        let cases: &[(&str, &str, &str, &str, &str, Precision)] = &[
            // snn-aawsat-694
            ("2015-07-22", "على الأقل حتى يوم أمس في انتظار", "يوم أمس", "2015-07-21", "2015-07-21", Day),
            // snn-aawsat-853
            ("2015-07-23", "التحق بصفوف تنظيم داعش قبل شهرين فقط.", "قبل شهرين", "2015-05-01", "2015-05-31", Month),
            // snn-3alyoum-703
            ("2015-07-24", "إن قوات الأمن قتلت اليوم الجمعة مسلحا إسلاميا", "اليوم الجمعة", "2015-07-24", "2015-07-24", Day),
            // snn-alriyadh-310
            ("2015-07-22", "تمكنت خلال الأسابيع القليلة الماضية بعد توفيق الله", "الأسابيع القليلة الماضية", "2015-07-01", "2015-07-22", Range),
            // snn-alriyadh-702
            ("2015-07-22", "أن الجاني كان قد هرب يوم الاثنين من مستوصف طبي", "يوم الاثنين", "2015-07-20", "2015-07-20", Day),
            // snn-alwatan-1061
            ("2015-08-02", "عقب استشهاده أول من أمس بقطاع الطوال", "أول من أمس", "2015-07-31", "2015-07-31", Day),
            // snn-aljazirah-2753
            ("2015-08-07", "خلال شهر رمضان المنصرم وعيد الفطر", "رمضان المنصرم", "2015-06-18", "2015-07-17", Month),
            // snn-alyaum-1398
            ("2015-08-01", "وكان وزير الخارجية الأمريكي أعلن الأسبوع الماضي عن اللقاء", "الأسبوع الماضي", "2015-07-25", "2015-08-01", Range),
            // snn-aawsat-2679
            ("2015-08-09", "ووقع تفجير انتحاري مساء الجمعة أمام مدخل أكاديمية الشرطة", "مساء الجمعة", "2015-08-07", "2015-08-07", Day),
            // snn-alyaum-45
            ("2015-07-21", "بعد أسبوع من أعنف قتال وقع منذ شهر.", "منذ شهر", "2015-06-21", "2015-07-21", Range),
            // snn-alyaum-511
            ("2015-07-23", "افادت مساء الثلاثاء عن مقتل 17 شخصا", "مساء الثلاثاء", "2015-07-21", "2015-07-21", Day),
            // snn-aleqtisadiya-2801
            ("2015-08-10", "منذ فجر أمس الأحد حيث استقدمت الميليشيات", "منذ فجر أمس الأحد", "2015-08-09", "2015-08-10", Range),
            // snn-aawsat-222
            ("2015-07-21", "منتصف العام 2014م، بعضوية طلبة", "منتصف العام 2014م", "2014-05-01", "2014-08-31", Range),
            // snn-alwatan-419
            ("2015-07-24", "سوى أواخر عام ٢٠٠٨، وكان", "أواخر عام ٢٠٠٨", "2008-09-01", "2008-12-31", Range),
            // snn-aawsat-1494
            ("2015-07-31", "وثقت خلال شهر يوليو (تموز) 2015 مئات الحالات", "يوليو (تموز) 2015", "2015-07-01", "2015-07-31", Month),
            // snn-alriyadh-4715
            ("2015-08-11", "بعد ظهر أمس الاثنين في قصر السلام بجدة", "ظهر أمس الاثنين", "2015-08-10", "2015-08-10", Day),
            // snn-aawsat-1971
            ("2015-08-03", "في 18 يناير (كانون الثاني) الماضي، أسفرت", "18 يناير (كانون الثاني) الماضي", "2015-01-18", "2015-01-18", Day),
            // snn-aawsat-127
            ("2015-07-21", "الذين ينتظرون إنصافهم منذ 25 عاما».", "منذ 25 عاما", "1990-07-21", "2015-07-21", Range),
            // snn-alyaum-887
            ("2015-07-26", "غارات على العراق وسوريا المجاورة منذ أغسطس آب 2014.", "منذ أغسطس آب 2014", "2014-08-01", "2015-07-26", Range),
            // snn-aawsat-117
            ("2015-07-21", "مفاوضات سلام مباشرة قبل أسبوعين في باكستان", "قبل أسبوعين", "2015-07-07", "2015-07-07", Day),
            // snn-aawsat-225
            ("2015-07-21", "هي العاشر من رمضان، الذكرى الأولى", "العاشر من رمضان", "2015-06-27", "2015-06-27", Day),
            // snn-alriyadh-3235
            ("2015-08-06", "وافقت رسميا نهاية الشهر الماضي على استخدام", "نهاية الشهر الماضي", "2015-07-21", "2015-07-31", Range),
            // snn-aleqtisadiya-70
            ("2015-07-18", "والمعلن عنهما بتاريخ 5/7/1436.", "5/7/1436", "2015-04-24", "2015-04-24", Day),
            // snn-almadina-847
            ("2015-07-25", "مراحلها على الاطلاق منذ العام 1990م ولم", "منذ العام 1990م", "1990-01-01", "2015-07-25", Range),
            // snn-was-263
            ("2015-08-11", "عنيزة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", "26 شوال 1436 هـ", "2015-08-12", "2015-08-12", Day),
            // snn-was-263
            ("2015-08-11", "عنيزة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", "11 أغسطس 2015 م", "2015-08-11", "2015-08-11", Day),
            // snn-aawsat-2059
            ("2015-08-04", "الساعة الثالثة من فجر أمس الاثنين، منوها", "فجر أمس الاثنين", "2015-08-03", "2015-08-03", Day),
            // snn-aawsat-2078
            ("2015-08-04", "بدأ منذ ثلاثة أيام هجوما متقطعا", "منذ ثلاثة أيام", "2015-08-01", "2015-08-04", Range),
            // snn-sabq-1172
            ("2015-08-04", "وفي يوم 17 مايو 1994 خاضت القوات", "يوم 17 مايو 1994", "1994-05-17", "1994-05-17", Day),
            // snn-aawsat-51
            ("2015-07-21", "عقب ثورة 30 يونيو (حزيران) عام 2013، مما", "30 يونيو (حزيران) عام 2013", "2013-06-30", "2013-06-30", Day),
            // snn-alyaum-997
            ("2015-07-27", "تم دحر الميليشيا الحوثية منه امس الاول السبت، بعد", "امس الاول السبت", "2015-07-25", "2015-07-25", Day),
            // snn-alriyadh-131 style: the night before last.
            ("2015-07-22", "وقالت المصادر إن الهجوم وقع الليلة قبل الماضية في السوق", "الليلة قبل الماضية", "2015-07-20", "2015-07-20", Day),
            // snn-aawsat-2036 style: the day before yesterday in parentheses.
            ("2015-08-04", "إذ أعلن ناشطون أن اشتباكات عنيفة دارت منتصف ليل أمس (الأول) في ريف اللاذقية", "منتصف ليل أمس (الأول", "2015-08-02", "2015-08-02", Day),
            // snn-aawsat-2753
            ("2015-08-10", "وشهدت هذه المفاوضات تقدما بداية يوليو (تموز) مع أول", "بداية يوليو (تموز)", "2015-07-01", "2015-07-10", Range),
            // snn-alwatan-729
            ("2015-07-27", "الذي نال الشهادة يوم 21 أكتوبر عام 1973، وحضر", "يوم 21 أكتوبر عام 1973", "1973-10-21", "1973-10-21", Day),
            // snn-alwatan-171
            ("2015-07-22", "حدثت بين الجانبين مساء الخميس الماضي.", "مساء الخميس الماضي", "2015-07-16", "2015-07-16", Day),
            // snn-alweeam-150
            ("2015-07-21", "فيما ستغلق أبوابها الاثنين المقبل.", "الاثنين المقبل", "2015-07-27", "2015-07-27", Day),
            // snn-aawsat-117
            ("2015-07-21", "ومنذ نهاية العام الماضي، تقتصر مهمة", "منذ نهاية العام الماضي", "2014-09-01", "2015-07-21", Range),
            // snn-aleqtisadiya-70
            ("2015-07-18", "وذلك في يوم الجمعة 9/9/1436 استغلالا", "يوم الجمعة 9/9/1436", "2015-06-26", "2015-06-26", Day),
            // snn-aawsat-2855
            ("2015-08-11", "واعتقال الكثير منهم، في اليومين الماضيين، بمن فيهم", "اليومين الماضيين", "2015-08-09", "2015-08-11", Range),
            // snn-aljazirah-3137
            ("2015-08-09", "اندلعت في شهر آذار/مارس عام 2011 للمطالبة", "آذار/مارس عام 2011", "2011-03-01", "2011-03-31", Month),
            // snn-3alyoum-1235
            ("2015-08-01", "في كانون الأول (ديسمبر) 2009 تفجيرها", "كانون الأول (ديسمبر) 2009", "2009-12-01", "2009-12-31", Month),
            // snn-aawsat-1854
            ("2015-08-02", "خطابًا يوم الأربعاء المقبل، في الجامعة", "يوم الأربعاء المقبل", "2015-08-05", "2015-08-05", Day),
            // snn-okaz-1826
            ("2015-08-05", "في مدينة ميلانو الإيطالية بعد غد الجمعة.", "بعد غد الجمعة", "2015-08-07", "2015-08-07", Day),
            // snn-alriyadh-4345
            ("2015-08-09", "بين 24 و26 آب/اغسطس الحالي", "بين 24 و26 آب/اغسطس الحالي", "2015-08-24", "2015-08-26", Range),
            // snn-alyaum-2612
            ("2015-08-09", "خلال شهر رمضان المبارك للعام الحالي 1436هـ", "رمضان المبارك", "2015-06-18", "2015-07-17", Month),
        ];
        let mut bad = Vec::new();
        for &(r, text, span, s, e, p) in cases {
            let got = dates(text, Some(r));
            if !got.iter().any(|g| g.0 == span && g.1 == Some(d(s)) && g.2 == Some(d(e)) && g.3 == p) {
                bad.push(format!("{text:?} (ref {r}): want {span:?} {s}..{e} {p:?}, got {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = dates(&s, Some("2015-02-20"));
            let _ = dates(&s, None);
        }

        #[test]
        fn never_panics_on_date_soup(s in "(( |/|-)?([0-9]{1,5}|يناير|مايو|رمضان|الماضي|المقبل|بين|من|الى|و|وحتى|امس|الخميس|منذ|عام|هـ|اشهر|مطلع|الشهر|كانون|الثاني)){0,10}") {
            let _ = dates(&s, Some("2015-02-20"));
            let _ = dates(&s, Some("0001-01-01"));
            let _ = dates(&s, Some("9999-12-31"));
            let _ = dates(&s, Some("+262142-12-31"));
        }
    }

    /// Throughput of tokenize + numbers + dates over the corpus:
    /// `cargo test --release -p marsad-core dates::tests::bench -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn bench() {
        let Ok(data) = std::fs::read_to_string("/work/shared/corpus/news-sample.jsonl") else { return };
        let arts: Vec<(String, Option<NaiveDate>)> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| (v["text"].as_str().unwrap_or("").to_string(), v["date"].as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())))
            .collect();
        let norm: Vec<(Normalized, Vec<Token>)> = arts.iter().map(|(t, _)| {
            let n = Normalized::new(t);
            let k = tokenize(&n.text);
            (n, k)
        }).collect();
        let bytes: usize = arts.iter().map(|a| a.0.len()).sum();
        let t0 = std::time::Instant::now();
        let mut c = 0;
        for _ in 0..3 {
            for (n, k) in norm.iter() {
                c += crate::numbers::find_numbers(&n.text, k).len();
            }
        }
        let dn = t0.elapsed().as_secs_f64() / 3.0;
        let t0 = std::time::Instant::now();
        for _ in 0..3 {
            for ((n, k), (_, r)) in norm.iter().zip(&arts) {
                c += find_dates(&n.text, k, *r).len();
            }
        }
        let dd = t0.elapsed().as_secs_f64() / 3.0;
        println!("numbers {:.0} articles/s, dates {:.0} articles/s", arts.len() as f64 / dn, arts.len() as f64 / dd);
        let dt = dn + dd;
        println!("{} articles, {:.1} KB avg: numbers+dates {:.0} articles/s ({} mentions)", arts.len(), bytes as f64 / arts.len() as f64 / 1024.0, arts.len() as f64 / dt, c / 3);
    }

    /// `cargo test -p marsad-core dates::tests::dump -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn dump() {
        let path = "/work/shared/corpus/news-sample.jsonl";
        let Ok(data) = std::fs::read_to_string(path) else { return };
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap_or("");
            let text = v["text"].as_str().unwrap_or("");
            let r = v["date"].as_str();
            for (s, a, b, p) in dates(text, r) {
                println!("{id}\t{s}\t{a:?}\t{b:?}\t{p:?}");
            }
        }
    }
}
