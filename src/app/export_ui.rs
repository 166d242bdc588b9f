//! File → Export PNG… and Edit → Copy image: the export's own rendering, from the app.

use std::path::{Path, PathBuf};

use super::dialogs::{Dialog, PathPurpose};
use super::{Action, JourneymapApp};
use crate::export::{ExportOptions, export_png, render};

impl JourneymapApp {
    /// Opens the export dialog on the journey on screen, with the last choices.
    pub(super) fn open_export_dialog(&mut self) {
        if self.document.project().journeys.is_empty() {
            self.status = "There is no journey to export".to_owned();
            return;
        }
        self.dialog = Some(Dialog::Export {
            journey: self.journey,
            options: self.settings.export,
        });
    }

    /// Remembers the choices, then asks where to write the PNG.
    pub(super) fn choose_export_path(&mut self, journey: usize, options: ExportOptions) {
        self.settings.export = options;
        self.dialog = None;
        let name = self
            .document
            .project()
            .journeys
            .get(journey)
            .map_or_else(|| "journey".to_owned(), |j| j.id.clone());
        let file_name = format!("{name}.png");
        match &self.environment.native_dialogs {
            Ok(()) => {
                let mut dialog = rfd::FileDialog::new()
                    .add_filter("PNG picture", &["png"])
                    .set_file_name(&file_name);
                if let Some(folder) = self
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .filter(|f| f.is_dir())
                {
                    dialog = dialog.set_directory(folder);
                }
                if let Some(path) = dialog.save_file() {
                    self.export_to(path, journey, options);
                }
            }
            Err(reason) => {
                let folder = self
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_owned)
                    .unwrap_or_default();
                self.dialog = Some(Dialog::PathPrompt {
                    purpose: PathPurpose::ExportPng { journey, options },
                    text: folder.join(file_name).display().to_string(),
                    note: reason.clone(),
                });
            }
        }
    }

    pub(super) fn export_to(&mut self, path: PathBuf, journey: usize, options: ExportOptions) {
        let path = if path.extension().is_none() {
            path.with_extension("png")
        } else {
            path
        };
        match export_png(self.document.project(), journey, options, &path) {
            Ok(()) => self.status = format!("Exported {}", path.display()),
            Err(error) => self.show_error("Cannot export", error.to_string()),
        }
    }

    /// Puts the picture of the journey on screen on the clipboard, as the export draws it.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context) {
        match render(self.document.project(), self.journey, self.settings.export) {
            Ok(picture) => {
                let size = [picture.width as usize, picture.height as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                    size,
                    &picture.rgba,
                ));
                self.status = format!(
                    "Copied the map as a {} × {} picture",
                    picture.width, picture.height
                );
            }
            Err(error) => self.show_error("Cannot copy the picture", error.to_string()),
        }
    }
}

/// The export dialog's fields. Returns the action its buttons ask for.
pub fn export_fields(
    ui: &mut egui::Ui,
    app_journeys: &[crate::model::Journey],
    journey: &mut usize,
    options: &mut ExportOptions,
) -> Option<Action> {
    ui.heading("Export PNG");
    ui.add_space(8.0);
    let name = app_journeys.get(*journey).map_or("", |j| j.name.as_str());
    egui::ComboBox::from_label("Journey")
        .selected_text(name)
        .show_ui(ui, |ui| {
            for (i, j) in app_journeys.iter().enumerate() {
                ui.selectable_value(journey, i, &j.name);
            }
        });
    ui.label("Scale");
    ui.horizontal(|ui| {
        for scale in 1..=4 {
            ui.selectable_value(&mut options.scale, scale, format!("{scale}×"));
        }
    });
    ui.label("Theme");
    ui.horizontal(|ui| {
        ui.selectable_value(&mut options.dark, false, "Light");
        ui.selectable_value(&mut options.dark, true, "Dark");
    });
    ui.checkbox(&mut options.transparent, "Transparent background");
    ui.checkbox(&mut options.empathy, "Empathy map band");
    ui.label(
        egui::RichText::new(
            "The picture carries the whole project: open it in Journeymap to edit the map again.",
        )
        .small()
        .weak(),
    );
    ui.add_space(12.0);
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("Export…").clicked() {
            action = Some(Action::ChooseExportPath {
                journey: *journey,
                options: *options,
            });
        }
        if ui.button("Cancel").clicked() {
            action = Some(Action::CloseDialog);
        }
    });
    action
}
