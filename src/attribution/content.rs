//! The words a reported statement says: after its cue (and "that"), past an
//! audience, a time or a venue; or, for a trailing attribution, before it.

use super::speakers::{coordinated, subject_start};
use crate::documents::month_number;
use crate::lexicon::{Lexicon, Meaning};
use crate::text::{
    Cue, CueKind, Mention, NP_OPENERS, Who, cue_kind, is_time_word, is_verb_adverb, offset_in,
    word_offset,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The words of a reported statement: after the cue (and "that"), or, when
/// the cue ends the sentence ("…, sources said."), the words before its subject.
pub(super) fn content_span(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    later: &[Cue],
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<Range<usize>> {
    let start = past_medium(
        text,
        content_start(text, sentence, cue, later, lex),
        mentions,
        lex,
    );
    let end = content_end(text, sentence, cue, later, start, lex);
    let end = before_trailing_medium(text, start, end, later, mentions);
    let mut start = skip_ws_punct(text, start, end);
    let mut end = trim_tail(text, start, end);
    let first_word = text[start..end].split_whitespace().next().unwrap_or("");
    let short = text[start..end].split_whitespace().count() <= 4;
    let time_only = short && lex.words.time_words.contains(first_word);
    // "which Ukraine agreed to last month but Moscow rejected": a clause of
    // its own follows, nothing the cue governs.
    let coordinator = matches!(first_word, "but" | "yet");
    let preposition = lex.words.prepositions.contains(first_word);
    if end > start
        && !time_only
        && cue.kind != CueKind::Position
        && (preposition || TRAILING_ADVERBIALS.contains(&first_word))
    {
        // "Twenty-six nations will provide guarantees, Macron said after a
        // summit.": only an adverbial follows the cue; the words before the
        // subject's comma are what was said.
        if let Some(before) = clause_before_subject(text, sentence, cue, mentions) {
            return Some(before);
        }
        if preposition {
            return None; // "hinted at this concern": no stated content
        }
    }
    // "…, Anwar said, reading a joint statement.": a participle clause after
    // a comma is the speaker's circumstance (or, "adding that …", a
    // statement of its own); what this cue said is before its subject.
    if end > start
        && cue.kind == CueKind::Speech
        && participle_clause_at(text, cue.end, sentence.end)
        && let Some(before) = clause_before_subject(text, sentence, cue, mentions)
    {
        return Some(before);
    }
    // "The talks were productive, said President Novak.": an inverted
    // subject after the cue is no content; what was said is before it.
    if end > start && inverted_subject(text, sentence, cue, start, mentions) {
        let comma = text[sentence.start..cue.start].trim_end().len() + sentence.start - 1;
        start = skip_framing(text, skip_dateline(text, sentence.start, comma), comma);
        end = trim_tail(text, start, comma);
        return (end > start).then_some(start..end);
    }
    // "… handing over territory — something Kyiv has ruled out — while …":
    // an apposition the cue closes with a dash says its antecedent; what
    // follows the closing dash is the main clause's. (After a comma an
    // elaboration may follow: "elements Israel demanded, including …".)
    if end > start
        && text[cue.end..start].trim_start().starts_with(['—', '–'])
        && let Some(subj) = subject_start(cue, mentions)
        && let Some(Some(np)) = relative_antecedent(text, sentence, subj, lex)
    {
        return Some(np);
    }
    if end <= start || time_only || coordinator {
        // "…, two of the sources said." — the content is before the subject.
        if cue.kind == CueKind::SourceFirst {
            return None;
        }
        let subj = subject_start(cue, mentions)?;
        // "a full ceasefire, which Moscow rejected": the relative pronoun is
        // the cue's object; what was rejected is the phrase it stands for.
        // Without a phrase it surely stands for, nothing is said here.
        if let Some(np) = relative_antecedent(text, sentence, subj, lex) {
            return np;
        }
        let clause = text[sentence.start..subj]
            .rfind(", ")
            .map(|i| sentence.start + i)?;
        start = skip_framing(text, skip_dateline(text, sentence.start, clause), clause);
        end = trim_tail(text, start, clause);
        // "On Monday, the Kremlin said in response.": a time phrase is no content.
        if time_phrase(text, start, clause, lex) >= end {
            return None;
        }
    }
    // "according to X, Y said": the content follows the source's comma.
    if cue.kind == CueKind::SourceFirst {
        let at_start = text[sentence.start..cue.start].trim().is_empty();
        if at_start {
            let comma = text[cue.end..sentence.end].find(", ")? + cue.end + 2;
            return Some(comma..trim_tail(text, comma, sentence.end));
        }
        let from = skip_framing(text, sentence.start, cue.start);
        return Some(from..trim_tail(text, from, cue.start));
    }
    // "Trump called Zelenskyy": a quotation verb with only a name after
    // it (no quotation, no predicate) placed a call; it says nothing.
    let words = text[start..end.max(start)].split_whitespace();
    if cue.kind == CueKind::QuoteOnly
        && words.clone().count() <= 3
        && words.clone().all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    (end > start).then_some(start..end)
}

/// The noun phrase an object relative clause hangs on, when the subject at
/// `subj` opens one ("a full ceasefire, which Moscow rejected", "the plan
/// that Kyiv accepted") or opens the second of two coordinated ones ("a
/// truce, which Ukraine agreed to last month but Moscow rejected"). The
/// phrase runs back from the pronoun to its determiner or possessive (at
/// most eight words, not past a comma, a preposition or a verb the lexicon
/// knows). None: no such clause; `Some(None)`: a relative clause whose
/// antecedent is not sure.
fn relative_antecedent(
    text: &str,
    sentence: &Range<usize>,
    subj: usize,
    lex: &Lexicon,
) -> Option<Option<Range<usize>>> {
    let lead = text[sentence.start..subj].trim_end();
    let ends_with_word =
        |s: &str, w: &str| s.ends_with(w) && whole_word_at(s, s.len() - w.len(), s.len());
    let pronoun_end = |s: &str| ["which", "that"].iter().any(|w| ends_with_word(s, w));
    // "…military aid—conditions Ukraine has firmly rejected": a summing-up
    // noun in apposition, its pronoun left out.
    if let Some(noun) = summary_noun_at_end(lead, lex) {
        let noun_start = sentence.start + lead.len() - noun.len();
        return Some(
            apposition_start(text, sentence, noun_start, lex)
                .map(|from| from..lead_end(lead, sentence)),
        );
    }
    let relative = if pronoun_end(lead) {
        lead
    } else {
        // The earlier conjunct: "which Ukraine agreed to last month but".
        let conj = ["but", "and", "yet"]
            .iter()
            .find(|w| ends_with_word(lead, w))?;
        let before = lead[..lead.len() - conj.len()].trim_end();
        let open = ["which", "that"]
            .iter()
            .filter_map(|w| find_last_word(before, w).map(|i| i + w.len()))
            .max()?;
        let clause = &before[open..];
        if clause.contains([',', ';', ':', '"', '“', '”']) || clause.split_whitespace().count() > 12
        {
            return None;
        }
        &before[..open]
    };
    let pronoun = if relative.ends_with("which") {
        "which"
    } else {
        "that"
    };
    let np_end = relative[..relative.len() - pronoun.len()]
        .trim_end()
        .trim_end_matches(',')
        .len();
    let np_end = sentence.start + np_end;
    // Walk back over the phrase's words to its opener.
    let head = &text[sentence.start..np_end];
    for (n, word) in head.split_whitespace().rev().enumerate() {
        let at = sentence.start + offset_in(head, word);
        if n >= 8 || word.contains([',', ';', ':', '"', '“', '”', '(', ')']) {
            return Some(None);
        }
        let lower = word.to_lowercase();
        if lex.words.prepositions.contains(lower.as_str()) || is_cue_word(text, at, lex) {
            return Some(None);
        }
        if NP_OPENERS.contains(&lower.as_str()) || word.ends_with("'s") || word.ends_with("’s") {
            return Some((np_end > at).then_some(at..np_end));
        }
        // "— measures that Zelensky would resist": a summing-up noun stands
        // for the clause before the dash.
        if n == 0
            && lex.words.summaries.contains(lower.as_str())
            && let Some(from) = apposition_start(text, sentence, at, lex)
        {
            return Some(Some(from..np_end));
        }
    }
    Some(None)
}

/// Where a summing-up noun in apposition begins its clause between `from`
/// and a later cue at `cue`: the dash or comma before "conditions (that)
/// Kyiv has rejected" (at most four words between the noun and the cue).
pub(super) fn summary_apposition(
    text: &str,
    from: usize,
    cue: usize,
    lex: &Lexicon,
) -> Option<usize> {
    let between = &text[from..cue];
    let mark = between.rfind(['—', '–', ','])?;
    let mark_len = between[mark..].chars().next().map_or(1, char::len_utf8);
    let mut words = between[mark + mark_len..]
        .split_whitespace()
        .skip_while(|w| matches!(*w, "a" | "an"));
    let noun = words.next()?.to_lowercase();
    let rest: Vec<&str> = words.collect();
    let rest = match rest.first() {
        Some(&"that") | Some(&"which") => &rest[1..],
        _ => &rest[..],
    };
    (lex.words.summaries.contains(noun.as_str()) && !rest.is_empty() && rest.len() <= 4)
        .then_some(from + mark)
}

/// The summing-up noun (the lexicon's `summaries`) that `lead` ends with
/// right after a dash or a comma, without a relative pronoun.
fn summary_noun_at_end<'t>(lead: &'t str, lex: &Lexicon) -> Option<&'t str> {
    let noun = lead
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
        .next()?;
    let before = lead[..lead.len() - noun.len()].trim_end();
    let before = without_article(before);
    let appositive = before.ends_with(['—', '–', ',']) || before.ends_with(" -");
    (appositive && lex.words.summaries.contains(noun.to_lowercase().as_str())).then_some(noun)
}

