//! Writing records: [`prepare`] does the CPU work (hash, fold, JSON) and may run on many
//! threads; [`Store::write_batch`] is the single writer, one transaction per batch.

use crate::{fts, hash_hex, Result, Store};
use marsad_core::format::{ArticleMeta, Event, Record};
use rusqlite::{params, OptionalExtension};

/// One article ready to be written.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub meta: ArticleMeta,
    pub text: Option<String>,
    pub text_hash: String,
    pub version: String,
    pub warnings: Vec<String>,
    pub events: Vec<Event>,
    pub events_json: Vec<String>,
    pub index_body: String,
}

/// Prepare a record for writing. `text` is the article text (None for a record that came
/// without one); `version` the engine version that coded it (see [`crate::engine_version`]).
/// A record ingested as-is (already extracted elsewhere) should pass a version derived
/// from its events, e.g. [`record_version`].
pub fn prepare(rec: Record, text: Option<String>, version: String) -> Prepared {
    let events_json = rec.events.iter().map(|e| serde_json::to_string(e).expect("events serialize")).collect();
    prepare_with_json(rec, text, version, events_json)
}

/// [`prepare`] with the events already serialized (one string per event, same order).
pub fn prepare_with_json(rec: Record, text: Option<String>, version: String, events_json: Vec<String>) -> Prepared {
    let text_hash = hash_hex(text.as_deref().unwrap_or("").as_bytes());
    let index_body = index_body_of(text.as_deref(), rec.article.title.as_deref());
    Prepared { meta: rec.article, text, text_hash, version, warnings: rec.warnings, events: rec.events, events_json, index_body }
}

/// The full-text index body of an article: its title and text, folded (see [`fts::index_body`]).
pub fn index_body_of(text: Option<&str>, title: Option<&str>) -> String {
    match (text, title) {
        (Some(t), Some(title)) => fts::index_body(&format!("{title}\n{t}")),
        (Some(t), None) => fts::index_body(t),
        (None, Some(title)) => fts::index_body(title),
        (None, None) => String::new(),
    }
}

/// Version string for a record that was extracted elsewhere (a gold file, another run):
/// changes whenever its events or warnings change, so an edited record replaces the old.
pub fn record_version(rec: &Record) -> String {
    let ev: Vec<String> = rec.events.iter().map(|e| serde_json::to_string(e).expect("events serialize")).collect();
    record_version_json(rec, &ev)
}

