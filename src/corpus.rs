//! Corpus: which inputs to read, and reading them into raw articles.
//!
//! In: paths given on the command line (folders are walked recursively) and an
//! optional manifest. Out: a sorted list of [`InputFile`]s and, per file, one or
//! more [`RawArticle`]s (a `.jsonl` or `.csv` file holds many). Reading never
//! fails the run: a file that cannot be used becomes an [`InputError`].

use serde::Deserialize;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The article formats stancediff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Csv,
}

impl Format {
    pub fn from_path(p: &Path) -> Option<Format> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// One input file: where it is and how it is named in the outputs.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the corpus folder given on the command line.
    pub rel: String,
    pub format: Format,
}

/// A problem with one input; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    pub stage: &'static str,
    pub message: String,
}

/// Metadata that a manifest, a JSONL/CSV record or an HTML page supplies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub url: String,
    pub outlet: String,
    pub published: String,
    pub title: String,
}

/// One article as read: its text (not yet cleaned) and what came with it.
#[derive(Debug, Clone)]
pub struct RawArticle {
    pub file: String,
    /// Record number inside a JSONL/CSV file (1-based), 0 for whole files.
    pub record: usize,
    pub format: Format,
    pub text: String,
    pub meta: Meta,
    pub warnings: Vec<String>,
    /// Bytes read from disk for this article (for throughput figures).
    pub bytes: usize,
}

/// Files that are never articles: the manifest, gold annotations, hidden files.
fn is_ignored(rel: &Path) -> bool {
    rel.components().any(|c| {
        let s = c.as_os_str().to_string_lossy();
        s.starts_with('.') || s == "gold"
    }) || rel.file_name().is_some_and(|n| n == "manifest.csv")
}

/// The input files under `paths`, one at a time: each folder is walked in
/// sorted order (so every run sees the files in the same order) without
/// holding the list of a million files in memory.
///
/// Every path seen is either an input or an [`InputError`], except regular
/// files of other types (images, notes), hidden files, `manifest.csv` and
/// `gold/`, which are not articles. Symbolic links to files inside the corpus
/// folder are followed; links to folders, to files outside the corpus, broken
/// links and link loops are reported. FIFOs, sockets and devices are reported
/// and never opened.
pub fn inputs(paths: &[PathBuf]) -> impl Iterator<Item = Result<InputFile, InputError>> + '_ {
    paths.iter().flat_map(
        |root| -> Box<dyn Iterator<Item = Result<InputFile, InputError>>> {
            if root.is_dir() {
                let root = root.clone();
                let canon_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
                Box::new(
                    walkdir::WalkDir::new(root.clone())
                        .sort_by_file_name()
                        .into_iter()
                        .filter_map(move |entry| {
                            let entry = match entry {
                                Ok(e) => e,
                                Err(e) => {
                                    let file = e.path().map_or(display_path(&root), |p| {
                                        slash_path(p.strip_prefix(&root).unwrap_or(p))
                                    });
                                    return Some(Err(InputError {
                                        file,
                                        stage: "read",
                                        message: e.to_string(),
                                    }));
                                }
                            };
                            let rel_path = entry.path().strip_prefix(&root).unwrap_or(entry.path());
                            if entry.depth() == 0 || is_ignored(rel_path) {
                                return None;
                            }
                            classify(entry.path(), rel_path, entry.file_type(), &canon_root)
                        }),
                )
            } else {
                Box::new(single_file(root).into_iter())
            }
        },
    )
}

