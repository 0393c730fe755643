//! Outputs an analyst can trust (issue #13) and runs that remember how they
//! were made (#11 item 4): the real binary, its files, a real browser.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancediff"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> PathBuf {
    root().join("corpora/geneva-2026")
}

fn iran() -> (PathBuf, PathBuf) {
    let c = root().join("corpora/us-iran-2025");
    let l = c.join("lexicon.toml");
    (c, l)
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Run and return the output, whatever the exit code.
fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn ok(args: &[&str]) -> Output {
    let o = run(args);
    assert!(
        o.status.success(),
        "stancediff {args:?} failed: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut rdr =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    rdr.deserialize().map(|r| r.unwrap()).collect()
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// 1. Files others can use
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn outputs_respect_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, want) in [("022", 0o644), ("002", 0o664), ("077", 0o600)] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" analyze \"$1\" --out \"$2\" --quiet"
            ))
            .arg(env!("CARGO_BIN_EXE_stancediff"))
            .arg(corpus())
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        for f in files_under(&out) {
            let mode = std::fs::metadata(out.join(&f))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, want, "{f} with umask {umask}: {mode:o}");
        }
    }
}

#[test]
fn a_new_run_removes_only_the_files_the_last_one_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    ok(&["analyze", &s(&corpus()), "--out", &s(&out), "--quiet"]);
    assert!(out.join("charts/issue_territory.svg").exists());
    // The analyst's own files, beside and among ours.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    std::fs::write(out.join("charts/annotated.svg"), "<svg/>").unwrap();
    std::fs::write(out.join("charts/issue_old.png"), "looks like ours").unwrap();
    let (c, l) = iran();
    let o = ok(&["analyze", &s(&c), "--lexicon", &s(&l), "--out", &s(&out)]);
    assert!(
        stderr(&o).contains("removed"),
        "the summary says what was removed: {}",
        stderr(&o)
    );
    // Stale charts of the first lexicon's issues are gone ...
    assert!(!out.join("charts/issue_territory.svg").exists());
    assert!(!out.join("charts/issue_territory.png").exists());
    // ... the new run's are there, and nothing that was not ours was touched.
    assert!(out.join("charts/issue_enrichment.svg").exists());
    for keep in ["notes.txt", "charts/annotated.svg", "charts/issue_old.png"] {
        assert!(out.join(keep).exists(), "{keep} was removed");
    }
    let marker: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("stancediff-complete.json")).unwrap(),
    )
    .unwrap();
    let listed: Vec<&str> = marker["files"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert!(listed.contains(&"charts/issue_enrichment.svg"));
    assert!(!listed.contains(&"notes.txt"));
    assert!(!listed.iter().any(|f| f.contains("territory")));
}

// ---------------------------------------------------------------------------
// 2. A workbook, and CSVs for spreadsheets
// ---------------------------------------------------------------------------

fn zip_entry(path: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut e = z
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the workbook"));
    let mut s = String::new();
    e.read_to_string(&mut s).unwrap();
    s
}

/// An article with a quotation a spreadsheet would run as a formula.
fn hostile_corpus(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("2026-02-17-formula.txt"),
        "Talks in Geneva\n\nGENEVA, Feb 17 -- \"=1+2 and Ukraine will never give up Donbas,\" President Volodymyr Zelensky said on Tuesday.\n\nRussia insists that Ukraine must withdraw from the Donbas region, Kremlin spokesman Dmitry Peskov said.\n",
    )
    .unwrap();
}

