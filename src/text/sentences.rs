//! Sentence splitting: paragraphs into sentences around quotations, with
//! abbreviations and initials that do not end a sentence, and a cap on a
//! sentence's length so that hostile text cannot make later stages slow.

use super::hits::hits_in;
use super::quotes::Quote;
use super::words::word_offset;
use crate::lexicon::{Hit, Lexicon, Meaning};
use std::ops::Range;

/// The longest sentence later stages read, in bytes. The longest sentence
/// of the bundled corpora has about 1,100 bytes; a text without full stops
/// (a scraped table, a run-on transcript, hostile input) would otherwise be
/// one "sentence" of megabytes, and attribution and stance scoring look
/// across a sentence for each cue, which costs time quadratic or worse in
/// its length. A longer sentence is cut into pieces of at most this many
/// bytes (at the last clause break, else the last space, before the cap),
/// and quotations longer than this are read as plain text
/// ([`super::Analysed::new`]), so that every piece can hold its quotations.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Sentences cut because they were longer than [`MAX_SENTENCE_BYTES`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cuts {
    /// How many sentences were cut.
    pub sentences: usize,
    /// The pieces they were cut into.
    pub pieces: usize,
    /// The longest of them, in bytes.
    pub longest: usize,
}

/// Split paragraphs into sentences; quotations are never split, and a
/// multi-paragraph quotation belongs to the sentence where it opens. A
/// sentence longer than [`MAX_SENTENCE_BYTES`] is cut into pieces.
pub fn split_sentences(
    text: &str,
    paragraphs: &[Range<usize>],
    quotes: &[Quote],
    hits: &[Hit],
    lex: &Lexicon,
) -> Vec<Range<usize>> {
    split_sentences_with_cuts(text, paragraphs, quotes, hits, lex).0
}

