//! Integration tests: the real `stancediff` binary on real text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancediff"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> PathBuf {
    root().join("corpora/geneva-2026")
}

fn run(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("the binary runs");
    if !out.status.success() && out.status.code() != Some(3) {
        panic!(
            "stancediff {args:?} failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

fn analyze(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<String> = vec!["analyze".into()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out".into(), out.display().to_string(), "--quiet".into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    run(&refs)
}

fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut rdr =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    rdr.deserialize().map(|r| r.unwrap()).collect()
}

/// Run `stancediff eval` and read its scores by metric name.
fn eval_scores(gold: &Path, run_dir: &Path) -> BTreeMap<String, f64> {
    let o = run(&[
        "eval",
        "--gold",
        &gold.display().to_string(),
        "--run",
        &run_dir.display().to_string(),
        "--brief",
    ]);
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?.to_string(), w.next()?.parse().ok()?))
        })
        .collect()
}

fn bundled_run() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    analyze(&[&corpus()], dir.path(), &[]);
    dir
}

#[test]
fn bundled_corpus_documents_have_dates_outlets_titles() {
    let out = bundled_run();
    let docs = rows(&out.path().join("documents.csv"));
    assert_eq!(docs.len(), 5);
    let by_file: BTreeMap<&str, &BTreeMap<String, String>> =
        docs.iter().map(|d| (d["file"].as_str(), d)).collect();
    let d = by_file["2025-02-21-kyiv-independent-track-two-talks.txt"];
    assert_eq!(d["published"], "2025-02-21");
    assert_eq!(d["outlet"], "The Kyiv Independent");
    let d = by_file["2026-02-17-moscow-times-delegations-arrive-in-geneva.txt"];
    assert_eq!(d["published"], "2026-02-17");
    let d = by_file["2026-02-18-nyt-second-day-ends-after-two-hours.txt"];
    assert_eq!(d["published"], "2026-02-18");
    assert_eq!(
        d["title"],
        "Second Day of Talks on Russia-Ukraine War Ends After Only 2 Hours"
    );
    for d in &docs {
        assert!(
            !d["title"].is_empty() && !d["published"].is_empty(),
            "{d:?}"
        );
    }
}

#[test]
fn every_statement_text_is_its_source_bytes() {
    let out = bundled_run();
    let statements = rows(&out.path().join("statements.csv"));
    assert!(statements.len() >= 60, "{} statements", statements.len());
    for s in &statements {
        let src = std::fs::read_to_string(corpus().join(&s["file"])).unwrap();
        let (a, b): (usize, usize) = (
            s["char_start"].parse().unwrap(),
            s["char_end"].parse().unwrap(),
        );
        assert_eq!(&src[a..b], s["text"], "statement {}", s["statement_id"]);
    }
}

#[test]
fn quotations_are_attributed_to_their_speakers() {
    let out = bundled_run();
    let statements = rows(&out.path().join("statements.csv"));
    let find = |prefix: &str| {
        statements
            .iter()
            .find(|s| s["text"].starts_with(prefix))
            .unwrap_or_else(|| panic!("no statement starting {prefix:?}"))
    };
    let s = find("They’re big talks");
    assert_eq!(
        (
            s["speaker"].as_str(),
            s["party"].as_str(),
            s["kind"].as_str()
        ),
        ("Donald Trump", "united_states", "direct")
    );
    assert_eq!(
        s["said_on"], "2026-02-16",
        "“Trump told reporters … Monday”"
    );
    let s = find("illegitimate");
    assert_eq!(
        (s["speaker"].as_str(), s["kind"].as_str()),
        ("Vladimir Putin", "partial")
    );
    let s = find("It’s important to maintain");
    assert_eq!(
        s["speaker"], "Rustem Umerov",
        "“he wrote on Telegram” after Umerov"
    );
    let s = find("The sequencing matters a lot");
    assert_eq!(
        (s["speaker"].as_str(), s["party"].as_str()),
        ("Harry Nedelcu", "other")
    );
    let s = find("This risks to put Kyiv in a trap");
    assert_eq!(
        s["speaker"], "Harry Nedelcu",
        "an unattributed quotation continues the previous one"
    );
    let s = find("Ukraine hand over the eastern Donbas");
    assert_eq!(
        (
            s["kind"].as_str(),
            s["party"].as_str(),
            s["speaker"].as_str()
        ),
        ("reported", "russia", "")
    );
    let s = find("We can state that Russia");
    assert_eq!(
        s["said_on"], "2026-02-16",
        "“said on Monday” in a Wednesday article"
    );
}

