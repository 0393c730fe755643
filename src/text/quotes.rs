//! Quotation pairing: quotation marks paired per paragraph, multi-paragraph
//! quotations, and paragraphs quoted without marks and attributed after a dash.

use super::hits::hits_in;
use crate::lexicon::{Hit, Lexicon, Meaning};
use std::ops::Range;

/// A quotation: `open` is the opening mark, `[start, end)` the quoted words,
/// `close` the byte just past the closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// The closing mark that pairs with an opening mark.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"'],
        '"' => &['"', '”'],
        '«' => &['»'],
        '„' => &['“', '”'],
        '‘' => &['’'],
        '\'' => &['\''],
        '‹' => &['›'],
        _ => &[],
    }
}

fn is_double(open: char) -> bool {
    matches!(open, '“' | '"' | '«' | '„')
}

/// Can `c` at this position open a quotation? Apostrophes are not quotes.
fn opens(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '“' | '«' | '„' | '‹' => true,
        '"' => {
            !prev.is_some_and(|p| p.is_alphanumeric()) && next.is_some_and(|n| !n.is_whitespace())
        }
        '‘' => next.is_some_and(|n| n.is_alphabetic() || n == '“' || n == '"'),
        '\'' => !is_word_char(prev) && next.is_some_and(|n| n.is_alphabetic()),
        _ => false,
    }
}

/// Is `c` here a closing mark for `open`? Single marks must not be apostrophes.
fn closes(open: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    if !closers(open).contains(&c) {
        return false;
    }
    match c {
        '’' | '\'' => !is_word_char(next) && prev.is_some_and(|p| !p.is_whitespace()),
        '"' => prev.is_some_and(|p| !p.is_whitespace()) || !is_word_char(next),
        _ => true,
    }
}

/// An open quotation: its mark, where the mark stands, where its words start.
type Open = (char, usize, usize);

/// Pair quotation marks paragraph by paragraph. A quotation left open at the
/// end of a paragraph continues when the next paragraph opens with the same
/// mark (the newspaper convention for multi-paragraph quotes).
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // An open quotation carried over from the previous paragraph.
    let mut carried: Option<Open> = None;
    for (k, para) in paragraphs.iter().enumerate() {
        carried = pair_in_paragraph(text, para, carried.take(), &mut quotes);
        // "“It is a shame that Hamas has acted … in Gaza." with no closing
        // mark, and no quotation going on in the next paragraph: a paragraph
        // that opens with a double mark is quoted to its end.
        if let Some((mark, open, start)) = carried
            && let Some(next) = paragraphs.get(k + 1)
            && !text[next.clone()].starts_with(mark)
            && !closes_first(&text[next.clone()], mark)
        {
            carried = None;
            let end = start + text[start..para.end].trim_end().len();
            if matches!(mark, '“' | '"') && open == para.start && end > start {
                quotes.push(Quote {
                    open,
                    start,
                    end,
                    close: end,
                });
            }
        }
    }
    if let Some(q) = cut_off_quote(text, paragraphs, carried) {
        quotes.push(q);
    }
    quotes.retain(|q| q.end > q.start);
    quotes
}

/// The name in an embedded post's signature line: a dash, the name, the
/// account in brackets ("— Volodymyr Zelenskyy (@ZelenskyyUa) August 19,
/// 2025" gives "Volodymyr Zelenskyy").
pub fn post_signature(line: &str) -> Option<&str> {
    let rest = line
        .trim_start()
        .strip_prefix(['—', '–', '-'])?
        .trim_start();
    let (name, account) = rest.split_once(" (@")?;
    let handle_ok = account
        .split_once(')')
        .is_some_and(|(h, _)| !h.is_empty() && h.chars().all(|c| c.is_alphanumeric() || c == '_'));
    let name_ok = (1..=5).contains(&name.split_whitespace().count())
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
    (handle_ok && name_ok).then_some(name)
}

