//! File → Export handout…: the presentation of the journey on screen as a PDF, a page per
//! slide, carrying the journey as the export dialog's last choice says.

use std::path::PathBuf;

use super::dialog::PathPurpose;
use super::export::advice;
use crate::app::JourneymapApp;
use crate::export::export_handout;
use crate::model::quantity;

impl JourneymapApp {
    /// Asks where to write the handout of the journey on screen.
    pub(in crate::app) fn choose_handout_path(&mut self) {
        if self.journey().is_none() {
            self.status = "There is no journey to make a handout of".to_owned();
            return;
        }
        let journey = self.journey;
        let stem = self.export_name(journey, "pdf");
        let name = stem.replace(".pdf", "-handout.pdf");
        let purpose = || PathPurpose::ExportHandout { journey };
        if let Some(path) = self.export_path(&name, ("PDF document", &["pdf"]), purpose) {
            self.export_handout_to(path, journey);
        }
    }

    pub(in crate::app) fn export_handout_to(&mut self, path: PathBuf, journey: usize) {
        let path = match self.export_target(path, "pdf") {
            Ok(path) => path,
            Err(error) => return self.show_error("Cannot export the handout", advice(&error)),
        };
        let project = self.document.project();
        let embed = self.settings.export.embed;
        match export_handout(project, journey, self.settings.dark_mode, embed, &path) {
            Ok(handout) => {
                let cut = match handout.cut.as_slice() {
                    [] => String::new(),
                    slides => format!(
                        "; the slides of {} have more than fits a page, and the rest is cut: shorten their text or split the stage",
                        slides.join(", ")
                    ),
                };
                self.status = format!(
                    "Exported the handout ({}) to {}{cut}",
                    quantity(handout.pages, "page", "pages"),
                    path.display()
                );
                self.settings.export_folder = path.parent().map(std::path::Path::to_owned);
            }
            Err(error) => self.show_error("Cannot export the handout", advice(&error)),
        }
    }
}
