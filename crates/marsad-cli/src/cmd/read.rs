//! Reading the command line's inputs (files or stdin) into articles, in order.

use anyhow::{Context, Result};
use marsad_input::{Item, Kind};
use std::io::{BufReader, Read};

/// Read every input in order, calling `f` for each item. `date` is the publication date
/// for plain text and HTML documents.
pub fn for_each_item(files: &[String], date: Option<&str>, mut f: impl FnMut(Item) -> Result<()>) -> Result<()> {
    let mut err: Option<anyhow::Error> = None;
    let mut wrap = |i: Item| {
        if err.is_none() {
            if let Err(e) = f(i) {
                err = Some(e);
            }
        }
    };
    if files.is_empty() || files == ["-"] {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("reading stdin")?;
        match Kind::sniff(&bytes) {
            Kind::JsonLines => marsad_input::read_jsonl(&bytes[..], "<stdin>", &mut wrap)?,
            k => wrap(marsad_input::read_document(&bytes, "stdin", k, date)),
        }
    } else {
        for path in files {
            match Kind::from_path(path) {
                Kind::JsonLines => {
                    let file = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
                    marsad_input::read_jsonl(BufReader::with_capacity(1 << 20, file), path, &mut wrap)
                        .with_context(|| format!("reading {path}"))?;
                }
                k => {
                    let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
                    wrap(marsad_input::read_document(&bytes, &marsad_input::id_from_path(path), k, date));
                }
            }
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
