//! The sentence layer: what a document's text is, decided once.
//!
//! In: a [`Document`] (its text and paragraphs), the document's lexicon hits
//! from the one scan ([`scan_document`]) and the compiled [`Lexicon`].
//! Out: an [`Analysed`] document: its quotation spans, its sentences, and
//! for each sentence the hits and quotations in it, its speech and attitude
//! cues and the mentions of possible speakers, all as byte offsets into the
//! document text. Attribution reads it; stances use its scan and its
//! verb test ([`hits_in`], [`verb_in_context`]); nothing here knows about
//! either.
//!
//! Quotation marks are paired per paragraph (`quotes.rs`); sentences are
//! split around quotations (`sentences.rs`); a sentence's cues are the hits
//! used as reporting or attitude verbs there (`cues.rs`, `grammar.rs`); its
//! mentions are the people, sides and roles it names (`mentions.rs`,
//! `names.rs`, `roles.rs`), read in article order so a role or surname
//! introduced earlier is known later.

mod cues;
mod grammar;
mod hits;
mod mentions;
mod names;
mod quotes;
mod roles;
mod sentences;
mod words;

pub use cues::{Cue, CueKind, MAX_CUES_PER_SENTENCE};
pub use grammar::verb_in_context;
pub use hits::{hits_in, scan_document};
pub use mentions::{Mention, Who};
pub use quotes::{Quote, find_quotes, in_quote};
pub use sentences::split_sentences;
pub use words::word_offset;

use crate::documents::Document;
use crate::lexicon::{Hit, Lexicon, Meaning};
use mentions::{Introduced, mentions_in};
use std::ops::Range;

/// A document read once: quotations, sentences and per-sentence facts.
pub struct Analysed<'a> {
    /// The document text every offset points into.
    pub text: &'a str,
    /// Every lexicon hit in the document, sorted by start.
    pub hits: &'a [Hit],
    /// Every quotation, sorted by position (marks paired and dash-attributed
    /// paragraphs).
    pub quotes: Vec<Quote>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// One sentence and what it holds.
pub struct Sentence {
    /// The sentence's byte range.
    pub range: Range<usize>,
    /// Indices into [`Analysed::hits`] of the hits starting in it.
    hits: Range<usize>,
    /// Indices into [`Analysed::quotes`] of the quotations opening in it.
    quotes: Range<usize>,
    /// Its speech and attitude cues, outside quotations.
    pub cues: Vec<Cue>,
    /// Something in it may be attributed: a cue, a quotation or a speech noun.
    pub attributable: bool,
    /// Mentions of possible speakers outside quotations, sorted by start.
    /// People the lexicon does not know are looked for only in attributable
    /// sentences (and in sentences with a generic role).
    pub mentions: Vec<Mention>,
}

impl<'a> Analysed<'a> {
    /// Read a document: `hits` are its lexicon hits ([`scan_document`]).
    pub fn new(doc: &'a Document, lex: &Lexicon, hits: &'a [Hit]) -> Analysed<'a> {
        let text = doc.text.as_str();
        let mut quotes = find_quotes(text, &doc.paragraphs);
        quotes::dash_quotes(text, &doc.paragraphs, hits, lex, &mut quotes);
        let ranges = split_sentences(text, &doc.paragraphs, &quotes, hits, lex);
        let mut known = Introduced::default();
        let sentences = ranges
            .into_iter()
            .map(|range| read_sentence(text, range, hits, &quotes, lex, &mut known))
            .collect();
        Analysed {
            text,
            hits,
            quotes,
            sentences,
        }
    }

    /// The hits starting in a sentence (one may end past it).
    pub fn hits_of(&self, s: &Sentence) -> &'a [Hit] {
        &self.hits[s.hits.clone()]
    }

    /// The quotations opening in a sentence.
    pub fn quotes_of(&self, s: &Sentence) -> &[Quote] {
        &self.quotes[s.quotes.clone()]
    }
}

/// The facts of one sentence; `known` carries the people and roles
/// introduced in the sentences before it.
fn read_sentence(
    text: &str,
    range: Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
    known: &mut Introduced,
) -> Sentence {
    let lo = hits.partition_point(|h| h.start < range.start);
    let hi = hits.partition_point(|h| h.start < range.end);
    let shits = &hits[lo..hi];
    let qlo = quotes.partition_point(|q| q.open < range.start);
    let qhi = quotes.partition_point(|q| q.open < range.end);
    let cues = cues::sentence_cues(text, &range, shits, quotes, lex);
    let has_noun = shits
        .iter()
        .any(|h| lex.meanings_with_parts(h).any(|m| m == Meaning::SpeechNoun));
    let attributable = !(cues.is_empty() && qlo == qhi) || has_noun;
    let mentions = mentions_in(text, &range, shits, quotes, lex, known, attributable);
    Sentence {
        range,
        hits: lo..hi,
        quotes: qlo..qhi,
        cues,
        attributable,
        mentions,
    }
}
