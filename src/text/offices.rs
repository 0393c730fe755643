//! Offices people hold (`[text] office_nouns`: "president", "minister"):
//! a person the article introduces with one ("Prime Minister Jean Novak",
//! "Jean Novak, the French foreign minister,") is who "the prime minister"
//! or "the minister" means later in the same article.
//!
//! In: a sentence's mentions; out: entries in the document's [`Introduced`]
//! memory, and the holder of an office phrase as written.

use super::mentions::{Introduced, Mention, Who};
use crate::lexicon::{Lexicon, Pronoun};
use std::ops::Range;

/// A person who holds an office: name, side, pronoun.
pub(super) type Holder = (String, usize, Pronoun);

/// Remember the offices the sentence's people are introduced with.
pub(super) fn note_offices(
    text: &str,
    sentence: &Range<usize>,
    mentions: &[Mention],
    lex: &Lexicon,
    known: &mut Introduced,
) {
    for m in mentions {
        let Who::Person(name, party, pronoun) = &m.who else {
            continue;
        };
        let titles = [
            title_before(text, sentence.start, m, lex),
            apposition_after(text, m.end, sentence.end, lex),
        ];
        for title in titles.into_iter().flatten() {
            // "Prime Minister" is "prime minister" and "minister". The first
            // person introduced with an office keeps it: a later "the
            // minister said" is the article's protagonist more often than
            // the counterpart named beside them ("Lavrov said at a press
            // conference with Belarusian Foreign Minister Maxim Ryzhenkov.
            // …, the minister said").
            for k in 0..title.len() {
                known
                    .offices
                    .entry(title[k..].join(" "))
                    .or_insert_with(|| (name.clone(), *party, *pronoun));
            }
        }
    }
}

fn is_office(w: &str, lex: &Lexicon) -> bool {
    // Called for every word around every name: fold short ASCII words on the
    // stack rather than allocate a lowercase copy of each.
    let mut buf = [0u8; 24];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out: always valid UTF-8.
        return std::str::from_utf8(b).is_ok_and(|l| lex.words.office_nouns.contains(l));
    }
    lex.words.office_nouns.contains(&w.to_lowercase())
}

/// The title words right before a person's name, up to its last office
/// noun, lowercase: "US President" of "US President Donald Trump", "envoy"
/// of "Trump's envoy Steve Witkoff". The mention itself may start with the
/// title (a lexicon role merged with the name).
fn title_before(text: &str, from: usize, m: &Mention, lex: &Lexicon) -> Option<Vec<String>> {
    let mut words: Vec<&str> = text[from..m.start]
        .split_whitespace()
        .rev()
        .take_while(|w| {
            !w.ends_with([',', '.', ';', ':', '"', '”', '“', '(', ')'])
                && (w.starts_with(char::is_uppercase) || is_office(w, lex))
        })
        .take(4)
        .collect();
    words.reverse();
    words.extend(text[m.start..m.end].split_whitespace());
    let last = words.iter().rposition(|w| is_office(w, lex))?;
    let title: Vec<String> = words[..=last]
        .iter()
        .filter(|w| !w.eq_ignore_ascii_case("the") && !w.ends_with("'s") && !w.ends_with("’s"))
        .map(|w| w.to_lowercase())
        .collect();
    (!title.is_empty()).then_some(title)
}

/// ", the French foreign minister," or ", Britain's prime minister." right
/// after a name: the office words, lowercase, without article or possessor.
fn apposition_after(text: &str, end: usize, limit: usize, lex: &Lexicon) -> Option<Vec<String>> {
    let rest = text.get(end..limit)?.strip_prefix(", ")?;
    let stop = rest
        .find([',', '.', ';', '(', '"', '”'])
        .unwrap_or(rest.len());
    let mut words: Vec<&str> = rest[..stop].split_whitespace().collect();
    // "Chum Sounry, Spokesperson for the Ministry of Foreign Affairs,": the
    // office is what comes before its "for" / "of" phrase.
    if let Some(k) = words
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "at" | "to" | "in"))
        .filter(|&k| k > 0 && is_office(words[k - 1], lex))
    {
        words.truncate(k);
    }
    if words.is_empty() || words.len() > 6 || !is_office(words[words.len() - 1], lex) {
        return None;
    }
    let first = words.iter().position(|w| {
        !(matches!(*w, "the" | "a" | "an") || w.ends_with("'s") || w.ends_with("’s"))
    })?;
    Some(words[first..].iter().map(|w| w.to_lowercase()).collect())
}

/// Who the office phrase `written` ("the prime minister", "the Ukrainian
/// president") means, if the article introduced its holder. `side` is the
/// side the phrase's own words name: leading capitalised words (a demonym)
/// may be dropped to find the office, and then the holder must be on that
/// side.
pub(super) fn office_holder(
    written: &str,
    side: Option<usize>,
    known: &Introduced,
) -> Option<Holder> {
    let words: Vec<&str> = written
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    let key = |from: usize| words[from..].join(" ").to_lowercase();
    if let Some(h) = known.offices.get(&key(0)) {
        return Some(h.clone());
    }
    let side = side?;
    let dropped = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    (1..=dropped.min(words.len().saturating_sub(1)))
        .find_map(|k| known.offices.get(&key(k)).filter(|h| h.1 == side).cloned())
}

/// Does the sentence name someone by an office title ("Prime Minister Jean
/// Novak")? Then its unknown names are looked for even without a speech
/// cue, so a later "the prime minister said" finds them.
pub(super) fn introduces_office(sentence: &str, lex: &Lexicon) -> bool {
    let mut words = sentence.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if lex.words.titles.contains(w)
            && is_office(w, lex)
            && words
                .peek()
                .is_some_and(|n| n.starts_with(char::is_uppercase))
        {
            return true;
        }
    }
    false
}
