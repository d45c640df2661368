//! The whole pipeline over the 3,000 real articles of ../shared/corpus: no panic, every
//! span's text is exactly that slice of the input, and every event is well-formed.

use marsad_core::engine::Engine;
use marsad_core::format::{Article, Span};

fn corpus() -> Vec<Article> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/news-sample.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (the shared/ folder must sit beside the repository)"));
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn check(span: &Span, chars: &[char], what: &str, id: &str) {
    assert!(span.start <= span.end && span.end <= chars.len(), "{id} {what}: {span:?}");
    let s: String = chars[span.start..span.end].iter().collect();
    assert_eq!(s, span.text, "{id} {what}");
}

#[test]
fn every_span_is_a_slice_of_the_input_over_the_corpus() {
    let engine = Engine::default();
    let arts = corpus();
    assert_eq!(arts.len(), 3000);
    let mut events = 0;
    const TYPES: &[&str] = &["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
    for a in &arts {
        let r = engine.extract(a);
        let chars: Vec<char> = a.text.chars().collect();
        for e in &r.events {
            events += 1;
            assert!(TYPES.contains(&e.event_type.as_str()));
            assert!((0.0..=1.0).contains(&e.confidence));
            check(&e.evidence, &chars, "evidence", &a.id);
            for x in [&e.actor1, &e.actor2].into_iter().flatten() {
                check(x.mention.as_ref().unwrap(), &chars, "actor", &a.id);
            }
            if let Some(m) = &e.location.mention {
                check(m, &chars, "location", &a.id);
            }
            if let Some(m) = &e.date.mention {
                check(m, &chars, "date", &a.id);
            }
            for s in &e.sources {
                check(s.mention.as_ref().unwrap(), &chars, "source", &a.id);
            }
            for q in &e.quantities {
                check(q.mention.as_ref().unwrap(), &chars, "quantity", &a.id);
                assert!(q.max.is_none_or(|m| m >= q.min));
            }
            if let Some(f) = &e.fatalities {
                assert!(f.max.is_none_or(|m| m >= f.min));
                if let Some(m) = &f.mention {
                    check(m, &chars, "fatalities", &a.id);
                }
            }
        }
        // The text layer's own spans too.
        let doc = marsad_core::doc::Doc::new(&a.text, None);
        for n in &doc.numbers {
            check(&doc.span(n.range.clone()), &chars, "number", &a.id);
        }
        for s in &doc.sentences {
            check(&doc.span(s.range.clone()), &chars, "sentence", &a.id);
        }
    }
    assert!(events > 1000, "{events} events over the corpus");
}