/// Paragraphs quoted without marks, the way outlets paste a post or a
/// statement: an embedded post before its signature line, and a paragraph
/// introduced by a speech verb and a colon or a speech participle. Only
/// prose of five words or more with no quotation mark of its own; who said
/// it is the attribution stage's question.
pub fn block_quotes(
    text: &str,
    paragraphs: &[Range<usize>],
    hits: &[Hit],
    lex: &Lexicon,
    quotes: &mut Vec<Quote>,
) {
    let marked = quotes.len();
    for pair in paragraphs.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        let inside = |p: &Range<usize>| {
            quotes[..marked]
                .iter()
                .any(|q| q.open < p.end && p.start < q.close)
        };
        let q = if post_signature(&text[second.clone()]).is_some() {
            post_body(text, first).filter(|_| !inside(first))
        } else if introduces_quotation(text, first, hits, lex) {
            introduced_body(text, second).filter(|_| !inside(second))
        } else {
            None
        };
        quotes.extend(q);
    }
    if quotes.len() > marked {
        quotes.sort_by_key(|q| q.open);
        // A paragraph both introduced and signed is one quotation.
        quotes.dedup_by_key(|q| q.open);
    }
}

/// Quotation marks of any kind: a paragraph with one is no block quotation.
const MARKS: [char; 6] = ['“', '”', '"', '«', '»', '„'];

/// An embedded post's text ("— Volodymyr Zelenskyy (@ZelenskyyUa) August
/// 19, 2025" follows it), without its trailing picture link.
fn post_body(text: &str, para: &Range<usize>) -> Option<Quote> {
    let body = text[para.clone()].trim_end();
    if body.split_whitespace().count() < 5 || body.contains(MARKS) {
        return None;
    }
    let cut = body.find(" pic.twitter.com").unwrap_or(body.len());
    Some(whole(para.start, para.start + body[..cut].trim_end().len()))
}

/// A prose paragraph after an introduction ("We will never give up our
/// land. …"): full sentences, no quotation mark.
fn introduced_body(text: &str, para: &Range<usize>) -> Option<Quote> {
    let body = text[para.clone()].trim_end();
    let prose = body.ends_with(['.', '!', '?', '…'])
        && body.starts_with(char::is_uppercase)
        && body.split_whitespace().count() >= 5;
    (prose && !body.contains(MARKS)).then(|| whole(para.start, para.start + body.len()))
}

/// Does paragraph `intro` introduce a quotation: its last sentence has a
/// speech verb (the grammar's reading, not a noun: "about the talks so
/// far:" quotes nothing) at most five words before a final colon ("Zelensky
/// wrote on Telegram:"), or it breaks off after a speech participle ("…
/// Ryabkov stating")?
fn introduces_quotation(text: &str, intro: &Range<usize>, hits: &[Hit], lex: &Lexicon) -> bool {
    let intro_text = text[intro.clone()].trim_end();
    let end = intro.start + intro_text.len();
    let speech =
        |h: &Hit, kinds: &[Meaning]| lex.term(h).meanings.iter().any(|m| kinds.contains(m));
    if intro_text.ends_with("ing") {
        return hits_in(hits, intro)
            .iter()
            .any(|h| h.end == end && speech(h, &[Meaning::SpeechVerb, Meaning::QuoteVerb]));
    }
    let Some(before_colon) = intro_text.strip_suffix(':') else {
        return false;
    };
    // The colon's own sentence: from the last full stop before it.
    let sentence = intro.start + before_colon.rfind(['.', '!', '?']).map_or(0, |i| i + 1)..end - 1;
    hits_in(hits, &sentence).iter().any(|h| {
        speech(h, &[Meaning::SpeechVerb])
            && text[h.end..sentence.end].split_whitespace().count() <= 5
            && super::grammar::verb_in_context(text, &sentence, h, hits, lex)
    })
}

/// A quotation without marks over `[start, end)`.
fn whole(start: usize, end: usize) -> Quote {
    Quote {
        open: start,
        start,
        end,
        close: end,
    }
}

/// Does the paragraph `p` close a curly quotation `mark` left open before
/// it, its first curly mark a closing one ("… ceasefire.¶The modalities …
/// processes,” stated the presidency."): a page broke the quotation into
/// two paragraphs.
fn closes_first(p: &str, mark: char) -> bool {
    mark == '“' && p.find(['“', '”']).is_some_and(|i| p[i..].starts_with('”'))
}

