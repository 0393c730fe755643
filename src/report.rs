//! Report: positions, shifts and gaps written as tables, charts and pages.
//!
//! In: positions (and the documents behind them). Out: `positions.csv`,
//! `shifts.csv`, `gaps.csv`, `charts/` (PNG and SVG), a self-contained
//! `report.html` (charts inline as SVG, no external files), `report.md` and
//! `report.xlsx` (every table as a typed sheet, see [`crate::workbook`]).
//! Every number in the pages links to the statements behind it.
//!
//! The pages are rendered by minijinja from `templates/report.html` and
//! `templates/report.md` with automatic escaping: HTML escaping for the page,
//! and for Markdown a formatter that passes every value through
//! [`crate::escape::md`]. No value from an article reaches a page unescaped;
//! the only values marked safe are the chart SVGs, which stancediff draws.

use crate::charts::{self, Chart};
use crate::escape::{md, safe_url};
use crate::gaps::{self, Gap};
use crate::lexicon::Lexicon;
use crate::output;
use crate::pipeline::{Config, DocumentRow};
use crate::positions::{POSITION_HEADER, Position, StanceRow};
use crate::shifts::{self, SHIFT_HEADER, Shift};
use anyhow::Result;
use std::collections::BTreeMap;
use std::path::Path;

/// What the report says about the whole run (not only the documents it lists).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RunFacts {
    /// Documents read (each input file or record that became a document).
    pub documents: usize,
    /// Documents with no publication date.
    pub undated: usize,
    /// Inputs that could not be used (rows of errors.csv).
    pub errors: usize,
    /// Documents whose text repeats an earlier one (counted once).
    pub duplicates: usize,
    pub first_published: String,
    pub last_published: String,
    pub bytes: usize,
    /// Warnings by kind.
    pub warnings: Vec<(String, usize)>,
    pub version: String,
    pub lexicon_name: String,
    /// SHA-256 of the lexicon's TOML (empty when not known).
    pub lexicon_sha256: String,
    pub period: String,
    pub min_shift: f64,
    /// For `compare`: how many stance files were combined (0 for `analyze`).
    pub compared_files: usize,
}

impl RunFacts {
    fn base(s: &crate::pipeline::Summary, cfg: &Config) -> RunFacts {
        RunFacts {
            documents: s.documents,
            undated: s.undated,
            errors: s.errors,
            duplicates: s.duplicates,
            first_published: s.first_published.clone(),
            last_published: s.last_published.clone(),
            bytes: s.bytes,
            warnings: s
                .warning_kinds
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            lexicon_name: cfg.lexicon.name.clone(),
            lexicon_sha256: cfg
                .run_info
                .lexicon
                .as_ref()
                .map(|l| l.sha256())
                .unwrap_or_default(),
            period: format!("{:?}", cfg.period).to_lowercase(),
            min_shift: cfg.shift_threshold,
            compared_files: 0,
        }
    }

    /// The facts of an `analyze` run.
    pub fn of_analysis(s: &crate::pipeline::Summary, cfg: &Config) -> RunFacts {
        RunFacts::base(s, cfg)
    }

    /// The facts of a `compare` over `files` stance files.
    pub fn of_comparison(s: &crate::pipeline::Summary, cfg: &Config, files: usize) -> RunFacts {
        RunFacts {
            compared_files: files,
            ..RunFacts::base(s, cfg)
        }
    }
}

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
    run: &RunFacts,
) -> Result<Comparison> {
    let bom = cfg.csv_bom;
    let position_rows: Vec<_> = positions.iter().map(|p| p.row()).collect();
    output::write_table(
        &out.join("positions.csv"),
        POSITION_HEADER,
        &position_rows,
        bom,
    )?;
    let shift_list = shifts::find(positions, cfg.shift_threshold);
    let shift_rows: Vec<_> = shift_list.iter().map(|s| s.row()).collect();
    output::write_table(&out.join("shifts.csv"), SHIFT_HEADER, &shift_rows, bom)?;
    let order: Vec<String> = cfg.lexicon.parties.iter().map(|p| p.id.clone()).collect();
    let gap_list = gaps::find(positions, &order);
    output::write_table(&out.join("gaps.csv"), gaps::GAP_HEADER, &gap_list, bom)?;
    let mut files: Vec<String> = ["positions.csv", "shifts.csv", "gaps.csv"]
        .map(String::from)
        .to_vec();
    if cfg.report {
        // One sheet per table this run wrote (analyze: all seven; compare: its three).
        let tables: &[&str] = if run.compared_files == 0 {
            &[
                "documents",
                "statements",
                "stances",
                "positions",
                "shifts",
                "gaps",
                "errors",
            ]
        } else {
            &["positions", "shifts", "gaps"]
        };
        files.extend(write_charts_and_pages(
            out,
            positions,
            docs,
            cfg,
            run,
            &shift_list,
            &gap_list,
        )?);
        let book = out.join("report.xlsx");
        crate::workbook::write(&book, out, tables, run, cfg.threads)?;
        files.push("report.xlsx".into());
    }
    Ok(Comparison {
        shifts: shift_list.len(),
        gaps: gap_list.len(),
        files,
    })
}

