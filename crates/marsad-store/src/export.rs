//! Exports: ACLED-compatible CSV (shared/spec/acled-export.md), GeoJSON points, marsad/1
//! JSONL. All stream: nothing holds the whole result in memory.

use crate::query::ArticleRef;
use crate::{countries, Filter, Result, Store};
use chrono::NaiveDate;
use marsad_core::format::{ArticleMeta, Event, Record, FORMAT};
use std::collections::HashMap;
use std::io::Write;

/// ACLED's columns, in order.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
];

/// ACLED inter code for a Marsad actor kind (0 when unknown). Protesters in a riot are
/// rioters (5).
pub fn inter_code(kind: Option<&str>, event_type: &str) -> u8 {
    match kind {
        Some("state-forces") | Some("government") => 1,
        Some("rebels") => 2,
        Some("militia") => 3,
        Some("protesters") if event_type == "Riots" => 5,
        Some("protesters") => 6,
        Some("civilians") => 7,
        Some("external-forces") | Some("media") | Some("organization") => 8,
        _ => 0,
    }
}

/// ACLED interaction: the two codes, smaller first, as one number ("12"); an actor alone
/// gives X0 ("10"); empty when both are unknown.
pub fn interaction(a: u8, b: u8) -> String {
    match (a, b) {
        (0, 0) => String::new(),
        (x, 0) | (0, x) => format!("{x}0"),
        (x, y) => format!("{}{}", x.min(y), x.max(y)),
    }
}

pub fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Battles" | "Explosions/Remote violence" | "Violence against civilians" => "Political violence",
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "",
    }
}

fn day(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
}

/// (event_date, time_precision) per the spec: 1 day, 2 range ≤ 7 days, 3 month/year/longer
/// (event_date then the middle of the period); empty when the date is unknown.
pub fn event_date(e: &Event) -> (Option<NaiveDate>, Option<u8>) {
    let (s, t) = (day(e.date.start.as_deref()), day(e.date.end.as_deref()));
    let Some(s) = s else { return (None, None) };
    let t = t.unwrap_or(s);
    let days = (t - s).num_days() + 1;
    let mid = s + chrono::Duration::days((t - s).num_days() / 2);
    match e.date.precision.as_str() {
        "day" => (Some(s), Some(1)),
        "range" if days <= 7 => (Some(s), Some(2)),
        "range" | "month" | "year" => (Some(mid), Some(3)),
        _ => (None, None),
    }
}

pub fn geo_precision(p: &str) -> Option<u8> {
    match p {
        "point" | "city" => Some(1),
        "admin1" | "country" => Some(3),
        _ => None,
    }
}

fn verb(sub: &str, mode: Option<&str>) -> (&'static str, &'static str) {
    // (with an object, without one)
    match sub {
        "Armed clash" => ("clashed with", "were involved in an armed clash"),
        "Government regains territory" => ("regained territory from", "regained territory"),
        "Non-state actor overtakes territory" => ("took over territory from", "took over territory"),
        "Chemical weapon" => ("used chemical weapons against", "used chemical weapons"),
        "Air/drone strike" => ("carried out an air/drone strike on", "carried out an air/drone strike"),
        "Suicide bomb" => ("carried out a suicide bombing against", "carried out a suicide bombing"),
        "Shelling/artillery/missile attack" => ("shelled", "carried out shelling or a missile attack"),
        "Remote explosive/landmine/IED" => ("attacked with an explosive device", "detonated an explosive device"),
        "Grenade" => ("threw a grenade at", "threw a grenade"),
        "Sexual violence" => ("committed sexual violence against", "committed sexual violence"),
        "Attack" => ("attacked", "carried out an attack"),
        "Abduction/forced disappearance" => ("abducted", "abducted people"),
        "Peaceful protest" => ("protested against", "protested"),
        "Protest with intervention" => ("protested and were dispersed by", "protested and were dispersed"),
        "Excessive force against protesters" => ("used excessive force against", "used excessive force against protesters"),
        "Violent demonstration" => ("rioted against", "rioted"),
        "Mob violence" => ("attacked as a mob", "engaged in mob violence"),
        "Agreement" => ("reached an agreement with", "reached an agreement"),
        "Arrests" => ("arrested", "made arrests"),
        "Change to group/activity" if mode == Some("defection") => ("defected from", "defected"),
        "Change to group/activity" => ("changed their activity towards", "changed their group or activity"),
        "Disrupted weapons use" => ("disrupted weapons use by", "disrupted weapons use"),
        "Headquarters or base established" => ("established a base against", "established a headquarters or base"),
        "Looting/property destruction" => ("looted or destroyed property of", "looted or destroyed property"),
        "Non-violent transfer of territory" => ("handed over territory to", "transferred territory without fighting"),
        _ => ("were involved in an event with", "were involved in an event"),
    }
}

