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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Annotate(a) => cmd::annotate::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
    };
    match r {
        Ok(code) => code,
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
