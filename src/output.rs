//! Output files: CSV tables and other files written atomically.
//!
//! In: rows (anything `serde::Serialize`) or bytes. Out: files in the output
//! folder, each written to a temporary file beside it and renamed into place,
//! so a reader never sees half a file and a failed run leaves the old one.
//! Files get the permissions the umask allows (0666 less the umask, as `touch`
//! would make them), not the temporary file's 0600.
//! Text cells that a spreadsheet would run as a formula are neutralised
//! ([`neutralise`]); readers of stancediff's own CSVs undo it ([`restore`]).

use anyhow::{Context, Result};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Prefix of every temporary file stancediff writes; [`begin_run`] removes
/// those a killed run left behind.
pub const TEMP_PREFIX: &str = ".stancediff-tmp-";

/// The UTF-8 byte-order mark some spreadsheets need to read a CSV as UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn temp_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
}

/// The process's umask, read without changing it (Linux `/proc`), else by
/// setting and restoring it once.
pub fn umask() -> u32 {
    static MASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *MASK.get_or_init(|| {
        if let Ok(s) = std::fs::read_to_string("/proc/self/status")
            && let Some(m) = s
                .lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        {
            return m;
        }
        #[cfg(unix)]
        {
            // SAFETY: umask only swaps the process's file mode mask.
            let old = unsafe { libc::umask(0o022) };
            unsafe { libc::umask(old) };
            old as u32
        }
        #[cfg(not(unix))]
        0o022
    })
}

