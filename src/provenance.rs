//! Provenance: how a run was made, recorded in its output folder.
//!
//! In: the lexicon's TOML text and where it came from, the command line, the
//! inputs' size. Out: `lexicon.toml` (a byte-for-byte copy of the lexicon the
//! run used) and `provenance.json` (tool version, lexicon name and SHA-256,
//! command, start time, input size). `explain` and `compare` read them back
//! ([`recorded`]) to use the run's own lexicon, and refuse to mix lexicons.
//!
//! Everything that depends on *when* or *how* the command was typed (time,
//! command line, output path, thread count) is in `provenance.json` only; the
//! other files, report included, depend on the inputs and the lexicon alone,
//! so two runs of the same inputs give byte-identical tables and pages.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use std::path::Path;

/// The provenance file in an output folder.
pub const PROVENANCE: &str = "provenance.json";
/// The copy of the lexicon in an output folder.
pub const LEXICON_COPY: &str = "lexicon.toml";

/// Where the lexicon of a run came from: its text and a name for its source.
#[derive(Debug, Clone)]
pub struct LexiconSource {
    /// The TOML text exactly as read.
    pub toml: String,
    /// The path given, or `<default lexicon>`.
    pub origin: String,
}

impl LexiconSource {
    /// The embedded default lexicon.
    pub fn default_lexicon() -> LexiconSource {
        LexiconSource {
            toml: crate::lexicon::DEFAULT_LEXICON.to_string(),
            origin: "<default lexicon>".to_string(),
        }
    }

    pub fn sha256(&self) -> String {
        sha256_hex(self.toml.as_bytes())
    }
}

/// Lower-case hex SHA-256 of `bytes` (what `sha256sum` prints).
pub fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The lexicon as recorded in `provenance.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LexiconRecord {
    /// The lexicon's `name`.
    pub name: String,
    /// The path it was read from, or `<default lexicon>` (or `<not recorded>`).
    pub origin: String,
    /// SHA-256 of the TOML text; empty when the text was not known.
    pub sha256: String,
    /// The copy in the output folder (`lexicon.toml`), or empty.
    pub copy: String,
}

/// What `provenance.json` holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Provenance {
    pub tool: String,
    pub version: String,
    /// `analyze` or `compare`.
    pub command_name: String,
    /// The command line as given (program name first).
    pub command: Vec<String>,
    /// When the run started, UTC, RFC 3339 (from `SOURCE_DATE_EPOCH` when set).
    pub started: String,
    pub lexicon: LexiconRecord,
    /// Inputs as given on the command line.
    pub inputs: Vec<String>,
    pub documents: usize,
    pub bytes: usize,
    pub errors: usize,
    pub period: String,
    pub min_shift: f64,
}

/// The time a run started: now, or `SOURCE_DATE_EPOCH` (seconds) when set,
/// for reproducible builds of a report folder.
pub fn run_time() -> String {
    let ts = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    // Whole seconds: "2026-12-02T21:15:56Z".
    jiff::Timestamp::from_second(ts.as_second())
        .unwrap_or(ts)
        .to_string()
}

/// Write `lexicon.toml` (when the text is known) and `provenance.json`;
/// returns the files to list in the completion marker, relative to `out`:
/// the lexicon copy, not `provenance.json` (its size depends on the command
/// line, and the marker, like every file but this one, depends only on the
/// inputs; it is rewritten by every run, so it is never stale).
pub fn write(out: &Path, p: &Provenance, lexicon: Option<&LexiconSource>) -> Result<Vec<String>> {
    let mut files = Vec::new();
    if let Some(l) = lexicon {
        crate::output::write_atomic(&out.join(LEXICON_COPY), l.toml.as_bytes())?;
        files.push(LEXICON_COPY.to_string());
    }
    let json = serde_json::to_string_pretty(p)? + "\n";
    crate::output::write_atomic(&out.join(PROVENANCE), json.as_bytes())?;
    Ok(files)
}

/// The lexicon record of a run (before its provenance file is written).
pub fn lexicon_record(name: &str, source: Option<&LexiconSource>) -> LexiconRecord {
    match source {
        Some(s) => LexiconRecord {
            name: name.to_string(),
            origin: s.origin.clone(),
            sha256: s.sha256(),
            copy: LEXICON_COPY.to_string(),
        },
        None => LexiconRecord {
            name: name.to_string(),
            origin: "<not recorded>".to_string(),
            sha256: String::new(),
            copy: String::new(),
        },
    }
}

/// The lexicon a finished run recorded: its provenance and the text of its
/// copy, checked against the recorded hash. `None` when the folder has no
/// `provenance.json` (a run of an older stancediff, or a bare stances file).
pub fn recorded(run_dir: &Path) -> Result<Option<(Provenance, LexiconSource)>> {
    let path = run_dir.join(PROVENANCE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let p: Provenance = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a stancediff provenance file", path.display()))?;
    if p.lexicon.copy.is_empty() {
        return Ok(None);
    }
    let copy = run_dir.join(&p.lexicon.copy);
    let toml = std::fs::read_to_string(&copy).with_context(|| {
        format!(
            "{} names the lexicon copy {}, which cannot be read",
            path.display(),
            copy.display()
        )
    })?;
    let got = sha256_hex(toml.as_bytes());
    if got != p.lexicon.sha256 {
        anyhow::bail!(
            "{} was changed after the run: its SHA-256 is {got}, {} records {}",
            copy.display(),
            path.display(),
            p.lexicon.sha256
        );
    }
    let origin = copy.display().to_string();
    Ok(Some((p, LexiconSource { toml, origin })))
}

/// Pick the lexicon for `explain`/`compare` over `runs`: the one they
/// recorded, checked against `given` (the `--lexicon` option). Refuses when
/// the runs were made with different lexicons, or `given` is not theirs.
/// `None`: nothing recorded, use `given` or the default.
pub fn choose(runs: &[&Path], given: Option<&LexiconSource>) -> Result<Option<LexiconSource>> {
    let mut found: Option<(String, Provenance, LexiconSource)> = None;
    for dir in runs {
        let Some((p, l)) = recorded(dir)? else {
            continue;
        };
        let here = dir.display().to_string();
        match &found {
            None => found = Some((here, p, l)),
            Some((there, q, _)) if q.lexicon.sha256 != p.lexicon.sha256 => anyhow::bail!(
                "cannot mix lexicons: {there} was made with lexicon {:?} (SHA-256 {}), {here} with {:?} (SHA-256 {}); compare runs made with the same lexicon",
                q.lexicon.name,
                short(&q.lexicon.sha256),
                p.lexicon.name,
                short(&p.lexicon.sha256)
            ),
            Some(_) => {}
        }
    }
    let Some((there, p, l)) = found else {
        return Ok(None);
    };
    if let Some(g) = given
        && g.sha256() != p.lexicon.sha256
    {
        anyhow::bail!(
            "cannot mix lexicons: {there} was made with lexicon {:?} (SHA-256 {}, copy in {}), but --lexicon {} has SHA-256 {}; leave out --lexicon to use the run's own",
            p.lexicon.name,
            short(&p.lexicon.sha256),
            l.origin,
            g.origin,
            short(&g.sha256())
        );
    }
    Ok(Some(l))
}

/// The first 12 hex digits of a hash, as shown in pages and messages.
pub fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}
