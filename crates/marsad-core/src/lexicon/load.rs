//! Parsing and validating the data files, and building the indexes.

use super::index::{EntityKind, Entry, PhraseIndex};
use super::*;
use crate::normalize::fold;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The text of every data file (embedded, or read by the caller from a directory).
#[derive(Clone)]
pub struct DataFiles {
    pub actors: Cow<'static, str>,
    pub sources: Cow<'static, str>,
    pub triggers: Cow<'static, str>,
    pub countries: Cow<'static, str>,
    pub admin1: Cow<'static, str>,
    pub places: Cow<'static, str>,
    pub supplement: Cow<'static, str>,
    pub stopnames: Cow<'static, str>,
}

/// File names relative to a data directory, in `DataFiles` field order.
pub const FILE_NAMES: [&str; 8] = [
    "actors.toml",
    "sources.toml",
    "triggers.toml",
    "gazetteer/countries.tsv",
    "gazetteer/admin1.tsv",
    "gazetteer/places.tsv",
    "gazetteer/supplement.tsv",
    "gazetteer/stopnames.txt",
];

impl DataFiles {
    pub fn embedded() -> DataFiles {
        DataFiles {
            actors: Cow::Borrowed(include_str!("../../../../data/actors.toml")),
            sources: Cow::Borrowed(include_str!("../../../../data/sources.toml")),
            triggers: Cow::Borrowed(include_str!("../../../../data/triggers.toml")),
            countries: Cow::Borrowed(include_str!("../../../../data/gazetteer/countries.tsv")),
            admin1: Cow::Borrowed(include_str!("../../../../data/gazetteer/admin1.tsv")),
            places: Cow::Borrowed(include_str!("../../../../data/gazetteer/places.tsv")),
            supplement: Cow::Borrowed(include_str!("../../../../data/gazetteer/supplement.tsv")),
            stopnames: Cow::Borrowed(include_str!("../../../../data/gazetteer/stopnames.txt")),
        }
    }

    /// Replace one file's text by name (one of `FILE_NAMES`).
    pub fn set(&mut self, name: &str, text: String) -> bool {
        let slot = match name {
            "actors.toml" => &mut self.actors,
            "sources.toml" => &mut self.sources,
            "triggers.toml" => &mut self.triggers,
            "gazetteer/countries.tsv" => &mut self.countries,
            "gazetteer/admin1.tsv" => &mut self.admin1,
            "gazetteer/places.tsv" => &mut self.places,
            "gazetteer/supplement.tsv" => &mut self.supplement,
            "gazetteer/stopnames.txt" => &mut self.stopnames,
            _ => return false,
        };
        *slot = Cow::Owned(text);
        true
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {msg}")]
    Invalid { file: &'static str, msg: String },
}

fn bad(file: &'static str, msg: impl Into<String>) -> LexiconError {
    LexiconError::Invalid { file, msg: msg.into() }
}

pub const ACTOR_KINDS: &[&str] =
    &["state-forces", "rebels", "militia", "external-forces", "civilians", "protesters", "media", "government", "organization", "unknown"];
pub const SOURCE_KINDS: &[&str] = &["media", "activists", "official", "witness", "organization", "anonymous"];

#[derive(Deserialize)]
struct ActorsFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
}
#[derive(Deserialize)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<SourceEntry>,
}
#[derive(Deserialize)]
struct TriggersFile {
    #[serde(default)]
    trigger: Vec<TriggerEntry>,
    #[serde(default)]
    cues: Cues,
}

/// Rows of a TSV file with a header, as maps from column name to value.
fn tsv<'a>(file: &'static str, text: &'a str, need: &[&str]) -> Result<Vec<HashMap<&'a str, &'a str>>, LexiconError> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let header: Vec<&str> = lines.next().ok_or_else(|| bad(file, "empty file"))?.split('\t').collect();
    for n in need {
        if !header.contains(n) {
            return Err(bad(file, format!("missing column {n:?}")));
        }
    }
    let mut rows = Vec::new();
    for (i, l) in lines.enumerate() {
        let cells: Vec<&str> = l.split('\t').collect();
        if cells.len() < need.len() {
            return Err(bad(file, format!("row {} has {} columns, expected {}", i + 2, cells.len(), header.len())));
        }
        rows.push(header.iter().copied().zip(cells).collect());
    }
    Ok(rows)
}