/// The charts, report.html and report.md; the files written.
fn write_charts_and_pages(
    out: &Path,
    positions: &[Position],
    docs: &[DocumentRow],
    cfg: &Config,
    run: &RunFacts,
    shift_list: &[shifts::Shift],
    gap_list: &[gaps::Gap],
) -> Result<Vec<String>> {
    let mut files = Vec::new();
    let source = source_line(run);
    let mut issue_charts = charts::issue_charts_with_source(positions, &cfg.lexicon, &source)?;
    let overview = charts::overview_chart_with_source(positions, &cfg.lexicon, &source)?;
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
        shifts: shift_list,
        gaps: gap_list,
        docs: &docs,
        charts: &issue_charts,
        threshold: cfg.shift_threshold,
        run,
    };
    output::write_atomic(&out.join("report.html"), html(&data)?.as_bytes())?;
    output::write_atomic(&out.join("report.md"), markdown(&data)?.as_bytes())?;
    files.push("report.html".into());
    files.push("report.md".into());
    Ok(files)
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
    pub run: &'a RunFacts,
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
                    "{} held firm: {} ({} to {}) on {} dates from {} to {}.",
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

fn stance_class(v: f64) -> &'static str {
    if v > 0.0 {
        "pos"
    } else if v < 0.0 {
        "neg"
    } else {
        ""
    }
}

fn strip_xml_decl(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

// ---------------------------------------------------------------------------
// What the templates see: plain strings and numbers, escaped by the engine
// ---------------------------------------------------------------------------

/// A statement id and the page anchor it links to.
#[derive(serde::Serialize)]
struct Sid {
    id: String,
    anchor: String,
}

fn sid(id: &str) -> Sid {
    Sid {
        id: id.to_string(),
        anchor: anchor(id),
    }
}

#[derive(serde::Serialize)]
struct FindingGroup {
    issue: String,
    items: Vec<(String, Vec<Sid>)>,
}

#[derive(serde::Serialize)]
struct EvidenceCtx {
    label: &'static str,
    date: String,
    speaker: String,
    party: String,
    outlet: String,
    sid: Sid,
    text: String,
}

#[derive(serde::Serialize)]
struct ShiftCtx {
    dir: &'static str,
    party: String,
    issue: String,
    from: String,
    to: String,
    change: String,
    delta: String,
    from_date: String,
    to_date: String,
    from_statements: usize,
    to_statements: usize,
    evidence: Vec<EvidenceCtx>,
}

#[derive(serde::Serialize)]
struct LatestCtx {
    issue: String,
    party: String,
    date: String,
    class: &'static str,
    stance: String,
    words: &'static str,
    sids: Vec<Sid>,
}

#[derive(serde::Serialize)]
struct PositionCtx {
    date: String,
    party: String,
    class: &'static str,
    stance: String,
    statements: usize,
    documents: usize,
    sid: Sid,
    speaker: String,
    text: String,
}

#[derive(serde::Serialize)]
struct IssueCtx {
    id: String,
    label: String,
    proposition: String,
    chart: Option<minijinja::Value>,
    source: String,
    rows: Vec<PositionCtx>,
}

#[derive(serde::Serialize)]
struct GapCtx {
    issue: String,
    date: String,
    a: String,
    b: String,
    stance_a: String,
    stance_b: String,
    gap: String,
    trend: String,
    sids: Vec<Sid>,
}

#[derive(serde::Serialize)]
struct CitedCtx {
    sid: Sid,
    speaker: String,
    party: String,
    date: String,
    kind: String,
    outlet: String,
    evidence: String,
    issue: String,
    stance: i8,
    cues: String,
    file: String,
}

#[derive(serde::Serialize)]
struct DocCtx {
    published: String,
    outlet: String,
    title: String,
    /// An http(s) URL, or None (then `raw_url` is shown as text).
    url: Option<String>,
    raw_url: String,
    file: String,
    statements: usize,
}

#[derive(serde::Serialize)]
struct Page<'a> {
    title: String,
    run: &'a RunFacts,
    lexicon_sha_short: String,
    mb: String,
    source_line: String,
    listed: usize,
    positions: usize,
    parties: usize,
    issues_n: usize,
    shifts_n: usize,
    threshold: f64,
    example_id: String,
    findings: Vec<FindingGroup>,
    shifts: Vec<ShiftCtx>,
    overview: Option<minijinja::Value>,
    overview_title: String,
    latest: Vec<LatestCtx>,
    issues: Vec<IssueCtx>,
    gaps: Vec<GapCtx>,
    cited: Vec<CitedCtx>,
    docs: Vec<DocCtx>,
}

