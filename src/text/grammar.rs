//! Is a verb-like term used as a verb here? The word lists and the test that
//! attribution (speech cues) and stances (attitude cues) share.

use crate::lexicon::{Hit, Lexicon, Meaning};
use std::borrow::Cow;
use std::ops::Range;

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
    if !lex.is_verb_like(h) {
        return true;
    }
    let term = &text[h.start..h.end];
    let first_raw = term.split_whitespace().next().unwrap_or("");
    let first = folded(first_raw);
    let first = first.as_ref();
    // "a so-called “memorandum”", "the much-discussed plan": part of a
    // hyphenated compound.
    if text[..h.start].ends_with('-') {
        return false;
    }
    if first.ends_with("ing") {
        // "the briefing", "their meeting": after an article, a demonstrative
        // or a possessive an -ing form is a noun.
        let prev = text[sentence.start..h.start].split_whitespace().next_back();
        if prev.is_some_and(|w| NOUN_DETERMINERS.contains(&lowercase(w).as_ref())) {
            return false;
        }
        return !ing_as_adjective(text, sentence, h, first);
    }
    if AUXILIARIES.contains(&first) {
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
    let prev_l = lowercase(prev);
    let prev_l = prev_l.as_ref();
    // "further talks" is a noun phrase, "to further halt" a split infinitive.
    let split_infinitive = prev_l == "further"
        && lowercase(text[..h.start].split_whitespace().nth_back(1).unwrap_or("")) == "to";
    if makes_noun(prev_l) && !split_infinitive {
        return false;
    }
    let past = first.ends_with("ed") || lex.irregular_past.contains(first);
    if past && naming_participle(text, sentence, h, first) {
        return false;
    }
    if past {
        // "was rejected", "were discussed": the subject is what was rejected;
        // with an agent ("was rejected by Kyiv") the verb is the agent's
        // (attribution reads such passives on their own).
        return !matches!(
            prev_l,
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        ) || text[h.end..sentence.end].starts_with(" by ");
    }
    base_form_is_verb(text, h, hits, lex, prev, prev_l)
}

/// "a petrochemical industry consortium called the International Council
/// …", "an initiative dubbed …": a participle that names the noun an
/// indefinite article opens is no verb of speech.
fn naming_participle(text: &str, sentence: &Range<usize>, h: &Hit, first: &str) -> bool {
    if !matches!(
        first,
        "called" | "named" | "dubbed" | "nicknamed" | "titled"
    ) {
        return false;
    }
    // "… and called on Russia to …", "called for": a verb with its particle.
    let next = text[h.end..].split_whitespace().next().unwrap_or("");
    if matches!(next, "on" | "for" | "upon" | "off" | "in" | "to" | "back") {
        return false;
    }
    for w in text[sentence.start..h.start]
        .split_whitespace()
        .rev()
        .take(5)
    {
        if matches!(w, "a" | "an") {
            return true;
        }
        let noun_like = w.chars().all(|c| c.is_lowercase() || c == '-')
            && !AUXILIARIES.contains(&w)
            && !matches!(w, "and" | "or" | "but" | "then")
            && !w.ends_with("ly");
        if !noun_like {
            return false;
        }
    }
    false
}

/// "described the talks as challenging but productive": an -ing form right
/// after "as" is an adjective, unless it reports speech ("quoted as saying",
/// "as telling", or with its content following: "as warning that …").
fn ing_as_adjective(text: &str, sentence: &Range<usize>, h: &Hit, first: &str) -> bool {
    let after_as = text[sentence.start..h.start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("as"));
    if !after_as || matches!(first, "saying" | "telling") {
        return false;
    }
    let rest = text[h.end..sentence.end].trim_start();
    !(rest.starts_with("that ")
        || rest.starts_with([':', '“', '"', '‘'])
        || rest.starts_with("it "))
}

// Both foldings below borrow a word that is already folded (lowercase
// ASCII, most words of a text): this test runs on every verb-like cue, and
// a new string for each word was a measurable share of the run.

/// A cue's word in ASCII lowercase with a straight apostrophe ("Won’t" ->
/// "won't").
fn folded(word: &str) -> Cow<'_, str> {
    if !word.contains('’') && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .map(|c| match c {
                '’' => '\'',
                c => c.to_ascii_lowercase(),
            })
            .collect(),
    )
}

