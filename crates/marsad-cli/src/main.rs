//! `marsad`: the command line. Thin glue: every subcommand lives in `cmd/` and calls the
//! library crates (marsad-core for the engine, marsad-input for reading, marsad-eval for
//! scoring).

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "marsad", version, about = "Marsad (مرصد): Arabic news in, conflict events out (marsad/1).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into marsad/1 events (JSON Lines, .txt, .html files, or stdin).
    Extract(cmd::extract::Args),
    /// Print the text layer's view of a text: sentences, tokens, numbers, dates.
    Annotate(cmd::annotate::Args),
    /// Score a system file against gold (same metrics as shared/eval/score.py).
    Eval(cmd::eval::Args),
    /// Measure throughput (articles/s, MB/s) and peak memory over a corpus.
    Bench(cmd::bench::Args),
    /// Store articles (coded here) or marsad/1 records in the SQLite observatory.
    Ingest(cmd::ingest::Args),
    /// Search the store: events by type, actor, place, country, date, bbox, or text.
    Search(cmd::search::Args),
    /// Export events from the store as ACLED CSV, GeoJSON or marsad/1 JSONL.
    Export(cmd::export::Args),
    /// Serve the JSON API and the dashboard over the store.
    Serve(cmd::serve::Args),
    /// Benchmark the store: ingest rate and API latency over a million replicated events.
    BenchStore(cmd::bench_store::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Annotate(a) => cmd::annotate::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::BenchStore(a) => cmd::bench_store::run(a),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