/// Pair the marks of one paragraph, continuing `carried` when the paragraph
/// opens with its mark (or closes it first, see [`closes_first`]). Returns
/// the double-mark quotation left open, if any.
fn pair_in_paragraph(
    text: &str,
    para: &Range<usize>,
    carried: Option<Open>,
    quotes: &mut Vec<Quote>,
) -> Option<Open> {
    let p = &text[para.clone()];
    let bytes = p.as_bytes();
    let mut state: Option<Open> = None;
    let mut i = 0;
    if let Some((mark, open, start)) = carried {
        if p.starts_with(mark) {
            state = Some((mark, open, start));
            i = mark.len_utf8();
        } else if closes_first(p, mark) {
            // A paragraph break inside the quotation (see `closes_first`).
            state = Some((mark, open, start));
        }
    }
    // Only these bytes can begin a quotation mark: " ' and the lead
    // bytes of “ ” ‘ ’ „ ‹ › (0xE2) and « » (0xC2).
    while i < bytes.len() {
        let b = bytes[i];
        if !matches!(b, b'"' | b'\'' | 0xE2 | 0xC2) {
            i += 1;
            continue;
        }
        let Some(c) = p[i..].chars().next() else {
            break;
        };
        let prev = p[..i].chars().next_back();
        let next = p[i + c.len_utf8()..].chars().next();
        match state {
            None => {
                if opens(c, prev, next) {
                    let start = para.start + i + c.len_utf8();
                    state = Some((c, para.start + i, start));
                }
            }
            Some((mark, open, start)) => {
                if closes(mark, c, prev, next) {
                    quotes.push(Quote {
                        open,
                        start,
                        end: para.start + i,
                        close: para.start + i + c.len_utf8(),
                    });
                    state = None;
                }
            }
        }
        i += c.len_utf8();
    }
    state.filter(|&(mark, _, _)| is_double(mark))
}

/// A quotation still open when the text ends (a cut-off article) runs to
/// the end of its paragraph, when it opens with a curly mark and a word (or
/// an editor's bracket: "“[The exchange] serves as a show of g").
fn cut_off_quote(text: &str, paragraphs: &[Range<usize>], carried: Option<Open>) -> Option<Quote> {
    if let Some((mark, open, start)) = carried
        && (mark == '“' || (mark == '"' && paragraphs.last().is_some_and(|p| p.contains(&open))))
        && let Some(para) = paragraphs.iter().find(|p| p.contains(&open))
        // "“[The exchange] serves as …": an editor's bracket may open it.
        && text[start..para.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '[')
    {
        let end = start + text[start..para.end].trim_end().len();
        return Some(Quote {
            open,
            start,
            end,
            close: end,
        });
    }
    None
}

/// "…we will inform you of our next steps - Umerov said." Some outlets quote
/// a whole paragraph without quotation marks and attribute it after a dash.
/// Such a paragraph (no quotation marks, a short tail after the last dash
/// with a speech verb) is a quotation up to the dash.
pub fn dash_quotes(
    text: &str,
    paragraphs: &[Range<usize>],
    hits: &[Hit],
    lex: &Lexicon,
    quotes: &mut Vec<Quote>,
) {
    let mut added = false;
    // Paragraphs and quotations are both in order: the first quotation that
    // may reach into a paragraph only moves forward (linear, not P x Q).
    let found = quotes.len();
    let mut k = 0;
    for para in paragraphs {
        while k < found && quotes[k].close <= para.start {
            k += 1;
        }
        if k < found && quotes[k].open < para.end {
            continue;
        }
        if let Some(q) = dash_quote(text, para, hits, lex) {
            quotes.push(q);
            added = true;
        }
    }
    if added {
        quotes.sort_by_key(|q| q.open);
    }
}

/// First words of a dash tail that describes what precedes it rather than
/// naming who said it.
const APPOSITION_OPENERS: &[&str] = &[
    "a",
    "an",
    "which",
    "that",
    "as",
    "something",
    "one",
    "what",
    "whom",
    "whose",
    "while",
    "although",
    "though",
    "despite",
    "even",
];

