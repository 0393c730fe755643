//! Quotations: each quotation of a sentence, direct or partial, tied to the
//! cue that attributes it and that cue's subject, or continuing the previous
//! quotation's speaker.

use super::content::has_that_clause;
use super::said_on::said_on;
use super::speakers::{
    CueSubjects, Memory, Speaker, infinitive_of_noun, list_speaker, participle_subject,
    personal_speaker, resolve,
};
use super::{Kind, Scope, Statement};
use crate::text::{CueKind, Mention, Quote, is_title_case_name};
use jiff::civil::Date;
use std::ops::Range;

/// The statements of a sentence's quotations, in order.
pub(super) fn quotation_statements(
    s: &Scope,
    subjects: &mut CueSubjects,
    memory: &mut Memory,
    out: &mut Vec<Statement>,
) {
    let mut prev_kind = None;
    for (qi, q) in s.quotes.iter().enumerate() {
        let mut kind = quote_kind(s.text, s.sentence, q);
        // "“First,” he said, “security guarantees.”": the second half of an
        // interrupted direct quotation is direct too.
        if prev_kind == Some(Kind::Direct) && s.text[..q.open].trim_end().ends_with(',') {
            kind = Kind::Direct;
        }
        prev_kind = Some(kind);
        quotation_statement(s, qi, kind, subjects, memory, out);
    }
}

/// Direct when a capitalised quotation opens the sentence (after a list's
/// bullet, if any: "• “We are pleased …”") or follows a comma or colon;
/// otherwise a fragment woven into the sentence.
fn quote_kind(text: &str, sentence: &Range<usize>, q: &Quote) -> Kind {
    let first = text[q.start..q.end].trim_start().chars().next();
    let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let before = text[sentence.start..q.open]
        // Bullets only: a dash before a quotation may open a dialogue line
        // or an aside, which is no list.
        .trim_start_matches(['•', '·', '▪', '►', '*', ' '])
        .trim_end();
    if capital && (before.is_empty() || before.ends_with([',', ':', '—'])) {
        Kind::Direct
    } else {
        Kind::Partial
    }
}

/// The statement of quotation `qi`, when it has a speaker we can name
/// (scare quotes have none).
fn quotation_statement(
    s: &Scope,
    qi: usize,
    kind: Kind,
    subjects: &mut CueSubjects,
    memory: &mut Memory,
    out: &mut Vec<Statement>,
) {
    let (text, cues, q) = (s.text, s.cues, &s.quotes[qi]);
    // "joined the “Coalition of the Willing”": a quoted name quotes nobody.
    if kind == Kind::Partial && is_title_case_name(&text[q.start..q.end]) {
        return;
    }
    let (chosen, reported) = choose_cue(s, qi, kind, &subjects.subjects);
    // A fragment inside what a speech verb reports leaves the verb free to
    // report the whole clause too (its indirect statement).
    let was_used = chosen.map(|ci| subjects.used[ci]);
    let who = chosen.and_then(|ci| cue_speaker(s, ci, subjects, memory));
    if reported && let (Some(ci), Some(u)) = (chosen, was_used) {
        subjects.used[ci] = u;
    }
    let (who, cue_text, inherited_date) = match who {
        Some(who) => (Some(who), chosen.map(|ci| s.cue_text(&cues[ci])), None),
        None => fallback_speaker(s, qi, kind, chosen, subjects, memory),
    };
    let Some((speaker, party, _)) = who else {
        return; // scare quotes, or no speaker we can name
    };
    let said_on = inherited_date.or_else(|| {
        said_on(
            text,
            s.sentence,
            chosen.map(|c| &cues[c]),
            s.quotes,
            s.published,
        )
    });
    if personal_speaker(&speaker) {
        memory.last_quote = Some((speaker.clone(), party, s.n, said_on));
    }
    subjects.note_speaker(&speaker, party, s.mentions);
    let statement = Statement {
        index: 0,
        kind,
        speaker,
        party,
        cue: cue_text.unwrap_or_default(),
        cue_span: chosen.map(|c| cues[c].start..cues[c].end),
        span: q.start..q.end,
        sentence: s.sentence.clone(),
        said_on,
    };
    // "“…,” Rubio and Umerov said": the quotation is each one's.
    let co = chosen.map_or(&[][..], |ci| &subjects.co[ci][..]);
    for (sp, p, _) in co {
        out.push(Statement {
            speaker: sp.clone(),
            party: *p,
            ..statement.clone()
        });
    }
    out.push(statement);
}

