//! `marsad extract`: articles in, one marsad/1 record per article out, in input order.

use super::read::for_each_item;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use marsad_core::engine::Engine;
use marsad_core::format::Article;
use marsad_input::Item;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Input files (.jsonl, .txt, .html); stdin when none or "-".
    pub files: Vec<String>,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<String>,
    /// Publication date (YYYY-MM-DD) for plain text and HTML inputs.
    #[arg(long)]
    pub date: Option<String>,
    /// Articles longer than this many bytes are not coded (a warning says so).
    #[arg(long, default_value_t = marsad_core::engine::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Print, per event, which rule or lexicon entry produced each field (to stderr).
    #[arg(long)]
    pub explain: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Read lexicons from this directory (actors.toml, sources.toml, triggers.toml,
    /// gazetteer/*.tsv) instead of the embedded ones; missing files fall back to the embedded.
    #[arg(long)]
    pub data: Option<String>,
}

/// The engine over the embedded lexicons, or over the files of `dir`.
pub fn engine_for(dir: Option<&str>) -> Result<Engine> {
    let Some(dir) = dir else { return Ok(Engine::default()) };
    let mut files = marsad_core::lexicon::DataFiles::embedded();
    let mut found = 0;
    for name in marsad_core::lexicon::load::FILE_NAMES {
        let p = std::path::Path::new(dir).join(name);
        if p.exists() {
            files.set(name, std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?);
            found += 1;
        }
    }
    anyhow::ensure!(found > 0, "--data {dir}: no lexicon files found there");
    Ok(Engine::with_lexicon(marsad_core::lexicon::Lexicon::from_files(&files)?))
}

const CHUNK: usize = 512;

pub fn run(a: Args) -> Result<ExitCode> {
    if let Some(d) = &a.date {
        marsad_core::engine::parse_date(d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?;
    }
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global().ok();
    }
    let mut engine = engine_for(a.data.as_deref())?;
    engine.options.max_bytes = a.max_bytes;
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("creating {p}"))?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let large = a.files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum::<u64>() > 4 << 20;
    let bar = if std::io::stderr().is_terminal() && large {
        let b = ProgressBar::new_spinner();
        b.set_style(ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}  {elapsed}").unwrap());
        b
    } else {
        ProgressBar::hidden()
    };
    let (mut n_articles, mut n_rejected, mut n_events, mut n_warned) = (0usize, 0usize, 0usize, 0usize);
    let mut batch: Vec<(Article, Vec<String>)> = Vec::with_capacity(CHUNK);
    let flush = |batch: &mut Vec<(Article, Vec<String>)>, out: &mut Box<dyn Write>| -> Result<(usize, usize)> {
        let recs: Vec<_> = batch
            .par_iter()
            .map(|(art, warns)| {
                let mut r = engine.extract(art);
                if !warns.is_empty() {
                    let mut w = warns.clone();
                    w.append(&mut r.warnings);
                    r.warnings = w;
                }
                let explain = if a.explain { Some(engine.explain(art, &r)) } else { None };
                (serde_json::to_string(&r).expect("records serialize"), r.events.len(), !r.warnings.is_empty(), explain)
            })
            .collect();
        let (mut ev, mut warned) = (0, 0);
        for (line, n, w, explain) in recs {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            if let Some(x) = explain {
                eprint!("{x}");
            }
            ev += n;
            warned += w as usize;
        }
        bar.inc(batch.len() as u64);
        batch.clear();
        Ok((ev, warned))
    };
    for_each_item(&a.files, a.date.as_deref(), |item| {
        match item {
            Item::Article { article, warnings } => {
                n_articles += 1;
                batch.push((article, warnings));
                if batch.len() == CHUNK {
                    let (e, w) = flush(&mut batch, &mut out)?;
                    n_events += e;
                    n_warned += w;
                }
            }
            Item::Rejected(r) => {
                n_rejected += 1;
                bar.suspend(|| eprintln!("marsad: skipped {r}"));
            }
        }
        Ok(())
    })?;
    let (e, w) = flush(&mut batch, &mut out)?;
    n_events += e;
    n_warned += w;
    out.flush()?;
    bar.finish_and_clear();
    let summary = format!("{n_articles} articles, {n_events} events, {n_warned} with warnings, {n_rejected} input lines rejected");
    if n_rejected > 0 {
        eprintln!("marsad: {summary} (exit status 1: some input was rejected)");
        Ok(ExitCode::from(1))
    } else {
        eprintln!("marsad: {summary}");
        Ok(ExitCode::SUCCESS)
    }
}
