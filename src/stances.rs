//! Stances: which issues a statement speaks to, and where its party stands.
//!
//! In: a [`Statement`] (its words and the cue that attributes it) and the
//! lexicon. Out: [`Stance`]s, one per issue the statement takes a position on,
//! on the -2..2 scale, with the lexicon cues that produced the number.
//!
//! The score is composed, not looked up: an attitude cue (insist, ready to,
//! reject) times the direction of the issue phrase it governs (toward or away
//! from the proposition), flipped by a negator ("not willing"), capped at 1
//! before a condition ("only after") and raised to 2 for the condition's
//! prerequisite. Evaluative claims ("illegitimate") carry their own value.

use crate::attribution::{Kind, Statement};
use crate::lexicon::{Attitude, Hit, Lexicon, Meaning};
use crate::text::{
    AUXILIARIES, FINITE_AUXILIARIES, NP_OPENERS, after_preposition, finite_verb, hits_in,
    is_verb_adverb, may_hold_digit, verb_in_context,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A party's stance on one issue, from one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    pub issue: usize,
    pub stance: i8,
    /// How the number was made, e.g. `insist(+2) > hand over(toward)`.
    pub cues: String,
    /// Numbers stated with units ("15 years", "30-50 years").
    pub numbers: String,
}

/// One reading of a stance, as `explain` shows it: the holder's predicate
/// chain (outermost first), the issue phrase it governs and its direction,
/// and the modifiers (negation, condition). The holder is the statement's
/// speaker and party. A frame is read back from a `cues` trace, so a finished
/// run's stances.csv explains itself without the article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// `attitude`, `evaluation`, `claim`, `condition` or `negation`.
    pub kind: &'static str,
    /// Predicates with their values, outermost first: `rejected(-2) > proposal(+2)`.
    pub predicate: Vec<(String, String)>,
    /// The issue phrase, or `[sentence topic: …]`.
    pub object: String,
    /// `toward`, `away`, `topic`, or the value of an evaluation or claim.
    pub direction: String,
    /// "not", "only after (cap 1)", "if (conditional)".
    pub modifiers: Vec<String>,
}

/// `name(value)` into its two parts.
fn name_value(part: &str) -> (String, String) {
    match (part.rfind('('), part.ends_with(')')) {
        (Some(i), true) => (
            part[..i].to_string(),
            part[i + 1..part.len() - 1].to_string(),
        ),
        _ => (part.to_string(), String::new()),
    }
}

/// The frames of a `cues` trace (one per `; `-separated finding).
pub fn frames(cues: &str) -> Vec<Frame> {
    cues.split("; ")
        .filter(|c| !c.is_empty())
        .map(frame)
        .collect()
}

fn frame(trace: &str) -> Frame {
    let mut parts = trace.split(" | ");
    let mut main = parts.next().unwrap_or("");
    let mut f = Frame::default();
    for m in parts {
        let (w, v) = name_value(m);
        f.modifiers.push(format!("{w} ({v})"));
    }
    if let Some(rest) = main.strip_prefix("not > ") {
        // A negated issue phrase with no attitude word: "not concessions".
        let (w, v) = name_value(rest);
        f.kind = "negation";
        f.modifiers.insert(0, "not".into());
        f.object = w;
        f.direction = v;
        return f;
    }
    if let Some(rest) = main.strip_prefix("not ") {
        f.modifiers.insert(0, "not".into());
        main = rest;
    }
    for (prefix, kind) in [("evaluation ", "evaluation"), ("claim ", "claim")] {
        if let Some(rest) = main.strip_prefix(prefix) {
            let (w, v) = name_value(rest);
            f.kind = kind;
            f.object = w;
            f.direction = v;
            return f;
        }
    }
    let chain: Vec<&str> = main.split(" > ").collect();
    let (last, preds) = chain.split_last().unwrap_or((&"", &[]));
    let (w, v) = name_value(last);
    f.object = w;
    f.direction = v;
    f.kind = "attitude";
    for p in preds {
        match name_value(p) {
            (w, _) if w == "not" => {
                f.kind = "negation";
                f.modifiers.insert(0, "not".into());
            }
            (w, v) if v == "prerequisite" => {
                f.kind = "condition";
                f.modifiers.push(format!("{w} (prerequisite)"));
            }
            pv => f.predicate.push(pv),
        }
    }
    if f.modifiers.iter().any(|m| m.ends_with("(conditional)")) && f.predicate.is_empty() {
        f.kind = "condition";
    }
    f
}

impl std::fmt::Display for Frame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pred = if self.predicate.is_empty() {
            "(none)".to_string()
        } else {
            self.predicate
                .iter()
                .map(|(w, v)| format!("“{w}” {v}"))
                .collect::<Vec<_>>()
                .join(" > ")
        };
        match self.kind {
            "evaluation" | "claim" => write!(
                f,
                "{} “{}” {} (its own value)",
                self.kind, self.object, self.direction
            )?,
            _ => write!(
                f,
                "predicate {pred} | object “{}” ({})",
                self.object, self.direction
            )?,
        }
        if !self.modifiers.is_empty() {
            write!(f, " | modifiers: {}", self.modifiers.join(", "))?;
        }
        Ok(())
    }
}

/// The issue an anaphor ("the idea") refers back to: issue and direction.
pub type Antecedent = Option<(usize, i8)>;

#[derive(Debug, Clone, Copy)]
enum Token {
    Attitude(Attitude),
    Negator,
    Condition,
    Anaphor,
    Term { issue: usize, direction: i8 },
    Claim { issue: usize, stance: i8 },
    Evaluation { issue: usize, stance: i8 },
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    token: Token,
    /// A rejection made of a negated modal ("will not", "cannot", "never"):
    /// before another attitude it negates that one ("will not accept").
    negating: bool,
}

/// "was unwilling to accept", "is not ready to accept", "has no intention to
/// accept", "declined to accept": a chain ending in "to" right before the cue
/// that holds one of the lexicon's negators or rejection cues is read with it
/// (back to the first such term, within its clause, at most five words).
fn negated_catenative_start(
    text: &str,
    sentence_start: usize,
    start: usize,
    lex: &Lexicon,
    hits: &[Hit],
) -> usize {
    let trimmed = text[sentence_start..start].trim_end();
    if !trimmed.ends_with(" to") {
        return start;
    }
    // Where the chain may begin: five words back, not past punctuation or
    // a capitalised word (the subject).
    let mut chain = sentence_start + trimmed.len();
    for _ in 0..5 {
        let head = text[sentence_start..chain].trim_end();
        let i = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let w = &head[i..];
        if w.is_empty()
            || w.ends_with([',', ';', ':', '.', '”', '"'])
            || w.starts_with(|c: char| c.is_uppercase())
        {
            break;
        }
        chain = sentence_start + i;
        if i == 0 {
            break;
        }
    }
    let k = hits.partition_point(|h| h.start < chain);
    hits[k..]
        .iter()
        .take_while(|h| h.end <= start)
        .find(|h| {
            lex.meanings_with_parts(h).any(|m| match m {
                Meaning::Negator => true,
                Meaning::Attitude(a) => a.value() < 0,
                _ => false,
            })
        })
        .map_or(start, |h| h.start)
}

/// The words a statement's stance is read from: its own words, plus the cue
/// before them ("rejected the idea") and a few words before a short quoted
/// fragment ("calling Zelensky “illegitimate”").
pub fn scope(text: &str, s: &Statement) -> Range<usize> {
    let mut start = s.span.start;
    if let Some(c) = &s.cue_span
        && c.start < s.span.start
        && matches!(s.kind, Kind::Indirect | Kind::Reported)
    {
        start = c.start;
        // "did not support the proposal", "ended the talks without agreeing
        // to a ceasefire": the negation before the cue is part of what is read.
        let before = text[s.sentence.start..c.start].trim_end();
        let word_start = |w: &str| before.len() - w.len();
        let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let lower = last.to_lowercase().replace('’', "'");
        if matches!(lower.as_str(), "not" | "never" | "without") || lower.ends_with("n't") {
            start = s.sentence.start + word_start(last);
            // "would not accept": the auxiliary and its negation are one cue.
            let rest = before[..word_start(last)].trim_end();
            let modal = rest.rsplit(char::is_whitespace).next().unwrap_or("");
            if AUXILIARIES.contains(&modal.to_lowercase().as_str()) {
                start = s.sentence.start + rest.len() - modal.len();
            }
        }
    }
    // A quoted fragment is read with its frame: "was ready to “secure the
    // release of our people”", "calling Zelensky “illegitimate”" — up to six
    // words before it, but not before the cue that attributes it.
    if s.kind == Kind::Partial {
        let before = &text[s.sentence.start..s.span.start];
        let cut = before
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(5)
            .map_or(0, |(i, _)| i);
        start = s.sentence.start + cut;
        if let Some(c) = &s.cue_span
            && c.end <= s.span.start
            && c.end > start
            && !text[c.start..c.end].ends_with("ing")
        {
            start = c.end;
        }
        // "criticised the White House meeting earlier this week as a
        // “clumsy” attempt": the verb that frames the fragment is read with
        // it when only its own object stands between (one clause, no comma).
        if let Some(c) = &s.cue_span
            && c.end <= s.span.start
            && c.start >= s.sentence.start
            && text[c.end..s.span.start].split_whitespace().count() <= 12
            && !text[c.end..s.span.start].contains([',', ';', ':'])
        {
            start = start.min(c.start);
        }
    }
    start..s.span.end
}

fn tokens(text: &str, sentence: &Range<usize>, lex: &Lexicon, hits: &[Hit]) -> Vec<Tok> {
    let mut out = Vec::new();
    for h in hits {
        // A verb-like attitude used as a noun or adjective ("in a sign that",
        // "the proposed plan") is no attitude; possessed nouns are handled
        // by their owner ("Moscow's demand"). What the word names still
        // counts: "the talks were useful" keeps the issue keyword "talks"
        // though the speech verb "talks" is no cue there.
        let as_verb = verb_in_context(text, sentence, h, hits, lex) && !attributive(text, h);
        let own = &lex.term(h).meanings;
        let is_cue = |m: &Meaning| {
            matches!(
                m,
                Meaning::Attitude(_) | Meaning::Negator | Meaning::Condition
            )
        };
        // "continues to insist" is a position verb that also means "insist":
        // borrow a cue meaning from the term's parts when it has none itself.
        // An anaphor ("the demand") refers back; it is not itself a cue.
        // (Chained, not collected: this runs for every hit of a scored sentence.)
        let borrow = !(own.iter().any(is_cue) || own.contains(&Meaning::Anaphor));
        let parts = &lex.term(h).part_meanings;
        let meanings = || {
            own.iter()
                .chain(parts.iter().filter(move |m| borrow && is_cue(m)))
        };
        // A term may mean several things; issue meanings all count, and the
        // first cue meaning wins. A lexicon's own toward/away phrase
        // ("eliminate", "withdraw") is the issue's direction, not an attitude.
        let directed = meanings()
            .any(|m| matches!(m, Meaning::IssueTerm { direction, .. } if *direction != 0));
        let mut cue_done = directed || !as_verb;
        let mut taken = false;
        // A phrase listed both as an issue's keyword and as its toward or
        // away phrase ("continue the war") states the direction.
        let directed_for = |i: usize| {
            meanings().any(|m| {
                matches!(m, Meaning::IssueTerm { issue, direction } if *issue == i && *direction != 0)
            })
        };
        for m in meanings() {
            let token = match *m {
                Meaning::IssueTerm {
                    issue,
                    direction: 0,
                } if directed_for(issue) => continue,
                Meaning::IssueTerm { issue, direction } => Token::Term { issue, direction },
                Meaning::Claim { issue, stance } => Token::Claim { issue, stance },
                Meaning::Evaluation { issue, stance } => Token::Evaluation { issue, stance },
                Meaning::Attitude(a) if !cue_done => {
                    cue_done = true;
                    taken = true;
                    Token::Attitude(a)
                }
                // A negator is no verb: "a ban on" negates though it is
                // read after an article.
                Meaning::Negator if !cue_done || (!directed && !as_verb && !taken) => {
                    cue_done = true;
                    Token::Negator
                }
                Meaning::Condition if !cue_done => {
                    cue_done = true;
                    Token::Condition
                }
                Meaning::Anaphor => Token::Anaphor,
                _ => continue,
            };
            let negating = matches!(token, Token::Attitude(Attitude::Reject | Attitude::Oppose))
                && text[h.start..h.end].split_whitespace().any(|w| {
                    let w = w.to_lowercase().replace('’', "'");
                    matches!(w.as_str(), "not" | "never" | "cannot" | "no") || w.ends_with("n't")
                });
            out.push(Tok {
                start: h.start,
                end: h.end,
                token,
                negating,
            });
        }
    }
    without_as_condition(text, &mut out);
    out
}

/// "will not allow a ceasefire without the release of our hostages", "no
/// deal without guarantees", "rejects any ceasefire without guarantees":
/// after a refusal, a rejection or a negation in its clause, "without"
/// names what the refusal is conditional on, a prerequisite, not a negation
/// ("ended the talks without agreeing" stays one).
fn without_as_condition(text: &str, toks: &mut [Tok]) {
    for i in 0..toks.len() {
        if !matches!(toks[i].token, Token::Negator)
            || !text[toks[i].start..toks[i].end].eq_ignore_ascii_case("without")
        {
            continue;
        }
        // A negation ("will not", "no", "never") close before, in the same
        // clause: "denounced him as “a dictator without elections”" is no
        // refusal of elections.
        let refused = toks[..i].iter().rev().any(|t| {
            let gap = &text[t.end..toks[i].start];
            // A quotation between is another's words ("denounced him as
            // “a dictator without elections”").
            !gap.contains(['.', ';', '?', '!', ',', '—', '"', '“'])
                && gap.split_whitespace().count() <= 8
                && (t.negating
                    || matches!(
                        t.token,
                        Token::Negator | Token::Attitude(Attitude::Reject | Attitude::Oppose)
                    ))
        });
        if refused {
            toks[i].token = Token::Condition;
        }
    }
}

/// Is one of the six words before `pos` a word for meeting ("were
/// meeting in Geneva to discuss")?
fn after_meeting(text: &str, pos: usize, lex: &Lexicon) -> bool {
    text[..pos].split_whitespace().rev().take(6).any(|w| {
        lex.meetings.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    })
}

/// "the union's demand for higher wages": the statement's own cue is an
/// attitude though the grammar check took the noun after a possessive for
/// no verb; attribution already read it as this speaker's position.
fn own_cue_token(s: &Statement, lex: &Lexicon, hits: &[Hit], toks: &mut Vec<Tok>) {
    let Some(c) = &s.cue_span else { return };
    if toks
        .iter()
        .any(|t| t.start == c.start && matches!(t.token, Token::Attitude(_)))
    {
        return;
    }
    // Hits are sorted by start: look only where the cue starts.
    let from = hits.partition_point(|h| h.start < c.start);
    let Some(h) = hits[from..]
        .iter()
        .take_while(|h| h.start == c.start)
        .find(|h| h.end == c.end)
    else {
        return;
    };
    // "has rejected" is a position verb by its part "rejected".
    if let Some(att) = attitude_in(lex.meanings_with_parts(h)) {
        insert_attitude(toks, h, att);
    }
}

