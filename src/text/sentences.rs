//! Sentence splitting: paragraphs into sentences around quotations, with
//! abbreviations and initials that do not end a sentence.

use super::hits::hits_in;
use super::quotes::Quote;
use super::words::word_offset;
use crate::lexicon::{Hit, Lexicon, Meaning};
use std::ops::Range;

/// Split paragraphs into sentences; quotations are never split, and a
/// multi-paragraph quotation belongs to the sentence where it opens.
pub fn split_sentences(
    text: &str,
    paragraphs: &[Range<usize>],
    quotes: &[Quote],
    hits: &[Hit],
    lex: &Lexicon,
) -> Vec<Range<usize>> {
    let mut splitter = Splitter {
        text,
        paragraphs,
        quotes,
        hits,
        lex,
        out: Vec::new(),
        q: 0,
        resume_at: 0,
    };
    for para in paragraphs {
        // Skip paragraphs swallowed by a multi-paragraph quote.
        if para.end <= splitter.resume_at {
            continue;
        }
        splitter.paragraph(para);
    }
    splitter.out
}

/// The state of one split: sentences so far, the next quotation, and where
/// a quotation running into later paragraphs lets the split resume.
struct Splitter<'a> {
    text: &'a str,
    paragraphs: &'a [Range<usize>],
    quotes: &'a [Quote],
    hits: &'a [Hit],
    lex: &'a Lexicon,
    out: Vec<Range<usize>>,
    /// The next quotation's index.
    q: usize,
    resume_at: usize,
}

impl Splitter<'_> {
    /// The sentences of one paragraph (and of the paragraphs a quotation
    /// opening in it runs into).
    fn paragraph(&mut self, para: &Range<usize>) {
        let (text, quotes) = (self.text, self.quotes);
        let bytes = text.as_bytes();
        let mut sent_start = para.start.max(self.resume_at);
        let mut i = sent_start;
        let mut end = para.end;
        while i < end {
            while self.q < quotes.len() && quotes[self.q].open < i {
                self.q += 1;
            }
            if self.q < quotes.len() && quotes[self.q].open == i {
                let qu = quotes[self.q];
                i = qu.close;
                if qu.close > end {
                    // The quotation runs into later paragraphs: extend this one.
                    end = self
                        .paragraphs
                        .iter()
                        .find(|p| p.contains(&(qu.close - 1)))
                        .map_or(qu.close, |p| p.end);
                    self.resume_at = end;
                }
                if self.quote_ends_sentence(&qu, i, end) {
                    self.out.push(sent_start..i);
                    sent_start = skip_ws(text, i, end);
                    i = sent_start;
                }
                continue;
            }
            // Jump to the next terminator, or to the next quotation if nearer.
            let next_quote = quotes.get(self.q).map_or(end, |x| x.open.min(end));
            let Some(t) = memchr::memchr3(b'.', b'?', b'!', &bytes[i..next_quote]).map(|k| i + k)
            else {
                i = next_quote;
                continue;
            };
            let b = bytes[t];
            if starts_new_sentence(text, t + 1, end)
                && !(b == b'.' && is_abbreviation(text, sent_start, t, self.lex))
            {
                self.out.push(sent_start..t + 1);
                sent_start = skip_ws(text, t + 1, end);
                i = sent_start;
                continue;
            }
            i = t + 1;
        }
        if sent_start < end {
            let s = text[sent_start..end].trim_end();
            if !s.is_empty() {
                self.out.push(sent_start..sent_start + s.len());
            }
        }
    }

    /// A quotation ending in . ? ! followed by a capital ends the sentence,
    /// unless its attribution follows ("“Ready!” Novak said."). `at` is just
    /// past the closing mark.
    fn quote_ends_sentence(&self, qu: &Quote, at: usize, end: usize) -> bool {
        let text = self.text;
        let inner_end = text[qu.start..qu.end].trim_end();
        inner_end.ends_with(['.', '?', '!'])
            && starts_new_sentence(text, at, end)
            && !(inner_end.ends_with(['?', '!'])
                && attribution_follows(text, at, end, self.hits, self.lex))
    }
}

/// After a quotation closing at `at`: does a speech verb come within the
/// next four words, before any terminator ("“Ready!” said Novak.")?
fn attribution_follows(text: &str, at: usize, end: usize, hits: &[Hit], lex: &Lexicon) -> bool {
    let limit = word_offset(text, at, 4).min(end);
    let clause_end = text[at..limit]
        .find(['.', '?', '!', '“', '"'])
        .map_or(limit, |k| at + k);
    hits_in(hits, &(at..clause_end)).iter().any(|h| {
        lex.meanings_with_parts(h)
            .any(|m| matches!(m, Meaning::SpeechVerb | Meaning::QuoteVerb))
    })
}

fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = text[i..].chars().next().unwrap();
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// After a terminator at `i`: whitespace, then a capital, digit or quote mark.
fn starts_new_sentence(text: &str, i: usize, end: usize) -> bool {
    if i >= end {
        return true;
    }
    let rest = &text[i..end];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false; // no whitespace after the terminator
    }
    trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"«„‘'(".contains(c))
}

fn is_abbreviation(text: &str, sent_start: usize, dot: usize, lex: &Lexicon) -> bool {
    let before = &text[sent_start..=dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    if lex.abbreviations.contains(word) {
        return true;
    }
    // Single capital initials ("J. D. Vance"), but not "on X. “I think".
    let w = word.trim_end_matches('.');
    let next_is_capital = text[dot + 1..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase());
    w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) && next_is_capital
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let lex = Lexicon::default_lexicon();
        let text = "Mr. Zelensky met U.S. envoys on Feb. 17. They talked.";
        let s = split_sentences(text, std::slice::from_ref(&(0..text.len())), &[], &[], &lex);
        assert_eq!(
            s.len(),
            2,
            "{:?}",
            s.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>()
        );
    }
}
