//! A Mermaid diagram's text as Mermaid's parser receives it, after what `mermaid.run`
//! does first: ts-dedent, trim, `<br>` made `<br/>`, CRLF made LF, YAML front matter
//! taken out (its `title` kept), `%%{…}%%` directives and `%%` comment lines removed, and
//! entity codes (`#58;`) hidden from the lexer. Each line keeps its place in the file,
//! so that messages name the line the user sees.

use super::{ImportError, Place};
use crate::model::echo;

/// A line of the prepared text: where it was in the file, and how many characters were
/// cut from its start.
#[derive(Clone, Debug)]
struct Line {
    number: usize,
    cut: usize,
    text: String,
}

/// The prepared text, and the front matter's title.
pub struct Prepared {
    /// Lines joined by `\n`, with a final `\n`, as Mermaid parses it.
    pub text: String,
    /// For each line of `text`: its line in the file and the characters cut from its
    /// start.
    places: Vec<(usize, usize)>,
    /// Byte offset in `text` where each line starts.
    starts: Vec<usize>,
    pub title: Option<String>,
}

impl Prepared {
    /// The file's line and column (both from 1) of byte `offset` of the prepared text.
    pub fn place(&self, offset: usize) -> (usize, usize) {
        let index = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let Some(&(number, cut)) = self.places.get(index) else {
            let last = self.places.last().map_or(1, |&(n, _)| n);
            return (last, 1);
        };
        let start = self.starts[index];
        let column = self.text[start..offset.min(self.text.len())]
            .chars()
            .count();
        (number, cut + column + 1)
    }
}

/// Whether `c` is whitespace to JavaScript's `\s` and `trim`.
pub fn js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Prepares `source` for the parser.
pub fn prepare(source: &str) -> Result<Prepared, ImportError> {
    let mut lines = split_lines(source);
    dedent(&mut lines);
    trim(&mut lines);
    for line in &mut lines {
        line.text = single_quoted_attributes(&breaks(&line.text));
    }
    let title = front_matter(&mut lines)?;
    remove_directives(&mut lines);
    remove_comment_lines(&mut lines);
    let mut text = String::new();
    let mut places = Vec::with_capacity(lines.len());
    let mut starts = Vec::with_capacity(lines.len());
    for line in &lines {
        starts.push(text.len());
        places.push((line.number, line.cut));
        text.push_str(&hide_entities(&line.text));
        text.push('\n');
    }
    Ok(Prepared {
        text,
        places,
        starts,
        title,
    })
}

/// The lines of `source`, split at LF, CRLF or CR (Mermaid makes each of them LF).
fn split_lines(source: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut rest = source;
    let mut number = 1;
    loop {
        let end = rest.find(['\r', '\n']);
        let (text, next) = match end {
            None => (rest, None),
            Some(i) => {
                let width = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], Some(&rest[i + width..]))
            }
        };
        lines.push(Line {
            number,
            cut: 0,
            text: text.to_owned(),
        });
        number += 1;
        match next {
            Some(next) => rest = next,
            None => break,
        }
    }
    lines
}

/// Removes `n` characters from the start of `line`.
fn cut(line: &mut Line, n: usize) {
    let bytes: usize = line.text.chars().take(n).map(char::len_utf8).sum();
    line.text.drain(..bytes);
    line.cut += n;
}

/// ts-dedent: the last line goes when it is only spaces and tabs; the least indentation
/// of the other lines (not the first) comes off each of them; a first line that is empty
/// goes.
fn dedent(lines: &mut Vec<Line>) {
    if lines.len() > 1
        && lines
            .last()
            .is_some_and(|l| l.text.chars().all(|c| c == ' ' || c == '\t'))
    {
        lines.pop();
    }
    let indent = |line: &Line| {
        line.text
            .chars()
            .take_while(|&c| c == ' ' || c == '\t')
            .count()
    };
    let least = lines
        .iter()
        .skip(1)
        .filter_map(|line| match line.text.chars().next() {
            Some(' ' | '\t') => Some(indent(line)),
            Some(c) if !js_space(c) => Some(0),
            _ => None,
        })
        .min();
    if let Some(least) = least.filter(|&n| n > 0) {
        for line in lines.iter_mut().skip(1) {
            if indent(line) >= least {
                cut(line, least);
            }
        }
    }
    if lines.len() > 1 && lines[0].text.is_empty() {
        lines.drain(..1);
    }
}

