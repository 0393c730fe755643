//! Report: positions, shifts and gaps written as tables, charts and pages.
//!
//! In: positions (and the documents behind them). Out: `positions.csv`,
//! `shifts.csv`, `gaps.csv`, `charts/` (PNG and SVG), a self-contained
//! `report.html` (charts inline as SVG, no external files) and `report.md`.
//! Every number in the pages links to the statements behind it.

use crate::charts::{self, Chart};
use crate::escape::{html as esc, md, safe_url};
use crate::gaps::{self, Gap};
use crate::lexicon::Lexicon;
use crate::output;
use crate::pipeline::{Config, DocumentRow};
use crate::positions::{POSITION_HEADER, Position, StanceRow};
use crate::shifts::{self, SHIFT_HEADER, Shift};
use anyhow::Result;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// What the comparison wrote.
pub struct Comparison {
    pub shifts: usize,
    pub gaps: usize,
    /// The files written, relative to the output folder (for the completion marker).
    pub files: Vec<String>,
}

/// Write the comparison tables, and the charts and report when asked.
pub fn write_comparison(
    out: &Path,
    positions: &[Position],
    docs: &[DocumentRow],
    cfg: &Config,
) -> Result<Comparison> {
    let rows: Vec<_> = positions.iter().map(|p| p.row()).collect();
    output::write_csv(&out.join("positions.csv"), POSITION_HEADER, &rows)?;
    let shift_list = shifts::find(positions, cfg.shift_threshold);
    let rows: Vec<_> = shift_list.iter().map(|s| s.row()).collect();
    output::write_csv(&out.join("shifts.csv"), SHIFT_HEADER, &rows)?;
    let order: Vec<String> = cfg.lexicon.parties.iter().map(|p| p.id.clone()).collect();
    let gap_list = gaps::find(positions, &order);
    output::write_csv(&out.join("gaps.csv"), gaps::GAP_HEADER, &gap_list)?;
    let mut files: Vec<String> = ["positions.csv", "shifts.csv", "gaps.csv"]
        .map(String::from)
        .to_vec();
    if cfg.report {
        let mut issue_charts = charts::issue_charts(positions, &cfg.lexicon)?;
        let overview = charts::overview_chart(positions, &cfg.lexicon)?;
        issue_charts.push(overview);
        let dir = out.join("charts");
        for c in &issue_charts {
            // A chart's name comes from an issue id: never a path (ids are
            // checked where they are read; this is the last line of defence).
            if !crate::ids::is_valid(&c.name) {
                anyhow::bail!(
                    "refusing to write a chart named {:?}: not a valid id",
                    c.name
                );
            }
            for (ext, bytes) in [("svg", c.svg.as_bytes()), ("png", &c.png[..])] {
                let name = format!("{}.{ext}", c.name);
                output::write_atomic(&dir.join(&name), bytes)?;
                files.push(format!("charts/{name}"));
            }
        }
        let mut docs = docs.to_vec();
        docs.sort_by(|a, b| {
            (a.published.as_str(), a.file.as_str()).cmp(&(b.published.as_str(), b.file.as_str()))
        });
        let data = ReportData {
            lex: &cfg.lexicon,
            positions,
            shifts: &shift_list,
            gaps: &gap_list,
            docs: &docs,
            charts: &issue_charts,
            threshold: cfg.shift_threshold,
        };
        output::write_atomic(&out.join("report.html"), html(&data).as_bytes())?;
        output::write_atomic(&out.join("report.md"), markdown(&data).as_bytes())?;
        files.push("report.html".into());
        files.push("report.md".into());
    }
    Ok(Comparison {
        shifts: shift_list.len(),
        gaps: gap_list.len(),
        files,
    })
}

/// Everything a report shows.
pub struct ReportData<'a> {
    pub lex: &'a Lexicon,
    pub positions: &'a [Position],
    pub shifts: &'a [Shift<'a>],
    pub gaps: &'a [Gap],
    pub docs: &'a [DocumentRow],
    pub charts: &'a [Chart],
    pub threshold: f64,
}

