//! Documents: raw articles made into clean, dated text.
//!
//! In: a [`RawArticle`] (text as read, plus metadata from a manifest, record or
//! page). Out: a [`Document`] whose `text` is the article text (for `.txt` the
//! file itself, so offsets point into the file), the byte ranges of the
//! paragraphs that belong to the article (boilerplate lines are left out, not
//! rewritten), and its publication date, title, outlet and URL with where each
//! came from.

use crate::corpus::{Format, Meta, RawArticle};
use jiff::civil::Date;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

/// The embedded default boilerplate rules.
pub const DEFAULT_BOILERPLATE: &str = include_str!("../lexicon/boilerplate.toml");

/// Lines longer than this are article text, never boilerplate.
const MAX_BOILERPLATE_LINE: usize = 400;

/// A cleaned article.
#[derive(Debug, Clone)]
pub struct Document {
    pub doc_id: String,
    pub file: String,
    pub record: usize,
    pub text: String,
    /// Byte ranges in `text` of the article's paragraphs (non-empty lines).
    pub paragraphs: Vec<Range<usize>>,
    pub title: String,
    pub title_source: &'static str,
    pub published: Option<Date>,
    pub date_source: &'static str,
    pub outlet: String,
    pub url: String,
    pub warnings: Vec<String>,
    pub bytes: usize,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BoilerplateFile {
    #[serde(default)]
    drop: Vec<String>,
    #[serde(default)]
    drop_with_heading: Vec<String>,
    #[serde(default)]
    stop: Vec<String>,
}

/// Compiled boilerplate rules.
pub struct Boilerplate {
    /// All rules in one set, so each line is matched once: `stop` rules
    /// first, then `drop`, then `drop_with_heading`.
    all: RegexSet,
    n_stop: usize,
    n_drop: usize,
}

/// What a boilerplate rule says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineRule {
    Keep,
    Stop,
    Drop,
    DropWithHeading,
}

impl Boilerplate {
    pub fn default_rules() -> Boilerplate {
        Boilerplate::from_tomls(&[DEFAULT_BOILERPLATE])
            .expect("embedded boilerplate rules are valid")
    }

    /// Compile the default rules plus the user's files (rules are added).
    pub fn from_tomls(texts: &[&str]) -> anyhow::Result<Boilerplate> {
        let mut all = BoilerplateFile::default();
        for t in texts {
            let f: BoilerplateFile =
                toml::from_str(t).map_err(|e| anyhow::anyhow!("boilerplate rules: {e}"))?;
            all.drop.extend(f.drop);
            all.drop_with_heading.extend(f.drop_with_heading);
            all.stop.extend(f.stop);
        }
        // `\b` is an ASCII word boundary here: Unicode word boundaries would
        // force the slowest regex engine on every line of every article.
        let fix = |r: &String| r.replace(r"\b", r"(?-u:\b)");
        for (list, what) in [
            (&all.stop, "stop"),
            (&all.drop, "drop"),
            (&all.drop_with_heading, "drop_with_heading"),
        ] {
            for r in list {
                regex::Regex::new(&fix(r))
                    .map_err(|e| anyhow::anyhow!("boilerplate rule {r:?} in `{what}`: {e}"))?;
            }
        }
        let patterns: Vec<String> = all
            .stop
            .iter()
            .chain(&all.drop)
            .chain(&all.drop_with_heading)
            .map(fix)
            .collect();
        Ok(Boilerplate {
            all: RegexSet::new(&patterns)?,
            n_stop: all.stop.len(),
            n_drop: all.drop.len(),
        })
    }

    fn rule(&self, line: &str) -> LineRule {
        if !self.all.is_match(line) {
            return LineRule::Keep;
        }
        let first = self.all.matches(line).iter().next().unwrap_or(usize::MAX);
        if first < self.n_stop {
            LineRule::Stop
        } else if first < self.n_stop + self.n_drop {
            LineRule::Drop
        } else {
            LineRule::DropWithHeading
        }
    }

    /// The article's paragraphs: every non-empty line of `text` except boilerplate.
    pub fn paragraphs(&self, text: &str) -> Vec<Range<usize>> {
        let mut kept: Vec<Range<usize>> = Vec::new();
        let mut offset = 0;
        for raw in text.split_inclusive('\n') {
            let start = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let range = start + lead..start + lead + trimmed.len();
            if trimmed.len() <= MAX_BOILERPLATE_LINE {
                match self.rule(trimmed) {
                    LineRule::Keep => {}
                    LineRule::Stop => break,
                    LineRule::Drop => continue,
                    LineRule::DropWithHeading => {
                        if let Some(prev) = kept.last()
                            && is_heading(&text[prev.clone()])
                        {
                            kept.pop();
                        }
                        continue;
                    }
                }
            }
            kept.push(range);
        }
        kept
    }
}

