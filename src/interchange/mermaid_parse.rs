//! Mermaid's `journey` grammar (journey.jison, at mermaid-js/mermaid df032c9) and the
//! meaning journeyDb gives it: the lexer's rules in their order, the first that matches
//! winning, and statements in any order after the `journey` header.

use super::mermaid_text::{Prepared, js_space, prepare, show_entities};
use super::{ImportError, Place};
use crate::model::echo;

/// What a diagram says, as Mermaid's journeyDb holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagram {
    pub title: String,
    pub acc_title: String,
    pub acc_descr: String,
    /// Every `section` statement, repeats too.
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
}

/// A `section` statement: its name and its line in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub name: String,
    pub line: usize,
}

/// A task line: `Name: score: actor, actor`.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    /// The section the task is in, by its place in `sections`; `None` before any.
    pub section: Option<usize>,
    pub name: String,
    pub score: Score,
    /// The actors, trimmed; `[]` without a second colon, `[""]` for an empty list.
    pub people: Vec<String>,
    /// The task's line in the file.
    pub line: usize,
}

/// A task's score as JavaScript's `Number()` reads it, and the text it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub value: f64,
    pub text: String,
}

/// The tokens of the journey lexer.
#[derive(Clone, Debug, PartialEq)]
enum Token {
    Journey,
    Title(String),
    AccTitle(String),
    AccDescr(String),
    Section(String),
    TaskName(String),
    TaskData(String),
    Colon,
    Newline,
    End,
    Invalid(char),
}

impl Token {
    /// The token as Mermaid's messages name it.
    fn mermaid_name(&self) -> &'static str {
        match self {
            Token::Journey => "journey",
            Token::Title(_) => "title",
            Token::AccTitle(_) => "acc_title",
            Token::AccDescr(_) => "acc_descr",
            Token::Section(_) => "section",
            Token::TaskName(_) => "taskName",
            Token::TaskData(_) => "taskData",
            Token::Colon => ":",
            Token::Newline => "NEWLINE",
            Token::End => "EOF",
            Token::Invalid(_) => "INVALID",
        }
    }
}

/// Parses a diagram as Mermaid does (its preprocessing first). An error names the line
/// and column in the file, and what Mermaid expected there.
pub fn parse_mermaid(source: &str) -> Result<Diagram, ImportError> {
    let prepared = prepare(source)?;
    if prepared.text.trim_matches(js_space).is_empty() {
        return Err(ImportError::Whole(
            "the file is empty: a Mermaid journey diagram starts with the word `journey`"
                .to_owned(),
        ));
    }
    let mut lexer = Lexer {
        text: &prepared.text,
        at: 0,
    };
    let mut diagram = Diagram {
        title: prepared.title.clone().unwrap_or_default(),
        ..Diagram::default()
    };
    let (first, at) = lexer.next(&prepared)?;
    // Mermaid knows a journey by a lower-case `journey` (its lexer takes any case).
    if first == Token::Journey && !prepared.text[at..].starts_with("journey") {
        let (line, column) = prepared.place(at);
        return Err(ImportError::at(
            &Place::Line {
                line,
                column: Some(column),
            },
            "Mermaid knows a journey diagram by the word `journey` in lower case",
        ));
    }
    if first != Token::Journey {
        return Err(unexpected(
            &prepared,
            at,
            &first,
            "'journey'",
            "a Mermaid journey diagram starts with the word `journey`",
        ));
    }
    loop {
        let (token, at) = lexer.next(&prepared)?;
        match token {
            Token::Newline => {}
            Token::End => return Ok(diagram),
            Token::Title(title) => diagram.title = show_entities(&title),
            Token::AccTitle(text) => diagram.acc_title = show_entities(text.trim()),
            Token::AccDescr(text) => diagram.acc_descr = show_entities(&text),
            Token::Section(name) => diagram.sections.push(Section {
                name: show_entities(&name),
                line: prepared.place(at).0,
            }),
            Token::TaskName(name) => {
                let (data, data_at) = lexer.next(&prepared)?;
                let Token::TaskData(data) = data else {
                    return Err(unexpected(
                        &prepared,
                        data_at,
                        &data,
                        "'taskData'",
                        "a task needs a score after its name, as in `Make tea: 5: Me`",
                    ));
                };
                diagram
                    .tasks
                    .push(task(&diagram, &name, &data, prepared.place(at).0));
            }
            other => {
                return Err(unexpected(
                    &prepared,
                    at,
                    &other,
                    "'title', 'acc_title', 'acc_descr', 'section', 'taskName'",
                    "a line of a journey is a title, a section or a task (`Name: score: actors`)",
                ));
            }
        }
    }
}

