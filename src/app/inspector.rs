//! The inspector: every field of the selected card, stage or lane. Typing into a field
//! changes the map as you type and is one undo step per field.

use egui::text::{CCursor, CCursorRange};

use super::{Action, JourneymapApp, Selection};
use crate::model::{Card, CardKind, Evidence, Journey, Project, Severity, operations};
pub use crate::paint::card_kind_name;
use crate::paint::{emotion_label, evidence_name};

/// Channels offered as suggestions, besides those the project already uses.
const CHANNELS: [&str; 10] = [
    "Email",
    "Website",
    "Phone",
    "Event",
    "Demo",
    "Video call",
    "Meeting",
    "Webinar",
    "Social",
    "Product",
];

#[derive(Debug, Default)]
pub struct InspectorState {
    /// The text of the field being typed in, by key, while it differs from the document
    /// (a title emptied on the way to a new one is kept here, not refused).
    buffer: Option<(String, String)>,
    /// Put the cursor in the first field of the selection, with its text selected.
    pub focus_title: bool,
    /// The comment being written, by card.
    comment_draft: Option<(String, String)>,
}

impl InspectorState {
    pub(super) fn comment_draft(&self, key: &str) -> String {
        match &self.comment_draft {
            Some((k, text)) if k == key => text.clone(),
            _ => String::new(),
        }
    }

    pub(super) fn set_comment_draft(&mut self, key: &str, text: String) {
        self.comment_draft = Some((key.to_owned(), text));
    }
}

pub fn panel(ui: &mut egui::Ui, app: &mut JourneymapApp, actions: &mut Vec<Action>) {
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(300.0)
        .size_range(240.0..=520.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(8.0);
                let project = app.document.project();
                let state = &mut app.inspector;
                let journey = project.journeys.get(app.journey);
                enum Target {
                    Card,
                    Stage,
                    Lane,
                }
                let selected = journey.and_then(|journey| {
                    let found = match &app.selection {
                        Selection::Card(id) => {
                            (Target::Card, journey.cards.iter().position(|c| &c.id == id))
                        }
                        Selection::Stage(id) => (
                            Target::Stage,
                            journey.stages.iter().position(|s| &s.id == id),
                        ),
                        Selection::Lane(id) => {
                            (Target::Lane, journey.lanes.iter().position(|l| &l.id == id))
                        }
                        Selection::None => (Target::Card, None),
                    };
                    found.1.map(|index| (journey, found.0, index))
                });
                let review = app.review;
                let author = app.settings.author.as_str();
                match selected {
                    Some((journey, Target::Card, index)) => {
                        ui.add_enabled_ui(!review, |ui| {
                            card_fields(ui, state, project, journey, index, actions)
                        });
                        super::comments::comment_section(
                            ui, state, author, journey, index, actions,
                        );
                    }
                    Some((journey, Target::Stage, index)) => {
                        ui.add_enabled_ui(!review, |ui| {
                            super::stage_inspector::stage_fields(ui, state, journey, index, actions)
                        });
                    }
                    Some((journey, Target::Lane, index)) => {
                        ui.add_enabled_ui(!review, |ui| {
                            super::stage_inspector::lane_fields(ui, state, journey, index, actions)
                        });
                    }
                    // Nothing on the map is selected: the project itself.
                    None => {
                        ui.add_enabled_ui(!review, |ui| {
                            super::project_inspector::project_fields(
                                ui,
                                state,
                                project,
                                app.journey,
                                actions,
                            )
                        });
                    }
                }
            });
        });
}

/// How a text field takes its text.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Lines {
    One,
    /// Wraps like a paragraph, but Enter adds no line break (titles, names).
    Wrapped,
    Many,
}

/// A labelled text field. Returns the new text when the user changed it.
#[allow(clippy::too_many_arguments)]
pub(super) fn text_field(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    label: &str,
    key: String,
    current: &str,
    lines: Lines,
    focus: bool,
    actions: &mut Vec<Action>,
) -> Option<String> {
    let label = ui.label(label);
    let (response, changed) = edit_text(ui, state, key, current, lines, focus, actions);
    let _ = response.labelled_by(label.id);
    ui.add_space(6.0);
    changed
}

/// A text field without a visible label (an item of a list); `name` is what screen
/// readers call it.
pub(super) fn item_field(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    name: &str,
    key: String,
    current: &str,
    lines: Lines,
    actions: &mut Vec<Action>,
) -> Option<String> {
    let (response, changed) = edit_text(ui, state, key, current, lines, false, actions);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
    changed
}

