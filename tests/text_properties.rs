//! Property tests of the per-document path (documents::from_text ->
//! pipeline::analyze_document -> stance rows) on random text made from news
//! words, names, speech and stance cues, quote marks and punctuation.
//!
//! Properties: nothing panics; every statement's span, sentence and cue span
//! are in bounds and on char boundaries; the statement's text is exactly the
//! source bytes at its span; the statement lies inside its sentence.
//!
//! The sentence layer's own properties (`sentence_layer_holds_its_properties`,
//! on the same texts and on long run-on ones past the sentence cap):
//! quotation spans are in bounds, on char boundaries, well formed (mark,
//! words, mark) and ordered without overlapping (quotations do not nest: a
//! mark inside a quotation is part of its words); sentences are non-empty,
//! on char boundaries, ordered without overlapping, begin and end inside a
//! paragraph (one crossing paragraphs only to hold a quotation that does),
//! hold every quotation that opens in them whole, and are at most
//! `MAX_SENTENCE_BYTES` long.
//!
//! Cases per property: 256 by default (fixed seed); more with e.g.
//! `PROPTEST_CASES=1000000 PROPTEST_RNG_SEED=7 cargo test --release --test text_properties`.
//!
//! Inputs that once panicked are kept in [`KNOWN_PANICS`] as a regression test.

use proptest::prelude::*;
use stancediff::documents::{Boilerplate, from_text};
use stancediff::lexicon::Lexicon;
use stancediff::pipeline::{analyze_document, stance_rows};
use stancediff::text::{Analysed, MAX_SENTENCE_BYTES, scan_document};
use std::ops::Range;
use std::sync::OnceLock;

const WORDS: &[&str] = &[
    // names, sides, roles
    "Putin",
    "Zelensky",
    "Peskov",
    "Lavrov",
    "Rubio",
    "Witkoff",
    "Umerov",
    "Trump",
    "Ma",
    "Po",
    "Moscow",
    "Kyiv",
    "Kremlin",
    "Washington",
    "Russia",
    "Ukraine",
    "Russia's",
    "Ukraine's",
    "United",
    "States",
    "Envoy",
    "envoy",
    "spokesman",
    "official",
    "officials",
    "minister",
    "aide",
    "negotiator",
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "his",
    "their",
    "who",
    "While",
    "while",
    "that",
    "which",
    "and",
    "or",
    "but",
    "to",
    "of",
    "on",
    "in",
    "for",
    "with",
    "Monday",
    "yesterday",
    "Feb.",
    "17",
    "2026",
    "last",
    "week",
    // speech and attitude cues
    "said",
    "says",
    "told",
    "added",
    "argued",
    "stressed",
    "insisted",
    "insist",
    "claimed",
    "according",
    "noted",
    "warned",
    "demanded",
    "rejected",
    "reject",
    "refused",
    "ready",
    "willing",
    "open",
    "not",
    "never",
    "no",
    "only",
    "after",
    "if",
    "unless",
    "must",
    "will",
    "would",
    "could",
    "continues",
    "calls",
    "called",
    "demand",
    "proposal",
    "statement",
    "by",
    "saying",
    "floated",
    "plan",
    "American",
    "Russian",
    "sources",
    "should",
    "discuss",
    "meeting",
    "agreement",
    "possible",
    "is",
    "proposing",
    "idea",
    "Coalition",
    "Willing",
    "→",
    // issues
    "ceasefire",
    "truce",
    "territory",
    "Donbas",
    "Crimea",
    "sanctions",
    "security",
    "guarantees",
    "NATO",
    "troops",
    "withdrawal",
    "peace",
    "deal",
    "talks",
    "enrichment",
    "nuclear",
    "plant",
    "elections",
    "prisoners",
    "exchange",
    "hand",
    "over",
    "any",
    // odd text
    "é",
    "naïve",
    "日本",
    "😀",
    "Ωμέγα",
    "\u{a0}",
    "\u{200b}",
    "x",
    "I",
    "A",
    "Mr.",
    "U.S.",
];