/// journeyDb.addTask: the score before the second colon, the actors after it.
fn task(diagram: &Diagram, name: &str, data: &str, line: usize) -> Task {
    let mut pieces = data[1..].split(':');
    let score = pieces.next().unwrap_or_default();
    let people = pieces
        .next()
        .map(|people| {
            people
                .split(',')
                .map(|p| show_entities(p.trim_matches(js_space)))
                .collect()
        })
        .unwrap_or_default();
    Task {
        section: diagram.sections.len().checked_sub(1),
        name: show_entities(name),
        score: Score {
            value: js_number(score),
            text: show_entities(score.trim_matches(js_space)),
        },
        people,
        line,
    }
}

/// The error for `found` at byte `at` where Mermaid expected `expected`.
fn unexpected(
    prepared: &Prepared,
    at: usize,
    found: &Token,
    expected: &str,
    advice: &str,
) -> ImportError {
    let (line, column) = prepared.place(at);
    let found_words = match found {
        Token::Newline => "the end of the line".to_owned(),
        Token::End => "the end of the diagram".to_owned(),
        Token::Colon => "a `:` with nothing after it".to_owned(),
        Token::Invalid(c) => format!("`{c}`"),
        Token::Journey => "a second `journey`".to_owned(),
        Token::Title(_) => "a title".to_owned(),
        Token::AccTitle(_) | Token::AccDescr(_) => "an accessible title or description".to_owned(),
        Token::Section(_) => "a section".to_owned(),
        Token::TaskName(name) => format!("the task `{}`", echo(name.trim())),
        Token::TaskData(_) => "a score".to_owned(),
    };
    ImportError::at(
        &Place::Line {
            line,
            column: Some(column),
        },
        format!(
            "{advice}; found {found_words} (Mermaid: Expecting {expected}, got '{}')",
            found.mermaid_name()
        ),
    )
}

/// The journey lexer over the prepared text.
struct Lexer<'a> {
    text: &'a str,
    at: usize,
}

