//! The one lexicon scan of a document, and the hits inside a range.

use crate::documents::Document;
use crate::lexicon::{Hit, Lexicon};
use std::ops::Range;

/// Every lexicon term in the document's paragraphs: the one scan of the
/// text that statements and stances share.
pub fn scan_document(doc: &Document, lex: &Lexicon) -> Vec<Hit> {
    let text = doc.text.as_str();
    let mut hits = Vec::new();
    for p in &doc.paragraphs {
        lex.scan_into(&text[p.clone()], p.start, &mut hits);
    }
    hits
}

/// The hits inside `range` (hits are sorted by start).
pub fn hits_in<'h>(hits: &'h [Hit], range: &Range<usize>) -> &'h [Hit] {
    let lo = hits.partition_point(|h| h.start < range.start);
    let hi = hits.partition_point(|h| h.start < range.end);
    let mut hi = hi;
    while hi > lo && hits[hi - 1].end > range.end {
        hi -= 1;
    }
    &hits[lo..hi.max(lo)]
}
