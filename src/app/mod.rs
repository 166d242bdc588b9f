//! The desktop window. For now an overview of the open project; the canvas comes next.

use std::path::PathBuf;

use crate::model::Document;

/// The running application: the open document and where it lives on disk.
pub struct JourneymapApp {
    document: Document,
    path: Option<PathBuf>,
}

impl JourneymapApp {
    pub fn new(document: Document, path: Option<PathBuf>) -> Self {
        Self { document, path }
    }

    /// The window title: the file name (or the template), with `*` when unsaved.
    pub fn title(&self) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|path| path.file_name())
            .map_or_else(
                || crate::model::TEMPLATE_NAME.to_owned(),
                |name| name.to_string_lossy().into_owned(),
            );
        let dirty = if self.document.is_dirty() { " *" } else { "" };
        format!("{name}{dirty} — Journeymap")
    }

    /// Draws the whole window into `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let project = self.document.project();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&project.title);
            egui::ScrollArea::vertical().show(ui, |ui| {
                for journey in &project.journeys {
                    ui.separator();
                    ui.label(egui::RichText::new(&journey.name).strong().size(18.0));
                    for stage in &journey.stages {
                        let cards = journey
                            .cards
                            .iter()
                            .filter(|card| card.stage == stage.id)
                            .count();
                        ui.label(format!("{} — {cards} cards", stage.name));
                    }
                }
            });
        });
    }
}

impl eframe::App for JourneymapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// Opens the window on `document` and runs until it is closed.
pub fn run(document: Document, path: Option<PathBuf>) -> Result<(), eframe::Error> {
    let app = JourneymapApp::new(document, path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.title())
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Journeymap",
        options,
        Box::new(|_creation| Ok(Box::new(app))),
    )
}
