//! The coder: events from triggers and the annotations around them, clause by clause.
//!
//! For every clause the strongest trigger names the act. Its fields are then filled
//! nearest-first: from the clause, then the sentence, then the article (dateline, lead,
//! country focus). Death words (قتل، مقتل، قتلى) give the fatalities of the act beside
//! them, and become an act of their own only when nothing else in the sentence is one.
//! Repeated mentions of one act (same type, place, actor and day) are merged.
//! Each decision is recorded in `Explain` for `marsad extract --explain`.

use crate::doc::Doc;
use crate::entities::{ActorMention, Entities, SourceMention, TriggerMention};
use crate::format::{self, Count, DateField, Event, Location, Quantity, Span};
use crate::lexicon::load::{CUE_GENERIC, CUE_IRREALIS, CUE_NEGATION, CUE_DENIAL, CUE_NO_CASUALTIES, CUE_OFFICIAL_TITLE, CUE_ONGOING, CUE_PERSON_NAME, CUE_PLANNED, CUE_REPORTING, CUE_SPORT};
use crate::lexicon::{Lexicon, PlaceLevel, TriggerRole};
use crate::numbers::NumberMention;
use crate::tokenize::key;
use std::ops::Range;

/// Why each field of an event has its value.
#[derive(Debug, Clone, Default)]
pub struct Explain {
    pub lines: Vec<String>,
}

mod acts;
mod deaths;
mod merge;
mod persons;
mod place_date;
mod roles;
mod sources;


use merge::{drop_totals, merge};
use crate::words::*;


struct Ctx<'a, 'd> {
    /// The input `source` code of the publishing outlet.
    publisher: Option<&'a str>,
    /// Article-stripped key of every token.
    keys: Vec<&'a str>,
    doc: &'a Doc<'d>,
    lex: &'a Lexicon,
    ents: &'a Entities,
    id: &'a str,
    /// Record why (`Explain`): only `marsad extract --explain` reads it, and the lines
    /// cost more to format than most decisions they tell of.
    explain: bool,
}

#[derive(Clone)]
struct Draft {
    trig_range: Range<usize>,
    sentence: usize,
    clause: Range<usize>,
    event_type: String,
    sub_event_type: String,
    mode: Option<String>,
    status: &'static str,
    actor1: Option<(usize, Range<usize>)>,
    /// actor1 is the "unidentified" default, not read in the text.
    actor1_inferred: bool,
    actor2: Option<(usize, Range<usize>)>,
    /// A named person the lexicon does not know who suffered the act (byte range), and
    /// whether a military rank stood before the name; used when `actor2` is empty.
    actor2_person: Option<(Range<usize>, bool)>,
    place: Option<(usize, Option<Range<usize>>)>,
    /// The place was stated in the event's own sentence (not an article fallback).
    place_local: bool,
    date: DateField,
    fatalities: Option<Count>,
    /// The text read for `fatalities`: a death clause inside it is already counted.
    deaths_from: Range<usize>,
    quantities: Vec<Quantity>,
    sources: Vec<format::Source>,
    confidence: f64,
    explain: Vec<String>,
}

/// Acts of violence: the event types whose mentions tell a toll and refer back to each other.
fn violent_type(event_type: &str) -> bool {
    matches!(event_type, "Battles" | "Explosions/Remote violence" | "Violence against civilians")
}

/// A bombing, told as a bomb or as a suicide attack: one act either way.
fn is_bombing(sub_event_type: &str) -> bool {
    matches!(sub_event_type, "Remote explosive/landmine/IED" | "Suicide bomb")
}

/// The items of a start-sorted slice that lie inside `r` (binary search, so coding stays
/// linear in the article's length even for very long articles).
fn within<'v, T>(v: &'v [T], r: &Range<usize>, f: impl Fn(&T) -> &Range<usize>) -> impl Iterator<Item = &'v T> {
    let lo = v.partition_point(|x| f(x).start < r.start);
    let hi = v.partition_point(|x| f(x).start < r.end);
    let end = r.end;
    v[lo..hi.max(lo)].iter().filter(move |x| f(x).end <= end)
}

