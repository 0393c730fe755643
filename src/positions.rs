//! Positions: each party's stance on each issue, date by date.
//!
//! In: stance rows, one document at a time (from a live run or from existing
//! `stances.csv` files). Out: [`Position`]s, one per party x issue x period.
//!
//! The rule (documented in the codebook): within one document, the stances a
//! party takes on an issue in a period are averaged, so a long article with
//! many quotes counts once; the position is the mean of those per-document
//! means. Means are summed in thousandths (integers) so the result does not
//! depend on the order documents arrive in: shards and threads agree. Speakers
//! of party `other` (analysts, media, unnamed sources of no side) are kept in
//! `stances.csv` but are not a side, so they get no position.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// How dates are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Period {
    #[default]
    Day,
    Week,
    Month,
}

impl Period {
    /// The first day of the period containing `d` (weeks start on Monday).
    pub fn start(self, d: Date) -> Date {
        match self {
            Period::Day => d,
            Period::Week => d
                .checked_sub((d.weekday().to_monday_zero_offset() as i64).days())
                .unwrap_or(d),
            Period::Month => d.first_of_month(),
        }
    }
}

/// One row of `stances.csv`, as the comparer needs it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StanceRow {
    pub statement_id: String,
    pub doc_id: String,
    pub file: String,
    pub date: String,
    pub party: String,
    pub speaker: String,
    pub issue: String,
    pub stance: i8,
    pub cues: String,
    pub evidence: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub numbers: String,
    #[serde(default)]
    pub outlet: String,
}

#[cfg(test)]
impl StanceRow {
    /// A row with just what the comparer reads, for tests.
    pub(crate) fn example(
        id: &str,
        doc: &str,
        date: &str,
        party: &str,
        issue: &str,
        stance: i8,
    ) -> StanceRow {
        StanceRow {
            statement_id: id.into(),
            doc_id: doc.into(),
            file: "f".into(),
            date: date.into(),
            party: party.into(),
            speaker: "s".into(),
            issue: issue.into(),
            stance,
            cues: String::new(),
            evidence: String::new(),
            kind: String::new(),
            text: String::new(),
            numbers: String::new(),
            outlet: String::new(),
        }
    }
}

/// A party's position on an issue in one period.
#[derive(Debug, Clone)]
pub struct Position {
    pub party: String,
    pub issue: String,
    pub date: Date,
    /// Mean of per-document means, -2..2.
    pub stance: f64,
    pub statements: usize,
    pub documents: usize,
    /// The statement closest to the position (lowest id among equals).
    pub evidence: StanceRow,
    /// Up to [`STATEMENT_SAMPLE`] statements behind it (lowest ids), for links.
    pub sample: Vec<StanceRow>,
    /// The statements with the lowest and the highest stance behind it
    /// (lowest id among equals): what a shift moved from and to.
    pub lowest: StanceRow,
    pub highest: StanceRow,
}

/// How many statements behind each position are kept for the report's links.
pub const STATEMENT_SAMPLE: usize = 8;

#[derive(Debug, Default)]
struct Cell {
    milli_sum: i64,
    documents: usize,
    statements: usize,
    /// The lowest-id statement for each stance value -2..2.
    examples: [Option<StanceRow>; 5],
    /// The lowest-id statements of any value, sorted, at most STATEMENT_SAMPLE.
    sample: Vec<StanceRow>,
}

/// Collects stance rows into positions.
pub struct Aggregator {
    period: Period,
    cells: BTreeMap<(String, String, Date), Cell>,
    /// The document being collected, and its rows by cell.
    current: Option<String>,
    doc_rows: BTreeMap<(String, String, Date), Vec<StanceRow>>,
    /// Hashes of the documents already aggregated (8 bytes each).
    seen_docs: HashSet<u64>,
    pub undated: usize,
    pub duplicate_docs: usize,
    /// Joint parties and their members: a joint statement's stance is a
    /// position of each member.
    members: BTreeMap<String, Vec<String>>,
}

