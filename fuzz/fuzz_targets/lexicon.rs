//! Lexicon loading: any TOML text (including `extends`, joint parties and
//! huge or odd terms) gives a lexicon or an error, never a panic; a lexicon
//! that loads scans a short text without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancediff::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Paths in `extends` resolve against a folder with no lexicons in it.
    if let Ok(lex) = Lexicon::from_toml(text, "fuzz.toml") {
        let _ = lex.scan("Ukraine and Russia said the plan was rejected, Novak told reporters.");
        for p in 0..lex.parties.len() {
            let _ = lex.members(p);
        }
    }
});
