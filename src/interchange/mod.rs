//! Journeys in and out of spreadsheets and Mermaid: CSV and TSV tables of cards, Mermaid
//! `journey` diagrams, both ways, and tab-separated rows pasted from a spreadsheet.
//!
//! Every import goes through [`Assembly`]: rows (a table's, a diagram's tasks) become
//! journeys, stages, lanes, cards, departments and personas by name, so a table and a
//! diagram follow the same rules. Nothing is half-imported: an error stops the import
//! before anything is changed.

mod assemble;
mod columns;
mod csv_export;
mod csv_import;
mod mermaid_export;
mod mermaid_import;
mod mermaid_parse;
mod mermaid_text;

use std::fmt;
use std::path::Path;

use assemble::Assembly;
pub use columns::Column;
pub use csv_export::export_csv;
use csv_import::Separator;
pub use csv_import::paste_rows;
pub use mermaid_export::{MermaidLanes, export_mermaid};
pub use mermaid_parse::{Diagram, Score, Section, Task, parse_mermaid};

use crate::file::{FileError, PNG_SIGNATURE, read_limited};
use crate::model::{Edit, Project, echo};
use csv_import::fill_table;
use mermaid_import::fill_diagram;

/// The largest Mermaid diagram imported: forty times what Mermaid itself draws by default
/// (its `maxTextSize` is 50,000 characters), and small enough to read line by line.
pub const MAX_DIAGRAM_BYTES: usize = 2 * 1024 * 1024;

/// What a file to import holds, from its extension or `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma- or semicolon-separated values, one card a row (`.csv`).
    Csv,
    /// Tab-separated values (`.tsv`, `.tab`).
    Tsv,
    /// A Mermaid `journey` diagram (`.mmd`, `.mermaid`).
    Mermaid,
}

impl Format {
    /// The format a file's extension names, if any (any case).
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "mmd" | "mermaid" => Some(Format::Mermaid),
            _ => None,
        }
    }

    /// The extension a file of the format is written with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Mermaid => "mmd",
        }
    }

    /// What messages call the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV table",
            Format::Tsv => "tab-separated table",
            Format::Mermaid => "Mermaid journey diagram",
        }
    }
}

/// Where in the imported text something is: a table's row (the header is row 1, as a
/// spreadsheet numbers them) and column, or a diagram's line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Row { row: usize, column: Option<String> },
    Line { line: usize, column: Option<usize> },
}

impl Place {
    /// The same row, at `column`.
    pub fn at(&self, column: &str) -> Place {
        match self {
            Place::Row { row, .. } => Place::Row {
                row: *row,
                column: Some(column.to_owned()),
            },
            line => line.clone(),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Row { row, column: None } => write!(f, "row {row}"),
            Place::Row {
                row,
                column: Some(column),
            } => write!(f, "row {row}, column {}", echo(column)),
            Place::Line { line, column: None } => write!(f, "line {line}"),
            Place::Line {
                line,
                column: Some(column),
            } => write!(f, "line {line}, column {column}"),
        }
    }
}

/// Why an import stopped: where, and what was wrong there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{place}: {message}")]
    At { place: Place, message: String },
    /// Something about the whole input: no header, no rows, a project that would be
    /// invalid.
    #[error("{0}")]
    Whole(String),
}

impl ImportError {
    pub fn at(place: &Place, message: impl Into<String>) -> Self {
        ImportError::At {
            place: place.clone(),
            message: message.into(),
        }
    }
}

/// An imported project, and what was taken differently from how it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub project: Project,
    /// "row 3: unknown columns ignored: …", "line 9: score 7 is outside 1..5; taken as 5".
    pub warnings: Vec<String>,
}

/// Why a file could not be imported: it could not be read, or what it holds is wrong.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("{}: {error}", path.display())]
    Content {
        path: std::path::PathBuf,
        error: ImportError,
    },
    #[error(
        "{}: cannot tell what the file holds from its name; name it .csv, .tsv or .mmd, or give --format",
        path.display()
    )]
    UnknownFormat { path: std::path::PathBuf },
}

