//! Mentions of possible speakers in a sentence: lexicon people, roles,
//! sources, sides, media and pronouns, people the lexicon does not know
//! ([`super::names`]) and roles bound to the people they introduce
//! ([`super::roles`]).

use super::names::{body_mentions, unknown_names};
use super::offices::{introduces_office, note_offices};
use super::quotes::{Quote, in_quote};
use super::roles::{bind_roles, role_key};
use crate::lexicon::{Hit, Lexicon, Meaning, Pronoun};
// Looked up for every capitalised name and never iterated: a fast hash.
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Who a mention names.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    /// A person: canonical or as-written name, party, pronoun.
    Person(String, usize, Pronoun),
    /// An unnamed source with a role as speaker.
    Source(usize),
    /// A side as a whole: "Moscow", "Kyiv".
    Party(usize),
    Pronoun(Pronoun),
    Media,
    /// A generic role not yet tied to a person.
    Role(usize),
}

/// A mention of a possible speaker: `[start, end)` in the document text.
#[derive(Debug, Clone)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub who: Who,
}

impl Mention {
    /// A person, an unnamed source or a pronoun (not a side or a medium).
    pub fn is_personal(&self) -> bool {
        matches!(self.who, Who::Person(..) | Who::Source(_) | Who::Pronoun(_))
    }
}

/// Per-document memory of the people and roles the article has introduced
/// so far, read and extended sentence by sentence.
#[derive(Default)]
pub(super) struct Introduced {
    /// Surname -> full name for people the lexicon does not know.
    pub(super) surnames: FxHashMap<String, String>,
    /// Generic roles bound to the person the article introduced in them.
    /// Keyed by the role phrase in lowercase without "the ".
    pub(super) roles: FxHashMap<String, (String, usize, Pronoun)>,
    /// Parties learnt for people the lexicon does not know (from their role).
    pub(super) parties: FxHashMap<String, usize>,
    /// The document's date, for roles people hold for a time.
    pub(super) date: Option<jiff::civil::Date>,
    /// Bodies that spoke, by head noun ("ministry" -> "UAE Ministry of
    /// Foreign Affairs"), for a later "the ministry said".
    pub(super) bodies: FxHashMap<String, (String, usize)>,
    /// Offices the article introduced people with ("prime minister" ->
    /// the person), lowercase; see `offices.rs`.
    pub(super) offices: FxHashMap<String, super::offices::Holder>,
    /// The last side that spoke (named as a speech cue's subject), as
    /// written, for "the country's foreign ministry" after it.
    pub(super) last_side: Option<(String, usize)>,
    /// The last person named (name, side, pronoun), for "his government"
    /// in a later sentence.
    pub(super) last_person: Option<(String, usize, Pronoun)>,
}

/// The mentions in a sentence (`hits` are those starting in it), sorted by
/// position. People the lexicon does not know are looked for only when
/// `with_unknown_names` or the sentence has a generic role.
pub(super) fn mentions_in(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
    known: &mut Introduced,
    with_unknown_names: bool,
) -> Vec<Mention> {
    let mut out = lexicon_mentions(text, sentence, hits, quotes, lex, known);
    let has_role = out.iter().any(|m| matches!(m.who, Who::Role(_)));
    if !with_unknown_names && !has_role && !introduces_office(&text[sentence.clone()], lex) {
        note_offices(text, sentence, &out, lex, known);
        note_last_person(&out, known);
        return out;
    }
    // People the lexicon does not know: capitalised names.
    unknown_names(text, sentence, hits, quotes, lex, known, &mut out);
    if hits.iter().any(|h| {
        lex.meanings_with_parts(h).any(|m| {
            matches!(
                m,
                Meaning::SpeechVerb | Meaning::QuoteVerb | Meaning::SourceFirst
            )
        })
    }) {
        body_mentions(text, sentence, hits, lex, known, &mut out);
    }
    out.sort_by_key(|m| m.start);
    bind_roles(text, &mut out, lex, known);
    note_offices(text, sentence, &out, lex, known);
    note_last_person(&out, known);
    out
}

/// Remember the sentence's last person (not a body, which is "they").
fn note_last_person(out: &[Mention], known: &mut Introduced) {
    if let Some(m) = out
        .iter()
        .rev()
        .find(|m| matches!(&m.who, Who::Person(_, _, Pronoun::He | Pronoun::She)))
        && let Who::Person(name, party, pronoun) = &m.who
    {
        known.last_person = Some((name.clone(), *party, *pronoun));
    }
}