/// The first attitude among `meanings`.
fn attitude_in(mut meanings: impl Iterator<Item = Meaning>) -> Option<Attitude> {
    meanings.find_map(|m| match m {
        Meaning::Attitude(a) => Some(a),
        _ => None,
    })
}

/// Put an attitude token for hit `h` among the sorted tokens.
fn insert_attitude(toks: &mut Vec<Tok>, h: &Hit, att: Attitude) {
    let at = toks.partition_point(|t| t.start < h.start);
    let tok = Tok {
        start: h.start,
        end: h.end,
        token: Token::Attitude(att),
        negating: false,
    };
    toks.insert(at, tok);
}

/// "Macron reiterated the demand for an unconditional ceasefire", "stressed
/// the need for security guarantees": a nominalised attitude that is the
/// object of the statement's own speech verb is the speaker's attitude,
/// though as a noun the sentence's tokens leave it out. Only the head of the
/// object counts: at most a determiner and two modifiers before it, a
/// complement ("for", "of", "to", "that", "on") after it.
fn object_noun_token(text: &str, s: &Statement, lex: &Lexicon, hits: &[Hit], toks: &mut Vec<Tok>) {
    let Some(c) = &s.cue_span else { return };
    if c.end > s.span.start || !matches!(s.kind, Kind::Indirect | Kind::Reported) {
        return;
    }
    // The cue reports speech and states no attitude of its own.
    let from = hits.partition_point(|h| h.start < c.start);
    let at_cue = || hits[from..].iter().take_while(|h| h.start == c.start);
    let plain_speech = at_cue().any(|h| lex.term(h).meanings.contains(&Meaning::SpeechVerb))
        && !at_cue().any(|h| attitude_in(lex.term(h).meanings.iter().copied()).is_some());
    if !plain_speech {
        return;
    }
    // "the demand" is also an anaphor term: its parts say it is the noun.
    let next = hits.partition_point(|h| h.start < c.end);
    let Some((h, att)) = hits[next..]
        .iter()
        .take_while(|h| h.start < s.span.end)
        .find_map(|h| lex.attitude_noun(h).map(|a| (h, a)))
    else {
        return;
    };
    let words: Vec<&str> = text[c.end..h.start].split_whitespace().collect();
    let modifiers = words.iter().skip_while(|w| NP_OPENERS.contains(w)).count();
    let plain = words
        .iter()
        .all(|w| w.chars().all(|ch| ch.is_lowercase() || ch == '-'));
    let after = text[h.end..s.span.end]
        .split_whitespace()
        .next()
        .unwrap_or("");
    if !plain || modifiers > 2 || !matches!(after, "for" | "of" | "to" | "that" | "on") {
        return;
    }
    // With a complement after it, "the demand for …" refers to nothing before.
    toks.retain(|t| !(t.start == h.start && matches!(t.token, Token::Anaphor)));
    if !toks.iter().any(|t| t.start == h.start) {
        insert_attitude(toks, h, att);
    }
}

/// Is the statement's cue a passive inside its words ("the plan was
/// rejected by Kyiv")? Attribution makes such statements (`passive.rs`).
fn is_passive(text: &str, s: &Statement) -> bool {
    let Some(c) = &s.cue_span else { return false };
    c.start > s.span.start
        && c.end <= s.span.end
        && text[c.end..].starts_with(" by ")
        && text[s.span.start..c.start]
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "-" | "–" | "—"
                ) || w.ends_with(',')
            })
}

/// "a full ceasefire, which Moscow rejected": the statement is the noun
/// phrase an object relative clause hangs on, its cue the clause's verb
/// after it (as attribution reads it: the pronoun, then the subject, or an
/// earlier coordinated clause, with no other break before the cue).
fn is_relative_object(text: &str, s: &Statement, lex: &Lexicon) -> bool {
    let Some(c) = &s.cue_span else { return false };
    if c.start < s.span.end {
        return false;
    }
    let between = text[s.span.end..c.start].trim_start_matches([',', ' ']);
    // "… — conditions Kyiv has rejected": a summing-up noun, its pronoun
    // left out.
    let summary = text[s.span.clone()]
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
        .next()
        .is_some_and(|w| lex.words.summaries.contains(w.to_lowercase().as_str()))
        && between.split_whitespace().count() <= 4;
    (between.starts_with("which ") || between.starts_with("that ") || summary)
        && !between.contains([';', ':', '"', '“', '”'])
}

/// Does one of the issue's phrases stand in the 300 bytes before `pos`
/// (the sentence before, as a rule)?
fn issue_named_before(pos: usize, issue: usize, lex: &Lexicon, hits: &[Hit]) -> bool {
    let from = pos.saturating_sub(300);
    let lo = hits.partition_point(|h| h.start < from);
    hits[lo..].iter().take_while(|h| h.end <= pos).any(|h| {
        lex.term(h)
            .meanings
            .iter()
            .any(|m| matches!(m, Meaning::IssueTerm { issue: i, .. } if *i == issue))
    })
}

/// "a possible ceasefire", "any acceptable deal": an adjective in -ible or
/// -able after a determiner modifies the noun; it is no attitude of the
/// speaker's ("a ceasefire is possible" is).
fn attributive(text: &str, h: &Hit) -> bool {
    // Runs for every hit of a scored sentence: no allocation on the way.
    let w = &text.as_bytes()[h.start..h.end];
    let tail = &w[w.len().saturating_sub(4)..];
    (tail.eq_ignore_ascii_case(b"ible") || tail.eq_ignore_ascii_case(b"able"))
        && text[..h.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|p| NP_OPENERS.contains(&p.to_lowercase().as_str()))
}

fn words_between(text: &str, a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    text[a..b].split_whitespace().count()
}

/// Forms of "be" and "remain" that link a subject to its predicate.
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "remains", "remain", "remained",
];

/// Is there a copula ("is", "remains", "would be") between an issue phrase
/// and a cue after it, with at most two words after the copula ("is a red
/// line", "is simply not acceptable")?
fn copula_between(text: &str, a: usize, b: usize) -> bool {
    if b <= a || text[a..b].contains([',', ';', ':']) {
        return false;
    }
    let words: Vec<&str> = text[a..b].split_whitespace().collect();
    words
        .iter()
        .rposition(|w| COPULAS.contains(&w.to_ascii_lowercase().as_str()))
        .is_some_and(|k| words.len() - k - 1 <= 2)
}

/// Where a copula starts when one stands among the two words before `pos`
/// ("would be futile", "were very productive"), within the sentence.
fn copula_before(text: &str, sentence_start: usize, pos: usize) -> Option<usize> {
    let before = &text[sentence_start..pos];
    before
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !w.ends_with([',', ';', ':']))
        .find(|w| COPULAS.contains(&w.to_ascii_lowercase().as_str()))
        .map(|w| sentence_start + crate::text::offset_in(before, w))
}

/// A sentence or clause break between two points stops a cue's reach.
fn clause_break(text: &str, a: usize, b: usize) -> bool {
    b > a && (text[a..b].contains([';', '?', '!']) || text[a..b].contains(". "))
}

const REACH: usize = 12;

/// Words from an issue keyword to an evaluation after it in the same
/// clause: "his discussions in Berlin with Trump's envoys on ending the war
/// were “not easy” but achieved “real progress”".
const EVALUATION_REACH: usize = 15;

/// "would not send troops but could assist in monitoring": a contrast
/// starts a clause with its own attitude, so a cue before it does not reach
/// past it.
fn contrast_between(text: &str, a: usize, b: usize) -> bool {
    b > a && {
        let between = &text[a..b];
        [" but ", ", while ", " whereas ", ", although ", ", though "]
            .iter()
            .any(|c| between.contains(c))
    }
}

/// "offered few details and did not provide a deadline for a peace deal":
/// a second predicate coordinated with its own finite auxiliary or modal
/// has its own object, out of the first verb's reach.
fn coordinated_predicate_between(text: &str, a: usize, b: usize) -> bool {
    b > a && {
        let words = text[a..b].split_whitespace();
        words.clone().zip(words.skip(1)).any(|(w, next)| {
            matches!(w, "and" | "or")
                && (FINITE_AUXILIARIES.contains(&next)
                    || (AUXILIARIES.contains(&next)
                        && !matches!(next, "to" | "be" | "been" | "being")))
        })
    }
}

/// "were unhappy with the offer, which fell short of the 40% raise": a
/// relative clause describes the object; the attitude is about the object,
/// not about what the clause says of it.
fn relative_between(text: &str, a: usize, b: usize) -> bool {
    b > a && {
        let between = &text[a..b];
        [", which ", ", who ", ", whose "]
            .iter()
            .any(|r| between.contains(r))
    }
}

/// Prepositions that open a place or time adjunct, not an attitude's object.
const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "across",
    "during",
    "near",
    "along",
    "under",
    "within",
    "throughout",
    "since",
    "among",
    "through",
    "after",
    "before",
    "amid",
    "ahead",
    "following",
    "despite",
];

/// "committed to deploying troops in Ukraine across land, sea and air": an
/// issue keyword inside a later place or time adjunct is not what the
/// attitude is about. A preposition right after the cue belongs to it
/// ("insist on", "agree to"), so only one after a content word counts.
/// A list item after the adjunct ("… in Kyiv during the talks, to stop
/// the killings") starts afresh.
fn adjunct_between(text: &str, a: usize, b: usize) -> bool {
    if b <= a {
        return false;
    }
    // An infinitive after the adjunct ("… from regulators to reconnect it
    // to SWIFT") starts a new object too.
    let last_item = text[a..b]
        .rsplit([',', ';'])
        .next()
        .unwrap_or("")
        .rsplit(" to ")
        .next()
        .unwrap_or("");
    let first_item = last_item.len() == b - a;
    leading_adjunct(text, a, b)
        || last_item
            .split_whitespace()
            .skip(usize::from(first_item))
            .any(|w| ADJUNCT_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
}

/// "agreed during the Jeddah meeting to a ceasefire": is `b` inside an
/// adjunct that opens right after the cue ending at `a` with a preposition
/// that is never a verb's own ("during", "amid")? The adjunct ends at a
/// comma or where the verb's "to" resumes.
fn leading_adjunct(text: &str, a: usize, b: usize) -> bool {
    let Some(between) = text.get(a..b) else {
        return false;
    };
    let opens = between.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "during" | "amid" | "amidst" | "following" | "despite" | "throughout"
        )
    });
    opens && !between.contains([',', ';']) && !between.contains(" to ")
}

/// "any format of ceasefire", "the terms of a prisoner exchange": an issue
/// word that only names a kind or part of another issue's phrase right
/// after "of" (a topic word without direction) is not what is meant; the
/// starts of such heads.
fn of_heads(text: &str, toks: &[Tok]) -> Vec<usize> {
    let terms: Vec<&Tok> = toks
        .iter()
        .filter(|t| matches!(t.token, Token::Term { .. }))
        .collect();
    terms
        .windows(2)
        .filter(|w| {
            let (
                Token::Term {
                    issue: a,
                    direction: 0,
                },
                Token::Term { issue: b, .. },
            ) = (w[0].token, w[1].token)
            else {
                return false;
            };
            let between = text.get(w[0].end..w[1].start).unwrap_or("");
            let rest = between.strip_prefix(" of ").unwrap_or("");
            a != b
                && between.starts_with(" of ")
                && rest.split_whitespace().count() <= 2
                && !rest.contains([',', ';'])
        })
        .map(|w| w[0].start)
        .collect()
}

/// Score one statement. `hits` are the document's lexicon hits (from
/// [`crate::text::scan_document`]); `antecedent` is the issue of the
/// previous statement, for anaphors such as "rejected the idea".
pub fn score(
    text: &str,
    s: &Statement,
    lex: &Lexicon,
    hits: &[Hit],
    antecedent: Antecedent,
) -> Vec<Stance> {
    Scorer::new(text, lex, hits).score(s, antecedent)
}

/// Scores a document's statements in order, reading each sentence's cue
/// tokens once however many statements share the sentence (a quotation-dense
/// sentence would otherwise cost time quadratic in its length).
pub struct Scorer<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    hits: &'a [Hit],
    /// The sentence whose tokens `toks` holds.
    sentence: Option<Range<usize>>,
    toks: Vec<Tok>,
}

