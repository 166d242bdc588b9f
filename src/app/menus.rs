//! The quiet chrome around the map: menu bar, journey tabs and status line.

use super::{Action, Command, JourneymapApp};
use crate::model::{quantity, voices};

/// A menu entry for a command, showing its shortcut.
fn command_button(ui: &mut egui::Ui, command: Command, actions: &mut Vec<Action>) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add(button).clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// A menu entry that switches something on or off, shown selected while on, with its
/// shortcut.
fn command_toggle(ui: &mut egui::Ui, command: Command, on: bool, actions: &mut Vec<Action>) {
    let mut button = egui::Button::selectable(on, command.label());
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add(button).clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// Menu entries in order; `None` is a separator.
fn command_buttons(ui: &mut egui::Ui, commands: &[Option<Command>], actions: &mut Vec<Action>) {
    for command in commands {
        match command {
            Some(command) => command_button(ui, *command, actions),
            None => {
                ui.separator();
            }
        }
    }
}

pub fn menu_bar(ui: &mut egui::Ui, app: &JourneymapApp, actions: &mut Vec<Action>) {
    egui::Panel::top("menu-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command_button(ui, Command::New, actions);
                command_button(ui, Command::Open, actions);
                ui.menu_button("Open recent", |ui| {
                    if app.settings.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &app.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            actions.push(Action::OpenRecent(path.clone()));
                            ui.close();
                        }
                    }
                });
                command_button(ui, Command::Import, actions);
                ui.separator();
                command_button(ui, Command::Save, actions);
                command_button(ui, Command::SaveAs, actions);
                ui.separator();
                command_button(ui, Command::Export, actions);
                command_button(ui, Command::ExportHandout, actions);
                ui.separator();
                command_button(ui, Command::ShareLive, actions);
                command_button(ui, Command::JoinLive, actions);
                ui.add_enabled_ui(app.live.is_on(), |ui| {
                    command_button(ui, Command::LeaveLive, actions)
                });
                ui.separator();
                command_button(ui, Command::Quit, actions);
            });
            ui.menu_button("Edit", |ui| {
                // Live, Undo takes back this user's own changes, which the session keeps.
                let (undo, redo) = if app.live.is_on() {
                    (app.live.can_undo(), app.live.can_redo())
                } else {
                    (app.document.can_undo(), app.document.can_redo())
                };
                ui.add_enabled_ui(undo, |ui| command_button(ui, Command::Undo, actions));
                ui.add_enabled_ui(redo, |ui| command_button(ui, Command::Redo, actions));
                ui.separator();
                command_button(ui, Command::Duplicate, actions);
                command_button(ui, Command::Delete, actions);
                ui.separator();
                command_button(ui, Command::CopyImage, actions);
                command_button(ui, Command::Find, actions);
            });
            ui.menu_button("Map", |ui| {
                command_buttons(
                    ui,
                    &[
                        Some(Command::AddStage),
                        Some(Command::AddLane),
                        None,
                        Some(Command::MoveCardLeft),
                        Some(Command::MoveCardRight),
                        None,
                        Some(Command::SelectLeft),
                        Some(Command::SelectRight),
                        Some(Command::SelectUp),
                        Some(Command::SelectDown),
                        Some(Command::EditTitle),
                        Some(Command::ClearSelection),
                    ],
                    actions,
                );
            });
            ui.menu_button("View", |ui| {
                command_buttons(
                    ui,
                    &[
                        Some(Command::ZoomIn),
                        Some(Command::ZoomOut),
                        Some(Command::ZoomFit),
                        Some(Command::ZoomActual),
                    ],
                    actions,
                );
                ui.separator();
                let toggles = [
                    (Command::ToggleEmpathy, app.settings.map.empathy),
                    (Command::ToggleReview, app.review),
                    (Command::ToggleInspector, app.settings.inspector),
                    (Command::ToggleHealth, app.health.is_some()),
                    (Command::ToggleOutline, app.outline.is_some()),
                    (Command::ToggleDarkMode, app.settings.dark_mode),
                ];
                for (command, on) in toggles {
                    command_toggle(ui, command, on, actions);
                }
                curve_toggles(ui, app, actions);
                ui.separator();
                command_button(ui, Command::Palette, actions);
                command_button(ui, Command::Present, actions);
            });
        });
    });
}

