//! Positions in the passive voice: "the ceasefire proposal was rejected by
//! Kyiv", "territorial concessions, which were rejected by Kyiv as
//! capitulation". The side or person of the by-phrase holds the attitude;
//! what the statement is about is the passive subject (for a relative
//! "which", the phrase the clause describes).
//!
//! In: a sentence's attitude cues and mentions. Out: one statement per
//! passive cue whose by-phrase names a speaker, its words running from the
//! passive subject to the end of the verb's clause; the cue is marked used
//! so the reported-speech pass does not read it again.

use super::speakers::{CueSubjects, Memory, resolve};
use super::{Kind, Scope, Statement, said_on::said_on};
use crate::text::{Cue, Mention};
use std::ops::Range;

/// Forms of "be" that make a participle passive.
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Words that may stand between "be" and the participle ("was firmly
/// rejected", "has been widely welcomed").
fn is_adverb(w: &str) -> bool {
    w.len() > 3 && w.ends_with("ly")
}

/// The passive statements of a sentence (see the module comment).
pub(super) fn passive_statements(
    s: &Scope,
    subjects: &mut CueSubjects,
    memory: &Memory,
    out: &mut Vec<Statement>,
) {
    for (ci, cue) in s.cues.iter().enumerate() {
        if subjects.used[ci] || !cue.attitude {
            continue;
        }
        let Some(be_start) = be_before(s, cue) else {
            continue;
        };
        let Some(agent) = agent_after(s, cue) else {
            continue;
        };
        let Some((speaker, party, personal)) = resolve(&agent.who, s.lex, memory) else {
            continue;
        };
        let Some(subject) = passive_subject(s, be_start) else {
            continue;
        };
        // The statement reads as written: the subject, the verb, the agent
        // and what follows in its clause ("… rejected by Kyiv as capitulation").
        let span = subject.start..clause_end(s, agent.end);
        subjects.used[ci] = true;
        out.push(Statement {
            index: 0,
            kind: if personal {
                Kind::Indirect
            } else {
                Kind::Reported
            },
            speaker,
            party,
            cue: s.cue_text(cue),
            cue_span: Some(cue.start..cue.end),
            span,
            sentence: s.sentence.clone(),
            said_on: said_on(s.text, s.sentence, Some(cue), &[], s.published),
        });
    }
}

/// Where the passive's subject ends: before the "be" of "was rejected",
/// "were firmly rejected", "has been welcomed", or before the comma or dash
/// of a reduced relative ("concessions - rejected by Kyiv as …"). A negated
/// passive ("was not accepted by") is left alone: its negation is not part
/// of what is scored.
pub(super) fn be_before(s: &Scope, cue: &Cue) -> Option<usize> {
    let before = &s.text[s.sentence.start..cue.start];
    if let Some(noun_end) = reduced_relative(s, cue) {
        return Some(noun_end);
    }
    let mut end = before.trim_end().len();
    for _ in 0..2 {
        let word_start = after_last_space(&before[..end]);
        let word = &before[word_start..end];
        let lower = word.to_ascii_lowercase();
        if BE.contains(&lower.as_str()) {
            return Some(s.sentence.start + word_start);
        }
        if matches!(word, "-" | "–" | "—") {
            return Some(s.sentence.start + word_start);
        }
        if let Some(stem) = word.strip_suffix(',')
            && !stem.is_empty()
            && end == before.trim_end().len()
        {
            return Some(s.sentence.start + word_start + stem.len());
        }
        if !is_adverb(&lower) {
            return None;
        }
        end = before[..word_start].trim_end().len();
    }
    None
}

/// "the proposal floated by Washington", "a demand backed by Kyiv's
/// allies": a participle right after a common noun, with an agent, is a
/// reduced relative clause; the noun ends the passive's subject.
fn reduced_relative(s: &Scope, cue: &Cue) -> Option<usize> {
    let verb = s.text[cue.start..cue.end].split_whitespace().next()?;
    let participle = ["ed", "en", "wn", "ught"].iter().any(|e| verb.ends_with(e));
    if !participle || !s.text[cue.end..s.sentence.end].starts_with(" by ") {
        return None;
    }
    let before = s.text[s.sentence.start..cue.start].trim_end();
    let word = &before[after_last_space(before)..];
    let noun = word.len() > 2
        && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !is_adverb(word)
        && !BE.contains(&word)
        && !NOT_NOUNS.contains(&word)
        && !crate::text::AUXILIARIES.contains(&word);
    // Only in an apposition ("…, a demand backed by Kyiv's allies", "…, in
    // a move cheered by European allies"): "is seeking a guarantee backed
    // by the US" describes what is sought, and "the proposal floated by
    // Washington" is its owner's (a speech noun, `possessive_statements`).
    let appositive = before
        .rsplit(char::is_whitespace)
        .take(4)
        .any(|w| w.ends_with([',', '—', '–']) || matches!(w, "—" | "–" | "-"));
    (noun && appositive).then_some(s.sentence.start + before.len())
}

/// Words a participle may follow that are no noun it describes ("has
/// backed", "and backed", "who backed").
const NOT_NOUNS: &[&str] = &[
    "has", "have", "had", "having", "and", "but", "not", "never", "also", "who", "which", "that",
    "get", "got", "gets", "getting", "then", "just", "already", "again", "jointly", "once",
];

/// Where the last word of `s` starts: after its last whitespace (of any
/// width in bytes), or 0.
fn after_last_space(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The mention right after "by" (or "by the") following the cue, when it
/// is the agent of the passive ("rejected by Kyiv").
pub(super) fn agent_after<'m>(s: &'m Scope, cue: &Cue) -> Option<&'m Mention> {
    let rest = &s.text[cue.end..s.sentence.end];
    let after_by = rest.strip_prefix(" by ")?;
    let skip = if after_by
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("the "))
    {
        4
    } else {
        0
    };
    let at = cue.end + " by ".len() + skip;
    let by_at = cue.end + " by ".len();
    let m = s
        .mentions
        .iter()
        .find(|m| m.start == at || m.start == by_at)?;
    possessed_head(s.text, m, s.mentions)
}

