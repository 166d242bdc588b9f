//! The export dialog's tables and diagrams: a CSV table of the cards, or a Mermaid
//! `journey` diagram, written where the user says.

use std::path::{Path, PathBuf};

use super::dialog::{ExportFormat, PathPurpose, TextExport};
use super::export::export_buttons;
use crate::app::{Action, JourneymapApp};
use crate::interchange::{Format, MermaidLanes, export_text};
use crate::model::Journey;

impl JourneymapApp {
    /// Remembers the choices, then asks where to write the table or diagram.
    pub(in crate::app) fn choose_text_export_path(
        &mut self,
        journey: Option<usize>,
        text: TextExport,
    ) {
        self.settings.export_text = text;
        self.dialog = None;
        let format = text.file_format();
        let extension = format.extension();
        let filter = match format {
            Format::Mermaid => ("Mermaid diagram", &["mmd", "mermaid"][..]),
            Format::Csv | Format::Tsv => ("CSV table", &["csv"][..]),
        };
        let name = match journey {
            Some(journey) => self.export_name(journey, extension),
            None => self.path.as_deref().and_then(Path::file_stem).map_or_else(
                || format!("journeys.{extension}"),
                |stem| format!("{}.{extension}", stem.to_string_lossy()),
            ),
        };
        let purpose = || PathPurpose::ExportText { journey, text };
        if let Some(path) = self.export_path(&name, filter, purpose) {
            self.export_text_to(path, journey, text);
        }
    }

    /// Writes the table or diagram to `path`; never over the project's own file.
    pub(in crate::app) fn export_text_to(
        &mut self,
        path: PathBuf,
        journey: Option<usize>,
        text: TextExport,
    ) {
        let format = text.file_format();
        let path = if path.extension().is_none() {
            path.with_extension(format.extension())
        } else {
            path
        };
        let path = std::path::absolute(&path).unwrap_or(path);
        if self.is_source(&path).is_some() {
            self.show_error(
                "Cannot export",
                format!(
                    "{}: that is the file the project comes from; writing the {} there would replace it. Choose another name",
                    path.display(),
                    format.name()
                ),
            );
            return;
        }
        // A name that says what it holds gets that (`.tsv` tabs); any other gets what
        // the dialog chose.
        let format = Format::of_path(&path).unwrap_or(format);
        match export_text(self.document.project(), journey, format, text.lanes, &path) {
            Ok(()) => {
                self.status = format!("Exported {}", path.display());
                self.settings.export_folder = path.parent().map(Path::to_owned);
            }
            Err(error) => self.show_error("Cannot export", error.to_string()),
        }
    }
}

/// The export dialog's fields for a table or a diagram; returns the action its buttons
/// ask for.
pub fn text_fields(
    ui: &mut egui::Ui,
    journeys: &[Journey],
    journey: &mut usize,
    text: &mut TextExport,
) -> Option<Action> {
    let table = text.format == ExportFormat::Table;
    if table {
        ui.checkbox(&mut text.every_journey, "Every journey, in one table");
    }
    let one = !(table && text.every_journey);
    ui.add_enabled_ui(one, |ui| {
        let name = journeys.get(*journey).map_or("", |j| j.name.as_str());
        egui::ComboBox::from_label("Journey")
            .selected_text(name)
            .show_ui(ui, |ui| {
                for (i, j) in journeys.iter().enumerate() {
                    ui.selectable_value(journey, i, &j.name);
                }
            });
    });
    let about = if table {
        "A row per card with its stage, lane, kind, owner, emotions and the rest: open it in a spreadsheet (a name ending .tsv writes tabs), and import it again with Import… in the File menu. Comments stay in the project."
    } else {
        ui.label("Tasks");
        ui.horizontal(|ui| {
            ui.selectable_value(&mut text.lanes, MermaidLanes::Touchpoints, "Touchpoints");
            ui.selectable_value(&mut text.lanes, MermaidLanes::All, "Every lane");
        });
        "A Mermaid journey diagram for documentation: a section per stage, a task per card with the persona's score from 1 to 5 and the committee members who feel the same."
    };
    ui.label(egui::RichText::new(about).small().weak());
    export_buttons(ui, || Action::ChooseTextExportPath {
        journey: one.then_some(*journey),
        text: *text,
    })
}