fn num(file: &'static str, s: &str, what: &str) -> Result<f64, LexiconError> {
    s.trim().parse::<f64>().map_err(|_| bad(file, format!("{what}: {s:?} is not a number")))
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(crate::normalize::is_arabic_letter)
}

/// Verb forms generated from a [past, imperfect] pair.
pub fn verb_forms(past: &str, imperfect: &str) -> Vec<String> {
    let mut v = Vec::new();
    // A multi-word pair ("أطلق صاروخا") conjugates its first word only.
    let (p, ptail) = past.split_once(' ').map_or((past, ""), |(a, b)| (a, b));
    let (im, itail) = imperfect.split_once(' ').map_or((imperfect, ""), |(a, b)| (a, b));
    let tail = |s: String, t: &str| if t.is_empty() { s } else { format!("{s} {t}") };
    for suf in ["", "ت", "وا", "ا", "تا", "ن", "تم", "نا"] {
        v.push(tail(format!("{p}{suf}"), ptail));
    }
    // Not "ته/تها" (she …-ed him/her): those forms are mostly a noun with a pronoun
    // ("سيطرته" his control).
    for obj in ["ه", "ها", "هم", "وه", "وها", "وهم"] {
        v.push(format!("{p}{obj}"));
    }
    if im.is_empty() {
        return v;
    }
    let stem: String = im.chars().skip(1).collect();
    for pre in ["ي", "ت", "ن"] {
        for suf in ["", "ون", "ان", "ن", "ه", "ها", "هم", "ونه", "ونها"] {
            v.push(tail(format!("{pre}{stem}{suf}"), itail));
        }
    }
    v
}

/// The nationality adjective (nisba) of a country's name, without the article, masculine
/// and feminine: "الهند" -> "هندي", "هنديه"; "تركيا" -> "تركي"; "السعوديه" -> "سعودي". Only
/// one-word names: "الولايات المتحده" has its adjective listed by hand.
pub fn nationality_adjectives(name: &str) -> Vec<String> {
    if name.contains(' ') {
        return Vec::new();
    }
    let n = name.strip_prefix("ال").unwrap_or(name);
    let stem = n.strip_suffix("يه").or_else(|| n.strip_suffix("يا")).or_else(|| n.strip_suffix('ا')).unwrap_or(n);
    if stem.chars().count() < 2 {
        return Vec::new();
    }
    vec![format!("{stem}ي"), format!("{stem}يه")]
}

/// A trigger noun with a possessive pronoun: "غارات" -> "غاراته", "غاراتها", "غاراتهم";
/// "عمليه" (ta marbuta, folded) -> "عمليته"; "عمليات عسكريه" -> "عملياتها العسكريه" (the
/// pronoun on the head, the article on the adjective). Definite nouns take no pronoun.
pub fn possessive_forms(word: &str) -> Vec<String> {
    let (head, rest) = word.split_once(' ').map_or((word, None), |(a, b)| (a, Some(b)));
    if head.starts_with("ال") || head.chars().count() < 3 || rest.is_some_and(|r| r.contains(' ') || r.starts_with("ال")) {
        return Vec::new();
    }
    let stem = match head.strip_suffix('ه') {
        Some(s) => format!("{s}ت"),
        None => head.to_string(),
    };
    ["ه", "ها", "هم", "هما"]
        .iter()
        .map(|suf| match rest {
            Some(adj) => format!("{stem}{suf} ال{adj}"),
            None => format!("{stem}{suf}"),
        })
        .collect()
}