/// "by Ukraine's Western allies": a possessor is not who acts; the mention
/// it owns is, when the lexicon knows one ("Western allies"), else no one
/// ("Ukraine's allies"). Any other mention is itself.
pub(super) fn possessed_head<'m>(
    text: &str,
    m: &'m Mention,
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    let own = &text[m.start..m.end];
    let after = &text[m.end..];
    let possessive = own.ends_with("'s")
        || own.ends_with("’s")
        || after.starts_with("'s ")
        || after.starts_with("’s ");
    if !possessive {
        return Some(m);
    }
    mentions
        .iter()
        .find(|o| o.start > m.end && text[m.end..o.start].split_whitespace().count() <= 2)
}

/// Where the clause that goes on after the agent ends: at the next comma,
/// semicolon or dash, else at the sentence's end (final stop trimmed).
fn clause_end(s: &Scope, from: usize) -> usize {
    let rest = &s.text[from..s.sentence.end];
    let cut = [", ", "; ", " - ", " – ", " — "]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()
        .unwrap_or(rest.len());
    super::content::trim_tail(s.text, from, from + cut)
}

/// What the passive is about: the words of the clause before "be", or,
/// after ", which" / ", that", the phrase before the comma. At most sixteen
/// words, ending where the clause does.
fn passive_subject(s: &Scope, be_start: usize) -> Option<Range<usize>> {
    let text = s.text;
    let mut end = text[s.sentence.start..be_start].trim_end().len() + s.sentence.start;
    let mut head = &text[s.sentence.start..end];
    // "…, which were rejected": the relative pronoun's antecedent.
    for rel in [", which", ", that", " which", " that"] {
        if let Some(stripped) = head.strip_suffix(rel) {
            head = stripped.trim_end_matches(',');
            end = s.sentence.start + head.len();
            break;
        }
    }
    // The clause: after the last comma, semicolon or dash.
    let clause_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | '—' | '–' | ':'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // Nor before a cue of the clause ("Peskov said the ceasefire was …").
    let clause_start = s
        .cues
        .iter()
        .filter(|c| c.end <= end)
        .map(|c| c.end.saturating_sub(s.sentence.start))
        .fold(clause_start, usize::max);
    let clause = head[clause_start..].trim_start();
    let clause = clause.strip_prefix("that ").unwrap_or(clause);
    let clause_start = head.len() - clause.len();
    let clause = &head[clause_start..];
    let lead = clause.len() - clause.trim_start().len();
    let mut start = s.sentence.start + clause_start + lead;
    // At most sixteen words: the last sixteen.
    let words: Vec<usize> = text[start..end]
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    if words.len() >= 16 {
        start += words[words.len() - 16];
    }
    (end > start).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;

    #[test]
    fn the_agent_of_a_passive_holds_the_position() {
        let got = run("The ceasefire proposal was rejected by Kyiv.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "ukraine", "{got:?}");
        assert_eq!(
            got[0].1, "The ceasefire proposal was rejected by Kyiv",
            "{got:?}"
        );
    }

    #[test]
    fn a_relative_passive_is_about_the_phrase_it_describes() {
        let got = run(
            "Moscow has stuck to its demands for territorial concessions, which were firmly rejected by Kyiv.",
        );
        let kyiv: Vec<_> = got.iter().filter(|g| g.3 == "ukraine").collect();
        assert_eq!(kyiv.len(), 1, "{got:?}");
        assert_eq!(
            kyiv[0].1,
            "its demands for territorial concessions, which were firmly rejected by Kyiv"
        );
    }

    #[test]
    fn a_passive_in_reported_speech_starts_after_the_cue() {
        let got = run("Peskov said that the ceasefire was rejected by Kyiv.");
        let kyiv: Vec<_> = got.iter().filter(|g| g.3 == "ukraine").collect();
        assert_eq!(kyiv.len(), 1, "{got:?}");
        assert_eq!(kyiv[0].1, "the ceasefire was rejected by Kyiv");
    }

    #[test]
    fn a_reduced_relative_after_a_dash_or_comma_is_a_passive() {
        let got = run(
            "Moscow has stuck to its demands for territorial concessions - rejected by Kyiv as capitulation.",
        );
        let kyiv: Vec<_> = got.iter().filter(|g| g.3 == "ukraine").collect();
        assert_eq!(kyiv.len(), 1, "{got:?}");
        assert_eq!(kyiv[0].0, "reported", "{got:?}");
        assert!(
            kyiv[0]
                .1
                .starts_with("its demands for territorial concessions - rejected by Kyiv")
        );
    }

    #[test]
    fn an_appositive_participle_with_an_agent_is_the_agents_position() {
        let got = run("Zelensky called for a ceasefire, a demand backed by Kyiv's Western allies.");
        assert!(
            got.iter()
                .any(|g| g.3 == "europe" && g.1.starts_with("a demand backed")),
            "{got:?}"
        );
        // The possessor is not the agent; a description of what is sought
        // is no one's position.
        let got = run("Zelensky called for a ceasefire, a demand backed by Ukraine's allies.");
        assert_eq!(got.len(), 1, "{got:?}");
        let got = run("Zelensky is seeking a security guarantee backed by the United States.");
        assert!(!got.iter().any(|g| g.3 == "united_states"), "{got:?}");
    }

    #[test]
    fn no_agent_or_no_be_is_no_passive() {
        // An agentless passive names no one; an active verb is read elsewhere.
        assert!(run("The ceasefire proposal was rejected.").is_empty());
        let got = run("The plan was drafted by Witkoff.");
        assert!(got.is_empty(), "{got:?}");
    }
}
