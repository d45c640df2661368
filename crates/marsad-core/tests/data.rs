//! The data files (data/*.toml, data/gazetteer/*.tsv) are valid: the loader checks ids,
//! kinds, aliases and coordinates, and these tests check it does, and that coverage holds.

use marsad_core::lexicon::load::{DataFiles, ACTOR_KINDS};
use marsad_core::lexicon::{Lexicon, PlaceLevel};
use marsad_core::normalize::fold;
use std::collections::HashSet;

#[test]
fn embedded_data_loads_and_covers_the_region() {
    let l = Lexicon::embedded();
    assert!(l.actors.len() >= 300, "{} actors", l.actors.len());
    assert!(l.sources.len() >= 100, "{} sources", l.sources.len());
    let ids: HashSet<_> = l.actors.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), l.actors.len(), "actor ids unique");
    for a in &l.actors {
        assert!(ACTOR_KINDS.contains(&a.kind.as_str()), "{}", a.id);
        for al in &a.aliases_ar {
            assert!(!fold(al).is_empty(), "{}: alias {al:?} folds to nothing", a.id);
        }
    }
    for p in &l.places {
        assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon), "{}", p.name);
    }
    // Arab League states, Turkey, Iran, Afghanistan.
    for iso in ["SY", "IQ", "YE", "LY", "EG", "SA", "LB", "JO", "PS", "SO", "SD", "TN", "DZ", "MA", "MR", "KW", "BH", "QA", "AE", "OM", "DJ", "KM", "TR", "IR", "AF"] {
        assert!(l.country(iso).is_some(), "country {iso} missing");
    }
    let admin1 = l.places.iter().filter(|p| p.level == PlaceLevel::Admin1).count();
    assert!(admin1 > 300, "{admin1} governorates");
    // Every trigger names a sub-event type of the ontology.
    let subs: HashSet<&str> = l.triggers.iter().map(|t| t.sub_event_type.as_str()).collect();
    for s in ["Armed clash", "Air/drone strike", "Suicide bomb", "Arrests", "Peaceful protest", "Change to group/activity", "Abduction/forced disappearance"] {
        assert!(subs.contains(s), "no trigger for {s}");
    }
}

fn with(name: &str, text: &str) -> Result<Lexicon, String> {
    let mut f = DataFiles::embedded();
    assert!(f.set(name, text.to_string()));
    Lexicon::from_files(&f).map(|_| ()).map_err(|e| e.to_string()).map(|_| Lexicon::from_files(&f).unwrap())
}

#[test]
fn invalid_data_is_rejected_with_the_file_named() {
    let dup = "[[actor]]\nid = \"x\"\nname = \"X\"\nkind = \"rebels\"\naliases_ar = [\"داعش\"]\n[[actor]]\nid = \"x\"\nname = \"Y\"\nkind = \"rebels\"\naliases_ar = [\"النصرة\"]\n";
    let e = with("actors.toml", dup).err().unwrap();
    assert!(e.contains("actors.toml") && e.contains("duplicate id"), "{e}");
    let kind = "[[actor]]\nid = \"x\"\nname = \"X\"\nkind = \"wizards\"\naliases_ar = [\"داعش\"]\n";
    assert!(with("actors.toml", kind).err().unwrap().contains("unknown kind"));
    let latin = "[[actor]]\nid = \"x\"\nname = \"X\"\nkind = \"rebels\"\naliases_ar = [\"ISIS\"]\n";
    assert!(with("actors.toml", latin).err().unwrap().contains("no Arabic letters"));
    // A misspelt key is an error, not silently ignored.
    let typo = "[[trigger]]\nevent_type = \"Battles\"\nsub_event_type = \"Armed clash\"\nrole = \"event\"\nneds = \"people\"\nwords = [\"اشتباكات\"]\n";
    let e = with("triggers.toml", typo).err().unwrap();
    assert!(e.contains("triggers.toml") && e.contains("neds"), "{e}");
    let coords = "geonameid\tname\tnames_ar\tlat\tlon\tcountry\tadmin1_code\tadmin1\tpopulation\tfeature\n1\tX\tالموصل\t136.3\t43.1\tIQ\t\tNineveh\t100\tPPL\n";
    assert!(with("gazetteer/places.tsv", coords).err().unwrap().contains("out of range"));
}

#[test]
fn user_data_changes_matching_without_recompiling() {
    // An analyst adds a new armed group: the engine finds it.
    let mut f = DataFiles::embedded();
    let mut actors = f.actors.to_string();
    actors.push_str("\n[[actor]]\nid = \"test-brigade\"\nname = \"Test Brigade\"\nkind = \"militia\"\ncountry = \"SY\"\naliases_ar = [\"لواء الاختبار\"]\n");
    f.set("actors.toml", actors);
    let lex = Lexicon::from_files(&f).unwrap();
    let engine = marsad_core::engine::Engine::with_lexicon(lex);
    let a = marsad_core::format::Article {
        id: "t".into(),
        text: "اشتبك لواء الاختبار مع قوات النظام في مدينة حلب أمس.".into(),
        date: Some("2015-07-20".into()),
        ..Default::default()
    };
    let r = engine.extract(&a);
    let names: Vec<String> = r.events.iter().flat_map(|e| [e.actor1.clone(), e.actor2.clone()]).flatten().map(|a| a.name).collect();
    assert!(names.iter().any(|n| n == "Test Brigade"), "{names:?}");
}

/// An Arabic alias shared by two actors resolves to the first only: each sharing actor must
/// say why in a `note` (as scripts/check_dictionaries.py also checks).
#[test]
fn shared_actor_aliases_are_noted() {
    let text = include_str!("../../../data/actors.toml");
    let v: toml::Value = toml::from_str(text).expect("actors.toml parses");
    let mut by_alias: std::collections::HashMap<String, Vec<(String, bool)>> = std::collections::HashMap::new();
    for a in v["actor"].as_array().expect("[[actor]]") {
        let id = a["id"].as_str().unwrap().to_string();
        let noted = a.get("note").is_some();
        for al in a.get("aliases_ar").and_then(|x| x.as_array()).into_iter().flatten() {
            by_alias.entry(fold(al.as_str().unwrap())).or_default().push((id.clone(), noted));
        }
    }
    let bad: Vec<_> = by_alias.iter().filter(|(_, ids)| ids.len() > 1 && ids.iter().any(|(_, n)| !n)).collect();
    assert!(bad.is_empty(), "aliases shared without a note: {bad:?}");
}