/// A word in lowercase ([`str::to_lowercase`]).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// A base or -s form after the word `prev` (`prev_l` in lowercase): a verb
/// after a subject, an auxiliary, an adverb or a quotation.
fn base_form_is_verb(
    text: &str,
    h: &Hit,
    hits: &[Hit],
    lex: &Lexicon,
    prev: &str,
    prev_l: &str,
) -> bool {
    if prev.is_empty() {
        // Sentence-initial base form: a headline verb after a quotation mark
        // or dash, otherwise a noun ("Talks resumed").
        return false;
    }
    // A base form right after a plain comma opens a noun phrase ("…, hopes
    // for a breakthrough remain slim").
    if prev.ends_with([',', ';']) {
        // "Washington's plan, which was presented to Kyiv, calls for": the
        // comma closes a relative clause, and the verb is the main clause's.
        // "The head of the delegation, Vladimir Medinsky, says": the comma
        // closes an apposition naming the subject.
        return closes_relative_clause(text, h.start)
            || name_then_comma(text, h, hits, lex)
            || inverted_before_name(text, h);
    }
    // "the European text", "a Russian proposal": a capitalised modifier
    // after a determiner makes a noun phrase (a side or name right before
    // was caught above).
    // The word before `prev` ("the" in "the European text").
    let second = lowercase(text[..h.start].split_whitespace().nth_back(1).unwrap_or(""));
    let determined = makes_noun(second.as_ref());
    // "the Berlin talks", "the Geneva meeting": after a determiner and a
    // name, a meeting word is a noun ("the Kremlin says" stays a verb).
    if determined
        && lex.meetings.contains(
            lowercase(text[h.start..h.end].split_whitespace().next().unwrap_or("")).as_ref(),
        )
    {
        return false;
    }
    // "Russia says Ukraine talks “difficult”": a meeting word followed by a
    // quotation is the noun, with the quoted judgment of it (the verb
    // "talks" takes "to", "with" or "about").
    if lex
        .meetings
        .contains(lowercase(text[h.start..h.end].split_whitespace().next().unwrap_or("")).as_ref())
        && text[h.end..]
            .trim_start()
            .starts_with(['“', '"', '‘', '\''])
    {
        return false;
    }
    // "the reduction of US support", "amid Russian demands": a name after a
    // preposition modifies the noun that follows it.
    let after_preposition_name = NOUN_PREPOSITIONS.contains(&second.as_ref());
    if after_preposition_name && prev.starts_with(char::is_uppercase) {
        return false;
    }
    mention_right_before(text, h, hits, lex)
        || (!determined || prev_l.ends_with('s'))
            && (prev.chars().next().is_some_and(|c| c.is_uppercase()))
        || SUBJECT_WORDS.contains(&prev_l)
        || AUXILIARIES.contains(&prev_l)
        || prev_l.ends_with("ly")
        // "to further halt imports", "would also accept": an adverb that
        // splits an infinitive or a verb group.
        || ((is_verb_adverb(prev_l) || matches!(prev_l, "not" | "never"))
            && (second == "to" || AUXILIARIES.contains(&second.as_ref())))
        // After a quotation ("…,” says Novak), not after a plain comma
        // ("…, hopes for a breakthrough remain slim").
        || prev.ends_with(['”', '"', '’', '—', '–'])
        || prev.ends_with(",”")
        || (prev_l.ends_with('s') && !prev_l.ends_with("'s") && !prev_l.ends_with("ss"))
        || lex.words.bodies.contains(prev_l)
        // "the US plan calls for": a document speaks for its owner.
        || lex.words.documents.contains(prev_l)
}