const MARKS: &[&str] = &[
    "\"", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "'", "\u{ab}", "\u{bb}", "\u{201e}", ".",
    ",", ";", ":", "!", "?", "\u{2014}", "\u{2013}", "-", "--", "(", ")", "...", "\u{2026}", "\n",
    "\n\n", " ", "  ", "\t", "\r\n",
];

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::default_lexicon)
}

fn rules() -> &'static Boilerplate {
    static B: OnceLock<Boilerplate> = OnceLock::new();
    B.get_or_init(Boilerplate::default_rules)
}

/// A token: mostly words, often marks, sometimes a space-less join.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
        3 => prop::sample::select(MARKS).prop_map(str::to_string),
        1 => prop::sample::select(WORDS).prop_map(str::to_string),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..80).prop_map(|v| v.concat())
}

/// The properties, on one text; `Err` says which one failed.
fn check(input: &str) -> Result<(), String> {
    let lex = lexicon();
    let doc = from_text("t.txt", input, "2026-02-17", rules());
    if doc.text != input {
        return Err("a .txt document's text is not its input".into());
    }
    let a = analyze_document(&doc, lex);
    if a.stances.len() != a.statements.len() {
        return Err("one stance list per statement".into());
    }
    // A panic inside one sentence is caught and only that sentence is lost,
    // with a warning: still a bug, which the properties must not hide.
    if let Some(w) = a.warnings.iter().find(|w| w.contains("internal error")) {
        return Err(format!("a sentence was lost to an internal error: {w}"));
    }
    let t = &doc.text;
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= t.len()
            && t.is_char_boundary(r.start)
            && t.is_char_boundary(r.end)
    };
    for s in &a.statements {
        if !ok(&s.span) {
            return Err(format!(
                "statement span {:?} out of bounds or off a char boundary",
                s.span
            ));
        }
        if !ok(&s.sentence) {
            return Err(format!(
                "sentence span {:?} out of bounds or off a char boundary",
                s.sentence
            ));
        }
        if let Some(c) = &s.cue_span
            && !ok(c)
        {
            return Err(format!(
                "cue span {c:?} out of bounds or off a char boundary"
            ));
        }
        if t.as_bytes()[s.span.clone()] != input.as_bytes()[s.span.clone()] {
            return Err("statement text differs from the source bytes".into());
        }
        if s.span.start < s.sentence.start || s.span.end > s.sentence.end {
            return Err(format!(
                "statement {:?} is not inside its sentence {:?}",
                s.span, s.sentence
            ));
        }
    }
    // The rows written to stances.csv slice the text by the same spans.
    let _ = stance_rows(&doc, &a, lex);
    Ok(())
}

/// A long run-on text: a random text repeated, its full stops made commas,
/// so that sentences pass the cap.
fn long_text() -> impl Strategy<Value = String> {
    (text(), 1usize..120).prop_map(|(t, n)| t.replace(['.', '!', '?'], ",").repeat(n))
}

