//! `marsad search`: events (or, for a bare text query, articles) from the store, as a
//! table or JSON. Glue over marsad-store.

use anyhow::{Context, Result};
use marsad_store::query::parse_bbox;
use marsad_store::{Filter, Page, Store};
use std::io::Write;
use std::process::ExitCode;

/// Filters shared by `search` and `export`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Event type (e.g. "Battles").
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Sub-event type (e.g. "Air/drone strike").
    #[arg(long)]
    pub subtype: Option<String>,
    /// Mode (e.g. airstrike, defection).
    #[arg(long)]
    pub mode: Option<String>,
    /// Actor name (English or Arabic, substring of actor1 or actor2).
    #[arg(long)]
    pub actor: Option<String>,
    /// Place name (English or Arabic, substring of location or admin1).
    #[arg(long)]
    pub place: Option<String>,
    /// Country: ISO2, ISO3 or name.
    #[arg(long)]
    pub country: Option<String>,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// minlon,minlat,maxlon,maxlat
    #[arg(long, allow_hyphen_values = true)]
    pub bbox: Option<String>,
}

impl FilterArgs {
    pub fn to_filter(&self, text: Option<String>) -> Result<Filter> {
        let mut f = Filter {
            text,
            event_type: self.event_type.clone(),
            sub_event_type: self.subtype.clone(),
            mode: self.mode.clone(),
            actor: self.actor.clone(),
            place: self.place.clone(),
            country: self.country.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            bbox: self.bbox.as_deref().map(parse_bbox).transpose()?,
            article: None,
        };
        f.validate()?;
        Ok(f)
    }
    fn is_empty(&self) -> bool {
        [&self.event_type, &self.subtype, &self.mode, &self.actor, &self.place, &self.country, &self.from, &self.to, &self.bbox].iter().all(|o| o.is_none())
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Text to find in articles (Arabic-aware: "الموصل" finds "بالموصل").
    pub query: Option<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// SQLite database file.
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    pub db: String,
    /// At most this many rows.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// With a text query and no other filter: list events, not articles.
    #[arg(long)]
    pub events: bool,
    /// JSON Lines output instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn cut(s: &str, n: usize) -> String {
    let s: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn run(a: Args) -> Result<ExitCode> {
    if !std::path::Path::new(&a.db).exists() {
        anyhow::bail!("{} does not exist: run `marsad ingest` first", a.db);
    }
    let store = Store::open(&a.db).with_context(|| format!("opening {}", a.db))?;
    let filter = a.filter.to_filter(a.query.clone())?;
    let page = Page { limit: a.limit, offset: 0 };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.query.as_deref().map_or(false, |q| !q.trim().is_empty()) && a.filter.is_empty() && !a.events {
        let hits = store.search_articles(a.query.as_deref().unwrap_or(""), page)?;
        if a.json {
            for h in &hits {
                serde_json::to_writer(&mut out, h)?;
                writeln!(out)?;
            }
        } else {
            writeln!(out, "{:<28} {:<10} {:<14} {:>6}  title", "article", "date", "source", "events")?;
            for h in &hits {
                writeln!(
                    out,
                    "{:<28} {:<10} {:<14} {:>6}  {}",
                    cut(&h.id, 28),
                    h.date.as_deref().unwrap_or("-"),
                    cut(h.source.as_deref().unwrap_or("-"), 14),
                    h.n_events,
                    cut(h.title.as_deref().unwrap_or(""), 70)
                )?;
            }
            writeln!(out, "({} articles)", hits.len())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let rows = store.events(&filter, page)?;
    if a.json {
        for r in &rows {
            serde_json::to_writer(&mut out, r)?;
            writeln!(out)?;
        }
    } else {
        writeln!(out, "{:<10} {:<26} {:<34} {:<22} {:<22} {:<20} {:>5}", "date", "type", "sub-event", "actor1", "actor2", "location", "dead")?;
        for r in &rows {
            let e = &r.event;
            let loc = match (&e.location.name, &e.location.country) {
                (Some(n), Some(c)) => format!("{n} ({c})"),
                (Some(n), None) => n.clone(),
                _ => "-".into(),
            };
            writeln!(
                out,
                "{:<10} {:<26} {:<34} {:<22} {:<22} {:<20} {:>5}",
                e.date.start.as_deref().unwrap_or("-"),
                cut(&e.event_type, 26),
                cut(&e.sub_event_type, 34),
                cut(e.actor1.as_ref().map_or("-", |x| &x.name), 22),
                cut(e.actor2.as_ref().map_or("-", |x| &x.name), 22),
                cut(&loc, 20),
                e.fatalities.as_ref().map_or("-".to_string(), |f| f.min.to_string())
            )?;
        }
        writeln!(out, "({} events)", rows.len())?;
    }
    Ok(ExitCode::SUCCESS)
}
