//! Lexicon files through the real binary: every bundled lexicon loads and
//! checks unchanged; `extends` builds on the default, the English base or a
//! path; joint parties; and `lexicon check` says what is wrong and what to do.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stancediff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancediff"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn check(path: &Path) -> (i32, String) {
    let o = stancediff(&["lexicon", "check", &path.display().to_string()]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), text)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Every lexicon that ships with stancediff loads and passes its examples,
/// unchanged: the format only grows.
#[test]
fn every_bundled_lexicon_checks_clean() {
    let mut files = vec![root().join("lexicon/russia-ukraine.toml")];
    for e in std::fs::read_dir(root().join("corpora")).unwrap() {
        let p = e.unwrap().path().join("lexicon.toml");
        if p.exists() {
            files.push(p);
        }
    }
    assert!(files.len() >= 2, "{files:?}");
    for f in files {
        let (code, text) = check(&f);
        assert_eq!(code, 0, "{}: {text}", f.display());
        assert!(text.contains("examples passed"), "{}: {text}", f.display());
    }
}

const SMALL: &str = r#"
name = "Hostage talks"
[[parties]]
id = "israel"
aliases = ["Israel"]
adjectives = ["Israeli"]
[[parties]]
id = "hamas"
aliases = ["Hamas"]
[[issues]]
id = "ceasefire"
proposition = "a permanent ceasefire"
keywords = ["ceasefire"]
"#;

/// A lexicon that extends the default adds one party and one actor without
/// copying the rest; the default's parties, issues and examples remain.
#[test]
fn extends_default_adds_a_party() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "more.toml",
        r#"
extends = "default"
name = "Russia-Ukraine with Turkey"

[[parties]]
id = "turkey"
label = "Turkey"
aliases = ["Turkey", "Ankara"]
adjectives = ["Turkish"]

[[actors]]
name = "Hakan Fidan"
party = "turkey"
aliases = ["Fidan"]

[[parties]]
id = "russia"
aliases = ["the Russian Federation"]

[stance]
reject = ["cannot allow"]

[[examples]]
text = "Turkish Foreign Minister Hakan Fidan said Ankara supports a ceasefire."
speaker = "Hakan Fidan"
party = "turkey"
stances = ["ceasefire=2"]
"#,
    );
    let (code, text) = check(&f);
    assert_eq!(code, 0, "{text}");
    // The default has 5 parties; one new one; "russia" is merged, not added.
    assert!(text.contains(": 6 parties"), "{text}");
    let passed: usize = text
        .lines()
        .find_map(|l| l.strip_suffix(" examples passed"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(passed > 10, "the default's examples run too: {text}");

    // The new party is a side in an analysis.
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(
        &corpus,
        "2026-03-01-ankara.txt",
        "Ankara talks\n\nTurkish Foreign Minister Hakan Fidan said Ankara supports a ceasefire.\n",
    );
    let out = dir.path().join("out");
    let o = stancediff(&[
        "analyze",
        &corpus.display().to_string(),
        "--lexicon",
        &f.display().to_string(),
        "--out",
        &out.display().to_string(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let st = std::fs::read_to_string(out.join("statements.csv")).unwrap();
    assert!(st.contains("Hakan Fidan") && st.contains("turkey"), "{st}");
}

/// `extends` with a relative path is resolved against the file, chains
/// work, and a cycle is an error that names the chain.
#[test]
fn extends_paths_chains_and_cycles() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    write(dir.path(), "base.toml", SMALL);
    let mid = write(
        &sub,
        "mid.toml",
        "extends = \"../base.toml\"\n[[parties]]\nid = \"qatar\"\naliases = [\"Qatar\", \"Doha\"]\n",
    );
    let (code, text) = check(&mid);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("4 parties"),
        "israel, hamas, qatar, other: {text}"
    );

    let a = write(dir.path(), "a.toml", "extends = \"b.toml\"\n");
    write(dir.path(), "b.toml", "extends = \"a.toml\"\n");
    let (code, text) = check(&a);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("cycle"), "{text}");

    let missing = write(dir.path(), "m.toml", "extends = \"nowhere.toml\"\n");
    let (code, text) = check(&missing);
    assert_eq!(code, 1);
    assert!(text.contains("nowhere.toml"), "{text}");
}

/// `extends = "english"` is a lexicon of its own on the English base; its
/// cue lists add to the English ones.
#[test]
fn extends_english_adds_cues() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "e.toml",
        &format!(
            "extends = \"english\"\n{SMALL}\n[stance]\nreject = [\"cannot allow\"]\n\n\
             [[examples]]\ntext = \"Israel continues to insist that it cannot allow a ceasefire.\"\n\
             party = \"israel\"\nstances = [\"ceasefire=-2\"]\n\n\
             [[examples]]\ntext = \"Hamas is demanding a permanent ceasefire.\"\n\
             party = \"hamas\"\nstances = [\"ceasefire=2\"]\n"
        ),
    );
    let (code, text) = check(&f);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("2 examples passed"), "{text}");
}