/// [`split_sentences`], and which sentences were cut for length.
pub fn split_sentences_with_cuts(
    text: &str,
    paragraphs: &[Range<usize>],
    quotes: &[Quote],
    hits: &[Hit],
    lex: &Lexicon,
) -> (Vec<Range<usize>>, Cuts) {
    let mut splitter = Splitter {
        text,
        paragraphs,
        quotes,
        hits,
        lex,
        out: Vec::new(),
        q: 0,
        resume_at: 0,
        cuts: Cuts::default(),
    };
    for para in paragraphs {
        // Skip paragraphs swallowed by a multi-paragraph quote.
        if para.end <= splitter.resume_at {
            continue;
        }
        splitter.paragraph(para);
    }
    (splitter.out, splitter.cuts)
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
    cuts: Cuts,
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
                    let k = self.paragraphs.partition_point(|p| p.end < qu.close);
                    end = self
                        .paragraphs
                        .get(k)
                        .filter(|p| p.contains(&(qu.close - 1)))
                        .map_or(qu.close, |p| p.end);
                    self.resume_at = end;
                }
                if self.quote_ends_sentence(&qu, i, end) {
                    self.push(sent_start..i);
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
                self.push(sent_start..t + 1);
                sent_start = skip_ws(text, t + 1, end);
                i = sent_start;
                continue;
            }
            i = t + 1;
        }
        if sent_start < end {
            let s = text[sent_start..end].trim_end();
            if !s.is_empty() {
                self.push(sent_start..sent_start + s.len());
            }
        }
    }

    /// Add a sentence, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
    fn push(&mut self, sentence: Range<usize>) {
        if sentence.len() <= MAX_SENTENCE_BYTES {
            self.out.push(sentence);
            return;
        }
        let before = self.out.len();
        cut_sentence(self.text, sentence.clone(), self.quotes, &mut self.out);
        self.cuts.sentences += 1;
        self.cuts.pieces += self.out.len() - before;
        self.cuts.longest = self.cuts.longest.max(sentence.len());
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

/// Cut an over-long sentence into pieces of at most [`MAX_SENTENCE_BYTES`]
/// (unless a quotation longer than that is in the way), each at the last
/// clause break (", ", "; ", ": ", a dash) before the cap, else at the last
/// whitespace, else at the last character boundary; never inside a
/// quotation. Pieces are trimmed of surrounding whitespace and not empty.
fn cut_sentence(text: &str, sentence: Range<usize>, quotes: &[Quote], out: &mut Vec<Range<usize>>) {
    let mut start = sentence.start;
    let end = sentence.end;
    while start < end {
        if end - start <= MAX_SENTENCE_BYTES {
            push_trimmed(text, start..end, out);
            break;
        }
        let mut cut = cut_point(text, start, start + MAX_SENTENCE_BYTES);
        // Never inside a quotation: before it, or after it when it opens the piece.
        let k = quotes.partition_point(|q| q.close <= cut);
        if let Some(q) = quotes.get(k)
            && q.open < cut
            && cut < q.close
        {
            cut = if q.open > start {
                q.open
            } else {
                q.close.min(end)
            };
        }
        push_trimmed(text, start..cut, out);
        start = skip_ws(text, cut, end);
    }
}

/// Where to cut the text from `start` so that the piece ends by `limit`:
/// just after the last clause break in the second half of the window, else
/// at the last whitespace there, else either of them anywhere after
/// `start`, else the last character boundary. Always past `start`.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let half = window.len() / 2;
    let clause = |w: &str| {
        [", ", "; ", ": ", " — ", " – ", " - "]
            .iter()
            .filter_map(|b| w.rfind(b).map(|i| i + b.len()))
            .max()
    };
    let space = |w: &str| {
        w.char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
    };
    let at = clause(window)
        .filter(|&i| i > half)
        .or_else(|| space(window).filter(|&i| i > half))
        .or_else(|| clause(window))
        .or_else(|| space(window))
        .filter(|&i| i > 0 && i < window.len())
        .unwrap_or(window.len());
    if at == 0 {
        // A first character longer than the window: take it whole.
        return start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    start + at
}

/// Push `range` trimmed of whitespace at its end, unless nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = text[range.clone()].trim_end();
    if !s.is_empty() {
        out.push(range.start..range.start + s.len());
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
    // "J.D. Vance", "J.R.R. Tolkien": initials run together, each a single
    // capital.
    let initials = w
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    initials && next_is_capital
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let lex = Lexicon::default_lexicon();
        for (text, want) in [
            (
                "Mr. Zelensky met U.S. envoys on Feb. 17. They talked.",
                &["Mr. Zelensky met U.S. envoys on Feb. 17.", "They talked."],
            ),
            // Run-together initials.
            (
                "Trump and US Vice-President J.D. Vance met him. He left.",
                &[
                    "Trump and US Vice-President J.D. Vance met him.",
                    "He left.",
                ],
            ),
        ] {
            let s = split_sentences(text, std::slice::from_ref(&(0..text.len())), &[], &[], &lex);
            let got: Vec<&str> = s.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(got, want);
        }
    }

    /// An over-long sentence is cut into pieces of at most the cap, in
    /// order, at clause breaks, never inside a quotation, losing no word.
    #[test]
    fn over_long_sentences_are_cut_around_quotations() {
        let lex = Lexicon::default_lexicon();
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 9_000 {
            if i % 7 == 3 {
                text.push_str("“we reject the plan on territory and the ceasefire,” ");
            }
            text.push_str(&format!("Peskov said word{i} and the next, "));
            i += 1;
        }
        text.push_str("日本 ".repeat(900).as_str());
        let whole = 0..text.len();
        let paras = std::slice::from_ref(&whole);
        let quotes = super::super::quotes::find_quotes(&text, paras);
        assert!(quotes.len() > 20);
        let (s, cuts) = split_sentences_with_cuts(&text, paras, &quotes, &[], &lex);
        assert_eq!(cuts.sentences, 1);
        assert_eq!(cuts.pieces, s.len());
        assert!(s.len() >= 6, "{}", s.len());
        for w in s.windows(2) {
            assert!(w[0].end < w[1].start);
        }
        for r in &s {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{r:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(
                quotes.iter().all(|q| q.close <= r.start
                    || q.open >= r.end
                    || (q.open >= r.start && q.close <= r.end)),
                "{r:?} cuts a quotation"
            );
        }
        // Cut after a clause break, within the last half of the cap.
        assert!(
            text[s[0].clone()].ends_with(','),
            "{:?}",
            &text[s[0].clone()]
        );
        assert!(s[0].len() > MAX_SENTENCE_BYTES / 2);
        // No word lost: the pieces and the spaces between them are the text.
        let joined: String = s
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text.trim_end());
    }
}
