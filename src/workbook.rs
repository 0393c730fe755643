//! `report.xlsx`: every table of a run as a typed worksheet.
//!
//! In: the CSV tables just written to the output folder. Out: one workbook,
//! one sheet per table (plus `run`, the facts of the run), with numbers as
//! numbers, ISO dates as Excel dates (shown `yyyy-mm-dd`), a bold frozen
//! header row, an autofilter over the data and column widths that fit the
//! contents. Text is always written as a text cell: a quotation that begins
//! with `=` stays text (no formula is ever written), so the CSVs' leading-quote
//! neutralisation is undone here. Sheets stop at Excel's 1,048,576 rows, with
//! a note in the `run` sheet; the CSVs have every row.
//!
//! The file is deterministic: its creation time is the last publication date
//! of the run (or 1980-01-01), not the clock.

use crate::report::RunFacts;
use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::path::Path;

/// Columns that hold numbers in stancediff's tables.
const NUMERIC: &[&str] = &[
    "statements",
    "record",
    "bytes",
    "char_start",
    "char_end",
    "stance",
    "documents",
    "from_stance",
    "to_stance",
    "delta",
    "stance_a",
    "stance_b",
    "gap",
    "previous_gap",
];

/// Columns that hold ISO dates.
const DATES: &[&str] = &[
    "published",
    "said_on",
    "date",
    "from_date",
    "to_date",
    "previous_date",
];

/// Excel's last row (1-based 1,048,576; the header takes one).
const MAX_ROWS: usize = 1_048_575;

fn date_of(s: &str) -> Option<ExcelDateTime> {
    let d: jiff::civil::Date = s.parse().ok()?;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

/// Write one CSV as a sheet; returns the rows written and whether it was cut.
/// Characters a spreadsheet cell holds at most.
const CELL_MAX_CHARS: usize = 32_767;

/// A text that fits in one cell: a longer one (a run-on "sentence" of a
/// scraped page) is cut, and says so; the CSV keeps it whole.
fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    const NOTE: &str = " [… cut: the full text is in the CSV]";
    if s.len() <= CELL_MAX_CHARS || s.chars().count() <= CELL_MAX_CHARS {
        return s.into();
    }
    let keep = CELL_MAX_CHARS - NOTE.chars().count();
    let mut out: String = s.chars().take(keep).collect();
    out.push_str(NOTE);
    out.into()
}

