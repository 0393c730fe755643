//! Generic roles ("the envoy", "Kremlin aide") bound to the people the
//! article introduces in them.

use super::mentions::{Introduced, Mention, Who};
use crate::lexicon::{Lexicon, Pronoun};

/// "Kremlin aide Yuri Ushakov", "Vladimir Medinsky, a Kremlin aide": a
/// generic role next to a person is that person for the rest of the article
/// ("the Kremlin aide said" later), and lends its side to a person the
/// lexicon does not know. A role never introduced stays a role as speaker.
pub(super) fn bind_roles(
    text: &str,
    out: &mut Vec<Mention>,
    lex: &Lexicon,
    known: &mut Introduced,
) {
    let mut i = 0;
    while i < out.len() {
        let Who::Role(r) = out[i].who else {
            i += 1;
            continue;
        };
        if merge_possessive_role(text, out, i, lex, r, known)
            || bind_to_neighbour(text, out, i, r, lex, known)
        {
            continue;
        }
        let role = &lex.roles[r];
        out[i].who = match known.roles.get(&role_key(&role.phrase)) {
            Some((n, p, g)) => Who::Person(n.clone(), *p, *g),
            None => Who::Person(
                text[out[i].start..out[i].end]
                    .trim_start_matches("the ")
                    .trim_start_matches("The ")
                    .to_string(),
                role.party,
                Pronoun::He,
            ),
        };
        i += 1;
    }
}

/// "Zelenskiy's aide": an unnamed member of that person's side. Merges the
/// role at `i` into the person before it; true when it did.
fn merge_possessive_role(
    text: &str,
    out: &mut Vec<Mention>,
    i: usize,
    lex: &Lexicon,
    r: usize,
    known: &Introduced,
) -> bool {
    if i > 0
        && let Who::Person(owner, party, _) = out[i - 1].who.clone()
        && matches!(&text[out[i - 1].end..out[i].start], "'s " | "’s ")
    {
        let role_words = text[out[i].start..out[i].end].to_string();
        out[i - 1].end = out[i].end;
        // "Witkoff, Trump's special envoy, …  Trump's special envoy
        // claimed": the person the article introduced in the role.
        out[i - 1].who = match known.roles.get(&role_key(&lex.roles[r].phrase)) {
            Some((n, p, g)) => Who::Person(n.clone(), *p, *g),
            None => Who::Person(format!("{owner}'s {role_words}"), party, Pronoun::He),
        };
        out.remove(i);
        return true;
    }
    false
}

/// ROLE NAME, "ROLE, NAME," or "NAME, a ROLE": the role at `i` (role `r`)
/// is the person next to it, who takes its side when the lexicon gives
/// them none. Binds the role for later, removes it; true when it did.
fn bind_to_neighbour(
    text: &str,
    out: &mut Vec<Mention>,
    i: usize,
    r: usize,
    lex: &Lexicon,
    known: &mut Introduced,
) -> bool {
    let role = &lex.roles[r];
    // A named person, not a body ("the State Department spokeswoman" is no
    // role of the State Department's to bind).
    let person = |m: &Mention| matches!(m.who, Who::Person(_, _, p) if p != Pronoun::They);
    let next = out
        .get(i + 1)
        .filter(|m| person(m) && matches!(text[out[i].end..m.start].trim(), "" | ","))
        .map(|_| i + 1);
    // The person before, over a body or side that modifies the role
    // ("Tammy Bruce, State Department spokeswoman").
    let prev = (0..i)
        .rev()
        .find(|&j| person(&out[j]))
        .filter(|&j| apposition_lead(&text[out[j].end..out[i].start]));
    let Some(j) = next.or(prev) else {
        return false;
    };
    let Who::Person(name, party, pronoun) = out[j].who.clone() else {
        return false;
    };
    let party = if party == lex.other_party && role.party != lex.other_party {
        known.parties.insert(name.clone(), role.party);
        role.party
    } else {
        party
    };
    known
        .roles
        .insert(role_key(&role.phrase), (name.clone(), party, pronoun));
    out[j].who = Who::Person(name, party, pronoun);
    if next.is_some() {
        // One mention for "Kremlin aide Yuri Ushakov".
        out[j].start = out[i].start.min(out[j].start);
        out[j].end = out[i].end.max(out[j].end);
    }
    out.remove(i);
    true
}

/// What may stand between a name and the role in apposition after it:
/// a comma, then a determiner or possessive and the role's capitalised
/// modifiers ("Tammy Bruce, State Department spokeswoman", "Medinsky, a
/// Kremlin aide", "Sybiha, the country's top diplomat").
fn apposition_lead(between: &str) -> bool {
    let Some(rest) = between.trim().strip_prefix(',') else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 4
        && words.iter().enumerate().all(|(k, w)| {
            let det = matches!(
                w.to_ascii_lowercase().as_str(),
                "a" | "an" | "the" | "his" | "her" | "its" | "their"
            );
            (det && k == 0)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')))
                || w.ends_with("'s")
                || w.ends_with("’s")
        })
}

/// "Russia's lead negotiator", "the lead negotiator" and "lead negotiator"
/// are one role within an article.
///
/// The key is the role's head noun ("negotiator", "envoy", "aide"): within an
/// article "the envoy" is the envoy introduced last.
pub(super) fn role_key(phrase: &str) -> String {
    let p = phrase.to_lowercase().replace('’', "'");
    p.split_whitespace().last().unwrap_or("").to_string()
}