fn speaker_or(s: &str, none: &str) -> String {
    if s.is_empty() {
        none.to_string()
    } else {
        s.to_string()
    }
}

/// The line under every chart and at the foot of the page: what made it.
pub fn source_line(run: &RunFacts) -> String {
    let range = if run.first_published.is_empty() {
        "no dated documents".to_string()
    } else if run.first_published == run.last_published {
        format!("published {}", run.first_published)
    } else {
        format!(
            "published {} to {}",
            run.first_published, run.last_published
        )
    };
    let lexicon = if run.lexicon_sha256.is_empty() {
        format!("lexicon \u{201c}{}\u{201d}", run.lexicon_name)
    } else {
        format!(
            "lexicon \u{201c}{}\u{201d} (SHA-256 {})",
            run.lexicon_name,
            crate::provenance::short(&run.lexicon_sha256)
        )
    };
    format!(
        "Source: stancediff {} analysis of {} news documents {range}; {lexicon}.",
        run.version, run.documents
    )
}

/// Shifts in time order: by the later date, then the earlier, issue, party.
fn shifts_in_time<'a>(d: &ReportData<'a>) -> Vec<Shift<'a>> {
    let mut v = d.shifts.to_vec();
    v.sort_by_key(|s| {
        (
            s.to.date,
            s.from.date,
            d.issue_rank(&s.from.issue),
            d.party_rank(&s.from.party),
        )
    });
    v
}

