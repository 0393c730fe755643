//! The `stancediff` command line: a thin layer over the library.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
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
        /// Lexicon TOML file; default: the embedded Russia-Ukraine lexicon.
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Extra boilerplate rules (TOML), added to the defaults.
        #[arg(long)]
        boilerplate: Vec<PathBuf>,
        /// Worker threads (default: all cores). The output is the same for any value.
        #[arg(long)]
        threads: Option<usize>,
        /// Group positions by day, week or month.
        #[arg(long, value_enum, default_value_t = Period::Day)]
        period: Period,
        /// Smallest change of a position (on the -2..2 scale) reported as a shift.
        #[arg(long, default_value_t = stancediff::shifts::DEFAULT_THRESHOLD)]
        min_shift: f64,
        /// No progress bar and no summary line.
        #[arg(long, short)]
        quiet: bool,
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
    Ok(match path {
        Some(p) => Lexicon::from_path(p)?,
        None => Lexicon::default_lexicon(),
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            out,
            manifest,
            lexicon,
            boilerplate,
            threads,
            period,
            min_shift,
            quiet,
        } => {
            let mut cfg = Config::new(load_lexicon(&lexicon)?);
            let mut rules = vec![DEFAULT_BOILERPLATE.to_string()];
            for b in &boilerplate {
                rules.push(
                    std::fs::read_to_string(b)
                        .with_context(|| format!("cannot read {}", b.display()))?,
                );
            }
            cfg.boilerplate =
                Boilerplate::from_tomls(&rules.iter().map(|s| s.as_str()).collect::<Vec<_>>())?;
            let manifest = manifest.or_else(|| {
                paths
                    .iter()
                    .find(|p| p.is_dir())
                    .map(|p| p.join("manifest.csv"))
                    .filter(|p| p.is_file())
            });
            if let Some(m) = &manifest {
                cfg.manifest = Manifest::load(m)?;
            }
            cfg.period = period;
            cfg.shift_threshold = min_shift;
            cfg.threads = threads;
            cfg.progress = !quiet;
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
        Command::Eval {
            gold,
            run,
            out,
            brief,
        } => {
            let scores = stancediff::eval::evaluate(&gold, &run)?;
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
