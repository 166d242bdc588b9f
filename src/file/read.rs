//! Reading a project: size limit, UTF-8, RON syntax, format version, then validation.

use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::FileError;
use super::png_project::{PNG_SIGNATURE, project_text_from_png};
use super::separators::{MAX_SEPARATORS, separator_over_limit};
use super::syntax::syntax_message;
use super::vector_project::{
    is_pdf_start, is_xml_start, project_text_from_pdf, project_text_from_svg,
};
use super::write::backup_path;
use crate::model::limits::EntryBudget;
use crate::model::{FORMAT_VERSION, Project, TEMPLATE_NAME, TEMPLATE_RON, validate};

/// The largest project file Journeymap reads.
pub const MAX_PROJECT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads, parses and validates the project at `path`: a project file, or a PNG, PDF or
/// SVG exported by Journeymap (told apart by their first bytes, not by their names). The file is opened
/// once, so a pipe or `/dev/stdin` reads as well as a file.
pub fn read_project(path: &Path) -> Result<Project, FileError> {
    read_project_file(path).map_err(|error| mention_backup(error, path))
}

/// When a project file does not open and a save left its previous version beside it,
/// the error says where that version is.
fn mention_backup(error: FileError, path: &Path) -> FileError {
    let backup = backup_path(path);
    if backup.is_file() {
        FileError::BackupExists {
            error: Box::new(error),
            backup,
        }
    } else {
        error
    }
}

fn read_project_file(path: &Path) -> Result<Project, FileError> {
    let mut file = std::fs::File::open(path).map_err(|source| read_error(path, source))?;
    let size = regular_size(&file);
    let start = read_start(&mut file, path)?;
    if start == PNG_SIGNATURE && size.is_some() {
        // A picture is read from the file itself: only its chunks before the image data.
        file.seek(SeekFrom::Start(0))
            .map_err(|source| read_error(path, source))?;
        let text = project_text_from_png(BufReader::new(file), path, MAX_PROJECT_BYTES)?;
        return parse_embedded(&text, path);
    }
    finish_reading(&start, file, path, size)
}

/// Reads a project from a stream (standard input, say); `name` names it in messages.
pub fn read_project_from(mut reader: impl Read, name: &Path) -> Result<Project, FileError> {
    let start = read_start(&mut reader, name)?;
    finish_reading(&start, reader, name, None)
}

/// What follows the first bytes `start` of a stream: project text, or a picture held in
/// memory (a stream cannot be read twice) up to [`MAX_PICTURE_BYTES`].
fn finish_reading(
    start: &[u8],
    rest: impl Read,
    path: &Path,
    size: Option<u64>,
) -> Result<Project, FileError> {
    let whole = start.chain(rest);
    if start == PNG_SIGNATURE {
        let bytes = read_up_to(whole, MAX_PICTURE_BYTES, path, size)?;
        let text = project_text_from_png(Cursor::new(bytes), path, MAX_PROJECT_BYTES)?;
        return parse_embedded(&text, path);
    }
    if is_pdf_start(start) {
        let bytes = read_up_to(whole, MAX_PICTURE_BYTES, path, size)?;
        let text = project_text_from_pdf(bytes, path, MAX_PROJECT_BYTES)?;
        return parse_embedded(&text, path);
    }
    if is_xml_start(start) {
        let bytes = read_up_to(whole, MAX_PICTURE_BYTES, path, size)?;
        let text = project_text_from_svg(&bytes, path, MAX_PROJECT_BYTES)?;
        return parse_embedded(&text, path);
    }
    if start.get(1..4) == Some(b"PNG") {
        // A picture whose first bytes were damaged (in a copy by a text tool, say).
        return Err(FileError::Picture {
            path: path.to_owned(),
            kind: "PNG",
            message: "the picture is damaged: it does not begin as a PNG does".to_owned(),
        });
    }
    let bytes = read_up_to(whole, MAX_PROJECT_BYTES, path, size)?;
    parse_project(&bytes, path)
}

/// The first bytes of a stream, as many as a PNG signature has (fewer if it is shorter).
fn read_start(reader: &mut impl Read, path: &Path) -> Result<Vec<u8>, FileError> {
    let mut start = Vec::with_capacity(PNG_SIGNATURE.len());
    reader
        .take(PNG_SIGNATURE.len() as u64)
        .read_to_end(&mut start)
        .map_err(|source| read_error(path, source))?;
    Ok(start)
}

/// A regular file's size, known before reading; such a file can also be read again from
/// the start. A pipe's size is not known, and it cannot.
fn regular_size(file: &std::fs::File) -> Option<u64> {
    file.metadata()
        .ok()
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len())
}

