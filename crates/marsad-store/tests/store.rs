//! Store behaviour on real Arabic text from shared/corpus and shared/gold.

use marsad_core::engine::Engine;
use marsad_core::format::Article;
use marsad_store::ingest::{parse_line, prepare_chunk, Input};
use marsad_store::{export, Filter, Page, Store};

fn shared(p: &str) -> String {
    let base = std::env::var("MARSAD_SHARED").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    std::fs::read_to_string(format!("{base}/{p}")).unwrap_or_else(|e| panic!("reading shared/{p}: {e}"))
}

fn corpus(n: usize) -> Vec<Article> {
    shared("corpus/news-sample.jsonl").lines().take(n).map(|l| match parse_line(l).unwrap() {
        Input::Article(a, _) => a,
        _ => panic!("corpus line is an article"),
    }).collect()
}

fn gold() -> Vec<Input> {
    let mut v: Vec<Input> = shared("gold/dev.jsonl").lines().map(|l| parse_line(l).unwrap()).collect();
    v.push(parse_line(shared("gold/seed-article.gold.jsonl").trim()).unwrap());
    v
}

fn ingest(store: &mut Store, version: &str, inputs: Vec<Input>) -> marsad_store::BatchStats {
    let engine = Engine::default();
    let (prepared, skipped) = prepare_chunk(&engine, version, None, inputs).unwrap();
    let mut s = store.write_batch(&prepared).unwrap();
    s.unchanged += skipped;
    s
}

fn no_duplicates(store: &Store) {
    let dup: i64 = store.conn.query_row("SELECT count(*) FROM (SELECT aid, seq FROM events GROUP BY aid, seq HAVING count(*) > 1)", [], |r| r.get(0)).unwrap();
    assert_eq!(dup, 0);
    let dup_ids: i64 = store.conn.query_row("SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)", [], |r| r.get(0)).unwrap();
    assert_eq!(dup_ids, 0, "no event id twice");
    let bad: i64 = store.conn.query_row("SELECT count(*) FROM articles a WHERE n_events != (SELECT count(*) FROM events e WHERE e.aid = a.aid)", [], |r| r.get(0)).unwrap();
    assert_eq!(bad, 0, "n_events agrees with the events table");
}

#[test]
fn reingest_same_text_changes_nothing() {
    let mut s = Store::memory().unwrap();
    let g = gold();
    let n = g.len();
    let first = ingest(&mut s, "v1", g.clone());
    assert_eq!(first.inserted, n);
    let (a1, e1) = s.counts().unwrap();
    let gen1 = s.generation().unwrap();
    let json1: Vec<String> = s.conn.prepare("SELECT json FROM events ORDER BY eid").unwrap().query_map([], |r| r.get(0)).unwrap().map(|x| x.unwrap()).collect();
    let again = ingest(&mut s, "v1", g);
    assert_eq!(again.unchanged, n);
    assert_eq!(again.inserted + again.replaced + again.events, 0);
    assert_eq!(s.counts().unwrap(), (a1, e1));
    assert_eq!(s.generation().unwrap(), gen1, "an unchanged batch does not bump the generation");
    let json2: Vec<String> = s.conn.prepare("SELECT json FROM events ORDER BY eid").unwrap().query_map([], |r| r.get(0)).unwrap().map(|x| x.unwrap()).collect();
    assert_eq!(json1, json2);
    assert_eq!(e1, 226, "all gold events stored");
    no_duplicates(&s);
}

