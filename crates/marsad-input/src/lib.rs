//! marsad-input: turn files and streams into [`Article`]s.
//!
//! Bad input never stops a batch: each input line yields either an article (perhaps with
//! warnings, e.g. invalid UTF-8 replaced) or a [`Rejected`] record saying which line of
//! which file could not be read and why. The caller decides how to report them.

mod html;

pub use html::html_to_article_text;
use marsad_core::format::Article;
use std::io::BufRead;

/// One item read from an input.
#[derive(Debug)]
pub enum Item {
    Article { article: Article, warnings: Vec<String> },
    Rejected(Rejected),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub origin: String,
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.reason)
    }
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    JsonLines,
    Text,
    Html,
}

impl Kind {
    /// Guess from a file name: .jsonl/.json/.ndjson, .html/.htm, anything else is text.
    pub fn from_path(path: &str) -> Kind {
        let p = path.to_ascii_lowercase();
        if p.ends_with(".jsonl") || p.ends_with(".json") || p.ends_with(".ndjson") {
            Kind::JsonLines
        } else if p.ends_with(".html") || p.ends_with(".htm") {
            Kind::Html
        } else {
            Kind::Text
        }
    }

    /// Guess from content (for stdin): a first non-blank char `{` means JSON Lines,
    /// `<` means HTML.
    pub fn sniff(bytes: &[u8]) -> Kind {
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Kind::JsonLines,
            Some(b'<') => Kind::Html,
            _ => Kind::Text,
        }
    }
}

fn decode(bytes: &[u8], what: &str, warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!("{what}: invalid UTF-8 at byte {}; invalid bytes replaced with U+FFFD", e.valid_up_to()));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Parse one JSON line into an article. `Err` is the reason for rejecting it.
pub fn parse_json_line(line: &str) -> Result<Article, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    article_from_value(&v)
}

/// An article from a parsed JSON object: `id` and `text` required, `date`, `title`,
/// `source`, `url` optional. `Err` is the reason for rejecting it.
pub fn article_from_value(v: &serde_json::Value) -> Result<Article, String> {
    let obj = v.as_object().ok_or("not a JSON object")?;
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("missing or empty \"id\"".into()),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => return Err(format!("article {id}: missing \"text\"")),
        _ => return Err(format!("article {id}: \"text\" is not a string")),
    };
    let opt = |k: &str| obj.get(k).and_then(|x| x.as_str()).map(str::to_string);
    Ok(Article { id, text, date: opt("date"), title: opt("title"), source: opt("source"), url: opt("url") })
}

/// Read JSON Lines from a reader; calls `f` for each item in order.
pub fn read_jsonl<R: BufRead>(mut r: R, origin: &str, mut f: impl FnMut(Item)) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        if r.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let mut warnings = Vec::new();
        let line = decode(&buf, &format!("{origin}:{line_no}"), &mut warnings);
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        match parse_json_line(line) {
            Ok(article) => f(Item::Article { article, warnings }),
            Err(reason) => f(Item::Rejected(Rejected { origin: origin.to_string(), line: line_no, reason })),
        }
    }
    Ok(())
}

/// A whole plain-text or HTML document as one article; the id is the file stem.
pub fn read_document(bytes: &[u8], id: &str, kind: Kind, date: Option<&str>) -> Item {
    let mut warnings = Vec::new();
    let raw = decode(bytes, id, &mut warnings);
    let (title, text) = match kind {
        Kind::Html => html_to_article_text(&raw),
        _ => (None, raw.trim_start_matches('\u{feff}').to_string()),
    };
    Item::Article {
        article: Article { id: id.to_string(), text, date: date.map(str::to_string), title, source: None, url: None },
        warnings,
    }
}

/// Id for a file-based article: the file name without directories and extension.
pub fn id_from_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8]) -> Vec<Item> {
        let mut v = Vec::new();
        read_jsonl(input, "t.jsonl", |i| v.push(i)).unwrap();
        v
    }

    #[test]
    fn malformed_lines_are_rejected_with_line_numbers_and_do_not_stop_the_batch() {
        let input = "{\"id\":\"a\",\"text\":\"قتل ثلاثة جنود\"}\n{not json\n\n{\"id\":\"b\"}\n[1,2]\n{\"id\":\"c\",\"text\":\"اشتباكات في حلب\"}\n";
        let items = collect(input.as_bytes());
        let mut ok = vec![];
        let mut bad = vec![];
        for i in items {
            match i {
                Item::Article { article, .. } => ok.push(article.id),
                Item::Rejected(r) => bad.push((r.line, r.reason)),
            }
        }
        assert_eq!(ok, vec!["a", "c"]);
        assert_eq!(bad.iter().map(|b| b.0).collect::<Vec<_>>(), vec![2, 4, 5]);
        assert!(bad[0].1.contains("malformed JSON"));
        assert!(bad[1].1.contains("missing \"text\""));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_warned() {
        let mut input = b"{\"id\":\"x\",\"text\":\"\xd8\xaf\xd8\xa7\xd8\xb9\xd8\xb4 ".to_vec();
        input.extend_from_slice(b"\xff\xfe\"}\n");
        let items = collect(&input);
        match &items[0] {
            Item::Article { article, warnings } => {
                assert!(article.text.starts_with("داعش"));
                assert!(article.text.contains('\u{FFFD}'));
                assert!(warnings[0].contains("invalid UTF-8"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn kinds_and_ids() {
        assert_eq!(Kind::from_path("a/b/report.HTML"), Kind::Html);
        assert_eq!(Kind::from_path("x.jsonl"), Kind::JsonLines);
        assert_eq!(Kind::from_path("x.txt"), Kind::Text);
        assert_eq!(Kind::sniff(b"  {\"id\""), Kind::JsonLines);
        assert_eq!(id_from_path("/tmp/news/aleppo-2015.txt"), "aleppo-2015");
    }
}
