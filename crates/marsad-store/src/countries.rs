//! Country codes for exports and filters: ISO2 <-> ISO3, ISO numeric, English name,
//! region, Arabic names. Read from data/gazetteer/countries.tsv when it is found (the
//! project's gazetteer; columns iso2 iso3 iso_numeric name names_ar ... region), else from
//! a snapshot of it built into this crate (countries-builtin.tsv, same first five columns
//! plus region).

use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub numeric: String,
    pub name: String,
    pub names_ar: Vec<String>,
    pub region: String,
}

const BUILTIN: &str = include_str!("countries-builtin.tsv");

fn parse(tsv: &str) -> Vec<Country> {
    let mut lines = tsv.lines();
    let Some(header) = lines.next() else { return Vec::new() };
    let cols: Vec<&str> = header.split('\t').collect();
    let idx = |n: &str| cols.iter().position(|c| *c == n);
    let (Some(i2), Some(i3), Some(inum), Some(iname)) = (idx("iso2"), idx("iso3"), idx("iso_numeric"), idx("name")) else { return Vec::new() };
    let (iar, ireg) = (idx("names_ar"), idx("region"));
    lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let get = |i: usize| f.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
            let iso2 = get(i2);
            if iso2.len() != 2 {
                return None;
            }
            Some(Country {
                iso2,
                iso3: get(i3),
                numeric: get(inum),
                name: get(iname),
                names_ar: iar.map(|i| get(i).split('|').map(str::to_string).filter(|s| !s.is_empty()).collect()).unwrap_or_default(),
                region: ireg.map(get).unwrap_or_default(),
            })
        })
        .collect()
}

pub fn table() -> &'static [Country] {
    static T: OnceLock<Vec<Country>> = OnceLock::new();
    T.get_or_init(|| {
        let candidates = [
            std::env::var("MARSAD_COUNTRIES").ok(),
            Some("data/gazetteer/countries.tsv".to_string()),
            Some(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/gazetteer/countries.tsv").to_string()),
        ];
        for p in candidates.into_iter().flatten() {
            if let Ok(s) = std::fs::read_to_string(&p) {
                let t = parse(&s);
                if !t.is_empty() {
                    return t;
                }
            }
        }
        parse(BUILTIN)
    })
}

pub fn by_iso2(iso2: &str) -> Option<&'static Country> {
    table().iter().find(|c| c.iso2.eq_ignore_ascii_case(iso2))
}

/// ISO2 code for a user's country: ISO2, ISO3, English name or an Arabic name.
pub fn resolve(s: &str) -> Option<String> {
    let s = s.trim();
    let t = table();
    let f = marsad_core::normalize::fold(s);
    t.iter()
        .find(|c| c.iso2.eq_ignore_ascii_case(s) || c.iso3.eq_ignore_ascii_case(s) || c.name.eq_ignore_ascii_case(s))
        .or_else(|| t.iter().find(|c| c.names_ar.iter().any(|n| n == s || marsad_core::normalize::fold(n) == f)))
        .map(|c| c.iso2.clone())
}