/// The cue that attributes quotation `qi`: between the previous quotation
/// and the next one, preferring the one after a direct quotation ("…,” he
/// said), else the nearest before; and whether a fragment was passed from
/// the position verb before it to the speech verb reporting its clause.
fn choose_cue(
    s: &Scope,
    qi: usize,
    kind: Kind,
    subjects: &[Option<Speaker>],
) -> (Option<usize>, bool) {
    let (quotes, cues, q) = (s.quotes, s.cues, &s.quotes[qi]);
    let prev_close = if qi > 0 {
        quotes[qi - 1].close
    } else {
        s.sentence.start
    };
    let next_open = quotes.get(qi + 1).map_or(s.sentence.end, |x| x.open);
    let after = cues
        .iter()
        .enumerate()
        .position(|(ci, c)| c.start >= q.close && c.start < next_open && subjects[ci].is_some());
    let before = cues
        .iter()
        .rposition(|c| c.end <= q.open && c.start >= prev_close);
    let before_any = cues.iter().rposition(|c| c.end <= q.open);
    match (kind, before.or(before_any)) {
        (Kind::Direct, _) => (after.or(before).or(before_any), false),
        (_, Some(nearest)) => {
            let ci = reporting_cue(s, nearest, subjects);
            // "Cambodia and Thailand agreed to an “immediate … ceasefire,”
            // Anwar Ibrahim said Monday": a fragment after a position verb,
            // with the sentence's speech verb trailing it, is the words of
            // that speech verb's subject.
            let inner = cues[ci].kind == CueKind::Position
                || (cues[ci].kind == CueKind::Speech && cues[ci].attitude);
            if ci == nearest
                && inner
                && let Some(j) = after.filter(|&j| trailing_speech(s, q, j))
            {
                return (Some(j), true);
            }
            (Some(ci), ci != nearest)
        }
        // "The “most important” outcome was the “commitment …,” Macron
        // said": with no cue before, a fragment takes the sentence's
        // trailing attribution after its last quotation.
        (_, None) => (
            after.or_else(|| {
                let last_close = quotes.last().map_or(q.close, |l| l.close.max(q.close));
                cues.iter()
                    .enumerate()
                    .position(|(ci, c)| c.start >= last_close && subjects[ci].is_some())
            }),
            false,
        ),
    }
}

/// Is cue `j` a speech verb trailing quotation `q` at the end of its
/// sentence ("…,” Anwar Ibrahim said Monday.): a comma right after the
/// quotation or before its closing mark, then only its subject, the verb
/// and a few words.
fn trailing_speech(s: &Scope, q: &Quote, j: usize) -> bool {
    let c = &s.cues[j];
    let gap = s.text[q.close..c.start].trim_start_matches(['”', '"', '’', '\'']);
    c.kind == CueKind::Speech
        && (gap.starts_with(',')
            || s.text[..q.close]
                .trim_end_matches(['”', '"'])
                .ends_with(','))
        && gap.split_whitespace().count() <= 6
        && s.text[c.end..s.sentence.end].split_whitespace().count() <= 3
}