/// `s` without an indefinite article at its end: "— a demand Kyiv
/// rejected" has its summing-up noun after "a".
fn without_article(s: &str) -> &str {
    s.strip_suffix(" a")
        .or_else(|| s.strip_suffix(" an"))
        .unwrap_or(s)
        .trim_end()
}

/// The end of `lead` (the text before a subject) as an offset in the text.
fn lead_end(lead: &str, sentence: &Range<usize>) -> usize {
    sentence.start + lead.len()
}

/// Where the clause a summing-up noun at `noun` stands for begins: the
/// noun must follow a dash or a comma; the clause runs back to the last
/// "that", colon or semicolon before it, else to the sentence's start, and
/// holds at least three words.
fn apposition_start(
    text: &str,
    sentence: &Range<usize>,
    noun: usize,
    lex: &Lexicon,
) -> Option<usize> {
    let before = text[sentence.start..noun].trim_end();
    let before = without_article(before);
    let mark = before
        .strip_suffix(['—', '–', ','])
        .or_else(|| before.strip_suffix(" -"))?
        .trim_end();
    let from = [" that ", ": ", "; "]
        .iter()
        .filter_map(|m| mark.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0);
    // "Russia wants Ukraine to cede territory — conditions …": the clause is
    // what the last cue before the mark governs, not that cue's subject.
    let from = mark[from..]
        .split_whitespace()
        .rev()
        .find_map(|w| {
            let at = sentence.start + offset_in(mark, w);
            is_cue_word(text, at, lex).then(|| at + w.len() - sentence.start)
        })
        .map_or(from, |end| end.max(from));
    let clause = mark[from..].trim_start();
    let from = mark.len() - clause.len();
    (clause.split_whitespace().count() >= 3).then_some(sentence.start + from)
}