/// The mentions the lexicon knows, outside quotations; a role right before
/// the name of the person holding it is one mention with the name.
fn lexicon_mentions(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
    known: &mut Introduced,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    // Whether the last mention is a role ("defence minister"), not a name.
    let mut last_is_role = false;
    for h in hits {
        if in_quote(quotes, h.start) {
            continue;
        }
        let Some(who) = lexicon_who(text, h, lex, known) else {
            continue;
        };
        let who = match who {
            Who::Source(i) => Who::Source(source_side(text, h, i, hits, lex)),
            who => who,
        };
        let is_name = lex
            .term(h)
            .meanings
            .iter()
            .any(|m| matches!(m, Meaning::Actor(_)));
        // "Kremlin spokesman Dmitry Peskov": a role right before the name is
        // the same person; "defence minister Rustem Umerov" is Umerov even on
        // a date the lexicon gives the office to someone else.
        if let Some(last) = out.last_mut()
            && matches!(last.who, Who::Person(..))
            && matches!(who, Who::Person(..))
            && (last.who == who || (last_is_role && is_name))
            && text[last.end..h.start].trim().is_empty()
        {
            last.end = h.end;
            last.who = who;
            last_is_role = false;
            continue;
        }
        last_is_role = !is_name;
        // A side that speaks ("mediator Qatar said"): the country a later
        // "the country's foreign ministry" means.
        if let Who::Party(p) = who
            && p != lex.other_party
            && super::names::speech_cue_adjacent(text, sentence, h.start, h.end, hits, lex)
        {
            // As its name reads: "mediator Qatar" is Qatar.
            let written = text[h.start..h.end]
                .trim_start_matches(|c: char| c.is_lowercase() || c.is_whitespace());
            if !written.is_empty() {
                known.last_side = Some((written.to_string(), p));
            }
        }
        // "Russia's" possessive before a person ("Russia's lead negotiator") is not a mention.
        // "Mr Putin and Mr Trump": an honorific belongs to the person's mention.
        let start = match who {
            Who::Person(..) if is_name => honorific_before(text, h.start, lex).unwrap_or(h.start),
            _ => h.start,
        };
        out.push(Mention {
            start,
            end: h.end,
            who,
        });
    }
    out
}

/// Where an honorific right before `at` begins ("Mr ", "Mrs. ", "Dr "), if one does.
fn honorific_before(text: &str, at: usize, lex: &Lexicon) -> Option<usize> {
    let before = text[..at].strip_suffix(' ')?;
    let word = before
        .rsplit(|c: char| !c.is_alphabetic() && c != '.')
        .next()?;
    (!word.is_empty() && word.starts_with(char::is_uppercase) && lex.words.is_honorific(word))
        .then(|| at - 1 - word.len())
}

/// The source a source phrase of no side stands for when its noun phrase
/// names a side: "a Ukrainian diplomatic source", "sources in the White
/// House", "a source close to the Kremlin", "sources embedded within the
/// Russian delegation" are that side's source (the lexicon's source of that
/// side with the same noun, if it has one: an analyst stays an analyst).
fn source_side(text: &str, h: &Hit, i: usize, hits: &[Hit], lex: &Lexicon) -> usize {
    let src = &lex.sources[i];
    if src.party != lex.other_party {
        return i;
    }
    let side_of = |o: &Hit| {
        lex.term(o).meanings.iter().find_map(|m| match *m {
            Meaning::Party(p) | Meaning::PartyAdjective(p) | Meaning::PartyBody(p) => Some(p),
            Meaning::Actor(a) => Some(lex.actors[a].party),
            _ => None,
        })
    };
    // Before it, with at most two lowercase modifiers between ("senior",
    // "diplomatic").
    let k = hits.partition_point(|o| o.start < h.start);
    let before = hits[..k]
        .iter()
        .rev()
        .find(|o| o.end <= h.start)
        .filter(|o| {
            let between = &text[o.end..h.start];
            plain_gap(between, 2)
                && between
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_lowercase))
        });
    // After it: a place or closeness ("in", "at", "within", "close to"),
    // perhaps after a participle ("embedded within"), then the side's words.
    let after = || {
        let rest = &text[h.end..text.floor_char_boundary(text.len().min(h.end + 80))];
        let mut words = rest.split_whitespace();
        let mut first = words.next()?;
        if first.ends_with("ed") {
            first = words.next()?;
        }
        if !matches!(
            first,
            "in" | "at" | "within" | "inside" | "close" | "near" | "from"
        ) {
            return None;
        }
        hits[k..]
            .iter()
            .filter(|o| o.start >= h.end)
            .take_while(|o| o.start <= h.end + 60 && plain_gap(&text[h.end..o.start], 6))
            .find_map(&side_of)
    };
    let side = before.and_then(side_of).or_else(after);
    side.and_then(|p| {
        lex.sources
            .iter()
            .position(|o| o.party == p && o.noun == src.noun)
    })
    .unwrap_or(i)
}