impl ReportData<'_> {
    fn party_label(&self, id: &str) -> String {
        self.lex
            .parties
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_string(), |p| p.label.clone())
    }

    fn issue_label(&self, id: &str) -> String {
        self.lex
            .issues
            .iter()
            .find(|i| i.id == id)
            .map_or(id.to_string(), |i| i.label.clone())
    }

    /// Issues with positions, in lexicon order.
    fn issues(&self) -> Vec<(&str, &str, &str)> {
        self.lex
            .issues
            .iter()
            .filter(|i| self.positions.iter().any(|p| p.issue == i.id))
            .map(|i| (i.id.as_str(), i.label.as_str(), i.proposition.as_str()))
            .collect()
    }

    fn party_rank(&self, id: &str) -> usize {
        self.lex
            .parties
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX)
    }

    /// Every statement the report cites, by id, in id order.
    fn cited(&self) -> BTreeMap<&str, &StanceRow> {
        let mut m = BTreeMap::new();
        for p in self.positions {
            for s in [&p.evidence, &p.lowest, &p.highest]
                .into_iter()
                .chain(&p.sample)
            {
                m.insert(s.statement_id.as_str(), s);
            }
        }
        m
    }

    /// Gaps grouped by issue in lexicon order, then by date.
    fn gaps_in_order(&self) -> Vec<&Gap> {
        let mut v: Vec<&Gap> = self.gaps.iter().collect();
        v.sort_by_key(|g| {
            (
                self.issue_rank(&g.issue),
                g.date.clone(),
                self.party_rank(&g.party_a),
                self.party_rank(&g.party_b),
            )
        });
        v
    }

    /// The latest position of each party on each issue.
    fn latest(&self) -> Vec<&Position> {
        let mut m: BTreeMap<(&str, &str), &Position> = BTreeMap::new();
        for p in self.positions {
            m.insert((&p.issue, &p.party), p); // sorted by date: the last one wins
        }
        let mut v: Vec<&Position> = m.into_values().collect();
        v.sort_by_key(|p| (self.issue_rank(&p.issue), self.party_rank(&p.party)));
        v
    }

    fn issue_rank(&self, id: &str) -> usize {
        self.lex
            .issues
            .iter()
            .position(|i| i.id == id)
            .unwrap_or(usize::MAX)
    }

    fn date_range(&self) -> (String, String) {
        let dates: Vec<String> = self
            .docs
            .iter()
            .map(|d| d.published.clone())
            .filter(|d| !d.is_empty())
            .collect();
        (
            dates.iter().min().cloned().unwrap_or_default(),
            dates.iter().max().cloned().unwrap_or_default(),
        )
    }
}

/// One line of the summary: a party's stand on an issue, in words.
pub struct Finding {
    pub issue: String,
    pub text: String,
    /// Statements behind it, for links.
    pub statements: Vec<String>,
}

/// Where each party stands on each issue and how that moved, in sentences:
/// holding firm or moving (and which way), on what condition, with what figures.
pub fn findings(d: &ReportData) -> Vec<Finding> {
    let mut out = Vec::new();
    for (issue, label, _) in d.issues() {
        for party in &d.lex.parties {
            let ps: Vec<&Position> = d
                .positions
                .iter()
                .filter(|p| p.issue == issue && p.party == party.id)
                .collect();
            let (Some(first), Some(last)) = (ps.first(), ps.last()) else {
                continue;
            };
            let min = ps.iter().map(|p| p.stance).fold(f64::MAX, f64::min);
            let max = ps.iter().map(|p| p.stance).fold(f64::MIN, f64::max);
            let mut text = if ps.len() == 1 {
                format!(
                    "{}: {} ({}) on {}.",
                    party.label,
                    stance_words(first.stance),
                    fmt_stance(first.stance),
                    first.date
                )
            } else if max - min < d.threshold {
                format!(
                    "{} holds firm: {} ({} to {}) on {} dates from {} to {}.",
                    party.label,
                    stance_words(last.stance),
                    fmt_stance(min),
                    fmt_stance(max),
                    ps.len(),
                    first.date,
                    last.date
                )
            } else {
                let way = if last.stance > first.stance {
                    "up (toward +2)"
                } else if last.stance < first.stance {
                    "down (toward -2)"
                } else {
                    "back and forth"
                };
                format!(
                    "{} moved {way}: {} ({}) on {}, {} ({}) on {}, across {} dates.",
                    party.label,
                    stance_words(first.stance),
                    fmt_stance(first.stance),
                    first.date,
                    stance_words(last.stance),
                    fmt_stance(last.stance),
                    last.date,
                    ps.len()
                )
            };
            let rows: Vec<&StanceRow> = ps
                .iter()
                .flat_map(|p| [&p.lowest, &p.highest].into_iter().chain(&p.sample))
                .collect();
            if let Some(c) = rows
                .iter()
                .find(|r| r.cues.contains("(cap 1)") || r.cues.contains("(conditional)"))
            {
                text.push_str(&format!(" Conditional: “{}”", c.text));
                if !text.ends_with('.') {
                    text.push('.');
                }
            }
            let mut figures: Vec<&str> = rows
                .iter()
                .flat_map(|r| r.numbers.split("; "))
                .filter(|n| !n.is_empty())
                .collect();
            figures.sort_unstable();
            figures.dedup();
            if !figures.is_empty() {
                text.push_str(&format!(" Figures stated: {}.", figures.join(", ")));
            }
            let mut statements: Vec<String> =
                ps.iter().map(|p| p.evidence.statement_id.clone()).collect();
            statements.dedup();
            out.push(Finding {
                issue: label.to_string(),
                text,
                statements,
            });
        }
    }
    out
}

