//! Draws the open modal dialog and reports what its buttons ask for.

use std::path::PathBuf;

use super::dialog::{Dialog, PathPurpose, Pending};
use super::export::ExportFields;
use crate::app::{Action, JourneymapApp};

/// Shows the open dialog, if any.
pub fn show(ctx: &egui::Context, app: &mut JourneymapApp, actions: &mut Vec<Action>) {
    let active_filter = match app.dialog {
        Some(Dialog::Export { .. }) => app
            .export_filter(true)
            .map(|f| f.describe(app.document.project())),
        _ => None,
    };
    let Some(dialog) = &mut app.dialog else {
        return;
    };
    let journeys = &app.document.project().journeys;
    let new_from_template = app.settings.new_from_template;
    let file_name = app.path.as_deref().and_then(|p| p.file_name()).map_or_else(
        || "this project".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut confirmed_delete = None;
    let mut save_then = None;
    let response = egui::Modal::new(egui::Id::unique("journeymap-dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match dialog {
            Dialog::Error { title, message } => {
                ui.heading(title.as_str());
                ui.add_space(8.0);
                ui.label(message.as_str());
                ui.add_space(12.0);
                if ui.button("OK").clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::Unsaved { then } => {
                ui.heading("Save changes?");
                ui.add_space(8.0);
                ui.label(format!("Save the changes to {file_name} first?"));
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        save_then = Some(then.clone());
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::Proceed(then.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::NewProject => {
                ui.heading("New project");
                ui.add_space(8.0);
                ui.label("Start from an empty map, or from the B2B template: a buying journey with its persona, departments and an as-is and a to-be map to adapt.");
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    let blank = ui.button("Blank project");
                    let template = ui.button("From the B2B template");
                    // The last choice has the keyboard: Enter takes it again.
                    let last = if new_from_template { &template } else { &blank };
                    if ui.memory(|m| m.focused().is_none()) {
                        last.request_focus();
                    }
                    if blank.clicked() {
                        actions.push(Action::NewProject { template: false });
                    }
                    if template.clicked() {
                        actions.push(Action::NewProject { template: true });
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmDelete { question, edit } => {
                ui.heading("Confirm deletion");
                ui.add_space(8.0);
                ui.label(question.as_str());
                ui.label("Undo brings it back.");
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button("Delete").clicked() {
                        confirmed_delete = Some((**edit).clone());
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::PathPrompt { purpose, text, note } => {
                let (heading, button) = match purpose {
                    PathPurpose::Open => ("Open a project", "Open"),
                    PathPurpose::SaveAs(_) => ("Save the project as", "Save"),
                    PathPurpose::ExportPng { options, .. } if options.slides => {
                        ("Export the slides as", "Export")
                    }
                    PathPurpose::ExportPng { .. } => ("Export the map as", "Export"),
                    PathPurpose::ExportText { text, .. }
                        if text.format == super::dialog::ExportFormat::Diagram =>
                    {
                        ("Export the Mermaid diagram as", "Export")
                    }
                    PathPurpose::ExportText { .. } => ("Export the table as", "Export"),
                    PathPurpose::ExportHandout { .. } => ("Export the handout as", "Export"),
                    PathPurpose::Import => ("Import a table or a Mermaid diagram", "Import"),
                };
                ui.heading(heading);
                ui.add_space(8.0);
                ui.label(note.as_str());
                if let PathPurpose::ExportPng { options, .. } = purpose
                    && options.slides
                    && options.format != crate::export::PictureFormat::Pdf
                {
                    let extension = options.format.extension();
                    ui.label(format!(
                        "The slides are numbered: NAME-1.{extension}, NAME-2.{extension}, …"
                    ));
                }
                ui.add_space(8.0);
                let label = ui.label("File path");
                let field = ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(480.0)
                        .hint_text(match purpose {
                            PathPurpose::Import => "/home/you/maps/journey.csv",
                            _ => "/home/you/maps/journey.ron",
                        }),
                )
                .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                // The field takes the keyboard as soon as the dialog opens.
                if !entered && ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    let go = ui.add_enabled(!text.trim().is_empty(), egui::Button::new(button));
                    if (go.clicked() || entered) && !text.trim().is_empty() {
                        // Closed first, so that an error from the file can take its place.
                        actions.push(Action::CloseDialog);
                        let path = PathBuf::from(text.trim());
                        actions.push(match purpose {
                            PathPurpose::Open => Action::OpenPath(path),
                            PathPurpose::SaveAs(then) => Action::SaveTo(path, then.clone()),
                            PathPurpose::ExportPng {
                                journey,
                                options,
                                filtered,
                            } => Action::ExportTo {
                                path,
                                journey: *journey,
                                options: *options,
                                filtered: *filtered,
                            },
                            PathPurpose::ExportText { journey, text } => Action::ExportTextTo {
                                path,
                                journey: *journey,
                                text: *text,
                            },
                            PathPurpose::ExportHandout { journey } => Action::ExportHandoutTo {
                                path,
                                journey: *journey,
                            },
                            PathPurpose::Import => Action::ImportFrom(path),
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Export {
                journey,
                options,
                filtered,
                text,
            } => {
                let fields = ExportFields {
                    journeys,
                    filter: active_filter.as_deref(),
                };
                if let Some(action) = fields.show(ui, journey, options, filtered, text) {
                    actions.push(action);
                }
            }
            Dialog::Import(offer) => super::import::show_offer(ui, offer, actions),
            Dialog::Live(dialog) => crate::app::live::show_dialog(ui, dialog, actions),
            Dialog::Recovery(recovered) => {
                ui.heading("Restore unsaved work?");
                ui.add_space(8.0);
                let from = recovered
                    .path
                    .as_deref()
                    .map_or_else(|| "a new project".to_owned(), |p| p.display().to_string());
                ui.label(format!(
                    "Journeymap closed without saving changes to {from} (“{}”). Restore them? They open unsaved; your file changes only when you save.",
                    recovered.project.title
                ));
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        actions.push(Action::RestoreRecovery);
                    }
                    if ui.button("Discard").clicked() {
                        actions.push(Action::DiscardRecovery);
                    }
                });
            }
        }
    });
    if response.should_close() {
        match dialog {
            Dialog::Recovery(_) => {}
            // Closing the wait stops it: a map arriving later would replace edits made
            // meanwhile.
            Dialog::Live(crate::app::live::LiveDialog::Connecting { .. }) => {
                actions.push(Action::Live(crate::app::live::LiveAction::Cancel));
            }
            _ => actions.push(Action::CloseDialog),
        }
    }
    if let Some(edit) = confirmed_delete {
        app.confirm_delete(edit);
    }
    if let Some(then) = save_then {
        app.save_then(then, actions);
    }
}

impl JourneymapApp {
    /// Saves, then carries on with `then` once the project is safely on disk.
    fn save_then(&mut self, then: Pending, actions: &mut Vec<Action>) {
        self.dialog = None;
        match self.path.clone() {
            Some(path) => actions.push(Action::SaveTo(path, Some(then))),
            None => match &self.environment.native_dialogs {
                Ok(()) => {
                    self.save_as();
                    if !self.document.is_dirty() {
                        actions.push(Action::Proceed(then));
                    }
                }
                Err(reason) => {
                    self.dialog = Some(Dialog::PathPrompt {
                        purpose: PathPurpose::SaveAs(Some(then)),
                        text: String::new(),
                        note: reason.clone(),
                    });
                }
            },
        }
    }
}
