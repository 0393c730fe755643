//! The `stancediff` command line: a thin layer over the library.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use stancediff::corpus::Manifest;
use stancediff::documents::{Boilerplate, DEFAULT_BOILERPLATE};
use stancediff::lexicon::Lexicon;
use stancediff::pipeline::{self, Config};
use stancediff::positions::Period;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "stancediff",
    version,
    about = "Who said what in a negotiation, and how each side's position moved."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a corpus: statements, stances, positions, shifts, gaps, charts and report.
    Analyze {
        /// Folders (walked recursively) or files: .txt, .html, .htm, .jsonl, .csv.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, short)]
        out: PathBuf,
        /// Manifest CSV (file,url,outlet,published,title); default: manifest.csv in the corpus folder.
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Extra boilerplate rules (TOML), added to the defaults.
        #[arg(long)]
        boilerplate: Vec<PathBuf>,
        /// Worker threads (default: all cores). The output is the same for any value.
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        comparison: ComparisonArgs,
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
    /// Smallest change of a position (on the -2..2 scale) reported as a shift.
    #[arg(long, default_value_t = stancediff::shifts::DEFAULT_THRESHOLD)]
    min_shift: f64,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
}

impl ComparisonArgs {
    fn config(&self) -> Result<Config> {
        let mut cfg = Config::new(load_lexicon(&self.lexicon)?);
        cfg.period = self.period;
        cfg.shift_threshold = self.min_shift;
        cfg.progress = !self.quiet;
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
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stancediff: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn load_lexicon(path: &Option<PathBuf>) -> Result<Lexicon> {
    let lex = match path {
        Some(p) => Lexicon::from_path(p)?,
        None => Lexicon::default_lexicon(),
    };
    // Party and issue ids become file names and anchors.
    stancediff::ids::check_lexicon(&lex)?;
    Ok(lex)
}

fn load_boilerplate(files: &[PathBuf]) -> Result<Boilerplate> {
    let mut rules = vec![DEFAULT_BOILERPLATE.to_string()];
    for b in files {
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
        } => {
            let quiet = comparison.quiet;
            let mut cfg = comparison.config()?;
            cfg.boilerplate = load_boilerplate(&boilerplate)?;
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
            cfg.threads = threads;
            let summary = pipeline::analyze(&paths, &out, &cfg)?;
            if !quiet {
                eprintln!("stancediff: {}", summary.line(&out));
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
            let cfg = comparison.config()?;
            let files: Vec<PathBuf> = stances
                .into_iter()
                .map(|p| if p.is_dir() { p.join("stances.csv") } else { p })
                .collect();
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
            let lex = load_lexicon(&lexicon)?;
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
                println!(
                    "{}: {} parties, {} actors, {} unnamed sources, {} issues, {} terms",
                    file.display(),
                    lex.parties.len(),
                    lex.actors.len(),
                    lex.sources.len(),
                    lex.issues.len(),
                    lex.terms.len()
                );
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
                match stancediff::examples::failures(&results) {
                    None => {
                        println!("{} examples passed", results.len());
                        Ok(ExitCode::SUCCESS)
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
            let lex = load_lexicon(&lexicon)?;
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