#[test]
fn changed_text_or_engine_version_replaces_events() {
    let mut s = Store::memory().unwrap();
    let arts = corpus(40);
    let inputs: Vec<Input> = arts.iter().cloned().map(|a| Input::Article(a, vec![])).collect();
    ingest(&mut s, "v1", inputs.clone());
    let (a1, _) = s.counts().unwrap();
    assert_eq!(a1, 40);
    // Change the text of one article: its events are replaced, nothing duplicated.
    let mut changed = arts[3].clone();
    changed.text = format!("{}\nقتل خمسة مدنيين في غارة جوية على مدينة الرقة أمس.", changed.text);
    let st = ingest(&mut s, "v1", vec![Input::Article(changed.clone(), vec![])]);
    assert_eq!((st.replaced, st.inserted), (1, 0));
    let stored = s.article(&changed.id).unwrap().unwrap();
    assert_eq!(stored.text.as_deref(), Some(changed.text.as_str()));
    let fresh = Engine::default().extract(&changed);
    assert_eq!(stored.events, fresh.events, "the article's events are exactly the new extraction's");
    assert_eq!(s.counts().unwrap().0, 40);
    no_duplicates(&s);
    // A new engine version replaces every article, again without duplicates.
    let (_, e_before) = s.counts().unwrap();
    let st = ingest(&mut s, "v2", inputs.clone());
    assert_eq!(st.replaced, 40);
    let (a2, e2) = s.counts().unwrap();
    assert_eq!(a2, 40);
    let expected: usize = arts.iter().map(|a| Engine::default().extract(a).events.len()).sum();
    assert_eq!(e2 as usize, expected);
    assert!(e_before >= 0);
    no_duplicates(&s);
    // A gold record edited (one event dropped) replaces the stored one.
    let mut g = gold();
    let Input::Record(mut r, t) = g.swap_remove(0) else { panic!() };
    ingest(&mut s, "v2", vec![Input::Record(r.clone(), t.clone())]);
    let before = s.article(&r.article.id).unwrap().unwrap().events.len();
    r.events.pop();
    let st = ingest(&mut s, "v2", vec![Input::Record(r.clone(), t)]);
    assert_eq!(st.replaced, 1);
    assert_eq!(s.article(&r.article.id).unwrap().unwrap().events.len(), before - 1);
    no_duplicates(&s);
}

#[test]
fn arabic_search_strips_clitics() {
    let mut s = Store::memory().unwrap();
    let mk = |id: &str, text: &str| Input::Article(Article { id: id.into(), text: text.into(), date: Some("2015-07-01".into()), ..Default::default() }, vec![]);
    ingest(&mut s, "v1", vec![
        mk("a", "قتل ثلاثة جنود بالموصل أمس"),
        mk("b", "وبالموصل اشتباكات عنيفة"),
        mk("c", "غارات على الرقة"),
        mk("d", "وصل الوفد إلى بغداد"),
    ]);
    let ids = |q: &str| {
        let mut v: Vec<String> = s.search_articles(q, Page { limit: 10, offset: 0 }).unwrap().into_iter().map(|h| h.id).collect();
        v.sort();
        v
    };
    assert_eq!(ids("الموصل"), ["a", "b"]);
    assert_eq!(ids("موصل"), ["a", "b"]);
    assert_eq!(ids("بالموصل"), ["a", "b"]);
    assert_eq!(ids("الرقة"), ["c"]);
    assert_eq!(ids("الرقه"), ["c"], "ta marbuta folded");
    assert_eq!(ids("بغداد"), ["d"]);
    assert!(ids("دمشق").is_empty());
    // Real corpus: every article found for الموصل contains the word in some clitic form.
    let mut s = Store::memory().unwrap();
    ingest(&mut s, "v1", corpus(300).into_iter().map(|a| Input::Article(a, vec![])).collect());
    let hits = s.search_articles("الموصل", Page { limit: 500, offset: 0 }).unwrap();
    assert!(hits.len() >= 5, "الموصل is frequent in the corpus ({} hits)", hits.len());
    for h in hits {
        let t = s.article(&h.id).unwrap().unwrap().text.unwrap();
        assert!(marsad_core::normalize::fold(&t).contains("موصل"), "{} mentions Mosul", h.id);
    }
}

