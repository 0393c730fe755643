//! Documents that speak for their owners: "The 28-point plan would see
//! Ukraine hand over …" states what the plan's owner proposes, when the
//! article said whose plan it is ("the US plan", "Washington's proposal",
//! "the draft, drawn up by Witkoff, …", "Washington proposed a peace plan").
//!
//! In: a sentence's [`Scope`], its cue and mentions; the document's
//! [`Memory`]. Out: the owner of a bare document that is a cue's subject,
//! and, after each sentence, the owner the sentence names for later ones.

use super::Scope;
use super::speakers::{CueSubjects, Memory, Speaker, resolve};
use crate::text::{AUXILIARIES, Cue, Mention, Who, is_verb_adverb, offset_in, owned_document};

/// Words that may open the document's noun phrase: definite ones, which
/// refer back to a document named before ("A joint document envisions"
/// introduces a new one, whose owner the article has not said).
const DETERMINERS: &[&str] = &["the", "this", "that", "its", "their", "his", "her", "such"];

/// Connectives a sentence may open with before its subject.
const OPENERS: &[&str] = &["but", "and", "however,", "yet", "meanwhile,", "instead,"];

/// The owner of a bare document that is the subject of `cue` ("The plan
/// would see …", "The peace proposal, drawn up by Witkoff, would …"): an
/// agent in the apposition, a side or person named in the noun phrase, or
/// the last owner the article named.
pub(super) fn document_owner(s: &Scope, cue: &Cue, memory: &Memory) -> Option<Speaker> {
    let (np, aside) = bare_document(s, cue)?;
    let in_range = |m: &&Mention, r: &std::ops::Range<usize>| m.start >= r.start && m.end <= r.end;
    let agent = aside.as_ref().and_then(|a| {
        s.mentions
            .iter()
            .filter(|m| in_range(m, a))
            .find(|m| s.text[..m.start].trim_end().ends_with(" by"))
    });
    let named = s.mentions.iter().find(|m| in_range(m, &np));
    match agent.or(named) {
        Some(m) => resolve(&m.who, s.lex, memory),
        None => {
            let noun = s.text[np].split_whitespace().next_back().unwrap_or("");
            owner_of(memory, noun)
        }
    }
}

/// The owner of the last document named with `noun` ("plan", "plans"),
/// else of the last document of any noun.
fn owner_of(memory: &Memory, noun: &str) -> Option<Speaker> {
    let noun = noun.trim_end_matches([',', '.', ';']).to_lowercase();
    let singular = noun.strip_suffix('s').unwrap_or(&noun);
    memory
        .owners_by_noun
        .iter()
        .rev()
        .find(|(n, _)| n == &noun || n.strip_suffix('s').unwrap_or(n) == singular)
        .map(|(_, sp)| sp.clone())
        .or_else(|| memory.document_owner.clone())
}

/// Remembers `owner` as the owner of the last document, and of the last
/// one named with `noun`.
fn remember(memory: &mut Memory, noun: &str, owner: Speaker) {
    let noun = noun.trim_end_matches([',', '.', ';']).to_lowercase();
    memory.owners_by_noun.retain(|(n, _)| n != &noun);
    memory.owners_by_noun.push((noun, owner.clone()));
    memory.document_owner = Some(owner);
}

/// "Reports of the proposal indicate it would ask Ukraine to …": an "it"
/// whose nearest antecedent in its sentence is a definite document (no
/// person or side named between them) is that document, and speaks for its
/// owner: `Some(owner)` (`Some(None)` when the article named none), `None`
/// when "it" is not such a document.
pub(super) fn document_it(s: &Scope, it: &Mention, memory: &Memory) -> Option<Option<Speaker>> {
    let text = s.text;
    let before = &text[s.sentence.start..it.start];
    let words: Vec<&str> = before.split_whitespace().rev().take(12).collect();
    let k = words.iter().position(|w| {
        let w = w.trim_end_matches([',', '.', ';', ':']).to_lowercase();
        s.lex.words.documents.contains(&w)
    })?;
    let definite = words[k + 1..]
        .iter()
        .take(3)
        .any(|w| DETERMINERS.contains(&w.to_lowercase().as_str()));
    // Nothing named may stand between the document word and "it".
    let doc_at = s.sentence.start + offset_in(before, words[k]);
    let named_between = s
        .mentions
        .iter()
        .any(|m| m.start >= doc_at && m.end <= it.start && !is_pronoun(m));
    // In the same clause, close by, and not inside a quotation.
    let between = &text[doc_at..it.start];
    let same_clause = k <= 5 && !between.contains([',', ';', '“', '”', '"']);
    (definite && same_clause && !named_between).then(|| owner_of(memory, words[k]))
}