impl<'a> Scorer<'a> {
    pub fn new(text: &'a str, lex: &'a Lexicon, hits: &'a [Hit]) -> Scorer<'a> {
        Scorer {
            text,
            lex,
            hits,
            sentence: None,
            toks: Vec::new(),
        }
    }

    /// The cue tokens of `sentence`, computed on first use.
    fn sentence_tokens(&mut self, sentence: &Range<usize>) -> &[Tok] {
        if self.sentence.as_ref() != Some(sentence) {
            self.toks = tokens(self.text, sentence, self.lex, hits_in(self.hits, sentence));
            self.sentence = Some(sentence.clone());
        }
        &self.toks
    }

    /// The tokens of the sentence that lie inside `range` (tokens are sorted by start).
    fn tokens_within(&mut self, sentence: &Range<usize>, range: &Range<usize>) -> Vec<Tok> {
        let toks = self.sentence_tokens(sentence);
        let lo = toks.partition_point(|t| t.start < range.start);
        let hi = toks.partition_point(|t| t.start < range.end);
        toks[lo..hi]
            .iter()
            .filter(|t| t.end <= range.end)
            .copied()
            .collect()
    }

    /// Score one statement; see [`score`].
    pub fn score(&mut self, s: &Statement, antecedent: Antecedent) -> Vec<Stance> {
        // A speaker of no side (an analyst, a mediator, a third country)
        // holds no side's position: scored, "Other" would be a timeline
        // of everyone's remarks averaged. Their statements stay in
        // statements.csv.
        if s.party == self.lex.other_party {
            return Vec::new();
        }
        let sc = self.scope_of(s);
        let mut toks = self.tokens_within(&s.sentence, &sc);
        own_cue_token(s, self.lex, self.hits, &mut toks);
        object_noun_token(self.text, s, self.lex, self.hits, &mut toks);
        let (text, lex, hits) = (self.text, self.lex, self.hits);
        let sentence_toks = self.sentence_tokens(&s.sentence);
        score_tokens(text, s, lex, hits, &sc, toks, sentence_toks, antecedent)
    }

    /// [`scope`], reaching back over a negated chain before a reported
    /// statement's cue ("was unwilling to accept").
    fn scope_of(&self, s: &Statement) -> Range<usize> {
        let mut sc = scope(self.text, s);
        if matches!(s.kind, Kind::Indirect | Kind::Reported)
            && s.cue_span.as_ref().is_some_and(|c| c.start == sc.start)
        {
            sc.start = negated_catenative_start(
                self.text,
                s.sentence.start,
                sc.start,
                self.lex,
                self.hits,
            );
        }
        sc
    }

    /// The issue and direction a statement was about, for the next anaphor.
    pub fn antecedent_of(&mut self, s: &Statement) -> Antecedent {
        let sc = self.scope_of(s);
        let toks = self.tokens_within(&s.sentence, &sc);
        // A phrase with a direction says what the idea was ("hand over
        // Donbas"); else a topic word names it ("insist on Donbas"), toward.
        let directed = toks.iter().rev().find_map(|t| match t.token {
            Token::Term { issue, direction } if direction != 0 => Some((issue, direction)),
            _ => None,
        });
        directed.or_else(|| {
            toks.iter().rev().find_map(|t| match t.token {
                Token::Term { issue, .. } => Some((issue, 1)),
                _ => None,
            })
        })
    }
}

/// Score a statement from its scope's tokens and its whole sentence's.
#[allow(clippy::too_many_arguments)]
fn score_tokens(
    text: &str,
    s: &Statement,
    lex: &Lexicon,
    hits: &[Hit],
    sc: &Range<usize>,
    toks: Vec<Tok>,
    sentence_toks: &[Tok],
    antecedent: Antecedent,
) -> Vec<Stance> {
    let sc = sc.clone();
    // The passive's and the object relative clause's own cue follows what it governs.
    let cue_after_object = is_passive(text, s) || is_relative_object(text, s, lex);
    let condition = toks
        .iter()
        .find(|t| matches!(t.token, Token::Condition))
        .copied();
    // (issue, stance, governed by a cue, trace)
    let mut found: Vec<(usize, i8, bool, String)> = Vec::new();
    let scope_text = text[sc.clone()].to_string();
    let word = |t: &Tok| &text[t.start..t.end];
    let of_heads = of_heads(text, &toks);
    let mut objects: Vec<(Tok, usize, i8)> = toks
        .iter()
        .filter(|t| !of_heads.contains(&t.start))
        .filter_map(|t| match t.token {
            Token::Term { issue, direction } => Some((*t, issue, direction)),
            _ => None,
        })
        .collect();
    if objects.is_empty()
        && let Some((issue, direction)) = antecedent
        && let Some(a) = toks.iter().find(|t| matches!(t.token, Token::Anaphor))
    {
        objects.push((*a, issue, direction));
    }
    // "…over security guarantees, while Washington offers 15 years": an
    // attitude with no issue word of its own takes the sentence's topic.
    let first_attitude = toks
        .iter()
        .find(|t| matches!(t.token, Token::Attitude(_)))
        .copied();
    let mut topic_words: Vec<(usize, String)> = Vec::new();
    if objects.is_empty() && s.kind == Kind::Reported && first_attitude.is_some() {
        // The nearest issue phrase before the statement (else after it): in
        // "a ceasefire — which Moscow has said is impossible …" the ceasefire.
        let toks_s: Vec<&Tok> = sentence_toks
            .iter()
            .filter(|t| t.end <= sc.start || t.start >= sc.end)
            .collect();
        let nearest = toks_s
            .iter()
            .rev()
            .find(|t| t.end <= sc.start && matches!(t.token, Token::Term { .. }))
            .or_else(|| {
                // After the statement only in its own clause: "opposed the
                // move as Republicans made clear they wanted the credits to
                // expire" is not about the credits (another attitude governs
                // them).
                toks_s
                    .iter()
                    .find(|t| matches!(t.token, Token::Term { .. }))
                    .filter(|t| {
                        !sentence_toks.iter().any(|a| {
                            matches!(a.token, Token::Attitude(_))
                                && a.start >= sc.end
                                && a.end <= t.start
                        })
                    })
            });
        if let Some(&&near) = nearest
            && let Token::Term { issue, .. } = near.token
        {
            // The issue keeps the direction its phrases give it in the
            // sentence: "Trump authorized sanctions on Rosneft and Lukoil,
            // in a move cheered by European allies" cheers sanctions.
            let directed = |o: &&&Tok| matches!(o.token, Token::Term { issue: i, direction } if i == issue && direction != 0);
            let t = if directed(&&&near) {
                near
            } else {
                toks_s.iter().find(directed).map_or(near, |o| **o)
            };
            let Token::Term { direction, .. } = t.token else {
                unreachable!()
            };
            // Stand-in placed at the end of the scope so the attitude governs it.
            let at = Tok {
                start: sc.end,
                end: sc.end,
                token: t.token,
                negating: false,
            };
            objects.push((at, issue, direction));
            topic_words.push((issue, text[t.start..t.end].to_string()));
        }
    }
    // "These were not adopted after the EU refused to agree.": an attitude
    // with no object at all ("to agree", "support") and no issue in its
    // sentence is about what the statement before was about.
    if objects.is_empty()
        && s.kind == Kind::Reported
        && first_attitude.is_some()
        && let Some((issue, direction)) = antecedent
        && objectless(&text[s.span.clone()])
    {
        let at = Tok {
            start: sc.end,
            end: sc.end,
            token: Token::Term { issue, direction },
            negating: false,
        };
        objects.push((at, issue, direction));
        topic_words.push((issue, format!("before: {}", lex.issues[issue].id)));
    }
    let term_word = |t: &Tok, issue: usize| {
        if t.start == t.end {
            let w = topic_words
                .iter()
                .find(|x| x.0 == issue)
                .map_or("", |x| x.1.as_str());
            match w.strip_prefix("before: ") {
                Some(id) => format!("[statement before: {id}]"),
                None => format!("[sentence topic: {w}]"),
            }
        } else {
            text[t.start..t.end].to_string()
        }
    };
    for (t, issue, direction) in &objects {
        let dir = if *direction == 0 { 1 } else { *direction };
        let dir_name = match direction {
            1 => "toward",
            -1 => "away",
            _ => "topic",
        };
        // What follows a condition is its prerequisite only inside the
        // conditional clause: "as long as Zelensky is president, no one should
        // count on us giving up territory" puts "giving up" in the main clause.
        let after_condition =
            condition.is_some_and(|c| c.start < t.start && !text[c.end..t.start].contains(", "));
        // The governing attitude: the nearest one before the term, in reach,
        // not across a clause break, and on the same side of a condition.
        // The statement's own cue is its speaker's ("Putin's demand that …");
        // another's attitude nearer the phrase ("… discuss Moscow's demand for
        // territory") takes the phrase, so no cue of the speaker reaches it.
        let owned = |a: &Tok| {
            s.cue_span.as_ref().is_some_and(|c| c.start == a.start)
                || ((!someone_elses(text, a) || relative_to_attitude(text, a, &toks))
                    && !other_sides(text, a, s, lex, hits)
                    && !others_document(text, a, &toks, s.party, lex, hits)
                    && !controlled(text, a.start, lex))
        };
        let nearest_other = toks
            .iter()
            .rev()
            .filter(|a| a.end <= t.start && matches!(a.token, Token::Attitude(_)))
            .take_while(|a| words_between(text, a.end, t.start) <= 3)
            .find(|a| !owned(a))
            .map(|a| a.start);
        // "X is a prerequisite for ending hostilities": a predicate noun with
        // its article judges the copula's subject, not what follows it.
        let predicate_noun = |a: &Tok| {
            let w = &text[a.start..a.end];
            let article = ["a ", "an ", "the "].iter().any(|p| {
                w.len() > p.len() && w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
            });
            // "… as a prerequisite for", "… is a condition for".
            let prev = text[s.sentence.start..a.start]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_ascii_lowercase();
            article && (prev == "as" || COPULAS.contains(&prev.as_str()))
        };
        let before = toks
            .iter()
            .rev()
            .filter(|a| a.end <= t.start && matches!(a.token, Token::Attitude(_)))
            .filter(|a| !predicate_noun(a))
            .filter(|a| owned(a) && nearest_other.is_none_or(|o| a.start > o))
            .find(|a| {
                // Another issue's phrase in between takes the cue for itself:
                // "agreed to a prisoner exchange at the end of the talks".
                // But a list distributes the cue: "ready to secure the release
                // of prisoners, to stop the killings, and to prepare a summit".
                // "include a wage increase, reinstating the pension, and a
                // guarantee …": an item between commas of a list that ends
                // with ", and" is listed too.
                // (Bytes, so a cut inside a character reads as nothing.)
                let later = text
                    .get(t.end..s.sentence.end.min(t.end + 120).max(t.end))
                    .unwrap_or("");
                let listed = |from: usize| {
                    let between = &text[from..t.start];
                    between.contains(", to ")
                        || between.contains(", and ")
                        || between.contains("; ")
                        || (between.contains(", ") && later.contains(", and "))
                };
                let other_issue_between = toks.iter().any(|o| {
                    o.start >= a.end
                        && o.end <= t.start
                        && matches!(o.token, Token::Term { issue: oi, .. } if oi != *issue)
                        && !of_heads.contains(&o.start)
                        && !listed(o.end)
                        // "agreed during the Jeddah meeting to a ceasefire":
                        // a phrase in an adjunct takes no cue.
                        && !leading_adjunct(text, a.end, o.start)
                });
                let reach = if listed(a.end) { 2 * REACH } else { REACH };
                // "must stop and eliminate enrichment": a verb coordinated with
                // a directed phrase shares its object; it does not govern it.
                let coordinated = *direction != 0
                    && matches!(text[a.end..t.start].trim(), "and" | "or" | "," | "and to");
                !coordinated
                    && !other_issue_between
                    && !relative_between(text, a.end, t.start)
                    && words_between(text, a.end, t.start) <= reach
                    && !clause_break(text, a.end, t.start)
                    && !contrast_between(text, a.end, t.start)
                    && !coordinated_predicate_between(text, a.end, t.start)
                    && (*direction != 0
                        || t.start == t.end
                        || !adjunct_between(text, a.end, t.start))
                    && condition.is_none_or(|c| {
                        (c.start < a.start && !text[c.end..a.start].contains(", "))
                            == after_condition
                    })
            });
        // "power-sharing arrangements … could be a critical component": the
        // attitude may follow its subject closely.
        let after = || {
            // "the European ceasefire push": a noun right after the issue
            // word, with another side named before it, is that side's.
            let modified_by_other = |a: &Tok| {
                words_between(text, t.end, a.start) == 0
                    && other_side_before(text, t.start, s, lex, hits)
            };
            toks.iter()
                .filter(|a| {
                    a.start >= t.end
                        && !modified_by_other(a)
                        && !others_document(text, a, &toks, s.party, lex, hits)
                        // "… had been welcomed by Washington". (Not a side
                        // right before it: the phrase is its subject, as in
                        // "a ceasefire with Ukraine is possible".)
                        && (s.cue_span.as_ref().is_some_and(|c| c.start == a.start)
                            || !someone_elses(text, a))
                })
                .find(|a| {
                    // An open cue may follow closely ("… could be"), a demand
                    // right after its object ("sanctions relief must come first").
                    // "territorial concessions are unacceptable", "the
                    // withdrawal … remains a key condition": any attitude as
                    // the predicate of a copula judges its subject.
                    let reach = match a.token {
                        Token::Attitude(_) if copula_between(text, t.end, a.start) => 8,
                        Token::Attitude(Attitude::Open) => 6,
                        Token::Attitude(Attitude::Support) => 1,
                        _ => return false,
                    };
                    // "withdraw from Donetsk or accept buffer zones": a
                    // coordinated verb has an object of its own.
                    let coordinated = matches!(text[t.end..a.start].trim(), "or" | "and" | ",");
                    // "meetings with defence firms to discuss supplies": an
                    // infinitive of purpose after the phrase is no predicate
                    // of it (a copula's "is ready to" is).
                    let purpose = text[t.end..a.start].trim_end().ends_with(" to")
                        && !copula_between(text, t.end, a.start);
                    !coordinated
                        && !purpose
                        && words_between(text, t.end, a.start) <= reach
                        && !clause_break(text, t.end, a.start)
                        && condition.is_none_or(|c| c.start > a.start || after_condition)
                })
        };
        // "Kyiv rejected Moscow's demand to cede land": another's attitude
        // nearest the phrase is the object of the speaker's own ("rejected"),
        // and the chain below composes the two.
        let complement_of_own = || {
            let o = toks.iter().find(|a| Some(a.start) == nearest_other)?;
            toks.iter()
                .rev()
                .filter(|x| x.end <= o.start && matches!(x.token, Token::Attitude(_)))
                .find(|x| {
                    owned(x)
                        && governs_complement(text, x.end, o.start)
                        && !asserted_clause(text, x.end, o)
                })
                .map(|_| o)
        };
        // "the ceasefire proposal was rejected by Kyiv", "the ceasefire
        // proposal, which Kyiv rejected": the passive's or the relative
        // clause's own cue governs what its object names, whatever nouns
        // stand there.
        let passive_cue = || {
            toks.iter().find(|a| {
                cue_after_object
                    && a.start >= t.end
                    && s.cue_span.as_ref().is_some_and(|c| c.start == a.start)
                    && matches!(a.token, Token::Attitude(_))
            })
        };
        let governing = passive_cue()
            .or(before)
            .or_else(after)
            .or_else(complement_of_own);
        if let Some(a) = governing {
            let Token::Attitude(att) = a.token else {
                unreachable!()
            };
            let mut value = att.value();
            let mut trace = format!("{}({:+})", word(a), value);
            // "refused to accept", "reluctant to sign", "will not accept": an
            // attitude whose complement is another attitude composes with it:
            // the outer one's value, in the direction of the inner one.
            let mut head = a;
            // The chain can be longer when an attitude's object is a noun
            // phrase headed by another attitude: "rejected Trump's 50-day
            // ultimatum to agree to a ceasefire" is the rejection of a demand
            // for a ceasefire (-2), not an agreement to one.
            for _ in 0..3 {
                let Some(outer) = toks.iter().rev().find(|o| {
                    o.end <= head.start
                        && matches!(o.token, Token::Attitude(_))
                        && (governs_complement(text, o.end, head.start)
                            || coordinated_infinitive(text, o.end, head))
                }) else {
                    break;
                };
                let Token::Attitude(oatt) = outer.token else {
                    break;
                };
                // "never refused", "will not reject": not rejecting is
                // openness (+1), as with a negator before a rejection.
                value = if outer.negating && value < 0 {
                    1
                } else if oatt.value() > 0 {
                    // "willing to consider a ceasefire" and "suggested it
                    // should …" are openness, the weaker of the two;
                    // "ready to accept" support.
                    value.signum() * value.abs().min(oatt.value())
                } else {
                    oatt.value() * value.signum()
                };
                trace = format!("{}({:+}) > {trace}", word(outer), oatt.value());
                head = outer;
            }
            // "the union said Boeing refused to propose wage increases": the
            // chain's outer attitude is another side's, and so is the whole.
            if head.start != a.start && !owned(head) {
                continue;
            }
            // "met in Geneva to discuss Trump's plan": an agenda verb as a
            // purpose names a topic, not a stance.
            if head.start == a.start
                && lex.agenda.contains(&word(a).to_lowercase())
                && text[..a.start].trim_end().ends_with(" to")
                && after_meeting(text, a.start, lex)
            {
                continue;
            }
            // "ended without agreeing to a ceasefire", "failed to agree on":
            // what did not happen is an event, not a stance.
            if lex.failure_before(text, head.start) {
                continue;
            }
            if negated(text, &toks, head.start) || rhetorical_why(text, &s.sentence, head.start) {
                // "No agreement on Donbas has been reached": an outcome not
                // reached yet is no side's stance.
                if lex.outcomes.contains(&word(head).to_lowercase()) {
                    continue;
                }
                // Not rejecting something is not embracing it: "has not
                // rejected the plan" is openness (+1), "did not support" -2.
                value = if value < 0 { 1 } else { -value };
                trace = format!("not {trace}");
            }
            // "demands no NATO membership for Ukraine", "wants a ban on …": a
            // negator inside the object, after the attitude, negates what it
            // governs.
            if value > 0 && a.end <= t.start && object_negated(text, &toks, a.end, t.start) {
                value = -value;
                trace.push_str(" > no");
            }
            let mut stance = value * dir;
            trace.push_str(&format!(" > {}({dir_name})", term_word(t, *issue)));
            if let Some(c) = condition
                && !after_condition
                && stance > 1
            {
                stance = 1;
                trace.push_str(&format!(" | {}(cap 1)", word(&c)));
            }
            found.push((*issue, stance, true, trace));
        } else if let Some(c) = condition {
            // No attitude word: the condition itself says how the side feels.
            let (stance, trace) = if after_condition {
                (
                    2 * dir,
                    format!("{}(prerequisite) > {}({dir_name})", word(&c), word(t)),
                )
            } else {
                (
                    dir,
                    format!("{}({dir_name}) | {}(conditional)", word(t), word(&c)),
                )
            };
            if *direction != 0 || after_condition || has_toward(&objects, *issue) {
                found.push((*issue, stance, true, trace));
            }
        } else if *direction != 0 && negated(text, &toks, t.start) {
            found.push((
                *issue,
                -2 * dir,
                true,
                format!("not > {}({dir_name})", word(t)),
            ));
        } else if *direction != 0 && s.kind == Kind::Direct && imperative(text, s, t.start) {
            // "Stop the killing," Trump told reporters: a quoted sentence
            // that opens with the directed phrase is the speaker's demand.
            found.push((
                *issue,
                2 * dir,
                true,
                format!("imperative(+2) > {}({dir_name})", word(t)),
            ));
        } else if *direction != 0
            && let Some(modal) = intention_before(text, &sc, t.start)
        {
            // "We will impose very severe tariffs": a speaker's stated
            // intention is their position, at the strength of openness.
            found.push((
                *issue,
                dir,
                true,
                format!("{modal}(intention) > {}({dir_name})", word(t)),
            ));
        } else if *direction != 0
            && let Some(att) = lead_attitude(lex, hits, t)
        {
            // "The machinists voted to strike", "voted down the offer": a
            // lexicon's phrase that opens with an attitude of its own
            // direction states it by itself, at that attitude's strength.
            // One of the other direction names an act ("halt strikes" is
            // toward a ceasefire): a stance only when something governs it.
            let v = att.value().abs();
            found.push((
                *issue,
                v * dir,
                true,
                format!("{}({:+}, {dir_name})", word(t), v * dir),
            ));
        }
    }
    // "The talks were productive", "a productive meeting": an evaluation
    // counts for an issue only near one of the issue's keywords in the sentence.
    let in_sentence = |t: &Tok, issue: usize| {
        // "attempts at coercion would be futile": a copula's predicate
        // judges the copula's subject, which must name the issue.
        let copula = copula_before(text, s.sentence.start, t.start);
        let reach_before = |k: &Tok| match copula {
            Some(c) => k.end <= c && words_between(text, k.end, c) <= 5,
            None => k.end <= t.start && words_between(text, k.end, t.start) <= EVALUATION_REACH,
        };
        sentence_toks.iter().any(|k| {
            matches!(k.token, Token::Term { issue: ki, .. } if ki == issue)
                && (reach_before(k) || words_between(text, t.end, k.start) <= 3 && t.end <= k.start)
                && !clause_break(text, k.end.min(t.end), k.start.max(t.start))
        })
    };
    // "“There is definitely progress,” Dmitriev said" after a sentence on
    // the talks: a quotation that names no issue of its own judges the one
    // the sentence before named.
    let quoted_judgment = |issue: usize| {
        matches!(s.kind, Kind::Direct | Kind::Partial)
            && !sentence_toks
                .iter()
                .any(|k| matches!(k.token, Token::Term { .. }))
            && issue_named_before(s.sentence.start, issue, lex, hits)
    };
    let near_keyword = |t: &Tok, issue: usize| in_sentence(t, issue) || quoted_judgment(issue);
    // Evaluations and claims: (issue, value, trace, position).
    let mut bare: Vec<(usize, i8, String, usize)> = Vec::new();
    // "Russia and Ukraine agreed on a swap, but made little progress": in a
    // position reported of sides with no one speaking, how the talks went
    // is the writer's judgment, not theirs.
    let narrated = s.kind == Kind::Reported && s.speaker.is_empty();
    for t in &toks {
        // A lexicon's own claim on the same words outranks the English
        // evaluation ("constructive" is both).
        let claimed = |t: &Tok| {
            toks.iter()
                .any(|c| matches!(c.token, Token::Claim { .. }) && c.start == t.start)
        };
        if let Token::Evaluation { issue, stance } = t.token
            && !narrated
            && near_keyword(t, issue)
            && !claimed(t)
            && !describes_person(text, &sc, t.start)
            && !found.iter().any(|f| f.0 == issue && f.2)
        {
            let mut v = stance;
            let mut trace = format!("evaluation {}({:+})", word(t), stance);
            let prefixed = text[..t.start].ends_with("non-") || text[..t.start].ends_with("Non-");
            if (negated(text, &toks, t.start) || prefixed) && !word(t).starts_with("not ") {
                v = -v;
                trace = format!("not {trace}");
            }
            if let Some(loss) = lost_after(text, t.end, s.sentence.end, lex) {
                v = -v;
                trace = format!("{trace} > {loss}(lost)");
            }
            bare.push((issue, v, trace, t.start));
        }
    }
    for t in &toks {
        if let Token::Claim { issue, stance } = t.token {
            // "a meeting between Zelensky and dictator Vladimir Putin": an
            // epithet before a name in the reporter's words is the writer's
            // label, not a claim of the statement's subject.
            if narrated && epithet_before_name(text, &s.sentence, t) {
                continue;
            }
            let mut v = stance;
            let mut trace = format!("claim {}({:+})", word(t), stance);
            // "non-constructive" is the claim negated.
            let prefixed = text[..t.start].ends_with("non-") || text[..t.start].ends_with("Non-");
            if (negated(text, &toks, t.start) || prefixed) && !word(t).starts_with("not ") {
                v = -v;
                trace = format!("not {trace}");
            }
            bare.push((issue, v, trace, t.start));
        }
    }
    for (issue, v, trace, _) in after_contrast(text, bare) {
        found.push((issue, v, false, trace));
    }
    let _ = scope_text;
    combine(found, numbers(&text[sc]))
}

/// Does the claim word `t` stand right before a capitalised name, outside
/// quotation marks ("and dictator Vladimir Putin")?
fn epithet_before_name(text: &str, sentence: &Range<usize>, t: &Tok) -> bool {
    let before = &text[sentence.start.min(t.start)..t.start];
    let quoted = before.matches('“').count() > before.matches('”').count()
        || before.matches('"').count() % 2 == 1;
    let after = &text[t.end..];
    !quoted
        && after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_uppercase())
        // "called Putin a dictator. He …" ends the sentence first.
        && t.end < sentence.end
}

