//! Statements: every quoted or reported statement in a document, with its
//! speaker, party and date.
//!
//! In: a [`Document`] and the compiled [`Lexicon`]. Out: [`Statement`]s, each a
//! byte span of the document text plus who said it (`speaker`, `party`), how
//! (`kind`, `cue`) and when (`said_on`).
//!
//! One pass finds every lexicon term in the article (Aho-Corasick); quotation
//! marks are paired per paragraph; sentences are split around quotations; then
//! each sentence's speech cues are tied to the nearest speaker mention.

use crate::documents::{Document, month_number};
use crate::lexicon::{Hit, Lexicon, Meaning, Pronoun};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

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

// ---------------------------------------------------------------------------
// Quotations
// ---------------------------------------------------------------------------

/// A quotation: `open` is the opening mark, `[start, end)` the quoted words,
/// `close` the byte just past the closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// The closing mark that pairs with an opening mark.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"'],
        '"' => &['"', '”'],
        '«' => &['»'],
        '„' => &['“', '”'],
        '‘' => &['’'],
        '\'' => &['\''],
        '‹' => &['›'],
        _ => &[],
    }
}

fn is_double(open: char) -> bool {
    matches!(open, '“' | '"' | '«' | '„')
}

/// Can `c` at this position open a quotation? Apostrophes are not quotes.
fn opens(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '“' | '«' | '„' | '‹' => true,
        '"' => {
            !prev.is_some_and(|p| p.is_alphanumeric()) && next.is_some_and(|n| !n.is_whitespace())
        }
        '‘' => next.is_some_and(|n| n.is_alphabetic() || n == '“' || n == '"'),
        '\'' => !is_word_char(prev) && next.is_some_and(|n| n.is_alphabetic()),
        _ => false,
    }
}

/// Is `c` here a closing mark for `open`? Single marks must not be apostrophes.
fn closes(open: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    if !closers(open).contains(&c) {
        return false;
    }
    match c {
        '’' | '\'' => !is_word_char(next) && prev.is_some_and(|p| !p.is_whitespace()),
        '"' => prev.is_some_and(|p| !p.is_whitespace()) || !is_word_char(next),
        _ => true,
    }
}

/// Pair quotation marks paragraph by paragraph. A quotation left open at the
/// end of a paragraph continues when the next paragraph opens with the same
/// mark (the newspaper convention for multi-paragraph quotes).
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // An open quotation carried over from the previous paragraph.
    let mut carried: Option<(char, usize, usize)> = None;
    for para in paragraphs {
        let p = &text[para.clone()];
        let bytes = p.as_bytes();
        let mut state: Option<(char, usize, usize)> = None; // (mark, open, start)
        let mut i = 0;
        if let Some((mark, open, start)) = carried.take()
            && p.starts_with(mark)
        {
            state = Some((mark, open, start));
            i = mark.len_utf8();
        }
        // Only these bytes can begin a quotation mark: " ' and the lead
        // bytes of “ ” ‘ ’ „ ‹ › (0xE2) and « » (0xC2).
        while i < bytes.len() {
            let b = bytes[i];
            if !matches!(b, b'"' | b'\'' | 0xE2 | 0xC2) {
                i += 1;
                continue;
            }
            let Some(c) = p[i..].chars().next() else {
                break;
            };
            let prev = p[..i].chars().next_back();
            let next = p[i + c.len_utf8()..].chars().next();
            match state {
                None => {
                    if opens(c, prev, next) {
                        let start = para.start + i + c.len_utf8();
                        state = Some((c, para.start + i, start));
                    }
                }
                Some((mark, open, start)) => {
                    if closes(mark, c, prev, next) {
                        quotes.push(Quote {
                            open,
                            start,
                            end: para.start + i,
                            close: para.start + i + c.len_utf8(),
                        });
                        state = None;
                    }
                }
            }
            i += c.len_utf8();
        }
        if let Some((mark, open, start)) = state
            && is_double(mark)
        {
            carried = Some((mark, open, start));
        }
    }
    // A quotation still open when the text ends (a cut-off article) runs to
    // the end of its paragraph, when it opens with a curly mark and a word.
    if let Some((mark, open, start)) = carried
        && (mark == '“' || (mark == '"' && paragraphs.last().is_some_and(|p| p.contains(&open))))
        && let Some(para) = paragraphs.iter().find(|p| p.contains(&open))
        && text[start..para.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    {
        let end = start + text[start..para.end].trim_end().len();
        quotes.push(Quote {
            open,
            start,
            end,
            close: end,
        });
    }
    quotes.retain(|q| q.end > q.start);
    quotes
}

/// "…we will inform you of our next steps - Umerov said." Some outlets quote
/// a whole paragraph without quotation marks and attribute it after a dash.
/// Such a paragraph (no quotation marks, a short tail after the last dash
/// with a speech verb) is a quotation up to the dash.
fn dash_quotes(
    text: &str,
    paragraphs: &[Range<usize>],
    hits: &[Hit],
    lex: &Lexicon,
    quotes: &mut Vec<Quote>,
) {
    let mut added = false;
    for para in paragraphs {
        let p = &text[para.clone()];
        if quotes
            .iter()
            .any(|q| q.open < para.end && q.close > para.start)
        {
            continue;
        }
        let Some((dash, len)) = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| p.rfind(d).map(|i| (i, d.len())))
            .max_by_key(|x| x.0)
        else {
            continue;
        };
        let tail = &p[dash + len..];
        if tail.split_whitespace().count() > 8 || p[..dash].split_whitespace().count() < 4 {
            continue;
        }
        let tail_range = para.start + dash + len..para.end;
        let speech = hits_in(hits, &tail_range)
            .iter()
            .any(|h| lex.term(h).meanings.contains(&Meaning::SpeechVerb));
        if !speech {
            continue;
        }
        let body = p[..dash].trim_end();
        quotes.push(Quote {
            open: para.start,
            start: para.start,
            end: para.start + body.len(),
            close: para.start + body.len(),
        });
        added = true;
    }
    if added {
        quotes.sort_by_key(|q| q.open);
    }
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

/// Split paragraphs into sentences; quotations are never split, and a
/// multi-paragraph quotation belongs to the sentence where it opens.
pub fn split_sentences(
    text: &str,
    paragraphs: &[Range<usize>],
    quotes: &[Quote],
    hits: &[Hit],
    lex: &Lexicon,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut q = 0; // next quote index
    let mut resume_at = 0; // skip paragraphs swallowed by a multi-paragraph quote
    for para in paragraphs {
        if para.end <= resume_at {
            continue;
        }
        let mut sent_start = para.start.max(resume_at);
        let mut i = sent_start;
        let mut end = para.end;
        while i < end {
            while q < quotes.len() && quotes[q].open < i {
                q += 1;
            }
            if q < quotes.len() && quotes[q].open == i {
                let qu = quotes[q];
                i = qu.close;
                if qu.close > end {
                    // The quotation runs into later paragraphs: extend this one.
                    end = paragraphs
                        .iter()
                        .find(|p| p.contains(&(qu.close - 1)))
                        .map_or(qu.close, |p| p.end);
                    resume_at = end;
                }
                // A quotation ending in . ? ! followed by a capital ends the
                // sentence, unless its attribution follows ("“Ready!” Novak said.").
                let inner_end = text[qu.start..qu.end].trim_end();
                if inner_end.ends_with(['.', '?', '!'])
                    && starts_new_sentence(text, i, end)
                    && !(inner_end.ends_with(['?', '!'])
                        && attribution_follows(text, i, end, hits, lex))
                {
                    out.push(sent_start..i);
                    sent_start = skip_ws(text, i, end);
                    i = sent_start;
                }
                continue;
            }
            // Jump to the next terminator, or to the next quotation if nearer.
            let next_quote = quotes.get(q).map_or(end, |x| x.open.min(end));
            let Some(t) = memchr::memchr3(b'.', b'?', b'!', &bytes[i..next_quote]).map(|k| i + k)
            else {
                i = next_quote;
                continue;
            };
            let b = bytes[t];
            if starts_new_sentence(text, t + 1, end)
                && !(b == b'.' && is_abbreviation(text, sent_start, t, lex))
            {
                out.push(sent_start..t + 1);
                sent_start = skip_ws(text, t + 1, end);
                i = sent_start;
                continue;
            }
            i = t + 1;
        }
        if sent_start < end {
            let s = text[sent_start..end].trim_end();
            if !s.is_empty() {
                out.push(sent_start..sent_start + s.len());
            }
        }
    }
    out
}

/// After a quotation closing at `at`: does a speech verb come within the
/// next four words, before any terminator ("“Ready!” said Novak.")?
fn attribution_follows(text: &str, at: usize, end: usize, hits: &[Hit], lex: &Lexicon) -> bool {
    let limit = word_offset(text, at, 4).min(end);
    let clause_end = text[at..limit]
        .find(['.', '?', '!', '“', '"'])
        .map_or(limit, |k| at + k);
    hits_in(hits, &(at..clause_end)).iter().any(|h| {
        lex.meanings_with_parts(h)
            .any(|m| matches!(m, Meaning::SpeechVerb | Meaning::QuoteVerb))
    })
}

fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = text[i..].chars().next().unwrap();
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// After a terminator at `i`: whitespace, then a capital, digit or quote mark.
fn starts_new_sentence(text: &str, i: usize, end: usize) -> bool {
    if i >= end {
        return true;
    }
    let rest = &text[i..end];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false; // no whitespace after the terminator
    }
    trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"«„‘'(".contains(c))
}

fn is_abbreviation(text: &str, sent_start: usize, dot: usize, lex: &Lexicon) -> bool {
    let before = &text[sent_start..=dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if lex.abbreviations.contains(word) {
        return true;
    }
    // Single capital initials ("J. D. Vance"), but not "on X. “I think".
    let w = word.trim_end_matches('.');
    let next_is_capital = text[dot + 1..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase());
    w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) && next_is_capital
}

// ---------------------------------------------------------------------------
// Mentions of possible speakers
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Who {
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

#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    who: Who,
}

