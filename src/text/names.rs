//! People and bodies the lexicon does not know: capitalised names ("Harry
//! Nedelcu", "Mr. Nedelcu"), speaking bodies ("the foreign ministry"), and
//! the side their titles name.

use super::cues::cue_kind;
use super::grammar::{AUXILIARIES, SUBJECT_WORDS, is_verb_adverb, verb_in_context};
use super::hits::hits_in;
use super::mentions::{Introduced, Mention, Who};
use super::offices::office_holder;
use super::quotes::{Quote, in_quote};
use super::words::{is_time_word, offset_in, words_inclusive};
use crate::documents::month_number;
use crate::lexicon::{Hit, Lexicon, Meaning, Pronoun};
use regex_automata::{Anchored, Input, meta::Regex};
use std::ops::Range;
use std::sync::LazyLock;

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Up to seven capitalised words, so a long title does not cut the name
    // ("Belgian Prime Minister Bart De Wever"); lowercase particles inside
    // ("Ursula von der Leyen", "Charles de Gaulle") belong to it.
    // A word may have an inner capital ("McCloud", "MacArthur", "DeSantis")
    // or an O'/D' prefix ("O’Brien"). An abbreviation before the name ("Mr.",
    // "Sen.") is read with it: honorifics stay, the lexicon's titles and any
    // other abbreviation are stripped (see `strip_titles`).
    // An initialism joined by "&" ("S&P Global Ratings", "AT&T") is a word
    // (ASCII only: bounded repeats of a Unicode class would cost the
    // compiled pattern megabytes).
    let word = r"(?:[A-Z]{1,3}&[A-Z]{1,3}|(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)?)";
    Regex::new(&format!(
        r"(?:(?-u:\b)\p{{Lu}}\p{{Ll}}{{1,3}}\.\s)?(?-u:\b){word}(?:\s(?:(?:van|von|de|der|den|da|di|du|bin|ibn|al|el|le|la)\s){{0,2}}{word}){{0,6}}"
    ))
    .unwrap()
});

/// Compile [`NAME`] now (it is otherwise compiled at its first use).
pub(super) fn warm_up() {
    LazyLock::force(&NAME);
}

