//! Attribution: every quoted or reported statement in a document, with its
//! speaker, party and date.
//!
//! In: an [`Analysed`] document (sentences, quotations, cues and mentions
//! from the sentence layer), its publication date and the compiled
//! [`Lexicon`]. Out: [`Statement`]s, each a byte span of the document text
//! plus who said it (`speaker`, `party`), how (`kind`, `cue`) and when
//! (`said_on`).
//!
//! One pass over the sentences, in order: each cue is tied to its subject
//! (`speakers.rs`), quotations to the cue that attributes them
//! (`quotations.rs`), cues without quotations give reported statements and
//! possessive speech nouns give positions (`reported.rs`), passives with an
//! agent give the agent's (`passive.rs`), each with the
//! words it says (`content.rs`) and the day it was said (`said_on.rs`).

mod content;
mod passive;
mod plans;
mod quotations;
mod reported;
mod said_on;
mod speakers;

pub use said_on::resolve_date_phrase;

use crate::documents::Document;
use crate::lexicon::{Hit, Lexicon};
use crate::text::{Analysed, Cue, Mention, Quote, Sentence, scan_document};
use jiff::civil::Date;
use speakers::{CueSubjects, Memory};
use std::ops::Range;

/// How a statement is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Direct,
    Partial,
    Indirect,
    Reported,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
            Kind::Reported => "reported",
        }
    }
}

/// One statement found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Position in the document (0-based); the id is `{doc_id}-{index+1:03}`.
    pub index: usize,
    pub kind: Kind,
    /// Canonical name, the name as written, a role, or empty for `reported`.
    pub speaker: String,
    pub party: usize,
    /// The speech or position cue that attributes it ("said", "according to").
    pub cue: String,
    /// Where the cue stands in the text, when there is one.
    pub cue_span: Option<Range<usize>>,
    /// The statement's words: byte range in the document text.
    pub span: Range<usize>,
    /// The whole sentence around it, for stance scoring and evidence.
    pub sentence: Range<usize>,
    pub said_on: Option<Date>,
}

impl Statement {
    pub fn id(&self, doc_id: &str) -> String {
        format!("{doc_id}-{:03}", self.index + 1)
    }
}

/// Find every statement in a document.
pub fn extract(doc: &Document, lex: &Lexicon) -> Vec<Statement> {
    extract_with_hits(doc, lex, &scan_document(doc, lex))
}

/// Find every statement, given the document's lexicon hits.
pub fn extract_with_hits(doc: &Document, lex: &Lexicon, hits: &[Hit]) -> Vec<Statement> {
    attribute(&Analysed::new(doc, lex, hits), doc.published, lex)
}

/// Find every statement of an analysed document; `published` is the date
/// relative dates ("on Monday") resolve against.
pub fn attribute(analysed: &Analysed, published: Option<Date>, lex: &Lexicon) -> Vec<Statement> {
    attribute_with_warnings(analysed, published, lex).0
}

/// [`attribute`], and a warning for each sentence whose attribution
/// panicked (a bug): that sentence's statements are lost, not the
/// document's.
pub fn attribute_with_warnings(
    analysed: &Analysed,
    published: Option<Date>,
    lex: &Lexicon,
) -> (Vec<Statement>, Vec<String>) {
    let mut memory = Memory::default();
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (n, sentence) in analysed.sentences.iter().enumerate() {
        let scope = Scope::new(analysed, sentence, n, published, lex);
        let before = out.len();
        let r = crate::panics::catch(|| {
            #[cfg(test)]
            crate::panics::test_hook::maybe_panic("attribution", sentence.range.start);
            sentence_statements(&scope, &mut memory, &mut out)
        });
        if let Err(p) = r {
            out.truncate(before);
            warnings.push(crate::text::sentence_panic_warning(
                sentence.range.start,
                &p,
            ));
        }
    }
    // "What did Hamas say?": a statement must say something (a word); one
    // not quoted must hold more than grammar ("pushed back, saying": the
    // particle; "continued to" where a page was cut off).
    out.retain(|s| {
        let words = &analysed.text[s.span.clone()];
        words.chars().any(char::is_alphanumeric)
            && (matches!(s.kind, Kind::Direct | Kind::Partial) || has_content_word(words))
    });
    repeated_quotations(analysed.text, &mut out);
    for (i, s) in out.iter_mut().enumerate() {
        s.index = i;
    }
    (out, warnings)
}

