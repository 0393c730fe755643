//! The lexicon: everything stancediff knows about one negotiation, as data.
//!
//! In: a TOML file (the Russia-Ukraine lexicon is embedded as the default).
//! Out: a [`Lexicon`] whose terms are compiled once into a single Aho-Corasick
//! automaton, so each document is scanned for every name, cue and issue word in
//! one pass. Parties, actors, unnamed sources, speech cues, stance cues and
//! issues all live here; the code only knows the *kinds* of term.

pub mod extends;
pub mod inventory;

use aho_corasick::MatchKind;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
// The word sets and the alias map are looked up for almost every word of
// every sentence and never iterated into an output: a fast non-keyed hash.
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

/// The embedded default lexicon (Russia-Ukraine talks 2025-2026).
pub const DEFAULT_LEXICON: &str = include_str!("../../lexicon/russia-ukraine.toml");

/// The party id for speakers that belong to no side.
pub const OTHER_PARTY: &str = "other";

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The OS error is part of the message, not a `source`, so a chain
    /// printer (`{:#}`) shows it once.
    #[error("cannot read lexicon {path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{path}: TOML error at line {line}, column {column}: {message}")]
    Toml {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {} problem(s):\n  - {}", .problems.len(), .problems.join("\n  - "))]
    Invalid { path: String, problems: Vec<String> },
}

// ---------------------------------------------------------------------------
// The file format (see LEXICON.md)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// The lexicon this one builds on: "default", "english" or a path
    /// (resolved against this file's folder). Already merged in when a
    /// `LexiconFile` comes from [`extends::load_path`].
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub parties: Vec<PartyDef>,
    #[serde(default)]
    pub actors: Vec<ActorDef>,
    #[serde(default)]
    pub sources: Vec<SourceDef>,
    #[serde(default)]
    pub roles: Vec<RoleDef>,
    #[serde(default)]
    pub media: Vec<String>,
    #[serde(default)]
    pub speech: SpeechDef,
    #[serde(default)]
    pub stance: StanceDef,
    #[serde(default)]
    pub issues: Vec<IssueDef>,
    #[serde(default)]
    pub text: TextDef,
    /// Evaluation words; each list replaces the English one unless it has "...".
    #[serde(default)]
    pub evaluation: EvaluationDef,
    #[serde(default)]
    pub examples: Vec<ExampleDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyDef {
    pub id: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub color: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Words that tie a person's title to the side ("Ukrainian", "French"):
    /// "Ukrainian presidential aide Ivan Novak" is on Ukraine's side.
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// A joint party ("the US-Ukrainian delegation"): the ids of the parties
    /// it speaks for. Its statements count for each member.
    #[serde(default)]
    pub members: Vec<String>,
    /// Institutions that speak for the side in their own name ("the
    /// Kremlin", "the White House"): aliases of the side whose statements
    /// name the institution as the speaker ("the Kremlin said" → speaker
    /// "Kremlin"), where a place or country ("Moscow said") names none.
    #[serde(default)]
    pub bodies: Vec<String>,
    /// The speaker name of the side's unnamed officials ("unnamed US
    /// official"): "a senior US official", "Kremlin sources", "Ukrainian
    /// negotiators" (an adjective or one-word alias before one of the
    /// English `[text] official_nouns`). Default: "unnamed <first
    /// adjective, else label> official".
    #[serde(default)]
    pub unnamed: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDef {
    pub name: String,
    pub party: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: Vec<ActorRole>,
    #[serde(default)]
    pub pronoun: String,
}

/// A phrase that stands for an actor: always (`"Kremlin spokesman"`), or
/// while they hold the office (`{ role = "Ukraine's defence minister",
/// from = "2023-09-06", until = "2025-07-16" }`, ISO dates, either end open),
/// so two people can hold one role in turn.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ActorRole {
    Always(String),
    Dated {
        role: String,
        #[serde(default)]
        from: String,
        #[serde(default)]
        until: String,
    },
}

impl ActorRole {
    pub fn phrase(&self) -> &str {
        match self {
            ActorRole::Always(p) => p,
            ActorRole::Dated { role, .. } => role,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub phrase: String,
    pub speaker: String,
    #[serde(default = "other_party")]
    pub party: String,
}

/// A role that different people may hold ("Kremlin aide", "lead negotiator"):
/// it stands for whoever the article introduced in it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDef {
    pub phrase: String,
    #[serde(default = "other_party")]
    pub party: String,
}

fn other_party() -> String {
    OTHER_PARTY.to_string()
}

/// Speech cues. Missing lists fall back to the built-in English defaults.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SpeechDef {
    /// Verbs that introduce speech: "said", "told", "wrote".
    pub verbs: Option<Vec<String>>,
    /// Verbs that ascribe a position without speech: "insists", "wants", "rejected".
    pub position_verbs: Option<Vec<String>>,
    /// Verbs that attribute a quotation but never start a statement of their
    /// own: "calling", "telling", "described as".
    pub quote_verbs: Option<Vec<String>>,
    /// Nouns that report a position of their possessor: "Putin's demand that …".
    pub nouns: Option<Vec<String>>,
    /// Phrases that attribute with the source after them: "according to".
    pub source_first: Option<Vec<String>>,
    /// Words that may stand between a speech verb and its content ("reporters", "Axios").
    pub audiences: Option<Vec<String>>,
    /// Use the built-in English predicate inventory (`lexicon/verbs.toml`:
    /// hundreds of reporting verbs and attitude predicates, every inflection
    /// of each lemma). On unless set to `false`.
    pub inventory: Option<bool>,
}

/// Stance cues: the attitude words, negators and conditions.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StanceDef {
    pub support: Option<Vec<String>>,
    pub open: Option<Vec<String>>,
    pub oppose: Option<Vec<String>>,
    pub reject: Option<Vec<String>>,
    pub negators: Option<Vec<String>>,
    /// Attitudes that are the speaker's demand on the subject ("Iran must").
    pub deontic: Option<Vec<String>>,
    pub conditions: Option<Vec<String>>,
    /// Words that refer back to the previous sentence's issue ("the idea").
    pub anaphors: Option<Vec<String>>,
    /// Attitude cues that name an outcome both sides reach together
    /// ("agreement on", "agreed on"): negated ("no agreement on Donbas has
    /// been reached") they report that it has not been reached, which is no
    /// side's stance, so they give none.
    pub outcomes: Option<Vec<String>>,
    /// Words right before an attitude cue that say it did not happen
    /// ("failed to agree on a ceasefire", "ended without agreeing to"): an
    /// event, which is no side's stance.
    pub failures: Option<Vec<String>>,
    /// Participles that say what an evaluation names is no more, after a
    /// form of "have" or "be" later in its clause ("the momentum … has
    /// largely gone"): the evaluation is reversed.
    pub losses: Option<Vec<String>>,
    /// Words that make someone else do what follows ("pressure on",
    /// "forced"): "pressure on Kyiv to accept the plan" says what Kyiv is
    /// pushed to, not what anyone in the sentence wants of their own accord.
    pub controls: Option<Vec<String>>,
    /// Attitude cues that name what a meeting is about ("discuss"): as a
    /// purpose ("met in Geneva to discuss the plan") they give the agenda,
    /// not a stance; governed by an attitude ("ready to discuss") they
    /// compose as usual.
    pub agenda: Option<Vec<String>>,
    /// Words for meeting ("met", "meeting", "summit", "travelled"): an
    /// `agenda` cue is a purpose only within six words after one of them.
    pub meetings: Option<Vec<String>>,
    /// Inventory lemmas and cue words that are no attitude in this
    /// negotiation's news ("attack", "fight" in a war): every form and noun of
    /// such a lemma is left out, and so is a cue word listed here.
    pub not_attitudes: Option<Vec<String>>,
    /// Verbs that state what a document holds ("include", "involve",
    /// "outline"; lemmas, every form generated): with one of the `[text]
    /// documents` owned by a side or person as subject ("Trump's peace
    /// proposal involves a lifting of sanctions"), the owner supports what
    /// follows; with any other subject they state nothing.
    pub content_verbs: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TextDef {
    pub abbreviations: Option<Vec<String>>,
    /// Capitalised words that do not start or belong to a person's name.
    pub not_names: Option<Vec<String>>,
    /// Titles before a name ("Minister", "Senator", "King"): not part of the
    /// name, but the word after one is a name ("Senator Graham"), while a
    /// word after another non-name word is not ("Saudi Arabia", "Foreign
    /// Ministry"). Titles are `not_names` too.
    pub titles: Option<Vec<String>>,
    /// Words that make a capitalised name a news outlet ("News", "Times",
    /// "Journal"): "NBC News reported", "the Wall Street Journal said" name
    /// a medium, which is no speaker.
    pub media_heads: Option<Vec<String>>,
    /// Lowercase words for a medium's kind after its name ("told the
    /// Reuters news agency that"): part of the audience, not of what was said.
    pub media_kinds: Option<Vec<String>>,
    /// Words that open a time phrase after a speech verb ("said on Monday").
    pub time_words: Option<Vec<String>>,
    /// Words that open a subordinate clause at the start of a sentence.
    pub subordinators: Option<Vec<String>>,
    /// Words that open a prepositional phrase (no stated content follows).
    pub prepositions: Option<Vec<String>>,
    /// Nouns that end a venue phrase after a speech verb ("said in a
    /// statement", "told a news conference", "wrote on Telegram").
    pub venues: Option<Vec<String>>,
    /// Fixed phrases that hold a cue word but are no cue ("on condition of
    /// anonymity" is no condition): matched whole, they hide the cue.
    pub idioms: Option<Vec<String>>,
    /// Nouns for organisations that speak in their own name ("the ministry
    /// said", "the union said in a statement").
    pub bodies: Option<Vec<String>>,
    /// Nouns that end the name of a thing, never a person's ("Indus Waters
    /// Treaty", "Minsk Agreement"): such a name is no speaker.
    pub thing_heads: Option<Vec<String>>,
    /// Body nouns for a side's government as a whole ("government",
    /// "administration"): "the government said" with no side named is the
    /// government of the side that spoke last.
    pub governments: Option<Vec<String>>,
    /// Nouns for offices a person holds ("president", "minister",
    /// "envoy"): "the prime minister said" is whoever the article introduced
    /// with that title ("Prime Minister Jean Novak"), else the office as
    /// written.
    pub office_nouns: Option<Vec<String>>,
    /// Honorifics before a surname, written without their full stop ("Mr",
    /// "Dr"): "Mr. Rubio" and "Mr Rubio" are Rubio; kept with an unknown
    /// name, and alone they name nobody.
    pub honorifics: Option<Vec<String>>,
    /// The honorifics (of `honorifics`) that make the person "she" ("Mrs").
    pub honorifics_she: Option<Vec<String>>,
    /// Words that open a hypothetical clause ("if", "unless"): a cue whose
    /// subject follows one ("if Putin agrees to a ceasefire, …") reports no
    /// statement of that subject; it is part of the statement around it.
    pub hypotheticals: Option<Vec<String>>,
    /// Words that make what follows a prediction about its subject ("is
    /// unlikely to accept", "is expected to reject"): a position verb after
    /// one and "to" states no position of the subject's own.
    pub predictions: Option<Vec<String>>,
    /// Nouns for officials who speak without a name ("official",
    /// "diplomat", "negotiators"): after a side's adjective or alias they
    /// are that side's unnamed official ([`PartyDef::unnamed`]).
    pub official_nouns: Option<Vec<String>>,
    /// Nouns for documents that speak for their owner ("plan", "proposal",
    /// "memorandum"): "the US plan calls for …" is the United States'
    /// position, and so is "Washington's proposal demands …" or "the
    /// Russian memorandum insists …".
    pub documents: Option<Vec<String>>,
    /// Verbs whose subject authors the document that is their object
    /// (lemmas, every regular form generated): "Washington proposed a peace
    /// plan" makes Washington the owner of "the plan" a later sentence
    /// names; "Ukraine rejected the plan" does not.
    pub authorship: Option<Vec<String>>,
    /// Nouns that sum up the clause before them in apposition
    /// ("conditions", "terms", "measures"): in "… demanded that Ukraine cede
    /// territory — conditions Kyiv has rejected" what Kyiv rejected is the
    /// clause before the dash.
    pub summaries: Option<Vec<String>>,
    /// Nouns for texts a side issues ("statement", "readout"): "the
    /// statement said" is whoever the article said issued it, else the body
    /// or side that spoke last. Single words; they are also `bodies`.
    pub statements: Option<Vec<String>>,
}

