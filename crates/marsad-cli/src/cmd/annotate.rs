//! `marsad annotate`: the text layer's view of a text, as one JSON object.

use anyhow::{Context, Result};
use marsad_core::doc::Doc;
use std::io::Read;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Text to annotate (words are joined with spaces); stdin when none.
    pub text: Vec<String>,
    /// Reference (publication) date for relative dates, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Indent the JSON.
    #[arg(long)]
    pub pretty: bool,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let text = if a.text.is_empty() {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).context("reading stdin")?;
        String::from_utf8_lossy(&b).into_owned()
    } else {
        a.text.join(" ")
    };
    let date = match &a.date {
        Some(d) => Some(marsad_core::engine::parse_date(d).with_context(|| format!("--date {d:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let doc = Doc::new(&text, date);
    let lex = marsad_core::lexicon::Lexicon::embedded();
    let v = marsad_core::annotate::to_json_with(&doc, &|k| lex.knows(k));
    println!("{}", if a.pretty { serde_json::to_string_pretty(&v)? } else { serde_json::to_string(&v)? });
    Ok(ExitCode::SUCCESS)
}
