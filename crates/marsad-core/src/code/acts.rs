//! What is an act: negation, modality, accusations, weapons used; a draft event from a
//! trigger, and from a death clause with no act of its own.

use super::*;

impl<'a, 'd> Ctx<'a, 'd> {
    pub(super) fn negated(&self, t: &TriggerMention, clause: &Range<usize>) -> bool {
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
    pub(super) fn has_argument(&self, c: &Range<usize>, besides: Option<&Range<usize>>) -> bool {
        within(&self.ents.actors, c, |a| &a.range).any(|a| besides.is_none_or(|t| !(t.start <= a.range.start && a.range.end <= t.end)))
            || within(&self.ents.places, c, |p| &p.range).next().is_some()
            || within(&self.doc.numbers, c, |n| &n.range).next().is_some()
    }

    pub(super) fn draft(&self, si: usize, c: &Range<usize>, t: &TriggerMention, w: f64, chain: &[format::Source]) -> Option<Draft> {
        let te = &self.lex.triggers[t.trigger];
        let s = &self.doc.sentences[si];
        let mut explain = Vec::new();
        self.note(&mut explain, || format!("trigger: {:?} -> {} / {} (weight {:.2})", &self.doc.text()[t.range.clone()], te.event_type, te.sub_event_type, te.weight));
        // "استهدفت خمس قذائف، أرسلتها أيادي الغدر الحوثية، ...": a relative clause that
        // names the doer belongs to the act.
        let doer_clause = s
            .clauses
            .iter()
            .find(|n| n.start >= c.end)
            .filter(|n| {
                let nt = self.doc.tokens_in(n);
                // (or that names the sides of a clash: "اشتباكات على أطراف حي الخالدية، بين ...")
                !nt.is_empty() && (DOER_VERBS.contains(&self.bare(nt.start)) || (te.event_type == "Battles" && self.bare(nt.start) == "بين"))
            })
            // (or, later in the sentence, who attacked when it happened: "، حين هاجم مستوطنون".)
            .or_else(|| s.clauses.iter().find(|n| n.start >= c.end && self.when_attacked_clause(&self.doc.tokens_in(n))));
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
                self.note(&mut explain, || format!("sub_event_type: {sub} because actor1 is {k}"));
            }
            if mode.is_none() {
                mode = Some("territorial-gain".into());
            }
        }
        // Ground told from the side that lost it ("سقطت بأيدي الحوثيين", "فقدت القوات السيطرة
        // على"): who took it is the other side.
        let (actor1, actor2) = if te.actor_rule.as_deref() == Some("state-loses") {
            let lost = actor1.as_ref().map(|(a, _)| self.actor_kind(*a).to_string());
            match lost.as_deref() {
                Some("state-forces" | "militia" | "external-forces" | "government") => {
                    sub = "Non-state actor overtakes territory".into();
                    self.note(&mut explain, || "sub_event_type: ground lost by a state force is taken by a non-state actor".into());
                }
                Some(_) => {
                    sub = "Government regains territory".into();
                    self.note(&mut explain, || "sub_event_type: ground lost by an armed group is regained by the state".into());
                }
                None => {}
            }
            self.note(&mut explain, || "actor1/actor2: who lost the ground is actor2".into());
            (actor2, actor1)
        } else {
            (actor1, actor2)
        };
        // Coalitions and air forces shell from the air; so do aircraft named as the doer
        // ("الطيران ... ويقصف اللواء").
        if sub == "Shelling/artillery/missile attack" {
            if let Some((a, r)) = &actor1 {
                let n = &self.lex.actors[*a].name;
                let aircraft = ["طيران", "طاير", "مقاتلات", "مروحي", "سلاح الجو"].iter().any(|w| self.doc.text()[r.clone()].contains(w));
                if n.ends_with("-led Coalition") || n.contains("Air Force") || aircraft {
                    sub = "Air/drone strike".into();
                    mode = Some("airstrike".into());
                    self.note(&mut explain, || "sub_event_type: shelling by an air force or coalition is an air strike".into());
                }
            }
        }
        // Ground handed over after talks or without a fight ("بعد مفاوضات مع المتمردين انتهت
        // بخروجهم", "دون قتال") is a non-violent transfer.
        if matches!(sub.as_str(), "Non-state actor overtakes territory" | "Government regains territory") {
            // (In the act's clause, after the act.)
            let st = t.toks.end..self.doc.tokens_in(c).end;
            let talks = st.clone().any(|i| {
                let w = self.bare(i);
                w.starts_with("مفاوضات") || w.starts_with("وساطه") || w == "سلميا" || (w == "دون" && i + 1 < st.end && matches!(self.bare(i + 1), "قتال" | "مقاومه"))
            });
            if talks {
                sub = "Non-violent transfer of territory".into();
                self.note(&mut explain, || "sub_event_type: ground handed over after talks or without a fight".into());
            }
        }
        // Storming a building ("اقتحموا مركزا للشرطة", "اقتحام مقر") is an attack on whoever
        // holds it, not ground taken.
        if matches!(sub.as_str(), "Non-state actor overtakes territory" | "Government regains territory") {
            const BUILDINGS: &[&str] = &["مركز", "مركزا", "مقر", "مقرا", "مبني", "مبنا", "منزل", "منزلا", "فندق", "فندقا", "سجن", "سجنا", "مسجد", "مسجدا", "كنيسه", "مستشفي", "مدرسه", "سفاره", "قنصليه", "مكتب", "مكاتب", "بيت", "مقار", "مخفر", "مخفرا", "نقطه", "حاجز", "حاجزا", "ثكنه", "مصرف", "بنك"];
            let ct = self.doc.tokens_in(c);
            if t.toks.end < ct.end && BUILDINGS.contains(&self.bare(t.toks.end)) {
                sub = "Armed clash".into();
                mode = Some("clash".into());
                self.note(&mut explain, || "sub_event_type: storming a building is an attack, not ground taken".into());
            }
        }
        // A raid in which nobody is said to be arrested ("عمليات دهم ... بحثا عن السياح") is
        // no arrest: a strategic development of its own.
        if mode.as_deref() == Some("raid") {
            let st = self.doc.tokens_in(&s.range);
            let arrest = st.clone().any(|i| {
                let w = self.bare(i);
                ["اعتقال", "اعتقل", "توقيف", "اوقف", "القبض", "احتجاز", "احتجز", "معتقل", "موقوف", "اسر"].iter().any(|a| w.starts_with(a))
            });
            if !arrest {
                sub = "Other".into();
                self.note(&mut explain, || "sub_event_type: a raid with no arrest told".into());
            }
        }
        // Clearing or freeing a place "continued" or in an "operation" is fighting under
        // way, not ground taken ("واصلت تطهير ناحية الكرمة").
        if te.sub_event_type == "Government regains territory" && !t.past_verb {
            let before = |k: usize| t.toks.start >= k && {
                let w = self.bare(t.toks.start - k);
                w.starts_with("واصل") || w.starts_with("تواصل") || w.starts_with("يواصل") || w.starts_with("مواصل") || matches!(w, "عمليه" | "حمله" | "معركه")
            };
            if before(1) || before(2) {
                sub = "Armed clash".into();
                mode = Some("clash".into());
                self.note(&mut explain, || "sub_event_type: an operation under way to take ground is an armed clash".into());
            }
        }
        let mut event_type = te.event_type.clone();
        if sub == "Non-violent transfer of territory" {
            event_type = "Strategic developments".into();
        }
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
        // Shells and strikes on homes, markets, villages and neighbourhoods ("قصف منازل
        // المواطنين", "على قريتي مشرعة وحدنان") target civilians when no side is named.
        let mut actor2 = actor2;
        if actor2.is_none() && matches!(sub.as_str(), "Shelling/artillery/missile attack" | "Air/drone strike") {
            const HOMES: &[&str] = &["احياء", "حي", "منازل", "منزل", "قري", "قريه", "قريتي", "سوق", "اسواق", "مستشفي", "مدرسه", "مدارس", "مسجد", "سكنيه", "مخيم", "الاهالي"];
            let ct = self.doc.tokens_in(c);
            // (Not a commander's house or a school the fighters use as a base, "منزل قائد
            // عسكري موال لصالح", "مدرسة الحسين التي يتخذها الحوثيون قاعدة", nor positions.)
            const MILITARY: &[&str] = &["مواقع", "موقع", "مقرات", "مقر", "معسكر", "معسكرات", "تجمعات", "تحصينات", "ثكنات", "اليات", "دوريه", "قايد", "قاعده", "مخازن", "مخزن"];
            let home = (t.toks.end..ct.end.min(t.toks.end + 8)).find(|&i| HOMES.contains(&self.bare(i)));
            let armed_target = within(&self.ents.actors, c, |a| &a.range).any(|a| a.toks.start >= t.toks.end && self.is_armed(a.actor))
                || (t.toks.end..ct.end).any(|i| MILITARY.contains(&self.bare(i)));
            if let (Some(i), Some(civ), false) = (home, self.lex.actor_id("civilians"), armed_target) {
                self.note(&mut explain, || format!("actor2: civilians, whose {:?} were hit", self.doc.tok(i)));
                actor2 = Some((civ, self.doc.tokens[i].range.clone()));
            }
        }
        // Protesters protest: when the text names no protesting group, they are
        // "Protesters (country)", named by the protest word itself.
        let mut actor1 = actor1;
        if event_type == "Protests" && actor1.as_ref().is_none_or(|(a, _)| !matches!(self.actor_kind(*a), "protesters" | "civilians")) {
            let named = within(&self.ents.actors, &s.range, |a| &a.range).find(|a| matches!(self.actor_kind(a.actor), "protesters"));
            let generic = self.lex.actor_id("protesters");
            if let Some(a) = named.map(|a| (a.actor, a.range.clone())).or_else(|| generic.map(|g| (g, t.range.clone()))) {
                self.note(&mut explain, || "actor1: protesters".into());
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
                        self.note(&mut explain, || "actor1: aircraft over Yemen are the Saudi-led coalition's".into());
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
                        self.note(&mut explain, || "actor1: arrests by the authorities are made by the police".into());
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
        // (Only armed forces take a place by entering it, and a named place: not "دخل في
        // مواجهات", "دخلت على خط", "دخله مسلحون" — a building.)
        let entered_place = || {
            let ct = self.doc.tokens_in(c);
            let next = t.toks.end;
            !(next < ct.end && matches!(self.bare(next), "في" | "علي" | "بذلك" | "بشكل" | "الي" | "ضمن"))
                && within(&self.ents.places, c, |p| &p.range).any(|p| p.toks.start >= t.toks.end)
        };
        let not_forces = word.starts_with("دخل") && (!armed(&actor1) || !entered_place());
        if not_forces {
            return None;
        }
        let figurative_withdrawal = mode.as_deref() == Some("withdrawal") && !armed(&actor1) && !armed(&actor2) && self.demonstrative_after(t.toks.end);
        if verbal_attack || figurative_withdrawal {
            return None;
        }
        // A named person the lexicon does not know, who suffered the act: right after a
        // killing, kidnapping or arrest word ("اختطاف الدكتور الجامعي ... فيصل الزبيدي"), or
        // after a target verb ("الغارة استهدفت ...").
        let actor2_person = if actor2.is_some() {
            None
        } else {
            let ct = self.doc.tokens_in(c);
            let patient_first = event_type == "Violence against civilians" || sub == "Arrests" || te.role == TriggerRole::Kill;
            let target = (t.toks.end..ct.end).find(|&i| self.bare(i).starts_with("استهدف"));
            let found = if patient_first { self.person_after(t.toks.end, ct.end, 6) } else { None }.or_else(|| target.and_then(|i| self.person_after(i + 1, ct.end, 4)));
            if found.is_some() {
                self.note(&mut explain, || "actor2: a person named after the act".into());
            }
            found
        };
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
        // (Past the lead's paragraph and the two sentences after the lead, a report without
        // a place is background to the whole conflict: its country, not the lead's town.)
        let far = si > 2 && self.doc.sentences.first().is_some_and(|f| self.doc.text()[f.range.end..s.range.start].contains('\n'));
        // (An arrest or a seizure by a state's police or government, named with its
        // nationality, "وزارة الداخلية الكويتية", is in that state when no place is told.)
        let own_state = || {
            if !matches!(sub.as_str(), "Arrests" | "Disrupted weapons use") {
                return None;
            }
            let (a, r) = actor1.as_ref()?;
            let e = &self.lex.actors[*a];
            let iso = if e.contextual { self.nationality_after(r)? } else { e.country.clone() };
            if !matches!(e.kind.as_str(), "state-forces" | "government") || Some(iso.as_str()) == self.ents.focus_country.as_deref() {
                return None;
            }
            self.lex.country(&iso).map(|c| (c.place, None))
        };
        let place = local.or_else(own_state).or_else(prev_place).or_else(|| if far { self.focus_country_place() } else { self.article_place() });
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
            actor2_person,
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

    pub(super) fn kill_draft(&self, si: usize, c: &Range<usize>, fat: Option<Count>, chain: &[format::Source]) -> Option<Draft> {
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
            self.note(&mut d.explain, || "type: killing of combatants is coded as a clash".into());
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

    pub(super) fn status(&self, t: &TriggerMention, c: &Range<usize>) -> &'static str {
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
    pub(super) fn attempted(&self, t: &TriggerMention, c: &Range<usize>) -> bool {
        let from = t.toks.start.saturating_sub(3).max(self.doc.tokens_in(c).start);
        (from..t.toks.start).any(|i| ATTEMPT.contains(&self.bare(i)))
    }

    /// The trigger follows "احتجاجا على", "تنديدا ب", "للتنديد ب": a grievance, not a report.
    pub(super) fn grievance(&self, t: &TriggerMention) -> bool {
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

    /// Fighting "going on for more than a year" ("المعارك التي يخوضها منذ أربع سنوات",
    /// "تقاتل ... منذ أكثر من عام") describes a war, not an act: "منذ" and a span of months or
    /// years stand near the trigger, and the clause names no day.
    pub(super) fn long_running(&self, t: &TriggerMention, c: &Range<usize>) -> bool {
        const SPANS: &[&str] = &["عام", "اعوام", "سنه", "سنوات", "سنين", "عامين", "سنتين", "شهر", "اشهر", "شهور", "شهرين", "عقود", "عقدين", "عقد"];
        let ct = self.doc.tokens_in(c);
        let near = t.toks.start.saturating_sub(4).max(ct.start)..(t.toks.end + 8).min(ct.end);
        // (Not a span of something named after the act: "غارة على القطاع المحاصر منذ تسع
        // سنوات", "الرمادي التي سيطر عليها التنظيم منذ".)
        let other = |i: usize| (t.toks.end..i).any(|j| matches!(self.bare(j), "التي" | "الذي" | "الذين") || self.bare(j).starts_with("محاصر") || self.bare(j).starts_with("ساري"));
        let since = near.clone().filter(|&i| self.bare(i) == "منذ" && !other(i)).any(|i| {
            let tok = &self.doc.tokens[i].range;
            // A date read from it ("منذ عامين", "منذ نهاية الشهر الماضي") says how long: more
            // than six weeks before publication is a war, not an act.
            let k = self.doc.dates.partition_point(|d| d.range.start < tok.start);
            if let Some(d) = self.doc.dates.get(k).filter(|d| d.range.start < tok.end) {
                return match (d.start, self.doc.reference_date) {
                    (Some(s), Some(r)) => (r - s).num_days() > 45,
                    _ => false,
                };
            }
            // Else a span of months or years ("منذ حوالي أربعة أشهر", "منذ أكثر من عام").
            (i + 1..(i + 4).min(ct.end)).any(|j| SPANS.contains(&self.bare(j)) && !(j + 1 < ct.end && self.number_at(j + 1).is_some()))
        });
        let day = within(&self.doc.dates, c, |d| &d.range).any(|d| d.precision == crate::dates::Precision::Day);
        since && !day
    }

    /// Sport, not war: a sport word in the clause or two in the sentence ("مواجهات ودية",
    /// "تقدم الاتحاد بثلاثة أهداف في الشوط الأول"), and nobody killed or hurt.
    pub(super) fn sport(&self, c: &Range<usize>, sent: &Range<usize>) -> bool {
        let in_sentence = within(&self.ents.cues, &self.doc.tokens_in(sent), |x| &x.toks).filter(|x| x.kind == CUE_SPORT).count();
        if in_sentence == 0 || (in_sentence < 2 && !self.has_cue(c, CUE_SPORT)) {
            return false;
        }
        let toks = self.doc.tokens_in(sent);
        let harm = within(&self.ents.triggers, sent, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role == TriggerRole::Kill) || toks.clone().any(|i| INJURED.contains(&self.bare(i)));
        !harm
    }

    /// People right after a freeing word: a count of people, or a plural of people, or
    /// hostages and captives ("تحرير 25 امرأة", "تحرير الرهائن").
    pub(super) fn people_freed(&self, t: &TriggerMention) -> bool {
        let i = t.toks.end;
        if i >= self.doc.tokens.len() {
            return false;
        }
        // (Only freeing and recovering words: "طرد المتمردين" expels fighters from ground.)
        let word = self.bare(t.toks.start);
        if !["تحرير", "حرر", "تحرر", "استعاد", "استرجاع", "استرجع"].iter().any(|f| word.starts_with(f)) {
            return false;
        }
        let w = self.bare(i);
        let person = |k: &str| PERSON_NOUNS.contains(&k) || matches!(k, "رهاين" | "رهينه" | "مختطفين" | "مختطفا" | "مخطوفين" | "مخطوفا" | "اسري" | "اسيرا" | "معتقلين" | "معتقلا" | "سجناء" | "محتجزين" | "محتجزا");
        person(w) || self.number_at(i).is_some_and(|n| !self.in_date(&n.range)) && person(self.bare((i + 1).min(self.doc.tokens.len() - 1)))
    }

    /// A fight word that names the fronts or the zones of fighting, not a fight told
    /// ("على جبهات القتال", "في جميع مناطق القتال").
    pub(super) fn fronts(&self, t: &TriggerMention) -> bool {
        t.toks.start > 0 && matches!(self.bare(t.toks.start - 1), "جبهات" | "جبهه" | "مناطق" | "منطقه" | "خطوط" | "خط" | "ساحات" | "ساحه" | "محاور" | "محور" | "مسرح" | "ميادين" | "ميدان")
    }

    /// A clause that tells when the act happened by who attacked ("، حين هاجم مستوطنون
    /// منزلهم"): the same act, and its doer.
    pub(super) fn when_attacked_clause(&self, nt: &Range<usize>) -> bool {
        nt.len() >= 2 && matches!(self.bare(nt.start), "حين" | "عندما" | "بعدما" | "حينما") && self.attack_verb_at(nt.start + 1)
    }

    /// A verb of attacking at token `i` ("هاجم", "اقتحموا", "أطلق النار", "فتحوا").
    pub(super) fn attack_verb_at(&self, i: usize) -> bool {
        ["هاجم", "اعتدي", "اقتحم", "اطلق", "فتح", "داهم", "استهدف"].iter().any(|v| self.bare(i).starts_with(v))
    }

    /// The trigger is the act someone answers ("يردون على قصف الطيران", "ردا على الغارات"):
    /// "على" right before it, a word of answering before that.
    pub(super) fn answered(&self, t: &TriggerMention) -> bool {
        t.toks.start >= 2 && self.bare(t.toks.start - 1) == "علي" && {
            let w = self.bare(t.toks.start - 2);
            ["رد", "ردا", "يرد", "ترد", "يردون", "ردت", "ردوا"].contains(&w)
        }
    }

    /// The trigger is what someone is accused of: an accusation word stands within the
    /// three words before it.
    pub(super) fn accused(&self, t: &TriggerMention) -> bool {
        (t.toks.start.saturating_sub(3)..t.toks.start).any(|i| {
            matches!(self.bare(i), "بتهمه" | "بتهم" | "بدعوي" | "بحجه" | "بذريعه" | "لاتهامه" | "لاتهامهم" | "باتهام" | "بتورطه" | "بتورطهم" | "المتهم" | "المتهمين" | "متهمين" | "متهم" | "يشتبه" | "للاشتباه" | "بالتخطيط")
        })
    }

    /// A weapon word's clause tells it was used: it exploded (an explosion or attack word),
    /// or someone died or was hurt — and, unless it exploded, no seizure or defusal word
    /// ("تفكيك 3 منازل مفخخة و42 عبوة ناسفة", "ضبط متفجرات") says it was not.
    pub(super) fn weapon_used(&self, c: &Range<usize>) -> bool {
        const SEIZED: &[&str] = &["تفكيك", "ضبط", "عثر", "العثور", "عثور", "عثروا", "مصادره", "ابطال", "مجهزه", "تهريب", "حيازه", "مخبا", "مخزن", "بدعوي", "بتهمه", "بحجه", "صنع", "تصنيع", "ضبطت", "مستودع", "احباط", "احبطت", "احبط"];
        let toks = self.doc.tokens_in(c);
        let exploded = within(&self.ents.triggers, c, |t| &t.range).any(|t| {
            let e = &self.lex.triggers[t.trigger];
            e.role != TriggerRole::Weapon && e.event_type == "Explosions/Remote violence"
        }) || toks.clone().any(|i| {
            let w = self.bare(i);
            // Words of use, and the stems of their inflections ("استهدافها", "يطلق", "هجماته").
            const USE: &[&str] = &["دوي", "دك", "دكت", "طالت", "رمي", "رموا", "فجر", "فجرت", "فجروا", "شن", "شنت", "شنوا", "شنها", "شنه"];
            const USE_STEMS: &[&str] = &[
                "استهدف", "استهداف", "يستهدف", "تستهدف", "اطلق", "اطلاق", "باطلاق", "يطلق", "تطلق", "سقط", "سقوط", "بسقوط", "تساقط", "يشن", "تشن", "نفذ", "ينفذ", "تنفذ", "ضرب",
                "اصاب", "قصف", "يقصف", "تقصف", "القاء", "بالقاء", "القي", "القت", "القوا", "يلقي", "تلقي", "امطر", "استخدام", "باستخدام", "مستخدم", "هجوم", "هجمات", "هجما",
            ];
            USE.contains(&w) || USE_STEMS.iter().any(|s| w.starts_with(s))
        });
        if exploded {
            return true;
        }
        let harm = within(&self.ents.triggers, c, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role == TriggerRole::Kill)
            || toks.clone().any(|i| INJURED.contains(&self.bare(i)) || INJURED.contains(&self.keys[i]));
        harm && !toks.clone().any(|i| SEIZED.contains(&self.bare(i)))
    }

    /// "هذا المشهد": a demonstrative at token `i` (the subject right after a verb).
    pub(super) fn demonstrative_after(&self, i: usize) -> bool {
        i < self.doc.tokens.len() && matches!(self.bare(i), "هذا" | "هذه" | "ذلك" | "تلك")
    }

    /// "هذا", "تلك", "لهذه", "وبذلك" right before token `i`.
    pub(super) fn demonstrative_before(&self, i: usize) -> bool {
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
    pub(super) fn has_place_word(&self, c: &Range<usize>) -> bool {
        const PLACE_WORDS: &[&str] = &["مدينه", "بلده", "قريه", "قري", "منطقه", "مناطق", "مديريه", "محافظه", "حي", "احياء", "قاعده", "معسكر", "موقع", "مواقع", "جبل", "تله", "مطار", "ميناء", "مركز", "مقر", "مبني", "طريق", "معبر", "ناحيه", "قضاء", "مخيم", "بلدات", "اراضي"];
        self.doc.tokens_in(c).any(|i| PLACE_WORDS.contains(&self.bare(i)))
    }
}