/// Word lists of the text's language, used by sentence and speaker rules.
#[derive(Debug, Clone)]
pub struct Words {
    pub not_names: FxHashSet<String>,
    /// Titles before a name (a subset of `not_names`).
    pub titles: FxHashSet<String>,
    /// Words that make a name a news outlet's.
    pub media_heads: FxHashSet<String>,
    /// Words for a medium's kind after its name ("news agency").
    pub media_kinds: FxHashSet<String>,
    pub time_words: FxHashSet<String>,
    pub subordinators: FxHashSet<String>,
    pub prepositions: FxHashSet<String>,
    /// Lowercase.
    pub venues: FxHashSet<String>,
    /// Nouns for organisations that speak ("ministry", "union"), lowercase.
    pub bodies: FxHashSet<String>,
    /// Nouns that end a thing's name ([`TextDef::thing_heads`]), lowercase.
    pub thing_heads: FxHashSet<String>,
    /// Nouns for a side's government ([`TextDef::governments`]), lowercase.
    pub governments: FxHashSet<String>,
    /// Nouns for offices people hold ("president", "minister"), lowercase.
    pub office_nouns: FxHashSet<String>,
    /// Honorifics without their full stop ("Mr", "Dr"), and those that
    /// make the person "she".
    pub honorifics: FxHashSet<String>,
    pub honorifics_she: FxHashSet<String>,
    /// Words that open a hypothetical clause, lowercase.
    pub hypotheticals: FxHashSet<String>,
    /// Words that make what follows a prediction ([`TextDef::predictions`]), lowercase.
    pub predictions: FxHashSet<String>,
    /// Nouns for documents that speak for their owner, lowercase.
    pub documents: FxHashSet<String>,
    /// Every form of the authorship verbs ([`TextDef::authorship`]), lowercase.
    pub authorship: FxHashSet<String>,
    /// Nouns that sum up the clause before them ([`TextDef::summaries`]).
    pub summaries: FxHashSet<String>,
    /// Nouns for texts a side issues ("statement"), lowercase.
    pub statements: FxHashSet<String>,
    /// Finds the single-word `bodies` and `office_nouns` in a text (ASCII
    /// case ignored): sentences are searched for them once instead of
    /// looking every word up.
    pub body_finder: aho_corasick::AhoCorasick,
}

impl Words {
    /// "Mr.", "Mr", "Dr." …: an honorific, with or without its full stop.
    pub fn is_honorific(&self, w: &str) -> bool {
        self.honorifics.contains(w.strip_suffix('.').unwrap_or(w))
    }

    /// "after", "While", "because" …: a word that opens a subordinate
    /// clause (the list is capitalised; any case matches).
    pub fn is_subordinator(&self, w: &str) -> bool {
        self.subordinators.iter().any(|s| s.eq_ignore_ascii_case(w))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueDef {
    pub id: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub proposition: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub toward: Vec<String>,
    #[serde(default)]
    pub away: Vec<String>,
    #[serde(default)]
    pub claims: Vec<ClaimDef>,
    /// The English evaluation words ("productive", "a waste of time",
    /// `[evaluation]` in the English base) are claims on this issue when a
    /// keyword of the issue stands near them ("the talks were productive").
    #[serde(default)]
    pub evaluations: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimDef {
    pub term: String,
    pub stance: i8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleDef {
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub party: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    /// `"issue=N"`, or (as LEXICON.md once documented it) `{ issue = "…", stance = N }`;
    /// both read into the `"issue=N"` form.
    #[serde(default, deserialize_with = "stance_specs")]
    pub stances: Vec<String>,
    #[serde(default)]
    pub note: String,
}

/// One expected stance of an example, in either spelling a lexicon may use.
#[derive(Deserialize)]
#[serde(untagged)]
enum StanceSpec {
    Text(String),
    Table { issue: String, stance: i64 },
}

fn stance_specs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let specs = Vec::<StanceSpec>::deserialize(d)?;
    Ok(specs
        .into_iter()
        .map(|s| match s {
            StanceSpec::Text(t) => t,
            StanceSpec::Table { issue, stance } => format!("{issue}={stance}"),
        })
        .collect())
}

// ---------------------------------------------------------------------------
// Built-in English cue lists: data in lexicon/english.toml.
// ---------------------------------------------------------------------------

/// The built-in English cue lists every lexicon inherits.
pub const ENGLISH_CUES: &str = include_str!("../../lexicon/english.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaseCues {
    speech: SpeechDef,
    stance: StanceDef,
    text: TextDef,
    evaluation: EvaluationDef,
}

/// Evaluative words by polarity: support (+2), open (+1), mixed (0), oppose
/// (-1), reject (-2).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EvaluationDef {
    pub support: Option<Vec<String>>,
    pub open: Option<Vec<String>>,
    /// Words that say how hard the talks are, not whether a side wants them
    /// ("difficult", "tough"): a stance of 0.
    pub mixed: Option<Vec<String>>,
    pub oppose: Option<Vec<String>>,
    pub reject: Option<Vec<String>>,
}

static BASE: std::sync::LazyLock<BaseCues> = std::sync::LazyLock::new(|| {
    toml::from_str(ENGLISH_CUES).expect("the embedded English cue lists are valid")
});

const PRONOUNS: &[(&str, Pronoun)] = &[
    ("he", Pronoun::He),
    ("she", Pronoun::She),
    ("they", Pronoun::They),
    // "The union said …. It said": a body or side, like "they".
    ("it", Pronoun::They),
];

/// A cue list: the built-in list when not given; the given list replaces
/// it, unless it contains "..." which stands for the built-in list.
/// [`list_or`] as a set of lowercase words.
fn lower_set(given: &Option<Vec<String>>, base: &Option<Vec<String>>) -> FxHashSet<String> {
    list_or(given, base)
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
}

fn list_or(given: &Option<Vec<String>>, base: &Option<Vec<String>>) -> Vec<String> {
    let base = base.as_deref().unwrap_or(&[]);
    match given {
        Some(v) => {
            let mut out = Vec::new();
            for item in v {
                if item == "..." {
                    out.extend(base.iter().cloned());
                } else {
                    out.push(item.clone());
                }
            }
            out
        }
        None => base.to_vec(),
    }
}

// ---------------------------------------------------------------------------
// Compiled form
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
}

/// The polarity of an attitude cue: how strongly the holder favours what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attitude {
    Support,
    Open,
    Oppose,
    Reject,
}

impl Attitude {
    pub fn value(self) -> i8 {
        match self {
            Attitude::Support => 2,
            Attitude::Open => 1,
            Attitude::Oppose => -1,
            Attitude::Reject => -2,
        }
    }
}

/// What one lexicon term means. A term string may carry several meanings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Meaning {
    Party(usize),
    /// An institution that speaks for the side in its own name ("the
    /// Kremlin"); always with `Party` of the same side.
    PartyBody(usize),
    /// A word in a person's title that names the side ("Russian").
    PartyAdjective(usize),
    Actor(usize),
    Role(usize),
    /// A role held by whoever the article introduces in it.
    GenericRole(usize),
    Source(usize),
    Media,
    Pronoun(Pronoun),
    SpeechVerb,
    QuoteVerb,
    /// "Putin's demand that …": a noun reporting its possessor's position.
    SpeechNoun,
    PositionVerb,
    SourceFirst,
    Audience,
    Attitude(Attitude),
    Negator,
    Condition,
    Anaphor,
    /// A fixed phrase that means nothing to the rules ([`TextDef::idioms`]).
    Idiom,
    /// A verb that states a document's content ([`StanceDef::content_verbs`]):
    /// a position only with an owned document as subject.
    ContentVerb,
    /// An issue word: issue index and direction (+1 toward, -1 away, 0 topic).
    IssueTerm {
        issue: usize,
        direction: i8,
    },
    /// A term that carries a stance on its own.
    Claim {
        issue: usize,
        stance: i8,
    },
    /// An evaluation ("productive") that is a claim on the issue only near
    /// one of the issue's keywords.
    Evaluation {
        issue: usize,
        stance: i8,
    },
}

#[derive(Debug, Clone)]
pub struct Party {
    pub id: String,
    pub label: String,
    pub color: String,
    /// Member party indices of a joint party; empty for an ordinary one.
    pub members: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub party: usize,
    pub pronoun: Pronoun,
    /// Roles held for a time: (phrase folded to lowercase, from, until).
    pub dated_roles: Vec<(String, Option<jiff::civil::Date>, Option<jiff::civil::Date>)>,
}

impl Actor {
    /// Whether `phrase` stands for this actor on `date`: always for an
    /// undated role; for a dated one, when the date is in its period (an
    /// undated document takes no dated role).
    pub fn holds(&self, phrase: &str, date: Option<jiff::civil::Date>) -> bool {
        let key = fold_apostrophes(phrase).to_lowercase();
        let mut dated = self.dated_roles.iter().filter(|r| r.0 == key).peekable();
        if dated.peek().is_none() {
            return true;
        }
        let Some(d) = date else { return false };
        dated.any(|(_, from, until)| from.is_none_or(|f| f <= d) && until.is_none_or(|u| d <= u))
    }
}

#[derive(Debug, Clone)]
pub struct Source {
    pub speaker: String,
    pub party: usize,
    /// The phrase's head noun, lowercase and singular ("source" for "two
    /// sources", "official" for "a senior Russian official"): a later "the
    /// source" is the side's source the article introduced.
    pub noun: String,
}

/// The head noun of a source phrase, lowercase and singular.
fn source_noun(phrase: &str) -> String {
    let last = phrase
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    match last.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => last,
    }
}

#[derive(Debug, Clone)]
pub struct GenericRole {
    pub phrase: String,
    pub party: usize,
}

#[derive(Debug, Clone)]
pub struct Issue {
    pub id: String,
    pub label: String,
    pub proposition: String,
}

/// One term of the automaton: its text as written and its meanings.
#[derive(Debug, Clone)]
pub struct Term {
    pub text: String,
    /// Case must match exactly (acronyms such as "US").
    pub exact_case: bool,
    pub meanings: Vec<Meaning>,
    /// Meanings of the shorter terms inside this one ("continues to insist"
    /// contains "insist"), computed once when the lexicon is compiled.
    pub part_meanings: Vec<Meaning>,
    /// The attitude a toward or away phrase opens with, of the phrase's own
    /// direction ("voted to strike", "accept the contract", "vote down"):
    /// the phrase is a position verb, and with no other attitude governing
    /// it states its direction itself.
    pub lead_attitude: Option<Attitude>,
    /// The byte length of that attitude's words at the phrase's start (the
    /// cue; the rest is what it governs).
    pub lead_len: usize,
    /// A phrase of several words with a `lead_attitude`: a position cue.
    pub lead_cue: bool,
    /// What kind of cue the term is, from its meanings, its parts' and its
    /// lead attitude (computed once: the sentence layer asks it of nearly
    /// every hit, several times).
    pub cue: Option<CueMeaning>,
}

