//! Lexicon examples: the lexicon documents and tests itself.
//!
//! In: a lexicon's `[[examples]]` (a sentence and what stancediff should find
//! in it). Out: one [`ExampleResult`] per example, saying what was expected
//! and what was found. `cargo test` runs the default lexicon's examples and
//! `stancediff lexicon check FILE` runs a user's.

use crate::documents::{Boilerplate, from_text};
use crate::lexicon::{ExampleDef, Lexicon};
use crate::pipeline::analyze_document;

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleResult {
    pub text: String,
    /// Empty when the example passed; otherwise what differed.
    pub problems: Vec<String>,
    /// What was found, one line per statement, for the message.
    pub found: Vec<String>,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Run one example sentence through the whole pipeline.
pub fn run_example(ex: &ExampleDef, lex: &Lexicon, rules: &Boilerplate) -> ExampleResult {
    let doc = from_text("example.txt", &ex.text, "2026-01-01", rules);
    let a = analyze_document(&doc, lex);
    let mut found = Vec::new();
    for (s, sts) in a.statements.iter().zip(&a.stances) {
        let stances: Vec<String> = sts
            .iter()
            .map(|st| format!("{}={}", lex.issues[st.issue].id, st.stance))
            .collect();
        found.push(format!(
            "{} by {:?} ({}): {:?} [{}]",
            s.kind.as_str(),
            s.speaker,
            lex.party_id(s.party),
            &doc.text[s.span.clone()],
            stances.join(", ")
        ));
    }
    let mut problems = Vec::new();
    if a.statements.is_empty() {
        problems.push("no statement found".to_string());
    }
    if let Some(sp) = &ex.speaker
        && !a.statements.iter().any(|s| &s.speaker == sp)
    {
        problems.push(format!("expected speaker {sp:?}"));
    }
    if let Some(p) = &ex.party
        && !a.statements.iter().any(|s| lex.party_id(s.party) == p)
    {
        problems.push(format!("expected party {p:?}"));
    }
    if let Some(k) = &ex.kind
        && !a.statements.iter().any(|s| s.kind.as_str() == k)
    {
        problems.push(format!("expected kind {k:?}"));
    }
    for want in &ex.stances {
        let Some((issue, value)) = want.split_once('=') else {
            continue;
        };
        let ok = a.statements.iter().zip(&a.stances).any(|(s, sts)| {
            ex.party.as_ref().is_none_or(|p| lex.party_id(s.party) == p)
                && sts.iter().any(|st| {
                    lex.issues[st.issue].id == issue.trim()
                        && value.trim().parse::<i8>() == Ok(st.stance)
                })
        });
        if !ok {
            problems.push(format!("expected stance {want}"));
        }
    }
    ExampleResult {
        text: ex.text.clone(),
        problems,
        found,
    }
}

/// Run every example of a lexicon.
pub fn run_all(lex: &Lexicon) -> Vec<ExampleResult> {
    let rules = Boilerplate::default_rules();
    lex.examples
        .iter()
        .map(|ex| {
            // A panic on one example fails that example (with where it
            // happened) and the others still run.
            crate::panics::catch(|| run_example(ex, lex, &rules)).unwrap_or_else(|p| {
                ExampleResult {
                    text: ex.text.clone(),
                    problems: vec![format!("internal error, please report it: {p}")],
                    found: vec![],
                }
            })
        })
        .collect()
}

/// A readable report of failed examples, or `None` when all pass.
pub fn failures(results: &[ExampleResult]) -> Option<String> {
    let failed: Vec<&ExampleResult> = results.iter().filter(|r| !r.passed()).collect();
    if failed.is_empty() {
        return None;
    }
    let mut out = format!("{} of {} examples failed:\n", failed.len(), results.len());
    for r in failed {
        out.push_str(&format!(
            "\n  {:?}\n    {}\n",
            r.text,
            r.problems.join("; ")
        ));
        if r.found.is_empty() {
            out.push_str("    found: nothing\n");
        }
        for f in &r.found {
            out.push_str(&format!("    found: {f}\n"));
        }
    }
    Some(out)
}

/// A small lexicon for the predicate inventory's examples: no known people
/// (the speaker "Novak" must be found as an unknown name) and one issue whose
/// keyword is "the plan", so an attitude example's stance is its polarity.
pub const INVENTORY_TEST_LEXICON: &str = r#"
name = "inventory examples"
[[parties]]
id = "side"
aliases = ["the side"]
[[issues]]
id = "plan"
proposition = "the plan is adopted"
keywords = ["the plan"]
"#;

/// Run every example of the embedded predicate inventory: each reporting
/// verb must give a statement by Novak, each attitude a stance on the plan
/// with the entry's polarity.
pub fn run_inventory() -> Vec<ExampleResult> {
    use crate::lexicon::inventory;
    let lex = Lexicon::from_toml(INVENTORY_TEST_LEXICON, "inventory examples")
        .expect("the inventory test lexicon is valid");
    let rules = Boilerplate::default_rules();
    let inv = inventory::embedded();
    let mut out = Vec::new();
    for e in &inv.speech {
        let ex = ExampleDef {
            text: e.example.clone(),
            speaker: Some("Novak".into()),
            party: None,
            kind: None,
            stances: vec![],
            note: format!("speech verb {:?}", e.lemma),
        };
        let mut r = run_example(&ex, &lex, &rules);
        r.problems
            .iter_mut()
            .for_each(|p| *p = format!("{}: {p}", ex.note));
        out.push(r);
    }
    for e in &inv.attitude {
        let Some(att) = e.attitude() else { continue };
        let ex = ExampleDef {
            text: e.example.clone(),
            speaker: Some("Novak".into()),
            party: None,
            kind: None,
            stances: vec![format!("plan={}", att.value())],
            note: format!("{} {:?}", e.polarity, e.lemma),
        };
        let mut r = run_example(&ex, &lex, &rules);
        r.problems
            .iter_mut()
            .for_each(|p| *p = format!("{}: {p}", ex.note));
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example in the embedded default lexicon gives its expected result.
    #[test]
    fn default_lexicon_examples_pass() {
        let lex = Lexicon::default_lexicon();
        assert!(
            lex.examples.len() >= 10,
            "the default lexicon documents itself"
        );
        if let Some(report) = failures(&run_all(&lex)) {
            panic!("{report}");
        }
    }

    /// The second bundled corpus's lexicon passes its own examples too.
    #[test]
    fn us_iran_lexicon_examples_pass() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpora/us-iran-2025/lexicon.toml");
        let lex = Lexicon::from_path(&path).expect("the us-iran lexicon is valid");
        if let Some(report) = failures(&run_all(&lex)) {
            panic!("{report}");
        }
    }

    /// Every entry of the predicate inventory documents and tests itself.
    #[test]
    fn inventory_examples_pass() {
        let results = run_inventory();
        assert!(results.len() > 700, "{} inventory examples", results.len());
        if let Some(report) = failures(&results) {
            panic!("{report}");
        }
    }

    #[test]
    fn a_wrong_expectation_fails_with_a_reason() {
        let lex = Lexicon::default_lexicon();
        let ex = ExampleDef {
            text: "Moscow continues to insist that Ukraine hand over the Donbas region.".into(),
            speaker: None,
            party: Some("russia".into()),
            kind: None,
            stances: vec!["territory=-2".into()],
            note: String::new(),
        };
        let r = run_example(&ex, &lex, &Boilerplate::default_rules());
        assert!(!r.passed());
        assert!(r.problems[0].contains("territory=-2"));
    }
}
