//! Lexicon mining: phrases a corpus's sides take positions on that the
//! lexicon does not know yet.
//!
//! In: documents and a lexicon. Out: [`Candidate`]s — the phrase an attitude
//! cue governs in a statement that got no stance ("ruled out *a frozen front
//! line*"), grouped by its normalised words and ranked by how often it
//! occurs, each with the cues' polarity counts and one example sentence.
//! `stancediff lexicon mine` prints them ready to paste into an issue's
//! `keywords`, `toward` or `away` list; this is how the default lexicon is
//! grown and how a lexicon for a new negotiation starts.

use crate::documents::{Boilerplate, Document};
use crate::lexicon::{Attitude, Lexicon, Meaning};
use crate::pipeline::analyze_document;
use std::collections::BTreeMap;

/// One phrase the corpus's sides take positions on.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    /// Normalised phrase (lowercase, no leading determiner).
    pub phrase: String,
    pub count: usize,
    /// Cues by polarity: support, open, oppose, reject.
    pub polarity: [usize; 4],
    /// Parties that held an attitude to it, by id, with counts.
    pub parties: BTreeMap<String, usize>,
    /// One sentence it occurs in, and its file.
    pub example: String,
    pub file: String,
}

/// Words that open a noun phrase and carry nothing of its topic.
const LEADING: &[&str] = &[
    "the", "a", "an", "any", "all", "its", "their", "his", "her", "our", "this", "that", "these",
    "those", "such", "some", "to", "on", "for", "of", "with", "about", "against", "at", "in",
];

/// Words that end the governed phrase.
const STOPS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "because", "if", "while", "as", "after", "before",
    "until", "unless", "when", "since", "said", "says", "saying", "by", "from",
];

/// Collect candidates from one document into `acc`.
pub fn mine_document(doc: &Document, lex: &Lexicon, acc: &mut BTreeMap<String, Candidate>) {
    let a = analyze_document(doc, lex);
    let text = doc.text.as_str();
    for (s, st) in a.statements.iter().zip(&a.stances) {
        if !st.is_empty() {
            continue;
        }
        let scope = s.sentence.clone();
        for h in lex.scan(&text[scope.clone()]) {
            let Some(att) = lex.meanings_with_parts(&h).find_map(|m| match m {
                Meaning::Attitude(x) => Some(x),
                _ => None,
            }) else {
                continue;
            };
            let after = &text[scope.start + h.end..scope.end];
            let Some(phrase) = governed_phrase(after) else {
                continue;
            };
            // Already an issue phrase, or a side's or person's name: not new.
            let known = lex.scan(&phrase).iter().any(|k| {
                lex.term(k).meanings.iter().any(|m| {
                    matches!(
                        m,
                        Meaning::IssueTerm { .. }
                            | Meaning::Claim { .. }
                            | Meaning::Party(_)
                            | Meaning::Actor(_)
                            | Meaning::Pronoun(_)
                    )
                })
            });
            if known {
                continue;
            }
            let c = acc.entry(phrase.clone()).or_insert_with(|| Candidate {
                phrase,
                example: text[scope.clone()].trim().to_string(),
                file: doc.file.clone(),
                ..Candidate::default()
            });
            c.count += 1;
            c.polarity[match att {
                Attitude::Support => 0,
                Attitude::Open => 1,
                Attitude::Oppose => 2,
                Attitude::Reject => 3,
            }] += 1;
            *c.parties
                .entry(lex.party_id(s.party).to_string())
                .or_default() += 1;
        }
    }
}

/// The phrase right after a cue: up to four words, without a leading
/// determiner or preposition, ending at punctuation or a clause word.
pub fn governed_phrase(after: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for raw in after.split_whitespace() {
        let ends = raw.ends_with([',', '.', ';', ':', '?', '!', '”', '"', ')']);
        let w: String = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .to_lowercase();
        if w.is_empty() {
            break;
        }
        if words.is_empty() && LEADING.contains(&w.as_str()) {
            continue;
        }
        if STOPS.contains(&w.as_str()) {
            break;
        }
        words.push(w);
        if ends || words.len() >= 4 {
            break;
        }
    }
    // A lone short word says nothing ("it", "them").
    if words.is_empty() || (words.len() == 1 && words[0].len() < 4) {
        return None;
    }
    Some(words.join(" "))
}

