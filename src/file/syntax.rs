//! What a RON parse error means in the project file's own terms: no Rust type names, no
//! hints meant for programmers, and the user's text repeated only short and on one line.

use ron::error::Error;

use crate::model::echo;

/// The message for a file that does not parse (its position is reported beside it).
pub fn syntax_message(error: &Error) -> String {
    match error {
        Error::Eof => "the file ends too early: a closing `)` or `]` is missing".to_owned(),
        Error::ExpectedArray => "expected a list here, starting with `[`".to_owned(),
        Error::ExpectedArrayEnd => {
            "expected `]` to close the list, or a comma between its entries".to_owned()
        }
        Error::ExpectedBoolean => "expected `true` or `false`".to_owned(),
        Error::ExpectedComma => "expected a comma".to_owned(),
        Error::ExpectedFloat => "expected a number, such as `0.25`".to_owned(),
        Error::ExpectedInteger | Error::InvalidIntegerDigit { .. } => {
            "expected a whole number".to_owned()
        }
        Error::IntegerOutOfBounds => {
            "the number is too large or too small for this field".to_owned()
        }
        Error::ExpectedMapColon => "expected `:` between a field's name and its value".to_owned(),
        Error::ExpectedOption => "expected `Some(...)` or `None`".to_owned(),
        Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd => "expected `)`".to_owned(),
        Error::ExpectedStructLike => "expected `(`".to_owned(),
        Error::ExpectedNamedStructLike(name) => expected_item(name),
        Error::ExpectedStructName(name) => expected_item(name),
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("{}, not `{}`", expected_item(expected), echo(found))
        }
        Error::ExpectedString => "expected text in double quotes".to_owned(),
        Error::ExpectedStringEnd => "this text has no closing `\"`".to_owned(),
        Error::ExpectedIdentifier => "expected a field name".to_owned(),
        Error::InvalidEscape(_) => {
            "a backslash in text starts an escape such as `\\n`, `\\\"` or `\\\\`; this one is not known".to_owned()
        }
        Error::UnclosedBlockComment => "a `/*` comment is never closed".to_owned(),
        Error::UnexpectedChar(c) => format!("unexpected character `{}`", echo(&c.to_string())),
        Error::TrailingCharacters => "there is more after the end of the project".to_owned(),
        Error::InvalidValueForType { expected, found } => {
            format!("expected {}, found {}", value_name(expected), echo(found))
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{}` is not allowed {}; write one of {}",
            echo(found),
            outer.as_deref().map_or("here".to_owned(), |outer| format!("as {}", words(outer))),
            expected.join(", ")
        ),
        Error::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("this {outer} has no `{field}`, which it must have"),
            None => format!("the field `{field}` is missing"),
        },
        Error::DuplicateStructField { field, .. } => {
            format!("the field `{field}` is written twice")
        }
        Error::InvalidIdentifier(name) | Error::SuggestRawIdentifier(name) => {
            format!("`{}` is not a field name", echo(name))
        }
        Error::ExceededRecursionLimit => {
            "brackets nest far deeper here than in any project".to_owned()
        }
        // Our own messages (the limits) and those of the file's text encoding.
        Error::Message(message) => message.clone(),
        _ => "this is not how a project file is written here".to_owned(),
    }
}

/// A type's name as words: `CardKind` is "card kind".
fn words(name: &str) -> String {
    let mut words = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    words
}

/// "expected `Stage(...)` here".
fn expected_item(name: &str) -> String {
    format!("expected `{}(...)` here", echo(name))
}

/// What a value of the type serde expected is, in a user's words.
fn value_name(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a string" | "a borrowed string" => "text in double quotes".to_owned(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("`{name}(...)`"),
            None => other.to_owned(),
        },
    }
}