/// A short line with no final punctuation: a heading or a name.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 14 && !line.ends_with(['.', '!', '?', '"', '”', ':', ';'])
}

/// Build a document from a raw article.
pub fn build(raw: RawArticle, manifest: Option<&Meta>, rules: &Boilerplate) -> Document {
    let RawArticle {
        file,
        record,
        format,
        text,
        meta,
        mut warnings,
        bytes,
    } = raw;
    let (text, page_meta) = match format {
        Format::Html => {
            let (t, m) = extract_html(&text);
            (t, m)
        }
        _ => (text, Meta::default()),
    };
    let paragraphs = rules.paragraphs(&text);
    let empty = Meta::default();
    let man = manifest.unwrap_or(&empty);

    // Publication date: manifest, then record/page metadata, then the text, then the file name.
    let mut published = None;
    let mut date_source = "";
    for (value, source) in [
        (man.published.as_str(), "manifest"),
        (meta.published.as_str(), "record"),
        (page_meta.published.as_str(), "html_meta"),
    ] {
        if value.is_empty() {
            continue;
        }
        match parse_date_value(value) {
            Some(d) => {
                published = Some(d);
                date_source = source;
                break;
            }
            None => warnings.push(format!("unreadable {source} date {value:?}")),
        }
    }
    if published.is_none()
        && let Some(d) = date_in_text(&text)
    {
        published = Some(d);
        date_source = "text";
    }
    if published.is_none()
        && let Some(d) = date_in_file_name(&file)
    {
        published = Some(d);
        date_source = "file_name";
    }
    if published.is_none() {
        warnings.push("no publication date found (add it to manifest.csv)".into());
    }

    let text_title = paragraphs
        .first()
        .map(|r| &text[r.clone()])
        .filter(|l| is_heading(l) && l.split_whitespace().count() >= 3)
        .unwrap_or("");
    let mut title = String::new();
    let mut title_source = "";
    for (value, source) in [
        (man.title.as_str(), "manifest"),
        (meta.title.as_str(), "record"),
        (page_meta.title.as_str(), "html_meta"),
        (text_title, "text"),
    ] {
        if !value.is_empty() {
            title = value.to_string();
            title_source = source;
            break;
        }
    }
    if title.is_empty() {
        title = title_from_file_name(&file);
        title_source = "file_name";
    }
    let first = |vals: [&str; 3]| {
        vals.into_iter()
            .find(|v| !v.is_empty())
            .unwrap_or("")
            .to_string()
    };
    let outlet = first([&man.outlet, &meta.outlet, &page_meta.outlet]);
    let url = first([&man.url, &meta.url, &page_meta.url]);
    if paragraphs.is_empty() {
        warnings.push("no article text after removing boilerplate".into());
    }
    Document {
        doc_id: doc_id(&text),
        file,
        record,
        text,
        paragraphs,
        title,
        title_source,
        published,
        date_source,
        outlet,
        url,
        warnings,
        bytes,
    }
}

/// A document from a piece of text (a sentence to explain, a lexicon
/// example, a test), published on `published` (ISO date) if given.
pub fn from_text(name: &str, text: &str, published: &str, rules: &Boilerplate) -> Document {
    let raw = RawArticle {
        file: name.into(),
        record: 0,
        format: Format::Text,
        text: text.into(),
        meta: Meta {
            published: published.into(),
            ..Meta::default()
        },
        warnings: vec![],
        bytes: text.len(),
    };
    build(raw, None, rules)
}

/// The cleaned article texts of one input file (one per record for JSONL/CSV),
/// each as its kept paragraphs separated by blank lines.
pub fn clean_file(path: &std::path::Path, rules: &Boilerplate) -> anyhow::Result<Vec<String>> {
    let format = crate::corpus::Format::from_path(path).ok_or_else(|| {
        anyhow::anyhow!("unknown file type: use .txt, .html, .htm, .jsonl or .csv")
    })?;
    let file = crate::corpus::InputFile {
        path: path.to_path_buf(),
        rel: path.display().to_string(),
        format,
    };
    let mut out = Vec::new();
    let mut failure = None;
    crate::corpus::stream_records(&file, 256, &mut |batch| {
        for r in batch {
            match r {
                Ok(raw) => {
                    let doc = build(raw, None, rules);
                    let paras: Vec<&str> = doc
                        .paragraphs
                        .iter()
                        .map(|p| &doc.text[p.clone()])
                        .collect();
                    out.push(paras.join("\n\n"));
                }
                Err(e) => {
                    failure = Some(anyhow::anyhow!("{}: {} ({})", e.file, e.message, e.stage))
                }
            }
        }
    });
    match failure {
        Some(e) if out.is_empty() => Err(e),
        _ => Ok(out),
    }
}

