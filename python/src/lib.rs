//! `stancediff._native`: the Rust side of the Python package.
//!
//! Every function returns the bytes of the CSV tables the CLI writes
//! (header first); the Python side parses them with explicit dtypes, so a
//! DataFrame holds the same cells as the CLI's file by construction. The GIL
//! is released while Rust works, and a compiled [`Lexicon`] is shared (an
//! `Arc`) across calls and threads.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rayon::prelude::*;
use stancediff::corpus::{self, Format, InputError, Manifest, Meta, RawArticle};
use stancediff::documents::{self, Boilerplate, DEFAULT_BOILERPLATE};
use stancediff::lexicon::{DEFAULT_LEXICON, ENGLISH_CUES, Lexicon};
use stancediff::pipeline::{
    self, Config, DOCUMENT_HEADER, ERROR_HEADER, STANCE_HEADER, STATEMENT_HEADER,
};
use stancediff::positions::Period;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

create_exception!(
    _native,
    StancediffError,
    PyException,
    "An error stancediff reports, with the same message as the command line."
);

fn err(e: impl std::fmt::Display) -> PyErr {
    StancediffError::new_err(e.to_string())
}

/// anyhow errors are shown as the CLI shows them (`{:#}`: with their causes).
fn any_err(e: anyhow::Error) -> PyErr {
    StancediffError::new_err(format!("{e:#}"))
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

static DEFAULT: OnceLock<Arc<Lexicon>> = OnceLock::new();

fn default_lexicon() -> Arc<Lexicon> {
    DEFAULT
        .get_or_init(|| Arc::new(Lexicon::default_lexicon()))
        .clone()
}

/// A compiled lexicon: parties, people, cues and issues. Compile it once and
/// pass it to every call; it is shared, never copied, across calls and threads.
#[pyclass(frozen, module = "stancediff._native", name = "Lexicon")]
struct PyLexicon {
    inner: Arc<Lexicon>,
    /// Where it came from: a path, `<default lexicon>` or a name given with the TOML.
    source: String,
    /// The TOML it was compiled from.
    toml: String,
}

impl PyLexicon {
    fn compile(py: Python<'_>, toml: String, source: String) -> PyResult<PyLexicon> {
        let lex = py
            .detach(|| Lexicon::from_toml(&toml, &source))
            .map_err(err)?;
        Ok(PyLexicon {
            inner: Arc::new(lex),
            source,
            toml,
        })
    }
}

#[pymethods]
impl PyLexicon {
    /// `Lexicon()` is the embedded default (Russia-Ukraine); `Lexicon(path)` reads a TOML file.
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(py: Python<'_>, path: Option<PathBuf>) -> PyResult<PyLexicon> {
        match path {
            None => Ok(PyLexicon {
                inner: py.detach(default_lexicon),
                source: "<default lexicon>".into(),
                toml: DEFAULT_LEXICON.into(),
            }),
            Some(p) => {
                // As the CLI reads it: a relative `extends` is resolved against
                // the file's folder, and the chain is merged into one text (the
                // one a run records), with the CLI's messages on failure.
                let toml = py
                    .detach(|| stancediff::lexicon::extends::self_contained_text(&p))
                    .map_err(err)?;
                PyLexicon::compile(py, toml, p.display().to_string())
            }
        }
    }

    /// Compile a lexicon from TOML text; `name` appears in error messages.
    #[staticmethod]
    #[pyo3(signature = (text, name="<string>"))]
    fn from_toml(py: Python<'_>, text: String, name: &str) -> PyResult<PyLexicon> {
        PyLexicon::compile(py, text, name.to_string())
    }

    /// A new lexicon: this one's TOML followed by `text` (more `[[actors]]`,
    /// `[[sources]]`, `[[issues]]`, `[[examples]]` ...), compiled.
    #[pyo3(signature = (text, name=None))]
    fn extend(&self, py: Python<'_>, text: &str, name: Option<String>) -> PyResult<PyLexicon> {
        let toml = format!("{}\n{}\n", self.toml, text);
        let name = name.unwrap_or_else(|| format!("{} (extended)", self.source));
        PyLexicon::compile(py, toml, name)
    }

    /// The embedded default lexicon's TOML (what `stancediff lexicon show` prints).
    #[staticmethod]
    fn default_toml() -> &'static str {
        DEFAULT_LEXICON
    }

    /// The built-in English cue lists every lexicon inherits (`lexicon show --cues`).
    #[staticmethod]
    fn english_cues() -> &'static str {
        ENGLISH_CUES
    }

    #[getter]
    fn source(&self) -> &str {
        &self.source
    }

    #[getter]
    fn toml(&self) -> &str {
        &self.toml
    }

    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    #[getter]
    fn description(&self) -> &str {
        &self.inner.description
    }

    /// Parties in lexicon order: dicts with id, label, color.
    #[getter]
    fn parties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for p in &self.inner.parties {
            let d = PyDict::new(py);
            d.set_item("id", &p.id)?;
            d.set_item("label", &p.label)?;
            d.set_item("color", &p.color)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Issues in lexicon order: dicts with id, label, proposition.
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for i in &self.inner.issues {
            let d = PyDict::new(py);
            d.set_item("id", &i.id)?;
            d.set_item("label", &i.label)?;
            d.set_item("proposition", &i.proposition)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Named people: dicts with name and party id.
    #[getter]
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for a in &self.inner.actors {
            let d = PyDict::new(py);
            d.set_item("name", &a.name)?;
            d.set_item("party", self.inner.party_id(a.party))?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The first line `stancediff lexicon check` prints.
    fn summary(&self) -> String {
        format!("{}: {}", self.source, self.inner.summary())
    }

    /// Run the lexicon's `[[examples]]`: one dict per example with text,
    /// passed, problems (what differed) and found (one line per statement).
    fn examples<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let lex = self.inner.clone();
        let results = py.detach(move || stancediff::examples::run_all(&lex));
        let list = PyList::empty(py);
        for r in results {
            let d = PyDict::new(py);
            d.set_item("text", &r.text)?;
            d.set_item("passed", r.passed())?;
            d.set_item("problems", &r.problems)?;
            d.set_item("found", &r.found)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// What `stancediff lexicon check` does: run the examples; raise
    /// StancediffError with the CLI's failure report if any fails, else
    /// return the CLI's two lines.
    fn check(&self, py: Python<'_>) -> PyResult<String> {
        let lex = self.inner.clone();
        let results = py.detach(move || stancediff::examples::run_all(&lex));
        match stancediff::examples::failures(&results) {
            None => Ok(format!(
                "{}\n{} examples passed",
                self.summary(),
                results.len()
            )),
            Some(report) => Err(StancediffError::new_err(report)),
        }
    }

    /// Analyse a text on the spot and explain every statement in it
    /// (what `stancediff explain --text` prints).
    fn explain(&self, py: Python<'_>, text: &str) -> String {
        let lex = self.inner.clone();
        py.detach(move || stancediff::explain::explain_text(text, &lex))
    }

    fn __repr__(&self) -> String {
        format!(
            "Lexicon({:?}: {} parties, {} issues)",
            self.source,
            self.inner.parties.len(),
            self.inner.issues.len()
        )
    }
}

fn lexicon_of(lexicon: Option<&Bound<'_, PyLexicon>>) -> Arc<Lexicon> {
    match lexicon {
        Some(l) => l.get().inner.clone(),
        None => default_lexicon(),
    }
}

fn period_of(s: &str) -> PyResult<Period> {
    match s.to_ascii_lowercase().as_str() {
        "day" => Ok(Period::Day),
        "week" => Ok(Period::Week),
        "month" => Ok(Period::Month),
        _ => Err(StancediffError::new_err(format!(
            "invalid value '{s}' for period: use day, week or month"
        ))),
    }
}

/// The boilerplate rules: the defaults and extra TOML files, as the CLI loads them.
fn load_boilerplate(files: &[PathBuf]) -> anyhow::Result<Boilerplate> {
    use anyhow::Context;
    let mut rules = vec![DEFAULT_BOILERPLATE.to_string()];
    for b in files {
        rules.push(
            std::fs::read_to_string(b).with_context(|| format!("cannot read {}", b.display()))?,
        );
    }
    Boilerplate::from_tomls(&rules.iter().map(|s| s.as_str()).collect::<Vec<_>>())
}

/// The manifest the CLI uses: the given file, else manifest.csv in the first folder given.
fn manifest_for(paths: &[PathBuf], manifest: Option<PathBuf>) -> anyhow::Result<Manifest> {
    let manifest = manifest.or_else(|| {
        paths
            .iter()
            .find(|p| p.is_dir())
            .map(|p| p.join("manifest.csv"))
            .filter(|p| p.is_file())
    });
    match manifest {
        Some(m) => Ok(Manifest::load(&m)),
        None => Ok(Manifest::default()),
    }
}

const TABLES: &[&str] = &[
    "documents",
    "statements",
    "stances",
    "positions",
    "shifts",
    "gaps",
    "errors",
];

/// Tables by name, as CSV bytes.
type Tables = Vec<(String, Vec<u8>)>;

fn read_tables(dir: &Path, names: &[&str]) -> anyhow::Result<Tables> {
    names
        .iter()
        .map(|n| {
            let p = dir.join(format!("{n}.csv"));
            std::fs::read(&p)
                .map(|b| (n.to_string(), b))
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))
        })
        .collect()
}

fn summary_dict<'py>(py: Python<'py>, s: &pipeline::Summary) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("documents", s.documents)?;
    d.set_item("statements", s.statements)?;
    d.set_item("stances", s.stances)?;
    d.set_item("positions", s.positions)?;
    d.set_item("shifts", s.shifts)?;
    d.set_item("warnings", s.warnings)?;
    d.set_item("errors", s.errors)?;
    d.set_item("bytes", s.bytes)?;
    d.set_item("seconds", s.seconds)?;
    Ok(d)
}

