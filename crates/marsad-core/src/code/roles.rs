//! Who did it to whom: actor1 and actor2 around a trigger (Arabic VSO, passives, agent
//! and object markers, the reported clause, claimants), and actors carried between acts.

use super::*;

impl<'a, 'd> Ctx<'a, 'd> {
    /// actor1 and actor2 around a trigger.
    pub(super) fn roles(&self, t: &TriggerMention, clause: &Range<usize>, sent: &Range<usize>) -> (Option<(usize, Range<usize>)>, Option<(usize, Range<usize>)>, Vec<String>) {
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
        // ("قتل طفل ... حين هاجم مستوطنون منزلهم": who attacked when it happened did it.)
        let when_attacked = |a: &ActorMention| {
            a.toks.start >= 2
                && matches!(self.bare(a.toks.start - 2), "حين" | "عندما" | "بعدما" | "لدي" | "حينما")
                && self.attack_verb_at(a.toks.start - 1)
        };
        let agent_marked = |a: &ActorMention| {
            let before = a.toks.start.checked_sub(1).map(|i| keys[i]);
            let before2 = a.toks.start.checked_sub(2).map(|i| keys[i]);
            before.is_some_and(|k| AGENT_MARKERS.contains(&k)) || before2.is_some_and(|k| k == "يد" || k == "قبل") || when_attacked(a)
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
                self.note(&mut why, || format!("actor1: after agent marker ({})", before.unwrap_or("")));
                continue;
            }
            if a.toks.start >= t.toks.end {
                if marked_object || a1.is_some() {
                    if a2.is_none() {
                        a2 = Some(a);
                        self.note(&mut why, || "actor2: object after the trigger".into());
                    }
                } else if a1.is_none() && a.toks.start <= t.toks.end + 1 && patient_first && self.agent_then_patient(t, a, &cands) {
                    // "حرق داعش الطيار", "قتل الحوثيون ثلاثة مدنيين", "اعتقال الشرطة 5 أشخاص":
                    // an armed actor followed straight by its victim is the doer.
                    a1 = Some(a);
                    a1_strong = true;
                    self.note(&mut why, || "actor1: armed doer between a transitive act and its victim".into());
                } else if a1.is_none() && a.toks.start <= t.toks.end + 3 && !patient_first {
                    a1 = Some(a);
                    self.note(&mut why, || "actor1: subject or genitive right after the trigger".into());
                } else if a2.is_none() && a.toks.start <= t.toks.end + 3 && patient_first {
                    a2 = Some(a);
                    self.note(&mut why, || "actor2: who suffers a killing, arrest or abduction, right after it".into());
                } else if a2.is_none() {
                    a2 = Some(a);
                    self.note(&mut why, || "actor2: later in the clause".into());
                }
            } else if a.toks.start < t.toks.end && t.toks.start < a.toks.end {
                // The trigger names its doer ("طيران التحالف", "الطيران الحربي").
                if a1.is_none() {
                    a1 = Some(a);
                    a1_strong = true;
                    self.note(&mut why, || "actor1: named inside the trigger".into());
                }
            } else if a.toks.end <= t.toks.start {
                if a1.is_none() && !marked_object {
                    a1 = Some(a);
                    self.note(&mut why, || "actor1: subject before the trigger".into());
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
                    self.note(&mut why, || "actor1: the doer after ل ('كمين للمقاومة')".into());
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
                    self.note(&mut why, || "actor1: the subject after إن/أن, not the speaker".into());
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
                    self.note(&mut why, || "actor1: the named group after a category word".into());
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
                self.note(&mut why, || "actor1: after an agent marker, before others".into());
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
                    self.note(&mut why, || "actor1/actor2: the sides of a clash 'بين X و Y'".into());
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
                    self.note(&mut why, || format!("actor1: the capital {} stands for its state's forces", p.name));
                }
            }
        }
        // Fall back to the sentence for actor1 (a subject in an earlier clause).
        if a1.is_none() && a1_capital.is_none() {
            if let Some(a) = self.actors_in(sent).into_iter().filter(|a| a.range.end <= clause.start && !is_source_only(a)).next_back() {
                if a2.is_none_or(|b| b.actor != a.actor) {
                    a1 = Some(a);
                    self.note(&mut why, || "actor1: from an earlier clause of the sentence".into());
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
                self.note(&mut why, || "actor1: civilians moved to actor2".into());
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
                self.note(&mut why, || "actor1: the force that announced its own act".into());
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
                    self.note(&mut why, || "actor1: the force that announced it did the act (أنه/أنها)".into());
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
            self.note(&mut why, || "actor1: the subject of a death verb is who died".into());
        }
        if let (Some(x), Some(y)) = (a1, a2) {
            if x.actor == y.actor {
                a2 = None;
            }
        }
        // A defection's actor1 is the group left ("انشق 11 عنصرا من داعش").
        if te.mode.as_deref() == Some("defection") && a2.is_some() && a1.is_none_or(|x| !matches!(self.actor_kind(x.actor), "rebels" | "state-forces" | "militia")) {
            a1 = a2.take();
            self.note(&mut why, || "actor1: the group the defectors leave".into());
        }
        (a1.map(|a| (a.actor, a.range.clone())).or(a1_capital), a2.map(|a| (a.actor, a.range.clone())), why)
    }

    /// Bombings, killings and abductions whose doer the text does not name were done by
    /// an "Unidentified armed group" (annotation guide); the act's own words name it.
    pub(super) fn unidentified_perpetrator(&self, d: &mut Draft) {
        let unnamed = matches!(d.sub_event_type.as_str(), "Suicide bomb" | "Remote explosive/landmine/IED" | "Attack" | "Abduction/forced disappearance" | "Grenade");
        if !unnamed {
            return;
        }
        if let Some(i) = self.lex.actor_id("unidentified-armed-group") {
            d.actor1 = Some((i, d.trig_range.clone()));
            d.actor1_inferred = true;
            self.note(&mut d.explain, || "actor1: unnamed perpetrator".into());
        }
    }

    /// An act told without its doer continues the one just told ("كما دمرت إحدى الغارات
    /// دبابة" after "شنت طائرات التحالف غارات"); an air strike is flown by the last state or
    /// foreign force the article named before it.
    pub(super) fn carry_actor(&self, d: &mut Draft, earlier: &[Draft]) {
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
                    self.note(&mut d.explain, || format!("actor1: the doer of the act just told (sentence {}), continued with و", p.sentence + 1));
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
                self.note(&mut d.explain, || format!("actor1: carried from the act told in sentence {}", p.sentence + 1));
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
                        self.note(&mut d.explain, || "actor1: the last state or foreign force named before the strike".into());
                }
            }
        }
    }

    /// An armed actor of the sentence, before the trigger, followed (within two words) by
    /// a complementizer with a pronoun that refers back to it ("أنه", "أنها", "أنهم") —
    /// but not the impersonal "أنه تم".
    pub(super) fn self_announced(&self, t: &TriggerMention, sent: &Range<usize>) -> Option<&'a ActorMention> {
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
    pub(super) fn died(&self, a: &ActorMention, t: &TriggerMention) -> bool {
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
    pub(super) fn agent_then_patient(&self, t: &TriggerMention, a: &ActorMention, cands: &[&ActorMention]) -> bool {
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
}