fn is_pronoun(m: &Mention) -> bool {
    matches!(m.who, Who::Pronoun(_))
}

/// The noun phrase (and its apposition between commas) of a document that
/// opens the sentence and is the subject of `cue`.
fn bare_document(
    s: &Scope,
    cue: &Cue,
) -> Option<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> {
    let text = s.text;
    let mut start = s.sentence.start
        + (text[s.sentence.clone()].len() - text[s.sentence.clone()].trim_start().len());
    // Past an opening connective ("But the plan would …").
    if let Some(w) = text[start..cue.start].split_whitespace().next()
        && OPENERS.contains(&w.to_lowercase().as_str())
    {
        start += text[start..].find(w).unwrap_or(0) + w.len();
        start += text[start..].len() - text[start..].trim_start().len();
    }
    // Back from the cue past auxiliaries and adverbs.
    let mut end = cue.start;
    loop {
        let head = text[start..end].trim_end();
        let Some(last) = head.rsplit(' ').next() else {
            break;
        };
        if last.len() < head.len() && (AUXILIARIES.contains(&last) || is_verb_adverb(last)) {
            end = start + head.len() - last.len();
        } else {
            end = start + head.len();
            break;
        }
    }
    let head = &text[start..end];
    // "The plan, revealed after secret talks, would …": one apposition.
    let (np_end, aside) = match head.find(", ") {
        Some(i) if head.ends_with(',') => (start + i, Some(start + i + 2..end - 1)),
        Some(_) => return None,
        None => (end, None),
    };
    let np = &text[start..np_end];
    let words: Vec<&str> = np.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let last = words.last()?.trim_end_matches([',', '.']).to_lowercase();
    let is_document = |w: &str| s.lex.words.documents.contains(w);
    let two =
        (words.len() >= 2).then(|| format!("{} {}", words[words.len() - 2], last).to_lowercase());
    (words.len() <= 6
        && DETERMINERS.contains(&first.as_str())
        && (is_document(&last) || two.as_deref().is_some_and(is_document))
        && !np.contains(['"', '“', '(']))
    .then_some((start..np_end, aside))
}

/// After a sentence: the owner of a document it names ("the US plan",
/// "Washington's proposal", "drafted by Witkoff", "Washington proposed a
/// new peace plan"), for a later "The plan would …".
pub(super) fn remember_owner(s: &Scope, subjects: Option<&CueSubjects>, memory: &mut Memory) {
    let text = s.text;
    for m in s.mentions {
        if matches!(m.who, Who::Media | Who::Pronoun(_) | Who::Role(_)) {
            continue;
        }
        // "President Trump's 28-point Ukraine peace plan": a side named
        // inside another's possessed phrase is the plan's topic, not its
        // owner.
        let owned_phrase = text[s.sentence.start..m.start]
            .split_whitespace()
            .rev()
            .take(2)
            .any(|w| w.ends_with("'s") || w.ends_with("’s"));
        if owned_phrase {
            continue;
        }
        let rest = &text[m.end..s.sentence.end];
        let possessive = ["'s", "’s"].into_iter().find(|p| rest.starts_with(p));
        let owned = owned_document(text, m.end + possessive.map_or(0, str::len), s.lex);
        // "a plan drawn up by Witkoff": the agent of a document's participle.
        let before = text[s.sentence.start..m.start].trim_end();
        let agent = before
            .ends_with(" by")
            .then(|| {
                before.split_whitespace().rev().take(6).find(|w| {
                    s.lex
                        .words
                        .documents
                        .contains(&w.trim_end_matches(',').to_lowercase())
                })
            })
            .flatten();
        if let Some(noun) = owned.as_deref().or(agent)
            && let Some(sp) = resolve(&m.who, s.lex, memory)
        {
            remember(memory, noun, sp);
        }
    }
    // "The initial draft of the US peace plan proposed …": a position verb
    // whose subject, just before it, is a document.
    let documents = |w: &str| {
        s.lex
            .words
            .documents
            .contains(&w.trim_end_matches([',', '.', ';']).to_lowercase())
    };
    if s.cues.iter().any(|c| {
        (c.kind == crate::text::CueKind::Position || c.attitude)
            && text[s.sentence.start..c.start]
                .split_whitespace()
                .rev()
                .take(3)
                .any(documents)
    }) {
        memory.document_subject_at = Some(s.n);
    }
    // "Washington proposed a new peace plan": the subject of a verb of
    // authorship whose object is a document (who rejects, welcomes or
    // discusses a plan does not own it).
    let Some(subjects) = subjects else { return };
    for (ci, cue) in s.cues.iter().enumerate() {
        // (A speech verb's object is what it reports: "sources indicate
        // that the draft …" names no owner.)
        if cue.kind == crate::text::CueKind::Speech && !cue.attitude {
            continue;
        }
        if let Some(sp) = &subjects.subjects[ci]
            && let Some(noun) = text[cue.end..s.sentence.end]
                .split_whitespace()
                .take(4)
                .find(|w| {
                    s.lex
                        .words
                        .documents
                        .contains(&w.trim_end_matches([',', '.', ';']).to_lowercase())
                })
            // Documents are rare: the verb is looked at only when one follows.
            && authors(&text[cue.start..cue.end], s.lex)
        {
            remember(memory, noun, sp.clone());
        }
    }
}

