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
    #[serde(default)]
    cut_tail: Vec<String>,
}

/// Compiled boilerplate rules (cheap to clone: the patterns are shared).
#[derive(Clone)]
pub struct Boilerplate {
    /// All rules in one set, so each line is matched once: `stop` rules
    /// first, then `drop`, then `drop_with_heading`.
    all: RegexSet,
    n_stop: usize,
    n_drop: usize,
    /// `cut_tail` rules as one pattern: where a paragraph's tail is a
    /// teaser ("… for cash. Read more: Zelenskyy to hold talks …").
    cut_tail: Option<regex::Regex>,
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
    /// The embedded rules, compiled once per process (a set of some sixty
    /// Unicode patterns: compiling it costs more than reading a small
    /// article, and a run asks for it more than once).
    pub fn default_rules() -> Boilerplate {
        static DEFAULT: LazyLock<Boilerplate> = LazyLock::new(|| {
            Boilerplate::from_tomls(&[DEFAULT_BOILERPLATE])
                .expect("embedded boilerplate rules are valid")
        });
        DEFAULT.clone()
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
            all.cut_tail.extend(f.cut_tail);
        }
        // `\b` is an ASCII word boundary here: Unicode word boundaries would
        // force the slowest regex engine on every line of every article.
        let fix = |r: &String| r.replace(r"\b", r"(?-u:\b)");
        // Compiling costs more than reading an article: the rules are
        // compiled one by one only when the set fails, to name the bad rule.
        let bad_rule = || -> anyhow::Error {
            for (list, what) in [
                (&all.stop, "stop"),
                (&all.drop, "drop"),
                (&all.drop_with_heading, "drop_with_heading"),
                (&all.cut_tail, "cut_tail"),
            ] {
                for r in list {
                    if let Err(e) = regex::Regex::new(&fix(r)) {
                        return anyhow::anyhow!("boilerplate rule {r:?} in `{what}`: {e}");
                    }
                }
            }
            anyhow::anyhow!("boilerplate rules: together they are too large to compile")
        };
        let patterns: Vec<String> = all
            .stop
            .iter()
            .chain(&all.drop)
            .chain(&all.drop_with_heading)
            .map(fix)
            .collect();
        let cut_tail = (!all.cut_tail.is_empty())
            .then(|| {
                let alternatives: Vec<String> = all
                    .cut_tail
                    .iter()
                    .map(|r| format!("(?:{})", fix(r)))
                    .collect();
                regex::Regex::new(&alternatives.join("|"))
            })
            .transpose()
            .map_err(|_| bad_rule())?;
        Ok(Boilerplate {
            all: RegexSet::new(&patterns).map_err(|_| bad_rule())?,
            n_stop: all.stop.len(),
            n_drop: all.drop.len(),
            cut_tail,
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

    /// The article's paragraphs: every non-empty line of `text` except
    /// boilerplate; a line that goes on from the line right before it (no
    /// final punctuation there, a lowercase letter here: "… Trump" /
    /// "said that …", text wrapped by hand) continues that paragraph.
    pub fn paragraphs(&self, text: &str) -> Vec<Range<usize>> {
        let mut kept: Vec<Range<usize>> = Vec::new();
        let mut offset = 0;
        // The kept paragraph that ended on the line just before this one.
        let mut open: Option<usize> = None;
        for raw in text.split_inclusive('\n') {
            let start = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            let continues = open.take();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(k) = continues
                && trimmed.starts_with(char::is_lowercase)
                && kept.len() == k + 1
                && !text[kept[k].clone()]
                    .ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']', '…'])
            {
                kept[k].end = start + lead + trimmed.len();
                open = Some(k);
                continue;
            }
            let mut range = start + lead..start + lead + trimmed.len();
            // A teaser at the end of a paragraph is cut off; the paragraph
            // before it stays.
            if let Some(m) = self.cut_tail.as_ref().and_then(|r| r.find(trimmed)) {
                let kept_len = trimmed[..m.start()].trim_end().len();
                if kept_len == 0 {
                    continue;
                }
                range.end = range.start + kept_len;
            }
            let trimmed = &text[range.clone()];
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
            open = Some(kept.len() - 1);
        }
        kept
    }
}

