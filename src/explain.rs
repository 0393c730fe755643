//! Explain: why a statement got its stances.
//!
//! In: a statement id and the run's output folder (or a text to analyse on
//! the spot). Out: a readable account of the statement, its speaker and cue,
//! each issue it was scored on, the lexicon cues that matched and the score.

use crate::documents::{Boilerplate, from_text};
use crate::lexicon::Lexicon;
use crate::pipeline::analyze_document;
use crate::positions::StanceRow;
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, serde::Deserialize)]
struct StatementIn {
    statement_id: String,
    file: String,
    said_on: String,
    speaker: String,
    party: String,
    kind: String,
    cue: String,
    text: String,
    char_start: usize,
    char_end: usize,
}

fn proposition(lex: &Lexicon, issue: &str) -> String {
    lex.issues
        .iter()
        .find(|i| i.id == issue)
        .map_or(String::new(), |i| i.proposition.clone())
}

/// Explain one statement of a finished run.
pub fn explain_statement(id: &str, out: &Path, lex: &Lexicon) -> Result<String> {
    let path = out.join("statements.csv");
    let s = crate::output::restored_rows::<StatementIn>(&path)?
        .find(|r| r.statement_id == id)
        .with_context(|| format!("no statement {id} in {}", path.display()))?;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "statement {}  ({} {}..{})",
        s.statement_id, s.file, s.char_start, s.char_end
    );
    let _ = writeln!(
        o,
        "  {} statement by {} ({}), cue {:?}, said on {}",
        s.kind,
        if s.speaker.is_empty() {
            "no named speaker"
        } else {
            &s.speaker
        },
        s.party,
        s.cue,
        if s.said_on.is_empty() {
            "unknown date"
        } else {
            &s.said_on
        }
    );
    let _ = writeln!(o, "  text: {}", s.text);
    let path = out.join("stances.csv");
    let rows: Vec<StanceRow> = crate::output::restored_rows::<StanceRow>(&path)?
        .filter(|r| r.statement_id == id)
        .collect();
    if rows.is_empty() {
        let _ = writeln!(
            o,
            "  no stance: no attitude cue governs an issue phrase in its words"
        );
    }
    for r in rows {
        let _ = writeln!(
            o,
            "  issue {} = {:+}  ({})",
            r.issue,
            r.stance,
            crate::report::stance_words(r.stance as f64)
        );
        let _ = writeln!(o, "    proposition: {}", proposition(lex, &r.issue));
        let _ = writeln!(o, "    cues: {}", r.cues);
        let holder = if s.speaker.is_empty() {
            s.party.clone()
        } else {
            format!("{} ({})", s.speaker, s.party)
        };
        for f in crate::stances::frames(&r.cues) {
            let _ = writeln!(o, "    frame: holder {holder} | {f}");
        }
        if !r.numbers.is_empty() {
            let _ = writeln!(o, "    numbers: {}", r.numbers);
        }
        let _ = writeln!(o, "    sentence: {}", r.evidence);
    }
    Ok(o)
}

/// Analyse a text on the spot and explain every statement in it.
pub fn explain_text(text: &str, lex: &Lexicon) -> String {
    let doc = from_text("text", text, "", &Boilerplate::default_rules());
    let a = analyze_document(&doc, lex);
    let mut o = String::new();
    if a.statements.is_empty() {
        let _ = writeln!(
            o,
            "no statement found: no speech cue with a speaker, and no attributed quotation"
        );
    }
    for (s, sts) in a.statements.iter().zip(&a.stances) {
        let _ = writeln!(
            o,
            "{} statement by {} ({}), cue {:?}: {:?}",
            s.kind.as_str(),
            if s.speaker.is_empty() {
                "no named speaker"
            } else {
                &s.speaker
            },
            lex.party_id(s.party),
            s.cue,
            &doc.text[s.span.clone()]
        );
        if sts.is_empty() {
            let _ = writeln!(o, "  no stance");
        }
        for st in sts {
            let issue = &lex.issues[st.issue];
            let _ = writeln!(
                o,
                "  issue {} = {:+}  cues: {}",
                issue.id, st.stance, st.cues
            );
            let holder = if s.speaker.is_empty() {
                lex.party_id(s.party).to_string()
            } else {
                format!("{} ({})", s.speaker, lex.party_id(s.party))
            };
            for f in crate::stances::frames(&st.cues) {
                let _ = writeln!(o, "    frame: holder {holder} | {f}");
            }
        }
    }
    // What the analysis had to cut or lose (a sentence cap, an internal
    // error in one sentence), as documents.csv would say.
    for w in &a.warnings {
        let _ = writeln!(o, "warning: {w}");
    }
    o
}