fn date_phrase(e: &Event) -> String {
    let s = day(e.date.start.as_deref());
    let t = day(e.date.end.as_deref());
    match (e.date.precision.as_str(), s, t) {
        ("day", Some(s), _) => format!("On {}", s.format("%-d %B %Y")),
        ("range", Some(s), Some(t)) => format!("Between {} and {}", s.format("%-d %B %Y"), t.format("%-d %B %Y")),
        ("month", Some(s), _) => format!("In {}", s.format("%B %Y")),
        ("year", Some(s), _) => format!("In {}", s.format("%Y")),
        (_, Some(s), _) => format!("Around {}", s.format("%-d %B %Y")),
        _ => "On an unknown date".to_string(),
    }
}

/// One English sentence summarising an event from its fields.
pub fn notes(e: &Event) -> String {
    let subject = match &e.actor1 {
        Some(a) => match a.kind.as_str() {
            "rebels" | "militia" => format!("{} fighters", a.name),
            "state-forces" | "external-forces" => format!("{} forces", a.name).replace("forces forces", "forces"),
            _ => a.name.clone(),
        },
        None => "Unidentified actors".to_string(),
    };
    let (with_obj, alone) = verb(&e.sub_event_type, e.mode.as_deref());
    let mut s = format!("{}, {} ", date_phrase(e), subject);
    match &e.actor2 {
        Some(b) => s.push_str(&format!("{with_obj} {}", b.name)),
        None => s.push_str(alone),
    }
    let l = &e.location;
    if let Some(n) = &l.name {
        s.push_str(" in ");
        s.push_str(n);
        if let Some(a) = l.admin1.as_ref().filter(|a| *a != n) {
            s.push_str(", ");
            s.push_str(a);
        }
        if let Some(c) = l.country.as_deref().and_then(countries::by_iso2) {
            if &c.name != n {
                s.push_str(", ");
                s.push_str(&c.name);
            }
        }
    }
    match e.status.as_str() {
        "planned" => s.push_str(" (planned)"),
        "ongoing" => s.push_str(" (ongoing)"),
        _ => {}
    }
    if let Some(f) = &e.fatalities {
        let n = match f.max {
            Some(m) if m != f.min => format!("{}-{}", f.min, m),
            Some(_) => f.min.to_string(),
            None => format!("at least {}", f.min),
        };
        s.push_str(&format!(", with {n} reported {}", if f.min == 1 && f.max == Some(1) { "fatality" } else { "fatalities" }));
    }
    s.push('.');
    s
}

fn count_str(min: u64, max: Option<u64>, approx: bool) -> String {
    let n = match max {
        Some(m) if m == min => min.to_string(),
        Some(m) => format!("{min}-{m}"),
        None => format!("{min}+"),
    };
    if approx { format!("~{n}") } else { n }
}