/// "Medinsky, a hawkish ex-minister who led previous failed talks": an
/// evaluation inside a relative clause about a person describes that person;
/// it is not the speaker's judgment.
fn describes_person(text: &str, scope: &Range<usize>, pos: usize) -> bool {
    let before = &text[scope.start.min(pos)..pos];
    let clause = before.rsplit([',', ';']).next().unwrap_or(before);
    clause
        .split_whitespace()
        .any(|w| matches!(w.to_lowercase().as_str(), "who" | "whom" | "whose"))
}

/// "we will impose …", "he would withdraw …": a personal pronoun and a
/// modal of intention (or "be going to") in the clause before `pos`, with at
/// most three words (the verb and its modifiers) between the modal and the
/// phrase. The modal as written, when found.
fn intention_before<'t>(text: &'t str, scope: &Range<usize>, pos: usize) -> Option<&'t str> {
    let clause = &text[scope.start.min(pos)..pos];
    let clause = clause.rsplit([',', ';', ':']).next().unwrap_or(clause);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let n = words.len();
    (1..n).rev().take(4).find_map(|i| {
        let modal = words[i];
        let lower = modal.to_lowercase().replace('’', "'");
        let (subject, modal_word) = match lower.split_once('\'') {
            // "we'll", "he'd": the pronoun and the modal in one word.
            Some((subj, "ll" | "d")) => (subj.to_string(), modal),
            _ => (words[i - 1].to_lowercase(), modal),
        };
        let is_modal = matches!(lower.as_str(), "will" | "would" | "shall")
            || lower.ends_with("'ll")
            || lower.ends_with("'d");
        let personal = matches!(subject.as_str(), "we" | "i" | "he" | "she" | "they");
        (is_modal && personal && n - i - 1 <= 3).then_some(modal_word)
    })
}

/// Whether the text between an outer attitude and an inner one makes the
/// inner one its complement: nothing, "to", "to be" ("refused to accept"),
/// or a short noun phrase whose head is the inner attitude ("rejected the
/// US proposal", "pushed back against a 28-point proposal", "rejected
/// Trump's ultimatum"): a determiner or possessive, then at most four
/// capitalised, numeric, hyphenated or possessive words and one plain one.
fn governs_complement(text: &str, from: usize, to: usize) -> bool {
    // "pushed back on something far more significant: U.S. suggestions
    // that …": a placeholder object announces the one after the colon.
    if let Some(colon) = text[from..to].find(':') {
        let placeholder = &text[from..from + colon];
        let words: Vec<&str> = placeholder.split_whitespace().collect();
        let opens = match words.as_slice() {
            [w, ..] if w.eq_ignore_ascii_case("something") => true,
            [n, t, ..] => matches!(*n, "one" | "two" | "three") && matches!(*t, "thing" | "things"),
            _ => false,
        };
        return opens
            && placeholder.split_whitespace().count() <= 5
            && !placeholder.contains([',', ';', '"', '“', '”'])
            && governs_complement(text, from + colon + 1, to);
    }
    // Adverbs do not change what governs what: "refused to publicly commit".
    let kept: Vec<&str> = text[from..to]
        .split_whitespace()
        .filter(|w| {
            let adverb = (w.len() > 4 && w.ends_with("ly")) || is_verb_adverb(w);
            !adverb
        })
        .collect();
    let between = kept.join(" ");
    let between = between.as_str();
    if matches!(between, "" | "to" | "to be") {
        return true;
    }
    if between.contains([',', ';', ':', '"', '“', '”', '(', ')']) {
        return false;
    }
    let words = kept;
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    let first = words[0].to_lowercase();
    // "rejected U.S. President Donald Trump's 50-day ultimatum": a proper
    // name may open the noun phrase too.
    let capitalised = words[0].starts_with(char::is_uppercase);
    if !NP_OPENERS.contains(&first.as_str()) && !possessive(words[0]) && !capitalised {
        return false;
    }
    let mut plain = 0;
    // "call for European nations to halt": the infinitive's "to" after the
    // noun phrase is no part of it.
    let np = match words.last() {
        Some(&"to") if words.len() > 1 => &words[1..words.len() - 1],
        _ => &words[1..],
    };
    for w in np {
        let modifier = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || w.contains('-')
            || possessive(w);
        if !modifier {
            plain += 1;
        }
    }
    plain <= 1
}

/// "not easy but productive": of two judgments of one issue joined by
/// "but", the one after it is the speaker's conclusion; the earlier ones of
/// that issue are dropped. Judgments with no contrast between them stay.
fn after_contrast(
    text: &str,
    bare: Vec<(usize, i8, String, usize)>,
) -> Vec<(usize, i8, String, usize)> {
    let contrast = |a: usize, b: usize| {
        let between = &text[a..b];
        between.contains(" but ") || between.contains(", yet ")
    };
    bare.iter()
        .filter(|x| {
            !bare.iter().any(|y| {
                y.0 == x.0 && y.3 > x.3 && y.1.signum() != x.1.signum() && contrast(x.3, y.3)
            })
        })
        .cloned()
        .collect()
}

/// "Moscow’s demand for territory", "a key demand from Russia": an attitude
/// that belongs to someone named with it, not to the statement's speaker.
fn someone_elses(text: &str, a: &Tok) -> bool {
    let before = text[..a.start].trim_end();
    let after = text[a.end..].trim_start();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let stem = word.trim_end_matches("'s").trim_end_matches("’s");
    // "It’s important to" is a contraction, not a possessive.
    let possessive = stem.len() < word.len()
        && stem.chars().next().is_some_and(|c| c.is_uppercase())
        && !matches!(
            stem,
            "It" | "That" | "There" | "He" | "She" | "What" | "Who" | "Here" | "Where"
        );
    let named_after = |rest: &str| {
        (rest.starts_with("from ") || rest.starts_with("by "))
            && rest
                .split_whitespace()
                .nth(1)
                .and_then(|w| w.chars().next())
                .is_some_and(|c| c.is_uppercase())
    };
    // "referenda widely dismissed as illegitimate by Western nations": the
    // agent may follow the passive's "as" phrase.
    let agent_after_as = after.strip_prefix("as ").is_some_and(|rest| {
        let mut words = rest.split_whitespace();
        for _ in 0..4 {
            match words.next() {
                Some("by") => {
                    return words
                        .next()
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                }
                Some(w) if !w.ends_with([',', ';', ':', '.']) => {}
                _ => return false,
            }
        }
        false
    });
    possessive
        || named_after(after)
        || agent_after_as
        || relative_subject(before)
        || absolute_subject(before, &text[a.start..a.end])
}

/// "… with the 28-point plan requiring Ukraine to cede territory": a
/// participle after "with" and a noun phrase has that phrase for its
/// subject, not the speaker.
fn absolute_subject(before: &str, attitude: &str) -> bool {
    let first_word = attitude.split_whitespace().next().unwrap_or("");
    if !first_word.ends_with("ing") {
        return false;
    }
    let Some(i) = crate::text::rfind_near_end(before, " with ", 5) else {
        return false;
    };
    let phrase = &before[i + " with ".len()..];
    let mut words = phrase.split_whitespace();
    words
        .next()
        .is_some_and(|w| NP_OPENERS.contains(&w.to_lowercase().as_str()))
        && !phrase.contains([',', ';'])
        && words.count() >= 1
}