/// A page repeats its headline in share boxes and related-story lists,
/// often with the site's name after a bar or a dash ("Thailand snubs …
/// | News by Thaiger"): a later paragraph that is the first one again,
/// alone or with such a short tail, is page furniture, not article text.
fn drop_repeated_headline(text: &str, paragraphs: &mut Vec<Range<usize>>) {
    let Some(first) = paragraphs.first().cloned() else {
        return;
    };
    let head = text[first].trim();
    if !is_heading(head) || head.split_whitespace().count() < 3 {
        return;
    }
    let repeats = |line: &str| {
        let Some(rest) = line.trim().strip_prefix(head) else {
            return false;
        };
        let rest = rest.trim_start();
        rest.is_empty()
            || ["|", "-", "–", "—"].iter().any(|sep| {
                rest.strip_prefix(sep)
                    .is_some_and(|tail| (1..=6).contains(&tail.split_whitespace().count()))
            })
    };
    let mut i = 0;
    paragraphs.retain(|r| {
        i += 1;
        i == 1 || !repeats(&text[r.clone()])
    });
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
            let (t, m, capped) = extract_html_capped(&text);
            if let Some(w) = capped {
                warnings.push(w);
            }
            (t, m)
        }
        _ => (text, Meta::default()),
    };
    let mut paragraphs = rules.paragraphs(&text);
    drop_repeated_headline(&text, &mut paragraphs);
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
    // A dateline near the top outranks the file name; a date only found in
    // the body of the head (an event, a name such as "the March 23, 2009
    // accord") comes last and is a warning.
    // Only read when no metadata dated the article (neither is used then).
    let (from_text, from_name) = if published.is_none() {
        (text_dates(&text), date_in_file_name(&file))
    } else {
        (TextDates::default(), None)
    };
    if published.is_none()
        && let Some(d) = from_text.dateline
    {
        published = Some(d);
        date_source = "text";
        if let Some(n) = from_name
            && (n - d).get_days().abs() > 3
        {
            warnings.push(format!(
                "doubtful date: the dateline says {d}, the file name {n} (put the right one in manifest.csv)"
            ));
        }
    }
    if published.is_none()
        && let Some(d) = from_name
    {
        published = Some(d);
        date_source = "file_name";
    }
    if published.is_none()
        && let Some(d) = from_text.body
    {
        published = Some(d);
        date_source = "text_body";
        warnings.push(format!(
            "doubtful date: {d} is a date in the article's text, not a dateline (put the publication date in manifest.csv)"
        ));
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

/// Elements nested deeper than this are flattened before parsing: the HTML
/// parser's scope checks walk the stack of open elements, so deep nesting
/// costs time quadratic in the page (a 3.3 MB page of nested `<div>`s took
/// 98 s). Real article pages nest a few dozen deep.
pub const MAX_HTML_DEPTH: usize = 256;

/// Extract the article text and metadata from an HTML page with a real parser.
pub fn extract_html(html: &str) -> (String, Meta) {
    let (t, m, _) = extract_html_capped(html);
    (t, m)
}

/// [`extract_html`], with a warning when the page nested elements deeper
/// than [`MAX_HTML_DEPTH`] (the deeper tags are ignored; their text is kept).
pub fn extract_html_capped(html: &str) -> (String, Meta, Option<String>) {
    match cap_html_depth(html, MAX_HTML_DEPTH) {
        Some((flat, dropped)) => {
            let (t, m) = parse_html(&flat);
            let w = format!(
                "HTML nested deeper than {MAX_HTML_DEPTH} elements: {dropped} deeper tags ignored (their text is kept)"
            );
            (t, m, Some(w))
        }
        None => {
            let (t, m) = parse_html(html);
            (t, m, None)
        }
    }
}

/// Elements that close themselves or are closed by their next sibling: they
/// do not deepen the parser's stack, so they are not counted.
fn flat_element(name: &[u8]) -> bool {
    const FLAT: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"option",
        b"optgroup",
        b"tr",
        b"td",
        b"th",
        b"thead",
        b"tbody",
        b"tfoot",
        b"rb",
        b"rt",
        b"rp",
        b"colgroup",
        b"caption",
        b"html",
        b"head",
        b"body",
    ];
    FLAT.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// Elements whose content is raw text: a `<div>` inside a script is no tag.
fn raw_text_element(name: &[u8]) -> bool {
    const RAW: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"plaintext",
    ];
    RAW.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// The page with every start and end tag deeper than `max` nested elements
/// removed (text kept), and how many tags were removed; `None` when the page
/// is within the cap. One pass, linear in the page.
pub fn cap_html_depth(html: &str, max: usize) -> Option<(String, usize)> {
    let b = html.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut dropped = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let s = i + off;
        let rest = &b[s..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&b[s + 4..], b"-->").map_or(b.len(), |e| s + 4 + e + 3);
            continue;
        }
        if matches!(rest.get(1), Some(b'!' | b'?')) {
            i = memchr::memchr(b'>', &b[s..]).map_or(b.len(), |e| s + e + 1);
            continue;
        }
        let close = rest.get(1) == Some(&b'/');
        let ns = s + 1 + usize::from(close);
        let mut ne = ns;
        while ne < b.len() && (b[ne].is_ascii_alphanumeric() || b[ne] == b'-') {
            ne += 1;
        }
        if ne == ns || !b[ns].is_ascii_alphabetic() {
            i = s + 1;
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &b[ne..]).map(|e| ne + e) else {
            break;
        };
        let name = &b[ns..ne];
        let end = gt + 1;
        if !close && raw_text_element(name) {
            // Skip to the matching end tag.
            let mut j = end;
            i = b.len();
            while let Some(o) = memchr::memmem::find(&b[j..], b"</") {
                let t = j + o + 2;
                if b.len() >= t + name.len() && b[t..t + name.len()].eq_ignore_ascii_case(name) {
                    i = t;
                    break;
                }
                j = t;
            }
            continue;
        }
        i = end;
        if flat_element(name) || (!close && b[gt - 1] == b'/') {
            continue;
        }
        let deep = if close {
            let d = depth > max;
            depth = depth.saturating_sub(1);
            d
        } else {
            depth += 1;
            depth > max
        };
        if deep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..s]);
            copied = end;
            dropped += 1;
        }
    }
    let mut o = out?;
    o.push_str(&html[copied..]);
    Some((o, dropped))
}