/// "…, says Zelensky." / "…, Says Zelensky" (a headline): after a comma, a
/// verb followed by a capitalised name that ends the sentence is inverted
/// reporting, not a noun.
fn inverted_before_name(text: &str, h: &Hit) -> bool {
    let rest = &text[h.end..];
    let line_end = rest
        .find(['\n', '.', ';', '"', '“', '”'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..line_end].split_whitespace().collect();
    !words.is_empty() && words.len() <= 3 && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Does a person's name end right before the comma before cue `h`, with
/// another comma earlier in the sentence (an apposition it closes)?
fn name_then_comma(text: &str, h: &Hit, hits: &[Hit], lex: &Lexicon) -> bool {
    let i = hits.partition_point(|m| m.start < h.start);
    hits[i.saturating_sub(3)..i].iter().any(|m| {
        m.end <= h.start
            && text[m.end..h.start].trim() == ","
            && text[..m.start].trim_end().ends_with(',')
            && lex
                .term(m)
                .meanings
                .iter()
                .any(|x| matches!(x, Meaning::Actor(_)))
    })
}

/// Does the comma right before `at` close a relative clause opened by
/// ", which" or ", who" (or an aside opened by ", along with") earlier in
/// the text (at most 20 words back)?
fn closes_relative_clause(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end().trim_end_matches(',');
    // (Bounded: `before` is the whole document up to `at`.)
    let Some(open) = super::words::rfind_near_end(before, ", ", 20) else {
        return false;
    };
    let clause = &before[open + 2..];
    let first = clause.split_whitespace().next().unwrap_or("");
    // "The plan, drawn up by Witkoff, includes": a participle opens a
    // reduced relative clause just as "which" does.
    let participle =
        (first.len() > 4 && first.ends_with("ed") && first.starts_with(char::is_lowercase))
            || IRREGULAR_PARTICIPLES.contains(&first);
    // "Saudi Arabia, along with Iran and Kuwait, wants": a comitative
    // aside set off by commas leaves the subject before it.
    let comitative = matches!(
        first,
        "along" | "together" | "alongside" | "like" | "including"
    );
    clause.split_whitespace().count() <= 20
        && (matches!(first, "which" | "who" | "whose") || participle || comitative)
}

/// Past participles that do not end in "-ed" ("The plan, drawn up by …,").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "drawn", "written", "given", "taken", "shown", "known", "seen", "chosen", "driven", "made",
    "sent", "put", "set", "brought", "sought", "held", "led", "laid", "built", "thrown",
];

/// Does a mention of a possible speaker (a side, person, role, source,
/// medium or pronoun) end right before `h`, with only spaces between?
fn mention_right_before(text: &str, h: &Hit, hits: &[Hit], lex: &Lexicon) -> bool {
    // Hits are sorted by start: only the two before this one can end right here.
    let i = hits.partition_point(|m| m.start < h.start);
    hits[i.saturating_sub(2)..i].iter().any(|m| {
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
    })
}

/// Words that open a noun phrase: an attitude noun after them is the object
/// of the attitude before them ("rejected the proposal to …"); walking back
/// from a noun, the phrase starts there ("a partial or full ceasefire").
pub const NP_OPENERS: &[&str] = &[
    "a", "an", "the", "any", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "such", "every", "all",
];

/// Words after which a base form is a verb ("he says", "will say", "to say").
pub const SUBJECT_WORDS: &[&str] = &[
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
/// Adverbs that stand between a subject and its verb ("Novak also said",
/// "The plan would further require"), besides any "-ly" word.
const VERB_ADVERBS: &[&str] = &[
    "again",
    "also",
    "still",
    "already",
    "now",
    "just",
    "earlier",
    "later",
    "previously",
    "further",
    "then",
    "even",
    "only",
];

/// Is `w` (lowercase) an adverb that may stand between a subject and its verb?
pub fn is_verb_adverb(w: &str) -> bool {
    w.ends_with("ly") || VERB_ADVERBS.contains(&w)
}

/// Auxiliaries (and "to", "continue"): after them a base form is a verb.
/// Prepositions that make a name an object, not a subject ("held a call
/// with Putin", "a letter to Zelensky").
pub const OBJECT_PREPOSITIONS: &[&str] = &[
    "with", "to", "from", "by", "for", "against", "between", "among", "of", "toward", "towards",
    "about", "at", "on", "into", "than",
];

/// Whether the mention starting at `start` is the object of a preposition:
/// the word before it, over a determiner and capitalised title words
/// ("with Russian President Vladimir Putin", "to the Ukrainian leader").
pub fn after_preposition(text: &str, from: usize, start: usize) -> bool {
    for w in text[from..start].split_whitespace().rev().take(5) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        if w.starts_with(char::is_uppercase)
            || matches!(
                lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
        {
            continue;
        }
        return OBJECT_PREPOSITIONS.contains(&lower.as_str());
    }
    false
}

/// Is a lowercase word an auxiliary or modal ("has", "would", "is")?
pub fn is_auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(&w) || FINITE_AUXILIARIES.contains(&w)
}

/// Forms of "be", "have" and "do" that make a verb group finite.
pub const FINITE_AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "does", "did", "do",
];

/// Is a lowercase word a finite verb form: an auxiliary or modal, or a form
/// in -s or -ed ("rejects", "rejected"; not "cede", "discuss")? Telling an
/// assertion ("that Kyiv rejects") from a subjunctive ("that Kyiv cede").
pub fn finite_verb(w: &str) -> bool {
    FINITE_AUXILIARIES.contains(&w)
        || AUXILIARIES.contains(&w)
        || (w.ends_with('s') && !w.ends_with("ss"))
        || w.ends_with("ed")
}

