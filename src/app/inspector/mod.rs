//! The inspector: every field of the selected card, stage or lane, or of the project when
//! nothing is selected. Typing into a field changes the map as you type and is one undo
//! step per field. This file routes; each inspector has its own.

mod card;
mod comments;
mod committee;
pub mod fields;
mod project;
mod stage;

pub use comments::{rfc3339, when};
pub use fields::InspectorState;

use crate::app::{Action, JourneymapApp, Selected};

pub fn panel(ui: &mut egui::Ui, app: &mut JourneymapApp, actions: &mut Vec<Action>) {
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(300.0)
        .size_range(240.0..=520.0)
        .show(ui, |ui| {
            // The panel keeps the width the user gave it: long texts (a link to a card
            // with a long title) wrap instead of widening it.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.set_max_width(ui.available_width());
                ui.add_space(8.0);
                let selected = app.selected();
                let project = app.document.project();
                let state = &mut app.inspector;
                let review = app.review;
                let author = app.settings.author.as_str();
                let journey = app.document.journey(app.journey);
                match (journey, selected) {
                    (Some(journey), Selected::Card(index)) => {
                        ui.add_enabled_ui(!review, |ui| {
                            card::card_fields(ui, state, project, journey, index, actions)
                        });
                        comments::comment_section(ui, state, author, journey, index, actions);
                    }
                    (Some(journey), Selected::Stage(index)) => {
                        ui.add_enabled_ui(!review, |ui| {
                            stage::stage_fields(ui, state, journey, index, actions)
                        });
                    }
                    (Some(journey), Selected::Lane(index)) => {
                        ui.add_enabled_ui(!review, |ui| {
                            stage::lane_fields(ui, state, journey, index, actions)
                        });
                    }
                    // Nothing on the map is selected: the project itself.
                    _ => {
                        ui.add_enabled_ui(!review, |ui| {
                            project::project_fields(ui, state, project, app.journey, actions)
                        });
                    }
                }
            });
        });
}
