//! Rows pasted into the outline from a spreadsheet: tab-separated cells, a row a card,
//! read with the rules of an imported table and added to the journey as one undo step.

use super::outline::{SortBy, columns};
use crate::app::JourneymapApp;
use crate::interchange::{Column, paste_rows};
use crate::model::{Journey, Project, quantity, voices};

/// The outline's columns, in order, as a table's columns: what pasted rows without a
/// header row hold.
fn paste_columns(project: &Project, journey: &Journey) -> Vec<Column> {
    let voices = voices(project, journey);
    columns(project, journey)
        .into_iter()
        .map(|(sort, _)| match sort {
            SortBy::Map | SortBy::Stage => Column::Stage,
            SortBy::Lane => Column::Lane,
            SortBy::Kind => Column::Kind,
            SortBy::Title => Column::Title,
            SortBy::Owner => Column::Owner,
            SortBy::Channel => Column::Channel,
            SortBy::Evidence => Column::Evidence,
            SortBy::Emotion(v) => match voices.get(v) {
                Some(voice) if !voice.primary => {
                    Column::EmotionOf(voice.persona.unwrap_or_default().to_owned())
                }
                _ => Column::Emotion,
            },
        })
        .collect()
}

impl JourneymapApp {
    /// Adds the pasted rows to the journey on screen; an error is shown and nothing
    /// changes.
    pub(in crate::app) fn paste_rows(&mut self, text: &str) {
        if !text.contains('\t') {
            self.status = "Nothing pasted: rows copied from a spreadsheet have their cells separated by tabs (a stage and a title at least, or a header row naming the columns)".to_owned();
            return;
        }
        let project = self.document.project();
        let Some(journey) = project.journeys.get(self.journey) else {
            return;
        };
        let columns = paste_columns(project, journey);
        match paste_rows(project, self.journey, text, &columns) {
            Ok((edit, count, warnings)) => {
                if self.apply(edit) {
                    let noted = match warnings.first() {
                        Some(first) => format!(" ({first})"),
                        None => String::new(),
                    };
                    self.status = format!(
                        "Pasted {}{noted}; Undo takes them out",
                        quantity(count, "card", "cards")
                    );
                }
            }
            Err(error) => self.show_error("Cannot paste the rows", error.to_string()),
        }
    }
}