fn tables_dict<'py>(
    py: Python<'py>,
    tables: Tables,
    summary: &pipeline::Summary,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (name, bytes) in tables {
        d.set_item(name, PyBytes::new(py, &bytes))?;
    }
    d.set_item("summary", summary_dict(py, summary)?)?;
    Ok(d)
}

// ---------------------------------------------------------------------------
// analyze and compare: the CLI's runs, written to a folder and read back
// ---------------------------------------------------------------------------

/// `stancediff analyze`: every table's CSV bytes and the run's summary.
/// With `out`, the folder is kept with charts and the report (exactly the
/// CLI's output); without, the run writes to a temporary folder, no charts.
#[pyfunction]
#[pyo3(signature = (paths, lexicon=None, manifest=None, boilerplate=Vec::new(), threads=None, period="day", min_shift=stancediff::shifts::DEFAULT_THRESHOLD, out=None))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    lexicon: Option<&Bound<'py, PyLexicon>>,
    manifest: Option<PathBuf>,
    boilerplate: Vec<PathBuf>,
    threads: Option<usize>,
    period: &str,
    min_shift: f64,
    out: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    if paths.is_empty() {
        return Err(StancediffError::new_err(
            "give at least one path to analyze",
        ));
    }
    let lex = lexicon_of(lexicon);
    let period = period_of(period)?;
    let (tables, summary) = py
        .detach(move || -> anyhow::Result<_> {
            let mut cfg = Config::shared(lex);
            cfg.period = period;
            cfg.shift_threshold = min_shift;
            cfg.boilerplate = load_boilerplate(&boilerplate)?;
            cfg.manifest = manifest_for(&paths, manifest)?;
            cfg.threads = threads;
            cfg.progress = false;
            let tmp;
            let dir = match &out {
                Some(o) => o.as_path(),
                None => {
                    cfg.report = false;
                    tmp = tempfile::tempdir()?;
                    tmp.path()
                }
            };
            let summary = pipeline::analyze(&paths, dir, &cfg)?;
            Ok((read_tables(dir, TABLES)?, summary))
        })
        .map_err(any_err)?;
    tables_dict(py, tables, &summary)
}