/// The events of a document, each with why its fields have their values.
pub fn code(doc: &Doc, lex: &Lexicon, ents: &Entities, id: &str, publisher: Option<&str>) -> (Vec<Event>, Vec<Explain>) {
    run(doc, lex, ents, id, publisher, true)
}

/// The events of a document, as `code` gives them, without the explanations.
pub fn events(doc: &Doc, lex: &Lexicon, ents: &Entities, id: &str, publisher: Option<&str>) -> Vec<Event> {
    run(doc, lex, ents, id, publisher, false).0
}

fn run(doc: &Doc, lex: &Lexicon, ents: &Entities, id: &str, publisher: Option<&str>, explain: bool) -> (Vec<Event>, Vec<Explain>) {
    let keys = crate::lexicon::index::token_keys(doc.text(), &doc.tokens);
    let cx = Ctx { keys, doc, lex, ents, id, publisher, explain };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending_kills: Vec<(usize, Range<usize>)> = Vec::new();
    // A wire service or paper cited in the lead ("ذكرت رويترز") is the outermost source
    // of the whole report.
    let lead_media: Vec<format::Source> =
        doc.sentences.iter().take(2).flat_map(|s| cx.sources_in(&s.range)).filter(|s| s.kind == "media").take(1).collect();
    let mut prev_chain: Vec<format::Source> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        // The attribution a sentence states covers its acts; with none, the lead's outlet.
        // (Carrying a chain on to later sentences in general attributed too much: measured
        // on dev. Only a sentence that opens with "وأضاف", "وتابع"... goes on quoting the
        // previous speaker.)
        let mut chain = cx.sources_in(&s.range);
        let st = doc.tokens_in(&s.range);
        let continues = !st.is_empty() && matches!(cx.keys[st.start], "واضاف" | "اضاف" | "وتابع" | "واوضح" | "وتابعت" | "واضافت" | "واوضحت" | "واشار" | "واشارت" | "وزاد" | "ومضي" | "واستطرد");
        if chain.is_empty() && continues && !prev_chain.is_empty() {
            chain = prev_chain.clone();
        } else if chain.is_empty() {
            chain = lead_media.clone();
        } else if !chain.iter().any(|x| x.kind == "media") {
            chain.splice(0..0, lead_media.iter().cloned());
        }
        prev_chain = chain.clone();
        let first_draft_of_sentence = drafts.len();
        for c in &s.clauses {
            // A trigger word inside a source's name ("الرقة تذبح بصمت") names no act.
            let trigs: Vec<&TriggerMention> = within(&ents.triggers, c, |t| &t.range)
                .filter(|t| !within(&ents.sources, c, |s| &s.range).any(|s| s.range.start <= t.range.start && t.range.end <= s.range.end))
                // Nor one inside a longer actor name ("ميليشيات فجر ليبيا", "الحشد الشعبي").
                // (An air force named by its strikes, "غارة جوية أمريكية", keeps its act.)
                .filter(|t| {
                    let violent = matches!(lex.triggers[t.trigger].event_type.as_str(), "Explosions/Remote violence" | "Battles");
                    !within(&ents.actors, c, |a| &a.range).any(|a| {
                        a.range.start <= t.range.start && t.range.end <= a.range.end && a.range.len() > t.range.len() && !(violent && a.range.start == t.range.start)
                    })
                })
                .collect();
            if trigs.is_empty() {
                continue;
            }
            // (Once per clause: it does not depend on the trigger.)
            let sport = cx.sport(c, &s.range);
            let mut best: Option<(&TriggerMention, f64)> = None;
            let mut kill: Option<&TriggerMention> = None;
            let mut taken: Option<(&TriggerMention, f64)> = None;
            let mut passed: Vec<(&TriggerMention, f64)> = Vec::new();
            for t in &trigs {
                let te = &lex.triggers[t.trigger];
                if cx.negated(t, c) {
                    continue;
                }
                if te.role == TriggerRole::Kill {
                    // "احتجاجا على قتل", "تنديدا بمقتل": the protest's grievance, told as
                    // an act of its own elsewhere if at all.
                    if !cx.grievance(t) {
                        kill.get_or_insert(t);
                    }
                    continue;
                }
                let mut w = te.weight;
                // "لقصف", "لاستعادة", "للطائرات": mostly a purpose or a genitive, not a report.
                if t.lam {
                    w -= 0.3;
                }
                if te.role == TriggerRole::Weak && !cx.has_argument(c, Some(&t.range)) {
                    continue;
                }
                if te.role == TriggerRole::Weapon && !cx.weapon_used(c) {
                    continue;
                }
                // The act word beats the weapon or aircraft it was done with ("طيران التحالف
                // نفذ 15 طلعة جوية": the sorties, whose doer is the aircraft).
                if te.role == TriggerRole::Weapon {
                    w -= 0.05;
                }
                // "يردون على قصف الطيران بقصف منازل": the act answered is told elsewhere; the
                // answer is the act here.
                if cx.answered(t) {
                    continue;
                }
                // "وقتل طفل ...، حين هاجم مستوطنون منزلهم": the act told before, with its doer.
                if drafts.len() > first_draft_of_sentence && cx.when_attacked_clause(&doc.tokens_in(c)) && t.toks.start <= doc.tokens_in(c).start + 1 {
                    continue;
                }
                // "بدعوى زرعهم عبوة ناسفة", "بتهمة تنفيذ هجمات": an accusation, not a report.
                // "المعارك التي يخوضها منذ أربع سنوات": a war described, not an act.
                if sport || cx.accused(t) || cx.long_running(t, c) {
                    continue;
                }
                // An act is told with at least one of who, where or how many beside it.
                if !cx.has_argument(&s.range, None) {
                    continue;
                }
                // Territory changes hands at a named place ("لاستعادة أسراهم" takes none).
                let territorial = matches!(te.sub_event_type.as_str(), "Government regains territory" | "Non-state actor overtakes territory" | "Non-violent transfer of territory");
                if territorial && cx.local_place(c, &s.range).is_none() && !cx.has_place_word(c) {
                    continue;
                }
                // People freed are no ground taken ("تحرير 25 امرأة وطفلا", "تحرير المختطفين").
                if territorial && cx.people_freed(t) {
                    continue;
                }
                // "جبهات القتال", "مناطق القتال": the fronts, not a fight told.
                if te.role == TriggerRole::Weak && cx.fronts(t) {
                    continue;
                }
                // (Not "تواصلت المعارك بعد سيطرة المعارضة على ...": ground taken before the
                // fighting told.)
                // Told as done: a past verb ("سيطرت", "حرروا") or a verbal noun after
                // "تمكنت من", "تمت", "نجحت في" — not a name ("معركة تحرير عدن") or a state
                // ("تحت سيطرة").
                // (Nor in a relative clause, "الوحدات الكردية التي طردت داعش من كوباني في
                // يناير": background to the fighting told.)
                let earlier = t.toks.start > 0 && matches!(cx.bare(t.toks.start - 1), "بعد" | "عقب" | "اثر" | "منذ")
                    || (t.toks.start.saturating_sub(3)..t.toks.start).any(|i| matches!(cx.bare(i), "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"));
                let done = t.past_verb || (t.toks.start >= 2 && matches!(cx.bare(t.toks.start - 1), "من" | "في") && matches!(cx.bare(t.toks.start - 2), "تمكن" | "تمكنت" | "تمكنوا" | "نجح" | "نجحت" | "نجحوا"))
                    || (t.toks.start >= 1 && matches!(cx.bare(t.toks.start - 1), "تمت" | "تم"));
                if territorial && done && w >= 0.45 && !t.lam && !earlier && !cx.attempted(t, c) && cx.status(t, c) == "occurred" {
                    taken.get_or_insert((t, w));
                }
                if cx.has_cue(c, CUE_GENERIC) {
                    w -= 0.25;
                }
                passed.push((t, w));
                if best.is_none_or(|(_, bw)| w > bw) {
                    best = Some((t, w));
                }
            }
            // "سيطرت على القاعدة بعد معارك ضارية": ground taken is the event, and the
            // fighting that took it is part of it (ACLED codes the territory change).
            if let (Some((b, _)), Some(tk)) = (best, taken) {
                if lex.triggers[b.trigger].sub_event_type == "Armed clash" {
                    best = Some(tk);
                }
            }
            // "قتل 28 ... اثر اشتباكات بين الطرفين وتفجيرين انتحاريين": one toll of a battle
            // and the bombs or strikes told with it is the battle's (annotation guide: the
            // strikes of a ground battle belong to the battle event).
            if let (Some((b, _)), Some(_)) = (best, kill) {
                if lex.triggers[b.trigger].event_type == "Explosions/Remote violence" {
                    let battle = trigs.iter().find(|t| {
                        let te = &lex.triggers[t.trigger];
                        te.sub_event_type == "Armed clash" && te.role == TriggerRole::Event && !t.lam && !cx.negated(t, c)
                    });
                    if let Some(bt) = battle {
                        best = Some((bt, lex.triggers[bt.trigger].weight));
                    }
                }
            }
            let chosen = match (best, kill) {
                (Some((t, w)), _) if w >= 0.45 => Some((t, w)),
                (_, Some(_)) => {
                    pending_kills.push((si, c.clone()));
                    None
                }
                _ => None,
            };
            // Strikes and a ground battle told side by side with no shared toll ("استهدفت
            // العشرات من البراميل المتفجرة مع استمرار الاشتباكات") are two acts: the strongest
            // trigger of the other kind is an event too.
            let second = chosen.filter(|_| kill.is_none()).and_then(|(t1, _)| {
                let e1 = &lex.triggers[t1.trigger];
                let kinds = |x: &str| matches!(x, "Battles" | "Explosions/Remote violence");
                passed
                    .iter()
                    .filter(|(t2, w2)| {
                        let e2 = &lex.triggers[t2.trigger];
                        // (A battle only as an armed clash: ground taken has its own rule.)
                        let clash = e2.event_type != "Battles" || e2.sub_event_type == "Armed clash";
                        *w2 >= 0.85
                            && kinds(&e1.event_type)
                            && kinds(&e2.event_type)
                            && e2.event_type != e1.event_type
                            && clash
                            && (t2.range.end <= t1.range.start || t1.range.end <= t2.range.start)
                    })
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .copied()
            });
            for (t, w) in chosen.into_iter().chain(second) {
                // A definite act noun ("الهجوم", "التفجير", "الغارة") after an act of violence
                // was told usually refers back to it: it adds facts, not a new event.
                {
                    let te = &lex.triggers[t.trigger];
                    let w = &doc.text()[doc.tokens[t.toks.start].range.clone()];
                    let definite = w[t.range.start - doc.tokens[t.toks.start].range.start..].starts_with("ال") || w.starts_with("ال");
                    let violent = violent_type;
                    // "تلك القذائف", "هذا الهجوم", "بهذه الغارات": a demonstrative points back to an
                    // act already told, whatever word told it; it is never a new event.
                    // ("إثر ذلك مواجهات": a pronoun before an indefinite noun, not a demonstrative.)
                    if violent(&te.event_type) && definite && cx.demonstrative_before(t.toks.start) {
                        if let Some(prev) = drafts.iter_mut().rev().find(|p| violent(&p.event_type)) {
                            if prev.fatalities.is_none() {
                                prev.fatalities = cx.deaths(c, false);
                            }
                            cx.note(&mut prev.explain, || format!("also told in sentence {} ({:?}, after a demonstrative)", si + 1, &doc.text()[t.range.clone()]));
                        }
                        continue;
                    }
                    if definite && violent(&te.event_type) && t.toks.len() == 1 {
                        let here = cx.local_place(c, &s.range).map(|p| p.0);
                        let refers = |p: &Draft| {
                            violent(&p.event_type)
                                // ("الانفجار" after a suicide bombing: one bombing, as in `merge`.)
                                && (te.role == TriggerRole::Weak || p.sub_event_type == te.sub_event_type || is_bombing(&p.sub_event_type) && is_bombing(&te.sub_event_type))
                                && here.is_none_or(|h| p.place.as_ref().is_some_and(|q| q.0 == h))
                        };
                        if let Some(prev) = drafts.iter_mut().rev().find(|p| refers(p)) {
                            if prev.fatalities.is_none() {
                                prev.fatalities = cx.deaths(c, false);
                            }
                            // "الغارة استهدفت الفضلي ... في الثامن من الشهر الجاري": the day told
                            // here dates the act when its first telling gave none of its own.
                            if let Some(d) = cx.clause_date(&(c.start..s.range.end)) {
                                let undated = prev.date.precision == "unknown" || prev.date.mention.as_ref().is_some_and(|m| {
                                    let first = doc.span(doc.sentences[prev.sentence].range.clone());
                                    m.start < first.start || m.end > first.end
                                });
                                if undated {
                                    prev.date = d;
                                    cx.note(&mut prev.explain, || format!("date: told in sentence {}", si + 1));
                                }
                            }
                            cx.note(&mut prev.explain, || format!("also told in sentence {} ({:?})", si + 1, &doc.text()[t.range.clone()]));
                            continue;
                        }
                    }
                }
                {
                    if let Some(mut d) = cx.draft(si, c, t, w, &chain) {
                        // "في هجوم مماثل": a similar attack is of the kind of the article's lead act.
                        if t.toks.end < doc.tokens.len() && matches!(cx.bare(t.toks.end), "مماثل" | "مماثله" | "مشابه" | "مشابهه") {
                            if let Some(p) = drafts.iter().find(|p| violent_type(&p.event_type)) {
                                d.event_type = p.event_type.clone();
                                d.sub_event_type = p.sub_event_type.clone();
                                d.mode = p.mode.clone();
                                cx.note(&mut d.explain, || format!("type: a similar act to the one told in sentence {}", p.sentence + 1));
                            }
                        }
                        if d.actor1.is_none() {
                            cx.carry_actor(&mut d, &drafts);
                        }
                        if d.actor1.is_none() {
                            cx.unidentified_perpetrator(&mut d);
                        }
                        // Deaths beside a non-violent act ("الانشقاقات التي قتل التنظيم بسببها
                        // 350") are a killing of their own.
                        let violent = matches!(d.event_type.as_str(), "Battles" | "Explosions/Remote violence" | "Violence against civilians" | "Riots");
                        let deaths = if violent || d.sub_event_type == "Excessive force against protesters" { None } else { d.fatalities.take() };
                        drafts.extend(cx.split_by_town(d, &cx.with_targets(c, &s.clauses)));
                        if let Some(f) = deaths.filter(|f| f.min > 0) {
                            if let Some(k) = cx.kill_draft(si, c, Some(f), &chain) {
                                drafts.push(k);
                            }
                        }
                    }
                }
            }
        }
        // Death clauses without an act of their own: attach to this sentence's act, or
        // become a killing.
        let kills: Vec<_> = std::mem::take(&mut pending_kills);
        for (ksi, kc) in kills {
            let fat = cx.fatalities(&kc);
            // A toll follows its act: first an act told before it in the sentence, then
            // one of the previous two sentences (the toll of the act just told), and only
            // then an act told after it in the sentence.
            // (Only a violent act takes a toll: "المحتجز الذي قتل في كوهات" is no arrest's.)
            let violent = |d: &Draft| matches!(d.event_type.as_str(), "Battles" | "Explosions/Remote violence" | "Violence against civilians" | "Riots");
            let this_sentence = first_draft_of_sentence..drafts.len();
            let before = this_sentence.clone().find(|&i| drafts[i].sentence == ksi && drafts[i].clause.start <= kc.start && violent(&drafts[i]));
            let after = this_sentence.clone().find(|&i| drafts[i].sentence == ksi && drafts[i].clause.start > kc.start && violent(&drafts[i]));
            // ("ومنذ ذلك الحين، قتل 11 عنصرا": the dead since then are not the last act's.)
            let since = doc.tokens_in(&(doc.sentences[ksi].range.start..kc.end)).any(|i| cx.bare(i) == "منذ");
            let recent = drafts[..first_draft_of_sentence].iter().rposition(|d| d.sentence + 2 >= ksi && violent(d)).filter(|_| !since);
            match before.or(recent).or(after) {
                Some(i) => {
                    let d = &mut drafts[i];
                    // The person killed, named in the death clause ("بمقتل محسن الفضلي"), is
                    // who suffered the act.
                    if d.actor2.is_none() && d.actor2_person.is_none() {
                        let kt = doc.tokens_in(&kc);
                        let k = within(&ents.triggers, &kc, |t| &t.range).find(|t| lex.triggers[t.trigger].role == TriggerRole::Kill);
                        if let Some(p) = k.and_then(|k| cx.person_after(k.toks.end, kt.end, 6)) {
                            d.actor2_person = Some(p);
                            cx.note(&mut d.explain, || format!("actor2: the person killed, named in sentence {}", ksi + 1));
                        }
                    }
                    if d.fatalities.is_none() {
                        d.fatalities = fat;
                        d.deaths_from = kc.clone();
                        cx.note(&mut d.explain, || format!("fatalities: death clause in sentence {}", ksi + 1));
                    } else if fat.is_none() && d.sentence == ksi && cx.uncounted_kill_in(&kc) {
                        // "... قتل 21 إرهابيا، وتدمير مركبتين وقتل من بداخلهما": at least 21.
                        if let Some(prev) = d.fatalities.as_mut() {
                            if prev.max.is_some() {
                                prev.max = None;
                                cx.note(&mut d.explain, || format!("fatalities: more dead not counted in sentence {}, a lower bound", ksi + 1));
                            }
                        }
                    } else if let (Some(prev), Some(more)) = (d.fatalities.as_mut(), fat) {
                        // "أدت إلى مقتل أكثر من 20 مسلحا حوثيا، بينما أسفرت عن مقتل ما يقارب
                        // 6 من المقاومة": the other side's dead in the same sentence add to a
                        // battle's toll (annotation guide: summed over the sides).
                        // (Not the same dead told again: "قتل فيها نحو 20 شخصا ... وقتلوا أكثر
                        // من 20 شخصا".)
                        let retold = cx.victims(&d.deaths_from).is_some_and(|v| cx.victims(&kc) == Some(v));
                        if d.event_type == "Battles" && d.sentence == ksi && Some(i) == before && more.min > 0 && kc.start >= d.deaths_from.end && !retold {
                            prev.min += more.min;
                            prev.max = prev.max.zip(more.max).map(|(a, b)| a + b);
                            prev.approximate |= more.approximate;
                            cx.note(&mut d.explain, || format!("fatalities: the other side's dead in sentence {} added", ksi + 1));
                        }
                    }
                }
                // (Bodies counted tell the toll of an act, not an act; nor do the uncounted dead
                // of a war "since then", "ومنذ ذلك الوقت قتل عشرات الآلاف".)
                None if within(&ents.triggers, &kc, |t| &t.range).filter(|t| lex.triggers[t.trigger].role == TriggerRole::Kill).all(|t| lex.triggers[t.trigger].toll_only) => {}
                None if since && fat.is_none() => {}
                None => {
                    if let Some(d) = cx.kill_draft(ksi, &kc, fat, &chain) {
                        drafts.push(d);
                    }
                }
            }
        }
    }
    // A city and the governorate that holds it ("Latakia" the city, "Latakia" the
    // governorate) are one place for telling repeats apart.
    let within_area = |a: usize, b: usize| {
        let (pa, pb) = (&lex.places[a], &lex.places[b]);
        let holds = |g: &crate::lexicon::PlaceEntry, c: &crate::lexicon::PlaceEntry| g.level == PlaceLevel::Admin1 && c.level >= PlaceLevel::City && g.country == c.country && c.admin1.as_deref() == Some(g.name.as_str());
        holds(pa, pb) || holds(pb, pa)
    };
    let drafts = drop_totals(drafts, within_area);
    let drafts = merge(drafts, |a| cx.actor_name(a), within_area);
    let mut events = Vec::new();
    let mut explains = Vec::new();
    for (n, d) in drafts.into_iter().enumerate() {
        let (e, x) = cx.finish(d, n + 1);
        events.push(e);
        explains.push(x);
    }
    (events, explains)
}