/// A stable id from the article text, so shards and reruns agree.
pub fn doc_id(text: &str) -> String {
    format!(
        "d{:012x}",
        xxhash_rust::xxh3::xxh3_64(text.as_bytes()) & 0xffff_ffff_ffff
    )
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

/// Extract the article text and metadata from an HTML page with a real parser.
pub fn extract_html(html: &str) -> (String, Meta) {
    use scraper::{Html, Selector};
    static META: LazyLock<Selector> = LazyLock::new(|| Selector::parse("meta").unwrap());
    static TITLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("title, h1").unwrap());
    static CANON: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("link[rel=canonical]").unwrap());
    static TIME: LazyLock<Selector> = LazyLock::new(|| Selector::parse("time[datetime]").unwrap());
    static ARTICLE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("article, [itemprop=articleBody], main").unwrap());
    static BLOCKS: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("h1, h2, h3, p, blockquote, li").unwrap());

    let doc = Html::parse_document(html);
    let mut meta = Meta::default();
    for m in doc.select(&META) {
        let el = m.value();
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let content = el.attr("content").unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publish-date"
            | "dc.date"
            | "parsely-pub-date"
                if meta.published.is_empty() =>
            {
                meta.published = content.into()
            }
            "og:title" | "twitter:title" if meta.title.is_empty() => meta.title = content.into(),
            "og:site_name" if meta.outlet.is_empty() => meta.outlet = content.into(),
            "og:url" if meta.url.is_empty() => meta.url = content.into(),
            _ => {}
        }
    }
    if meta.title.is_empty()
        && let Some(t) = doc.select(&TITLE).next()
    {
        meta.title = collapse_ws(&t.text().collect::<String>());
    }
    if meta.url.is_empty()
        && let Some(l) = doc.select(&CANON).next()
    {
        meta.url = l.value().attr("href").unwrap_or("").into();
    }
    if meta.published.is_empty()
        && let Some(t) = doc.select(&TIME).next()
    {
        meta.published = t.value().attr("datetime").unwrap_or("").into();
    }
    // Body: block elements inside the article container (or the whole page),
    // skipping anything inside navigation, headers, footers, asides, forms and figures.
    let root = doc.select(&ARTICLE).next();
    let blocks: Vec<_> = match root {
        Some(r) => r.select(&BLOCKS).collect(),
        None => doc.select(&BLOCKS).collect(),
    };
    let mut text = String::new();
    for b in blocks {
        let skip = b.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| {
                matches!(
                    e.name(),
                    "nav"
                        | "header"
                        | "footer"
                        | "aside"
                        | "form"
                        | "figure"
                        | "script"
                        | "style"
                        | "noscript"
                        | "figcaption"
                        | "button"
                ) || (matches!(e.name(), "p" | "li" | "blockquote"))
            })
        });
        if skip {
            continue;
        }
        let t = collapse_ws(&b.text().collect::<String>());
        if t.is_empty() {
            continue;
        }
        text.push_str(&t);
        text.push_str("\n\n");
    }
    (text, meta)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// Month names and abbreviations, 1-based.
pub fn month_number(name: &str) -> Option<i8> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if n.len() < 3 {
        return None;
    }
    let idx = months.iter().position(|m| n.starts_with(m))?;
    // Reject words that merely start like a month ("marching", "mayor").
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if n.len() > 3 && !(full[idx].starts_with(&n) || n == "sept") {
        return None;
    }
    Some(idx as i8 + 1)
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:(?-u:\b)|T\d)").unwrap());
/// Any written date: ISO ("2026-02-17", "2026-02-17T10:00"), month-day-year
/// ("February 21, 2025", "Feb. 18, 2026") or day-month-year ("18 February 2026").
/// One pattern, so the text is scanned once and the earliest date wins.
static ANY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?:(?-u:\b)|T\d)",
        r"|(?P<mm>[A-Z][a-z]{2,8})\.? (?P<md>\d{1,2}),? (?P<my>\d{4})(?-u:\b)",
        r"|(?P<dd>\d{1,2}) (?P<dm>[A-Z][a-z]{2,8})\.? (?P<dy>\d{4})(?-u:\b))"
    ))
    .unwrap()
});
static COMPACT_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9])(20\d{2})(\d{2})(\d{2})(?:[^0-9]|$)").unwrap());

