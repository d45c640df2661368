//! The reference scorer (shared/eval/score.py) in Rust, definition for definition, so
//! `marsad eval` gives the very figures the held-out evaluation will. Works on
//! `serde_json::Value` rather than typed records because gold files carry extra keys
//! (`aliases`, `evidence_alt`) and may omit others, and the scorer must read both the same
//! tolerant way as the Python one does.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

static NONWORD: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r"[^\w\s]").unwrap());

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' | '\u{0640}')
}

/// `norm_ar` of score.py.
pub fn norm_ar(s: Option<&str>) -> String {
    let Some(s) = s else { return String::new() };
    if s.is_empty() {
        return String::new();
    }
    let s: String = s
        .chars()
        .filter(|c| !is_diacritic(*c))
        .map(|c| match c {
            'إ' | 'أ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            c => c,
        })
        .collect();
    let s = NONWORD.replace_all(&s.to_lowercase(), " ").into_owned();
    let mut words = Vec::new();
    for w in s.split_whitespace() {
        if w == "the" || w == "al" {
            continue;
        }
        let n = w.chars().count();
        let w = if w.starts_with("وال") && n > 4 {
            w.chars().skip(3).collect::<String>()
        } else if w.starts_with("ال") && n > 3 {
            w.chars().skip(2).collect::<String>()
        } else {
            w.to_string()
        };
        words.push(w);
    }
    words.join(" ")
}

fn span(x: Option<&Value>) -> Option<(i64, i64)> {
    let x = x?.as_object()?;
    Some((x.get("start")?.as_i64()?, x.get("end")?.as_i64()?))
}

fn overlaps(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 < b.1 && b.0 < a.1)
}

fn evidence_spans(ev: &Value) -> Vec<(i64, i64)> {
    let mut v: Vec<Option<(i64, i64)>> = vec![span(ev.get("evidence"))];
    if let Some(alt) = ev.get("evidence_alt").and_then(|a| a.as_array()) {
        v.extend(alt.iter().map(|x| span(Some(x))));
    }
    v.into_iter().flatten().collect()
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Object(o)) => !o.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
    }
}

fn get_str<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(|x| x.as_str())
}

/// `same_entity` of score.py (actors and sources).
pub fn same_entity(g: Option<&Value>, s: Option<&Value>) -> bool {
    if !truthy(g) || !truthy(s) {
        return false;
    }
    let (g, s) = (g.unwrap(), s.unwrap());
    if overlaps(span(g.get("mention")), span(s.get("mention"))) {
        return true;
    }
    for k in ["name", "name_ar"] {
        let (a, b) = (norm_ar(get_str(g, k)), norm_ar(get_str(s, k)));
        if !a.is_empty() && !b.is_empty() && a == b {
            return true;
        }
    }
    if let Some(aliases) = g.get("aliases").and_then(|a| a.as_array()) {
        let sn = norm_ar(get_str(s, "name"));
        let sa = norm_ar(get_str(s, "name_ar"));
        for alt in aliases {
            let a = norm_ar(alt.as_str());
            if !a.is_empty() && (a == sn || a == sa) {
                return true;
            }
        }
    }
    false
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.min(1.0).sqrt().asin()
}

fn coords(v: &Value) -> Option<(f64, f64)> {
    Some((v.get("lat")?.as_f64()?, v.get("lon")?.as_f64()?))
}

pub fn same_place(g: Option<&Value>, s: Option<&Value>) -> bool {
    if !truthy(g) || !truthy(s) {
        return false;
    }
    let (gv, sv) = (g.unwrap(), s.unwrap());
    if let (Some(a), Some(b)) = (coords(gv), coords(sv)) {
        return km(a, b) <= 25.0;
    }
    same_entity(g, s)
}

fn date_bounds(d: &Value) -> Option<(&str, &str)> {
    let start = get_str(d, "start").filter(|s| !s.is_empty())?;
    let end = get_str(d, "end").filter(|s| !s.is_empty()).unwrap_or(start);
    Some((start, end))
}

pub fn dates_overlap(g: Option<&Value>, s: Option<&Value>) -> bool {
    if !truthy(g) || !truthy(s) {
        return false;
    }
    match (date_bounds(g.unwrap()), date_bounds(s.unwrap())) {
        (Some((gs, ge)), Some((ss, se))) => gs <= se && ss <= ge,
        _ => false,
    }
}

pub fn dates_exact(g: Option<&Value>, s: Option<&Value>) -> bool {
    if !truthy(g) || !truthy(s) {
        return false;
    }
    let (g, s) = (g.unwrap(), s.unwrap());
    let end = |d: &Value| get_str(d, "end").filter(|x| !x.is_empty()).or(get_str(d, "start")).map(str::to_string);
    g.get("start") == s.get("start") && end(g) == end(s)
}