/// The text editor behind every field: typing goes into a buffer while the field has the
/// keyboard, so a value that is briefly invalid (an emptied title) is not refused.
fn edit_text(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    key: String,
    current: &str,
    lines: Lines,
    focus: bool,
    actions: &mut Vec<Action>,
) -> (egui::Response, Option<String>) {
    let mut text = match &state.buffer {
        Some((k, text)) if *k == key => text.clone(),
        _ => current.to_owned(),
    };
    let id = egui::Id::unique(("inspector-field", &key));
    let edit = match lines {
        Lines::One => egui::TextEdit::singleline(&mut text),
        Lines::Wrapped => egui::TextEdit::multiline(&mut text)
            .desired_rows(1)
            .return_key(None),
        Lines::Many => egui::TextEdit::multiline(&mut text).desired_rows(3),
    };
    let mut output = edit.id(id).desired_width(f32::INFINITY).show(ui);
    let response = output.response.response.clone();
    if focus {
        response.request_focus();
        output.state.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(0),
            CCursor::new(text.chars().count()),
        )));
        output.state.store(ui.ctx(), id);
    }
    let changed = response.changed().then(|| text.clone());
    if response.has_focus() {
        state.buffer = Some((key, text));
    } else if response.lost_focus() {
        state.buffer = None;
        actions.push(Action::EndMerge);
    }
    (response, changed)
}

/// An editable list of short texts, item by item: each can be changed or removed, and
/// one added. Returns the new list and, for typing, the key that merges its undo steps.
pub(super) fn string_list(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    label: &str,
    key: &str,
    items: &[String],
    actions: &mut Vec<Action>,
) -> Option<(Vec<String>, Option<String>)> {
    ui.label(label);
    let mut result = None;
    for (i, item) in items.iter().enumerate() {
        ui.horizontal(|ui| {
            let remove = ui.small_button("✖").on_hover_text("Remove");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Remove {label} {}", i + 1),
                )
            });
            if remove.clicked() {
                let mut list = items.to_vec();
                list.remove(i);
                result = Some((list, None));
            }
            let item_key = format!("{key}/{i}");
            if let Some(text) = item_field(
                ui,
                state,
                &format!("{label} {}", i + 1),
                item_key.clone(),
                item,
                Lines::Wrapped,
                actions,
            ) {
                let mut list = items.to_vec();
                list[i] = text;
                result = Some((list, Some(item_key)));
            }
        });
    }
    if ui
        .small_button(format!("+ Add to {}", label.to_lowercase()))
        .clicked()
    {
        let mut list = items.to_vec();
        list.push(format!("New item {}", items.len() + 1));
        result = Some((list, None));
    }
    ui.add_space(6.0);
    result
}

/// A drop-down of the project's departments, "Nobody" first, that sets `owner`.
pub(super) fn owner_combo(
    ui: &mut egui::Ui,
    combo: egui::ComboBox,
    project: &Project,
    owner: &mut Option<String>,
) -> egui::Response {
    let shown = owner
        .as_ref()
        .and_then(|id| project.departments.iter().find(|d| &d.id == id))
        .map_or("Nobody", |d| d.name.as_str())
        .to_owned();
    combo
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(owner, None, "Nobody");
            for department in &project.departments {
                ui.selectable_value(owner, Some(department.id.clone()), &department.name);
            }
        })
        .response
}

/// A row of choices, one selected; returns the one clicked.
pub(super) fn choice<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    options: &[(T, &str)],
) -> Option<T> {
    ui.label(label);
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        for &(value, name) in options {
            if ui.selectable_label(current == value, name).clicked() && current != value {
                picked = Some(value);
            }
        }
    });
    ui.add_space(6.0);
    picked
}