/// The cue a term is by its meanings ([`Term::cue`]): its own first ("by
/// saying" is a speech verb), then its parts' ("continues to insist").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueMeaning {
    SourceFirst,
    QuoteVerb,
    SpeechVerb,
    PositionVerb,
}

impl Term {
    fn cue_meaning(&self) -> Option<CueMeaning> {
        let pick = |ms: &[Meaning]| {
            let has = |m: Meaning| ms.contains(&m);
            if has(Meaning::SourceFirst) {
                Some(CueMeaning::SourceFirst)
            } else if has(Meaning::QuoteVerb) {
                Some(CueMeaning::QuoteVerb)
            } else if has(Meaning::SpeechVerb) {
                Some(CueMeaning::SpeechVerb)
            } else if has(Meaning::PositionVerb) {
                Some(CueMeaning::PositionVerb)
            } else {
                None
            }
        };
        // "The machinists voted to strike": a lexicon phrase that opens with
        // an attitude of its own direction is a position verb.
        pick(&self.meanings)
            .or_else(|| pick(&self.part_meanings))
            .or_else(|| self.lead_cue.then_some(CueMeaning::PositionVerb))
    }
}

/// A compiled lexicon, ready to scan documents.
pub struct Lexicon {
    /// Aliases two parties or two actors claim ([`alias_conflicts`]). Not an
    /// error, so a lexicon that loaded before still loads: `lexicon check`
    /// reports them and `analyze` warns; the first claimant wins.
    pub conflicts: Vec<String>,
    /// Irregular past forms of inventory verbs ("said", "told"), lowercase.
    pub irregular_past: FxHashSet<String>,
    pub name: String,
    pub description: String,
    pub parties: Vec<Party>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    /// How many of `sources` the lexicon file wrote (the rest are its
    /// sides' unnamed officials, made from the English official nouns).
    pub written_sources: usize,
    pub roles: Vec<GenericRole>,
    pub issues: Vec<Issue>,
    pub terms: Vec<Term>,
    pub abbreviations: FxHashSet<String>,
    pub words: Words,
    /// Deontic attitude cues, lowercase.
    pub deontic: FxHashSet<String>,
    /// Outcome cues ([`StanceDef::outcomes`]), lowercase.
    pub outcomes: FxHashSet<String>,
    /// Failure phrases ([`StanceDef::failures`]), lowercase.
    pub failures: Vec<String>,
    /// Loss participles ([`StanceDef::losses`]), lowercase.
    pub losses: FxHashSet<String>,
    /// Control words ([`StanceDef::controls`]), lowercase.
    pub controls: FxHashSet<String>,
    /// Agenda cues ([`StanceDef::agenda`]), lowercase.
    pub agenda: FxHashSet<String>,
    /// Words for meeting ([`StanceDef::meetings`]), lowercase.
    pub meetings: FxHashSet<String>,
    pub examples: Vec<ExampleDef>,
    /// The terms' trie, walked directly ([`Lexicon::terms_at`]) rather than
    /// through `AhoCorasick::find`: the scan asks at every word start, and
    /// one walk gives every term there, longest last, where a search per
    /// candidate length re-walked the same bytes.
    automaton: NFA,
    /// Per term: is it a speech, position or quote verb, by its meanings or
    /// its parts' ([`Lexicon::is_verb_like`]).
    verb_like: Vec<bool>,
    /// The bytes a term may open with ([`term_start_bytes`]): the scan tries
    /// the automaton only there.
    term_starts: [bool; 256],
    /// Surname or alias (lowercase) -> actor, for "Mr. X" and in-text resolution.
    actor_by_alias: FxHashMap<String, usize>,
    /// Actors named by two words: (first name, surname) in lowercase, and
    /// the actor, for [`Lexicon::actor_by_spelling`].
    two_word_names: Vec<(String, String, usize)>,
    pub other_party: usize,
}

/// A term found in a text: byte range and term index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub term: u32,
}

impl Lexicon {
    /// What `lexicon check` says of a lexicon on its first line (the CLI
    /// and the Python package print the same).
    pub fn summary(&self) -> String {
        format!(
            "{} parties, {} actors, {} unnamed sources (and {} phrases for the sides' unnamed officials), {} issues, {} terms",
            self.parties.len(),
            self.actors.len(),
            self.written_sources,
            self.sources.len() - self.written_sources,
            self.issues.len(),
            self.terms.len()
        )
    }

    /// The embedded default lexicon.
    pub fn default_lexicon() -> Lexicon {
        Lexicon::from_toml(DEFAULT_LEXICON, "<default lexicon>")
            .expect("the embedded default lexicon is valid")
    }

    pub fn from_path(path: &Path) -> Result<Lexicon, LexiconError> {
        let file = extends::load_path(path)?;
        compile(file, &path.display().to_string())
    }

    /// A lexicon from TOML text. `extends = "default"` or `"english"` is
    /// resolved; a path in `extends` is resolved against the current
    /// directory (use [`Lexicon::from_path`] to resolve it against the file).
    pub fn from_toml(text: &str, path: &str) -> Result<Lexicon, LexiconError> {
        let file = extends::load_text(text, path, Path::new("."))?;
        compile(file, path)
    }

    /// The member parties of a joint party (`members = ["us", "ukraine"]`),
    /// as party indices; empty for an ordinary party or an unknown index.
    pub fn members(&self, party: usize) -> &[usize] {
        self.parties
            .get(party)
            .map_or(&[], |p| p.members.as_slice())
    }

    /// The member party ids of the joint party `id`; empty for an ordinary
    /// or unknown party.
    pub fn member_ids(&self, id: &str) -> Vec<&str> {
        self.party_index(id)
            .map(|i| {
                self.members(i)
                    .iter()
                    .map(|&m| self.parties[m].id.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The joint parties that `party` is a member of (party indices).
    pub fn joint_parties_of(&self, party: usize) -> Vec<usize> {
        (0..self.parties.len())
            .filter(|&j| self.parties[j].members.contains(&party))
            .collect()
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id)
    }

    pub fn party_id(&self, idx: usize) -> &str {
        &self.parties[idx].id
    }

    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.issues.iter().position(|i| i.id == id)
    }

    /// An actor known by this alias or surname (case-insensitive).
    pub fn actor_by_alias(&self, alias: &str) -> Option<usize> {
        self.actor_by_alias.get(&alias.to_lowercase()).copied()
    }

    /// An actor whose full name is `name` but for one letter of the surname
    /// (inserted, dropped or changed): the same person in another
    /// transliteration ("Rustem Umyerov" for Rustem Umerov). Surnames of six
    /// letters or more, the same first letter, and the first name the same
    /// (or an initial of it); only when one actor is that close.
    pub fn actor_by_spelling(&self, name: &str) -> Option<usize> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let [first, surname] = words[..] else {
            return None;
        };
        if surname.chars().count() < 6 {
            return None;
        }
        let (first, surname) = (first.to_lowercase(), surname.to_lowercase());
        let initial = first.trim_end_matches('.');
        let mut found = self.two_word_names.iter().filter(|(af, asur, _)| {
            let first_ok =
                *af == first || (initial.chars().count() == 1 && af.starts_with(initial));
            first_ok
                && asur.chars().next() == surname.chars().next()
                && *asur != surname
                && one_edit_apart(asur, &surname)
        });
        let (_, _, i) = found.next()?;
        found.next().is_none().then_some(*i)
    }

    /// All lexicon terms in `text`, leftmost-longest, on word boundaries.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.scan_into(text, 0, &mut hits);
        hits
    }

    /// [`Lexicon::scan`], appending to `hits` with every offset moved by
    /// `base` (the scan of a document's paragraphs fills one vector).
    pub fn scan_into(&self, text: &str, base: usize, hits: &mut Vec<Hit>) {
        // At each step, the first position where a term starts on a word
        // boundary, and there the longest such term; shorter terms at the
        // same start are tried when the longest ends inside a word, so "the
        // UK" inside "the Ukrainian ministry" does not hide "Ukrainian", nor
        // "ceasefire deal" inside "ceasefire deals" hide "ceasefire".
        // The trie is walked anchored, only where a term may start (a byte
        // some term opens with, not inside a word): the same hits as running
        // it over every byte leftmost-longest, without the bytes inside words.
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(p) = self.next_term_start(bytes, at) {
            match self.longest_valid_at(text, p, &mut found) {
                Some(h) => {
                    at = h.end;
                    hits.push(Hit {
                        start: h.start + base,
                        end: h.end + base,
                        term: h.term,
                    });
                }
                // No term here: no term starts inside the rest of an ASCII
                // word either (not on a word boundary), so skip it whole.
                None => at = end_of_ascii_word(bytes, p + 1),
            }
        }
    }

    /// The hit [`Lexicon::scan`] would find at byte 0 of `text`, if any:
    /// the first step of the scan alone, for callers that only ask whether
    /// a term starts right there (no scan of the rest, no vector).
    pub fn term_at_start(&self, text: &str) -> Option<Hit> {
        if text.is_empty() || !self.may_start_at(text.as_bytes(), 0) {
            return None;
        }
        self.longest_valid_at(text, 0, &mut Vec::new())
    }

    /// The first position at or after `at` where a whole-word term may
    /// start: a byte some term opens with, on a word boundary unless the
    /// term opens with no letter or digit (as [`is_boundary`] reads it).
    fn next_term_start(&self, bytes: &[u8], at: usize) -> Option<usize> {
        (at..bytes.len()).find(|&p| self.may_start_at(bytes, p))
    }

    /// May a whole-word term start at byte `p` ([`Lexicon::next_term_start`])?
    fn may_start_at(&self, bytes: &[u8], p: usize) -> bool {
        let b = bytes[p];
        self.term_starts[b as usize] && (!b.is_ascii_alphanumeric() || starts_word(bytes, p))
    }

    /// The longest term at `p` that is a whole word (and in the right case
    /// when it must be), trying ever shorter ones. `found` is scratch space.
    fn longest_valid_at(&self, text: &str, p: usize, found: &mut Vec<Hit>) -> Option<Hit> {
        let bytes = text.as_bytes();
        self.terms_at(bytes, p, found);
        for &h in found.iter().rev() {
            let term = &self.terms[h.term as usize];
            if is_boundary(bytes, h.start, h.end)
                && (!term.exact_case || text[h.start..h.end] == *term.text)
            {
                return Some(h);
            }
            // Shorter terms are not tried under a one-byte one (as the
            // search this walk replaced did not).
            if h.end - h.start <= 1 {
                return None;
            }
        }
        None
    }

