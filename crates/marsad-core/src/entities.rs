//! Annotators over the lexicon: places (with disambiguation), actors, sources, triggers
//! and cue words, each as mentions with byte ranges of the folded text.

use crate::doc::Doc;
use crate::lexicon::index::token_keys;
use crate::lexicon::{EntityKind, Lexicon, Needs, PlaceLevel};
use crate::words::{COMBATANT_NOUNS, PERSON_NOUNS, PLURAL_PEOPLE};
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct PlaceMention {
    pub range: Range<usize>,
    pub toks: Range<usize>,
    /// Chosen gazetteer entry.
    pub place: usize,
    /// The mention was introduced by an admin cue (محافظة، ولاية، ريف...).
    pub admin_cue: bool,
    /// The mention reads as a location: after "في", "داخل", a compass word, or with the
    /// preposition ب ("بسوريا"); a bare country name is often an actor ("السعودية").
    pub locative: bool,
}

#[derive(Debug, Clone)]
pub struct ActorMention {
    pub range: Range<usize>,
    pub toks: Range<usize>,
    pub actor: usize,
}

#[derive(Debug, Clone)]
pub struct SourceMention {
    pub range: Range<usize>,
    pub toks: Range<usize>,
    pub source: usize,
}

#[derive(Debug, Clone)]
pub struct TriggerMention {
    pub range: Range<usize>,
    pub toks: Range<usize>,
    pub trigger: usize,
    /// The word carried the future prefix س.
    pub future: bool,
    /// The word carried the preposition ل ("لقصف", "لاستعادة"): a purpose, not a report.
    pub lam: bool,
    /// A past-tense verb form ("سيطرت", "حرروا"): the act told as done.
    pub past_verb: bool,
}

#[derive(Debug, Clone)]
pub struct CueMention {
    pub toks: Range<usize>,
    pub kind: u32,
}

pub struct Entities {
    pub places: Vec<PlaceMention>,
    pub actors: Vec<ActorMention>,
    pub sources: Vec<SourceMention>,
    pub triggers: Vec<TriggerMention>,
    pub cues: Vec<CueMention>,
    /// Country the article is about (ISO2), from its place mentions.
    pub focus_country: Option<String>,
}

/// Below this population a one-word place name needs a cue word (مدينة، قرية...).
const SMALL_PLACE: u64 = 20_000;
/// Outside the article's focus country a city must be at least this large, or cued.
const FOREIGN_PLACE: u64 = 100_000;

/// Words before a place name that say it is a governorate or province.
const ADMIN_CUES: &[&str] = &["محافظه", "ولايه", "اقليم", "ريف", "منطقه", "مقاطعه"];
/// Words after which a name is where something happens.
const LOCATIVE: &[&str] = &["في", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "انحاء", "ارجاء", "اراضي", "مناطق", "قرب", "بالقرب", "حدود", "الي", "من", "نحو", "باتجاه"];
/// Words that license a stop-name as a place ("مدينة الباب").
const STRICT_CUES: &[&str] = &["مدينه", "بلده", "قريه", "حي", "مدينتي", "ناحيه", "قضاء", "مخيم", "محافظه", "ولايه", "اقليم", "مديريه"];
/// Place names that after ب are common idioms (بحجة = on the pretext): they need a cue.
const BA_IDIOMS: &[&str] = &["حجه"];
/// Words before a place name that say it is a place (they license small places).
const TOWN_CUES: &[&str] = &["مدينه", "بلده", "قريه", "حي", "مدينتي", "بلدات", "قري", "ناحيه", "قضاء", "مخيم", "محافظه", "ولايه", "منطقه", "مديريه", "مديريتي", "مديريات", "احياء", "بلدتي", "قريتي", "شمال", "جنوب", "شرق", "غرب", "ريف", "اقليم"];

/// Actors named only by category ("الإرهابيين", "المتمردين", "المسلحين") that the
/// article has already identified: they refer to its most-mentioned named armed group.
const CATEGORY_ACTORS: &[&str] = &["armed-militants", "unidentified-armed-group"];