#[test]
fn workbook_has_typed_sheets_and_no_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("c");
    hostile_corpus(&c);
    let out = tmp.path().join("out");
    ok(&[
        "analyze",
        &s(&c),
        &s(&corpus()),
        "--out",
        &s(&out),
        "--quiet",
    ]);
    let x = out.join("report.xlsx");
    let book = zip_entry(&x, "xl/workbook.xml");
    for sheet in [
        "documents",
        "statements",
        "stances",
        "positions",
        "shifts",
        "gaps",
        "errors",
        "run",
    ] {
        assert!(book.contains(&format!("name=\"{sheet}\"")), "sheet {sheet}");
    }
    // Sheet 3 is stances: frozen header, filter, widths, numbers and dates typed.
    let st = zip_entry(&x, "xl/worksheets/sheet3.xml");
    assert!(st.contains("state=\"frozen\""), "frozen header");
    assert!(st.contains("<autoFilter"), "autofilter");
    assert!(st.contains("<col "), "column widths");
    let stances = rows(&out.join("stances.csv"));
    let header: Vec<&str> = stancediff::pipeline::STANCE_HEADER.to_vec();
    let stance_col = (b'A' + header.iter().position(|h| *h == "stance").unwrap() as u8) as char;
    let date_col = (b'A' + header.iter().position(|h| *h == "date").unwrap() as u8) as char;
    // Row 2's stance is a number cell (no t="s"/"inlineStr"), its date a styled number.
    let cell = |col: char| {
        let at = st.find(&format!("<c r=\"{col}2\"")).expect("cell");
        st[at..at + st[at..].find("</c>").unwrap()].to_string()
    };
    let sc = cell(stance_col);
    assert!(!sc.contains("t=\""), "stance is a number: {sc}");
    assert!(
        sc.contains(&format!("<v>{}</v>", stances[0]["stance"])),
        "{sc}"
    );
    let dc = cell(date_col);
    assert!(
        !dc.contains("t=\"") && dc.contains(" s=\""),
        "date is a date: {dc}"
    );
    // Text is text: the quotation that begins with '=' is a string, as said
    // (without the CSV's protective quote), and no sheet has a formula.
    let statements = zip_entry(&x, "xl/worksheets/sheet2.xml");
    assert!(
        statements.contains(">=1+2 and Ukraine"),
        "the quotation is in the sheet as text"
    );
    let mut z = zip::ZipArchive::new(std::fs::File::open(&x).unwrap()).unwrap();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let mut body = String::new();
        if e.read_to_string(&mut body).is_ok() {
            assert!(
                !body.contains("<f>") && !body.contains("<f "),
                "formula in {:?}",
                e.name()
            );
        }
    }
    // And in the CSV it is neutralised.
    let csv_text = std::fs::read_to_string(out.join("statements.csv")).unwrap();
    assert!(
        csv_text.contains("'=1+2 and Ukraine"),
        "CSV cell neutralised"
    );
}

#[test]
fn csv_bom_is_an_option_and_readers_accept_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain, bom) = (tmp.path().join("plain"), tmp.path().join("bom"));
    ok(&["analyze", &s(&corpus()), "--out", &s(&plain), "--quiet"]);
    ok(&[
        "analyze",
        &s(&corpus()),
        "--out",
        &s(&bom),
        "--quiet",
        "--csv-bom",
    ]);
    for f in [
        "documents.csv",
        "statements.csv",
        "stances.csv",
        "positions.csv",
        "shifts.csv",
        "gaps.csv",
        "errors.csv",
    ] {
        let a = std::fs::read(plain.join(f)).unwrap();
        let b = std::fs::read(bom.join(f)).unwrap();
        assert!(!a.starts_with(b"\xEF\xBB\xBF"), "{f}: no BOM by default");
        assert!(b.starts_with(b"\xEF\xBB\xBF"), "{f}: BOM with --csv-bom");
        assert_eq!(&b[3..], &a[..], "{f}: the same table after the BOM");
    }
    // stancediff reads its own BOM files back: compare and explain work on them.
    let merged = tmp.path().join("merged");
    ok(&["compare", &s(&bom), "--out", &s(&merged), "--quiet"]);
    assert_eq!(
        std::fs::read_to_string(plain.join("positions.csv")).unwrap(),
        std::fs::read_to_string(merged.join("positions.csv")).unwrap()
    );
    let id = rows(&plain.join("stances.csv"))[0]["statement_id"].clone();
    let o = ok(&["explain", &id, "--out", &s(&bom)]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(&id));
    let codebook = std::fs::read_to_string(root().join("CODEBOOK.md")).unwrap();
    assert!(
        codebook.contains("--csv-bom"),
        "the codebook documents the option"
    );
}

