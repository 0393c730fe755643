//! The `stancediff` command line: a thin layer over the library.

// mimalloc: allocation was 17% of the run's time with the system allocator
// (many small strings and vectors per sentence); see benches/throughput.rs.
// Built with `no_thp` (Cargo.toml): mimalloc otherwise asks for transparent
// huge pages, which doubled the peak memory (71 -> 40 MB on one thread,
// 105 -> 52 MB on two, 40 MB corpus) for no measurable gain in speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};
use stancediff::corpus::Manifest;
use stancediff::documents::{Boilerplate, DEFAULT_BOILERPLATE};
use stancediff::lexicon::Lexicon;
use stancediff::pipeline::{self, Config};
use stancediff::positions::Period;
use stancediff::provenance::LexiconSource;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  stancediff analyze corpora/geneva-2026 --out reports/geneva-2026
  stancediff analyze articles/ --lexicon my-talks.toml --period week --out out/
  cat article.txt | stancediff analyze - --out out/
  stancediff compare out-a/ out-b/ --out merged/
  stancediff explain d10ab6cf1b528-014 --out reports/geneva-2026
  stancediff completions bash > /etc/bash_completion.d/stancediff

Exit codes:
  0  success
  1  error (bad input path, no articles found, unusable lexicon, output folder not writable, ...)
  2  invalid command line (unknown option, bad value)
  3  analyze finished, but some inputs could not be used (listed in OUT/errors.csv)";

/// Most worker threads accepted; more are capped to a multiple of the cores.
const MAX_THREADS: usize = 1024;

fn parse_threads(s: &str) -> std::result::Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("{s:?} is not a whole number of threads"))?;
    if n == 0 {
        return Err("must be at least 1 (leave --threads out to use every core)".into());
    }
    if n > MAX_THREADS {
        return Err(format!("at most {MAX_THREADS}"));
    }
    Ok(n)
}

fn parse_min_shift(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if !v.is_finite() || v <= 0.0 || v > 4.0 {
        return Err(format!(
            "{s} is outside the range: give a number above 0 and at most 4 (the whole -2..2 scale)"
        ));
    }
    Ok(v)
}

