//! `marsad bench-store`: ingest rate and API latency over a store of (by default) a million
//! events, made by replicating real extracted events: by default the engine's own output
//! over the news corpus (what `marsad ingest` of that corpus writes, ~4 events per article,
//! quiet articles included), or with `--gold`, hand-coded gold records (~7 events per
//! article); ids rewritten, dates shifted. The load is generated in-process on loopback
//! only, bounded in count and time.

use anyhow::{Context, Result};
use marsad_core::format::Record;
use marsad_store::ingest::{parse_line, Input};
use marsad_store::{BatchStats, Store};
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Store to build (removed first unless --reuse).
    #[arg(long, default_value = "bench-store.db")]
    pub db: String,
    /// Reuse an existing store of this size instead of rebuilding it.
    #[arg(long)]
    pub reuse: bool,
    /// Events to generate (at least).
    #[arg(long, default_value_t = 1_000_000)]
    pub events: usize,
    /// Articles to code with the engine and replicate (default: shared/corpus/news-sample.jsonl).
    #[arg(long)]
    pub corpus: Option<String>,
    /// Replicate these marsad/1 records instead of the engine's output over the corpus
    /// ("default": shared/gold/dev.jsonl and the seed gold article).
    #[arg(long)]
    pub gold: Vec<String>,
    /// Articles per transaction (a kill loses at most the one in flight).
    // 10,000: the events' date, type and country index pages are rewritten once per batch,
    // so larger batches cost less per article; 20,000 measured no better (256 MB cache).
    #[arg(long, default_value_t = 10_000)]
    pub batch: usize,
    /// Concurrent API clients.
    #[arg(long, default_value_t = 100)]
    pub clients: usize,
    /// Requests in all (the load stops at this count or --seconds, whichever first).
    #[arg(long, default_value_t = 50_000)]
    pub requests: usize,
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// Server worker threads.
    #[arg(long, default_value_t = 2)]
    pub server_threads: usize,
    /// Read connections in the server's pool (queries running at once).
    #[arg(long, default_value_t = 4)]
    pub readers: usize,
    /// Paced run: requests per second sent by each client (open loop).
    #[arg(long, default_value_t = 5.0)]
    pub client_rate: f64,
}

/// CPU time (user + system) of the calling thread so far, from /proc (Linux; None elsewhere):
/// on a shared machine it says what the writer cost, whatever else was running.
fn thread_cpu() -> Option<Duration> {
    cpu_of("/proc/thread-self/stat")
}

/// CPU time of the whole process so far (all threads), as [`thread_cpu`].
fn process_cpu() -> Option<Duration> {
    cpu_of("/proc/self/stat")
}

/// Time the calling thread spent runnable but waiting for a CPU (/proc schedstat).
fn thread_runq_wait() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split(' ').nth(1)?.trim().parse().ok()?))
}

fn cpu_of(path: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(path).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_secs_f64(ticks as f64 / 100.0))
}

fn shift_day(d: &Option<String>, days: i64) -> Option<String> {
    d.as_deref().and_then(|s| chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()).map(|x| (x + chrono::Duration::days(days)).format("%Y-%m-%d").to_string()).or_else(|| d.clone())
}

/// Copy `k` of a record: new article and event ids, dates shifted by up to ~3 years.
fn replicate(r: &Record, k: usize) -> Record {
    let mut r = r.clone();
    let id = format!("{}~{k}", r.article.id);
    let shift = -((k % 1096) as i64);
    r.article.id = id.clone();
    r.article.date = shift_day(&r.article.date, shift);
    for (i, e) in r.events.iter_mut().enumerate() {
        e.id = format!("{id}#{}", i + 1);
        e.date.start = shift_day(&e.date.start, shift);
        e.date.end = shift_day(&e.date.end, shift);
    }
    r
}

