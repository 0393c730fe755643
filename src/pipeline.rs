//! The analysis run: every stage, from input paths to the output folder.
//!
//! In: input paths and a [`Config`]. Out: the files of CONTRACT.md in the
//! output folder. Documents stream through in fixed-size batches; each batch
//! is processed in parallel (rayon) and written in input order, so memory
//! stays flat and the output is the same whatever the thread count.

use crate::attribution::{self, Statement};
use crate::corpus::{self, Format, InputError, InputFile, Manifest, RawArticle};
use crate::documents::{self, Boilerplate, Document};
use crate::lexicon::Lexicon;
use crate::output::{self, StreamingCsv};
use crate::positions::{Aggregator, Period, StanceRow};
use crate::stances;
use crate::text;
use anyhow::{Context as _, Result};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Articles per batch: large enough to keep both cores busy, small enough
/// that memory does not grow with the corpus.
const BATCH: usize = 512;

/// Everything a run needs besides its inputs.
pub struct Config {
    /// Shared, so one compiled lexicon serves many runs (the Python package).
    pub lexicon: Arc<Lexicon>,
    pub boilerplate: Boilerplate,
    pub manifest: Manifest,
    pub period: Period,
    pub shift_threshold: f64,
    pub threads: Option<usize>,
    pub progress: bool,
    /// Write charts and the report (off for benchmarks of extraction alone).
    pub report: bool,
    /// Start every CSV with a UTF-8 byte-order mark (for spreadsheets).
    pub csv_bom: bool,
    /// How the run was asked for, recorded in `provenance.json`.
    pub run_info: RunInfo,
    /// Also stream statements and stances as JSON lines to standard output.
    pub jsonl: bool,
}

/// How a run was asked for: the lexicon's text and origin (copied into the
/// output folder when known), the command line and the inputs as given.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub lexicon: Option<crate::provenance::LexiconSource>,
    pub command: Vec<String>,
    pub inputs: Vec<String>,
}

impl Config {
    pub fn new(lexicon: Lexicon) -> Config {
        Config::shared(Arc::new(lexicon))
    }

    /// A configuration around an already compiled, shared lexicon.
    pub fn shared(lexicon: Arc<Lexicon>) -> Config {
        Config {
            lexicon,
            boilerplate: Boilerplate::default_rules(),
            manifest: Manifest::default(),
            period: Period::Day,
            shift_threshold: crate::shifts::DEFAULT_THRESHOLD,
            threads: None,
            progress: false,
            report: true,
            csv_bom: false,
            run_info: RunInfo::default(),
            jsonl: false,
        }
    }
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub documents: usize,
    pub statements: usize,
    pub stances: usize,
    pub warnings: usize,
    pub errors: usize,
    pub bytes: usize,
    pub seconds: f64,
    pub positions: usize,
    pub shifts: usize,
    /// Warnings by kind ([`warning_kind`]), for the closing summary.
    pub warning_kinds: std::collections::BTreeMap<String, usize>,
    /// Documents with no publication date (their statements have no date and
    /// make no position unless the attribution dates them).
    pub undated: usize,
    /// Duplicate documents (same text as an earlier one), counted once.
    pub duplicates: usize,
    /// First and last publication date over the whole run (ISO), empty if none.
    pub first_published: String,
    pub last_published: String,
    /// Files an earlier run wrote into the output folder that this one removed.
    pub removed: Vec<String>,
}