#[test]
fn stances_are_true_to_their_sentences() {
    let out = bundled_run();
    let stances = rows(&out.path().join("stances.csv"));
    let has = |prefix: &str, party: &str, issue: &str, stance: &str| {
        stances.iter().any(|s| {
            s["text"].starts_with(prefix)
                && s["party"] == party
                && s["issue"] == issue
                && s["stance"] == stance
        })
    };
    assert!(has(
        "Ukraine hand over the eastern Donbas",
        "russia",
        "territory",
        "2"
    ));
    assert!(has(
        "I think — first, security guarantees",
        "ukraine",
        "territory",
        "-2"
    ));
    assert!(has(
        "any territorial compromise would come only after",
        "ukraine",
        "territory",
        "1"
    ));
    assert!(has(
        "any territorial compromise would come only after",
        "ukraine",
        "security_guarantees",
        "2"
    ));
    assert!(has("illegitimate", "russia", "legitimacy", "-2"));
    assert!(has("15 years", "united_states", "security_guarantees", "1"));
    let s = stances
        .iter()
        .find(|s| s["text"].starts_with("an American commitment"))
        .unwrap();
    assert_eq!(s["numbers"], "30-50 years");
    assert!(
        stances.iter().all(|s| !s["cues"].is_empty()),
        "every stance says why"
    );
}

#[test]
fn eval_meets_the_targets_on_the_bundled_gold() {
    let out = bundled_run();
    let m = eval_scores(&corpus().join("gold"), out.path());
    assert!(m["quotations_f1"] >= 0.95, "{m:?}");
    assert!(m["speaker_accuracy"] >= 0.90, "{m:?}");
    assert!(m["party_accuracy"] >= 0.95, "{m:?}");
    assert!(m["stance_coverage"] >= 0.85, "{m:?}");
    assert!(m["stance_sign_accuracy"] >= 0.85, "{m:?}");
    let csv = rows(&out.path().join("eval.csv"));
    assert!(csv.iter().any(|r| r["metric"] == "quotations_f1"));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    analyze(&[&corpus()], a.path(), &["--threads", "1"]);
    analyze(&[&corpus()], b.path(), &["--threads", "2"]);
    assert_same_tree(a.path(), b.path());
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        // provenance.json records the command line and the time (CODEBOOK.md):
        // the one file that is not a function of the inputs.
        .filter(|e| e.file_name() != "provenance.json")
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    v.sort();
    v
}

fn assert_same_tree(a: &Path, b: &Path) {
    let fa = files_under(a);
    assert_eq!(fa, files_under(b));
    for f in fa {
        assert!(
            std::fs::read(a.join(&f)).unwrap() == std::fs::read(b.join(&f)).unwrap(),
            "{} differs",
            f.display()
        );
    }
}

#[test]
fn committed_report_regenerates_byte_for_byte() {
    let out = tempfile::tempdir().unwrap();
    analyze(&[Path::new("corpora/geneva-2026")], out.path(), &[]);
    let committed = root().join("reports/geneva-2026");
    for f in files_under(out.path()) {
        let new = std::fs::read(out.path().join(&f)).unwrap();
        let old = std::fs::read(committed.join(&f))
            .unwrap_or_else(|_| panic!("reports/geneva-2026/{} is not committed", f.display()));
        assert!(
            new == old,
            "reports/geneva-2026/{} is stale: rerun README's main command",
            f.display()
        );
    }
}

#[test]
fn compare_over_shards_equals_a_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (s1, s2) = (tmp.path().join("shard1"), tmp.path().join("shard2"));
    std::fs::create_dir_all(&s1).unwrap();
    std::fs::create_dir_all(&s2).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let dest = if i % 2 == 0 { &s1 } else { &s2 };
        std::fs::copy(f, dest.join(f.file_name().unwrap())).unwrap();
    }
    let manifest = corpus().join("manifest.csv");
    let m = manifest.display().to_string();
    let (o1, o2, single, merged) = (
        tmp.path().join("o1"),
        tmp.path().join("o2"),
        tmp.path().join("single"),
        tmp.path().join("merged"),
    );
    analyze(&[&s2], &o2, &["--manifest", &m]);
    analyze(&[&s1], &o1, &["--manifest", &m]);
    analyze(&[&corpus()], &single, &[]);
    // Shards in the "wrong" order on purpose.
    run(&[
        "compare",
        &o2.display().to_string(),
        &o1.join("stances.csv").display().to_string(),
        "--out",
        &merged.display().to_string(),
        "--quiet",
    ]);
    for f in ["positions.csv", "shifts.csv", "gaps.csv"] {
        assert_eq!(
            std::fs::read_to_string(single.join(f)).unwrap(),
            std::fs::read_to_string(merged.join(f)).unwrap(),
            "{f}"
        );
    }
    assert!(!rows(&single.join("positions.csv")).is_empty());
}