/// One toggle per committee member: whether the map draws their emotion curve.
fn curve_toggles(ui: &mut egui::Ui, app: &JourneymapApp, actions: &mut Vec<Action>) {
    let Some(journey) = app.journey() else {
        return;
    };
    let project = app.document.project();
    let voices = voices(project, journey);
    if voices.len() < 2 {
        return;
    }
    let shown = app.view.shown_curves(journey);
    ui.menu_button("Emotion curves", |ui| {
        for (v, voice) in voices.iter().enumerate() {
            let Some(id) = voice.persona else { continue };
            let label = format!("Curve of {}", voice.label(project));
            if ui
                .add(egui::Button::selectable(shown.contains(v), label))
                .clicked()
            {
                actions.push(Action::ToggleCurve(id.to_owned()));
            }
        }
    });
}

pub fn journey_tabs(ui: &mut egui::Ui, app: &JourneymapApp, actions: &mut Vec<Action>) {
    egui::Panel::top("journey-tabs").show(ui, |ui| {
        ui.horizontal(|ui| {
            for (i, journey) in app.document.project().journeys.iter().enumerate() {
                let tab = ui.selectable_label(i == app.journey, &journey.name);
                if tab.clicked() {
                    actions.push(Action::SelectJourney(i));
                }
            }
            let colleagues = app.live.colleagues();
            if app.review || !colleagues.is_empty() {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if app.review {
                        // Visible where the eye is, not only in the status line: the map
                        // is read-only until it is switched off.
                        let badge = egui::RichText::new("👁 Review mode: the map is read-only")
                            .color(ui.visuals().selection.stroke.color)
                            .strong();
                        let button = ui.button(badge).on_hover_text("Click to leave review mode");
                        if button.clicked() {
                            actions.push(Action::Command(Command::ToggleReview));
                        }
                    }
                    let journeys = &app.document.project().journeys;
                    super::live::colleague_chips(ui, &colleagues, journeys, actions);
                });
            }
        });
    });
}

pub fn status_line(ui: &mut egui::Ui, app: &JourneymapApp) {
    egui::Panel::bottom("status-line").show(ui, |ui| {
        // The counts on the right first: the message on the left is cut to what is left
        // of a narrow window rather than drawn over them.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            {
                ui.label(egui::RichText::new(format!("{:.0} %", app.view.zoom * 100.0)).small());
                if let Some(journey) = app.journey() {
                    let open = quantity(app.open_comment_count(), "open comment", "open comments");
                    ui.label(egui::RichText::new(open).small());
                    ui.label(
                        egui::RichText::new(format!(
                            "{} · {} · {}",
                            quantity(journey.stages.len(), "stage", "stages"),
                            quantity(journey.lanes.len(), "lane", "lanes"),
                            quantity(journey.cards.len(), "card", "cards")
                        ))
                        .small(),
                    );
                }
                let saved = if app.document.is_dirty() {
                    "Unsaved changes"
                } else if app.path.is_none() {
                    // Nothing was ever saved: the built-in template, or a picture's map.
                    "Not saved to a file yet"
                } else {
                    "Saved"
                };
                ui.label(egui::RichText::new(saved).small());
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                if let Some((live, details)) = app.live.status() {
                    let text = egui::RichText::new(live)
                        .small()
                        .strong()
                        .color(ui.visuals().selection.stroke.color);
                    ui.label(text).on_hover_text(details);
                    ui.separator();
                }
                let hint = if app.status.is_empty() {
                    "Double-click a cell to add a card · drag cards between stages · Ctrl+scroll to zoom"
                } else {
                    app.status.as_str()
                };
                ui.add(egui::Label::new(egui::RichText::new(hint).small()).truncate())
                    .on_hover_text(hint);
            });
        });
    });
}