/// Give a finished temporary file the mode a newly created file gets.
fn set_public_mode(file: &std::fs::File, path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o666 & !umask()))
            .with_context(|| format!("cannot set the permissions of {}", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = (file, path);
    Ok(())
}

/// The completion marker: rewritten as unfinished when a run starts, and
/// written complete last. A folder without a complete one holds an
/// unfinished run.
pub const MARKER: &str = "stancediff-complete.json";

/// What the completion marker says: the files of the run and their sizes.
/// The list is also how the next run into the same folder knows which files
/// are stancediff's to remove (and nothing else is ever removed).
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct RunMarker {
    pub complete: bool,
    pub version: String,
    /// File (relative to the output folder, `/`-separated) -> bytes.
    pub files: std::collections::BTreeMap<String, u64>,
}

/// A run under way in an output folder: the files an earlier run wrote there.
#[derive(Debug, Default)]
pub struct RunStart {
    /// Files (relative, `/`-separated) the earlier run's marker listed.
    pub previous: Vec<String>,
}

fn read_marker(out: &Path) -> Option<RunMarker> {
    let text = std::fs::read_to_string(out.join(MARKER)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Is `rel` a plain relative path inside the folder (no `..`, no root)?
fn is_inside(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Start a run in `out`: mark the folder unfinished (the marker is rewritten
/// with `complete: false`, keeping the earlier run's file list, so a run
/// stopped midway still knows what to clean up next time), and remove the
/// temporary files of earlier runs that were killed (`.stancediff-tmp-*`,
/// and `.tmpXXXXXX` as older versions named them), in `out` and `out/charts`.
pub fn begin_run(out: &Path) -> Result<RunStart> {
    if out.as_os_str() == "-" {
        anyhow::bail!(
            "the output folder cannot be '-' (standard output): give a folder with --out DIR"
        );
    }
    if out.exists() && !out.is_dir() {
        anyhow::bail!(
            "the output folder {} exists and is not a folder: give another --out",
            out.display()
        );
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("cannot create the output folder {}", out.display()))?;
    let previous: Vec<String> = read_marker(out)
        .map(|m| m.files.into_keys().filter(|f| is_inside(f)).collect())
        .unwrap_or_default();
    let marker = out.join(MARKER);
    if marker.symlink_metadata().is_ok() {
        let m = RunMarker {
            complete: false,
            version: env!("CARGO_PKG_VERSION").to_string(),
            files: previous.iter().map(|f| (f.clone(), 0)).collect(),
        };
        write_atomic(&marker, serde_json::to_string_pretty(&m)?.as_bytes())
            .with_context(|| format!("cannot mark {} unfinished", out.display()))?;
    }
    for dir in [out.to_path_buf(), out.join("charts")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let legacy = name.len() == 10
                && name.starts_with(".tmp")
                && name[4..].bytes().all(|b| b.is_ascii_alphanumeric());
            if (name.starts_with(TEMP_PREFIX) || legacy) && e.file_type().is_ok_and(|t| t.is_file())
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(RunStart { previous })
}

/// End a run: remove the files the earlier run wrote that this one did not
/// (stale charts of an issue that no longer has positions, say; only files
/// its marker listed, only regular files), then write the completion marker
/// listing `files` (relative to `out`) with their sizes. Written last, atomically.
pub fn finish_run(out: &Path, start: &RunStart, files: &[String]) -> Result<Vec<String>> {
    let now: std::collections::HashSet<&str> = files.iter().map(|s| s.as_str()).collect();
    let mut removed = Vec::new();
    for f in &start.previous {
        if now.contains(f.as_str()) || f == MARKER || !is_inside(f) {
            continue;
        }
        let p = out.join(f);
        if p.symlink_metadata().is_ok_and(|m| m.file_type().is_file()) {
            std::fs::remove_file(&p)
                .with_context(|| format!("cannot remove the stale file {}", p.display()))?;
            removed.push(f.clone());
        }
    }
    let mut m = RunMarker {
        complete: true,
        version: env!("CARGO_PKG_VERSION").to_string(),
        files: Default::default(),
    };
    for f in files {
        let len = std::fs::metadata(out.join(f))
            .with_context(|| format!("cannot read {}", out.join(f).display()))?
            .len();
        m.files.insert(f.clone(), len);
    }
    let json = serde_json::to_string_pretty(&m)?;
    write_atomic(&out.join(MARKER), json.as_bytes())?;
    Ok(removed)
}

/// Check that `file` belongs to a finished run: its folder's completion
/// marker lists it with its current size. A folder with stancediff outputs
/// but no marker is an unfinished (or killed) run.
pub fn check_complete(file: &Path) -> Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let marker = dir.join(MARKER);
    let text = match std::fs::read_to_string(&marker) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if ["documents.csv", "statements.csv", "errors.csv"]
                .iter()
                .any(|f| dir.join(f).exists())
            {
                anyhow::bail!(
                    "{} is from an unfinished run: {} has no {MARKER} (the run was stopped before the end, or made by an older stancediff); run analyze again",
                    file.display(),
                    dir.display()
                );
            }
            return Ok(()); // a stances file on its own, not a run folder
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", marker.display())),
    };
    let m: RunMarker = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a stancediff completion marker", marker.display()))?;
    let len = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    if !m.complete {
        anyhow::bail!(
            "{} is from an unfinished run: {} says the run into {} did not finish; run analyze again",
            file.display(),
            marker.display(),
            dir.display()
        );
    }
    match m.files.get(&name) {
        Some(&n) if n == len => Ok(()),
        Some(&n) => anyhow::bail!(
            "{} has {len} bytes but the run that wrote it finished with {n}: it was changed or overwritten by an unfinished run",
            file.display()
        ),
        None => anyhow::bail!("{} is not listed in {}", file.display(), marker.display()),
    }
}

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let mut tmp = temp_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    set_public_mode(tmp.as_file(), path)?;
    tmp.persist(path)
        .with_context(|| format!("cannot move the finished file to {}", path.display()))?;
    Ok(())
}

/// Write a file atomically by streaming into a temporary file next to it
/// (for outputs too large to hold in memory, such as the workbook).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<()>,
) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let mut tmp = temp_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    write(tmp.as_file_mut()).with_context(|| format!("cannot write {}", path.display()))?;
    set_public_mode(tmp.as_file(), path)?;
    tmp.persist(path)
        .with_context(|| format!("cannot move the finished file to {}", path.display()))?;
    Ok(())
}

/// Serialise rows as CSV (header first) into memory.
pub fn csv_bytes<T: Serialize>(rows: &[T]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(Neutral(r))?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// Write rows as a CSV file atomically; a header is written even with no rows.
pub fn write_csv<T: Serialize>(path: &Path, header: &[&str], rows: &[T]) -> Result<()> {
    write_table(path, header, rows, false)
}

/// [`write_csv`], with a UTF-8 byte-order mark first when `bom` is set.
pub fn write_table<T: Serialize>(
    path: &Path,
    header: &[&str],
    rows: &[T],
    bom: bool,
) -> Result<()> {
    let mut bytes = if bom { UTF8_BOM.to_vec() } else { Vec::new() };
    bytes.extend(if rows.is_empty() {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header)?;
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?
    } else {
        csv_bytes(rows)?
    });
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
        StreamingCsv::create_with(path, header, false)
    }

    /// [`StreamingCsv::create`], with a UTF-8 byte-order mark first when `bom` is set.
    pub fn create_with(path: &Path, header: &[&str], bom: bool) -> Result<StreamingCsv> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create folder {}", dir.display()))?;
        let tmp = temp_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        let file = tmp.reopen()?;
        let mut s = StreamingCsv {
            tmp,
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            path: path.to_path_buf(),
        };
        if bom {
            s.write_raw(UTF8_BOM)?;
        }
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
        set_public_mode(tmp.as_file(), &path)?;
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
        w.serialize(Neutral(r)).expect("rows serialise to CSV");
    }
    w.into_inner().expect("writing to memory cannot fail")
}