/// What one walked path is: an input, an error row, or nothing (not an article).
fn classify(
    path: &Path,
    rel_path: &Path,
    ft: std::fs::FileType,
    canon_root: &Path,
) -> Option<Result<InputFile, InputError>> {
    let rel = slash_path(rel_path);
    let err = |message: String| {
        Some(Err(InputError {
            file: rel.clone(),
            stage: "read",
            message,
        }))
    };
    if ft.is_dir() {
        return None;
    }
    if ft.is_symlink() {
        let target = match std::fs::canonicalize(path) {
            Ok(t) => t,
            Err(e) if is_loop(&e) => {
                return err("symbolic link loop: not followed".into());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return err("broken symbolic link (its target does not exist)".into());
            }
            Err(e) => return err(format!("cannot follow symbolic link: {e}")),
        };
        let meta = match std::fs::metadata(&target) {
            Ok(m) => m,
            Err(e) => return err(format!("cannot follow symbolic link: {e}")),
        };
        if meta.is_dir() {
            return err(
                "symbolic link to a folder: not followed (give the folder itself as an input)"
                    .into(),
            );
        }
        if !target.starts_with(canon_root) {
            return err(
                "symbolic link to a file outside the corpus folder: not followed (give the file itself as an input)"
                    .into(),
            );
        }
        if let Some(kind) = special_kind(&meta.file_type()) {
            return err(format!("symbolic link to a {kind}: not read"));
        }
    } else if let Some(kind) = special_kind(&ft) {
        return err(format!("not a regular file ({kind}): not read"));
    } else if !ft.is_file() {
        return err("not a regular file: not read".into());
    }
    Format::from_path(path).map(|format| {
        Ok(InputFile {
            path: path.to_path_buf(),
            rel,
            format,
        })
    })
}

/// A path given on the command line that is not a folder.
fn single_file(root: &Path) -> Option<Result<InputFile, InputError>> {
    let rel = root.file_name().map_or_else(|| display_path(root), os_name);
    let err = |message: String| {
        Some(Err(InputError {
            file: rel.clone(),
            stage: "read",
            message,
        }))
    };
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) if is_loop(&e) => return err("symbolic link loop".into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(Err(InputError {
                file: display_path(root),
                stage: "read",
                message: "no such file or folder".into(),
            }));
        }
        Err(e) => return err(e.to_string()),
    };
    if let Some(kind) = special_kind(&meta.file_type()) {
        return err(format!("not a regular file ({kind}): not read"));
    }
    match Format::from_path(root) {
        Some(format) => Some(Ok(InputFile {
            path: root.to_path_buf(),
            rel,
            format,
        })),
        None => err("unknown file type: use .txt, .html, .htm, .jsonl or .csv".into()),
    }
}

fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// "FIFO", "socket", "device" for special files; `None` for files, folders, links.
fn special_kind(ft: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("FIFO");
        }
        if ft.is_socket() {
            return Some("socket");
        }
        if ft.is_block_device() || ft.is_char_device() {
            return Some("device");
        }
    }
    let _ = ft;
    None
}

/// Open a file for reading only if it is a regular file: a FIFO or a device
/// is never read (on Unix it is opened without blocking, checked and closed).
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    open_regular_sized(path).map(|(f, _)| f)
}

/// [`open_regular`], with the file's length from the same `fstat` (a
/// second one per input file was a measurable share of reading).
fn open_regular_sized(path: &Path) -> std::io::Result<(std::fs::File, u64)> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let f = opts.open(path)?;
    let meta = f.metadata()?;
    let ft = meta.file_type();
    if !ft.is_file() {
        let kind = special_kind(&ft).unwrap_or(if ft.is_dir() {
            "folder"
        } else {
            "special file"
        });
        return Err(std::io::Error::other(format!(
            "not a regular file ({kind}): not read"
        )));
    }
    Ok((f, meta.len()))
}

/// Read a whole regular file (see [`open_regular`]).
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let (mut f, len) = open_regular_sized(path)?;
    read_sized(&mut f, len)
}