#[derive(Parser)]
#[command(
    name = "stancediff",
    version,
    about = "Who said what in a negotiation, and how each side's position moved.",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a corpus: statements, stances, positions, shifts, gaps, charts and report.
    Analyze {
        /// Folders (walked recursively) or files: .txt, .html, .htm, .jsonl, .csv;
        /// `-` reads one article (text, or JSONL records) from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder (created if missing). Files stancediff wrote there in an
        /// earlier run and does not write again are removed; nothing else is.
        /// Optional with --jsonl.
        #[arg(long, short, required_unless_present = "jsonl")]
        out: Option<PathBuf>,
        /// Stream statements and stances to standard output as JSON lines (one
        /// object a line, "type": "statement" or "stance", the CSVs' columns),
        /// for pipelines. With --out the folder is written too; without it no
        /// file is written.
        #[arg(long)]
        jsonl: bool,
        /// Write the tables only (the CSVs, lexicon copy and provenance): no
        /// charts, report or workbook. For very large corpora, where a
        /// workbook of a million rows helps nobody and takes a third of the
        /// run's time; `compare` draws the report from the tables later.
        #[arg(long)]
        tables_only: bool,
        /// Manifest CSV (file,url,outlet,published,title); default: manifest.csv in the corpus folder.
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Extra boilerplate rules (TOML), added to the defaults.
        #[arg(long)]
        boilerplate: Vec<PathBuf>,
        /// Worker threads, 1 or more (default: all cores). The output is the same for any value.
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        #[command(flatten)]
        comparison: ComparisonArgs,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Rebuild positions, shifts, gaps, charts and report from existing stances.csv files.
    Compare {
        /// stances.csv files (or output folders containing one), e.g. shards of one corpus.
        #[arg(required = true)]
        stances: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, short)]
        out: PathBuf,
        #[command(flatten)]
        comparison: ComparisonArgs,
    },
    /// Show why a statement got its stances: its words, issues, cues and scores.
    Explain {
        /// A statement id from statements.csv (e.g. d10ab6cf1b528-014).
        statement_id: Option<String>,
        /// The output folder of the run the id comes from.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Or: analyse this text on the spot and show every statement's stances.
        #[arg(long, conflicts_with = "statement_id")]
        text: Option<String>,
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Print the article text stancediff reads from a file, boilerplate removed.
    Clean {
        file: PathBuf,
        /// Extra boilerplate rules (TOML), added to the defaults.
        #[arg(long)]
        boilerplate: Vec<PathBuf>,
    },
    /// Print or check a lexicon.
    Lexicon {
        #[command(subcommand)]
        action: LexiconAction,
    },
    /// Score a run against gold annotations (quotes.csv, stances.csv).
    Eval {
        /// Folder with the gold quotes.csv and stances.csv.
        #[arg(long)]
        gold: PathBuf,
        /// Output folder of an `analyze` run.
        #[arg(long)]
        run: PathBuf,
        /// Where to write the scores as CSV (default: RUN/eval.csv).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print only the scores, not the missed and extra statements.
        #[arg(long)]
        brief: bool,
        /// Lexicon the run was made with (to recognise names of sides); default: the embedded one.
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
}

/// Options shared by `analyze` and `compare`.
#[derive(Args)]
struct ComparisonArgs {
    /// Lexicon TOML file; default: the embedded Russia-Ukraine lexicon.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Group positions by day, week or month.
    #[arg(long, value_enum, default_value_t = Period::Day)]
    period: Period,
    /// Smallest change of a position (on the -2..2 scale) reported as a shift: above 0, at most 4.
    #[arg(long, default_value_t = stancediff::shifts::DEFAULT_THRESHOLD, value_parser = parse_min_shift)]
    min_shift: f64,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Start every CSV with a UTF-8 byte-order mark, so that spreadsheets
    /// (Excel, LibreOffice) open it as UTF-8 without an import dialog.
    #[arg(long)]
    csv_bom: bool,
}

impl ComparisonArgs {
    /// A configuration with `lexicon` (or the one given with --lexicon, or the default).
    fn config_with(&self, lexicon: (Lexicon, LexiconSource)) -> Result<Config> {
        let (lex, source) = lexicon;
        let mut cfg = Config::new(lex);
        cfg.period = self.period;
        cfg.shift_threshold = self.min_shift;
        cfg.progress = !self.quiet;
        cfg.csv_bom = self.csv_bom;
        cfg.run_info.lexicon = Some(source);
        cfg.run_info.command = std::env::args().collect();
        Ok(cfg)
    }
}

#[derive(Subcommand)]
enum LexiconAction {
    /// Print the embedded default lexicon (copy it to start your own).
    Show {
        /// Print the built-in English cue lists every lexicon inherits instead.
        #[arg(long)]
        cues: bool,
    },
    /// Validate a lexicon file and run its examples.
    Check { file: PathBuf },
    /// Mine a corpus for phrases the sides take positions on that no issue
    /// matched; prints them ranked, as TOML lines to paste into an issue.
    Mine {
        /// Corpus folders or files, as for `analyze`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Lexicon TOML file; default: the embedded Russia-Ukraine lexicon.
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Leave out phrases seen fewer times than this.
        #[arg(long, default_value_t = 2)]
        min_count: usize,
        /// Print at most this many phrases.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A bug must not end in a bare panic (exit 101) in any subcommand: say
    // where it happened and exit 1.
    match stancediff::panics::catch(|| run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("stancediff: error: {e:#}");
            ExitCode::from(1)
        }
        // `stancediff lexicon show | head`: the reader left, as with any
        // Unix filter; println! panics on the closed pipe, which is no bug.
        Err(p)
            if p.message.contains("failed printing to stdout")
                && p.message.contains("Broken pipe") =>
        {
            ExitCode::SUCCESS
        }
        Err(p) => {
            eprintln!("stancediff: internal error, please report it: {p}");
            ExitCode::from(1)
        }
    }
}

fn load_lexicon(path: &Option<PathBuf>) -> Result<Lexicon> {
    Ok(load_lexicon_source(path)?.0)
}

/// The lexicon and its text (for the run's copy and hash).
fn load_lexicon_source(path: &Option<PathBuf>) -> Result<(Lexicon, LexiconSource)> {
    let (lex, source) = match path {
        Some(p) => {
            let lex = Lexicon::from_path(p)?;
            for c in &lex.conflicts {
                eprintln!(
                    "stancediff: warning: {}: {c} (the first one named takes it; `stancediff lexicon check` lists these)",
                    p.display()
                );
            }
            let toml = stancediff::lexicon::extends::self_contained_text(p)
                .with_context(|| format!("cannot read the lexicon {}", p.display()))?;
            (
                lex,
                LexiconSource {
                    toml,
                    origin: p.display().to_string(),
                },
            )
        }
        None => (Lexicon::default_lexicon(), LexiconSource::default_lexicon()),
    };
    // Party and issue ids become file names and anchors.
    stancediff::ids::check_lexicon(&lex)?;
    Ok((lex, source))
}

/// The lexicon for `explain`/`compare` on finished runs: the one the runs
/// recorded (checked against --lexicon, refusing a mix), else --lexicon or
/// the default.
fn run_lexicon(runs: &[&Path], given: &Option<PathBuf>) -> Result<(Lexicon, LexiconSource)> {
    let given_source = match given {
        Some(_) => Some(load_lexicon_source(given)?),
        None => None,
    };
    match stancediff::provenance::choose(runs, given_source.as_ref().map(|(_, s)| s))? {
        Some(recorded) => {
            if let Some(g) = given_source {
                return Ok(g); // the same text: keep the path it was read from
            }
            let lex = Lexicon::from_toml(&recorded.toml, &recorded.origin)?;
            stancediff::ids::check_lexicon(&lex)?;
            Ok((lex, recorded))
        }
        None => match given_source {
            Some(g) => Ok(g),
            None => {
                // Run folders of an older stancediff (a completion marker, no
                // provenance): say which lexicon is assumed. Bare stances
                // files are not runs: nothing to say.
                let old: Vec<String> = runs
                    .iter()
                    .filter(|p| p.join(stancediff::output::MARKER).exists())
                    .map(|p| p.display().to_string())
                    .collect();
                if !old.is_empty() {
                    eprintln!(
                        "stancediff: note: {} records no lexicon (made by an older stancediff): using the embedded default; give --lexicon FILE if the run used another",
                        old.join(", ")
                    );
                }
                load_lexicon_source(&None)
            }
        },
    }
}

/// Check the inputs of `analyze` before anything is written: every path
/// exists (or is `-`), and there is at least one article file among them.
fn check_inputs(paths: &[PathBuf]) -> Result<()> {
    for p in paths {
        if p.as_os_str() == "-" {
            continue;
        }
        if p.symlink_metadata().is_err() {
            anyhow::bail!(
                "input {} does not exist (give a corpus folder or article files; `-` reads standard input)",
                p.display()
            );
        }
    }
    let named: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if named.len() == paths.len() && stancediff::corpus::inputs(&named).next().is_none() {
        anyhow::bail!(
            "no articles found in {} (stancediff reads .txt, .html, .htm, .jsonl and .csv files; manifest.csv, hidden files and gold/ are not articles)",
            named
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}

/// Standard input as one input file: `stdin.jsonl` when it is JSON records,
/// else `stdin.txt`, in a temporary folder that lives as long as the guard.
fn stdin_input() -> Result<(tempfile::TempDir, PathBuf)> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        anyhow::bail!(
            "standard input is empty: pipe an article (text or JSONL) into `stancediff analyze -`"
        );
    }
    let dir = tempfile::tempdir().context("cannot create a temporary folder for standard input")?;
    let first = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied()
        .unwrap_or(b' ');
    let name = if first == b'{' {
        "stdin.jsonl"
    } else {
        "stdin.txt"
    };
    let path = dir.path().join(name);
    std::fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok((dir, path))
}

/// "3 no publication date, 1 not UTF-8 (decoded as Windows-1252)".
fn warning_counts(s: &pipeline::Summary) -> String {
    let mut v: Vec<(&String, &usize)> = s.warning_kinds.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn load_boilerplate(files: &[PathBuf]) -> Result<Boilerplate> {
    if files.is_empty() {
        return Ok(Boilerplate::default_rules());
    }
    let mut rules = vec![DEFAULT_BOILERPLATE.to_string()];
    for b in files {
        // A FIFO or device would block or never end: only regular files.
        let meta = std::fs::metadata(b)
            .with_context(|| format!("cannot read the boilerplate rules {}", b.display()))?;
        if !meta.is_file() || meta.len() > 16 << 20 {
            anyhow::bail!(
                "cannot read the boilerplate rules {}: not a regular file of at most 16 MB (give a .toml file)",
                b.display()
            );
        }
        rules.push(
            std::fs::read_to_string(b).with_context(|| format!("cannot read {}", b.display()))?,
        );
    }
    Boilerplate::from_tomls(&rules.iter().map(|s| s.as_str()).collect::<Vec<_>>())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            out,
            manifest,
            boilerplate,
            threads,
            comparison,
            jsonl,
            tables_only,
        } => {
            let quiet = comparison.quiet;
            // Streaming without a folder: the tables go to a temporary folder
            // that is removed at the end, and no charts or report are drawn.
            let mut _scratch = None;
            let out = match out {
                Some(o) => o,
                None => {
                    let dir = tempfile::tempdir().context("cannot make a temporary folder")?;
                    let p = dir.path().join("run");
                    _scratch = Some(dir);
                    p
                }
            };
            if out.as_os_str() == "-" {
                anyhow::bail!(
                    "--out - : analyze writes a folder of tables, charts and a report, not one stream; give a folder with --out DIR"
                );
            }
            check_inputs(&paths)?;
            // Compiling the lexicon, the boilerplate rules and the name
            // pattern is most of a small run's time: side by side.
            let (lexicon, rules) = std::thread::scope(|s| {
                let lexicon = s.spawn(|| load_lexicon_source(&comparison.lexicon));
                let rules = load_boilerplate(&boilerplate);
                stancediff::text::warm_up();
                let lexicon = lexicon
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                (lexicon, rules)
            });
            let mut cfg = comparison.config_with(lexicon?)?;
            cfg.run_info.inputs = paths.iter().map(|p| p.display().to_string()).collect();
            // `-`: standard input, as one file in a temporary folder.
            let mut _stdin_guard = None;
            let paths: Vec<PathBuf> = paths
                .into_iter()
                .map(|p| -> Result<PathBuf> {
                    if p.as_os_str() == "-" {
                        if _stdin_guard.is_some() {
                            anyhow::bail!("`-` (standard input) can be given only once");
                        }
                        let (dir, _file) = stdin_input()?;
                        let folder = dir.path().to_path_buf();
                        _stdin_guard = Some(dir);
                        Ok(folder)
                    } else {
                        Ok(p)
                    }
                })
                .collect::<Result<_>>()?;
            cfg.boilerplate = rules?;
            cfg.jsonl = jsonl;
            if _scratch.is_some() || tables_only {
                cfg.report = false;
            }
            let manifest = manifest.or_else(|| {
                paths
                    .iter()
                    .find(|p| p.is_dir())
                    .map(|p| p.join("manifest.csv"))
                    // Anything by that name (even a FIFO) is the manifest: load reports it.
                    .filter(|p| p.symlink_metadata().is_ok())
            });
            if let Some(m) = &manifest {
                cfg.manifest = Manifest::load(m);
                if !quiet {
                    for e in &cfg.manifest.errors {
                        eprintln!("stancediff: warning: {}: {}", e.file, e.message);
                    }
                    for w in &cfg.manifest.warnings {
                        eprintln!("stancediff: warning: {w}");
                    }
                }
            }
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            cfg.threads = threads.map(|n| {
                let cap = 8 * cores;
                if n > cap && !quiet {
                    eprintln!(
                        "stancediff: note: --threads {n} capped to {cap} (8 per core on this machine; more only adds overhead)"
                    );
                }
                n.min(cap)
            });
            let summary = pipeline::analyze(&paths, &out, &cfg)?;
            if summary.documents == 0 && summary.errors == 0 {
                anyhow::bail!(
                    "no articles found: the inputs had no article text (empty files or records); {} holds empty tables",
                    out.display()
                );
            }
            if !quiet {
                eprintln!("stancediff: {}", summary.line(&out));
                if summary.warnings > 0 {
                    eprintln!(
                        "stancediff: warnings: {} (see the warnings column of {})",
                        warning_counts(&summary),
                        out.join("documents.csv").display()
                    );
                }
                if summary.undated > 0 {
                    eprintln!(
                        "stancediff: {} document(s) have no publication date: their statements make no position unless the attribution names a day (add dates to manifest.csv)",
                        summary.undated
                    );
                }
                if !summary.removed.is_empty() {
                    eprintln!(
                        "stancediff: removed {} file(s) an earlier run wrote into {} that this run did not write again",
                        summary.removed.len(),
                        out.display()
                    );
                }
                if summary.errors > 0 {
                    eprintln!(
                        "stancediff: {} input(s) could not be used; see {}",
                        summary.errors,
                        out.join("errors.csv").display()
                    );
                }
            }
            Ok(if summary.errors > 0 {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Compare {
            stances,
            out,
            comparison,
        } => {
            let quiet = comparison.quiet;
            if out.as_os_str() == "-" {
                anyhow::bail!("--out - : compare writes a folder; give a folder with --out DIR");
            }
            let files: Vec<PathBuf> = stances
                .into_iter()
                .map(|p| if p.is_dir() { p.join("stances.csv") } else { p })
                .collect();
            for f in &files {
                if f.symlink_metadata().is_err() {
                    anyhow::bail!(
                        "{} does not exist (give stances.csv files or the output folders of analyze runs)",
                        f.display()
                    );
                }
            }
            let dirs: Vec<&Path> = files
                .iter()
                .map(|f| f.parent().unwrap_or(Path::new(".")))
                .collect();
            let mut cfg = comparison.config_with(run_lexicon(&dirs, &comparison.lexicon)?)?;
            cfg.run_info.inputs = files.iter().map(|p| p.display().to_string()).collect();
            let summary = pipeline::compare(&files, &out, &cfg)?;
            if !quiet {
                eprintln!(
                    "stancediff: compared {} stance rows: {}",
                    summary.stances,
                    summary.line(&out)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            statement_id,
            out,
            text,
            lexicon,
        } => {
            let lex = match (&out, &text) {
                // The run's own lexicon, unless --text analyses new text.
                (Some(dir), None) => run_lexicon(&[dir.as_path()], &lexicon)?.0,
                _ => load_lexicon(&lexicon)?,
            };
            match (statement_id, text) {
                (_, Some(text)) => {
                    match stancediff::panics::catch(|| {
                        stancediff::explain::explain_text(&text, &lex)
                    }) {
                        Ok(s) => print!("{s}"),
                        Err(p) => anyhow::bail!(
                            "internal error while analysing the text, please report it: {p}"
                        ),
                    }
                }
                (Some(id), None) => {
                    let out = out.context("give the run's output folder with --out DIR")?;
                    for f in ["statements.csv", "stances.csv"] {
                        stancediff::output::check_complete(&out.join(f))?;
                    }
                    print!(
                        "{}",
                        stancediff::explain::explain_statement(&id, &out, &lex)?
                    );
                }
                (None, None) => {
                    anyhow::bail!("give a statement id (with --out DIR) or --text \"...\"")
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "stancediff",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Clean { file, boilerplate } => {
            let rules = load_boilerplate(&boilerplate)?;
            for text in stancediff::documents::clean_file(&file, &rules)? {
                println!("{text}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Lexicon { action } => match action {
            LexiconAction::Show { cues } => {
                print!(
                    "{}",
                    if cues {
                        stancediff::lexicon::ENGLISH_CUES
                    } else {
                        stancediff::lexicon::DEFAULT_LEXICON
                    }
                );
                Ok(ExitCode::SUCCESS)
            }
            LexiconAction::Mine {
                paths,
                lexicon,
                min_count,
                limit,
            } => {
                let lex = load_lexicon(&lexicon)?;
                let rules = Boilerplate::default_rules();
                let (acc, docs, failed) = stancediff::mine::mine_paths(&paths, &lex, &rules);
                if docs == 0 {
                    anyhow::bail!(
                        "no articles found in {} (give folders or .txt/.html/.jsonl/.csv files)",
                        paths
                            .iter()
                            .map(|p| p.display().to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                let ranked = stancediff::mine::ranked(acc, min_count);
                let shown = &ranked[..ranked.len().min(limit)];
                print!("{}", stancediff::mine::to_toml(shown));
                eprintln!(
                    "stancediff: {docs} documents mined, {failed} inputs skipped, {} phrases (showing {})",
                    ranked.len(),
                    shown.len()
                );
                Ok(ExitCode::SUCCESS)
            }
            LexiconAction::Check { file } => {
                let lex = match Lexicon::from_path(&file)
                    .map_err(anyhow::Error::from)
                    .and_then(|l| stancediff::ids::check_lexicon(&l).map(|()| l))
                {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("stancediff: {e}");
                        return Ok(ExitCode::from(1));
                    }
                };
                println!("{}: {}", file.display(), lex.summary());
                let results = match stancediff::panics::catch(|| {
                    stancediff::examples::run_all(&lex)
                }) {
                    Ok(r) => r,
                    Err(p) => {
                        eprintln!(
                            "stancediff: internal error while running the lexicon's examples, please report it: {p}"
                        );
                        return Ok(ExitCode::from(1));
                    }
                };
                for c in &lex.conflicts {
                    eprintln!("stancediff: {}: {c}", file.display());
                }
                match stancediff::examples::failures(&results) {
                    None if lex.conflicts.is_empty() => {
                        println!("{} examples passed", results.len());
                        Ok(ExitCode::SUCCESS)
                    }
                    None => {
                        println!("{} examples passed", results.len());
                        Ok(ExitCode::from(1))
                    }
                    Some(report) => {
                        eprintln!("{report}");
                        Ok(ExitCode::from(1))
                    }
                }
            }
        },
        Command::Eval {
            gold,
            run,
            out,
            brief,
            lexicon,
        } => {
            // A finished run only, read with the lexicon it recorded.
            for f in ["statements.csv", "stances.csv"] {
                stancediff::output::check_complete(&run.join(f))?;
            }
            let lex = run_lexicon(&[run.as_path()], &lexicon)?.0;
            let scores = stancediff::eval::evaluate(&gold, &run, &lex)?;
            let table = scores.table();
            if brief {
                print!("{}", table.split("\n\n").next().unwrap_or(""));
                println!();
            } else {
                print!("{table}");
            }
            let out = out.unwrap_or_else(|| run.join("eval.csv"));
            stancediff::output::write_csv(&out, &["metric", "value"], &scores.rows())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
