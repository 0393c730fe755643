//! Reported speech and positions without quotation marks: a cue with a
//! subject and the words after it ("Kyiv wants …", "…, two sources said"),
//! and possessive speech nouns ("Putin's demand that …").

use super::content::{content_span, trim_tail};
use super::said_on::said_on;
use super::speakers::{
    CueSubjects, Memory, Speaker, coordinated, cue_ends_near, own_named_subject, personal_speaker,
    resolve, subject_start,
};
use super::{Kind, Scope, Statement};
use crate::lexicon::{Attitude, Hit, Meaning};
use crate::text::{Cue, CueKind, Mention, Who, finite_verb, in_quote, offset_in};
use std::ops::Range;

/// "According to X, Y said …": a speech verb with a subject of its own in
/// the clause right after the source's comma (no comma or "while" between;
/// "…, while Boeing said" is another clause).
fn speaker_follows(s: &Scope, ci: usize, subjects: &CueSubjects) -> bool {
    let cue = &s.cues[ci];
    let Some(comma) = s.text[cue.end..s.sentence.end]
        .find(", ")
        .map(|i| cue.end + i + 2)
    else {
        return false;
    };
    (ci + 1..s.cues.len()).any(|j| {
        let c = &s.cues[j];
        c.kind == CueKind::Speech
            && subjects.subjects[j].is_some()
            && c.start > comma
            && !s.text[comma..c.start].contains([',', ';'])
            && !s.text[comma..c.start].contains(" while ")
    })
}

/// The reported statements of a sentence's cues not used by a quotation.
pub(super) fn reported_statements(
    s: &Scope,
    subjects: &mut CueSubjects,
    memory: &mut Memory,
    out: &mut Vec<Statement>,
) {
    let text = s.text;
    let mut content_until = 0usize; // cues inside an earlier statement's content are part of it
    for (ci, cue) in s.cues.iter().enumerate() {
        // Participles ("saying", "calling") only attribute quotations; a finite
        // "described the talks as constructive" is a statement of its own.
        // "Interfax quoted Peskov as saying that …" reports what he said.
        let as_saying = text[..cue.start].ends_with(" as ");
        let reporting = reporting_participle(s, ci) || attitude_participle(s, ci, out);
        if subjects.used[ci]
            || (cue.is_participle(text) && !as_saying && !reporting)
            || subjects.media[ci]
        {
            continue;
        }
        let subject = subjects.subjects[ci].clone().or_else(|| {
            reporting
                .then(|| participle_subject(s, ci, subjects, out))
                .flatten()
        });
        let Some((speaker, party, personal)) = subject else {
            continue;
        };
        if negated_speech(s, cue)
            || inside_trailing(s, ci, subjects)
            || hypothetical(s, cue)
            || demanded_of_subject(s, cue)
            || directive_complement(s, ci)
            || gerund_of_accusation(s, cue)
            || infinitive_of_object(s, ci)
            || s.lex.failure_before(text, cue.start)
            || object_relative(s, ci)
            || predicted(s, cue)
        {
            continue;
        }
        // "According to diplomatic sources, Medinsky said …": the sources
        // are the channel; the speaker is whoever the clause says spoke.
        if cue.kind == CueKind::SourceFirst && speaker_follows(s, ci, subjects) {
            continue;
        }
        let coordinated_cue = ci > 0 && coordinated(text, s.cues[ci - 1].end, cue.start);
        if cue.start < content_until
            && (!own_named_subject(text, cue, s.mentions, s.cues, s.lex) || deontic_cue(s, cue))
            && !coordinated_cue
        {
            continue;
        }
        // "Zelensky said he instructed negotiators to …": a clause of the
        // speaker's own inside what they said is part of that statement, not
        // a second one with the same words.
        // Likewise the speaker's own side as a whole ("Peskov said Russia was
        // ready to …", "Sounry said that Cambodia rejects …"): one statement.
        // The speaker named again by name is a new clause (a page that ran a
        // heading into the text: "… warns against conceding territory
        // Zelenskyy has also pointed out that …").
        if cue.start < content_until
            && out.last().is_some_and(|p| {
                p.sentence == *s.sentence
                    && p.party == party
                    && (p.speaker == speaker && !named_again(s, cue, p.span.start)
                        || speaker.is_empty())
            })
        {
            continue;
        }
        if in_quotation_attribution(s, ci, &subjects.used) {
            continue;
        }
        let Some(span) = content_span(text, s.sentence, cue, &s.cues[ci + 1..], s.mentions, s.lex)
        else {
            continue;
        };
        let span = before_trailing(s, ci, subjects, span);
        if span.end <= span.start {
            continue;
        }
        content_until = span.end;
        trim_previous(s, cue, out);
        let kind = if personal {
            Kind::Indirect
        } else {
            Kind::Reported
        };
        if personal && personal_speaker(&speaker) {
            memory.last_quote = Some((speaker.clone(), party, s.n, None));
        }
        subjects.note_speaker(&speaker, party, s.mentions);
        // "Rubio and Umerov said that …": the statement is each one's.
        for (sp, p, _) in subjects.co[ci].clone() {
            push_reported(s, cue, kind, (sp, p), span.clone(), out);
        }
        push_reported(s, cue, kind, (speaker, party), span, out);
    }
}

/// Is the cue's subject a person named right before it (not a pronoun),
/// inside the statement whose content starts at `from`?
fn named_again(s: &Scope, cue: &Cue, from: usize) -> bool {
    s.mentions.iter().any(|m| {
        matches!(m.who, Who::Person(..))
            && m.start >= from
            && m.end <= cue.start
            && s.text[m.end..cue.start].split_whitespace().count() <= 3
            && s.mentions
                .iter()
                .all(|o| o.end <= m.end || o.start >= cue.start)
    })
}

/// "…, adding that a new round would follow", "…, stressing that the
/// territory is not negotiable", "rejected the claim, saying India had
/// violated the treaty": a speech participle after a comma, before "that"
/// or a clause with a finite auxiliary, reports what the subject of the
/// verb before it said (a participle with a quotation only attributes the
/// quotation).
fn reporting_participle(s: &Scope, ci: usize) -> bool {
    let (text, cue) = (s.text, &s.cues[ci]);
    let after = &text[cue.end..s.sentence.end];
    ci > 0
        && cue.is_participle(text)
        // A comma may close a quotation first: "… to consider,” adding that".
        && text[..cue.start]
            .trim_end()
            .trim_end_matches(['”', '"', '’'])
            .ends_with(',')
        && (after.starts_with(" that ") || finite_clause(after))
        && s.cues[ci - 1].end <= cue.start
}