pub fn tags(e: &Event) -> String {
    let mut t = Vec::new();
    if let Some(m) = &e.mode {
        t.push(format!("mode={m}"));
    }
    t.push(format!("status={}", e.status));
    t.push(format!("confidence={:.2}", e.confidence));
    for q in &e.quantities {
        t.push(format!("{}={}", q.what, count_str(q.min, q.max, q.approximate)));
    }
    t.join("; ")
}

fn source_field(e: &Event, a: &ArticleRef) -> String {
    let mut names: Vec<&str> = Vec::new();
    for s in &e.sources {
        if matches!(s.kind.as_str(), "media" | "organization") && !names.contains(&s.name.as_str()) {
            names.push(&s.name);
        }
    }
    if let Some(src) = &a.source {
        if !names.contains(&src.as_str()) {
            names.push(src);
        }
    }
    names.join("; ")
}

/// One ACLED row (see [`ACLED_COLUMNS`]). `running` numbers events per country.
pub fn acled_row(e: &Event, a: &ArticleRef, running: &mut HashMap<String, u64>, timestamp: i64) -> Vec<String> {
    let country = e.location.country.as_deref().and_then(countries::by_iso2);
    let id = match country {
        Some(c) => {
            let n = running.entry(c.iso3.clone()).or_insert(0);
            *n += 1;
            format!("{}{}", c.iso3, n)
        }
        None => e.id.clone(),
    };
    let (date, tp) = event_date(e);
    let k1 = e.actor1.as_ref().map(|a| a.kind.as_str());
    let k2 = e.actor2.as_ref().map(|a| a.kind.as_str());
    let (i1, i2) = (inter_code(k1, &e.event_type), inter_code(k2, &e.event_type));
    let opt = |x: Option<String>| x.unwrap_or_default();
    let l = &e.location;
    let coords = l.precision != "unknown";
    vec![
        id,
        opt(date.map(|d| d.format("%Y-%m-%d").to_string())),
        opt(date.map(|d| d.format("%Y").to_string())),
        opt(tp.map(|x| x.to_string())),
        disorder_type(&e.event_type).to_string(),
        e.event_type.clone(),
        e.sub_event_type.clone(),
        opt(e.actor1.as_ref().map(|a| a.name.clone())),
        String::new(),
        if e.actor1.is_some() { i1.to_string() } else { "0".into() },
        opt(e.actor2.as_ref().map(|a| a.name.clone())),
        String::new(),
        if e.actor2.is_some() { i2.to_string() } else { "0".into() },
        interaction(i1, i2),
        if k2 == Some("civilians") { "Civilian targeting".into() } else { String::new() },
        opt(country.map(|c| c.numeric.trim_start_matches('0').to_string())),
        opt(country.map(|c| c.region.clone())),
        opt(country.map(|c| c.name.clone())),
        opt(l.admin1.clone()),
        String::new(),
        String::new(),
        opt(l.name.clone()),
        if coords { opt(l.lat.map(|x| format!("{x:.4}"))) } else { String::new() },
        if coords { opt(l.lon.map(|x| format!("{x:.4}"))) } else { String::new() },
        opt(geo_precision(&l.precision).map(|x| x.to_string())),
        source_field(e, a),
        String::new(),
        notes(e),
        e.fatalities.as_ref().map(|f| f.min).unwrap_or(0).to_string(),
        tags(e),
        timestamp.to_string(),
    ]
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

pub fn write_csv(store: &Store, f: &Filter, out: impl Write) -> Result<usize> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(ACLED_COLUMNS)?;
    let mut running = HashMap::new();
    let ts = now();
    let n = store.for_each_event(f, |a, e| {
        w.write_record(acled_row(e, a, &mut running, ts))?;
        Ok(())
    })?;
    w.flush()?;
    Ok(n)
}

