//! `marsad ingest`: articles (coded here) or marsad/1 records (coded elsewhere) into the
//! store. Glue over marsad-store; see crates/marsad-store/README.md.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use marsad_core::engine::Engine;
use marsad_input::{Item, Kind};
use marsad_store::ingest::{parse_line, prepare_chunk, Input};
use marsad_store::{BatchStats, Prepared, Store};
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Input files: articles (.jsonl, .txt, .html) or marsad/1 records (.jsonl); stdin when none or "-".
    pub files: Vec<String>,
    /// SQLite database file.
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    pub db: String,
    /// Publication date (YYYY-MM-DD) for plain text and HTML inputs.
    #[arg(long)]
    pub date: Option<String>,
    /// Articles per write transaction (a kill loses at most the one in flight).
    // 10,000: the events' date, type and country index pages are rewritten once per batch,
    // so larger batches cost less per article; 20,000 measured no better (256 MB cache).
    #[arg(long, default_value_t = 10_000)]
    pub batch: usize,
    /// Engine version string to record (default: marsad-core version + lexicon hash).
    #[arg(long)]
    pub engine_version: Option<String>,
    /// Worker threads for extraction (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Code with the lexicons of this directory instead of the embedded ones (as `extract --data`).
    #[arg(long)]
    pub data: Option<String>,
    /// Say nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Read all inputs in order, calling `f` with each parsed input or a rejection message.
pub fn for_each_input(files: &[String], date: Option<&str>, mut f: impl FnMut(std::result::Result<Input, String>) -> Result<()>) -> Result<()> {
    let lines = |r: &mut dyn BufRead, origin: &str, f: &mut dyn FnMut(std::result::Result<Input, String>) -> Result<()>| -> Result<()> {
        let mut buf = Vec::new();
        let mut n = 0usize;
        loop {
            buf.clear();
            if r.read_until(b'\n', &mut buf).with_context(|| format!("reading {origin}"))? == 0 {
                break;
            }
            n += 1;
            let (line, bad_utf8) = match std::str::from_utf8(&buf) {
                Ok(s) => (std::borrow::Cow::Borrowed(s), false),
                Err(_) => (String::from_utf8_lossy(&buf), true),
            };
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            match parse_line(line) {
                Ok(mut i) => {
                    if bad_utf8 {
                        if let Input::Article(_, w) = &mut i {
                            w.push(format!("{origin}:{n}: invalid UTF-8; invalid bytes replaced with U+FFFD"));
                        }
                    }
                    f(Ok(i))?
                }
                Err(e) => f(Err(format!("{origin}:{n}: {e}")))?,
            }
        }
        Ok(())
    };
    let doc = |item: Item| match item {
        Item::Article { article, warnings } => Ok(Input::Article(article, warnings)),
        Item::Rejected(r) => Err(r.to_string()),
    };
    if files.is_empty() || files == ["-"] {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("reading stdin")?;
        match Kind::sniff(&bytes) {
            Kind::JsonLines => lines(&mut &bytes[..], "<stdin>", &mut f)?,
            k => f(doc(marsad_input::read_document(&bytes, "stdin", k, date)))?,
        }
    } else {
        for path in files {
            match Kind::from_path(path) {
                Kind::JsonLines => {
                    let file = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
                    lines(&mut BufReader::with_capacity(1 << 20, file), path, &mut f)?;
                }
                k => {
                    let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
                    f(doc(marsad_input::read_document(&bytes, &marsad_input::id_from_path(path), k, date)))?;
                }
            }
        }
    }
    Ok(())
}

pub fn run(a: Args) -> Result<ExitCode> {
    if let Some(d) = &a.date {
        marsad_core::engine::parse_date(d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?;
    }
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().ok();
    }
    let batch = a.batch.max(1);
    let version = a.engine_version.clone().unwrap_or_else(|| marsad_store::ingest::default_engine_version(a.data.as_deref().map(std::path::Path::new)));
    let mut store = Store::open(&a.db).with_context(|| format!("opening {}", a.db))?;
    // WAL pages are copied into the file by a background checkpointer; the writer's own
    // autocheckpoint (400 MB of 8 KiB pages) only bounds the WAL if that falls behind.
    // A 256 MB page cache holds the events indexes of a million-event store, whose
    // leaves every batch touches at random dates.
    drop(store.conn.execute_batch("PRAGMA wal_autocheckpoint = 50000; PRAGMA cache_size = -262144"));
    let ckpt = marsad_store::Checkpointer::start(&a.db, std::time::Duration::from_millis(250)).with_context(|| format!("opening {}", a.db))?;
    let check = Store::open(&a.db).with_context(|| format!("opening {}", a.db))?;
    let engine: Engine = super::extract::engine_for(a.data.as_deref())?;
    let bar = if std::io::stderr().is_terminal() && !a.quiet {
        let b = ProgressBar::new_spinner();
        b.set_style(ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}  {elapsed}  {msg}").unwrap());
        b
    } else {
        ProgressBar::hidden()
    };
    let started = std::time::Instant::now();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Prepared>>(2);
    let wbar = bar.clone();
    // The single writer: one transaction per chunk.
    let writer = std::thread::spawn(move || -> Result<BatchStats> {
        let mut total = BatchStats::default();
        for chunk in rx {
            let s = store.write_batch(&chunk)?;
            total.add(s);
            wbar.inc(chunk.len() as u64);
            wbar.set_message(format!("{} events", total.events));
        }
        drop(store.conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE)"));
        Ok(total)
    });
    let mut pending: Vec<Input> = Vec::with_capacity(batch);
    let (mut skipped, mut rejected) = (0usize, 0usize);
    let mut send = |pending: &mut Vec<Input>| -> Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let (prepared, s) = prepare_chunk(&engine, &version, Some(&check), std::mem::take(pending))?;
        skipped += s;
        bar.inc(s as u64);
        if !prepared.is_empty() {
            tx.send(prepared).map_err(|_| anyhow::anyhow!("the writer stopped"))?;
        }
        Ok(())
    };
    let read = for_each_input(&a.files, a.date.as_deref(), |i| {
        match i {
            Ok(i) => {
                pending.push(i);
                if pending.len() >= batch {
                    send(&mut pending)?;
                }
            }
            Err(msg) => {
                rejected += 1;
                bar.suspend(|| eprintln!("marsad: skipped {msg}"));
            }
        }
        Ok(())
    });
    let read = read.and_then(|_| send(&mut pending));
    drop(send);
    drop(tx);
    let written = writer.join().map_err(|_| anyhow::anyhow!("the writer panicked"))?;
    drop(ckpt);
    read?;
    let mut st = written?;
    st.unchanged += skipped;
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    if !a.quiet {
        eprintln!(
            "marsad: {} articles ({} new, {} replaced, {} unchanged), {} events written, {} input lines rejected, {:.1}s ({:.0} articles/s) into {}",
            st.articles(),
            st.inserted,
            st.replaced,
            st.unchanged,
            st.events,
            rejected,
            secs,
            st.articles() as f64 / secs.max(1e-9),
            a.db
        );
    }
    Ok(if rejected > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
