//! Adversarial benchmark: the hostile inputs of issue #12, each run through
//! the real binary in its own process, with wall time and peak resident
//! memory (from `wait4`), so a regression in time or memory is visible.
//!
//! Run: `cargo bench --bench adversarial` (options after `--`:
//! `--timeout SECS` per case, default 60; `--only NAME` to run cases whose
//! name contains NAME). The target is every case under 2 s and 300 MB: each
//! line ends with a verdict, `ok`, `OVER` (over 2 s or 300 MB) or `TIMEOUT`
//! (killed at the timeout), and the bench exits with status 1 when any case
//! is not `ok` (0 when all are). Peak memory is the child's VmHWM polled
//! every 2 ms (Linux), so a spike in the last milliseconds of a run may be
//! missed.
//!
//! Cases: a cue-dense sentence of 85 KB, 170 KB and 1 MB (no full stop, a
//! speech cue every few words); an HTML page of 3.3 MB nested 270,000
//! elements deep; one 50 MB document on a single line; a 10 MB single line
//! with no full stop at all (clauses joined by commas, a speech cue in every
//! tenth); one long article of 1 MB and of 4 MB (ordinary reported
//! statements with attitudes, so time per MB shows whether a stage looks
//! back over the whole document before each cue); a lexicon with a
//! 10,000-byte term and
//! one with 10^5 actors (both refused by `lexicon check`, so timed to the
//! refusal), a lexicon at the actor cap (20,000) analysing the bundled corpus;
//! a 20 MB JSONL file of 20,000 records; and a hostile corpus (deep HTML, a
//! 20 MB line, 5 MB of binary junk, invalid UTF-8, broken JSONL, an empty
//! file, beside real articles).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_stancediff");

/// The target for every case: wall time and peak resident memory.
const MAX_SECS: f64 = 2.0;
const MAX_MB: f64 = 300.0;

struct Outcome {
    secs: f64,
    peak_mb: f64,
    code: Option<i32>,
    timed_out: bool,
}

/// Run the binary with `args`, killed after `timeout`; time and peak RSS.
/// The child is reaped by `wait4` (which clippy does not see).
#[allow(clippy::zombie_processes)]
fn measure(args: &[String], timeout: Duration) -> Outcome {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the stancediff binary runs");
    let pid = child.id() as libc::pid_t;
    let start = Instant::now();
    let mut timed_out = false;
    // Peak memory is the child's own VmHWM, polled while it runs: wait4's
    // ru_maxrss would include this (large) process's memory at fork time.
    let mut hwm_kb = 0f64;
    loop {
        if let Some(kb) = vm_hwm_kb(pid) {
            hwm_kb = hwm_kb.max(kb);
        }
        let mut status = 0;
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: plain wait4 on our own child, with valid out-pointers.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            let code = if libc::WIFEXITED(status) {
                Some(libc::WEXITSTATUS(status))
            } else {
                None
            };
            return Outcome {
                secs: start.elapsed().as_secs_f64(),
                peak_mb: if hwm_kb > 0.0 {
                    hwm_kb / 1024.0
                } else {
                    usage.ru_maxrss as f64 / 1024.0
                },
                code,
                timed_out,
            };
        }
        if r < 0 {
            panic!("wait4 failed");
        }
        if !timed_out && start.elapsed() > timeout {
            let _ = child.kill();
            timed_out = true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The high-water resident memory of a running process, in KB.
fn vm_hwm_kb(pid: libc::pid_t) -> Option<f64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn corpus_with(dir: &Path, name: &str, file: &str, text: &[u8]) -> PathBuf {
    let c = dir.join(name);
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(c.join(file), text).unwrap();
    c
}

/// A sentence of about `bytes` bytes with a speech cue every few words and
/// no full stop: the worst case for statement finding.
fn cue_dense(bytes: usize) -> String {
    let words = [
        "Peskov said",
        "Umerov told",
        "Zelensky insisted",
        "Putin warned",
        "Rubio argued",
        "officials said",
        "the Kremlin stressed",
        "Witkoff added",
    ];
    let mut s = String::from("2026-02-18\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(words[i % words.len()]);
        s.push_str(" that the plan on territory, ");
        i += 1;
    }
    s.push_str("end.\n");
    s
}

/// One article of about `bytes` bytes of ordinary reported statements, each
/// with an attitude and an issue: time per MB must not grow with its length.
fn long_article(bytes: usize) -> String {
    let names = ["Peskov", "Zelensky", "Rubio", "Witkoff", "Lavrov", "Sybiha"];
    let mut s = String::from("2026-02-18\n\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "{} said on day {i} that Kyiv rejected the plan {i} and wanted a ceasefire \
             before talks on territory number {i}. ",
            names[i % names.len()]
        ));
        if i % 5 == 4 {
            s.push_str("\n\n");
        }
        i += 1;
    }
    s
}

