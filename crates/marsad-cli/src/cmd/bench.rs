//! `marsad bench CORPUS`: throughput of the text layer and of the full engine on one
//! core, and peak memory (VmHWM). The corpus is loaded first; only processing is timed.

use anyhow::{Context, Result};
use marsad_core::doc::Doc;
use marsad_core::engine::Engine;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON Lines corpus (e.g. ../shared/corpus/news-sample.jsonl).
    pub corpus: String,
    /// Passes over the corpus (more passes, steadier figures).
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
}

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(a: Args) -> Result<ExitCode> {
    let mut arts = Vec::new();
    let bytes = std::fs::read(&a.corpus).with_context(|| format!("reading {}", a.corpus))?;
    marsad_input::read_jsonl(&bytes[..], &a.corpus, |i| {
        if let marsad_input::Item::Article { article, .. } = i {
            arts.push(article)
        }
    })?;
    drop(bytes);
    let mb: f64 = arts.iter().map(|x| x.text.len()).sum::<usize>() as f64 / 1e6;
    let t0 = Instant::now();
    let engine = Engine::default();
    let n_actors = engine.lexicon().actors.len();
    let load = t0.elapsed();
    println!(
        "corpus: {} articles, {:.1} MB of text; lexicons ({} actors, {} places) loaded in {:.0} ms",
        arts.len(),
        mb,
        n_actors,
        engine.lexicon().places.len(),
        load.as_secs_f64() * 1e3
    );
    let mut sink = 0usize;
    let t = Instant::now();
    for _ in 0..a.passes {
        for x in &arts {
            let d = Doc::new(&x.text, x.date.as_deref().and_then(marsad_core::engine::parse_date));
            sink += d.tokens.len() + d.numbers.len() + d.dates.len();
        }
    }
    let s = t.elapsed().as_secs_f64() / a.passes as f64;
    println!("text layer (1 core): {:.0} articles/s, {:.1} MB/s", arts.len() as f64 / s, mb / s);
    let t = Instant::now();
    let mut events = 0;
    for _ in 0..a.passes {
        for x in &arts {
            events += engine.extract(x).events.len();
        }
    }
    let s = t.elapsed().as_secs_f64() / a.passes as f64;
    println!("full engine (1 core): {:.0} articles/s, {:.1} MB/s, {} events per pass", arts.len() as f64 / s, mb / s, events / a.passes);
    if let Some(p) = peak_rss_mb() {
        println!("peak memory (VmHWM): {p:.0} MB");
    }
    std::hint::black_box(sink);
    Ok(ExitCode::SUCCESS)
}