impl Mention {
    fn is_personal(&self) -> bool {
        matches!(self.who, Who::Person(..) | Who::Source(_) | Who::Pronoun(_))
    }
}

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Up to seven capitalised words, so a long title does not cut the name
    // ("Belgian Prime Minister Bart De Wever"); lowercase particles inside
    // ("Ursula von der Leyen", "Charles de Gaulle") belong to it.
    Regex::new(r"(?:(?-u:\b)(?:Mr|Mrs|Ms|Dr)\.\s)?(?-u:\b)\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?:\s(?:(?:van|von|de|der|den|da|di|du|bin|ibn|al|el|le|la)\s){0,2}\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?){0,6}")
        .unwrap()
});

/// Per-document memory: names introduced so far and recent subjects.
#[derive(Default)]
struct Context {
    /// Surname -> full name for people the lexicon does not know.
    surnames: HashMap<String, String>,
    /// The subject (first personal mention) of recent sentences, newest last.
    subjects: Vec<(String, usize, Pronoun)>,
    /// Most recent group speaker (source or party) for "they".
    group: Option<(String, usize)>,
    /// The last direct quotation's speaker, sentence number and date.
    last_quote: Option<(String, usize, usize, Option<Date>)>,
    /// Generic roles bound to the person the article introduced in them.
    /// Keyed by the role phrase in lowercase without "the ".
    roles: HashMap<String, (String, usize, Pronoun)>,
    /// Parties learnt for people the lexicon does not know (from their role).
    parties: HashMap<String, usize>,
}

fn mentions_in(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
    ctx: &mut Context,
    with_unknown_names: bool,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for h in hits {
        if in_quote(quotes, h.start) {
            continue;
        }
        let term = lex.term(h);
        let who = term.meanings.iter().find_map(|m| match *m {
            Meaning::Actor(i) => {
                let a = &lex.actors[i];
                Some(Who::Person(a.name.clone(), a.party, a.pronoun))
            }
            Meaning::Role(i) => {
                // "Kremlin spokesman" is Peskov; "the spokesman" later is too.
                let a = &lex.actors[i];
                ctx.roles.insert(
                    role_key(&text[h.start..h.end]),
                    (a.name.clone(), a.party, a.pronoun),
                );
                Some(Who::Person(a.name.clone(), a.party, a.pronoun))
            }
            Meaning::Source(i) => Some(Who::Source(i)),
            Meaning::GenericRole(i) => Some(Who::Role(i)),
            Meaning::Media => Some(Who::Media),
            Meaning::Pronoun(p) => Some(Who::Pronoun(p)),
            _ => None,
        });
        let who = who.or_else(|| {
            term.meanings.iter().find_map(|m| match *m {
                Meaning::Party(i) => Some(Who::Party(i)),
                _ => None,
            })
        });
        if let Some(who) = who {
            // "Kremlin spokesman Dmitry Peskov": a role right before the name is the same person.
            if let Some(last) = out.last()
                && matches!(last.who, Who::Person(..))
                && last.who == who
                && text[last.end..h.start].trim().is_empty()
            {
                out.last_mut().unwrap().end = h.end;
                continue;
            }
            // "Russia's" possessive before a person ("Russia's lead negotiator") is not a mention.
            out.push(Mention {
                start: h.start,
                end: h.end,
                who,
            });
        }
    }
    let has_role = out.iter().any(|m| matches!(m.who, Who::Role(_)));
    if !with_unknown_names && !has_role {
        return out;
    }
    // People the lexicon does not know: capitalised names.
    let s = &text[sentence.start..sentence.end];
    for m in NAME.find_iter(s) {
        let Some((start, end)) = name_words(text, sentence, m.range(), &out, lex) else {
            continue;
        };
        if in_quote(quotes, start) {
            continue;
        }
        let name = &text[start..end];
        let honorific = ["Mr.", "Ms.", "Mrs.", "Dr."]
            .iter()
            .any(|h| name.starts_with(h));
        let words: Vec<&str> = name.split_whitespace().collect();
        // A single capitalised word is a name only as the subject of a
        // speech cue ("Novak said", "conceded Novak"), or when it is the
        // surname of someone the article already introduced.
        if !honorific
            && words.len() < 2
            && !ctx.surnames.contains_key(name)
            && !speech_cue_adjacent(text, sentence, start, end, hits, lex)
        {
            continue;
        }
        // A people ("Ukrainians would reject") is not a person.
        if words.len() == 1
            && ["ians", "eans", "ese", "ans"]
                .iter()
                .any(|e| name.ends_with(e))
        {
            continue;
        }
        // At a sentence's start a capitalised plural ("Officials said") is a noun.
        if words.len() == 1
            && start == sentence.start
            && name.ends_with('s')
            && !name.ends_with("ss")
        {
            continue;
        }
        if words.iter().any(|w| month_number(w).is_some()) {
            continue;
        }
        let surname = words.last().unwrap().to_string();
        let resolved = if honorific || words.len() == 1 {
            match lex.actor_by_alias(&surname) {
                Some(i) => {
                    let a = &lex.actors[i];
                    Who::Person(a.name.clone(), a.party, a.pronoun)
                }
                None => {
                    let full = ctx.surnames.get(&surname).cloned().unwrap_or_else(|| {
                        let bare = name.split_once(". ").map_or(name, |(_, n)| n);
                        bare.to_string()
                    });
                    ctx.surnames.entry(surname).or_insert_with(|| full.clone());
                    let party = ctx.parties.get(&full).copied().unwrap_or(lex.other_party);
                    Who::Person(full, party, Pronoun::He)
                }
            }
        } else if let Some(full) = ctx
            .surnames
            .get(&surname)
            .filter(|full| full.len() > name.len() && full.ends_with(&format!(" {name}")))
            .cloned()
        {
            // "Bart De Wever …" then "De Wever told reporters": the person
            // introduced earlier, named by a surname of two words.
            let party = ctx.parties.get(&full).copied().unwrap_or(lex.other_party);
            Who::Person(full, party, Pronoun::He)
        } else {
            ctx.surnames
                .entry(surname)
                .or_insert_with(|| name.to_string());
            let party = ctx
                .parties
                .get(name)
                .copied()
                .or_else(|| title_party(text, sentence, start, end, hits, lex))
                .unwrap_or(lex.other_party);
            if party != lex.other_party {
                ctx.parties.insert(name.to_string(), party);
            }
            Who::Person(name.to_string(), party, Pronoun::He)
        };
        out.push(Mention {
            start,
            end,
            who: resolved,
        });
    }
    if hits
        .iter()
        .any(|h| lex.meanings_with_parts(h).any(|m| m == Meaning::SpeechVerb))
    {
        body_mentions(text, sentence, hits, lex, &mut out);
    }
    out.sort_by_key(|m| m.start);
    bind_roles(text, &mut out, lex, ctx);
    out
}

/// The name inside a run of capitalised words `run` (sentence-relative):
/// words that overlap a lexicon mention, and leading titles and demonyms
/// ("Ukrainian Foreign Minister Andrii Sybiha", "Mayor Novak"), are not part
/// of it. Returns absolute byte offsets.
fn name_words(
    text: &str,
    sentence: &Range<usize>,
    run: Range<usize>,
    known: &[Mention],
    lex: &Lexicon,
) -> Option<(usize, usize)> {
    let (mut start, mut end) = (sentence.start + run.start, sentence.start + run.end);
    // Keep the words after the last lexicon mention inside the run; if the
    // mention ends the run, the words before it.
    let (run_start, run_end) = (start, end);
    for k in known
        .iter()
        .filter(|k| k.start < run_end && run_start < k.end)
    {
        if k.end < end {
            start = k.end;
        } else {
            end = k.start;
        }
    }
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    for w in text[start..end.max(start)].split_inclusive(char::is_whitespace) {
        let t = w.trim_end();
        if !t.is_empty() {
            words.push((i, i + t.len()));
        }
        i += w.len();
    }
    let is_title = |w: &str, more: bool| {
        lex.words.not_names.contains(w)
            || (more
                && ["ian", "ean", "ese", "ish", "ic"]
                    .iter()
                    .any(|s| w.ends_with(s)))
    };
    let honorific = |w: &str| matches!(w, "Mr." | "Ms." | "Mrs." | "Dr.");
    while let Some(&(a, b)) = words.first() {
        let w = &text[a..b];
        if honorific(w) || !is_title(w, words.len() > 1) {
            break;
        }
        words.remove(0);
    }
    // A name does not contain a function word or a title further in.
    if let Some(k) = words
        .iter()
        .skip(1)
        .position(|&(a, b)| lex.words.not_names.contains(&text[a..b]))
    {
        words.truncate(k + 1);
    }
    let (&(a, _), &(_, b)) = (words.first()?, words.last()?);
    let name = &text[a..b];
    if name.chars().next().is_some_and(|c| !c.is_uppercase()) || words.len() > 3 {
        return None;
    }
    Some((a, b))
}

/// "The union said in a statement", "the foreign ministry said": a body
/// that speaks in its own name. The speaker is the noun phrase as written
/// (without "the"), its side the one its words name ("Ukraine's foreign
/// ministry", "the Russian defence ministry"), else none. Only as the
/// subject of a speech cue.
fn body_mentions(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    lex: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let s = &text[sentence.start..sentence.end];
    let mut found = Vec::new();
    let mut offset = 0;
    let mut lower = String::new();
    for w in s.split_inclusive(|c: char| c.is_whitespace()) {
        let word = w.trim_end();
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        let at = sentence.start + offset;
        offset += w.len();
        if bare.len() != word.len() || bare.len() < 3 || bare.len() > 14 {
            continue;
        }
        lower.clear();
        lower.extend(bare.chars().map(|c| c.to_ascii_lowercase()));
        if !lex.words.bodies.contains(&lower) {
            continue;
        }
        let end = at + bare.len();
        // Back to the determiner, over at most three modifier words.
        let before = &text[sentence.start..at];
        let mut words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let Some(det) = words.iter().position(|x| x.eq_ignore_ascii_case("the")) else {
            continue;
        };
        words.truncate(det);
        if words
            .iter()
            .any(|x| x.ends_with([',', '.', ';', ':', '”', '"']))
        {
            continue;
        }
        let phrase_len: usize = words.iter().map(|x| x.len() + 1).sum();
        let start = at - phrase_len;
        if out.iter().any(|m| m.start < end && start < m.end)
            || !speech_cue_adjacent(text, sentence, start, end, hits, lex)
        {
            continue;
        }
        let party = side_named_in(hits, start..end, lex)
            .or_else(|| title_party(text, sentence, start, end, hits, lex))
            .unwrap_or(lex.other_party);
        found.push(Mention {
            start,
            end,
            who: Who::Person(text[start..end].to_string(), party, Pronoun::They),
        });
    }
    out.extend(found);
}

