//! Word-level offsets shared by the sentence layer and the stages after it.

/// Byte offset `n` words after `from`.
pub fn word_offset(text: &str, from: usize, n: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text[from..].char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count >= n {
                    return from + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}