fn card_fields(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    journey: &Journey,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let card = &journey.cards[index];
    let focus = std::mem::take(&mut state.focus_title);
    ui.heading(card_kind_name(card.kind));
    ui.label(
        egui::RichText::new(format!("id {}", card.id))
            .small()
            .weak(),
    );
    ui.add_space(6.0);
    let key = |field: &str| format!("card/{}/{field}", card.id);
    let mut changed: Option<(Card, Option<String>)> = None;
    let mut edit = |update: &dyn Fn(&mut Card), merge: Option<String>| {
        let mut new = changed
            .as_ref()
            .map_or_else(|| card.clone(), |(c, _)| c.clone());
        update(&mut new);
        changed = Some((new, merge));
    };

    if let Some(text) = text_field(
        ui,
        state,
        "Title",
        key("title"),
        &card.title,
        Lines::Wrapped,
        focus,
        actions,
    ) {
        edit(&|c| c.title = text.clone(), Some(key("title")));
    }
    let kinds = CardKind::ALL.map(|k| (k, card_kind_name(k)));
    if let Some(kind) = choice(ui, "Kind", card.kind, &kinds) {
        edit(&|c| c.kind = kind, None);
    }
    if let Some(text) = text_field(
        ui,
        state,
        "Channel",
        key("channel"),
        &card.channel,
        Lines::One,
        false,
        actions,
    ) {
        edit(&|c| c.channel = text.clone(), Some(key("channel")));
    }
    if let Some(channel) = channel_suggestions(ui, journey, &card.channel) {
        edit(&|c| c.channel = channel.clone(), None);
    }

    let mut owner = card.owner.clone();
    owner_combo(ui, egui::ComboBox::from_label("Owner"), project, &mut owner);
    ui.add_space(6.0);
    if owner != card.owner {
        edit(&|c| c.owner = owner.clone(), None);
    }

    let emotions: Vec<(Option<i8>, String)> = std::iter::once((None, "None".to_owned()))
        .chain((-2..=2).map(|e| (Some(e), emotion_label(e))))
        .collect();
    let emotion_options: Vec<(Option<i8>, &str)> =
        emotions.iter().map(|(v, n)| (*v, n.as_str())).collect();
    if let Some(emotion) = choice(ui, "Emotion", card.emotion, &emotion_options) {
        edit(&|c| c.emotion = emotion, None);
    }
    let mut moment = card.moment_of_truth;
    if ui.checkbox(&mut moment, "Moment of truth").changed() {
        edit(&|c| c.moment_of_truth = moment, None);
    }
    ui.add_space(6.0);
    if let Some(text) = text_field(
        ui,
        state,
        "If it fails",
        key("if_it_fails"),
        &card.if_it_fails,
        Lines::Many,
        false,
        actions,
    ) {
        edit(&|c| c.if_it_fails = text.clone(), Some(key("if_it_fails")));
    }
    if card.kind == CardKind::PainPoint {
        let severities = [
            (None, "None"),
            (Some(Severity::Low), "Low"),
            (Some(Severity::Medium), "Medium"),
            (Some(Severity::High), "High"),
            (Some(Severity::Critical), "Critical"),
        ];
        if let Some(severity) = choice(ui, "Severity", card.severity, &severities) {
            edit(&|c| c.severity = severity, None);
        }
    }
    let evidence = Evidence::ALL.map(|e| (e, evidence_name(e)));
    if let Some(level) = choice(ui, "Evidence", card.evidence, &evidence) {
        edit(&|c| c.evidence = level, None);
    }
    if let Some(links) = link_fields(ui, journey, card) {
        edit(&|c| c.links = links.clone(), None);
    }
    if let Some(text) = text_field(
        ui,
        state,
        "Notes",
        key("notes"),
        &card.notes,
        Lines::Many,
        false,
        actions,
    ) {
        edit(&|c| c.notes = text.clone(), Some(key("notes")));
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button("Duplicate card").clicked() {
            actions.push(Action::DuplicateCard(index));
        }
        if ui.button("Delete card").clicked() {
            actions.push(Action::DeleteCard(index));
        }
    });

    if let Some((card, merge)) = changed {
        let edit = operations::set_card(journey, index, card);
        actions.push(match merge {
            Some(key) => Action::EditMerged(edit, key),
            None => Action::Edit(edit),
        });
    }
}

/// A menu of channels: common ones and those used elsewhere in the journey.
fn channel_suggestions(ui: &mut egui::Ui, journey: &Journey, current: &str) -> Option<String> {
    let mut picked = None;
    ui.menu_button("Suggestions", |ui| {
        // Gathered only while the menu is open: a large journey costs nothing otherwise.
        let mut channels: Vec<&str> = CHANNELS.to_vec();
        for card in &journey.cards {
            if !card.channel.is_empty() && !channels.contains(&card.channel.as_str()) {
                channels.push(&card.channel);
            }
        }
        for channel in channels {
            if ui.selectable_label(channel == current, channel).clicked() {
                picked = Some(channel.to_owned());
                ui.close();
            }
        }
    });
    ui.add_space(6.0);
    picked
}

/// The card's links, each removable, and a menu to add one. Returns the new list.
fn link_fields(ui: &mut egui::Ui, journey: &Journey, card: &Card) -> Option<Vec<String>> {
    ui.label("Links");
    let title = |id: &str| {
        journey
            .cards
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.title.clone())
    };
    let mut links = card.links.clone();
    let mut changed = false;
    for link in &card.links {
        ui.horizontal(|ui| {
            let name = format!("Remove the link to {}", title(link));
            let remove = ui.small_button("✖").on_hover_text(&name);
            remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if remove.clicked() {
                links.retain(|l| l != link);
                changed = true;
            }
            ui.label(title(link));
        });
    }
    ui.menu_button("Add a link…", |ui| {
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for other in &journey.cards {
                    if other.id != card.id
                        && !links.contains(&other.id)
                        && ui.button(&other.title).clicked()
                    {
                        links.push(other.id.clone());
                        changed = true;
                        ui.close();
                    }
                }
            });
    });
    ui.add_space(6.0);
    changed.then_some(links)
}
