//! Escaping values from data for the HTML and Markdown report.
//!
//! Every title, outlet, file name, quotation, cue list and lexicon label in a
//! page goes through one of these. HTML escaping is `html-escape`'s; a URL is
//! parsed with the `url` crate and becomes a link only with an `http` or
//! `https` scheme (never `javascript:`, `data:`, `file:` …).

/// Text for HTML element content or a quoted attribute: `& < > " '` escaped.
pub fn html(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

/// The URL, normalised and percent-encoded, if it is an absolute `http` or
/// `https` URL with a host; `None` for anything else (to be shown as text).
/// The result has no spaces, double quotes, `<`, `>` or control characters
/// (it may have `'`: escape it for an attribute).
pub fn safe_url(s: &str) -> Option<String> {
    let u = url::Url::parse(s.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none_or(str::is_empty) {
        return None;
    }
    let out = u.to_string();
    // Defence in depth: the serialisation percent-encodes all of these.
    if out
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | '"'))
    {
        return None;
    }
    Some(out)
}

/// Text for one line of Markdown (a table cell, a list item, a heading):
/// line breaks and control characters become spaces; `&`, `<` and `>` become
/// HTML entities (so no raw HTML can appear: CommonMark renders an entity as
/// the character); Markdown's inline syntax characters (`\ ` * _ [ ] | ~`)
/// are backslash-escaped; a leading block marker (`#`, `+`, `-`, `=`, `1.`)
/// is escaped so the value cannot open a heading or a list.
pub fn md(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let trimmed = flat.trim_start();
    let lead_digits = trimmed.bytes().take_while(|b| b.is_ascii_digit()).count();
    let mut o = String::with_capacity(flat.len() + 8);
    let lead = flat.len() - trimmed.len();
    for (i, c) in flat.char_indices() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                o.push('\\');
                o.push(c);
            }
            '#' | '+' | '-' | '=' if i == lead => {
                o.push('\\');
                o.push(c);
            }
            '.' | ')' if lead_digits > 0 && i == lead + lead_digits => {
                o.push('\\');
                o.push(c);
            }
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;"
        );
    }

    #[test]
    fn only_http_urls() {
        assert_eq!(
            safe_url(" https://example.com/a b ").as_deref(),
            Some("https://example.com/a%20b")
        );
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url("JavaScript:alert(1)").is_none());
        assert!(safe_url("data:text/html,<script>").is_none());
        assert!(safe_url("file:///etc/passwd").is_none());
        assert!(safe_url("/relative").is_none());
        assert!(safe_url("\u{1}javascript:alert(1)").is_none());
        let u = safe_url("http://x.org/<script>?q=\"'`<b>\n\n<script>#<i>").unwrap();
        assert!(
            !u.contains('<') && !u.contains('"') && !u.contains('\n'),
            "{u}"
        );
    }

    #[test]
    fn markdown_cannot_open_markup() {
        let m = md("a|b\n\n<script>alert(1)</script> [x](javascript:y) *e* `c` &amp;");
        assert!(!m.contains('<') && !m.contains('\n'), "{m}");
        assert!(m.contains("a\\|b"), "{m}");
        assert!(m.contains("\\[x\\](javascript:y)"), "{m}");
        assert!(m.contains("&amp;amp;"), "{m}");
        assert_eq!(md("# title"), "\\# title");
        assert_eq!(md("1. one"), "1\\. one");
        assert_eq!(md("- x"), "\\- x");
        assert_eq!(md("U.S. talks - Geneva"), "U.S. talks - Geneva");
    }
}