/// The kind of a warning, for counts: "no publication date", "encoding", ...
pub fn warning_kind(w: &str) -> String {
    let kinds: [(&str, &str); 14] = [
        // The sentence layer's caps and caught panics (src/text, pipeline).
        (
            "internal error in a sentence",
            "internal error in a sentence",
        ),
        ("bytes cut into", "over-long sentence cut"),
        ("read as plain text", "over-long quotation read as text"),
        ("speech or attitude cues", "too many cues in a sentence"),
        // Before "manifest": its advice names manifest.csv.
        ("doubtful date", "doubtful publication date"),
        ("HTML nested deeper", "HTML nested too deep"),
        ("no publication date", "no publication date"),
        ("unreadable", "unreadable date"),
        ("no article text", "no article text"),
        ("duplicate of an earlier document", "duplicate document"),
        ("manifest lists", "manifest row repeated"),
        ("Windows-1252", "not UTF-8 (decoded as Windows-1252)"),
        ("encoding", "encoding"),
        ("manifest", "manifest"),
    ];
    for (needle, kind) in kinds {
        if w.contains(needle) {
            return kind.to_string();
        }
    }
    // Unknown: its first words (without values in quotes).
    w.split(['"', ':', '('])
        .next()
        .unwrap_or(w)
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Summary {
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds.max(1e-9)
    }

    pub fn line(&self, out: &Path) -> String {
        format!(
            "{} documents, {} statements, {} stances, {} positions, {} shifts; {} warnings, {} errors; {:.1} MB in {:.2}s ({:.1} MB/s) -> {}",
            self.documents,
            self.statements,
            self.stances,
            self.positions,
            self.shifts,
            self.warnings,
            self.errors,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.mb_per_s(),
            out.display()
        )
    }
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

pub const DOCUMENT_HEADER: &[&str] = &[
    "doc_id",
    "file",
    "outlet",
    "url",
    "title",
    "published",
    "date_source",
    "statements",
    "warnings",
    "record",
    "title_source",
    "bytes",
];

#[derive(Debug, Clone, Serialize)]
pub struct DocumentRow {
    pub doc_id: String,
    pub file: String,
    pub outlet: String,
    pub url: String,
    pub title: String,
    pub published: String,
    pub date_source: String,
    pub statements: usize,
    pub warnings: String,
    pub record: usize,
    pub title_source: String,
    pub bytes: usize,
}

pub const STATEMENT_HEADER: &[&str] = &[
    "statement_id",
    "doc_id",
    "file",
    "published",
    "said_on",
    "speaker",
    "party",
    "kind",
    "cue",
    "text",
    "char_start",
    "char_end",
    "outlet",
];

#[derive(Debug, Clone, Serialize)]
pub struct StatementRow<'a> {
    pub statement_id: String,
    pub doc_id: &'a str,
    pub file: &'a str,
    pub published: String,
    pub said_on: String,
    pub speaker: &'a str,
    pub party: &'a str,
    pub kind: &'static str,
    pub cue: &'a str,
    pub text: &'a str,
    pub char_start: usize,
    pub char_end: usize,
    pub outlet: &'a str,
}

pub const STANCE_HEADER: &[&str] = &[
    "statement_id",
    "doc_id",
    "file",
    "date",
    "party",
    "speaker",
    "issue",
    "stance",
    "cues",
    "evidence",
    "kind",
    "text",
    "numbers",
    "outlet",
];

pub const ERROR_HEADER: &[&str] = &["file", "stage", "message"];

#[derive(Debug, Serialize)]
struct ErrorRow<'a> {
    file: &'a str,
    stage: &'a str,
    message: &'a str,
}