impl Aggregator {
    /// An aggregator that counts a joint party's stances for each of its
    /// members (the lexicon's `members`).
    pub fn for_lexicon(period: Period, lex: &crate::lexicon::Lexicon) -> Aggregator {
        let mut a = Aggregator::new(period);
        for p in &lex.parties {
            let m = lex.member_ids(&p.id);
            if !m.is_empty() {
                a.members
                    .insert(p.id.clone(), m.into_iter().map(String::from).collect());
            }
        }
        a
    }

    pub fn new(period: Period) -> Aggregator {
        Aggregator {
            members: BTreeMap::new(),
            period,
            cells: BTreeMap::new(),
            current: None,
            doc_rows: BTreeMap::new(),
            seen_docs: HashSet::new(),
            undated: 0,
            duplicate_docs: 0,
        }
    }

    /// Add one stance row. Rows of a document must arrive together.
    pub fn add(&mut self, row: StanceRow) {
        if self.current.as_deref() != Some(row.doc_id.as_str()) {
            self.flush();
            if !self
                .seen_docs
                .insert(xxhash_rust::xxh3::xxh3_64(row.doc_id.as_bytes()))
            {
                // Seen before (a duplicate article, or the same shard twice).
                self.duplicate_docs += 1;
                self.current = None;
                return;
            }
            self.current = Some(row.doc_id.clone());
        }
        if row.party == crate::lexicon::OTHER_PARTY {
            return;
        }
        let Ok(date) = row.date.parse::<Date>() else {
            self.undated += 1;
            return;
        };
        let start = self.period.start(date);
        if let Some(members) = self.members.get(&row.party) {
            for m in members {
                let mut r = row.clone();
                r.party = m.clone();
                let key = (m.clone(), row.issue.clone(), start);
                self.doc_rows.entry(key).or_default().push(r);
            }
            return;
        }
        let key = (row.party.clone(), row.issue.clone(), start);
        self.doc_rows.entry(key).or_default().push(row);
    }

    /// Close the current document: its per-cell means go into the cells.
    fn flush(&mut self) {
        for (key, rows) in std::mem::take(&mut self.doc_rows) {
            let sum: i64 = rows.iter().map(|r| r.stance as i64).sum();
            let mean_milli =
                (sum * 1000 + (rows.len() as i64 / 2) * sum.signum()) / rows.len() as i64;
            let cell = self.cells.entry(key).or_default();
            cell.milli_sum += mean_milli;
            cell.documents += 1;
            cell.statements += rows.len();
            for r in rows {
                let at = cell
                    .sample
                    .partition_point(|x| x.statement_id < r.statement_id);
                if at < STATEMENT_SAMPLE
                    && cell
                        .sample
                        .get(at)
                        .is_none_or(|x| x.statement_id != r.statement_id)
                {
                    cell.sample.insert(at, r.clone());
                    cell.sample.truncate(STATEMENT_SAMPLE);
                }
                let slot = &mut cell.examples[(r.stance + 2).clamp(0, 4) as usize];
                if slot
                    .as_ref()
                    .is_none_or(|s| r.statement_id < s.statement_id)
                {
                    *slot = Some(r);
                }
            }
        }
        self.current = None;
    }