/// The article's most-mentioned named armed group (rebels or militia), if any.
fn dominant_armed_group(lex: &Lexicon, actors: &[ActorMention]) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for a in actors {
        let e = &lex.actors[a.actor];
        if matches!(e.kind.as_str(), "rebels" | "militia") && !e.contextual && !CATEGORY_ACTORS.contains(&e.id.as_str()) {
            *counts.entry(a.actor).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|&(id, n)| (n, std::cmp::Reverse(id))).map(|(id, _)| id)
}

fn resolve_generic_actors(text: &str, lex: &Lexicon, dominant: usize, actors: &mut [ActorMention]) {
    // In the Yemeni war "the rebels" and "the putschists" are the Houthis (and Saleh's
    // forces) whatever group the article mentions most.
    let houthis = actors.iter().map(|a| a.actor).find(|&a| matches!(lex.actors[a].id.as_str(), "houthis" | "houthi-saleh-forces"));
    for i in 0..actors.len() {
        let e = &lex.actors[actors[i].actor];
        if !CATEGORY_ACTORS.contains(&e.id.as_str()) {
            continue;
        }
        if let Some(h) = houthis {
            let w = &text[actors[i].range.clone()];
            if ["متمرد", "انقلابي"].iter().any(|k| w.contains(k)) {
                actors[i].actor = h;
                continue;
            }
        }
        // "ثوار المقاومة الشعبية", "مسلحي الحوثي": the named group right after the category
        // word is the one meant.
        // (An idafa head has no article and the next word no و: "الجيش والمقاومة" is a
        // coordination.)
        let head = &text[actors[i].range.clone()];
        let idafa = !crate::tokenize::has_article(head);
        if let Some(next) = actors.get(i + 1).filter(|n| idafa && n.toks.start == actors[i].toks.end && !text[n.range.clone()].starts_with('و')) {
            let ne = &lex.actors[next.actor];
            if !ne.contextual && !CATEGORY_ACTORS.contains(&ne.id.as_str()) && matches!(ne.kind.as_str(), "rebels" | "militia" | "state-forces" | "external-forces") {
                actors[i].actor = next.actor;
                continue;
            }
        }
        let a = &mut actors[i];
        // Indefinite "مسلحون مجهولون" stays unidentified; definite "المسلحين" is known.
        let w = &text[a.range.clone()];
        let definite = crate::tokenize::has_article(w);
        if e.id == "armed-militants" || definite {
            a.actor = dominant;
        }
    }
}

/// "التنظيم", "الجماعة", "الميليشيا" on their own refer back to the armed group the
/// article is about (its most-mentioned named rebel group or militia).
fn add_anaphoric_actors(doc: &Doc, keys: &[&str], dominant: usize, actors: &mut Vec<ActorMention>) {
    let mut added = Vec::new();
    let mut next = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        let w = &doc.text()[t.range.clone()];
        if !matches!(keys[i], "تنظيم" | "جماعه" | "ميليشيا" | "مليشيا") || !(w.contains("ال")) {
            continue;
        }
        // Not when a name follows ("التنظيم الإرهابي داعش" is already an actor mention).
        while next < actors.len() && actors[next].toks.end <= i {
            next += 1;
        }
        if actors.get(next).is_some_and(|a| a.toks.start <= i + 1) {
            continue;
        }
        added.push(ActorMention { range: t.range.clone(), toks: i..i + 1, actor: dominant });
    }
    if !added.is_empty() {
        actors.extend(added);
        actors.sort_by_key(|a| (a.range.start, a.range.end));
    }
}