/// Read `f` to its end, its length `len` known from the open's `fstat`.
/// `read_to_end` would ask the file's size and position again (a `statx`
/// and an `lseek` per input file); a buffer one byte longer than the file
/// takes it in one read, and a second read sees the end. A file that grew
/// meanwhile is still read whole.
fn read_sized(f: &mut std::fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = vec![0u8; len as usize + 1];
    let mut n = 0;
    loop {
        if n == bytes.len() {
            bytes.resize((2 * n).max(8192), 0);
        }
        match f.read(&mut bytes[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(n);
    Ok(bytes)
}

/// Find the input files under `paths`, sorted by relative path so that every
/// run sees them in the same order.
pub fn discover(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for r in inputs(paths) {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel).then(a.path.cmp(&b.path)));
    (files, errors)
}

/// A path as shown in the outputs: components joined by `/`, each spelled
/// losslessly by [`os_name`].
fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| match c {
            std::path::Component::RootDir => String::new(),
            c => os_name(c.as_os_str()),
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn display_path(p: &Path) -> String {
    slash_path(p)
}

/// A file name as text, losslessly: two different names never have the same
/// spelling, and [`unspell_name`] gives the name back.
///
/// A name that is valid UTF-8 and has no `%` followed by two hex digits is
/// spelled as it is (`50%.txt`, `Genève.txt`). Any other name is
/// percent-encoded: each byte that is not UTF-8 is `%XX` and every `%` is
/// `%25`, the rest as it is (`\xff.txt` is `%FF.txt`, a real file named
/// `%FF.txt` is `%25FF.txt`). The second kind always holds a `%` and two hex
/// digits and the first never does, so the two kinds cannot collide, and
/// within each kind the spelling decodes to one name.
pub fn os_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        spell_name(name.as_bytes())
    }
    #[cfg(not(unix))]
    {
        match name.to_str() {
            Some(s) => spell_name(s.as_bytes()),
            None => name.to_string_lossy().into_owned(),
        }
    }
}

/// Does `s` hold a `%` followed by two hex digits (a percent escape)?
fn has_percent_escape(s: &str) -> bool {
    s.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// The spelling of a file name given as bytes; see [`os_name`].
pub fn spell_name(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes)
        && !has_percent_escape(s)
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '%' {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The file name (bytes) a spelling made by [`spell_name`] stands for.
pub fn unspell_name(spelling: &str) -> Vec<u8> {
    if !has_percent_escape(spelling) {
        return spelling.as_bytes().to_vec();
    }
    let b = spelling.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(Ok(v)) = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// A relative path's spelling, as the name it stands for when that is text
/// and differs from the spelling (`a/%25FF.txt` -> `a/%FF.txt`): how a
/// manifest written by hand names such a file.
fn as_written(rel: &str) -> Option<String> {
    let parts: Option<Vec<String>> = rel
        .split('/')
        .map(|c| String::from_utf8(unspell_name(c)).ok())
        .collect();
    parts.map(|p| p.join("/")).filter(|w| w != rel)
}

/// Look `rel` up in a manifest map: by relative path, then by bare file name;
/// then the same with the names as written ([`as_written`]).
fn manifest_lookup<'m, T>(map: &'m HashMap<String, T>, rel: &str) -> Option<&'m T> {
    let find = |r: &str| {
        map.get(r)
            .or_else(|| map.get(r.rsplit('/').next().unwrap_or(r)))
    };
    find(rel).or_else(|| as_written(rel).and_then(|w| find(&w)))
}

/// The corpus manifest: metadata by file name.
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    by_file: HashMap<String, Meta>,
    /// Rows or files that could not be used (an errors.csv row each).
    pub errors: Vec<InputError>,
    /// Problems that did not stop it (duplicate rows), for the run's summary.
    pub warnings: Vec<String>,
    /// Files listed more than once: the warning each such document carries.
    duplicates: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct ManifestRow {
    file: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    title: String,
}

impl Manifest {
    /// Read a manifest. This never fails the run: a manifest that cannot be
    /// read (missing, a FIFO, not CSV) is one error and an empty manifest; a
    /// bad row is an error for that row and the other rows are used; a file
    /// listed twice is a warning, and its last row is used.
    pub fn load(path: &Path) -> Manifest {
        let name = display_path(path);
        let mut m = Manifest::default();
        let file = match open_regular(path) {
            Ok(f) => f,
            Err(e) => {
                m.errors.push(InputError {
                    file: name.clone(),
                    stage: "read",
                    message: format!(
                        "cannot read manifest: {e}; the articles are read without its metadata"
                    ),
                });
                return m;
            }
        };
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(file);
        let header_ok = rdr
            .headers()
            .map(|h| h.iter().any(|c| c.trim() == "file"))
            .unwrap_or(false);
        if !header_ok {
            m.errors.push(InputError {
                file: name.clone(),
                stage: "parse",
                message: "manifest has no 'file' column (expected columns file,url,outlet,published,title); the articles are read without its metadata".into(),
            });
            return m;
        }
        let mut first_row: HashMap<String, usize> = HashMap::new();
        for (i, row) in rdr.deserialize::<ManifestRow>().enumerate() {
            let line = i + 2;
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    m.errors.push(InputError {
                        file: format!("{name}#{line}"),
                        stage: "parse",
                        message: format!(
                            "manifest row not used: {e} (expected columns file,url,outlet,published,title)"
                        ),
                    });
                    continue;
                }
            };
            let key = row.file.trim().to_string();
            if let Some(first) = first_row.get(&key) {
                let w = format!(
                    "manifest lists {key} more than once (rows {first} and {line}): the last row is used"
                );
                m.duplicates.insert(key.clone(), w.clone());
                m.warnings.push(w);
            } else {
                first_row.insert(key.clone(), line);
            }
            m.by_file.insert(
                key,
                Meta {
                    url: row.url.trim().into(),
                    outlet: row.outlet.trim().into(),
                    published: row.published.trim().into(),
                    title: row.title.trim().into(),
                },
            );
        }
        m
    }

    /// The duplicate-row warning for a file, if the manifest lists it twice.
    pub fn duplicate_warning(&self, rel: &str) -> Option<&str> {
        manifest_lookup(&self.duplicates, rel).map(|s| s.as_str())
    }

    /// Look up by relative path, then by bare file name (each as spelled in
    /// the outputs, then as written when the spelling escapes a `%`).
    pub fn get(&self, rel: &str) -> Option<&Meta> {
        manifest_lookup(&self.by_file, rel)
    }

    pub fn len(&self) -> usize {
        self.by_file.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty()
    }
}