/// "Lavrov said Russia was in favour of “truly reliable” guarantees": a
/// fragment after a position verb inside what a speech verb reports is the
/// reporter's words, so it belongs to the speech verb's subject; a clause of
/// its own ("…, while Kyiv rejected the “memorandum”") stays the position's.
fn reporting_cue(s: &Scope, ci: usize, subjects: &[Option<Speaker>]) -> usize {
    let cues = s.cues;
    // A position verb, or a speech verb that states an attitude ("agreed").
    let inner = cues[ci].kind == CueKind::Position
        || (cues[ci].kind == CueKind::Speech && cues[ci].attitude);
    if !inner {
        return ci;
    }
    // "with Putin urging Kyiv not to derail the “progress”": an infinitive's
    // fragment is the urging participle's, whose subject is found later.
    let infinitive = s.text[s.sentence.start..cues[ci].start]
        .trim_end()
        .ends_with(" to")
        && !infinitive_of_noun(s, &cues[ci]);
    let reports = |j: usize| {
        (cues[j].kind == CueKind::Speech && subjects[j].is_some())
            || (infinitive && cues[j].is_participle(s.text))
    };
    let Some(nearest) = (0..ci).rev().find(|&j| reports(j)) else {
        return ci;
    };
    // "Trump said Putin agreed to accept guarantees that “we need to
    // consider”": a speech verb that states an attitude ("agreed") is itself
    // reported by a plain one before it, whose subject the fragment is.
    let plain = (0..nearest).rev().find(|&j| {
        reports(j) && !cues[j].attitude && !own_clause(s, cues[j].end, cues[nearest].start)
    });
    let speech = match plain {
        Some(j) if cues[nearest].attitude => j,
        _ => nearest,
    };
    if own_clause(s, cues[speech].end, cues[ci].start) {
        ci
    } else {
        speech
    }
}

/// A comma and a subordinator ("…, while Kyiv rejected"; the lexicon's
/// list) or "but" between `from` and `to` opens a clause of its own.
fn own_clause(s: &Scope, from: usize, to: usize) -> bool {
    let between = &s.text[from..to];
    between.contains([';', '—', '–'])
        || between.split(", ").skip(1).any(|clause| {
            let first = clause.split_whitespace().next().unwrap_or("");
            first == "but" || s.lex.words.is_subordinator(first)
        })
}

/// The speaker of the chosen cue `ci`, marking the cues it uses. A cue with
/// no subject of its own (a participle) takes the subject of the cue before
/// it, or with none the main clause's subject.
fn cue_speaker(
    s: &Scope,
    ci: usize,
    subjects: &mut CueSubjects,
    memory: &Memory,
) -> Option<Speaker> {
    let (text, cues) = (s.text, s.cues);
    if let Some(own) = subjects.subjects[ci].clone() {
        subjects.used[ci] = true;
        return Some(own);
    }
    // "…, calling him “illegitimate”": a participle takes the sentence's subject.
    let Some(prior) = (0..ci).rev().find(|&j| subjects.subjects[j].is_some()) else {
        // "Putin struck a measured tone, warning that …": with no
        // cue before it, the main clause's subject.
        return participle_subject(s, &cues[ci], memory);
    };
    // "acknowledged the challenges, telling …" is one attribution;
    // "said he would brief allies …, saying “…”" is two statements.
    let between = text[cues[prior].end..cues[ci].start]
        .split_whitespace()
        .count();
    // A position verb's object is a statement of its own ("It rejected NATO
    // membership, stating …").
    if cues[ci].kind == CueKind::QuoteOnly
        && cues[prior].kind != CueKind::Position
        && !cues[prior].attitude
        && !has_that_clause(text, &cues[prior], s.sentence)
        && between <= 4
    {
        subjects.used[prior] = true;
    }
    subjects.used[ci] = true;
    subjects.subjects[prior].clone()
}

