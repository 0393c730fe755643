//! Throughput benchmark: MB/s and articles/s, end to end, on a corpus of a
//! stated size built from the bundled articles.
//!
//! Run: `cargo bench --bench throughput` (sizes in MB: `-- 50 200`).
//! It writes a synthetic corpus of N MB (the five bundled articles, each copy
//! with its numbers changed so no two files are identical), runs the same
//! `analyze` a user runs (without charts and report, then with them), and
//! prints MB/s, articles/s and the peak resident memory, so you can see that
//! memory does not grow with the corpus.

use stancediff::corpus::Manifest;
use stancediff::lexicon::Lexicon;
use stancediff::pipeline::{self, Config};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/geneva-2026");
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Write about `mb` megabytes of articles into `dir`, 1000 files per folder.
fn build_corpus(dir: &Path, mb: usize) -> (usize, usize) {
    let seeds = seeds();
    let target = mb * 1_000_000;
    let (mut bytes, mut n) = (0usize, 0usize);
    while bytes < target {
        let (name, text) = &seeds[n % seeds.len()];
        // Vary the text so every file is a distinct article.
        let text = format!(
            "{text}\n\nCopy {n}: officials met for {} hours on day {}.\n",
            n % 24,
            n
        );
        let sub = dir.join(format!("{:05}", n / 1000));
        if n % 1000 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("{n:07}-{name}")), &text).unwrap();
        bytes += text.len();
        n += 1;
    }
    (bytes, n)
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn run(corpus: &Path, out: &Path, report: bool, threads: Option<usize>) -> (f64, usize, usize) {
    let mut cfg = Config::new(Lexicon::default_lexicon());
    cfg.manifest = Manifest::default();
    cfg.report = report;
    cfg.threads = threads;
    let t = Instant::now();
    let s = pipeline::analyze(&[corpus.to_path_buf()], out, &cfg).expect("analyze");
    (t.elapsed().as_secs_f64(), s.documents, s.bytes)
}

/// In-memory throughput of each stage on the corpus texts, one thread, so a
/// regression shows where it is.
fn stages(corpus: &Path) {
    use stancediff::documents::{Boilerplate, from_text};
    use stancediff::{stances, statements};
    let lex = Lexicon::default_lexicon();
    let rules = Boilerplate::default_rules();
    let texts: Vec<String> = walk(corpus)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    let t = Instant::now();
    let docs: Vec<_> = texts
        .iter()
        .map(|t| from_text("x.txt", t, "2026-02-18", &rules))
        .collect();
    let build = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let hits: Vec<_> = docs
        .iter()
        .map(|d| statements::scan_document(d, &lex))
        .collect();
    let scan = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let sts: Vec<_> = docs
        .iter()
        .zip(&hits)
        .map(|(d, h)| statements::extract_with_hits(d, &lex, h))
        .collect();
    let extract = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut n = 0;
    for ((d, h), ss) in docs.iter().zip(&hits).zip(&sts) {
        let mut ante = None;
        for s in ss {
            n += stances::score(&d.text, s, &lex, h, ante).len();
            ante = stances::antecedent_of(&d.text, s, &lex, h).or(ante);
        }
    }
    let score = t.elapsed().as_secs_f64();
    println!(
        "stages, one thread, {mb:.1} MB in memory: documents {:.0} MB/s | lexicon scan {:.0} MB/s | statements {:.0} MB/s | stances {:.0} MB/s ({n} stances)",
        mb / build,
        mb / scan,
        mb / extract,
        mb / score
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    v.sort();
    v
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![50, 200]
    } else {
        sizes
    };
    let sizes_last = sizes.last().copied();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("stancediff throughput benchmark ({threads} cores)");
    for mb in sizes {
        let tmp = tempfile::tempdir().unwrap();
        let corpus: PathBuf = tmp.path().join("corpus");
        let (bytes, files) = build_corpus(&corpus, mb);
        for report in [false, true] {
            let out = tmp.path().join(format!("out-{report}"));
            // Warm the page cache once so the figure is processing, not disk.
            let _ = run(&corpus, &out, report, None);
            let (secs, docs, read) = run(&corpus, &out, report, None);
            assert_eq!(docs, files);
            assert_eq!(read, bytes);
            println!(
                "corpus {:>6.1} MB, {:>7} articles | {:<26} | {:>7.1} MB/s | {:>9.0} articles/s | {:>6.2} s | peak RSS {:>6.1} MB",
                bytes as f64 / 1e6,
                docs,
                if report {
                    "analyze (all outputs)"
                } else {
                    "analyze (no charts/report)"
                },
                bytes as f64 / 1e6 / secs,
                docs as f64 / secs,
                secs,
                peak_rss_mb()
            );
        }
        // Last, and only once: it holds the corpus in memory, which would
        // inflate the peak memory reported for the runs above.
        if Some(&mb) == sizes_last.as_ref() {
            stages(&corpus);
        }
    }
}
