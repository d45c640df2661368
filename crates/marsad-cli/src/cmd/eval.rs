//! `marsad eval GOLD SYSTEM`: the metrics of shared/eval/score.py.

use anyhow::{Context, Result};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    pub gold: String,
    pub system: String,
    /// One JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also list gold/system/matched counts per article.
    #[arg(long)]
    pub per_article: bool,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let g = std::fs::read_to_string(&a.gold).with_context(|| format!("reading {}", a.gold))?;
    let s = std::fs::read_to_string(&a.system).with_context(|| format!("reading {}", a.system))?;
    let (m, rows) = marsad_eval::score(&marsad_eval::load(&g), &marsad_eval::load(&s));
    if a.json {
        let mut v = marsad_eval::render_json(&m);
        if a.per_article {
            let pa: serde_json::Map<String, serde_json::Value> = rows
                .iter()
                .map(|r| (r.id.clone(), serde_json::json!({"gold": r.gold, "system": r.system, "matched": r.matched})))
                .collect();
            v["per_article"] = serde_json::Value::Object(pa);
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print!("{}", marsad_eval::render_table(&m));
        if a.per_article {
            for r in rows {
                println!("  {}: gold {}, system {}, matched {}", r.id, r.gold, r.system, r.matched);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