/// Is a lowercase word no finite verb and no past participle ("spoken",
/// "continued")? Telling a verb that continues an infinitive ("to cede
/// territory and pledge", "to reduce its army and blocking") from one of a
/// finite verb group ("has sought to end the war and spoken to Putin").
pub fn bare_verb(w: &str) -> bool {
    non_finite(w) && !w.ends_with("en")
}

/// Is a lowercase word no finite verb form: not an auxiliary, not in -s or
/// -ed, not an irregular past ("said", "told")? Participles ("blocking",
/// "spoken") are non-finite.
pub fn non_finite(w: &str) -> bool {
    !finite_verb(w) && !IRREGULAR_PASTS.contains(&w)
}

/// Irregular past forms of verbs that report, decide or meet ("said",
/// "sought", "told"): finite, though without "-ed".
const IRREGULAR_PASTS: &[&str] = &[
    "said",
    "told",
    "sought",
    "spoke",
    "wrote",
    "made",
    "gave",
    "took",
    "held",
    "thought",
    "felt",
    "knew",
    "saw",
    "meant",
    "went",
    "came",
    "won",
    "led",
    "met",
    "struck",
    "brought",
    "kept",
    "left",
    "stood",
    "understood",
    "began",
    "drew",
    "threw",
    "swore",
    "forbade",
    "withdrew",
    "undertook",
    "overtook",
    "foresaw",
    "upheld",
    "withheld",
    "broke",
    "chose",
    "rose",
    "fought",
    "sent",
    "spent",
    "lost",
    "paid",
    "laid",
];

pub const AUXILIARIES: &[&str] = &[
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
/// Prepositions after which a name modifies the noun that follows ("the
/// reduction of US support", "amid Russian demands").
const NOUN_PREPOSITIONS: &[&str] = &[
    "of", "for", "with", "from", "about", "into", "amid", "despite", "without",
];

/// The determiners proper: after one, even an -ing form is a noun ("the
/// briefing", "their meeting").
const NOUN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "any", "every", "each", "no", "such",
];

/// With [`NOUN_DETERMINERS`], words after which a base or past verb form is
/// a noun or an adjective ("the talks", "a proposed deal", "for talks").
const NOUN_MAKERS: &[&str] = &[
    "of", "for", "in", "on", "at", "with", "from", "about", "into", "during", "after", "before",
    "peace", "new", "first", "second", "third", "further", "direct", "recent", "latest",
    "previous", "next", "more", "fresh",
];

/// Is `w` (lowercase) a word after which a verb form is a noun or an adjective?
fn makes_noun(w: &str) -> bool {
    NOUN_DETERMINERS.contains(&w) || NOUN_MAKERS.contains(&w)
}

/// Words that may stand between a relative pronoun and its verb: "which
/// has long opposed", "who have repeatedly rejected", "which does not
/// accept".
fn relative_filler(w: &str) -> bool {
    AUXILIARIES.contains(&w)
        || FINITE_AUXILIARIES.contains(&w)
        || matches!(
            w,
            "not" | "never" | "also" | "long" | "already" | "still" | "now" | "so" | "far"
        )
        || (w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// A relative clause whose pronoun is the subject of the verb at `at`:
/// "Hungary, which opposes sanctions", "oil producers — who oppose caps",
/// "countries that back a cap". Returns where the text before the pronoun
/// ends (its antecedent ends there, after trimming a comma or dash) and
/// whether the clause is an aside set off by a comma or dash (and so ends
/// at the next one). `from` bounds the look back (the sentence start).
pub fn relative_subject_clause(text: &str, from: usize, at: usize) -> Option<(usize, bool)> {
    let lead = text.get(from..at)?;
    let mut rest = lead.trim_end();
    // Walk back over the words between the pronoun and the verb (at most 4).
    for _ in 0..5 {
        let (before, word) = match rest.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
            Some((i, c)) => (&rest[..i], &rest[i + c.len_utf8()..]),
            None => ("", rest),
        };
        if matches!(word, "who" | "which" | "that") {
            let trimmed = before.trim_end();
            let aside = trimmed.ends_with([',', '—', '–']);
            // "that" after a comma opens no relative clause on a name.
            if word == "that" && aside {
                return None;
            }
            let end = trimmed.trim_end_matches([',', '—', '–']).trim_end();
            return Some((from + end.len(), aside));
        }
        if !relative_filler(word) {
            return None;
        }
        rest = before.trim_end();
    }
    None
}
