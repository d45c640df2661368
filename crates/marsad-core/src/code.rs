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
use crate::lexicon::load::{CUE_GENERIC, CUE_IRREALIS, CUE_NEGATION, CUE_DENIAL, CUE_NO_CASUALTIES, CUE_OFFICIAL_TITLE, CUE_ONGOING, CUE_PERSON_NAME, CUE_PLANNED, CUE_REPORTING};
use crate::lexicon::{Lexicon, PlaceLevel, TriggerRole};
use crate::numbers::NumberMention;
use crate::tokenize::key;
use std::ops::Range;

/// Why each field of an event has its value.
#[derive(Debug, Clone, Default)]
pub struct Explain {
    pub lines: Vec<String>,
}

/// Nouns for people who die or are counted (folded keys), and whether they are combatants.
const COMBATANT_NOUNS: &[&str] = &[
    "جندي", "جنود", "جنديا", "جنديين", "جنديان", "عسكري", "عسكريين", "عسكريا", "عسكريون", "ضابط", "ضباط", "ضابطا", "شرطي", "شرطيا", "شرطيين", "شرطه", "عنصر", "عناصر",
    "عنصرا", "مسلح", "مسلحا", "مسلحين", "مسلحون", "مقاتل", "مقاتلا", "مقاتلين", "مقاتلون", "ارهابي", "ارهابيا", "ارهابيين", "ارهابيون", "متمرد", "متمردين", "متمردا",
    "حوثي", "حوثيا", "حوثيين", "الحوثيين", "داعشي", "داعشيا", "دواعش", "قيادي", "قياديا", "قياديين", "قايد", "قاده", "مجند", "مجندين", "افراد", "فرد", "رجال", "عناصره", "جهادي", "جهاديين", "انتحاري",
];
const PERSON_NOUNS: &[&str] = &[
    "شخص", "شخصا", "اشخاص", "شخصين", "مدني", "مدنيا", "مدنيين", "مدنيون", "طفل", "طفلا", "اطفال", "طفلين", "امراه", "نساء", "مواطن", "مواطنا", "مواطنين", "رجل", "رجلا", "صحفي",
    "صحفيا", "صحفيين", "ناشط", "ناشطا", "ناشطين", "مصلين", "مصليا", "شاب", "شابا", "شبان", "شابين", "قتيل", "قتيلا", "قتلي", "شهيد", "شهيدا", "شهداء", "ضحيه", "ضحايا", "متظاهر", "متظاهرا", "متظاهرين", "طالب", "طلاب",
];
const INJURED: &[&str] = &["جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "اصابه", "اصابات", "اصيب", "اصيبوا", "جرح", "بجروح", "الجرحي"];
const KILLED_NOUNS: &[&str] = &["قتيل", "قتيلا", "قتلي", "شهيد", "شهيدا", "شهداء", "قتيلين", "ضحيه", "ضحايا"];
const ATTEMPT: &[&str] = &["اجل", "محاوله", "محاولته", "محاولتهم", "محاولات", "لمحاوله", "سعيا", "بهدف", "تحاول", "يحاول", "حاولت", "حاول", "يسعي", "تسعي"];
const CAPTURED: &[&str] = &["اسر", "اسرت", "اسروا", "اعتقال", "اعتقل", "اعتقلت", "خطف", "اختطاف", "اختطف", "احتجاز", "توقيف", "اصابه", "جرح"];
const ARRESTED: &[&str] = &["معتقل", "معتقلا", "معتقلين", "موقوف", "موقوفين", "مطلوب", "مطلوبين", "متهم", "متهمين", "مشتبه", "مشتبها"];
const OBJECT_MARKERS: &[&str] = &["علي", "ضد", "مواقع", "معاقل", "تجمعات", "مقرات", "مقر", "مراكز", "تحصينات", "ثكنات", "دوريه", "قافله", "حاجز", "نقطه", "منازل", "استهدف", "استهدفت", "صفوف", "مسجد", "معسكر", "مبني", "مباني", "منزل", "سياره", "اليات", "اليه", "موكب"];
/// Verbs with an object pronoun that name the doer after them ("قذائف أرسلتها ...").
const DOER_VERBS: &[&str] = &["ارسلتها", "ارسلها", "اطلقتها", "اطلقها", "زرعها", "زرعتها", "نفذها", "نفذته", "شنها", "شنتها", "شنه", "فجرها", "وضعها", "نصبها", "تبنته", "تبناه"];
const AGENT_MARKERS: &[&str] = &["يد", "قبل", "نفذه", "نفذها", "شنه", "شنها", "شنتها", "نفذته", "تبناه", "تبنته", "تبني", "زرعها", "زرعه", "زرعتها", "فجرها", "فجره", "اطلقها", "اطلقه", "اطلقتها", "وضعها", "نصبها", "نصبه", "نصبته"];

struct Ctx<'a, 'd> {
    /// The input `source` code of the publishing outlet.
    publisher: Option<&'a str>,
    /// Article-stripped key of every token.
    keys: Vec<&'a str>,
    doc: &'a Doc<'d>,
    lex: &'a Lexicon,
    ents: &'a Entities,
    id: &'a str,
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

/// The items of a start-sorted slice that lie inside `r` (binary search, so coding stays
/// linear in the article's length even for very long articles).
fn within<'v, T>(v: &'v [T], r: &Range<usize>, f: impl Fn(&T) -> &Range<usize>) -> impl Iterator<Item = &'v T> {
    let lo = v.partition_point(|x| f(x).start < r.start);
    let hi = v.partition_point(|x| f(x).start < r.end);
    let end = r.end;
    v[lo..hi.max(lo)].iter().filter(move |x| f(x).end <= end)
}