/// The attitude a toward or away phrase at `t` opens with
/// ([`crate::lexicon::Term::lead_attitude`]).
fn lead_attitude(lex: &Lexicon, hits: &[Hit], t: &Tok) -> Option<Attitude> {
    let k = hits.partition_point(|h| h.start < t.start);
    hits[k..]
        .iter()
        .take_while(|h| h.start == t.start)
        .find(|h| h.end == t.end)
        .and_then(|h| lex.term(h).lead_attitude)
}

/// "… told Reuters that Russia's ultimatums to end the war included a demand
/// for Kyiv to withdraw": a verb stating a document's content (the lexicon's
/// `content_verbs`) whose subject is someone else's document (a possessed
/// attitude noun before it in its clause) states that one's position, not
/// the speaker's.
fn others_document(
    text: &str,
    a: &Tok,
    toks: &[Tok],
    party: usize,
    lex: &Lexicon,
    hits: &[Hit],
) -> bool {
    let content_verb = hits
        .iter()
        .filter(|h| h.start == a.start)
        .any(|h| lex.term(h).meanings.contains(&Meaning::ContentVerb));
    content_verb
        && toks
            .iter()
            .rev()
            .filter(|o| o.end <= a.start && matches!(o.token, Token::Attitude(_)))
            .take_while(|o| {
                words_between(text, o.end, a.start) <= 8 && !clause_break(text, o.end, a.start)
            })
            .any(|o| {
                someone_elses(text, o)
                    && possessor_side(text, o, lex, hits).is_some_and(|p| p != party)
            })
}

/// "pressure on Kyiv to accept the plan", "forced Ukraine to accept": an
/// attitude in the infinitive after one of the lexicon's `controls` and
/// its object (one to four words) is what that one is pushed to, nobody's
/// own stance. A control word with no object ("will not be forced to
/// accept") leaves the attitude to its subject.
fn controlled(text: &str, pos: usize, lex: &Lexicon) -> bool {
    let words: Vec<String> = text[..pos]
        .split_whitespace()
        .rev()
        .take(7)
        .take_while(|w| !w.ends_with([',', ';', ':', '.', '"', '“', '”']))
        .map(|w| w.to_lowercase())
        .collect();
    if words.first().map(String::as_str) != Some("to") {
        return false;
    }
    (2..words.len()).any(|k| {
        let one = lex.controls.contains(&words[k]);
        let two = words
            .get(k + 1)
            .is_some_and(|w| lex.controls.contains(&format!("{w} {}", words[k])));
        (one || two) && k - 1 <= 4
    })
}

/// The side of a possessive right before `a` ("Russia's ultimatums").
fn possessor_side(text: &str, a: &Tok, lex: &Lexicon, hits: &[Hit]) -> Option<usize> {
    let before = text[..a.start].trim_end();
    let stem = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))?;
    // The scan may have matched the name with its "'s" or without.
    hits.iter()
        .filter(|h| h.end == stem.len() || h.end == before.len())
        .find_map(|h| {
            lex.term(h).meanings.iter().find_map(|m| match *m {
                Meaning::Party(p) | Meaning::PartyAdjective(p) => Some(p),
                Meaning::Actor(i) => Some(lex.actors[i].party),
                _ => None,
            })
        })
}

/// "The war, which has halted the talks", "Umerov, who agreed to the plan",
/// "a draft that accepted Moscow's demands": an attitude whose subject is a
/// relative pronoun belongs to what the clause describes, not to the
/// speaker.
fn relative_subject(before: &str) -> bool {
    // (Bounded: the text before an attitude is the whole document so far.)
    let mut words = before.split_whitespace().rev();
    let (last, second, third) = (words.next(), words.next(), words.next());
    let relative = |w: Option<&str>| matches!(w, Some("that" | "which"));
    let helper = |w: &str| crate::text::is_auxiliary(w) || crate::text::is_verb_adverb(w);
    // "The war, which has halted the talks", "Rustem Umerov, who agreed to
    // most of the plan": any one word between.
    let comma_relative = |w: Option<&str>| matches!(w, Some("which" | "who"));
    if comma_relative(last) && second.is_some_and(|w| w.ends_with(','))
        || comma_relative(second) && third.is_some_and(|w| w.ends_with(','))
    {
        return true;
    }
    // "a draft that accepted Moscow's demands": without a comma, "that" or
    // "which" right before the verb (an auxiliary or adverb between at
    // most) is the relative clause's subject; a complementizer "that" has
    // a subject after it ("said that Russia accepted").
    // "a period, during which hostilities should be halted": after a
    // preposition the relative pronoun is no subject.
    let prepositional = |w: Option<&str>| {
        w.is_some_and(|w| {
            let w = w.to_lowercase();
            crate::text::OBJECT_PREPOSITIONS.contains(&w.as_str())
                || ADJUNCT_PREPOSITIONS.contains(&w.as_str())
                || matches!(w.as_str(), "in" | "after" | "before" | "through")
        })
    };
    (relative(last) && !prepositional(second))
        || (relative(second) && last.is_some_and(helper) && !prepositional(third))
}

/// "major disagreements that required further negotiations": a relative
/// clause whose antecedent is itself an attitude ends the attitude's chain,
/// so its verb is no one else's.
fn relative_to_attitude(text: &str, a: &Tok, toks: &[Tok]) -> bool {
    let before = text[..a.start].trim_end();
    let Some(i) = [" that", " which"]
        .iter()
        .filter_map(|p| crate::text::rfind_near_end(before, p, 2))
        .max()
    else {
        return false;
    };
    let antecedent_end = before[..i].trim_end().len();
    toks.iter()
        .any(|t| t.end == antecedent_end && matches!(t.token, Token::Attitude(_)))
}

/// "… the territory that Russia wants": an attitude whose own subject, right
/// before it, is another side or one of its people is that side's, not the
/// speaker's.
fn other_sides(text: &str, a: &Tok, s: &Statement, lex: &Lexicon, hits: &[Hit]) -> bool {
    if lex.deontic.contains(&text[a.start..a.end].to_lowercase()) {
        return false; // "Iran must stop": the speaker's demand on Iran
    }
    let lo = hits.partition_point(|h| h.end <= a.start.saturating_sub(40));
    let near: Vec<&Hit> = hits[lo..]
        .iter()
        .take_while(|h| h.end <= a.start)
        .filter(|h| text[h.end..a.start].split_whitespace().count() <= 3)
        .collect();
    // "Russia and Ukraine agreed": a joint subject that includes the speaker's
    // side; "the union said Boeing refused" names the speaker's side before
    // a verb of its own, which is no joint subject.
    let own_side_too = near.iter().any(|h| {
        lex.term(h).meanings.contains(&Meaning::Party(s.party))
            && near.iter().any(|o| {
                let (a, b) = if o.start < h.start { (o, h) } else { (h, o) };
                o.start != h.start
                    && matches!(
                        text[a.end..b.start].trim().to_lowercase().as_str(),
                        "and" | "," | "and the" | ", the" | "&"
                    )
            })
    });
    // "Iran must stop …": a demand on the other side between them is the speaker's.
    let demanded = |h: &Hit| {
        let between = text[h.end..a.start].to_lowercase();
        lex.deontic.iter().any(|d| {
            between
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(d.as_str())
        })
    };
    !own_side_too
        && near
            .iter()
            .filter(|h| subject_gap(&text[h.end..a.start], lex) && !demanded(h))
            .any(|h| {
                lex.term(h).meanings.iter().any(|m| match *m {
                    // "the European ceasefire push", "the US proposal".
                    Meaning::Party(p) | Meaning::PartyAdjective(p) => p != s.party,
                    Meaning::Actor(i) | Meaning::Role(i) => lex.actors[i].party != s.party,
                    // "Russia has said it is ready for …": a pronoun stands
                    // for the side named last before it in the sentence.
                    Meaning::Pronoun(_) => {
                        pronoun_side(text, h, s, lex, hits).is_some_and(|p| p != s.party)
                    }
                    _ => false,
                })
            })
}

/// May a side right before an attitude, with `between` between them, be its
/// subject? One word, or up to three that are auxiliaries, verb adverbs or
/// the lexicon's body nouns (the head after a side's adjective): "Russia
/// continued to reject", "the Russian side has repeatedly rejected", "they
/// already refused".
fn subject_gap(between: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 1
        || (words.len() <= 3
            && words.iter().all(|w| {
                AUXILIARIES.contains(w) || is_verb_adverb(w) || lex.words.bodies.contains(*w)
            }))
}

/// The side a pronoun at `h` stands for in statement `s`'s sentence: after
/// a speech verb ("said he would", "said that it is ready") the subject of
/// that verb (the statement's own speaker when it is its cue), else the
/// side named last before it.
fn pronoun_side(text: &str, h: &Hit, s: &Statement, lex: &Lexicon, hits: &[Hit]) -> Option<usize> {
    let before = text[s.sentence.start..h.start].trim_end();
    let before = before.strip_suffix(" that").unwrap_or(before).trim_end();
    let verb_end = s.sentence.start + before.len();
    let k = hits.partition_point(|o| o.start < h.start);
    let verb = hits[..k].iter().rev().find(|o| {
        o.end == verb_end
            && lex
                .meanings_with_parts(o)
                .any(|m| matches!(m, Meaning::SpeechVerb | Meaning::QuoteVerb))
    });
    // "Putin told Trump he would ease up, but he dug in": after a
    // coordinator the sentence's subject goes on, the first side named.
    let coordinated = ["but", "and", "yet"]
        .iter()
        .any(|c| before.ends_with(&format!(" {c}")));
    match verb {
        Some(v) if s.cue_span.as_ref().is_some_and(|c| c.start == v.start) => Some(s.party),
        Some(v) => side_before(text, v.start, s, lex, hits),
        None if coordinated => side_after(text, s.sentence.start, h.start, s, lex, hits),
        None => side_before(text, h.start, s, lex, hits),
    }
}

/// The side of the first side or person named in `s`'s sentence between
/// `from` and `pos`, not after a preposition.
fn side_after(
    text: &str,
    from: usize,
    pos: usize,
    s: &Statement,
    lex: &Lexicon,
    hits: &[Hit],
) -> Option<usize> {
    let lo = hits.partition_point(|h| h.start < from);
    let hi = hits.partition_point(|h| h.start < pos);
    hits[lo..hi]
        .iter()
        .filter(|h| !after_preposition(text, s.sentence.start, h.start))
        .find_map(|h| side_of_hit(h, lex))
}

/// The side a side's name or a person names.
fn side_of_hit(h: &Hit, lex: &Lexicon) -> Option<usize> {
    lex.term(h).meanings.iter().find_map(|m| match *m {
        Meaning::Party(p) => Some(p),
        Meaning::Actor(i) => Some(lex.actors[i].party),
        _ => None,
    })
}

/// The side of the last side or person named in statement `s`'s sentence
/// before `pos`, not after a preposition ("talks with Ukraine").
fn side_before(
    text: &str,
    pos: usize,
    s: &Statement,
    lex: &Lexicon,
    hits: &[Hit],
) -> Option<usize> {
    let lo = hits.partition_point(|h| h.start < s.sentence.start);
    let hi = hits.partition_point(|h| h.start < pos);
    hits[lo..hi]
        .iter()
        .rev()
        .filter(|h| !after_preposition(text, s.sentence.start, h.start))
        .find_map(|h| side_of_hit(h, lex))
}

/// "Peskov insisted that Ukraine rejects the talks": a that-clause whose
/// verb is finite reports what the other side does, an assertion the
/// speaker's attitude does not compose with; "demanded that Ukraine accept
/// the plan" (a bare verb) is a demand that does.
fn asserted_clause(text: &str, from: usize, other: &Tok) -> bool {
    let between = text[from..other.start].trim_start();
    if !between.starts_with("that ") {
        return false;
    }
    let verb = text[other.start..other.end]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let aux_before = text[from..other.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| {
            let w = w.to_lowercase();
            AUXILIARIES.contains(&w.as_str()) || FINITE_AUXILIARIES.contains(&w.as_str())
        });
    aux_before || finite_verb(&verb)
}

/// Whether the word right before `pos` names a side other than the
/// statement's ("European" in "the European ceasefire push").
fn other_side_before(text: &str, pos: usize, s: &Statement, lex: &Lexicon, hits: &[Hit]) -> bool {
    let lo = hits.partition_point(|h| h.end < pos.saturating_sub(30));
    hits[lo..]
        .iter()
        .take_while(|h| h.end <= pos)
        .filter(|h| text[h.end..pos].trim().is_empty())
        .any(|h| {
            lex.term(h).meanings.iter().any(|m| match *m {
                Meaning::Party(p) | Meaning::PartyAdjective(p) => p != s.party,
                _ => false,
            })
        })
}

fn has_toward(objects: &[(Tok, usize, i8)], issue: usize) -> bool {
    objects.iter().any(|(_, i, d)| *i == issue && *d != 0)
}

/// A loss participle after an auxiliary ("has", "was"; an adverb may stand
/// between) in the rest of the clause from `from`, at most fifteen words:
/// "the momentum generated by Anchorage … has largely gone".
fn lost_after<'t>(text: &'t str, from: usize, end: usize, lex: &Lexicon) -> Option<&'t str> {
    let mut prev: Option<&str> = None;
    let mut prev2: Option<&str> = None;
    for w in text[from..end.max(from)].split_whitespace().take(15) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        // A form of "have" or "be" right before, or before one adverb.
        let aux = |x: Option<&str>| x.is_some_and(|x| AUXILIARIES.contains(&x));
        let after_aux = aux(prev) || (prev.is_some_and(is_verb_adverb) && aux(prev2));
        if after_aux && lex.losses.contains(&bare.to_lowercase()) {
            return Some(bare);
        }
        if w.ends_with([',', ';', ':']) {
            return None;
        }
        prev2 = prev;
        prev = Some(bare);
    }
    None
}

/// A negator between `from` and `to`, within three words before `to` with
/// no coordination between: the object phrase of an attitude negated ("no
/// NATO membership").
fn object_negated(text: &str, toks: &[Tok], from: usize, to: usize) -> bool {
    toks.iter().any(|n| {
        // A determiner that negates the noun ("no", "a ban on"), not a
        // verb's "not", "without" (a circumstance) or "no-one".
        let w = text[n.start..n.end].to_lowercase();
        matches!(n.token, Token::Negator)
            && (w == "no" || w.ends_with(" on"))
            && !text[n.end..].starts_with('-')
            && n.start >= from
            // "We stick to our position: no decisions …" is a clause of its
            // own; "Russia is demanding: a ban on …" lists the object.
            && (text[from..n.start].trim() == ":"
                || !text[from..n.start].contains([':', ';', '—', '.']))
            && n.end <= to
            && words_between(text, n.end, to) <= 3
            && !coordination_between(&text[n.end..to])
    })
}