fn date_str(d: Option<jiff::civil::Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A document's statements and their stances.
pub struct Analysis {
    pub statements: Vec<Statement>,
    pub stances: Vec<Vec<stances::Stance>>,
    /// What reading the document had to cut or leave out (over-long
    /// sentences, a sentence lost to an internal error, ...), for the
    /// document's warnings ([`Analysis::add_warnings_to`]).
    pub warnings: Vec<String>,
}

impl Analysis {
    /// Add the analysis's warnings to the document's (`documents.csv`).
    pub fn add_warnings_to(&self, doc: &mut Document) {
        doc.warnings.extend(self.warnings.iter().cloned());
    }
}

/// Statements and stances of one document: the library's one-call entry point.
/// A bug on one sentence loses that sentence's statements (with a warning),
/// not the document.
pub fn analyze_document(doc: &Document, lex: &Lexicon) -> Analysis {
    // One scan of the text serves both stages; the sentence layer reads it once.
    let hits = text::scan_document(doc, lex);
    let analysed = text::Analysed::new(doc, lex, &hits);
    let mut warnings = analysed.warnings.clone();
    let (found, w) = attribution::attribute_with_warnings(&analysed, doc.published, lex);
    warnings.extend(w);
    let mut antecedent = None;
    let mut statements = Vec::with_capacity(found.len());
    let mut all = Vec::with_capacity(found.len());
    let mut scorer = stances::Scorer::new(&doc.text, lex, &hits);
    // A panic scoring a statement loses that statement and the rest of its
    // sentence's (one warning a sentence).
    let mut lost_sentence = None;
    for s in found {
        if lost_sentence == Some(s.sentence.start) {
            continue;
        }
        let scored = crate::panics::catch(|| {
            #[cfg(test)]
            crate::panics::test_hook::maybe_panic("stance", s.sentence.start);
            let stances = scorer.score(&s, antecedent);
            (stances, scorer.antecedent_of(&s))
        });
        match scored {
            Ok((stances, next)) => {
                antecedent = next.or(antecedent);
                all.push(stances);
                statements.push(s);
            }
            Err(p) => {
                warnings.push(text::sentence_panic_warning(s.sentence.start, &p));
                lost_sentence = Some(s.sentence.start);
                // Statements already kept from this sentence go too.
                while statements
                    .last()
                    .is_some_and(|k: &Statement| k.sentence.start == s.sentence.start)
                {
                    statements.pop();
                    all.pop();
                }
            }
        }
    }
    for (i, s) in statements.iter_mut().enumerate() {
        s.index = i;
    }
    Analysis {
        statements,
        stances: all,
        warnings,
    }
}

/// The stance rows of one analysed document.
pub fn stance_rows(doc: &Document, a: &Analysis, lex: &Lexicon) -> Vec<StanceRow> {
    let mut rows = Vec::new();
    for (s, sts) in a.statements.iter().zip(&a.stances) {
        for st in sts {
            rows.push(StanceRow {
                statement_id: s.id(&doc.doc_id),
                doc_id: doc.doc_id.clone(),
                file: doc.file.clone(),
                date: date_str(s.said_on),
                party: lex.party_id(s.party).to_string(),
                speaker: s.speaker.clone(),
                issue: lex.issues[st.issue].id.clone(),
                stance: st.stance,
                cues: st.cues.clone(),
                evidence: doc.text[s.sentence.clone()].to_string(),
                kind: s.kind.as_str().to_string(),
                text: doc.text[s.span.clone()].to_string(),
                numbers: st.numbers.clone(),
                outlet: doc.outlet.clone(),
            });
        }
    }
    rows
}

/// The `documents.csv` row of a document with `statements` statements.
pub fn document_row(doc: &Document, statements: usize) -> DocumentRow {
    DocumentRow {
        doc_id: doc.doc_id.clone(),
        file: doc.file.clone(),
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
        title: doc.title.clone(),
        published: date_str(doc.published),
        date_source: doc.date_source.to_string(),
        statements,
        warnings: doc.warnings.join("; "),
        record: doc.record,
        title_source: doc.title_source.to_string(),
        bytes: doc.bytes,
    }
}

/// The statement rows of one analysed document (as written to `statements.csv`).
pub fn statement_rows<'a>(
    doc: &'a Document,
    a: &'a Analysis,
    lex: &'a Lexicon,
) -> Vec<StatementRow<'a>> {
    a.statements
        .iter()
        .map(|s| StatementRow {
            statement_id: s.id(&doc.doc_id),
            doc_id: &doc.doc_id,
            file: &doc.file,
            published: date_str(doc.published),
            said_on: date_str(s.said_on),
            speaker: &s.speaker,
            party: lex.party_id(s.party),
            kind: s.kind.as_str(),
            cue: &s.cue,
            text: &doc.text[s.span.clone()],
            char_start: s.span.start,
            char_end: s.span.end,
            outlet: &doc.outlet,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

enum Job {
    File(InputFile),
    Record(Result<RawArticle, InputError>),
}

enum DocOut {
    Done {
        row: Box<DocumentRow>,
        /// Statements and their stances as JSON lines (when streaming).
        jsonl: Vec<u8>,
        statements_csv: Vec<u8>,
        stances_csv: Vec<u8>,
        stance_rows: Vec<StanceRow>,
        n_stances: usize,
    },
    Failed(InputError),
}

fn process(job: Job, cfg: &Config) -> DocOut {
    let raw = match job {
        Job::File(f) => corpus::read_whole(&f),
        Job::Record(r) => r,
    };
    let raw = match raw {
        Ok(r) => r,
        Err(e) => return DocOut::Failed(e),
    };
    let manifest = cfg.manifest.get(&raw.file).filter(|_| raw.record == 0);
    let mut raw = raw;
    if raw.record == 0
        && let Some(w) = cfg.manifest.duplicate_warning(&raw.file)
    {
        raw.warnings.push(w.to_string());
    }
    let name = if raw.record > 0 {
        format!("{}#{}", raw.file, raw.record)
    } else {
        raw.file.clone()
    };
    // A bug on one odd article must not stop a corpus run: report it, with
    // where it happened, and go on.
    let analysed = crate::panics::catch(|| {
        let doc = documents::build(raw, manifest, &cfg.boilerplate);
        let a = analyze_document(&doc, &cfg.lexicon);
        (doc, a)
    });
    let (mut doc, a) = match analysed {
        Ok(x) => x,
        Err(p) => {
            return DocOut::Failed(InputError {
                file: name,
                stage: "analyze",
                message: format!("internal error, please report it: {p}"),
            });
        }
    };
    a.add_warnings_to(&mut doc);
    let st_rows = statement_rows(&doc, &a, &cfg.lexicon);
    let statements_csv = output::rows_bytes(&st_rows);
    let stance_rows = stance_rows(&doc, &a, &cfg.lexicon);
    let stances_csv = output::rows_bytes(&stance_rows);
    let jsonl = if cfg.jsonl {
        jsonl_bytes(&st_rows, &stance_rows)
    } else {
        Vec::new()
    };
    let row = document_row(&doc, a.statements.len());
    DocOut::Done {
        row: Box::new(row),
        jsonl,
        statements_csv,
        n_stances: stance_rows.len(),
        stances_csv,
        stance_rows,
    }
}

/// One JSON object a line for each statement (`"type": "statement"`, the
/// columns of statements.csv) followed by its stances (`"type": "stance"`,
/// the columns of stances.csv): the tables a pipeline reads, in the order
/// and with the values of the CSVs (text is raw: JSON needs no formula guard).
fn jsonl_bytes(statements: &[StatementRow], stances: &[StanceRow]) -> Vec<u8> {
    let mut out = Vec::new();
    for s in statements {
        push_line(&mut out, "statement", s);
        for st in stances
            .iter()
            .filter(|st| st.statement_id == s.statement_id)
        {
            push_line(&mut out, "stance", st);
        }
    }
    out
}

/// One JSON line: the record's type first, then the row's columns in order.
fn push_line<T: Serialize>(out: &mut Vec<u8>, kind: &'static str, row: &T) {
    #[derive(Serialize)]
    struct Line<'r, T: Serialize> {
        #[serde(rename = "type")]
        kind: &'static str,
        #[serde(flatten)]
        row: &'r T,
    }
    // Rows of strings and numbers always serialise.
    if serde_json::to_writer(&mut *out, &Line { kind, row }).is_ok() {
        out.push(b'\n');
    }
}

/// Documents kept for the report's list (a report of a million rows helps nobody).
pub const REPORT_DOCUMENT_LIMIT: usize = 1000;

struct Writers {
    documents: StreamingCsv,
    statements: StreamingCsv,
    stances: StreamingCsv,
    errors: Vec<InputError>,
    aggregator: Aggregator,
    /// Hashes of the article texts seen so far (8 bytes a document), to
    /// count syndicated copies once.
    seen: HashSet<u64>,
    summary: Summary,
    report_docs: Vec<DocumentRow>,
    /// Standard output, when statements and stances are streamed as JSON lines.
    jsonl: Option<std::io::BufWriter<std::io::Stdout>>,
}

impl Writers {
    fn take(&mut self, outs: Vec<DocOut>) -> Result<()> {
        for o in outs {
            match o {
                DocOut::Failed(e) => {
                    self.summary.errors += 1;
                    self.errors.push(e);
                }
                DocOut::Done {
                    mut row,
                    jsonl,
                    statements_csv,
                    stances_csv,
                    stance_rows,
                    n_stances,
                } => {
                    self.summary.bytes += row.bytes;
                    self.summary.documents += 1;
                    if !self
                        .seen
                        .insert(xxhash_rust::xxh3::xxh3_64(row.doc_id.as_bytes()))
                    {
                        // The same article twice (syndicated copies): count it once.
                        let w = format!(
                            "duplicate of an earlier document with the same text ({}): statements not counted again",
                            row.doc_id
                        );
                        row.warnings = if row.warnings.is_empty() {
                            w
                        } else {
                            format!("{}; {w}", row.warnings)
                        };
                        row.statements = 0;
                    } else {
                        if let Some(out) = &mut self.jsonl
                            && let Err(e) = out.write_all(&jsonl)
                        {
                            // A reader that has seen enough (`| head`) closes
                            // the pipe: stop streaming, finish the run.
                            if e.kind() != std::io::ErrorKind::BrokenPipe {
                                return Err(e)
                                    .context("cannot write JSON lines to standard output");
                            }
                            self.jsonl = None;
                        }
                        self.statements.write_raw(&statements_csv)?;
                        self.stances.write_raw(&stances_csv)?;
                        self.summary.statements += row.statements;
                        self.summary.stances += n_stances;
                        for r in stance_rows {
                            self.aggregator.add(r);
                        }
                    }
                    if !row.warnings.is_empty() {
                        for w in row.warnings.split("; ") {
                            self.summary.warnings += 1;
                            *self
                                .summary
                                .warning_kinds
                                .entry(warning_kind(w))
                                .or_default() += 1;
                        }
                    }
                    if row.published.is_empty() {
                        self.summary.undated += 1;
                    } else {
                        let s = &mut self.summary;
                        if s.first_published.is_empty() || row.published < s.first_published {
                            s.first_published = row.published.clone();
                        }
                        if row.published > s.last_published {
                            s.last_published = row.published.clone();
                        }
                    }
                    if row.statements == 0 && row.warnings.contains("duplicate of an earlier") {
                        self.summary.duplicates += 1;
                    }
                    self.documents
                        .write_raw(&output::rows_bytes(std::slice::from_ref(&row)))?;
                    if self.report_docs.len() < REPORT_DOCUMENT_LIMIT {
                        self.report_docs.push(*row);
                    }
                }
            }
        }
        Ok(())
    }
}

/// A progress bar over the input files: a bar with total, percentage, rate
/// and ETA (the files are counted first, a walk of the folders only), or a
/// spinner when there are more than a million of them.
fn progress_bar(inputs: &[PathBuf]) -> indicatif::ProgressBar {
    let total = corpus::inputs(inputs).take(1_000_001).count() as u64;
    let rate = |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.0} files/s", s.per_sec());
    };
    let (b, template) = if total <= 1_000_000 {
        (
            indicatif::ProgressBar::new(total),
            "{bar:30} {pos}/{len} files ({percent}%) {rate}, ETA {eta} {msg}",
        )
    } else {
        (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} [{elapsed}] {pos} files {rate} {msg}",
        )
    };
    b.set_style(
        indicatif::ProgressStyle::with_template(template)
            .expect("valid template")
            .with_key("rate", rate),
    );
    b
}