    /// Every term starting at `p` (ASCII case ignored), shortest first, into
    /// `found`: the matches an anchored leftmost-longest search meets on its
    /// way, one a length, each the term that search reports for that length
    /// (the state's first pattern).
    fn terms_at(&self, bytes: &[u8], p: usize, found: &mut Vec<Hit>) {
        found.clear();
        let nfa = &self.automaton;
        let anchored = aho_corasick::Anchored::Yes;
        let Ok(mut sid) = nfa.start_state(anchored) else {
            return;
        };
        let mut record = |sid, end: usize| {
            let pid = nfa.match_pattern(sid, 0);
            let start = end - nfa.pattern_len(pid);
            // A match state may also carry a match that starts later (reached
            // by a failure transition): not a term at `p`.
            if start == p {
                found.push(Hit {
                    start,
                    end,
                    term: pid.as_u32(),
                });
            }
        };
        if nfa.is_match(sid) {
            record(sid, p);
        }
        for (at, &b) in bytes.iter().enumerate().skip(p) {
            sid = nfa.next_state(anchored, sid, b.to_ascii_lowercase());
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    return;
                }
                if nfa.is_match(sid) {
                    record(sid, at + 1);
                }
            }
        }
    }

    /// How many phrases the lexicon's automaton looks for (every form of
    /// every term).
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    pub fn term(&self, hit: &Hit) -> &Term {
        &self.terms[hit.term as usize]
    }

    /// Is the term a speech, position or quote verb (by its meanings or its
    /// parts')? Read from a table built once: the verb test asks it of
    /// nearly every hit, and a byte a term stays in cache where the terms
    /// and their meaning lists do not.
    pub fn is_verb_like(&self, hit: &Hit) -> bool {
        self.verb_like[hit.term as usize]
    }

    /// The meanings of a term and of the shorter terms inside it: a longer
    /// term keeps the meaning of its parts ("signaled openness" is also
    /// "signaled"; "continues to insist" is also "insist").
    pub fn meanings_with_parts(&self, hit: &Hit) -> impl Iterator<Item = Meaning> + '_ {
        let t = self.term(hit);
        t.meanings.iter().chain(&t.part_meanings).copied()
    }

    /// The attitude of a nominalised attitude ("demand", "refusal",
    /// "proposal": a speech noun that states an attitude), its first.
    pub fn attitude_noun(&self, hit: &Hit) -> Option<Attitude> {
        if !self
            .meanings_with_parts(hit)
            .any(|m| m == Meaning::SpeechNoun)
        {
            return None;
        }
        self.meanings_with_parts(hit).find_map(|m| match m {
            Meaning::Attitude(a) => Some(a),
            _ => None,
        })
    }
}

/// A meaning that makes a term verb-like ([`Lexicon::is_verb_like`]).
fn is_verb_meaning(m: &Meaning) -> bool {
    matches!(
        m,
        Meaning::SpeechVerb | Meaning::PositionVerb | Meaning::QuoteVerb
    )
}