/// `stancediff compare`: positions, shifts and gaps from stances.csv files
/// (or run folders), as CSV bytes.
#[pyfunction]
#[pyo3(signature = (stance_files, lexicon=None, period="day", min_shift=stancediff::shifts::DEFAULT_THRESHOLD, out=None))]
fn compare_files<'py>(
    py: Python<'py>,
    stance_files: Vec<PathBuf>,
    lexicon: Option<&Bound<'py, PyLexicon>>,
    period: &str,
    min_shift: f64,
    out: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let lex = lexicon_of(lexicon);
    let period = period_of(period)?;
    let (tables, summary) = py
        .detach(move || -> anyhow::Result<_> {
            let files: Vec<PathBuf> = stance_files
                .into_iter()
                .map(|p| if p.is_dir() { p.join("stances.csv") } else { p })
                .collect();
            compare_run(&files, lex, period, min_shift, out)
        })
        .map_err(any_err)?;
    tables_dict(py, tables, &summary)
}

/// `compare` over a stances table held in memory (as CSV bytes, header first).
#[pyfunction]
#[pyo3(signature = (stances_csv, lexicon=None, period="day", min_shift=stancediff::shifts::DEFAULT_THRESHOLD, out=None))]
fn compare_csv<'py>(
    py: Python<'py>,
    stances_csv: Vec<u8>,
    lexicon: Option<&Bound<'py, PyLexicon>>,
    period: &str,
    min_shift: f64,
    out: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let lex = lexicon_of(lexicon);
    let period = period_of(period)?;
    let (tables, summary) = py
        .detach(move || -> anyhow::Result<_> {
            let tmp = tempfile::tempdir()?;
            let f = tmp.path().join("stances.csv");
            std::fs::write(&f, &stances_csv)?;
            compare_run(&[f], lex, period, min_shift, out)
        })
        .map_err(any_err)?;
    tables_dict(py, tables, &summary)
}

