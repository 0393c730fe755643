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
    /// For a failed example: which cue, mention or issue term was missing.
    pub why: Vec<String>,
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
    let why = if problems.is_empty() {
        Vec::new()
    } else {
        diagnose(ex, lex, &doc.text, &a)
    };
    ExampleResult {
        text: ex.text.clone(),
        problems,
        found,
        why,
    }
}

/// Why an example failed: which speech cue, speaker mention, issue term or
/// attitude cue the lexicon did not find in its text.
fn diagnose(
    ex: &ExampleDef,
    lex: &Lexicon,
    text: &str,
    a: &crate::pipeline::Analysis,
) -> Vec<String> {
    use crate::lexicon::Meaning as M;
    let hits = lex.scan(text);
    let words = |pred: &dyn Fn(&M) -> bool| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for h in &hits {
            if lex.meanings_with_parts(h).any(|m| pred(&m)) {
                let w = format!("{:?}", &text[h.start..h.end]);
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
        out
    };
    let cues = words(&|m| {
        matches!(
            m,
            M::SpeechVerb | M::QuoteVerb | M::PositionVerb | M::SpeechNoun | M::SourceFirst
        ) || matches!(m, M::Attitude(_))
    });
    let mentions = words(&|m| {
        matches!(
            m,
            M::Party(_) | M::Actor(_) | M::Role(_) | M::GenericRole(_) | M::Source(_)
        )
    });
    let mut why = Vec::new();
    if a.statements.is_empty() {
        if cues.is_empty() {
            why.push(
                "no speech, position or attitude cue in the text: add the verb to [speech] verbs or position_verbs".into(),
            );
        } else if mentions.is_empty() {
            why.push(format!(
                "cues {} found, but no side, actor, source or role is named: add the speaker to [[actors]], [[sources]] or a party's aliases",
                cues.join(", ")
            ));
        } else {
            why.push(format!(
                "cues {} and mentions {} found, but no cue took a mention as its speaker; `stancediff explain --text` shows each step",
                cues.join(", "),
                mentions.join(", ")
            ));
        }
    }
    if let Some(sp) = &ex.speaker
        && !a.statements.iter().any(|s| &s.speaker == sp)
    {
        match lex.actors.iter().position(|x| &x.name == sp) {
            Some(i) if !hits.iter().any(|h| lex.term(h).meanings.contains(&M::Actor(i))) => why
                .push(format!(
                    "no name or alias of actor {sp:?} appears in the text: add the spelling used to its aliases"
                )),
            Some(_) => why.push(format!(
                "actor {sp:?} is named, but not as the subject of a speech cue ({})",
                if cues.is_empty() { "none found".to_string() } else { cues.join(", ") }
            )),
            None => {
                let found: Vec<&str> = a.statements.iter().map(|s| s.speaker.as_str()).collect();
                why.push(format!(
                    "{sp:?} is not an actor of the lexicon{}; speakers found: {}",
                    crate::lexicon::suggest(sp, lex.actors.iter().map(|x| x.name.as_str())),
                    if found.is_empty() { "none".to_string() } else { format!("{found:?}") }
                ))
            }
        }
    }
    if let Some(p) = &ex.party
        && !a.statements.iter().any(|s| lex.party_id(s.party) == p)
        && let Some(pi) = lex.party_index(p)
    {
        let named = hits.iter().any(|h| {
            lex.term(h).meanings.iter().any(|m| match m {
                M::Party(i) | M::PartyAdjective(i) => *i == pi,
                M::Actor(i) | M::Role(i) => lex.actors[*i].party == pi,
                M::Source(i) => lex.sources[*i].party == pi,
                M::GenericRole(i) => lex.roles[*i].party == pi,
                _ => false,
            })
        });
        if !named {
            why.push(format!(
                "nothing in the text names party {p:?} (no alias, adjective, actor, source or role of it)"
            ));
        }
    }
    for want in &ex.stances {
        let Some((issue, value)) = want.split_once('=') else {
            continue;
        };
        let Some(ii) = lex.issue_index(issue.trim()) else {
            continue;
        };
        let got: Vec<i8> = a
            .stances
            .iter()
            .flatten()
            .filter(|st| st.issue == ii)
            .map(|st| st.stance)
            .collect();
        if got.iter().any(|g| value.trim().parse::<i8>() == Ok(*g)) {
            continue;
        }
        let terms = words(&|m| match m {
            M::IssueTerm { issue, .. } | M::Claim { issue, .. } | M::Evaluation { issue, .. } => {
                *issue == ii
            }
            _ => false,
        });
        let attitudes = words(&|m| matches!(m, M::Attitude(_)));
        if terms.is_empty() {
            why.push(format!(
                "no keyword, toward, away or claim of issue {:?} in the text: add the phrase used",
                issue.trim()
            ));
        } else if !got.is_empty() {
            why.push(format!(
                "issue {:?} scored {} (from {}): check toward/away and negators",
                issue.trim(),
                got.iter()
                    .map(|g| g.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                terms.join(", ")
            ));
        } else if attitudes.is_empty() {
            why.push(format!(
                "issue terms {} found, but no attitude cue (support, open, oppose, reject) or claim",
                terms.join(", ")
            ));
        } else {
            why.push(format!(
                "issue terms {} and attitude cues {} found, but no cue governs a term in the same clause (within 12 words)",
                terms.join(", "),
                attitudes.join(", ")
            ));
        }
    }
    why
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
                    why: vec![],
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
        for w in &r.why {
            out.push_str(&format!("    why: {w}\n"));
        }
        if r.found.is_empty() {
            out.push_str("    found: no statement\n");
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
[[actors]]
name = "Novak"
party = "side"
[[issues]]
id = "plan"
proposition = "the plan is adopted"
keywords = ["the plan"]
"#;

/// Run every example of the embedded predicate inventory (Novak speaks for
/// a side: a speaker of no side holds no position): each reporting
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
        assert!(
            r.why
                .iter()
                .any(|w| w.contains("territory") && w.contains("scored")),
            "{:?}",
            r.why
        );
    }

    #[test]
    fn a_failing_example_says_what_was_missing() {
        let lex = Lexicon::default_lexicon();
        let ex = ExampleDef {
            text: "The weather was fine in the hills.".into(),
            speaker: Some("Vladimir Putin".into()),
            party: Some("russia".into()),
            kind: None,
            stances: vec!["territory=2".into()],
            note: String::new(),
        };
        let r = run_example(&ex, &lex, &Boilerplate::default_rules());
        let why = r.why.join("\n");
        assert!(why.contains("no speech, position or attitude cue"), "{why}");
        assert!(
            why.contains("no name or alias of actor \"Vladimir Putin\""),
            "{why}"
        );
        assert!(why.contains("names party \"russia\""), "{why}");
        assert!(why.contains("issue \"territory\""), "{why}");
        let report = failures(&[r]).unwrap();
        assert!(report.contains("why:"), "{report}");
    }
}
