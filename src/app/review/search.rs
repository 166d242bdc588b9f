//! Search and filters (Ctrl+F): card titles, notes and comments, by owner, kind, channel,
//! evidence and the committee member who scored them. Cards that do not match are dimmed on the map; the bar counts matches.

use crate::app::Action;
use crate::model::{CardKind, Evidence, Filter, Journey, Project, voices};

/// The search bar's state and the matches it gives, kept until the project or filter changes.
#[derive(Debug, Default)]
pub struct SearchState {
    pub filter: Filter,
    /// Put the cursor in the search field on the next frame.
    pub focus: bool,
    matches: Vec<bool>,
    computed_for: Option<(u64, usize, Filter)>,
}

impl SearchState {
    /// Which cards of `journey` match, by index.
    pub fn matches(&mut self, journey: &Journey, state_id: u64, index: usize) -> &[bool] {
        let key = (state_id, index, self.filter.clone());
        if self.computed_for.as_ref() != Some(&key) {
            self.matches = self.filter.matches_in(journey);
            self.computed_for = Some(key);
        }
        &self.matches
    }
}

/// A filter's choice box: "Any" or one of `options`.
fn pick<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    options: &[(T, String)],
) {
    let shown = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map_or("Any", |(_, name)| name.as_str())
        .to_owned();
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Any");
            for (option, name) in options {
                ui.selectable_value(value, Some(option.clone()), name);
            }
        })
        .response
        .labelled_by(label.id);
}

pub fn bar(
    ui: &mut egui::Ui,
    search: &mut SearchState,
    project: &Project,
    journey: &Journey,
    matching: usize,
    actions: &mut Vec<Action>,
) {
    egui::Panel::top("search").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Search");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut search.filter.query)
                        .hint_text("titles, notes, comments")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut search.focus) {
                field.request_focus();
            }
            let owners: Vec<(String, String)> = project
                .departments
                .iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect();
            pick(ui, "Owner", &mut search.filter.owner, &owners);
            let kinds: Vec<(CardKind, String)> = CardKind::ALL
                .into_iter()
                .map(|k| (k, k.name().to_owned()))
                .collect();
            pick(ui, "Kind", &mut search.filter.kind, &kinds);
            let mut channels: Vec<(String, String)> = Vec::new();
            for card in &journey.cards {
                if !card.channel.is_empty() && channels.iter().all(|(c, _)| c != &card.channel) {
                    channels.push((card.channel.clone(), card.channel.clone()));
                }
            }
            pick(ui, "Channel", &mut search.filter.channel, &channels);
            let evidence: Vec<(Evidence, String)> = Evidence::ALL
                .into_iter()
                .map(|e| (e, e.name().to_owned()))
                .collect();
            pick(ui, "Evidence", &mut search.filter.evidence, &evidence);
            let scorers: Vec<(String, String)> = voices(project, journey)
                .iter()
                .filter_map(|v| Some((v.persona?.to_owned(), v.name(project))))
                .collect();
            if scorers.len() > 1 {
                pick(ui, "Scored by", &mut search.filter.persona, &scorers);
            }
            ui.label(format!("{matching} of {} cards match", journey.cards.len()));
            if ui.button("Close search").clicked() {
                actions.push(Action::CloseSearch);
            }
        });
    });
}
