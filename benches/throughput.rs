//! Throughput benchmark: the `stancediff` binary end to end on a corpus of a
//! stated size, with the machine's load, CPU time and peak memory of each run.
//!
//! Run: `cargo bench --bench throughput` (50 and 200 MB), or give sizes in
//! MB: `cargo bench --bench throughput -- 50 1000`.
//!
//! The corpus: every article bundled in `corpora/` (about 120 articles of
//! several negotiations and outlets), copied until the size is reached, each
//! copy with one added sentence so that no two files are the same article
//! (duplicates would be skipped). 1,000 files a folder.
//!
//! For each size it prints, for scale, the corpus read by `cat` and a
//! one-pass scan for the lexicon's phrases (one thread); then the same
//! `analyze` a user runs, on 1 and 2 threads, with `--tables-only` and with
//! all outputs: MB/s, articles/s, wall and CPU seconds, MB per CPU-second
//! and the peak resident memory of that run (from `wait4`, so each run's own
//! peak); then a single-article run; and, for the largest size, each
//! in-memory stage on one thread. The adversarial inputs have their own
//! benchmark: `cargo bench --bench adversarial`.

use stancediff::documents::{Boilerplate, from_text};
use stancediff::lexicon::Lexicon;
use stancediff::{stances, statements};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_stancediff");

fn seeds() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut v: Vec<(String, String)> = walk(&root)
        .into_iter()
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

/// What one child process cost: wall seconds, CPU seconds, peak RSS in MB.
struct Cost {
    wall: f64,
    cpu: f64,
    peak_mb: f64,
}

/// Run a command and measure it with `wait4`, which reports the child's own
/// CPU time and peak memory.
// The child is reaped by `wait4`, not `Child::wait`, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn measure(cmd: &mut Command) -> Cost {
    let t = Instant::now();
    let child = cmd.spawn().expect("the command starts");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; `status` and `ru` are valid pointers.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    let wall = t.elapsed().as_secs_f64();
    assert!(pid > 0 && status == 0, "{cmd:?} failed (status {status})");
    let secs = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    Cost {
        wall,
        cpu: secs(ru.ru_utime) + secs(ru.ru_stime),
        peak_mb: ru.ru_maxrss as f64 / 1024.0,
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn line(what: &str, bytes: usize, docs: usize, c: &Cost) {
    let mb = bytes as f64 / 1e6;
    // An in-process measurement (the phrase scan) has no peak of its own.
    let peak = if c.peak_mb.is_nan() {
        "(in process)".to_string()
    } else {
        format!("{:>6.1} MB", c.peak_mb)
    };
    println!(
        "  {what:<34} {:>7.1} MB/s {:>8.0} articles/s | wall {:>6.2} s | CPU {:>6.2} s | {:>6.1} MB per CPU-s | peak RSS {peak}",
        mb / c.wall,
        docs as f64 / c.wall,
        c.wall,
        c.cpu,
        mb / c.cpu.max(1e-9),
    );
}

/// The corpus through `cat`, and through one pass of the lexicon's phrase
/// automaton (reading each file, one thread): what reading and one scan cost.
fn baselines(corpus: &Path, bytes: usize, docs: usize) {
    let files = walk(corpus);
    let mut cat = Command::new("sh");
    cat.arg("-c")
        .arg("find \"$1\" -type f -print0 | xargs -0 cat > /dev/null")
        .arg("sh")
        .arg(corpus);
    line("cat (for scale)", bytes, docs, &measure(&mut cat));
    let lex = Lexicon::default_lexicon();
    let t = Instant::now();
    let mut hits = 0;
    for f in &files {
        hits += lex.scan(&std::fs::read_to_string(f).unwrap()).len();
    }
    let wall = t.elapsed().as_secs_f64();
    let c = Cost {
        wall,
        cpu: wall,
        peak_mb: f64::NAN,
    };
    line(
        &format!("phrase scan, 1 thread ({} terms)", lex.term_count()),
        bytes,
        docs,
        &c,
    );
    assert!(hits > 0);
}

fn analyze(corpus: &Path, out: &Path, threads: usize, all_outputs: bool) -> Cost {
    let mut cmd = Command::new(BIN);
    cmd.arg("analyze")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .arg("--threads")
        .arg(threads.to_string());
    if !all_outputs {
        cmd.arg("--tables-only");
    }
    measure(&mut cmd)
}

/// In-memory throughput of each stage on the corpus texts, one thread, so a
/// regression shows where it is.
fn stages(corpus: &Path) {
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
        // One scorer a document, as the pipeline scores.
        let mut scorer = stances::Scorer::new(&d.text, &lex, h);
        for s in ss {
            n += scorer.score(s, ante).len();
            ante = scorer.antecedent_of(s).or(ante);
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
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "stancediff throughput benchmark: {cores} cores, load average {} (1, 5, 15 min)",
        load()
    );
    let tmp = tempfile::tempdir().unwrap();
    for &mb in &sizes {
        let corpus: PathBuf = tmp.path().join(format!("corpus-{mb}"));
        let (bytes, files) = build_corpus(&corpus, mb);
        println!(
            "corpus {:.1} MB, {files} articles (the bundled articles, each copy distinct):",
            bytes as f64 / 1e6
        );
        baselines(&corpus, bytes, files);
        for all_outputs in [false, true] {
            for threads in [1, 2] {
                let out = tmp.path().join(format!("out-{mb}-{all_outputs}-{threads}"));
                // Once to warm the page cache, so the figure is processing, not disk.
                let _ = analyze(&corpus, &out, threads, all_outputs);
                let c = analyze(&corpus, &out, threads, all_outputs);
                let what = format!(
                    "analyze {}, {threads} thread{}",
                    if all_outputs {
                        "(all outputs)"
                    } else {
                        "--tables-only"
                    },
                    if threads == 1 { "" } else { "s" }
                );
                line(&what, bytes, files, &c);
                std::fs::remove_dir_all(&out).unwrap();
            }
        }
        std::fs::remove_dir_all(&corpus).unwrap();
    }
    // One article, all outputs: what a user waits for on a single file.
    let one = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/geneva-2026/2026-02-18-nyt-second-day-ends-after-two-hours.txt");
    if one.exists() {
        let out = tmp.path().join("out-one");
        let _ = analyze(&one, &out, 2, true);
        let c = analyze(&one, &out, 2, true);
        println!(
            "one article ({} KB), all outputs: {:.0} ms wall, peak RSS {:.1} MB",
            std::fs::metadata(&one).map_or(0, |m| m.len()) / 1024,
            c.wall * 1e3,
            c.peak_mb
        );
    }
    let last = *sizes.last().unwrap();
    let corpus = tmp.path().join("stages");
    build_corpus(&corpus, last.min(50));
    stages(&corpus);
    println!("load average at the end: {}", load());
}