#[test]
fn hostile_filters_are_just_values() {
    let mut s = Store::memory().unwrap();
    ingest(&mut s, "v1", gold());
    let (a, e) = s.counts().unwrap();
    let hostile = ["' OR 1=1 --", "\" OR \"\"=\"", "x'); DROP TABLE events; --", "%", "_", "\\", "NEAR(a b)", "\"unterminated", "* OR *", "a:b", "^", "داعش' OR '1'='1"];
    for h in hostile {
        let f = |set: &dyn Fn(&mut Filter)| {
            let mut f = Filter::default();
            set(&mut f);
            f.validate().unwrap();
            s.events(&f, Page::default()).unwrap()
        };
        let h2 = h.to_string();
        assert!(f(&|f| f.actor = Some(h2.clone())).is_empty(), "actor {h}");
        assert!(f(&|f| f.place = Some(h2.clone())).is_empty(), "place {h}");
        assert!(f(&|f| f.country = Some(h2.clone())).is_empty(), "country {h}");
        assert!(f(&|f| f.event_type = Some(h2.clone())).is_empty(), "type {h}");
        let _ = f(&|f| f.text = Some(h2.clone())); // must not error
        let _ = s.search_articles(h, Page::default()).unwrap();
        let _ = s.aggregate("actor", &Filter { actor: Some(h.to_string()), ..Default::default() }, 10).unwrap();
    }
    assert_eq!(s.counts().unwrap(), (a, e), "nothing dropped or changed");
    // Bad dates and boxes are refused with a message.
    for bad in ["2015-13-01", "yesterday", "2015-1-1", "' OR 1=1 --"] {
        let mut f = Filter { from: Some(bad.into()), ..Default::default() };
        assert!(f.validate().is_err(), "{bad}");
    }
    for bad in ["1,2,3", "a,b,c,d", "0,0,200,10", "10,0,0,10", "NaN,0,1,1"] {
        assert!(marsad_store::query::parse_bbox(bad).is_err(), "{bad}");
    }
    // Filters that should match do.
    let iq = s.events(&Filter { country: Some("IRQ".into()), ..Default::default() }, Page { limit: 500, offset: 0 }).unwrap();
    assert!(!iq.is_empty());
    assert!(iq.iter().all(|r| r.event.location.country.as_deref() == Some("IQ")));
    let ar = s.events(&Filter { country: Some("العراق".into()), ..Default::default() }, Page { limit: 500, offset: 0 }).unwrap();
    assert_eq!(ar.len(), iq.len());
    let bb = s.events(&Filter { bbox: Some([35.0, 30.0, 50.0, 38.0]), ..Default::default() }, Page { limit: 500, offset: 0 }).unwrap();
    assert!(bb.iter().all(|r| { let l = &r.event.location; l.lon.unwrap() >= 35.0 && l.lon.unwrap() <= 50.0 && l.lat.unwrap() >= 30.0 && l.lat.unwrap() <= 38.0 }));
}

#[test]
fn html_and_script_round_trip_as_text() {
    let mut s = Store::memory().unwrap();
    let text = "قتل ثلاثة مدنيين في الموصل <script>alert('x')</script> <img src=x onerror=alert(1)> & \"quotes\" ' ; DROP TABLE articles; --";
    let title = "<b>عنوان</b> </script>";
    let a = Article { id: "hostile<1>".into(), text: text.into(), title: Some(title.into()), date: Some("2015-07-20".into()), ..Default::default() };
    ingest(&mut s, "v1", vec![Input::Article(a, vec![])]);
    let got = s.article("hostile<1>").unwrap().unwrap();
    assert_eq!(got.text.as_deref(), Some(text));
    assert_eq!(got.article.title.as_deref(), Some(title));
    let mut out = Vec::new();
    export::write_jsonl(&s, &Filter::default(), true, &mut out).unwrap();
    let line = String::from_utf8(out).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["text"], text);
    assert_eq!(v["article"]["title"], title);
    assert!(line.starts_with("{\"format\":\"marsad/1\",\"article\""), "spec field order");
    // Re-ingesting the exported line (a record with text) is a no-op for the content.
    let back = parse_line(line.trim()).unwrap();
    let Input::Record(r, t) = back else { panic!("exported line reads back as a record") };
    assert_eq!(t.as_deref(), Some(text));
    assert_eq!(r.article.id, "hostile<1>");
}

#[test]
fn acled_csv_follows_the_spec() {
    let mut s = Store::memory().unwrap();
    ingest(&mut s, "v1", gold());
    let mut out = Vec::new();
    let n = export::write_csv(&s, &Filter::default(), &mut out).unwrap();
    assert_eq!(n, 226);
    let mut r = csv::Reader::from_reader(&out[..]);
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(headers, export::ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 226);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    // The PKK ambush on Turkish soldiers (dev.jsonl's first event).
    let pkk = rows.iter().find(|r| r[col("actor1")].starts_with("Kurdistan Workers") && r[col("event_date")] == *"2015-07-30").expect("PKK row");
    assert_eq!(&pkk[col("inter1")], "2");
    assert_eq!(&pkk[col("inter2")], "1");
    assert_eq!(&pkk[col("interaction")], "12");
    assert_eq!(&pkk[col("time_precision")], "1");
    assert_eq!(&pkk[col("disorder_type")], "Political violence");
    assert_eq!(&pkk[col("iso")], "792");
    assert_eq!(&pkk[col("country")], "Turkey");
    assert_eq!(&pkk[col("geo_precision")], "3");
    assert_eq!(&pkk[col("fatalities")], "3");
    assert!(pkk[col("event_id_cnty")].starts_with("TUR"));
    assert!(pkk[col("tags")].contains("mode=ambush"));
    assert!(pkk[col("notes")].starts_with("On 30 July 2015, Kurdistan Workers' Party (PKK) fighters"), "{}", &pkk[col("notes")]);
    assert!(pkk[col("source")].contains("alriyadh"));
    assert!(pkk[col("timestamp")].parse::<i64>().unwrap() > 1_600_000_000);
    for r in &rows {
        // Unknown dates and places stay empty, never invented.
        if r[col("event_date")].is_empty() {
            assert!(r[col("year")].is_empty() && r[col("time_precision")].is_empty());
        }
        if r[col("latitude")].is_empty() {
            assert!(r[col("longitude")].is_empty());
        }
        assert!(["", "Political violence", "Demonstrations", "Strategic developments"].contains(&&r[col("disorder_type")]));
    }
    // GeoJSON: only located events, as points.
    let mut g = Vec::new();
    let feats = export::write_geojson(&s, &Filter::default(), &mut g).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&g).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), feats);
    assert!(feats > 100);
    assert_eq!(v["features"][0]["geometry"]["type"], "Point");
}

