//! `marsad export`: events from the store as ACLED-compatible CSV, GeoJSON or marsad/1
//! JSON Lines. Glue over marsad-store.

use super::search::FilterArgs;
use anyhow::{Context, Result};
use marsad_store::{export, Store};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    Csv,
    Geojson,
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Text to find in articles (Arabic-aware).
    #[arg(long = "q")]
    pub query: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// SQLite database file.
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    pub db: String,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<String>,
    /// JSONL: include each article's text (as gold files do).
    #[arg(long)]
    pub with_text: bool,
}

pub fn run(a: Args) -> Result<ExitCode> {
    if !std::path::Path::new(&a.db).exists() {
        anyhow::bail!("{} does not exist: run `marsad ingest` first", a.db);
    }
    let store = Store::open(&a.db).with_context(|| format!("opening {}", a.db))?;
    let filter = a.filter.to_filter(a.query.clone())?;
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).with_context(|| format!("creating {p}"))?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let n = match a.format {
        Format::Csv => export::write_csv(&store, &filter, out)?,
        Format::Geojson => export::write_geojson(&store, &filter, out)?,
        Format::Jsonl => export::write_jsonl(&store, &filter, a.with_text, out)?,
    };
    let what = match a.format {
        Format::Jsonl => "records",
        Format::Geojson => "features",
        Format::Csv => "events",
    };
    eprintln!("marsad: exported {n} {what}");
    Ok(ExitCode::SUCCESS)
}
