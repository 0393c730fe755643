//! The per-document path on arbitrary bytes, for each input format.
//!
//! The first byte picks the format (.txt, .html, .jsonl, .csv); the rest is
//! the file. Like `analyze`: decode (UTF-8, else Windows-1252; binary is
//! skipped), split records, build the document (HTML parsing, boilerplate,
//! metadata), extract statements and stances, and make the output rows.
//! Any panic is a finding; so is a statement span off the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancediff::corpus::{self, Format, InputFile, Meta, RawArticle};
use stancediff::documents::{self, Boilerplate};
use stancediff::lexicon::Lexicon;
use stancediff::pipeline::{analyze_document, stance_rows};
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::default_lexicon)
}

fn rules() -> &'static Boilerplate {
    static B: OnceLock<Boilerplate> = OnceLock::new();
    B.get_or_init(Boilerplate::default_rules)
}

fn run(raw: RawArticle) {
    let doc = documents::build(raw, None, rules());
    let a = analyze_document(&doc, lexicon());
    for s in &a.statements {
        assert!(s.span.end <= doc.text.len() && s.span.start <= s.span.end);
        assert!(doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end));
    }
    let _ = stance_rows(&doc, &a, lexicon());
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let (format, name) = match selector % 4 {
        0 => (Format::Text, "f.txt"),
        1 => (Format::Html, "f.html"),
        2 => (Format::Jsonl, "f.jsonl"),
        _ => (Format::Csv, "f.csv"),
    };
    match format {
        Format::Text | Format::Html => {
            let Ok((text, _)) = corpus::decode(bytes) else {
                return;
            };
            run(RawArticle {
                file: name.into(),
                record: 0,
                format,
                text,
                meta: Meta::default(),
                warnings: vec![],
                bytes: bytes.len(),
            });
        }
        Format::Jsonl | Format::Csv => {
            let file = InputFile {
                path: name.into(),
                rel: name.into(),
                format,
            };
            for raw in corpus::records_from_bytes(&file, bytes).into_iter().flatten() {
                run(raw);
            }
        }
    }
});
