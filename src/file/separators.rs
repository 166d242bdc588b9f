//! A quick first pass over project text that counts its separators (`,` `:` `(` `[` `{`)
//! outside strings and comments: about one per value.
//!
//! The lists of a project are bounded while it is parsed (`model::limits`), but fields this
//! version does not know are skipped, unbounded, and skipping millions of tiny values takes
//! the parser seconds. A project within the limits has at most a few million separators;
//! a file of many more is refused before it is parsed, so that reading any file up to the
//! size limit stays fast.

/// The most separators a project file may have. The 500,000 entries the limits allow,
/// written as tersely as RON allows, have about 7 million; 64 MiB of `1,1,1,…` has 32
/// million, and parsing 8 million takes about 1.5 seconds.
pub const MAX_SEPARATORS: usize = 8_000_000;

/// Where in `text` (a byte offset) the separator one too many is, if there is one.
pub fn separator_over_limit(text: &[u8]) -> Option<usize> {
    let mut count = 0;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b',' | b':' | b'(' | b'[' | b'{' => {
                count += 1;
                if count > MAX_SEPARATORS {
                    return Some(i);
                }
                i += 1;
            }
            b'"' => i = string_end(text, i),
            b'\'' => i = quoted_end(text, i + 1, b'\''),
            b'/' if text.get(i + 1) == Some(&b'/') => {
                i = text[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(text.len(), |end| i + end + 1);
            }
            b'/' if text.get(i + 1) == Some(&b'*') => i = block_comment_end(text, i + 2),
            _ => i += 1,
        }
    }
    None
}

/// Just past the string whose opening quote is at `quote`: a raw string (`r"…"`,
/// `r#"…"#`) ends at a quote followed by as many `#` as it began with; any other string at
/// the first quote not escaped by a backslash.
fn string_end(text: &[u8], quote: usize) -> usize {
    let hashes = text[..quote]
        .iter()
        .rev()
        .take_while(|&&b| b == b'#')
        .count();
    let raw = quote
        .checked_sub(hashes + 1)
        .is_some_and(|r| text[r] == b'r');
    if !raw {
        return quoted_end(text, quote + 1, b'"');
    }
    let mut i = quote + 1;
    while let Some(offset) = text[i..].iter().position(|&b| b == b'"') {
        let close = i + offset;
        let after = &text[close + 1..];
        if after.len() >= hashes && after[..hashes].iter().all(|&b| b == b'#') {
            return close + 1 + hashes;
        }
        i = close + 1;
    }
    text.len()
}

/// Just past the `end` byte that closes a string or character starting at `start`, where
/// a backslash escapes the byte after it.
fn quoted_end(text: &[u8], start: usize, end: u8) -> usize {
    let mut i = start;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b if b == end => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// Just past the `*/` that closes a block comment whose text starts at `start`; block
/// comments nest.
fn block_comment_end(text: &[u8], start: usize) -> usize {
    let mut depth = 1;
    let mut i = start;
    while i + 1 < text.len() {
        match (text[i], text[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    text.len()
}