/// The matches of [`NAME`] in `s`, the same as its leftmost-first search
/// gives, found faster: every match starts with a capital letter, so the
/// pattern is tried (anchored, seeing the text before) only at capitals,
/// instead of running over every byte of the sentence.
fn name_matches(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(p) = next_capital(s, at) {
            let input = Input::new(s).range(p..).anchored(Anchored::Yes);
            if let Some(m) = NAME.find(input) {
                at = m.end();
                return Some(m.range());
            }
            at = p + s[p..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// The first uppercase character at or after byte `at` (a char boundary).
fn next_capital(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_uppercase() {
            return Some(i);
        }
        if b >= 0xC0 {
            let c = s[i..].chars().next()?;
            if c.is_uppercase() {
                return Some(i);
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
    None
}

/// A possible name: `[start, end)` in the text, its words, and whether it
/// opens with an honorific ("Mr. Nedelcu").
struct Candidate<'t> {
    start: usize,
    end: usize,
    name: &'t str,
    words: Vec<&'t str>,
    honorific: bool,
}

/// Add the people of a sentence the lexicon does not know to `out` (the
/// mentions found so far), outside quotations.
pub(super) fn unknown_names(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    quotes: &[Quote],
    lex: &Lexicon,
    known: &mut Introduced,
    out: &mut Vec<Mention>,
) {
    let s = &text[sentence.start..sentence.end];
    // Where the last outlet's name ended: "Fox News’ Special Report" is a
    // programme of it, no person.
    let mut outlet_end = None;
    for m in name_matches(s) {
        if outlet_end.is_some_and(|e| owned_by(&text[e..sentence.start + m.start])) {
            continue;
        }
        if let Some(medium) = outlet(text, sentence, m.clone(), lex) {
            outlet_end = Some(medium.end);
            // Only as a cue's subject or object ("NBC News reported", "told
            // the Wall Street Journal"): a credit ("(Xinhua) --") is not the
            // subject of the verbs after it.
            if !in_quote(quotes, medium.start)
                && !out
                    .iter()
                    .any(|o| o.start < medium.end && medium.start < o.end)
                && (speech_cue_adjacent(text, sentence, medium.start, medium.end, hits, lex)
                    || audience_of_cue(text, medium.start, hits, lex))
            {
                out.push(medium);
            }
            continue;
        }
        let Some((start, end)) = name_words(text, sentence, m.clone(), out, lex) else {
            continue;
        };
        if in_quote(quotes, start) {
            continue;
        }
        let name = &text[start..end];
        let c = Candidate {
            start,
            end,
            name,
            words: name.split_whitespace().collect(),
            honorific: name.split_whitespace().nth(1).is_some()
                && name
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| lex.words.is_honorific(w)),
        };
        if !is_person_name(text, sentence, &c, hits, lex, known) {
            continue;
        }
        let who = person_named(text, sentence, &c, hits, lex, known);
        out.push(Mention { start, end, who });
    }
}

/// Is `between` only a possessive ending ("’ ", "'s ")?
fn owned_by(between: &str) -> bool {
    matches!(between, "’ " | "' " | "’s " | "'s ")
}

/// A run of capitalised words that names a news outlet ("NBC News", "the
/// Wall Street Journal", "Sky News Arabia"): a medium, with an acronym
/// right before it ("NBC") as part of its name.
fn outlet(
    text: &str,
    sentence: &Range<usize>,
    run: Range<usize>,
    lex: &Lexicon,
) -> Option<Mention> {
    let (mut start, end) = (sentence.start + run.start, sentence.start + run.end);
    let name = &text[start..end];
    // "Azernews", "Euronews": one of the lexicon's heads run into one word,
    // after at least three letters, names an outlet too.
    let run_in = |w: &str| {
        lex.words.media_heads.iter().any(|h| {
            w.len() >= h.len() + 3
                && w.is_char_boundary(w.len() - h.len())
                && w[w.len() - h.len()..].eq_ignore_ascii_case(h)
        })
    };
    if !name
        .split_whitespace()
        .any(|w| lex.words.media_heads.contains(w) || run_in(w))
    {
        return None;
    }
    let before = &text[sentence.start..start];
    if let Some(acronym) = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next())
        && acronym.len() >= 2
        && acronym.chars().all(|c| c.is_ascii_uppercase())
    {
        start -= acronym.len() + 1;
    }
    Some(Mention {
        start,
        end,
        who: Who::Media,
    })
}

/// "told the Financial Times": right after a cue, with at most "the" between.
fn audience_of_cue(text: &str, start: usize, hits: &[Hit], lex: &Lexicon) -> bool {
    hits.iter()
        .rev()
        .find(|h| h.end <= start && cue_kind(lex, h).is_some())
        .is_some_and(|h| matches!(text[h.end..start].trim(), "" | "the"))
}

/// Is a run of capitalised words a person's name here?
fn is_person_name(
    text: &str,
    sentence: &Range<usize>,
    c: &Candidate,
    hits: &[Hit],
    lex: &Lexicon,
    known: &Introduced,
) -> bool {
    let (name, words) = (c.name, &c.words);
    // A single capitalised word is a name only as the subject of a
    // speech cue ("Novak said", "conceded Novak"), or when it is the
    // surname of someone the article already introduced.
    if !c.honorific
        && words.len() < 2
        && !known.surnames.contains_key(name)
        && !speech_cue_adjacent(text, sentence, c.start, c.end, hits, lex)
    {
        return false;
    }
    // "Anadolu Agency", "State Department", "Security Council": a name
    // that ends in a body noun is an organisation, not a person; "Indus
    // Waters Treaty", "Minsk Agreement" are things.
    if words.len() > 1
        && words.last().is_some_and(|w| {
            let w = w.to_lowercase();
            lex.words.bodies.contains(&w) || lex.words.thing_heads.contains(&w)
        })
    {
        return false;
    }
    // "Council of Ministers", "Ministry of Defence": one word after a
    // capitalised body noun and "of" ends an organisation's name.
    if words.len() == 1
        && let Some(head) = text[..c.start].strip_suffix(" of ")
        && let Some(noun) = head.rsplit(' ').next()
        && noun.starts_with(char::is_uppercase)
        && lex.words.bodies.contains(&noun.to_lowercase())
    {
        return false;
    }
    // A people ("Ukrainians would reject") is not a person.
    if words.len() == 1
        && ["ians", "eans", "ese", "ans"]
            .iter()
            .any(|e| name.ends_with(e))
    {
        return false;
    }
    // At a sentence's start a capitalised plural ("Officials said") is a noun.
    if words.len() == 1 && c.start == sentence.start && name.ends_with('s') && !name.ends_with("ss")
    {
        return false;
    }
    // "In March Novak said": a month before a name is a date. But "Jan
    // Novak" (a month's abbreviation without its full stop) and "Theresa
    // May" (a month as surname) are names.
    let last = words.len().saturating_sub(1);
    !words.iter().enumerate().any(|(k, w)| {
        month_number(w).is_some()
            && (words.len() == 1 || (k < last && (w.len() > 3 || w.ends_with('.'))))
    })
}

/// The person a name stands for: a lexicon person by surname, someone the
/// article introduced earlier, or a new person (whose side their title
/// names), remembered in `known`.
fn person_named(
    text: &str,
    sentence: &Range<usize>,
    c: &Candidate,
    hits: &[Hit],
    lex: &Lexicon,
    known: &mut Introduced,
) -> Who {
    let name = c.name;
    let surname = c.words.last().unwrap().to_string();
    if c.honorific || c.words.len() == 1 {
        if let Some(i) = lex.actor_by_alias(&surname) {
            let a = &lex.actors[i];
            return Who::Person(a.name.clone(), a.party, a.pronoun);
        }
        let full = known.surnames.get(&surname).cloned().unwrap_or_else(|| {
            let bare = match name.split_once(' ') {
                Some((h, rest)) if lex.words.is_honorific(h) => rest,
                _ => name,
            };
            bare.to_string()
        });
        // The surname of a lexicon person the article spelt its own way.
        if let Some(i) = lex.actor_by_alias(&full) {
            let a = &lex.actors[i];
            return Who::Person(a.name.clone(), a.party, a.pronoun);
        }
        known
            .surnames
            .entry(surname)
            .or_insert_with(|| full.clone());
        let party = known.parties.get(&full).copied().unwrap_or(lex.other_party);
        let she = c.honorific
            && lex
                .words
                .honorifics_she
                .contains(c.words[0].trim_end_matches('.'));
        let pronoun = if she { Pronoun::She } else { Pronoun::He };
        return Who::Person(full, party, pronoun);
    }
    if let Some(full) = known
        .surnames
        .get(&surname)
        .filter(|full| full.len() > name.len() && full.ends_with(&format!(" {name}")))
        .cloned()
    {
        // "Bart De Wever …" then "De Wever told reporters": the person
        // introduced earlier, named by a surname of two words.
        let party = known.parties.get(&full).copied().unwrap_or(lex.other_party);
        return Who::Person(full, party, Pronoun::He);
    }
    // "Rustem Umyerov": a lexicon person in another transliteration.
    if let Some(i) = lex.actor_by_spelling(name) {
        let a = &lex.actors[i];
        known
            .surnames
            .entry(surname)
            .or_insert_with(|| a.name.clone());
        return Who::Person(a.name.clone(), a.party, a.pronoun);
    }
    known
        .surnames
        .entry(surname)
        .or_insert_with(|| name.to_string());
    let party = known
        .parties
        .get(name)
        .copied()
        .or_else(|| title_party(text, sentence, c.start, c.end, hits, lex))
        .unwrap_or(lex.other_party);
    if party != lex.other_party {
        known.parties.insert(name.to_string(), party);
    }
    Who::Person(name.to_string(), party, Pronoun::He)
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
    // "said Alaska Sen. Lisa Murkowski", "Texas Gov. Greg Abbott": a run that
    // ends in a short abbreviation the sentence goes on after ends in a
    // title; the name is the one after it.
    if text[end..].starts_with(". ")
        && end + 1 < sentence.end
        && ends_in_abbreviation(&text[start..end])
    {
        return None;
    }
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
    for w in words_inclusive(&text[start..end.max(start)]) {
        let t = w.trim_end();
        if !t.is_empty() {
            words.push((i, i + t.len()));
        }
        i += w.len();
    }
    if !strip_titles(text, &mut words, lex) {
        return None;
    }
    // "said Mr. Rubio", where "Rubio" is the lexicon's: the honorific
    // alone names nobody.
    if let [(a, b)] = words[..]
        && lex.words.is_honorific(&text[a..b])
    {
        return None;
    }
    let (&(a, _), &(_, b)) = (words.first()?, words.last()?);
    // "Barcelona President Donald Trump" (a dateline run into the text):
    // words ending in a title right before a known person are that
    // person's title, not another person.
    if end < run_end && lex.words.titles.contains(&text[words.last()?.0..b]) {
        return None;
    }
    let name = &text[a..b];
    if name.chars().next().is_some_and(|c| !c.is_uppercase()) || words.len() > 3 {
        return None;
    }
    if words.len() == 1 && not_a_name_word(text, sentence, a, b, lex) {
        return None;
    }
    Some((a, b))
}

/// Does a run of capitalised words end in a word of two to four letters, a
/// capital then lowercase ("Sen", "Gov", "Rep"), as an abbreviation does?
fn ends_in_abbreviation(run: &str) -> bool {
    run.split_whitespace().next_back().is_some_and(|w| {
        (2..=4).contains(&w.len())
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w[1..].chars().all(|c| c.is_ascii_lowercase())
    })
}

/// A lone capitalised word that is no name by its form: a participle of
/// one of the lexicon's verbs opening the sentence ("Addressing reports
/// that …", "Speaking in Kyiv, …"), a compound whose later part is
/// lowercase ("Three-way talks"), or a body noun ("Government").
fn not_a_name_word(text: &str, sentence: &Range<usize>, a: usize, b: usize, lex: &Lexicon) -> bool {
    let w = &text[a..b];
    let opens_sentence = text[sentence.start..a]
        .trim_start_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c))
        .is_empty();
    // Rare (a lone capital word opening a sentence), so one small scan.
    let participle = opens_sentence
        && w.ends_with("ing")
        && lex
            .scan(w)
            .iter()
            .any(|h| h.start == 0 && h.end == w.len() && lex.is_verb_like(h));
    let lower_compound = w
        .split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_lowercase()));
    // "his Government approved": a body noun, capitalised, is no person.
    let body = lex.words.bodies.contains(&w.to_lowercase());
    participle || lower_compound || body
}