/// A negator within three words before `pos`, with no other cue between;
/// or one before the first of two verbs joined by "or" ("will not cede its
/// gains or accept a ceasefire" rejects both).
fn negated(text: &str, toks: &[Tok], pos: usize) -> bool {
    let near = |pos: usize, reach: usize| {
        toks.iter().rev().filter(|t| t.end <= pos).take(2).any(|t| {
            (matches!(t.token, Token::Negator) || t.negating)
                && words_between(text, t.end, pos) <= reach
                && !coordination_between(&text[t.end..pos])
                && !text[t.end..pos].contains([';', ':', '.'])
        })
    };
    near(pos, 3)
        || contracted_negation_before(text, pos, 3)
        || disjunction_before(text, pos)
            .is_some_and(|or| near(or, 6) || contracted_negation_before(text, or, 6))
}

/// Where "or"/"nor" starts when it is the word right before `pos` (the
/// attitude there is the second of two joined verbs).
fn disjunction_before(text: &str, pos: usize) -> Option<usize> {
    let before = text[..pos].trim_end();
    ["or", "nor"]
        .iter()
        .find(|w| {
            before.len() > w.len()
                && before.ends_with(*w)
                && before[..before.len() - w.len()].ends_with(' ')
        })
        .map(|w| before.len() - w.len())
}

/// "refuses to budge from his demands or accept a ceasefire": a bare verb
/// joined by "or"/"nor" to the infinitive an attitude ending at `from`
/// governs ("to budge …", at most eight words, no punctuation) is governed
/// by that attitude too.
fn coordinated_infinitive(text: &str, from: usize, head: &Tok) -> bool {
    let Some(or) = disjunction_before(text, head.start) else {
        return false;
    };
    if or < from {
        return false;
    }
    let verb = text[head.start..head.end]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let first = text[from..or].trim();
    let infinitive = first.starts_with("to ") || first.starts_with("not to ");
    infinitive
        && !finite_verb(&verb)
        && first.split_whitespace().count() <= 8
        && !first.contains([',', ';', ':', '"', '“', '”', '(', ')'])
        && !coordination_between(&format!(" {first} "))
        && !first.contains(" or ")
}

/// "Why should Ukraine withdraw, but not Russia?", "why would we accept
/// that?": a question opened by "why" and a modal asks for no reason to
/// exist; it says the attitude at `pos` should not hold. "Why did Russia
/// reject the plan?" asks about one that did.
fn rhetorical_why(text: &str, sentence: &Range<usize>, pos: usize) -> bool {
    let clause = &text[sentence.start.min(pos)..pos];
    let mut words = clause.split_whitespace().rev().take(3);
    let mut seen: Vec<String> = Vec::new();
    for w in words.by_ref() {
        if w.ends_with([',', ';', ':', '.']) {
            return false;
        }
        let w = w
            .trim_start_matches(['"', '“', '‘', '\'', '('])
            .to_lowercase();
        if w == "why" {
            // The modal right after "why", or the attitude itself ("Why should").
            let modal =
                |m: &str| matches!(m, "should" | "would" | "must" | "can" | "could" | "shall");
            return match seen.last() {
                Some(next) => modal(next.as_str()),
                None => modal(
                    &text[pos..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_lowercase(),
                ),
            };
        }
        seen.push(w);
    }
    false
}

/// Does a sentence of quotation `s` open at `pos`, with a capital ("Stop
/// the killing.", "… your families. Stop the killing")?
fn imperative(text: &str, s: &Statement, pos: usize) -> bool {
    if pos < s.span.start || !text[pos..].starts_with(char::is_uppercase) {
        return false;
    }
    let before = text[s.span.start..pos].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?'])
}

/// "should never have started and should have been ended": a negation does
/// not reach across a coordinated clause or a comma.
fn coordination_between(between: &str) -> bool {
    between.contains(',') || between.contains(" and ") || between.contains(" but ")
}

/// Whether one of the `reach` words before `pos` is a contracted negation
/// ("wouldn't", "won’t", "hasn't"): the lexicon scan matches whole words,
/// so the `n't` in the negator list never matches inside one, and listing
/// every auxiliary's contraction would still miss spellings.
fn contracted_negation_before(text: &str, pos: usize, reach: usize) -> bool {
    text[..pos]
        .split_whitespace()
        .rev()
        .take(reach)
        .take_while(|w| !w.ends_with([',', ';', '.', ':']))
        .any(|w| {
            let w = w.trim_end_matches(['"', '”', '’', '\'']);
            w.ends_with("n't") || w.ends_with("n’t")
        })
}

/// One stance per issue: the first cue-governed finding outranks bare
/// claims; several bare claims are averaged, rounding half away from zero.
fn combine(found: Vec<(usize, i8, bool, String)>, numbers: String) -> Vec<Stance> {
    let mut issues: Vec<usize> = found.iter().map(|f| f.0).collect();
    issues.sort_unstable();
    issues.dedup();
    issues
        .into_iter()
        .map(|issue| {
            let mine: Vec<&(usize, i8, bool, String)> =
                found.iter().filter(|f| f.0 == issue).collect();
            // The first cue-governed finding is the main predicate ("signaled
            // openness to …, suggesting … that Moscow wants" is Kyiv's openness).
            let governed: Vec<_> = mine.iter().filter(|f| f.2).take(1).collect();
            let chosen: Vec<_> = if governed.is_empty() {
                mine.iter().collect()
            } else {
                governed
            };
            let sum: i32 = chosen.iter().map(|f| f.1 as i32).sum();
            let n = chosen.len() as i32;
            let stance = ((sum as f64 / n as f64).round() as i8).clamp(-2, 2);
            let mut traces: Vec<&str> = mine.iter().map(|f| f.3.as_str()).collect();
            traces.dedup();
            Stance {
                issue,
                stance,
                cues: traces.join("; "),
                numbers: numbers.clone(),
            }
        })
        .collect()
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d+(?:[.,]\d+)?(?:\s?(?:-|–|to)\s?\d+(?:[.,]\d+)?)?[\s-](?:years?|months?|days?|weeks?|km|kilometers?|kilometres?|miles?|percent|%|troops|soldiers|prisoners|POWs)(?-u:\b)")
        .unwrap()
});