// ---------------------------------------------------------------------------
// 3. A report that tells the truth about its run
// ---------------------------------------------------------------------------

#[test]
fn report_counts_the_whole_run_and_discloses_undated_and_failed() {
    let tmp = tempfile::tempdir().unwrap();
    let c = tmp.path().join("big");
    std::fs::create_dir_all(&c).unwrap();
    // 1,200 records (more than the report lists): the earliest date comes
    // last, 300 have no date, and one file cannot be read.
    let limit = stancediff::pipeline::REPORT_DOCUMENT_LIMIT;
    let n = limit + 200;
    let mut jsonl = String::new();
    for i in 0..n {
        let date = if i == n - 1 {
            "2024-01-05".to_string()
        } else if i % 4 == 3 {
            String::new()
        } else {
            format!("2026-02-{:02}", 1 + i % 20)
        };
        jsonl.push_str(
            &serde_json::json!({
                "title": format!("Talks {i}"),
                "date": date,
                "outlet": "Wire",
                "text": format!("Ukraine will never give up Donbas, President Volodymyr Zelensky said in statement {i}."),
            })
            .to_string(),
        );
        jsonl.push('\n');
    }
    std::fs::write(c.join("records.jsonl"), jsonl).unwrap();
    std::fs::write(c.join("broken.txt"), b"\x00\x01\x02binary").unwrap();
    let out = tmp.path().join("out");
    let o = run(&["analyze", &s(&c), "--out", &s(&out)]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let docs = rows(&out.join("documents.csv"));
    assert_eq!(docs.len(), n);
    let undated = docs.iter().filter(|d| d["published"].is_empty()).count();
    assert!(undated >= 290, "{undated}");
    // The terminal summary names the kinds of warnings.
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{undated} no publication date")),
        "warnings by kind: {err}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    for page in [&html, &md] {
        assert!(page.contains(&format!("{n} documents")), "whole-run count");
        assert!(page.contains("2024-01-05"), "date range from the whole run");
        assert!(
            page.contains(&format!("{undated} document(s) have no publication date"))
                || page.contains(&format!("Undated documents: {undated}")),
            "undated disclosed"
        );
        assert!(page.contains("errors.csv"), "where the failures are");
        assert!(page.contains("documents.csv"));
        assert!(page.contains("stancediff 0."), "tool version");
        assert!(page.contains("provenance.json"));
    }
    assert!(
        html.contains(&format!("{limit} of {n}")),
        "the list says it is partial"
    );
    assert!(
        html.contains("1 input(s) could not be read"),
        "failed disclosed"
    );
}

#[test]
fn report_has_provenance_source_lines_and_chart_labels() {
    let tmp = tempfile::tempdir().unwrap();
    ok(&["analyze", &s(&corpus()), "--out", &s(tmp.path()), "--quiet"]);
    let html = std::fs::read_to_string(tmp.path().join("report.html")).unwrap();
    let sha = stancediff::provenance::sha256_hex(
        &std::fs::read(tmp.path().join("lexicon.toml")).unwrap(),
    );
    assert!(html.contains(&sha[..12]), "lexicon hash in the page");
    assert!(html.contains("Russia-Ukraine peace talks"), "lexicon name");
    let n_charts = html.matches("<figure class=\"chart\"").count();
    assert!(n_charts >= 2);
    assert_eq!(
        html.matches("<figcaption>Source: stancediff").count() + 1,
        n_charts,
        "a source line under every issue chart (and in the overview's caption)"
    );
    for f in files_under(&tmp.path().join("charts")) {
        if f.ends_with(".svg") {
            let svg = std::fs::read_to_string(tmp.path().join("charts").join(&f)).unwrap();
            assert!(svg.contains("<title") && svg.contains("<desc"), "{f}");
            assert!(svg.contains("Source: stancediff"), "{f}: source line");
            assert!(!svg.contains("not to scale"), "{f}: one time axis");
        }
    }
    // What moved, in time order.
    let moved = &html[html.find("id=\"moved\"").unwrap()..html.find("id=\"now\"").unwrap()];
    let dates: Vec<&str> = moved
        .match_indices("<p class=\"meta\">")
        .map(|(i, _)| &moved[i + 16 + 14..i + 16 + 24])
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "shifts in time order");
}