    /// All positions, sorted by party, issue and date.
    pub fn finish(mut self) -> Vec<Position> {
        self.flush();
        self.cells
            .into_iter()
            .map(|((party, issue, date), cell)| {
                let stance = cell.milli_sum as f64 / 1000.0 / cell.documents as f64;
                let evidence = cell
                    .examples
                    .iter()
                    .enumerate()
                    .filter_map(|(i, e)| e.as_ref().map(|e| (((i as f64 - 2.0) - stance).abs(), e)))
                    .min_by(|a, b| {
                        a.0.total_cmp(&b.0)
                            .then(a.1.statement_id.cmp(&b.1.statement_id))
                    })
                    .map(|(_, e)| e.clone())
                    .expect("a cell has at least one statement");
                let lowest = cell
                    .examples
                    .iter()
                    .flatten()
                    .next()
                    .cloned()
                    .expect("non-empty");
                let highest = cell
                    .examples
                    .iter()
                    .rev()
                    .flatten()
                    .next()
                    .cloned()
                    .expect("non-empty");
                Position {
                    lowest,
                    highest,
                    party,
                    issue,
                    date,
                    stance: round2(stance),
                    statements: cell.statements,
                    documents: cell.documents,
                    evidence,
                    sample: cell.sample,
                }
            })
            .collect()
    }
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The `positions.csv` row.
#[derive(Debug, Serialize)]
pub struct PositionRow<'a> {
    pub party: &'a str,
    pub issue: &'a str,
    pub date: String,
    pub stance: f64,
    pub statements: usize,
    pub documents: usize,
    pub evidence_statement_id: &'a str,
    pub evidence_speaker: &'a str,
    pub evidence_text: &'a str,
}

pub const POSITION_HEADER: &[&str] = &[
    "party",
    "issue",
    "date",
    "stance",
    "statements",
    "documents",
    "evidence_statement_id",
    "evidence_speaker",
    "evidence_text",
];

impl Position {
    pub fn row(&self) -> PositionRow<'_> {
        PositionRow {
            party: &self.party,
            issue: &self.issue,
            date: self.date.to_string(),
            stance: self.stance,
            statements: self.statements,
            documents: self.documents,
            evidence_statement_id: &self.evidence.statement_id,
            evidence_speaker: &self.evidence.speaker,
            evidence_text: &self.evidence.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, doc: &str, date: &str, party: &str, stance: i8) -> StanceRow {
        StanceRow::example(id, doc, date, party, "territory", stance)
    }

    #[test]
    fn each_document_counts_once() {
        let mut a = Aggregator::new(Period::Day);
        // Document 1 says -2 three times, document 2 says +2 once: the mean is 0.
        for i in 0..3 {
            a.add(row(&format!("d1-00{i}"), "d1", "2026-02-18", "ukraine", -2));
        }
        a.add(row("d2-001", "d2", "2026-02-18", "ukraine", 2));
        let p = a.finish();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].stance, 0.0);
        assert_eq!((p[0].statements, p[0].documents), (4, 2));
    }

    #[test]
    fn order_does_not_matter_and_others_are_not_a_side() {
        let rows = vec![
            row("a-001", "a", "2026-02-16", "russia", 2),
            row("a-002", "a", "2026-02-16", "other", -2),
            row("b-001", "b", "2026-02-17", "russia", 1),
            row("c-001", "c", "2026-02-17", "russia", 2),
        ];
        let run = |rows: Vec<StanceRow>| {
            let mut a = Aggregator::new(Period::Week);
            rows.into_iter().for_each(|r| a.add(r));
            a.finish()
                .into_iter()
                .map(|p| {
                    (
                        p.party,
                        p.date.to_string(),
                        p.stance,
                        p.evidence.statement_id,
                    )
                })
                .collect::<Vec<_>>()
        };
        let forward = run(rows.clone());
        let backward = run(rows.into_iter().rev().collect());
        assert_eq!(forward, backward);
        assert_eq!(forward.len(), 1, "weekly: one russia cell, no 'other' cell");
        assert_eq!(forward[0].1, "2026-02-16");
    }

    #[test]
    fn duplicate_documents_are_counted_once() {
        let mut a = Aggregator::new(Period::Day);
        a.add(row("a-001", "a", "2026-02-16", "russia", 2));
        a.add(row("b-001", "b", "2026-02-16", "russia", -2));
        a.add(row("a-001", "a", "2026-02-16", "russia", 2));
        let p = a.finish();
        assert_eq!(p[0].documents, 2);
        assert_eq!(p[0].stance, 0.0);
    }
}