/// A quotation whose cue names no speaker: "citing X" / "according to X"
/// in the sentence speaks for it; an unattributed direct quotation right
/// after another one continues it. (speaker, cue text, inherited date).
fn fallback_speaker(
    s: &Scope,
    qi: usize,
    kind: Kind,
    chosen: Option<usize>,
    subjects: &mut CueSubjects,
    memory: &Memory,
) -> (Option<Speaker>, Option<String>, Option<Date>) {
    // No speaker (or only the outlet) but "citing X" / "according to X" in the sentence: X speaks.
    if chosen.is_some()
        && let Some(cj) = s
            .cues
            .iter()
            .position(|c| c.kind == CueKind::SourceFirst)
            .filter(|&cj| subjects.subjects[cj].is_some())
    {
        subjects.used[cj] = true;
        let who = subjects.subjects[cj].clone();
        return (who, Some(s.cue_text(&s.cues[cj])), None);
    }
    // "Rubio: “We are very close to a result”": a name and a colon before
    // a quotation, with nothing else, is its speaker (headlines, interviews).
    if chosen.is_none()
        && let Some(sp) = label_speaker(s, qi, memory)
    {
        return (Some(sp), Some(String::new()), None);
    }
    // "Medinsky named three results:" then "→ in the “coming days” …": an
    // item of a list speaks for whoever introduced it.
    if chosen.is_none()
        && let Some(sp) = list_speaker(s, memory)
    {
        return (Some(sp), Some(String::new()), None);
    }
    // "Zelensky wrote on Telegram:" then, opening the next paragraph,
    // "“We will never …”" (or the paragraph quoted without marks): a
    // quotation that opens the sentence right after one ending in a colon
    // is the speaker's that sentence named.
    if chosen.is_none()
        && let Some((sp, at)) = &memory.list
        && *at + 1 == s.n
        && s.text[s.sentence.start..s.quotes[qi].open]
            .trim()
            .is_empty()
    {
        return (Some(sp.clone()), Some(String::new()), None);
    }
    // An embedded post: its signature line names who wrote it.
    if chosen.is_none()
        && let Some(sp) = signed_post_speaker(s, qi)
    {
        return (Some(sp), Some(String::new()), None);
    }
    // An unattributed quotation right after another one continues it.
    if chosen.is_none()
        && kind == Kind::Direct
        && let Some((sp, party, at, date)) = &memory.last_quote
        && s.n <= at + 2
    {
        return (Some((sp.clone(), *party, true)), Some(String::new()), *date);
    }
    (None, chosen.map(|ci| s.cue_text(&s.cues[ci])), None)
}

/// The writer of an embedded post, from the signature line right after the
/// quotation ("— Volodymyr Zelenskyy (@ZelenskyyUa) August 19, 2025"): a
/// person the lexicon knows by that name.
fn signed_post_speaker(s: &Scope, qi: usize) -> Option<Speaker> {
    let after = s.text[s.quotes[qi].close..].trim_start();
    // Past the embed's picture link, to the next line.
    let after = after.strip_prefix("pic.twitter.com").map_or(after, |r| {
        r.split_once('\n').map_or("", |(_, l)| l.trim_start())
    });
    let line = after.split('\n').next()?;
    let name = crate::text::post_signature(line)?;
    s.lex.scan(name).iter().find_map(|h| {
        s.lex.term(h).meanings.iter().find_map(|m| match m {
            crate::lexicon::Meaning::Actor(i) if h.start == 0 && h.end == name.len() => {
                let a = &s.lex.actors[*i];
                Some((a.name.clone(), a.party, true))
            }
            _ => None,
        })
    })
}

