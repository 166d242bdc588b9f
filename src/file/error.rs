//! What can go wrong reading or writing a project file, each naming the file.

use std::path::PathBuf;

use crate::model::Problems;

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}: cannot read: {}", path.display(), io_reason(source))]
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
    #[error(
        "{}: the file is not UTF-8 text (a project file is UTF-8 RON)",
        at(path, *line, *column, *in_picture)
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        /// The position is in the project embedded in a PNG, not in the picture's bytes.
        in_picture: bool,
    },
    #[error("{}: {message}", at(path, *line, *column, *in_picture))]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The position is in the project embedded in a PNG, not in the picture's bytes.
        in_picture: bool,
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
    #[error("{}: {}", path.display(), list_problems(problems))]
    Invalid { path: PathBuf, problems: Problems },
    #[error(
        "{}: this {kind} holds no Journeymap project, or the one it held is damaged: only pictures exported with their map embedded can be opened (not one exported as a plain picture, with `--embed none` or the dialog's \"Embed the project\" unticked)",
        path.display()
    )]
    NoProjectInPicture { path: PathBuf, kind: &'static str },
    #[error(
        "{}: the project inside this {kind} is larger than the {} MiB a project may have",
        path.display(),
        limit / (1024 * 1024)
    )]
    ProjectInPictureTooLarge {
        path: PathBuf,
        kind: &'static str,
        limit: u64,
    },
    /// A picture (PNG, PDF or SVG) that cannot be read.
    #[error("{}: not a readable {kind}: {message}", path.display())]
    Picture {
        path: PathBuf,
        kind: &'static str,
        message: String,
    },
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
    /// A project that did not open, beside the version its last save replaced.
    #[error(
        "{error}\nThe version saved before is kept beside it, in {}.",
        backup.display()
    )]
    BackupExists {
        error: Box<FileError>,
        backup: PathBuf,
    },
    #[error(
        "{}: cannot save: {}; the file on disk is unchanged",
        path.display(),
        io_reason(source)
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why reading or writing failed, in words, without the system's error number.
fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "there is no such file (or folder)".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => {
            let text = error.to_string();
            match text.rfind(" (os error ") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}

/// `plan.ron:3:7`, or for a project inside a picture where in that project the position is.
fn at(path: &std::path::Path, line: usize, column: usize, in_picture: bool) -> String {
    if in_picture {
        format!(
            "{}: in the project embedded in this picture, line {line}, column {column}",
            path.display()
        )
    } else {
        format!("{}:{line}:{column}", path.display())
    }
}

/// How many validation errors a message lists before it says how many more there are.
const LISTED_ERRORS: usize = 20;

fn list_problems(problems: &Problems) -> String {
    let mut text = match problems.total {
        1 => "the project is not valid: ".to_owned(),
        n => format!("the project is not valid ({n} problems):\n  "),
    };
    let listed: Vec<String> = problems
        .listed
        .iter()
        .take(LISTED_ERRORS)
        .map(ToString::to_string)
        .collect();
    text.push_str(&listed.join("\n  "));
    if problems.total > listed.len() {
        text.push_str(&format!(
            "\n  ... and {} more",
            problems.total - listed.len()
        ));
    }
    text
}