/// Decode bytes: UTF-8, else Windows-1252 with a warning; binary is an error.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err("binary file (contains NUL or control bytes), skipped".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((
                text.into_owned(),
                Some(format!(
                    "not valid UTF-8 (first bad byte at offset {}): decoded as Windows-1252",
                    e.valid_up_to()
                )),
            ))
        }
    }
}

/// [`decode`] without copying valid UTF-8 (the common case).
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Option<String>), String> {
    if looks_binary(&bytes) {
        return Err("binary file (contains NUL or control bytes), skipped".into());
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => decode(e.as_bytes()),
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 20 > head.len()
}

/// Field names accepted in JSONL and CSV records, in order of preference.
pub const TEXT_FIELDS: &[&str] = &[
    "text",
    "content",
    "body",
    "article",
    "maintext",
    "full_text",
];
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
pub const DATE_FIELDS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publish_date",
    "date_publish",
    "datetime",
    "pubdate",
];
pub const URL_FIELDS: &[&str] = &["url", "link", "source_url"];
pub const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source",
    "publisher",
    "site",
    "site_name",
    "domain",
];

type Fields = HashMap<String, String>;

fn pick<'a>(fields: &'a Fields, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .filter_map(|n| fields.get(*n))
        .map(|s| s.as_str())
        .find(|v| !v.trim().is_empty())
}

fn meta_from(fields: &Fields) -> Meta {
    Meta {
        url: pick(fields, URL_FIELDS).unwrap_or("").trim().into(),
        outlet: pick(fields, OUTLET_FIELDS).unwrap_or("").trim().into(),
        published: pick(fields, DATE_FIELDS).unwrap_or("").trim().into(),
        title: pick(fields, TITLE_FIELDS).unwrap_or("").trim().into(),
    }
}