// ---------------------------------------------------------------------------
// Formula neutralisation (OWASP "CSV injection")
// ---------------------------------------------------------------------------

/// Does a spreadsheet read a cell starting with this character as a formula?
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A text cell as written to CSV: one starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading `'`, so a spreadsheet shows it as text
/// instead of running it. Numbers are never passed through this (see
/// [`Neutral`]), so `-1.5` in a numeric column stays a number.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some(c) if is_formula_start(c) => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// Undo [`neutralise`] on a cell read back from a stancediff CSV (`compare`,
/// `eval`, `explain`), so a quotation that begins with `-` is compared and
/// re-written as it was said.
pub fn restore(s: &mut String) {
    let mut cs = s.chars();
    if cs.next() == Some('\'') && cs.next().is_some_and(is_formula_start) {
        s.remove(0);
    }
}

/// [`restore`] every field of a record.
pub fn restore_record(rec: &csv::StringRecord) -> csv::StringRecord {
    rec.iter()
        .map(|f| {
            let mut f = f.to_string();
            restore(&mut f);
            f
        })
        .collect()
}

/// Read a stancediff CSV into rows, undoing formula neutralisation first.
/// Errors name the file and the row.
pub fn read_restored<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let mut rdr = csv::Reader::from_reader(
        crate::corpus::open_regular(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?,
    );
    let headers = rdr
        .headers()
        .with_context(|| format!("cannot read the header of {}", path.display()))?
        .clone();
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("cannot parse {} row {}", path.display(), i + 2))?;
        out.push(
            restore_record(&rec)
                .deserialize(Some(&headers))
                .with_context(|| format!("cannot parse {} row {}", path.display(), i + 2))?,
        );
    }
    Ok(out)
}