pub fn run(a: Args) -> Result<ExitCode> {
    let base = std::env::var("MARSAD_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let mut seeds: Vec<(Record, Option<String>)> = Vec::new();
    let origin = if a.gold.is_empty() {
        // The engine's output over the corpus, as `marsad ingest` of it would store it.
        let corpus = a.corpus.clone().unwrap_or_else(|| format!("{base}/corpus/news-sample.jsonl"));
        let mut articles = Vec::new();
        for l in std::fs::read_to_string(&corpus).with_context(|| format!("reading {corpus}"))?.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(Input::Article(art, _)) = parse_line(l) {
                articles.push(art);
            }
        }
        let engine = marsad_core::engine::Engine::default();
        seeds = articles.into_par_iter().map(|art| (engine.extract(&art), Some(art.text))).collect();
        format!("engine output over {corpus}")
    } else {
        let gold: Vec<String> = if a.gold == ["default"] {
            vec![format!("{base}/gold/dev.jsonl"), format!("{base}/gold/seed-article.gold.jsonl")]
        } else {
            a.gold.clone()
        };
        for p in &gold {
            for l in std::fs::read_to_string(p).with_context(|| format!("reading {p}"))?.lines().filter(|l| !l.trim().is_empty()) {
                if let Ok(Input::Record(r, t)) = parse_line(l) {
                    seeds.push((r, t));
                }
            }
        }
        format!("gold records {gold:?}")
    };
    anyhow::ensure!(!seeds.is_empty(), "no records from {origin}");
    let per_round: usize = seeds.iter().map(|s| s.0.events.len()).sum();
    anyhow::ensure!(per_round > 0, "the records have no events");
    let rounds = a.events.div_ceil(per_round);
    let n_articles = rounds * seeds.len();
    let avg_text = seeds.iter().map(|s| s.1.as_deref().map_or(0, str::len)).sum::<usize>() / seeds.len();

    if !a.reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", a.db));
        }
        eprintln!("bench-store: {} seed records from {origin} ({per_round} events, {:.1} per article, avg text {avg_text} bytes) x {rounds} = {n_articles} articles, {} events", seeds.len(), per_round as f64 / seeds.len() as f64, rounds * per_round);
        let mut store = Store::open(&a.db)?;
        store.conn.execute_batch("PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 50000;")?;
        let ckpt = marsad_store::Checkpointer::start(&a.db, Duration::from_millis(250))?;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<marsad_store::Prepared>>(2);
        let started = Instant::now();
        let cpu0 = process_cpu();
        let writer = std::thread::spawn(move || -> Result<(BatchStats, Duration, Option<Duration>, Option<Duration>)> {
            let mut total = BatchStats::default();
            let mut busy = Duration::ZERO;
            for chunk in rx {
                let t = Instant::now();
                total.add(store.write_batch(&chunk)?);
                busy += t.elapsed();
            }
            store.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
            Ok((total, busy, thread_cpu(), thread_runq_wait()))
        });
        let items: Vec<(usize, usize)> = (0..rounds).flat_map(|k| (0..seeds.len()).map(move |i| (k, i))).collect();
        for chunk in items.chunks(a.batch.max(1)) {
            let prepared: Vec<_> = chunk
                .par_iter()
                .map(|&(k, i)| {
                    let (r, t) = &seeds[i];
                    let r = replicate(r, k);
                    let ev: Vec<String> = r.events.iter().map(|e| serde_json::to_string(e).expect("events serialize")).collect();
                    let v = marsad_store::write::record_version_json(&r, &ev);
                    marsad_store::write::prepare_with_json(r, t.clone(), v, ev)
                })
                .collect();
            tx.send(prepared).map_err(|_| anyhow::anyhow!("writer stopped"))?;
        }
        drop(tx);
        let (stats, busy, cpu, runq) = writer.join().map_err(|_| anyhow::anyhow!("writer panicked"))??;
        drop(ckpt);
        let secs = started.elapsed().as_secs_f64();
        let all_cpu = process_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
        println!(
            "ingest: {} articles, {} events in {:.1}s = {:.0} articles/s, {:.0} events/s (writer busy {:.1}s: {:.0} articles/s; writer CPU {}, waiting for a CPU {}; all threads CPU {})",
            stats.articles(),
            stats.events,
            secs,
            stats.articles() as f64 / secs,
            stats.events as f64 / secs,
            busy.as_secs_f64(),
            stats.articles() as f64 / busy.as_secs_f64().max(1e-9),
            cpu.map_or_else(|| "n/a".to_string(), |c| format!("{:.1}s", c.as_secs_f64())),
            runq.map_or_else(|| "n/a".to_string(), |c| format!("{:.1}s", c.as_secs_f64())),
            all_cpu.map_or_else(|| "n/a".to_string(), |c| format!("{:.1}s", c.as_secs_f64()))
        );
        let size = std::fs::metadata(&a.db).map(|m| m.len()).unwrap_or(0);
        println!("store: {} ({:.0} MB)", a.db, size as f64 / 1e6);
    }
    let (n_a, n_e) = Store::open(&a.db)?.counts()?;
    println!("store holds {n_a} articles, {n_e} events");

    // Request mix: typical dashboard and API reads.
    let some_id = format!("{}~7", seeds[0].0.article.id);
    let paths: Vec<String> = vec![
        "/api/events?per_page=50".into(),
        "/api/events?country=IQ&per_page=50".into(),
        "/api/events?country=SY&page=3&per_page=100".into(),
        "/api/events?type=Battles&per_page=25".into(),
        "/api/events?type=Explosions%2FRemote%20violence&subtype=Air%2Fdrone%20strike&per_page=25".into(),
        "/api/events?from=2014-03-01&to=2014-03-31&per_page=50".into(),
        "/api/events?bbox=35,30,45,38&per_page=50".into(),
        "/api/events?actor=Islamic%20State&per_page=50".into(),
        format!("/api/events?q={}&per_page=25", "%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84"),
        format!("/api/articles/{}", some_id.replace('#', "%23")),
        "/api/aggregates?by=type".into(),
        "/api/aggregates?by=country".into(),
        "/api/health".into(),
    ];
    let mut cfg = marsad_server::Config::new(&a.db);
    cfg.rate = 0.0;
    cfg.readers = a.readers;
    let state = marsad_server::AppState::open(cfg)?;
    let srv_rt = tokio::runtime::Builder::new_multi_thread().worker_threads(a.server_threads.max(1)).enable_all().build()?;
    let listener = srv_rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = srv_rt.spawn(marsad_server::serve(state, listener, async move {
        let _ = stop_rx.await;
    }));
    let load_rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    // Warm-up (fills the page cache and the aggregate cache), then the measured run.
    let warm = load_rt.block_on(marsad_server::loadgen::run(addr, paths.clone(), 10, paths.len() * 10, Duration::from_secs(120)))?;
    eprintln!("warm-up: {} requests, p99 {:.1} ms", warm.requests, warm.p99_ms);
    let mut per_path = Vec::new();
    for p in &paths {
        let r = load_rt.block_on(marsad_server::loadgen::run(addr, vec![p.clone()], 4, 200, Duration::from_secs(20)))?;
        per_path.push((p.clone(), r));
    }
    let r = load_rt.block_on(marsad_server::loadgen::run(addr, paths.clone(), a.clients, a.requests, Duration::from_secs(a.seconds)))?;
    let paced = load_rt.block_on(marsad_server::loadgen::run_paced(addr, paths.clone(), a.clients, a.requests, Duration::from_secs(a.seconds), Some(a.client_rate)))?;
    let _ = stop_tx.send(());
    let _ = srv_rt.block_on(server);
    println!("per endpoint (4 clients, 200 requests each): p50 / p99 ms");
    for (p, r) in &per_path {
        println!("  {:>7.2} / {:>7.2}  {p}{}", r.p50_ms, r.p99_ms, if r.non_200 > 0 { "  (non-200!)" } else { "" });
    }
    println!(
        "api closed loop (capacity): {} clients, {} requests in {:.1}s = {:.0} req/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} errors, {} non-200",
        a.clients, r.requests, r.secs, r.rps(), r.p50_ms, r.p90_ms, r.p99_ms, r.max_ms, r.errors, r.non_200
    );
    println!(
        "api paced (open loop, {} clients x {} req/s = {:.0} req/s offered): {} requests in {:.1}s = {:.0} req/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} errors, {} non-200",
        a.clients, a.client_rate, a.clients as f64 * a.client_rate, paced.requests, paced.secs, paced.rps(), paced.p50_ms, paced.p90_ms, paced.p99_ms, paced.max_ms, paced.errors, paced.non_200
    );
    Ok(ExitCode::SUCCESS)
}
