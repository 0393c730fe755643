//! The English predicate inventory: reporting verbs and attitude predicates,
//! one entry per lemma.
//!
//! In: `lexicon/verbs.toml` (embedded), built from the English language, not
//! from any corpus. Out: surface forms with what they mean — every inflection
//! of a lemma ("concede" → concedes, conceded, conceding) and its
//! nominalisations ("refuse" → refusal), so one entry covers them all. The
//! compiled lexicon adds these forms to its terms beside the hand lists of
//! `english.toml` and the lexicon's own lists.
//!
//! Each entry carries an example sentence; a test runs every one.

use super::Attitude;
use serde::Deserialize;

/// The embedded inventory.
pub const VERBS: &str = include_str!("../../lexicon/verbs.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryFile {
    #[serde(default)]
    pub speech: Vec<SpeechEntry>,
    #[serde(default)]
    pub attitude: Vec<AttitudeEntry>,
}

/// A reporting verb: "concede", "point out".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechEntry {
    pub lemma: String,
    pub example: String,
    /// Every surface form, when the verb is irregular ("tell", "told").
    #[serde(default)]
    pub forms: Option<Vec<String>>,
    /// Attributes a quotation but reports no content by itself ("describe").
    #[serde(default)]
    pub quote_only: bool,
    /// Nouns that report the possessor's statement ("claim").
    #[serde(default)]
    pub nouns: Vec<String>,
}

/// An attitude predicate: "rule out" (reject), "be open to" (open).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttitudeEntry {
    pub lemma: String,
    pub polarity: String,
    pub example: String,
    #[serde(default)]
    pub forms: Option<Vec<String>>,
    #[serde(default)]
    pub nouns: Vec<String>,
    /// The verb also introduces reported speech ("insist that", "warn that").
    #[serde(default)]
    pub speech: bool,
}

impl AttitudeEntry {
    pub fn attitude(&self) -> Option<Attitude> {
        parse_polarity(&self.polarity)
    }
}

pub fn parse_polarity(p: &str) -> Option<Attitude> {
    match p {
        "support" => Some(Attitude::Support),
        "open" => Some(Attitude::Open),
        "oppose" => Some(Attitude::Oppose),
        "reject" => Some(Attitude::Reject),
        _ => None,
    }
}

/// The parsed embedded inventory.
pub fn embedded() -> &'static InventoryFile {
    static INV: std::sync::LazyLock<InventoryFile> = std::sync::LazyLock::new(|| {
        toml::from_str(VERBS).expect("the embedded verb inventory is valid")
    });
    &INV
}

/// A surface form and whether it is a present participle ("conceding").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub text: String,
    pub participle: bool,
}