/// Read one whole-file article (.txt or .html).
pub fn read_whole(file: &InputFile) -> Result<RawArticle, InputError> {
    let err = |stage, message: String| InputError {
        file: file.rel.clone(),
        stage,
        message,
    };
    let bytes = read_regular(&file.path).map_err(|e| err("read", e.to_string()))?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err("read", "empty file".into()));
    }
    let len = bytes.len();
    let (text, warning) = decode_owned(bytes).map_err(|m| err("decode", m))?;
    Ok(RawArticle {
        file: file.rel.clone(),
        record: 0,
        format: file.format,
        text,
        meta: Meta::default(),
        warnings: warning.into_iter().collect(),
        bytes: len,
    })
}

/// Stream the records of a JSONL or CSV file in batches of `batch` articles,
/// calling `sink` with each batch so that a huge file is never held at once.
pub fn stream_records(
    file: &InputFile,
    batch: usize,
    sink: &mut dyn FnMut(Vec<Result<RawArticle, InputError>>),
) {
    let err = |stage, message: String| InputError {
        file: file.rel.clone(),
        stage,
        message,
    };
    let f = match open_regular(&file.path) {
        Ok(f) => f,
        Err(e) => return sink(vec![Err(err("read", e.to_string()))]),
    };
    match file.format {
        Format::Jsonl => stream_jsonl(file, std::io::BufReader::new(f), batch, sink),
        Format::Csv => {
            let path = file.path.clone();
            let tail = move |pos: u64| -> Option<Vec<u8>> {
                use std::io::{Read, Seek};
                let mut f = open_regular(&path).ok()?;
                f.seek(std::io::SeekFrom::Start(pos)).ok()?;
                let mut v = Vec::new();
                f.read_to_end(&mut v).ok()?;
                Some(v)
            };
            stream_csv(file, f, batch, sink, &tail)
        }
        _ => sink(vec![read_whole(file)]),
    }
}

fn stream_jsonl<R: BufRead>(
    file: &InputFile,
    mut reader: R,
    batch: usize,
    sink: &mut dyn FnMut(Vec<Result<RawArticle, InputError>>),
) {
    let mut out = Vec::with_capacity(batch);
    let mut line = Vec::new();
    let mut n = 0usize;
    let mut any = false;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(InputError {
                    file: file.rel.clone(),
                    stage: "read",
                    message: e.to_string(),
                }));
                break;
            }
        }
        n += 1;
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        any = true;
        out.push(jsonl_record(file, n, &line));
        if out.len() >= batch {
            sink(std::mem::take(&mut out));
        }
    }
    if !any && out.is_empty() {
        out.push(Err(InputError {
            file: file.rel.clone(),
            stage: "read",
            message: "empty file".into(),
        }));
    }
    if !out.is_empty() {
        sink(out);
    }
}

fn jsonl_record(file: &InputFile, n: usize, line: &[u8]) -> Result<RawArticle, InputError> {
    let err = |message: String| InputError {
        file: format!("{}#{}", file.rel, n),
        stage: "parse",
        message,
    };
    let (decoded, warning) = decode(line).map_err(err)?;
    let value: serde_json::Value =
        serde_json::from_str(&decoded).map_err(|e| err(format!("invalid JSON: {e}")))?;
    let obj = value
        .as_object()
        .ok_or_else(|| err("a JSONL line must be a JSON object".into()))?;
    let fields: Fields = obj
        .iter()
        .filter_map(|(k, v)| {
            let s = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some((k.to_ascii_lowercase(), s))
        })
        .collect();
    let text = pick(&fields, TEXT_FIELDS).ok_or_else(|| {
        err(format!(
            "no article text: expected one of the fields {}",
            TEXT_FIELDS.join(", ")
        ))
    })?;
    Ok(RawArticle {
        file: file.rel.clone(),
        record: n,
        format: Format::Jsonl,
        text: text.to_string(),
        meta: meta_from(&fields),
        warnings: warning.into_iter().collect(),
        bytes: line.len(),
    })
}