/// A joint party lists its members; unknown members are errors.
#[test]
fn joint_parties_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(
        dir.path(),
        "joint.toml",
        &format!(
            "{SMALL}\n[[parties]]\nid = \"mediators\"\nmembers = [\"israel\", \"hamas\"]\n\
             aliases = [\"the two sides\"]\n"
        ),
    );
    let (code, text) = check(&ok);
    assert_eq!(code, 0, "{text}");
    let bad = write(
        dir.path(),
        "bad.toml",
        &format!("{SMALL}\n[[parties]]\nid = \"joint\"\nmembers = [\"israel\", \"hamass\"]\n"),
    );
    let (code, text) = check(&bad);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("member \"hamass\""), "{text}");
    assert!(text.contains("did you mean \"hamas\""), "{text}");
}

/// `lexicon check` names misspelt fields (with a suggestion), aliases two
/// parties claim, bad example kinds, and why an example failed.
#[test]
fn check_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "typo.toml",
        "[[parties]]\nid = \"a\"\naliasses = [\"A\"]\n",
    );
    let (code, text) = check(&f);
    assert_eq!(code, 1);
    assert!(text.contains("aliasses"), "{text}");
    assert!(text.contains("did you mean \"aliases\""), "{text}");
    assert!(text.contains("line 3"), "{text}");

    let f = write(
        dir.path(),
        "dup.toml",
        &format!("{SMALL}\n[[parties]]\nid = \"france\"\naliases = [\"israel\"]\n"),
    );
    let (code, text) = check(&f);
    assert_eq!(code, 1);
    assert!(
        text.contains("alias \"israel\" is claimed by party \"israel\" and party \"france\""),
        "{text}"
    );

    let f = write(
        dir.path(),
        "actor.toml",
        &format!(
            "{SMALL}\n[[actors]]\nname = \"Jean Israel\"\nparty = \"hamas\"\naliases = [\"Israel\"]\n"
        ),
    );
    let (code, text) = check(&f);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(
            "alias \"Israel\" is claimed by party \"israel\" and by actor \"Jean Israel\""
        ),
        "{text}"
    );

    let f = write(
        dir.path(),
        "dated.toml",
        &format!(
            "{SMALL}\n[[actors]]\nname = \"Jean Novak\"\nparty = \"hamas\"\nroles = [\"spokesman\", {{ role = \"chief negotiator\", from = \"2024-13-01\" }}]\n"
        ),
    );
    let (code, text) = check(&f);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("role \"chief negotiator\": from = \"2024-13-01\" is not a date"),
        "{text}"
    );

    let f = write(
        dir.path(),
        "kind.toml",
        &format!("{SMALL}\n[[examples]]\ntext = \"Israel said no.\"\nkind = \"qoute\"\n"),
    );
    let (code, text) = check(&f);
    assert_eq!(code, 1);
    assert!(text.contains("kind \"qoute\" must be one of"), "{text}");

    let f = write(
        dir.path(),
        "why.toml",
        &format!(
            "{SMALL}\n[[examples]]\ntext = \"Hamas welcomed the truce, a spokesman said.\"\n\
             party = \"hamas\"\nstances = [\"ceasefire=2\"]\n"
        ),
    );
    let (code, text) = check(&f);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("why: no keyword"), "{text}");
    assert!(text.contains("\"ceasefire\""), "{text}");
}