impl<'a, 'd> Ctx<'a, 'd> {
    /// Add a line to an explanation, formatted only when explaining.
    fn note(&self, lines: &mut Vec<String>, line: impl FnOnce() -> String) {
        if self.explain {
            lines.push(line());
        }
    }

    fn span(&self, r: Range<usize>) -> Span {
        self.doc.span(r)
    }

    fn cues_in(&self, toks: Range<usize>, kind: u32) -> bool {
        within(&self.ents.cues, &toks, |c| &c.toks).any(|c| c.kind == kind)
    }

    fn has_cue(&self, clause: &Range<usize>, kind: u32) -> bool {
        self.cues_in(self.doc.tokens_in(clause), kind)
    }

    fn actors_in(&self, r: &Range<usize>) -> Vec<&'a ActorMention> {
        within(&self.ents.actors, r, |a| &a.range).collect()
    }

    fn actor_kind(&self, a: usize) -> &str {
        &self.lex.actors[a].kind
    }

    /// Armed kinds: the ones that fight (not civilians, governments or media).
    fn is_armed(&self, a: usize) -> bool {
        matches!(self.actor_kind(a), "state-forces" | "rebels" | "militia" | "external-forces" | "unknown")
    }

    /// The number mention that covers the start of token `i`. `find_numbers` scans left to
    /// right and skips past each mention, so mentions never overlap and the last one
    /// starting at or before the token is the only candidate (binary search, no scan).
    fn number_at(&self, i: usize) -> Option<&'a NumberMention> {
        let p = self.doc.tokens.get(i)?.range.start;
        let k = self.doc.numbers.partition_point(|n| n.range.start <= p);
        self.doc.numbers[..k].last().filter(|n| p < n.range.end)
    }

    /// A byte range lies inside a date expression ("آذار/مارس 2014").
    fn in_date(&self, r: &Range<usize>) -> bool {
        let k = self.doc.dates.partition_point(|d| d.range.start <= r.start);
        self.doc.dates[..k].iter().rev().take(3).any(|d| d.range.start <= r.start && r.end <= d.range.end)
    }

    /// An actor mention starts at token `i` (mentions are sorted by position).
    fn actor_at(&self, i: usize) -> bool {
        let k = self.ents.actors.partition_point(|a| a.toks.start < i);
        self.ents.actors.get(k).is_some_and(|a| a.toks.start == i)
    }

    /// A token's key without a leading conjunction (و، ف): "وإصابة" -> "اصابه".
    fn bare(&self, i: usize) -> &'a str {
        let k = self.keys[i];
        for c in ['و', 'ف'] {
            if let Some(rest) = k.strip_prefix(c) {
                if rest.chars().count() >= 3 {
                    return key(rest);
                }
            }
        }
        k
    }

    fn numbers_in(&self, r: &Range<usize>) -> Vec<&'a NumberMention> {
        within(&self.doc.numbers, r, |n| &n.range).collect()
    }

    fn country_name(&self, iso: Option<&str>) -> Option<String> {
        iso.and_then(|c| self.lex.country(c)).map(|c| c.name.clone())
    }

    fn actor_name(&self, a: usize) -> String {
        self.actor_name_in(a, self.ents.focus_country.as_deref())
    }

    /// The name of an actor; a contextual one ("Police Forces of {country}") of `iso`.
    fn actor_name_in(&self, a: usize, iso: Option<&str>) -> String {
        let e = &self.lex.actors[a];
        if !e.contextual {
            return e.name.clone();
        }
        let cn = self.country_name(iso);
        match cn {
            Some(cn) if e.name.contains("{country}") => e.name.replace("{country}", &cn),
            Some(cn) if matches!(e.kind.as_str(), "civilians" | "protesters") => format!("{} ({cn})", e.name),
            None if e.name.contains("{country}") => e.name.replace(" of {country}", "").replace(" ({country})", "").replace("{country}", "").trim().to_string(),
            _ => e.name.clone(),
        }
    }

    /// "الشرطة الهندية": the nationality adjective right after a mention, as a country.
    fn nationality_after(&self, r: &Range<usize>) -> Option<String> {
        let t = self.doc.tokens.get(self.doc.token_at(r.end))?;
        let w = &self.doc.text()[t.range.clone()];
        if !crate::tokenize::has_article(w) {
            return None;
        }
        self.lex.nationality.get(key(w)).cloned()
    }

    /// The country of a contextual actor mentioned at `r`: its adjective's, else the
    /// article's.
    fn contextual_country(&self, r: &Range<usize>) -> Option<String> {
        self.nationality_after(r).or_else(|| self.ents.focus_country.clone())
    }

    fn actor(&self, a: usize, r: Range<usize>) -> format::Actor {
        let e = &self.lex.actors[a];
        let country = if e.country.is_empty() {
            // (A contextual actor is of the country its adjective names, else the article's.)
            if e.contextual { self.contextual_country(&r) } else { None }
        } else {
            Some(e.country.clone())
        };
        let name_ar = if e.contextual { self.doc.original_text(r.clone()) } else { e.aliases_ar.first().cloned().unwrap_or_else(|| self.doc.original_text(r.clone())) };
        format::Actor { name: self.actor_name_in(a, country.as_deref()), name_ar, kind: e.kind.clone(), country, mention: Some(self.span(r)) }
    }

    fn location(&self, p: Option<(usize, Option<Range<usize>>)>) -> Location {
        let Some((pi, r)) = p else {
            return Location { precision: "unknown".into(), ..Default::default() };
        };
        let e = &self.lex.places[pi];
        Location {
            name: Some(e.name.clone()),
            // The gazetteer's Arabic name ("سرمين"); the mention keeps the text's "وسرمين".
            name_ar: Some(e.name_ar.clone()),
            geonameid: e.geonameid,
            lat: Some(e.lat),
            lon: Some(e.lon),
            admin1: e.admin1.clone(),
            country: Some(e.country.clone()),
            precision: e.level.as_str().into(),
            mention: r.map(|r| self.span(r)),
        }
    }

    fn finish(&self, d: Draft, n: usize) -> (Event, Explain) {
        let mut explain = d.explain.clone();
        if let Some((p, _)) = &d.place {
            let e = &self.lex.places[*p];
            self.note(&mut explain, || format!("location: gazetteer {} ({}, {}, {})", e.name, e.country, e.level.as_str(), e.geonameid.map_or("supplement".into(), |g| g.to_string())));
        }
        if let Some(m) = &d.date.mention {
            self.note(&mut explain, || format!("date: {:?} -> {:?}..{:?}", m.text, d.date.start, d.date.end));
        }
        let ev = Event {
            id: format!("{}#{}", self.id, n),
            event_type: d.event_type,
            sub_event_type: d.sub_event_type,
            mode: d.mode,
            status: d.status.into(),
            actor1: d.actor1.map(|(a, r)| self.actor(a, r)),
            actor2: d.actor2.map(|(a, r)| self.actor(a, r)).or_else(|| d.actor2_person.map(|(r, ranked)| self.person(r, ranked))),
            location: self.location(d.place),
            date: d.date,
            fatalities: d.fatalities,
            quantities: d.quantities,
            sources: d.sources,
            evidence: self.span(d.clause.clone()),
            confidence: (d.confidence * 100.0).round() / 100.0,
        };
        (ev, Explain { lines: explain })
    }
}
