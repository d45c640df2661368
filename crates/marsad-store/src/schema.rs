//! Schema and migrations, versioned with `PRAGMA user_version`. Each entry of
//! [`MIGRATIONS`] takes the schema from version i to i+1; never edit a shipped one.

use crate::Result;
use rusqlite::Connection;

/// One migration step: SQL, or SQL followed by a Rust step (run in the same transaction).
enum Step {
    Sql(&'static str),
    SqlThen(&'static str, fn(&Connection) -> Result<()>),
}

const MIGRATIONS: &[Step] = &[
    // 0 -> 1
    Step::Sql(r#"
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO meta (key, value) VALUES ('generation', 0);

    CREATE TABLE articles (
        aid            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        date           TEXT,
        source         TEXT,
        url            TEXT,
        title          TEXT,
        text           TEXT,
        text_hash      TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        warnings       TEXT NOT NULL DEFAULT '[]',
        n_events       INTEGER NOT NULL DEFAULT 0,
        ingested_at    INTEGER NOT NULL
    );
    CREATE INDEX articles_date ON articles(date);

    CREATE TABLE events (
        eid             INTEGER PRIMARY KEY,
        aid             INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
        seq             INTEGER NOT NULL,
        id              TEXT NOT NULL,
        event_type      TEXT NOT NULL,
        sub_event_type  TEXT NOT NULL,
        mode            TEXT,
        status          TEXT NOT NULL,
        actor1_name     TEXT, actor1_name_ar TEXT, actor1_kind TEXT, actor1_country TEXT,
        actor2_name     TEXT, actor2_name_ar TEXT, actor2_kind TEXT, actor2_country TEXT,
        loc_name        TEXT, loc_name_ar TEXT, lat REAL, lon REAL,
        loc_country     TEXT, admin1 TEXT, loc_precision TEXT NOT NULL,
        date_start      TEXT, date_end TEXT, date_precision TEXT NOT NULL,
        fatalities_min  INTEGER, fatalities_max INTEGER,
        confidence      REAL,
        json            TEXT NOT NULL,
        UNIQUE (aid, seq)
    );
    CREATE INDEX events_date ON events(date_start, eid);
    CREATE INDEX events_type ON events(event_type, sub_event_type, date_start);
    CREATE INDEX events_type_date ON events(event_type, date_start);
    CREATE INDEX events_country ON events(loc_country, date_start);

    CREATE VIRTUAL TABLE article_fts USING fts5(
        body, content = '', contentless_delete = 1, detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    "#),
    // 1 -> 2: the full-text index is rebuilt with the `ascii` tokenizer. Its bodies are
    // already folded, clitic-stripped keys separated by spaces (see `fts::index_body`),
    // made in the parallel stage of an ingest, so the writer need not run unicode61's
    // per-character category/diacritic tables over them again (~20% of the writer's
    // time). Query keys are made by the same `fold` (see `fts::match_expr`), so matching
    // is unchanged. FTS5 leaf pages grow from 1000 to 4000 bytes (fewer, larger segment
    // writes per commit). The type+subtype index becomes a subtype index (below).
    Step::SqlThen(
        r#"
    DROP TABLE article_fts;
    CREATE VIRTUAL TABLE article_fts USING fts5(
        body, content = '', contentless_delete = 1, detail = none,
        tokenize = 'ascii'
    );
    INSERT INTO article_fts (article_fts, rank) VALUES ('pgsz', 4000);

    -- Subtype queries walk a (sub_event_type, date_start) index and test the type (a
    -- subtype belongs to one type): its keys are half the size of the old
    -- (event_type, sub_event_type, date_start) ones, which every event insert paid for.
    DROP INDEX events_type;
    CREATE INDEX events_subtype ON events(sub_event_type, date_start);
    "#,
        reindex_fts,
    ),
    // 2 -> 3: FTS5 keeps the terms of the transaction being written in an in-memory hash
    // and writes it out as a new segment whenever it passes `hashsize` (1 MB by default),
    // then merges those segments. A 5,000-article ingest batch holds ~2.5 million terms,
    // so the default made ~20 small segments per batch and merged them again and again
    // (sorting, flushing and merging were ~40% of the writer's time). At 64 MB a batch is
    // flushed once, at its commit: one segment per batch. The setting is stored in the
    // table's config (article_fts_config), so every writer connection uses it; it bounds
    // the writer's memory, not what is stored, and matching is unchanged.
    Step::Sql("INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 67108864);"),
];

/// Fill `article_fts` from the stored articles (title and text, as `write::prepare`).
fn reindex_fts(conn: &Connection) -> Result<()> {
    let mut sel = conn.prepare("SELECT aid, title, text FROM articles ORDER BY aid")?;
    let mut ins = conn.prepare("INSERT INTO article_fts (rowid, body) VALUES (?1, ?2)")?;
    let mut rows = sel.query([])?;
    while let Some(r) = rows.next()? {
        let aid: i64 = r.get(0)?;
        let body = crate::write::index_body_of(r.get::<_, Option<String>>(2)?.as_deref(), r.get::<_, Option<String>>(1)?.as_deref());
        if !body.is_empty() {
            ins.execute(rusqlite::params![aid, body])?;
        }
    }
    Ok(())
}

/// The schema version this build writes and reads.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &Connection) -> Result<()> {
    migrate_to(conn, VERSION)
}

/// Migrate up to schema version `target` (at most [`VERSION`]); tests use it to make a
/// store of an older version.
pub fn migrate_to(conn: &Connection, target: i64) -> Result<()> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if v > VERSION {
        return Err(crate::Error::Invalid(format!("store schema version {v} is newer than this build's ({VERSION}); upgrade marsad")));
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(v as usize).take((target.min(VERSION) - v).max(0) as usize) {
        let tx = conn.unchecked_transaction()?;
        match step {
            Step::Sql(sql) => tx.execute_batch(sql)?,
            Step::SqlThen(sql, f) => {
                tx.execute_batch(sql)?;
                f(&tx)?;
            }
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
