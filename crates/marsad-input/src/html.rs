//! Visible text of an HTML page: scripts, styles and other non-content elements dropped,
//! block elements turned into line breaks, title from `<title>` or else the first `<h1>`.

use scraper::{Html, Node, Selector};

const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "iframe", "object"];
const BLOCK: &[&str] = &["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "header", "footer", "pre", "table", "ul", "ol", "dd", "dt", "figcaption"];

/// (title, text) of an HTML document.
pub fn html_to_article_text(html: &str) -> (Option<String>, String) {
    let doc = Html::parse_document(html);
    let pick = |sel: &str| {
        Selector::parse(sel).ok().and_then(|s| doc.select(&s).next()).map(|e| squash(&e.text().collect::<String>())).filter(|t| !t.is_empty())
    };
    let title = pick("title").or_else(|| pick("h1"));
    let mut out = String::new();
    let body = Selector::parse("body").ok().and_then(|s| doc.select(&s).next());
    let root = body.map(|b| *b).unwrap_or_else(|| *doc.root_element());
    walk(root, &mut out);
    let text = out.lines().map(squash).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    (title, text)
}

fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name) {
                    continue;
                }
                let block = BLOCK.contains(&name);
                if block {
                    out.push('\n');
                }
                walk(child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_visible_text_and_drops_scripts() {
        let html = r#"<html><head><title>مقتل ثلاثة جنود</title><style>p{color:red}</style></head>
<body><script>alert("x")</script><h1>عنوان</h1><p>اعلن الجيش التركي مقتل ثلاثة جنود اتراك امس</p>
<p>في محافظة &quot;شرناق&quot; &amp; غيرها</p><noscript>تفعيل</noscript></body></html>"#;
        let (title, text) = html_to_article_text(html);
        assert_eq!(title.as_deref(), Some("مقتل ثلاثة جنود"));
        assert!(text.contains("اعلن الجيش التركي مقتل ثلاثة جنود اتراك امس"));
        assert!(text.contains("في محافظة \"شرناق\" & غيرها"));
        assert!(!text.contains("alert") && !text.contains("color") && !text.contains("تفعيل"));
        assert_eq!(text.lines().count(), 3);
    }

    #[test]
    fn title_falls_back_to_h1() {
        let (title, _) = html_to_article_text("<body><h1>اشتباكات في حلب</h1><p>نص</p></body>");
        assert_eq!(title.as_deref(), Some("اشتباكات في حلب"));
    }
}