/// "Zelensky addressed parliament, urging allies to tighten sanctions": an
/// attitude participle after a comma, with an object of its own, states the
/// position of the subject of the verb before it (a quotation after it is
/// attributed as before: "…, calling it “a farce”").
fn attitude_participle(s: &Scope, ci: usize, out: &[Statement]) -> bool {
    let (text, cue) = (s.text, &s.cues[ci]);
    if ci == 0 || !cue.attitude || !cue.is_participle(text) {
        return false;
    }
    // A passive participle before it ("a bill proposed by Trump") is no
    // verb of a clause: the verb before it is.
    let Some(prev) = s.cues[..ci]
        .iter()
        .rev()
        .find(|c| !text[c.end..].starts_with(" by "))
        .copied()
    else {
        return false;
    };
    let after = text[cue.end..s.sentence.end].trim_start();
    // After a clause inside what was said ("Ukraine said Moscow had
    // rejected its call …, offering instead …") the participle may be that
    // clause's: whose it is is not sure.
    let embedded = || {
        out.iter()
            .rev()
            .take_while(|st| st.sentence == *s.sentence)
            .any(|st| st.span.contains(&prev.start))
    };
    text[..cue.start].trim_end().ends_with(',')
        && !after.starts_with(['“', '"', '‘'])
        && prev.end <= cue.start
        // One clause before it: "As Zelensky sought to …, Trump lit into
        // him, suggesting …" is not Zelensky's.
        && one_clause_between(&text[prev.end..cue.start])
        && !embedded()
}

/// The words between a verb and a participle after it hold one clause
/// break: a single comma, or a relative aside and its closing comma
/// ("resisted a bill …, which would keep the government open, demanding …").
fn one_clause_between(between: &str) -> bool {
    match between.matches(',').count() {
        1 => true,
        2 => {
            let first = between.find(',').unwrap_or(0);
            [", which ", ", who "]
                .iter()
                .any(|r| between[first..].starts_with(r))
        }
        _ => false,
    }
}

/// Does `after` open a clause of its own: a subject of at most four words
/// and a finite auxiliary ("the cease-fire was worked out", "India had
/// violated", "they were useful"), before any punctuation or quotation?
fn finite_clause(after: &str) -> bool {
    // A finite auxiliary or modal: not "to", "be", "been" or "being",
    // which a participle's object may hold ("adding complications to …").
    let finite = |w: &str| {
        let w = w.to_ascii_lowercase();
        crate::text::is_auxiliary(&w) && !matches!(w.as_str(), "to" | "be" | "been" | "being")
    };
    let words: Vec<&str> = after.split_whitespace().take(6).collect();
    let Some(aux) = words.iter().position(|w| finite(w)) else {
        return false;
    };
    (1..=4).contains(&aux)
        && words[..aux].iter().all(|w| {
            !w.contains([',', ';', ':', '"', '“', '”', '(', ')'])
                && !w.ends_with("ing")
                && !crate::text::is_auxiliary(&w.to_ascii_lowercase())
        })
}

/// "…, Muyaya said, stressing that …": the participle's subject is the
/// subject of a verb before it, not of a verb inside what was said, and a
/// person before a side ("Putin noted that … Ukraine is interested in …,
/// noting that …" is Putin's).
fn participle_subject(
    s: &Scope,
    ci: usize,
    subjects: &CueSubjects,
    out: &[Statement],
) -> Option<Speaker> {
    let inside_said = |c: &Cue| {
        out.iter()
            .any(|st| st.sentence == *s.sentence && st.span.contains(&c.start))
    };
    let before = || (0..ci).rev().filter(|&j| !inside_said(&s.cues[j]));
    before()
        .find_map(|j| subjects.subjects[j].clone().filter(|sp| sp.2))
        .or_else(|| before().find_map(|j| subjects.subjects[j].clone()))
}

/// "if Putin agrees to a 60-day ceasefire, Kyiv would …": a cue whose
/// subject follows a hypothetical opener (the lexicon's `hypotheticals`, up
/// to three words before the subject, in the same clause) states nothing of
/// that subject; its words stay in the statement around it.
fn hypothetical(s: &Scope, cue: &Cue) -> bool {
    let subject = subject_start(cue, s.mentions).unwrap_or(cue.start);
    let before = &s.text[s.sentence.start..subject.max(s.sentence.start)];
    let clause = before.rsplit([',', ';', '—', '–']).next().unwrap_or("");
    let words: Vec<String> = clause
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let opens = |w: &str| s.lex.words.hypotheticals.contains(w);
    words.iter().any(|w| opens(w))
        || words
            .windows(2)
            .any(|p| opens(&format!("{} {}", p[1], p[0])))
}

/// "Zelensky said Russia should agree to a ceasefire": a verb after a
/// deontic modal ("should", "must", "needs to": the lexicon's
/// `deontic`) between its subject and it is a demand made of the subject,
/// not the subject's position.
fn demanded_of_subject(s: &Scope, cue: &Cue) -> bool {
    let Some(subject) = subject_start(cue, s.mentions) else {
        return false;
    };
    let between = s.text[subject..cue.start].to_lowercase();
    // The words after the subject's first word, as one phrase.
    let words = between
        .split_whitespace()
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    let padded = format!(" {words} ");
    s.lex
        .deontic
        .iter()
        .any(|d| crate::text::contains_spaced(&padded, d))
}

/// "Russia has said Ukraine needs to give up control …": inside what
/// someone said, a side's deontic verb ("needs to", "must") is a demand the
/// speaker makes of that side, part of the speaker's statement.
fn deontic_cue(s: &Scope, cue: &Cue) -> bool {
    let rest = &s.text[cue.start..s.sentence.end];
    s.lex.deontic.iter().any(|d| {
        rest.get(..d.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(d))
            && rest[d.len()..].starts_with(' ')
    })
}

/// "The plan demanded that Ukraine cede territory … and abandon its
/// ambition to join NATO", "Moscow suggested that Kyiv transfer …": a
/// clause in the subjunctive (a bare verb after its subject) after an
/// attitude of support ("demand", "propose", "urge") is what that
/// attitude's subject wants of the clause's subject, not a position of the
/// clause's subject; its words stay in the demand's statement. "Peskov
/// insisted that Kyiv was not ready" (a finite verb) is an assertion.
fn directive_complement(s: &Scope, ci: usize) -> bool {
    let (text, cue) = (s.text, &s.cues[ci]);
    s.cues[..ci].iter().any(|c| {
        // Cheap text tests first: this runs for every pair of cues.
        if !text[c.end..cue.start].starts_with(" that ") {
            return false;
        }
        let at = c.end + " that ".len();
        let Some(m) = s.mentions.iter().find(|m| m.start == at) else {
            return false;
        };
        // "… demanded that Ukraine cede territory — conditions Ukraine has
        // rejected": the apposition opens a clause of its own.
        if super::content::summary_apposition(text, c.end, cue.start, s.lex).is_some() {
            return false;
        }
        let from = s.hits.partition_point(|h| h.start < c.start);
        let supports = s.hits[from..]
            .iter()
            .take_while(|h| h.start == c.start)
            .filter(|h| h.end == c.end)
            .any(|h| {
                s.lex
                    .meanings_with_parts(h)
                    .any(|m| matches!(m, Meaning::Attitude(Attitude::Support | Attitude::Open)))
            });
        supports
            && bare_verb_after(text, m.end)
            && s.mentions
                .iter()
                .filter(|o| o.start > m.end && o.end <= cue.start)
                .all(|o| !opens_clause(s, o.start))
    })
}