/// The rows of a stancediff CSV that parse, one at a time, with formula
/// neutralisation undone; rows that do not parse are skipped.
pub fn restored_rows<T: serde::de::DeserializeOwned>(
    path: &Path,
) -> Result<impl Iterator<Item = T>> {
    let file = crate::corpus::open_regular(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut rdr = csv::Reader::from_reader(file);
    let headers = rdr
        .headers()
        .with_context(|| format!("cannot read {}", path.display()))?
        .clone();
    Ok(rdr.into_records().filter_map(move |r| {
        restore_record(&r.ok()?)
            .deserialize::<T>(Some(&headers))
            .ok()
    }))
}

/// A row whose text cells are neutralised when serialised: every string
/// (`serialize_str`, `collect_str`, `char`) goes through [`neutralise`]; numbers,
/// booleans and empty options are written as they are.
pub struct Neutral<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Neutral<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(NeutralSer(s))
    }
}

struct NeutralSer<S>(S);
struct NeutralCompound<C>(C);

macro_rules! forward {
    ($($name:ident($t:ty)),* $(,)?) => {
        $(fn $name(self, v: $t) -> Result<S::Ok, S::Error> { self.0.$name(v) })*
    };
}

impl<S: serde::Serializer> serde::Serializer for NeutralSer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = NeutralCompound<S::SerializeSeq>;
    type SerializeTuple = NeutralCompound<S::SerializeTuple>;
    type SerializeTupleStruct = NeutralCompound<S::SerializeTupleStruct>;
    type SerializeTupleVariant = NeutralCompound<S::SerializeTupleVariant>;
    type SerializeMap = NeutralCompound<S::SerializeMap>;
    type SerializeStruct = NeutralCompound<S::SerializeStruct>;
    type SerializeStructVariant = NeutralCompound<S::SerializeStructVariant>;

    forward!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
    );

    fn serialize_char(self, v: char) -> Result<S::Ok, S::Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        self.0.serialize_str(&neutralise(v))
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Neutral(v))
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit()
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_struct(name)
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_variant(name, index, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Neutral(v))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Neutral(v))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(NeutralCompound)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(NeutralCompound)
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0
            .serialize_tuple_struct(name, len)
            .map(NeutralCompound)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(NeutralCompound)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(NeutralCompound)
    }
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(NeutralCompound)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0
            .serialize_struct_variant(name, index, variant, len)
            .map(NeutralCompound)
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl<C: serde::ser::$trait> serde::ser::$trait for NeutralCompound<C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
                self.0.$method(&Neutral(v))
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    };
}
compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl<C: serde::ser::SerializeMap> serde::ser::SerializeMap for NeutralCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), C::Error> {
        self.0.serialize_key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
        self.0.serialize_value(&Neutral(v))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.0.end()
    }
}

impl<C: serde::ser::SerializeStruct> serde::ser::SerializeStruct for NeutralCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), C::Error> {
        self.0.serialize_field(key, &Neutral(v))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.0.end()
    }
}

impl<C: serde::ser::SerializeStructVariant> serde::ser::SerializeStructVariant
    for NeutralCompound<C>
{
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), C::Error> {
        self.0.serialize_field(key, &Neutral(v))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        text: String,
        stance: f64,
        gap: Option<f64>,
        n: i8,
        tab: char,
    }

    #[test]
    fn text_cells_are_neutralised_numbers_are_not() {
        let rows = [Row {
            text: "=HYPERLINK(\"http://x\")".into(),
            stance: -1.5,
            gap: Some(-0.25),
            n: -2,
            tab: '\t',
        }];
        let s = String::from_utf8(csv_bytes(&rows).unwrap()).unwrap();
        assert_eq!(
            s,
            "text,stance,gap,n,tab\n\"'=HYPERLINK(\"\"http://x\"\")\",-1.5,-0.25,-2,'\t\n"
        );
        for c in ["+1", "-x", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(c), format!("'{c}"));
            let mut back = neutralise(c).into_owned();
            restore(&mut back);
            assert_eq!(back, c);
        }
        assert_eq!(neutralise("Peace now"), "Peace now");
        let mut plain = "'quoted'".to_string();
        restore(&mut plain);
        assert_eq!(plain, "'quoted'");
    }
}