fn stream_csv<R: std::io::Read>(
    file: &InputFile,
    f: R,
    batch: usize,
    sink: &mut dyn FnMut(Vec<Result<RawArticle, InputError>>),
    tail: &dyn Fn(u64) -> Option<Vec<u8>>,
) {
    let mut rdr: csv::Reader<Box<dyn std::io::Read + '_>> = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(Box::new(f));
    let headers = match rdr.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_ascii_lowercase())
            .collect::<Vec<_>>(),
        Err(e) => {
            return sink(vec![Err(InputError {
                file: file.rel.clone(),
                stage: "parse",
                message: format!("invalid CSV header: {e}"),
            })]);
        }
    };
    if !TEXT_FIELDS.iter().any(|t| headers.iter().any(|h| h == t)) {
        return sink(vec![Err(InputError {
            file: file.rel.clone(),
            stage: "parse",
            message: format!(
                "no article text column: expected one of {} in the header",
                TEXT_FIELDS.join(", ")
            ),
        })]);
    }
    let mut out = Vec::with_capacity(batch);
    let mut record = csv::ByteRecord::new();
    let mut n = 0;
    // The last record read, held back until the next one: a quote that is
    // never closed swallows the rest of the file into the last record.
    let mut held: Option<(usize, csv::ByteRecord, u64)> = None;
    // After an unbalanced quote, the rest of the file is read again from memory.
    let mut memory: Option<Vec<u8>> = None;
    let mut recoveries = 0;
    loop {
        let start = rdr.position().byte();
        match rdr.read_byte_record(&mut record) {
            Ok(false) => {
                let Some((hn, rec, pos)) = held.take() else {
                    break;
                };
                let raw = if rec.iter().any(|f| f.contains(&b'\n')) {
                    match &memory {
                        Some(m) => m.get(pos as usize..).map(|t| t.to_vec()),
                        None => tail(pos),
                    }
                } else {
                    None
                };
                let unbalanced = raw
                    .as_ref()
                    .is_some_and(|r| memchr::memchr_iter(b'"', r).count() % 2 == 1);
                if !unbalanced {
                    out.push(csv_record(file, hn, &headers, &rec));
                    break;
                }
                let raw = raw.unwrap_or_default();
                recoveries += 1;
                let rest = memchr::memchr(b'\n', &raw).map_or(&raw[raw.len()..], |i| &raw[i + 1..]);
                if recoveries > 100 {
                    out.push(Err(InputError {
                        file: format!("{}#{}", file.rel, hn),
                        stage: "parse",
                        message: "unbalanced quote (a quoted field never closes), and more than 100 such rows: the rest of the file was not read".into(),
                    }));
                    break;
                }
                out.push(Err(InputError {
                    file: format!("{}#{}", file.rel, hn),
                    stage: "parse",
                    message: "unbalanced quote: a quoted field opened in this row never closes; the row is not used and the lines after it are read as rows".into(),
                }));
                let rest = rest.to_vec();
                memory = Some(rest.clone());
                rdr = csv::ReaderBuilder::new()
                    .flexible(true)
                    .has_headers(false)
                    .from_reader(Box::new(std::io::Cursor::new(rest)));
                n = hn;
            }
            Ok(true) => {
                n += 1;
                if let Some((hn, rec, _)) = held.take() {
                    out.push(csv_record(file, hn, &headers, &rec));
                }
                held = Some((n, record.clone(), start));
            }
            Err(e) => {
                n += 1;
                if let Some((hn, rec, _)) = held.take() {
                    out.push(csv_record(file, hn, &headers, &rec));
                }
                out.push(Err(InputError {
                    file: format!("{}#{}", file.rel, n),
                    stage: "parse",
                    message: format!("invalid CSV row: {e}"),
                }));
                if e.is_io_error() {
                    break;
                }
            }
        }
        if out.len() >= batch {
            sink(std::mem::take(&mut out));
        }
    }
    if !out.is_empty() {
        sink(out);
    }
}