// ---------------------------------------------------------------------------
// 4. Run provenance (#11 item 4)
// ---------------------------------------------------------------------------

#[test]
fn a_run_records_its_lexicon_and_explain_and_compare_use_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, l) = iran();
    let run_dir = tmp.path().join("iran");
    ok(&[
        "analyze",
        &s(&c),
        "--lexicon",
        &s(&l),
        "--out",
        &s(&run_dir),
        "--quiet",
    ]);
    let p: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(run_dir.join("provenance.json")).unwrap())
            .unwrap();
    let copy = std::fs::read(run_dir.join("lexicon.toml")).unwrap();
    assert_eq!(
        copy,
        std::fs::read(&l).unwrap(),
        "a byte copy of the lexicon"
    );
    assert_eq!(
        p["lexicon"]["sha256"],
        stancediff::provenance::sha256_hex(&copy)
    );
    assert_eq!(p["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        p["command"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "analyze")
    );
    assert!(p["started"].as_str().unwrap().ends_with('Z'));

    // explain without --lexicon uses the run's: the issue's proposition shows.
    let st = rows(&run_dir.join("stances.csv"));
    let row = st.iter().find(|r| r["issue"] == "enrichment").unwrap();
    let o = ok(&["explain", &row["statement_id"], "--out", &s(&run_dir)]);
    let text = String::from_utf8_lossy(&o.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("proposition:"))
        .unwrap()
        .to_string();
    assert!(line.trim().len() > "proposition:".len() + 3, "{text}");
    // Asking for another lexicon is refused, clearly.
    let default = root().join("lexicon/russia-ukraine.toml");
    let o = run(&[
        "explain",
        &row["statement_id"],
        "--out",
        &s(&run_dir),
        "--lexicon",
        &s(&default),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot mix lexicons"), "{}", stderr(&o));

    // compare uses it too: the report is titled by the run's lexicon.
    let merged = tmp.path().join("merged");
    ok(&["compare", &s(&run_dir), "--out", &s(&merged), "--quiet"]);
    let md = std::fs::read_to_string(merged.join("report.md")).unwrap();
    assert!(!md.contains("Russia-Ukraine"), "no fallback to the default");
    assert_eq!(std::fs::read(merged.join("lexicon.toml")).unwrap(), copy);
    // ... and refuses to mix two runs made with different lexicons.
    let geneva = tmp.path().join("geneva");
    ok(&["analyze", &s(&corpus()), "--out", &s(&geneva), "--quiet"]);
    let o = run(&[
        "compare",
        &s(&run_dir),
        &s(&geneva),
        "--out",
        &s(&tmp.path().join("mixed")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot mix lexicons"), "{}", stderr(&o));
    assert!(!tmp.path().join("mixed").exists(), "nothing written");
}

#[test]
fn same_inputs_give_the_same_files_except_provenance() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    ok(&[
        "analyze",
        &s(&corpus()),
        "--out",
        &s(&a),
        "--quiet",
        "--threads",
        "1",
    ]);
    ok(&[
        "analyze",
        &s(&corpus()),
        "--out",
        &s(&b),
        "--quiet",
        "--threads",
        "2",
    ]);
    let fa = files_under(&a);
    assert_eq!(fa, files_under(&b));
    assert!(fa.contains(&"report.xlsx".to_string()));
    for f in fa {
        let same = std::fs::read(a.join(&f)).unwrap() == std::fs::read(b.join(&f)).unwrap();
        if f == "provenance.json" {
            continue; // command line (--threads, --out) and time: by design
        }
        assert!(same, "{f} differs between the two runs");
    }
}

// ---------------------------------------------------------------------------
// 5. CLI manners
// ---------------------------------------------------------------------------

#[test]
fn bad_arguments_are_refused_with_clear_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let c = s(&corpus());
    for (args, code, says) in [
        (vec!["--threads", "0"], 2, "at least 1"),
        (vec!["--threads", "1000000"], 2, "at most"),
        (vec!["--min-shift", "NaN"], 2, "above 0"),
        (vec!["--min-shift", "inf"], 2, "above 0"),
        (vec!["--min-shift=-1"], 2, "above 0"),
    ] {
        let mut a = vec!["analyze", c.as_str(), "--out", out.to_str().unwrap()];
        a.extend(args.iter());
        let o = run(&a);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    assert!(!out.exists(), "nothing written for a refused command");

    // A missing input: an error naming it, and no empty report.
    let o = run(&["analyze", "/no/such/corpus", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/corpus"), "{}", stderr(&o));
    assert!(!out.exists());
    // An empty folder: "no articles found" is an error.
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let o = run(&["analyze", &s(&empty), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));
    assert!(!out.exists());
    // --out -: refused with a reason.
    let o = run(&["analyze", &c, "--out", "-"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
    assert!(!Path::new("-").exists());
    // An output folder that cannot be made: the error names the path.
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    for bad in [file.clone(), file.join("sub")] {
        let o = run(&["analyze", &c, "--out", &s(&bad)]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains(&s(&bad)), "{}", stderr(&o));
    }
    // Help has examples and exit codes.
    let o = ok(&["--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(
        help.contains("Examples:") && help.contains("Exit codes:"),
        "{help}"
    );
}

#[test]
fn dash_reads_one_article_from_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let mut child = bin()
        .args(["analyze", "-", "--out", out.to_str().unwrap(), "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"Ukraine will never give up Donbas, President Volodymyr Zelensky said on Tuesday.\n",
        )
        .unwrap();
    assert!(child.wait().unwrap().success());
    let docs = rows(&out.join("documents.csv"));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["file"], "stdin.txt");
    assert_eq!(rows(&out.join("statements.csv")).len(), 1);
}

#[test]
fn shell_completions() {
    for shell in ["bash", "zsh", "fish"] {
        let o = ok(&["completions", shell]);
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            text.contains("analyze") && text.contains("csv-bom"),
            "{shell}"
        );
    }
}

// ---------------------------------------------------------------------------
// 6. A report that reads on a phone, checked in a real browser
// ---------------------------------------------------------------------------

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        if let Ok(o) = Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {name}"))
            .output()
            && o.status.success()
        {
            let p = String::from_utf8_lossy(&o.stdout).trim().to_string();
            if !p.is_empty() {
                return Some(PathBuf::from(p));
            }
        }
    }
    None
}

/// Load `report` in an iframe `width` px wide (Chromium's headless window
/// has a minimum width above 390), and read back what the page measured.
fn probe(chrome: &Path, dir: &Path, report: &Path, width: u32) -> serde_json::Value {
    let page = dir.join(format!("probe-{width}.html"));
    std::fs::write(
        &page,
        format!(
            r#"<!DOCTYPE html><html><head><style>body{{margin:0}}iframe{{border:0;display:block}}</style></head><body>
<iframe id="f" src="{}" width="{width}" height="1600"></iframe>
<script>
document.getElementById('f').addEventListener('load', () => {{
  const w = document.getElementById('f').contentWindow, d = w.document.documentElement;
  const svgs = [...w.document.querySelectorAll('figure.chart svg')];
  const drawn = svgs.filter(s => {{ const r = s.getBoundingClientRect(); return r.width > 100 && r.height > 50 && s.querySelectorAll('text').length > 5; }}).length;
  const out = document.createElement('pre'); out.id = 'probe';
  out.textContent = JSON.stringify({{scrollWidth: d.scrollWidth, innerWidth: w.innerWidth, bodyWidth: w.document.body.scrollWidth, charts: svgs.length, drawn}});
  document.body.appendChild(out);
}});
</script></body></html>"#,
            report.display()
        ),
    )
    .unwrap();
    let o = Command::new(chrome)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--hide-scrollbars",
            "--window-size=1400,1700",
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&o.stdout);
    let start = dom
        .find("<pre id=\"probe\">")
        .unwrap_or_else(|| panic!("the probe ran: {}", stderr(&o)))
        + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    serde_json::from_str(&dom[start..end].replace("&quot;", "\"")).unwrap()
}

#[test]
fn report_reads_on_a_phone_in_a_real_browser() {
    let Some(chrome) = chromium() else {
        eprintln!(
            "SKIPPED report_reads_on_a_phone_in_a_real_browser: no chromium on PATH (.ci/run installs it with apt-get install chromium)"
        );
        if std::env::var_os("CI").is_some() {
            panic!("chromium is required in CI (.ci/run installs it)");
        }
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    ok(&["analyze", &s(&corpus()), "--out", &s(&out), "--quiet"]);
    let report = out.join("report.html");
    let shots = root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for width in [1280u32, 390] {
        let m = probe(&chrome, tmp.path(), &report, width);
        assert_eq!(m["innerWidth"], width, "{m}");
        let sw = m["scrollWidth"].as_u64().unwrap();
        assert!(
            sw <= width as u64,
            "page overflows at {width} px: document is {sw} px wide ({m})"
        );
        assert!(m["charts"].as_u64().unwrap() >= 2, "{m}");
        assert_eq!(m["charts"], m["drawn"], "every chart rendered: {m}");
        // Screenshots to look at: target/screenshots/report-<width>-<part>.png,
        // the top of the page and its charts.
        for part in ["top", "issues"] {
            let page = tmp.path().join(format!("shot-{width}-{part}.html"));
            std::fs::write(
                &page,
                format!(
                    "<!DOCTYPE html><style>body{{margin:0}}iframe{{border:0}}</style><iframe src=\"{}#{part}\" width=\"{width}\" height=\"2400\"></iframe>",
                    report.display()
                ),
            )
            .unwrap();
            let status = Command::new(&chrome)
                .args([
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    "--allow-file-access-from-files",
                    &format!("--window-size={},2400", width.max(500)),
                    &format!(
                        "--screenshot={}",
                        shots.join(format!("report-{width}-{part}.png")).display()
                    ),
                ])
                .arg(format!("file://{}", page.display()))
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        }
    }
    // The check has teeth: the same probe flags a page that does overflow.
    let wide = tmp.path().join("wide.html");
    std::fs::write(
        &wide,
        "<!DOCTYPE html><meta name=viewport content='width=device-width'><table><tr><td style='white-space:nowrap'>a very long line of text that cannot wrap anywhere at all in a phone</td></tr></table><figure class='chart'><svg></svg></figure>",
    )
    .unwrap();
    let m = probe(&chrome, tmp.path(), &wide, 390);
    assert!(m["scrollWidth"].as_u64().unwrap() > 390, "{m}");
}

/// `--jsonl` streams the statements and stances of statements.csv and
/// stances.csv to standard output, one typed object a line, for pipelines;
/// without `--out` no folder is left behind, and a reader that stops early
/// (`| head`) does not make the run fail.
#[test]
fn jsonl_streams_the_tables_to_stdout() {
    let out = tempfile::tempdir().unwrap();
    let o = ok(&[
        "analyze",
        &s(&corpus()),
        "--out",
        &s(out.path()),
        "--jsonl",
        "--quiet",
    ]);
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    let ids = |kind: &str, key: &str| -> Vec<String> {
        lines
            .iter()
            .filter(|v| v["type"] == kind)
            .map(|v| match &v[key] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()
    };
    let statements = rows(&out.path().join("statements.csv"));
    let stances = rows(&out.path().join("stances.csv"));
    assert_eq!(
        ids("statement", "statement_id"),
        statements
            .iter()
            .map(|r| r["statement_id"].clone())
            .collect::<Vec<_>>()
    );
    let mut streamed = ids("stance", "statement_id");
    let mut csv_ids: Vec<String> = stances.iter().map(|r| r["statement_id"].clone()).collect();
    streamed.sort();
    csv_ids.sort();
    assert_eq!(streamed, csv_ids);
    // Text is the article's words, raw (no spreadsheet formula guard in JSON).
    let first = lines.iter().find(|v| v["type"] == "statement").unwrap();
    assert!(first["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(first["char_start"].is_u64());

    // Without --out: the same stream, and no folder.
    let here = tempfile::tempdir().unwrap();
    let o = bin()
        .current_dir(here.path())
        .args(["analyze", &s(&corpus()), "--jsonl", "--quiet"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap().lines().count(),
        lines.len()
    );
    assert!(files_under(here.path()).is_empty());

    // A reader that closes the pipe early.
    let mut child = bin()
        .args(["analyze", &s(&corpus()), "--jsonl", "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_bytes = [0u8; 16];
    child
        .stdout
        .take()
        .unwrap()
        .read_exact(&mut first_bytes)
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("error"), "{}", stderr(&o));
}

/// A run made with a lexicon that extends another file records the whole
/// chain merged into one self-contained copy: `explain` and `compare` still
/// work when the parent file has moved, and the copy gives the same result.
#[test]
fn a_run_records_an_extended_lexicon_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let parent = dir.path().join("parent.toml");
    std::fs::write(
        &parent,
        "extends = \"default\"\nname = \"parent\"\n[[parties]]\nid = \"turkey\"\nlabel = \"Turkey\"\naliases = [\"Ankara\", \"Turkey\"]\n",
    )
    .unwrap();
    let child = dir.path().join("child.toml");
    std::fs::write(
        &child,
        "extends = \"parent.toml\"\nname = \"child\"\n[[actors]]\nname = \"Hakan Fidan\"\nparty = \"turkey\"\naliases = [\"Fidan\"]\n",
    )
    .unwrap();
    let c = root().join("corpora/holdout-2026-c");
    let run1 = dir.path().join("run1");
    ok(&[
        "analyze",
        &s(&c),
        "--lexicon",
        &s(&child),
        "--out",
        &s(&run1),
        "--quiet",
    ]);
    let copy = std::fs::read_to_string(run1.join("lexicon.toml")).unwrap();
    assert!(
        !copy.lines().any(|l| l.starts_with("extends")),
        "{copy:.300}"
    );
    assert!(copy.contains("turkey") && copy.contains("Hakan Fidan"));
    std::fs::rename(&parent, dir.path().join("parent.moved")).unwrap();
    let id = rows(&run1.join("statements.csv"))[0]["statement_id"].clone();
    ok(&["explain", &id, "--out", &s(&run1)]);
    ok(&[
        "compare",
        &s(&run1),
        "--out",
        &s(&dir.path().join("cmp")),
        "--quiet",
    ]);
    let run2 = dir.path().join("run2");
    ok(&[
        "analyze",
        &s(&c),
        "--lexicon",
        &s(&run1.join("lexicon.toml")),
        "--out",
        &s(&run2),
        "--quiet",
    ]);
    for f in ["statements.csv", "stances.csv", "positions.csv"] {
        assert_eq!(
            std::fs::read(run1.join(f)).unwrap(),
            std::fs::read(run2.join(f)).unwrap(),
            "{f}"
        );
    }
}
