//! stancediff: who said what in a negotiation, and how each side's position moved.
//!
//! Data flows one way, one module per stage:
//! corpus -> documents -> text -> attribution -> stances -> positions -> shifts/gaps -> report.
//! [`text`] reads each document once (quotations, sentences, cues, mentions);
//! [`attribution`] finds its statements ([`statements`] is their stable path).
//! [`pipeline`] runs them all; [`output`] writes files atomically; [`eval`]
//! scores a run against gold annotations.

pub mod attribution;
pub mod charts;
pub mod corpus;
pub mod documents;
pub mod escape;
pub mod eval;
pub mod examples;
pub mod explain;
pub mod gaps;
pub mod ids;
pub mod lexicon;
pub mod mine;
pub mod output;
pub mod panics;
pub mod pipeline;
pub mod positions;
pub mod provenance;
pub mod report;
pub mod shifts;
pub mod stances;
pub mod statements;
pub mod text;
pub mod workbook;
