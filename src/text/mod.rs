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
//! `names.rs`, `roles.rs`, `offices.rs`), read in article order so a role or surname
//! introduced earlier is known later.

mod cues;
mod grammar;
mod hits;
mod mentions;
mod names;
mod offices;
mod quotes;
mod roles;
mod sentences;
mod words;

pub use cues::{Cue, CueKind, MAX_CUES_PER_SENTENCE, cue_kind};
pub use grammar::{
    AUXILIARIES, FINITE_AUXILIARIES, NP_OPENERS, OBJECT_PREPOSITIONS, after_preposition, bare_verb,
    finite_verb, is_auxiliary, is_verb_adverb, non_finite, relative_subject_clause,
    verb_in_context,
};
pub use hits::{hits_in, scan_document};
pub use mentions::{Mention, Who};
pub use mentions::{owned_document, owns_document};
pub use quotes::{Quote, find_quotes, in_quote, post_signature};
pub use sentences::{Cuts, MAX_SENTENCE_BYTES, split_sentences, split_sentences_with_cuts};
pub use words::{
    contains_spaced, is_time_word, is_title_case_name, may_hold_digit, offset_in, rfind_near_end,
    word_offset,
};

use crate::documents::Document;
use crate::lexicon::{Hit, Lexicon, Meaning};
use mentions::{Introduced, mentions_in};
use std::ops::Range;

/// Compile the sentence layer's patterns ahead of the first document (a
/// caller with a core to spare does it while the lexicon compiles).
pub fn warm_up() {
    names::warm_up();
}

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
    /// What the sentence layer had to leave out or cut on hostile text
    /// (over-long sentences and quotations, too many cues in a sentence, a
    /// sentence that could not be read): warnings for `documents.csv`.
    pub warnings: Vec<String>,
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
        let mut warnings = Vec::new();
        let mut quotes = find_quotes(text, &doc.paragraphs);
        quotes::dash_quotes(text, &doc.paragraphs, hits, lex, &mut quotes);
        quotes::block_quotes(text, &doc.paragraphs, hits, lex, &mut quotes);
        // A quotation longer than a sentence may be would make a piece of an
        // over-long sentence hold more than the cap: read it as plain text.
        let (mut long, mut longest) = (0, 0);
        quotes.retain(|q| {
            let len = q.close - q.open;
            let keep = len <= MAX_SENTENCE_BYTES;
            if !keep {
                long += 1;
                longest = longest.max(len);
            }
            keep
        });
        if long > 0 {
            warnings.push(format!(
                "{} read as plain text (longer than {} bytes)",
                if long == 1 {
                    format!("quotation of {} bytes", thousands(longest))
                } else {
                    format!(
                        "{} quotations of up to {} bytes",
                        thousands(long),
                        thousands(longest)
                    )
                },
                thousands(MAX_SENTENCE_BYTES)
            ));
        }
        let (ranges, cuts) =
            sentences::split_sentences_with_cuts(text, &doc.paragraphs, &quotes, hits, lex);
        if cuts.sentences > 0 {
            warnings.push(format!(
                "{} cut into {} pieces of at most {} bytes",
                if cuts.sentences == 1 {
                    format!("sentence of {} bytes", thousands(cuts.longest))
                } else {
                    format!(
                        "{} sentences of up to {} bytes",
                        thousands(cuts.sentences),
                        thousands(cuts.longest)
                    )
                },
                thousands(cuts.pieces),
                thousands(MAX_SENTENCE_BYTES)
            ));
        }
        let mut known = Introduced {
            date: doc.published,
            ..Introduced::default()
        };
        let mut over_cues = Vec::new();
        let sentences = ranges
            .into_iter()
            .map(|range| {
                let at = range.start;
                // A bug on one odd sentence costs that sentence, not the document.
                let read = crate::panics::catch(|| {
                    read_sentence(text, range.clone(), hits, &quotes, lex, &mut known)
                });
                match read {
                    Ok((sentence, over)) => {
                        if over {
                            over_cues.push(at);
                        }
                        sentence
                    }
                    Err(p) => {
                        warnings.push(sentence_panic_warning(at, &p));
                        unread_sentence(range, hits, &quotes)
                    }
                }
            })
            .collect();
        match over_cues[..] {
            [] => {}
            [at] => warnings.push(format!(
                "sentence at byte {at} with more than {MAX_CUES_PER_SENTENCE} speech or attitude cues: only the first {MAX_CUES_PER_SENTENCE} read"
            )),
            _ => warnings.push(format!(
                "{} sentences with more than {MAX_CUES_PER_SENTENCE} speech or attitude cues (the first at byte {}): only the first {MAX_CUES_PER_SENTENCE} of each read",
                thousands(over_cues.len()),
                over_cues[0]
            )),
        }
        Analysed {
            text,
            hits,
            quotes,
            sentences,
            warnings,
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

/// The warning for a sentence whose reading panicked (a bug): its statements
/// are lost, the rest of the document is read. `; ` would split the
/// warnings column, so the message has none.
pub(crate) fn sentence_panic_warning(at: usize, p: &crate::panics::Caught) -> String {
    format!("internal error in a sentence at byte {at}, please report it: {p}").replace("; ", ", ")
}

/// `n` with a comma between thousands: 85321 -> "85,321".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A sentence that could not be read (a panic): its hits and quotations
/// stay where they are, and nothing in it is attributed.
fn unread_sentence(range: Range<usize>, hits: &[Hit], quotes: &[Quote]) -> Sentence {
    let lo = hits.partition_point(|h| h.start < range.start);
    let hi = hits.partition_point(|h| h.start < range.end);
    let qlo = quotes.partition_point(|q| q.open < range.start);
    let qhi = quotes.partition_point(|q| q.open < range.end);
    Sentence {
        range,
        hits: lo..hi,
        quotes: qlo..qhi,
        cues: Vec::new(),
        attributable: false,
        mentions: Vec::new(),
    }
}

/// The facts of one sentence, and whether it had more cues than the cap;
/// `known` carries the people and roles introduced in the sentences before it.
fn read_sentence(
    text: &str,
    range: Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
    known: &mut Introduced,
) -> (Sentence, bool) {
    #[cfg(test)]
    crate::panics::test_hook::maybe_panic("sentence", range.start);
    let lo = hits.partition_point(|h| h.start < range.start);
    let hi = hits.partition_point(|h| h.start < range.end);
    let shits = &hits[lo..hi];
    let qlo = quotes.partition_point(|q| q.open < range.start);
    let qhi = quotes.partition_point(|q| q.open < range.end);
    let (cues, over) = cues::sentence_cues(text, &range, shits, quotes, lex);
    let has_noun = shits
        .iter()
        .any(|h| lex.meanings_with_parts(h).any(|m| m == Meaning::SpeechNoun));
    let attributable = !(cues.is_empty() && qlo == qhi) || has_noun;
    let mut mentions = mentions_in(text, &range, shits, quotes, lex, known, attributable);
    // A name the sentence splitter cut ("J.D. | Vance") belongs to neither
    // sentence whole; later stages slice from a mention's end to the
    // sentence's end, so a mention must end inside its sentence.
    mentions.retain(|m| m.end <= range.end);
    (
        Sentence {
            range,
            hits: lo..hi,
            quotes: qlo..qhi,
            cues,
            attributable,
            mentions,
        },
        over,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2_000), "2,000");
        assert_eq!(thousands(85_321), "85,321");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
