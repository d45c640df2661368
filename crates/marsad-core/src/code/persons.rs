//! Named people: a victim the lexicon does not know ("اختطاف الدكتور فيصل الزبيدي",
//! "بمقتل محسن الفضلي") is still who suffered the act. A name starts with a given name or
//! kunya from the `person_names` cue list and runs over the family names after it.

use super::*;

/// Words that end a name (prepositions, relatives, conjunctions standing alone).
const NOT_NAME: &[&str] = &[
    "في", "من", "علي", "الي", "عن", "بعد", "قبل", "مع", "الذي", "التي", "الذين", "ان", "انه", "امس", "اليوم", "خلال", "اثناء", "عند", "حيث", "بين", "او", "ثم", "قرب",
    // What is said of the person after the name ("مايكل براون البالغ من العمر").
    "بالغ", "معروف", "ملقب", "مكني", "مدعو", "شهير",
];
/// Military ranks before a name: the person is of the state's forces.
const RANKS: &[&str] = &["عقيد", "عميد", "لواء", "رايد", "نقيب", "ملازم", "مقدم", "جندي", "ضابط", "رقيب", "عريف", "فريق"];
/// Titles that may stand between an act and the name ("اختطاف الدكتور الجامعي ... فيصل").
const TITLES: &[&str] = &["دكتور", "شيخ", "ناشط", "صحفي", "اعلامي", "مهندس", "محامي", "محام", "قيادي", "استاذ", "سيد", "حاج", "طيار", "مواطن", "شاب", "طفل", "جامعي", "بارز", "مدير", "رييس"];

impl<'a, 'd> Ctx<'a, 'd> {
    /// The tokens of a person's name starting at token `i`, if a given name or kunya
    /// stands there: the given name and up to three family names after it, on one line and
    /// with no punctuation between them.
    pub(super) fn person_name_at(&self, i: usize, end: usize) -> Option<Range<usize>> {
        if i >= end || !self.cues_in(i..i + 1, CUE_PERSON_NAME) {
            return None;
        }
        let text = self.doc.text();
        let mut j = i + 1;
        while j < end && j < i + 4 {
            let gap = &text[self.doc.tokens[j - 1].range.end..self.doc.tokens[j].range.start];
            let w = self.keys[j];
            let starts_clause = w.starts_with('و') && !w.starts_with("ول") && j > i + 1;
            let named_else = self.actor_at(j) || within(&self.ents.places, &self.doc.tokens[j].range, |p| &p.range).next().is_some();
            if gap.trim() != "" || NOT_NAME.contains(&w) || starts_clause || named_else || self.number_at(j).is_some() || !w.chars().all(crate::normalize::is_arabic_letter) {
                break;
            }
            j += 1;
        }
        // A given name alone is rarely the person meant ("محمد" in a list): at least two words.
        (j > i + 1).then_some(i..j)
    }

    /// The first person named in the `n` tokens after `from`, past titles ("الدكتور
    /// الجامعي بجامعة الحديدة فيصل الزبيدي"), with the rank before the name, if any.
    pub(super) fn person_after(&self, from: usize, end: usize, n: usize) -> Option<(Range<usize>, bool)> {
        let stop = end.min(from + n);
        let mut ranked = false;
        for i in from..stop {
            if let Some(r) = self.person_name_at(i, end) {
                return Some((self.doc.tokens[r.start].range.start..self.doc.tokens[r.end - 1].range.end, ranked));
            }
            let w = self.bare(i);
            ranked |= RANKS.contains(&w);
            // Only titles, and the place or body they belong to, stand before the name.
            if !(TITLES.contains(&w) || RANKS.contains(&w) || i > from) {
                return None;
            }
        }
        None
    }

    /// A named person as an actor: the name transliterated, the Arabic as written, a
    /// civilian unless a military rank stood before the name, of the article's country.
    pub(super) fn person(&self, r: Range<usize>, ranked: bool) -> format::Actor {
        let name_ar = self.doc.original_text(r.clone());
        format::Actor {
            name: transliterate(&name_ar),
            name_ar,
            kind: if ranked { "state-forces".into() } else { "civilians".into() },
            country: self.ents.focus_country.clone(),
            mention: Some(self.span(r)),
        }
    }
}

/// A readable Latin spelling of an Arabic name for analysts who do not read Arabic
/// ("فيصل الزبيدي" -> "Faisal al-Zbidi"): consonants by the usual English conventions,
/// long vowels from و/ي between consonants, the article as "al-". Not a scholarly
/// transliteration — short vowels are not written in Arabic and are not guessed.
pub fn transliterate(ar: &str) -> String {
    let folded = crate::normalize::Normalized::new(ar).text;
    let mut words = Vec::new();
    for w in folded.split_whitespace() {
        let (article, stem) = match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => (true, rest),
            _ => (false, w),
        };
        let cs: Vec<char> = stem.chars().collect();
        let mut out = String::new();
        for (k, &c) in cs.iter().enumerate() {
            let vowel_letter = |x: Option<&char>| x.is_some_and(|x| matches!(x, 'ا' | 'و' | 'ي' | 'ه'));
            let between = k > 0 && !vowel_letter(cs.get(k - 1)) && (k + 1 == cs.len() || !vowel_letter(cs.get(k + 1)));
            let s = match c {
                // (A word-initial ع reads as a vowel to English readers: عمر "Amr", عبد "Abd".)
                'ع' if k == 0 => "A",
                'ا' => "a",
                'ء' => "'",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' => "s",
                'ش' => "sh",
                'ص' => "s",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' => "'",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'ه' if k + 1 == cs.len() && k > 0 => "a",
                'ه' => "h",
                'و' if between => "u",
                'و' => "w",
                'ي' if between => "i",
                'ي' => "y",
                c if c.is_ascii_alphanumeric() => {
                    out.push(c);
                    continue;
                }
                _ => continue,
            };
            out.push_str(s);
        }
        let mut cap: String = out.trim_start_matches('\'').chars().take(1).flat_map(char::to_uppercase).collect();
        cap.extend(out.trim_start_matches('\'').chars().skip(1));
        if cap.is_empty() {
            continue;
        }
        words.push(if article { format!("al-{cap}") } else { cap });
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::transliterate;

    #[test]
    fn names_read_in_latin() {
        assert_eq!(transliterate("فيصل الزبيدي"), "Fisl al-Zbidi");
        assert_eq!(transliterate("محسن الفضلي"), "Mhsn al-Fdli");
        assert_eq!(transliterate("معاذ الكساسبة"), "M'adh al-Ksasba");
        assert_eq!(transliterate("عمر أبو شوشة"), "Amr Abu Shusha");
    }
}