impl Lexicon {
    pub fn from_files(f: &DataFiles) -> Result<Lexicon, LexiconError> {
        let actors: ActorsFile = toml::from_str(&f.actors).map_err(|e| bad("actors.toml", e.to_string()))?;
        let sources: SourcesFile = toml::from_str(&f.sources).map_err(|e| bad("sources.toml", e.to_string()))?;
        let trig: TriggersFile = toml::from_str(&f.triggers).map_err(|e| bad("triggers.toml", e.to_string()))?;
        let (actors, sources) = (actors.actor, sources.source);

        let mut entities = PhraseIndex::default();
        let mut ids = HashSet::new();
        for (i, a) in actors.iter().enumerate() {
            if !ids.insert(a.id.as_str()) {
                return Err(bad("actors.toml", format!("duplicate id {:?}", a.id)));
            }
            if !ACTOR_KINDS.contains(&a.kind.as_str()) {
                return Err(bad("actors.toml", format!("{}: unknown kind {:?}", a.id, a.kind)));
            }
            if !a.country.is_empty() && (a.country.len() != 2 || !a.country.chars().all(|c| c.is_ascii_uppercase())) {
                return Err(bad("actors.toml", format!("{}: country {:?} is not ISO 3166-1 alpha-2", a.id, a.country)));
            }
            for al in &a.aliases_ar {
                let k = fold(al);
                if k.is_empty() || !has_arabic(al) {
                    return Err(bad("actors.toml", format!("{}: alias {al:?} has no Arabic letters", a.id)));
                }
                entities.insert(&k, Entry { kind: EntityKind::Actor, id: i as u32, flag: false });
            }
        }
        let mut sids = HashSet::new();
        for (i, s) in sources.iter().enumerate() {
            if !sids.insert(s.id.as_str()) {
                return Err(bad("sources.toml", format!("duplicate id {:?}", s.id)));
            }
            if !SOURCE_KINDS.contains(&s.kind.as_str()) {
                return Err(bad("sources.toml", format!("{}: unknown kind {:?}", s.id, s.kind)));
            }
            for al in &s.aliases_ar {
                let k = fold(al);
                if k.is_empty() || !has_arabic(al) {
                    return Err(bad("sources.toml", format!("{}: alias {al:?} has no Arabic letters", s.id)));
                }
                entities.insert(&k, Entry { kind: EntityKind::Source, id: i as u32, flag: false });
            }
        }

        // Gazetteer.
        // Stop-names compare by phrase key (article stripped), as the index does.
        let stop_key = |s: &str| super::index::phrase_keys(&fold(s)).join(" ");
        let stop: HashSet<String> =
            f.stopnames.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(stop_key).collect();
        let mut places: Vec<PlaceEntry> = Vec::new();
        let mut countries = Vec::new();
        let mut nationality: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        // Adjectives that the nisba rule does not give.
        for (adj, iso) in [("امريكي", "US"), ("اميركي", "US"), ("افغاني", "AF"), ("بريطاني", "GB"), ("اماراتي", "AE"), ("اسرايلي", "IL"), ("فلسطيني", "PS")] {
            nationality.insert(adj.to_string(), iso.to_string());
            nationality.insert(format!("{adj}ه"), iso.to_string());
        }
        let mut country_by_iso = HashMap::new();
        let add_place = |places: &mut Vec<PlaceEntry>, entities: &mut PhraseIndex, p: PlaceEntry, names: &str| {
            let id = places.len() as u32;
            for al in names.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                let k = place_alias(&fold(al));
                if k.chars().count() < 2 {
                    continue;
                }
                let flag = stop.contains(&stop_key(&k));
                entities.insert(&k, Entry { kind: EntityKind::Place, id, flag });
            }
            places.push(p);
        };
        for r in tsv("countries.tsv", &f.countries, &["iso2", "iso3", "iso_numeric", "name", "names_ar", "lat", "lon", "region"])? {
            let lat = num("countries.tsv", r["lat"], "lat")?;
            let lon = num("countries.tsv", r["lon"], "lon")?;
            check_coords("countries.tsv", r["name"], lat, lon)?;
            let names = r["names_ar"];
            let place = places.len();
            country_by_iso.insert(r["iso2"].to_string(), countries.len());
            for n in names.split('|') {
                for adj in nationality_adjectives(&fold(n)) {
                    nationality.entry(adj).or_insert_with(|| r["iso2"].to_string());
                }
            }
            countries.push(CountryEntry {
                iso2: r["iso2"].into(),
                iso3: r["iso3"].into(),
                iso_numeric: r["iso_numeric"].into(),
                name: r["name"].into(),
                region: r["region"].into(),
                place,
            });
            let name_ar = names.split('|').next().unwrap_or("").to_string();
            add_place(&mut places, &mut entities, PlaceEntry {
                geonameid: r.get("capital_geonameid").and_then(|s| s.parse().ok()),
                name: r["name"].into(),
                name_ar,
                lat,
                lon,
                country: r["iso2"].into(),
                admin1: None,
                population: u64::MAX / 2,
                level: PlaceLevel::Country,
                curated: false,
            }, names);
        }
        for r in tsv("admin1.tsv", &f.admin1, &["country", "admin1_code", "name", "names_ar", "lat", "lon"])? {
            if r["names_ar"].trim().is_empty() || r["lat"].trim().is_empty() {
                continue;
            }
            let lat = num("admin1.tsv", r["lat"], "lat")?;
            let lon = num("admin1.tsv", r["lon"], "lon")?;
            check_coords("admin1.tsv", r["name"], lat, lon)?;
            let names = r["names_ar"];
            add_place(&mut places, &mut entities, PlaceEntry {
                geonameid: r.get("capital_geonameid").and_then(|s| s.parse().ok()),
                name: r["name"].into(),
                name_ar: names.split('|').next().unwrap_or("").into(),
                lat,
                lon,
                country: r["country"].into(),
                admin1: Some(r["name"].into()),
                population: u64::MAX / 4,
                level: PlaceLevel::Admin1,
                curated: false,
            }, names);
        }
        let mut by_gid: HashMap<u64, usize> = HashMap::new();
        for (file, text) in [("places.tsv", &f.places), ("supplement.tsv", &f.supplement)] {
            for r in tsv(file, text, &["geonameid", "name", "names_ar", "lat", "lon", "country", "admin1", "population"])? {
                let gid: Option<u64> = r["geonameid"].trim().parse().ok();
                let names = r["names_ar"];
                if let Some(&existing) = gid.and_then(|g| by_gid.get(&g)) {
                    // Supplement rows with a known geonameid add aliases.
                    for al in names.split('|').map(str::trim).filter(|a| !a.is_empty()) {
                        let k = fold(al);
                        let flag = stop.contains(&stop_key(&k));
                        entities.insert(&k, Entry { kind: EntityKind::Place, id: existing as u32, flag });
                    }
                    continue;
                }
                let lat = num(file, r["lat"], "lat")?;
                let lon = num(file, r["lon"], "lon")?;
                check_coords(file, r["name"], lat, lon)?;
                let feature = r.get("feature").copied().unwrap_or("PPL");
                let level = if feature.starts_with("PPLX") || feature == "PPLL" { PlaceLevel::Point } else { PlaceLevel::City };
                if let Some(g) = gid {
                    by_gid.insert(g, places.len());
                }
                add_place(&mut places, &mut entities, PlaceEntry {
                    geonameid: gid,
                    name: r["name"].into(),
                    name_ar: names.split('|').next().unwrap_or("").into(),
                    lat,
                    lon,
                    country: r["country"].into(),
                    admin1: Some(r["admin1"].to_string()).filter(|s| !s.is_empty()),
                    population: r["population"].trim().parse().unwrap_or(0),
                    level,
                    curated: file == "supplement.tsv",
                }, names);
            }
        }