/// Does a speech or attitude verb of the lexicon start at `at`?
fn is_cue_word(text: &str, at: usize, lex: &Lexicon) -> bool {
    lex.term_at_start(&text[at..])
        .is_some_and(|h| cue_kind(lex, &h).is_some())
}

/// The byte offset of the last whole-word `word` in `hay`.
fn find_last_word(hay: &str, word: &str) -> Option<usize> {
    hay.rmatch_indices(word)
        .map(|(i, _)| i)
        .find(|&i| whole_word_at(hay, i, i + word.len()))
}

/// Is `hay[s..e]` a whole word: no letter or digit right before or after it?
fn whole_word_at(hay: &str, s: usize, e: usize) -> bool {
    !hay[..s]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !hay[e..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Words that open an adverbial after a speech verb ("said after the summit",
/// "said following talks", "said ahead of the vote"), never its content.
const TRAILING_ADVERBIALS: &[&str] = &[
    "after",
    "following",
    "before",
    "ahead",
    "upon",
    "alongside",
    "while",
    "when",
    "as",
    "shortly",
    "late",
    "earlier",
    "later",
];

/// "Twenty-six nations have pledged guarantees, Macron said …": a subject
/// right after a comma that closes a clause of at least four words; that
/// clause (past a dateline or framing phrase).
fn clause_before_subject(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    mentions: &[Mention],
) -> Option<Range<usize>> {
    let subj = subject_start(cue, mentions)?;
    let lead = &text[sentence.start..subj];
    // The subject follows the comma directly, or after its title words
    // ("…, French President Emmanuel Macron said").
    let comma = lead.rfind(", ").map(|i| sentence.start + i)?;
    let titles = &text[comma + 2..subj];
    if !titles
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || w == "the")
    {
        return None;
    }
    let start = skip_framing(text, skip_dateline(text, sentence.start, comma), comma);
    let end = trim_tail(text, start, comma);
    (text[start..end].split_whitespace().count() >= 4).then_some(start..end)
}

/// "…, said (Ukrainian President) Novak": the cue follows a comma and its
/// words are only the speaker's name, with capitalised title words before
/// it and an apposition after it.
fn inverted_subject(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    start: usize,
    mentions: &[Mention],
) -> bool {
    if !text[sentence.start..cue.start].trim_end().ends_with(',') {
        return false;
    }
    mentions.iter().any(|m| {
        m.start >= start
            && !matches!(m.who, Who::Media)
            && text[start..m.start]
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with(','))
            && text[m.end..sentence.end]
                .trim_start()
                .starts_with([',', '.', '!', '?'])
    })
}

/// "… it would strike, Reuters reported.": a medium's trailing attribution
/// is no part of what the speaker said.
fn before_trailing_medium(
    text: &str,
    start: usize,
    end: usize,
    later: &[Cue],
    mentions: &[Mention],
) -> usize {
    later
        .iter()
        .filter(|c| c.start > start && c.start < end)
        .find_map(|c| {
            let m = mentions.iter().find(|m| {
                m.who == Who::Media && m.end <= c.start && text[m.end..c.start].trim().is_empty()
            })?;
            // "…, the Wall Street Journal reported": past "the" to the comma.
            let lead = text[start..m.start].trim_end();
            let lead = lead.strip_suffix("the").map_or(lead, str::trim_end);
            lead.ends_with(',').then(|| start + lead.len() - 1)
        })
        .unwrap_or(end)
}

/// "told the Financial Times (that) …": a news outlet right after the verb
/// is its audience, not the content.
fn past_medium(text: &str, at: usize, mentions: &[Mention], lex: &Lexicon) -> usize {
    let rest = &text[at..];
    let mut from = at + (rest.len() - rest.trim_start().len());
    if text[from..].starts_with("the ") {
        from += 4;
    }
    let Some(m) = mentions
        .iter()
        .find(|m| m.who == Who::Media && m.start == from)
    else {
        return at;
    };
    // "told the Reuters news agency, on condition of anonymity, that …": the
    // medium's kind, then an aside, then "that".
    let mut end = m.end;
    for _ in 0..2 {
        let rest = &text[end..];
        let Some(w) = rest
            .strip_prefix(' ')
            .and_then(|r| r.split([' ', ',']).next())
        else {
            break;
        };
        if !lex.words.media_kinds.contains(w) {
            break;
        }
        end += 1 + w.len();
    }
    let rest = &text[end..];
    let aside = rest
        .strip_prefix(", ")
        .and_then(|r| r.find(", that ").map(|i| (i, r)))
        .filter(|(i, r)| {
            !r[..*i].contains([',', ';', '.']) && r[..*i].split_whitespace().count() <= 6
        })
        .map(|(i, _)| 2 + i + ", that ".len());
    match aside {
        Some(skip) => end + skip,
        None if rest.starts_with(" that ") => end + " that ".len(),
        None => end,
    }
}

/// Where the content starts: after "that", or past an audience ("told
/// reporters", "told Axios") and a time or venue phrase.
fn content_start(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    later: &[Cue],
    lex: &Lexicon,
) -> usize {
    let mut start = cue.end;
    // Skip an audience ("told reporters", "told Axios") and anything up to "that".
    let window_end = word_offset(text, cue.end, 8).min(sentence.end);
    let window = &text[cue.end..window_end];
    if let Some(pos) = find_word(window, "that") {
        let between = &window[..pos];
        // "refuses to give up land that Russia …": "that" after an infinitive's
        // object starts a relative clause, not the content.
        let infinitive = between.trim_start().starts_with("to ");
        // "said Putin agreed to accept guarantees that …": a verb of its own
        // before "that" makes it no complementizer of this cue.
        let verb_between = later
            .iter()
            .any(|c| c.start > cue.end && c.start < cue.end + pos);
        // "resisted Trump's proposal that …", "floated the idea of a meeting
        // that …": after a position verb's object "that" is relative; only
        // right after the verb ("insisted again that") is it the content's.
        let relative_after_object = cue.kind == CueKind::Position
            && between
                .split_whitespace()
                .any(|w| !is_verb_adverb(w) && !is_time_word(w, lex));
        if !infinitive
            && !verb_between
            && !relative_after_object
            && !noun_complement(text, cue.end + pos, between, lex)
            // (Nor after a dash: "… — conditions that Kyiv rejected".)
            && (!between.contains([',', '—', '–'])
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
    start
}

/// Where the content ends: before a later coordinated cue or an attributing
/// participle, and at the end of an opening subordinate clause.
fn content_end(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    later: &[Cue],
    start: usize,
    lex: &Lexicon,
) -> usize {
    let end = later
        .iter()
        .find_map(|c| {
            // "pushed Ukraine to give up Crimea and abandon its goal of …": a
            // bare verb continuing an infinitive of the content is content.
            // (Not past another cue and a comma: "… a draft that accepted
            // …, with the plan requiring Ukraine to cede …, and pledge" is
            // the plan's; "have agreed to ensure safe passage … and stop
            // strikes" is one clause.)
            let infinitive_goes_on = c.start > start
                && !(later.iter().any(|o| o.start >= start && o.start < c.start)
                    && text[start..c.start].contains(','))
                && crate::text::bare_verb(
                    &text[c.start..c.end]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_lowercase(),
                )
                && (text[start..c.start].starts_with("to ")
                    || text[cue.start..cue.end].ends_with(" to")
                    || crate::text::contains_spaced(&text[start..c.start], "to"));
            if !infinitive_goes_on
                && (coordinated(text, cue.end, c.start)
                    || (c.start > start && coordinated(text, start, c.start)))
                // "…, calling Zelensky “illegitimate”" is the quotation's attribution.
                || c.is_participle(text)
            {
                let before = text[..c.start].trim_end();
                return Some(
                    ["and", "but", "or"]
                        .iter()
                        .find_map(|w| before.strip_suffix(w))
                        .filter(|s| s.ends_with(char::is_whitespace))
                        .map_or(c.start, |s| s.len()),
                );
            }
            // "…declared a ceasefire, after Washington said it could …":
            // another speaker's clause after a subordinator is not content.
            (c.kind == CueKind::Speech && c.start > start)
                .then(|| subordinate_speech(text, start, c.start, lex))
                .flatten()
        })
        .unwrap_or(sentence.end);
    // "described the sessions as difficult, while Russia's negotiator called
    // them “tough”": a contrast clause with a cue of its own is not content.
    let end = later
        .iter()
        .filter(|c| c.start > start && c.start < end)
        .find_map(|c| {
            let between = &text[start..c.start];
            [", while ", ", whereas "]
                .iter()
                .filter_map(|w| between.rfind(w).map(|i| (i, w.len())))
                .max()
                // A subject of its own: "…, while praising" shares the first.
                .filter(|&(i, len)| !between[i + len..].trim().is_empty())
                .map(|(i, _)| start + i)
        })
        .unwrap_or(end);
    // "demanded that Ukraine cede territory — conditions Kyiv rejected": a
    // summing-up noun in apposition opens another side's clause about it.
    let end = later
        .iter()
        .filter(|c| c.start > start && c.start < end)
        .find_map(|c| summary_apposition(text, start, c.start, lex))
        .unwrap_or(end);
    // "While Russia and Ukraine agreed to a prisoner exchange, prospects …":
    // a statement in an opening subordinate clause ends with that clause, as
    // does an opening participle's ("Welcoming the plan, Zelensky said …").
    let opener = text[sentence.start..cue.start]
        .split_whitespace()
        .next()
        .unwrap_or("");
    // "Hungary, which opposes sanctions on Russia, blocked …": a relative
    // aside ends at its closing comma or dash.
    let relative_aside = crate::text::relative_subject_clause(text, sentence.start, cue.start)
        .is_some_and(|(_, aside)| aside);
    if relative_aside {
        return text[start.min(end)..end]
            .find([',', '—', '–', ';'])
            .map_or(end, |i| start + i);
    }
    if lex.words.subordinators.contains(opener) || fronted_participle(text, sentence, cue, lex) {
        text[cue.end..end.max(cue.end)]
            .find(", ")
            .map_or(end, |i| cue.end + i)
    } else {
        end
    }
}

/// Is `cue` an -ing verb opening its sentence, alone or after a
/// subordinator or preposition ("Welcoming the guarantees, Zelensky said …",
/// "While rejecting any truce, Putin …", "After agreeing to …")? Its subject
/// is the main clause's, after the comma that ends it.
pub(super) fn fronted_participle(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    lex: &Lexicon,
) -> bool {
    // Only a position ("Welcoming", "Rejecting"): "According to …" names a
    // source, "Referring to …" or "Speaking in Kyiv" a speech.
    cue.kind == CueKind::Position && opening_participle(text, sentence, cue, lex)
}

/// Is `cue` an -ing form opening its sentence, alone or after a
/// subordinator or preposition?
pub(super) fn opening_participle(
    text: &str,
    sentence: &Range<usize>,
    cue: &Cue,
    lex: &Lexicon,
) -> bool {
    let first_word = text[cue.start..cue.end].split_whitespace().next();
    if !first_word.is_some_and(|w| w.len() > 4 && w.ends_with("ing")) {
        return false;
    }
    let mut before = text[sentence.start..cue.start].split_whitespace();
    match (before.next(), before.next()) {
        (None, _) => true,
        (Some(w), None) => {
            lex.words.subordinators.contains(w)
                || lex.words.prepositions.contains(w.to_lowercase().as_str())
        }
        _ => false,
    }
}

/// Does a participle clause open at `at`: a comma, then a word in -ing of
/// more than five letters ("…, reading a joint statement")?
pub(super) fn participle_clause_at(text: &str, at: usize, end: usize) -> bool {
    text[at..end]
        .trim_start()
        .strip_prefix(',')
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|w| w.len() > 5 && w.ends_with("ing"))
}

/// Does only an adverbial follow cue `c` to the sentence's end ("…, Peskov
/// said.", "…, he told reporters on Monday.", "…, Macron said after a
/// summit")? Such a cue attributes what came before it; "…, and Kyiv agreed
/// to a ceasefire." says something of its own.
pub(super) fn nothing_said_after(
    text: &str,
    sentence: &Range<usize>,
    c: &Cue,
    mentions: &[Mention],
    lex: &Lexicon,
) -> bool {
    let at = skip_audience(
        text,
        past_medium(text, c.end, mentions, lex),
        sentence.end,
        lex,
    );
    let at = skip_phrases(text, at, sentence.end, lex);
    // Up to the full stop: "…, the US TV channel said. -- ANI" ends there.
    let rest = &text[at..sentence.end];
    let rest = rest[..rest.find(['.', '!', '?']).unwrap_or(rest.len())]
        .trim_start_matches(|ch: char| !ch.is_alphanumeric());
    let word = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|ch: char| !ch.is_alphanumeric());
    let first = word.to_lowercase();
    // "…, Anwar said, reading a joint statement" (see `content_span`).
    rest.is_empty()
        || participle_clause_at(text, at, sentence.end)
        || TRAILING_ADVERBIALS.contains(&first.as_str())
        || lex.words.prepositions.contains(first.as_str())
        // As written: the time words list "Monday" with its capital.
        || is_time_word(word, lex)
}

/// The comma before ", after Washington said" when a speech cue at `cue`
/// opens, with its subject (at most six words, no comma), a subordinate
/// clause inside the content that starts at `start`.
fn subordinate_speech(text: &str, start: usize, cue: usize, lex: &Lexicon) -> Option<usize> {
    let between = &text[start..cue];
    let comma = crate::text::rfind_near_end(between, ", ", 7)?;
    let mut words = between[comma + 2..].split_whitespace().peekable();
    // "…, even as Ukraine signaled": a focus adverb before the subordinator.
    if words.peek().is_some_and(|w| matches!(*w, "even" | "just")) {
        words.next();
    }
    let sub = words.next()?;
    let subject = words.count();
    (lex.words.is_subordinator(sub)
        && (1..=6).contains(&subject)
        && !between[comma + 2..].contains(','))
    .then_some(start + comma)
}

/// Does "that" follow the cue within four words ("said that", "told
/// reporters that")?
pub(super) fn has_that_clause(text: &str, cue: &Cue, sentence: &Range<usize>) -> bool {
    let end = word_offset(text, cue.end, 4).min(sentence.end);
    text[cue.end..end]
        .split_whitespace()
        .any(|w| w.trim_matches(',') == "that")
}

/// "KYIV (Reuters) - …", "MOSCOW, Feb 3 (AP) — …": a dateline is not part
/// of what anyone said.
/// "In a sign that the talks had stalled, the negotiators did not attend,
/// according to a U.S. official": an opening "In a …," / "In what …,"
/// phrase is the writer's reading of what the source reports, not the
/// source's words (at most 15 words, up to its comma).
fn skip_framing(text: &str, start: usize, end: usize) -> usize {
    let clause = &text[start..end];
    let framed = ["In a ", "In an ", "In what "]
        .iter()
        .any(|p| clause.starts_with(p));
    match clause.find(", ") {
        Some(i) if framed && clause[..i].split_whitespace().count() <= 15 => {
            let rest = &clause[i + 2..];
            start + i + 2 + (rest.len() - rest.trim_start().len())
        }
        _ => start,
    }
}

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

/// The byte offset of the first whole-word `word` in `hay`.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| whole_word_at(hay, i, i + word.len()))
}