/// After a name: the end of ", who …," or ", the …," (at most twelve
/// words), or `at` when none follows.
fn skip_apposition(text: &str, at: usize, limit: usize) -> usize {
    let Some(rest) = text[at..limit].strip_prefix(", ") else {
        return at;
    };
    let lead = rest.split_whitespace().next().unwrap_or("");
    if !matches!(
        lead,
        "who" | "which" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "whose"
    ) {
        return at;
    }
    match rest.find(',') {
        Some(k) if rest[..k].split_whitespace().count() <= 12 => at + 2 + k + 1,
        _ => at,
    }
}

/// The side a person's title names: "Russian Foreign Ministry spokeswoman
/// Maria Zakharova", "Maria Zakharova, the Russian foreign ministry's
/// spokeswoman,", "NATO Secretary General Mark Rutte". The title is the
/// words right before the name back to punctuation, or an apposition after it.
fn title_party(
    text: &str,
    sentence: &Range<usize>,
    start: usize,
    end: usize,
    hits: &[Hit],
    lex: &Lexicon,
) -> Option<usize> {
    let before_from = text[sentence.start..start]
        .rfind([',', '.', ';', ':', '“', '”', '"', '(', ')'])
        .map_or(sentence.start, |i| sentence.start + i + 1)
        .max(start.saturating_sub(80));
    let after = text[end..sentence.end].strip_prefix(", ").map(|rest| {
        let stop = rest
            .find([',', '.', ';', '('])
            .unwrap_or(rest.len())
            .min(80);
        end + 2..end + 2 + stop
    });
    side_named_in(hits, before_from..start, lex)
        .or_else(|| after.and_then(|r| side_named_in(hits, r, lex)))
}

/// The last side a range names, by alias ("Kremlin") or adjective ("Russian").
fn side_named_in(hits: &[Hit], range: Range<usize>, lex: &Lexicon) -> Option<usize> {
    hits_in(hits, &range).iter().rev().find_map(|h| {
        lex.term(h).meanings.iter().find_map(|m| match *m {
            Meaning::Party(p) | Meaning::PartyAdjective(p) => Some(p),
            _ => None,
        })
    })
}

/// Does a speech or position cue stand right after `[start, end)` ("Novak
/// said", "Novak has also said"), or right before it after a quotation or
/// comma ("…,” conceded Novak")?
fn speech_cue_adjacent(
    text: &str,
    sentence: &Range<usize>,
    start: usize,
    end: usize,
    hits: &[Hit],
    lex: &Lexicon,
) -> bool {
    let is_cue = |h: &Hit| cue_kind(lex, h).is_some();
    // Only auxiliaries and adverbs between ("Novak has also said"), not "to"
    // ("Petersburg to discuss").
    // "Novak, who chaired the talks, said", "Novak, the judge, ruled": an
    // apposition or relative clause between commas may stand between.
    let end = skip_apposition(text, end, sentence.end);
    let after = hits
        .iter()
        .find(|h| h.start >= end && is_cue(h))
        .is_some_and(|h| {
            let between = &text[end..h.start];
            between.split_whitespace().count() <= 2
                && between.split_whitespace().all(|w| {
                    w.chars().all(|c| c.is_lowercase())
                        && w != "to"
                        && (AUXILIARIES.contains(&w)
                            || SUBJECT_WORDS.contains(&w)
                            || w.ends_with("ly"))
                })
                && !between.contains(',')
                && verb_in_context(text, sentence, h, hits, lex)
        });
    let before = hits
        .iter()
        .rev()
        .find(|h| h.end <= start && is_cue(h))
        .is_some_and(|h| {
            text[h.end..start].trim().is_empty() && {
                let lead = text[sentence.start..h.start].trim_end();
                lead.is_empty() || lead.ends_with([',', '”', '"', '’', '\'', '—', '–'])
            }
        });
    after || before
}

/// "Kremlin aide Yuri Ushakov", "Vladimir Medinsky, a Kremlin aide": a
/// generic role next to a person is that person for the rest of the article
/// ("the Kremlin aide said" later), and lends its side to a person the
/// lexicon does not know. A role never introduced stays a role as speaker.
fn bind_roles(text: &str, out: &mut Vec<Mention>, lex: &Lexicon, ctx: &mut Context) {
    let mut i = 0;
    while i < out.len() {
        let Who::Role(r) = out[i].who else {
            i += 1;
            continue;
        };
        let role = &lex.roles[r];
        let key = role_key(&role.phrase);
        let person = |m: &Mention| matches!(m.who, Who::Person(..));
        // "Zelenskiy's aide": an unnamed member of that person's side.
        if i > 0
            && let Who::Person(owner, party, _) = out[i - 1].who.clone()
            && matches!(&text[out[i - 1].end..out[i].start], "'s " | "’s ")
        {
            let role_words = text[out[i].start..out[i].end].to_string();
            out[i - 1].end = out[i].end;
            out[i - 1].who = Who::Person(format!("{owner}'s {role_words}"), party, Pronoun::He);
            out.remove(i);
            continue;
        }
        // ROLE NAME, "ROLE, NAME," or "NAME, a ROLE"
        let next = out
            .get(i + 1)
            .filter(|m| person(m) && matches!(text[out[i].end..m.start].trim(), "" | ","))
            .map(|_| i + 1);
        let prev = i.checked_sub(1).filter(|&j| {
            let between = text[out[j].end..out[i].start].trim().to_ascii_lowercase();
            person(&out[j])
                && matches!(
                    between.as_str(),
                    "," | ", a" | ", an" | ", the" | ", his" | ", her"
                )
        });
        if let Some(j) = next.or(prev)
            && let Who::Person(name, party, pronoun) = out[j].who.clone()
        {
            let party = if party == lex.other_party && role.party != lex.other_party {
                ctx.parties.insert(name.clone(), role.party);
                role.party
            } else {
                party
            };
            ctx.roles.insert(key, (name.clone(), party, pronoun));
            out[j].who = Who::Person(name, party, pronoun);
            if next.is_some() {
                // One mention for "Kremlin aide Yuri Ushakov".
                out[j].start = out[i].start.min(out[j].start);
                out[j].end = out[i].end.max(out[j].end);
            }
            out.remove(i);
            continue;
        }
        out[i].who = match ctx.roles.get(&key) {
            Some((n, p, g)) => Who::Person(n.clone(), *p, *g),
            None => Who::Person(
                text[out[i].start..out[i].end]
                    .trim_start_matches("the ")
                    .trim_start_matches("The ")
                    .to_string(),
                role.party,
                Pronoun::He,
            ),
        };
        i += 1;
    }
}

/// "Russia's lead negotiator", "the lead negotiator" and "lead negotiator"
/// are one role within an article.
///
/// The key is the role's head noun ("negotiator", "envoy", "aide"): within an
/// article "the envoy" is the envoy introduced last.
fn role_key(phrase: &str) -> String {
    let p = phrase.to_lowercase().replace('’', "'");
    p.split_whitespace().last().unwrap_or("").to_string()
}

fn in_quote(quotes: &[Quote], pos: usize) -> bool {
    let i = quotes.partition_point(|q| q.close <= pos);
    i < quotes.len() && quotes[i].open <= pos
}

/// Resolve a mention to (speaker, party); `None` for media.
fn resolve(who: &Who, lex: &Lexicon, ctx: &Context) -> Option<(String, usize, bool)> {
    match who {
        Who::Person(n, p, _) => Some((n.clone(), *p, true)),
        Who::Source(i) => Some((lex.sources[*i].speaker.clone(), lex.sources[*i].party, true)),
        Who::Party(i) => Some((String::new(), *i, false)),
        Who::Media | Who::Role(_) => None,
        // A pronoun with nothing before it still speaks: the quotation is
        // kept, with the pronoun as written and no side.
        Who::Pronoun(Pronoun::They) => Some(
            ctx.group
                .clone()
                .map(|(n, p)| (n.clone(), p, !n.is_empty()))
                .unwrap_or_else(|| ("they".to_string(), lex.other_party, true)),
        ),
        Who::Pronoun(pr) => Some(
            ctx.subjects
                .iter()
                .rev()
                .find(|(_, _, g)| g == pr)
                .or(ctx.subjects.last())
                .map(|(n, p, _)| (n.clone(), *p, true))
                .unwrap_or_else(|| {
                    let w = if *pr == Pronoun::She { "she" } else { "he" };
                    (w.to_string(), lex.other_party, true)
                }),
        ),
    }
}

// ---------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum CueKind {
    Speech,
    Position,
    QuoteOnly,
    SourceFirst,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    kind: CueKind,
    /// The cue also states an attitude ("reject", "support"): negated, it
    /// is still a position.
    attitude: bool,
}

/// The cue a term is: by its own meanings first ("by saying" is a speech
/// verb), then by the meanings of its parts ("continues to insist").
fn cue_kind(lex: &Lexicon, h: &Hit) -> Option<CueKind> {
    let term = lex.term(h);
    let pick = |ms: &[Meaning]| {
        let has = |m: Meaning| ms.contains(&m);
        if has(Meaning::SourceFirst) {
            Some(CueKind::SourceFirst)
        } else if has(Meaning::QuoteVerb) {
            Some(CueKind::QuoteOnly)
        } else if has(Meaning::SpeechVerb) {
            Some(CueKind::Speech)
        } else if has(Meaning::PositionVerb) {
            Some(CueKind::Position)
        } else {
            None
        }
    };
    pick(&term.meanings).or_else(|| pick(&term.part_meanings))
}