/// "Russia blamed Kyiv and its allies for blocking peace talks", "accused
/// Moscow of rejecting the truce": a gerund after "for" or "of" is the act
/// the sentence's subject ascribes to its object, not a position the object
/// stated; it stays in the words of the statement around it.
fn gerund_of_accusation(s: &Scope, cue: &Cue) -> bool {
    let verb = s.text[cue.start..cue.end]
        .split_whitespace()
        .next()
        .unwrap_or("");
    let before = s.text[s.sentence.start..cue.start].trim_end();
    verb.ends_with("ing") && (before.ends_with(" for") || before.ends_with(" of"))
}

/// Is the word after `pos` a bare verb ("cede", "be", "not"): lowercase,
/// no auxiliary, no third-person -s or past -ed?
fn bare_verb_after(text: &str, pos: usize) -> bool {
    text[pos..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()) && !finite_verb(w))
}

/// Does the word before `pos` open a clause of its own (a comma, "and",
/// "but", a subordinator): is a mention there a new subject?
fn opens_clause(s: &Scope, pos: usize) -> bool {
    let before = s.text[s.sentence.start..pos].trim_end();
    let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
    before.ends_with([',', ';', '—', '–']) || matches!(w, "and" | "or") || clause_opener(s, w)
}

/// "while", "but", "whereas" or a subordinator: a word that opens the
/// next clause.
fn clause_opener(s: &Scope, w: &str) -> bool {
    matches!(w, "while" | "but" | "whereas") || s.lex.words.is_subordinator(w)
}

/// "with Putin urging Kyiv not to derail the talks": the subject of an
/// infinitive is the object of the cue right before it (urge, ask, press
/// someone to), whose statement it is; it states nothing of its own.
fn infinitive_of_object(s: &Scope, ci: usize) -> bool {
    let cue = &s.cues[ci];
    let before = s.text[s.sentence.start..cue.start].trim_end();
    if !before.ends_with(" to") {
        return false;
    }
    let Some(m) = s
        .mentions
        .iter()
        .rev()
        .find(|m| m.end <= cue.start && cue.start - m.end < 40)
    else {
        return false;
    };
    let subject = m.start;
    // "Trump pressed Zelensky to accept", "expects Ukraine to agree", "called
    // for Russia to withdraw": a lowercase verb or preposition right before
    // the name makes it an object ("Ukraine to accept ceasefire" in a
    // headline, "Kyiv and Moscow to hold talks" stay subjects).
    let gap_to_cue = s.text[m.end..cue.start].trim();
    let word_before = s.text[s.sentence.start..subject]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if matches!(gap_to_cue, "to" | "not to" | "also to")
        && word_before.starts_with(char::is_lowercase)
        && !matches!(word_before, "and" | "or" | "the" | "both" | "nor")
    {
        return true;
    }
    // "said Russia was unwilling to accept": a finite verb after the name
    // makes it the subject of a clause of its own, not an earlier verb's
    // object.
    let finite_between = gap_to_cue.split_whitespace().any(|w| {
        let w = w.to_ascii_lowercase();
        crate::text::is_auxiliary(&w) && !matches!(w.as_str(), "to" | "be" | "been" | "being")
    });
    !finite_between
        && s.cues[..ci].iter().any(|c| {
            c.end <= subject && {
                let gap = s.text[c.end..subject].trim();
                gap.is_empty() || matches!(gap, "the" | "both")
            }
        })
}

/// "Observers said the RSF is unlikely to accept the plan", "Russia is
/// expected to reject it": a prediction about the subject, which states no
/// position of its own.
fn predicted(s: &Scope, cue: &Cue) -> bool {
    let before = s.text[s.sentence.start..cue.start].trim_end();
    let Some(chain) = before.strip_suffix(" to") else {
        return false;
    };
    chain
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| s.lex.words.predictions.contains(&w.to_lowercase()))
}

/// "the territory … that Russia wants as a price": a position verb's object
/// is the noun before the relative "that"/"which", not the words after it, so
/// it makes no statement of its own (the attitude is read, as someone
/// else's, inside the statement around it).
fn object_relative(s: &Scope, ci: usize) -> bool {
    // "a ceasefire — which Moscow has said is impossible": a speech verb's
    // content follows it even inside a relative clause.
    if s.cues[ci].kind == CueKind::Speech {
        return false;
    }
    let Some(subject) = subject_start(&s.cues[ci], s.mentions) else {
        return false;
    };
    let before = s.text[s.sentence.start..subject].trim_end();
    let Some(b) = before
        .strip_suffix(" that")
        .or_else(|| before.strip_suffix(" which"))
    else {
        return false;
    };
    let at = s.sentence.start + b.trim_end().len();
    // "— measures that Zelensky would resist": a summing-up noun stands for
    // the clause before it, which the statement is about.
    if super::content::summary_apposition(s.text, s.sentence.start, s.cues[ci].start, s.lex)
        .is_some()
    {
        return false;
    }
    // "… elements that Israel has also demanded, including that it disarm":
    // an elaboration after the verb restates its object, so it stays.
    let after = s.text[s.cues[ci].end..s.sentence.end].trim_start_matches(' ');
    let elaborated = [", including", ", such as", ", namely", ":", " —", " –"]
        .iter()
        .any(|m| after.starts_with(m));
    !elaborated && !cue_ends_near(s.text, at, s.cues[ci].start, s.cues)
}

/// "Moscow has not yet announced …": a negated speech verb reports no
/// statement; a negated attitude is a position ("Putin did not support
/// the proposal"), read with its negation.
fn negated_speech(s: &Scope, cue: &Cue) -> bool {
    // The verb group only: "has not yet said", not "… never materialized,
    // Rubio said" (a subject or a comma ends it).
    let words_before: Vec<&str> = s.text[s.sentence.start..cue.start]
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !w.ends_with([',', ';', ':']) && !w.starts_with(char::is_uppercase))
        .collect();
    cue.kind != CueKind::Position
        && !cue.attitude
        && words_before.iter().any(|w| {
            matches!(
                *w,
                "not" | "never" | "yet" | "hasn't" | "haven't" | "didn't"
            )
        })
}