/// "repeated his criticism of Moscow's demand that Ukraine withdraw": the
/// "that" at `that` completes an attitude noun at the end of the cue's
/// object (`between` the cue and it), so the clause is part of what the cue
/// governs, not its content on its own.
fn noun_complement(text: &str, that: usize, between: &str, lex: &Lexicon) -> bool {
    let mut words = between.split_whitespace();
    let Some(last) = words.next_back() else {
        return false;
    };
    // "said Friday that": no object before "that"; "said in a post after
    // the agreement that": an adverbial, no object.
    match words.next() {
        None => return false,
        Some(first)
            if lex
                .words
                .prepositions
                .contains(first.to_lowercase().as_str()) =>
        {
            return false;
        }
        _ => {}
    }
    let at = that - (between.len() - between.trim_end().len()) - last.len();
    // A nominalised attitude ("demand", "proposal"), not a verb's form
    // used as a noun ("a sign that").
    lex.term_at_start(&text[at..that])
        .filter(|h| h.end == last.len())
        .is_some_and(|h| lex.attitude_noun(&h).is_some())
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
    match lex.term_at_start(&trimmed[..cut]) {
        Some(h) if lex.term(&h).meanings.contains(&Meaning::Audience) => start + lead + h.end,
        _ => start,
    }
}