fn sheet(ws: &mut Worksheet, csv_path: &Path) -> Result<(usize, bool)> {
    let bold = Format::new().set_bold();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let read = || -> Result<csv::Reader<std::fs::File>> {
        Ok(csv::Reader::from_reader(
            crate::corpus::open_regular(csv_path)
                .with_context(|| format!("cannot read {}", csv_path.display()))?,
        ))
    };
    let mut rdr = read()?;
    let headers = rdr.headers()?.clone();
    let kinds: Vec<u8> = headers
        .iter()
        .map(|h| {
            if NUMERIC.contains(&h) {
                b'n'
            } else if DATES.contains(&h) {
                b'd'
            } else {
                b's'
            }
        })
        .collect();
    // Widths from the header and the first rows (set before any row: the
    // sheet is written in constant memory).
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count() + 3).collect();
    for rec in rdr.records().take(2000).flatten() {
        for (i, f) in rec.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(f.chars().count().min(80));
            }
        }
    }
    for (i, (w, k)) in widths.iter().zip(&kinds).enumerate() {
        let w = match k {
            b'd' => 12,
            b'n' => (*w).clamp(8, 14),
            _ => (*w).clamp(8, 60),
        };
        ws.set_column_width(i as u16, w as f64)?;
    }
    for (i, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, h, &bold)?;
    }
    let mut rdr = read()?;
    let mut n = 0usize;
    let mut cut = false;
    for rec in rdr.records() {
        let rec = rec.with_context(|| format!("cannot read {}", csv_path.display()))?;
        if n == MAX_ROWS {
            cut = true;
            break;
        }
        n += 1;
        let row = n as u32;
        for (i, f) in rec.iter().enumerate() {
            let col = i as u16;
            if f.is_empty() {
                continue;
            }
            match kinds.get(i).copied().unwrap_or(b's') {
                b'n' => match f.parse::<f64>() {
                    Ok(v) if v.is_finite() => {
                        ws.write_number(row, col, v)?;
                    }
                    _ => {
                        ws.write_string(row, col, fit(f).as_ref())?;
                    }
                },
                b'd' => match date_of(f) {
                    Some(d) => {
                        ws.write_datetime_with_format(row, col, &d, &date_fmt)?;
                    }
                    None => {
                        ws.write_string(row, col, fit(f).as_ref())?;
                    }
                },
                _ => {
                    let mut s = f.to_string();
                    crate::output::restore(&mut s);
                    ws.write_string(row, col, fit(&s).as_ref())?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = headers.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, n as u32, last_col)?;
    Ok((n, cut))
}

/// Write the workbook of the tables `tables` (CSV file stems in `out`, in
/// sheet order) and a `run` sheet to `path`, atomically, building the sheets
/// on up to `threads` threads (the file is the same for any number).
///
/// The workbook streams to its file: memory stays flat however large the
/// tables are (each sheet is written row by row to a temporary file).
pub fn write(
    path: &Path,
    out: &Path,
    tables: &[&str],
    run: &RunFacts,
    threads: Option<usize>,
) -> Result<()> {
    let mut wb = build(out, tables, run, threads)?;
    crate::output::write_atomic_with(path, |file| {
        wb.save_to_writer(std::io::BufWriter::with_capacity(1 << 16, file))?;
        Ok(())
    })
}

/// The workbook, ready to save (see [`write`]).
fn build(out: &Path, tables: &[&str], run: &RunFacts, threads: Option<usize>) -> Result<Workbook> {
    let mut wb = Workbook::new();
    // Deflate level 2, not the default 6: compression was a quarter of the
    // workbook's time. On 50 MB of articles, one thread: level 3 took 8.0 s
    // for a 44 MB workbook, level 2 7.6 s for 46 MB, level 1 7.2 s for 59 MB.
    wb.set_zip_compression_level(2);
    let created = date_of(&run.last_published)
        .unwrap_or_else(|| ExcelDateTime::from_ymd(1980, 1, 1).expect("a valid date"));
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("stancediff: {}", run.lexicon_name))
            .set_creation_datetime(&created),
    );
    for t in tables {
        wb.add_worksheet_with_constant_memory()?.set_name(*t)?;
    }
    // Formats get their index in the order first used: registered here, in
    // the order one thread would use them, so sheets filled in parallel
    // give the same file every time.
    wb.register_format(&Format::new().set_bold());
    wb.register_format(&Format::new().set_num_format("yyyy-mm-dd"));
    let counts = fill_sheets(
        &mut wb.worksheets_mut()[..tables.len()],
        out,
        tables,
        threads,
    )?;
    let mut notes: Vec<(String, String)> = Vec::new();
    for (t, (n, cut)) in tables.iter().zip(counts) {
        notes.push((
            format!("sheet {t}"),
            if cut {
                format!("first {n} rows (Excel's limit); {t}.csv has them all")
            } else {
                format!("{n} rows, as {t}.csv")
            },
        ));
    }
    let ws = wb.add_worksheet();
    ws.set_name("run")?;
    let bold = Format::new().set_bold();
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 80)?;
    ws.write_string_with_format(0, 0, "fact", &bold)?;
    ws.write_string_with_format(0, 1, "value", &bold)?;
    let mut facts: Vec<(String, FactValue)> = vec![
        (
            "tool".into(),
            FactValue::Text(format!("stancediff {}", run.version)),
        ),
        ("lexicon".into(), FactValue::Text(run.lexicon_name.clone())),
        (
            "lexicon_sha256".into(),
            FactValue::Text(run.lexicon_sha256.clone()),
        ),
        ("documents".into(), FactValue::Number(run.documents as f64)),
        (
            "undated_documents".into(),
            FactValue::Number(run.undated as f64),
        ),
        (
            "failed_inputs (errors.csv)".into(),
            FactValue::Number(run.errors as f64),
        ),
        (
            "duplicate_documents".into(),
            FactValue::Number(run.duplicates as f64),
        ),
        (
            "first_published".into(),
            FactValue::Date(run.first_published.clone()),
        ),
        (
            "last_published".into(),
            FactValue::Date(run.last_published.clone()),
        ),
        ("period".into(), FactValue::Text(run.period.clone())),
        ("min_shift".into(), FactValue::Number(run.min_shift)),
    ];
    for (k, v) in &run.warnings {
        facts.push((format!("warnings: {k}"), FactValue::Number(*v as f64)));
    }
    for (k, v) in notes {
        facts.push((k, FactValue::Text(v)));
    }
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    for (i, (k, v)) in facts.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, k)?;
        match v {
            FactValue::Text(s) => {
                ws.write_string(r, 1, s)?;
            }
            FactValue::Number(x) => {
                ws.write_number(r, 1, *x)?;
            }
            FactValue::Date(s) => match date_of(s) {
                Some(d) => {
                    ws.write_datetime_with_format(r, 1, &d, &date_fmt)?;
                }
                None => {
                    ws.write_string(r, 1, s)?;
                }
            },
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(wb)
}

/// Fill each table's sheet from its CSV, the sheets in parallel (the large
/// ones first, so two threads share statements and stances); returns the
/// rows written and whether each was cut, in table order.
fn fill_sheets(
    sheets: &mut [Worksheet],
    out: &Path,
    tables: &[&str],
    threads: Option<usize>,
) -> Result<Vec<(usize, bool)>> {
    use rayon::prelude::*;
    let size = |t: &str| std::fs::metadata(out.join(format!("{t}.csv"))).map_or(0, |m| m.len());
    let mut jobs: Vec<(usize, &mut Worksheet)> = sheets.iter_mut().enumerate().collect();
    jobs.sort_by_key(|(i, _)| std::cmp::Reverse(size(tables[*i])));
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        pool = pool.num_threads(n.max(1));
    }
    let mut done: Vec<(usize, (usize, bool))> = pool.build()?.install(|| {
        jobs.into_par_iter()
            .with_max_len(1)
            .map(|(i, ws)| Ok((i, sheet(ws, &out.join(format!("{}.csv", tables[i])))?)))
            .collect::<Result<_>>()
    })?;
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}

enum FactValue {
    Text(String),
    Number(f64),
    Date(String),
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_longer_than_a_cell_is_cut_and_says_so() {
        let long = "é".repeat(40_000);
        let f = super::fit(&long);
        assert_eq!(f.chars().count(), super::CELL_MAX_CHARS);
        assert!(f.ends_with("the full text is in the CSV]"));
        assert_eq!(super::fit("short"), "short");
    }
}