/// The speaker of "Rubio: “…”": a mention that is all the sentence says
/// before the colon that opens quotation `qi`.
fn label_speaker(s: &Scope, qi: usize, memory: &Memory) -> Option<Speaker> {
    let open = s.quotes[qi].open;
    let before = s.text[s.sentence.start..open].trim_end();
    let label = before.strip_suffix(':')?.trim_end();
    let from = s.sentence.start + (before.len() - before.trim_start().len());
    let to = s.sentence.start + label.len();
    // "Zelensky on the Easter truce: “…”": the label may name the topic.
    let topic = |m: &Mention| {
        s.text[m.end..to].strip_prefix(" on ").is_some_and(|t| {
            t.split_whitespace().count() <= 8 && !t.contains([',', ';', '.', '"', '“', '”'])
        })
    };
    // "Trump's warning: “Get moving”", "Peskov's reply to Kyiv: “…”": or a
    // noun phrase the speaker owns.
    let owned = |m: &Mention| {
        let rest = &s.text[m.end..to];
        rest.strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("’s "))
            .is_some_and(|t| {
                t.split_whitespace().count() <= 4 && !t.contains([',', ';', '.', '"', '“', '”'])
            })
    };
    let m = s
        .mentions
        .iter()
        .find(|m| m.start == from && (m.end == to || (m.end < to && (topic(m) || owned(m)))))?;
    resolve(&m.who, s.lex, memory).filter(|sp| sp.2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::run;

    #[test]
    fn a_possessed_label_before_a_colon_names_the_speaker() {
        let got = run("Trump's warning: “Get moving”");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_str()),
            ("direct", "Donald Trump")
        );
    }

    #[test]
    fn talks_before_a_quotation_is_the_noun() {
        let got = run("Russia says Ukraine talks “difficult, but business-like”");
        assert!(
            got.iter().all(|g| g.3 == "russia") && got.iter().any(|g| g.0 == "partial"),
            "{got:?}"
        );
    }

    #[test]
    fn a_paragraph_after_a_speech_verb_and_colon_is_quoted_without_marks() {
        let got = run(
            "Talks go on\n\nKyiv answered on Sunday. Zelensky wrote on Telegram:\n\nWe will never give up our land. The American side presented its vision.\n\nThe talks continue.",
        );
        assert!(
            got.iter().any(|g| g.0 == "direct"
                && g.1.starts_with("We will never give up our land")
                && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        // A colon after no speech verb ("about the talks so far:") quotes
        // nothing: the paragraph's own statements stay.
        let got = run(
            "Talks go on\n\nHere is what we know about the talks so far:\n\nRussia wants all of Donbas. Ukraine has rejected the demand.",
        );
        assert!(
            got.iter().any(|g| g.0 == "reported" && g.3 == "russia"),
            "{got:?}"
        );
        // A paragraph that breaks off after a speech participle opens one
        // too ("… Ryabkov stating" / "Unfortunately, …").
        let got = run(
            "Talks go on\n\nRussian news agencies reported on Deputy Foreign Minister Sergei Ryabkov stating\n\nUnfortunately, we must admit that the momentum has largely gone.\n\nTrump called Putin.",
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "direct" && g.2 == "Sergei Ryabkov"),
            "{got:?}"
        );
        // An embedded post is its signature's writer's.
        let got = run(
            "Talks go on\n\nToday, important negotiations took place in Washington. We discussed many issues. pic.twitter.com/abc\n\n– Volodymyr Zelenskyy (@ZelenskyyUa) August 19, 2025\n\nThe talks continue.",
        );
        assert!(
            got.iter().any(|g| g.0 == "direct"
                && g.1.ends_with("We discussed many issues.")
                && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
        // A marked quotation opening the paragraph after the colon is the
        // colon sentence's speaker's too.
        let got = run(
            "Talks go on\n\nKyiv answered on Sunday. Zelensky wrote on Telegram:\n\n“We will never give up our land.”",
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "direct" && g.2 == "Volodymyr Zelensky"),
            "{got:?}"
        );
    }

    #[test]
    fn more_quotation_shapes() {
        // A fragment before another, both before the trailing attribution.
        let got = run(
            "The “most important” outcome was the “U.S. commitment to work with us,” French President Emmanuel Macron said.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|g| g.2 == "Emmanuel Macron"), "{got:?}");
        // "As X put it", "referred to … as", a headline's "…, Says X", a
        // label naming its topic, a statement that speaks.
        for (text, speaker) in [
            (
                "As Zelensky put it, “there can be no reward for waging war.”",
                "Volodymyr Zelensky",
            ),
            (
                "Zakharova referred to the troops as “legitimate military targets.”",
                "Maria Zakharova",
            ),
            (
                "US Must Now \"Convince\" Russia To Accept Ceasefire Proposal, Says Zelensky",
                "Volodymyr Zelensky",
            ),
            (
                "Zelensky on the Easter truce: “Ukraine is ready for mirror steps”",
                "Volodymyr Zelensky",
            ),
            (
                "“The talks were constructive,” the joint statement said.",
                "joint statement",
            ),
        ] {
            assert_eq!(run(text)[0].2, speaker, "{text}");
        }
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
    fn a_quotation_repeated_for_the_same_speaker_is_one_statement() {
        let got = run(
            "“This is a vital first step towards de-escalation and the restoration of peace,” Volodymyr Zelensky said.\n\nThe leaders met in Geneva.\n\n“This is a vital first step towards de-escalation and the restoration of peace,” Zelensky said.",
        );
        let direct: Vec<_> = got.iter().filter(|g| g.0 == "direct").collect();
        assert_eq!(direct.len(), 1, "{got:?}");
        // A short fragment quoted again is a statement each time.
        let got = run(
            "Lavrov called the agenda “not ready at all”.\n\nLavrov said the summit agenda was “not ready at all”.",
        );
        let partial: Vec<_> = got.iter().filter(|g| g.0 == "partial").collect();
        assert_eq!(partial.len(), 2, "{got:?}");
    }

    #[test]
    fn a_fragment_after_a_position_verb_with_a_trailing_speech_verb_is_its_subjects() {
        let got = run(
            "Russia and Ukraine agreed to an “immediate and unconditional ceasefire,” Turkish President Recep Tayyip Erdogan said Monday.",
        );
        let partial: Vec<_> = got.iter().filter(|g| g.0 == "partial").collect();
        assert_eq!(partial.len(), 1, "{got:?}");
        assert_eq!(partial[0].2, "Recep Tayyip Erdogan", "{got:?}");
        // The agreement's own statement ends before the attribution.
        assert!(
            got.iter()
                .filter(|g| g.0 == "reported")
                .all(|g| !g.1.contains("Erdogan")),
            "{got:?}"
        );
    }

    #[test]
    fn a_participle_coordinated_with_another_shares_its_subject() {
        let got = run(
            "The talks began in a charged atmosphere, with Putin attacking European countries, accusing them of \"preventing peace,\" and threatening that Russia \"does not want to go to war with Europe.\"",
        );
        let partials: Vec<_> = got.iter().filter(|g| g.0 == "partial").collect();
        assert_eq!(partials.len(), 2, "{got:?}");
        assert!(partials.iter().all(|g| g.2 == "Vladimir Putin"), "{got:?}");
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
    fn british_single_quotes_and_possessives_inside() {
        let got = run("‘Zelensky’s plan is dead,’ Peskov said. He added: ‘We want the Donbas.’");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, "Zelensky’s plan is dead,");
        assert!(got.iter().all(|g| g.2 == "Dmitry Peskov"), "{got:?}");
    }

    #[test]
    fn a_name_and_a_colon_label_a_quotation() {
        let got =
            run("Peskov said the talks were useful.\n\nRubio: “We are very close to a result”");
        assert!(
            got.iter().any(|g| g.0 == "direct" && g.2 == "Marco Rubio"),
            "{got:?}"
        );
    }

    #[test]
    fn items_of_a_list_speak_for_whoever_introduced_it() {
        let got = run(
            "Vladimir Medinsky named three results of the meeting:\n\n→ in the “coming days” the sides will exchange prisoners;\n\n→ the Ukrainian side “invited” direct talks.\n\nThe weather was fine, and a “new chapter” began.",
        );
        let medinsky: Vec<_> = got.iter().filter(|g| g.2 == "Vladimir Medinsky").collect();
        assert_eq!(medinsky.len(), 2, "{got:?}");
        assert!(!got.iter().any(|g| g.1 == "new chapter"), "{got:?}");
    }

    #[test]
    fn a_fragment_under_an_agreeing_verb_is_the_plain_reporters() {
        let got = run(
            "Trump said Russian President Vladimir Putin agreed to accept security guarantees, one of the points that “we need to consider.”",
        );
        let fragment = got.iter().find(|g| g.0 == "partial");
        assert_eq!(
            fragment.map(|g| g.2.as_str()),
            Some("Donald Trump"),
            "{got:?}"
        );
        // The reporter's statement keeps the title of the next subject.
        assert!(
            got.iter().any(|g| g.2 == "Donald Trump"
                && g.1.starts_with("Russian President Vladimir Putin agreed")),
            "{got:?}"
        );
        // With no plain speech verb before it, the attitude's own speaker.
        let got = run("Lavrov insisted Russia was in favour of “truly reliable” guarantees.");
        let fragment = got.iter().find(|g| g.0 == "partial");
        assert_eq!(
            fragment.map(|g| g.2.as_str()),
            Some("Sergei Lavrov"),
            "{got:?}"
        );
    }

    #[test]
    fn a_fragment_in_a_speech_nouns_that_clause_is_its_owners() {
        let got = run(
            "The meeting came amid plans for tariffs on China if Beijing continues purchasing Russian oil, and Trump’s statements that the Ukrainians “want to go offensive”.",
        );
        let fragment = got.iter().find(|g| g.1 == "want to go offensive");
        assert_eq!(
            fragment.map(|g| (g.0.as_str(), g.2.as_str())),
            Some(("partial", "Donald Trump")),
            "{got:?}"
        );
        // An attitude noun's predicate quotes whoever reports it.
        let got = run(
            "Kremlin spokesman Dmitry Peskov said on Friday that Russia's insistence on Ukraine yielding the Donbas was \"a very important condition\".",
        );
        let fragment = got.iter().find(|g| g.1 == "a very important condition");
        assert_eq!(
            fragment.map(|g| g.2.as_str()),
            Some("Dmitry Peskov"),
            "{got:?}"
        );
    }

    #[test]
    fn continue_before_an_infinitive_is_a_position_not_a_quotation_cue() {
        let got = run(
            "The EU will continue to keep Russian assets frozen until Russia pays reparations.",
        );
        assert!(
            got.iter()
                .any(|g| g.1.starts_with("to keep Russian assets frozen") && g.3 == "europe"),
            "{got:?}"
        );
        // A quotation after it is still attributed ("Novak continued, “…”").
        let got = run("Zelensky continued, “We will not give up our land.”");
        assert!(
            got.iter()
                .any(|g| g.0 == "direct" && g.2 == "Volodymyr Zelensky"),
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
    fn bulleted_quotations_continue_the_body_that_issued_them() {
        let got = run(
            "Moscow on the talks\n\nThe Russian Foreign Ministry has issued a statement regarding the completion of the talks, Azernews reports.\n\n\u{2022} \u{201c}We are pleased to note the conclusion of negotiations.\u{201d}\n\n\u{2022} \u{201c}We are ready to continue the dialogue.\u{201d}",
        );
        let direct: Vec<_> = got.iter().filter(|g| g.0 == "direct").collect();
        assert_eq!(direct.len(), 2, "{got:?}");
        assert!(
            direct
                .iter()
                .all(|g| g.2 == "Russian Foreign Ministry" && g.3 == "russia"),
            "a run-in outlet name ('Azernews') is the medium, no speaker: {got:?}"
        );
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
    fn a_fragment_in_reported_speech_is_the_reporters_even_after_a_position_verb() {
        let got =
            run("Lavrov said Russia was in favour of “truly reliable” guarantees for Ukraine.");
        let partial = got.iter().find(|s| s.0 == "partial").unwrap();
        assert_eq!(partial.2, "Sergei Lavrov");
        assert!(
            got.iter()
                .any(|s| s.0 == "indirect" && s.2 == "Sergei Lavrov"),
            "the clause is still Lavrov's indirect statement: {got:?}"
        );
        let got = run(
            "Hakan Fidan said the talks went well. He said Russia and Ukraine agreed to “meet again in principle.”",
        );
        let partial = got.iter().find(|s| s.0 == "partial").unwrap();
        assert_eq!(partial.2, "Hakan Fidan");
        // An abbreviation ("U.S.") between is no sentence break.
        let got = run(
            "Peskov said Russian diplomats have been in contact with U.S. officials to discuss a framework but that “nothing substantial” has been discussed.",
        );
        let partial = got.iter().find(|s| s.0 == "partial").unwrap();
        assert_eq!(partial.2, "Dmitry Peskov", "{got:?}");
        // A clause of its own keeps its subject.
        let got = run(
            "Peskov said the talks were useful, while Kyiv rejected the “memorandum” outright.",
        );
        let partial = got.iter().find(|s| s.0 == "partial").unwrap();
        assert_eq!(partial.3, "ukraine", "{got:?}");
    }

    #[test]
    fn a_capitalised_modifier_after_a_determiner_makes_a_noun_not_a_verb() {
        // "text" is a verb too; "the European text" is a noun phrase.
        let got = run(
            "Kremlin adviser Yuri Ushakov told reporters that the European text “is completely unconstructive”.",
        );
        let partial = got.iter().find(|s| s.0 == "partial").unwrap();
        assert_eq!(partial.2, "Yuri Ushakov", "{got:?}");
    }
}