/// The last " - ", " – " or " — " in `p`: its start and length. One
/// backward pass over the dash bytes (this runs on every paragraph without
/// a quotation, where three reverse substring searches cost more).
fn last_spaced_dash(p: &str) -> Option<(usize, usize)> {
    let b = p.as_bytes();
    memchr::memrchr2_iter(b'-', 0xE2, b).find_map(|i| {
        let len = if b[i] == b'-' {
            1
        } else if b[i..].starts_with("–".as_bytes()) || b[i..].starts_with("—".as_bytes()) {
            3
        } else {
            return None;
        };
        (i > 0 && b[i - 1] == b' ' && b.get(i + len) == Some(&b' ')).then_some((i - 1, len + 2))
    })
}

/// The paragraph up to its last dash, when a short tail after the dash has
/// a speech verb.
fn dash_quote(text: &str, para: &Range<usize>, hits: &[Hit], lex: &Lexicon) -> Option<Quote> {
    let p = &text[para.clone()];
    let (dash, len) = last_spaced_dash(p)?;
    let tail = &p[dash + len..];
    if tail.split_whitespace().count() > 8 || p[..dash].split_whitespace().count() < 4 {
        return None;
    }
    // "… - a demand Kyiv has rejected", "… - which Moscow denied": an
    // apposition or relative clause about what precedes, not its attribution.
    let first = tail.split_whitespace().next().unwrap_or("").to_lowercase();
    if APPOSITION_OPENERS.contains(&first.as_str()) {
        return None;
    }
    // "Zelensky — who was in Kyiv — said …": the dash closes an aside that
    // a dash opened a few words before; the paragraph quotes nobody.
    if let Some((open, open_len)) = last_spaced_dash(&p[..dash])
        && p[open + open_len..dash].split_whitespace().count() <= 12
    {
        return None;
    }
    let tail_range = para.start + dash + len..para.end;
    // "… - rejected by Kyiv as capitulation" is a reduced passive, not an
    // attribution: a speech verb followed by "by" attributes nothing.
    // "Hamas accepts deal - Netanyahu dismisses proposal": a verb of
    // attitude with an object after it is a second headline clause, not an
    // attribution ("- Netanyahu dismisses", "- rejects Netanyahu" are).
    let speech = hits_in(hits, &tail_range).iter().any(|h| {
        let meanings = &lex.term(h).meanings;
        let object_after = meanings.iter().any(|m| matches!(m, Meaning::Attitude(_)))
            && text[h.end..tail_range.end]
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase));
        meanings.contains(&Meaning::SpeechVerb)
            && !text[h.end..].starts_with(" by ")
            && !object_after
    });
    if !speech {
        return None;
    }
    let body = p[..dash].trim_end();
    Some(Quote {
        open: para.start,
        start: para.start,
        end: para.start + body.len(),
        close: para.start + body.len(),
    })
}

