//! The live session's questions: where to share, which link to join, the wait for the
//! server, and the link to send once the map is live.

use crate::app::Action;

/// What the user asked of a live session.
#[derive(Clone, Debug)]
pub enum LiveAction {
    /// Put the open project on the server at this address and show its link.
    Share { server: String, name: String },
    /// Open the live document of this link, once unsaved changes are settled.
    Join { link: String, name: String },
    /// Stop waiting for a connection under way.
    Cancel,
    /// Leave the session: the map stays open, unsaved, as it last was.
    Leave,
}

#[derive(Clone, Debug)]
pub enum LiveDialog {
    /// File → Share live…: the server's address and the name colleagues see.
    Share { server: String, name: String },
    /// File → Join live…: the link a colleague sent, and the name colleagues see.
    Join { link: String, name: String },
    /// Waiting for the server.
    Connecting { message: String },
    /// The map is live: the link to send.
    Link { link: String },
}

/// Draws the dialog's body inside the open modal.
pub fn show(ui: &mut egui::Ui, dialog: &mut LiveDialog, actions: &mut Vec<Action>) {
    match dialog {
        LiveDialog::Share { server, name } => {
            ui.heading("Share live");
            ui.add_space(8.0);
            ui.label("Colleagues with the link edit and comment on this map with you from their own machines, through a Journeymap server (journeymap serve). Your file stays yours: Save still writes it.");
            ui.add_space(8.0);
            let entered = field(ui, "Server", server, "ws://127.0.0.1:7878", true)
                | field(ui, "Your name", name, "Shown to colleagues", false);
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                let ready = !server.trim().is_empty();
                let share = ui.add_enabled(ready, egui::Button::new("Share"));
                if ready && (share.clicked() || entered) {
                    actions.push(Action::Live(LiveAction::Share {
                        server: server.clone(),
                        name: name.clone(),
                    }));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseDialog);
                }
            });
        }
        LiveDialog::Join { link, name } => {
            ui.heading("Join live");
            ui.add_space(8.0);
            ui.label("Paste the link a colleague sent (journeymap://…). The live map replaces the open project; Save writes it to a file of your own.");
            ui.add_space(8.0);
            let entered = field(
                ui,
                "Link",
                link,
                "journeymap://HOST:PORT/DOCUMENT?key=…",
                true,
            ) | field(ui, "Your name", name, "Shown to colleagues", false);
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                let ready = !link.trim().is_empty();
                let join = ui.add_enabled(ready, egui::Button::new("Join"));
                if ready && (join.clicked() || entered) {
                    actions.push(Action::CloseDialog);
                    actions.push(Action::Live(LiveAction::Join {
                        link: link.clone(),
                        name: name.clone(),
                    }));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CloseDialog);
                }
            });
        }
        LiveDialog::Connecting { message } => {
            ui.heading("Connecting");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(message.as_str());
            });
            ui.add_space(12.0);
            if ui.button("Cancel").clicked() {
                actions.push(Action::Live(LiveAction::Cancel));
            }
        }
        LiveDialog::Link { link } => {
            ui.heading("The map is live");
            ui.add_space(8.0);
            ui.label("Send this link to the colleagues who review the map with you. Anyone with it can edit, so send it the way you would send the file.");
            ui.add_space(8.0);
            let label = ui.label("Link");
            // All of it in view, wrapped: a link cut at the field's edge cannot be checked.
            ui.add(
                egui::TextEdit::multiline(&mut link.as_str())
                    .desired_width(480.0)
                    .desired_rows(2)
                    .font(egui::TextStyle::Monospace),
            )
            .labelled_by(label.id);
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button("Copy link").clicked() {
                    ui.ctx().copy_text(link.clone());
                    actions.push(Action::CloseDialog);
                }
                if ui.button("Close").clicked() {
                    actions.push(Action::CloseDialog);
                }
            });
        }
    }
}

/// A labelled one-line field; true when Enter was pressed in it. `first` takes the
/// keyboard as the dialog opens.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str, first: bool) -> bool {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(480.0)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    if first && ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