impl Lexer<'_> {
    /// The next token the parser sees and the byte where it starts; skipped text
    /// (spaces, comments) is passed over.
    fn next(&mut self, prepared: &Prepared) -> Result<(Token, usize), ImportError> {
        loop {
            let start = self.at;
            let rest = &self.text[start..];
            let Some(first) = rest.chars().next() else {
                return Ok((Token::End, start));
            };
            // %% comment (not %%{), then any character but } before a %% comment.
            if rest.starts_with("%%") && !rest[2..].starts_with('{') {
                self.at += line_end(rest);
                continue;
            }
            let second = &rest[first.len_utf8()..];
            if first != '}' && second.starts_with("%%") {
                self.at += first.len_utf8() + line_end(second);
                continue;
            }
            if first == '\n' {
                self.at += rest.len() - rest.trim_start_matches('\n').len();
                return Ok((Token::Newline, start));
            }
            if js_space(first) {
                self.at += rest.len() - rest.trim_start_matches(js_space).len();
                continue;
            }
            if first == '#' {
                self.at += line_end(rest);
                continue;
            }
            if keyword(rest, "journey") {
                self.at += "journey".len();
                return Ok((Token::Journey, start));
            }
            if let Some(after) = keyword_space(rest, "title") {
                let value = take_while_not(after, &['#', '\n', ';']);
                if !value.is_empty() {
                    self.at = start + (rest.len() - after.len()) + value.len();
                    return Ok((Token::Title(value.to_owned()), start));
                }
            }
            for (word, single) in [("accTitle", true), ("accDescr", false)] {
                if !keyword(rest, word) {
                    continue;
                }
                let after = rest[word.len()..].trim_start_matches(js_space);
                if let Some(value) = after.strip_prefix(':') {
                    let value = value.trim_start_matches(js_space);
                    let line = &value[..line_end(value)];
                    self.at = start + (rest.len() - value.len()) + line.len();
                    let line = line.trim_matches(js_space).to_owned();
                    let token = if single {
                        Token::AccTitle(line)
                    } else {
                        Token::AccDescr(line)
                    };
                    return Ok((token, start));
                }
                if !single && let Some(value) = after.strip_prefix('{') {
                    let value = value.trim_start_matches(js_space);
                    let Some(end) = value.find('}') else {
                        let (line, column) = prepared.place(start);
                        return Err(ImportError::at(
                            &Place::Line {
                                line,
                                column: Some(column),
                            },
                            "`accDescr {` is never closed with `}`",
                        ));
                    };
                    self.at = start + (rest.len() - value.len()) + end + 1;
                    return Ok((Token::AccDescr(multiline(&value[..end])), start));
                }
            }
            if let Some(after) = keyword_space(rest, "section") {
                let value = take_while_not(after, &['#', ':', '\n', ';']);
                if !value.is_empty() {
                    self.at = start + (rest.len() - after.len()) + value.len();
                    return Ok((Token::Section(value.to_owned()), start));
                }
            }
            let name = take_while_not(rest, &['#', ':', '\n', ';']);
            if !name.is_empty() {
                self.at += name.len();
                return Ok((Token::TaskName(name.to_owned()), start));
            }
            if let Some(after) = rest.strip_prefix(':') {
                let data = take_while_not(after, &['#', '\n', ';']);
                self.at += 1 + data.len();
                if data.is_empty() {
                    return Ok((Token::Colon, start));
                }
                return Ok((Token::TaskData(format!(":{data}")), start));
            }
            self.at += first.len_utf8();
            return Ok((Token::Invalid(first), start));
        }
    }
}

/// Bytes up to the end of the line (the `\n` not included).
fn line_end(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

/// The longest start of `text` without any of `stops`.
fn take_while_not<'a>(text: &'a str, stops: &[char]) -> &'a str {
    &text[..text.find(stops).unwrap_or(text.len())]
}

/// Whether `text` starts with `word`, in any case (the lexer is case-insensitive).
fn keyword(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(word))
}

/// What follows `word` and one whitespace character at the start of `text`.
fn keyword_space<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    if !keyword(text, word) {
        return None;
    }
    let after = &text[word.len()..];
    let space = after.chars().next().filter(|&c| js_space(c))?;
    Some(&after[space.len_utf8()..])
}

/// A multi-line accessible description as Mermaid keeps it: trimmed, each line break
/// with the spaces after it made one line break.
fn multiline(text: &str) -> String {
    let text = text.trim_matches(js_space);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            while chars.peek().is_some_and(|&c| js_space(c)) {
                chars.next();
            }
        }
        out.push(c);
    }
    out
}

/// JavaScript's `Number()` of a text: decimal (with exponent), `0x`/`0o`/`0b` integers,
/// `Infinity`, 0 for blank text, NaN for anything else.
pub fn js_number(text: &str) -> f64 {
    let text = text.trim_matches(js_space);
    if text.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = text.get(..2).filter(|p| p.eq_ignore_ascii_case(prefix)) {
            let digits = &text[digits.len()..];
            return u128::from_str_radix(digits, radix)
                .ok()
                .filter(|_| !digits.starts_with(['+', '-']))
                .map_or(f64::NAN, |n| n as f64);
        }
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let negative = text.starts_with('-');
    if unsigned == "Infinity" {
        return if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty())
        }
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if mantissa_ok && exponent_ok {
        text.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}
