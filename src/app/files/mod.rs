//! The files room: opening and saving through native dialogs, or through a path field
//! where no native dialog can be shown; recent files; the modal dialogs; the export dialog;
//! the crash-recovery clock.

pub mod dialog;
mod export;
mod handout;
mod import;
pub mod modal;
mod native;
mod recovery;
mod text_export;

use std::path::{Path, PathBuf};

pub use native::{dialogs_available, native_dialogs_available};
pub use recovery::{RECOVERY_SECONDS, RecoveryClock, default_recovery_path};

use crate::app::{Framing, JourneymapApp, Selection};
use crate::file::{canonical_path, read_project, save_project, template_project};
use crate::model::project_operations::blank_project;
use crate::model::{Document, TEMPLATE_NAME};
use dialog::{Dialog, PathPurpose};

const RECENT_FILES: usize = 10;

/// A native dialog for project files; `extensions` are the ones it shows.
fn project_dialog(start: Option<&Path>, extensions: &[&str]) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new().add_filter("Journeymap project", extensions);
    match start.and_then(Path::parent) {
        Some(folder) if folder.is_dir() => dialog.set_directory(folder),
        _ => dialog,
    }
}

impl JourneymapApp {
    /// Replaces the project with a blank one, or one from the built-in template.
    pub(in crate::app) fn new_project(&mut self, template: bool) {
        self.settings.new_from_template = template;
        let project = if template {
            match template_project() {
                Ok(project) => project,
                Err(error) => {
                    self.show_error("Cannot create a new project", error.to_string());
                    return;
                }
            }
        } else {
            blank_project()
        };
        self.replace_document(Document::new(project), None);
        self.unsaved_name = if template {
            TEMPLATE_NAME
        } else {
            "Untitled project"
        };
        self.recovery.clear(&self.environment);
        self.status = if template {
            "New project from the built-in B2B template".to_owned()
        } else {
            "New blank project: double-click a cell to add a card".to_owned()
        };
    }

    pub(in crate::app) fn choose_file_to_open(&mut self) {
        match &self.environment.native_dialogs {
            Ok(()) => {
                if let Some(path) =
                    project_dialog(self.path.as_deref(), &["ron", "png"]).pick_file()
                {
                    self.open_path(path);
                }
            }
            Err(reason) => {
                self.dialog = Some(Dialog::PathPrompt {
                    purpose: PathPurpose::Open,
                    text: String::new(),
                    note: reason.clone(),
                });
            }
        }
    }

    /// Opens a project file. On error the current project stays open and untouched.
    pub(in crate::app) fn open_path(&mut self, path: PathBuf) {
        // A table or a diagram is imported: the dialog says what it holds and where it
        // can go. Open asked about unsaved changes already.
        if crate::interchange::Format::of_path(&path).is_some() {
            self.read_import(path, true);
            return;
        }
        match read_project(&path) {
            Ok(project) => {
                self.status = format!("Opened {}", path.display());
                self.remember_recent(&path);
                self.replace_document(Document::new(project), Some(path));
                self.recovery.clear(&self.environment);
            }
            Err(error) => self.show_error("Cannot open the file", error.to_string()),
        }
    }

    pub(in crate::app) fn replace_document(&mut self, document: Document, path: Option<PathBuf>) {
        self.document = document;
        // Another project leaves the live session; joining sets the new one up after.
        self.live = crate::app::live::Live::default();
        self.set_source(path);
        self.journey = 0;
        self.selection = Selection::None;
        self.view.framing = Some(Framing::Start);
        self.layout = None;
    }

    /// Saves to the project's file, or asks for one. Returns whether it was saved.
    pub(in crate::app) fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(path),
            None => {
                self.save_as();
                false
            }
        }
    }

    pub(in crate::app) fn save_as(&mut self) {
        // A project opened from a picture, or imported from a table or diagram, is
        // offered a project file beside it.
        let suggested = self.path.clone().or_else(|| {
            self.picture
                .as_ref()
                .or(self.imported.as_ref())
                .map(|p| p.with_extension("ron"))
        });
        match &self.environment.native_dialogs {
            Ok(()) => {
                let name = suggested.as_deref().and_then(Path::file_name).map_or_else(
                    || "journey.ron".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if let Some(path) = project_dialog(suggested.as_deref(), &["ron"])
                    .set_file_name(name)
                    .save_file()
                {
                    self.save_to(path);
                }
            }
            Err(reason) => {
                self.dialog = Some(Dialog::PathPrompt {
                    purpose: PathPurpose::SaveAs(None),
                    text: suggested
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    note: reason.clone(),
                });
            }
        }
    }

    /// Saves the project to `path`; on error the file on disk is unchanged and the error
    /// is shown. Returns whether it was saved.
    pub(in crate::app) fn save_to(&mut self, path: PathBuf) -> bool {
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path
        };
        if !path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
        {
            self.show_error(
                "Cannot save",
                format!(
                    "{}: a project is saved as a .ron file, like {}; to make a picture, a table or a diagram of the map, use Export… in the File menu",
                    path.display(),
                    path.with_extension("ron").display()
                ),
            );
            return false;
        }
        match save_project(&path, self.document.project()) {
            Ok(()) => {
                self.document.mark_saved();
                self.status = format!("Saved {}", path.display());
                self.remember_recent(&path);
                self.path = Some(path);
                self.picture = None;
                self.imported = None;
                self.recovery.clear(&self.environment);
                true
            }
            Err(error) => {
                self.show_error("Cannot save", error.to_string());
                false
            }
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = canonical_path(path);
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(RECENT_FILES);
    }

    pub(in crate::app) fn show_error(&mut self, title: &str, message: String) {
        self.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message,
        });
    }
}