fn compare_run(
    files: &[PathBuf],
    lex: Arc<Lexicon>,
    period: Period,
    min_shift: f64,
    out: Option<PathBuf>,
) -> anyhow::Result<(Tables, pipeline::Summary)> {
    let mut cfg = Config::shared(lex);
    cfg.period = period;
    cfg.shift_threshold = min_shift;
    let tmp;
    let dir = match &out {
        Some(o) => o.as_path(),
        None => {
            cfg.report = false;
            tmp = tempfile::tempdir()?;
            tmp.path()
        }
    };
    let summary = pipeline::compare(files, dir, &cfg)?;
    Ok((read_tables(dir, &["positions", "shifts", "gaps"])?, summary))
}

// ---------------------------------------------------------------------------
// Articles in memory: extract (one or a batch), for notebooks and map steps
// ---------------------------------------------------------------------------

fn csv_with_header(header: &[&str], body: &[u8]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)
        .expect("writing to memory cannot fail");
    let mut out = w.into_inner().expect("writing to memory cannot fail");
    out.extend_from_slice(body);
    out
}

/// One article given as columns.
struct Article {
    text: String,
    published: String,
    url: String,
    outlet: String,
    title: String,
    file: String,
    record: usize,
    html: bool,
}

/// The rows of one article, serialised without a header.
#[derive(Default)]
struct ArticleOut {
    document: Vec<u8>,
    statements: Vec<u8>,
    stances: Vec<u8>,
    n_statements: usize,
    n_stances: usize,
    error: Option<InputError>,
}