        // Triggers and cues.
        let mut trigger_index = PhraseIndex::default();
        for (i, t) in trig.trigger.iter().enumerate() {
            if t.words.is_empty() && t.verbs.is_empty() {
                return Err(bad("triggers.toml", format!("trigger {i} ({}) has no words", t.sub_event_type)));
            }
            let e = Entry { kind: EntityKind::Trigger, id: i as u32, flag: false };
            for w in &t.words {
                let k = fold(w);
                trigger_index.insert(&k, e);
                // "واصل طيران التحالف غاراته على مواقع": a force's strikes. (Not "هجماتهم",
                // "عملياتها", "معاركهم": mostly a campaign in general; nor "إعدامه", his
                // execution, mostly a threat or a demand. Measured on dev.)
                if matches!(t.sub_event_type.as_str(), "Air/drone strike" | "Shelling/artillery/missile attack") && t.role != TriggerRole::Kill {
                    for form in possessive_forms(&k) {
                        trigger_index.insert(&form, e);
                    }
                }
            }
            for v in &t.verbs {
                let [p, im] = v.as_slice() else {
                    return Err(bad("triggers.toml", format!("verb {v:?}: expected [past, imperfect]")));
                };
                let past = verb_forms(&fold(p), "");
                for form in verb_forms(&fold(p), &fold(im)) {
                    // (Not "سيطره" — "he controlled it" folds to the noun سيطرة.)
                    let flag = past.contains(&form) && !form.ends_with('ه');
                    trigger_index.insert(&form, Entry { flag, ..e });
                }
            }
        }
        let mut cue_index = PhraseIndex::default();
        for (kind, list) in [(0u32, &trig.cues.negation), (1, &trig.cues.planned), (2, &trig.cues.ongoing), (3, &trig.cues.generic), (4, &trig.cues.reporting), (5, &trig.cues.irrealis), (6, &trig.cues.no_casualties), (7, &trig.cues.official_titles), (8, &trig.cues.denial), (9, &trig.cues.person_names), (10, &trig.cues.sport)] {
            for w in list {
                cue_index.insert(&fold(w), Entry { kind: EntityKind::Cue, id: kind, flag: false });
            }
        }
        let version = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for s in [&f.actors, &f.sources, &f.triggers, &f.countries, &f.admin1, &f.places, &f.supplement, &f.stopnames] {
                s.hash(&mut h);
            }
            format!("{:016x}", h.finish())
        };
        let actor_by_id = actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        Ok(Lexicon { actors, sources, places, countries, triggers: trig.trigger, cues: trig.cues, entities, trigger_index, cue_index, country_by_iso, actor_by_id, nationality, version })
    }
}

