//! The public `marsad/1` format (shared/spec/output-format.md): input articles and output
//! records. Field order and nullability follow the spec exactly.

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "marsad/1";

/// An input article (one JSON line).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleMeta {
    pub id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// One output line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub format: String,
    pub article: ArticleMeta,
    pub events: Vec<Event>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub id: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub mode: Option<String>,
    pub status: String,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub location: Location,
    pub date: DateField,
    pub fatalities: Option<Count>,
    pub quantities: Vec<Quantity>,
    pub sources: Vec<Source>,
    pub evidence: Span,
    pub confidence: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    pub name: String,
    pub name_ar: String,
    pub kind: String,
    pub country: Option<String>,
    pub mention: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Location {
    pub name: Option<String>,
    pub name_ar: Option<String>,
    pub geonameid: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub admin1: Option<String>,
    pub country: Option<String>,
    pub precision: String,
    pub mention: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateField {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: String,
    pub mention: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Count {
    pub min: u64,
    pub max: Option<u64>,
    pub approximate: bool,
    pub mention: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quantity {
    pub what: String,
    pub min: u64,
    pub max: Option<u64>,
    pub approximate: bool,
    pub mention: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub name: String,
    pub name_ar: String,
    pub kind: String,
    pub mention: Option<Span>,
}