/// The largest picture read whole from a stream, to find the project inside it.
const MAX_PICTURE_BYTES: u64 = 4 * MAX_PROJECT_BYTES;

fn read_error(path: &Path, source: std::io::Error) -> FileError {
    FileError::Read {
        path: path.to_owned(),
        source,
    }
}

/// Whether the file at `path` is a picture an export writes: a PNG, a PDF or XML (an
/// SVG), by its first bytes.
pub fn is_picture(path: &Path) -> bool {
    std::fs::File::open(path)
        .ok()
        .and_then(|mut file| read_start(&mut file, path).ok())
        .is_some_and(|start| start == PNG_SIGNATURE || is_pdf_start(&start) || is_xml_start(&start))
}

/// The built-in B2B template.
pub fn template_project() -> Result<Project, FileError> {
    parse_project(TEMPLATE_RON.as_bytes(), Path::new(TEMPLATE_NAME))
}

/// Reads the file at `path`, at most [`MAX_PROJECT_BYTES`] of it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, FileError> {
    let file = std::fs::File::open(path).map_err(|source| read_error(path, source))?;
    let size = regular_size(&file);
    read_up_to(file, MAX_PROJECT_BYTES, path, size)
}

/// Reads at most `limit` bytes, so a huge or growing file is refused without filling
/// memory; one whose `size` is known to be larger is refused before reading.
fn read_up_to(
    reader: impl Read,
    limit: u64,
    path: &Path,
    size: Option<u64>,
) -> Result<Vec<u8>, FileError> {
    let too_large = |size| FileError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
    };
    if let Some(size) = size.filter(|&size| size > limit) {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size.map_or(0, |size| size as usize));
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| read_error(path, source))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Parses and validates project text; `path` names its origin in messages.
pub fn parse_project(bytes: &[u8], path: &Path) -> Result<Project, FileError> {
    let project: Project = parse_ron(bytes, path, probe_format)?;
    check_project(project, path)
}

/// Parses the project embedded in the picture at `path`: positions in messages are in it.
fn parse_embedded(text: &str, path: &Path) -> Result<Project, FileError> {
    parse_project(text.as_bytes(), path).map_err(|mut error| {
        if let FileError::Syntax { in_picture, .. } | FileError::NotUtf8 { in_picture, .. } =
            &mut error
        {
            *in_picture = true;
        }
        error
    })
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
            in_picture: false,
        }
    })?;
    // Some editors (Notepad) begin UTF-8 files with a byte-order mark; editors hide it,
    // so positions are counted without it too.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = separator_over_limit(text.as_bytes()) {
        let (line, column) = line_column(&text.as_bytes()[..at]);
        return Err(FileError::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: format!(
                "the file holds more than {MAX_SEPARATORS} values (counted by their commas, colons and brackets), far more than a project within the limits has"
            ),
            in_picture: false,
        });
    }
    let _budget = EntryBudget::start();
    ron::Options::default().from_str(text).map_err(|error| {
        match probe(text).filter(|&found| found > FORMAT_VERSION) {
            Some(found) => newer_format(path, found),
            None => FileError::Syntax {
                path: path.to_owned(),
                line: error.span.start.line,
                column: error.span.start.col,
                message: syntax_message(&error.code),
                in_picture: false,
            },
        }
    })
}

/// Refuses a project of a newer format or one that is not valid. An older format's
/// project comes back in the current one: format 1 means the same in format 2, so its
/// number is all that changes (and the next save writes format 2).
pub(super) fn check_project(mut project: Project, path: &Path) -> Result<Project, FileError> {
    if project.format > FORMAT_VERSION {
        return Err(newer_format(path, project.format));
    }
    let problems = validate(&project);
    if !problems.is_empty() {
        return Err(FileError::Invalid {
            path: path.to_owned(),
            problems,
        });
    }
    project.format = FORMAT_VERSION;
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

/// The `format` of a file that did not parse as this program's format, if it says one.
/// Only the text up to the first `format: N` near the start is parsed again (closed with
/// `)`), so a huge broken file costs no second full parse, and a `format: N` inside a
/// string does not parse as the project's.
fn probe_format(text: &str) -> Option<u32> {
    let head = &text[..text.floor_char_boundary(64 * 1024)];
    let at = head.find("format")? + "format".len();
    let number = head[at..].trim_start().strip_prefix(':')?.trim_start();
    let digits = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let end = head.len() - number.len() + digits;
    ron::from_str::<FormatProbe>(&format!("{})", &head[..end]))
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