fn parse_html(html: &str) -> (String, Meta) {
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
    // "Marc", "Augus" are no months: the full name, three letters or "sept".
    if n.len() > 3 && !(full[idx] == n || n == "sept") {
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
    ANY_DATE.captures_iter(s).find_map(|c| captured_date(&c))
}

/// The publication date stated near the top of an article: an ISO date
/// ("date 2026-02-17"), "February 21, 2025", "Feb. 18, 2026", "18 February 2026".
/// A dateline if there is one, else a date in the head of the body.
pub fn date_in_text(text: &str) -> Option<Date> {
    let d = text_dates(text);
    d.dateline.or(d.body)
}

/// Dates in the head of an article's text.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextDates {
    /// A date on a line of its own or opening a short line, or after
    /// "Published", "Updated", "Posted": the article's dateline.
    pub dateline: Option<Date>,
    /// The first other date in the head: an event, weakly the publication.
    pub body: Option<Date>,
}

/// Words after a date that make it part of a name or an event ("the March
/// 23 Movement", "the 6 October Bridge", "the March 23, 2009 agreement").
const NAME_AFTER_DATE: &[&str] = &[
    "movement",
    "agreement",
    "agreements",
    "accord",
    "accords",
    "bridge",
    "declaration",
    "revolution",
    "uprising",
    "protocol",
    "memorandum",
    "group",
    "brigade",
    "front",
    "square",
    "street",
    "avenue",
    "incident",
    "massacre",
    "attack",
    "attacks",
    "deal",
    "ceasefire",
    "truce",
    "plan",
    "law",
    "treaty",
    "summit",
    "memorial",
    "party",
    "coalition",
    "alliance",
    "resolution",
    "offensive",
    "election",
    "elections",
    "peace",
    "war",
    "talks",
    "meeting",
    "deadline",
    "referendum",
    "coup",
    "agreed",
    "pact",
    "framework",
    "communique",
    "statement",
];

/// Words before a date that make it an event, not the dateline.
const EVENT_BEFORE_DATE: &[&str] = &[
    "the", "a", "an", "its", "their", "since", "until", "till", "before", "after", "by", "of",
    "from", "named", "signed", "on", "in", "during", "between", "and", "to",
];