/// Drop leading titles and demonyms from a name's words, and everything
/// from a function word further in. False when what is left is no name: one
/// word after a non-name word that is not a title ("Saudi Arabia", "the
/// Foreign Ministry", "European Commission"), where a title would have
/// introduced one ("Senator Graham", "Foreign Minister Fidan").
fn strip_titles(text: &str, words: &mut Vec<(usize, usize)>, lex: &Lexicon) -> bool {
    // A word ending like a demonym ("Belarusian", "Slovak" does not) is
    // one only before a title or another non-name word ("Belarusian Foreign
    // Minister …"); "Jean Novak", "Christian Novak", "Eric Novak" are names.
    let is_title = |w: &str, next: Option<&str>| {
        lex.words.not_names.contains(w)
            || (next.is_some_and(|n| lex.words.not_names.contains(n))
                && ["ian", "ean", "ese", "ish", "ic"]
                    .iter()
                    .any(|s| w.ends_with(s)))
    };
    let honorific = |w: &str| lex.words.is_honorific(w);
    let mut last_stripped: Option<&str> = None;
    while let Some(&(a, b)) = words.first() {
        let w = &text[a..b];
        // An abbreviation other than an honorific never starts a name
        // ("Feb. Novak", "Gen. Novak" when the lexicon lists no such title).
        let abbreviation = words.len() > 1 && w.ends_with('.');
        let next = words.get(1).map(|&(a, b)| &text[a..b]);
        if honorific(w) || !(is_title(w, next) || abbreviation) {
            break;
        }
        last_stripped = Some(w);
        words.remove(0);
    }
    // A name does not contain a function word further in; a title there
    // may be a surname ("Angus King").
    if let Some(k) = words.iter().skip(1).position(|&(a, b)| {
        let w = &text[a..b];
        lex.words.not_names.contains(w) && !lex.words.titles.contains(w)
    }) {
        words.truncate(k + 1);
    }
    !(words.len() == 1 && last_stripped.is_some_and(|w| !lex.words.titles.contains(w)))
}

