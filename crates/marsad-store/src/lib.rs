//! marsad-store: the observatory's memory. `marsad/1` records in one SQLite file, with an
//! Arabic-aware full-text index and ACLED-compatible exports. See README.md.

pub mod countries;
pub mod export;
pub mod fts;
pub mod ingest;
pub mod query;
pub mod schema;
pub mod write;

pub use query::{Aggregate, ArticleRow, EventRow, Filter, Page};
pub use write::{prepare, BatchStats, Prepared};

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// A bad parameter from the user (a date, a bbox, a limit): the message says which.
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Default database file.
pub const DEFAULT_DB: &str = "marsad.db";

/// The version string stored with every article: the engine crate's version plus a hash
/// of its lexicons (given by the caller). Articles coded under another string are re-coded
/// on the next ingest. All workspace crates share one version, so ours is marsad-core's.
pub fn engine_version(lexicon_hash: &str) -> String {
    if lexicon_hash.is_empty() {
        format!("marsad-core/{}", env!("CARGO_PKG_VERSION"))
    } else {
        format!("marsad-core/{}+{}", env!("CARGO_PKG_VERSION"), lexicon_hash)
    }
}

/// FNV-1a 64: a stable, dependency-free content hash for change detection (not security).
pub fn hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

pub fn hash_hex(bytes: &[u8]) -> String {
    format!("{:016x}", hash64(bytes))
}

/// A connection to the store.
pub struct Store {
    pub conn: Connection,
}

/// Page size of a new store file (existing files keep theirs). 8 KiB: an event row is
/// ~1.3 KB, so 4 KiB pages wasted much of each page and doubled the b-tree work; 16 and
/// 32 KiB measured no faster and make each random index update write more to the WAL.
const PAGE_SIZE: i64 = 8192;

/// Turn off SQLite's memory statistics before the first connection is opened. With them
/// on (the default), every allocation SQLite makes takes a process-wide mutex to keep the
/// counts that `sqlite3_memory_used` reports, which nothing here reads; the FTS5 term
/// hash of a bulk write allocates per term. Must run before SQLite initializes; later
/// it is refused (SQLITE_MISUSE) and changes nothing, so calling it first in every
/// opening function is enough.
fn sqlite_global_config() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config is called before any other SQLite use in this process
        // (or is refused with SQLITE_MISUSE); SQLITE_CONFIG_MEMSTATUS takes one int.
        unsafe {
            rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::os::raw::c_int);
        }
    });
}

/// Bytes of the file read through a memory map instead of read() calls (SQLite's own
/// ceiling, SQLITE_MAX_MMAP_SIZE, is just under 2 GiB). At 256 MB a million-event store
/// (~3 GB) was mostly read with pread: the writer, whose index and FTS pages are spread
/// over the whole file, spent 3-4 s more CPU per 240,000-article bench ingest (two paired
/// runs: 30.6 vs 33.4 s and 29.1 vs 33.5 s). Address space only; pages are the OS's cache.
const MMAP_SIZE: i64 = 2_147_418_112;

fn pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // The writer deletes an article's events itself before replacing them, so the
    // declared foreign key needs no per-row check (it costs ~10-30% of ingest time).
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -65536)?; // 64 MB
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    Ok(())
}

impl Store {
    /// Open (creating if needed) and migrate to the current schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        sqlite_global_config();
        let conn = Connection::open(path)?;
        // A new, empty file: choose the page size before anything is written (it cannot
        // change once the file is in WAL mode).
        let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
        if pages == 0 {
            conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        }
        pragmas(&conn)?;
        schema::migrate(&conn)?;
        Ok(Store { conn })
    }

    /// Open an existing store for reading only (the server's pool). Fails if the file
    /// does not exist or its schema is older than this build's.
    pub fn open_read(path: impl AsRef<Path>) -> Result<Store> {
        sqlite_global_config();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "cache_size", -32768)?;
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if v != schema::VERSION {
            return Err(Error::Invalid(format!("store schema version {v}, this build needs {}: run `marsad ingest` once to migrate", schema::VERSION)));
        }
        Ok(Store { conn })
    }

    /// In-memory store (tests).
    pub fn memory() -> Result<Store> {
        sqlite_global_config();
        let conn = Connection::open_in_memory()?;
        schema::migrate(&conn)?;
        Ok(Store { conn })
    }

    /// A counter bumped by every committed write batch (for caches).
    pub fn generation(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| r.get(0))?)
    }

    pub fn counts(&self) -> Result<(i64, i64)> {
        let a = self.conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let e = self.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
        Ok((a, e))
    }
}

/// A background thread that checkpoints the WAL of a store file (PRAGMA
/// wal_checkpoint(PASSIVE), every `every`) on its own connection, so that a bulk writer
/// does not copy its pages into the database file itself: that copy was a fifth of the
/// writer's time. PASSIVE never blocks the writer or readers, and a checkpoint is
/// SQLite's own crash-safe operation: durability of committed transactions is unchanged.
/// The writer keeps its own (larger) autocheckpoint as a bound on the WAL's size in case
/// this thread falls behind. Stops (after one last checkpoint) when dropped.
pub struct Checkpointer {
    stop: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Checkpointer {
    pub fn start(path: impl AsRef<Path>, every: std::time::Duration) -> Result<Checkpointer> {
        sqlite_global_config();
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_millis(100))?;
        let stop = std::sync::Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let s2 = stop.clone();
        let handle = std::thread::Builder::new().name("marsad-checkpoint".into()).spawn(move || {
            let (lock, cv) = &*s2;
            let mut stopped = lock.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                let (g, _) = cv.wait_timeout(stopped, every).unwrap_or_else(|e| e.into_inner());
                stopped = g;
                let done = *stopped;
                drop(stopped);
                // Busy or failed: the next round (or the writer's autocheckpoint) retries.
                let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                if done {
                    return;
                }
                stopped = lock.lock().unwrap_or_else(|e| e.into_inner());
            }
        })?;
        Ok(Checkpointer { stop, handle: Some(handle) })
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (lock, cv) = &*self.stop;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