/// Removes the lines at the start that `blank` says are blank, keeping the last line.
fn drop_leading(lines: &mut Vec<Line>, blank: impl Fn(&Line) -> bool) {
    let count = lines
        .iter()
        .take(lines.len().saturating_sub(1))
        .take_while(|line| blank(line))
        .count();
    lines.drain(..count);
}

/// JavaScript's `trimStart` of the whole text.
fn trim_start(lines: &mut Vec<Line>) {
    drop_leading(lines, |line| line.text.chars().all(js_space));
    if let Some(first) = lines.first_mut() {
        let n = first.text.chars().take_while(|&c| js_space(c)).count();
        cut(first, n);
    }
}

/// JavaScript's `trim` of the whole text.
fn trim(lines: &mut Vec<Line>) {
    trim_start(lines);
    while lines.len() > 1 && lines.last().is_some_and(|l| l.text.chars().all(js_space)) {
        lines.pop();
    }
    if let Some(last) = lines.last_mut() {
        let kept = last.text.trim_end_matches(js_space).len();
        last.text.truncate(kept);
    }
}

/// `text` with each tag that `rewrite` recognises at a `<` (given the text from there)
/// replaced by what it gives, and the rest of the text after it.
fn rewrite_tags<'a>(
    text: &'a str,
    rewrite: impl Fn(&'a str) -> Option<(String, &'a str)>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag = &rest[i..];
        match rewrite(tag) {
            Some((replaced, after)) => {
                out.push_str(&replaced);
                rest = after;
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<br>`, `<br/>` and `<br />` (any case, any spaces) as `<br/>`.
fn breaks(text: &str) -> String {
    rewrite_tags(text, |tag| {
        tag.get(..3)
            .filter(|t| t.eq_ignore_ascii_case("<br"))
            .and_then(|_| {
                let after = tag[3..].trim_start_matches(js_space);
                let after = after.strip_prefix('/').unwrap_or(after);
                after.strip_prefix('>')
            })
            .map(|after| ("<br/>".to_owned(), after))
    })
}

/// Mermaid's cleanupText: `attr="value"` inside a tag becomes `attr='value'`.
fn single_quoted_attributes(text: &str) -> String {
    if !text.contains("=\"") {
        return text.to_owned();
    }
    rewrite_tags(text, |tag| {
        let name = tag[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tag.len() - 1);
        tag.find('>')
            .filter(|_| name > 0)
            .map(|end| (requote(&tag[..=end]), &tag[end + 1..]))
    })
}

/// `="…"` as `='…'` in one tag.
fn requote(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(i) = rest.find("=\"") {
        let value = &rest[i + 2..];
        match value.find('"') {
            Some(end) => {
                out.push_str(&rest[..i]);
                out.push_str("='");
                out.push_str(&value[..end]);
                out.push('\'');
                rest = &value[end + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Takes YAML front matter (`---` lines around it, at the very start) out of `lines`;
/// returns its `title`. A title YAML (and so Mermaid) refuses is refused with its line.
fn front_matter(lines: &mut Vec<Line>) -> Result<Option<String>, ImportError> {
    let fence = |line: &Line| {
        line.text
            .strip_prefix("---")
            .is_some_and(|rest| rest.chars().all(js_space))
    };
    if !lines.first().is_some_and(fence) {
        return Ok(None);
    }
    // The closing fence must have a line after it, and a line (maybe empty) before it.
    let Some(close) = (2..lines.len().saturating_sub(1)).find(|&i| fence(&lines[i])) else {
        return Ok(None);
    };
    let title = lines[1..close]
        .iter()
        .find_map(|line| yaml_title(&line.text).map(|title| (line.number, title)));
    let title = match title {
        Some((line, Err(message))) => {
            return Err(ImportError::at(
                &Place::Line { line, column: None },
                message,
            ));
        }
        Some((_, Ok(title))) => Some(title).filter(|t| !t.is_empty()),
        None => None,
    };
    lines.drain(..=close);
    drop_leading(lines, |line| line.text.is_empty());
    Ok(title)
}

/// The value of a top-level `title:` line of YAML, unquoted; `None` for another line.
fn yaml_title(line: &str) -> Option<Result<String, String>> {
    let value = line.strip_prefix("title")?.trim_start_matches([' ', '\t']);
    let value = value.strip_prefix(':')?.trim();
    let quoted = |q: char| {
        value
            .strip_prefix(q)
            .and_then(|v| v.rfind(q).map(|end| v[..end].to_owned()))
    };
    let title = if let Some(v) = quoted('"') {
        v.replace("\\\"", "\"")
    } else if let Some(v) = quoted('\'') {
        v.replace("''", "'")
    } else {
        // A plain scalar ends where a comment starts, and may not hold `: `.
        let plain = match value.find(" #") {
            Some(i) => value[..i].trim_end(),
            None => value,
        };
        if plain.contains(": ") || plain.ends_with(':') {
            return Some(Err(format!(
                "the front matter's title `{}` holds a `:`, which YAML (and so Mermaid) takes for another key; put the title in quotes: title: \"{}\"",
                echo(plain),
                echo(plain)
            )));
        }
        plain.to_owned()
    };
    Some(Ok(title))
}

/// Removes `%%{ … }%%` directives (which may span lines); a line left with nothing is
/// kept, empty.
fn remove_directives(lines: &mut [Line]) {
    let mut inside = false;
    for line in lines.iter_mut() {
        let mut kept = String::new();
        let mut rest = line.text.as_str();
        loop {
            if inside {
                match rest.find("}%%") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        inside = false;
                    }
                    None => break,
                }
            } else {
                match directive_start(rest) {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        rest = &rest[start + 3..];
                        inside = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        line.text = kept;
    }
}

/// Where a directive starts in `text`: `%%{` followed by a word (after spaces).
fn directive_start(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("%%{") {
        let at = from + i;
        let after = text[at + 3..].trim_start_matches(js_space);
        if after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            return Some(at);
        }
        from = at + 3;
    }
    None
}

/// Removes lines that are `%%` comments (not `%%{`), then any blank lines at the start.
fn remove_comment_lines(lines: &mut Vec<Line>) {
    lines.retain(|line| {
        let text = line.text.trim_start_matches(js_space);
        !(text.starts_with("%%") && text.len() > 2 && !text[2..].starts_with('{'))
    });
    trim_start(lines);
}

/// Where an entity code starts and ends inside the prepared text: between these, the
/// lexer sees no `#` or `;`.
const ENTITY_OPEN: char = '\u{f8f0}';
const ENTITY_CLOSE: char = '\u{f8f1}';

/// Mermaid's encodeEntities: each `#word;` (`#58;`, `#amp;`) hidden from the lexer, to be
/// shown as the character it codes once parsed.
fn hide_entities(text: &str) -> String {
    if !text.contains('#') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let word = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if word > 0 && after[word..].starts_with(';') {
            out.push(ENTITY_OPEN);
            out.push_str(&after[..word]);
            out.push(ENTITY_CLOSE);
            rest = &after[word + 1..];
        } else {
            out.push('#');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A parsed name with its entity codes shown as the characters they code: `#58;` is `:`,
/// `#amp;` is `&`; a name Mermaid does not know stays `&name;`, as a browser shows it.
pub fn show_entities(text: &str) -> String {
    if !text.contains(ENTITY_OPEN) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(ENTITY_OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + ENTITY_OPEN.len_utf8()..];
        let end = after.find(ENTITY_CLOSE).unwrap_or(after.len());
        let code = &after[..end];
        let digits = code.strip_prefix('+').unwrap_or(code);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let c = digits
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}');
            out.push(c);
        } else {
            match code {
                "amp" => out.push('&'),
                "lt" => out.push('<'),
                "gt" => out.push('>'),
                "quot" => out.push('"'),
                "apos" => out.push('\''),
                "nbsp" => out.push('\u{a0}'),
                _ => {
                    out.push('&');
                    out.push_str(code);
                    out.push(';');
                }
            }
        }
        rest = after.get(end + ENTITY_CLOSE.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}
