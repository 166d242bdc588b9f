//! What can go wrong reading or writing a project file, each naming the file.

use std::path::PathBuf;

use crate::model::ValidationError;

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{}: the file is {size} bytes, larger than the {} MiB a project may have",
        path.display(),
        limit / (1024 * 1024)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}:{line}:{column}: the file is not UTF-8 text (a project file is UTF-8 RON)", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: the project is in format {found}, newer than format {known} that this version of Journeymap reads; open it with a newer Journeymap",
        path.display()
    )]
    NewerFormat {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("{}: {}", path.display(), list_errors(errors))]
    Invalid {
        path: PathBuf,
        errors: Vec<ValidationError>,
    },
    #[error(
        "{}: this PNG holds no Journeymap project (only PNGs exported by Journeymap can be opened)",
        path.display()
    )]
    NoProjectInPng { path: PathBuf },
    #[error(
        "{}: the project inside this PNG is larger than the {} MiB a project may have",
        path.display(),
        limit / (1024 * 1024)
    )]
    PngProjectTooLarge { path: PathBuf, limit: u64 },
    #[error("{}: not a readable PNG: {message}", path.display())]
    Png { path: PathBuf, message: String },
    #[error(
        "{}: not replaced: it is not a regular file (a device, a pipe or a folder); choose a file name",
        path.display()
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{}: not replaced: the file is read-only; make it writable or choose another name",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error("{}: cannot save: {source}; the file on disk is unchanged", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// How many validation errors a message lists before it says how many more there are.
const LISTED_ERRORS: usize = 20;

fn list_errors(errors: &[ValidationError]) -> String {
    let mut text = match errors.len() {
        1 => "the project is not valid: ".to_owned(),
        n => format!("the project is not valid ({n} problems):\n  "),
    };
    let listed: Vec<String> = errors
        .iter()
        .take(LISTED_ERRORS)
        .map(ToString::to_string)
        .collect();
    text.push_str(&listed.join("\n  "));
    if errors.len() > LISTED_ERRORS {
        text.push_str(&format!(
            "\n  ... and {} more",
            errors.len() - LISTED_ERRORS
        ));
    }
    text
}