#[test]
fn report_html_has_every_section_chart_and_statement_link() {
    let out = bundled_run();
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    for id in [
        "moved",
        "now",
        "issues",
        "gaps",
        "statements",
        "documents",
        "method",
    ] {
        assert!(
            doc.select(&sel(&format!("section#{id}"))).next().is_some(),
            "section #{id}"
        );
    }
    let positions = rows(&out.path().join("positions.csv"));
    let issues: std::collections::BTreeSet<&str> =
        positions.iter().map(|p| p["issue"].as_str()).collect();
    for issue in &issues {
        let chart = doc
            .select(&sel(&format!("figure#chart-{issue} svg")))
            .next();
        assert!(chart.is_some(), "inline chart for {issue}");
    }
    assert!(
        doc.select(&sel("figure#chart-overview svg"))
            .next()
            .is_some()
    );
    // Self-contained: no external scripts, styles, fonts or images.
    assert!(
        doc.select(&sel("script[src], link[rel=stylesheet], img"))
            .next()
            .is_none()
    );
    assert!(!html.contains("@import") && !html.contains("url(http"));
    // Every statement link points at a statement in the page.
    let ids: std::collections::BTreeSet<String> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    let links: Vec<String> = doc
        .select(&sel("a.sid"))
        .map(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .trim_start_matches('#')
                .to_string()
        })
        .collect();
    assert!(!links.is_empty());
    for l in &links {
        assert!(ids.contains(l), "dangling link #{l}");
    }
    // Every position's evidence statement is cited.
    for p in &positions {
        assert!(
            html.contains(&p["evidence_statement_id"]),
            "{}",
            p["evidence_statement_id"]
        );
    }
    // The five documents are listed.
    assert_eq!(doc.select(&sel("section#documents tbody tr")).count(), 5);
    let md = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(md.contains("## What moved") && md.contains("charts/overview.png"));
    for f in ["charts/overview.png", "charts/overview.svg"] {
        assert!(out.path().join(f).is_file(), "{f}");
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

const SENTENCE: &str = "“We will not give up our territories,” Zelensky said on Monday.";

#[test]
fn every_input_format_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("corpus");
    std::fs::create_dir_all(c.join("sub")).unwrap();
    write(
        &c,
        "a.txt",
        format!("Plain text story\n\nFebruary 21, 2025\n\n{SENTENCE}\n").as_bytes(),
    );
    write(
        &c.join("sub"),
        "b.html",
        format!(
            r#"<html><head><title>Page</title><meta property="og:title" content="HTML story">
<meta property="article:published_time" content="2026-02-18T09:00:00Z"><meta property="og:site_name" content="Example Times"></head>
<body><nav><p>Home | World</p></nav><article><h1>HTML story</h1><p>{SENTENCE}</p><p>Moscow continues to insist that Ukraine hand over the Donbas region.</p></article>
<footer><p>Subscribe to our newsletter</p></footer><script>var tracking = "“fake quote,” he said";</script></body></html>"#
        )
        .as_bytes(),
    );
    let json_sentence = SENTENCE.replace('"', "\\\"");
    write(
        &c,
        "c.jsonl",
        format!(
            "{{\"title\": \"JSON one\", \"published\": \"2026-02-17\", \"outlet\": \"Wire\", \"url\": \"https://example.org/1\", \"text\": \"{json_sentence}\"}}\n\n{{\"headline\": \"JSON two\", \"date\": \"Feb. 18, 2026\", \"source\": \"Wire\", \"content\": \"Kyiv wants an American commitment lasting 30-50 years.\"}}\n"
        )
        .as_bytes(),
    );
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["title", "published", "outlet", "body"])
        .unwrap();
    w.write_record(["CSV one", "2026-02-16", "Paper", SENTENCE])
        .unwrap();
    w.write_record([
        "CSV two",
        "2026-02-19",
        "Paper",
        "Witkoff said there had been “meaningful progress” in Geneva.",
    ])
    .unwrap();
    write(&c, "d.csv", &w.into_inner().unwrap());
    let out = tmp.path().join("out");
    let o = analyze(&[&c], &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docs = rows(&out.join("documents.csv"));
    let titles: Vec<&str> = docs.iter().map(|d| d["title"].as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Plain text story",
            "JSON one",
            "JSON two",
            "CSV one",
            "CSV two",
            "HTML story"
        ]
    );
    let dates: Vec<&str> = docs.iter().map(|d| d["published"].as_str()).collect();
    assert_eq!(
        dates,
        vec![
            "2025-02-21",
            "2026-02-17",
            "2026-02-18",
            "2026-02-16",
            "2026-02-19",
            "2026-02-18"
        ]
    );
    let html = docs.iter().find(|d| d["file"] == "sub/b.html").unwrap();
    assert_eq!(
        (html["outlet"].as_str(), html["date_source"].as_str()),
        ("Example Times", "html_meta")
    );
    let statements = rows(&out.join("statements.csv"));
    for d in &docs {
        assert!(
            statements.iter().any(|s| s["doc_id"] == d["doc_id"]),
            "no statement from {} #{}",
            d["file"],
            d["record"]
        );
    }
    assert!(
        !statements.iter().any(|s| s["text"].contains("fake quote")),
        "scripts are not article text"
    );
}