pub fn annotate(doc: &Doc, lex: &Lexicon) -> Entities {
    let text = doc.text();
    let keys = token_keys(text, &doc.tokens);
    let prev_key = |t: usize| if t > 0 { Some(keys[t - 1]) } else { None };

    let mut actors = Vec::new();
    let mut sources = Vec::new();
    let mut raw_places: Vec<(Range<usize>, Range<usize>, Vec<usize>, bool, bool, bool, bool)> = Vec::new();
    // Places matched through a stop-name ("قرية دير ..."): only ever in the focus country.
    let mut via_stopname: std::collections::HashSet<usize> = std::collections::HashSet::new();
    // "وبلدات", "وقرية": a cue word keeps its meaning after و.
    let cue_key = |t: usize| prev_key(t).map(|k| k.strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(k));
    // "بلدات طعوم وسرمين وتفتناز": a cue word cues every name of the list after it, even
    // past a name the gazetteer lacks. Walk back over "و"-joined words to the cue.
    let in_cued_list = |t: usize| {
        let starts_wa = |j: usize| text[doc.tokens[j].range.clone()].starts_with('و');
        if !starts_wa(t) {
            return false;
        }
        let mut j = t;
        for _ in 0..6 {
            if j == 0 {
                return false;
            }
            j -= 1;
            if cue_key(j + 1).is_some_and(|k| TOWN_CUES.contains(&k)) {
                return true;
            }
            if !starts_wa(j) && !cue_key(j).is_some_and(|k| TOWN_CUES.contains(&k)) {
                return false;
            }
        }
        false
    };
    for h in lex.entities.find(text, &doc.tokens, &keys) {
        let mut place_ids = Vec::new();
        let w = &text[doc.tokens[h.tok_start].range.clone()];
        let listed = w[..h.prefix_len].starts_with('و') && in_cued_list(h.tok_start);
        let cue = listed || cue_key(h.tok_start).is_some_and(|k| TOWN_CUES.contains(&k));
        let strict_cue = cue_key(h.tok_start).is_some_and(|k| STRICT_CUES.contains(&k));
        let admin_cue = prev_key(h.tok_start).is_some_and(|k| ADMIN_CUES.contains(&k));
        let single = h.tok_end - h.tok_start == 1;
        for e in h.entries {
            match e.kind {
                // A person or government named without the article is not the word with it:
                // "الكاميرون" is Cameroon, not David Cameron (كاميرون).
                EntityKind::Actor
                    if single
                        && w[h.prefix_len..].starts_with("ال")
                        && lex.actors[e.id as usize].kind == "government"
                        && !lex.actors[e.id as usize].aliases_ar.iter().any(|a| a.starts_with("ال")) => {}
                EntityKind::Actor => actors.push(ActorMention { range: h.range.clone(), toks: h.tok_start..h.tok_end, actor: e.id as usize }),
                EntityKind::Source => sources.push(SourceMention { range: h.range.clone(), toks: h.tok_start..h.tok_end, source: e.id as usize }),
                // "الحدود السورية": with the article, "سورية" is the adjective "Syrian".
                EntityKind::Place if single && lex.places[e.id as usize].level == PlaceLevel::Country && w[h.prefix_len..].starts_with("ال") && keys[h.tok_start].ends_with("يه") && !lex.places[e.id as usize].name_ar.starts_with("ال") => {}
                // A place never takes "ك" (كمينا is an ambush, not ك + Minna).
                EntityKind::Place if w[..h.prefix_len].contains('ك') => {}
                // "بحجة أن" is "on the pretext that", not "in Hajjah".
                EntityKind::Place if !strict_cue && w[..h.prefix_len].ends_with('ب') && BA_IDIOMS.contains(&keys[h.tok_start].trim_start_matches(['و', 'ف', 'ب'])) => {}
                EntityKind::Place if !e.flag || strict_cue => {
                    // Small places with one-word names are often common words
                    // ("مسجد", "الروضة"): they need a cue word before them.
                    let p = &lex.places[e.id as usize];
                    let small = single && p.level >= PlaceLevel::City && !p.curated && p.population < SMALL_PLACE;
                    if !small || cue {
                        place_ids.push(e.id as usize);
                        if e.flag {
                            via_stopname.insert(e.id as usize);
                        }
                    }
                }
                _ => {}
            }
        }
        if !place_ids.is_empty() {
            let neighbourhood = prev_key(h.tok_start).is_some_and(|k| k == "حي" || k == "احياء");
            let locative = prev_key(h.tok_start).is_some_and(|k| LOCATIVE.contains(&k)) || w[..h.prefix_len].ends_with('ب') || cue;
            raw_places.push((h.range.clone(), h.tok_start..h.tok_end, place_ids, admin_cue, (cue && !neighbourhood) || !single, neighbourhood, locative));
        }
    }
    // Resolving category words only adds mentions of the dominant group, so it stays
    // dominant for the anaphora that follow.
    if let Some(dominant) = dominant_armed_group(lex, &actors) {
        resolve_generic_actors(text, lex, dominant, &mut actors);
        add_anaphoric_actors(doc, &keys, dominant, &mut actors);
    }
    // Country focus: unambiguous mentions vote for their country (lead sentence twice).
    let lead_end = doc.sentences.first().map_or(0, |s| s.range.end);
    let mut votes: HashMap<&str, f64> = HashMap::new();
    let reliable = |i: usize| {
        let p = &lex.places[i];
        p.level <= PlaceLevel::Admin1 || p.curated || p.population >= FOREIGN_PLACE
    };
    for (r, _, ids, _, _, _, _) in &raw_places {
        let mut cs: Vec<&str> = ids.iter().filter(|&&i| reliable(i)).map(|&i| lex.places[i].country.as_str()).collect();
        cs.sort_unstable();
        cs.dedup();
        if cs.len() == 1 {
            *votes.entry(cs[0]).or_default() += if r.start < lead_end { 2.0 } else { 1.0 };
        }
    }
    for a in &actors {
        let c = &lex.actors[a.actor].country;
        if !c.is_empty() {
            *votes.entry(c.as_str()).or_default() += 0.5;
        }
    }
    let focus = votes.iter().max_by(|a, b| a.1.partial_cmp(b.1).unwrap().then(b.0.cmp(a.0))).map(|(c, _)| c.to_string());
    // Outside the focus country only well-known places (or cued/multi-word names) count.
    let places: Vec<PlaceMention> = raw_places
        .into_iter()
        .filter_map(|(range, toks, ids, admin_cue, cued, neighbourhood, locative)| {
            let ids: Vec<usize> = ids
                .into_iter()
                .filter(|&i| {
                    let p = &lex.places[i];
                    let home = focus.as_deref() == Some(p.country.as_str());
                    // A cue word licenses a mid-sized foreign town, not a hamlet that shares
                    // its name with a place of the article's own country.
                    if !home && via_stopname.contains(&i) {
                        return false;
                    }
                    home || focus.is_none() || !neighbourhood && match p.level {
                        PlaceLevel::Country => true,
                        PlaceLevel::Admin1 => admin_cue || cued,
                        _ => p.population >= FOREIGN_PLACE || (cued && p.population >= SMALL_PLACE),
                    }
                })
                .collect();
            if ids.is_empty() {
                return None;
            }
            let score = |&i: &usize| {
                let p = &lex.places[i];
                let in_focus = focus.as_deref() == Some(p.country.as_str());
                let level_fit = match (admin_cue, p.level) {
                    (true, PlaceLevel::Admin1) => 2,
                    (true, _) => 0,
                    (false, PlaceLevel::City | PlaceLevel::Point) => 2,
                    (false, PlaceLevel::Country) => 2,
                    (false, PlaceLevel::Admin1) => 1,
                };
                (in_focus as u8, level_fit, p.population.min(u64::MAX / 8))
            };
            let place = *ids.iter().max_by_key(|i| score(i)).unwrap();
            Some(PlaceMention { range, toks, place, admin_cue, locative })
        })
        .collect();

    let mut triggers = Vec::new();
    for h in lex.trigger_index.find(text, &doc.tokens, &keys) {
        let w = &text[doc.tokens[h.tok_start].range.clone()];
        let future = w[..h.prefix_len].contains('س');
        // (Not the ل that "تعرض" governs: "تعرضوا لهجوم" were attacked — a report.)
        let exposed = h.tok_start > 0 && {
            let p = keys[h.tok_start - 1].trim_start_matches(['و', 'ف']);
            ["تعرض", "يتعرض", "تتعرض"].iter().any(|v| p.starts_with(v))
        };
        let lam = w[..h.prefix_len].contains('ل') && !exposed;
        for e in h.entries {
            let toks = h.tok_start..h.tok_end;
            let ok = match lex.triggers[e.id as usize].needs {
                None => true,
                Some(Needs::People) => people_after(doc, &keys, &actors, &places, toks.end, false),
                Some(Needs::CountedPeople) => people_after(doc, &keys, &actors, &places, toks.end, true),
                Some(Needs::Count) => count_near(doc, &toks),
                Some(Needs::OfWounds) => of_wounds(&keys, toks.end),
            };
            if ok {
                triggers.push(TriggerMention { range: h.range.clone(), toks, trigger: e.id as usize, future, lam, past_verb: e.flag });
            }
        }
    }
    let cues = lex.cue_index.find(text, &doc.tokens, &keys).into_iter().flat_map(|h| h.entries.iter().map(move |e| CueMention { toks: h.tok_start..h.tok_end, kind: e.id })).collect();
    Entities { places, actors, sources, triggers, cues, focus_country: focus }
}

