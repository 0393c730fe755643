//! Statements: the stable path to the statement API.
//!
//! The work is done in two stages: [`crate::text`], the sentence layer
//! (the one lexicon scan, quotations, sentences, cues and mentions), and
//! [`crate::attribution`], which turns an analysed document into
//! [`Statement`]s. This module re-exports what callers have always used
//! (`extract`, `extract_with_hits`, `scan_document`, `hits_in`, `Statement`,
//! `Kind`, …), so `stancediff::statements::…` keeps working.

pub use crate::attribution::{Kind, Statement, extract, extract_with_hits, resolve_date_phrase};
pub use crate::text::{
    MAX_CUES_PER_SENTENCE, Quote, find_quotes, hits_in, scan_document, split_sentences,
    verb_in_context,
};
