//! The engine on text made up from pieces of real reports, shuffled: words that trigger
//! acts, names, numbers and dates, punctuation, line breaks, diacritics, tatweel and bidi
//! controls, in any order. It never panics, and every span it reports is a slice of the
//! input.

use marsad_core::engine::Engine;
use marsad_core::format::{Article, Span};
use proptest::prelude::*;

/// Pieces of corpus sentences (and the noise that real texts carry).
const PIECES: &[&str] = &[
    "قتل", "مقتل", "بمقتل", "محسن", "الفضلي", "أبو", "خليل", "الذي", "قتل في", "معارك", "اشتباكات", "بين", "قوات", "النظام", "داعش", "و",
    "الحوثيين", "سقوط", "العشرات", "من", "جثث", "حرق", "مبنى", "غارة", "جوية", "غاراتها", "قصف", "منازل", "المواطنين", "صواريخ", "الطيران الحربي",
    "منذ", "أربعة أشهر", "عام", "2014", "أمس", "الخميس", "في", "حلب", "تعز", "بنغازي", "ريف", "إدلب", "سقطت بأيدي", "فقدت السيطرة على", "التي",
    "على الأقل", "15", "خمسة", "جنود", "جنديين", "اثنين", "شخصا", "قتيلا", "توفي", "متأثرا", "بجراحه", "استهدفت", "العقيد", "حسان", "الشيخ",
    "مباراة", "ودية", "الشوط", "يردون على", "ردا على", "فيما يبدو", "إسلاميون", "بحسب", "المرصد", "وقالت", "المصادر", "إن", "أن", "لم", "دعا", "إلى",
    "إعدام", "اختطاف", "الدكتور", "فيصل", "الزبيدي", "مداهمات", "واصلت", "تطهير", "وتفجيرين", "انتحاريين", "ومنذ ذلك الحين",
    "،", ".", "\n", ":", "«", "»", "\"", "(", ")", "-", "ـ", "\u{64b}", "\u{651}", "\u{200f}", "\u{202b}", "\u{feff}", "٣", "١٢",
];

fn check(span: &Span, chars: &[char], what: &str) {
    assert!(span.start <= span.end && span.end <= chars.len(), "{what}: {span:?}");
    let s: String = chars[span.start..span.end].iter().collect();
    assert_eq!(s, span.text, "{what}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_report_pieces_never_break_the_engine(picks in proptest::collection::vec((0..PIECES.len(), 0u8..3), 0..120)) {
        let mut text = String::new();
        for (i, sep) in picks {
            text.push_str(PIECES[i]);
            // Pieces joined with a space, or glued to the next (clitics, no space).
            if sep > 0 {
                text.push(' ');
            }
        }
        let a = Article { id: "p".into(), text: text.clone(), date: Some("2015-07-24".into()), ..Default::default() };
        let r = Engine::default().extract(&a);
        let chars: Vec<char> = text.chars().collect();
        for e in &r.events {
            check(&e.evidence, &chars, "evidence");
            for x in [&e.actor1, &e.actor2].into_iter().flatten() {
                check(x.mention.as_ref().unwrap(), &chars, "actor");
            }
            for s in &e.sources {
                check(s.mention.as_ref().unwrap(), &chars, "source");
            }
            if let Some(m) = e.fatalities.as_ref().and_then(|f| f.mention.as_ref()) {
                check(m, &chars, "fatalities");
            }
            prop_assert!(e.fatalities.as_ref().is_none_or(|f| f.max.is_none_or(|m| m >= f.min)));
        }
    }
}