/// The number mention over token `i`, if any (also one after a clitic: "وثلاثة").
fn number_over<'d>(doc: &'d Doc, i: usize) -> Option<&'d crate::numbers::NumberMention> {
    let t = doc.tokens.get(i)?;
    // (Numbers are sorted by start and do not overlap: the last one starting before the
    // token's end is the only candidate.)
    let k = doc.numbers.partition_point(|n| n.range.start < t.range.end);
    doc.numbers[..k].last().filter(|n| t.range.start < n.range.end)
}

/// People are named right after token `from`: a person noun, a count followed by a person
/// noun or by "من" and people, or an actor that is not a place ("سقوط العشرات من ميليشيا
/// الحوثي", "حرق الطفل", "سقوط ثمانية حوثيين").
/// With `counted`, only a count of people or a plural noun of people will do.
fn people_after(doc: &Doc, keys: &[&str], actors: &[ActorMention], places: &[PlaceMention], from: usize, counted: bool) -> bool {
    let bare = |i: usize| keys.get(i).map(|k| k.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(k));
    let person = |i: usize| bare(i).is_some_and(|k| PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k));
    let actor = |i: usize| actors.iter().any(|a| a.toks.start == i) && !places.iter().any(|p| p.toks.start == i);
    // "أكثر من 20", "نحو 30": a quantifier before the count.
    let mut i = from;
    if bare(i).is_some_and(|k| matches!(k, "اكثر" | "نحو" | "حوالي" | "قرابه" | "زهاء")) {
        i += if bare(i + 1) == Some("من") { 2 } else { 1 };
    }
    if let Some(n) = number_over(doc, i) {
        // The count's own span may hold its noun ("عشرة مدنيين"); else the next words.
        let end = doc.tokens_covering(&n.range).end;
        return person(end - 1) || person(end) || bare(end) == Some("من") && (person(end + 1) || actor(end + 1));
    }
    if counted {
        return bare(i).is_some_and(|k| PLURAL_PEOPLE.contains(&k));
    }
    person(i) || actor(i)
}

/// A count (not a year) within three words before or after the word ("العشرات من جثث").
fn count_near(doc: &Doc, toks: &std::ops::Range<usize>) -> bool {
    (toks.start.saturating_sub(3)..toks.end + 3)
        .filter(|&i| i < toks.start || i >= toks.end)
        .any(|i| number_over(doc, i).is_some_and(|n| !(1900..2100).contains(&n.min)))
}

/// "متأثرا بجراحه", "متأثرين بإصاباتهم" within six words after token `from`: died of wounds.
fn of_wounds(keys: &[&str], from: usize) -> bool {
    (from..(from + 6).min(keys.len())).any(|i| {
        keys[i].starts_with("متاثر")
            && keys.get(i + 1).is_some_and(|k| ["بجراح", "بجروح", "باصاب", "بالجراح", "بالاصاب"].iter().any(|w| k.starts_with(w)))
    })
}
