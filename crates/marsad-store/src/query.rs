//! Reading: filters, event and article search, one article with its events, aggregates.
//! SQL text is assembled only from constant fragments; every user value is a bound
//! parameter.

use crate::{countries, fts, Error, Result, Store};
use marsad_core::format::{ArticleMeta, Event};
use rusqlite::types::Value;
use rusqlite::OptionalExtension;
use serde::Serialize;

/// Event filters shared by `search`, `export` and the API. Empty strings mean "no filter".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Full-text query over article text (Arabic-aware, see [`crate::fts`]).
    pub text: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub mode: Option<String>,
    /// Substring of actor1 or actor2 name (English or Arabic), case-insensitive.
    pub actor: Option<String>,
    /// Substring of the location name (English or Arabic) or its admin1.
    pub place: Option<String>,
    /// ISO2, ISO3 or a country name (English or Arabic).
    pub country: Option<String>,
    /// YYYY-MM-DD; events whose start date is in [from, to].
    pub from: Option<String>,
    pub to: Option<String>,
    /// minlon, minlat, maxlon, maxlat
    pub bbox: Option<[f64; 4]>,
    /// Only events of this article.
    pub article: Option<String>,
}

fn nonempty(o: &Option<String>) -> Option<&str> {
    o.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Check a YYYY-MM-DD date.
pub fn parse_day(what: &str, s: &str) -> Result<String> {
    let s = s.trim();
    match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if s.len() == 10 => Ok(d.format("%Y-%m-%d").to_string()),
        _ => Err(Error::Invalid(format!("{what}: {s:?} is not a date (YYYY-MM-DD)"))),
    }
}

/// Parse "minlon,minlat,maxlon,maxlat".
pub fn parse_bbox(s: &str) -> Result<[f64; 4]> {
    let bad = || Error::Invalid(format!("bbox: {s:?} is not minlon,minlat,maxlon,maxlat in degrees"));
    let parts: Vec<f64> = s.split(',').map(|p| p.trim().parse::<f64>()).collect::<std::result::Result<_, _>>().map_err(|_| bad())?;
    if parts.len() != 4 || parts.iter().any(|x| !x.is_finite()) {
        return Err(bad());
    }
    let b = [parts[0], parts[1], parts[2], parts[3]];
    if !(-180.0..=180.0).contains(&b[0]) || !(-180.0..=180.0).contains(&b[2]) || !(-90.0..=90.0).contains(&b[1]) || !(-90.0..=90.0).contains(&b[3]) {
        return Err(Error::Invalid(format!("bbox: {s:?} is out of range (lon -180..180, lat -90..90)")));
    }
    if b[0] > b[2] || b[1] > b[3] {
        return Err(Error::Invalid(format!("bbox: {s:?} has min greater than max")));
    }
    Ok(b)
}