/// Closed-class words that say nothing alone: articles, the verb "be",
/// particles of phrasal verbs, the infinitive marker and conjunctions.
const GRAMMAR_WORDS: &[&str] = &[
    "a", "an", "the", "to", "is", "are", "was", "were", "be", "been", "being", "back", "up", "out",
    "off", "down", "away", "over", "on", "in", "of", "for", "with", "at", "by", "from", "and",
    "or", "but", "as", "so", "then", "also",
];

/// Does `words` hold a word of two or more letters that is not grammar alone?
fn has_content_word(words: &str) -> bool {
    words
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| w.chars().count() >= 2 && !GRAMMAR_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A page often repeats a quotation (a standfirst under the headline, then
/// the body): the same words, a sentence or more, quoted again for the
/// same speaker are one statement, the first.
fn repeated_quotations(text: &str, out: &mut Vec<Statement>) {
    let words = |s: &Statement| -> String {
        text[s.span.clone()]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut seen: rustc_hash::FxHashSet<(String, usize, String)> = Default::default();
    out.retain(|s| {
        // A short fragment ("not ready at all") is often quoted again in a
        // headline or a summary, each time a statement of its own.
        let sentence_long = |w: &str| w.split(' ').count() >= 8;
        if !matches!(s.kind, Kind::Direct | Kind::Partial) {
            return true;
        }
        let w = words(s);
        !(s.kind == Kind::Direct || sentence_long(&w))
            || seen.insert((s.speaker.clone(), s.party, w))
    });
}

/// One sentence as attribution reads it, with what it needs of the document.
struct Scope<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    published: Option<Date>,
    /// Every quotation in the document.
    all_quotes: &'a [Quote],
    /// The sentence's number in the document.
    n: usize,
    sentence: &'a Range<usize>,
    /// The hits starting in the sentence.
    hits: &'a [Hit],
    /// The quotations opening in the sentence.
    quotes: &'a [Quote],
    cues: &'a [Cue],
    mentions: &'a [Mention],
    /// A cue, a quotation or a speech noun: something to attribute.
    attributable: bool,
}

impl<'a> Scope<'a> {
    fn new(
        analysed: &'a Analysed,
        sentence: &'a Sentence,
        n: usize,
        published: Option<Date>,
        lex: &'a Lexicon,
    ) -> Scope<'a> {
        Scope {
            text: analysed.text,
            lex,
            published,
            all_quotes: &analysed.quotes,
            n,
            sentence: &sentence.range,
            hits: analysed.hits_of(sentence),
            quotes: analysed.quotes_of(sentence),
            cues: &sentence.cues,
            mentions: &sentence.mentions,
            attributable: sentence.attributable,
        }
    }

    /// The words of a cue as written.
    fn cue_text(&self, cue: &Cue) -> String {
        self.text[cue.start..cue.end].to_string()
    }
}

/// The statements of one sentence: its quotations, then reported speech
/// and positions, then possessive speech nouns; then what the sentence
/// leaves for the next ones to refer back to.
fn sentence_statements(s: &Scope, memory: &mut Memory, out: &mut Vec<Statement>) {
    if !s.attributable {
        speakers::remember_subject(s.mentions, memory);
        speakers::remember_groups(s, memory);
        speakers::remember_list(s, memory);
        plans::remember_owner(s, None, memory);
        return;
    }
    let mut subjects = CueSubjects::find(s, memory);
    quotations::quotation_statements(s, &mut subjects, memory, out);
    passive::passive_statements(s, &mut subjects, memory, out);
    reported::reported_statements(s, &mut subjects, memory, out);
    reported::possessive_statements(s, memory, out);
    speakers::remember_sentence(s, &subjects, memory);
    speakers::remember_list(s, memory);
    plans::remember_owner(s, Some(&subjects), memory);
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::documents::{Boilerplate, Document, from_text};
    use crate::lexicon::Lexicon;

    pub(crate) fn doc(text: &str, date: &str) -> Document {
        from_text("t.txt", text, date, &Boilerplate::default_rules())
    }

    /// (kind, words, speaker, party) of every statement in `text`.
    pub(super) fn run(text: &str) -> Vec<(String, String, String, String)> {
        let lex = Lexicon::default_lexicon();
        let d = doc(text, "2026-02-18");
        super::extract(&d, &lex)
            .into_iter()
            .map(|s| {
                (
                    s.kind.as_str().to_string(),
                    d.text[s.span.clone()].to_string(),
                    s.speaker.clone(),
                    lex.party_id(s.party).to_string(),
                )
            })
            .collect()
    }
}