/// The body after "country's" or "nation's" ("country’s foreign ministry"
/// -> "foreign ministry").
fn country_possessive(written: &str) -> Option<&str> {
    let lower = written.to_ascii_lowercase();
    ["country's ", "country’s ", "nation's ", "nation’s "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| written[p.len()..].trim_start())
}

/// "The union said in a statement", "the foreign ministry said": a body
/// that speaks in its own name. The speaker is the noun phrase as written
/// (without "the"), its side the one its words name ("Ukraine's foreign
/// ministry", "the Russian defence ministry"), else none. Only as the
/// subject of a speech cue.
pub(super) fn body_mentions(
    text: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    lex: &Lexicon,
    known: &mut Introduced,
    out: &mut Vec<Mention>,
) {
    let s = &text[sentence.start..sentence.end];
    let mut found = Vec::new();
    let mut lower = String::new();
    for (at, bare) in body_word_candidates(s, lex) {
        let at = sentence.start + at;
        if bare.len() < 3 || bare.len() > 14 {
            continue;
        }
        lower.clear();
        lower.push_str(bare);
        lower.make_ascii_lowercase();
        let office = lex.words.office_nouns.contains(&lower);
        if !office && !lex.words.bodies.contains(&lower) {
            continue;
        }
        // "said President Novak": an office before a name is a title, not
        // the speaker; "the prime minister said" is.
        if office && followed_by_capital(text, at + bare.len(), sentence.end) {
            continue;
        }
        // "the UAE Ministry of Foreign Affairs", "Saudi Council of
        // Ministers": a capitalised body has its name's words around it.
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        let end = if capital {
            of_tail(text, at + bare.len(), sentence.end)
        } else {
            at + bare.len()
        };
        let start = match body_phrase_start(text, sentence, at) {
            Some(start) => start,
            None if capital && !office => capitalised_run_start(text, sentence, at),
            None => continue,
        };
        // "Rubio and his team reaffirmed": the person speaks, with his own.
        let mut before = text[sentence.start..start].split_whitespace().rev();
        if before
            .next()
            .is_some_and(|w| possessive_pronoun(w).is_some())
            && before.next().is_some_and(|w| matches!(w, "and" | "with"))
        {
            continue;
        }
        if out.iter().any(|m| m.start < end && start < m.end)
            || !speech_cue_adjacent(text, sentence, start, end, hits, lex)
        {
            continue;
        }
        let written = &text[start..end];
        // "according to state news agency", "the TV channel said": a
        // medium, which is no speaker.
        if written.split_whitespace().any(|w| {
            lex.words
                .media_heads
                .iter()
                .any(|h| h.eq_ignore_ascii_case(w))
        }) {
            found.push(Mention {
                start,
                end,
                who: Who::Media,
            });
            continue;
        }
        let party = side_named_in(hits, start..end, lex)
            .or_else(|| title_party(text, sentence, start, end, hits, lex))
            .unwrap_or(lex.other_party);
        // "Lula … weeks after his government approved": the body of the
        // person the pronoun stands for.
        if party == lex.other_party
            && let Some((person, p)) = possessor_person(text, sentence, start, out, known)
        {
            found.push(Mention {
                start,
                end,
                who: Who::Person(format!("{person}'s {written}"), p, Pronoun::They),
            });
            continue;
        }
        // "Qatar said … the country's foreign ministry said": the country is
        // the side that spoke last.
        if party == lex.other_party
            && let Some(rest) = country_possessive(written)
            && let Some((side, p)) = known.last_side.clone()
        {
            found.push(Mention {
                start,
                end,
                who: Who::Person(format!("{side}'s {rest}"), p, Pronoun::They),
            });
            continue;
        }
        // "the prime minister" is the person introduced with that office.
        if office
            && let Some((name, party, pronoun)) =
                office_holder(written, side_named_in(hits, start..end, lex), known)
        {
            found.push(Mention {
                start,
                end,
                who: Who::Person(name, party, pronoun),
            });
            continue;
        }
        // "the ministry" alone is the ministry that spoke before, if any.
        // So is "the central bank" after "Russia's central bank": the same
        // words with no side of their own.
        let shortened = |b: &(String, usize)| {
            party == lex.other_party
                && b.0.len() > written.len()
                && b.0.is_char_boundary(b.0.len() - written.len())
                && b.0[b.0.len() - written.len()..].eq_ignore_ascii_case(written)
        };
        // "The Least Developed Countries (LDC) group has called … the group
        // warned": a bare "the group" after a side named with that noun is
        // the side.
        if party == lex.other_party
            && !known.bodies.contains_key(&lower)
            && written.eq_ignore_ascii_case(&lower)
            && definite_before(text, sentence.start, start)
            && let Some((_, p)) = known.last_side.as_ref().filter(|(side, p)| {
                // The noun in its name as written or in its label ("LDC Group").
                let label = &lex.parties[*p].label;
                side.split_whitespace()
                    .chain(label.split_whitespace())
                    .any(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .eq_ignore_ascii_case(&lower)
                    })
            })
        {
            found.push(Mention {
                start,
                end,
                who: Who::Party(*p),
            });
            continue;
        }
        let (name, party) = match known.bodies.get(&lower) {
            Some(b) if written.eq_ignore_ascii_case(&lower) || shortened(b) => b.clone(),
            // "India rejected the award. … the government said": a bare
            // "the government" that no side names is the government of the
            // side that spoke last (not "the government in Kyiv").
            _ if party == lex.other_party
                && lex.words.governments.contains(&lower)
                && written.eq_ignore_ascii_case(&lower)
                && definite_before(text, sentence.start, start)
                && !matches!(
                    text[end..sentence.end].split_whitespace().next(),
                    Some("in" | "of" | "at")
                )
                && let Some((side, p)) = known.last_side.clone() =>
            {
                (format!("{side}'s {written}"), p)
            }
            _ => {
                known
                    .bodies
                    .insert(lower.clone(), (written.to_string(), party));
                (written.to_string(), party)
            }
        };
        found.push(Mention {
            start,
            end,
            who: Who::Person(name, party, Pronoun::They),
        });
    }
    out.extend(found);
}

