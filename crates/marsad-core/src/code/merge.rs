//! Repeated mentions of one act within an article become one event, as ACLED merges
//! same actors, day and place.

use super::*;

/// A toll told first and then broken down into the acts that make it up ("قتل عشرة جنود
/// خلال قتال" in the lead; then "خمسة جنود قتلوا ... عندما تعرضوا لهجوم" and "خمسة جنود
/// آخرين قتلوا في انفجار قنبلة") is a summary, not an act of its own: the parts are the
/// events. A total is dropped when two or more violent acts told in the next few
/// sentences, on the same day and in the same area, have exact tolls that add up to it.
pub(super) fn drop_totals(drafts: Vec<Draft>, within_area: impl Fn(usize, usize) -> bool) -> Vec<Draft> {
    let violent = |d: &Draft| violent_type(&d.event_type);
    let exact = |d: &Draft| d.fatalities.as_ref().and_then(|f| (f.max == Some(f.min) && f.min > 0).then_some(f.min));
    let known = |x: &DateField| x.precision != "unknown";
    let mut summary = vec![false; drafts.len()];
    for (i, t) in drafts.iter().enumerate() {
        let Some(total) = exact(t).filter(|&n| n >= 3 && violent(t)) else { continue };
        let parts: Vec<u64> = drafts
            .iter()
            .skip(i + 1)
            .filter(|p| p.sentence > t.sentence && p.sentence <= t.sentence + 4 && violent(p))
            .filter(|p| !known(&t.date) || !known(&p.date) || (t.date.start <= p.date.end && p.date.start <= t.date.end))
            .filter(|p| match (&t.place, &p.place) {
                (Some(a), Some(b)) => a.0 == b.0 || within_area(a.0, b.0),
                _ => true,
            })
            .filter_map(exact)
            .filter(|&n| n < total)
            .take(8)
            .collect();
        // Any two or more of them adding up to the total.
        summary[i] = (1u32..1 << parts.len()).any(|m| m.count_ones() >= 2 && (0..parts.len()).filter(|&k| m & (1 << k) != 0).map(|k| parts[k]).sum::<u64>() == total);
    }
    drafts.into_iter().zip(summary).filter(|(_, s)| !s).map(|(d, _)| d).collect()
}

/// Merge repeated mentions of one act: same type and sub-type, same place (or one has
/// none), same actor1 (or one has none), overlapping dates.
pub(super) fn merge(drafts: Vec<Draft>, name: impl Fn(usize) -> String, within_area: impl Fn(usize, usize) -> bool) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    'next: for d in drafts {
        // Repeats are told close together; a window keeps merging linear on long texts.
        for o in out.iter_mut().rev().take(64) {
            // A bombing first told as "تفجير" and then as a suicide attack is one act.
            let same_type = o.event_type == d.event_type && (o.sub_event_type == d.sub_event_type || (is_bombing(&o.sub_event_type) && is_bombing(&d.sub_event_type)));
            let same_place = match (&o.place, &d.place) {
                (Some(a), Some(b)) => a.0 == b.0 || !o.place_local || !d.place_local || within_area(a.0, b.0),
                _ => true,
            };
            // (Two entries may name one actor: "السلطات" in a Syrian article and
            // "السلطات السورية" are both the Syrian police when they arrest.)
            let same = |a: usize, b: usize| a == b || name(a) == name(b);
            // The sides of a clash have no order: a clash told from either side is one.
            // (Only retold in the next sentence at the same named place: the same two sides
            // fight at many places, and again later.)
            let one_place = o.place_local && d.place_local && matches!((&o.place, &d.place), (Some(a), Some(b)) if a.0 == b.0 || within_area(a.0, b.0));
            // (And with tolls that can both be true: "13 killed in an ambush" is not the
            // "24 to 103" of the fighting told before it.)
            let tolls_agree = match (&o.fatalities, &d.fatalities) {
                (Some(a), Some(b)) => a.min <= b.max.unwrap_or(u64::MAX) && b.min <= a.max.unwrap_or(u64::MAX),
                _ => true,
            };
            let clash = o.sub_event_type == "Armed clash" && d.sub_event_type == "Armed clash" && one_place && d.sentence <= o.sentence + 1 && tolls_agree;
            let same_actor = match (&o.actor1, &d.actor1) {
                (Some(a), Some(b)) => {
                    same(a.0, b.0) || o.actor1_inferred || d.actor1_inferred || clash && (o.actor2.as_ref().is_some_and(|x| same(x.0, b.0)) || d.actor2.as_ref().is_some_and(|x| same(x.0, a.0)))
                }
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
                    // (And who says so: "بحسب ما أفاد ناشطون" of the counted mention; and the
                    // actors' mentions nearest the new evidence, when they name the same actors.)
                    if !d.sources.is_empty() {
                        o.sources = d.sources.clone();
                    }
                    for (mine, theirs) in [(&mut o.actor1, &d.actor1), (&mut o.actor2, &d.actor2)] {
                        if let (Some(m), Some(t)) = (mine.as_mut(), theirs) {
                            if m.0 == t.0 {
                                m.1 = t.1.clone();
                            }
                        }
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
                if o.actor2_person.is_none() {
                    o.actor2_person = d.actor2_person.clone();
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