/// The records of a JSONL or CSV file held in memory (tests, fuzzing): the
/// same results as [`stream_records`] on a file with these bytes.
pub fn records_from_bytes(file: &InputFile, bytes: &[u8]) -> Vec<Result<RawArticle, InputError>> {
    let mut all = Vec::new();
    let mut sink = |b: Vec<Result<RawArticle, InputError>>| all.extend(b);
    match file.format {
        Format::Jsonl => stream_jsonl(file, std::io::Cursor::new(bytes), 512, &mut sink),
        Format::Csv => stream_csv(file, bytes, 512, &mut sink, &|pos| {
            bytes.get(pos as usize..).map(|t| t.to_vec())
        }),
        _ => {}
    }
    all
}

fn csv_record(
    file: &InputFile,
    n: usize,
    headers: &[String],
    record: &csv::ByteRecord,
) -> Result<RawArticle, InputError> {
    let mut warnings = Vec::new();
    let mut fields: Fields = HashMap::new();
    for (h, v) in headers.iter().zip(record.iter()) {
        let (s, w) = decode(v).map_err(|m| InputError {
            file: format!("{}#{}", file.rel, n),
            stage: "decode",
            message: m,
        })?;
        if let Some(w) = w
            && warnings.is_empty()
        {
            warnings.push(w);
        }
        fields.insert(h.clone(), s);
    }
    let text = pick(&fields, TEXT_FIELDS).ok_or_else(|| InputError {
        file: format!("{}#{}", file.rel, n),
        stage: "parse",
        message: "empty article text".into(),
    })?;
    Ok(RawArticle {
        file: file.rel.clone(),
        record: n,
        format: Format::Csv,
        text: text.to_string(),
        meta: meta_from(&fields),
        warnings,
        bytes: record.as_slice().len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_falls_back_to_windows_1252() {
        let (s, w) = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(s, "café “quoted”");
        assert!(w.unwrap().contains("Windows-1252"));
    }

    /// Every name has one spelling, and the spelling gives the name back.
    #[test]
    fn file_name_spellings_are_distinct_and_lossless() {
        let names: [&[u8]; 12] = [
            b"a.txt",
            b"50%.txt",
            b"%FF.txt",
            b"\xff.txt",
            b"%25FF.txt",
            b"%25.txt",
            b"%.txt",
            b"%ff.txt",
            b"\xff%.txt",
            b"\xff%FF.txt",
            "Genève %zz.txt".as_bytes(),
            b"\xe9t\xe9%2.txt",
        ];
        let spelled: Vec<String> = names.iter().map(|n| spell_name(n)).collect();
        assert_eq!(spelled[0], "a.txt");
        assert_eq!(spelled[1], "50%.txt");
        assert_eq!(spelled[2], "%25FF.txt");
        assert_eq!(spelled[3], "%FF.txt");
        assert_eq!(spelled[10], "Genève %zz.txt");
        let distinct: std::collections::BTreeSet<&String> = spelled.iter().collect();
        assert_eq!(distinct.len(), names.len(), "{spelled:?}");
        for (n, s) in names.iter().zip(&spelled) {
            assert_eq!(unspell_name(s), n.to_vec(), "{s}");
        }
        // A manifest written by hand names the file as it is on disk.
        assert_eq!(as_written("dir/%25FF.txt").as_deref(), Some("dir/%FF.txt"));
        assert_eq!(as_written("dir/%FF.txt"), None);
        assert_eq!(as_written("a.txt"), None);
    }

    #[test]
    fn decode_rejects_binary() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
    }

    #[test]
    fn ignored_paths() {
        assert!(is_ignored(Path::new("gold/quotes.csv")));
        assert!(is_ignored(Path::new("manifest.csv")));
        assert!(is_ignored(Path::new(".hidden/a.txt")));
        assert!(!is_ignored(Path::new("2026/a.txt")));
    }
}