fn run_article(a: Article, lex: &Lexicon, rules: &Boilerplate) -> ArticleOut {
    let name = if a.record > 0 {
        format!("{}#{}", a.file, a.record)
    } else {
        a.file.clone()
    };
    let bytes = a.text.len();
    let raw = RawArticle {
        file: a.file,
        record: a.record,
        format: if a.html { Format::Html } else { Format::Text },
        text: a.text,
        meta: Meta {
            url: a.url.trim().into(),
            outlet: a.outlet.trim().into(),
            published: a.published.trim().into(),
            title: a.title.trim().into(),
        },
        warnings: Vec::new(),
        bytes,
    };
    if raw.text.trim().is_empty() {
        return ArticleOut {
            error: Some(InputError {
                file: name,
                stage: "read",
                message: "empty text".into(),
            }),
            ..ArticleOut::default()
        };
    }
    // As in a CLI run: a bug on one odd article is reported, not fatal.
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = documents::build(raw, None, rules);
        let a = pipeline::analyze_document(&doc, lex);
        (doc, a)
    }));
    let (mut doc, an) = match analysed {
        Ok(x) => x,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return ArticleOut {
                error: Some(InputError {
                    file: name,
                    stage: "analyze",
                    message: format!(
                        "internal error, please report it: {}",
                        msg.lines().next().unwrap_or("")
                    ),
                }),
                ..ArticleOut::default()
            };
        }
    };
    an.add_warnings_to(&mut doc);
    let statements = pipeline::statement_rows(&doc, &an, lex);
    let stances = pipeline::stance_rows(&doc, &an, lex);
    let row = pipeline::document_row(&doc, statements.len());
    ArticleOut {
        document: stancediff::output::rows_bytes(std::slice::from_ref(&row)),
        n_statements: statements.len(),
        n_stances: stances.len(),
        statements: stancediff::output::rows_bytes(&statements),
        stances: stancediff::output::rows_bytes(&stances),
        error: None,
    }
}

fn column(cols: &Bound<'_, PyDict>, name: &str, n: usize) -> PyResult<Vec<Option<String>>> {
    match cols.get_item(name)? {
        None => Ok(vec![None; n]),
        Some(v) if v.is_none() => Ok(vec![None; n]),
        Some(v) => {
            let v: Vec<Option<String>> = v.extract().map_err(|e| {
                StancediffError::new_err(format!(
                    "column {name:?}: expected strings (or None): {e}"
                ))
            })?;
            if v.len() != n {
                return Err(StancediffError::new_err(format!(
                    "column {name:?} has {} values, column \"text\" has {n}",
                    v.len()
                )));
            }
            Ok(v)
        }
    }
}