/// Skip a time phrase ("on Friday", "late on Monday", "last week",
/// "Tuesday") and a venue phrase ("in a statement", "at a news conference",
/// "on Telegram") right after a speech verb, when a clause follows them.
fn skip_time_and_venue(text: &str, start: usize, end: usize, lex: &Lexicon) -> usize {
    let at = skip_phrases(text, start, end, lex);
    // Only when words follow that can start a clause (not "said on Friday.").
    let rest = text[at..end].trim_start_matches([' ', ',']);
    let first = rest.split_whitespace().next().unwrap_or("");
    if rest.split_whitespace().count() < 2 || lex.words.prepositions.contains(first) {
        return start;
    }
    at
}

/// Up to three time or venue phrases in a row from `at`; where they end.
fn skip_phrases(text: &str, mut at: usize, end: usize, lex: &Lexicon) -> usize {
    for _ in 0..3 {
        let next = skip_phrase(text, at, end, lex);
        if next == at {
            break;
        }
        at = next;
    }
    at
}

/// One time or venue phrase at `at` (after spaces and a comma), or `at`.
fn skip_phrase(text: &str, at: usize, end: usize, lex: &Lexicon) -> usize {
    venue_phrase(text, at, end, lex).unwrap_or_else(|| time_phrase(text, at, end, lex))
}

