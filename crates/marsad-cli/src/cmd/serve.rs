//! `marsad serve`: the JSON API and dashboard over the store (crates/marsad-server).

use anyhow::{Context, Result};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// SQLite database file (created if missing).
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    pub db: String,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// File holding the bearer token for POST /api/ingest (else MARSAD_TOKEN; else writes are disabled).
    #[arg(long)]
    pub token_file: Option<String>,
    /// Requests per second allowed per client IP (0: no limit).
    #[arg(long, default_value_t = 50.0)]
    pub rate: f64,
    /// Burst size of the per-IP rate limit.
    #[arg(long, default_value_t = 100.0)]
    pub burst: f64,
    /// Read connections kept open.
    #[arg(long, default_value_t = 4)]
    pub readers: usize,
    /// Runtime worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let token = match &a.token_file {
        Some(p) => Some(std::fs::read_to_string(p).with_context(|| format!("reading {p}"))?.trim().to_string()),
        None => std::env::var("MARSAD_TOKEN").ok().map(|t| t.trim().to_string()),
    }
    .filter(|t| !t.is_empty());
    let mut cfg = marsad_server::Config::new(&a.db);
    cfg.token = token;
    cfg.rate = a.rate.max(0.0);
    cfg.burst = a.burst.max(1.0);
    cfg.readers = a.readers.max(1);
    let writes = cfg.token.is_some();
    let state = marsad_server::AppState::open(cfg).with_context(|| format!("opening {}", a.db))?;
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if let Some(n) = a.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = rt.build()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(&a.addr).await.with_context(|| format!("binding {}", a.addr))?;
        let local = listener.local_addr()?;
        eprintln!("marsad: serving {} on http://{local}/ (writes {})", a.db, if writes { "enabled" } else { "disabled: no token" });
        marsad_server::serve(state, listener, marsad_server::shutdown_signal()).await?;
        eprintln!("marsad: stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