/// Words before a date that mark a dateline.
const DATELINE_BEFORE: &[&str] = &["published", "updated", "posted", "date", "dated", "last"];

/// The head of the text (first 1,500 bytes): dates deeper in are events.
pub fn text_dates(text: &str) -> TextDates {
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut out = TextDates::default();
    for c in ANY_DATE.captures_iter(head) {
        let Some(d) = captured_date(&c) else { continue };
        let m = c.get(0).unwrap();
        let line_start = head[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = head[m.end()..]
            .find('\n')
            .map_or(head.len(), |i| m.end() + i);
        let before = &head[line_start..m.start()];
        let after = &head[m.end()..line_end];
        let prev_word = before
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        let next_word = after
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        // "the March 23 Movement": a date inside a name is no date at all.
        if NAME_AFTER_DATE.contains(&next_word.as_str()) {
            continue;
        }
        let line_len = line_end - line_start;
        let opens_line = before.trim().is_empty()
            || before
                .trim()
                .chars()
                .all(|c| !c.is_alphanumeric() || c.is_uppercase() || c.is_whitespace());
        let dateline = DATELINE_BEFORE.contains(&prev_word.as_str())
            || (line_len <= 160 && !EVENT_BEFORE_DATE.contains(&prev_word.as_str()))
            || (opens_line && !EVENT_BEFORE_DATE.contains(&prev_word.as_str()));
        if dateline {
            out.dateline = Some(d);
            break;
        }
        if out.body.is_none() {
            out.body = Some(d);
        }
    }
    out
}

fn captured_date(c: &regex::Captures) -> Option<Date> {
    if let Some(y) = c.name("iy") {
        ymd(y.as_str(), c["im"].parse().ok()?, &c["id"])
    } else if let Some(m) = c.name("mm") {
        ymd(&c["my"], month_number(m.as_str())?, &c["md"])
    } else {
        ymd(&c["dy"], month_number(&c["dm"])?, &c["dd"])
    }
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

    /// The paragraphs the default rules keep of `text`.
    fn kept(text: &str) -> Vec<&str> {
        Boilerplate::default_rules()
            .paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_repeated_headline_is_page_furniture() {
        let text = "Thailand snubs Hun Manet's plea to release troops\n\nThe army said the soldiers would face trial.\n\nThailand snubs Hun Manet's plea to release troops | News by Thaiger\n\nThailand snubs Hun Manet's plea to release troops\n\nThailand snubs Hun Manet's plea to release troops, the army said on Thursday after a long meeting with officials.\n";
        let doc = from_text("t.txt", text, "2025-07-31", &Boilerplate::default_rules());
        let paras: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|r| &doc.text[r.clone()])
            .collect();
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[2].ends_with("officials."), "{paras:?}");
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

    /// A date inside a name is no date; a date in the body of the head is
    /// only a fallback, after the file name, and a warning.
    #[test]
    fn names_and_body_dates_do_not_lie() {
        let long = "x ".repeat(100);
        let t =
            format!("Rebels of the March 23, 2012 Movement said on Friday they would talk. {long}");
        assert_eq!(text_dates(&t), TextDates::default());
        let t = "Traffic on the 6 October 2024 Bridge was stopped.";
        assert_eq!(date_in_text(t), None);
        let t =
            format!("The rebels, who signed the deal on March 23, 2009, said on Friday {long}.");
        let got = text_dates(&t);
        assert_eq!(got.dateline, None);
        assert_eq!(got.body, Some(d("2009-03-23")));
        let rules = Boilerplate::default_rules();
        let raw = RawArticle {
            file: "2026-02-18-talks.txt".into(),
            record: 0,
            format: Format::Text,
            text: t.clone(),
            meta: Meta::default(),
            warnings: vec![],
            bytes: t.len(),
        };
        let doc = build(raw, None, &rules);
        assert_eq!(doc.published, Some(d("2026-02-18")), "the file name wins");
        assert_eq!(doc.date_source, "file_name");
        let raw = RawArticle {
            file: "talks.txt".into(),
            record: 0,
            format: Format::Text,
            text: t.clone(),
            meta: Meta::default(),
            warnings: vec![],
            bytes: t.len(),
        };
        let doc = build(raw, None, &rules);
        assert_eq!(doc.date_source, "text_body");
        assert!(
            doc.warnings.iter().any(|w| w.starts_with("doubtful date")),
            "{:?}",
            doc.warnings
        );
        let t = "Feb. 18, 2026\nThe talks began.";
        let raw = RawArticle {
            file: "2026-03-01-talks.txt".into(),
            record: 0,
            format: Format::Text,
            text: t.into(),
            meta: Meta::default(),
            warnings: vec![],
            bytes: t.len(),
        };
        let doc = build(raw, None, &rules);
        assert_eq!(doc.date_source, "text");
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.contains("file name 2026-03-01"))
        );
    }

    #[test]
    fn a_line_wrapped_by_hand_continues_its_paragraph() {
        let text = "In another post on Truth Social, Trump\nsaid that the call went well.\n\
                    Putin Welcomes Plan\nthe Kremlin said on Friday.\n\nA new paragraph\n\nends here.\n";
        let kept = kept(text);
        assert_eq!(
            kept,
            [
                "In another post on Truth Social, Trump\nsaid that the call went well.",
                "Putin Welcomes Plan\nthe Kremlin said on Friday.",
                // A blank line ends a paragraph whatever comes after it.
                "A new paragraph",
                "ends here."
            ]
        );
    }

    #[test]
    fn a_teaser_run_into_a_paragraph_is_cut() {
        let text = "Ukraine would lease land for cash. Read more: Zelenskyy to hold talks with Trump\n\
                    The talks went on. Also read: the plan, which the envoy explained.\n";
        let kept = kept(text);
        assert_eq!(
            kept,
            [
                "Ukraine would lease land for cash.",
                // A full stop after it: article text, not a teaser.
                "The talks went on. Also read: the plan, which the envoy explained."
            ]
        );
    }

    #[test]
    fn deep_html_is_flattened_in_linear_time() {
        let n = 200_000;
        let html = format!(
            "<html><body><article><p>Envoy said peace.</p>{}<p>Novak said the plan is good.</p>{}</article></body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let t = std::time::Instant::now();
        let (text, _, warning) = extract_html_capped(&html);
        assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
        assert!(text.contains("Novak said the plan is good."), "{text}");
        assert!(warning.unwrap().contains("deeper tags ignored"));
        // A normal page is untouched, and a script's "<div>" is no tag.
        let page = "<p>a</p><script>var s = '<div><div>';</script><div><p>b</p></div>";
        assert_eq!(cap_html_depth(page, 1), None);
        let (flat, dropped) = cap_html_depth("<div><div><b>x</b></div></div>", 1).unwrap();
        assert_eq!(flat, "<div>x</div>");
        assert_eq!(dropped, 4);
    }

    /// Page furniture common to news sites, whatever the outlet.
    #[test]
    fn a_bad_boilerplate_rule_is_named() {
        let e = Boilerplate::from_tomls(&[DEFAULT_BOILERPLATE, "cut_tail = [\"(open\"]"])
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("\"(open\" in `cut_tail`"), "{e}");
        let e = Boilerplate::from_tomls(&["drop = [\"ok\", \"[z-a]\"]"])
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("\"[z-a]\" in `drop`"), "{e}");
    }

    #[test]
    fn generic_boilerplate_is_dropped() {
        let text = "The talks began.\nREAD MORE\nRead more: Kyiv weighs the plan\nADVERTISEMENT\nSergei Bobylev/AFP via Getty Images\nMacron welcomes Zelenskiy as he arrives for a summit in Paris, France, September 4, 2025. REUTERS/Sarah Meyssonnier\nSign up for our morning briefing\nFollow us on Telegram\nStory continues below advertisement\nSEE ALSO: Weakened Zelenskyy faces pressure to accept the plan\nALSO READ: Talks on the crisis resume\nThe envoy said more.\n";
        let paras = kept(text);
        assert_eq!(paras, ["The talks began.", "The envoy said more."]);
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
        let text = "Skip to content\nTitle of the story here\nA real paragraph. It said things.\n* indicates required\nRelated headline here\nA teaser that is cut off…\nSecond paragraph.\nNews Feed\nAfter the end.\n";
        let paras = kept(text);
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