/// The ontology's event types (shared/spec/ontology.md).
pub const EVENT_TYPES: &[&str] = &["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];

pub const SUB_EVENT_TYPES: &[&str] = &[
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon", "Air/drone strike",
    "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack",
    "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence", "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
];

/// The ontology's spelling of a type given in any case; other values are kept as given.
fn canonical(list: &[&str], v: &str) -> String {
    let t = v.trim();
    list.iter().find(|c| c.eq_ignore_ascii_case(t)).map(|c| c.to_string()).unwrap_or_else(|| t.to_string())
}

fn like_pattern(s: &str) -> String {
    let mut p = String::from("%");
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

impl Filter {
    /// Validate and normalize (dates, country). Call before querying.
    pub fn validate(&mut self) -> Result<()> {
        if let Some(f) = nonempty(&self.from) {
            self.from = Some(parse_day("from", f)?);
        }
        if let Some(t) = nonempty(&self.to) {
            self.to = Some(parse_day("to", t)?);
        }
        if let (Some(f), Some(t)) = (nonempty(&self.from), nonempty(&self.to)) {
            if f > t {
                return Err(Error::Invalid(format!("from {f} is after to {t}")));
            }
        }
        self.event_type = self.event_type.take().map(|v| canonical(EVENT_TYPES, &v));
        self.sub_event_type = self.sub_event_type.take().map(|v| canonical(SUB_EVENT_TYPES, &v));
        self.mode = self.mode.take().map(|v| v.trim().to_lowercase());
        for (name, v) in [("type", &self.event_type), ("subtype", &self.sub_event_type), ("mode", &self.mode), ("actor", &self.actor), ("place", &self.place), ("country", &self.country), ("q", &self.text)] {
            if v.as_ref().map_or(false, |s| s.len() > 500) {
                return Err(Error::Invalid(format!("{name}: longer than 500 bytes")));
            }
        }
        Ok(())
    }

    /// Is the full-text query the only filter?
    pub fn text_only(&self) -> bool {
        let Filter { text, event_type, sub_event_type, mode, actor, place, country, from, to, bbox, article } = self;
        nonempty(text).is_some()
            && [event_type, sub_event_type, mode, actor, place, country, from, to, article].iter().all(|v| nonempty(v).is_none())
            && bbox.is_none()
    }

    /// WHERE clause (over `events e`) and its parameters.
    pub fn where_sql(&self) -> (String, Vec<Value>) {
        self.where_sql_plan(false)
    }

    /// `text_dense`: the text query matches many articles, so walk events in date order and
    /// test membership (unary "+" keeps the planner off the article index); otherwise look
    /// the few matching articles' events up directly.
    pub fn where_sql_plan(&self, text_dense: bool) -> (String, Vec<Value>) {
        let mut w: Vec<&'static str> = Vec::new();
        let mut p: Vec<Value> = Vec::new();
        if let Some(q) = nonempty(&self.text) {
            match fts::match_expr(q) {
                Some(m) => {
                    w.push(if text_dense {
                        "+e.aid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
                    } else {
                        "e.aid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
                    });
                    p.push(Value::Text(m));
                }
                None => w.push("0"),
            }
        }
        // Types are matched case-insensitively by mapping to the ontology's spelling
        // first (see `validate`), so the comparison here can use the indexes.
        if let Some(v) = nonempty(&self.event_type) {
            // With a subtype, its index (events_subtype) is the selective one; unary "+"
            // keeps the planner from the broader type index.
            w.push(if nonempty(&self.sub_event_type).is_some() { "+e.event_type = ?" } else { "e.event_type = ?" });
            p.push(Value::Text(v.to_string()));
        }
        if let Some(v) = nonempty(&self.sub_event_type) {
            w.push("e.sub_event_type = ?");
            p.push(Value::Text(v.to_string()));
        }
        if let Some(v) = nonempty(&self.mode) {
            w.push("e.mode = ?");
            p.push(Value::Text(v.to_string()));
        }
        if let Some(v) = nonempty(&self.actor) {
            w.push("(e.actor1_name LIKE ?1x ESCAPE '\\' OR e.actor1_name_ar LIKE ?1x ESCAPE '\\' OR e.actor2_name LIKE ?1x ESCAPE '\\' OR e.actor2_name_ar LIKE ?1x ESCAPE '\\')");
            let pat = like_pattern(v);
            for _ in 0..4 {
                p.push(Value::Text(pat.clone()));
            }
        }
        if let Some(v) = nonempty(&self.place) {
            w.push("(e.loc_name LIKE ?1x ESCAPE '\\' OR e.loc_name_ar LIKE ?1x ESCAPE '\\' OR e.admin1 LIKE ?1x ESCAPE '\\')");
            let pat = like_pattern(v);
            for _ in 0..3 {
                p.push(Value::Text(pat.clone()));
            }
        }
        if let Some(v) = nonempty(&self.country) {
            w.push("e.loc_country = ?");
            p.push(Value::Text(countries::resolve(v).unwrap_or_else(|| v.to_uppercase())));
        }
        // Dates filter on the event's start date, so both bounds use the date index.
        if let Some(v) = nonempty(&self.from) {
            w.push("e.date_start >= ?");
            p.push(Value::Text(v.to_string()));
        }
        if let Some(v) = nonempty(&self.to) {
            w.push("e.date_start <= ?");
            p.push(Value::Text(v.to_string()));
        }
        if let Some(b) = self.bbox {
            // Unary "+" keeps the planner on the date index (newest first, stop at the
            // page): a wide box matches much of the table, and sorting its matches would
            // cost far more than scanning until the page is full.
            w.push("+e.lon BETWEEN ? AND ? AND +e.lat BETWEEN ? AND ?");
            p.extend([Value::Real(b[0]), Value::Real(b[2]), Value::Real(b[1]), Value::Real(b[3])]);
        }
        if let Some(v) = nonempty(&self.article) {
            w.push("e.aid = (SELECT aid FROM articles WHERE id = ?)");
            p.push(Value::Text(v.to_string()));
        }
        let sql = if w.is_empty() { String::from("1") } else { w.join(" AND ") };
        // "?1x" above marks a repeated placeholder; every occurrence is its own "?" with
        // its own (identical) parameter pushed above.
        (sql.replace("?1x", "?"), p)
    }
}

/// Paging.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Default for Page {
    fn default() -> Self {
        Page { limit: 50, offset: 0 }
    }
}

/// The article an event belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub article: ArticleRef,
    pub event: Event,
}