/// A place alias without a leading generic word ("مدينة العين" -> "العين"): the cue word
/// is read from the text separately, and kept in the alias it would swallow the start of
/// another name ("مدينة عين العرب"). A bare remainder of one short word is dropped.
fn place_alias(k: &str) -> String {
    const GENERIC: &[&str] = &["مدينه ", "محافظه ", "بلده ", "قريه ", "منطقه ", "ولايه ", "ناحيه ", "مديريه ", "قضاء "];
    for g in GENERIC {
        if let Some(rest) = k.strip_prefix(g) {
            let short = !rest.contains(' ') && rest.trim_start_matches("ال").chars().count() <= 3;
            return if short { String::new() } else { rest.to_string() };
        }
    }
    k.to_string()
}

fn check_coords(file: &'static str, name: &str, lat: f64, lon: f64) -> Result<(), LexiconError> {
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(bad(file, format!("{name}: coordinates ({lat}, {lon}) out of range")));
    }
    Ok(())
}

/// Cue kinds as stored in `Entry::id` of the cue index.
pub const CUE_NEGATION: u32 = 0;
pub const CUE_PLANNED: u32 = 1;
pub const CUE_ONGOING: u32 = 2;
pub const CUE_GENERIC: u32 = 3;
pub const CUE_REPORTING: u32 = 4;
pub const CUE_IRREALIS: u32 = 5;
pub const CUE_NO_CASUALTIES: u32 = 6;
pub const CUE_OFFICIAL_TITLE: u32 = 7;
pub const CUE_DENIAL: u32 = 8;
pub const CUE_PERSON_NAME: u32 = 9;
pub const CUE_SPORT: u32 = 10;