/// Words between two phrases of one noun phrase: no punctuation, at most
/// `max_words` of them.
fn plain_gap(between: &str, max_words: usize) -> bool {
    !between.contains([',', ';', ':', '"', '“', '”', '(', ')', '.'])
        && between.split_whitespace().count() <= max_words
}

/// Who a lexicon term names, people and roles before sides. A role held by
/// a known person ("Kremlin spokesman") is remembered for later bare uses.
fn lexicon_who(text: &str, h: &Hit, lex: &Lexicon, known: &mut Introduced) -> Option<Who> {
    let term = lex.term(h);
    let who = term.meanings.iter().find_map(|m| match *m {
        Meaning::Actor(i) => {
            let a = &lex.actors[i];
            Some(Who::Person(a.name.clone(), a.party, a.pronoun))
        }
        // "Ukraine's defence minister" is whoever held the office on the
        // document's date (a role several people held in turn).
        Meaning::Role(i) if lex.actors[i].holds(&term.text, known.date) => {
            // "Kremlin spokesman" is Peskov; "the spokesman" later is too.
            let a = &lex.actors[i];
            known.roles.insert(
                role_key(&text[h.start..h.end]),
                (a.name.clone(), a.party, a.pronoun),
            );
            Some(Who::Person(a.name.clone(), a.party, a.pronoun))
        }
        Meaning::Source(i) => Some(Who::Source(i)),
        // "The Kremlin said": the institution speaks, as written.
        Meaning::PartyBody(i) => {
            let written = &text[h.start..h.end];
            let name = written
                .strip_prefix("the ")
                .or_else(|| written.strip_prefix("The "))
                .unwrap_or(written);
            // "The US Department of State revealed …  The department said":
            // the body for its head noun.
            for w in name.split_whitespace() {
                let w = w.to_lowercase();
                if lex.words.bodies.contains(&w) {
                    known.bodies.insert(w, (name.to_string(), i));
                }
            }
            Some(Who::Person(name.to_string(), i, Pronoun::They))
        }
        Meaning::GenericRole(i) => Some(Who::Role(i)),
        Meaning::Media => Some(Who::Media),
        Meaning::Pronoun(p) => Some(Who::Pronoun(p)),
        _ => None,
    });
    who.or_else(|| {
        term.meanings.iter().find_map(|m| match *m {
            Meaning::Party(i) => Some(Who::Party(i)),
            // "the Russian proposal demands …": a side's adjective before a
            // document names the side that owns it.
            Meaning::PartyAdjective(i) if owns_document(text, h.end, lex) => Some(Who::Party(i)),
            _ => None,
        })
    })
}

/// Is one of the next two words a document noun ("Russian proposal",
/// "American peace plan"), or one of the next four after two modifiers
/// that are names, numbers or hyphenated ("Trump's 28-point Ukraine peace
/// plan"), before a clause mark or a function word?
pub fn owns_document(text: &str, at: usize, lex: &Lexicon) -> bool {
    owned_document(text, at, lex).is_some()
}

/// The document noun [`owns_document`] finds after `at`, lowercase.
pub fn owned_document(text: &str, at: usize, lex: &Lexicon) -> Option<String> {
    // Called for every side's adjective: fold short ASCII words on the
    // stack rather than allocate a lowercase copy of each.
    let mut buf = [0u8; 24];
    let mut owned: String;
    for (n, word) in text[at..].split_whitespace().take(4).enumerate() {
        let w = word.trim_end_matches([',', '.', ';', ':']);
        if n >= 2 && !modifiers(&text[at..]) {
            return None;
        }
        let lower = if w.len() <= buf.len() && w.is_ascii() {
            let b = &mut buf[..w.len()];
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            // ASCII in, ASCII out: always valid UTF-8.
            std::str::from_utf8(b).unwrap_or("")
        } else {
            owned = w.to_lowercase();
            owned.as_str()
        };
        if lex.words.documents.contains(lower) {
            return Some(lower.to_string());
        }
        let ends_phrase = w.len() != word.len()
            || FUNCTION_WORDS.contains(&lower)
            || lex.words.prepositions.contains(lower);
        if ends_phrase {
            return None;
        }
    }
    None
}

/// Are the first two words of `s` modifiers that are no verb: names,
/// numbers or hyphenated words ("28-point Ukraine")?
fn modifiers(s: &str) -> bool {
    s.split_whitespace()
        .take(2)
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || w.contains('-'))
}

/// Words that end a noun phrase's modifiers: a document noun after one
/// is no longer the owner's ("Russia's army and the plan").
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "the", "a", "an", "that", "which", "who", "is", "was", "are", "were",
    "has", "had", "have", "would", "will", "could", "said", "says",
];