/// Is the cue ("proposed", "has put forward") a verb of authorship?
fn authors(cue: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let cue = cue.to_lowercase();
    let set = &lex.words.authorship;
    set.contains(&cue)
        || cue
            .char_indices()
            .filter(|&(_, c)| c == ' ')
            .any(|(i, _)| set.contains(&cue[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;

    #[test]
    fn only_a_verb_of_authorship_makes_a_documents_owner() {
        let later = "The plan foresees Ukraine handing over territory to Russia.";
        let owner = |first: &str| {
            run(&format!("{first} {later}"))
                .into_iter()
                .find(|g| g.1.starts_with("Ukraine handing over"))
                .map(|g| g.3)
        };
        assert_eq!(
            owner("Washington proposed a new peace plan.").as_deref(),
            Some("united_states")
        );
        // Who opposes, welcomes or discusses a plan does not own it.
        for first in [
            "Putin accused Ukraine of opposing the plan.",
            "Kyiv rejected the plan on Monday.",
            "Zelensky discussed the plan with Macron.",
        ] {
            assert_ne!(owner(first).as_deref(), Some("ukraine"), "{first}");
        }
        // Another document named since, of another noun, does not take the
        // plan: "the plan" is the owner's of the last plan.
        assert_eq!(
            owner("Putin welcomed the US plan, which contains many of the Kremlin's demands.")
                .as_deref(),
            Some("united_states")
        );
        // A side inside another's possessed phrase is its topic; the
        // possessor, four words before the noun, is the owner.
        assert_eq!(
            owner("Moscow said the details of President Trump's 28-point Ukraine peace plan were unclear.")
                .as_deref(),
            Some("united_states")
        );
    }

    #[test]
    fn it_after_a_document_is_the_document() {
        let got = run("Washington has proposed a new peace plan. \
             Reports of the plan indicate it would ask Ukraine to cede territory.");
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("Ukraine to cede") && g.3 == "united_states"),
            "{got:?}"
        );
        // Not across a clause or a quotation: "it" is whoever spoke.
        let got = run("The union rejected the offer. \
             “We will ask members about the offer,” it said.");
        assert!(got.iter().all(|g| g.3 != "united_states"), "{got:?}");
    }

    #[test]
    fn it_after_a_sentence_whose_subject_was_a_document_is_the_document() {
        let got = run(
            "Sources indicate that the initial draft of the US peace plan proposed a freeze of the front line. \
             It also called for recognition of Russia's sovereignty over Crimea.",
        );
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("recognition of Russia") && g.3 == "united_states"),
            "{got:?}"
        );
        // Not after a sentence where the document was an object.
        let got =
            run("Russia rejected the US plan on Monday. It also called for talks in Istanbul.");
        assert!(
            got.iter()
                .filter(|g| g.1.starts_with("talks in Istanbul"))
                .all(|g| g.3 != "united_states"),
            "{got:?}"
        );
    }

    #[test]
    fn a_bare_document_speaks_for_its_owner() {
        let got = run("Washington has proposed a new peace plan. \
             The 28-point plan would see Ukraine hand over the rest of Donbas to Russia.");
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("Ukraine hand over") && g.3 == "united_states"),
            "{got:?}"
        );
        let got = run("Washington has proposed a new peace plan. \
             The plan, drawn up by Witkoff, includes the withdrawal of Ukrainian troops.");
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("the withdrawal") && g.2 == "Steve Witkoff"),
            "{got:?}"
        );
        // A new, indefinite document has no known owner; nor has a plan the
        // article never said was anyone's.
        let got = run("Washington has proposed a new peace plan. \
             A joint document envisions rebuilding Ukraine's forces.");
        assert_eq!(got.len(), 1, "{got:?}");
        let got = run("The plan would see Ukraine hand over the rest of Donbas.");
        assert!(got.is_empty(), "{got:?}");
    }
}