/// Analyse a batch of articles given as columns (a dict of equal-length
/// lists: text, and optionally published, url, outlet, title, file, record,
/// format = "text" or "html"). Returns CSV bytes of documents, statements,
/// stances and errors, and per article its number of statements and stances
/// (to carry an article's own columns over to its rows).
#[pyfunction]
#[pyo3(signature = (columns, lexicon=None, threads=1))]
fn extract_batch<'py>(
    py: Python<'py>,
    columns: &Bound<'py, PyDict>,
    lexicon: Option<&Bound<'py, PyLexicon>>,
    threads: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let texts: Vec<Option<String>> = match columns.get_item("text")? {
        Some(v) => v.extract().map_err(|e| {
            StancediffError::new_err(format!("column \"text\": expected strings: {e}"))
        })?,
        None => return Err(StancediffError::new_err("no column \"text\"")),
    };
    let n = texts.len();
    let published = column(columns, "published", n)?;
    let url = column(columns, "url", n)?;
    let outlet = column(columns, "outlet", n)?;
    let title = column(columns, "title", n)?;
    let file = column(columns, "file", n)?;
    let format = column(columns, "format", n)?;
    let record: Vec<Option<i64>> = match columns.get_item("record")? {
        Some(v) if !v.is_none() => v.extract()?,
        _ => vec![None; n],
    };
    if record.len() != n {
        return Err(StancediffError::new_err(format!(
            "column \"record\" has {} values, column \"text\" has {n}",
            record.len()
        )));
    }
    let mut articles = Vec::with_capacity(n);
    for i in 0..n {
        let f = |c: &Vec<Option<String>>| c[i].clone().unwrap_or_default();
        let fmt = f(&format).to_ascii_lowercase();
        if !matches!(fmt.as_str(), "" | "text" | "txt" | "html" | "htm") {
            return Err(StancediffError::new_err(format!(
                "row {i}: unknown format {fmt:?}: use \"text\" or \"html\""
            )));
        }
        articles.push(Article {
            text: texts[i].clone().unwrap_or_default(),
            published: f(&published),
            url: f(&url),
            outlet: f(&outlet),
            title: f(&title),
            file: file[i].clone().unwrap_or_else(|| format!("row-{i}")),
            record: record[i].unwrap_or(0).max(0) as usize,
            html: fmt.starts_with("htm"),
        });
    }
    let lex = lexicon_of(lexicon);
    let outs: Vec<ArticleOut> = py
        .detach(move || -> anyhow::Result<Vec<ArticleOut>> {
            let rules = Boilerplate::default_rules();
            if threads <= 1 || articles.len() < 2 {
                Ok(articles
                    .into_iter()
                    .map(|a| run_article(a, &lex, &rules))
                    .collect())
            } else {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()?;
                Ok(pool.install(|| {
                    articles
                        .into_par_iter()
                        .map(|a| run_article(a, &lex, &rules))
                        .collect()
                }))
            }
        })
        .map_err(any_err)?;
    let (mut docs, mut sts, mut stances) = (Vec::new(), Vec::new(), Vec::new());
    let (mut n_docs, mut n_sts, mut n_stances) = (Vec::new(), Vec::new(), Vec::new());
    let mut errors = csv::Writer::from_writer(Vec::new());
    errors
        .write_record(ERROR_HEADER)
        .expect("writing to memory cannot fail");
    for o in outs {
        docs.extend_from_slice(&o.document);
        sts.extend_from_slice(&o.statements);
        stances.extend_from_slice(&o.stances);
        n_docs.push(usize::from(o.error.is_none()));
        n_sts.push(o.n_statements);
        n_stances.push(o.n_stances);
        if let Some(e) = o.error {
            errors
                .write_record([e.file.as_str(), e.stage, e.message.as_str()])
                .expect("writing to memory cannot fail");
        }
    }
    let d = PyDict::new(py);
    d.set_item(
        "documents",
        PyBytes::new(py, &csv_with_header(DOCUMENT_HEADER, &docs)),
    )?;
    d.set_item(
        "statements",
        PyBytes::new(py, &csv_with_header(STATEMENT_HEADER, &sts)),
    )?;
    d.set_item(
        "stances",
        PyBytes::new(py, &csv_with_header(STANCE_HEADER, &stances)),
    )?;
    d.set_item(
        "errors",
        PyBytes::new(
            py,
            &errors.into_inner().expect("writing to memory cannot fail"),
        ),
    )?;
    d.set_item("document_counts", n_docs)?;
    d.set_item("statement_counts", n_sts)?;
    d.set_item("stance_counts", n_stances)?;
    Ok(d)
}

/// `stancediff explain`: of a text, or of a statement of a finished run.
#[pyfunction]
#[pyo3(signature = (text=None, statement_id=None, out=None, lexicon=None))]
fn explain(
    py: Python<'_>,
    text: Option<String>,
    statement_id: Option<String>,
    out: Option<PathBuf>,
    lexicon: Option<&Bound<'_, PyLexicon>>,
) -> PyResult<String> {
    let lex = lexicon_of(lexicon);
    match (statement_id, text) {
        (Some(_), Some(_)) => Err(StancediffError::new_err(
            "give either a statement id or a text, not both",
        )),
        (_, Some(text)) => Ok(py.detach(move || stancediff::explain::explain_text(&text, &lex))),
        (Some(id), None) => {
            let out = out.ok_or_else(|| {
                StancediffError::new_err("give the run's output folder with --out DIR")
            })?;
            py.detach(move || stancediff::explain::explain_statement(&id, &out, &lex))
                .map_err(any_err)
        }
        (None, None) => Err(StancediffError::new_err(
            "give a statement id (with --out DIR) or --text \"...\"",
        )),
    }
}

