//! The lexicons: actors, sources, places (gazetteer) and triggers, loaded from plain
//! text files (TOML and TSV under `data/`) and compiled into one phrase index.
//!
//! Data lives outside code so analysts can review and extend it: the files are embedded
//! in the binary as the default, and `Lexicon::from_files` builds the same thing from
//! user-edited copies (the CLI's `--data DIR`), without recompiling.

pub mod index;
pub mod load;

pub use index::{EntityKind, Hit, PhraseIndex};
pub use load::{DataFiles, LexiconError};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    #[serde(default)]
    pub aliases_en: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub contextual: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SourceEntry {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    #[serde(default)]
    pub generic: bool,
    /// Input `source` codes of articles this outlet publishes (it is never their source).
    #[serde(default)]
    pub publisher_codes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceLevel {
    Country = 0,
    Admin1 = 1,
    City = 2,
    Point = 3,
}

impl PlaceLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Country => "country",
            PlaceLevel::Admin1 => "admin1",
            PlaceLevel::City => "city",
            PlaceLevel::Point => "point",
        }
    }
}

#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub geonameid: Option<u64>,
    pub name: String,
    pub name_ar: String,
    pub lat: f64,
    pub lon: f64,
    pub country: String,
    pub admin1: Option<String>,
    pub population: u64,
    pub level: PlaceLevel,
    /// Curated (supplement.tsv): trusted even when small.
    pub curated: bool,
}

#[derive(Debug, Clone)]
pub struct CountryEntry {
    pub iso2: String,
    pub iso3: String,
    pub iso_numeric: String,
    pub name: String,
    pub region: String,
    /// Index of the country's own PlaceEntry (capital coordinates).
    pub place: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TriggerRole {
    Event,
    Kill,
    Weak,
    /// A weapon (عبوة ناسفة، سيارة مفخخة): an act only when used — see triggers.toml.
    Weapon,
}

/// What an ambiguous trigger word needs beside it to name an act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Needs {
    /// People right after it: a count of people, a person noun or a named actor
    /// ("سقوط العشرات من الميليشيا" — not "سقوط الموصل"; "حرق الطفل" — not "حرق مركبة").
    People,
    /// A count of people right after it, or a plural of people ("سقوط ثمانية حوثيين",
    /// "سقوط ضحايا" — not "سقوط شخص ببئر", a fall).
    CountedPeople,
    /// "Of wounds" within a few words after it ("توفي شرطي ومدني متأثرين بإصاباتهما"; not
    /// a natural death, "توفي الشيخ").
    OfWounds,
    /// A count just before or after it ("العشرات من جثث", "انتشال 15 جثة").
    Count,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerEntry {
    pub event_type: String,
    pub sub_event_type: String,
    #[serde(default)]
    pub mode: Option<String>,
    pub role: TriggerRole,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub actor_rule: Option<String>,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub verbs: Vec<Vec<String>>,
    /// The word names the act only with this beside it (see triggers.toml).
    #[serde(default)]
    pub needs: Option<Needs>,
    /// A death word that only counts the dead of an act told beside it, never an act of
    /// its own ("15 جثة": bodies found after a drowning are no political violence).
    #[serde(default)]
    pub toll_only: bool,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Cues {
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub planned: Vec<String>,
    #[serde(default)]
    pub ongoing: Vec<String>,
    #[serde(default)]
    pub generic: Vec<String>,
    #[serde(default)]
    pub reporting: Vec<String>,
    #[serde(default)]
    pub irrealis: Vec<String>,
    #[serde(default)]
    pub no_casualties: Vec<String>,
    #[serde(default)]
    pub official_titles: Vec<String>,
    #[serde(default)]
    pub denial: Vec<String>,
    #[serde(default)]
    pub person_names: Vec<String>,
    #[serde(default)]
    pub sport: Vec<String>,
}

/// Everything the coder looks words up in.
pub struct Lexicon {
    pub actors: Vec<ActorEntry>,
    pub sources: Vec<SourceEntry>,
    pub places: Vec<PlaceEntry>,
    pub countries: Vec<CountryEntry>,
    pub triggers: Vec<TriggerEntry>,
    pub cues: Cues,
    /// Entities: actors, sources, places (longest match, one layer).
    pub entities: PhraseIndex,
    /// Triggers (their own layer: a phrase can be both an actor and a trigger).
    pub trigger_index: PhraseIndex,
    /// Cue phrases: index into `cue_kinds`.
    pub cue_index: PhraseIndex,
    /// Country ISO2 -> index in `countries`.
    pub country_by_iso: std::collections::HashMap<String, usize>,
    /// Actor id -> index in `actors` (ids are unique, checked by the loader).
    pub actor_by_id: std::collections::HashMap<String, usize>,
    /// Nationality adjective (folded, without the article: "هنديه") -> country ISO2.
    pub nationality: std::collections::HashMap<String, String>,
    /// A short fingerprint of the data, for stores that must know when lexicons change.
    pub version: String,
}

impl Lexicon {
    /// The lexicons shipped in the repository's `data/` directory, embedded at build time.
    pub fn embedded() -> &'static Lexicon {
        static L: std::sync::LazyLock<Lexicon> =
            std::sync::LazyLock::new(|| Lexicon::from_files(&DataFiles::embedded()).expect("embedded data files are valid (checked by tests)"));
        &L
    }

    pub fn country(&self, iso2: &str) -> Option<&CountryEntry> {
        self.country_by_iso.get(iso2).map(|&i| &self.countries[i])
    }

    /// The actor with this id ("saudi-led-coalition", "police-iraq").
    pub fn actor_id(&self, id: &str) -> Option<usize> {
        self.actor_by_id.get(id).copied()
    }

    /// Whether a folded key is known to any dictionary (for clitic display).
    pub fn knows(&self, key: &str) -> bool {
        self.entities.has_first(key) || self.trigger_index.has_first(key)
    }
}