/// A missing lexicon file is one line naming the path, not the OS error twice.
#[test]
fn missing_lexicon_error_is_printed_once() {
    let o = stancediff(&[
        "analyze",
        &root().join("corpora/geneva-2026").display().to_string(),
        "--lexicon",
        "/nonexistent/lex.toml",
        "--out",
        &std::env::temp_dir()
            .join("stancediff-nolex")
            .display()
            .to_string(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/nonexistent/lex.toml"), "{err}");
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

/// A FIFO or a folder given as a lexicon is refused, not read (a FIFO
/// would block forever).
#[cfg(unix)]
#[test]
fn a_lexicon_must_be_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("lex.fifo");
    let ok = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(ok.success());
    let (code, text) = check(&fifo);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("not a regular file"), "{text}");
    let (code, text) = check(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("not a regular file"), "{text}");
}

/// Hostile lexicons are refused quickly with a clear reason.
#[test]
fn huge_lexicons_are_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(10_000);
    let f = write(
        dir.path(),
        "long.toml",
        &SMALL.replace(
            "keywords = [\"ceasefire\"]",
            &format!("keywords = [\"{long}\"]"),
        ),
    );
    let t = std::time::Instant::now();
    let (code, text) = check(&f);
    assert_eq!(code, 1);
    assert!(text.contains("10000 bytes long"), "{text}");
    let mut many = SMALL.to_string();
    for i in 0..25_000 {
        many.push_str(&format!(
            "[[actors]]\nname = \"P{i} Q{i}\"\nparty = \"israel\"\n"
        ));
    }
    let f = write(dir.path(), "many.toml", &many);
    let (code, text) = check(&f);
    assert_eq!(code, 1);
    assert!(text.contains("25000 actors: at most 20000"), "{text}");
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

/// A joint party's stance is a position of each of its members (in
/// `analyze` and in `compare` from the stances alone).
#[test]
fn a_joint_statement_counts_for_each_member() {
    let dir = tempfile::tempdir().unwrap();
    let lex = write(
        dir.path(),
        "joint.toml",
        "extends = \"default\"\nname = \"joint\"\n[[parties]]\nid = \"us_ukraine\"\nlabel = \"US and Ukraine (joint)\"\nmembers = [\"united_states\", \"ukraine\"]\naliases = [\"the two delegations\"]\n",
    );
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    write(
        &corpus,
        "2026-02-18-joint.txt",
        "Geneva talks\n\nThe two delegations said they would insist on a full ceasefire before any territorial talks.\n",
    );
    let run = dir.path().join("run");
    let l = lex.display().to_string();
    let o = stancediff(&[
        "analyze",
        &corpus.display().to_string(),
        "--lexicon",
        &l,
        "--out",
        &run.display().to_string(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stances = std::fs::read_to_string(run.join("stances.csv")).unwrap();
    assert!(stances.contains("us_ukraine,,ceasefire,2"), "{stances}");
    for out in [run.clone(), dir.path().join("cmp")] {
        if out != run {
            let o = stancediff(&[
                "compare",
                &run.display().to_string(),
                "--out",
                &out.display().to_string(),
                "--quiet",
            ]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let positions = std::fs::read_to_string(out.join("positions.csv")).unwrap();
        assert!(
            positions.contains("\nukraine,ceasefire,2026-02-18,2.0,"),
            "{positions}"
        );
        assert!(
            positions.contains("\nunited_states,ceasefire,2026-02-18,2.0,"),
            "{positions}"
        );
        assert!(!positions.contains("us_ukraine"), "{positions}");
    }
}

/// Every field the loader accepts is documented in LEXICON.md: the loader's
/// own "expected one of …" list for each section is checked against it.
#[test]
fn every_field_the_loader_accepts_is_documented() {
    let doc = std::fs::read_to_string(root().join("LEXICON.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sections = [
        "zzz_unknown = 1\n",
        "[speech]\nzzz_unknown = 1\n",
        "[stance]\nzzz_unknown = 1\n",
        "[evaluation]\nzzz_unknown = 1\n",
        "[text]\nzzz_unknown = 1\n",
        "[[parties]]\nid = \"a\"\nzzz_unknown = 1\n",
        "[[actors]]\nname = \"A B\"\nparty = \"a\"\nzzz_unknown = 1\n",
        "[[sources]]\nphrase = \"x\"\nzzz_unknown = 1\n",
        "[[roles]]\nphrase = \"x\"\nzzz_unknown = 1\n",
        "[[issues]]\nid = \"x\"\nzzz_unknown = 1\n",
        "[[examples]]\ntext = \"x\"\nzzz_unknown = 1\n",
    ];
    let mut checked = 0;
    for (i, toml) in sections.iter().enumerate() {
        let f = write(dir.path(), &format!("f{i}.toml"), toml);
        let (code, text) = check(&f);
        assert_eq!(code, 1, "{toml}: {text}");
        // serde says "expected one of `a`, `b`" or "expected `a` or `b`".
        let list = text
            .split("expected ")
            .nth(1)
            .unwrap_or_else(|| panic!("{toml}: no field list in {text}"))
            .trim_start_matches("one of ")
            .split(" (")
            .next()
            .unwrap_or("")
            .replace(" or ", ", ");
        for field in list.split(", ").map(|f| {
            f.trim()
                .trim_start_matches('`')
                .split('`')
                .next()
                .unwrap_or("")
        }) {
            assert!(
                doc.contains(&format!("`{field}`"))
                    || doc.contains(&format!("`[{field}]`"))
                    || doc.contains(&format!("`[[{field}]]`")),
                "field `{field}` ({}) is not documented in LEXICON.md",
                toml.lines().next().unwrap_or("")
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}

/// An example's expected stances may be written `"issue=N"` or as a table
/// `{ issue = "…", stance = N }`; both mean the same, and a wrong expectation
/// fails either way.
#[test]
fn example_stances_as_strings_or_tables() {
    let dir = tempfile::tempdir().unwrap();
    let example = |stances: &str| {
        format!(
            "{SMALL}\n[[examples]]\ntext = \"Israel rejected a permanent ceasefire, the prime minister said.\"\nstances = [{stances}]\n"
        )
    };
    for (name, stances, ok) in [
        ("text.toml", r#""ceasefire=-2""#, true),
        (
            "table.toml",
            r#"{ issue = "ceasefire", stance = -2 }"#,
            true,
        ),
        (
            "wrong.toml",
            r#"{ issue = "ceasefire", stance = 2 }"#,
            false,
        ),
    ] {
        let f = write(dir.path(), name, &example(stances));
        let (code, text) = check(&f);
        assert_eq!(code == 0, ok, "{name}: {text}");
    }
}

/// `[text] not_names` and the other word lists are compared word by word:
/// a phrase there would silently never match, so `check` says so.
#[test]
fn a_phrase_in_a_word_list_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let f = write(
        tmp.path(),
        "phrase.toml",
        &format!("{SMALL}\n[text]\nnot_names = [\"...\", \"Gaza Strip\"]\n"),
    );
    let (code, text) = check(&f);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains("not_names") && text.contains("\"Gaza Strip\" is a phrase"),
        "{text}"
    );
    // So is a phrase among the statement nouns.
    let f = write(
        tmp.path(),
        "statements.toml",
        &format!("{SMALL}\n[text]\nstatements = [\"joint statement\"]\n"),
    );
    let (code, text) = check(&f);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("[text] statements"), "{text}");
}