/// "The US and Russia also agreed to …, Witkoff said.": a cue inside the
/// words a later trailing attribution reports is part of that statement.
/// A medium's "…, Reuters reported." deletes no one's statement.
///
/// A side's own position inside it stays a statement of that side when the
/// trailing speaker is of another side or none ("Russia rejected a
/// ceasefire, the prime minister said"), as it does in "Zelensky said Russia
/// rejected a ceasefire".
fn inside_trailing(s: &Scope, ci: usize, subjects: &CueSubjects) -> bool {
    trailing_cue(s, ci, subjects).is_some_and(|(_, other)| !other)
}

/// The trailing speech cue after cue `ci` ("…, the minister said."), if
/// any, and whether its speaker is of another side than `ci`'s own side
/// subject (or has none).
fn trailing_cue(s: &Scope, ci: usize, subjects: &CueSubjects) -> Option<(usize, bool)> {
    let (text, cue) = (s.text, &s.cues[ci]);
    let side = match &subjects.subjects[ci] {
        Some((_, party, false)) => Some(*party),
        _ => None,
    };
    let j = (ci + 1..s.cues.len()).find(|&j| {
        let c = &s.cues[j];
        c.kind == CueKind::Speech
            && !subjects.media[j]
            && text[c.end..s.sentence.end].split_whitespace().count() <= 4
            // (A comma may close a quotation first: "…ceasefire,” Anwar said.)
            && [", ", ",\" ", ",” "]
                .iter()
                .any(|m| text[cue.end..c.start].contains(m))
            && super::content::nothing_said_after(text, s.sentence, c, s.mentions, s.lex)
    })?;
    let other = side.is_some()
        && subjects.subjects[j]
            .as_ref()
            .is_none_or(|(_, p, _)| Some(*p) != side);
    Some((j, other))
}

/// A side's position kept inside a trailing attribution ends at the comma
/// before that attribution's subject.
fn before_trailing(
    s: &Scope,
    ci: usize,
    subjects: &CueSubjects,
    span: Range<usize>,
) -> Range<usize> {
    let Some((j, true)) = trailing_cue(s, ci, subjects) else {
        return span;
    };
    let c = &s.cues[j];
    let subj = subject_start(c, s.mentions).unwrap_or(c.start).min(c.start);
    let before = &s.text[span.start.min(subj)..subj];
    match [", ", ",\" ", ",” "]
        .iter()
        .filter_map(|m| before.rfind(m))
        .max()
    {
        Some(k) => span.start..trim_tail(s.text, span.start, span.start.min(subj) + k),
        None => span,
    }
}

/// A cue inside a quotation-attributing clause is not a second statement.
fn in_quotation_attribution(s: &Scope, ci: usize, used: &[bool]) -> bool {
    let cue = &s.cues[ci];
    s.quotes.iter().any(|q| {
        q.open >= cue.end
            && s.cues[ci + 1..].iter().all(|c| c.start > q.open)
            && used.iter().any(|&u| u)
    })
}

/// Trim the previous statement's content where this cue's subject starts.
fn trim_previous(s: &Scope, cue: &Cue, out: &mut [Statement]) {
    if let Some(prev) = out.last_mut()
        && prev.sentence == *s.sentence
        && matches!(prev.kind, Kind::Indirect | Kind::Reported)
        && prev.span.end > cue.start
    {
        let cut = subject_start(cue, s.mentions).unwrap_or(cue.start);
        let new_end = trim_tail(s.text, prev.span.start, cut);
        // "said that Russia and Ukraine agreed to …": when the new subject
        // opens the previous content, what is left ("Russia and") says
        // nothing; the previous statement keeps its whole clause.
        let left = s.text[prev.span.start..new_end.max(prev.span.start)].trim_end();
        // "said Russian President Vladimir Putin agreed …": a title before
        // the new subject's name is part of that subject.
        let title_only = left.split_whitespace().count() <= 4
            && left
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
        let coordination_only = left.split_whitespace().count() <= 1
            || title_only
            || left.ends_with(" and")
            || left.ends_with(" or")
            || left.ends_with(" nor");
        if new_end > prev.span.start && !coordination_only {
            prev.span.end = without_clause_opener(s, prev.span.start, new_end);
        }
    }
}

