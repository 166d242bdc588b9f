//! What a modal dialog asks, as values: errors, unsaved changes, confirmations, a path
//! field where no native file dialog can be shown, the export choices, and the offer to
//! restore unsaved work. `modal` draws them.

use std::path::PathBuf;

use crate::export::ExportOptions;
use crate::file::Recovered;
use crate::interchange::{Format, Imported, MermaidLanes};
use crate::model::{Edit, Project};

/// What waits for an answer about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    /// Open a project imported from the file at the path, unsaved, in place of the
    /// open one.
    OpenImported(Box<Project>, PathBuf),
    /// Join the live map of the link in place of the open project.
    JoinLive(crate::live::Link),
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    Open,
    /// Save, then carry on with what was waiting, if anything.
    SaveAs(Option<Pending>),
    ExportPng {
        journey: usize,
        options: ExportOptions,
        filtered: bool,
    },
    /// A table of cards or a Mermaid diagram of the journey (of every journey, for a
    /// table, when `None`).
    ExportText {
        journey: Option<usize>,
        text: TextExport,
    },
    /// The presentation of the journey at `journey` as a PDF.
    ExportHandout {
        journey: usize,
    },
    Import,
}

/// What the export dialog writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExportFormat {
    #[default]
    Picture,
    Table,
    Diagram,
}

/// The export dialog's choices for a table or a diagram, remembered for next time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TextExport {
    pub format: ExportFormat,
    /// A table of every journey rather than of the one chosen.
    pub every_journey: bool,
    /// Which cards a diagram has as tasks.
    pub lanes: MermaidLanes,
}

impl Default for TextExport {
    fn default() -> Self {
        Self {
            format: ExportFormat::Picture,
            every_journey: true,
            lanes: MermaidLanes::Touchpoints,
        }
    }
}

impl TextExport {
    /// The file format written, for a table or a diagram.
    pub fn file_format(self) -> Format {
        match self.format {
            ExportFormat::Diagram => Format::Mermaid,
            ExportFormat::Picture | ExportFormat::Table => Format::Csv,
        }
    }
}

/// A file read for File → Import…, waiting for the user to say where it goes.
#[derive(Clone, Debug)]
pub struct ImportOffer {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub format: Format,
    /// The file imported as a project of its own: what the dialog describes.
    pub imported: Imported,
    /// Whether the open project's unsaved changes were already saved or discarded (the
    /// file came through Open…): opening it as a new project does not ask again.
    pub settled: bool,
}

#[derive(Clone, Debug)]
pub enum Dialog {
    Error {
        title: String,
        message: String,
    },
    Unsaved {
        then: Pending,
    },
    ConfirmDelete {
        question: String,
        edit: Box<Edit>,
    },
    PathPrompt {
        purpose: PathPurpose,
        text: String,
        note: String,
    },
    Recovery(Box<Recovered>),
    /// File → New: a blank project, or one from the built-in template.
    NewProject,
    Export {
        journey: usize,
        options: ExportOptions,
        /// Dim the cards the search leaves out, as on screen.
        filtered: bool,
        text: TextExport,
    },
    /// File → Import…: open the imported file as a new project, or add it to this one.
    Import(Box<ImportOffer>),
    /// Sharing or joining a live map.
    Live(crate::app::live::LiveDialog),
}