/// Imports the file at `path` as `format` (or the format its extension names) into a new
/// project. A journey without a name in the file is named after the file.
pub fn import_file(path: &Path, format: Option<Format>) -> Result<Imported, ImportFailure> {
    let format =
        format
            .or_else(|| Format::of_path(path))
            .ok_or_else(|| ImportFailure::UnknownFormat {
                path: path.to_owned(),
            })?;
    let bytes = read_limited(path)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_bytes(&bytes, format, &name).map_err(|error| ImportFailure::Content {
        path: path.to_owned(),
        error,
    })
}

/// Imports `bytes` as `format` into a new project; `name` names a journey the text
/// leaves unnamed.
pub fn import_bytes(bytes: &[u8], format: Format, name: &str) -> Result<Imported, ImportError> {
    let base = Project {
        title: name.trim().to_owned(),
        ..Project::default()
    };
    let mut assembly = Assembly::new(base, name);
    fill(&mut assembly, bytes, format)?;
    let (project, warnings) = assembly.finish()?;
    Ok(Imported { project, warnings })
}

/// The edit that adds what `bytes` hold to `base` as new journeys (one undo step), with
/// the departments and personas they name that `base` does not have.
pub fn import_into(
    base: &Project,
    bytes: &[u8],
    format: Format,
    name: &str,
) -> Result<(Edit, Vec<String>), ImportError> {
    let mut assembly = Assembly::new(base.clone(), name);
    fill(&mut assembly, bytes, format)?;
    assembly.finish_as_edit()
}

fn fill(assembly: &mut Assembly, bytes: &[u8], format: Format) -> Result<(), ImportError> {
    if bytes.starts_with(&PNG_SIGNATURE) {
        return Err(ImportError::Whole(
            "this is a PNG picture, not a table or a diagram; a picture exported by Journeymap opens with Open… (or `journeymap check`)".to_owned(),
        ));
    }
    match format {
        Format::Csv => fill_table(bytes, Separator::Sniff, assembly),
        Format::Tsv => fill_table(bytes, Separator::Tab, assembly),
        Format::Mermaid => {
            if bytes.len() > MAX_DIAGRAM_BYTES {
                return Err(ImportError::Whole(format!(
                    "the diagram is {} bytes; Mermaid draws diagrams of up to 50,000 characters, and Journeymap reads up to {} MiB of one",
                    bytes.len(),
                    MAX_DIAGRAM_BYTES / (1024 * 1024)
                )));
            }
            let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e))?;
            fill_diagram(text, assembly)
        }
    }
}

/// The error for a diagram that is not UTF-8, naming the line of the first bad byte.
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error) -> ImportError {
    let before = &bytes[..error.valid_up_to()];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    ImportError::at(
        &Place::Line { line, column: None },
        "the text is not UTF-8; save the file as UTF-8",
    )
}

/// Why a journey could not be exported as a table or a diagram.
#[derive(Debug, thiserror::Error)]
pub enum TextExportError {
    #[error("cannot write the table: {0}")]
    Table(#[from] csv::Error),
    #[error("the project has no journey {0} to export")]
    NoJourney(usize),
    #[error(transparent)]
    File(#[from] FileError),
}

/// The project's journey at `journey` (every journey, for a table, when `None`) as
/// `format`, written atomically to `path`. A diagram shows one journey: the first when
/// none is given.
pub fn export_text(
    project: &Project,
    journey: Option<usize>,
    format: Format,
    lanes: MermaidLanes,
    path: &Path,
) -> Result<(), TextExportError> {
    let text = match format {
        Format::Csv => export_csv(project, journey, b',')?,
        Format::Tsv => export_csv(project, journey, b'\t')?,
        Format::Mermaid => {
            let journey = journey.unwrap_or(0);
            export_mermaid(project, journey, lanes)
                .ok_or(TextExportError::NoJourney(journey + 1))?
        }
    };
    crate::file::write_atomically(path, text.as_bytes(), crate::file::Backup::Skip)?;
    Ok(())
}