/// "… — a demand backed by its allies — while": the word that opens the
/// next speaker's clause ("while", "but", a subordinator) is not part of
/// the content before it.
fn without_clause_opener(s: &Scope, start: usize, end: usize) -> usize {
    // "… as many Republicans": the subject's quantifier goes with it.
    let mut end = end;
    while let Some(i) = s.text[start..end].trim_end().rfind(char::is_whitespace) {
        let last = s.text[start + i..end].trim();
        if !super::speakers::QUANTIFIERS.contains(&last.to_lowercase().as_str()) {
            break;
        }
        end = start + i;
    }
    let left = &s.text[start..end];
    let Some(i) = left.rfind(|c: char| c.is_whitespace() || matches!(c, '—' | '–')) else {
        return end;
    };
    let last = &left[i..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–'));
    if clause_opener(s, last) && i > 0 {
        trim_tail(s.text, start, start + i)
    } else {
        end
    }
}

/// Push a reported statement (each side of a joint subject gets its own:
/// see `co_speakers`).
fn push_reported(
    s: &Scope,
    cue: &Cue,
    kind: Kind,
    (speaker, party): (String, usize),
    span: Range<usize>,
    out: &mut Vec<Statement>,
) {
    let said = said_on(s.text, s.sentence, Some(cue), s.quotes, s.published);
    let statement = |speaker: String, party: usize, span: Range<usize>| Statement {
        index: 0,
        kind,
        speaker,
        party,
        cue: s.cue_text(cue),
        cue_span: Some(cue.start..cue.end),
        span,
        sentence: s.sentence.clone(),
        said_on: said,
    };
    out.push(statement(speaker, party, span));
}

/// "Putin's demand that Ukraine surrender …", "Zelensky's proposal for a
/// ceasefire": a speech noun owned by a person or side reports their position.
pub(super) fn possessive_statements(s: &Scope, memory: &Memory, out: &mut Vec<Statement>) {
    let text = s.text;
    for h in s.hits {
        if in_quote(s.all_quotes, h.start)
            || !s
                .lex
                .meanings_with_parts(h)
                .any(|m| m == Meaning::SpeechNoun)
        {
            continue;
        }
        // "Putin's demand that …", or "the demands by the union include …",
        // "a proposal floated by Washington that would …".
        let attitude = s
            .lex
            .term(h)
            .meanings
            .iter()
            .any(|m| matches!(m, Meaning::Attitude(_)));
        let connector = || connector_end(text, h, s.sentence, attitude);
        // "Russia's refusal to …": a side's possessive adjective owns the
        // noun as a named side would.
        let (owner, connector_end) = match possessive_owner(text, h, s.mentions) {
            Some(o) => (o.who.clone(), connector()),
            None => match possessive_side(s, h) {
                Some(p) => (Who::Party(p), connector()),
                None => match by_owner(text, h, s.mentions) {
                    Some(o) => (o.who.clone(), Some(o.end)),
                    None => continue,
                },
            },
        };
        let Some(connector_end) = connector_end else {
            continue;
        };
        let Some((speaker, party, personal)) = resolve(&owner, s.lex, memory) else {
            continue;
        };
        let cue = Cue {
            start: h.start,
            end: connector_end,
            kind: CueKind::Position,
            attitude: true,
        };
        let later: Vec<Cue> = s
            .cues
            .iter()
            .filter(|c| c.start >= connector_end)
            .copied()
            .collect();
        let Some(span) = content_span(text, s.sentence, &cue, &later, s.mentions, s.lex) else {
            continue;
        };
        // (The sentence's statements are the last ones: a document's
        // earlier ones are not read again, so this stays linear.)
        if out
            .iter()
            .rev()
            .take_while(|st| st.sentence == *s.sentence)
            .any(|st| st.span == span && st.party == party)
        {
            continue;
        }
        let statement = Statement {
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
            sentence: s.sentence.clone(),
            said_on: said_on(text, s.sentence, Some(&cue), &[], s.published),
        };
        // Only a speech noun's own that-clause ("statements that …") is
        // the owner's words; "Russia's insistence on … was “a very important
        // condition”" quotes whoever reported it.
        let that_clause = text[h.end..statement.span.start]
            .split_whitespace()
            .any(|w| w == "that");
        if !attitude && that_clause {
            claim_fragments(&statement, out);
        }
        out.push(statement);
    }
}

/// "… if Beijing continues buying oil, and Trump's statements that the
/// Ukrainians “want to go offensive”": a fragment inside the that-clause of
/// a speech noun is its owner's words, whatever cue farther back took it
/// first.
fn claim_fragments(noun: &Statement, out: &mut [Statement]) {
    let Some(at) = noun.cue_span.as_ref().map(|c| c.start) else {
        return;
    };
    // The sentence's statements are the last ones pushed.
    let this_sentence = out
        .iter_mut()
        .rev()
        .take_while(|st| st.sentence == noun.sentence);
    for st in this_sentence.filter(|st| {
        st.kind == Kind::Partial
            && noun.span.start <= st.span.start
            && st.span.end <= noun.span.end + 3
            && st.cue_span.as_ref().is_none_or(|c| c.start < at)
    }) {
        st.speaker.clone_from(&noun.speaker);
        st.party = noun.party;
        st.cue.clone_from(&noun.cue);
        st.cue_span.clone_from(&noun.cue_span);
    }
}

/// The owner of a speech noun: a mention followed by 's, at most one word
/// before the noun.
fn possessive_owner<'m>(text: &str, h: &Hit, mentions: &'m [Mention]) -> Option<&'m Mention> {
    mentions.iter().rev().find(|m| {
        m.end < h.start && {
            let between = &text[m.end..h.start];
            // "Putin's demand", and a plural's "European leaders' demand".
            let plural = text[m.start..m.end].ends_with('s')
                && (between.starts_with("' ") || between.starts_with("’ "));
            (between.starts_with("'s ") || between.starts_with("’s ") || plural)
                && between.split_whitespace().count() <= 2
        }
    })
}

/// A side whose possessive adjective ("Russia's", a lexicon adjective
/// ending in 's) stands right before the noun, at most one word between.
fn possessive_side(s: &Scope, h: &Hit) -> Option<usize> {
    let lo = s.hits.partition_point(|o| o.end + 40 < h.start);
    s.hits[lo..]
        .iter()
        .take_while(|o| o.end <= h.start)
        .filter(|o| {
            let written = &s.text[o.start..o.end];
            (written.ends_with("'s") || written.ends_with("’s"))
                && s.text[o.end..h.start].split_whitespace().count() <= 1
        })
        .find_map(|o| {
            s.lex.term(o).meanings.iter().find_map(|m| match *m {
                Meaning::PartyAdjective(p) | Meaning::Party(p) => Some(p),
                _ => None,
            })
        })
}

/// The owner named in a by-phrase right after a speech noun, with at most
/// a participle between: "the demands by the union", "a proposal floated by
/// Washington", "the plan drafted by Witkoff".
fn by_owner<'m>(text: &str, h: &Hit, mentions: &'m [Mention]) -> Option<&'m Mention> {
    let rest = &text[h.end..];
    let mut words = rest.split_whitespace();
    let first = words.next()?;
    let by = if first == "by" {
        first
    } else if first.ends_with("ed") {
        words.next().filter(|w| *w == "by")?
    } else {
        return None;
    };
    // The owner is the word after "by" (or after "by the"), wherever the
    // spaces between fall.
    let owner = words.next()?;
    let owner = if owner.eq_ignore_ascii_case("the") {
        words.next()?
    } else {
        owner
    };
    let offset = |w: &str| h.end + offset_in(rest, w);
    let (by_end, owner_at) = (offset(by) + by.len(), offset(owner));
    let m = mentions.iter().find(|m| {
        m.start == owner_at || (m.start > by_end && m.start < owner_at && m.end > owner_at)
    })?;
    super::passive::possessed_head(text, m, mentions)
}

