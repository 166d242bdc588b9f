//! What a modal dialog asks, as values: errors, unsaved changes, confirmations, a path
//! field where no native file dialog can be shown, the export choices, and the offer to
//! restore unsaved work. `modal` draws them.

use std::path::PathBuf;

use crate::export::ExportOptions;
use crate::file::Recovered;
use crate::model::Edit;

/// What waits for an answer about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
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
    },
}