/// The sentence layer's properties on one text; `Err` says which failed.
fn check_layer(input: &str) -> Result<(), String> {
    let lex = lexicon();
    let doc = from_text("t.txt", input, "2026-02-17", rules());
    let hits = scan_document(&doc, lex);
    let a = Analysed::new(&doc, lex, &hits);
    let t = &doc.text;
    let on_chars = |i: usize| i <= t.len() && t.is_char_boundary(i);
    for (i, q) in a.quotes.iter().enumerate() {
        if !(q.open <= q.start && q.start <= q.end && q.end <= q.close && q.close <= t.len()) {
            return Err(format!(
                "quotation {q:?} is not mark, words, mark in bounds"
            ));
        }
        if ![q.open, q.start, q.end, q.close].into_iter().all(on_chars) {
            return Err(format!("quotation {q:?} off a char boundary"));
        }
        if q.close - q.open > MAX_SENTENCE_BYTES {
            return Err(format!("quotation {q:?} longer than the cap"));
        }
        if let Some(next) = a.quotes.get(i + 1)
            && q.close > next.open
        {
            return Err(format!(
                "quotations {q:?} and {next:?} overlap or are out of order"
            ));
        }
    }
    let paras = &doc.paragraphs;
    let para_of = |i: usize| paras.iter().position(|p| p.start <= i && i < p.end);
    let mut prev_end = 0;
    for s in &a.sentences {
        let r: &Range<usize> = &s.range;
        if !(r.start < r.end && r.end <= t.len() && on_chars(r.start) && on_chars(r.end)) {
            return Err(format!(
                "sentence {r:?} empty, out of bounds or off a char boundary"
            ));
        }
        if r.start < prev_end {
            return Err(format!(
                "sentence {r:?} overlaps the one before or is out of order"
            ));
        }
        prev_end = r.end;
        if r.len() > MAX_SENTENCE_BYTES {
            return Err(format!("sentence {r:?} longer than the cap"));
        }
        let (Some(first), Some(last)) = (para_of(r.start), para_of(r.end - 1)) else {
            return Err(format!("sentence {r:?} begins or ends outside a paragraph"));
        };
        let opening: Vec<_> = a.quotes_of(s).to_vec();
        if first != last && !opening.iter().any(|q| para_of(q.close - 1) != Some(first)) {
            return Err(format!(
                "sentence {r:?} crosses paragraphs without a quotation that does"
            ));
        }
        for q in &opening {
            if q.open < r.start || q.close > r.end {
                return Err(format!(
                    "quotation {q:?} is not whole in its sentence {r:?}"
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        // Reproducible in CI; another seed with PROPTEST_RNG_SEED=N.
        rng_seed: proptest::test_runner::RngSeed::Fixed(
            std::env::var("PROPTEST_RNG_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(12),
        ),
        ..ProptestConfig::default()
    })]

    #[test]
    fn sentence_layer_holds_its_properties(input in prop_oneof![9 => text(), 1 => long_text()]) {
        if let Err(e) = check_layer(&input) {
            prop_assert!(false, "{e}\ninput: {input:?}");
        }
    }

    #[test]
    fn per_document_path_holds_its_properties(input in text()) {
        if let Err(e) = check(&input) {
            prop_assert!(false, "{e}\ninput: {input:?}");
        }
    }
}

/// Inputs that once broke the per-document path (issue 12): they must keep working.
#[test]
fn known_hard_inputs() {
    for input in [
        "Envoy insist said Ma Po",
        "Rubio States argued Putin",
        "While spokesman stressed, that",
        "",
        "\"",
        "\u{201c}\u{201d}",
        "said said said",
    ] {
        let r = std::panic::catch_unwind(|| check(input));
        match r {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("{input:?}: {e}"),
            Err(_) => panic!("{input:?}: panicked"),
        }
    }
}

/// Minimal inputs that panicked inside `src/statements.rs` (found by the
/// property test above with 10^6 cases; shrunk by proptest), now fixed: a
/// subordinate-clause cut sliced `text[cue.end..end]` where `end`, the start
/// of a later coordinated cue, lay before the cue's end; and the slice in
/// `trim_tail` reached from `content_span` with an inverted range.
pub const KNOWN_PANICS: &[&str] = &[
    "While Putin Putin demand saying ",
    "Envoy insist said Ma Po",
    "Rubio States argued Putin",
    "While spokesman stressed, that",
    // A later cue inside a by-phrase owner ("floated by Washington"), found
    // while adding by-phrase owners, before it landed.
    "Ukraine rejected a proposal floated by Washington that would freeze the front line.",
    // A tab before a capitalised body noun: the run of capitalised words
    // before it was measured as if one space stood there.
    "said Ωμέγα \tCoalition plan Putin ",
    // Overlapping mentions before a cue (two readings of one name).
    "said Coalition Coalition continues ",
    // Two spaces inside the noun phrase of a body noun.
    "said the “Putin  Coalition Putin Putin ",
    // A no-break space after the "by" of a by-phrase owner.
    "demand by\u{a0} Putin ",
];

#[test]
fn known_panics_in_statements() {
    for input in KNOWN_PANICS {
        let r = std::panic::catch_unwind(|| check(input));
        assert!(matches!(r, Ok(Ok(()))), "{input:?} still fails");
    }
}