/// The articles under `paths` as the CLI reads them (manifest applied to
/// whole files), as columns: file, record, format, text, published, url,
/// outlet, title; plus the inputs that could not be read (file, stage,
/// message). To feed a Spark job or `extract` with a local corpus.
#[pyfunction]
#[pyo3(signature = (paths, manifest=None))]
fn read_articles<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    manifest: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let (arts, errs) = py
        .detach(move || -> anyhow::Result<_> {
            let man = manifest_for(&paths, manifest)?;
            let mut arts: Vec<RawArticle> = Vec::new();
            let mut errs: Vec<InputError> = Vec::new();
            let mut take = |r: Result<RawArticle, InputError>| match r {
                Ok(mut a) => {
                    if a.record == 0
                        && let Some(m) = man.get(&a.file)
                    {
                        let pick = |m: &str, r: &str| {
                            if m.is_empty() {
                                r.to_string()
                            } else {
                                m.to_string()
                            }
                        };
                        a.meta = Meta {
                            url: pick(&m.url, &a.meta.url),
                            outlet: pick(&m.outlet, &a.meta.outlet),
                            published: pick(&m.published, &a.meta.published),
                            title: pick(&m.title, &a.meta.title),
                        };
                    }
                    arts.push(a)
                }
                Err(e) => errs.push(e),
            };
            for input in corpus::inputs(&paths) {
                match input {
                    Err(e) => take(Err(e)),
                    Ok(f) => match f.format {
                        Format::Jsonl | Format::Csv => {
                            corpus::stream_records(&f, 512, &mut |records| {
                                for r in records {
                                    take(r);
                                }
                            })
                        }
                        _ => take(corpus::read_whole(&f)),
                    },
                }
            }
            Ok((arts, errs))
        })
        .map_err(any_err)?;
    let d = PyDict::new(py);
    let col = |f: &dyn Fn(&RawArticle) -> String| -> Vec<String> { arts.iter().map(f).collect() };
    d.set_item("file", col(&|a| a.file.clone()))?;
    d.set_item(
        "record",
        arts.iter().map(|a| a.record as i64).collect::<Vec<_>>(),
    )?;
    d.set_item(
        "format",
        col(&|a| {
            match a.format {
                Format::Html => "html",
                _ => "text",
            }
            .to_string()
        }),
    )?;
    d.set_item("text", col(&|a| a.text.clone()))?;
    d.set_item("published", col(&|a| a.meta.published.clone()))?;
    d.set_item("url", col(&|a| a.meta.url.clone()))?;
    d.set_item("outlet", col(&|a| a.meta.outlet.clone()))?;
    d.set_item("title", col(&|a| a.meta.title.clone()))?;
    let e = PyDict::new(py);
    e.set_item(
        "file",
        errs.iter().map(|e| e.file.clone()).collect::<Vec<_>>(),
    )?;
    e.set_item("stage", errs.iter().map(|e| e.stage).collect::<Vec<_>>())?;
    e.set_item(
        "message",
        errs.iter().map(|e| e.message.clone()).collect::<Vec<_>>(),
    )?;
    d.set_item("errors", e)?;
    Ok(d)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("StancediffError", m.py().get_type::<StancediffError>())?;
    m.add_class::<PyLexicon>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(compare_files, m)?)?;
    m.add_function(wrap_pyfunction!(compare_csv, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(read_articles, m)?)?;
    m.add("DEFAULT_MIN_SHIFT", stancediff::shifts::DEFAULT_THRESHOLD)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
