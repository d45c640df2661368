//! Where and when: the nearest place (clause, sentence, article), one event per town
//! listed, and the clause's date against the publication date.

use super::*;

impl<'a, 'd> Ctx<'a, 'd> {
    /// One act at several separately named towns listed together ("قصفت الحولة
    /// وتلبيسة", "طالت مدينة بنش وبلدات طعوم وسرمين") is one event per town, as the
    /// annotation guide codes it. Only coordinated town names split an event.
    pub(super) fn split_by_town(&self, d: Draft, c: &Range<usize>) -> Vec<Draft> {
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
                self.note(&mut x.explain, || "split: one event per town named in a list".into());
                x
            })
            .collect()
    }

    /// The act's clause, and the next clause when that one only says where the act fell
    /// ("نفذ الطيران غارات عدة، طالت مدينة بنش وبلدات طعوم وسرمين").
    pub(super) fn with_targets(&self, c: &Range<usize>, clauses: &[Range<usize>]) -> Range<usize> {
        const TARGET_VERBS: &[&str] = &["طالت", "طال", "استهدفت", "استهدف", "شملت", "شمل", "طاولت", "طاول", "تركزت", "تركز", "وطالت", "واستهدفت", "وشملت"];
        let Some(next) = clauses.iter().find(|n| n.start >= c.end) else { return c.clone() };
        let toks = self.doc.tokens_in(next);
        if toks.is_empty() || !TARGET_VERBS.contains(&self.keys[toks.start]) || !self.doc.text()[c.end..next.start].trim().is_empty() && !self.doc.text()[c.end..next.start].trim().starts_with('،') {
            return c.clone();
        }
        c.start..next.end
    }

    pub(super) fn local_place(&self, c: &Range<usize>, s: &Range<usize>) -> Option<(usize, Option<Range<usize>>)> {
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
        // "والرمادي مركز المحافظة، التي سقطت بيد المتطرفين": a relative clause is about the
        // place named right before it.
        let ct = self.doc.tokens_in(c);
        let relative = !ct.is_empty() && matches!(self.bare(ct.start), "التي" | "الذي");
        let antecedent = || {
            within(&self.ents.places, &(s.start..c.start), |p| &p.range)
                .filter(|p| self.lex.places[p.place].level >= PlaceLevel::City && !self.reference_point(p))
                .last()
                .map(|p| (p.place, Some(p.range.clone())))
        };
        best_in(c).or_else(|| if relative { antecedent() } else { None }).or_else(|| best_in(s))
    }

    /// "في محافظة ديالى شمال شرق بغداد", "بعقوبة (57 كم شمال شرقي بغداد)": a place after a
    /// direction word that follows another place is a reference point, not where it happened.
    pub(super) fn reference_point(&self, p: &crate::entities::PlaceMention) -> bool {
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
    /// The country the article is about, as a place (its capital's coordinates).
    pub(super) fn focus_country_place(&self) -> Option<(usize, Option<Range<usize>>)> {
        let c = self.lex.country(self.ents.focus_country.as_deref()?)?;
        Some((c.place, None))
    }

    pub(super) fn article_place(&self) -> Option<(usize, Option<Range<usize>>)> {
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
        self.focus_country_place()
    }

    /// A date mention as the event's date field.
    fn date_field(&self, d: &crate::dates::DateMention) -> DateField {
        DateField {
            start: d.start.map(|x| x.to_string()),
            end: d.end.map(|x| x.to_string()),
            precision: if d.start.is_some() { serde_json::to_value(d.precision).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or("unknown".into()) } else { "unknown".into() },
            mention: Some(self.span(d.range.clone())),
        }
    }

    /// A bare "اليوم": mostly it dates the report ("أعلنت اليوم"), not the act.
    fn today(&self, d: &crate::dates::DateMention) -> bool {
        key(&self.doc.text()[d.range.clone()]) == "يوم"
    }

    /// The first resolved date in `r` that `keep` accepts, a stated day or month before a
    /// bare "اليوم".
    fn first_date(&self, r: &Range<usize>, keep: impl Fn(&crate::dates::DateMention) -> bool) -> Option<&'a crate::dates::DateMention> {
        let mut it = within(&self.doc.dates, r, |d| &d.range).filter(|d| d.start.is_some() && keep(d));
        let first = it.next()?;
        Some(if self.today(first) { it.find(|d| !self.today(d)).unwrap_or(first) } else { first })
    }

    /// The date told in the clause itself, if any (no sentence or article fallback), not a
    /// bare "اليوم".
    pub(super) fn clause_date(&self, c: &Range<usize>) -> Option<DateField> {
        within(&self.doc.dates, c, |d| &d.range).find(|d| d.start.is_some() && !self.today(d)).map(|d| self.date_field(d))
    }

    pub(super) fn date(&self, c: &Range<usize>, s: &Range<usize>) -> DateField {
        // Else a date of the sentence — coordinated acts share one ("خطفوا الاثنين ... كما
        // أحرق مبنى البلدية") — but not one that dates another act told in a relative clause
        // ("اختطف 220 شخصا ... إلى مدينة تدمر التي سقطت بأيدي عناصره في مايو": May is when
        // Palmyra fell).
        let sentence = || {
            let si = self.doc.sentences.iter().position(|x| x.range == *s)?;
            let foreign = |d: &crate::dates::DateMention| {
                self.doc.sentences[si].clauses.iter().any(|k| {
                    let inside = k != c && k.start <= d.range.start && d.range.end <= k.end;
                    let rel = (self.doc.tokens_in(k).start..d.range.start.min(k.end)).take_while(|&i| self.doc.tokens[i].range.start < d.range.start).any(|i| matches!(self.bare(i), "التي" | "الذي" | "الذين"));
                    inside && rel && within(&self.ents.triggers, k, |t| &t.range).any(|t| self.lex.triggers[t.trigger].role != TriggerRole::Kill && t.range.end <= d.range.start)
                })
            };
            self.first_date(s, |d| !foreign(d))
        };
        if let Some(d) = self.first_date(c, |_| true).or_else(sentence) {
            return self.date_field(d);
        }
        // The lead's day ("أمس") dates the article's main act.
        if let Some(first) = self.doc.sentences.first() {
            if let Some(d) = within(&self.doc.dates, &first.range, |d| &d.range).find(|d| d.start.is_some() && d.precision == crate::dates::Precision::Day) {
                return self.date_field(d);
            }
        }
        let pubdate = self.doc.reference_date.map(|d| d.to_string());
        DateField { start: pubdate.clone(), end: pubdate, precision: "unknown".into(), mention: None }
    }
}
