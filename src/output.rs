//! Output files: CSV tables and other files written atomically.
//!
//! In: rows (anything `serde::Serialize`) or bytes. Out: files in the output
//! folder, each written to a temporary file beside it and renamed into place,
//! so a reader never sees half a file and a failed run leaves the old one.

use anyhow::{Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot move the finished file to {}", path.display()))?;
    Ok(())
}

/// Serialise rows as CSV (header first) into memory.
pub fn csv_bytes<T: Serialize>(rows: &[T]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// Write rows as a CSV file atomically; a header is written even with no rows.
pub fn write_csv<T: Serialize>(path: &Path, header: &[&str], rows: &[T]) -> Result<()> {
    let bytes = if rows.is_empty() {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header)?;
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?
    } else {
        csv_bytes(rows)?
    };
    write_atomic(path, &bytes)
}

/// A CSV file being streamed: rows go to a temporary file that is renamed
/// into place by [`StreamingCsv::finish`], so memory stays flat.
pub struct StreamingCsv {
    tmp: tempfile::NamedTempFile,
    out: std::io::BufWriter<std::fs::File>,
    path: std::path::PathBuf,
}

impl StreamingCsv {
    pub fn create(path: &Path, header: &[&str]) -> Result<StreamingCsv> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create folder {}", dir.display()))?;
        let tmp = tempfile::NamedTempFile::new_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        let file = tmp.reopen()?;
        let mut s = StreamingCsv {
            tmp,
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            path: path.to_path_buf(),
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header)?;
        s.write_raw(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
        Ok(s)
    }

    /// Append rows already serialised as CSV (no header).
    pub fn write_raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.out
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    pub fn finish(self) -> Result<()> {
        let StreamingCsv { tmp, out, path } = self;
        out.into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?
            .sync_all()?;
        tmp.persist(&path)
            .with_context(|| format!("cannot move the finished file to {}", path.display()))?;
        Ok(())
    }
}

/// Serialise rows without a header, for streaming.
pub fn rows_bytes<T: Serialize>(rows: &[T]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for r in rows {
        w.serialize(r).expect("rows serialise to CSV");
    }
    w.into_inner().expect("writing to memory cannot fail")
}