fn deep_html(depth: usize) -> String {
    format!(
        "<html><head><title>Deep</title></head><body><article><p>Peskov said the talks were useful.</p>{}<p>Novak said the plan is good.</p>{}</article></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// One 50 MB line: ordinary sentences, one statement in every ten.
fn huge_line(bytes: usize) -> Vec<u8> {
    line_of(
        bytes,
        "The delegations met in the hall and the weather in the city was cold. ",
        "Peskov said the talks on territory were useful. ",
    )
}

/// One line with no full stop anywhere: clauses joined by commas, a speech
/// cue in every tenth: one "sentence" of the whole line.
fn line_without_full_stops(bytes: usize) -> Vec<u8> {
    line_of(
        bytes,
        "The delegations met in the hall and the weather in the city was cold, ",
        "Peskov said the talks on territory were useful, ",
    )
}

fn line_of(bytes: usize, filler: &str, cue: &str) -> Vec<u8> {
    let mut s = Vec::with_capacity(bytes + 100);
    s.extend_from_slice(b"2026-02-18 ");
    let mut i = 0;
    while s.len() < bytes {
        s.extend_from_slice(if i % 10 == 0 { cue } else { filler }.as_bytes());
        i += 1;
    }
    s.push(b'\n');
    s
}

const LEX_HEAD: &str = r#"name = "adversarial"
[[parties]]
id = "a"
aliases = ["Alpha"]
[[parties]]
id = "b"
aliases = ["Beta"]
[[issues]]
id = "t"
proposition = "the plan"
keywords = ["plan"]
"#;

fn actors_lexicon(n: usize) -> String {
    let mut s = String::from(LEX_HEAD);
    for i in 0..n {
        s.push_str(&format!(
            "[[actors]]\nname = \"Person{i} Surname{i}\"\nparty = \"a\"\n"
        ));
    }
    s
}

fn jsonl(records: usize) -> String {
    let geneva = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpora/geneva-2026/2026-02-18-geneva-kyiv-consults-allies.txt"),
    )
    .unwrap_or_else(|_| "Peskov said the talks were useful.".into());
    let mut s = String::new();
    for i in 0..records {
        let text = format!("{}\nCopy {i}.", &geneva[..geneva.len().min(1000)]);
        s.push_str(&serde_json::json!({"text": text, "published": "2026-02-18"}).to_string());
        s.push('\n');
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut timeout = 60u64;
    let mut only: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--timeout" => {
                timeout = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(60);
                i += 1;
            }
            "--only" => {
                only = args.get(i + 1).cloned();
                i += 1;
            }
            _ => {} // cargo bench passes --bench
        }
        i += 1;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let s = |p: &Path| p.display().to_string();
    let out = |name: &str| s(&dir.join(format!("out-{name}")));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let analyze = |corpus: &Path, name: &str, extra: &[String]| -> Vec<String> {
        let mut v = vec![
            "analyze".to_string(),
            s(corpus),
            "--out".into(),
            out(name),
            "--quiet".into(),
        ];
        v.extend(extra.iter().cloned());
        v
    };

    type Case = (String, usize, Box<dyn Fn() -> Vec<String>>);
    let mut cases: Vec<Case> = Vec::new();
    for kb in [85usize, 170, 1000] {
        let name = format!("cue-dense sentence {kb} KB");
        let text = cue_dense(kb * 1000);
        let c = corpus_with(dir, &format!("cue{kb}"), "cue.txt", text.as_bytes());
        let a = analyze(&c, &format!("cue{kb}"), &[]);
        cases.push((name, text.len(), Box::new(move || a.clone())));
    }
    for mb in [1usize, 4] {
        let text = long_article(mb * 1_000_000);
        let c = corpus_with(dir, &format!("long{mb}"), "long.txt", text.as_bytes());
        let a = analyze(&c, &format!("long{mb}"), &[]);
        cases.push((
            format!("one article of {mb} MB"),
            text.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let html = deep_html(270_000);
        let c = corpus_with(dir, "deep", "deep.html", html.as_bytes());
        let a = analyze(&c, "deep", &[]);
        cases.push((
            "deep HTML 270k levels".into(),
            html.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let text = huge_line(50_000_000);
        let c = corpus_with(dir, "line", "line.txt", &text);
        let a = analyze(&c, "line", &[]);
        cases.push((
            "50 MB single line".into(),
            text.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let text = line_without_full_stops(10_000_000);
        let c = corpus_with(dir, "nostop", "nostop.txt", &text);
        let a = analyze(&c, "nostop", &[]);
        cases.push((
            "10 MB line without full stops".into(),
            text.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let lex = LEX_HEAD.replace(
            "keywords = [\"plan\"]",
            &format!("keywords = [\"plan\", \"{}\"]", "x".repeat(10_000)),
        );
        let p = dir.join("longterm.toml");
        std::fs::write(&p, &lex).unwrap();
        let a = vec!["lexicon".to_string(), "check".into(), s(&p)];
        cases.push((
            "lexicon check: 10,000-byte term".into(),
            lex.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let lex = actors_lexicon(100_000);
        let p = dir.join("actors.toml");
        std::fs::write(&p, &lex).unwrap();
        let a = vec!["lexicon".to_string(), "check".into(), s(&p)];
        cases.push((
            "lexicon check: 10^5 actors".into(),
            lex.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let lex = actors_lexicon(20_000);
        let p = dir.join("actors-cap.toml");
        std::fs::write(&p, &lex).unwrap();
        let a = analyze(
            &root.join("corpora/geneva-2026"),
            "cap",
            &["--lexicon".into(), s(&p)],
        );
        cases.push((
            "analyze with 20,000 actors".into(),
            lex.len(),
            Box::new(move || a.clone()),
        ));
    }
    {
        let text = jsonl(20_000);
        let c = corpus_with(dir, "jsonl", "many.jsonl", text.as_bytes());
        let a = analyze(&c, "jsonl", &[]);
        cases.push((
            "JSONL of 20,000 records".into(),
            text.len(),
            Box::new(move || a.clone()),
        ));
    }

    {
        // A hostile corpus: the above (except the cue-dense sentences) side
        // by side with binary junk, invalid UTF-8, a broken JSONL file, an
        // empty file and the bundled articles.
        let c = dir.join("hostile");
        std::fs::create_dir_all(&c).unwrap();
        std::fs::write(c.join("deep.html"), deep_html(270_000)).unwrap();
        std::fs::write(c.join("line.txt"), huge_line(20_000_000)).unwrap();
        let junk: Vec<u8> = (0..5_000_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        std::fs::write(c.join("junk.txt"), &junk).unwrap();
        std::fs::write(c.join("latin1.txt"), b"Peskov said \xe9t\xe9 the plan.\n").unwrap();
        std::fs::write(c.join("empty.txt"), b"").unwrap();
        std::fs::write(c.join("broken.jsonl"), b"{\"text\": \"a\"\n{bad\n\n").unwrap();
        std::fs::write(c.join("records.jsonl"), jsonl(2_000)).unwrap();
        for e in std::fs::read_dir(root.join("corpora/geneva-2026")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                std::fs::copy(&p, c.join(p.file_name().unwrap())).unwrap();
            }
        }
        let bytes: u64 = std::fs::read_dir(&c)
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum();
        let a = analyze(&c, "hostile", &[]);
        cases.push((
            "hostile corpus".into(),
            bytes as usize,
            Box::new(move || a.clone()),
        ));
    }

    println!(
        "{:<36} {:>10} {:>6} {:>9} {:>9}  verdict",
        "case", "input MB", "exit", "seconds", "peak MB"
    );
    let (mut run, mut failed) = (0, Vec::new());
    for (name, bytes, args) in &cases {
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        run += 1;
        let o = measure(&args(), Duration::from_secs(timeout));
        let verdict = if o.timed_out {
            format!("TIMEOUT (> {timeout} s)")
        } else if o.secs > MAX_SECS || o.peak_mb > MAX_MB {
            format!("OVER (target: {MAX_SECS} s, {MAX_MB} MB)")
        } else {
            "ok".to_string()
        };
        if verdict != "ok" {
            failed.push(name.clone());
        }
        println!(
            "{:<36} {:>10.2} {:>6} {:>9.2} {:>9.1}  {}",
            name,
            *bytes as f64 / 1e6,
            o.code.map_or("-".into(), |c| c.to_string()),
            o.secs,
            o.peak_mb,
            verdict
        );
    }
    if failed.is_empty() {
        println!("verdict: all {run} cases ok (under {MAX_SECS} s and {MAX_MB} MB each)");
    } else {
        println!(
            "verdict: {} of {run} cases over the target ({MAX_SECS} s, {MAX_MB} MB): {}",
            failed.len(),
            failed.join(", ")
        );
        std::process::exit(1);
    }
}
