//! Word-level offsets and word classes shared by the sentence layer and the
//! stages after it.

use crate::documents::month_number;
use crate::lexicon::Lexicon;

/// Byte offset `n` words after `from`.
pub fn word_offset(text: &str, from: usize, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text[from..].char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count >= n {
                    return from + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// Could `s` hold a decimal digit as the regex `\d` reads it (Unicode: any
/// `Nd` character)? A cheap test before running a pattern that needs one:
/// false only when no ASCII digit and no numeric non-ASCII character is in
/// `s` (`char::is_numeric` is wider than `Nd`, so this never says no wrongly).
pub fn may_hold_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        || (!s.is_ascii() && s.chars().any(|c| !c.is_ascii() && c.is_numeric()))
}

/// A word that can be part of a time phrase ("Friday", "March", "last",
/// "week", "the").
pub fn is_time_word(w: &str, lex: &Lexicon) -> bool {
    let w = w.trim_end_matches([',', '.']);
    lex.words.time_words.contains(w)
        || month_number(w).is_some()
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "week"
                | "month"
                | "year"
                | "weekend"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "day"
                | "the"
                | "of"
                | "last"
                | "next"
                | "earlier"
                | "later"
                | "recently"
                | "previously"
                | "again"
                | "also"
        )
}