/// Is `pos` inside a quotation, marks included? (`quotes` sorted by position.)
pub fn in_quote(quotes: &[Quote], pos: usize) -> bool {
    let i = quotes.partition_point(|q| q.close <= pos);
    i < quotes.len() && quotes[i].open <= pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<String> {
        let para = std::iter::once(0..text.len()).collect::<Vec<_>>();
        find_quotes(text, &para)
            .into_iter()
            .map(|q| text[q.start..q.end].to_string())
            .collect()
    }

    #[test]
    fn a_dash_pair_is_an_aside_not_a_dash_attributed_quotation() {
        let lex = crate::lexicon::Lexicon::default_lexicon();
        let dash_quoted = |text: &str| {
            let mut quotes = Vec::new();
            let para = 0..text.len();
            let paras = std::slice::from_ref(&para);
            dash_quotes(text, paras, &lex.scan(text), &lex, &mut quotes);
            quotes.len()
        };
        let text = "Zelensky — who was in Kyiv on Friday — said Kyiv would not cede land.";
        assert_eq!(dash_quoted(text), 0);
        // A paragraph attributed after its one dash is still a quotation.
        let text = "We will inform you of our next steps after the consultations - Umerov said.";
        assert_eq!(dash_quoted(text), 1);
    }

    #[test]
    fn a_quotation_broken_by_a_paragraph_break_is_one() {
        let text =
            "The presidency said: “The two leaders agreed.\n\nThe details will follow,” it said.";
        let paras = vec![
            0..text.find("\n\n").unwrap(),
            text.find("The details").unwrap()..text.len(),
        ];
        let qs = find_quotes(text, &paras);
        assert_eq!(qs.len(), 1);
        assert_eq!(
            &text[qs[0].start..qs[0].end],
            "The two leaders agreed.\n\nThe details will follow,"
        );
        // A straight mark left open does not reach into the next paragraph.
        let text = "He said: \"The two leaders agreed.\n\nThe details will follow,\" it said.";
        let paras = vec![
            0..text.find("\n\n").unwrap(),
            text.find("The details").unwrap()..text.len(),
        ];
        assert!(
            find_quotes(text, &paras)
                .iter()
                .all(|q| q.start > paras[0].end)
        );
    }

    #[test]
    fn the_last_spaced_dash_is_found_as_three_reverse_searches_find_it() {
        let slow = |p: &str| {
            [" - ", " – ", " — "]
                .iter()
                .filter_map(|d| p.rfind(d).map(|i| (i, d.len())))
                .max_by_key(|x| x.0)
        };
        for p in [
            "We will not - ever - cede land – Zelensky said",
            "Talks — said Peskov",
            "a-b -c- d",
            "no dash at all",
            " - ",
            "ends with –",
            "é – ü — x - y",
            "—",
            "x –— y",
        ] {
            assert_eq!(last_spaced_dash(p), slow(p), "{p:?}");
        }
    }

    #[test]
    fn a_post_signature_names_its_writer() {
        assert_eq!(
            post_signature("— Volodymyr Zelenskyy (@ZelenskyyUa) August 19, 2025"),
            Some("Volodymyr Zelenskyy")
        );
        assert_eq!(
            post_signature("- Jean Novak (@jnovak_1) May 2"),
            Some("Jean Novak")
        );
        // A dash that opens no signature.
        assert_eq!(post_signature("— the talks (@ a venue) went on"), None);
        assert_eq!(post_signature("Volodymyr Zelenskyy (@ZelenskyyUa)"), None);
    }

    #[test]
    fn quote_marks_of_many_styles() {
        assert_eq!(
            q("He said “yes” and «да» and „ja“ and \"si\"."),
            vec!["yes", "да", "ja", "si"]
        );
        assert_eq!(
            q("Russia’s view, don't and the '90s: ‘fine’ it is."),
            vec!["fine"]
        );
        assert_eq!(
            q("“He told me ‘never’ twice,” she said."),
            vec!["He told me ‘never’ twice,"]
        );
    }

    #[test]
    fn a_quoted_paragraph_left_open_runs_to_its_end() {
        let text = "“It is a shame. We are resolute.\n\nEarlier, officials met.";
        let paras = vec![
            0..text.find('\n').unwrap(),
            text.rfind('\n').unwrap() + 1..text.len(),
        ];
        let got: Vec<&str> = find_quotes(text, &paras)
            .into_iter()
            .map(|q| &text[q.start..q.end])
            .collect();
        assert_eq!(got, ["It is a shame. We are resolute."]);
        // Not when the mark opens inside the paragraph: no guess where it ends.
        let text = "He said “it is a shame and left.\n\nEarlier, officials met.";
        let paras = vec![
            0..text.find('\n').unwrap(),
            text.rfind('\n').unwrap() + 1..text.len(),
        ];
        assert!(find_quotes(text, &paras).is_empty());
    }

    #[test]
    fn a_quotation_cut_off_by_the_end_of_the_text_runs_to_it() {
        assert_eq!(
            q("Waltz said, “[The exchange] serves as a show of g"),
            vec!["[The exchange] serves as a show of g"]
        );
    }

    #[test]
    fn multi_paragraph_quotation_is_one() {
        let text = "“First part of it.\n\n“Second part,” he said.";
        let paras = vec![
            0..text.find('\n').unwrap(),
            text.rfind('“').unwrap()..text.len(),
        ];
        let qs = find_quotes(text, &paras);
        assert_eq!(qs.len(), 1);
        assert!(text[qs[0].start..qs[0].end].ends_with("Second part,"));
    }
}
