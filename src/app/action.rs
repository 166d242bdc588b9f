//! What the user can do, as values: the UI reports [`Action`]s, and `handle` carries
//! them out after the frame. Also what is selected, by id, and how it is found again.

use std::path::PathBuf;

use super::command::Command;
use super::files::dialog::{Pending, TextExport};
use crate::export::ExportOptions;
use crate::layout::DropSlot;
use crate::model::{Edit, Journey};

/// What is selected on the map, by id, so it survives reordering and undo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Card(String),
    Stage(String),
    Lane(String),
}

/// A selection found in the journey on screen: the index of what is selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selected {
    #[default]
    None,
    Card(usize),
    Stage(usize),
    Lane(usize),
}

impl Selection {
    /// Where the selected card, stage or lane is in `journey`; `None` when nothing is
    /// selected or it is gone (deleted, or another journey's).
    pub fn resolve(&self, journey: &Journey) -> Selected {
        let found = match self {
            Selection::Card(id) => journey
                .cards
                .iter()
                .position(|c| &c.id == id)
                .map(Selected::Card),
            Selection::Stage(id) => journey
                .stages
                .iter()
                .position(|s| &s.id == id)
                .map(Selected::Stage),
            Selection::Lane(id) => journey
                .lanes
                .iter()
                .position(|l| &l.id == id)
                .map(Selected::Lane),
            Selection::None => None,
        };
        found.unwrap_or_default()
    }
}

impl Selected {
    pub fn card(self) -> Option<usize> {
        match self {
            Selected::Card(index) => Some(index),
            _ => None,
        }
    }

    pub fn stage(self) -> Option<usize> {
        match self {
            Selected::Stage(index) => Some(index),
            _ => None,
        }
    }

    pub fn lane(self) -> Option<usize> {
        match self {
            Selected::Lane(index) => Some(index),
            _ => None,
        }
    }
}

/// Something the user did in the UI, to be carried out after the frame is drawn.
#[derive(Clone, Debug)]
pub enum Action {
    Command(Command),
    /// Shows or hides a committee member's emotion curve, by persona id.
    ToggleCurve(String),
    /// An edit that is one undo step of its own.
    Edit(Edit),
    /// An edit that joins the previous one with the same key (typing in one field).
    EditMerged(Edit, String),
    /// A text field was left: the next edit starts a new undo step.
    EndMerge,
    /// Ask before applying a deletion.
    Confirm {
        question: String,
        edit: Box<Edit>,
    },
    AddTemplateJourney,
    /// Replace the project (its changes saved or discarded already) with a new one.
    NewProject {
        template: bool,
    },
    CloseSearch,
    /// The name on the comments this user adds (a preference, not part of the project).
    SetAuthor(String),
    Select(Selection),
    SelectJourney(usize),
    /// Select a card and put the cursor in its title.
    EditCardTitle(String),
    /// Put the cursor in the first field of the inspector.
    FocusInspector,
    AddCard {
        stage: usize,
        lane: usize,
        slot: usize,
    },
    MoveCard {
        card: usize,
        to: DropSlot,
    },
    /// Sets one committee member's (by voice) score on a card.
    SetEmotion {
        voice: usize,
        card: usize,
        emotion: i8,
    },
    MoveStage {
        from: usize,
        before: usize,
    },
    MoveLane {
        from: usize,
        before: usize,
    },
    SetOwner {
        card: usize,
        owner: Option<String>,
    },
    /// Link one card to another (a pain point to its touchpoint), if not linked yet.
    LinkCards {
        from: usize,
        to: usize,
    },
    DuplicateCard(usize),
    DeleteCard(usize),
    OpenPath(PathBuf),
    /// Open a file from the recent list, asking first about unsaved changes.
    OpenRecent(PathBuf),
    /// Save to this file, then carry on with what waited for the save, if it succeeded.
    SaveTo(PathBuf, Option<Pending>),
    /// Carry out what waited for an answer about unsaved changes.
    Proceed(Pending),
    /// Export with these choices; `filtered` dims the cards the search leaves out.
    ChooseExportPath {
        journey: usize,
        options: ExportOptions,
        filtered: bool,
    },
    ExportTo {
        path: PathBuf,
        journey: usize,
        options: ExportOptions,
        filtered: bool,
    },
    /// Export a table or a diagram of the journey (every journey, for a table, when
    /// `None`): ask where, then write it.
    ChooseTextExportPath {
        journey: Option<usize>,
        text: TextExport,
    },
    ExportTextTo {
        path: PathBuf,
        journey: Option<usize>,
        text: TextExport,
    },
    /// Write the handout of the journey at `journey` to the path.
    ExportHandoutTo {
        path: PathBuf,
        journey: usize,
    },
    /// Read this file for File → Import….
    ImportFrom(PathBuf),
    /// Put the file waiting in the import dialog in a new project, or in this one.
    ImportAs {
        new_project: bool,
    },
    /// Add the rows pasted into the outline to the journey on screen.
    PasteRows(String),
    /// Show this slide of the presentation.
    GoToSlide(usize),
    RestoreRecovery,
    DiscardRecovery,
    CloseDialog,
    /// Share, join, cancel or leave a live session.
    Live(super::live::LiveAction),
}

impl Action {
    /// An edit from a field: merged into the previous undo step with the same key while
    /// typing (`merge`), else one step of its own.
    pub fn edit(edit: Edit, merge: Option<String>) -> Self {
        match merge {
            Some(key) => Action::EditMerged(edit, key),
            None => Action::Edit(edit),
        }
    }
}