/// An article with its text and events.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    pub article: ArticleMeta,
    pub text: Option<String>,
    pub engine_version: String,
    pub warnings: Vec<String>,
    pub events: Vec<Event>,
}

/// An article hit of a text search.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleHit {
    pub id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub n_events: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Aggregate {
    pub key: Option<String>,
    pub events: i64,
    pub fatalities: i64,
}

/// Counting stops here; above it the API says "at least".
pub const COUNT_CAP: usize = 1_000;

const EVENT_COLS: &str = "a.id, a.date, a.source, a.title, e.json";

/// Above this many matching articles a text query is "dense" (see `where_sql_plan`).
const DENSE_ARTICLES: i64 = 2_000;

impl Store {
    /// Does the filter's text query match many articles?
    fn text_dense(&self, f: &Filter) -> Result<bool> {
        let Some(m) = nonempty(&f.text).and_then(fts::match_expr) else { return Ok(false) };
        let mut st = self.conn.prepare_cached("SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 LIMIT ?2)")?;
        let n: i64 = st.query_row(rusqlite::params![m, DENSE_ARTICLES + 1], |r| r.get(0))?;
        Ok(n > DENSE_ARTICLES)
    }

    /// Events matching the filter, newest first.
    pub fn events(&self, f: &Filter, page: Page) -> Result<Vec<EventRow>> {
        let (w, mut p) = f.where_sql_plan(self.text_dense(f)?);
        let sql = format!(
            "SELECT {EVENT_COLS} FROM events e JOIN articles a ON a.aid = e.aid WHERE {w} ORDER BY e.date_start DESC, e.eid DESC LIMIT ? OFFSET ?"
        );
        p.push(Value::Integer(page.limit as i64));
        p.push(Value::Integer(page.offset as i64));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(p.iter()), |r| {
            Ok((ArticleRef { id: r.get(0)?, date: r.get(1)?, source: r.get(2)?, title: r.get(3)? }, r.get::<_, String>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (article, json) = row?;
            out.push(EventRow { article, event: serde_json::from_str(&json)? });
        }
        Ok(out)
    }

    /// Visit every matching event (exports), oldest first, without holding them all.
    pub fn for_each_event(&self, f: &Filter, mut visit: impl FnMut(&ArticleRef, &Event) -> Result<()>) -> Result<usize> {
        let (w, p) = f.where_sql();
        let sql = format!("SELECT {EVENT_COLS} FROM events e JOIN articles a ON a.aid = e.aid WHERE {w} ORDER BY e.date_start, e.eid");
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(p.iter()))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let a = ArticleRef { id: r.get(0)?, date: r.get(1)?, source: r.get(2)?, title: r.get(3)? };
            let e: Event = serde_json::from_str(&r.get::<_, String>(4)?)?;
            visit(&a, &e)?;
            n += 1;
        }
        Ok(n)
    }