/// A stance as words: "+2 support/demand".
pub fn stance_words(v: f64) -> &'static str {
    let r = v.round() as i64;
    match r {
        i64::MIN..=-2 => "reject",
        -1 => "oppose",
        0 => "neutral or mixed",
        1 => "open or conditional",
        _ => "support or demand",
    }
}

fn fmt_stance(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else {
        format!("{v:+.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

fn anchor(id: &str) -> String {
    format!(
        "s-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
    )
}

fn link(id: &str) -> String {
    format!("<a class=\"sid\" href=\"#{}\">{}</a>", anchor(id), esc(id))
}

const STYLE: &str = "
body{font-family:-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;max-width:1080px;margin:2em auto;padding:0 1em;color:#1d1d1f;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #ddd;padding-bottom:.2em}h3{margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:.92em}th,td{border-bottom:1px solid #e3e3e3;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f5f5f7}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.lede{color:#555}.shift{border-left:4px solid #999;padding:.4em 1em;margin:1em 0;background:#fafafa}
.shift.up{border-color:#1a7f37}.shift.down{border-color:#c62828}
blockquote{margin:.4em 0 .4em 0;padding:.2em .8em;border-left:3px solid #ccc;color:#333}
.meta{color:#666;font-size:.88em}.sid{font-family:monospace;font-size:.85em}
.chart svg{max-width:100%;height:auto}.pos{color:#1a7f37}.neg{color:#c62828}
nav ul{columns:2}dt{font-weight:bold}dd{margin:0 0 .5em 1em}
";

fn stance_class(v: f64) -> &'static str {
    if v > 0.0 {
        "pos"
    } else if v < 0.0 {
        "neg"
    } else {
        ""
    }
}

/// The self-contained HTML report.
pub fn html(d: &ReportData) -> String {
    let mut h = String::new();
    let title = if d.lex.name.is_empty() {
        "Negotiation".to_string()
    } else {
        d.lex.name.clone()
    };
    let (from, to) = d.date_range();
    let cited = d.cited();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Position changes: {}</title>\n<style>{}</style>\n</head>\n<body>",
        esc(&title),
        STYLE
    );
    let _ = writeln!(
        h,
        "<header id=\"top\"><h1>Position changes: {}</h1>\n<p class=\"lede\">{} documents published {} to {}; {} dated positions of {} parties on {} issues; {} shifts of at least {} on the -2 (reject) to +2 (support/demand) scale. Every number links to the statements behind it.</p></header>",
        esc(&title),
        d.docs.len(),
        esc(&from),
        esc(&to),
        d.positions.len(),
        d.positions
            .iter()
            .map(|p| p.party.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        d.issues().len(),
        d.shifts.len(),
        d.threshold
    );
    h.push_str("<nav><h2>Contents</h2><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#moved\">What moved</a></li><li><a href=\"#now\">Where the sides stand</a></li><li><a href=\"#issues\">Positions by issue</a></li><li><a href=\"#gaps\">Gaps between the parties</a></li><li><a href=\"#statements\">Statements cited</a></li><li><a href=\"#documents\">Documents analysed</a></li><li><a href=\"#method\">How to read this report</a></li></ul></nav>\n");

    // Summary
    h.push_str("<section id=\"summary\"><h2>Summary</h2>\n<p>Each party's stand on each issue, from its dated positions.</p>\n");
    let mut last_issue = String::new();
    for f in findings(d) {
        if f.issue != last_issue {
            if !last_issue.is_empty() {
                h.push_str("</ul>\n");
            }
            let _ = writeln!(h, "<h3>{}</h3><ul>", esc(&f.issue));
            last_issue = f.issue.clone();
        }
        let _ = writeln!(
            h,
            "<li>{} <span class=\"meta\">{}</span></li>",
            esc(&f.text),
            f.statements
                .iter()
                .map(|s| link(s))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    if !last_issue.is_empty() {
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    // What moved
    h.push_str("<section id=\"moved\"><h2>What moved</h2>\n");
    if d.shifts.is_empty() {
        h.push_str(
            "<p>No party's position on any issue changed by the threshold between two dates.</p>\n",
        );
    }
    for s in shifts::by_size(d.shifts) {
        let dir = if s.delta > 0.0 { "up" } else { "down" };
        let _ = writeln!(
            h,
            "<div class=\"shift {dir}\"><h3>{} on {}: {} → {} ({})</h3>\n<p class=\"meta\">{} to {}; positions from {} and {} statement(s)</p>",
            esc(&d.party_label(&s.from.party)),
            esc(&d.issue_label(&s.from.issue)),
            fmt_stance(s.from.stance),
            fmt_stance(s.to.stance),
            if s.delta > 0.0 {
                format!("moved {:+.2} toward support", s.delta)
            } else {
                format!("moved {:+.2} toward rejection", s.delta)
            },
            s.from.date,
            s.to.date,
            s.from.statements,
            s.to.statements
        );
        let (before, after) = s.evidence();
        for (label, p, e) in [("Before", s.from, before), ("After", s.to, after)] {
            let _ = writeln!(
                h,
                "<p><strong>{label}, {}:</strong> {} ({}), {}{}</p><blockquote>{}</blockquote>",
                p.date,
                esc(if e.speaker.is_empty() {
                    "reported position"
                } else {
                    &e.speaker
                }),
                esc(&d.party_label(&e.party)),
                if e.outlet.is_empty() {
                    String::new()
                } else {
                    format!("{}, ", esc(&e.outlet))
                },
                link(&e.statement_id),
                esc(&e.evidence)
            );
        }
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");

    // Where the sides stand now
    h.push_str("<section id=\"now\"><h2>Where the sides stand</h2>\n<p>The latest dated position of each party on each issue.</p>\n");
    if let Some(c) = d.charts.iter().find(|c| c.name == "overview") {
        let _ = writeln!(
            h,
            "<figure class=\"chart\" id=\"chart-overview\">{}<figcaption>{}</figcaption></figure>",
            strip_xml_decl(&c.svg),
            esc(&c.title)
        );
    }
    h.push_str("<table><thead><tr><th>Issue</th><th>Party</th><th>Latest date</th><th>Stance</th><th>Meaning</th><th>Statements</th></tr></thead><tbody>\n");
    for p in d.latest() {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num {}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.issue_label(&p.issue)),
            esc(&d.party_label(&p.party)),
            p.date,
            stance_class(p.stance),
            fmt_stance(p.stance),
            stance_words(p.stance),
            p.sample
                .iter()
                .map(|s| link(&s.statement_id))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    h.push_str("</tbody></table></section>\n");

    // Issues
    h.push_str("<section id=\"issues\"><h2>Positions by issue</h2>\n");
    for (id, label, prop) in d.issues() {
        let _ = writeln!(
            h,
            "<h3 id=\"issue-{}\">{}</h3>\n<p class=\"meta\">+2 means support for: {}</p>",
            esc(id),
            esc(label),
            esc(prop)
        );
        if let Some(c) = d.charts.iter().find(|c| c.name == format!("issue_{id}")) {
            let _ = writeln!(
                h,
                "<figure class=\"chart\" id=\"chart-{}\">{}</figure>",
                esc(id),
                strip_xml_decl(&c.svg)
            );
        }
        h.push_str("<table><thead><tr><th>Date</th><th>Party</th><th>Stance</th><th>Statements</th><th>Documents</th><th>Representative statement</th></tr></thead><tbody>\n");
        let mut ps: Vec<&Position> = d.positions.iter().filter(|p| p.issue == id).collect();
        ps.sort_by_key(|p| (p.date, d.party_rank(&p.party)));
        for p in ps {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"num {}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{} {}: “{}”</td></tr>",
                p.date,
                esc(&d.party_label(&p.party)),
                stance_class(p.stance),
                fmt_stance(p.stance),
                p.statements,
                p.documents,
                link(&p.evidence.statement_id),
                esc(if p.evidence.speaker.is_empty() {
                    "(reported)"
                } else {
                    &p.evidence.speaker
                }),
                esc(&p.evidence.text)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");

    // Gaps
    h.push_str("<section id=\"gaps\"><h2>Gaps between the parties</h2>\n<p>Gap = first party's stance minus the second's, on dates when both have a position; the trend compares with the pair's previous common date.</p>\n");
    if d.gaps.is_empty() {
        h.push_str("<p>No date has positions of two parties on the same issue.</p>\n");
    } else {
        h.push_str("<table><thead><tr><th>Issue</th><th>Date</th><th>Parties</th><th>Stances</th><th>Gap</th><th>Trend</th><th>Statements</th></tr></thead><tbody>\n");
        for g in d.gaps_in_order() {
            let evidence = |party: &str| {
                d.positions
                    .iter()
                    .find(|p| {
                        p.party == party && p.issue == g.issue && p.date.to_string() == g.date
                    })
                    .map_or(String::new(), |p| link(&p.evidence.statement_id))
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{} vs {}</td><td class=\"num\">{} / {}</td><td class=\"num\">{}</td><td>{}</td><td>{} {}</td></tr>",
                esc(&d.issue_label(&g.issue)),
                esc(&g.date),
                esc(&d.party_label(&g.party_a)),
                esc(&d.party_label(&g.party_b)),
                fmt_stance(g.stance_a),
                fmt_stance(g.stance_b),
                fmt_stance(g.gap),
                esc(&if g.trend.is_empty() {
                    "first common date".to_string()
                } else {
                    format!("{} since {}", g.trend, g.previous_date)
                }),
                evidence(&g.party_a),
                evidence(&g.party_b)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");

    // Statements
    let _ = writeln!(
        h,
        "<section id=\"statements\"><h2>Statements cited</h2>\n<p>The statements behind the positions above ({} cited; all statements are in statements.csv and stances.csv).</p>\n<dl>",
        cited.len()
    );
    for (id, s) in &cited {
        let _ = writeln!(
            h,
            "<dt id=\"{}\"><span class=\"sid\">{}</span> {} ({}), {} · {} · {}</dt><dd><blockquote>{}</blockquote><span class=\"meta\">{} = {} · cues: {} · file: {}</span></dd>",
            anchor(id),
            esc(id),
            esc(if s.speaker.is_empty() {
                "reported position"
            } else {
                &s.speaker
            }),
            esc(&d.party_label(&s.party)),
            esc(&s.date),
            esc(&s.kind),
            esc(&s.outlet),
            esc(&s.evidence),
            esc(&d.issue_label(&s.issue)),
            s.stance,
            esc(&s.cues),
            esc(&s.file)
        );
    }
    h.push_str("</dl></section>\n");

    // Documents
    h.push_str("<section id=\"documents\"><h2>Documents analysed</h2>\n<table><thead><tr><th>Published</th><th>Outlet</th><th>Title</th><th>File</th><th>Statements</th></tr></thead><tbody>\n");
    for doc in d.docs {
        // Only http(s) URLs become links; anything else is shown as text.
        let title = match safe_url(&doc.url) {
            Some(u) => format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                esc(&u),
                esc(&doc.title)
            ),
            None if doc.url.is_empty() => esc(&doc.title),
            None => format!(
                "{} <span class=\"meta\">({})</span>",
                esc(&doc.title),
                esc(&doc.url)
            ),
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            esc(&doc.published),
            esc(&doc.outlet),
            title,
            esc(&doc.file),
            doc.statements
        );
    }
    h.push_str("</tbody></table></section>\n");
    let _ = writeln!(
        h,
        "<section id=\"method\"><h2>How to read this report</h2>\n{}</section>",
        METHOD_HTML
    );
    h.push_str("</body>\n</html>\n");
    h
}

const METHOD_HTML: &str = "<ul>
<li><strong>Scale.</strong> Each issue has a proposition (shown under its heading). A stance is a party's attitude to it: -2 reject, -1 oppose, 0 neutral or mixed, +1 open or conditional, +2 support or demand.</li>
<li><strong>Stances</strong> come from lexicon cues in each statement: an attitude word (insist, ready to, reject) times the direction of the issue phrase it governs, flipped by negation and capped at +1 before a condition. The cues of every stance are listed with it.</li>
<li><strong>Positions</strong> are per party, issue and date (the date the statement was made): the stances of one document are averaged first, so each document counts once; the position is the mean over documents. Speakers of no side (analysts, media, unnamed sources of no side) are not a party and get no position.</li>
<li><strong>Shifts</strong> compare consecutive dated positions of a party on an issue; <strong>gaps</strong> compare two parties on the same date.</li>
</ul>\n";

fn strip_xml_decl(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// The same content as Markdown, for pasting into documents.
pub fn markdown(d: &ReportData) -> String {
    let mut m = String::new();
    let title = if d.lex.name.is_empty() {
        "Negotiation".to_string()
    } else {
        d.lex.name.clone()
    };
    let (from, to) = d.date_range();
    let _ = writeln!(m, "# Position changes: {}\n", md(&title));
    let _ = writeln!(
        m,
        "{} documents published {} to {}; {} dated positions; {} shifts of at least {} on the -2 (reject) to +2 (support/demand) scale. Statement ids (e.g. `{}`) point to rows of statements.csv and stances.csv.\n",
        d.docs.len(),
        md(&from),
        md(&to),
        d.positions.len(),
        d.shifts.len(),
        d.threshold,
        md(d.positions
            .first()
            .map_or("d…-001", |p| p.evidence.statement_id.as_str()))
    );
    let _ = writeln!(m, "## Summary\n");
    let mut last_issue = String::new();
    for f in findings(d) {
        if f.issue != last_issue {
            let _ = writeln!(m, "\n**{}**\n", md(&f.issue));
            last_issue = f.issue.clone();
        }
        let _ = writeln!(
            m,
            "- {} ({})",
            md(&f.text),
            f.statements
                .iter()
                .map(|s| format!("`{}`", md(s)))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    m.push('\n');
    let _ = writeln!(m, "## What moved\n");
    if d.shifts.is_empty() {
        let _ = writeln!(
            m,
            "No position changed by the threshold between two dates.\n"
        );
    }
    for s in shifts::by_size(d.shifts) {
        let _ = writeln!(
            m,
            "### {} on {}: {} → {} ({:+.2}), {} to {}\n",
            md(&d.party_label(&s.from.party)),
            md(&d.issue_label(&s.from.issue)),
            fmt_stance(s.from.stance),
            fmt_stance(s.to.stance),
            s.delta,
            s.from.date,
            s.to.date
        );
        let (before, after) = s.evidence();
        for (label, p, e) in [("Before", s.from, before), ("After", s.to, after)] {
            let _ = writeln!(
                m,
                "- **{label}, {}** — {} ({}){} `{}`:\n  > {}\n",
                p.date,
                md(if e.speaker.is_empty() {
                    "reported position"
                } else {
                    &e.speaker
                }),
                md(&d.party_label(&e.party)),
                if e.outlet.is_empty() {
                    String::new()
                } else {
                    format!(", {}", md(&e.outlet))
                },
                md(&e.statement_id),
                md(&e.evidence)
            );
        }
    }
    let _ = writeln!(
        m,
        "## Where the sides stand\n\n![Latest positions](charts/overview.png)\n"
    );
    let _ = writeln!(
        m,
        "| Issue | Party | Latest date | Stance | Meaning | Statements |\n|---|---|---|---:|---|---|"
    );
    for p in d.latest() {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} | {} |",
            md(&d.issue_label(&p.issue)),
            md(&d.party_label(&p.party)),
            p.date,
            fmt_stance(p.stance),
            stance_words(p.stance),
            p.sample
                .iter()
                .map(|s| format!("`{}`", md(&s.statement_id)))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    let _ = writeln!(m, "\n## Positions by issue\n");
    for (id, label, prop) in d.issues() {
        let _ = writeln!(
            m,
            "### {}\n\n+2 means support for: {}\n\n![{}](charts/issue_{}.png)\n",
            md(label),
            md(prop),
            md(label),
            md(id)
        );
        let _ = writeln!(
            m,
            "| Date | Party | Stance | Statements | Documents | Representative statement |\n|---|---|---:|---:|---:|---|"
        );
        let mut ps: Vec<&Position> = d.positions.iter().filter(|p| p.issue == id).collect();
        ps.sort_by_key(|p| (p.date, d.party_rank(&p.party)));
        for p in ps {
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} | {} | `{}` {}: “{}” |",
                p.date,
                md(&d.party_label(&p.party)),
                fmt_stance(p.stance),
                p.statements,
                p.documents,
                md(&p.evidence.statement_id),
                md(if p.evidence.speaker.is_empty() {
                    "(reported)"
                } else {
                    &p.evidence.speaker
                }),
                md(&p.evidence.text)
            );
        }
        m.push('\n');
    }
    let _ = writeln!(m, "## Gaps between the parties\n");
    if d.gaps.is_empty() {
        let _ = writeln!(
            m,
            "No date has positions of two parties on the same issue.\n"
        );
    } else {
        let _ = writeln!(
            m,
            "| Issue | Date | Parties | Stances | Gap | Trend |\n|---|---|---|---:|---:|---|"
        );
        for g in d.gaps_in_order() {
            let _ = writeln!(
                m,
                "| {} | {} | {} vs {} | {} / {} | {} | {} |",
                md(&d.issue_label(&g.issue)),
                md(&g.date),
                md(&d.party_label(&g.party_a)),
                md(&d.party_label(&g.party_b)),
                fmt_stance(g.stance_a),
                fmt_stance(g.stance_b),
                fmt_stance(g.gap),
                md(&if g.trend.is_empty() {
                    "first common date".to_string()
                } else {
                    format!("{} since {}", g.trend, g.previous_date)
                })
            );
        }
        m.push('\n');
    }
    let _ = writeln!(
        m,
        "## Documents analysed\n\n| Published | Outlet | Title | File | Statements |\n|---|---|---|---|---:|"
    );
    for doc in d.docs {
        // Only http(s) URLs become links; the angle-bracket form keeps `(`
        // and `)` in the URL inside it, and a safe URL has no `<`, `>` or spaces.
        let title = match safe_url(&doc.url) {
            Some(u) => format!("[{}](<{u}>)", md(&doc.title)),
            None if doc.url.is_empty() => md(&doc.title),
            None => format!("{} ({})", md(&doc.title), md(&doc.url)),
        };
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} |",
            md(&doc.published),
            md(&doc.outlet),
            title,
            md(&doc.file),
            doc.statements
        );
    }
    let _ = writeln!(
        m,
        "\n## How to read this report\n\n- Scale: -2 reject, -1 oppose, 0 neutral or mixed, +1 open or conditional, +2 support or demand, relative to each issue's proposition.\n- Positions: per party, issue and date; a document's stances are averaged first so each document counts once. Speakers of no side get no position.\n- Shifts compare consecutive dated positions of a party on an issue; gaps compare two parties on the same date."
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_stance_words() {
        assert_eq!(stance_words(-1.6), "reject");
        assert_eq!(stance_words(0.4), "neutral or mixed");
        assert_eq!(fmt_stance(1.5), "+1.5");
        assert_eq!(fmt_stance(-2.0), "-2");
        assert_eq!(anchor("d1a2-003"), "s-d1a2-003");
    }
}