/// Is the word right before `at` (within the sentence) "the"?
fn definite_before(text: &str, sentence_start: usize, at: usize) -> bool {
    text[sentence_start..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// The whole words of `s` that may be a body or office noun, with their
/// offsets (a word ends at a space or at punctuation that closes it): the
/// lexicon's finder meets them whole.
fn body_word_candidates<'s>(s: &'s str, lex: &Lexicon) -> Vec<(usize, &'s str)> {
    lex.words
        .body_finder
        .find_iter(s)
        .filter(|m| {
            let starts = s[..m.start()]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
            // "said the ministry.", "the ministry, in a statement, said":
            // punctuation may close the word.
            let ends = s[m.end()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || ",.;:”\"’)".contains(c));
            starts && ends
        })
        .map(|m| (m.start(), &s[m.range()]))
        .collect()
}

/// Does a capitalised word follow `at` (after one space)?
fn followed_by_capital(text: &str, at: usize, limit: usize) -> bool {
    text.get(at..limit)
        .and_then(|r| r.strip_prefix(' '))
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// After a capitalised body noun ending at `end`: the end of its "of" name
/// ("Ministry of Foreign Affairs", "Council of Ministers"), at most three
/// capitalised words (and "and"), or `end` when none follows.
fn of_tail(text: &str, end: usize, limit: usize) -> usize {
    let Some(rest) = text[end..limit].strip_prefix(" of ") else {
        return end;
    };
    let mut at = end + 4;
    let mut last = end;
    for (k, w) in rest.split(' ').take(4).enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        if !(capital || (k > 0 && bare == "and")) {
            break;
        }
        if capital {
            last = at + bare.len();
        }
        if bare.len() != w.len() {
            break;
        }
        at += w.len() + 1;
    }
    last
}

/// Where a run of up to three capitalised words right before `at` starts
/// ("UAE" in "UAE Ministry"), or `at`.
fn capitalised_run_start(text: &str, sentence: &Range<usize>, at: usize) -> usize {
    let mut start = at;
    // Word by word, each one space before the last ("UAE Ministry"); any
    // other gap (a tab, two spaces) ends the run.
    for _ in 0..3 {
        let Some(rest) = text[sentence.start..start].strip_suffix(' ') else {
            break;
        };
        let w_start = rest.rfind(' ').map_or(0, |i| i + 1);
        let w = &rest[w_start..];
        if !w.starts_with(|c: char| c.is_uppercase())
            || w.ends_with([',', '.', ';', ':', '”', '"'])
            || w.contains(char::is_whitespace)
        {
            break;
        }
        start = sentence.start + w_start;
    }
    start
}

/// Where the noun phrase of a body noun at `at` starts: back to the
/// determiner, over at most three modifier words with no punctuation.
fn body_phrase_start(text: &str, sentence: &Range<usize>, at: usize) -> Option<usize> {
    let before = &text[sentence.start..at];
    let mut words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    // "the foreign ministry", or a possessor as its determiner: "Russia's
    // foreign ministry", "Kyiv's delegation" (the possessor is part of it).
    let possessor =
        |x: &&str| (x.ends_with("'s") || x.ends_with("’s")) && x.starts_with(char::is_uppercase);
    let det = words.iter().position(|x| {
        x.eq_ignore_ascii_case("the") || possessive_pronoun(x).is_some() || possessor(x)
    })?;
    if possessor(&words[det]) {
        words.truncate(det + 1);
    } else {
        words.truncate(det);
    }
    if words
        .iter()
        .any(|x| x.ends_with([',', '.', ';', ':', '”', '"']))
    {
        return None;
    }
    Some(match words.last() {
        Some(first) => sentence.start + offset_in(before, first),
        None => at,
    })
}

/// "his" or "her" (a person's body: "his government"), with the pronoun
/// of the person it stands for.
fn possessive_pronoun(word: &str) -> Option<Pronoun> {
    if word.eq_ignore_ascii_case("his") {
        Some(Pronoun::He)
    } else if word.eq_ignore_ascii_case("her") {
        Some(Pronoun::She)
    } else {
        None
    }
}

/// The person "his" or "her" right before `start` stands for: the last
/// such person named before it in the sentence, else in the sentences
/// before.
fn possessor_person(
    text: &str,
    sentence: &Range<usize>,
    start: usize,
    mentions: &[Mention],
    known: &Introduced,
) -> Option<(String, usize)> {
    let pronoun = possessive_pronoun(text[sentence.start..start].split_whitespace().next_back()?)?;
    mentions
        .iter()
        .rev()
        .filter(|m| m.end <= start)
        .find_map(|m| match &m.who {
            Who::Person(name, party, p) if *p == pronoun => Some((name.clone(), *party)),
            _ => None,
        })
        .or_else(|| {
            known
                .last_person
                .as_ref()
                .filter(|(_, _, p)| *p == pronoun)
                .map(|(name, party, _)| (name.clone(), *party))
        })
}

/// "on Tuesday", "earlier this week", "late on Monday", "on March 3": a
/// time phrase between a subject and its verb ("the ministry on Monday
/// said"), at most four words.
fn time_phrase(between: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| is_time_word(w, lex) || w.bytes().all(|b| b.is_ascii_digit()))
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
    // "Novak, Ukraine's ambassador, said": an apposition names the side;
    // a relative clause ("Lukashenko, who accused … Ukraine's Zelensky")
    // names whom the person spoke about.
    let after = text[end..sentence.end]
        .strip_prefix(", ")
        .filter(|rest| {
            let first = rest.split_whitespace().next().unwrap_or("");
            !matches!(first, "who" | "whose" | "whom" | "which" | "where" | "when")
        })
        .map(|rest| {
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
pub(super) fn speech_cue_adjacent(
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
            (between.split_whitespace().count() <= 2
                && between.split_whitespace().all(|w| {
                    // "withdraw from Donetsk or accept buffer zones": a verb
                    // after a coordinator shares the earlier verb's subject.
                    w.chars().all(|c| c.is_lowercase())
                        && !matches!(w, "to" | "and" | "or" | "but")
                        && (AUXILIARIES.contains(&w)
                            || SUBJECT_WORDS.contains(&w)
                            || is_verb_adverb(w))
                })
                || time_phrase(between, lex))
                && !between.contains(',')
                && verb_in_context(text, sentence, h, hits, lex)
        });
    let before = hits
        .iter()
        .rev()
        .find(|h| h.end <= start && is_cue(h))
        .is_some_and(|h| {
            // "…,” said the foreign ministry", "According to the joint
            // statement": an article may stand between.
            let gap = text[h.end..start].trim();
            (gap.is_empty() || matches!(gap, "the" | "a" | "an")) && {
                let lead = text[sentence.start..h.start].trim_end();
                lead.is_empty() || lead.ends_with([',', '”', '"', '’', '\'', '—', '–'])
            }
        });
    after || before
}