fn page<'a>(d: &ReportData<'a>) -> Page<'a> {
    let title = if d.lex.name.is_empty() {
        "Negotiation".to_string()
    } else {
        d.lex.name.clone()
    };
    let mut findings_out: Vec<FindingGroup> = Vec::new();
    for f in findings(d) {
        let sids = f.statements.iter().map(|s| sid(s)).collect();
        match findings_out.last_mut() {
            Some(g) if g.issue == f.issue => g.items.push((f.text, sids)),
            _ => findings_out.push(FindingGroup {
                issue: f.issue,
                items: vec![(f.text, sids)],
            }),
        }
    }
    let shifts_out = shifts_in_time(d)
        .iter()
        .map(|s| {
            let (before, after) = s.evidence();
            ShiftCtx {
                dir: if s.delta > 0.0 { "up" } else { "down" },
                party: d.party_label(&s.from.party),
                issue: d.issue_label(&s.from.issue),
                from: fmt_stance(s.from.stance),
                to: fmt_stance(s.to.stance),
                change: if s.delta > 0.0 {
                    format!("moved {:+.2} toward support", s.delta)
                } else {
                    format!("moved {:+.2} toward rejection", s.delta)
                },
                delta: format!("{:+.2}", s.delta),
                from_date: s.from.date.to_string(),
                to_date: s.to.date.to_string(),
                from_statements: s.from.statements,
                to_statements: s.to.statements,
                evidence: [("Before", s.from, before), ("After", s.to, after)]
                    .into_iter()
                    .map(|(label, p, e)| EvidenceCtx {
                        label,
                        date: p.date.to_string(),
                        speaker: speaker_or(&e.speaker, "reported position"),
                        party: d.party_label(&e.party),
                        outlet: e.outlet.clone(),
                        sid: sid(&e.statement_id),
                        text: e.evidence.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let chart_svg = |name: &str| {
        d.charts
            .iter()
            .find(|c| c.name == name)
            .map(|c| minijinja::Value::from_safe_string(strip_xml_decl(&c.svg).to_string()))
    };
    let latest = d
        .latest()
        .into_iter()
        .map(|p| LatestCtx {
            issue: d.issue_label(&p.issue),
            party: d.party_label(&p.party),
            date: p.date.to_string(),
            class: stance_class(p.stance),
            stance: fmt_stance(p.stance),
            words: stance_words(p.stance),
            sids: p.sample.iter().map(|s| sid(&s.statement_id)).collect(),
        })
        .collect();
    let source = source_line(d.run);
    let issues = d
        .issues()
        .into_iter()
        .map(|(id, label, prop)| {
            let mut ps: Vec<&Position> = d.positions.iter().filter(|p| p.issue == id).collect();
            ps.sort_by_key(|p| (p.date, d.party_rank(&p.party)));
            IssueCtx {
                id: id.to_string(),
                label: label.to_string(),
                proposition: prop.to_string(),
                chart: chart_svg(&format!("issue_{id}")),
                source: source.clone(),
                rows: ps
                    .into_iter()
                    .map(|p| PositionCtx {
                        date: p.date.to_string(),
                        party: d.party_label(&p.party),
                        class: stance_class(p.stance),
                        stance: fmt_stance(p.stance),
                        statements: p.statements,
                        documents: p.documents,
                        sid: sid(&p.evidence.statement_id),
                        speaker: speaker_or(&p.evidence.speaker, "(reported)"),
                        text: p.evidence.text.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let gaps_out = d
        .gaps_in_order()
        .into_iter()
        .map(|g| {
            let evidence = |party: &str| {
                d.positions
                    .iter()
                    .find(|p| {
                        p.party == party && p.issue == g.issue && p.date.to_string() == g.date
                    })
                    .map(|p| sid(&p.evidence.statement_id))
            };
            GapCtx {
                issue: d.issue_label(&g.issue),
                date: g.date.clone(),
                a: d.party_label(&g.party_a),
                b: d.party_label(&g.party_b),
                stance_a: fmt_stance(g.stance_a),
                stance_b: fmt_stance(g.stance_b),
                gap: fmt_stance(g.gap),
                trend: if g.trend.is_empty() {
                    "first common date".to_string()
                } else {
                    format!("{} since {}", g.trend, g.previous_date)
                },
                sids: [evidence(&g.party_a), evidence(&g.party_b)]
                    .into_iter()
                    .flatten()
                    .collect(),
            }
        })
        .collect();
    let cited = d
        .cited()
        .into_iter()
        .map(|(id, s)| CitedCtx {
            sid: sid(id),
            speaker: speaker_or(&s.speaker, "reported position"),
            party: d.party_label(&s.party),
            date: s.date.clone(),
            kind: s.kind.clone(),
            outlet: s.outlet.clone(),
            evidence: s.evidence.clone(),
            issue: d.issue_label(&s.issue),
            stance: s.stance,
            cues: s.cues.clone(),
            file: s.file.clone(),
        })
        .collect();
    let docs = d
        .docs
        .iter()
        .map(|doc| DocCtx {
            published: doc.published.clone(),
            outlet: doc.outlet.clone(),
            title: doc.title.clone(),
            url: safe_url(&doc.url),
            raw_url: doc.url.clone(),
            file: doc.file.clone(),
            statements: doc.statements,
        })
        .collect();
    Page {
        title,
        run: d.run,
        lexicon_sha_short: crate::provenance::short(&d.run.lexicon_sha256).to_string(),
        mb: if d.run.bytes >= 1_000_000 {
            format!("{:.1} MB", d.run.bytes as f64 / 1e6)
        } else {
            format!("{:.0} kB", (d.run.bytes as f64 / 1e3).ceil())
        },
        source_line: source,
        listed: d.docs.len(),
        positions: d.positions.len(),
        parties: d
            .positions
            .iter()
            .map(|p| p.party.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        issues_n: d.issues().len(),
        shifts_n: d.shifts.len(),
        threshold: d.threshold,
        example_id: d
            .positions
            .first()
            .map_or("d…-001".to_string(), |p| p.evidence.statement_id.clone()),
        findings: findings_out,
        shifts: shifts_out,
        overview: chart_svg("overview"),
        overview_title: d
            .charts
            .iter()
            .find(|c| c.name == "overview")
            .map(|c| c.title.clone())
            .unwrap_or_default(),
        latest,
        issues,
        gaps: gaps_out,
        cited,
        docs,
    }
}

const HTML_TEMPLATE: &str = include_str!("../templates/report.html");
const MD_TEMPLATE: &str = include_str!("../templates/report.md");

/// The template environment: HTML autoescaping for `.html`, and for `.md` a
/// formatter that escapes every value with [`md`] (values marked safe pass).
fn environment() -> &'static minijinja::Environment<'static> {
    static ENV: std::sync::OnceLock<minijinja::Environment<'static>> = std::sync::OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = minijinja::Environment::new();
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .expect("valid syntax config"),
        );
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".md") {
                minijinja::AutoEscape::Custom("markdown".into())
            } else if name.ends_with(".html") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), minijinja::AutoEscape::Custom(n) if n == "markdown") {
                if value.is_safe() {
                    write!(out, "{value}").map_err(|_| {
                        minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write")
                    })
                } else if value.is_none() || value.is_undefined() {
                    Ok(())
                } else if value.kind() != minijinja::value::ValueKind::String {
                    // Numbers and booleans have no Markdown syntax in them.
                    write!(out, "{value}").map_err(|_| {
                        minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write")
                    })
                } else {
                    out.write_str(&md(&value.to_string())).map_err(|_| {
                        minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write")
                    })
                }
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        env.add_template("report.html", HTML_TEMPLATE)
            .expect("templates/report.html parses");
        env.add_template("report.md", MD_TEMPLATE)
            .expect("templates/report.md parses");
        env
    })
}

fn render_page(name: &str, d: &ReportData) -> Result<String> {
    let env = environment();
    let t = env.get_template(name)?;
    let p = minijinja::Value::from(minijinja::value::Serde(page(d)));
    Ok(t.render(minijinja::context! { p => p, style => STYLE })?)
}

/// The self-contained HTML report.
pub fn html(d: &ReportData) -> Result<String> {
    render_page("report.html", d)
}

/// The same content as Markdown, for pasting into documents.
pub fn markdown(d: &ReportData) -> Result<String> {
    render_page("report.md", d)
}

/// The page's style: it reads on a phone (390 px) as on a desk. Wide tables
/// scroll inside their own box, long words (ids, URLs, file names) break,
/// charts scale to the column (at least 560 px on a desk screen; on a phone
/// the whole chart is shown at the column's width, its values in the table
/// under it).
const STYLE: &str = "
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;max-width:1080px;margin:1.5em auto;padding:0 1em;color:#1d1d1f;line-height:1.45;overflow-wrap:anywhere}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #ddd;padding-bottom:.2em}h3{margin-top:1.6em}
.scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch;margin:.6em 0 1.2em}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid #e3e3e3;padding:.35em .5em;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal}
td.text{min-width:16em;overflow-wrap:anywhere}td.date{white-space:nowrap}
th{background:#f5f5f7}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.lede{color:#444}.shift{border-left:4px solid #999;padding:.4em 1em;margin:1em 0;background:#fafafa}
.shift.up{border-color:#01665e}.shift.down{border-color:#8c510a}
blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid #ccc;color:#333}
.meta{color:#555;font-size:.88em}.sid{font-family:monospace;font-size:.85em}
figure{margin:1em 0}.chart{overflow-x:auto;max-width:100%}.chart svg{display:block;width:100%;min-width:560px;height:auto}
figcaption,.source{color:#555;font-size:.82em;margin-top:.3em}
.pos{color:#01665e}.neg{color:#8c510a}
.facts{background:#f7f7f9;border:1px solid #e3e3e3;padding:.6em 1em;border-radius:4px}
.facts dt{font-weight:bold;margin-top:.3em}.facts dd{margin:0 0 .2em 0}
nav ul{columns:2}dt{font-weight:bold}dd{margin:0 0 .5em 1em}
@media (max-width:600px){body{margin:.8em auto;padding:0 .7em}h1{font-size:1.35em}nav ul{columns:1}table{font-size:.85em}td.text{min-width:20em}.chart{direction:rtl}.chart svg{min-width:720px;direction:ltr}.chart figcaption{direction:ltr;text-align:left}}
";

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