#[test]
fn bad_files_are_reported_and_the_rest_is_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    write(
        &c,
        "good.txt",
        format!("Good story\n\n{SENTENCE}\n").as_bytes(),
    );
    write(&c, "binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    write(&c, "empty.txt", b"");
    // Windows-1252: curly quotes 0x93/0x94 and an e-acute.
    write(
        &c,
        "cp1252.txt",
        b"Caf\xe9 story\n\n\x93We will not give up our territories,\x94 Zelensky said.\n",
    );
    write(&c, "broken.jsonl", b"{\"text\": \"fine\"}\n{not json\n");
    let out = tmp.path().join("out");
    let o = analyze(&[&c], &out, &[]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "exit status 3: finished, but some inputs failed"
    );
    let errors = rows(&out.join("errors.csv"));
    let reason = |f: &str| {
        errors
            .iter()
            .find(|e| e["file"] == f)
            .map(|e| format!("{} {}", e["stage"], e["message"]))
            .unwrap_or_else(|| panic!("{f} not in errors.csv: {errors:?}"))
    };
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("broken.jsonl#2").contains("invalid JSON"));
    let docs = rows(&out.join("documents.csv"));
    let cp = docs
        .iter()
        .find(|d| d["file"] == "cp1252.txt")
        .expect("cp1252 file processed");
    assert!(cp["warnings"].contains("Windows-1252"));
    assert_eq!(cp["statements"], "1");
    assert!(
        docs.iter()
            .any(|d| d["file"] == "good.txt" && d["statements"] == "1")
    );
    let statements = rows(&out.join("statements.csv"));
    assert!(
        statements
            .iter()
            .any(|s| s["text"] == "We will not give up our territories,")
    );
}

#[test]
fn publication_dates_from_each_pattern() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    let cases = [
        (
            "a.txt",
            "by Reporter February 21, 2025 4:54 AM 2 min read\n\nText.\n",
            "2025-02-21",
            "text",
        ),
        (
            "b.txt",
            "Published Feb. 18, 2026\n\nText.\n",
            "2026-02-18",
            "text",
        ),
        (
            "c.txt",
            " date 2026-02-17 Senior officials met.\n",
            "2026-02-17",
            "text",
        ),
        (
            "d.txt",
            "Today: Feb 18, 2026\nSearch\n\nText.\n",
            "2026-02-18",
            "text",
        ),
        (
            "e.txt",
            "Posted 2026-02-19T10:00:00Z\n\nText.\n",
            "2026-02-19",
            "text",
        ),
        (
            "2026-02-20-named.txt",
            "No date in here.\n",
            "2026-02-20",
            "file_name",
        ),
        ("undated.txt", "No date in here either.\n", "", ""),
        (
            "listed.txt",
            "Feb. 1, 2026 is not the date; the manifest says otherwise.\n",
            "2026-02-22",
            "manifest",
        ),
    ];
    for (name, text, _, _) in &cases {
        write(&c, name, text.as_bytes());
    }
    write(&c, "manifest.csv", b"file,url,outlet,published,title\nlisted.txt,https://example.org,Example,2026-02-22,Listed\n");
    let out = tmp.path().join("out");
    analyze(&[&c], &out, &[]);
    let docs = rows(&out.join("documents.csv"));
    for (name, _, date, source) in cases {
        let d = docs.iter().find(|d| d["file"] == name).unwrap();
        assert_eq!(
            (d["published"].as_str(), d["date_source"].as_str()),
            (date, source),
            "{name}"
        );
    }
    let undated = docs.iter().find(|d| d["file"] == "undated.txt").unwrap();
    assert!(undated["warnings"].contains("no publication date"));
}