#[test]
fn schema_is_versioned_and_reopens() {
    let dir = std::env::temp_dir().join(format!("marsad-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("m.db");
    {
        let mut s = Store::open(&db).unwrap();
        ingest(&mut s, "v1", gold());
    }
    let s = Store::open(&db).unwrap();
    let v: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, marsad_store::schema::VERSION);
    let mode: String = s.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let r = Store::open_read(&db).unwrap();
    assert_eq!(r.counts().unwrap(), s.counts().unwrap());
    drop((s, r));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_query_plans_agree() {
    let mut s = Store::memory().unwrap();
    ingest(&mut s, "v1", gold());
    ingest(&mut s, "v1", corpus(200).into_iter().map(|a| Input::Article(a, vec![])).collect());
    for q in ["الموصل", "داعش", "حزب العمال", "كوباني", "لا-يوجد-هذا"] {
        let f = Filter { text: Some(q.into()), ..Default::default() };
        let ids = |dense: bool| -> Vec<i64> {
            let (w, p) = f.where_sql_plan(dense);
            let sql = format!("SELECT e.eid FROM events e WHERE {w} ORDER BY e.date_start DESC, e.eid DESC");
            let mut st = s.conn.prepare(&sql).unwrap();
            st.query_map(rusqlite::params_from_iter(p.iter()), |r| r.get(0)).unwrap().map(|x| x.unwrap()).collect()
        };
        assert_eq!(ids(true), ids(false), "{q}");
    }
}

#[test]
fn index_fold_is_the_engine_fold() {
    let mut texts: Vec<String> = corpus(300).into_iter().map(|a| a.text).collect();
    texts.push("Ça, ÉTÉ: Şanlıurfa — ١٢٣ ۴۵ ٪ ـــ بِالمَوْصِلِ ﻻ ﷲ 𝔸 ½ x²".into());
    for t in &texts {
        assert_eq!(marsad_store::fts::fold(t), marsad_core::normalize::fold(t));
    }
}

#[test]
fn v2_store_migrates_to_v3_and_answers_the_same() {
    let dir = std::env::temp_dir().join(format!("marsad-store-mig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (old, new) = (dir.join("v2.db"), dir.join("new.db"));
    let hashsize = |s: &Store| -> Option<i64> {
        s.conn.query_row("SELECT v FROM article_fts_config WHERE k = 'hashsize'", [], |r| r.get(0)).ok()
    };
    let inputs = || {
        let mut v = gold();
        v.extend(corpus(150).into_iter().map(|a| Input::Article(a, vec![])));
        v
    };
    {
        // A store as schema v2 wrote it.
        let conn = rusqlite::Connection::open(&old).unwrap();
        marsad_store::schema::migrate_to(&conn, 2).unwrap();
        let mut s = Store { conn };
        assert_eq!(hashsize(&s), None);
        ingest(&mut s, "v1", inputs());
    }
    let s = Store::open(&old).unwrap();
    let v: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, marsad_store::schema::VERSION);
    assert_eq!(hashsize(&s), Some(64 << 20));
    let mut fresh = Store::open(&new).unwrap();
    assert_eq!(hashsize(&fresh), Some(64 << 20));
    ingest(&mut fresh, "v1", inputs());
    assert_eq!(s.counts().unwrap(), fresh.counts().unwrap());
    for q in ["الموصل", "داعش", "حزب العمال", "لا-يوجد-هذا"] {
        let f = Filter { text: Some(q.into()), ..Default::default() };
        let ids = |st: &Store| st.events(&f, Page { limit: 1000, offset: 0 }).unwrap().into_iter().map(|r| r.event.id).collect::<Vec<_>>();
        assert_eq!(ids(&s), ids(&fresh), "{q}");
        assert_eq!(s.count_events(&f).unwrap(), fresh.count_events(&f).unwrap(), "{q}");
    }
    // The migrated store takes new writes.
    let mut s = s;
    let st = ingest(&mut s, "v2", corpus(3).into_iter().map(|a| Input::Article(a, vec![])).collect());
    assert_eq!(st.replaced, 3);
    no_duplicates(&s);
    drop((s, fresh));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_only_count_is_the_filtered_count() {
    let mut s = Store::memory().unwrap();
    ingest(&mut s, "v1", gold());
    ingest(&mut s, "v1", corpus(300).into_iter().map(|a| Input::Article(a, vec![])).collect());
    for q in ["الموصل", "داعش", "قتل", "حزب العمال", "كوباني", "لا-يوجد-هذا", "..."] {
        let f = Filter { text: Some(q.into()), ..Default::default() };
        assert!(f.text_only());
        // The general plans (sparse and dense), counted the old way, capped the same.
        for dense in [false, true] {
            let (w, p) = f.where_sql_plan(dense);
            let n: i64 = s.conn.query_row(&format!("SELECT count(*) FROM (SELECT 1 FROM events e WHERE {w} LIMIT 1001)"), rusqlite::params_from_iter(p.iter()), |r| r.get(0)).unwrap();
            assert_eq!(s.count_events(&f).unwrap(), n as usize, "{q} dense={dense}");
        }
    }
    // Another filter with the text query: not text-only, counted as before.
    let f = Filter { text: Some("الموصل".into()), country: Some("IQ".into()), ..Default::default() };
    assert!(!f.text_only());
    let all = Filter { text: Some("الموصل".into()), ..Default::default() };
    assert!(s.count_events(&f).unwrap() <= s.count_events(&all).unwrap());
}

#[test]
fn listings_keep_batch_order_within_a_date() {
    // Events are written in start-date order within a batch; listings (date, then newest
    // written first) must be exactly what writing them in batch order gave.
    let mut s = Store::memory().unwrap();
    let engine = Engine::default();
    let mut inputs = gold();
    inputs.extend(corpus(120).into_iter().map(|a| Input::Article(a, vec![])));
    let (prepared, _) = prepare_chunk(&engine, "v1", None, inputs).unwrap();
    s.write_batch(&prepared).unwrap();
    let mut expected: Vec<(Option<String>, usize, String)> = Vec::new();
    for p in &prepared {
        for e in &p.events {
            expected.push((e.date.start.clone(), expected.len(), e.id.clone()));
        }
    }
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let listed: Vec<String> = s.events(&Filter::default(), Page { limit: 100_000, offset: 0 }).unwrap().into_iter().map(|r| r.event.id).collect();
    assert!(listed.len() > 300);
    assert_eq!(listed, expected.into_iter().map(|x| x.2).collect::<Vec<_>>());
    let mut oldest_first = Vec::new();
    s.for_each_event(&Filter::default(), |_, e| {
        oldest_first.push(e.id.clone());
        Ok(())
    })
    .unwrap();
    oldest_first.reverse();
    assert_eq!(oldest_first, listed);
}

#[test]
fn same_id_twice_in_one_batch_the_later_wins() {
    let mut s = Store::memory().unwrap();
    let arts = corpus(40);
    let with_events: Vec<&Article> = arts.iter().filter(|a| !Engine::default().extract(a).events.is_empty()).take(2).collect();
    let (a, b) = (with_events[0].clone(), with_events[1].clone());
    let mut b_as_a = b.clone();
    b_as_a.id = a.id.clone();
    let st = ingest(&mut s, "v1", vec![Input::Article(a.clone(), vec![]), Input::Article(b_as_a, vec![])]);
    assert_eq!((st.inserted, st.replaced), (1, 1));
    no_duplicates(&s);
    let stored = s.article(&a.id).unwrap().unwrap();
    assert_eq!(stored.text.as_deref(), Some(b.text.as_str()));
    assert_eq!(stored.events.len(), Engine::default().extract(&b).events.len());
}