    /// Number of matching events, counted up to [`COUNT_CAP`] + 1.
    pub fn count_events(&self, f: &Filter) -> Result<usize> {
        if f.text_only() {
            // Only a text query: count the matching articles' events straight from the
            // full-text hits, stopping at the cap. `e.aid IN (SELECT rowid ...)` would first
            // copy every hit into a temporary index (13k of them for الموصل in the
            // million-event bench store, most of the time of a `q=` request) and the dense
            // plan then also walked events to probe it. Same count: each event is counted
            // once, through its article's one hit.
            let Some(m) = nonempty(&f.text).and_then(fts::match_expr) else { return Ok(0) };
            let mut st = self.conn.prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM article_fts CROSS JOIN events e ON e.aid = article_fts.rowid \
                 WHERE article_fts MATCH ?1 LIMIT ?2)",
            )?;
            let n: i64 = st.query_row(rusqlite::params![m, COUNT_CAP as i64 + 1], |r| r.get(0))?;
            return Ok(n as usize);
        }
        let (w, mut p) = f.where_sql_plan(self.text_dense(f)?);
        let sql = format!("SELECT count(*) FROM (SELECT 1 FROM events e WHERE {w} LIMIT ?)");
        p.push(Value::Integer(COUNT_CAP as i64 + 1));
        let mut st = self.conn.prepare_cached(&sql)?;
        let n: i64 = st.query_row(rusqlite::params_from_iter(p.iter()), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Articles matching a text query, newest first.
    pub fn search_articles(&self, query: &str, page: Page) -> Result<Vec<ArticleHit>> {
        let Some(m) = fts::match_expr(query) else { return Ok(Vec::new()) };
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.date, a.source, a.title, a.n_events FROM articles a \
             WHERE a.aid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?1) \
             ORDER BY a.date DESC, a.aid DESC LIMIT ?2 OFFSET ?3",
        )?;
        let rows = st.query_map(rusqlite::params![m, page.limit as i64, page.offset as i64], |r| {
            Ok(ArticleHit { id: r.get(0)?, date: r.get(1)?, source: r.get(2)?, title: r.get(3)?, n_events: r.get(4)? })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One article with its text and events (None when unknown).
    pub fn article(&self, id: &str) -> Result<Option<ArticleRow>> {
        let mut st = self.conn.prepare_cached("SELECT aid, id, date, source, url, title, text, engine_version, warnings FROM articles WHERE id = ?1")?;
        let row = st
            .query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    ArticleMeta { id: r.get(1)?, date: r.get(2)?, source: r.get(3)?, url: r.get(4)?, title: r.get(5)? },
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                ))
            })
            .optional()?;
        let Some((aid, article, text, engine_version, warnings)) = row else { return Ok(None) };
        let mut st = self.conn.prepare_cached("SELECT json FROM events WHERE aid = ?1 ORDER BY seq")?;
        let events = st
            .query_map([aid], |r| r.get::<_, String>(0))?
            .map(|j| Ok(serde_json::from_str::<Event>(&j?)?))
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(ArticleRow { article, text, engine_version, warnings: serde_json::from_str(&warnings)?, events }))
    }

    /// Event counts and fatalities grouped by `day`, `type`, `country` or `actor` (actor1
    /// or actor2). Days come in date order; the others by count, top `limit`.
    pub fn aggregate(&self, by: &str, f: &Filter, limit: usize) -> Result<Vec<Aggregate>> {
        let (w, mut p) = f.where_sql();
        let sql = match by {
            "day" => format!("SELECT e.date_start AS k, count(*), coalesce(sum(e.fatalities_min),0) FROM events e WHERE {w} GROUP BY k ORDER BY k LIMIT ?"),
            "type" => format!("SELECT e.event_type AS k, count(*), coalesce(sum(e.fatalities_min),0) FROM events e WHERE {w} GROUP BY k ORDER BY 2 DESC, k LIMIT ?"),
            "country" => format!("SELECT e.loc_country AS k, count(*), coalesce(sum(e.fatalities_min),0) FROM events e WHERE {w} GROUP BY k ORDER BY 2 DESC, k LIMIT ?"),
            "actor" => {
                let (w2, p2) = f.where_sql();
                p.extend(p2);
                format!(
                    "SELECT k, count(*), coalesce(sum(fm),0) FROM (\
                     SELECT e.actor1_name AS k, e.fatalities_min AS fm FROM events e WHERE {w} AND e.actor1_name IS NOT NULL \
                     UNION ALL SELECT e.actor2_name AS k, e.fatalities_min AS fm FROM events e WHERE {w2} AND e.actor2_name IS NOT NULL) \
                     GROUP BY k ORDER BY 2 DESC, k LIMIT ?"
                )
            }
            other => return Err(Error::Invalid(format!("by: {other:?} is not one of day, type, country, actor"))),
        };
        p.push(Value::Integer(limit as i64));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(p.iter()), |r| Ok(Aggregate { key: r.get(0)?, events: r.get(1)?, fatalities: r.get(2)? }))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