/// Mine every article under `paths` (folders walked as `analyze` does).
/// Unreadable inputs are counted and skipped: mining is a helper, not a run.
pub fn mine_paths(
    paths: &[std::path::PathBuf],
    lex: &Lexicon,
    rules: &Boilerplate,
) -> (BTreeMap<String, Candidate>, usize, usize) {
    use crate::corpus::{self, Format};
    let mut acc = BTreeMap::new();
    let (mut docs, mut failed) = (0, 0);
    for input in corpus::inputs(paths) {
        let Ok(file) = input else {
            failed += 1;
            continue;
        };
        let mut one = |raw: Result<corpus::RawArticle, corpus::InputError>| match raw {
            Ok(raw) => {
                let doc = crate::documents::build(raw, None, rules);
                mine_document(&doc, lex, &mut acc);
                docs += 1;
            }
            Err(_) => failed += 1,
        };
        match file.format {
            Format::Jsonl | Format::Csv => corpus::stream_records(&file, 256, &mut |batch| {
                batch.into_iter().for_each(&mut one)
            }),
            _ => one(corpus::read_whole(&file)),
        }
    }
    (acc, docs, failed)
}

/// Candidates ranked by count (then phrase), at least `min_count` each.
pub fn ranked(acc: BTreeMap<String, Candidate>, min_count: usize) -> Vec<Candidate> {
    let mut v: Vec<Candidate> = acc.into_values().filter(|c| c.count >= min_count).collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.phrase.cmp(&b.phrase)));
    v
}

/// The candidates as TOML lines to paste into an issue list, each with a
/// comment saying how often, with which cues, by whom, and one example.
pub fn to_toml(cands: &[Candidate]) -> String {
    let mut out = String::from(
        "# Phrases the corpus's sides take positions on that no issue of the lexicon\n\
         # matched. Paste the ones that belong to an issue into its keywords (topic),\n\
         # toward or away list. Counts: support/open/oppose/reject cues.\n",
    );
    for c in cands {
        let parties: Vec<String> = c.parties.iter().map(|(p, n)| format!("{p} {n}")).collect();
        let example: String = c.example.chars().take(160).collect();
        out.push_str(&format!(
            "\n# {}x  cues +2:{} +1:{} -1:{} -2:{}  by {}\n# e.g. {} ({})\n{},\n",
            c.count,
            c.polarity[0],
            c.polarity[1],
            c.polarity[2],
            c.polarity[3],
            parties.join(", "),
            example.replace('\n', " "),
            c.file,
            toml_string(&c.phrase),
        ));
    }
    out
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::from_text;

    #[test]
    fn governed_phrase_skips_determiners_and_stops_at_clauses() {
        assert_eq!(
            governed_phrase(" any frozen front line, officials said").as_deref(),
            Some("frozen front line")
        );
        assert_eq!(
            governed_phrase(" the deployment of foreign troops in Ukraine").as_deref(),
            Some("deployment of foreign troops")
        );
        assert_eq!(governed_phrase(" it."), None);
    }

    #[test]
    fn mines_unknown_objects_of_attitudes() {
        let lex = Lexicon::default_lexicon();
        let doc = from_text(
            "a.txt",
            "Moscow rejected the grain corridor proposal. Kyiv insisted on a grain corridor too.",
            "2026-01-01",
            &Boilerplate::default_rules(),
        );
        let mut acc = BTreeMap::new();
        mine_document(&doc, &lex, &mut acc);
        let v = ranked(acc, 1);
        assert!(
            v.iter().any(|c| c.phrase.starts_with("grain corridor")),
            "{v:?}"
        );
        let toml = to_toml(&v);
        assert!(toml.contains("\"grain corridor"), "{toml}");
    }
}