/// Venue: a preposition and up to four words ending in a venue noun ("in
/// a statement", "on Telegram"), not ending the sentence. Where it ends.
fn venue_phrase(text: &str, at: usize, end: usize, lex: &Lexicon) -> Option<usize> {
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
            return Some(off);
        }
    }
    None
}

/// A time phrase at `at` ("on Friday", "last week", "on March 3,"): where
/// it ends, or `at` when there is none.
fn time_phrase(text: &str, at: usize, end: usize, lex: &Lexicon) -> usize {
    let mut i = at;
    let mut words = 0;
    let mut time_seen = false;
    let mut prev_month = false;
    for tok in text[at..end].split_inclusive(' ') {
        let w = tok.trim();
        if w.is_empty() {
            i += tok.len();
            continue;
        }
        // A day number only after a month ("on March 3").
        let day_number = w.trim_end_matches(',').chars().all(|c| c.is_ascii_digit()) && prev_month;
        if !(is_time_word(w, lex) || day_number) || w.ends_with('.') || words >= 5 {
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
pub(super) fn trim_tail(text: &str, start: usize, end: usize) -> usize {
    // An empty or inverted range ("Envoy insist said Ma Po") has no tail.
    if start >= end {
        return start;
    }
    let s = text[start..end].trim_end_matches(|c: char| {
        c.is_whitespace() || c == ',' || c == '.' || c == ';' || c == ':' || c == '—'
    });
    start + s.len()
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;

    /// A medium as the audience, with its kind and an aside before "that".
    #[test]
    fn a_medium_told_with_its_kind_and_an_aside_is_no_content() {
        let got = run(
            "A Ukrainian source told the Reuters news agency, on condition of anonymity, that Russia’s demands were unacceptable.",
        );
        assert!(
            got.iter()
                .any(|g| g.1 == "Russia’s demands were unacceptable" && g.3 == "ukraine"),
            "{got:?}"
        );
    }

    /// "agreed to ensure … and stop …": a bare verb continuing the
    /// infinitive is content; "hoping to improve the terms and said …" is a
    /// new statement (an irregular past is finite).
    #[test]
    fn a_bare_verb_continuing_an_infinitive_is_content() {
        let got = run(
            "The White House said Russia and Ukraine have agreed to ensure safe passage in the Black Sea and stop military strikes.",
        );
        assert!(
            got.iter()
                .any(|g| g.3 == "russia" && g.1.ends_with("and stop military strikes")),
            "{got:?}"
        );
        let got = run(
            "Zelensky is still hoping to improve those terms and said he will need to seek approval of the Ukrainian people.",
        );
        assert!(got.iter().any(|g| g.1 == "improve those terms"), "{got:?}");
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("he will need") && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        let got = run(
            "Putin was expected to attend the talks and told reporters he would accept a ceasefire.",
        );
        assert!(
            got.iter()
                .any(|g| g.1 == "he would accept a ceasefire" && g.2 == "Vladimir Putin"),
            "{got:?}"
        );
    }

    /// "a full ceasefire, which Moscow rejected": the object of an object
    /// relative clause is the phrase before its pronoun, back to the
    /// phrase's determiner; "said that Ukraine rejected" is no such clause.
    #[test]
    fn an_object_relative_clause_says_its_antecedent() {
        let got = run("Officials discussed a full ceasefire, which Moscow rejected.");
        assert!(
            got.iter()
                .any(|g| g.1 == "a full ceasefire" && g.3 == "russia"),
            "{got:?}"
        );
        let got = run(
            "They discussed a partial or full cease-fire, which Ukraine agreed to last month but Moscow rejected.",
        );
        for side in ["ukraine", "russia"] {
            assert!(
                got.iter()
                    .any(|g| g.1 == "a partial or full cease-fire" && g.3 == side),
                "{side}: {got:?}"
            );
        }
        assert!(!got.iter().any(|g| g.1.starts_with("but")), "{got:?}");
        // No determiner within reach: not sure what "which" stands for.
        let got = run(
            "Talks on Monday focused on the energy truce and prisoner swaps and ceasefire lines and maps and plans, which Moscow rejected.",
        );
        assert!(
            !got.iter().any(|g| g.3 == "russia" && g.1.contains("maps")),
            "{got:?}"
        );
    }

    /// "something Kyiv has refused", "a demand Kyiv rejected": a summing-up
    /// word in apposition stands for the clause before it, also between
    /// dashes, where what follows the closing dash is no part of it.
    #[test]
    fn a_summing_up_apposition_says_the_clause_before_it() {
        let got = run("The plan foresees Ukraine ceding territory, something Kyiv has rejected.");
        assert!(
            got.iter()
                .any(|g| g.3 == "ukraine" && g.1.starts_with("Ukraine ceding territory")),
            "{got:?}"
        );
        let got = run(
            "The plan foresees Ukraine handing over territory — a demand Kyiv has repeatedly ruled out — while cutting its army.",
        );
        assert!(
            got.iter().any(|g| g.3 == "ukraine"
                && g.1.starts_with("Ukraine handing over territory")
                && !g.1.contains("army")),
            "{got:?}"
        );
    }

    /// After a position verb's object, "that" opens a relative clause of the
    /// object; right after the verb (an adverb or time allowed) it opens
    /// the content.
    #[test]
    fn that_after_a_position_verbs_object_is_relative() {
        let got = run(
            "Macron floated the idea of a quadrilateral meeting that also involves the European side.",
        );
        assert!(
            got.iter().any(|g| g.1
                == "the idea of a quadrilateral meeting that also involves the European side"),
            "{got:?}"
        );
        for text in [
            "Moscow insisted again that Ukraine withdraw from Donbas.",
            "Russia demanded on Friday that Ukraine withdraw from Donbas.",
        ] {
            let got = run(text);
            assert!(
                got.iter().any(|g| g.1 == "Ukraine withdraw from Donbas"),
                "{text}: {got:?}"
            );
        }
    }

    /// "repeated his criticism of Moscow's demand that Ukraine withdraw":
    /// the that-clause completes the attitude noun, so the cue's content is
    /// the whole object; "said in a post after the agreement that …" has an
    /// adverbial there, and the clause is the content.
    #[test]
    fn a_that_clause_after_an_attitude_noun_completes_the_noun() {
        let got = run(
            "Zelensky repeated his criticism of Moscow's demand that Ukraine withdraw from Donbas.",
        );
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("his criticism of Moscow's demand") && g.3 == "ukraine"),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|g| g.1.starts_with("Ukraine withdraw") && g.3 == "ukraine"),
            "{got:?}"
        );
        let got = run(
            "Umerov said in a Facebook post after the agreement that any movement of Russian vessels would be a violation.",
        );
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("any movement") && g.3 == "ukraine"),
            "{got:?}"
        );
    }

    /// "Trump called Zelenskyy" placed a call: a quotation verb with only a
    /// name after it says nothing; "called the talks constructive" does.
    #[test]
    fn a_quotation_verb_with_only_a_name_says_nothing() {
        assert!(run("Immediately after the meeting, Trump called Zelenskyy.").is_empty());
        let got = run("Trump called the talks “very constructive”.");
        assert!(got.iter().any(|g| g.2 == "Donald Trump"), "{got:?}");
    }

    /// "…, after Washington said …": the subordinate clause is another
    /// speaker's statement, not the first cue's content.
    #[test]
    fn a_subordinate_speech_clause_ends_the_content() {
        let got = run(
            "Putin declared a unilateral Easter ceasefire, after Washington said \
             it could abandon peace talks within days.",
        );
        assert!(
            got.iter()
                .any(|g| g.1 == "a unilateral Easter ceasefire" && g.3 == "russia"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("it could abandon") && g.3 == "united_states"),
            "{got:?}"
        );
        // A focus adverb may come before the subordinator.
        let got = run(
            "The Kremlin said that talks are on pause, even as Ukraine signaled that negotiations could resume.",
        );
        assert!(
            got.iter()
                .any(|g| g.1 == "talks are on pause" && g.3 == "russia"),
            "{got:?}"
        );
        assert!(got.iter().any(|g| g.3 == "ukraine"), "{got:?}");
        // A later cue with words of its own after it is no trailing
        // attribution: the first statement stays.
        let got = run("Putin said the talks would resume, and Kyiv agreed to a ceasefire.");
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("the talks would resume") && g.3 == "russia"),
            "{got:?}"
        );
        // A trailing one ends the sentence, perhaps with an adverbial or a credit.
        for t in [
            "Russia is ready for talks, Peskov told reporters on Monday.",
            "Russia is ready for talks, the Kremlin said.",
        ] {
            let got = run(t);
            assert_eq!(got.len(), 1, "{t}: {got:?}");
            assert_eq!(got[0].1, "Russia is ready for talks", "{t}: {got:?}");
        }
    }
}