/// The first byte at or after `from` that does not continue an ASCII word
/// running through `from - 1`: from there on [`starts_word`] may hold again.
fn end_of_ascii_word(bytes: &[u8], from: usize) -> usize {
    if !bytes[from - 1].is_ascii_alphanumeric() {
        return from;
    }
    bytes[from..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(bytes.len(), |i| from + i)
}

/// True when `[s, e)` starts and ends on word boundaries.
fn is_boundary(bytes: &[u8], s: usize, e: usize) -> bool {
    let before_ok = starts_word(bytes, s);
    let after_ok = ends_word(bytes, e);
    // The term itself may start/end with punctuation ("U.S."): then no check needed.
    let first = bytes[s];
    let last = bytes[e - 1];
    (before_ok || !first.is_ascii_alphanumeric()) && (after_ok || !last.is_ascii_alphanumeric())
}

/// Is no letter or digit right before byte `s`? A multi-byte char counts
/// as one unless it is punctuation such as a curly quote: the char itself
/// is checked.
fn starts_word(bytes: &[u8], s: usize) -> bool {
    s == 0 || {
        let b = bytes[s - 1];
        if b < 0x80 {
            !b.is_ascii_alphanumeric()
        } else {
            !prev_char_is_alpha(bytes, s)
        }
    }
}

/// Is no letter or digit at byte `e` (read as [`starts_word`] does)?
fn ends_word(bytes: &[u8], e: usize) -> bool {
    e >= bytes.len() || {
        let b = bytes[e];
        if b < 0x80 {
            !b.is_ascii_alphanumeric()
        } else {
            !next_char_is_alpha(bytes, e)
        }
    }
}

/// The attitude of the longest attitude term that opens term `i` (or is
/// it), when `i` is a toward or away phrase and the attitude has the same
/// direction ("voted to strike" opens with "voted to", "vote down" is a
/// rejection and an away phrase). One of the other direction names an act
/// ("halt strikes" is toward a ceasefire), no attitude; but a spoken demand
/// of either direction is a position: "insisted on unanimity", listed as away
/// from majority voting, states that direction (at the demand's strength).
fn lead_attitude(table: &TermTable, i: usize) -> Option<(Attitude, usize)> {
    let t = &table.terms[i];
    let words: Vec<String> = t.text.split_whitespace().map(str::to_lowercase).collect();
    let direction = t.meanings.iter().find_map(|m| match m {
        Meaning::IssueTerm { direction, .. } if *direction != 0 => Some(*direction),
        _ => None,
    })?;
    // Where the phrase's n-th word ends, in its own bytes (a document
    // matches them exactly, ASCII case aside).
    let word_end = |n: usize| {
        t.text
            .split_whitespace()
            .nth(n - 1)
            .map_or(t.text.len(), |w| {
                w.as_ptr() as usize - t.text.as_ptr() as usize + w.len()
            })
    };
    // The whole phrase counts too: "endorse" listed both as an attitude and
    // as a toward phrase.
    (1..=words.len())
        .rev()
        .find_map(|len| {
            let &j = table.index.get(&words[..len].join(" "))?;
            table.terms[j].meanings.iter().find_map(|m| match m {
                Meaning::Attitude(a) => Some((*a, word_end(len))),
                _ => None,
            })
        })
        .filter(|(a, _)| {
            a.value().signum() == direction
                || (a.value() > 0 && opens_with_speech_verb(table, &words))
        })
}

/// Does a phrase open with a speech verb ("insisted on unanimity", "demand a
/// veto")? A demand of either direction states a position; an act ("authorized
/// sanctions") does not.
fn opens_with_speech_verb(table: &TermTable, words: &[String]) -> bool {
    (1..words.len()).any(|len| {
        table
            .index
            .get(&words[..len].join(" "))
            .is_some_and(|&j| table.terms[j].meanings.contains(&Meaning::SpeechVerb))
    })
}

/// The automaton for [`Words::body_finder`]: every single-word body and
/// office noun, longest first at a position.
fn body_finder(
    bodies: &FxHashSet<String>,
    office_nouns: &FxHashSet<String>,
) -> Result<aho_corasick::AhoCorasick, aho_corasick::BuildError> {
    let mut nouns: Vec<&String> = bodies
        .iter()
        .chain(office_nouns)
        .filter(|w| !w.is_empty() && !w.contains(char::is_whitespace))
        .collect();
    nouns.sort();
    nouns.dedup();
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(nouns)
}

/// Do `a` and `b` differ by exactly one inserted, dropped or changed letter?
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The bytes a term may open with (both cases of an ASCII letter, as the
/// automaton ignores ASCII case); every byte if a term is empty.
fn term_start_bytes(terms: &[Term]) -> [bool; 256] {
    let mut starts = [false; 256];
    for t in terms {
        match t.text.as_bytes().first() {
            Some(&b) => {
                starts[b.to_ascii_lowercase() as usize] = true;
                starts[b.to_ascii_uppercase() as usize] = true;
            }
            None => starts = [true; 256],
        }
    }
    starts
}

fn prev_char_is_alpha(bytes: &[u8], s: usize) -> bool {
    let mut i = s - 1;
    while i > 0 && (bytes[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    std::str::from_utf8(&bytes[i..s])
        .ok()
        .and_then(|c| c.chars().next())
        .is_some_and(|c| c.is_alphanumeric())
}

fn next_char_is_alpha(bytes: &[u8], e: usize) -> bool {
    let mut j = e + 1;
    while j < bytes.len() && (bytes[j] & 0xC0) == 0x80 {
        j += 1;
    }
    std::str::from_utf8(&bytes[e..j])
        .ok()
        .and_then(|c| c.chars().next())
        .is_some_and(|c| c.is_alphanumeric())
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn parse_pronoun(p: &str) -> Option<Pronoun> {
    match p.to_ascii_lowercase().as_str() {
        "" | "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        _ => None,
    }
}

/// Normalise curly apostrophes so "Russia’s" in a text matches "Russia's" in the lexicon.
pub fn fold_apostrophes(s: &str) -> String {
    s.replace('\u{2019}', "'")
}

struct TermTable {
    terms: Vec<Term>,
    index: HashMap<String, usize>,
}

impl TermTable {
    fn add(&mut self, text: &str, meaning: Meaning) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        // Both apostrophe spellings are patterns, so texts need no rewriting.
        let mut variants = vec![text.to_string()];
        if text.contains('\'') {
            variants.push(text.replace('\'', "\u{2019}"));
        }
        for v in variants {
            let key = v.to_lowercase();
            let idx = *self.index.entry(key).or_insert_with(|| {
                let exact_case = v.chars().skip(1).any(|c| c.is_uppercase())
                    && v.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| c.is_uppercase());
                self.terms.push(Term {
                    text: v.clone(),
                    exact_case,
                    meanings: Vec::new(),
                    part_meanings: Vec::new(),
                    lead_attitude: None,
                    lead_len: 0,
                    lead_cue: false,
                    cue: None,
                });
                self.terms.len() - 1
            });
            if !self.terms[idx].meanings.contains(&meaning) {
                self.terms[idx].meanings.push(meaning);
            }
        }
    }

    /// Give `text` (both apostrophe spellings) the attitude `att` in place
    /// of any other attitude it has: a lexicon's own `[stance]` word wins
    /// over the built-in inventory ("oppose" under `reject` reads -2).
    fn set_attitude(&mut self, text: &str, att: Attitude) {
        let text = text.trim();
        for v in [text.to_string(), text.replace('\'', "\u{2019}")] {
            if let Some(&idx) = self.index.get(&v.to_lowercase()) {
                self.terms[idx]
                    .meanings
                    .retain(|m| !matches!(m, Meaning::Attitude(a) if *a != att));
            }
        }
        self.add(text, Meaning::Attitude(att));
    }
}

/// "a senior Russian official", "Kremlin sources", "US negotiators": a
/// side's adjective or one-word alias before an official noun (the English
/// `[text] official_nouns`) is an unnamed official of that side, unless the
/// lexicon already gives the phrase a meaning (a role such as "Kremlin aide"
/// or a source of its own).
/// Every issue phrase the file lists, lowercase: a plural made for one
/// phrase never takes a phrase listed for itself (perhaps under another
/// issue).
fn listed_issue_phrases(file: &LexiconFile) -> FxHashSet<String> {
    file.issues
        .iter()
        .flat_map(|is| is.keywords.iter().chain(&is.toward).chain(&is.away))
        .map(|k| k.trim().to_lowercase())
        .collect()
}

/// Issue phrases with the plural of each phrase of several words that ends
/// in a lowercase noun ("humanitarian pause" also matches "humanitarian
/// pauses", "phone call" "phone calls"), so a lexicon need not list both. A
/// single word is left as written: "plan" and "call" are verbs too ("plans
/// to", "calls for"), which a plural would turn into issue words. Phrases
/// that are no noun phrase ("end the war") get a form no text has.
fn with_plurals(phrases: &[String], listed: &FxHashSet<String>) -> Vec<String> {
    let mut out = phrases.to_vec();
    for p in phrases {
        let p = p.trim();
        let Some((head, last)) = p.rsplit_once(' ') else {
            continue;
        };
        if last.len() < 3 || !last.bytes().all(|b| b.is_ascii_lowercase()) || last.ends_with('s') {
            continue;
        }
        let plural = format!("{head} {}", inventory::plural(last));
        if !listed.contains(&plural.to_lowercase()) {
            out.push(plural);
        }
    }
    out
}

fn add_unnamed_officials(
    table: &mut TermTable,
    sources: &mut Vec<Source>,
    file: &LexiconFile,
    parties: &[Party],
) {
    let nouns = list_or(&file.text.official_nouns, &BASE.text.official_nouns);
    for (pi, p) in file.parties.iter().enumerate() {
        if p.id == OTHER_PARTY || !p.members.is_empty() {
            continue;
        }
        let speaker = p.unnamed.clone().unwrap_or_else(|| {
            let side = p.adjectives.first().unwrap_or(&parties[pi].label);
            format!("unnamed {side} official")
        });
        let words = p
            .adjectives
            .iter()
            .chain(p.aliases.iter().filter(|a| !a.trim().contains(' ')));
        for w in words {
            for n in &nouns {
                let phrase = format!("{} {}", w.trim(), n.trim());
                if table.index.contains_key(&phrase.to_lowercase()) {
                    continue;
                }
                table.add(&phrase, Meaning::Source(sources.len()));
                sources.push(Source {
                    speaker: speaker.clone(),
                    party: pi,
                    noun: source_noun(n),
                });
            }
        }
    }
}

/// Every form of every inventory lemma, with its meanings: a reporting verb
/// introduces speech (its participle only attributes a quotation, like
/// "saying"); an attitude predicate is an attitude cue and ascribes a
/// position to its subject; nominalisations report their possessor's.
/// Every form of `lemma` when it is an attitude lemma of the built-in
/// inventory ("oppose": opposes, opposed, opposing), else nothing.
fn inventory_forms(lemma: &str) -> Vec<String> {
    inventory::embedded()
        .attitude
        .iter()
        .filter(|e| e.lemma == lemma)
        .flat_map(|e| inventory::forms(&e.lemma, e.forms.as_deref()))
        .map(|f| f.text)
        .collect()
}

fn add_inventory(table: &mut TermTable, inv: &inventory::InventoryFile, not: &HashSet<String>) {
    for e in &inv.speech {
        for f in inventory::forms(&e.lemma, e.forms.as_deref()) {
            let m = if e.quote_only || f.participle {
                Meaning::QuoteVerb
            } else {
                Meaning::SpeechVerb
            };
            table.add(&f.text, m);
        }
        for n in &e.nouns {
            table.add(n, Meaning::SpeechNoun);
            table.add(&inventory::plural(n), Meaning::SpeechNoun);
        }
    }
    for e in &inv.attitude {
        let Some(att) = e.attitude() else { continue };
        if not.contains(&e.lemma) {
            continue;
        }
        for f in inventory::forms(&e.lemma, e.forms.as_deref()) {
            table.add(&f.text, Meaning::Attitude(att));
            table.add(&f.text, Meaning::PositionVerb);
            if e.speech && !f.participle {
                table.add(&f.text, Meaning::SpeechVerb);
            }
        }
        for n in &e.nouns {
            for t in [n.clone(), inventory::plural(n)] {
                table.add(&t, Meaning::Attitude(att));
                table.add(&t, Meaning::SpeechNoun);
            }
        }
    }
}

fn compile(file: LexiconFile, path: &str) -> Result<Lexicon, LexiconError> {
    let conflicts = alias_conflicts(&file);
    let problems = validate(&file);
    if !problems.is_empty() {
        return Err(LexiconError::Invalid {
            path: path.to_string(),
            problems,
        });
    }
    let mut parties: Vec<Party> = file
        .parties
        .iter()
        .map(|p| Party {
            id: p.id.clone(),
            label: if p.label.is_empty() {
                p.id.clone()
            } else {
                p.label.clone()
            },
            color: p.color.clone(),
            members: Vec::new(),
        })
        .collect();
    for (i, p) in file.parties.iter().enumerate() {
        parties[i].members = p
            .members
            .iter()
            .filter_map(|m| file.parties.iter().position(|q| &q.id == m))
            .collect();
    }
    let other_party = match parties.iter().position(|p| p.id == OTHER_PARTY) {
        Some(i) => i,
        None => {
            parties.push(Party {
                id: OTHER_PARTY.into(),
                label: "Other".into(),
                color: "#7f7f7f".into(),
                members: Vec::new(),
            });
            parties.len() - 1
        }
    };
    let pidx = |id: &str| {
        parties
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(other_party)
    };

    let mut table = TermTable {
        terms: Vec::new(),
        index: HashMap::new(),
    };
    for (i, p) in file.parties.iter().enumerate() {
        for a in &p.aliases {
            table.add(a, Meaning::Party(i));
        }
        for a in &p.adjectives {
            table.add(a, Meaning::PartyAdjective(i));
        }
        for b in &p.bodies {
            table.add(b, Meaning::Party(i));
            table.add(b, Meaning::PartyBody(i));
        }
    }
    let mut actors = Vec::new();
    let mut actor_by_alias = FxHashMap::default();
    let mut two_word_names = Vec::new();
    for (i, a) in file.actors.iter().enumerate() {
        let day = |s: &str| s.trim().parse::<jiff::civil::Date>().ok();
        actors.push(Actor {
            name: a.name.clone(),
            party: pidx(&a.party),
            pronoun: parse_pronoun(&a.pronoun).unwrap_or(Pronoun::He),
            dated_roles: a
                .roles
                .iter()
                .filter_map(|r| match r {
                    ActorRole::Dated { role, from, until } => {
                        Some((fold_apostrophes(role).to_lowercase(), day(from), day(until)))
                    }
                    ActorRole::Always(_) => None,
                })
                .collect(),
        });
        table.add(&a.name, Meaning::Actor(i));
        actor_by_alias.insert(a.name.to_lowercase(), i);
        if let [first, surname] = a.name.split_whitespace().collect::<Vec<_>>()[..] {
            two_word_names.push((first.to_lowercase(), surname.to_lowercase(), i));
        }
        if let Some(last) = a.name.split_whitespace().last() {
            actor_by_alias.entry(last.to_lowercase()).or_insert(i);
        }
        for al in &a.aliases {
            table.add(al, Meaning::Actor(i));
            actor_by_alias.insert(al.to_lowercase(), i);
        }
        for r in &a.roles {
            table.add(r.phrase(), Meaning::Role(i));
        }
    }
    let mut sources = Vec::new();
    for (i, s) in file.sources.iter().enumerate() {
        sources.push(Source {
            speaker: s.speaker.clone(),
            party: pidx(&s.party),
            noun: source_noun(&s.phrase),
        });
        table.add(&s.phrase, Meaning::Source(i));
    }
    let written_sources = sources.len();
    add_unnamed_officials(&mut table, &mut sources, &file, &parties);
    let mut roles = Vec::new();
    for (i, r) in file.roles.iter().enumerate() {
        roles.push(GenericRole {
            phrase: r.phrase.clone(),
            party: pidx(&r.party),
        });
        table.add(&r.phrase, Meaning::GenericRole(i));
        // "the Kremlin aide" must not read as "the Kremlin" + "aide".
        if !r.phrase.to_lowercase().starts_with("the ") {
            table.add(&format!("the {}", r.phrase), Meaning::GenericRole(i));
        }
    }
    for m in &file.media {
        table.add(m, Meaning::Media);
    }
    for (p, pr) in PRONOUNS {
        table.add(p, Meaning::Pronoun(*pr));
    }
    let sp = &file.speech;
    for v in list_or(&sp.verbs, &BASE.speech.verbs) {
        table.add(&v, Meaning::SpeechVerb);
    }
    for v in list_or(&sp.nouns, &BASE.speech.nouns) {
        table.add(&v, Meaning::SpeechNoun);
    }
    for v in list_or(&sp.quote_verbs, &BASE.speech.quote_verbs) {
        table.add(&v, Meaning::QuoteVerb);
    }
    for v in list_or(&sp.position_verbs, &BASE.speech.position_verbs) {
        table.add(&v, Meaning::PositionVerb);
    }
    for v in list_or(&sp.source_first, &BASE.speech.source_first) {
        table.add(&v, Meaning::SourceFirst);
    }
    for v in list_or(&sp.audiences, &BASE.speech.audiences) {
        table.add(&v, Meaning::Audience);
    }
    let st = &file.stance;
    let not_attitudes: HashSet<String> = list_or(&st.not_attitudes, &BASE.stance.not_attitudes)
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    if sp.inventory.unwrap_or(true) {
        add_inventory(&mut table, inventory::embedded(), &not_attitudes);
    }
    // The English base's words add to the inventory (its first meaning,
    // the inventory's, wins); a lexicon's own word under a polarity
    // overrides both ("oppose" under `reject` reads -2 where the inventory
    // says -1), and a lemma the inventory knows takes every form with it.
    let polarities = [
        (&st.support, &BASE.stance.support, Attitude::Support),
        (&st.open, &BASE.stance.open, Attitude::Open),
        (&st.oppose, &BASE.stance.oppose, Attitude::Oppose),
        (&st.reject, &BASE.stance.reject, Attitude::Reject),
    ];
    for own_pass in [false, true] {
        for (list, def, att) in &polarities {
            for v in list_or(list, def) {
                let lower = v.to_lowercase();
                let in_base = def.iter().flatten().any(|b| b.eq_ignore_ascii_case(&lower));
                if not_attitudes.contains(&lower) || in_base == own_pass {
                    continue;
                }
                if !own_pass {
                    table.add(&v, Meaning::Attitude(*att));
                    continue;
                }
                for form in inventory_forms(&lower) {
                    table.set_attitude(&form, *att);
                }
                table.set_attitude(&v, *att);
            }
        }
    }
    for v in list_or(&st.negators, &BASE.stance.negators) {
        table.add(&v, Meaning::Negator);
    }
    for v in list_or(&st.conditions, &BASE.stance.conditions) {
        table.add(&v, Meaning::Condition);
    }
    for v in list_or(&st.anaphors, &BASE.stance.anaphors) {
        table.add(&v, Meaning::Anaphor);
    }
    for v in list_or(&file.text.idioms, &BASE.text.idioms) {
        table.add(&v, Meaning::Idiom);
    }
    for lemma in list_or(&st.content_verbs, &BASE.stance.content_verbs) {
        for f in inventory::forms(&lemma, None) {
            if f.participle {
                continue;
            }
            table.add(&f.text, Meaning::Attitude(Attitude::Support));
            table.add(&f.text, Meaning::PositionVerb);
            table.add(&f.text, Meaning::ContentVerb);
        }
    }
    let mut issues = Vec::new();
    let listed = listed_issue_phrases(&file);
    for (i, is) in file.issues.iter().enumerate() {
        issues.push(Issue {
            id: is.id.clone(),
            label: if is.label.is_empty() {
                is.id.clone()
            } else {
                is.label.clone()
            },
            proposition: is.proposition.clone(),
        });
        for k in with_plurals(&is.keywords, &listed) {
            table.add(
                &k,
                Meaning::IssueTerm {
                    issue: i,
                    direction: 0,
                },
            );
        }
        for k in with_plurals(&is.toward, &listed) {
            table.add(
                &k,
                Meaning::IssueTerm {
                    issue: i,
                    direction: 1,
                },
            );
        }
        for k in with_plurals(&is.away, &listed) {
            table.add(
                &k,
                Meaning::IssueTerm {
                    issue: i,
                    direction: -1,
                },
            );
        }
        if is.evaluations {
            let ev = &file.evaluation;
            let base = &BASE.evaluation;
            let polar = [
                (&ev.support, &base.support, Attitude::Support.value()),
                (&ev.open, &base.open, Attitude::Open.value()),
                (&ev.oppose, &base.oppose, Attitude::Oppose.value()),
                (&ev.reject, &base.reject, Attitude::Reject.value()),
            ];
            // A word the file itself gives a polarity keeps it: a lexicon
            // written before the `mixed` list ("difficult" under `oppose`)
            // reads as it did.
            let own: FxHashSet<String> = polar
                .iter()
                .filter_map(|(list, _, _)| list.as_ref())
                .flatten()
                .map(|w| w.to_lowercase())
                .collect();
            let mixed: Vec<String> = list_or(&ev.mixed, &base.mixed)
                .into_iter()
                .filter(|w| ev.mixed.is_some() || !own.contains(&w.to_lowercase()))
                .collect();
            let lists = polar
                .iter()
                .map(|(list, def, value)| (list_or(list, def), *value))
                .chain(std::iter::once((mixed, 0)));
            for (words, value) in lists {
                for v in words {
                    table.add(
                        &v,
                        Meaning::Evaluation {
                            issue: i,
                            stance: value,
                        },
                    );
                }
            }
        }
        for c in &is.claims {
            table.add(
                &c.term,
                Meaning::Claim {
                    issue: i,
                    stance: c.stance,
                },
            );
        }
    }
    // A cue phrase also carries the meanings of the cues inside it
    // ("continues to insist" is also "insist"). Names are not cue phrases:
    // "the United States" does not contain the verb "states".
    let is_cue = |m: &Meaning| {
        matches!(
            m,
            Meaning::SpeechVerb
                | Meaning::SpeechNoun
                | Meaning::QuoteVerb
                | Meaning::PositionVerb
                | Meaning::SourceFirst
                | Meaning::Attitude(_)
                | Meaning::Negator
                | Meaning::Condition
                | Meaning::Anaphor
        )
    };
    for i in 0..table.terms.len() {
        if !table.terms[i].meanings.iter().all(is_cue) {
            continue;
        }
        let words: Vec<String> = table.terms[i]
            .text
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let mut parts = Vec::new();
        for len in 1..words.len() {
            for start in 0..=words.len() - len {
                if let Some(&j) = table.index.get(&words[start..start + len].join(" ")) {
                    for m in table.terms[j].meanings.iter().filter(|m| is_cue(m)) {
                        if !parts.contains(m) && !table.terms[i].meanings.contains(m) {
                            parts.push(*m);
                        }
                    }
                }
            }
        }
        table.terms[i].part_meanings = parts;
    }
    for i in 0..table.terms.len() {
        if let Some((a, len)) = lead_attitude(&table, i) {
            let t = &mut table.terms[i];
            t.lead_attitude = Some(a);
            t.lead_len = len;
            // (Not one word listed both ways: "a ratification bonus" is a noun.)
            t.lead_cue = t.text.contains(' ');
        }
        table.terms[i].cue = table.terms[i].cue_meaning();
    }
    let set = |given: &Option<Vec<String>>, base: &Option<Vec<String>>| -> FxHashSet<String> {
        list_or(given, base).into_iter().collect()
    };
    // A side's adjectives ("Iranian", "Ukrainian") never start a person's
    // name: derived from the lexicon, so the English base needs none.
    let mut not_names = set(&file.text.not_names, &BASE.text.not_names);
    for p in &file.parties {
        for a in &p.adjectives {
            let a = a.trim();
            if a.split_whitespace().count() == 1
                && a.chars().next().is_some_and(|c| c.is_uppercase())
                && !a.contains(['\'', '\u{2019}', '.'])
                && a.chars().any(|c| c.is_lowercase())
            {
                not_names.insert(a.to_string());
            }
        }
    }
    let titles = set(&file.text.titles, &BASE.text.titles);
    not_names.extend(titles.iter().cloned());
    let bodies = lower_set(&file.text.bodies, &BASE.text.bodies);
    let office_nouns = lower_set(&file.text.office_nouns, &BASE.text.office_nouns);
    let body_finder = body_finder(&bodies, &office_nouns).map_err(|e| LexiconError::Invalid {
        path: path.to_string(),
        problems: vec![format!("cannot compile the body and office nouns: {e}")],
    })?;
    let words = Words {
        not_names,
        titles,
        media_heads: set(&file.text.media_heads, &BASE.text.media_heads),
        media_kinds: set(&file.text.media_kinds, &BASE.text.media_kinds),
        honorifics: set(&file.text.honorifics, &BASE.text.honorifics),
        honorifics_she: set(&file.text.honorifics_she, &BASE.text.honorifics_she),
        time_words: set(&file.text.time_words, &BASE.text.time_words),
        subordinators: set(&file.text.subordinators, &BASE.text.subordinators),
        hypotheticals: lower_set(&file.text.hypotheticals, &BASE.text.hypotheticals),
        predictions: lower_set(&file.text.predictions, &BASE.text.predictions),
        documents: lower_set(&file.text.documents, &BASE.text.documents),
        thing_heads: lower_set(&file.text.thing_heads, &BASE.text.thing_heads),
        governments: lower_set(&file.text.governments, &BASE.text.governments),
        authorship: list_or(&file.text.authorship, &BASE.text.authorship)
            .iter()
            .flat_map(|l| inventory::forms(&l.to_lowercase(), None))
            .map(|f| f.text)
            .collect(),
        summaries: lower_set(&file.text.summaries, &BASE.text.summaries),
        statements: lower_set(&file.text.statements, &BASE.text.statements),
        prepositions: set(&file.text.prepositions, &BASE.text.prepositions),
        venues: lower_set(&file.text.venues, &BASE.text.venues),
        bodies,
        office_nouns,
        body_finder,
    };
    let abbreviations = list_or(&file.text.abbreviations, &BASE.text.abbreviations)
        .into_iter()
        .collect();
    // A contiguous NFA: with thousands of inflected forms a full DFA is
    // larger than the cache and measured slower.
    let automaton = aho_corasick::nfa::contiguous::Builder::new()
        .prefilter(false)
        .match_kind(MatchKind::LeftmostLongest)
        .build(table.terms.iter().map(|t| t.text.to_ascii_lowercase()))
        .map_err(|e| LexiconError::Invalid {
            path: path.to_string(),
            problems: vec![format!("cannot compile terms: {e}")],
        })?;
    let term_starts = term_start_bytes(&table.terms);
    let verb_like = table
        .terms
        .iter()
        .map(|t| {
            t.meanings
                .iter()
                .chain(&t.part_meanings)
                .any(is_verb_meaning)
        })
        .collect();
    let irregular_past = if sp.inventory.unwrap_or(true) {
        inventory::irregular_pasts(inventory::embedded())
            .into_iter()
            .collect()
    } else {
        FxHashSet::default()
    };
    Ok(Lexicon {
        conflicts,
        irregular_past,
        name: file.name,
        description: file.description,
        parties,
        actors,
        sources,
        written_sources,
        roles,
        issues,
        terms: table.terms,
        abbreviations,
        words,
        deontic: lower_set(&file.stance.deontic, &BASE.stance.deontic),
        outcomes: lower_set(&file.stance.outcomes, &BASE.stance.outcomes),
        failures: list_or(&file.stance.failures, &BASE.stance.failures)
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect(),
        losses: lower_set(&file.stance.losses, &BASE.stance.losses),
        controls: lower_set(&file.stance.controls, &BASE.stance.controls),
        agenda: lower_set(&file.stance.agenda, &BASE.stance.agenda),
        meetings: lower_set(&file.stance.meetings, &BASE.stance.meetings),
        examples: file.examples,
        term_starts,
        verb_like,
        automaton,
        actor_by_alias,
        two_word_names,
        other_party,
    })
}

impl Lexicon {
    /// Does one of the `failures` ("failed to", "without") end the text
    /// right before `pos`, as a whole word? Then the cue at `pos` reports
    /// something that did not happen.
    pub fn failure_before(&self, text: &str, pos: usize) -> bool {
        let before = text[..pos].trim_end();
        let mut start = before.len().saturating_sub(40);
        while !before.is_char_boundary(start) {
            start += 1;
        }
        let lower = before[start..].to_lowercase();
        self.failures.iter().any(|f| {
            lower.ends_with(f.as_str())
                && lower[..lower.len() - f.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }
}

/// Every problem in a lexicon file, each as a sentence that says what to fix.
pub fn validate(file: &LexiconFile) -> Vec<String> {
    let mut problems = Vec::new();
    let mut party_ids = HashSet::new();
    if file.parties.is_empty() {
        problems.push("no [[parties]]: define at least two sides".to_string());
    }
    for p in &file.parties {
        if !is_id(&p.id) {
            problems.push(format!(
                "party id {:?} must be lowercase letters, digits and '_'",
                p.id
            ));
        }
        if !party_ids.insert(p.id.as_str()) {
            problems.push(format!("duplicate party id {:?}", p.id));
        }
        if !p.color.is_empty() && parse_hex_color(&p.color).is_none() {
            problems.push(format!(
                "party {:?}: color {:?} is not #rrggbb",
                p.id, p.color
            ));
        }
    }
    let known_party = |id: &str| party_ids.contains(id) || id == OTHER_PARTY;
    for p in &file.parties {
        if p.members.is_empty() {
            continue;
        }
        if p.id == OTHER_PARTY {
            problems.push("party \"other\" cannot have members".to_string());
        }
        if p.members.len() < 2 {
            problems.push(format!(
                "party {:?}: a joint party needs at least two members (has {})",
                p.id,
                p.members.len()
            ));
        }
        let mut seen = HashSet::new();
        for m in &p.members {
            if m == &p.id {
                problems.push(format!("party {:?} lists itself as a member", p.id));
            } else if !party_ids.contains(m.as_str()) || m == OTHER_PARTY {
                problems.push(format!(
                    "party {:?}: member {:?} is not a party of this lexicon{}",
                    p.id,
                    m,
                    suggest(m, file.parties.iter().map(|q| q.id.as_str()))
                ));
            } else if file
                .parties
                .iter()
                .any(|q| &q.id == m && !q.members.is_empty())
            {
                problems.push(format!(
                    "party {:?}: member {:?} is itself a joint party; list its members instead",
                    p.id, m
                ));
            }
            if !seen.insert(m.as_str()) {
                problems.push(format!("party {:?}: member {:?} listed twice", p.id, m));
            }
        }
    }
    problems.extend(size_problems(file));
    let mut actor_names = HashSet::new();
    for a in &file.actors {
        if !known_party(&a.party) {
            problems.push(format!(
                "actor {:?}: unknown party id {:?} (known: {})",
                a.name,
                a.party,
                party_ids.iter().copied().collect::<Vec<_>>().join(", ")
            ));
        }
        if !actor_names.insert(a.name.as_str()) {
            problems.push(format!("duplicate actor {:?}", a.name));
        }
        if parse_pronoun(&a.pronoun).is_none() {
            problems.push(format!(
                "actor {:?}: pronoun {:?} must be he, she or they",
                a.name, a.pronoun
            ));
        }
        for r in &a.roles {
            if let ActorRole::Dated { role, from, until } = r {
                for (field, v) in [("from", from), ("until", until)] {
                    if !v.trim().is_empty() && v.trim().parse::<jiff::civil::Date>().is_err() {
                        problems.push(format!(
                            "actor {:?}: role {role:?}: {field} = {v:?} is not a date (YYYY-MM-DD)",
                            a.name
                        ));
                    }
                }
            }
        }
    }
    for r in &file.roles {
        if !known_party(&r.party) {
            problems.push(format!(
                "role {:?}: unknown party id {:?}",
                r.phrase, r.party
            ));
        }
    }
    for s in &file.sources {
        if !known_party(&s.party) {
            problems.push(format!(
                "source {:?}: unknown party id {:?}",
                s.phrase, s.party
            ));
        }
    }
    let mut issue_ids = HashSet::new();
    if file.issues.is_empty() {
        problems.push("no [[issues]]: define at least one issue".to_string());
    }
    for i in &file.issues {
        if !is_id(&i.id) {
            problems.push(format!(
                "issue id {:?} must be lowercase letters, digits and '_'",
                i.id
            ));
        }
        if !issue_ids.insert(i.id.as_str()) {
            problems.push(format!("duplicate issue id {:?}", i.id));
        }
        if i.keywords.is_empty() && i.toward.is_empty() && i.away.is_empty() && i.claims.is_empty()
        {
            problems.push(format!(
                "issue {:?} has no cues: add keywords, toward, away or claims",
                i.id
            ));
        }
        if i.proposition.is_empty() {
            problems.push(format!(
                "issue {:?} has no proposition: say what a stance of +2 supports",
                i.id
            ));
        }
        for c in &i.claims {
            if !(-2..=2).contains(&c.stance) {
                problems.push(format!(
                    "issue {:?}: claim {:?} has stance {} outside -2..2",
                    i.id, c.term, c.stance
                ));
            }
        }
    }
    problems.extend(phrases_in_word_lists(&file.text));
    for (n, ex) in file.examples.iter().enumerate() {
        if let Some(k) = &ex.kind
            && !EXAMPLE_KINDS.contains(&k.as_str())
        {
            problems.push(format!(
                "example {}: kind {:?} must be one of {}{}",
                n + 1,
                k,
                EXAMPLE_KINDS.join(", "),
                suggest(k, EXAMPLE_KINDS.iter().copied())
            ));
        }
        if let Some(p) = &ex.party
            && !known_party(p)
        {
            problems.push(format!("example {}: unknown party id {:?}", n + 1, p));
        }
        for s in &ex.stances {
            match s.split_once('=') {
                Some((issue, v))
                    if issue_ids.contains(issue.trim())
                        && v.trim().parse::<i8>().is_ok_and(|v| (-2..=2).contains(&v)) => {}
                _ => problems.push(format!(
                    "example {}: stance {:?} must be issue=value with a known issue and -2..2",
                    n + 1,
                    s
                )),
            }
        }
    }
    problems
}

/// `[text]` lists that are compared word by word: a phrase there would
/// never match, so it is an error rather than a silent no-op.
fn phrases_in_word_lists(text: &TextDef) -> Vec<String> {
    let lists = [
        ("not_names", &text.not_names),
        ("titles", &text.titles),
        ("honorifics", &text.honorifics),
        ("honorifics_she", &text.honorifics_she),
        ("office_nouns", &text.office_nouns),
        ("statements", &text.statements),
    ];
    let mut problems = Vec::new();
    for (name, list) in lists {
        for w in list.iter().flatten() {
            if w.trim().contains(char::is_whitespace) {
                problems.push(format!(
                    "[text] {name}: {w:?} is a phrase, but {name} are single words \
                     (list each word, or give the phrase as a party alias, actor role or source)"
                ));
            }
        }
    }
    problems
}

/// The statement kinds an example may expect.
pub const EXAMPLE_KINDS: &[&str] = &["direct", "partial", "indirect", "reported"];

/// At most this many bytes in one term: a term is a word or a phrase.
pub const MAX_TERM_BYTES: usize = 500;
/// At most this many entries in one list of a lexicon (actors, aliases of
/// all parties, keywords of all issues, ...): lexicons are written by hand.
pub const MAX_ENTRIES: usize = 20_000;

/// Terms longer than [`MAX_TERM_BYTES`] and lists longer than
/// [`MAX_ENTRIES`]: both are signs of a generated or corrupted file, and
/// both cost time and memory in the matcher.
fn size_problems(file: &LexiconFile) -> Vec<String> {
    let mut problems = Vec::new();
    let counts = [
        ("parties", file.parties.len()),
        ("actors", file.actors.len()),
        ("sources", file.sources.len()),
        ("roles", file.roles.len()),
        ("issues", file.issues.len()),
        ("examples", file.examples.len()),
        ("media", file.media.len()),
        (
            "party aliases and adjectives",
            file.parties
                .iter()
                .map(|p| p.aliases.len() + p.adjectives.len())
                .sum(),
        ),
        (
            "actor aliases and roles",
            file.actors
                .iter()
                .map(|a| a.aliases.len() + a.roles.len())
                .sum(),
        ),
        (
            "issue keywords, toward, away and claims",
            file.issues
                .iter()
                .map(|i| i.keywords.len() + i.toward.len() + i.away.len() + i.claims.len())
                .sum(),
        ),
    ];
    for (what, n) in counts {
        if n > MAX_ENTRIES {
            problems.push(format!(
                "{n} {what}: at most {MAX_ENTRIES} are supported (a lexicon is written by hand; split the corpus or merge entries)"
            ));
        }
    }
    let lists = [
        &file.speech.verbs,
        &file.speech.position_verbs,
        &file.speech.quote_verbs,
        &file.speech.nouns,
        &file.speech.source_first,
        &file.speech.audiences,
        &file.stance.support,
        &file.stance.open,
        &file.stance.oppose,
        &file.stance.reject,
        &file.stance.negators,
        &file.stance.deontic,
        &file.stance.conditions,
        &file.stance.anaphors,
        &file.stance.outcomes,
        &file.stance.failures,
        &file.stance.losses,
        &file.stance.controls,
        &file.stance.agenda,
        &file.stance.meetings,
        &file.stance.not_attitudes,
        &file.evaluation.support,
        &file.evaluation.open,
        &file.evaluation.mixed,
        &file.evaluation.oppose,
        &file.evaluation.reject,
        &file.text.abbreviations,
        &file.text.not_names,
        &file.text.titles,
        &file.text.media_heads,
        &file.text.media_kinds,
        &file.text.time_words,
        &file.text.subordinators,
        &file.text.hypotheticals,
        &file.text.predictions,
        &file.text.documents,
        &file.text.authorship,
        &file.text.thing_heads,
        &file.text.governments,
        &file.text.summaries,
        &file.text.statements,
        &file.text.official_nouns,
        &file.text.prepositions,
        &file.text.venues,
        &file.text.idioms,
        &file.text.bodies,
        &file.text.office_nouns,
        &file.text.honorifics,
        &file.text.honorifics_she,
    ];
    let cue_count: usize = lists
        .iter()
        .map(|l| l.as_ref().map_or(0, |v| v.len()))
        .sum();
    if cue_count > MAX_ENTRIES {
        problems.push(format!(
            "{cue_count} cue and word list entries: at most {MAX_ENTRIES} are supported"
        ));
    }
    let mut long = 0;
    let mut check = |where_: &str, t: &str| {
        if t.len() > MAX_TERM_BYTES {
            long += 1;
            if long <= 5 {
                let mut cut = 40;
                while !t.is_char_boundary(cut) {
                    cut -= 1;
                }
                problems.push(format!(
                    "{where_}: term {:?}… is {} bytes long (at most {MAX_TERM_BYTES}): a term is a word or a phrase",
                    &t[..cut],
                    t.len()
                ));
            }
        }
    };
    for p in &file.parties {
        for t in p.aliases.iter().chain(&p.adjectives) {
            check(&format!("party {:?}", p.id), t);
        }
    }
    for a in &file.actors {
        for t in std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .chain(a.roles.iter().map(ActorRole::phrase))
        {
            check("actor", t);
        }
    }
    for s in &file.sources {
        check("source", &s.phrase);
    }
    for r in &file.roles {
        check("role", &r.phrase);
    }
    for m in &file.media {
        check("media", m);
    }
    for i in &file.issues {
        let claims = i.claims.iter().map(|c| &c.term);
        for t in i
            .keywords
            .iter()
            .chain(&i.toward)
            .chain(&i.away)
            .chain(claims)
        {
            check(&format!("issue {:?}", i.id), t);
        }
    }
    for l in lists.into_iter().flatten() {
        for t in l {
            check("cue list", t);
        }
    }
    if long > 5 {
        problems.push(format!("{} more terms too long", long - 5));
    }
    problems
}

/// An alias (or name) that two parties, or two actors, claim: the text
/// cannot say which one it means. A party's alias that is also one of its
/// own adjectives, or an actor's own surname twice, is fine.
pub fn alias_conflicts(file: &LexiconFile) -> Vec<String> {
    let mut problems = Vec::new();
    let mut party_owner: HashMap<String, &str> = HashMap::new();
    for p in &file.parties {
        for a in &p.aliases {
            let key = fold_apostrophes(a.trim()).to_lowercase();
            if key.is_empty() {
                continue;
            }
            match party_owner.get(&key) {
                Some(&other) if other != p.id => problems.push(format!(
                    "alias {:?} is claimed by party {:?} and party {:?}: keep it in one (a joint party lists its members instead)",
                    a.trim(),
                    other,
                    p.id
                )),
                Some(_) => {}
                None => {
                    party_owner.insert(key, &p.id);
                }
            }
        }
    }
    let mut actor_owner: HashMap<String, &str> = HashMap::new();
    for a in &file.actors {
        let mut own = HashSet::new();
        for al in std::iter::once(&a.name).chain(&a.aliases) {
            let key = fold_apostrophes(al.trim()).to_lowercase();
            if key.is_empty() || !own.insert(key.clone()) {
                continue;
            }
            // "Smith" as an actor of one side and an alias of another side.
            if let Some(&side) = party_owner.get(&key)
                && side != a.party
            {
                problems.push(format!(
                    "alias {:?} is claimed by party {:?} and by actor {:?} of party {:?}: keep it in one",
                    al.trim(),
                    side,
                    a.name,
                    a.party
                ));
            }
            match actor_owner.get(&key) {
                Some(&other) if other != a.name => problems.push(format!(
                    "alias {:?} is claimed by actor {:?} and actor {:?}: keep it in one (write the full name for the other)",
                    al.trim(),
                    other,
                    a.name
                )),
                Some(_) => {}
                None => {
                    actor_owner.insert(key, &a.name);
                }
            }
        }
    }
    problems
}

/// " (did you mean \"x\"?)" for the closest of `candidates` to `word`, or "".
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let w = word.to_lowercase();
    let best = candidates
        .map(|c| (edit_distance(&w, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, c)) => format!(" (did you mean {c:?}?)"),
        None => String::new(),
    }
}

/// Levenshtein distance on chars; inputs are short (field names, ids), and
/// anything past 64 chars is not compared.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parse "#rrggbb".
pub fn parse_hex_color(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_spelt_one_letter_apart_is_the_same_person() {
        let lex = Lexicon::default_lexicon();
        let name = |n: &str| {
            lex.actor_by_spelling(n)
                .map(|i| lex.actors[i].name.as_str())
        };
        assert_eq!(name("Rustem Umyerov"), Some("Rustem Umerov"));
        assert_eq!(name("Andriy Yermack"), Some("Andriy Yermak"));
        // Another first name, a short surname, two letters apart: nobody.
        assert_eq!(name("Pavel Umyerov"), None);
        assert_eq!(name("Vladimir Putn"), None);
        assert_eq!(name("Andrii Sibiga"), None);
        assert!(one_edit_apart("umerov", "umyerov"));
        assert!(one_edit_apart("yermak", "iermak"));
        assert!(!one_edit_apart("sybiha", "sibiga"));
    }

    /// The English base holds only English: no party, person or place of
    /// the default Russia-Ukraine lexicon.
    #[test]
    fn english_base_is_neutral() {
        let file: LexiconFile = toml::from_str(DEFAULT_LEXICON).unwrap();
        let mut names: Vec<String> = Vec::new();
        for p in &file.parties {
            names.extend(p.aliases.iter().cloned());
            names.extend(p.adjectives.iter().cloned());
        }
        for a in &file.actors {
            names.push(a.name.clone());
            names.extend(a.aliases.iter().cloned());
        }
        names.extend(
            [
                "Geneva", "Abu", "Dhabi", "Saudi", "Riyadh", "Istanbul", "Donbas",
            ]
            .map(String::from),
        );
        let base: toml::Value = toml::from_str(ENGLISH_CUES).unwrap();
        let mut words = Vec::new();
        fn collect(v: &toml::Value, out: &mut Vec<String>) {
            match v {
                toml::Value::String(s) => out.push(s.clone()),
                toml::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
                toml::Value::Table(t) => t.values().for_each(|x| collect(x, out)),
                _ => {}
            }
        }
        collect(&base, &mut words);
        // Generic words that a side may also use as an alias are fine.
        let generic = [
            "US", "U.S.", "American", "European", "EU", "Europe", "NATO", "UK",
        ];
        for n in &names {
            if generic.contains(&n.as_str()) {
                continue;
            }
            for w in &words {
                assert!(
                    !w.split_whitespace().any(|x| x == n) && w != n,
                    "the English base mentions {n:?} (in {w:?}); move it to the lexicon"
                );
            }
        }
    }

    #[test]
    fn joint_parties_expose_their_members() {
        let text = r#"
[[parties]]
id = "us"
aliases = ["Washington"]
[[parties]]
id = "ukraine"
aliases = ["Kyiv"]
[[parties]]
id = "us_ukraine"
members = ["us", "ukraine"]
aliases = ["the US-Ukrainian delegation"]
[[issues]]
id = "t"
proposition = "p"
keywords = ["plan"]
"#;
        let lex = Lexicon::from_toml(text, "t.toml").unwrap();
        let j = lex.party_index("us_ukraine").unwrap();
        let us = lex.party_index("us").unwrap();
        assert_eq!(lex.members(j), &[us, lex.party_index("ukraine").unwrap()]);
        assert_eq!(lex.member_ids("us_ukraine"), ["us", "ukraine"]);
        assert!(lex.members(us).is_empty());
        assert!(lex.members(999).is_empty());
        assert_eq!(lex.joint_parties_of(us), vec![j]);
        let bad = text.replace("members = [\"us\", \"ukraine\"]", "members = [\"us\"]");
        let err = Lexicon::from_toml(&bad, "t.toml")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("at least two members"), "{err}");
    }

    /// An issue phrase of several words matches its plural; a single word,
    /// an irregular plural and a plural listed elsewhere do not change.
    #[test]
    fn issue_phrases_match_their_plurals() {
        let text = r#"
[[parties]]
id = "a"
aliases = ["Aland"]
[[parties]]
id = "b"
aliases = ["Bland"]
[[issues]]
id = "truce"
proposition = "p"
keywords = ["humanitarian pause", "plan", "buffer zone"]
toward = ["phone call"]
[[issues]]
id = "land"
proposition = "q"
keywords = ["buffer zones"]
"#;
        let lex = Lexicon::from_toml(text, "t.toml").unwrap();
        let issues_in = |t: &str| -> Vec<(String, i8)> {
            meanings_in(&lex, t)
                .into_iter()
                .filter_map(|m| match m {
                    Meaning::IssueTerm { issue, direction } => {
                        Some((lex.issues[issue].id.clone(), direction))
                    }
                    _ => None,
                })
                .collect()
        };
        assert_eq!(issues_in("two humanitarian pauses"), [("truce".into(), 0)]);
        assert_eq!(issues_in("after phone calls"), [("truce".into(), 1)]);
        // "plans to" is a verb, not the keyword "plan".
        assert!(issues_in("Aland plans to talk").is_empty());
        // Listed under another issue: that issue's phrase.
        assert_eq!(issues_in("new buffer zones"), [("land".into(), 0)]);
    }

    /// Every meaning (with its parts') of every term the lexicon finds in `t`.
    fn meanings_in(lex: &Lexicon, t: &str) -> Vec<Meaning> {
        lex.scan(t)
            .iter()
            .flat_map(|h| lex.meanings_with_parts(h).collect::<Vec<_>>())
            .collect()
    }

    /// A word a lexicon lists under a polarity reads with it, whatever the
    /// built-in inventory says, in every form of the lemma.
    #[test]
    fn listed_attitudes_override_the_inventory() {
        let attitudes = |lex: &Lexicon, t: &str| -> Vec<Attitude> {
            meanings_in(lex, t)
                .into_iter()
                .filter_map(|m| match m {
                    Meaning::Attitude(a) => Some(a),
                    _ => None,
                })
                .collect()
        };
        let base = Lexicon::default_lexicon();
        assert_eq!(attitudes(&base, "they oppose it"), [Attitude::Oppose]);
        let text = r#"
extends = "english"
[[parties]]
id = "a"
aliases = ["Aland"]
[[issues]]
id = "x"
proposition = "p"
keywords = ["truce"]
[stance]
oppose = ["reject"]
reject = ["oppose"]
"#;
        let lex = Lexicon::from_toml(text, "t.toml").unwrap();
        assert_eq!(attitudes(&lex, "they reject it"), [Attitude::Oppose]);
        assert_eq!(attitudes(&lex, "they rejected it"), [Attitude::Oppose]);
        assert_eq!(attitudes(&lex, "they opposed it"), [Attitude::Reject]);
    }

    /// A phrase a user lists as toward or away that opens with a spoken
    /// demand is a position cue of the phrase's direction, whatever the
    /// demand's own polarity; one that opens with an act is not.
    #[test]
    fn a_listed_demand_states_its_phrase_direction() {
        let text = r#"
[[parties]]
id = "gulf"
aliases = ["Saudi Arabia"]
[[issues]]
id = "voting"
proposition = "decisions by majority vote"
keywords = ["majority vote"]
away = ["insisted on unanimity", "authorized a veto"]
"#;
        let lex = Lexicon::from_toml(text, "t.toml").unwrap();
        let lead = |phrase: &str| {
            let h = lex.scan(phrase)[0];
            (lex.term(&h).lead_attitude, lex.term(&h).cue)
        };
        assert_eq!(
            lead("insisted on unanimity"),
            (Some(Attitude::Support), Some(CueMeaning::PositionVerb))
        );
        assert_eq!(lead("authorized a veto").0, None);
    }

    /// A side's adjectives are not names: a new lexicon need not list them
    /// in `not_names`, and the English base carries none.
    #[test]
    fn party_adjectives_are_not_names() {
        let text = r#"
[[parties]]
id = "iran"
aliases = ["Tehran"]
adjectives = ["Iranian", "Iran's", "IRGC"]
[[issues]]
id = "t"
proposition = "p"
keywords = ["plan"]
"#;
        let lex = Lexicon::from_toml(text, "t.toml").unwrap();
        assert!(lex.words.not_names.contains("Iranian"));
        assert!(!lex.words.not_names.contains("Iran's"));
        assert!(!lex.words.not_names.contains("IRGC"));
        let base: TextDef = BASE.text.clone();
        assert!(
            !base
                .not_names
                .unwrap()
                .iter()
                .any(|w| w == "Iranian" || w == "Russian"),
            "the English base has no side's adjective"
        );
        let def = Lexicon::default_lexicon();
        assert!(def.words.not_names.contains("Ukrainian"));
        assert!(def.words.not_names.contains("Russian"));
    }

    #[test]
    fn two_owners_of_one_alias_are_flagged() {
        let text = r#"
[[parties]]
id = "europe"
aliases = ["France", "Europe"]
adjectives = ["Europe"]
[[parties]]
id = "france"
aliases = ["france"]
[[actors]]
name = "Jean Novak"
party = "france"
aliases = ["Novak"]
[[actors]]
name = "Ivan Novak"
party = "europe"
aliases = ["Novak"]
[[issues]]
id = "t"
proposition = "p"
keywords = ["plan"]
"#;
        // Loads (a lexicon that worked yesterday works today), with the clash noted.
        let err = Lexicon::from_toml(text, "t.toml")
            .unwrap()
            .conflicts
            .join("\n");
        assert!(
            err.contains("alias \"france\" is claimed by party \"europe\" and party \"france\""),
            "{err}"
        );
        assert!(
            err.contains(
                "alias \"Novak\" is claimed by actor \"Jean Novak\" and actor \"Ivan Novak\""
            ),
            "{err}"
        );
        assert!(!err.contains("\"Europe\" is claimed"), "{err}");
    }

    #[test]
    fn default_lexicon_compiles() {
        let lex = Lexicon::default_lexicon();
        assert!(lex.party_index("ukraine").is_some());
        assert!(lex.issue_index("territory").is_some());
        assert_eq!(lex.parties[lex.other_party].id, "other");
    }

    /// The scan as it was first written: an anchored leftmost-longest
    /// `AhoCorasick` search at each possible start, searched again over a
    /// span one byte shorter while the match is not a whole word.
    fn scan_by_search(lex: &Lexicon, text: &str) -> Vec<Hit> {
        use aho_corasick::{AhoCorasick, Anchored, Input};
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(lex.terms.iter().map(|t| t.text.as_str()))
            .unwrap();
        let bytes = text.as_bytes();
        let valid = |m: &aho_corasick::Match| {
            let t = &lex.terms[m.pattern().as_usize()];
            is_boundary(bytes, m.start(), m.end())
                && (!t.exact_case || text[m.start()..m.end()] == *t.text)
        };
        let (mut hits, mut at) = (Vec::new(), 0);
        while let Some(p) = (at..bytes.len()).find(|&p| lex.may_start_at(bytes, p)) {
            let mut m = ac.find(Input::new(text).span(p..text.len()).anchored(Anchored::Yes));
            while let Some(x) = m.filter(|x| !valid(x) && x.len() > 1) {
                m = ac.find(
                    Input::new(text)
                        .span(p..x.end() - 1)
                        .anchored(Anchored::Yes),
                );
            }
            match m.filter(valid) {
                Some(x) => {
                    hits.push(Hit {
                        start: x.start(),
                        end: x.end(),
                        term: x.pattern().as_u32(),
                    });
                    at = x.end();
                }
                None => at = p + 1,
            }
        }
        hits
    }

    #[test]
    fn scan_walk_finds_what_a_search_finds() {
        let lex = Lexicon::default_lexicon();
        let mut texts = vec![
            "the UK said; the Ukrainian ministry. Ceasefire deals, a ceasefire deal.".to_string(),
            "Thus the US said it; thus us. Zelenskyy’s aide said. U.S.-led talks".to_string(),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/dev-2026");
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
        for t in &texts {
            assert_eq!(lex.scan(t), scan_by_search(&lex, t));
        }
    }

    #[test]
    fn scan_respects_word_boundaries_and_case() {
        let lex = Lexicon::default_lexicon();
        let text = "Thus the US said it; thus us. Zelenskyy’s aide said.";
        let hits = lex.scan(text);
        let words: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert!(words.contains(&"US"));
        assert!(
            !words.contains(&"us"),
            "lowercase 'us' is not the United States: {words:?}"
        );
        assert!(words.contains(&"Zelenskyy"));
        assert!(!words.contains(&"he"), "'he' inside 'the' is no pronoun");
    }

    #[test]
    fn toml_errors_have_line_and_column() {
        let err = Lexicon::from_toml("name = \"x\"\n[[parties]\nid=1", "t.toml")
            .err()
            .unwrap();
        let msg = err.to_string();
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn validation_names_each_problem() {
        let text = r#"
[[parties]]
id = "a"
[[parties]]
id = "a"
[[actors]]
name = "X"
party = "zz"
[[issues]]
id = "t"
proposition = "p"
"#;
        let err = Lexicon::from_toml(text, "t.toml")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("duplicate party id \"a\""), "{err}");
        assert!(err.contains("unknown party id \"zz\""), "{err}");
        assert!(err.contains("issue \"t\" has no cues"), "{err}");
    }
}