/// Quantities stated with a unit, joined with "; ".
pub fn numbers(s: &str) -> String {
    // Most sentences state no number: skip the pattern (every match opens
    // with a digit) rather than run it over the whole sentence.
    if !may_hold_digit(s) {
        return String::new();
    }
    NUMBER
        .find_iter(s)
        .map(|m| m.as_str().replace('\n', " "))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A statement's words that name nothing an attitude could be about: at
/// most two words, a bare infinitive or noun ("to agree", "support").
fn objectless(content: &str) -> bool {
    let words: Vec<&str> = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    match words[..] {
        [] => true,
        [w] => w.chars().all(|c| c.is_lowercase()),
        [to, v] => to == "to" && v.chars().all(|c| c.is_lowercase()),
        _ => false,
    }
}

/// The issue and direction a statement was about, for the next anaphor.
pub fn antecedent_of(text: &str, s: &Statement, lex: &Lexicon, hits: &[Hit]) -> Antecedent {
    Scorer::new(text, lex, hits).antecedent_of(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::extract_with_hits;
    use crate::documents::{Boilerplate, from_text};
    use crate::text::scan_document;

    #[test]
    fn frames_read_back_from_traces() {
        let f = frames(
            "rejected(-2) > proposal(+2) > withdraw from(toward) | only after(cap 1); claim illegitimate(-2)",
        );
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].kind, "attitude");
        assert_eq!(
            f[0].predicate,
            vec![
                ("rejected".to_string(), "-2".to_string()),
                ("proposal".to_string(), "+2".to_string())
            ]
        );
        assert_eq!(
            (f[0].object.as_str(), f[0].direction.as_str()),
            ("withdraw from", "toward")
        );
        assert_eq!(f[0].modifiers, vec!["only after (cap 1)".to_string()]);
        assert_eq!(
            (f[1].kind, f[1].object.as_str(), f[1].direction.as_str()),
            ("claim", "illegitimate", "-2")
        );
        let n = frames("not will not(-2) > accept(+2) > [sentence topic: ceasefire](topic)");
        assert_eq!(n[0].modifiers, vec!["not".to_string()]);
        assert_eq!(n[0].object, "[sentence topic: ceasefire]");
        let c = frames("only after(prerequisite) > security guarantees(toward)");
        assert_eq!(c[0].kind, "condition");
        let neg = frames("not > concessions(toward)");
        assert_eq!(
            (neg[0].kind, neg[0].object.as_str()),
            ("negation", "concessions")
        );
    }

    /// (party, issue=stance) for every stance of every statement in `text`.
    #[test]
    fn a_quoted_fragment_is_read_with_the_verb_that_frames_it() {
        let got = stances_of(
            "Lavrov criticised the White House meeting earlier this week as a \"clumsy\" attempt by Europeans.",
        );
        assert_eq!(
            got,
            [("russia".to_string(), "talks_process=-1".to_string())]
        );
    }

    fn stances_of(text: &str) -> Vec<(String, String)> {
        scored(text).into_iter().map(|(p, i, _)| (p, i)).collect()
    }

    /// The cue traces of every stance in `text`.
    fn cues_of(text: &str) -> Vec<String> {
        scored(text).into_iter().map(|(_, _, c)| c).collect()
    }

    /// (party, issue=stance, cues) for every stance of every statement.
    fn scored(text: &str) -> Vec<(String, String, String)> {
        let lex = Lexicon::default_lexicon();
        let d = from_text("t.txt", text, "", &Boilerplate::default_rules());
        let mut out = Vec::new();
        let mut ante = None;
        let hits = scan_document(&d, &lex);
        for s in extract_with_hits(&d, &lex, &hits) {
            for st in score(&d.text, &s, &lex, &hits, ante) {
                out.push((
                    lex.party_id(s.party).to_string(),
                    format!("{}={}", lex.issues[st.issue].id, st.stance),
                    st.cues,
                ));
            }
            ante = antecedent_of(&d.text, &s, &lex, &hits).or(ante);
        }
        out
    }

    fn has(got: &[(String, String)], party: &str, is: &str) -> bool {
        got.iter().any(|(p, i)| p == party && i == is)
    }

    #[test]
    fn a_relative_clause_or_absolute_phrase_holds_its_own_subjects_attitude() {
        // "that accepted", "with the plan requiring": the draft's and the
        // plan's, not Kyiv's; and "pledge" continues the plan's infinitive.
        let got = stances_of(
            "But Kyiv has sought changes to a draft that accepted a range of Moscow's hardline demands, with the 28-point plan requiring the invaded country to cede territory, cut its army and pledge never to join Nato.",
        );
        assert!(!got.iter().any(|g| g.1.starts_with("territory")), "{got:?}");
        assert!(
            !got.iter().any(|g| g.1.starts_with("security_guarantees")),
            "{got:?}"
        );
        // The antecedent an attitude itself: the chain goes on.
        let got = stances_of(
            "Russian officials said there were still major disagreements that required further negotiations.",
        );
        assert!(has(&got, "russia", "talks_process=-1"), "{got:?}");
        // ", who agreed": the person's, not the quoted speaker's.
        let got = stances_of(
            "“This plan was drawn up after discussions with Rustem Umerov, who agreed to the majority of the plan, and presented it to Zelensky,” a senior U.S. official said.",
        );
        assert!(!has(&got, "united_states", "talks_process=2"), "{got:?}");
    }

    #[test]
    fn a_bare_verb_continuing_an_infinitive_stays_in_the_content() {
        let got = stances_of(
            "Trump had pushed Ukraine ahead of the meeting to give up Crimea and abandon its goal of joining NATO.",
        );
        assert!(
            has(&got, "united_states", "security_guarantees=-2"),
            "{got:?}"
        );
    }

    #[test]
    fn a_topic_word_heading_another_issues_of_phrase_gives_way_to_it() {
        let got =
            stances_of("Zelensky emphasized Ukraine's readiness for any format of ceasefire.");
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
        assert!(
            !got.iter().any(|g| g.1.starts_with("talks_process")),
            "{got:?}"
        );
    }

    #[test]
    fn an_issue_word_in_a_time_adjunct_after_the_cue_is_not_its_object() {
        let got = stances_of("Ukraine agreed during the Jeddah meeting to a 30-day ceasefire.");
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
        assert!(
            !got.iter().any(|g| g.1.starts_with("talks_process")),
            "{got:?}"
        );
    }

    #[test]
    fn a_pronoun_for_another_side_keeps_its_attitude_from_the_reporter() {
        // "it" is Russia: Zelensky reports Russia's readiness, not his own.
        let got = stances_of(
            "Russia has said it is ready for an unconditional ceasefire, Zelensky said.",
        );
        assert_eq!(got, [("russia".to_string(), "ceasefire=2".to_string())]);
        // "he" after the statement's own verb is its speaker.
        let got = stances_of("Zelensky said he is ready for an unconditional ceasefire.");
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
        // After "but" the sentence's subject goes on.
        let got = stances_of(
            "Vladimir Putin told Donald Trump he would ease up on strikes, but he dug in his heels against a full ceasefire.",
        );
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
    }

    #[test]
    fn a_coordinated_predicate_keeps_its_object_from_the_first_verb() {
        // "offered" governs "few details"; "did not provide …" has its own object.
        let text = "Both Trump and Zelensky offered few details and did not provide a deadline for completing a peace deal.";
        assert!(stances_of(text).is_empty(), "{:?}", stances_of(text));
        // "and to continue" is the same verb's second complement.
        let got = stances_of(
            "Zelensky said the delegations agreed to report back and to continue trilateral discussions.",
        );
        assert!(has(&got, "ukraine", "talks_process=2"), "{got:?}");
    }

    #[test]
    fn another_side_before_auxiliaries_keeps_its_attitude_from_the_speaker() {
        for text in [
            "“Russia continued to reject an unconditional ceasefire,” Kyslytsya told reporters.",
            "“The Russian side has repeatedly rejected an unconditional ceasefire,” Zelensky said.",
        ] {
            let got = stances_of(text);
            assert!(!has(&got, "ukraine", "ceasefire=-2"), "{text}: {got:?}");
        }
        // The speaker's own side is the subject: the speaker's stance.
        let got = stances_of(
            "“Ukraine has repeatedly rejected any ceasefire on Russia's terms,” Zelensky said.",
        );
        assert!(
            got.iter()
                .any(|(p, i)| p == "ukraine" && i.starts_with("ceasefire")),
            "{got:?}"
        );
    }

    #[test]
    fn a_negated_object_reverses_a_positive_attitude() {
        let got = stances_of("Russia demands no NATO membership for Ukraine.");
        assert_eq!(
            got,
            [("russia".to_string(), "security_guarantees=-2".to_string())]
        );
        let got = stances_of("Russia is demanding: a ban on Ukraine joining NATO.");
        assert_eq!(
            got,
            [("russia".to_string(), "security_guarantees=-2".to_string())]
        );
        // A verb's own negation is read once, not twice.
        let got = stances_of("Russia did not demand NATO membership for Ukraine.");
        assert_eq!(
            got,
            [("russia".to_string(), "security_guarantees=-2".to_string())]
        );
        // A clause of its own after a colon is not the attitude's object.
        let cues = cues_of(
            "“We stick to our position: no decisions on Europe's long-term security without Europe,” the official said.",
        );
        assert!(cues.iter().all(|c| !c.contains("> no >")), "{cues:?}");
    }

    #[test]
    fn a_negation_or_refusal_reaches_a_verb_joined_by_or() {
        let got = stances_of("Russia will not cede its gains or accept a ceasefire, Peskov said.");
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
        let got = stances_of("Russia won't give up the land or accept a ceasefire, Peskov said.");
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
        let got = stances_of("Putin refuses to budge from his demands or accept a ceasefire.");
        assert_eq!(got, [("russia".to_string(), "ceasefire=-2".to_string())]);
        // "and" with a finite verb is a new clause, not the refusal's.
        let got = stances_of("Kyiv refused to cede land and accepted a ceasefire.");
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn another_sides_document_states_that_sides_position() {
        let got = stances_of(
            "A Ukrainian source told Reuters that Russia's ultimatums to end the war included a demand for Kyiv to withdraw from territory.",
        );
        assert!(got.iter().all(|(p, _)| p != "ukraine"), "{got:?}");
        // The speaker's own side's document is the speaker's.
        let got =
            stances_of("The White House said Washington's plan includes a lifting of sanctions.");
        assert!(has(&got, "united_states", "sanctions_economy=2"), "{got:?}");
    }

    #[test]
    fn what_someone_is_pressured_into_is_no_ones_stance() {
        let got = stances_of(
            "Zelensky said the United States is exerting unprecedented pressure on Kyiv to accept Trump's 28-point plan.",
        );
        assert!(got.is_empty(), "{got:?}");
        let got = stances_of("Zelensky said Washington had forced Ukraine to accept the plan.");
        assert!(got.is_empty(), "{got:?}");
        // No object: the subject's own attitude.
        let got = stances_of("“We will not be forced to accept a ceasefire,” Zelensky said.");
        assert!(has(&got, "ukraine", "ceasefire=-2"), "{got:?}");
    }

    #[test]
    fn a_phrase_opening_with_an_attitude_of_its_direction_states_it() {
        // "compromising on the territorial issue" is a toward phrase of the
        // default lexicon that opens with an open attitude.
        let got = stances_of("Moscow is compromising on the territorial issue, Ushakov said.");
        assert_eq!(got, [("russia".to_string(), "territory=1".to_string())]);
        let got = stances_of("Russia is compromising on the territorial issue.");
        assert_eq!(got, [("russia".to_string(), "territory=1".to_string())]);
        // One of the other direction is an act: "halt strikes" is toward a
        // ceasefire, but halting is no attitude to it.
        let got = stances_of("Ukraine halted strikes on Russian refineries, Zelensky said.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_passives_named_agent_holds_its_attitude() {
        // The agent after the attitude, also when the attitude follows its
        // object ("the proposal had been welcomed by Washington").
        let got = stances_of("Peskov said a ceasefire had been welcomed by Washington.");
        assert!(got.iter().all(|(p, _)| p != "russia"), "{got:?}");
        // Or after the passive's "as" phrase.
        let cues = cues_of(
            "Peskov said the ceasefire was widely dismissed as a trick by Western capitals.",
        );
        assert!(cues.iter().all(|c| !c.contains("dismissed")), "{cues:?}");
    }

    #[test]
    fn a_summing_up_noun_in_apposition_stands_for_the_clause_before() {
        for text in [
            "Russia has repeatedly demanded that Ukraine cede territory and end its reliance on Western military aid—conditions Ukraine has firmly rejected.",
            "Russia wants Ukraine to cede territory, conditions that Ukraine has rejected.",
            "Russia wants Ukraine to cede territory — conditions that Ukraine has rejected.",
        ] {
            let got = stances_of(text);
            assert!(has(&got, "russia", "territory=2"), "{text}: {got:?}");
            assert!(has(&got, "ukraine", "territory=-2"), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_infinitive_of_purpose_is_no_predicate_of_the_phrase_before_it() {
        let got = stances_of(
            "Zelensky said he is set to have a series of meetings with representatives of defense companies to discuss additional supplies of air defense systems.",
        );
        assert!(got.is_empty(), "{got:?}");
        // A copula's predicate still judges its subject.
        let got = stances_of("Peskov said a meeting is possible.");
        assert!(has(&got, "russia", "talks_process=1"), "{got:?}");
    }

    #[test]
    fn an_attitude_with_no_object_is_about_the_statement_before() {
        let got = stances_of("Russia demanded a ceasefire on its terms. Ukraine refused to agree.");
        assert!(has(&got, "ukraine", "ceasefire=-2"), "{got:?}");
        assert_eq!(
            cues_of("Russia demanded a ceasefire on its terms. Ukraine refused to agree.")[1],
            "refused(-2) > agree(+2) > [statement before: ceasefire](toward)"
        );
        assert!(super::objectless("to agree") && super::objectless("support"));
        assert!(!super::objectless("the plan") && !super::objectless("to agree on it"));
    }

    #[test]
    fn a_participle_after_a_relative_aside_is_the_subjects() {
        let text = "Ukraine has resisted a plan proposed by Witkoff, which would freeze the front line, demanding a full ceasefire first.";
        let got = stances_of(text);
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn a_negated_chain_before_the_cue_is_read_with_it() {
        for text in [
            "Russia was unwilling to accept a ceasefire.",
            "Russia is not ready to accept a ceasefire.",
            "Russia has no intention to accept a ceasefire.",
            "Russia declined to accept a ceasefire.",
        ] {
            let got = stances_of(text);
            assert!(has(&got, "russia", "ceasefire=-2"), "{text}: {got:?}");
        }
        let got = stances_of("Russia is ready to accept a ceasefire.");
        assert!(has(&got, "russia", "ceasefire=2"), "{got:?}");
        // Said of a side without "that": the side's own clause.
        let got = stances_of("Zelensky said Russia was unwilling to accept a ceasefire.");
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
        // A prediction about a side states no position of its own.
        assert!(
            stances_of("Observers said Russia is unlikely to accept the ceasefire.").is_empty()
        );
        assert!(stances_of("Russia is expected to reject the ceasefire.").is_empty());
        // "pressed Zelensky to accept": Zelensky is the verb's object.
        let got = stances_of("Trump pressed Zelensky to accept a ceasefire.");
        assert!(!has(&got, "ukraine", "ceasefire=2"), "{got:?}");
        // Refusing to speak is no position.
        assert!(stances_of("Peskov declined to comment on the ceasefire.").is_empty());
    }

    #[test]
    fn an_effort_the_subject_leads_is_its_aim() {
        for text in [
            "Russian officials are leading an effort to block the ceasefire.",
            "Russia launched a bid to scrap the ceasefire.",
            "Russia was pushing to delete the ceasefire from the text.",
        ] {
            let got = stances_of(text);
            assert!(has(&got, "russia", "ceasefire=-2"), "{text}: {got:?}");
        }
        // An effort someone else judges is not the judge's aim.
        let got = stances_of("Ukraine criticised an effort to block the ceasefire.");
        assert!(!has(&got, "ukraine", "ceasefire=-2"), "{got:?}");
    }

    #[test]
    fn the_sentence_topic_keeps_the_direction_of_its_phrase() {
        let got = cues_of(
            "In place of the summit, Trump authorized sanctions on Rosneft and Lukoil, Russia's two largest oil companies, in a move cheered by European allies.",
        );
        assert_eq!(
            got,
            ["cheered(+2) > [sentence topic: authorized sanctions](away)"]
        );
        let got = stances_of(
            "In place of the summit, Trump authorized sanctions on Rosneft and Lukoil, Russia's two largest oil companies, in a move cheered by European allies.",
        );
        assert_eq!(
            got,
            [("europe".to_string(), "sanctions_economy=-2".to_string())]
        );
    }

    #[test]
    fn how_the_talks_went_in_a_narrated_position_is_the_writers() {
        let got = stances_of(
            "Delegates from Russia and Ukraine agreed on another prisoner swap at the talks in Istanbul, but made little progress on the bigger issues.",
        );
        assert!(
            got.iter().all(|(_, i)| !i.starts_with("talks_process=-")),
            "{got:?}"
        );
        // A speaker's own judgment stays.
        let got = stances_of("Peskov said the talks in Istanbul made little progress.");
        assert!(has(&got, "russia", "talks_process=-1"), "{got:?}");
    }

    #[test]
    fn a_copulas_evaluation_judges_only_its_subject() {
        let got = stances_of(
            "While acknowledging the value of US-led mediation in the talks, Peskov made it clear that attempts at coercion would be futile.",
        );
        assert!(got.iter().all(|(_, i)| i != "talks_process=-2"), "{got:?}");
        // The subject may carry a prepositional phrase and auxiliaries.
        let got = stances_of(
            "Zelensky acknowledged that negotiations on the plant have been particularly difficult.",
        );
        assert!(has(&got, "ukraine", "talks_process=0"), "{got:?}");
    }

    #[test]
    fn a_positive_attitude_over_another_keeps_the_weaker_strength() {
        let got = stances_of("Putin has expressed willingness to consider a ceasefire.");
        assert_eq!(got, [("russia".to_string(), "ceasefire=1".to_string())]);
        let got =
            stances_of("Zelensky said Ukraine is ready to accept an unconditional ceasefire.");
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn an_evaluation_that_is_gone_is_reversed() {
        let got = scored("Peskov said the momentum of the talks has largely gone.");
        assert!(
            got.iter().any(|(p, i, c)| p == "russia"
                && i == "talks_process=-2"
                && c.contains("gone(lost)")),
            "{got:?}"
        );
        // A loss in another clause leaves it alone.
        let got = stances_of("Peskov said the talks were productive, but the summit has gone.");
        assert!(has(&got, "russia", "talks_process=2"), "{got:?}");
    }

    #[test]
    fn idioms_hide_the_cue_words_inside_them() {
        // The "not" of an elided clause negates nothing after it.
        let got = stances_of(
            "Putin said the draft could become the basis of future agreements, but if not Russia would continue fighting.",
        );
        assert!(
            !got.iter().any(|(_, i)| i.starts_with("ceasefire")),
            "{got:?}"
        );
        // An anonymous source's statement is no condition.
        let cues = cues_of(
            "A US official, speaking on condition of anonymity, said Washington supports a full ceasefire.",
        );
        assert_eq!(cues.len(), 1, "{cues:?}");
        assert!(!cues[0].contains("condition"), "{cues:?}");
        // Mixed evaluations: how hard the talks are is a stance of 0.
        let got = stances_of("Zelensky said the negotiations were difficult.");
        assert_eq!(
            got,
            [("ukraine".to_string(), "talks_process=0".to_string())]
        );
    }

    #[test]
    fn is_ready_in_reported_speech_is_an_attitude() {
        let got = stances_of("Russia said it is ready for an unconditional ceasefire.");
        assert_eq!(got, [("russia".to_string(), "ceasefire=2".to_string())]);
    }

    #[test]
    fn these_conditions_refer_to_the_demand_before() {
        let got = stances_of(
            "Russia demands that Ukraine withdraw from Donbas. Kyiv has rejected these conditions.",
        );
        assert!(has(&got, "ukraine", "territory=-2"), "{got:?}");
    }

    #[test]
    fn a_quoted_sentence_opening_with_a_directed_phrase_is_a_demand() {
        let got = stances_of(
            "“Stop at the front line, go home to your families. Stop the killing,” Trump told reporters.",
        );
        assert_eq!(
            got,
            [("united_states".to_string(), "ceasefire=2".to_string())]
        );
        assert_eq!(
            cues_of("“Stop the killing,” Trump said."),
            ["imperative(+2) > Stop the killing(toward)"]
        );
        // Inside a sentence it is no imperative.
        assert!(
            stances_of("“They will not stop the killing,” Zelensky said.")
                .iter()
                .all(|(_, i)| i != "ceasefire=2")
        );
    }

    #[test]
    fn why_and_a_modal_ask_a_rhetorical_question() {
        let got = stances_of("Zelensky said: “Why should Ukraine withdraw, but not Russia?”");
        assert_eq!(got, [("ukraine".to_string(), "territory=-2".to_string())]);
        let got = stances_of("“Why would we accept a ceasefire now?” Putin said.");
        assert_eq!(got, [("russia".to_string(), "ceasefire=-2".to_string())]);
        // A question about what happened is no such question.
        let got = stances_of("“Why did Russia reject the ceasefire?” Zelensky asked.");
        assert!(!has(&got, "ukraine", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn a_coordinated_verb_does_not_take_the_phrase_before_it() {
        // "accept" has its own object; it does not govern "Donetsk".
        let got = stances_of(
            "Zelensky pushed back on something: U.S. suggestions that Ukraine withdraw from \
             parts of Donetsk or accept buffer zones.",
        );
        assert!(!has(&got, "ukraine", "territory=2"), "{got:?}");
    }

    #[test]
    fn an_object_relative_clause_judges_the_phrase_it_hangs_on() {
        let got = stances_of("Officials discussed a full ceasefire, which Moscow rejected.");
        assert_eq!(got, [("russia".to_string(), "ceasefire=-2".to_string())]);
        // Two coordinated clauses, two sides, opposite stances.
        let got = stances_of(
            "Officials may discuss a partial or full cease-fire, which Ukraine agreed to last \
             month but Moscow rejected.",
        );
        assert!(has(&got, "ukraine", "ceasefire=2"), "{got:?}");
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
        assert!(!has(&got, "russia", "ceasefire=1"), "{got:?}");
        // The clause's cue, not the noun in the phrase, decides.
        let got = stances_of("Kyiv accepted the ceasefire proposal, which Russia rejected.");
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
        assert!(!has(&got, "russia", "ceasefire=2"), "{got:?}");
        let got = stances_of(
            "The Ukrainians were heading to London ready to talk about a 30-day interim ceasefire \
             proposal that France and the U.K. appeared willing to support.",
        );
        assert_eq!(got, [("europe".to_string(), "ceasefire=2".to_string())]);
        let trace = cues_of(
            "The Ukrainians were heading to London ready to talk about a 30-day interim ceasefire \
             proposal that France and the U.K. appeared willing to support.",
        );
        assert!(
            trace.iter().any(|c| c.starts_with("support(+2)")),
            "{trace:?}"
        );
    }

    #[test]
    fn an_attitude_noun_in_the_object_composes_with_the_verb() {
        let got = stances_of("Zelensky rejected the US proposal to withdraw from Donetsk.");
        assert!(has(&got, "ukraine", "territory=-2"), "{got:?}");
        let got = stances_of(
            "Ukraine pushed back against a 28-point proposal containing significant concessions.",
        );
        assert!(has(&got, "ukraine", "territory=-1"), "{got:?}");
        // An adverb does not break the chain: a refusal to commit is -2.
        let got = stances_of(
            "Trump again postponed sanctions, despite Putin's refusal to publicly commit to a ceasefire.",
        );
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
    }

    #[test]
    fn a_nominalised_attitude_after_a_speech_verb_is_the_speakers() {
        let got = stances_of("Macron reiterated the demand for an unconditional ceasefire.");
        assert!(has(&got, "europe", "ceasefire=2"), "{got:?}");
        let got = stances_of("Zelensky stressed the need for robust security guarantees.");
        assert!(has(&got, "ukraine", "security_guarantees=2"), "{got:?}");
        // Only the head of the object: a noun deeper in it is someone's else.
        let got = stances_of(
            "Zelensky described the meeting with Trump as the demand for an unconditional ceasefire.",
        );
        assert!(!has(&got, "ukraine", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn a_split_infinitive_after_its_noun_phrase_is_governed() {
        let got = stances_of(
            "Zelensky called for European nations to further halt imports of Russian oil.",
        );
        assert!(has(&got, "ukraine", "sanctions_economy=-2"), "{got:?}");
        // "further" before a noun is still a modifier.
        let got = stances_of("Russia and Ukraine agreed to further talks.");
        assert!(has(&got, "russia", "talks_process=2"), "{got:?}");
    }

    #[test]
    fn an_asserted_clause_of_another_side_does_not_compose_with_the_cue() {
        let got = stances_of("Peskov insisted that Ukraine rejects the talks.");
        assert!(!has(&got, "russia", "talks_process=-2"), "{got:?}");
        assert!(has(&got, "ukraine", "talks_process=-2"), "{got:?}");
        let got = stances_of("Peskov demanded that Ukraine accept the peace plan.");
        assert!(has(&got, "russia", "talks_process=2"), "{got:?}");
    }

    #[test]
    fn every_item_of_a_comma_list_ending_in_and_takes_the_cue() {
        let got = stances_of(
            "Putin said Russia was ready to accept a prisoner exchange, a ceasefire in the air, and a meeting with Zelensky.",
        );
        assert!(has(&got, "russia", "ceasefire=2"), "{got:?}");
        assert!(has(&got, "russia", "prisoners=2"), "{got:?}");
        // Without a list the cue stops at the first issue of its clause.
        let got = stances_of(
            "Putin said Russia agreed to a prisoner exchange at the end of the talks, a ceasefire being far off.",
        );
        assert!(!has(&got, "russia", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn a_copulas_predicate_judges_its_subject() {
        let got = stances_of("Zelensky said territorial concessions are a red line.");
        assert!(has(&got, "ukraine", "territory=-2"), "{got:?}");
        let got = stances_of(
            "Peskov said the withdrawal of Ukrainian troops from Donbas remains a key condition for Russia.",
        );
        assert!(has(&got, "russia", "territory=2"), "{got:?}");
        let got = stances_of("Putin said a ceasefire was possible.");
        assert!(has(&got, "russia", "ceasefire=1"), "{got:?}");
        // The predicate noun judges its subject, not what it is a condition for.
        let got = stances_of(
            "Peskov said control over Donbas was a prerequisite for ending hostilities.",
        );
        assert!(!has(&got, "russia", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn without_before_the_cue_negates_it() {
        let got = stances_of("Moscow ended the talks without agreeing to a ceasefire.");
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
    }

    #[test]
    fn a_relative_clause_describes_the_object() {
        // Unhappy with the offer (-1), not with its falling short.
        let got = stances_of(
            "Zelensky said Ukrainians were unhappy with the plan, which fell short of security guarantees.",
        );
        assert!(!has(&got, "ukraine", "security_guarantees=1"), "{got:?}");
        // "which has halted …": the thing halts, no side does.
        let got = stances_of(
            "The war, which has halted the talks, entered its fourth year, Zelensky said.",
        );
        assert!(
            !got.iter().any(|(_, i)| i.starts_with("talks_process=-")),
            "{got:?}"
        );
    }

    #[test]
    fn never_refusing_is_openness() {
        let got = stances_of("“I have never refused this meeting,” Putin said.");
        assert!(has(&got, "russia", "talks_process=1"), "{got:?}");
    }

    #[test]
    fn another_sides_push_is_not_the_speakers() {
        let got = stances_of("Kremlin Responds to European Ceasefire Push.");
        assert!(!has(&got, "russia", "ceasefire=2"), "{got:?}");
        // A side named after the issue word is not its modifier.
        let got = stances_of("“A ceasefire with Ukraine is possible,” Putin said.");
        assert!(has(&got, "russia", "ceasefire=1"), "{got:?}");
    }

    #[test]
    fn the_judgment_after_but_is_the_conclusion() {
        let got = stances_of("Peskov said the talks were not easy but productive.");
        assert!(has(&got, "russia", "talks_process=2"), "{got:?}");
    }

    #[test]
    fn military_acts_are_not_attitudes() {
        let got = stances_of(
            "Security guarantees are intended to deter Russia from attacking its neighbour again.",
        );
        assert!(!got.iter().any(|(p, _)| p == "russia"), "{got:?}");
    }

    #[test]
    fn insist_on_handing_over_is_a_demand() {
        let got = stances_of(
            "Moscow continues to insist that Ukraine hand over the eastern Donbas region.",
        );
        assert!(has(&got, "russia", "territory=2"), "{got:?}");
    }

    #[test]
    fn negated_willingness_is_rejection() {
        let got = stances_of(
            "However, Zelenskyy has made it clear that Ukraine is not willing to concede territory in Donbas.",
        );
        assert!(has(&got, "ukraine", "territory=-2"), "{got:?}");
    }

    #[test]
    fn an_agenda_is_no_stance_and_a_possible_thing_no_openness() {
        let got = stances_of(
            "Rubio said officials were meeting in Geneva to discuss Trump's plan and a ceasefire.",
        );
        assert!(got.is_empty(), "{got:?}");
        // "ready to discuss" is openness (+1), not an agenda.
        let got = stances_of("Peskov said Russia was ready to discuss a ceasefire.");
        assert!(has(&got, "russia", "ceasefire=1"), "{got:?}");
        // Directed to discuss it, negotiators show the speaker's openness.
        let got = stances_of("Zelensky said he instructed negotiators to discuss a ceasefire.");
        assert!(has(&got, "ukraine", "ceasefire=1"), "{got:?}");
        let got = stances_of(
            "Medinsky said both sides will present their views on a possible ceasefire.",
        );
        assert!(got.is_empty(), "{got:?}");
        let got = stances_of("Peskov said a ceasefire was possible.");
        assert!(has(&got, "russia", "ceasefire=1"), "{got:?}");
    }

    #[test]
    fn another_sides_refusal_is_not_the_speakers() {
        let got = stances_of("Zelensky said Russia refused to accept a ceasefire.");
        assert!(!has(&got, "ukraine", "ceasefire=-2"), "{got:?}");
        let got = stances_of("Zelensky said Russia and Ukraine agreed to a prisoner exchange.");
        assert!(has(&got, "ukraine", "prisoners=2"), "{got:?}");
    }

    #[test]
    fn an_outcome_not_reached_is_no_stance() {
        for text in [
            "Zelensky said that no agreement on Ukraine’s Donetsk and Luhansk regions had yet been reached.",
            "Ushakov said the two sides did not agree on the lines of territorial control.",
            "Zelensky said the two sides failed to agree on the territorial issue.",
        ] {
            let got = stances_of(text);
            assert!(
                !got.iter().any(|g| g.1.contains("territory")),
                "{text}: {got:?}"
            );
        }
        // Reached, it is still the sides' support; refused, a rejection.
        let got = stances_of("Zelensky said both sides agreed on a prisoner exchange.");
        assert!(has(&got, "ukraine", "prisoners=2"), "{got:?}");
        let got = stances_of("Zelensky said Ukraine would not agree to cede Donbas.");
        assert!(has(&got, "ukraine", "territory=-2"), "{got:?}");
    }

    #[test]
    fn a_quoted_judgment_with_no_issue_judges_the_one_named_before() {
        let got = stances_of(
            "The talks in Abu Dhabi ended on Friday. “There is definitely progress,” Kirill Dmitriev told state media.",
        );
        assert!(has(&got, "russia", "talks_process=1"), "{got:?}");
        // Not reported speech, and not with no talks named before.
        let got = stances_of("Dmitriev said there was definitely progress.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_negation_does_not_cross_a_coordinated_clause() {
        let got = stances_of(
            "Trump said the conflict should never have started and should have been ended long ago with peace efforts.",
        );
        assert!(!has(&got, "united_states", "talks_process=-2"), "{got:?}");
    }

    #[test]
    fn rejecting_an_ultimatum_to_agree_is_rejecting_what_it_demands() {
        let got = stances_of(
            "Russia on Tuesday rejected U.S. President Donald Trump's 50-day ultimatum to agree to a Ukraine ceasefire.",
        );
        assert!(has(&got, "russia", "ceasefire=-2"), "{got:?}");
    }

    #[test]
    fn a_negated_modal_before_a_position_verb_is_read() {
        let got = stances_of("Russia would not accept the plan, the Wall Street Journal reported.");
        assert!(has(&got, "russia", "talks_process=-2"), "{got:?}");
    }

    #[test]
    fn contracted_negations_flip_the_cue() {
        for text in [
            "Zelensky said his country wouldn't accept any outcome of the talks.",
            "Zelensky said his country won’t accept any outcome of the talks.",
        ] {
            let got = stances_of(text);
            assert!(has(&got, "ukraine", "talks_process=-2"), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_noun_keyword_spelt_like_a_verb_still_names_its_issue() {
        // "talks" is also a speech verb; after "the" it is the noun.
        let got = stances_of("Peskov said the talks were useful.");
        assert!(has(&got, "russia", "talks_process=1"), "{got:?}");
    }

    #[test]
    fn condition_caps_and_prerequisite_is_demanded() {
        let got = stances_of(
            "But Mr. Zelensky has also made clear that any territorial compromise would come only after Ukraine secures firm security guarantees.",
        );
        assert!(has(&got, "ukraine", "territory=1"), "{got:?}");
        assert!(has(&got, "ukraine", "security_guarantees=2"), "{got:?}");
    }

    #[test]
    fn without_after_a_refusal_names_a_prerequisite() {
        let got = stances_of(
            "Zelensky said Ukraine will not accept a ceasefire without security guarantees.",
        );
        assert!(has(&got, "ukraine", "security_guarantees=2"), "{got:?}");
        assert!(
            got.iter().any(|g| g.1.starts_with("ceasefire=-")),
            "{got:?}"
        );
        // After a rejection too: what it is conditional on is wanted.
        let got = stances_of(
            "Zelensky said Ukraine would resist the plan without strong security guarantees.",
        );
        assert!(has(&got, "ukraine", "security_guarantees=2"), "{got:?}");
        // Not after a refusal: "without" negates.
        let got = stances_of("Zelensky said the talks ended without a ceasefire.");
        assert!(!has(&got, "ukraine", "ceasefire=2"), "{got:?}");
    }

    #[test]
    fn an_evaluation_describing_a_person_is_not_the_speakers() {
        let got = stances_of(
            "Peskov said the delegation will be headed by Medinsky, a minister who led previous failed talks in Turkey.",
        );
        assert!(!has(&got, "russia", "talks_process=-2"), "{got:?}");
        let got = stances_of("Peskov said the talks in Turkey had failed.");
        assert!(!got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_stated_intention_is_a_position() {
        let got = stances_of("Trump said he would impose very severe tariffs on Russia.");
        assert!(
            has(&got, "united_states", "sanctions_economy=-1"),
            "{got:?}"
        );
        // A negated intention is read by the negation, not as an intention.
        let got = stances_of("Trump said he would not impose new sanctions on Russia.");
        assert!(has(&got, "united_states", "sanctions_economy=2"), "{got:?}");
        // A modal with no personal subject is a prediction, not an intention.
        let got = stances_of("Peskov said the talks would bring new sanctions.");
        assert!(!has(&got, "russia", "sanctions_economy=-1"), "{got:?}");
    }

    #[test]
    fn anaphor_takes_previous_issue() {
        let got = stances_of(
            "Moscow continues to insist that Ukraine hand over the eastern Donbas region. Zelensky has repeatedly rejected the idea.",
        );
        assert!(has(&got, "ukraine", "territory=-2"), "{got:?}");
    }

    #[test]
    fn claims_and_negated_claims() {
        let got = stances_of("Witkoff said there had been “meaningful progress” in Geneva.");
        assert!(has(&got, "united_states", "talks_process=2"), "{got:?}");
        let got = stances_of("Witkoff said there had been no meaningful progress in Geneva.");
        assert!(has(&got, "united_states", "talks_process=-2"), "{got:?}");
    }

    #[test]
    fn an_epithet_before_a_name_in_the_writers_words_is_no_claim() {
        let got = stances_of("Peskov said Zelensky was illegitimate.");
        assert!(has(&got, "russia", "legitimacy=-2"), "{got:?}");
        let got = stances_of(
            "At talks in Istanbul, Ukraine and Russia discussed a meeting between Zelenskyy and dictator Vladimir Putin.",
        );
        assert!(!got.iter().any(|g| g.1.contains("legitimacy")), "{got:?}");
        // A named speaker's reported words are theirs.
        let got = stances_of("Medvedev said talks with illegitimate Zelensky were pointless.");
        assert!(has(&got, "russia", "legitimacy=-2"), "{got:?}");
    }

    #[test]
    fn away_phrase_flips_support() {
        let got = stances_of("Peskov said Russia wants a change of government in Kyiv.");
        assert!(has(&got, "russia", "legitimacy=-2"), "{got:?}");
    }

    #[test]
    fn numbers_are_kept() {
        assert_eq!(
            numbers("Washington offers 15 years, Kyiv wants 30-50 years"),
            "15 years; 30-50 years"
        );
        assert_eq!(
            numbers("a 20-kilometre zone and 1,000 prisoners"),
            "20-kilometre; 1,000 prisoners"
        );
    }
    #[test]
    fn negation_contrast_and_adjuncts() {
        let lex = Lexicon::default_lexicon();
        let score_of = |text: &str| {
            let d = crate::documents::from_text(
                "t.txt",
                text,
                "2026-02-18",
                &crate::documents::Boilerplate::default_rules(),
            );
            crate::pipeline::analyze_document(&d, &lex)
                .stances
                .into_iter()
                .flatten()
                .map(|s| (lex.issues[s.issue].id.clone(), s.stance))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            score_of("Putin did not support the ceasefire proposal."),
            [("ceasefire".to_string(), -2)]
        );
        assert_eq!(
            score_of("The Kremlin has not rejected the plan."),
            [("talks_process".to_string(), 1)]
        );
        // The contrast stops "would not": no ceasefire stance from "monitoring".
        assert!(
            !score_of(
                "Italy said it would not send troops but could assist in monitoring a truce."
            )
            .iter()
            .any(|(i, s)| i == "ceasefire" && *s < 0)
        );
        // "land" in a place adjunct is not the object of "committed to".
        assert!(
            !score_of(
                "Macron said 26 nations committed to deploying troops across land, sea and air."
            )
            .iter()
            .any(|(i, _)| i == "territory")
        );
    }
}