/// Past forms of the inventory's irregular verbs ("said", "told", "sought"):
/// a past form is a verb after a plain noun ("the spokesman said"), where a
/// base form would be a noun ("peace talks").
pub fn irregular_pasts(inv: &InventoryFile) -> Vec<String> {
    let lists = inv
        .speech
        .iter()
        .map(|e| (&e.lemma, &e.forms))
        .chain(inv.attitude.iter().map(|e| (&e.lemma, &e.forms)));
    let mut out = Vec::new();
    for (lemma, given) in lists {
        let Some(given) = given else { continue };
        let base = lemma.split_whitespace().next().unwrap_or("");
        for f in given {
            let w = f.split_whitespace().next().unwrap_or("").to_lowercase();
            let regular = w == base
                || w == format!("{base}s")
                || w == format!("{base}es")
                || w.ends_with("ing")
                || w.ends_with("ed")
                || base == "be";
            if !regular && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// Every form of a lemma: the given forms, or the regular inflections of its
/// first word ("point out" → points out, pointed out, pointing out). A lemma
/// starting with "be" ("be open to") takes every form of "be".
/// Modal verbs: a lemma headed by one ("would see") is its only form.
const MODALS: &[&str] = &[
    "would", "will", "could", "can", "may", "might", "shall", "should",
];

pub fn forms(lemma: &str, given: Option<&[String]>) -> Vec<Form> {
    let mk = |t: String| Form {
        participle: t
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("ing")),
        text: t,
    };
    if let Some(g) = given {
        return g.iter().map(|t| mk(t.trim().to_string())).collect();
    }
    let lemma = lemma.trim();
    let (head, rest) = match lemma.split_once(' ') {
        Some((h, r)) => (h, format!(" {r}")),
        None => (lemma, String::new()),
    };
    // "would see": a modal does not inflect.
    if MODALS.contains(&head) {
        return vec![mk(lemma.to_string())];
    }
    let heads: Vec<String> = if head == "be" {
        [
            "is", "are", "was", "were", "be", "been", "being", "'s", "’s",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    } else {
        inflect(head)
    };
    let mut out: Vec<Form> = Vec::new();
    for h in heads {
        // "’s open to" is matched as "open to" after the apostrophe; keep the
        // predicate itself as a form so contractions are covered.
        let text = if h.starts_with(['\'', '’']) {
            rest.trim_start().to_string()
        } else {
            format!("{h}{rest}")
        };
        if !text.is_empty() && !out.iter().any(|f| f.text == text) {
            out.push(mk(text));
        }
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Base, third person singular, past and present participle of a regular verb.
pub fn inflect(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let n = b.len();
    if n == 0 {
        return Vec::new();
    }
    let last = b[n - 1];
    let before_last = if n >= 2 { b[n - 2] } else { b'a' };
    let consonant_y = last == b'y' && !is_vowel(before_last);
    let third = if consonant_y {
        format!("{}ies", &verb[..n - 1])
    } else if verb.ends_with(['s', 'x', 'z', 'o']) || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    };
    let past = if consonant_y {
        format!("{}ied", &verb[..n - 1])
    } else if last == b'e' {
        format!("{verb}d")
    } else {
        format!("{verb}ed")
    };
    let ing = if verb.ends_with("ie") {
        format!("{}ying", &verb[..n - 2])
    } else if last == b'e'
        && !verb.ends_with("ee")
        && !verb.ends_with("ye")
        && !verb.ends_with("oe")
    {
        format!("{}ing", &verb[..n - 1])
    } else {
        format!("{verb}ing")
    };
    vec![verb.to_string(), third, past, ing]
}

/// Plural of a noun ("refusal" → "refusals").
pub fn plural(noun: &str) -> String {
    let n = noun.len();
    let b = noun.as_bytes();
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &noun[..n - 1])
    } else if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Problems in an inventory, one sentence each.
pub fn validate(inv: &InventoryFile) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in &inv.speech {
        if s.lemma.trim().is_empty() || s.example.trim().is_empty() {
            problems.push(format!(
                "speech entry {:?}: lemma and example are required",
                s.lemma
            ));
        }
        if !seen.insert(("speech", s.lemma.to_lowercase())) {
            problems.push(format!("speech lemma {:?} is listed twice", s.lemma));
        }
    }
    for a in &inv.attitude {
        if a.attitude().is_none() {
            problems.push(format!(
                "attitude {:?}: polarity {:?} must be one of support, open, oppose, reject",
                a.lemma, a.polarity
            ));
        }
        if !seen.insert(("attitude", a.lemma.to_lowercase())) {
            problems.push(format!("attitude lemma {:?} is listed twice", a.lemma));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_inflections() {
        assert_eq!(
            inflect("concede"),
            ["concede", "concedes", "conceded", "conceding"]
        );
        assert_eq!(inflect("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            inflect("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
        assert_eq!(inflect("play"), ["play", "plays", "played", "playing"]);
        assert_eq!(inflect("agree"), ["agree", "agrees", "agreed", "agreeing"]);
        assert_eq!(inflect("push"), ["push", "pushes", "pushed", "pushing"]);
    }

    #[test]
    fn multiword_and_be_lemmas() {
        let f: Vec<String> = forms("point out", None)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert!(f.contains(&"pointed out".to_string()));
        assert!(f.contains(&"points out".to_string()));
        let f = forms("be open to", None);
        assert!(f.iter().any(|f| f.text == "is open to"));
        assert!(f.iter().any(|f| f.text == "open to"));
        assert!(f.iter().any(|f| f.text == "being open to" && f.participle));
    }

    #[test]
    fn embedded_inventory_is_valid_and_broad() {
        let inv = embedded();
        assert!(validate(inv).is_empty(), "{:?}", validate(inv));
        assert!(inv.speech.len() >= 200, "{} speech verbs", inv.speech.len());
        assert!(
            inv.attitude.len() >= 150,
            "{} attitudes",
            inv.attitude.len()
        );
    }
}