/// Is a verb-like cue used as a verb here? Many reporting verbs are also
/// nouns ("peace talks", "a post", "the state") and past participles are
/// also adjectives ("the proposed plan") or passives ("was rejected", whose
/// subject is not the holder). A base or -s form is a verb after a subject
/// (a name, a pronoun, a plural, a speaking body or a mention), an auxiliary
/// or an adverb; a past form is one unless a determiner or "be" precedes it.
pub fn verb_in_context(
    text: &str,
    sentence: &Range<usize>,
    h: &Hit,
    hits: &[Hit],
    lex: &Lexicon,
) -> bool {
    let verbish = lex.meanings_with_parts(h).any(|m| {
        matches!(
            m,
            Meaning::SpeechVerb | Meaning::PositionVerb | Meaning::QuoteVerb
        )
    });
    if !verbish {
        return true;
    }
    let term = &text[h.start..h.end];
    let first_raw = term.split_whitespace().next().unwrap_or("");
    let mut first = String::with_capacity(first_raw.len());
    first.extend(first_raw.chars().map(|c| match c {
        '’' => '\'',
        c => c.to_ascii_lowercase(),
    }));
    if first.ends_with("ing") || AUXILIARIES.contains(&first.as_str()) {
        return true;
    }
    // "Russia Effectively Blocks WhatsApp": a capitalised attitude verb
    // inside a title-case headline reports no position.
    let speech = lex.meanings_with_parts(h).any(|m| m == Meaning::SpeechVerb);
    if !speech && h.start > sentence.start && term.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let before = text[sentence.start..h.start].trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_start_matches(['“', '"', '(', '‘']);
    let prev_l = prev.to_lowercase();
    if DETERMINERS.contains(&prev_l.as_str()) {
        return false;
    }
    let past = first.ends_with("ed") || lex.irregular_past.contains(&first);
    if past {
        // "was rejected", "were discussed": the subject is what was rejected.
        return !matches!(
            prev_l.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        );
    }
    if prev.is_empty() {
        // Sentence-initial base form: a headline verb after a quotation mark
        // or dash, otherwise a noun ("Talks resumed").
        return false;
    }
    // A base form right after a plain comma opens a noun phrase ("…, hopes
    // for a breakthrough remain slim").
    if prev.ends_with([',', ';']) {
        return false;
    }
    // Hits are sorted by start: only the two before this one can end right here.
    let i = hits.partition_point(|m| m.start < h.start);
    let mention_before = hits[i.saturating_sub(2)..i].iter().any(|m| {
        m.end <= h.start
            && text[m.end..h.start].trim().is_empty()
            && lex.term(m).meanings.iter().any(|x| {
                matches!(
                    x,
                    Meaning::Party(_)
                        | Meaning::Actor(_)
                        | Meaning::Role(_)
                        | Meaning::GenericRole(_)
                        | Meaning::Source(_)
                        | Meaning::Media
                        | Meaning::Pronoun(_)
                )
            })
    });
    mention_before
        || SUBJECT_WORDS.contains(&prev_l.as_str())
        || AUXILIARIES.contains(&prev_l.as_str())
        || prev_l.ends_with("ly")
        // After a quotation ("…,” says Novak), not after a plain comma
        // ("…, hopes for a breakthrough remain slim").
        || prev.ends_with(['”', '"', '’', '—', '–'])
        || prev.ends_with(",”")
        || prev.chars().next().is_some_and(|c| c.is_uppercase())
        || (prev_l.ends_with('s') && !prev_l.ends_with("'s") && !prev_l.ends_with("ss"))
        || lex.words.bodies.contains(&prev_l)
}

/// Words after which a base form is a verb ("he says", "will say", "to say").
const SUBJECT_WORDS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "also",
    "still",
    "now",
    "then",
    "again",
    "not",
    "never",
    "often",
    "always",
    "just",
    "only",
    "even",
    "repeatedly",
    "and",
    "but",
    "or",
    "later",
    "earlier",
    "soon",
    "once",
    "first",
    "since",
];
const AUXILIARIES: &[&str] = &[
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "do",
    "does",
    "did",
    "to",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "been",
    "being",
    "be",
    "continues",
    "continue",
    "continued",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "didn't",
    "doesn't",
    "don't",
];
/// Words after which a verb form is a noun or an adjective ("the talks",
/// "a proposed deal", "for talks").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "any", "every", "each", "no", "such", "of", "for", "in", "on", "at", "with", "from", "about",
    "into", "during", "after", "before", "peace", "new", "first", "second", "third", "further",
    "direct", "recent", "latest", "previous", "next", "more", "fresh",
];

/// Every lexicon term in the document's paragraphs: the one scan of the
/// text that statements and stances share.
pub fn scan_document(doc: &Document, lex: &Lexicon) -> Vec<Hit> {
    let text = doc.text.as_str();
    let mut hits = Vec::new();
    for p in &doc.paragraphs {
        hits.extend(lex.scan(&text[p.clone()]).into_iter().map(|h| Hit {
            start: h.start + p.start,
            end: h.end + p.start,
            term: h.term,
        }));
    }
    hits
}

/// The hits inside `range` (hits are sorted by start).
pub fn hits_in<'h>(hits: &'h [Hit], range: &Range<usize>) -> &'h [Hit] {
    let lo = hits.partition_point(|h| h.start < range.start);
    let hi = hits.partition_point(|h| h.start < range.end);
    let mut hi = hi;
    while hi > lo && hits[hi - 1].end > range.end {
        hi -= 1;
    }
    &hits[lo..hi.max(lo)]
}

/// Find every statement in a document.
pub fn extract(doc: &Document, lex: &Lexicon) -> Vec<Statement> {
    extract_with_hits(doc, lex, &scan_document(doc, lex))
}

/// Find every statement, given the document's lexicon hits.
pub fn extract_with_hits(doc: &Document, lex: &Lexicon, hits: &[Hit]) -> Vec<Statement> {
    let text = doc.text.as_str();
    let mut quotes = find_quotes(text, &doc.paragraphs);
    dash_quotes(text, &doc.paragraphs, hits, lex, &mut quotes);
    let sentences = split_sentences(text, &doc.paragraphs, &quotes, hits, lex);
    let mut ctx = Context::default();
    let mut out = Vec::new();
    for (n, sentence) in sentences.iter().enumerate() {
        let lo = hits.partition_point(|h| h.start < sentence.start);
        let hi = hits.partition_point(|h| h.start < sentence.end);
        let shits = &hits[lo..hi];
        let qlo = quotes.partition_point(|q| q.open < sentence.start);
        let qhi = quotes.partition_point(|q| q.open < sentence.end);
        let squotes = &quotes[qlo..qhi];
        sentence_statements(
            doc, lex, sentence, n, shits, &quotes, squotes, &mut ctx, &mut out,
        );
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.index = i;
    }
    out
}

/// Real sentences carry a handful of speech and attitude cues; each cue's
/// subject and content search looks at the rest of its sentence, so a hostile
/// "sentence" of thousands of cues would cost time quadratic (or worse) in its
/// length. Past this many cues a sentence is read for its first ones only,
/// which keeps every sentence's cost linear in its length.
pub const MAX_CUES_PER_SENTENCE: usize = 48;