/// Flat properties of an event (GeoJSON, tables).
pub fn flat(e: &Event, a: &ArticleRef) -> serde_json::Value {
    let a1 = e.actor1.as_ref();
    let a2 = e.actor2.as_ref();
    serde_json::json!({
        "id": e.id,
        "article_id": a.id,
        "article_title": a.title,
        "article_source": a.source,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "mode": e.mode,
        "status": e.status,
        "actor1": a1.map(|x| &x.name),
        "actor1_kind": a1.map(|x| &x.kind),
        "actor1_country": a1.and_then(|x| x.country.as_ref()),
        "actor2": a2.map(|x| &x.name),
        "actor2_kind": a2.map(|x| &x.kind),
        "actor2_country": a2.and_then(|x| x.country.as_ref()),
        "location": e.location.name,
        "location_ar": e.location.name_ar,
        "admin1": e.location.admin1,
        "country": e.location.country,
        "geo_precision": e.location.precision,
        "date_start": e.date.start,
        "date_end": e.date.end,
        "date_precision": e.date.precision,
        "fatalities_min": e.fatalities.as_ref().map(|f| f.min),
        "fatalities_max": e.fatalities.as_ref().and_then(|f| f.max),
        "confidence": e.confidence,
        "notes": notes(e),
    })
}

pub fn write_geojson(store: &Store, f: &Filter, mut out: impl Write) -> Result<usize> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut n = 0;
    store.for_each_event(f, |a, e| {
        if let (Some(lat), Some(lon)) = (e.location.lat, e.location.lon) {
            let feat = serde_json::json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": flat(e, a),
            });
            if n > 0 {
                out.write_all(b",")?;
            }
            out.write_all(b"\n")?;
            serde_json::to_writer(&mut out, &feat)?;
            n += 1;
        }
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(n)
}

/// marsad/1 records. Without filters every article is written (also those without
/// events); with filters, the articles having matching events, with those events only.
/// `with_text` adds the article's `text` field (as gold files do).
pub fn write_jsonl(store: &Store, f: &Filter, with_text: bool, mut out: impl Write) -> Result<usize> {
    let (w, p) = f.where_sql();
    // Anonymous placeholders are numbered in order of appearance: the with_text flag in
    // the SELECT list comes first, then the filter's.
    let sql = format!(
        "SELECT a.aid, a.id, a.date, a.source, a.url, a.title, a.warnings, e.json, CASE WHEN ? THEN a.text END \
         FROM articles a LEFT JOIN events e ON e.aid = a.aid WHERE {w} ORDER BY a.aid, e.seq"
    );
    let mut params: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Integer(with_text as i64)];
    params.extend(p);
    let mut st = store.conn.prepare(&sql)?;
    let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
    let mut cur: Option<(i64, Record, Option<String>)> = None;
    let mut n = 0;
    let emit = |r: (i64, Record, Option<String>), out: &mut dyn Write| -> Result<()> {
        // Field order as in the spec; `text` (when asked for) goes last, as in gold files.
        let mut line = serde_json::to_string(&r.1)?;
        if let Some(t) = r.2 {
            line.pop();
            line.push_str(",\"text\":");
            line.push_str(&serde_json::to_string(&t)?);
            line.push('}');
        }
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    };
    while let Some(r) = rows.next()? {
        let aid: i64 = r.get(0)?;
        if cur.as_ref().map_or(true, |c| c.0 != aid) {
            if let Some(c) = cur.take() {
                emit(c, &mut out)?;
                n += 1;
            }
            let meta = ArticleMeta { id: r.get(1)?, date: r.get(2)?, source: r.get(3)?, url: r.get(4)?, title: r.get(5)? };
            let warnings: Vec<String> = serde_json::from_str(&r.get::<_, String>(6)?)?;
            cur = Some((aid, Record { format: FORMAT.to_string(), article: meta, events: Vec::new(), warnings }, r.get(8)?));
        }
        if let Some(j) = r.get::<_, Option<String>>(7)? {
            cur.as_mut().expect("current record").1.events.push(serde_json::from_str(&j)?);
        }
    }
    if let Some(c) = cur.take() {
        emit(c, &mut out)?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

