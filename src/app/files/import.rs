//! File → Import…: a table of cards or a Mermaid journey diagram, opened as a new
//! unsaved project or added to the open one as more journeys (one undo step).

use std::path::{Path, PathBuf};

use super::dialog::{Dialog, ImportOffer, PathPurpose, Pending};
use crate::app::{Action, Framing, JourneymapApp};
use crate::file::read_limited;
use crate::interchange::{Format, import_bytes, import_into};
use crate::model::{Document, quantity};

/// What a journey the file leaves unnamed is called: the file's name.
fn file_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl JourneymapApp {
    pub(in crate::app) fn choose_file_to_import(&mut self) {
        match &self.environment.native_dialogs {
            Ok(()) => {
                let mut dialog = rfd::FileDialog::new().add_filter(
                    "Table or Mermaid journey",
                    &["csv", "tsv", "tab", "mmd", "mermaid"],
                );
                if let Some(folder) = self.path.as_deref().and_then(Path::parent)
                    && folder.is_dir()
                {
                    dialog = dialog.set_directory(folder);
                }
                if let Some(path) = dialog.pick_file() {
                    self.read_import(path, false);
                }
            }
            Err(reason) => {
                self.dialog = Some(Dialog::PathPrompt {
                    purpose: PathPurpose::Import,
                    text: String::new(),
                    note: reason.clone(),
                });
            }
        }
    }

    /// Reads and imports the file at `path`, then asks where it goes; an error is shown
    /// and nothing changes. `settled`: the unsaved changes were dealt with already.
    pub(in crate::app) fn read_import(&mut self, path: PathBuf, settled: bool) {
        let Some(format) = Format::of_path(&path) else {
            self.show_error(
                "Cannot import",
                format!(
                    "{}: Journeymap imports tables of cards (.csv, .tsv) and Mermaid journey diagrams (.mmd, .mermaid); the file's name says neither",
                    path.display()
                ),
            );
            return;
        };
        let imported = read_limited(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                import_bytes(&bytes, format, &file_name(&path))
                    .map(|imported| (bytes, imported))
                    .map_err(|e| format!("{}: {e}", path.display()))
            });
        match imported {
            Ok((bytes, imported)) => {
                self.dialog = Some(Dialog::Import(Box::new(ImportOffer {
                    path,
                    bytes,
                    format,
                    imported,
                    settled,
                })));
            }
            Err(message) => self.show_error("Cannot import", message),
        }
    }

    /// Puts the file waiting in the import dialog where the user chose: a project of its
    /// own (after asking about unsaved changes), or new journeys in this one.
    pub(in crate::app) fn import_as(&mut self, new_project: bool, ctx: &egui::Context) {
        let Some(Dialog::Import(offer)) = self.dialog.take() else {
            return;
        };
        if new_project {
            let pending = Pending::OpenImported(Box::new(offer.imported.project), offer.path);
            if offer.settled {
                self.proceed(pending, ctx);
            } else {
                self.guard_unsaved(pending, ctx);
            }
            return;
        }
        let name = offer.path.display().to_string();
        let project = self.document.project();
        let before = project.journeys.len();
        match import_into(project, &offer.bytes, offer.format, &file_name(&offer.path)) {
            Ok((edit, _)) => {
                if self.apply(edit) {
                    let added = self.document.project().journeys.len() - before;
                    self.journey = before;
                    self.view.framing = Some(Framing::Start);
                    self.status = format!(
                        "Added {} from {name}",
                        quantity(added, "journey", "journeys")
                    );
                }
            }
            Err(error) => self.show_error("Cannot import", format!("{name}: {error}")),
        }
    }

    /// Opens an imported project in place of the open one, unsaved.
    pub(in crate::app) fn open_imported(&mut self, project: crate::model::Project, from: &Path) {
        self.replace_document(Document::unsaved(project), None);
        self.imported = Some(from.to_owned());
        self.recovery.clear(&self.environment);
        self.status = format!(
            "Imported {}: not saved yet; Save as… keeps it as a project",
            from.display()
        );
    }
}

/// The import dialog: what the file holds, what was taken differently, and where it goes.
pub fn show_offer(ui: &mut egui::Ui, offer: &ImportOffer, actions: &mut Vec<Action>) {
    let project = &offer.imported.project;
    ui.heading("Import");
    ui.add_space(8.0);
    let name = offer
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ui.label(format!(
        "{name} ({}) holds {}.",
        offer.format.name(),
        crate::cli::summary(project)
    ));
    let journeys: Vec<String> = project
        .journeys
        .iter()
        .map(|j| format!("“{}”", j.name))
        .collect();
    ui.label(format!(
        "{}: {}",
        if journeys.len() == 1 {
            "Journey"
        } else {
            "Journeys"
        },
        journeys.join(", ")
    ));
    let warnings = &offer.imported.warnings;
    if !warnings.is_empty() {
        ui.add_space(6.0);
        ui.label(
            egui::RichText::new(format!(
                "Taken differently from how the file has it ({}):",
                warnings.len()
            ))
            .strong(),
        );
        egui::ScrollArea::vertical()
            .max_height(140.0)
            .show(ui, |ui| {
                for warning in warnings {
                    ui.label(egui::RichText::new(warning).small());
                }
            });
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button("Open as a new project").clicked() {
            actions.push(Action::ImportAs { new_project: true });
        }
        if ui.button("Add to this project").clicked() {
            actions.push(Action::ImportAs { new_project: false });
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}
