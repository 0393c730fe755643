//! Gaps: how far apart the parties are on each issue, date by date.
//!
//! In: positions. Out: one [`Gap`] per issue x date x pair of parties that
//! both have a position that date, `gap = stance_a - stance_b`, and whether
//! the pair converged or diverged since their previous common date.

use crate::positions::{Position, round2};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub issue: String,
    pub date: String,
    pub party_a: String,
    pub party_b: String,
    pub stance_a: f64,
    pub stance_b: f64,
    pub gap: f64,
    pub previous_date: String,
    pub previous_gap: Option<f64>,
    /// `converged`, `diverged`, `unchanged`, or empty on a pair's first date.
    pub trend: String,
}

pub const GAP_HEADER: &[&str] = &[
    "issue",
    "date",
    "party_a",
    "party_b",
    "stance_a",
    "stance_b",
    "gap",
    "previous_date",
    "previous_gap",
    "trend",
];

/// Pairs are ordered by `party_order` (the lexicon's), so `party_a` is stable.
pub fn find(positions: &[Position], party_order: &[String]) -> Vec<Gap> {
    let rank = |p: &str| {
        party_order
            .iter()
            .position(|x| x == p)
            .unwrap_or(usize::MAX)
    };
    // issue -> date -> [(party, stance)]
    type ByDate<'a> = BTreeMap<Date, Vec<(&'a str, f64)>>;
    let mut by_issue: BTreeMap<&str, ByDate> = BTreeMap::new();
    for p in positions {
        by_issue
            .entry(&p.issue)
            .or_default()
            .entry(p.date)
            .or_default()
            .push((&p.party, p.stance));
    }
    let mut out = Vec::new();
    for (issue, dates) in by_issue {
        let mut last: BTreeMap<(&str, &str), (Date, f64)> = BTreeMap::new();
        for (date, mut parties) in dates {
            parties.sort_by_key(|(p, _)| (rank(p), *p));
            for i in 0..parties.len() {
                for j in i + 1..parties.len() {
                    let (a, sa) = parties[i];
                    let (b, sb) = parties[j];
                    let gap = round2(sa - sb);
                    let prev = last.insert((a, b), (date, gap));
                    let trend = match prev {
                        None => "",
                        Some((_, pg)) if gap.abs() < pg.abs() - 1e-9 => "converged",
                        Some((_, pg)) if gap.abs() > pg.abs() + 1e-9 => "diverged",
                        Some(_) => "unchanged",
                    };
                    out.push(Gap {
                        issue: issue.to_string(),
                        date: date.to_string(),
                        party_a: a.to_string(),
                        party_b: b.to_string(),
                        stance_a: sa,
                        stance_b: sb,
                        gap,
                        previous_date: prev.map(|p| p.0.to_string()).unwrap_or_default(),
                        previous_gap: prev.map(|p| p.1),
                        trend: trend.to_string(),
                    });
                }
            }
        }
    }
    out
}