pub fn code(doc: &Doc, lex: &Lexicon, ents: &Entities, id: &str, publisher: Option<&str>) -> (Vec<Event>, Vec<Explain>) {
    let keys = crate::lexicon::index::token_keys(doc.text(), &doc.tokens);
    let cx = Ctx { keys, doc, lex, ents, id, publisher };
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
            let mut best: Option<(&TriggerMention, f64)> = None;
            let mut kill: Option<&TriggerMention> = None;
            let mut taken: Option<(&TriggerMention, f64)> = None;
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
                // "بدعوى زرعهم عبوة ناسفة", "بتهمة تنفيذ هجمات": an accusation, not a report.
                if cx.accused(t) {
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
            let chosen = match (best, kill) {
                (Some((t, w)), _) if w >= 0.45 => Some((t, w)),
                (_, Some(_)) => {
                    pending_kills.push((si, c.clone()));
                    None
                }
                _ => None,
            };
            // A definite act noun ("الهجوم", "التفجير", "الغارة") after an act of violence
            // was told usually refers back to it: it adds facts, not a new event.
            if let Some((t, _)) = chosen {
                let te = &lex.triggers[t.trigger];
                let w = &doc.text()[doc.tokens[t.toks.start].range.clone()];
                let definite = w[t.range.start - doc.tokens[t.toks.start].range.start..].starts_with("ال") || w.starts_with("ال");
                let violent = |x: &str| matches!(x, "Battles" | "Explosions/Remote violence" | "Violence against civilians");
                // "تلك القذائف", "هذا الهجوم", "بهذه الغارات": a demonstrative points back to an
                // act already told, whatever word told it; it is never a new event.
                // ("إثر ذلك مواجهات": a pronoun before an indefinite noun, not a demonstrative.)
                if violent(&te.event_type) && definite && cx.demonstrative_before(t.toks.start) {
                    if let Some(prev) = drafts.iter_mut().rev().find(|p| violent(&p.event_type)) {
                        if prev.fatalities.is_none() {
                            prev.fatalities = cx.deaths(c, false);
                        }
                        prev.explain.push(format!("also told in sentence {} ({:?}, after a demonstrative)", si + 1, &doc.text()[t.range.clone()]));
                    }
                    continue;
                }
                if definite && violent(&te.event_type) && t.toks.len() == 1 {
                    let here = cx.local_place(c, &s.range).map(|p| p.0);
                    let refers = |p: &Draft| {
                        violent(&p.event_type)
                            && (te.role == TriggerRole::Weak || p.sub_event_type == te.sub_event_type)
                            && here.is_none_or(|h| p.place.as_ref().is_some_and(|q| q.0 == h))
                    };
                    if let Some(prev) = drafts.iter_mut().rev().find(|p| refers(p)) {
                        if prev.fatalities.is_none() {
                            prev.fatalities = cx.deaths(c, false);
                        }
                        prev.explain.push(format!("also told in sentence {} ({:?})", si + 1, &doc.text()[t.range.clone()]));
                        continue;
                    }
                }
            }
            if let Some((t, w)) = chosen {
                if let Some(mut d) = cx.draft(si, c, t, w, &chain) {
                    // "في هجوم مماثل": a similar attack is of the kind of the article's lead act.
                    if t.toks.end < doc.tokens.len() && matches!(cx.bare(t.toks.end), "مماثل" | "مماثله" | "مشابه" | "مشابهه") {
                        if let Some(p) = drafts.iter().find(|p| matches!(p.event_type.as_str(), "Battles" | "Explosions/Remote violence" | "Violence against civilians")) {
                            d.event_type = p.event_type.clone();
                            d.sub_event_type = p.sub_event_type.clone();
                            d.mode = p.mode.clone();
                            d.explain.push(format!("type: a similar act to the one told in sentence {}", p.sentence + 1));
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
            let recent = drafts[..first_draft_of_sentence].iter().rposition(|d| d.sentence + 2 >= ksi && violent(d));
            match before.or(recent).or(after) {
                Some(i) => {
                    let d = &mut drafts[i];
                    if d.fatalities.is_none() {
                        d.fatalities = fat;
                        d.deaths_from = kc.clone();
                        d.explain.push(format!("fatalities: death clause in sentence {}", ksi + 1));
                    } else if fat.is_none() && d.sentence == ksi && cx.uncounted_kill_in(&kc) {
                        // "... قتل 21 إرهابيا، وتدمير مركبتين وقتل من بداخلهما": at least 21.
                        if let Some(prev) = d.fatalities.as_mut() {
                            if prev.max.is_some() {
                                prev.max = None;
                                d.explain.push(format!("fatalities: more dead not counted in sentence {}, a lower bound", ksi + 1));
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
                            d.explain.push(format!("fatalities: the other side's dead in sentence {} added", ksi + 1));
                        }
                    }
                }
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
    fn span(&self, r: Range<usize>) -> Span {
        self.doc.span(r)
    }

    fn cues_in(&self, toks: Range<usize>, kind: u32) -> bool {
        within(&self.ents.cues, &toks, |c| &c.toks).any(|c| c.kind == kind)
    }

    fn has_cue(&self, clause: &Range<usize>, kind: u32) -> bool {
        self.cues_in(self.doc.tokens_in(clause), kind)
    }

    fn negated(&self, t: &TriggerMention, clause: &Range<usize>) -> bool {
        let ct = self.doc.tokens_in(clause);
        let from = t.toks.start.saturating_sub(3).max(ct.start);
        let far = t.toks.start.saturating_sub(5).max(ct.start);
        // "دعا رئيس مجلس النواب منتسبي الجيش إلى الانضمام": a call governs its "إلى + act"
        // however far the call word stands.
        let called = t.toks.start > ct.start && self.bare(t.toks.start - 1) == "الي" && self.cues_in(ct.start..t.toks.start, CUE_IRREALIS);
        // "سيعدمونه في غضون 48 ساعة ما لم ...": a threat on a condition.
        let threat = t.future && (t.toks.end..ct.end).any(|i| self.bare(i) == "ما" && i + 1 < ct.end && self.bare(i + 1) == "لم");
        // "ولم تذكر وسائل الإعلام أنباء عن الاحتجاج أو القتل": no news of it was given.
        let no_news = self.cues_in(ct.start..t.toks.start, CUE_NEGATION)
            && (ct.start..t.toks.start).any(|i| matches!(self.bare(i), "انباء" | "معلومات" | "تفاصيل") && i + 1 < t.toks.start && self.bare(i + 1) == "عن");
        called || no_news || threat || self.cues_in(from..t.toks.start, CUE_NEGATION) || self.cues_in(far..t.toks.start, CUE_IRREALIS) || self.cues_in(ct.start..t.toks.start, CUE_DENIAL)
    }

    /// An actor, place or number in `c` — not counting an actor inside `besides`, the
    /// trigger word itself ("منشقين" names both the act and the defectors).
    fn has_argument(&self, c: &Range<usize>, besides: Option<&Range<usize>>) -> bool {
        within(&self.ents.actors, c, |a| &a.range).any(|a| besides.is_none_or(|t| !(t.start <= a.range.start && a.range.end <= t.end)))
            || within(&self.ents.places, c, |p| &p.range).next().is_some()
            || within(&self.doc.numbers, c, |n| &n.range).next().is_some()
    }

    fn actors_in(&self, r: &Range<usize>) -> Vec<&'a ActorMention> {
        within(&self.ents.actors, r, |a| &a.range).collect()
    }

    fn actor_kind(&self, a: usize) -> &str {
        &self.lex.actors[a].kind
    }

    /// actor1 and actor2 around a trigger.
    fn roles(&self, t: &TriggerMention, clause: &Range<usize>, sent: &Range<usize>) -> (Option<(usize, Range<usize>)>, Option<(usize, Range<usize>)>, Vec<String>) {
        let mut why = Vec::new();
        let keys = &self.keys;
        let cands = self.actors_in(clause);
        let is_source_only = |a: &ActorMention| {
            // An actor right after a reporting verb is who speaks, not who acts.
            a.toks.start > 0 && self.cues_in(a.toks.start.saturating_sub(1)..a.toks.start, CUE_REPORTING)
        };
        let mut a1: Option<&ActorMention> = None;
        let mut a2: Option<&ActorMention> = None;
        let mut a1_capital: Option<(usize, Range<usize>)> = None;
        // actor1 was read from a marker, from inside the trigger or as the armed doer before
        // its victim: later rules do not override it.
        let mut a1_strong = false;
        // "على يد", "من قبل", "شنه": the actor right after names the doer.
        let agent_marked = |a: &ActorMention| {
            let before = a.toks.start.checked_sub(1).map(|i| keys[i]);
            let before2 = a.toks.start.checked_sub(2).map(|i| keys[i]);
            before.is_some_and(|k| AGENT_MARKERS.contains(&k)) || before2.is_some_and(|k| k == "يد" || k == "قبل")
        };
        // After a death, arrest or abduction word the genitive is who suffers it
        // ("مقتل جنود", "اعتقال عناصر"), not who does it.
        let tr = &self.lex.triggers[t.trigger];
        let patient_first = tr.role == TriggerRole::Kill || matches!(tr.mode.as_deref(), Some("arrest" | "kidnapping" | "execution" | "assassination" | "massacre" | "raid"));
        for a in &cands {
            if is_source_only(a) && a.toks.end <= t.toks.start {
                continue;
            }
            let before = a.toks.start.checked_sub(1).map(|i| keys[i]);
            // (Also past a target verb: "تفجير إرهابي جبان استهدف مسجد القوات".)
            let marked_object = before.is_some_and(|k| OBJECT_MARKERS.contains(&k))
                || (a.toks.start >= t.toks.end && (t.toks.end..a.toks.start).any(|i| matches!(self.bare(i), "استهدف" | "استهدفت" | "يستهدف" | "تستهدف" | "طال" | "طالت")));
            if agent_marked(a) && a1.is_none() {
                a1 = Some(a);
                a1_strong = true;
                why.push(format!("actor1: after agent marker ({})", before.unwrap_or("")));
                continue;
            }
            if a.toks.start >= t.toks.end {
                if marked_object || a1.is_some() {
                    if a2.is_none() {
                        a2 = Some(a);
                        why.push("actor2: object after the trigger".into());
                    }
                } else if a1.is_none() && a.toks.start <= t.toks.end + 1 && patient_first && self.agent_then_patient(t, a, &cands) {
                    // "حرق داعش الطيار", "قتل الحوثيون ثلاثة مدنيين", "اعتقال الشرطة 5 أشخاص":
                    // an armed actor followed straight by its victim is the doer.
                    a1 = Some(a);
                    a1_strong = true;
                    why.push("actor1: armed doer between a transitive act and its victim".into());
                } else if a1.is_none() && a.toks.start <= t.toks.end + 3 && !patient_first {
                    a1 = Some(a);
                    why.push("actor1: subject or genitive right after the trigger".into());
                } else if a2.is_none() && a.toks.start <= t.toks.end + 3 && patient_first {
                    a2 = Some(a);
                    why.push("actor2: who suffers a killing, arrest or abduction, right after it".into());
                } else if a2.is_none() {
                    a2 = Some(a);
                    why.push("actor2: later in the clause".into());
                }
            } else if a.toks.start < t.toks.end && t.toks.start < a.toks.end {
                // The trigger names its doer ("طيران التحالف", "الطيران الحربي").
                if a1.is_none() {
                    a1 = Some(a);
                    a1_strong = true;
                    why.push("actor1: named inside the trigger".into());
                }
            } else if a.toks.end <= t.toks.start {
                if a1.is_none() && !marked_object {
                    a1 = Some(a);
                    why.push("actor1: subject before the trigger".into());
                } else if a2.is_none() && marked_object {
                    a2 = Some(a);
                }
            }
        }
        // "في كمين للقوات الموالية للشرعية", "هجوم لحزب العمال", "غارة لطيران التحالف": the
        // act noun's ل-genitive is its doer.
        // (Only act nouns: after "التصدي ل", "مواجهة ل" the ل marks the target.)
        let act_noun = t.toks.len() <= 2 && matches!(self.bare(t.toks.start), "كمين" | "كمينا" | "هجوم" | "هجوما" | "هجمات" | "غاره" | "غارات" | "قصف" | "قصفا" | "ضربه" | "ضربات" | "تفجير" | "اعتداء" | "عمليه");
        if act_noun && matches!(tr.event_type.as_str(), "Battles" | "Explosions/Remote violence") && tr.role != TriggerRole::Kill {
            if let Some(b) = cands.iter().find(|b| b.toks.start == t.toks.end && self.doc.tok(b.toks.start).starts_with('ل') && !self.doc.tok(b.toks.start).starts_with("لا")) {
                if self.is_armed(b.actor) && a1.is_none_or(|x| x.actor != b.actor) {
                    if a2.is_none_or(|y| y.actor == b.actor) {
                        a2 = a1.filter(|x| x.toks.end <= t.toks.start);
                    }
                    a1 = Some(*b);
                    why.push("actor1: the doer after ل ('كمين للمقاومة')".into());
                }
            }
        }
        // "وقالت مصادر بالقوات إن قوات البيشمركة اشتبكت": the subject is in the reported
        // clause, after the last "إن/أن" before the act, not in the speaker's words.
        if let Some(x) = a1.filter(|x| x.toks.end <= t.toks.start) {
            let comp = (x.toks.end..t.toks.start).rev().find(|&i| matches!(self.keys[i], "ان" | "بان"));
            if let Some(ci) = comp {
                // (The one nearest the act: "أن جثث الحوثيين ... الذي كان الثوار استعادوه".)
                if let Some(b) = cands.iter().rev().find(|b| b.toks.start > ci && b.toks.end <= t.toks.start && b.actor != x.actor) {
                    if a2.is_some_and(|y| y.actor == b.actor) {
                        a2 = None;
                    }
                    a1 = Some(*b);
                    why.push("actor1: the subject after إن/أن, not the speaker".into());
                }
            }
        }
        // "ثوار المقاومة الشعبية", "مسلحي الحوثي": a category word right before a named
        // group is that group's fighters.
        if let Some(x) = a1 {
            let armed = |a: usize| self.is_armed(a);
            // Only an idafa head, which never has the article: "ثوار المقاومة", not the
            // coordination "الجيش والمقاومة".
            let head = self.doc.tok(x.toks.start);
            let idafa = x.toks.len() == 1 && !crate::tokenize::has_article(head) && !self.doc.tok(x.toks.end.min(self.doc.tokens.len() - 1)).starts_with('و');
            let generic = idafa && (self.lex.actors[x.actor].contextual || self.actor_kind(x.actor) == "unknown") && armed(x.actor);
            if generic {
                if let Some(b) = cands.iter().find(|b| b.toks.start == x.toks.end && !self.lex.actors[b.actor].contextual && armed(b.actor)) {
                    if a2.is_some_and(|y| y.actor == b.actor) {
                        a2 = None;
                    }
                    a1 = Some(*b);
                    why.push("actor1: the named group after a category word".into());
                }
            }
        }
        // An agent marker ("على يد", "من قبل", "شنه") names the doer even when another
        // actor came first ("إن خمسة جنود قتلوا ... لهجوم شنه مقاتلون إسلاميون").
        if !a1_strong {
            // (A doer verb may stand a few words before its actor: "أرسلتها أيادي الغدر
            // الحوثية".)
            let marked = cands.iter().filter(|a| a.toks.start >= t.toks.end).find(|a| {
                let verb_near = (a.toks.start.saturating_sub(4).max(t.toks.end)..a.toks.start)
                    .any(|i| DOER_VERBS.contains(&self.bare(i)) && !cands.iter().any(|b| b.toks.start > i && b.toks.start < a.toks.start));
                agent_marked(a) || verb_near
            });
            // (Not over a subject right after the act: "واستعادت قوات الجيش المدعومة من قبل
            // السكان" — that marker belongs to "المدعومة".)
            let after_subject = a1.is_some_and(|o| o.toks.start >= t.toks.end);
            if let Some(m) = marked.filter(|_| !after_subject) {
                if let Some(old) = a1.filter(|o| o.actor != m.actor) {
                    if a2.is_none_or(|y| y.actor == m.actor) {
                        a2 = Some(old);
                    }
                }
                a1 = Some(*m);
                why.push("actor1: after an agent marker, before others".into());
            }
        }
        // "اشتباكات ... بين أفراد يعتقد أنهم من المقاومة الشعبية وجماعة الحوثيين": in a
        // clash "between X and Y", X and Y are the sides, however far "بين" stands.
        if tr.event_type == "Battles" && (a1.is_none() || a1.is_some_and(|x| x.toks.start >= t.toks.end)) {
            if let Some(b) = self.doc.tokens_in(clause).filter(|&i| i >= t.toks.end).find(|&i| self.bare(i) == "بين") {
                let sides: Vec<&&ActorMention> = cands.iter().filter(|a| a.toks.start > b).collect();
                if let Some(x) = sides.first() {
                    a1 = Some(**x);
                    a2 = sides.iter().find(|y| y.actor != x.actor).map(|y| **y);
                    why.push("actor1/actor2: the sides of a clash 'بين X و Y'".into());
                }
            }
        }
        // "شنت القاهرة غارات", "قصفت أنقرة": a capital named as the subject of an act,
        // without a preposition, is its state's armed forces.
        if a1.is_none() && matches!(tr.event_type.as_str(), "Battles" | "Explosions/Remote violence") {
            if let Some((p, m)) = within(&self.ents.places, clause, |p| &p.range).find_map(|p| {
                let e = &self.lex.places[p.place];
                let capital = e.level == PlaceLevel::City && self.lex.country(&e.country).is_some_and(|c| self.lex.places[c.place].geonameid == e.geonameid);
                // Between a launch verb and the act noun: "شنت القاهرة غارات", "أطلقت أنقرة عملية".
                let next_to = (p.toks.end == t.toks.start || (p.toks.end + 1 == t.toks.start && matches!(self.bare(p.toks.end), "بشن" | "بتنفيذ" | "باطلاق")))
                    && p.toks.start > 0
                    && matches!(self.bare(p.toks.start - 1), "شنت" | "شن" | "اطلقت" | "اطلق" | "نفذت" | "نفذ" | "بدات" | "بدا" | "واصلت" | "واصل" | "كثفت" | "كثف" | "استانفت" | "استانف");
                let bare = !self.doc.tok(p.toks.start).starts_with(['ب', 'ل', 'و', 'ف']) || self.doc.text()[p.range.clone()].starts_with("ال");
                (capital && next_to && bare && !p.locative).then_some((e, p))
            }) {
                if let Some(i) = self.lex.actors.iter().position(|a| a.id.starts_with("military-") && a.country == p.country) {
                    a1_capital = Some((i, m.range.clone()));
                    why.push(format!("actor1: the capital {} stands for its state's forces", p.name));
                }
            }
        }
        // Fall back to the sentence for actor1 (a subject in an earlier clause).
        if a1.is_none() && a1_capital.is_none() {
            if let Some(a) = self.actors_in(sent).into_iter().filter(|a| a.range.end <= clause.start && !is_source_only(a)).next_back() {
                if a2.is_none_or(|b| b.actor != a.actor) {
                    a1 = Some(a);
                    why.push("actor1: from an earlier clause of the sentence".into());
                }
            }
        }
        // Civilians suffer acts; they do not fight (protests are coded elsewhere).
        let te = &self.lex.triggers[t.trigger];
        if te.event_type != "Protests" && te.event_type != "Riots" {
            if let Some(x) = a1.filter(|x| matches!(self.actor_kind(x.actor), "civilians" | "media")) {
                if a2.is_none() {
                    a2 = Some(x);
                }
                a1 = None;
                why.push("actor1: civilians moved to actor2".into());
            }
        }
        // Acts that their doers announce ("أعلن الجيش استعادة..."): the speaker acts.
        // So too an armed group that announces a transitive act ("أعلنت ولاية سيناء قتل
        // موظف أمريكي"), not a death ("أعلن الجيش مقتل ثلاثة جنود").
        let claimed_act = t.toks.len() == 1 && matches!(self.bare(t.toks.start), "قتل" | "اعدام" | "اغتيال" | "ذبح" | "تصفيه" | "اختطاف" | "خطف" | "اسر" | "تفجير" | "استهداف" | "تنفيذ");
        if a1.is_none() && (claimed_act || matches!(te.sub_event_type.as_str(), "Government regains territory" | "Non-state actor overtakes territory" | "Arrests" | "Disrupted weapons use" | "Air/drone strike")) {
            // A claimed act follows its armed claimant at once, or after "(في بيان) المسؤولية عن".
            let claims = |a: &ActorMention| {
                if !claimed_act {
                    return true;
                }
                let gap = a.toks.end..t.toks.start;
                a.toks.end <= t.toks.start
                    && gap.len() <= 6
                    && gap.clone().all(|i| matches!(self.bare(i), "في" | "بيان" | "امس" | "اليوم" | "يوم" | "مسووليه" | "مسووليته" | "مسووليتها" | "عن"))
                    && self.is_armed(a.actor)
            };
            if let Some(x) = cands.iter().find(|a| is_source_only(a) && !matches!(self.actor_kind(a.actor), "civilians" | "media") && claims(a)) {
                a1 = Some(x);
                why.push("actor1: the force that announced its own act".into());
            }
        }
        // "أعلنت قوات البيشمركة أمس أنها تمكنت من قتل ...", "أكد الجيش أنه استعاد": the
        // force that says it did the act did it.
        if !a1_strong {
            if let Some(x) = self.self_announced(t, sent) {
                if a1.is_some_and(|y| y.actor != x.actor && y.toks.start >= t.toks.end) && a2.is_none() {
                    a2 = a1;
                }
                if a1.is_none_or(|y| y.actor != x.actor) {
                    a1 = Some(x);
                    why.push("actor1: the force that announced it did the act (أنه/أنها)".into());
                }
            }
        }
        // "عشرة جنود ليبيين قتلوا خلال قتال جماعات إسلامية": the subject of a death verb
        // with no object is who died, not who fought.
        if let Some(x) = a1.filter(|x| x.toks.end <= t.toks.start && self.died(x, t)) {
            let other = cands.iter().find(|b| b.toks.start >= t.toks.end && b.actor != x.actor && !matches!(self.actor_kind(b.actor), "civilians" | "media"));
            a1 = other.copied();
            if a2.is_none_or(|y| other.is_some_and(|o| o.actor == y.actor)) {
                a2 = Some(x);
            }
            why.push("actor1: the subject of a death verb is who died".into());
        }
        if let (Some(x), Some(y)) = (a1, a2) {
            if x.actor == y.actor {
                a2 = None;
            }
        }
        // A defection's actor1 is the group left ("انشق 11 عنصرا من داعش").
        if te.mode.as_deref() == Some("defection") && a2.is_some() && a1.is_none_or(|x| !matches!(self.actor_kind(x.actor), "rebels" | "state-forces" | "militia")) {
            a1 = a2.take();
            why.push("actor1: the group the defectors leave".into());
        }
        (a1.map(|a| (a.actor, a.range.clone())).or(a1_capital), a2.map(|a| (a.actor, a.range.clone())), why)
    }

    fn draft(&self, si: usize, c: &Range<usize>, t: &TriggerMention, w: f64, chain: &[format::Source]) -> Option<Draft> {
        let te = &self.lex.triggers[t.trigger];
        let s = &self.doc.sentences[si];
        let mut explain = vec![format!("trigger: {:?} -> {} / {} (weight {:.2})", &self.doc.text()[t.range.clone()], te.event_type, te.sub_event_type, te.weight)];
        // "استهدفت خمس قذائف، أرسلتها أيادي الغدر الحوثية، ...": a relative clause that
        // names the doer belongs to the act.
        let doer_clause = s.clauses.iter().find(|n| n.start >= c.end).filter(|n| {
            let nt = self.doc.tokens_in(n);
            // (or that names the sides of a clash: "اشتباكات على أطراف حي الخالدية، بين ...")
            !nt.is_empty() && (DOER_VERBS.contains(&self.bare(nt.start)) || (te.event_type == "Battles" && self.bare(nt.start) == "بين"))
        });
        let rc = doer_clause.map_or(c.clone(), |n| c.start..n.end);
        let (actor1, actor2, why) = self.roles(t, &rc, &s.range);
        explain.extend(why);
        let mut sub = te.sub_event_type.clone();
        let mut mode = te.mode.clone();
        if te.actor_rule.as_deref() == Some("state-regains") {
            if let Some((a, _)) = &actor1 {
                let k = self.actor_kind(*a);
                if matches!(k, "state-forces" | "militia" | "external-forces") {
                    sub = "Government regains territory".into();
                } else if matches!(k, "rebels" | "unknown") {
                    sub = "Non-state actor overtakes territory".into();
                }
                explain.push(format!("sub_event_type: {sub} because actor1 is {k}"));
            }
            mode = Some("territorial-gain".into());
        }
        // Coalitions and air forces shell from the air.
        if sub == "Shelling/artillery/missile attack" {
            if let Some((a, _)) = &actor1 {
                let n = &self.lex.actors[*a].name;
                if n.ends_with("-led Coalition") || n.contains("Air Force") {
                    sub = "Air/drone strike".into();
                    mode = Some("airstrike".into());
                    explain.push("sub_event_type: shelling by an air force or coalition is an air strike".into());
                }
            }
        }
        let mut event_type = te.event_type.clone();
        // An attack word against armed actors is a battle; against civilians an attack.
        if te.role == TriggerRole::Weak && te.event_type == "Violence against civilians" {
            if let Some((a, _)) = &actor2 {
                if self.actor_kind(*a) != "civilians" {
                    event_type = "Battles".into();
                    sub = "Armed clash".into();
                    mode = Some("clash".into());
                }
            }
        }
        if te.event_type == "Battles" && te.role == TriggerRole::Weak {
            if let Some((a, _)) = &actor2 {
                if self.actor_kind(*a) == "civilians" {
                    event_type = "Violence against civilians".into();
                    sub = "Attack".into();
                    mode = None;
                }
            }
        }
        // Protesters protest: when the text names no protesting group, they are
        // "Protesters (country)", named by the protest word itself.
        let mut actor1 = actor1;
        if event_type == "Protests" && actor1.as_ref().is_none_or(|(a, _)| !matches!(self.actor_kind(*a), "protesters" | "civilians")) {
            let named = within(&self.ents.actors, &s.range, |a| &a.range).find(|a| matches!(self.actor_kind(a.actor), "protesters"));
            let generic = self.lex.actor_id("protesters");
            if let Some(a) = named.map(|a| (a.actor, a.range.clone())).or_else(|| generic.map(|g| (g, t.range.clone()))) {
                explain.push("actor1: protesters".into());
                actor1 = Some(a);
            }
        }
        // Over Yemen since March 2015 the aircraft are the Saudi-led coalition's: an unnamed
        // "الطيران", "الطائرات الحربية" there is the coalition, not the Yemeni army.
        if self.ents.focus_country.as_deref() == Some("YE") {
            if let Some((a, r)) = &actor1 {
                let air = ["طيران", "طاير", "مقاتلات", "مروحي", "غارات", "سلاح الجو"].iter().any(|w| self.doc.text()[r.clone()].contains(w));
                if self.lex.actors[*a].id == "state-military-contextual" && air {
                    if let Some(c) = self.lex.actor_id("saudi-led-coalition") {
                        explain.push("actor1: aircraft over Yemen are the Saudi-led coalition's".into());
                        actor1 = Some((c, r.clone()));
                    }
                }
            }
        }
        // Arrests and seizures by "the authorities" (السلطات، الحكومة) are made by the police.
        if sub == "Arrests" || sub == "Disrupted weapons use" {
            if let Some((a, r)) = &actor1 {
                let id = &self.lex.actors[*a].id;
                let police = if id == "government-contextual" { Some("state-police-contextual".to_string()) } else { id.strip_prefix("government-").map(|c| format!("police-{c}")) };
                if let Some(police) = police {
                    if let Some(p) = self.lex.actor_id(&police) {
                        explain.push("actor1: arrests by the authorities are made by the police".into());
                        actor1 = Some((p, r.clone()));
                    }
                }
            }
        }
        // Armed acts need an armed side: "يهاجم الرئيس التركي ... رئيس حزب" is a war of
        // words, "وانسحب هذا المشهد على ريف إدلب" a figure of speech.
        let armed = |a: &Option<(usize, Range<usize>)>| a.as_ref().is_some_and(|(x, _)| self.is_armed(*x));
        let word = self.bare(t.toks.start);
        let verbal_attack = ["هاجم", "يهاجم", "تهاجم", "هاجمت"].contains(&word) && actor1.is_some() && !armed(&actor1) && !armed(&actor2);
        let figurative_withdrawal = mode.as_deref() == Some("withdrawal") && !armed(&actor1) && !armed(&actor2) && self.demonstrative_after(t.toks.end);
        if verbal_attack || figurative_withdrawal {
            return None;
        }
        let status = self.status(t, c);
        // Deaths told in the act's clause, else in what follows it in the sentence
        // ("..., ما أسفر عن مقتل 5"), counting only plain death words there.
        // Up to the next clause that tells an act of its own ("..., بينما قتل قائد خلال
        // اشتباكات": those deaths are the clash's).
        let own_act = |r: &Range<usize>| within(&self.ents.triggers, r, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role != TriggerRole::Kill);
        let rest_end = s.clauses.iter().find(|n| n.start >= c.end && own_act(n)).map_or(s.range.end, |n| n.start);
        let rest = c.start..rest_end;
        let in_clause = self.fatalities(c);
        let deaths_from = if in_clause.is_some() { c.clone() } else { rest.clone() };
        let fatalities = in_clause.or_else(|| self.deaths(&rest, false)).or_else(|| self.no_casualties(si, &event_type));
        let quantities = self.quantities(c, mode.as_deref(), fatalities.as_ref());
        let local = self.local_place(c, &s.range);
        let place_local = local.is_some();
        // Else the place the previous sentence named (the report goes on about it), else
        // the article's.
        let prev_place = || {
            let prev = self.doc.sentences.get(si.checked_sub(1)?)?;
            let same_para = !self.doc.text()[prev.range.end..s.range.start].contains('\n');
            if same_para { self.local_place(&prev.range, &prev.range) } else { None }
        };
        let place = local.or_else(prev_place).or_else(|| self.article_place());
        let date = self.date(c, &s.range);
        let sources = chain.to_vec();
        let mut confidence = w;
        if actor1.is_none() {
            confidence *= 0.85;
        }
        if place.is_none() {
            confidence *= 0.85;
        }
        Some(Draft {
            trig_range: t.range.clone(),
            sentence: si,
            clause: c.clone(),
            event_type,
            sub_event_type: sub,
            mode,
            status,
            actor1,
            actor1_inferred: false,
            actor2,
            place,
            place_local,
            date,
            fatalities,
            deaths_from,
            quantities,
            sources,
            confidence: confidence.clamp(0.05, 0.99),
            explain,
        })
    }

    fn kill_draft(&self, si: usize, c: &Range<usize>, fat: Option<Count>, chain: &[format::Source]) -> Option<Draft> {
        let t = within(&self.ents.triggers, c, |t| &t.range).find(|t| self.lex.triggers[t.trigger].role == TriggerRole::Kill)?;
        // Who died decides the type: combatants -> a clash, otherwise an attack on civilians.
        // The victims are named right after the death word (and its count).
        let toks = self.doc.tokens_in(c);
        let cands = self.actors_in(c);
        // "قتل تنظيم داعش 4 مدنيين": the armed doer comes first, the victims after it.
        let doer = cands.iter().find(|a| a.toks.start == t.toks.end && self.agent_then_patient(t, a, &cands));
        let from = doer.map_or(t.toks.end, |a| a.toks.end);
        let window = from..(from + 4).min(toks.end);
        let combatants = window.clone().any(|i| COMBATANT_NOUNS.contains(&self.bare(i)))
            || (doer.is_none() && (toks.start..t.toks.start).rev().take(3).any(|i| COMBATANT_NOUNS.contains(&self.bare(i))));
        let victims_actor = cands.iter().copied().find(|a| a.toks.start >= from && a.toks.start < window.end);
        let armed_victim = victims_actor.is_some_and(|a| !matches!(self.actor_kind(a.actor), "civilians" | "media" | "protesters"));
        let mut d = self.draft(si, c, t, 0.6, chain)?;
        if combatants || armed_victim {
            d.event_type = "Battles".into();
            d.sub_event_type = "Armed clash".into();
            d.mode = Some("clash".into());
            d.explain.push("type: killing of combatants is coded as a clash".into());
        } else {
            d.event_type = "Violence against civilians".into();
            d.sub_event_type = "Attack".into();
            d.mode = None;
        }
        // The dead are actor2 when named after the death word.
        if let Some(v) = victims_actor {
            if d.actor1.as_ref().is_some_and(|(a, _)| *a == v.actor) {
                d.actor1 = None;
            }
            d.actor2 = Some((v.actor, v.range.clone()));
        }
        if fat.is_some() {
            d.fatalities = fat;
        }
        Some(d)
    }

    fn status(&self, t: &TriggerMention, c: &Range<usize>) -> &'static str {
        let ct = self.doc.tokens_in(c);
        if t.future || t.lam || self.cues_in(ct.start..t.toks.start, CUE_PLANNED) || self.cues_in(t.toks.end..ct.end.min(t.toks.end + 3), CUE_PLANNED) {
            "planned"
        } else if self.cues_in(ct.clone(), CUE_ONGOING) {
            "ongoing"
        } else {
            "occurred"
        }
    }

    /// "من أجل السيطرة", "لدى محاولتهم اقتحام": an aim or an attempt, not ground taken.
    fn attempted(&self, t: &TriggerMention, c: &Range<usize>) -> bool {
        let from = t.toks.start.saturating_sub(3).max(self.doc.tokens_in(c).start);
        (from..t.toks.start).any(|i| ATTEMPT.contains(&self.bare(i)))
    }

    /// Bombings, killings and abductions whose doer the text does not name were done by
    /// an "Unidentified armed group" (annotation guide); the act's own words name it.
    fn unidentified_perpetrator(&self, d: &mut Draft) {
        let unnamed = matches!(d.sub_event_type.as_str(), "Suicide bomb" | "Remote explosive/landmine/IED" | "Attack" | "Abduction/forced disappearance" | "Grenade");
        if !unnamed {
            return;
        }
        if let Some(i) = self.lex.actor_id("unidentified-armed-group") {
            d.actor1 = Some((i, d.trig_range.clone()));
            d.actor1_inferred = true;
            d.explain.push("actor1: unnamed perpetrator".into());
        }
    }

    /// An act told without its doer continues the one just told ("كما دمرت إحدى الغارات
    /// دبابة" after "شنت طائرات التحالف غارات"); an air strike is flown by the last state or
    /// foreign force the article named before it.
    fn carry_actor(&self, d: &mut Draft, earlier: &[Draft]) {
        // "..., واعتقال شخصين", "وتفكيك 3 منازل مفخخة": an act noun joined by و at the head
        // of its clause continues the list of what the last doer did, whatever its type.
        let ct = self.doc.tokens_in(&d.clause);
        // (Only when the clause names no actor of its own: "وأوقفت الشرطة ..." has one.)
        let joined = !ct.is_empty()
            && self.doc.tokens[ct.start].range.start == d.trig_range.start
            && self.doc.tok(ct.start).starts_with('و')
            && self.actors_in(&d.clause).is_empty();
        if joined {
            if let Some(p) = earlier.last().filter(|p| p.sentence + 1 >= d.sentence && p.actor1.is_some() && !p.actor1_inferred) {
                if p.actor1.as_ref().map(|a| a.0) != d.actor2.as_ref().map(|a| a.0) {
                    d.actor1 = p.actor1.clone();
                    d.actor1_inferred = p.actor1_inferred;
                    d.explain.push(format!("actor1: the doer of the act just told (sentence {}), continued with و", p.sentence + 1));
                    return;
                }
            }
        }
        if let Some(p) = earlier.iter().rev().take_while(|p| p.sentence + 2 >= d.sentence).find(|p| p.event_type == d.event_type && p.actor1.is_some()) {
            if p.actor1.as_ref().map(|a| a.0) != d.actor2.as_ref().map(|a| a.0) {
                d.actor1 = p.actor1.clone();
                // (An unnamed doer carried on is still unnamed: it does not keep two
                // mentions of one act apart.)
                d.actor1_inferred = p.actor1_inferred;
                d.explain.push(format!("actor1: carried from the act told in sentence {}", p.sentence + 1));
                return;
            }
        }
        if d.sub_event_type == "Air/drone strike" {
            let before = 0..d.trig_range.start;
            let force = within(&self.ents.actors, &before, |a| &a.range)
                .filter(|a| matches!(self.actor_kind(a.actor), "state-forces" | "external-forces") && !self.lex.actors[a.actor].contextual)
                .last();
            if let Some(a) = force {
                if d.actor2.as_ref().is_none_or(|x| x.0 != a.actor) {
                    d.actor1 = Some((a.actor, a.range.clone()));
                        d.explain.push("actor1: the last state or foreign force named before the strike".into());
                }
            }
        }
    }

    /// The trigger follows "احتجاجا على", "تنديدا ب", "للتنديد ب": a grievance, not a report.
    fn grievance(&self, t: &TriggerMention) -> bool {
        let b = |i: usize| (i < t.toks.start).then(|| self.bare(i));
        let s = t.toks.start;
        let before1 = s.checked_sub(1).and_then(b);
        let before2 = s.checked_sub(2).and_then(b);
        matches!(before2, Some("احتجاجا" | "احتجاج" | "تنديدا" | "للتنديد" | "للاحتجاج")) && matches!(before1, Some("علي"))
            || matches!(before1, Some("احتجاجا" | "تنديدا" | "للتنديد" | "للاحتجاج"))
            || {
                // "تنديدا بمقتل": the preposition is a clitic on the death word.
                let w = self.doc.tok(s);
                w.starts_with('ب') && matches!(before1, Some("تنديدا" | "للتنديد" | "تنديد"))
            }
    }

    /// The trigger is what someone is accused of: an accusation word stands within the
    /// three words before it.
    fn accused(&self, t: &TriggerMention) -> bool {
        (t.toks.start.saturating_sub(3)..t.toks.start).any(|i| {
            matches!(self.bare(i), "بتهمه" | "بتهم" | "بدعوي" | "بحجه" | "بذريعه" | "لاتهامه" | "لاتهامهم" | "باتهام" | "بتورطه" | "بتورطهم" | "المتهم" | "المتهمين" | "متهمين" | "متهم" | "يشتبه" | "للاشتباه" | "بالتخطيط")
        })
    }

    /// A weapon word's clause tells it was used: it exploded (an explosion or attack word),
    /// or someone died or was hurt — and, unless it exploded, no seizure or defusal word
    /// ("تفكيك 3 منازل مفخخة و42 عبوة ناسفة", "ضبط متفجرات") says it was not.
    fn weapon_used(&self, c: &Range<usize>) -> bool {
        const SEIZED: &[&str] = &["تفكيك", "ضبط", "عثر", "العثور", "عثور", "عثروا", "مصادره", "ابطال", "مجهزه", "تهريب", "حيازه", "مخبا", "مخزن", "بدعوي", "بتهمه", "بحجه", "صنع", "تصنيع", "ضبطت", "مستودع", "احباط", "احبطت", "احبط"];
        let toks = self.doc.tokens_in(c);
        let exploded = within(&self.ents.triggers, c, |t| &t.range).any(|t| {
            let e = &self.lex.triggers[t.trigger];
            e.role != TriggerRole::Weapon && e.event_type == "Explosions/Remote violence"
        }) || toks.clone().any(|i| matches!(self.bare(i), "استهدف" | "استهدفت" | "استهدفتها" | "استهدفه" | "فجر" | "فجرت" | "فجروا" | "دوي" | "هجوم" | "هجوما" | "هجمات" | "القاء" | "بالقاء" | "القي" | "القت" | "القيت" | "القوا" | "رمي" | "رموا"));
        if exploded {
            return true;
        }
        let harm = within(&self.ents.triggers, c, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role == TriggerRole::Kill)
            || toks.clone().any(|i| INJURED.contains(&self.bare(i)) || INJURED.contains(&self.keys[i]));
        harm && !toks.clone().any(|i| SEIZED.contains(&self.bare(i)))
    }

    /// An armed actor of the sentence, before the trigger, followed (within two words) by
    /// a complementizer with a pronoun that refers back to it ("أنه", "أنها", "أنهم") —
    /// but not the impersonal "أنه تم".
    fn self_announced(&self, t: &TriggerMention, sent: &Range<usize>) -> Option<&'a ActorMention> {
        let armed = |a: &ActorMention| matches!(self.actor_kind(a.actor), "state-forces" | "rebels" | "militia" | "external-forces");
        let x = self.actors_in(&(sent.start..self.doc.tokens[t.toks.start].range.start)).into_iter().rev().find(|a| armed(a))?;
        for i in x.toks.end..(x.toks.end + 3).min(t.toks.start) {
            // The bare complementizer ("فإنه", "لأنه" are not reports).
            if matches!(self.keys[i], "انه" | "انها" | "انهم" | "بانه" | "بانها" | "بانهم") {
                let next = self.bare(i + 1);
                if matches!(next, "تم" | "جري" | "سيتم" | "لا" | "لم" | "قد") || t.toks.start > i + 4 {
                    return None;
                }
                // "إلا أنها", "غير أنه": "but it", not a report.
                if matches!(self.bare(i - 1), "الا" | "غير" | "هي" | "هو") {
                    return None;
                }
                // No other actor between the complementizer and the act.
                let between = self.actors_in(&(self.doc.tokens[i].range.end..self.doc.tokens[t.toks.start].range.start));
                return if between.is_empty() { Some(x) } else { None };
            }
        }
        None
    }

    /// `a` is followed, within three words and before `t`, by a death verb with no object
    /// after it ("جنود ليبيين قتلوا خلال ...", "عناصر ... لقوا حتفهم").
    fn died(&self, a: &ActorMention, t: &TriggerMention) -> bool {
        within(&self.ents.triggers, &(self.doc.tokens[a.toks.end.min(self.doc.tokens.len() - 1)].range.start..self.doc.tokens[t.toks.start].range.start), |k| &k.range)
            .filter(|k| self.lex.triggers[k.trigger].role == TriggerRole::Kill && k.toks.start >= a.toks.end && k.toks.start <= a.toks.end + 3)
            .any(|k| {
                let n = k.toks.end;
                let object = n < self.doc.tokens.len()
                    && (self.number_at(n).is_some_and(|x| x.range.start == self.doc.tokens[n].range.start) || PERSON_NOUNS.contains(&self.bare(n)) || COMBATANT_NOUNS.contains(&self.bare(n)) || self.actor_at(n));
                !object
            })
    }

    /// After a transitive act word ("حرق", "قتل", "اعتقال", "اختطاف", "إعدام"), is `a` an
    /// armed actor followed at once (no preposition) by a victim — a number, a person
    /// noun or a civilian actor? Then `a` is the genitive/subject doer and the next the
    /// object. Intransitive death words ("مقتل", "مصرع", "استشهاد") take no doer.
    fn agent_then_patient(&self, t: &TriggerMention, a: &ActorMention, cands: &[&ActorMention]) -> bool {
        const INTRANSITIVE: &[&str] = &["مقتل", "مصرع", "استشهاد", "قتلي", "قتيل", "قتيلا", "قتلوا", "قتلا", "لقي", "لقوا", "سقوط", "وفاه", "هلاك"];
        if t.toks.len() != 1 || INTRANSITIVE.contains(&self.bare(t.toks.start)) {
            return false;
        }
        // Governments arrest and execute ("اعتقلت السلطات التركية 590 شخصا").
        if !(self.is_armed(a.actor) || self.actor_kind(a.actor) == "government") {
            return false;
        }
        let n = a.toks.end;
        if n >= self.doc.tokens.len() {
            return false;
        }
        let k = self.bare(n);
        let victim_actor = cands.iter().any(|b| b.toks.start == n && matches!(self.actor_kind(b.actor), "civilians" | "media" | "protesters" | "government"));
        // A count, maybe hedged ("أكثر من 1300", "نحو 20").
        let number = self.number_at(n).is_some()
            || (matches!(k, "اكثر" | "نحو" | "حوالي" | "قرابه" | "عشرات" | "ميات") && n + 2 < self.doc.tokens.len());
        victim_actor || number || PERSON_NOUNS.contains(&k) || matches!(k, "طيار" | "رهينه" | "رهاين" | "اسير" | "اسري" | "معتقل" | "معتقلين")
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

    /// "هذا المشهد": a demonstrative at token `i` (the subject right after a verb).
    fn demonstrative_after(&self, i: usize) -> bool {
        i < self.doc.tokens.len() && matches!(self.bare(i), "هذا" | "هذه" | "ذلك" | "تلك")
    }

    /// "هذا", "تلك", "لهذه", "وبذلك" right before token `i`.
    fn demonstrative_before(&self, i: usize) -> bool {
        const DEM: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هولاء", "اوليك", "هاته"];
        if i == 0 {
            return false;
        }
        let mut k = self.doc.tok(i - 1);
        for _ in 0..2 {
            if DEM.contains(&key(k)) {
                return true;
            }
            match k.chars().next() {
                // Not ك: "كذلك" is "likewise".
                Some('و' | 'ف' | 'ب' | 'ل') => k = &k[k.char_indices().nth(1).map_or(k.len(), |(b, _)| b)..],
                _ => break,
            }
        }
        DEM.contains(&key(k))
    }

    /// A common noun for a place ("المدينة", "القاعدة", "مواقع") in the clause.
    fn has_place_word(&self, c: &Range<usize>) -> bool {
        const PLACE_WORDS: &[&str] = &["مدينه", "بلده", "قريه", "قري", "منطقه", "مناطق", "مديريه", "محافظه", "حي", "احياء", "قاعده", "معسكر", "موقع", "مواقع", "جبل", "تله", "مطار", "ميناء", "مركز", "مقر", "مبني", "طريق", "معبر", "ناحيه", "قضاء", "مخيم", "بلدات", "اراضي"];
        self.doc.tokens_in(c).any(|i| PLACE_WORDS.contains(&self.bare(i)))
    }

    /// "لم يصب أحد" in the sentence or the next one: the act killed nobody.
    /// In the next sentence only when that sentence names no other kind of act ("وكان
    /// الثوار تمكنوا من طرد المتمردين" is not the subject of "ولم يخلف القصف أية إصابات").
    fn no_casualties(&self, si: usize, event_type: &str) -> Option<Count> {
        let sents = &self.doc.sentences;
        let r = sents[si].range.start..sents.get(si + 1).map_or(sents[si].range.end, |n| n.range.end);
        let toks = self.doc.tokens_in(&r);
        let cue = within(&self.ents.cues, &toks, |c| &c.toks).find(|c| c.kind == CUE_NO_CASUALTIES)?;
        if self.doc.tokens[cue.toks.start].range.start >= sents[si].range.end {
            let next = &sents[si + 1].range;
            if within(&self.ents.triggers, next, |t| &t.range).any(|t| self.lex.triggers[t.trigger].event_type != event_type && self.lex.triggers[t.trigger].role != TriggerRole::Kill) {
                return None;
            }
        }
        let span = self.doc.tokens[cue.toks.start].range.start..self.doc.tokens[cue.toks.end - 1].range.end;
        Some(Count { min: 0, max: Some(0), approximate: false, mention: Some(self.span(span)) })
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

    /// Deaths stated in a range: a number next to a death word ("مقتل 15 شخصا",
    /// "15 قتيلا", "قتل 3 جنود"), or a death word with one singular victim ("مقتل جندي").
    fn fatalities(&self, r: &Range<usize>) -> Option<Count> {
        self.deaths(r, true)
    }

    /// As `fatalities`; `acts` also counts killing acts (executions, assassinations).
    fn deaths(&self, r: &Range<usize>, acts: bool) -> Option<Count> {
        let toks = self.doc.tokens_in(r);
        // Death words, and acts that are killings by definition ("إعدام 21 قبطيا").
        let kills: Vec<&TriggerMention> = within(&self.ents.triggers, r, |t| &t.range)
            .filter(|t| {
                let te = &self.lex.triggers[t.trigger];
                (te.role == TriggerRole::Kill || (acts && matches!(te.mode.as_deref(), Some("execution" | "assassination" | "massacre")))) && !self.grievance(t)
            })
            .collect();
        if kills.is_empty() {
            return None;
        }
        // "منذ بدء النزاع", "منذ عام 2011": a toll of the whole war, not of an act.
        let cumulative = toks.clone().any(|i| {
            self.bare(i) == "منذ"
                && (i + 1..(i + 4).min(toks.end)).any(|j| {
                    matches!(self.bare(j), "بدء" | "بدايه" | "اندلاع" | "انطلاق" | "مطلع" | "عام" | "سنوات" | "اعوام" | "تاسيس")
                        || self.number_at(j).is_some_and(|n| n.range.start == self.doc.tokens[j].range.start && (1900..2100).contains(&n.min))
                })
        });
        if cumulative {
            return None;
        }
        let mut total: Option<Count> = None;
        let mut last_counted: Option<usize> = None;
        for n in self.numbers_in(r) {
            let nt = self.doc.tokens_covering(&n.range);
            // Tens of thousands of dead are a war's toll ("أكثر من 240 ألف شخص"), not an act's.
            if nt.is_empty() || n.min >= 10_000 {
                continue;
            }
            let after = (nt.end < toks.end).then(|| self.bare(nt.end));
            let after2 = (nt.end + 1 < toks.end).then(|| self.bare(nt.end + 1));
            // Dead and wounded lumped together are not fatalities.
            if after2.is_some_and(|k| k == "جرحي" || k == "مصابين") && after.is_some_and(|k| k == "قتلي" || k == "بين") {
                continue;
            }
            // "قتيلين", "15 قتيلا": the count names the dead itself or is followed by them.
            let killed_noun = after.is_some_and(|k| KILLED_NOUNS.contains(&k)) || KILLED_NOUNS.contains(&self.bare(nt.start));
            // "15 جريحا" is a count of wounded; "21 وإصابة 36" is not (the و starts another count).
            let raw = |i: usize| (i < toks.end).then(|| self.keys[i]);
            let injured_near = raw(nt.end).is_some_and(|k| INJURED.contains(&k)) || raw(nt.end + 1).is_some_and(|k| INJURED.contains(&k));
            let kill_before = kills.iter().any(|k| k.toks.end <= nt.start && nt.start - k.toks.end <= 3);
            let kill_after = kills.iter().any(|k| k.toks.start >= nt.end && k.toks.start - nt.end <= 4);
            let is_person = |k: &str| PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k);
            // The noun may sit inside the number's own span ("عشرة مدنيين على الأقل").
            // "العشرات من المتمردين قتلوا", "عشرة من الجنود": the people after من.
            let of_people = after == Some("من") && nt.end + 1 < toks.end && (is_person(self.bare(nt.end + 1)) || self.actor_at(nt.end + 1));
            let person_after = after.is_some_and(is_person) || of_people || (nt.start + 1..nt.end).any(|i| is_person(self.bare(i)));
            let injured_before = nt.start > toks.start && INJURED.contains(&self.bare(nt.start - 1));
            // "قتل متمردين آخرين وأسر عشرات": a count right after another act's word is
            // that act's (the captured), not the dead.
            // (Unless they were then killed: "أسروا ثمانية من الركاب وقتلوهم".)
            let killed_them = kills.iter().any(|k| k.toks.start >= nt.end && {
                let w = self.bare(k.toks.start);
                w.ends_with("هم") || w.ends_with("هما")
            });
            let other_act_before = !killed_noun && !killed_them && nt.start > toks.start && CAPTURED.contains(&self.bare(nt.start - 1));
            if injured_near || injured_before || other_act_before {
                continue;
            }
            // "استشهد عشرة من منسوبي القوات وثلاثة آخرون": a count joined by و to the one
            // just counted adds to it.
            let joined = total.is_some() && last_counted.is_some_and(|e| nt.start <= e + 8) && self.joined_by_and(n, after);
            if killed_noun || joined || (kill_before && (person_after || after.is_none() || nt.start > 0)) || (kill_after && person_after) {
                let c = Count { min: n.min, max: n.max, approximate: n.approximate, mention: Some(self.span(n.range.clone())) };
                // A second count with its own death word ("مقتل 21 ... ومقتل 3") or joined by و
                // ("عشرة ... وثلاثة آخرون") counts other dead of the same act.
                // Not a count repeated in digits and words ("(15) خمسة عشر"), and only
                // within a few words of the first.
                let near_prev = last_counted.is_some_and(|e| nt.start <= e + 8);
                let repeated = total.as_ref().is_some_and(|p: &Count| p.min == n.min && p.max == n.max) && last_counted.is_some_and(|e| nt.start <= e + 2);
                let own_kill = kill_before && total.is_some() && near_prev && !repeated;
                if repeated {
                    continue;
                }
                // "قتل 21 إرهابيا، وتدمير مركبتين ... وقتل من بداخلهما": more dead that the
                // text does not count make the count a lower bound.
                let uncounted_more = kills.iter().any(|k| k.toks.start >= nt.end && self.uncounted_dead(k, &toks));
                last_counted = Some(nt.end);
                total = Some(match total {
                    None => c,
                    Some(prev) if prev.max.is_some() && c.max.is_some() && (own_kill || self.joined_by_and(n, after)) => Count {
                        min: prev.min + c.min,
                        max: Some(prev.max.unwrap() + c.max.unwrap()),
                        approximate: prev.approximate || c.approximate,
                        mention: prev.mention,
                    },
                    Some(prev) => prev,
                });
                if uncounted_more {
                    if let Some(t) = total.as_mut() {
                        t.max = None;
                    }
                }
            }
        }
        if total.is_none() {
            // "أوقع قتيلا": one death in the singular.
            for k in &kills {
                let w = key(self.doc.tok(k.toks.start));
                // Not "بين قتيل وجريح": dead and wounded lumped together.
                let lumped = k.toks.end < toks.end && matches!(self.keys[k.toks.end], "وجريح" | "وجرحي" | "ومصاب" | "ومصابين");
                if k.toks.len() == 1 && !lumped && ["قتيلا", "قتيل"].contains(&w) && !toks.clone().any(|i| self.number_at(i).is_some_and(|n| n.range.start == self.doc.tokens[i].range.start)) {
                    return Some(Count { min: 1, max: Some(1), approximate: false, mention: Some(self.span(k.range.clone())) });
                }
            }
            // "مقتل جندي", "قتل قائد عسكري وأحد العناصر", "إعدام محام": victims named in the
            // singular, one each.
            const SINGULAR: &[&str] = &["جندي", "شرطي", "ضابط", "مدني", "طفل", "شخص", "مواطن", "رجل", "امراه", "صحفي", "ناشط", "قيادي", "قايد", "عنصر", "مسلح", "طالب", "سايق", "مسوول", "محام", "محامي", "طبيب", "امام", "شيخ", "مدرس", "معلم", "موظف", "عامل", "طيار", "مهندس", "قاضي", "نايب", "شاب", "فتي", "فتاه", "سيده", "مختار", "عقيد", "عميد", "لواء", "رايد", "نقيب", "ملازم", "رقيب", "مجند",
                // The accusative after a transitive verb: "قتلت مسلحا".
                "جنديا", "شرطيا", "ضابطا", "مدنيا", "طفلا", "شخصا", "مواطنا", "رجلا", "صحفيا", "ناشطا", "قياديا", "عنصرا", "مسلحا", "طالبا", "سايقا", "مسوولا", "طبيبا", "شابا", "موظفا", "عاملا", "طيارا", "مهندسا", "قاضيا", "ارهابيا", "متشددا"];
            for k in &kills {
                // "وقتله", "مقتلها", "إعدامه": one victim, named by the pronoun.
                if k.toks.len() == 1 && ["قتله", "قتلها", "مقتله", "مقتلها", "اعدامه", "اعدامها", "اغتياله", "اغتيالها", "تصفيته", "ذبحه", "ذبحها"].contains(&self.bare(k.toks.start)) {
                    return Some(Count { min: 1, max: Some(1), approximate: false, mention: Some(self.span(k.range.clone())) });
                }
                let execution = !matches!(self.lex.triggers[k.trigger].role, TriggerRole::Kill);
                if k.toks.end < toks.end {
                    let nk = self.bare(k.toks.end);
                    if SINGULAR.contains(&nk) {
                        // "... وأحد العناصر", "... وجندي": a second victim joined by و.
                        let more = (k.toks.end + 1..(k.toks.end + 5).min(toks.end))
                            .filter(|&i| {
                                let raw = self.keys[i];
                                raw.starts_with('و') && (matches!(self.bare(i), "احد" | "واحد") || SINGULAR.contains(&self.bare(i)))
                            })
                            .count() as u64;
                        let end = if more > 0 { self.doc.tokens[(k.toks.end + 4).min(toks.end - 1)].range.end } else { self.doc.tokens[k.toks.end].range.end };
                        return Some(Count { min: 1 + more, max: Some(1 + more), approximate: false, mention: Some(self.span(self.doc.tokens[k.toks.end].range.start..end)) });
                    }
                    // An execution or assassination without a count kills one person —
                    // unless it names a kind of act ("عمليات الخطف والاغتيال").
                    let generic = (k.toks.start.saturating_sub(3)..k.toks.start).any(|i| matches!(self.bare(i), "عمليات" | "حملات" | "سلسله" | "موجه" | "بعمليات"));
                    if execution && !generic && !PERSON_NOUNS.contains(&nk) && !COMBATANT_NOUNS.contains(&nk) {
                        return Some(Count { min: 1, max: Some(1), approximate: false, mention: Some(self.span(k.range.clone())) });
                    }
                }
            }
            if let Some(c) = self.one_named_dead(&kills, &toks) {
                return Some(c);
            }
        }
        total
    }

    /// One dead person named, not counted: a death noun before a person's name ("بمقتل
    /// محسن الفضلي"، "مقتل أبو خليل"), or a singular passive death verb followed by where
    /// or how ("وكان هلال الأسد قتل في معارك", "الذي قتل في آذار 2014"). Told as one of
    /// the dead of a battle ("في معارك", "خلال الاشتباكات"), it is only a lower bound.
    fn one_named_dead(&self, kills: &[&TriggerMention], toks: &Range<usize>) -> Option<Count> {
        // Nothing else is counted after the death word: no number, no plural of people.
        // (The other side named after مع، ضد، بين is not counted: "قتل في معارك مع مسلحين".)
        let uncounted = |from: usize| {
            let end = (from..toks.end.min(from + 8)).find(|&i| matches!(self.bare(i), "مع" | "ضد" | "بين")).unwrap_or(toks.end.min(from + 8));
            let plural = |k: &str| (PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k)) && !k.ends_with('ا') && !matches!(k, "مسلح" | "جندي" | "ضابط" | "عنصر" | "مقاتل");
            !(from..end).any(|i| plural(self.bare(i))) && !(from..toks.end).any(|i| self.number_at(i).is_some_and(|n| !self.in_date(&n.range)))
        };
        const HOW: &[&str] = &["في", "خلال", "اثر", "جراء", "برصاص", "بنيران", "بقصف", "بغاره", "بانفجار", "بتفجير", "علي", "امس", "اليوم", "قرب", "بعد", "اثناء"];
        const BATTLE: &[&str] = &["معارك", "اشتباكات", "مواجهات", "قتال", "المعارك", "الاشتباكات", "المواجهات", "القتال", "معركه", "المعركه"];
        for k in kills {
            if self.lex.triggers[k.trigger].role != TriggerRole::Kill || k.toks.end >= toks.end || !uncounted(k.toks.end) {
                continue;
            }
            let raw = self.doc.tok(k.toks.start);
            // The death word without its conjunction, and the noun without its preposition
            // ("وبمقتل" -> "مقتل").
            let word = key(self.doc.text()[k.range.clone()].trim_start_matches(['و', 'ف']));
            let noun = key(word.strip_prefix(['ب', 'ل']).unwrap_or(word));
            let next = k.toks.end;
            let named = matches!(noun, "مقتل" | "مصرع" | "استشهاد" | "اغتيال") && self.cues_in(next..next + 1, CUE_PERSON_NAME);
            // The verb, not the verbal noun: no article, no preposition (بقتل، لقتل), not a
            // kind of crime ("جرائم القتل في").
            let verb = matches!(word, "قتل" | "اغتيل" | "استشهد")
                && !crate::tokenize::has_article(raw)
                && !raw.starts_with(['ب', 'ل'])
                && !(k.toks.start > toks.start && matches!(self.bare(k.toks.start - 1), "جرايم" | "جريمه" | "عمليات" | "عمليه" | "حملات" | "بتهمه" | "تهمه"))
                && HOW.contains(&self.bare(next))
                && !(self.bare(next) == "علي" && next + 1 < toks.end && !matches!(self.bare(next + 1), "يد" | "ايدي"));
            if !(named || verb) {
                continue;
            }
            let in_battle = (next..toks.end.min(next + 8)).any(|i| BATTLE.contains(&self.bare(i)));
            let end = if named { self.doc.tokens[(next + 1).min(toks.end - 1)].range.end } else { k.range.end };
            return Some(Count { min: 1, max: if in_battle { None } else { Some(1) }, approximate: false, mention: Some(self.span(k.range.start..end)) });
        }
        None
    }

    /// The word for whom a range's first count counts: "20 شخصا" -> "شخصا", "6 من
    /// المقاومة" -> "المقاومه".
    fn victims(&self, r: &Range<usize>) -> Option<&'a str> {
        let toks = self.doc.tokens_in(r);
        self.numbers_in(r).iter().find_map(|n| {
            let nt = self.doc.tokens_covering(&n.range);
            let i = if nt.end < toks.end && self.bare(nt.end) == "من" { nt.end + 1 } else { nt.end };
            (!nt.is_empty() && i < toks.end).then(|| self.bare(i))
        })
    }

    fn uncounted_kill_in(&self, r: &Range<usize>) -> bool {
        let toks = self.doc.tokens_in(r);
        within(&self.ents.triggers, r, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role == TriggerRole::Kill && self.uncounted_dead(t, &toks))
    }

    /// "وقتل من بداخلهما", "وقتل طواقمها": a death word whose dead are not counted.
    fn uncounted_dead(&self, k: &TriggerMention, toks: &Range<usize>) -> bool {
        k.toks.end < toks.end && {
            let next = self.bare(k.toks.end);
            // (After the verb or its noun only: "قتيلا من المدنيين" says whose dead they are.)
            let verb = matches!(self.bare(k.toks.start), "قتل" | "مقتل" | "قتلوا" | "قتلت" | "تصفيه");
            (verb && next == "من" && self.number_at(k.toks.end + 1).is_none()) || ["طواقمها", "طاقمها", "ركابها", "عناصرها", "راكبيها", "مستقليها", "طاقمه", "ركابه"].contains(&next)
        }
    }

    /// "عشرة من الجنود وثلاثة آخرون", "25 متمردا و9 جنود": a second count joined by و
    /// (and followed by a person noun or آخرون) adds to the first.
    fn joined_by_and(&self, n: &NumberMention, after: Option<&str>) -> bool {
        let before = self.doc.text()[..n.range.start].trim_end();
        // "و 3", "وثلاثة" (the clitic outside the number's span), or inside it.
        let starts_with_wa = self.doc.text()[n.range.clone()].starts_with('و')
            || before.ends_with(" و")
            || (self.doc.text()[..n.range.start].ends_with('و') && before.strip_suffix('و').is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace)));
        // "مقتل 8 بموقع بحلحلان و6 كانوا على متن عربة", "و3 من القوات": who they were.
        starts_with_wa && after.is_some_and(|k| ["اخرون", "اخرين", "اخري", "كانوا", "كانا", "من"].contains(&k) || PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k))
    }

    fn quantities(&self, c: &Range<usize>, mode: Option<&str>, fat: Option<&Count>) -> Vec<Quantity> {
        let toks = self.doc.tokens_in(c);
        let mut out = Vec::new();
        for n in self.numbers_in(c) {
            let sp = self.span(n.range.clone());
            if fat.and_then(|f| f.mention.as_ref()).is_some_and(|m| m.start == sp.start) {
                continue;
            }
            let nt = self.doc.tokens_covering(&n.range);
            if nt.is_empty() {
                continue;
            }
            // Without the conjunction: "وأصيب تسعة" is injured.
            let after = (nt.end < toks.end).then(|| self.bare(nt.end));
            let before = (nt.start > toks.start).then(|| self.bare(nt.start - 1));
            let what = if after.is_some_and(|k| INJURED.contains(&k)) || before.is_some_and(|k| INJURED.contains(&k)) {
                "injured"
            } else if after.is_some_and(|k| ARRESTED.contains(&k)) || mode == Some("arrest") && after.is_some_and(|k| PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k)) {
                "arrested"
            } else if mode == Some("kidnapping") && after.is_some_and(|k| PERSON_NOUNS.contains(&k)) {
                "kidnapped"
            } else if mode == Some("defection") && after.is_some_and(|k| COMBATANT_NOUNS.contains(&k)) {
                "defected"
            } else if mode == Some("displacement") {
                "displaced"
            } else if after.is_some_and(|k| ["جندي", "جنود", "عسكري", "عسكريين", "جنديا"].contains(&k)) {
                "troops"
            } else if after.is_some_and(|k| COMBATANT_NOUNS.contains(&k)) {
                "fighters"
            } else if after.is_some_and(|k| ["مدني", "مدنيين", "مدنيا"].contains(&k)) {
                "civilians"
            } else {
                continue;
            };
            // The noun after the number is part of the mention ("20 إلى 25 ألف جندي").
            let end = if nt.end < toks.end { self.doc.tokens[nt.end].range.end } else { n.range.end };
            let mention = self.span(n.range.start..end);
            out.push(Quantity { what: what.into(), min: n.min, max: n.max, approximate: n.approximate, mention: Some(mention) });
        }
        out
    }

    /// One act at several separately named towns listed together ("قصفت الحولة
    /// وتلبيسة", "طالت مدينة بنش وبلدات طعوم وسرمين") is one event per town, as the
    /// annotation guide codes it. Only coordinated town names split an event.
    fn split_by_town(&self, d: Draft, c: &Range<usize>) -> Vec<Draft> {
        const JOINERS: &[&str] = &["و", "بلده", "بلدات", "بلدتي", "قريه", "قري", "قريتي", "مدينه", "مدينتي", "مدن", "مناطق", "منطقه"];
        let towns: Vec<_> = within(&self.ents.places, c, |p| &p.range).filter(|p| self.lex.places[p.place].level >= PlaceLevel::City).collect();
        let mut run: Vec<&crate::entities::PlaceMention> = Vec::new();
        for p in towns {
            let joined = run.last().is_some_and(|q| {
                let gap = self.doc.tokens_in(&(q.range.end..p.range.start));
                let first = &self.doc.text()[self.doc.tokens[p.toks.start].range.clone()];
                let punct_ok = !self.doc.text()[q.range.end..p.range.start].contains(['.', '(', ':']);
                // A name the gazetteer lacks may sit in the list ("بنش وبلدات طعوم وسرمين"):
                // a gap word right after a joiner is allowed.
                let joiner = |i: usize| JOINERS.contains(&self.bare(i)) || self.keys[i] == "و";
                punct_ok && (first.starts_with('و') || gap.clone().any(|i| self.keys[i] == "و")) && gap.clone().all(|i| joiner(i) || (i > gap.start && joiner(i - 1) && !joiner(i)))
            });
            if !joined {
                if run.len() >= 2 {
                    break;
                }
                run.clear();
            }
            if !run.iter().any(|q| q.place == p.place) {
                run.push(p);
            }
        }
        if run.len() < 2 {
            return vec![d];
        }
        run.into_iter()
            .take(6)
            .map(|p| {
                let mut x = d.clone();
                x.place = Some((p.place, Some(p.range.clone())));
                x.place_local = true;
                x.explain.push("split: one event per town named in a list".into());
                x
            })
            .collect()
    }

    /// The act's clause, and the next clause when that one only says where the act fell
    /// ("نفذ الطيران غارات عدة، طالت مدينة بنش وبلدات طعوم وسرمين").
    fn with_targets(&self, c: &Range<usize>, clauses: &[Range<usize>]) -> Range<usize> {
        const TARGET_VERBS: &[&str] = &["طالت", "طال", "استهدفت", "استهدف", "شملت", "شمل", "طاولت", "طاول", "تركزت", "تركز", "وطالت", "واستهدفت", "وشملت"];
        let Some(next) = clauses.iter().find(|n| n.start >= c.end) else { return c.clone() };
        let toks = self.doc.tokens_in(next);
        if toks.is_empty() || !TARGET_VERBS.contains(&self.keys[toks.start]) || !self.doc.text()[c.end..next.start].trim().is_empty() && !self.doc.text()[c.end..next.start].trim().starts_with('،') {
            return c.clone();
        }
        c.start..next.end
    }

    fn local_place(&self, c: &Range<usize>, s: &Range<usize>) -> Option<(usize, Option<Range<usize>>)> {
        let best_in = |r: &Range<usize>| -> Option<(usize, Option<Range<usize>>)> {
            let cands: Vec<&crate::entities::PlaceMention> = within(&self.ents.places, r, |p| &p.range)
                .filter(|p| p.locative || self.lex.places[p.place].level != PlaceLevel::Country)
                .filter(|p| !self.reference_point(p))
                .collect();
            let best = cands.iter().max_by_key(|p| (self.lex.places[p.place].level, std::cmp::Reverse(p.range.start)))?;
            // "شنت القاهرة غارات ... في ليبيا": a place that is not read as a location loses
            // to one in another country that is.
            let country = |p: &crate::entities::PlaceMention| self.lex.places[p.place].country.as_str();
            let best = if best.locative {
                best
            } else {
                cands.iter().filter(|p| p.locative && country(p) != country(best)).max_by_key(|p| self.lex.places[p.place].level).unwrap_or(best)
            };
            Some((best.place, Some(best.range.clone())))
        };
        best_in(c).or_else(|| best_in(s))
    }

    /// "في محافظة ديالى شمال شرق بغداد", "بعقوبة (57 كم شمال شرقي بغداد)": a place after a
    /// direction word that follows another place is a reference point, not where it happened.
    fn reference_point(&self, p: &crate::entities::PlaceMention) -> bool {
        const DIRECTIONS: &[&str] = &["شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "الشمال", "الجنوب", "الشرق", "الغرب"];
        let mut i = p.toks.start;
        // Direction words right before the place...
        let mut directions = 0;
        while i > 0 && DIRECTIONS.contains(&self.bare(i - 1)) {
            i -= 1;
            directions += 1;
        }
        if directions == 0 {
            return false;
        }
        // ... maybe after a distance ("57 كم") ...
        for _ in 0..3 {
            if i == 0 {
                return false;
            }
            let k = self.bare(i - 1);
            let number = self.number_at(i - 1).is_some();
            if number || matches!(k, "كم" | "كيلومترا" | "كيلومتر" | "ميلا" | "نحو" | "حوالي") {
                i -= 1;
            } else {
                break;
            }
        }
        // ... after another place.
        self.ents.places.iter().any(|q| q.toks.end == i && q.place != p.place)
    }

    /// Article-level fallback: the dateline place, else the lead sentence's most specific
    /// place, else the focus country.
    fn article_place(&self) -> Option<(usize, Option<Range<usize>>)> {
        let first = self.doc.sentences.first()?;
        if let Some(d) = &first.dateline {
            if let Some(p) = within(&self.ents.places, d, |p| &p.range).next() {
                return Some((p.place, Some(p.range.clone())));
            }
        }
        let focus = self.ents.focus_country.as_deref();
        if let Some(p) = within(&self.ents.places, &first.range, |p| &p.range).filter(|p| Some(self.lex.places[p.place].country.as_str()) == focus).max_by_key(|p| self.lex.places[p.place].level) {
            return Some((p.place, Some(p.range.clone())));
        }
        let c = self.lex.country(focus?)?;
        Some((c.place, None))
    }

    fn date(&self, c: &Range<usize>, s: &Range<usize>) -> DateField {
        let to_field = |d: &crate::dates::DateMention| DateField {
            start: d.start.map(|x| x.to_string()),
            end: d.end.map(|x| x.to_string()),
            precision: if d.start.is_some() { serde_json::to_value(d.precision).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or("unknown".into()) } else { "unknown".into() },
            mention: Some(self.span(d.range.clone())),
        };
        // A bare "اليوم" mostly dates the report ("أعلنت اليوم"); a stated day or month of
        // the act wins over it.
        let resolved = |r: &Range<usize>| {
            let mut it = within(&self.doc.dates, r, |d| &d.range).filter(|d| d.start.is_some());
            let first = it.next()?;
            let today = |d: &crate::dates::DateMention| key(&self.doc.text()[d.range.clone()]) == "يوم";
            if today(first) {
                Some(it.find(|d| !today(d)).unwrap_or(first))
            } else {
                Some(first)
            }
        };
        if let Some(d) = resolved(c).or_else(|| resolved(s)) {
            return to_field(d);
        }
        // The lead's day ("أمس") dates the article's main act.
        if let Some(first) = self.doc.sentences.first() {
            if let Some(d) = within(&self.doc.dates, &first.range, |d| &d.range).find(|d| d.start.is_some() && d.precision == crate::dates::Precision::Day) {
                return to_field(d);
            }
        }
        let pubdate = self.doc.reference_date.map(|d| d.to_string());
        DateField { start: pubdate.clone(), end: pubdate, precision: "unknown".into(), mention: None }
    }

    /// The attribution chain stated in a range, outermost first: sources after reporting
    /// cues ("نقلت رويترز عن مسؤول"), generic sources (مصادر، ناشطون), and officials who
    /// announce ("أعلن الجيش التركي").
    fn sources_in(&self, r: &Range<usize>) -> Vec<format::Source> {
        let mut out: Vec<(usize, format::Source)> = Vec::new();
        let reporting_before = |toks: &Range<usize>| {
            let from = toks.start.saturating_sub(3);
            self.cues_in(from..toks.start, CUE_REPORTING)
        };
        let mut taken: Vec<Range<usize>> = Vec::new();
        // "قال لـ«عكاظ»", "لوكالة فرانس برس": the outlet told is not the source.
        let addressee = |toks: &Range<usize>, range: &Range<usize>| {
            let t0 = &self.doc.text()[self.doc.tokens[toks.start].range.clone()];
            (toks.start > 0 && self.keys[toks.start - 1] == "ل") || (t0.starts_with('ل') && !self.doc.text()[range.clone()].starts_with("ال") && self.lex.knows(key(&t0['ل'.len_utf8()..])))
        };
        for sm in within(&self.ents.sources, r, |x| &x.range) {
            let e = &self.lex.sources[sm.source];
            if addressee(&sm.toks, &sm.range) || self.publisher.is_some_and(|p| e.publisher_codes.iter().any(|c| c == p)) {
                continue;
            }
            if e.generic && !reporting_before(&sm.toks) && !self.reporting_after(sm) {
                continue;
            }
            if !e.generic && !reporting_before(&sm.toks) && !self.reporting_after(sm) && e.kind != "media" && e.kind != "activists" {
                continue;
            }
            if !reporting_before(&sm.toks) && !self.reporting_after(sm) {
                continue;
            }
            taken.push(sm.range.clone());
            out.push((sm.range.start, self.source_of(sm)));
        }
        for a in within(&self.ents.actors, r, |x| &x.range) {
            if taken.iter().any(|t| t.start < a.range.end && a.range.start < t.end) {
                continue;
            }
            let k = self.actor_kind(a.actor);
            if !matches!(k, "state-forces" | "government" | "organization" | "media" | "rebels" | "external-forces") {
                continue;
            }
            let direct = a.toks.start > 0 && self.cues_in(a.toks.start.saturating_sub(1)..a.toks.start, CUE_REPORTING) && !addressee(&a.toks, &a.range);
            if direct {
                let kind = match k {
                    "media" => "media",
                    "organization" => "organization",
                    _ => "official",
                };
                let name = self.actor_name(a.actor);
                out.push((a.range.start, format::Source { name, name_ar: self.doc.original_text(a.range.clone()), kind: kind.into(), mention: Some(self.span(a.range.clone())) }));
            }
        }
        // "قال المتحدث باسم الجيش العقيد فلان": a titled official after a reporting verb.
        let rtoks = self.doc.tokens_in(r);
        for c in within(&self.ents.cues, &rtoks, |c| &c.toks).filter(|c| c.kind == CUE_OFFICIAL_TITLE) {
            let after_verb = c.toks.start > 0 && self.cues_in(c.toks.start.saturating_sub(1)..c.toks.start, CUE_REPORTING);
            if !after_verb || taken.iter().any(|t| t.start <= self.doc.tokens[c.toks.start].range.start && self.doc.tokens[c.toks.start].range.start < t.end) {
                continue;
            }
            // The title and what names it, up to a clause mark, "أن/إن" or four words.
            let mut end = c.toks.end;
            while end < rtoks.end && end < c.toks.end + 4 && !matches!(self.keys[end], "ان" | "بان" | "وان" | "انه" | "انها" | "في" | "امس" | "اليوم") {
                let gap = &self.doc.text()[self.doc.tokens[end - 1].range.end..self.doc.tokens[end].range.start];
                if gap.contains([',', '،', '.', ':', '"', '(']) {
                    break;
                }
                end += 1;
            }
            let range = self.doc.tokens[c.toks.start].range.start..self.doc.tokens[end - 1].range.end;
            if out.iter().any(|(s, _)| *s >= range.start && *s < range.end) {
                continue;
            }
            let text = self.doc.original_text(range.clone());
            out.push((range.start, format::Source { name: format!("official ({})", self.doc.text()[range.clone()].split(' ').next().unwrap_or("")), name_ar: text, kind: "official".into(), mention: Some(self.span(range)) }));
        }
        out.sort_by_key(|x| x.0);
        out.dedup_by(|a, b| a.1.name == b.1.name);
        out.into_iter().map(|x| x.1).take(3).collect()
    }

    fn reporting_after(&self, sm: &SourceMention) -> bool {
        self.cues_in(sm.toks.end..sm.toks.end + 2, CUE_REPORTING)
    }

    fn source_of(&self, sm: &SourceMention) -> format::Source {
        let e = &self.lex.sources[sm.source];
        let name_ar = if e.generic { self.doc.original_text(sm.range.clone()) } else { e.aliases_ar.first().cloned().unwrap_or_default() };
        format::Source { name: e.name.clone(), name_ar, kind: e.kind.clone(), mention: Some(self.span(sm.range.clone())) }
    }

    fn country_name(&self, iso: Option<&str>) -> Option<String> {
        iso.and_then(|c| self.lex.country(c)).map(|c| c.name.clone())
    }

    fn actor_name(&self, a: usize) -> String {
        let e = &self.lex.actors[a];
        if !e.contextual {
            return e.name.clone();
        }
        let cn = self.country_name(self.ents.focus_country.as_deref());
        match cn {
            Some(cn) if e.name.contains("{country}") => e.name.replace("{country}", &cn),
            Some(cn) if matches!(e.kind.as_str(), "civilians" | "protesters") => format!("{} ({cn})", e.name),
            None if e.name.contains("{country}") => e.name.replace(" of {country}", "").replace(" ({country})", "").replace("{country}", "").trim().to_string(),
            _ => e.name.clone(),
        }
    }

    fn actor(&self, a: usize, r: Range<usize>) -> format::Actor {
        let e = &self.lex.actors[a];
        let country = if e.country.is_empty() {
            if e.contextual { self.ents.focus_country.clone() } else { None }
        } else {
            Some(e.country.clone())
        };
        let name_ar = if e.contextual { self.doc.original_text(r.clone()) } else { e.aliases_ar.first().cloned().unwrap_or_else(|| self.doc.original_text(r.clone())) };
        format::Actor { name: self.actor_name(a), name_ar, kind: e.kind.clone(), country, mention: Some(self.span(r)) }
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
            explain.push(format!("location: gazetteer {} ({}, {}, {})", e.name, e.country, e.level.as_str(), e.geonameid.map_or("supplement".into(), |g| g.to_string())));
        }
        if let Some(m) = &d.date.mention {
            explain.push(format!("date: {:?} -> {:?}..{:?}", m.text, d.date.start, d.date.end));
        }
        let ev = Event {
            id: format!("{}#{}", self.id, n),
            event_type: d.event_type,
            sub_event_type: d.sub_event_type,
            mode: d.mode,
            status: d.status.into(),
            actor1: d.actor1.map(|(a, r)| self.actor(a, r)),
            actor2: d.actor2.map(|(a, r)| self.actor(a, r)),
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

/// Merge repeated mentions of one act: same type and sub-type, same place (or one has
/// none), same actor1 (or one has none), overlapping dates.
fn merge(drafts: Vec<Draft>, name: impl Fn(usize) -> String, within_area: impl Fn(usize, usize) -> bool) -> Vec<Draft> {
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


#[cfg(test)]
mod tests {
    use crate::normalize::Normalized;

    /// The coder's word lists are compared with folded keys, so every word in them must
    /// already be folded ("قايد", not "قائد", which would never match).
    #[test]
    fn word_lists_are_folded() {
        let src = include_str!("code.rs");
        let mut checked = 0;
        for (i, _) in src.match_indices(": &[&str] = &[") {
            let body = &src[i..i + src[i..].find("];").unwrap()];
            for w in body.split('"').skip(1).step_by(2) {
                assert_eq!(Normalized::new(w).text, w, "word list entry {w:?} is not folded");
                checked += 1;
            }
        }
        assert!(checked > 200, "{checked}");
    }
}