/// Only when a clause follows: "demand that", "proposal for", "call to"
/// (the connector may be part of the term, as in "proposal for"); an
/// attitude noun also takes its object with "of" ("rejection of"). Where
/// the connector ends.
fn connector_end(text: &str, h: &Hit, sentence: &Range<usize>, attitude: bool) -> Option<usize> {
    let connectors: &[&str] = if attitude {
        &["that", "for", "to", "on", "of"]
    } else {
        &["that", "for", "to", "on"]
    };
    let term_ends_with_connector = text[h.start..h.end]
        .rsplit(' ')
        .next()
        .is_some_and(|w| connectors.contains(&w));
    let rest = &text[h.end..sentence.end];
    let next = rest.split_whitespace().next().unwrap_or("");
    if term_ends_with_connector {
        Some(h.end)
    } else if connectors.contains(&next) {
        Some(h.end + rest.find(next).unwrap_or(0) + next.len())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_clause_break_may_hold_a_relative_aside() {
        assert!(super::one_clause_between(" a plan,"));
        assert!(super::one_clause_between(
            " a plan, which would freeze the line,"
        ));
        assert!(!super::one_clause_between(
            " a plan, as Kyiv said, and then,"
        ));
    }

    use super::super::testing::run;

    #[test]
    fn a_medium_after_a_source_cue_is_the_channel_not_the_subject() {
        let got = run("According to Reuters, Russia wants a ceasefire.");
        assert!(
            got.iter().any(|g| g.3 == "russia" && g.1 == "a ceasefire"),
            "{got:?}"
        );
        // A body noun closed by punctuation, an article between it and the
        // cue: "said the foreign ministry.", "According to the statement,".
        let got = run("“We want peace,” said the foreign ministry.");
        assert!(
            got.iter()
                .any(|g| g.0 == "direct" && g.2 == "foreign ministry"),
            "{got:?}"
        );
        let got = run(
            "The White House said on Sunday the talks went well. According to the joint statement, discussions were “productive.”",
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "partial" && g.3 == "united_states"),
            "{got:?}"
        );
        // A news agency is a medium, no speaker.
        let got = run("According to the state news agency, Russia wants a ceasefire.");
        assert!(!got.iter().any(|g| g.2.contains("agency")), "{got:?}");
    }

    #[test]
    fn an_opening_participle_has_the_main_clauses_subject() {
        for text in [
            "While welcoming the security guarantees, Zelensky said serious differences remain.",
            "Welcoming the security guarantees, Zelensky said serious differences remain.",
        ] {
            let got = run(text);
            let welcoming = got.iter().find(|g| g.1 == "the security guarantees");
            assert!(
                welcoming.is_some_and(|g| g.2 == "Volodymyr Zelensky"),
                "{text}: {got:?}"
            );
        }
        // A speech participle opening the sentence quotes for the main
        // clause's subject, unless a speech noun or verb in its clause does.
        let got = run(
            "Acknowledging that Ukraine is in “one of the most difficult moments in its history,” Zelensky said the pressure is immense.",
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "partial" && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        let got = run(
            "Addressing reports that Moscow had sent a “secret letter” to Washington, Peskov dismissed the speculation.",
        );
        assert!(!got.iter().any(|g| g.0 == "partial"), "{got:?}");
        // "According to …" names a source, not a participle's subject.
        let got = run("According to Peskov, Russia wants a ceasefire.");
        assert!(got.iter().any(|g| g.2 == "Dmitry Peskov"), "{got:?}");
    }

    #[test]
    fn a_gerund_after_blame_or_accuse_is_no_position_of_the_accused() {
        let got = run("Russia blamed Kyiv and its Western allies for blocking peace talks.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "russia", "{got:?}");
    }

    #[test]
    fn a_clause_after_an_unspaced_dash_and_while_is_its_subjects_own() {
        let got = run(
            "Ukraine has called for a ceasefire—a demand backed by its allies—while Russia has proposed only a pause.",
        );
        assert!(got.iter().any(|g| g.3 == "russia"), "{got:?}");
        let kyiv = got.iter().find(|g| g.3 == "ukraine").unwrap();
        assert!(!kyiv.1.contains("while"), "{got:?}");
    }

    #[test]
    fn a_subjunctive_clause_after_a_demand_is_no_position_of_its_subject() {
        let got = run(
            "Russia demanded that Ukraine cede territory to Russia, limit its army, and abandon its ambition to join NATO.",
        );
        assert!(!got.iter().any(|g| g.3 == "ukraine"), "{got:?}");
        // A finite verb is an assertion; a clause of its own keeps its subject.
        let got = run("Russia demanded that Ukraine withdraw, while Kyiv rejected the plan.");
        assert!(got.iter().any(|g| g.3 == "ukraine"), "{got:?}");
    }

    #[test]
    fn a_negation_in_the_content_does_not_negate_a_trailing_verb() {
        let got = run("The talks never materialized, Rubio said.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "Marco Rubio", "{got:?}");
        // The verb group's own negation still does.
        let got = run("Moscow has not yet said whether it will attend.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_attitude_participle_after_the_main_clause_is_its_subjects() {
        let got = run("Zelensky addressed parliament, urging allies to reject the peace plan.");
        assert!(
            got.iter()
                .any(|s| s.1 == "allies to reject the peace plan" && s.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        // After a clause inside what was said, whose it is is not sure.
        let got = run(
            "Ukraine said Moscow had rejected its call for a ceasefire, offering instead a short truce.",
        );
        assert!(got.iter().all(|s| !s.1.contains("instead")), "{got:?}");
    }

    #[test]
    fn a_second_headline_clause_after_a_dash_is_no_attribution() {
        let got = run("Kyiv accepts the ceasefire deal - Putin dismisses proposal");
        assert!(!got.iter().any(|g| g.0 == "direct"), "{got:?}");
        let got = run("We will not give up our land - Zelensky says");
        assert!(
            got.iter()
                .any(|g| g.0 == "direct" && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        // A statement must say something.
        assert!(run("What did the Kremlin say?").is_empty());
    }

    #[test]
    fn an_adverbial_after_a_trailing_verb_leaves_the_content_before_it() {
        let got = run(
            "Twenty-six nations have pledged to provide guarantees to Ukraine, \
             French President Emmanuel Macron said after a summit meeting on Thursday.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.starts_with("Twenty-six nations"), "{got:?}");
        assert_eq!(got[0].2, "Emmanuel Macron", "{got:?}");
        let got = run(
            "The stoppage will cost Boeing more than $1 billion per month, \
             S&P Global Ratings said Tuesday as it issued a negative outlook.",
        );
        assert!(got[0].1.starts_with("The stoppage"), "{got:?}");
        assert_eq!(got[0].2, "S&P Global Ratings", "{got:?}");
        let got = run("The talks will resume in Geneva next week, Peskov said at a briefing.");
        assert!(got[0].1.starts_with("The talks will resume"), "{got:?}");
        // An opening phrase is too short to be what was said.
        let got = run("On Monday, the Kremlin said in response.");
        assert!(got.is_empty(), "{got:?}");
        assert!(run("Witkoff hinted at this concern.").is_empty());
    }

    #[test]
    fn a_medium_quoting_someone_as_saying_reports_their_words() {
        let got = run("Interfax quoted Peskov as saying that the talks would continue.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "Dmitry Peskov", "{got:?}");
        let got =
            run("“The next round will be held in Geneva,” RIA Novosti cited Peskov as saying.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "Dmitry Peskov", "{got:?}");
    }

    #[test]
    fn a_sides_possessive_adjective_owns_its_attitude_noun() {
        // "Russia's" is a side's adjective, not a mention; "of" takes an
        // attitude noun's object.
        let got = run("Kyiv's rejection of the ceasefire was clear.");
        assert!(got.iter().any(|g| g.3 == "ukraine"), "{got:?}");
        let got = run("Russia's refusal to accept a ceasefire angered Kyiv.");
        assert!(got.iter().any(|g| g.3 == "russia"), "{got:?}");
        // "of" is no connector for a plain speech noun ("account of").
        let got = run("Putin's account of the meeting was brief.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_content_verb_speaks_only_through_an_owned_document() {
        let got = run("Trump's peace proposal involves a potential lifting of sanctions.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].3, "united_states", "{got:?}");
        let got = run("The US plan includes the withdrawal of Ukrainian troops from Donbas.");
        assert!(got.iter().any(|g| g.3 == "united_states"), "{got:?}");
        // Not a document: no statement.
        assert!(run("Zelensky's delegation included Rustem Umerov.").is_empty());
        assert!(run("Kyiv includes prisoners in its lists.").is_empty());
    }

    #[test]
    fn a_side_named_in_a_prepositional_phrase_is_not_the_subject() {
        let got = run("Ukrainian negotiators in Moscow said the talks were useful.");
        assert!(!got.is_empty(), "{got:?}");
        assert!(got.iter().all(|g| g.3 == "ukraine"), "{got:?}");
    }

    #[test]
    fn a_side_and_its_allies_speak_for_both() {
        let got = run(
            "Kyiv and its European allies stressed that peace cannot be achieved without Kyiv.",
        );
        assert!(got.iter().any(|g| g.3 == "ukraine"), "{got:?}");
        assert!(got.iter().any(|g| g.3 == "europe"), "{got:?}");
    }

    #[test]
    fn an_infinitive_after_a_determiners_noun_has_no_subject_of_its_own() {
        // "address" quotes nothing here: "Kremlin" is part of a noun phrase.
        let got = run(
            "Zakharova repeated Kremlin narratives about the need to address so-called “root causes” of the war.",
        );
        assert!(!got.is_empty(), "{got:?}");
        assert!(got.iter().all(|g| g.2 == "Maria Zakharova"), "{got:?}");
    }

    #[test]
    fn an_infinitive_after_an_owned_noun_is_not_the_clause_subjects() {
        let got = run("Trump postponed sanctions, despite Russia's refusal to accept a ceasefire.");
        assert!(got.iter().all(|g| g.3 != "united_states"), "{got:?}");
        assert!(got.iter().any(|g| g.3 == "russia"), "{got:?}");
    }

    #[test]
    fn a_plural_possessive_owns_its_speech_noun() {
        let got = run(
            "Peskov said Russia does not feel pressured by European leaders' demand for a 30-day ceasefire.",
        );
        assert!(got.iter().any(|g| g.3 == "europe"), "{got:?}");
    }

    #[test]
    fn a_side_after_a_speech_verb_without_that_opens_its_own_statement() {
        // With "that" or without it, a side named after "said" holds what it did.
        for text in [
            "Kyiv said Russia rejected the ceasefire proposal.",
            "Kyiv said that Russia rejected the ceasefire proposal.",
            "Kyiv said on Tuesday Russia rejected the ceasefire proposal.",
        ] {
            let got = run(text);
            assert!(
                got.iter()
                    .any(|g| g.3 == "russia" && g.1 == "the ceasefire proposal"),
                "{text}: {got:?}"
            );
        }
        // A deontic verb there is the speaker's demand, not the side's position.
        let got = run("Russia has said Ukraine needs to give up control of Donbas.");
        assert!(got.iter().all(|g| g.3 == "russia"), "{got:?}");
    }

    #[test]
    fn a_speech_noun_owned_in_a_by_phrase() {
        let got =
            run("Kyiv rejected a proposal floated by Washington that would freeze the front line.");
        assert!(got.iter().any(|g| g.3 == "united_states"), "{got:?}");
        assert!(got.iter().any(|g| g.3 == "ukraine"), "{got:?}");
    }

    #[test]
    fn a_document_speaks_for_its_owner() {
        for text in [
            "The US plan calls for Ukraine to cede the rest of Donbas.",
            "The American plan calls for Ukraine to cede the rest of Donbas.",
            "Washington's plan envisages Ukraine withdrawing from Donetsk.",
        ] {
            let got = run(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].2.as_str(), got[0].3.as_str()),
                ("", "united_states"),
                "{text}"
            );
        }
        // A parenthetical between the document and its verb.
        let got = run(
            "Washington's plan, which was reportedly presented to Ukrainian officials, calls for Ukraine to cede the Donbas.",
        );
        assert!(got.iter().any(|g| g.3 == "united_states"), "{got:?}");
        // Not the subject: a document in another clause.
        let got = run(
            "The deal largely aligns with Russian proposals, and Ukrainian officials said they would watch compliance.",
        );
        assert!(got.iter().all(|g| g.3 != "russia"), "{got:?}");
        // A possessive that owns no document is still no subject.
        let got = run("Trump's re-election signaled a change in Kyiv.");
        assert!(got.iter().all(|g| g.3 != "united_states"), "{got:?}");
    }

    #[test]
    fn a_trailing_medium_is_no_part_of_the_content() {
        let got = run("The union said in a statement it would strike, Reuters reported.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "it would strike", "{got:?}");
    }

    #[test]
    fn a_dateline_credit_is_no_subject() {
        for text in [
            "WASHINGTON (Reuters) -- Russia said the talks were productive.",
            "Mar 25, 2025 (Bloomberg) –The US said the talks were productive.",
            "KYIV, Ukraine (AP) — Ukraine said the talks were productive.",
        ] {
            let got = run(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, "the talks were productive", "{text}: {got:?}");
            assert_ne!(got[0].3, "other", "{text}: {got:?}");
        }
    }

    #[test]
    fn an_opening_framing_phrase_is_the_writers() {
        let got = run(
            "In a sign that the talks had stalled, the two lead negotiators did not take part in the session, according to a U.S. official.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.starts_with("the two lead negotiators"), "{got:?}");
    }

    #[test]
    fn a_pronoun_in_an_opening_before_clause_is_not_the_subject() {
        let got = run(
            "But before they adjourned, Kyiv and Moscow agreed to exchange 1,000 prisoners of war each.",
        );
        let parties: Vec<&str> = got.iter().map(|g| g.3.as_str()).collect();
        assert!(
            parties.contains(&"ukraine") && parties.contains(&"russia"),
            "{got:?}"
        );
    }

    #[test]
    fn a_demand_made_of_a_side_is_not_its_position() {
        let got = run("Zelensky said Russia should agree to a cease-fire before further talks.");
        assert!(got.iter().all(|g| g.3 == "ukraine"), "{got:?}");
        // Its own verb group is still its position.
        let got = run("Russia has agreed to a cease-fire.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_progressive_position_verb_is_finite() {
        // "proposing" is also the participle of the reporting verb "propose".
        let got = run("The US is proposing to establish a free economic zone in Donbas.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].3.as_str()),
            ("reported", "united_states")
        );
        // A participle after a quotation still only attributes it.
        let got = run("“We are ready,” Zelensky said, proposing talks in Istanbul.");
        assert!(got.iter().all(|g| g.2 == "Volodymyr Zelensky"), "{got:?}");
    }

    #[test]
    fn a_hypothetical_clause_is_no_statement_of_its_subject() {
        let got = run(
            "Zelenskyy reiterated that if Putin agrees to a 60-day ceasefire, he would put the entire peace plan to a nationwide referendum.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "Volodymyr Zelensky", "{got:?}");
        assert!(got[0].1.starts_with("if Putin agrees"), "{got:?}");
        let got = run("If the Kremlin rejects the plan, Washington will impose new sanctions.");
        assert!(got.is_empty(), "{got:?}");
        // Not hypothetical: the subject's own clause.
        let got = run("Russia rejected the plan, if only for now.");
        assert_eq!(got.len(), 1, "{got:?}");
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
    fn a_speakers_own_clause_inside_their_statement_is_not_a_second_one() {
        let got = run(
            "Zelensky said he instructed negotiators to discuss the future of the Zaporizhzhia plant.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        // Someone else's position inside it is a statement of its own.
        let got = run("Peskov said Putin rejected the plan.");
        assert_eq!(got.len(), 2, "{got:?}");
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
    fn a_gerund_after_an_attitude_is_its_object_not_a_quotation_verb() {
        // "continue" also attributes quotations ("Novak continued, “…”").
        let got = run("Moscow rejected continuing the talks.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "continuing the talks");
        assert_eq!(got[0].3, "russia");
        // A participle after a comma still shares the clause's subject.
        let got = run("Zelensky rejected the plan, calling it “a capitulation”.");
        assert!(got.iter().any(|g| g.1 == "a capitulation"), "{got:?}");
    }

    #[test]
    fn a_reported_statement_says_more_than_grammar() {
        let got = run("Zelensky, however, pushed back, saying, “We want that. Putin doesn’t.”");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "direct");
        let got = run("Bessent said the invasion was illegal and continued to");
        assert_eq!(got.len(), 1, "{got:?}");
        // A pronoun is something: it stands for what was rejected.
        let got = run("Kyiv rejected it.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_participle_clause_after_a_trailing_verb_leaves_the_content_before_it() {
        let got = run(
            "Cambodia and Thailand agreed to start the ceasefire at midnight, Anwar Ibrahim said, reading a joint statement.",
        );
        let anwar: Vec<_> = got.iter().filter(|g| g.2 == "Anwar Ibrahim").collect();
        assert_eq!(anwar.len(), 1, "{got:?}");
        assert_eq!(
            anwar[0].1,
            "Cambodia and Thailand agreed to start the ceasefire at midnight"
        );
    }

    #[test]
    fn why_a_source_is_anonymous_is_no_statement() {
        let got = run(
            "A senior US official, speaking on condition of anonymity because they were not authorized to speak publicly, said Kyiv would accept the plan.",
        );
        assert!(
            got.iter()
                .any(|g| g.3 == "united_states" && g.1 == "Kyiv would accept the plan"),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.1.starts_with("to speak")), "{got:?}");
    }

    #[test]
    fn the_countrys_ministry_is_the_side_named_last() {
        let got = run(
            "Ukraine said it would host the talks. Russia's delegation arrived. The country's foreign ministry said the meeting was useful.",
        );
        assert!(
            got.iter()
                .any(|g| g.2 == "Ukraine's foreign ministry" && g.3 == "ukraine"),
            "{got:?}"
        );
    }

    #[test]
    fn an_honorific_is_part_of_the_name_it_stands_before() {
        let got = run("Peskov said Mr Putin and Mr Trump agreed to a ceasefire.");
        assert!(
            got.iter()
                .any(|g| g.2 == "Dmitry Peskov"
                    && g.1 == "Mr Putin and Mr Trump agreed to a ceasefire"),
            "{got:?}"
        );
        assert!(got.iter().any(|g| g.2 == "Vladimir Putin"), "{got:?}");
        assert!(got.iter().any(|g| g.2 == "Donald Trump"), "{got:?}");
    }

    #[test]
    fn a_speech_participle_before_that_reports_the_clause_subjects_words() {
        let got = run("Peskov said the talks were useful, adding that a new round would follow.");
        assert!(
            got.iter()
                .any(|g| g.2 == "Dmitry Peskov" && g.1 == "a new round would follow"),
            "{got:?}"
        );
        // The person who spoke, not a side named inside what they said.
        let got = run(
            "Putin noted that Ukraine is interested in a truce, noting that its troops would be blocked.",
        );
        assert!(
            got.iter()
                .any(|g| g.2 == "Vladimir Putin" && g.1 == "its troops would be blocked"),
            "{got:?}"
        );
        // After a quotation that ends with its comma.
        let got = run(
            "Trump said it was one of the points that “we need to consider,” adding that Putin wants to find an answer.",
        );
        assert!(
            got.iter()
                .any(|g| g.2 == "Donald Trump" && g.1 == "Putin wants to find an answer"),
            "{got:?}"
        );
        // Without "that", before a clause with a finite auxiliary.
        let got = run("Moscow rejected the claim, saying Kyiv had violated the truce.");
        assert!(
            got.iter()
                .any(|g| g.3 == "russia" && g.1 == "Kyiv had violated the truce"),
            "{got:?}"
        );
        // An object ("complications to …") is no clause; nor is "saying
        // goodbye to the delegates who were there".
        for text in [
            "Moscow rejected the plan, adding complications to Trump's offer.",
            "Zelensky rejected the plan, saying goodbye to the delegates who were there.",
        ] {
            let got = run(text);
            assert!(
                got.iter().all(|g| g.0 != "indirect"
                    || !g.1.starts_with("complications") && !g.1.starts_with("goodbye")),
                "{text}: {got:?}"
            );
        }
        // With a quotation the participle only attributes it.
        let got = run("Zelensky rejected the plan, saying “it is a capitulation”.");
        assert!(
            !got.iter()
                .any(|g| g.0 == "indirect" && g.1.contains("capitulation")),
            "{got:?}"
        );
    }

    #[test]
    fn the_speaker_named_again_inside_their_statement_starts_a_new_one() {
        // A page ran a heading into the text: no full stop between them.
        let got = run(
            "Zelenskyy warns against conceding territory in Donbas Zelenskyy has also pointed out that Russia is suffering heavy losses.",
        );
        assert!(
            got.iter()
                .any(|g| g.1 == "Russia is suffering heavy losses" && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        // A source named before the content is not named again in it.
        let got = run(
            "According to Kremlin spokesperson Dmitry Peskov, discussing any specifics of the document is inappropriate.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
