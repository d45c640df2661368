//! Repeated mentions of one act within an article become one event, as ACLED merges
//! same actors, day and place.

use super::*;

/// Merge repeated mentions of one act: same type and sub-type, same place (or one has
/// none), same actor1 (or one has none), overlapping dates.
pub(super) fn merge(drafts: Vec<Draft>, name: impl Fn(usize) -> String, within_area: impl Fn(usize, usize) -> bool) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    'next: for d in drafts {
        // Repeats are told close together; a window keeps merging linear on long texts.
        for o in out.iter_mut().rev().take(64) {
            // A bombing first told as "تفجير" and then as a suicide attack is one act.
            let bombing = |x: &str| matches!(x, "Remote explosive/landmine/IED" | "Suicide bomb");
            let same_type = o.event_type == d.event_type && (o.sub_event_type == d.sub_event_type || (bombing(&o.sub_event_type) && bombing(&d.sub_event_type)));
            let same_place = match (&o.place, &d.place) {
                (Some(a), Some(b)) => a.0 == b.0 || !o.place_local || !d.place_local || within_area(a.0, b.0),
                _ => true,
            };
            let same_actor = match (&o.actor1, &d.actor1) {
                // (Two entries may name one actor: "السلطات" in a Syrian article and
                // "السلطات السورية" are both the Syrian police when they arrest.)
                (Some(a), Some(b)) => a.0 == b.0 || o.actor1_inferred || d.actor1_inferred || name(a.0) == name(b.0),
                _ => true,
            };
            let known = |x: &DateField| x.precision != "unknown";
            let same_day = !known(&o.date) || !known(&d.date) || (o.date.start <= d.date.end && d.date.start <= o.date.end);
            if same_type && same_place && same_actor && same_day {
                if d.sub_event_type == "Suicide bomb" && o.sub_event_type != d.sub_event_type {
                    o.sub_event_type = d.sub_event_type.clone();
                    o.mode = d.mode.clone();
                }
                // The mention that counts something ("انشق بين 11 و13 عنصرا") states the act
                // better than a general one told first ("انشقاقات كثيرة بدأت تعم"): its words
                // become the evidence, with its place, date and counts.
                if o.quantities.is_empty() && o.fatalities.is_none() && (!d.quantities.is_empty() || d.fatalities.is_some()) {
                    o.clause = d.clause.clone();
                    o.trig_range = d.trig_range.clone();
                    o.quantities = d.quantities.clone();
                    if d.place_local {
                        o.place = d.place.clone();
                        o.place_local = true;
                    }
                    if known(&d.date) {
                        o.date = d.date.clone();
                    }
                    o.explain.push(format!("evidence: the later mention in sentence {} that counts it", d.sentence + 1));
                }
                if !o.place_local && d.place_local {
                    o.place = d.place.clone();
                    o.place_local = true;
                }
                if !known(&o.date) && known(&d.date) {
                    o.date = d.date.clone();
                }
                if o.fatalities.is_none() {
                    o.fatalities = d.fatalities.clone();
                }
                if o.actor1.is_none() || (o.actor1_inferred && !d.actor1_inferred && d.actor1.is_some()) {
                    o.actor1 = d.actor1.clone();
                    o.actor1_inferred = d.actor1_inferred;
                }
                if o.actor2.is_none() {
                    o.actor2 = d.actor2.clone();
                }
                if o.sources.is_empty() {
                    o.sources = d.sources.clone();
                }
                o.explain.push(format!("merged with a later mention in sentence {}", d.sentence + 1));
                continue 'next;
            }
        }
        out.push(d);
    }
    out
}