/// [`record_version`] from the events already serialized.
pub fn record_version_json(rec: &Record, events_json: &[String]) -> String {
    let mut h = crate::hash64(serde_json::to_string(&(&rec.warnings, &rec.article)).expect("records serialize").as_bytes());
    for j in events_json {
        h = (h ^ crate::hash64(j.as_bytes())).wrapping_mul(0x100000001b3);
    }
    format!("record:{h:016x}")
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchStats {
    pub inserted: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub events: usize,
}

impl BatchStats {
    pub fn add(&mut self, o: BatchStats) {
        self.inserted += o.inserted;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.events += o.events;
    }
    pub fn articles(&self) -> usize {
        self.inserted + self.replaced + self.unchanged
    }
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

impl Store {
    /// Is this article already stored with this text hash and version? (Lets the caller
    /// skip extraction of unchanged articles on a rerun.)
    pub fn is_current(&self, id: &str, text_hash: &str, version: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE id = ?1 AND text_hash = ?2 AND engine_version = ?3")?;
        Ok(st.exists(params![id, text_hash, version])?)
    }

    /// Write a batch in one transaction. Within a batch, a later item with the same
    /// article id wins.
    pub fn write_batch(&mut self, items: &[Prepared]) -> Result<BatchStats> {
        let mut stats = BatchStats::default();
        let tx = self.conn.transaction()?;
        {
            let mut sel = tx.prepare_cached("SELECT aid, text_hash, engine_version FROM articles WHERE id = ?1")?;
            let mut del_ev = tx.prepare_cached("DELETE FROM events WHERE aid = ?1")?;
            let mut del_fts = tx.prepare_cached("DELETE FROM article_fts WHERE rowid = ?1")?;
            let mut upd = tx.prepare_cached(
                "UPDATE articles SET date=?2, source=?3, url=?4, title=?5, text=?6, text_hash=?7, engine_version=?8, warnings=?9, n_events=?10, ingested_at=?11 WHERE aid=?1",
            )?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO articles (id, date, source, url, title, text, text_hash, engine_version, warnings, n_events, ingested_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
            )?;
            let mut ins_fts = tx.prepare_cached("INSERT INTO article_fts (rowid, body) VALUES (?1, ?2)")?;
            let mut ins_ev = tx.prepare_cached(
                "INSERT INTO events (aid, seq, id, event_type, sub_event_type, mode, status, \
                 actor1_name, actor1_name_ar, actor1_kind, actor1_country, actor2_name, actor2_name_ar, actor2_kind, actor2_country, \
                 loc_name, loc_name_ar, lat, lon, loc_country, admin1, loc_precision, date_start, date_end, date_precision, \
                 fatalities_min, fatalities_max, confidence, json) \
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28,?29)",
            )?;
            let ts = now();
            // (aid, seq, event, its JSON) of every event to insert, written after the articles.
            let mut rows: Vec<(i64, usize, &Event, &String)> = Vec::new();
            let mut pending: std::collections::HashSet<i64> = std::collections::HashSet::new();
            for p in items {
                let m = &p.meta;
                let warnings = serde_json::to_string(&p.warnings)?;
                let existing: Option<(i64, String, String)> =
                    sel.query_row(params![m.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()?;
                let aid = match existing {
                    Some((_, h, v)) if h == p.text_hash && v == p.version => {
                        stats.unchanged += 1;
                        continue;
                    }
                    Some((aid, _, _)) => {
                        del_ev.execute(params![aid])?;
                        // The same id earlier in this batch: its events are not written yet.
                        if pending.contains(&aid) {
                            rows.retain(|r| r.0 != aid);
                        }
                        del_fts.execute(params![aid])?;
                        upd.execute(params![aid, m.date, m.source, m.url, m.title, p.text, p.text_hash, p.version, warnings, p.events.len() as i64, ts])?;
                        stats.replaced += 1;
                        aid
                    }
                    None => {
                        ins.execute(params![m.id, m.date, m.source, m.url, m.title, p.text, p.text_hash, p.version, warnings, p.events.len() as i64, ts])?;
                        stats.inserted += 1;
                        tx.last_insert_rowid()
                    }
                };
                if !p.index_body.is_empty() {
                    ins_fts.execute(params![aid, p.index_body])?;
                }
                if !p.events.is_empty() {
                    pending.insert(aid);
                }
                rows.extend(p.events.iter().zip(&p.events_json).enumerate().map(|(seq, (e, j))| (aid, seq, e, j)));
            }
            // Events go in in start-date order (a stable sort: events of the same date keep
            // the batch's order). Their rowids (eid) then rise with the date within the
            // batch, which changes no query: every listing is ordered by (date_start, eid),
            // and for one date eid order is batch order as before. Inserting in date order
            // walks each date-suffixed index (date; type, subtype and country by date)
            // forward instead of jumping to a random leaf for every event.
            rows.sort_by(|a, b| a.2.date.start.cmp(&b.2.date.start));
            for &(aid, seq, e, j) in &rows {
                let a1 = e.actor1.as_ref();
                let a2 = e.actor2.as_ref();
                let l = &e.location;
                ins_ev.execute(params![
                    aid,
                    seq as i64,
                    e.id,
                    e.event_type,
                    e.sub_event_type,
                    e.mode,
                    e.status,
                    a1.map(|a| &a.name),
                    a1.map(|a| &a.name_ar),
                    a1.map(|a| &a.kind),
                    a1.and_then(|a| a.country.as_ref()),
                    a2.map(|a| &a.name),
                    a2.map(|a| &a.name_ar),
                    a2.map(|a| &a.kind),
                    a2.and_then(|a| a.country.as_ref()),
                    l.name,
                    l.name_ar,
                    l.lat,
                    l.lon,
                    l.country,
                    l.admin1,
                    l.precision,
                    e.date.start,
                    e.date.end,
                    e.date.precision,
                    e.fatalities.as_ref().map(|f| f.min as i64),
                    e.fatalities.as_ref().and_then(|f| f.max).map(|x| x as i64),
                    e.confidence,
                    j,
                ])?;
                stats.events += 1;
            }
            if stats.inserted + stats.replaced > 0 {
                tx.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'", [])?;
            }
        }
        tx.commit()?;
        Ok(stats)
    }
}
