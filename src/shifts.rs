//! Shifts: where a party's position on an issue moved between two dates.
//!
//! In: positions (sorted by party, issue, date). Out: one [`Shift`] for each
//! pair of consecutive dated positions of the same party on the same issue
//! whose stances differ by at least the threshold (default 0.5, half a step
//! of the -2..2 scale), with the statement on each side that shows the move
//! (for a rise: the lowest stance before and the highest after).

use crate::positions::{Position, StanceRow, round2};
use serde::Serialize;

/// The default smallest change that counts as a shift.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

#[derive(Debug, Clone)]
pub struct Shift<'a> {
    pub from: &'a Position,
    pub to: &'a Position,
    pub delta: f64,
}

impl<'a> Shift<'a> {
    /// The statements that show the move: for a rise, the lowest stance
    /// before and the highest after; for a fall, the reverse.
    pub fn evidence(&self) -> (&'a StanceRow, &'a StanceRow) {
        if self.delta > 0.0 {
            (&self.from.lowest, &self.to.highest)
        } else {
            (&self.from.highest, &self.to.lowest)
        }
    }
}

pub fn find(positions: &[Position], threshold: f64) -> Vec<Shift<'_>> {
    let mut out: Vec<Shift> = positions
        .windows(2)
        .filter(|w| w[0].party == w[1].party && w[0].issue == w[1].issue)
        .map(|w| Shift {
            from: &w[0],
            to: &w[1],
            delta: round2(w[1].stance - w[0].stance),
        })
        .filter(|s| s.delta.abs() >= threshold - 1e-9)
        .collect();
    out.sort_by(|a, b| {
        (a.from.party.as_str(), a.from.issue.as_str(), a.from.date).cmp(&(
            b.from.party.as_str(),
            b.from.issue.as_str(),
            b.from.date,
        ))
    });
    out
}

/// Largest moves first (ties: party, issue, date) for the report.
pub fn by_size<'a>(shifts: &[Shift<'a>]) -> Vec<Shift<'a>> {
    let mut v = shifts.to_vec();
    v.sort_by(|a, b| {
        b.delta.abs().total_cmp(&a.delta.abs()).then(
            (a.from.party.as_str(), a.from.issue.as_str(), a.from.date).cmp(&(
                b.from.party.as_str(),
                b.from.issue.as_str(),
                b.from.date,
            )),
        )
    });
    v
}

#[derive(Debug, Serialize)]
pub struct ShiftRow<'a> {
    pub party: &'a str,
    pub issue: &'a str,
    pub from_date: String,
    pub to_date: String,
    pub from_stance: f64,
    pub to_stance: f64,
    pub delta: f64,
    pub from_statement_id: &'a str,
    pub to_statement_id: &'a str,
    pub from_text: &'a str,
    pub to_text: &'a str,
}

pub const SHIFT_HEADER: &[&str] = &[
    "party",
    "issue",
    "from_date",
    "to_date",
    "from_stance",
    "to_stance",
    "delta",
    "from_statement_id",
    "to_statement_id",
    "from_text",
    "to_text",
];

impl<'a> Shift<'a> {
    pub fn row(&self) -> ShiftRow<'a> {
        let (from, to) = self.evidence();
        ShiftRow {
            party: &self.from.party,
            issue: &self.from.issue,
            from_date: self.from.date.to_string(),
            to_date: self.to.date.to_string(),
            from_stance: self.from.stance,
            to_stance: self.to.stance,
            delta: self.delta,
            from_statement_id: &from.statement_id,
            to_statement_id: &to.statement_id,
            from_text: &from.text,
            to_text: &to.text,
        }
    }
}
