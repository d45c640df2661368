//! Who says so: the attribution chain from reporting cues, outermost first.

use super::*;

impl<'a, 'd> Ctx<'a, 'd> {
    /// The attribution chain stated in a range, outermost first: sources after reporting
    /// cues ("نقلت رويترز عن مسؤول"), generic sources (مصادر، ناشطون), and officials who
    /// announce ("أعلن الجيش التركي").
    pub(super) fn sources_in(&self, r: &Range<usize>) -> Vec<format::Source> {
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
                let name = self.actor_name_in(a.actor, self.contextual_country(&a.range).as_deref());
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

    pub(super) fn reporting_after(&self, sm: &SourceMention) -> bool {
        self.cues_in(sm.toks.end..sm.toks.end + 2, CUE_REPORTING)
    }

    pub(super) fn source_of(&self, sm: &SourceMention) -> format::Source {
        let e = &self.lex.sources[sm.source];
        let name_ar = if e.generic { self.doc.original_text(sm.range.clone()) } else { e.aliases_ar.first().cloned().unwrap_or_default() };
        format::Source { name: e.name.clone(), name_ar, kind: e.kind.clone(), mention: Some(self.span(sm.range.clone())) }
    }
}
