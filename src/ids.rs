//! Ids read from data: parties, issues, statements and documents.
//!
//! An id that comes from a file (a `stances.csv` given to `compare`, gold
//! annotations, a lexicon) ends up in file names (`charts/issue_<id>.svg`),
//! HTML anchors and CSV cells. Only ASCII letters, digits, `_` and `-` are
//! allowed, at most [`MAX_ID_LEN`] bytes, so an id can never name a path
//! outside the output folder (`x/../../tmp/evil`) or break out of markup.

use anyhow::{Result, bail};

/// Longest id accepted (a file name has room for 255 bytes).
pub const MAX_ID_LEN: usize = 128;

/// Is `s` a valid id: 1 to [`MAX_ID_LEN`] ASCII letters, digits, `_` or `-`?
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// `Ok` for a valid id; else an error that names what the id is and shows it
/// safely (control characters and quotes escaped).
pub fn check(kind: &str, s: &str) -> Result<(), String> {
    if is_valid(s) {
        Ok(())
    } else {
        Err(format!(
            "invalid {kind} id {:?}: ids are 1 to {MAX_ID_LEN} ASCII letters, digits, '_' or '-'",
            shorten(s)
        ))
    }
}

fn shorten(s: &str) -> String {
    if s.len() <= 80 {
        return s.to_string();
    }
    let mut end = 80;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// Every party and issue id of a lexicon must be a valid id (they become
/// file names and anchors). The lexicon loader does not check this itself.
pub fn check_lexicon(lex: &crate::lexicon::Lexicon) -> Result<()> {
    for p in &lex.parties {
        if let Err(e) = check("party", &p.id) {
            bail!("lexicon: {e}");
        }
    }
    for i in &lex.issues {
        if let Err(e) = check("issue", &i.id) {
            bail!("lexicon: {e}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid("ceasefire"));
        assert!(is_valid("d10ab6cf1b528-014"));
        assert!(is_valid("us_iran"));
        assert!(!is_valid(""));
        assert!(!is_valid("x/../../tmp/evil"));
        assert!(!is_valid(".."));
        assert!(!is_valid("a b"));
        assert!(!is_valid("é"));
        assert!(!is_valid(&"a".repeat(MAX_ID_LEN + 1)));
        let e = check("issue", "x/../../tmp/evil").unwrap_err();
        assert!(e.contains("invalid issue id"), "{e}");
    }

    #[test]
    fn bundled_lexicon_ids_are_valid() {
        check_lexicon(&crate::lexicon::Lexicon::default_lexicon()).unwrap();
    }
}