fn ymd(y: &str, m: i8, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m, d.parse().ok()?).ok()
}

/// A date value from metadata: ISO date or timestamp, or "Feb. 18, 2026".
pub fn parse_date_value(v: &str) -> Option<Date> {
    first_date(v.trim())
}

/// The first valid date written in `s`.
fn first_date(s: &str) -> Option<Date> {
    ANY_DATE.captures_iter(s).find_map(|c| {
        if let Some(y) = c.name("iy") {
            ymd(y.as_str(), c["im"].parse().ok()?, &c["id"])
        } else if let Some(m) = c.name("mm") {
            ymd(&c["my"], month_number(m.as_str())?, &c["md"])
        } else {
            ymd(&c["dy"], month_number(&c["dm"])?, &c["dd"])
        }
    })
}

/// The publication date stated near the top of an article: an ISO date
/// ("date 2026-02-17"), "February 21, 2025", "Feb. 18, 2026", "18 February 2026".
pub fn date_in_text(text: &str) -> Option<Date> {
    // Only the head of the page: dates deeper in are events, not the dateline.
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    first_date(&text[..end])
}

/// A date in a file name: "2026-02-18-geneva.txt" or "20260218_geneva.html".
pub fn date_in_file_name(file: &str) -> Option<Date> {
    let name = file.rsplit('/').next().unwrap_or(file);
    if let Some(c) = ISO_DATE.captures(name) {
        return ymd(&c[1], c[2].parse().ok()?, &c[3]);
    }
    let c = COMPACT_DATE.captures(name)?;
    ymd(&c[1], c[2].parse().ok()?, &c[3])
}

fn title_from_file_name(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let stem = ISO_DATE.replace(stem, "");
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    let mut t = words.join(" ");
    if let Some(f) = t.get(..1) {
        t = f.to_uppercase() + &t[1..];
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(
            date_in_text("by Volodymyr Ivanyshyn February 21, 2025 4:54 AM"),
            Some(d("2025-02-21"))
        );
        assert_eq!(
            date_in_text("Today: Feb 18, 2026\nSearch"),
            Some(d("2026-02-18"))
        );
        assert_eq!(
            date_in_text(" date 2026-02-17 Senior officials"),
            Some(d("2026-02-17"))
        );
        assert_eq!(
            date_in_text("Published Feb. 18, 2026, 5:00 a.m."),
            Some(d("2026-02-18"))
        );
        assert_eq!(
            date_in_text("Posted 18 February 2026"),
            Some(d("2026-02-18"))
        );
        assert_eq!(date_in_text("on Feb. 17 he said"), None);
        assert_eq!(date_in_text("Mayor 12, 2020"), None);
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_file_name("a/2026-02-18-geneva.txt"),
            Some(d("2026-02-18"))
        );
        assert_eq!(
            date_in_file_name("20250221_kyiv.html"),
            Some(d("2025-02-21"))
        );
        assert_eq!(date_in_file_name("article-17.txt"), None);
    }

    #[test]
    fn boilerplate_drops_lines_and_stops() {
        let rules = Boilerplate::default_rules();
        let text = "Skip to content\nTitle of the story here\nA real paragraph. It said things.\n* indicates required\nRelated headline here\nA teaser that is cut off…\nSecond paragraph.\nNews Feed\nAfter the end.\n";
        let paras: Vec<&str> = rules
            .paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            paras,
            vec![
                "Title of the story here",
                "A real paragraph. It said things.",
                "Second paragraph."
            ]
        );
    }

    #[test]
    fn html_extraction_keeps_article_paragraphs() {
        let html = r#"<html><head><title>T</title>
<meta property="article:published_time" content="2026-02-18T10:00:00Z">
<meta property="og:site_name" content="Example News"></head>
<body><nav><p>Home</p></nav><article><h1>Talks end</h1><p>“We will not give up,” he said.</p>
<figure><figcaption>A photo</figcaption></figure><p>Second   paragraph.</p></article>
<footer><p>Copyright</p></footer><script>var x = 1;</script></body></html>"#;
        let (text, meta) = extract_html(html);
        assert_eq!(
            text,
            "Talks end\n\n“We will not give up,” he said.\n\nSecond paragraph.\n\n"
        );
        assert_eq!(meta.published, "2026-02-18T10:00:00Z");
        assert_eq!(meta.outlet, "Example News");
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Feb."), Some(2));
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Mayor"), None);
    }
}
