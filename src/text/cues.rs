//! Speech and attitude cues: the lexicon hits of a sentence that are used
//! as reporting or attitude verbs there ("said", "insisted", "according to").

use super::grammar::verb_in_context;
use super::quotes::{Quote, in_quote};
use crate::lexicon::{CueMeaning, Hit, Lexicon, Meaning};
use std::ops::Range;

/// Real sentences carry a handful of speech and attitude cues; each cue's
/// subject and content search looks at the rest of its sentence, so a hostile
/// "sentence" of thousands of cues would cost time quadratic (or worse) in its
/// length. Past this many cues a sentence is read for its first ones only,
/// which keeps every sentence's cost linear in its length; the document gets
/// a warning ([`super::Analysed::warnings`]).
pub const MAX_CUES_PER_SENTENCE: usize = 48;

/// What a cue does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CueKind {
    /// A speech verb ("said", "told", "stressed").
    Speech,
    /// A position without speech ("insists", "wants", "rejected").
    Position,
    /// Attributes a quotation but starts no statement of its own
    /// ("calling", "telling", "described").
    QuoteOnly,
    /// The speaker comes after it ("according to", "citing").
    SourceFirst,
}

/// A cue in the text.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
    /// The cue also states an attitude ("reject", "support"): negated, it
    /// is still a position.
    pub attitude: bool,
}

impl Cue {
    /// A quotation-only participle ("calling", "telling"), which shares the
    /// subject of its clause.
    pub fn is_participle(&self, text: &str) -> bool {
        self.kind == CueKind::QuoteOnly && text[self.start..self.end].ends_with("ing")
    }
}

/// The cue a term is: by its own meanings first ("by saying" is a speech
/// verb), then by the meanings of its parts ("continues to insist").
pub fn cue_kind(lex: &Lexicon, h: &Hit) -> Option<CueKind> {
    lex.term(h).cue.map(|c| match c {
        CueMeaning::SourceFirst => CueKind::SourceFirst,
        CueMeaning::QuoteVerb => CueKind::QuoteOnly,
        CueMeaning::SpeechVerb => CueKind::Speech,
        CueMeaning::PositionVerb => CueKind::Position,
    })
}

/// Where a cue ends: a lexicon phrase that is a cue by the attitude it
/// opens with ("voted to strike") is that attitude's words; what follows
/// them is what it governs, the statement's content.
fn cue_end(lex: &Lexicon, h: &Hit) -> usize {
    let term = lex.term(h);
    let own = term.meanings.iter().chain(&term.part_meanings).any(|m| {
        matches!(
            m,
            Meaning::SpeechVerb | Meaning::QuoteVerb | Meaning::PositionVerb | Meaning::SourceFirst
        )
    });
    if own || term.lead_len == 0 || term.lead_len >= h.end - h.start {
        h.end
    } else {
        h.start + term.lead_len
    }
}

/// "The US is proposing to establish …", "Moscow was insisting": an -ing
/// form after a form of "be" is a finite verb, not a participle that only
/// attributes a quotation ("…, saying"): a position when the word is an
/// attitude predicate, else reported speech.
fn progressive(
    text: &str,
    sentence: &Range<usize>,
    h: &Hit,
    kind: CueKind,
    lex: &Lexicon,
) -> CueKind {
    if kind != CueKind::QuoteOnly || !text[h.start..h.end].ends_with("ing") {
        return kind;
    }
    let before = text[sentence.start..h.start].split_whitespace().next_back();
    let be = before.is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "is" | "are" | "was" | "were" | "been" | "be" | "'s" | "’s" | "'re" | "’re"
        )
    });
    if !be {
        kind
    } else if lex
        .meanings_with_parts(h)
        .any(|m| m == Meaning::PositionVerb)
    {
        CueKind::Position
    } else {
        CueKind::Speech
    }
}

/// "The EU will continue to keep Russian assets frozen", "Beijing continues
/// purchasing Russian oil": a quotation-only verb (not a participle) before
/// an infinitive or a gerund attributes no quotation; it reports what its
/// subject keeps doing, a position.
fn aspectual(text: &str, sentence: &Range<usize>, h: &Hit, kind: CueKind) -> CueKind {
    if kind != CueKind::QuoteOnly || text[h.start..h.end].ends_with("ing") {
        return kind;
    }
    let next = text[h.end..sentence.end]
        .split_whitespace()
        .next()
        .unwrap_or("");
    if next == "to" || (next.len() > 4 && next.ends_with("ing")) {
        CueKind::Position
    } else {
        kind
    }
}

/// "Moscow rejected continuing the talks", "sees no point in continuing":
/// a quotation-only -ing form right after an attitude is that attitude's
/// gerund object, not a participle attributing a quotation.
fn gerund_objects(text: &str, cues: &mut Vec<Cue>) {
    let mut prev: Option<Cue> = None;
    cues.retain(|c| {
        let object = c.is_participle(text)
            && prev.is_some_and(|p| p.attitude && text[p.end..c.start].trim().is_empty());
        if !object {
            prev = Some(*c);
        }
        !object
    });
}

/// The cues of a sentence (`hits` are those starting in it), at most
/// [`MAX_CUES_PER_SENTENCE`]: hits outside quotations, used as verbs, and
/// not right after a possessive; and whether the sentence had more cues than
/// that (the ones past the cap are left out).
pub fn sentence_cues(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
) -> (Vec<Cue>, bool) {
    let mut cues: Vec<Cue> = hits
        .iter()
        .filter(|h| !in_quote(quotes, h.start))
        // "Trump's reported proposal": after a possessive a verb form is an adjective.
        .filter(|h| {
            let before = text[sentence.start..h.start].trim_end();
            !(before.ends_with("'s") || before.ends_with("’s"))
        })
        .filter(|h| verb_in_context(text, sentence, h, hits, lex))
        .filter_map(|h| {
            cue_kind(lex, h).map(|kind| Cue {
                start: h.start,
                end: cue_end(lex, h),
                kind: aspectual(text, sentence, h, progressive(text, sentence, h, kind, lex)),
                attitude: lex
                    .meanings_with_parts(h)
                    .any(|m| matches!(m, Meaning::Attitude(_))),
            })
        })
        .take(MAX_CUES_PER_SENTENCE + 1)
        .collect();
    gerund_objects(text, &mut cues);
    let over = cues.len() > MAX_CUES_PER_SENTENCE;
    cues.truncate(MAX_CUES_PER_SENTENCE);
    (cues, over)
}
