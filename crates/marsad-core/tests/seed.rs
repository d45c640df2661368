//! The seed article (Al Arabiya, 20 February 2015): the counts and dates of the text
//! layer, and the events an analyst would code.

use marsad_core::doc::Doc;
use marsad_core::engine::Engine;
use marsad_core::format::Article;

fn seed() -> Article {
    let line = include_str!("../../../examples/seed-article.jsonl");
    serde_json::from_str(line.lines().next().unwrap()).unwrap()
}

#[test]
fn seed_counts_and_dates() {
    let a = seed();
    let doc = Doc::new(&a.text, marsad_core::engine::parse_date("2015-02-20"));
    let nums: Vec<(u64, Option<u64>)> = doc.numbers.iter().map(|n| (n.min, n.max)).collect();
    for want in [(350, Some(350)), (16, None), (11, Some(13)), (1000, Some(2000)), (20000, Some(25000))] {
        assert!(nums.contains(&want), "{want:?} not in {nums:?}");
    }
    let dates: Vec<(String, String)> = doc.dates.iter().filter_map(|d| Some((d.start?.to_string(), d.end?.to_string()))).collect();
    for want in [("2015-01-01", "2015-01-31"), ("2015-02-06", "2015-02-20"), ("2014-06-01", "2014-06-30"), ("2015-04-01", "2015-05-31"), ("2015-02-19", "2015-02-19")] {
        assert!(dates.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} not in {dates:?}");
    }
}

#[test]
fn seed_events_include_the_defections() {
    let r = Engine::default().extract(&seed());
    let defections: Vec<_> = r.events.iter().filter(|e| e.mode.as_deref() == Some("defection")).collect();
    assert!(!defections.is_empty());
    // "أكثر من 15 مقاتلاً ... انشقوا في الأسبوعين الماضيين"
    let d = defections.iter().find(|e| e.evidence.text.contains("انشقوا")).expect("the 15+ defection");
    assert_eq!(d.date.start.as_deref(), Some("2015-02-06"));
    assert!(d.quantities.iter().any(|q| q.what == "defected" && q.min == 16 && q.max.is_none()), "{:?}", d.quantities);
    // The Raqqa defections: 11 to 13, in Raqqa governorate.
    let r2 = defections.iter().find(|e| e.evidence.text.contains("بين 11 و13")).expect("the Raqqa defection");
    assert_eq!(r2.location.country.as_deref(), Some("SY"));
    assert_eq!(r2.actor1.as_ref().map(|a| a.name.as_str()), Some("Islamic State"));
    // Told first in general in the lead, then counted: the counted mention's actor mention
    // and its source ("بحسب ما أفاد ناشطون") come with its evidence.
    assert!(r2.actor1.as_ref().and_then(|a| a.mention.as_ref()).is_some_and(|m| m.start > r2.evidence.start), "{r2:#?}");
    assert!(r2.sources.iter().any(|s| s.kind == "activists"), "{:?}", r2.sources);
    // Mosul is placed in Iraq.
    assert!(r.events.iter().any(|e| e.location.name.as_deref() == Some("Mosul") && e.location.country.as_deref() == Some("IQ")));
}