#[test]
fn boilerplate_is_removed_and_article_paragraphs_kept() {
    let o = run(&[
        "clean",
        &corpus()
            .join("2025-02-21-kyiv-independent-track-two-talks.txt")
            .display()
            .to_string(),
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    for gone in [
        "* indicates required",
        "Subscribe",
        "Skip to content",
        "News Feed",
        "This audio is created with AI assistance",
        "Stefan Wermuth/Bloomberg via Getty Images",
        "How Ukraine should deal with Trump, according to Ukrainians",
        "Mariupol defender appointed",
    ] {
        assert!(!text.contains(gone), "{gone:?} should be gone:\n{text}");
    }
    for kept in [
        "Unofficial U.S. and Russian representatives have been quietly meeting in Switzerland",
        "The Kyiv Independent could not verify these claims.",
        "Ukraine will not accept a peace deal negotiated behind its back, President Volodymyr Zelensky said on Feb. 17.",
    ] {
        assert!(text.contains(kept), "{kept:?} should be kept");
    }
    let o = run(&[
        "clean",
        &corpus()
            .join("2026-02-18-geneva-kyiv-consults-allies.txt")
            .display()
            .to_string(),
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    for gone in [
        "Today: Feb 18, 2026",
        "РусскийDeutsch",
        "Don't Miss",
        "Photograph: Harold Cunningham",
        "The War Comes Home",
    ] {
        assert!(!text.contains(gone), "{gone:?} should be gone");
    }
    assert!(text.contains(
        "According to Bloomberg, the next phase will hinge on whether the parties show readiness"
    ));
    let o = run(&[
        "clean",
        &corpus()
            .join("2026-02-18-nyt-second-day-ends-after-two-hours.txt")
            .display()
            .to_string(),
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    for gone in [
        "Popular posts from this blog",
        "contributed reporting",
        "Credit...Harold",
        "Constant Méheut reports on",
    ] {
        assert!(!text.contains(gone), "{gone:?} should be gone");
    }
    assert!(text.contains("Not for the compromise that gives Russia the opportunity to recover quickly and come again and occupy us."));
}

#[test]
fn lexicon_show_check_and_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(&["lexicon", "show"]);
    let lex = tmp.path().join("lex.toml");
    std::fs::write(&lex, &o.stdout).unwrap();
    let o = run(&["lexicon", "check", &lex.display().to_string()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("examples passed"));
    let o = run(&["lexicon", "show", "--cues"]);
    let cues = String::from_utf8_lossy(&o.stdout);
    assert!(
        cues.contains("[speech]") && cues.contains("\"according to\""),
        "the cue lists are data"
    );

    let bad = tmp.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\n[[parties]]\nid = \"a\"\n[[parties]]\nid = \"a\"\n[[actors]]\nname = \"X\"\nparty = \"zz\"\n[[issues]]\nid = \"t\"\nproposition = \"p\"\n").unwrap();
    let o = bin()
        .args(["lexicon", "check", &bad.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("duplicate party id \"a\"")
            && err.contains("unknown party id \"zz\"")
            && err.contains("has no cues"),
        "{err}"
    );

    std::fs::write(&bad, "name = \"x\"\n[[parties]\nid = \"a\"\n").unwrap();
    let o = bin()
        .args(["lexicon", "check", &bad.display().to_string()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("line 2"),
        "TOML errors give line and column"
    );
}

#[test]
fn explain_shows_cues_and_scores() {
    let out = bundled_run();
    let stances = rows(&out.path().join("stances.csv"));
    let row = stances
        .iter()
        .find(|s| s["text"].starts_with("Ukraine hand over"))
        .unwrap();
    let o = run(&[
        "explain",
        &row["statement_id"],
        "--out",
        &out.path().display().to_string(),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("issue territory = +2") && text.contains("insist"),
        "{text}"
    );
    let o = run(&[
        "explain",
        "--text",
        "Moscow rejected any ceasefire, Peskov said.",
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Dmitry Peskov") && text.contains("ceasefire = -2"),
        "{text}"
    );
}

#[test]
fn second_corpus_runs_with_its_own_lexicon() {
    let tmp = tempfile::tempdir().unwrap();
    let c = root().join("corpora/us-iran-2025");
    let lex = c.join("lexicon.toml");
    analyze(
        &[&c],
        tmp.path(),
        &["--lexicon", &lex.display().to_string()],
    );
    let stances = rows(&tmp.path().join("stances.csv"));
    let parties: std::collections::BTreeSet<&str> =
        stances.iter().map(|s| s["party"].as_str()).collect();
    assert!(
        parties.contains("iran") && parties.contains("us"),
        "{parties:?}"
    );
    assert!(stances.iter().any(|s| s["issue"] == "enrichment"));
    assert!(
        !stances.iter().any(|s| s["issue"] == "territory"),
        "no Russia-Ukraine issue leaks in"
    );
}

#[test]
fn lexicon_md_worked_example_checks_clean() {
    let md = std::fs::read_to_string(root().join("LEXICON.md")).unwrap();
    let start = md.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let end = start + md[start..].find("```").unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("ports.toml");
    std::fs::write(&f, &md[start..end]).unwrap();
    let o = bin()
        .args(["lexicon", "check", &f.display().to_string()])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "the documented example must pass its own examples:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Two more gold sets (articles from other outlets and months) keep the rules
/// honest beyond the five bundled articles. Both were scored blind first and
/// have since guided general fixes, so they guard against regressions.
/// No document of a run lost a sentence to an internal error (a caught
/// panic is reported in the warnings column of documents.csv).
fn assert_no_internal_errors(corpus: &str, run_dir: &Path) {
    for r in rows(&run_dir.join("documents.csv")) {
        assert!(
            !r["warnings"].contains("internal error"),
            "{corpus}: {}: {}",
            r["file"],
            r["warnings"]
        );
    }
}

#[test]
fn eval_on_the_dev_sets_does_not_regress() {
    for (corpus, min_statement_f1, min_coverage) in
        [("heldout-2025", 0.85, 0.75), ("blind-2026", 0.88, 0.70)]
    {
        let out = tempfile::tempdir().unwrap();
        let c = root().join("corpora").join(corpus);
        analyze(&[&c], out.path(), &[]);
        assert_no_internal_errors(corpus, out.path());
        let m = eval_scores(&c.join("gold"), out.path());
        assert!(m["statements_f1"] >= min_statement_f1, "{corpus}: {m:?}");
        assert!(m["speaker_accuracy"] >= 0.90, "{corpus}: {m:?}");
        assert!(m["stance_coverage"] >= min_coverage, "{corpus}: {m:?}");
        assert!(m["stance_sign_accuracy"] >= 0.90, "{corpus}: {m:?}");
    }
}

/// The corpora of unseen outlets: dev-2026 (tuned on), dev-2026-b (held out,
/// scored blind, then tuned on) and holdout-2026 (scored blind; see README)
/// must not regress.
#[test]
fn eval_on_the_unseen_outlet_sets_does_not_regress() {
    // (corpus, quotation F1, speaker, stance coverage, sign, timeline sign)
    for (corpus, q_f1, speaker, coverage, sign) in [
        ("dev-2026", 0.97, 0.90, 0.74, 0.90),
        ("dev-2026-b", 0.95, 0.90, 0.63, 0.74),
        ("holdout-2026", 0.95, 0.90, 0.81, 0.80),
        // (Speaker 0.886 -> 0.877 on 2026-12-06: quotations newly found
        // where "the statement said" carry the statement as written, where
        // the gold names the sides that issued it.)
        ("holdout-2026-c", 0.93, 0.92, 0.71, 0.82),
        // Scored blind on 2026-12-06 (quotation F1 0.908, speaker 0.723,
        // coverage 0.660, sign 0.742); floors a little under that.
        // (2026-12-07, tenth session: 0.951, 0.883, 0.798, 0.800.)
        ("holdout-2026-d", 0.94, 0.88, 0.77, 0.79),
        // Scored blind on 2026-12-06 (quotation F1 0.934, speaker 0.873,
        // coverage 0.554, sign 0.776); a dev set since the next session.
        // (Coverage 0.702 -> 0.669 on 2026-12-06 when "US-backed" stopped
        // being read as the US backing the plan: those triples were covered
        // by a wrong reading.)
        ("holdout-2026-e", 0.95, 0.89, 0.66, 0.80),
        // Scored blind on 2026-12-06 with the code of 4759d27 (quotation F1
        // 0.923, speaker 0.901, coverage 0.555, sign 0.842); a dev set since
        // the session after.
        // (2026-12-07, tenth session: 0.966, 0.942, 0.730, 0.920.)
        ("holdout-2026-f", 0.95, 0.93, 0.70, 0.90),
        // Held out: scored blind on 2026-12-06 with the code of 6d333a9
        // (quotation F1 0.913, speaker 0.842, coverage 0.647, sign 0.789);
        // floors a little under that.
        ("holdout-2026-g", 0.94, 0.89, 0.71, 0.81),
        // Scored blind on 2026-12-06 with the code of 4b626ee (quotation F1
        // 0.943, speaker 0.885, coverage 0.553, sign 0.773); a dev set since
        // the eighth session;
        // floors a little under that. At 56c90bc (the session's last rules,
        // none written from it): coverage 0.591, sign among covered 0.734
        // (right sign of all gold 0.427 -> 0.434); sign floor under that.
        // (2026-12-07, tenth session: 0.956, 0.920, 0.730, 0.784.)
        // (2026-12-07, eleventh session: 0.956, 0.926, 0.761, 0.785.)
        ("holdout-2026-h", 0.94, 0.91, 0.74, 0.77),
        // Scored blind on 2026-12-06 with the code of 0d4a7ba (quotation F1
        // 0.955, speaker 0.901, coverage 0.690, sign 0.838); a dev set since
        // the ninth session; floors a little under that.
        ("holdout-2026-i", 0.93, 0.94, 0.67, 0.83),
        // Held out: scored blind on 2026-12-07 with the code of cfdd663
        // (quotation F1 0.911, speaker 0.903, coverage 0.661, sign 0.782);
        // floors a little under that.
        // Still held out on 2026-12-07 (tenth session, no rule written from
        // it): quotation F1 0.923, speaker 0.904, coverage 0.678, sign 0.787.
        // Eleventh session, still held out: 0.939, 0.899, 0.678, 0.812.
        // Twelfth session, still held out: 0.939, 0.893, 0.678, 0.825.
        // Thirteenth session, still held out: 0.939, 0.905, 0.678, 0.887.
        // Fourteenth session, still held out: 0.939, 0.904, 0.678, 0.887.
        // Fifteenth session, still held out: 0.939, 0.904, 0.669, 0.886.
        ("holdout-2026-j", 0.93, 0.90, 0.66, 0.85),
        // Held out: scored blind on 2026-12-07 with the code of d7aba08
        // (quotation F1 0.931, speaker 0.914, coverage 0.783, sign 0.766);
        // floors a little under that.
        ("holdout-2026-k", 0.92, 0.90, 0.76, 0.74),
    ] {
        let out = tempfile::tempdir().unwrap();
        let c = root().join("corpora").join(corpus);
        analyze(&[&c], out.path(), &[]);
        assert_no_internal_errors(corpus, out.path());
        let m = eval_scores(&c.join("gold"), out.path());
        assert!(m["quotations_f1"] >= q_f1, "{corpus}: {m:?}");
        assert!(m["speaker_accuracy"] >= speaker, "{corpus}: {m:?}");
        assert!(m["stance_coverage"] >= coverage, "{corpus}: {m:?}");
        assert!(m["stance_sign_accuracy"] >= sign, "{corpus}: {m:?}");
        assert!(m.contains_key("timeline_position_sign"), "{corpus}: {m:?}");
    }
}

/// Other negotiations, each with a lexicon written from LEXICON.md alone and
/// gold annotated blind: the general rules must serve them too.
#[test]
fn eval_on_other_negotiations_does_not_regress() {
    // corpus, quotation F1, speaker, stance coverage, sign
    negotiation_scores_at_least("us-china-trade-2025", 0.97, 0.90, 0.93, 0.93);
    // Gaza ceasefire and hostage talks: scored blind at 54ea3e1 (quotation
    // F1 0.930, speaker 0.956, coverage 0.784, sign 0.912); floors under that.
    negotiation_scores_at_least("gaza-2025", 0.91, 0.93, 0.76, 0.89);
    // A labour dispute: blind first 0.839 / 0.929 / 0.490 / 0.875. (0.571
    // coverage for a while came from a company remark credited to the union
    // that happened to match a union gold stance; attributed right, 0.510.)
    negotiation_scores_at_least("boeing-strike-2024", 0.97, 0.95, 0.73, 0.95);
    // Border conflict and ceasefire talks: blind first 0.857 / 0.861 / 0.698 /
    // 0.811 (6d333a9).
    negotiation_scores_at_least("thailand-cambodia-2025", 0.93, 0.92, 0.75, 0.80);
    // Tariff negotiations: blind first 0.938 / 0.915 / 0.825 / 0.846 (6d333a9).
    negotiation_scores_at_least("eu-us-trade-2025", 0.93, 0.90, 0.91, 0.84);
    // Eastern DR Congo talks (government, rebels, Rwanda, mediators): blind
    // first 0.950 / 0.875 / 0.782 / 0.907 (dc14623).
    negotiation_scores_at_least("drc-m23-2025", 0.93, 0.85, 0.76, 0.88);
    // The 2025 India-Pakistan crisis: blind first 0.903 / 0.851 / 0.870 /
    // 0.851 (between 281f8c8 and 8f884c3). (Sign 0.854 -> 0.833 in the
    // seventeenth session: a row whose issue came from a clause another
    // attitude governs, right only by chance, is no longer made.)
    negotiation_scores_at_least("india-pakistan-2025", 0.90, 0.86, 0.87, 0.83);
    // The Armenia-Azerbaijan peace process: blind first 0.864 / 0.971 /
    // 0.610 / 0.920 (2b4b9a1).
    negotiation_scores_at_least("armenia-azerbaijan-2025", 0.95, 0.95, 0.64, 0.90);
    // The 2025 Sudan talks (army, RSF, the Quad): blind first 0.952 / 0.895 /
    // 0.750 / 0.872 (98b9961).
    negotiation_scores_at_least("sudan-talks-2025", 0.93, 0.87, 0.77, 0.90);
    // The UN plastics treaty talks (nine sides, no two-party conflict): blind
    // first 1.000 / 0.806 / 0.522 / 1.000 (98b9961).
    negotiation_scores_at_least("plastics-treaty-2025", 0.97, 0.84, 0.61, 0.95);
    // The COP30 climate talks (ten sides): blind first 0.957 / 0.875 / 0.714
    // / 0.975 (09cfe79).
    negotiation_scores_at_least("cop30-climate-2025", 0.95, 0.95, 0.77, 0.94);
    // The 2025 US government shutdown (Democrats, Republicans, the
    // administration, unions): blind first 0.972 / 0.926 / 0.848 / 0.923
    // (09cfe79).
    negotiation_scores_at_least("us-shutdown-2025", 0.95, 0.94, 0.85, 0.93);
}

fn negotiation_scores_at_least(corpus: &str, q_f1: f64, speaker: f64, coverage: f64, sign: f64) {
    let out = tempfile::tempdir().unwrap();
    let c = root().join("corpora").join(corpus);
    let lexicon = c.join("lexicon.toml").display().to_string();
    analyze(&[&c], out.path(), &["--lexicon", &lexicon]);
    assert_no_internal_errors(corpus, out.path());
    let o = run(&[
        "eval",
        "--gold",
        &c.join("gold").display().to_string(),
        "--run",
        &out.path().display().to_string(),
        "--lexicon",
        &lexicon,
        "--brief",
    ]);
    let m: BTreeMap<String, f64> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?.to_string(), w.next()?.parse().ok()?))
        })
        .collect();
    assert!(m["quotations_f1"] >= q_f1, "{corpus}: {m:?}");
    assert!(m["speaker_accuracy"] >= speaker, "{corpus}: {m:?}");
    assert!(m["stance_coverage"] >= coverage, "{corpus}: {m:?}");
    assert!(m["stance_sign_accuracy"] >= sign, "{corpus}: {m:?}");
}

/// `--tables-only`: the tables of a full run, byte for byte, and no charts,
/// report or workbook; a later full run in the same folder adds them, and a
/// tables-only run after it removes them again (they would be stale).
#[test]
fn tables_only_writes_the_same_tables_and_no_report() {
    let full = tempfile::tempdir().unwrap();
    let tables = tempfile::tempdir().unwrap();
    assert!(analyze(&[&corpus()], full.path(), &[]).status.success());
    let o = analyze(&[&corpus()], tables.path(), &["--tables-only"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for t in [
        "documents",
        "statements",
        "stances",
        "positions",
        "shifts",
        "gaps",
    ] {
        let name = format!("{t}.csv");
        assert_eq!(
            std::fs::read(full.path().join(&name)).unwrap(),
            std::fs::read(tables.path().join(&name)).unwrap(),
            "{name}"
        );
    }
    for f in ["report.html", "report.md", "report.xlsx", "charts"] {
        assert!(!tables.path().join(f).exists(), "{f}");
    }
    assert!(
        analyze(&[&corpus()], full.path(), &["--tables-only"])
            .status
            .success()
    );
    assert!(!full.path().join("report.xlsx").exists());
    assert!(full.path().join("stances.csv").exists());
}
