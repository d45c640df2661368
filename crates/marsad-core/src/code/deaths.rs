//! How many: fatalities from death words and counts (summed over the sides, lower bounds,
//! no-casualty phrases, one named dead), and the other typed quantities.

use super::*;

impl<'a, 'd> Ctx<'a, 'd> {
    /// "لم يصب أحد" in the sentence or the next one: the act killed nobody.
    /// In the next sentence only when that sentence names no other kind of act ("وكان
    /// الثوار تمكنوا من طرد المتمردين" is not the subject of "ولم يخلف القصف أية إصابات").
    pub(super) fn no_casualties(&self, si: usize, event_type: &str) -> Option<Count> {
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

    /// Deaths stated in a range: a number next to a death word ("مقتل 15 شخصا",
    /// "15 قتيلا", "قتل 3 جنود"), or a death word with one singular victim ("مقتل جندي").
    pub(super) fn fatalities(&self, r: &Range<usize>) -> Option<Count> {
        self.deaths(r, true)
    }

    /// As `fatalities`; `acts` also counts killing acts (executions, assassinations).
    pub(super) fn deaths(&self, r: &Range<usize>, acts: bool) -> Option<Count> {
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
        // Bodies handed over or exchanged ("عملية تبادل لعشرات الجثث", "تسليم 30 جثة") are the
        // dead of earlier fighting, not this act's.
        // (The scan only where bodies are counted.)
        let bodies = kills.iter().any(|k| self.lex.triggers[k.trigger].toll_only);
        if bodies && toks.clone().any(|i| ["تبادل", "تسليم", "تسلم", "استلام", "مبادله", "ارجاع", "اعاده", "استعاده"].iter().any(|w| self.bare(i).starts_with(w))) {
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
            // ("العشرات من جثث": the dead after من.)
            let killed_noun = after.is_some_and(|k| KILLED_NOUNS.contains(&k)) || KILLED_NOUNS.contains(&self.bare(nt.start)) || after == Some("من") && after2.is_some_and(|k| KILLED_NOUNS.contains(&k));
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
            // ("أصيب نحو 3": past an approximator too.)
            let approx = |i: usize| matches!(self.bare(i), "نحو" | "حوالي" | "قرابه" | "زهاء" | "اكثر" | "من" | "قرابة");
            let mut b = nt.start;
            while b > toks.start && b + 3 > nt.start && approx(b - 1) {
                b -= 1;
            }
            let injured_before = b > toks.start && INJURED.contains(&self.bare(b - 1));
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
                // "11 عنصرا من القوات الامنية على الاقل": "at least" after the victims' name is
                // still the count's.
                let at_least = (nt.end..(nt.end + 6).min(toks.end)).any(|i| self.bare(i) == "علي" && i + 1 < toks.end && self.bare(i + 1) == "اقل");
                let c = Count { min: n.min, max: if at_least { None } else { n.max }, approximate: n.approximate, mention: Some(self.span(n.range.clone())) };
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
    pub(super) fn one_named_dead(&self, kills: &[&TriggerMention], toks: &Range<usize>) -> Option<Count> {
        // Nothing else is counted after the death word: no number, no plural of people.
        // (The other side named after مع، ضد، بين is not counted: "قتل في معارك مع مسلحين".)
        let uncounted = |from: usize| {
            let end = (from..toks.end.min(from + 8)).find(|&i| matches!(self.bare(i), "مع" | "ضد" | "بين")).unwrap_or(toks.end.min(from + 8));
            let plural = |k: &str| (PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k)) && !k.ends_with('ا') && !matches!(k, "مسلح" | "جندي" | "ضابط" | "عنصر" | "مقاتل");
            !(from..end).any(|i| plural(self.bare(i))) && !(from..toks.end).any(|i| self.number_at(i).is_some_and(|n| !self.in_date(&n.range)))
        };
        const HOW: &[&str] = &["في", "خلال", "اثر", "جراء", "برصاص", "بنيران", "بقصف", "بغاره", "بانفجار", "بتفجير", "علي", "امس", "اليوم", "قرب", "بعد", "اثناء", "متاثرا", "متاثره"];
        const BATTLE: &[&str] = &["معارك", "اشتباكات", "مواجهات", "قتال", "المعارك", "الاشتباكات", "المواجهات", "القتال", "معركه", "المعركه"];
        for k in kills {
            if self.lex.triggers[k.trigger].role != TriggerRole::Kill {
                continue;
            }
            // The death word without its conjunction.
            let word = key(self.doc.text()[k.range.clone()].trim_start_matches(['و', 'ف']));
            // "إن شرطيا قتل": one person named in the singular before the verb.
            const ONE: &[&str] = &["شرطيا", "جنديا", "مدنيا", "طفلا", "رجلا", "شخصا", "ضابطا", "مواطنا", "شابا", "عسكريا", "مسلحا", "عنصرا", "امراه", "طفله", "صحفيا"];
            let one_before = matches!(word, "قتل" | "اغتيل" | "استشهد" | "توفي" | "قتلت") && k.toks.start > toks.start && ONE.contains(&self.bare(k.toks.start - 1));
            if one_before {
                return Some(Count { min: 1, max: Some(1), approximate: false, mention: Some(self.span(self.doc.tokens[k.toks.start - 1].range.start..k.range.end)) });
            }
            if k.toks.end >= toks.end || !uncounted(k.toks.end) {
                continue;
            }
            let raw = self.doc.tok(k.toks.start);
            // The noun without its preposition ("وبمقتل" -> "مقتل").
            let noun = key(word.strip_prefix(['ب', 'ل']).unwrap_or(word));
            let next = k.toks.end;
            let named = matches!(noun, "مقتل" | "مصرع" | "استشهاد" | "اغتيال") && self.cues_in(next..next + 1, CUE_PERSON_NAME);
            // The verb, not the verbal noun: no article, no preposition (بقتل، لقتل), not a
            // kind of crime ("جرائم القتل في").
            let verb = matches!(word, "قتل" | "اغتيل" | "استشهد" | "توفي" | "توفيت")
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
    pub(super) fn victims(&self, r: &Range<usize>) -> Option<&'a str> {
        let toks = self.doc.tokens_in(r);
        self.numbers_in(r).iter().find_map(|n| {
            let nt = self.doc.tokens_covering(&n.range);
            let i = if nt.end < toks.end && self.bare(nt.end) == "من" { nt.end + 1 } else { nt.end };
            (!nt.is_empty() && i < toks.end).then(|| self.bare(i))
        })
    }

    pub(super) fn uncounted_kill_in(&self, r: &Range<usize>) -> bool {
        let toks = self.doc.tokens_in(r);
        within(&self.ents.triggers, r, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role == TriggerRole::Kill && self.uncounted_dead(t, &toks))
    }

    /// "وقتل من بداخلهما", "وقتل طواقمها": a death word whose dead are not counted.
    pub(super) fn uncounted_dead(&self, k: &TriggerMention, toks: &Range<usize>) -> bool {
        k.toks.end < toks.end && {
            let next = self.bare(k.toks.end);
            // (After the verb or its noun only: "قتيلا من المدنيين" says whose dead they are.)
            let verb = matches!(self.bare(k.toks.start), "قتل" | "مقتل" | "قتلوا" | "قتلت" | "تصفيه");
            (verb && next == "من" && self.number_at(k.toks.end + 1).is_none()) || ["طواقمها", "طاقمها", "ركابها", "عناصرها", "راكبيها", "مستقليها", "طاقمه", "ركابه"].contains(&next)
        }
    }

    /// "عشرة من الجنود وثلاثة آخرون", "25 متمردا و9 جنود": a second count joined by و
    /// (and followed by a person noun or آخرون) adds to the first.
    pub(super) fn joined_by_and(&self, n: &NumberMention, after: Option<&str>) -> bool {
        let before = self.doc.text()[..n.range.start].trim_end();
        // "و 3", "وثلاثة" (the clitic outside the number's span), or inside it.
        let starts_with_wa = self.doc.text()[n.range.clone()].starts_with('و')
            || before.ends_with(" و")
            || (self.doc.text()[..n.range.start].ends_with('و') && before.strip_suffix('و').is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace)));
        // "مقتل 8 بموقع بحلحلان و6 كانوا على متن عربة", "و3 من القوات": who they were.
        // (A dual names them itself: "وجنديين اثنين".)
        let own = key(self.doc.text()[n.range.clone()].trim_start_matches('و').split_whitespace().next().unwrap_or(""));
        let people = |k: &str| PERSON_NOUNS.contains(&k) || COMBATANT_NOUNS.contains(&k);
        starts_with_wa && (people(own) || after.is_some_and(|k| ["اخرون", "اخرين", "اخري", "كانوا", "كانا", "من"].contains(&k) || people(k)))
    }

    pub(super) fn quantities(&self, c: &Range<usize>, mode: Option<&str>, fat: Option<&Count>) -> Vec<Quantity> {
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
}