#[allow(clippy::too_many_arguments)]
fn sentence_statements(
    doc: &Document,
    lex: &Lexicon,
    sentence: &Range<usize>,
    n: usize,
    hits: &[Hit],
    all_quotes: &[Quote],
    quotes: &[Quote],
    ctx: &mut Context,
    out: &mut Vec<Statement>,
) {
    let text = doc.text.as_str();
    let cues: Vec<Cue> = hits
        .iter()
        .filter(|h| !in_quote(all_quotes, h.start))
        // "Trump's reported proposal": after a possessive a verb form is an adjective.
        .filter(|h| {
            let before = text[sentence.start..h.start].trim_end();
            !(before.ends_with("'s") || before.ends_with("’s"))
        })
        .filter(|h| verb_in_context(text, sentence, h, hits, lex))
        .filter_map(|h| {
            cue_kind(lex, h).map(|kind| Cue {
                start: h.start,
                end: h.end,
                kind,
                attitude: lex
                    .meanings_with_parts(h)
                    .any(|m| matches!(m, Meaning::Attitude(_))),
            })
        })
        .take(MAX_CUES_PER_SENTENCE)
        .collect();
    let has_noun = hits
        .iter()
        .any(|h| lex.meanings_with_parts(h).any(|m| m == Meaning::SpeechNoun));
    let wanted = !(cues.is_empty() && quotes.is_empty()) || has_noun;
    let mentions = mentions_in(text, sentence, hits, all_quotes, lex, ctx, wanted);
    if !wanted {
        remember_subject(&mentions, ctx);
        return;
    }
    // Each cue's subject: (speaker, party, personal?) or None.
    let mut subjects: Vec<Option<(String, usize, bool)>> = Vec::with_capacity(cues.len());
    let mut media_cue = vec![false; cues.len()];
    for (ci, cue) in cues.iter().enumerate() {
        // A participle ("…, calling him", "telling reporters") shares the clause's subject.
        if cue.kind == CueKind::QuoteOnly && text[cue.start..cue.end].ends_with("ing") {
            subjects.push(None);
            continue;
        }
        // "a brief session that suggested": the subject is a thing, not a speaker.
        let word_before = text[sentence.start..cue.start]
            .split_whitespace()
            .last()
            .unwrap_or("");
        if matches!(word_before, "that" | "which") {
            subjects.push(None);
            continue;
        }
        // "…, and added that", "… but said": a coordinated verb shares the
        // previous verb's subject, whatever names stand between them.
        if ci > 0
            && coordinated(text, cues[ci - 1].end, cue.start)
            && let Some(shared) = subjects.iter().rev().find_map(|s| s.clone())
        {
            subjects.push(Some(shared));
            continue;
        }
        let region_start = region_start(text, sentence, quotes, &cues, ci);
        let subject = find_subject(text, cue, region_start, sentence, &mentions, quotes, lex)
            .filter(|m| cue.kind != CueKind::QuoteOnly || m.is_personal());
        let resolved = match &subject {
            Some(m) if m.who == Who::Media => {
                media_cue[ci] = true;
                None
            }
            // "Trump slammed Zelensky after he rejected …": a pronoun takes the
            // nearest person before it in its own sentence first.
            Some(m) if matches!(m.who, Who::Pronoun(Pronoun::He | Pronoun::She)) => mentions
                .iter()
                .rev()
                .filter(|p| p.end <= m.start && p.start >= sentence.start)
                .find_map(|p| match &p.who {
                    Who::Person(n, party, g) if matches!(m.who, Who::Pronoun(pr) if pr == *g) => {
                        Some((n.clone(), *party, true))
                    }
                    _ => None,
                })
                .or_else(|| resolve(&m.who, lex, ctx)),
            Some(m) => resolve(&m.who, lex, ctx),
            None => None,
        };
        // "…, and added that": a coordinated cue shares the previous subject.
        let resolved = resolved.or_else(|| {
            if ci > 0 && coordinated(text, cues[ci - 1].end, cue.start) {
                subjects.iter().rev().find_map(|s| s.clone())
            } else {
                None
            }
        });
        subjects.push(resolved);
    }
    let mut cue_used = vec![false; cues.len()];
    let mut sentence_speaker: Option<(String, usize)> = None;

    // 1. Quotations.
    let mut prev_kind = None;
    for (qi, q) in quotes.iter().enumerate() {
        let mut kind = quote_kind(text, sentence, q);
        // "“First,” he said, “security guarantees.”": the second half of an
        // interrupted direct quotation is direct too.
        if prev_kind == Some(Kind::Direct) && text[..q.open].trim_end().ends_with(',') {
            kind = Kind::Direct;
        }
        prev_kind = Some(kind);
        // Cues between the previous quote and the next one; prefer the one after
        // this quote for direct quotes ("…,” he said), else the nearest before.
        let prev_close = if qi > 0 {
            quotes[qi - 1].close
        } else {
            sentence.start
        };
        let next_open = quotes.get(qi + 1).map_or(sentence.end, |x| x.open);
        let after = cues.iter().enumerate().position(|(ci, c)| {
            c.start >= q.close && c.start < next_open && subjects[ci].is_some()
        });
        let before = cues
            .iter()
            .rposition(|c| c.end <= q.open && c.start >= prev_close);
        let before_any = cues.iter().rposition(|c| c.end <= q.open);
        let chosen = match kind {
            Kind::Direct => after.or(before).or(before_any),
            _ => before.or(before_any).or(after),
        };
        let mut who = chosen.and_then(|ci| {
            let s = subjects[ci].clone();
            if s.is_some() {
                cue_used[ci] = true;
            }
            s.or_else(|| {
                // "…, calling him “illegitimate”": a participle takes the sentence's subject.
                let Some(prior) = (0..ci).rev().find(|&j| subjects[j].is_some()) else {
                    // "Putin struck a measured tone, warning that …": with no
                    // cue before it, the main clause's subject.
                    return participle_subject(text, sentence, &cues[ci], &mentions, lex, ctx);
                };
                // "acknowledged the challenges, telling …" is one attribution;
                // "said he would brief allies …, saying “…”" is two statements.
                let between = text[cues[prior].end..cues[ci].start]
                    .split_whitespace()
                    .count();
                if cues[ci].kind == CueKind::QuoteOnly
                    && !has_that_clause(text, &cues[prior], sentence)
                    && between <= 4
                {
                    cue_used[prior] = true;
                }
                cue_used[ci] = true;
                subjects[prior].clone()
            })
        });
        let mut cue_text = chosen.map(|ci| text[cues[ci].start..cues[ci].end].to_string());
        let mut inherited_date = None;
        // No speaker (or only the outlet) but "citing X" / "according to X" in the sentence: X speaks.
        if who.is_none()
            && chosen.is_some()
            && let Some(cj) = cues
                .iter()
                .position(|c| c.kind == CueKind::SourceFirst)
                .filter(|&cj| subjects[cj].is_some())
        {
            who = subjects[cj].clone();
            cue_used[cj] = true;
            cue_text = Some(text[cues[cj].start..cues[cj].end].to_string());
        }
        // An unattributed quotation right after another one continues it.
        if who.is_none()
            && chosen.is_none()
            && kind == Kind::Direct
            && let Some((sp, party, at, date)) = &ctx.last_quote
            && n <= at + 2
        {
            who = Some((sp.clone(), *party, true));
            cue_text = Some(String::new());
            inherited_date = *date;
        }
        let Some((speaker, party, _)) = who else {
            continue; // scare quotes, or no speaker we can name
        };
        let said_on = inherited_date.or_else(|| {
            said_on(
                text,
                sentence,
                chosen.map(|c| &cues[c]),
                quotes,
                doc.published,
            )
        });
        if personal_speaker(&speaker) {
            ctx.last_quote = Some((speaker.clone(), party, n, said_on));
        }
        if sentence_speaker.is_none() && !speaker.is_empty() {
            sentence_speaker = Some((speaker.clone(), party));
        }
        out.push(Statement {
            index: 0,
            kind,
            speaker,
            party,
            cue: cue_text.unwrap_or_default(),
            cue_span: chosen.map(|c| cues[c].start..cues[c].end),
            span: q.start..q.end,
            sentence: sentence.clone(),
            said_on,
        });
    }

    // 2. Reported speech and positions without quotation marks.
    let mut content_until = 0usize; // cues inside an earlier statement's content are part of it
    for (ci, cue) in cues.iter().enumerate() {
        // Participles ("saying", "calling") only attribute quotations; a finite
        // "described the talks as constructive" is a statement of its own.
        let participle =
            cue.kind == CueKind::QuoteOnly && text[cue.start..cue.end].ends_with("ing");
        if cue_used[ci] || participle || media_cue[ci] {
            continue;
        }
        let Some((speaker, party, personal)) = subjects[ci].clone() else {
            continue;
        };
        // "Moscow has not yet announced …": a negated speech verb reports no
        // statement; a negated attitude is a position ("Putin did not support
        // the proposal"), read with its negation.
        let words_before: Vec<&str> = text[sentence.start..cue.start]
            .split_whitespace()
            .rev()
            .take(3)
            .collect();
        if cue.kind != CueKind::Position
            && !cue.attitude
            && words_before.iter().any(|w| {
                matches!(
                    *w,
                    "not" | "never" | "yet" | "hasn't" | "haven't" | "didn't"
                )
            })
        {
            continue;
        }
        // "The US and Russia also agreed to …, Witkoff said.": a cue inside the
        // words a later trailing attribution reports is part of that statement.
        // A medium's "…, Reuters reported." deletes no one's statement.
        let inside_trailing = cues[ci + 1..].iter().enumerate().any(|(k, c)| {
            c.kind == CueKind::Speech
                && !media_cue[ci + 1 + k]
                && text[c.end..sentence.end].split_whitespace().count() <= 4
                && text[cue.end..c.start].contains(", ")
        });
        if inside_trailing {
            continue;
        }
        let coordinated_cue = ci > 0 && coordinated(text, cues[ci - 1].end, cue.start);
        if cue.start < content_until && !own_named_subject(text, cue, &mentions) && !coordinated_cue
        {
            continue;
        }
        // A cue inside a quotation-attributing clause is not a second statement.
        if quotes.iter().any(|q| {
            q.open >= cue.end
                && cues[ci + 1..].iter().all(|c| c.start > q.open)
                && cue_used.iter().any(|&u| u)
        }) {
            continue;
        }
        let Some(span) = content_span(text, sentence, cue, &cues[ci + 1..], &mentions, lex) else {
            continue;
        };
        if span.end <= span.start {
            continue;
        }
        content_until = span.end;
        // Trim the previous statement's content where this one's subject starts.
        if let Some(prev) = out.last_mut()
            && prev.sentence == *sentence
            && matches!(prev.kind, Kind::Indirect | Kind::Reported)
            && prev.span.end > cue.start
        {
            let cut = subject_start(cue, &mentions).unwrap_or(cue.start);
            let new_end = trim_tail(text, prev.span.start, cut);
            if new_end > prev.span.start {
                prev.span.end = new_end;
            }
        }
        let kind = if personal {
            Kind::Indirect
        } else {
            Kind::Reported
        };
        if personal && personal_speaker(&speaker) {
            ctx.last_quote = Some((speaker.clone(), party, n, None));
        }
        if sentence_speaker.is_none() && !speaker.is_empty() {
            sentence_speaker = Some((speaker.clone(), party));
        }
        let said = said_on(text, sentence, Some(cue), quotes, doc.published);
        // "Russia and Ukraine agreed to …": each side of a joint subject holds the position.
        if kind == Kind::Reported
            && let Some(other) = joint_party(text, cue, &mentions, party)
        {
            out.push(Statement {
                index: 0,
                kind,
                speaker: String::new(),
                party: other,
                cue: text[cue.start..cue.end].to_string(),
                cue_span: Some(cue.start..cue.end),
                span: span.clone(),
                sentence: sentence.clone(),
                said_on: said,
            });
        }
        out.push(Statement {
            index: 0,
            kind,
            speaker,
            party,
            cue: text[cue.start..cue.end].to_string(),
            cue_span: Some(cue.start..cue.end),
            span,
            sentence: sentence.clone(),
            said_on: said,
        });
    }
    possessive_statements(
        doc, lex, sentence, hits, all_quotes, &mentions, &cues, ctx, out,
    );
    remember_subject(&mentions, ctx);
    for m in &mentions {
        if let Who::Source(i) = m.who {
            ctx.group = Some((lex.sources[i].speaker.clone(), lex.sources[i].party));
        } else if let Who::Party(i) = m.who {
            ctx.group = Some((String::new(), i));
        }
    }
    if let Some((sp, p)) = sentence_speaker
        && ctx.subjects.last().is_none_or(|s| s.0 != sp)
    {
        ctx.subjects.push((sp, p, Pronoun::He));
    }
}

/// A named speaker a later unattributed quotation may continue (not "he").
fn personal_speaker(speaker: &str) -> bool {
    !speaker.is_empty() && !matches!(speaker, "he" | "she" | "they")
}

/// The subject of a participle that follows a main clause after a comma
/// ("Putin struck a measured tone, warning that …"): the first person or
/// side named in the sentence before it, outside quotations.
fn participle_subject(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    mentions: &[Mention],
    lex: &Lexicon,
    ctx: &Context,
) -> Option<(String, usize, bool)> {
    if !text[sentence.start..cue.start].trim_end().ends_with(',') {
        return None;
    }
    mentions
        .iter()
        .filter(|m| m.end <= cue.start && !matches!(m.who, Who::Media | Who::Role(_)))
        .find(|m| !text[m.end..].starts_with("'s") && !text[m.end..].starts_with("’s"))
        .and_then(|m| resolve(&m.who, lex, ctx))
}