fn count_eq(g: Option<&Value>, s: Option<&Value>) -> bool {
    match (truthy(g), truthy(s)) {
        (false, false) => true,
        (true, true) => {
            let (g, s) = (g.unwrap(), s.unwrap());
            let f = |v: &Value, k: &str| v.get(k).cloned().unwrap_or(Value::Null);
            num_eq(&f(g, "min"), &f(s, "min")) && num_eq(&f(g, "max"), &f(s, "max"))
        }
        _ => false,
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn pair_score(g: &Value, s: &Value) -> Option<f64> {
    if g.get("event_type") != s.get("event_type") {
        return None;
    }
    let gs = evidence_spans(g);
    let ss = evidence_spans(s);
    let ev = gs.iter().any(|a| ss.iter().any(|b| overlaps(Some(*a), Some(*b))));
    let place = same_place(g.get("location"), s.get("location"));
    let when = dates_overlap(g.get("date"), s.get("date"));
    let sub = g.get("sub_event_type") == s.get("sub_event_type");
    if !(ev || (place && (when || sub))) {
        return None;
    }
    let a1 = same_entity(g.get("actor1"), s.get("actor1"));
    Some(2.0 * ev as u8 as f64 + sub as u8 as f64 + place as u8 as f64 + 0.5 * when as u8 as f64 + 0.5 * a1 as u8 as f64)
}

/// Greedy one-to-one matching, best pair first (ties by gold then system order).
pub fn match_events<'a>(gold: &'a [Value], sys: &'a [Value]) -> Vec<(&'a Value, &'a Value)> {
    let mut cands = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, s) in sys.iter().enumerate() {
            if let Some(sc) = pair_score(g, s) {
                cands.push((sc, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap().then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut ug, mut us) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, i, j) in cands {
        if !ug.contains(&i) && !us.contains(&j) {
            ug.insert(i);
            us.insert(j);
            pairs.push((&gold[i], &sys[j]));
        }
    }
    pairs
}

/// Articles by id (insertion order kept) and the number of unreadable lines.
pub struct Loaded {
    pub ids: Vec<String>,
    pub events: HashMap<String, Vec<Value>>,
    pub bad: usize,
}

pub fn load(text: &str) -> Loaded {
    let mut l = Loaded { ids: Vec::new(), events: HashMap::new(), bad: 0 };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parsed: Option<(String, Vec<Value>)> = serde_json::from_str::<Value>(line).ok().and_then(|obj| {
            let id = obj.get("article")?.get("id")?;
            let id = match id {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let evs = match obj.get("events") {
                Some(Value::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            Some((id, evs))
        });
        match parsed {
            Some((id, evs)) => {
                if !l.events.contains_key(&id) {
                    l.ids.push(id.clone());
                }
                l.events.insert(id, evs);
            }
            None => l.bad += 1,
        }
    }
    l
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b != 0).then(|| a as f64 / b as f64)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Metrics in score.py's order; `None` prints as null/None.
pub type Metrics = Vec<(&'static str, MetricValue)>;

#[derive(Debug, Clone, PartialEq)]
pub enum MetricValue {
    Int(usize),
    Float(Option<f64>),
}

pub struct ArticleRow {
    pub id: String,
    pub gold: usize,
    pub system: usize,
    pub matched: usize,
}

pub fn score(gold: &Loaded, system: &Loaded) -> (Metrics, Vec<ArticleRow>) {
    let mut c: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    let empty = Vec::new();
    for aid in &gold.ids {
        let gevs = &gold.events[aid];
        let sevs = system.events.get(aid).unwrap_or(&empty);
        let pairs = match_events(gevs, sevs);
        *c.entry("gold").or_default() += gevs.len();
        *c.entry("sys").or_default() += sevs.len();
        *c.entry("matched").or_default() += pairs.len();
        rows.push(ArticleRow { id: aid.clone(), gold: gevs.len(), system: sevs.len(), matched: pairs.len() });
        for (g, s) in pairs {
            let mut add = |k: &'static str, v: bool| *c.entry(k).or_default() += v as usize;
            add("sub_ok", g.get("sub_event_type") == s.get("sub_event_type"));
            for (role, n, ok) in [("actor1", "actor1_n", "actor1_ok"), ("actor2", "actor2_n", "actor2_ok")] {
                if truthy(g.get(role)) {
                    add(n, true);
                    add(ok, same_entity(g.get(role), s.get(role)));
                }
            }
            let gl = g.get("location");
            if truthy(gl) && get_str(gl.unwrap(), "precision") != Some("unknown") {
                add("loc_n", true);
                add("loc_ok", same_place(gl, s.get("location")));
                let gcc = get_str(gl.unwrap(), "country").filter(|x| !x.is_empty());
                let scc = s.get("location").and_then(|l| get_str(l, "country"));
                add("country_ok", gcc.is_some() && gcc == scc);
            }
            let gd = g.get("date");
            if truthy(gd) && get_str(gd.unwrap(), "precision") != Some("unknown") {
                add("date_n", true);
                add("date_overlap", dates_overlap(gd, s.get("date")));
                add("date_exact", dates_exact(gd, s.get("date")));
            }
            if truthy(g.get("fatalities")) || truthy(s.get("fatalities")) {
                add("fat_n", true);
                add("fat_ok", count_eq(g.get("fatalities"), s.get("fatalities")));
            }
            let list = |v: &Value| v.get("sources").and_then(|x| x.as_array()).cloned().unwrap_or_default();
            let (gs, ss) = (list(g), list(s));
            *c.entry("src_gold").or_default() += gs.len();
            *c.entry("src_sys").or_default() += ss.len();
            *c.entry("src_ok").or_default() += gs.iter().filter(|x| ss.iter().any(|y| same_entity(Some(x), Some(y)))).count();
            *c.entry("src_sys_ok").or_default() += ss.iter().filter(|y| gs.iter().any(|x| same_entity(Some(x), Some(y)))).count();
        }
    }
    let g = |k: &str| c.get(k).copied().unwrap_or(0);
    let p = ratio(g("matched"), g("sys")).unwrap_or(0.0);
    let r = ratio(g("matched"), g("gold")).unwrap_or(0.0);
    let sp = ratio(g("sub_ok"), g("sys")).unwrap_or(0.0);
    let sr = ratio(g("sub_ok"), g("gold")).unwrap_or(0.0);
    let srcp = ratio(g("src_sys_ok"), g("src_sys"));
    let srcr = ratio(g("src_ok"), g("src_gold"));
    use MetricValue::*;
    let m = vec![
        ("articles", Int(gold.ids.len())),
        ("gold_events", Int(g("gold"))),
        ("system_events", Int(g("sys"))),
        ("event_precision", Float(Some(p))),
        ("event_recall", Float(Some(r))),
        ("event_f1", Float(Some(f1(p, r)))),
        ("subtype_f1", Float(Some(f1(sp, sr)))),
        ("actor1_acc", Float(ratio(g("actor1_ok"), g("actor1_n")))),
        ("actor2_acc", Float(ratio(g("actor2_ok"), g("actor2_n")))),
        ("location_acc", Float(ratio(g("loc_ok"), g("loc_n")))),
        ("country_acc", Float(ratio(g("country_ok"), g("loc_n")))),
        ("date_overlap_acc", Float(ratio(g("date_overlap"), g("date_n")))),
        ("date_exact_acc", Float(ratio(g("date_exact"), g("date_n")))),
        ("fatalities_acc", Float(ratio(g("fat_ok"), g("fat_n")))),
        ("sources_f1", Float((g("src_gold") + g("src_sys") > 0).then(|| f1(srcp.unwrap_or(0.0), srcr.unwrap_or(0.0))))),
        ("unreadable_gold_lines", Int(gold.bad)),
        ("unreadable_system_lines", Int(system.bad)),
        ("missing_articles", Int(gold.ids.iter().filter(|a| !system.events.contains_key(*a)).count())),
    ];
    (m, rows)
}

/// The table as score.py prints it.
pub fn render_table(m: &Metrics) -> String {
    let mut s = String::new();
    for (k, v) in m {
        match v {
            MetricValue::Int(n) => s.push_str(&format!("{k:24} {n}\n")),
            MetricValue::Float(Some(f)) => s.push_str(&format!("{k:24} {f:.3}\n")),
            MetricValue::Float(None) => s.push_str(&format!("{k:24} None\n")),
        }
    }
    s
}

/// As one JSON object (score.py --json).
pub fn render_json(m: &Metrics) -> Value {
    let mut o = serde_json::Map::new();
    for (k, v) in m {
        o.insert(k.to_string(), match v {
            MetricValue::Int(n) => Value::from(*n),
            MetricValue::Float(f) => f.map(Value::from).unwrap_or(Value::Null),
        });
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_ar_matches_the_python_definition() {
        assert_eq!(norm_ar(Some("الدولة الإسلامية")), "دوله اسلاميه");
        assert_eq!(norm_ar(Some("The Times")), "times");
        assert_eq!(norm_ar(Some("والموصل")), "موصل");
        assert_eq!(norm_ar(Some("\"داعش\"")), "داعش");
        assert_eq!(norm_ar(Some("al-Qaeda")), "qaeda");
    }
}
