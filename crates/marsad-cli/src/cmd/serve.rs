//! `marsad serve`: the JSON API and dashboard (crates/marsad-server).

use anyhow::Result;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// SQLite database file.
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    pub db: String,
}

pub fn run(_a: Args) -> Result<ExitCode> {
    anyhow::bail!("serve: not built yet")
}