/// "Putin's demand that Ukraine surrender …", "Zelensky's proposal for a
/// ceasefire": a speech noun owned by a person or side reports their position.
#[allow(clippy::too_many_arguments)]
fn possessive_statements(
    doc: &Document,
    lex: &Lexicon,
    sentence: &Range<usize>,
    hits: &[Hit],
    all_quotes: &[Quote],
    mentions: &[Mention],
    cues: &[Cue],
    ctx: &Context,
    out: &mut Vec<Statement>,
) {
    let text = doc.text.as_str();
    for h in hits {
        if in_quote(all_quotes, h.start)
            || !lex.meanings_with_parts(h).any(|m| m == Meaning::SpeechNoun)
        {
            continue;
        }
        // The owner: a mention followed by 's, at most one word before the noun.
        let Some(owner) = mentions.iter().rev().find(|m| {
            m.end < h.start && {
                let between = &text[m.end..h.start];
                (between.starts_with("'s ") || between.starts_with("’s "))
                    && between.split_whitespace().count() <= 2
            }
        }) else {
            continue;
        };
        let Some((speaker, party, personal)) = resolve(&owner.who, lex, ctx) else {
            continue;
        };
        // Only when a clause follows: "demand that", "proposal for", "call to".
        // Only when a clause follows: "demand that", "proposal for", "call to"
        // (the connector may be part of the term, as in "proposal for").
        let connectors = ["that", "for", "to", "on"];
        let term_ends_with_connector = text[h.start..h.end]
            .rsplit(' ')
            .next()
            .is_some_and(|w| connectors.contains(&w));
        let rest = &text[h.end..sentence.end];
        let next = rest.split_whitespace().next().unwrap_or("");
        let connector_end = if term_ends_with_connector {
            h.end
        } else if connectors.contains(&next) {
            h.end + rest.find(next).unwrap_or(0) + next.len()
        } else {
            continue;
        };
        let cue = Cue {
            start: h.start,
            end: connector_end,
            kind: CueKind::Position,
            attitude: true,
        };
        let later: Vec<Cue> = cues.iter().filter(|c| c.start > h.end).copied().collect();
        let Some(span) = content_span(text, sentence, &cue, &later, mentions, lex) else {
            continue;
        };
        if out
            .iter()
            .any(|s| s.sentence == *sentence && s.span == span)
        {
            continue;
        }
        out.push(Statement {
            index: 0,
            kind: if personal {
                Kind::Indirect
            } else {
                Kind::Reported
            },
            speaker,
            party,
            cue: text[h.start..h.end].to_string(),
            cue_span: Some(h.start..h.end),
            span,
            sentence: sentence.clone(),
            said_on: said_on(text, sentence, Some(&cue), &[], doc.published),
        });
    }
}

/// The other side in a joint subject "Russia and Ukraine <cue>", if any.
fn joint_party(text: &str, cue: &Cue, mentions: &[Mention], party: usize) -> Option<usize> {
    let subj = mentions
        .iter()
        .rev()
        .find(|m| m.end <= cue.start && matches!(m.who, Who::Party(p) if p == party))?;
    if !text[subj.end..cue.start].trim().is_empty() {
        return None;
    }
    let before = text[..subj.start].trim_end().strip_suffix(" and")?;
    mentions.iter().rev().find_map(|m| match m.who {
        Who::Party(p) if p != party && m.end == before.len() => Some(p),
        _ => None,
    })
}

/// Remember the sentence's first person as the antecedent for "he"/"she".
fn remember_subject(mentions: &[Mention], ctx: &mut Context) {
    if let Some(Who::Person(n, p, g)) = mentions
        .iter()
        .map(|m| &m.who)
        .find(|w| matches!(w, Who::Person(..)))
    {
        ctx.subjects.push((n.clone(), *p, *g));
        if ctx.subjects.len() > 8 {
            ctx.subjects.remove(0);
        }
    }
}

/// Where the subject of cue `ci` may start: after the previous quotation or cue.
fn text_ends_with_comma(s: &str) -> bool {
    s.trim_end().ends_with(',')
}

fn region_start(
    text: &str,
    sentence: &Range<usize>,
    quotes: &[Quote],
    cues: &[Cue],
    ci: usize,
) -> usize {
    let cue = cues[ci];
    let q = quotes
        .iter()
        .filter(|q| q.close <= cue.start)
        .map(|q| q.close)
        .max()
        .unwrap_or(sentence.start);
    // A participle in an aside ("Zelensky, speaking in Kyiv, said") does
    // not close the subject's region.
    let aside = |c: &Cue| {
        text_ends_with_comma(&text[sentence.start..c.start])
            && text[c.start..c.end].ends_with("ing")
            && c.kind == CueKind::QuoteOnly
    };
    let c = cues[..ci]
        .iter()
        .rev()
        .find(|c| !aside(c))
        .map_or(sentence.start, |c| c.end);
    q.max(c).max(sentence.start)
}

/// The speaker mention for a cue: the nearest personal mention before it in
/// its region (people before sides), else one right after it ("said Harry
/// Nedelcu"), else for "according to" the mention after it.
fn find_subject<'m>(
    text: &str,
    cue: &Cue,
    region_start: usize,
    sentence: &Range<usize>,
    mentions: &'m [Mention],
    quotes: &[Quote],
    lex: &Lexicon,
) -> Option<&'m Mention> {
    let after = |words: usize| {
        let limit = word_offset(text, cue.end, words).min(sentence.end);
        mentions.iter().find(|m| {
            m.start >= cue.end
                && m.start <= limit
                && !quotes.iter().any(|q| q.open >= cue.end && q.open < m.start)
        })
    };
    if cue.kind == CueKind::SourceFirst {
        return after(6);
    }
    // "…,” said Harry Nedelcu": inverted only right after a quotation or comma.
    let before_cue = text[region_start.min(cue.start)..cue.start].trim_end();
    let inverted =
        before_cue.is_empty() || before_cue.ends_with([',', '”', '"', '’', '-', '–', '—']);
    // A possessive ("Trump's re-election signaled") is not the subject, nor is
    // a name inside a relative clause ("Oleg Petrov, who met Witkoff, said").
    let before: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.start >= region_start && m.end <= cue.start)
        .filter(|m| !text[m.end..].starts_with("'s") && !text[m.end..].starts_with("’s"))
        .filter(|m| !in_relative_clause(text, m, cue, sentence.start))
        .filter(|m| !after_subordinator(text, m, cue, lex))
        .collect();
    before
        .iter()
        .rev()
        .find(|m| m.is_personal() || m.who == Who::Media)
        .or_else(|| before.iter().rev().find(|m| matches!(m.who, Who::Party(_))))
        .copied()
        .or_else(|| {
            if inverted {
                // "…,” said Ukrainian defense minister Rustem Umerov": a title
                // may stand between the verb and the name.
                after(6).filter(|m| m.is_personal() || m.who == Who::Media)
            } else {
                None
            }
        })
}

/// Is the mention inside ", who …," / ", which …," between a subject and its verb?
fn in_relative_clause(text: &str, m: &Mention, cue: &Cue, sentence_start: usize) -> bool {
    let before = &text[sentence_start..m.start];
    let Some(comma) = before.rfind(", ") else {
        return false;
    };
    let lead = before[comma + 2..].split_whitespace().next().unwrap_or("");
    // "Oleg Petrov, who met Witkoff, said", and a participial aside:
    // "Zelensky, speaking outside the White House, said".
    let aside = matches!(lead, "who" | "which" | "whom" | "whose")
        || (lead.len() > 5 && lead.ends_with("ing") && lead.chars().all(|c| c.is_lowercase()));
    aside && text[m.end..cue.start].contains(',')
}

/// "… if Trump had been in the White House and stressed …": a name right
/// after a subordinator is that clause's subject, not the speaker's, unless
/// the cue follows it directly ("if Trump says").
fn after_subordinator(text: &str, m: &Mention, cue: &Cue, lex: &Lexicon) -> bool {
    let word = text[..m.start].split_whitespace().last().unwrap_or("");
    let sub = lex
        .words
        .subordinators
        .iter()
        .any(|s| s.eq_ignore_ascii_case(word))
        || matches!(word, "unless" | "whether");
    sub && text[m.end..cue.start].split_whitespace().count() > 2
}