/// Run the whole analysis and write every output file into `out`.
///
/// Three things overlap: the main thread walks the inputs and forms batches,
/// the rayon pool analyses a batch, and a writer thread appends the previous
/// batch's rows to the output files and the position aggregator.
pub fn analyze(inputs: &[PathBuf], out: &Path, cfg: &Config) -> Result<Summary> {
    let started = Instant::now();
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = cfg.threads {
            b = b.num_threads(n.max(1));
        }
        b.build()?
    };
    let start = output::begin_run(out)?;
    let started_at = crate::provenance::run_time();
    let bom = cfg.csv_bom;
    let w = Writers {
        documents: StreamingCsv::create_with(&out.join("documents.csv"), DOCUMENT_HEADER, bom)?,
        statements: StreamingCsv::create_with(&out.join("statements.csv"), STATEMENT_HEADER, bom)?,
        stances: StreamingCsv::create_with(&out.join("stances.csv"), STANCE_HEADER, bom)?,
        errors: cfg.manifest.errors.clone(),
        aggregator: Aggregator::for_lexicon(cfg.period, &cfg.lexicon),
        seen: HashSet::new(),
        summary: Summary {
            errors: cfg.manifest.errors.len(),
            warnings: cfg.manifest.warnings.len(),
            warning_kinds: cfg
                .manifest
                .warnings
                .iter()
                .fold(Default::default(), |mut m, w| {
                    *m.entry(warning_kind(w)).or_default() += 1;
                    m
                }),
            ..Summary::default()
        },
        report_docs: Vec::new(),
        jsonl: cfg
            .jsonl
            .then(|| std::io::BufWriter::new(std::io::stdout())),
    };
    let bar = if cfg.progress && std::io::stderr().is_terminal() {
        progress_bar(inputs)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<DocOut>>(2);
    let w = std::thread::scope(|scope| -> Result<Writers> {
        let writer_bar = bar.clone();
        let writer = scope.spawn(move || -> Result<Writers> {
            let mut w = w;
            for outs in rx {
                w.take(outs)?;
                writer_bar.set_message(format!("{} statements", w.summary.statements));
            }
            Ok(w)
        });
        let mut pending: Vec<Job> = Vec::with_capacity(BATCH);
        // Send a batch to the writer; false when the writer has stopped (on error).
        let run_batch = |pending: &mut Vec<Job>| -> bool {
            let jobs = std::mem::take(pending);
            let outs: Vec<DocOut> =
                pool.install(|| jobs.into_par_iter().map(|j| process(j, cfg)).collect());
            tx.send(outs).is_ok()
        };
        let mut alive = true;
        for input in corpus::inputs(inputs) {
            let f = match input {
                Ok(f) => f,
                Err(e) => {
                    alive = tx.send(vec![DocOut::Failed(e)]).is_ok();
                    if !alive {
                        break;
                    }
                    continue;
                }
            };
            match f.format {
                Format::Jsonl | Format::Csv => {
                    corpus::stream_records(&f, BATCH, &mut |records| {
                        pending.extend(records.into_iter().map(Job::Record));
                        if alive && pending.len() >= BATCH {
                            alive = run_batch(&mut pending);
                        }
                    });
                }
                _ => pending.push(Job::File(f)),
            }
            if alive && pending.len() >= BATCH {
                alive = run_batch(&mut pending);
            }
            if !alive {
                break;
            }
            bar.inc(1);
        }
        if alive {
            run_batch(&mut pending);
        }
        drop(tx);
        writer.join().expect("the writer thread does not panic")
    })?;
    bar.finish_and_clear();

    let Writers {
        documents,
        statements,
        stances,
        errors,
        aggregator,
        mut summary,
        report_docs,
        ..
    } = w;
    documents.finish()?;
    statements.finish()?;
    stances.finish()?;
    let rows: Vec<ErrorRow> = errors
        .iter()
        .map(|e| ErrorRow {
            file: &e.file,
            stage: e.stage,
            message: &e.message,
        })
        .collect();
    output::write_table(&out.join("errors.csv"), ERROR_HEADER, &rows, bom)?;
    let positions = aggregator.finish();
    summary.positions = positions.len();
    let run = crate::report::RunFacts::of_analysis(&summary, cfg);
    // The charts are drawn in parallel: in the run's pool, so `--threads`
    // holds for them too.
    let comparison =
        pool.install(|| crate::report::write_comparison(out, &positions, &report_docs, cfg, &run))?;
    let mut files: Vec<String> = [
        "documents.csv",
        "statements.csv",
        "stances.csv",
        "errors.csv",
    ]
    .map(String::from)
    .to_vec();
    files.extend(comparison.files);
    files.extend(write_provenance(
        out,
        cfg,
        "analyze",
        &started_at,
        &summary,
    )?);
    summary.removed = output::finish_run(out, &start, &files)?;
    summary.shifts = comparison.shifts;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Rebuild positions, shifts, gaps, charts and report from existing
/// `stances.csv` files (several runs, or shards of one corpus). Rows are
/// aggregated exactly as in a live run, so shards give the single-run result.
pub fn compare(stance_files: &[PathBuf], out: &Path, cfg: &Config) -> Result<Summary> {
    let started = Instant::now();
    // Inputs first (the output folder may be one of the runs compared).
    for f in stance_files {
        output::check_complete(f)?;
        // A run made with another lexicon: refuse rather than relabel its
        // issues with this one (the CLI passes the run's own lexicon; a
        // library caller that passes none is checked by name here).
        let dir = f.parent().unwrap_or(Path::new("."));
        if let Some((p, _)) = crate::provenance::recorded(dir)? {
            let mismatch = match &cfg.run_info.lexicon {
                Some(l) => l.sha256() != p.lexicon.sha256,
                None => p.lexicon.name != cfg.lexicon.name,
            };
            if mismatch {
                anyhow::bail!(
                    "cannot mix lexicons: {} was made with lexicon {:?} (SHA-256 {}), not {:?}; compare it with its own lexicon ({})",
                    dir.display(),
                    p.lexicon.name,
                    crate::provenance::short(&p.lexicon.sha256),
                    cfg.lexicon.name,
                    dir.join(crate::provenance::LEXICON_COPY).display()
                );
            }
        }
    }
    let mut aggregator = Aggregator::for_lexicon(cfg.period, &cfg.lexicon);
    let mut summary = Summary::default();
    let mut docs: Vec<DocumentRow> = Vec::new();
    let mut doc_ids = HashSet::new();
    let mut limits = CompareLimits::default();
    for f in stance_files {
        let file = corpus::open_regular(f)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", f.display()))?;
        let mut rdr = csv::Reader::from_reader(file);
        let headers = rdr
            .headers()
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", f.display()))?
            .clone();
        for (i, rec) in rdr.records().enumerate() {
            let at = || format!("{} row {}", f.display(), i + 2);
            let rec = rec.map_err(|e| anyhow::anyhow!("{}: {e}", at()))?;
            let row: StanceRow = output::restore_record(&rec)
                .deserialize(Some(&headers))
                .map_err(|e| {
                    anyhow::anyhow!(
                        "{}: {e} (is this a stances.csv written by stancediff analyze?)",
                        at()
                    )
                })?;
            limits
                .check(&row)
                .map_err(|e| anyhow::anyhow!("{}: {e}", at()))?;
            summary.stances += 1;
            summary.bytes += row.text.len() + row.evidence.len();
            aggregator.add(row);
        }
        // Inputs that failed in the run, for the report's disclosure.
        if let Ok(file) = corpus::open_regular(&f.with_file_name("errors.csv")) {
            summary.errors += csv::Reader::from_reader(file).records().count();
        }
        // The documents list for the report comes from the run's documents.csv, when present.
        let sibling = f.with_file_name("documents.csv");
        if let Ok(file) = corpus::open_regular(&sibling) {
            let mut rdr = csv::Reader::from_reader(file);
            let headers = rdr.headers().cloned().unwrap_or_default();
            for rec in rdr.records().flatten() {
                let Ok(row) =
                    output::restore_record(&rec).deserialize::<DocumentRowIn>(Some(&headers))
                else {
                    continue;
                };
                if !crate::ids::is_valid(&row.doc_id) {
                    continue;
                }
                if doc_ids.insert(row.doc_id.clone()) {
                    summary.documents += 1;
                    summary.statements += row.statements;
                    if row.published.is_empty() {
                        summary.undated += 1;
                    } else {
                        if summary.first_published.is_empty()
                            || row.published < summary.first_published
                        {
                            summary.first_published = row.published.clone();
                        }
                        if row.published > summary.last_published {
                            summary.last_published = row.published.clone();
                        }
                    }
                    if docs.len() < REPORT_DOCUMENT_LIMIT {
                        docs.push(row.into());
                    }
                }
            }
        }
    }
    let start = output::begin_run(out)?;
    let started_at = crate::provenance::run_time();
    docs.sort_by(|a, b| {
        (a.published.as_str(), a.file.as_str()).cmp(&(b.published.as_str(), b.file.as_str()))
    });
    let positions = aggregator.finish();
    summary.positions = positions.len();
    let run = crate::report::RunFacts::of_comparison(&summary, cfg, stance_files.len());
    let comparison = crate::report::write_comparison(out, &positions, &docs, cfg, &run)?;
    let mut files = comparison.files;
    files.extend(write_provenance(
        out,
        cfg,
        "compare",
        &started_at,
        &summary,
    )?);
    summary.removed = output::finish_run(out, &start, &files)?;
    summary.shifts = comparison.shifts;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Most distinct parties `compare` accepts: gaps grow with the square of it.
pub const MAX_PARTIES: usize = 64;
/// Most distinct issues `compare` accepts: each is a chart.
pub const MAX_ISSUES: usize = 256;

/// What `compare` checks in every row it reads: ids, stance range, date,
/// and how many parties and issues there are.
#[derive(Default)]
struct CompareLimits {
    parties: HashSet<String>,
    issues: HashSet<String>,
}

impl CompareLimits {
    fn check(&mut self, row: &StanceRow) -> std::result::Result<(), String> {
        use crate::ids::check;
        check("statement", &row.statement_id)?;
        check("document", &row.doc_id)?;
        check("party", &row.party)?;
        check("issue", &row.issue)?;
        if !(-2..=2).contains(&row.stance) {
            return Err(format!("stance {} is outside the scale -2..2", row.stance));
        }
        if !row.date.is_empty() && row.date.parse::<jiff::civil::Date>().is_err() {
            return Err(format!(
                "date {:?} is not an ISO date (YYYY-MM-DD)",
                row.date.chars().take(40).collect::<String>()
            ));
        }
        if !self.parties.contains(&row.party) {
            if self.parties.len() >= MAX_PARTIES {
                return Err(format!(
                    "more than {MAX_PARTIES} distinct parties: compare handles at most {MAX_PARTIES} (gaps grow with the square of the number)"
                ));
            }
            self.parties.insert(row.party.clone());
        }
        if !self.issues.contains(&row.issue) {
            if self.issues.len() >= MAX_ISSUES {
                return Err(format!(
                    "more than {MAX_ISSUES} distinct issues: compare handles at most {MAX_ISSUES}"
                ));
            }
            self.issues.insert(row.issue.clone());
        }
        Ok(())
    }
}

/// A `documents.csv` row as read back.
#[derive(Debug, serde::Deserialize)]
struct DocumentRowIn {
    doc_id: String,
    file: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    date_source: String,
    #[serde(default)]
    statements: usize,
    #[serde(default)]
    warnings: String,
}

impl From<DocumentRowIn> for DocumentRow {
    fn from(r: DocumentRowIn) -> DocumentRow {
        DocumentRow {
            doc_id: r.doc_id,
            file: r.file,
            outlet: r.outlet,
            url: r.url,
            title: r.title,
            published: r.published,
            date_source: r.date_source,
            statements: r.statements,
            warnings: r.warnings,
            record: 0,
            title_source: String::new(),
            bytes: 0,
        }
    }
}

/// Write `lexicon.toml` and `provenance.json` for a run; the files written.
fn write_provenance(
    out: &Path,
    cfg: &Config,
    command_name: &str,
    started: &str,
    summary: &Summary,
) -> Result<Vec<String>> {
    let info = &cfg.run_info;
    let p = crate::provenance::Provenance {
        tool: "stancediff".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        command_name: command_name.into(),
        command: info.command.clone(),
        started: started.into(),
        lexicon: crate::provenance::lexicon_record(&cfg.lexicon.name, info.lexicon.as_ref()),
        inputs: info.inputs.clone(),
        documents: summary.documents,
        bytes: summary.bytes,
        errors: summary.errors,
        period: format!("{:?}", cfg.period).to_lowercase(),
        min_shift: cfg.shift_threshold,
    };
    crate::provenance::write(out, &p, info.lexicon.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::{Boilerplate, from_text};
    use crate::panics::test_hook;

    const TEXT: &str = "Peskov said the ceasefire was useful. Umerov said Kyiv rejected the plan. Rubio said the talks on territory were good.";

    fn run(stage: Option<&'static str>, at: usize) -> (Document, Analysis) {
        let lex = Lexicon::default_lexicon();
        let doc = from_text("t.txt", TEXT, "2026-02-18", &Boilerplate::default_rules());
        if let Some(stage) = stage {
            test_hook::set(stage, at);
        }
        let a = crate::panics::catch(|| analyze_document(&doc, &lex));
        test_hook::clear();
        (
            doc,
            a.expect("a panic in one sentence does not reach the document"),
        )
    }

    /// A panic in one sentence, in any stage, loses that sentence's
    /// statements, with a warning that gives its byte and the panic's
    /// location; the other sentences' statements are kept.
    #[test]
    fn a_panic_costs_one_sentence_not_the_document() {
        let (_, clean) = run(None, 0);
        assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
        let starts: Vec<usize> = clean.statements.iter().map(|s| s.sentence.start).collect();
        let second = TEXT.find("Umerov").unwrap();
        assert!(
            starts.contains(&0) && starts.contains(&second),
            "{starts:?}"
        );
        let third = TEXT.find("Rubio").unwrap();
        for (stage, file) in [
            ("sentence", "src/text/mod.rs:"),
            ("attribution", "src/attribution/mod.rs:"),
            ("stance", "src/pipeline.rs:"),
        ] {
            let (mut doc, a) = run(Some(stage), second);
            assert_eq!(a.warnings.len(), 1, "{stage}: {:?}", a.warnings);
            let w = &a.warnings[0];
            assert!(
                w.starts_with(&format!(
                    "internal error in a sentence at byte {second}, please report it: test panic in {stage}"
                )),
                "{stage}: {w}"
            );
            assert!(w.contains(&format!("(at {file}")), "{stage}: {w}");
            assert!(!w.contains("; "), "one warning in the column: {w}");
            assert_eq!(warning_kind(w), "internal error in a sentence");
            let kept: Vec<usize> = a.statements.iter().map(|s| s.sentence.start).collect();
            let expected: Vec<usize> = starts.iter().copied().filter(|&s| s != second).collect();
            assert_eq!(kept, expected, "{stage}");
            assert!(
                kept.contains(&0) && kept.contains(&third),
                "{stage}: {kept:?}"
            );
            assert_eq!(a.stances.len(), a.statements.len());
            assert!(a.statements.iter().enumerate().all(|(i, s)| s.index == i));
            // The warning reaches documents.csv.
            a.add_warnings_to(&mut doc);
            let row = document_row(&doc, a.statements.len());
            assert!(
                row.warnings
                    .contains("internal error in a sentence at byte")
            );
        }
    }

    /// Every cap the sentence layer hits is a document warning, counted by kind.
    #[test]
    fn caps_hit_are_warnings() {
        let lex = Lexicon::default_lexicon();
        let rules = Boilerplate::default_rules();
        let mut long = String::new();
        while long.len() < 5_000 {
            long.push_str("Peskov said that the plan on territory, ");
        }
        let cues = "Peskov said that the plan on territory, ".repeat(50);
        let quoted = format!("“{}” Peskov said.", "We reject the plan, ".repeat(150));
        for (text, needle, kind) in [
            (
                long.as_str(),
                "sentence of 4,999 bytes cut into 3 pieces of at most 2,000 bytes",
                "over-long sentence cut",
            ),
            (
                cues.as_str(),
                "sentence at byte 0 with more than 48 speech or attitude cues: only the first 48 read",
                "too many cues in a sentence",
            ),
            (
                quoted.as_str(),
                "quotation of 3,006 bytes read as plain text (longer than 2,000 bytes)",
                "over-long quotation read as text",
            ),
        ] {
            let doc = from_text("t.txt", text, "2026-02-18", &rules);
            let a = analyze_document(&doc, &lex);
            let w = a.warnings.iter().find(|w| w.contains(needle));
            assert!(w.is_some(), "{needle:?} not in {:?}", a.warnings);
            assert_eq!(warning_kind(w.unwrap()), kind);
        }
        let doc = from_text(
            "t.txt",
            "Peskov said the plan was good.",
            "2026-02-18",
            &rules,
        );
        assert!(analyze_document(&doc, &lex).warnings.is_empty());
    }
}
