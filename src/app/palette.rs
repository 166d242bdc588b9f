//! The command palette (Ctrl+K or Ctrl+Shift+P): every command of the table, found by
//! typing a few of its letters, run with Enter. Up and Down pick among the matches; Esc
//! closes it.

use super::{Action, Command, JourneymapApp};

/// The height of the list of matches.
const LIST_HEIGHT: f32 = 360.0;

/// The palette while it is open.
#[derive(Clone, Debug, Default)]
pub struct Palette {
    query: String,
    /// The match Enter runs, counted in the matches shown.
    highlighted: usize,
}

/// The commands whose label (or another name for them) holds the letters of `query` in
/// order (ignoring case), best first: those whose label starts with it, then those with a
/// word starting with it, then the rest, each group in alphabetical order.
pub fn matching(query: &str) -> Vec<Command> {
    let query = query.trim().to_lowercase();
    let mut found: Vec<(u8, &str, Command)> = Command::ALL
        .into_iter()
        .filter_map(|command| {
            let label = format!("{} {}", command.label(), also_called(command)).to_lowercase();
            let rank = if label.starts_with(&query) {
                0
            } else if label
                .split_whitespace()
                .any(|word| word.starts_with(&query))
            {
                1
            } else if in_order(&query, &label) {
                2
            } else {
                return None;
            };
            Some((rank, command.label(), command))
        })
        .collect();
    // "Export…" before "Export handout…": the ellipsis is not part of the name.
    found.sort_by_key(|&(rank, label, _)| (rank, label.trim_end_matches('…')));
    found.into_iter().map(|(_, _, command)| command).collect()
}

/// Other words people look for a command by.
fn also_called(command: Command) -> &'static str {
    match command {
        Command::ZoomFit => "zoom whole map",
        Command::ZoomActual => "zoom 100",
        Command::Find => "filter",
        Command::Import => "csv table spreadsheet mermaid diagram",
        Command::Export => {
            "picture png svg pdf vector slides csv table spreadsheet mermaid diagram"
        }
        Command::ExportHandout => "pdf handout presentation deck slides print",
        Command::CopyImage => "clipboard picture",
        Command::Present => "slides slideshow",
        _ => "",
    }
}

/// Whether the letters of `query` appear in `text` in order, not necessarily together.
fn in_order(query: &str, text: &str) -> bool {
    let mut letters = text.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|wanted| letters.any(|c| c == wanted))
}

/// Draws the palette, if open; the command it runs becomes an action.
pub fn show(ctx: &egui::Context, app: &mut JourneymapApp, actions: &mut Vec<Action>) {
    let Some(palette) = &mut app.palette else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
        ui.set_width(460.0);
        let label = ui.label("Command");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut palette.query)
                    .hint_text("Type a few letters: export, zoom, present…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        field.request_focus();
        let found = matching(&palette.query);
        let (up, down, enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        if field.changed() {
            palette.highlighted = 0;
        }
        if down {
            palette.highlighted = (palette.highlighted + 1).min(found.len().saturating_sub(1));
        }
        if up {
            palette.highlighted = palette.highlighted.saturating_sub(1);
        }
        ui.add_space(6.0);
        // Always as tall: the box does not jump as the matches change.
        egui::ScrollArea::vertical()
            .min_scrolled_height(LIST_HEIGHT)
            .max_height(LIST_HEIGHT)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Rows as wide as the list, their labels at the left, as in a menu.
                ui.set_min_width(ui.available_width());
                ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                    if found.is_empty() {
                        ui.weak("No command has those letters");
                    }
                    for (i, command) in found.iter().enumerate() {
                        let mut button =
                            egui::Button::selectable(i == palette.highlighted, command.label());
                        if let Some(shortcut) = command.shortcuts().first() {
                            button = button.shortcut_text(ctx.format_shortcut(shortcut));
                        }
                        let response = ui.add(button);
                        if i == palette.highlighted {
                            response.scroll_to_me(None);
                        }
                        if response.clicked() {
                            actions.push(Action::Command(*command));
                            close = true;
                        }
                    }
                });
            });
        if enter && let Some(command) = found.get(palette.highlighted) {
            actions.push(Action::Command(*command));
            close = true;
        }
        close |= escape;
    });
    if close || modal.should_close() {
        app.palette = None;
    }
}

impl JourneymapApp {
    /// Opens the palette, or closes it when it is open.
    pub(super) fn toggle_palette(&mut self) {
        if self.dialog.is_some() {
            return; // a dialog waits for its answer first
        }
        self.palette = match self.palette {
            Some(_) => None,
            None => Some(Palette::default()),
        };
    }
}