/// Byte offset `n` words after `from`.
fn word_offset(text: &str, from: usize, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text[from..].char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count >= n {
                    return from + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

fn coordinated(text: &str, prev_end: usize, start: usize) -> bool {
    let between = text[prev_end..start].trim_end();
    between.ends_with(" and")
        || between.ends_with(" and also")
        || between.ends_with(" but")
        || between.ends_with(" but also")
}

fn has_that_clause(text: &str, cue: &Cue, sentence: &Range<usize>) -> bool {
    let end = word_offset(text, cue.end, 4).min(sentence.end);
    text[cue.end..end]
        .split_whitespace()
        .any(|w| w.trim_matches(',') == "that")
}

/// A cue with a subject of its own starts a new statement even inside an
/// earlier one's words: a named person right before it, or a side that opens
/// a new clause ("…, Kyiv wants"), but not "if Ukraine refuses".
fn own_named_subject(text: &str, cue: &Cue, mentions: &[Mention]) -> bool {
    mentions.iter().any(|m| {
        let close = m.end <= cue.start && text[m.end..cue.start].split_whitespace().count() <= 3;
        let before = text[..m.start].trim_end();
        let opens_clause =
            before.ends_with([',', ';']) || before.ends_with(" but") || before.ends_with(" while");
        close
            && match m.who {
                Who::Person(..) => true,
                Who::Party(_) => opens_clause,
                _ => false,
            }
    })
}

fn subject_start(cue: &Cue, mentions: &[Mention]) -> Option<usize> {
    mentions
        .iter()
        .rev()
        .find(|m| m.end <= cue.start && cue.start - m.end < 40)
        .map(|m| m.start)
}

/// Direct when a capitalised quotation opens the sentence or follows a comma
/// or colon; otherwise a fragment woven into the sentence.
fn quote_kind(text: &str, sentence: &Range<usize>, q: &Quote) -> Kind {
    let first = text[q.start..q.end].trim_start().chars().next();
    let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let before = text[sentence.start..q.open].trim_end();
    if capital && (before.is_empty() || before.ends_with([',', ':', '—'])) {
        Kind::Direct
    } else {
        Kind::Partial
    }
}

/// The words of a reported statement: after the cue (and "that"), or, when
/// the cue ends the sentence ("…, sources said."), the words before its subject.
fn content_span(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    later: &[Cue],
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<Range<usize>> {
    let mut start = cue.end;
    // Skip an audience ("told reporters", "told Axios") and anything up to "that".
    let window_end = word_offset(text, cue.end, 8).min(sentence.end);
    let window = &text[cue.end..window_end];
    if let Some(pos) = find_word(window, "that") {
        let between = &window[..pos];
        // "refuses to give up land that Russia …": "that" after an infinitive's
        // object starts a relative clause, not the content.
        let infinitive = between.trim_start().starts_with("to ");
        if !infinitive
            && (!between.contains(',')
                || between.trim_start().starts_with(',')
                || between.trim().is_empty())
        {
            start = cue.end + pos + 4;
        }
    } else {
        start = skip_audience(text, start, sentence.end, lex);
        // "said on Friday it was …", "said Tuesday Moscow …", "said in a
        // statement it would …": the content follows the time or venue phrase.
        start = skip_time_and_venue(text, start, sentence.end, lex);
    }
    let end = later
        .iter()
        .find(|c| {
            coordinated(text, cue.end, c.start)
                || (c.start > start && coordinated(text, start, c.start))
                // "…, calling Zelensky “illegitimate”" is the quotation's attribution.
                || (c.kind == CueKind::QuoteOnly && text[c.start..c.end].ends_with("ing"))
        })
        .map_or(sentence.end, |c| {
            text[..c.start]
                .trim_end()
                .strip_suffix("and")
                .map_or(c.start, |s| s.len())
        });
    // "While Russia and Ukraine agreed to a prisoner exchange, prospects …":
    // a statement in an opening subordinate clause ends with that clause.
    let opener = text[sentence.start..cue.start]
        .split_whitespace()
        .next()
        .unwrap_or("");
    let end = if lex.words.subordinators.contains(opener) {
        text[cue.end..end.max(cue.end)]
            .find(", ")
            .map_or(end, |i| cue.end + i)
    } else {
        end
    };
    let mut start = skip_ws_punct(text, start, end);
    let mut end = trim_tail(text, start, end);
    let first_word = text[start..end].split_whitespace().next().unwrap_or("");
    let short = text[start..end].split_whitespace().count() <= 4;
    let time_only = short && lex.words.time_words.contains(first_word);
    if end > start
        && !time_only
        && cue.kind != CueKind::Position
        && lex.words.prepositions.contains(first_word)
    {
        return None; // "hinted at this concern": no stated content
    }
    if end <= start || time_only {
        // "…, two of the sources said." — the content is before the subject.
        if cue.kind == CueKind::SourceFirst {
            return None;
        }
        let subj = subject_start(cue, mentions)?;
        let clause = text[sentence.start..subj]
            .rfind(", ")
            .map(|i| sentence.start + i)?;
        start = skip_dateline(text, sentence.start, clause);
        end = trim_tail(text, start, clause);
    }
    // "according to X, Y said": the content follows the source's comma.
    if cue.kind == CueKind::SourceFirst {
        let at_start = text[sentence.start..cue.start].trim().is_empty();
        if at_start {
            let comma = text[cue.end..sentence.end].find(", ")? + cue.end + 2;
            return Some(comma..trim_tail(text, comma, sentence.end));
        }
        return Some(sentence.start..trim_tail(text, sentence.start, cue.start));
    }
    (end > start).then_some(start..end)
}

/// "KYIV (Reuters) - …", "MOSCOW, Feb 3 (AP) — …": a dateline is not part
/// of what anyone said.
fn skip_dateline(text: &str, start: usize, end: usize) -> usize {
    let Some(m) = DATELINE.find(&text[start..end]) else {
        return start;
    };
    start + m.end()
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z .'-]{1,30}(?:,[^()\n]{1,20})?\s*(?:\([^()\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s+",
    )
    .unwrap()
});

fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(word) {
        let s = from + i;
        let e = s + word.len();
        let ok_before = s == 0 || !hay[..s].chars().last().unwrap().is_alphanumeric();
        let ok_after = e >= hay.len() || !hay[e..].chars().next().unwrap().is_alphanumeric();
        if ok_before && ok_after {
            return Some(s);
        }
        from = e;
    }
    None
}

fn skip_audience(text: &str, start: usize, end: usize, lex: &Lexicon) -> usize {
    let rest = &text[start..end];
    let trimmed = rest.trim_start();
    let lead = rest.len() - trimmed.len();
    // Audiences are short: look only at the next few words, and only for
    // a term starting right here.
    let mut cut = trimmed.len().min(48);
    while !trimmed.is_char_boundary(cut) {
        cut -= 1;
    }
    for h in lex.scan(&trimmed[..cut]).into_iter().take(1) {
        if h.start == 0 && lex.term(&h).meanings.contains(&Meaning::Audience) {
            return start + lead + h.end;
        }
    }
    start
}

/// Skip a time phrase ("on Friday", "late on Monday", "last week",
/// "Tuesday") and a venue phrase ("in a statement", "at a news conference",
/// "on Telegram") right after a speech verb, when a clause follows them.
fn skip_time_and_venue(text: &str, start: usize, end: usize, lex: &Lexicon) -> usize {
    let mut at = start;
    for _ in 0..3 {
        let next = skip_phrase(text, at, end, lex);
        if next == at {
            break;
        }
        at = next;
    }
    // Only when words follow that can start a clause (not "said on Friday.").
    let rest = text[at..end].trim_start_matches([' ', ',']);
    let first = rest.split_whitespace().next().unwrap_or("");
    if rest.split_whitespace().count() < 2 || lex.words.prepositions.contains(first) {
        return start;
    }
    at
}

/// One time or venue phrase at `at` (after spaces and a comma), or `at`.
fn skip_phrase(text: &str, at: usize, end: usize, lex: &Lexicon) -> usize {
    let is_time_word = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        lex.words.time_words.contains(w)
            || month_number(w).is_some()
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "week"
                    | "month"
                    | "year"
                    | "weekend"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "day"
                    | "the"
                    | "of"
                    | "last"
                    | "next"
                    | "earlier"
                    | "later"
                    | "recently"
                    | "previously"
                    | "again"
                    | "also"
            )
    };
    let mut i = at;
    let mut words = 0;
    let mut time_seen = false;
    let mut prev_month = false;
    let tokens = text[at..end].split_inclusive(' ');
    // Venue: preposition + up to four words ending in a venue noun.
    let lead: Vec<&str> = text[at..end].split_whitespace().take(6).collect();
    if let Some(first) = lead.first()
        && matches!(*first, "in" | "at" | "on" | "during" | "via" | "through")
        && let Some(k) = lead.iter().skip(1).position(|w| {
            lex.words
                .venues
                .contains(&w.trim_end_matches([',', '.', ':']).to_lowercase())
        })
    {
        let n = k + 2;
        let off = word_offset(text, at, n).min(end);
        let ends_sentence = text[at..off].trim_end().ends_with('.');
        if !ends_sentence {
            return off;
        }
    }
    for tok in tokens {
        let w = tok.trim();
        if w.is_empty() {
            i += tok.len();
            continue;
        }
        // A day number only after a month ("on March 3").
        let day_number = w.trim_end_matches(',').chars().all(|c| c.is_ascii_digit()) && prev_month;
        if !(is_time_word(w) || day_number) || w.ends_with('.') || words >= 5 {
            break;
        }
        prev_month = month_number(w.trim_end_matches(',')).is_some();
        // A bare preposition is only part of a time phrase before a time word.
        time_seen |= !matches!(
            w,
            "on" | "in" | "at" | "the" | "of" | "during" | "after" | "before"
        );
        i += tok.len();
        words += 1;
        if w.ends_with(',') {
            break;
        }
    }
    if time_seen { i.min(end) } else { at }
}

fn skip_ws_punct(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = text[i..].chars().next().unwrap();
        if !(c.is_whitespace() || c == ',' || c == ':' || c == '—') {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// End of `[start, end)` without trailing spaces, commas and final stops.
fn trim_tail(text: &str, start: usize, end: usize) -> usize {
    // An empty or inverted range ("Envoy insist said Ma Po") has no tail.
    if start >= end {
        return start;
    }
    let s = text[start..end].trim_end_matches(|c: char| {
        c.is_whitespace() || c == ',' || c == '.' || c == ';' || c == ':' || c == '—'
    });
    start + s.len()
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
        .unwrap()
});
static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([A-Z][a-z]{2,8})\.? (\d{1,2})(?-u:\b)").unwrap());
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(yesterday|last week|today|this week|last month)(?-u:\b)").unwrap()
});

/// When the statement was made: a date phrase near its cue resolved against
/// the publication date, else the publication date.
fn said_on(
    text: &str,
    sentence: &Range<usize>,
    cue: Option<&Cue>,
    quotes: &[Quote],
    published: Option<Date>,
) -> Option<Date> {
    let published = published?;
    let Some(cue) = cue else {
        return Some(published);
    };
    // The attribution clause: a few words either side of the cue, outside quotes.
    let before = &text[sentence.start..cue.start];
    let six_words = before
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(6)
        .map_or(0, |(i, _)| i);
    // "…on Nov. 5, sources said": a date before the comma belongs to the content.
    let comma = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '”' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let lo = sentence.start + six_words.max(comma);
    let mut hi = word_offset(text, cue.end, 7).min(sentence.end);
    if let Some(q) = quotes.iter().find(|q| q.open >= cue.end && q.open < hi) {
        hi = q.open;
    }
    let window = &text[lo..hi];
    resolve_date_phrase(window, published).or(Some(published))
}

