//! When a statement was made: a date phrase near its cue ("on Monday",
//! "Feb. 17", "yesterday") resolved against the publication date.

use crate::documents::month_number;
use crate::text::{Cue, Quote, may_hold_digit, word_offset};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use memchr::memmem;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)")
        .unwrap()
});
static MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([A-Z][a-z]{2,8})\.? (\d{1,2})(?-u:\b)").unwrap());
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(yesterday|last week|today|this week|last month)(?-u:\b)").unwrap()
});

/// When the statement was made: a date phrase near its cue resolved against
/// the publication date, else the publication date.
pub(super) fn said_on(
    text: &str,
    sentence: &Range<usize>,
    cue: Option<&Cue>,
    quotes: &[Quote],
    published: Option<Date>,
) -> Option<Date> {
    let published = published?;
    let Some(cue) = cue else {
        return Some(published);
    };
    // The attribution clause: a few words either side of the cue, outside quotes.
    let before = &text[sentence.start..cue.start];
    let six_words = before
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(6)
        .map_or(0, |(i, _)| i);
    // "…on Nov. 5, sources said": a date before the comma belongs to the content.
    let comma = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '”' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let lo = sentence.start + six_words.max(comma);
    let mut hi = word_offset(text, cue.end, 7).min(sentence.end);
    if let Some(q) = quotes.iter().find(|q| q.open >= cue.end && q.open < hi) {
        hi = q.open;
    }
    let window = &text[lo..hi];
    resolve_date_phrase(window, published).or(Some(published))
}

/// Resolve "on Monday", "Feb. 17", "yesterday", "last week" against `published`.
pub fn resolve_date_phrase(window: &str, published: Date) -> Option<Date> {
    // Cheap tests first: most windows hold no date phrase, and each pattern
    // needs something that a byte search finds faster than the pattern does
    // (a digit; "day" in every weekday; "day", "week" or "month").
    let has_day = memmem::find(window.as_bytes(), b"day").is_some();
    if may_hold_digit(window)
        && let Some(c) = MONTH_DAY
            .captures_iter(window)
            .find(|c| !not_when_said(window, c.get(0).map_or(0, |m| m.start())))
        && let Some(m) = month_number(&c[1])
        && let Ok(day) = c[2].parse::<i8>()
        && let Ok(mut d) = Date::new(published.year(), m, day)
    {
        if d > published {
            d = Date::new(published.year() - 1, m, day).ok()?;
        }
        return Some(d);
    }
    if has_day
        && let Some(c) = WEEKDAY
            .captures_iter(window)
            .find(|c| !not_when_said(window, c.get(0).map_or(0, |m| m.start())))
    {
        let target = match &c[1] {
            "Monday" => Weekday::Monday,
            "Tuesday" => Weekday::Tuesday,
            "Wednesday" => Weekday::Wednesday,
            "Thursday" => Weekday::Thursday,
            "Friday" => Weekday::Friday,
            "Saturday" => Weekday::Saturday,
            _ => Weekday::Sunday,
        };
        let back = (published.weekday().to_monday_zero_offset() - target.to_monday_zero_offset())
            .rem_euclid(7);
        return published.checked_sub((back as i64).days()).ok();
    }
    let relative_word = has_day
        || memmem::find(window.as_bytes(), b"week").is_some()
        || memmem::find(window.as_bytes(), b"month").is_some();
    if relative_word && let Some(c) = RELATIVE.captures(window) {
        return match &c[1] {
            "yesterday" => published.checked_sub(1.day()).ok(),
            "last week" => {
                let monday = published
                    .checked_sub((published.weekday().to_monday_zero_offset() as i64).days())
                    .ok()?;
                monday.checked_sub(7.days()).ok()
            }
            "last month" => published.first_of_month().checked_sub(1.month()).ok(),
            _ => Some(published),
        };
    }
    None
}

/// "had given Ukraine until Nov 27", "by Friday", "since March 3", "the
/// deadline of Nov 27": a date
/// after one of these words bounds something else (a deadline, a span); it
/// is not when anything was said.
fn not_when_said(window: &str, at: usize) -> bool {
    let mut before = window[..at].split_whitespace().rev();
    let mut prev = before.next().unwrap_or("").to_ascii_lowercase();
    if prev == "on" || prev == "the" {
        prev = before.next().unwrap_or("").to_ascii_lowercase();
    }
    matches!(
        prev.as_str(),
        "until"
            | "till"
            | "by"
            | "before"
            | "after"
            | "since"
            | "from"
            | "through"
            | "of"
            | "deadline"
            | "starting"
            | "beginning"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_resolve_against_publication() {
        let p: Date = "2026-02-18".parse().unwrap(); // a Wednesday
        assert_eq!(
            resolve_date_phrase("said on Monday", p),
            Some("2026-02-16".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("said Monday night", p),
            Some("2026-02-16".parse().unwrap())
        );
        assert_eq!(resolve_date_phrase("on Wednesday", p), Some(p));
        assert_eq!(
            resolve_date_phrase("said on Feb. 17", p),
            Some("2026-02-17".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("said yesterday", p),
            Some("2026-02-17".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("last week", p),
            Some("2026-02-09".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("said on Dec. 30", p),
            Some("2025-12-30".parse().unwrap())
        );
    }

    #[test]
    fn a_deadline_or_a_span_is_not_when_it_was_said() {
        let p: Date = "2025-11-24".parse().unwrap(); // a Monday
        assert_eq!(
            resolve_date_phrase("had given Ukraine until Nov 27 to", p),
            None
        );
        assert_eq!(resolve_date_phrase("must answer by Friday", p), None);
        assert_eq!(
            resolve_date_phrase("said on Friday that the deadline of Nov 27", p),
            Some("2025-11-21".parse().unwrap())
        );
        assert_eq!(
            resolve_date_phrase("since Nov. 3, he said on Nov. 20", p),
            Some("2025-11-20".parse().unwrap())
        );
    }
}
