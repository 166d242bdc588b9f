//! Reading a project: size limit, UTF-8, RON syntax, format version, then validation.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::FileError;
use super::png_project::{PNG_SIGNATURE, project_text_from_png};
use crate::model::{FORMAT_VERSION, Project, TEMPLATE_NAME, TEMPLATE_RON, validate};

/// The largest project file Journeymap reads.
pub const MAX_PROJECT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads, parses and validates the project at `path`: a project file, or a PNG exported
/// by Journeymap (told apart by their first bytes, not by their names).
pub fn read_project(path: &Path) -> Result<Project, FileError> {
    if is_png(path) {
        let text = project_text_from_png(path, MAX_PROJECT_BYTES)?;
        return parse_project(text.as_bytes(), path);
    }
    let bytes = read_limited(path)?;
    parse_project(&bytes, path)
}

/// Whether the file at `path` is a PNG (by its signature).
pub fn is_png(path: &Path) -> bool {
    let mut start = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut start))
        .is_ok_and(|()| start == PNG_SIGNATURE)
}

/// The built-in B2B template.
pub fn template_project() -> Result<Project, FileError> {
    parse_project(TEMPLATE_RON.as_bytes(), Path::new(TEMPLATE_NAME))
}

/// Reads at most [`MAX_PROJECT_BYTES`], so a huge or growing file is refused without
/// filling memory.
pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, FileError> {
    let read_error = |source| FileError::Read {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| FileError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_PROJECT_BYTES,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_PROJECT_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_PROJECT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_PROJECT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Parses and validates project text; `path` names its origin in messages.
pub fn parse_project(bytes: &[u8], path: &Path) -> Result<Project, FileError> {
    let project: Project = parse_ron(bytes, path, probe_format)?;
    check_project(project, path)
}

/// Parses UTF-8 RON text as a `T`. When it does not parse, `probe` looks for the format
/// the text says it is in: a newer one is named instead of what broke.
pub(super) fn parse_ron<T: DeserializeOwned>(
    bytes: &[u8],
    path: &Path,
    probe: impl Fn(&str) -> Option<u32>,
) -> Result<T, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(&bytes[..error.valid_up_to()]);
        FileError::NotUtf8 {
            path: path.to_owned(),
            line,
            column,
        }
    })?;
    ron::Options::default().from_str(text).map_err(|error| {
        match probe(text).filter(|&found| found > FORMAT_VERSION) {
            Some(found) => newer_format(path, found),
            None => FileError::Syntax {
                path: path.to_owned(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: error.code.to_string(),
            },
        }
    })
}

/// Refuses a project of a newer format or one that is not valid.
pub(super) fn check_project(project: Project, path: &Path) -> Result<Project, FileError> {
    if project.format > FORMAT_VERSION {
        return Err(newer_format(path, project.format));
    }
    let errors = validate(&project);
    if !errors.is_empty() {
        return Err(FileError::Invalid {
            path: path.to_owned(),
            errors,
        });
    }
    Ok(project)
}

fn newer_format(path: &Path, found: u32) -> FileError {
    FileError::NewerFormat {
        path: path.to_owned(),
        found,
        known: FORMAT_VERSION,
    }
}

/// Just a project's `format`, to read from a file that did not parse as this program's.
#[derive(Deserialize)]
#[serde(rename = "Project")]
pub(super) struct FormatProbe {
    pub format: u32,
}

/// The `format` of a file that did not parse as this program's format, if it has one.
fn probe_format(text: &str) -> Option<u32> {
    ron::from_str::<FormatProbe>(text)
        .ok()
        .map(|probe| probe.format)
}

/// The 1-based line and column just after `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}