/// Resolve "on Monday", "Feb. 17", "yesterday", "last week" against `published`.
pub fn resolve_date_phrase(window: &str, published: Date) -> Option<Date> {
    if let Some(c) = MONTH_DAY.captures(window)
        && let Some(m) = month_number(&c[1])
        && let Ok(day) = c[2].parse::<i8>()
        && let Ok(mut d) = Date::new(published.year(), m, day)
    {
        if d > published {
            d = Date::new(published.year() - 1, m, day).ok()?;
        }
        return Some(d);
    }
    if let Some(c) = WEEKDAY.captures(window) {
        let target = match &c[1] {
            "Monday" => Weekday::Monday,
            "Tuesday" => Weekday::Tuesday,
            "Wednesday" => Weekday::Wednesday,
            "Thursday" => Weekday::Thursday,
            "Friday" => Weekday::Friday,
            "Saturday" => Weekday::Saturday,
            _ => Weekday::Sunday,
        };
        let back = (published.weekday().to_monday_zero_offset() - target.to_monday_zero_offset())
            .rem_euclid(7);
        return published.checked_sub((back as i64).days()).ok();
    }
    if let Some(c) = RELATIVE.captures(window) {
        return match &c[1] {
            "yesterday" => published.checked_sub(1.day()).ok(),
            "last week" => {
                let monday = published
                    .checked_sub((published.weekday().to_monday_zero_offset() as i64).days())
                    .ok()?;
                monday.checked_sub(7.days()).ok()
            }
            "last month" => published.first_of_month().checked_sub(1.month()).ok(),
            _ => Some(published),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::{Boilerplate, from_text};

    fn doc(text: &str, date: &str) -> Document {
        from_text("t.txt", text, date, &Boilerplate::default_rules())
    }

    fn run(text: &str) -> Vec<(String, String, String, String)> {
        let lex = Lexicon::default_lexicon();
        let d = doc(text, "2026-02-18");
        extract(&d, &lex)
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

    fn q(text: &str) -> Vec<String> {
        let para = std::iter::once(0..text.len()).collect::<Vec<_>>();
        find_quotes(text, &para)
            .into_iter()
            .map(|q| text[q.start..q.end].to_string())
            .collect()
    }

    #[test]
    fn quote_marks_of_many_styles() {
        assert_eq!(
            q("He said “yes” and «да» and „ja“ and \"si\"."),
            vec!["yes", "да", "ja", "si"]
        );
        assert_eq!(
            q("Russia’s view, don't and the '90s: ‘fine’ it is."),
            vec!["fine"]
        );
        assert_eq!(
            q("“He told me ‘never’ twice,” she said."),
            vec!["He told me ‘never’ twice,"]
        );
    }

    #[test]
    fn multi_paragraph_quotation_is_one() {
        let text = "“First part of it.\n\n“Second part,” he said.";
        let paras = vec![
            0..text.find('\n').unwrap(),
            text.rfind('“').unwrap()..text.len(),
        ];
        let qs = find_quotes(text, &paras);
        assert_eq!(qs.len(), 1);
        assert!(text[qs[0].start..qs[0].end].ends_with("Second part,"));
    }

    #[test]
    fn interrupted_quotation_gives_two_statements_by_one_speaker() {
        let got = run("“First,” Mr. Zelensky said, “security guarantees.”");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter()
                .all(|g| g.2 == "Volodymyr Zelensky" && g.0 == "direct"),
            "{got:?}"
        );
    }

    #[test]
    fn partial_quotes_take_the_speaker_of_the_participle() {
        let got = run(
            "He has also indicated that he wants a change of government in Kyiv, calling Zelensky “illegitimate” and a “neo-Nazi.”",
        );
        // No antecedent for "He" here: only check the kinds.
        let kinds: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(
            kinds.iter().filter(|k| **k == "partial").count() <= 2,
            "{got:?}"
        );
        let got = run(
            "President Vladimir Putin spoke. He has also indicated that he wants a change of government in Kyiv, calling Zelensky “illegitimate” and a “neo-Nazi.”",
        );
        let partials: Vec<_> = got.iter().filter(|g| g.0 == "partial").collect();
        assert_eq!(partials.len(), 2, "{got:?}");
        assert!(
            partials
                .iter()
                .all(|g| g.2 == "Vladimir Putin" && g.3 == "russia")
        );
        assert_eq!(partials[1].1, "neo-Nazi.");
        assert!(
            got.iter()
                .any(|g| g.0 == "indirect" && g.1.starts_with("he wants a change")),
            "{got:?}"
        );
    }

    #[test]
    fn speaker_after_the_quotation_and_inverted() {
        let got = run(
            "“The sequencing matters a lot,” said Harry Nedelcu, a senior director at Rasmussen Global.\n\n“This risks a trap,” Mr. Nedelcu said.",
        );
        assert_eq!(got[0].2, "Harry Nedelcu");
        assert_eq!(got[0].3, "other");
        assert_eq!(
            got[1].2, "Harry Nedelcu",
            "surname resolves to the full name: {got:?}"
        );
    }

    #[test]
    fn pronoun_resolves_to_previous_subject() {
        let got = run(
            "Ukraine’s National Security and Defense Council Secretary Rustem Umerov stressed the need for unity.\n\n“It’s important to maintain a common vision,” he wrote on Telegram.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0],
            (
                "indirect".into(),
                "the need for unity".into(),
                "Rustem Umerov".into(),
                "ukraine".into()
            )
        );
        assert_eq!(got[1].2, "Rustem Umerov");
        assert_eq!(got[1].0, "direct");
    }

    #[test]
    fn reported_positions_of_sides() {
        let got = run(
            "However, there are differences with the US over security guarantees, while Washington offers 15 years, Kyiv wants an American commitment lasting 30-50 years.",
        );
        assert!(
            got.contains(&(
                "reported".into(),
                "15 years".into(),
                "".into(),
                "united_states".into()
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "reported".into(),
                "an American commitment lasting 30-50 years".into(),
                "".into(),
                "ukraine".into()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn trailing_attribution_and_according_to() {
        let got = run(
            "The two sides met in Geneva while the conference was still ongoing, two sources said.",
        );
        assert_eq!(
            got[0].1,
            "The two sides met in Geneva while the conference was still ongoing"
        );
        assert_eq!(got[0].2, "unnamed sources");
        let got = run("According to Bloomberg, the next phase will hinge on readiness.");
        assert!(got.is_empty(), "media are not speakers: {got:?}");
    }

    #[test]
    fn roles_bind_to_the_person_introduced_and_relative_clauses_are_skipped() {
        let got = run(
            "Kremlin envoy Oleg Petrov, who met Witkoff, said talks would resume.\n\nThe envoy was upbeat. “We are close,” the Kremlin envoy said.",
        );
        assert_eq!(got[0].2, "Oleg Petrov", "{got:?}");
        assert_eq!(
            got[0].3, "russia",
            "an unknown person takes the role's side"
        );
        assert_eq!(
            got[1].2, "Oleg Petrov",
            "the role later stands for him: {got:?}"
        );
        let got = run(
            "Vladimir Medinsky, a Kremlin aide who led the team, also acknowledged the challenges, telling Russian media that the talks “were tough but businesslike.”",
        );
        assert!(got.iter().all(|g| g.2 == "Vladimir Medinsky"), "{got:?}");
    }

    #[test]
    fn british_single_quotes_and_possessives_inside() {
        let got = run("‘Zelensky’s plan is dead,’ Peskov said. He added: ‘We want the Donbas.’");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, "Zelensky’s plan is dead,");
        assert!(got.iter().all(|g| g.2 == "Dmitry Peskov"), "{got:?}");
    }

    #[test]
    fn a_role_named_with_its_side_is_the_same_role_without_it() {
        let got = run(
            "Russia’s lead negotiator, Vladimir Medinsky, arrived on Tuesday. The talks “were tough but businesslike,” the lead negotiator told Russian media.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "Vladimir Medinsky");
    }

    #[test]
    fn bare_role_nouns_and_possessive_roles() {
        let got = run(
            "US special envoy Steve Witkoff met Umerov on Friday. Delegations held wide-ranging discussions, the envoy said.\n\nTalks continue on Saturday, Zelenskiy's aide said.",
        );
        assert_eq!(got[0].2, "Steve Witkoff", "{got:?}");
        assert_eq!(
            (got[1].2.as_str(), got[1].3.as_str()),
            ("Volodymyr Zelensky's aide", "ukraine"),
            "{got:?}"
        );
    }

    #[test]
    fn scare_quotes_are_not_statements() {
        let got = run(
            "Russia Effectively Blocks WhatsApp: A Shift Toward a “National Messenger” in the country.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn unattributed_quote_continues_previous_speaker() {
        let got = run(
            "“They’re big talks,” Trump told reporters on board Air Force One Monday. “Ukraine better come to the table, fast.”",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].2, "Donald Trump");
    }

    #[test]
    fn dates_resolve_against_publication() {
        let p: Date = "2026-02-18".parse().unwrap(); // a Wednesday
        assert_eq!(
            resolve_date_phrase("said on Monday", p),
            Some("2026-02-16".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("said Monday night", p),
            Some("2026-02-16".parse().unwrap())
        );
        assert_eq!(resolve_date_phrase("on Wednesday", p), Some(p));
        assert_eq!(
            resolve_date_phrase("said on Feb. 17", p),
            Some("2026-02-17".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("said yesterday", p),
            Some("2026-02-17".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("last week", p),
            Some("2026-02-09".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("said on Dec. 30", p),
            Some("2025-12-30".parse().unwrap())
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let lex = Lexicon::default_lexicon();
        let text = "Mr. Zelensky met U.S. envoys on Feb. 17. They talked.";
        let s = split_sentences(text, std::slice::from_ref(&(0..text.len())), &[], &[], &lex);
        assert_eq!(
            s.len(),
            2,
            "{:?}",
            s.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>()
        );
    }

    #[test]
    fn long_titles_and_name_particles_keep_the_whole_name() {
        let r = run(
            "Belgian Prime Minister Bart De Wever welcomed the outcome. \
                     \u{201c}This was risky,\u{201d} De Wever told reporters. \
                     Commission President Ursula von der Leyen said the deal was good.",
        );
        let speakers: Vec<&str> = r.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(
            speakers,
            ["Bart De Wever", "Bart De Wever", "Ursula von der Leyen"]
        );
        assert_eq!(r[1].3, "europe", "the later short mention keeps the side");
    }

    #[test]
    fn a_negated_attitude_is_a_position_a_negated_speech_verb_is_not() {
        let r = run(
            "Putin did not support the ceasefire proposal. Moscow has not yet announced its delegation.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2, "Vladimir Putin");
    }

    #[test]
    fn a_participial_aside_does_not_take_the_subject() {
        let r = run(
            "Zelensky, speaking outside the White House, said he had received \u{201c}important signals\u{201d}.",
        );
        assert_eq!(r[0].2, "Volodymyr Zelensky", "{r:?}");
    }
}
