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

/// The last occurrence of `pat` in `s` whose tail (the text after it)
/// could hold at most `max_words` words: `s.rfind(pat)` when that tail is
/// that short, else perhaps `None`, searching only the last `max_words` + 1
/// words (so a caller that rejects a longer tail anyway scans a bounded
/// window, not the whole text before a position).
pub fn rfind_near_end(s: &str, pat: &str, max_words: usize) -> Option<usize> {
    let mut from = tail_start(s, max_words + 1).saturating_sub(pat.len());
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    s[from..].rfind(pat).map(|i| from + i)
}

/// `s.contains(&format!(" {phrase} "))` without building the pattern.
pub fn contains_spaced(s: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return s.contains("  ");
    }
    let mut from = 0;
    while let Some(i) = s[from..].find(phrase) {
        let at = from + i;
        if s[..at].ends_with(' ') && s[at + phrase.len()..].starts_with(' ') {
            return true;
        }
        // The next start: one character on (matches may overlap).
        from = at + s[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The byte where the `n`-th word from the end of `s` starts (0 when `s`
/// has fewer words).
fn tail_start(s: &str, n: usize) -> usize {
    let (mut words, mut word_start) = (0, None);
    for (i, c) in s.char_indices().rev() {
        if !c.is_whitespace() {
            word_start = Some(i);
        } else if let Some(w) = word_start.take() {
            words += 1;
            if words == n {
                return w;
            }
        }
    }
    0
}

/// The pieces of `s` each ending in one whitespace character, the last
/// perhaps not: the same as `s.split_inclusive(char::is_whitespace)`, found
/// faster. The sentence layer splits every word of many sentences; the std
/// splitter decodes each character to test it, where only an ASCII space
/// byte or a lead byte some Unicode space starts with (0xC2, 0xE1, 0xE2,
/// 0xE3) can begin one, so the rest is skipped byte by byte.
pub fn words_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= bytes.len() {
            return None;
        }
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            let ws_len = match b {
                b'\t'..=b'\r' | b' ' => 1,
                0xC2 | 0xE1..=0xE3 => {
                    // A lead byte is a char boundary: decode that one char.
                    let c = s[i..].chars().next().expect("a char starts here");
                    if c.is_whitespace() { c.len_utf8() } else { 0 }
                }
                _ => 0,
            };
            if ws_len > 0 {
                let piece = &s[from..i + ws_len];
                from = i + ws_len;
                return Some(piece);
            }
            i += 1;
        }
        let piece = &s[from..];
        from = bytes.len();
        Some(piece)
    })
}

/// The byte offset of `inner` in `outer`, where `inner` is a slice of
/// `outer` (a word from `split_whitespace`): the gaps between words may be
/// any whitespace, so positions are read, not counted.
pub fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
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
        // "On Monday" opening a sentence.
        || (w.starts_with(char::is_uppercase)
            && lex.words.time_words.contains(w.to_ascii_lowercase().as_str()))
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

/// Is `s` a name or title in title case ("Coalition of the Willing", "Meet
/// the Press", "Peace Plan"): at most six words, every one capitalised but
/// the short function words English titles keep lowercase, and no sentence
/// punctuation (a fragment of speech keeps its comma: “Success in the
/// Middle East,”), two capitalised words at least. Quoted, such a phrase
/// names something; it quotes nobody.
pub fn is_title_case_name(s: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "for", "on", "in", "to", "with", "at", "by",
    ];
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let numeral = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    words.len() <= 6
        && words.iter().filter(|w| capitalised(w)).count() >= 2
        && !s.contains([',', '.', '!', '?', ';', ':'])
        && words.first().is_some_and(|w| capitalised(w))
        && words
            .iter()
            .all(|w| capitalised(w) || numeral(w) || SMALL.contains(w))
}

#[cfg(test)]
mod tests {
    use super::{contains_spaced, is_title_case_name, rfind_near_end, tail_start, words_inclusive};

    #[test]
    fn title_case_names() {
        for t in [
            "Coalition of the Willing",
            "Meet the Press with Kristen Welker",
            "Peace Plan",
        ] {
            assert!(is_title_case_name(t), "{t}");
        }
        for t in [
            "We are ready",
            "Anchorage formula",
            "Russia Will Win. Soon",
            "in safe hands",
            "Article-5-like",
            "Success in the Middle East,",
            "1000 for 1000",
        ] {
            assert!(!is_title_case_name(t), "{t}");
        }
    }

    #[test]
    fn words_inclusive_splits_as_std_does() {
        for s in [
            "",
            " ",
            "a",
            "the foreign  ministry said,\tthen\n",
            "\u{a0}Genève\u{2009}talks\u{3000}end\u{85}x\u{202f}",
            "trailing space ",
            "Ünïcödé – “quoted” words\u{2028}",
            "\u{b}\u{c}\r\u{1680}\u{205f}\u{2029}z",
        ] {
            let ours: Vec<&str> = words_inclusive(s).collect();
            let std: Vec<&str> = s.split_inclusive(char::is_whitespace).collect();
            assert_eq!(ours, std, "{s:?}");
        }
        // Every character, between two letters.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let ours: Vec<&str> = words_inclusive(&s).collect();
            let std: Vec<&str> = s.split_inclusive(char::is_whitespace).collect();
            assert_eq!(ours, std, "{c:?}");
        }
    }

    /// Bounded search agrees with `rfind` wherever the tail is short enough,
    /// and finds nothing only where the tail is too long.
    #[test]
    fn rfind_near_end_is_rfind_for_short_tails() {
        let cases = [
            ("The war, which has halted", ", which ", 1),
            ("The war, which halted", ", which ", 1),
            ("a, b, c d e f", ", ", 2),
            ("a, b c d e f g", ", ", 2),
            ("no pattern here at all", ", ", 20),
            ("Ünïcödé, wörds   with  spaces", ", ", 3),
            (", x", ", ", 0),
            ("", ", ", 3),
        ];
        for (s, pat, n) in cases {
            let full = s
                .rfind(pat)
                .filter(|&i| s[i + pat.len()..].split_whitespace().count() <= n);
            let near = rfind_near_end(s, pat, n)
                .filter(|&i| s[i + pat.len()..].split_whitespace().count() <= n);
            assert_eq!(full, near, "{s:?} {pat:?} {n}");
        }
        assert_eq!(tail_start("a bb  ccc", 2), 2);
        assert_eq!(tail_start("a bb", 5), 0);
    }

    #[test]
    fn contains_spaced_is_contains_of_the_spaced_phrase() {
        for (s, p) in [
            (" we must go ", "must"),
            (" we mustn't go ", "must"),
            (" xab ab ab ", "ab ab"),
            (" needs to ", "needs to"),
            ("must ", "must"),
            (" é é ", "é"),
            (" ", ""),
        ] {
            assert_eq!(
                contains_spaced(s, p),
                s.contains(&format!(" {p} ")),
                "{s:?} {p:?}"
            );
        }
    }
}
