//! The card inspector: every field of the selected card, its links and channel
//! suggestions.

use super::fields::{Draft, InspectorState, Lines, choice, owner_combo, text_field};
use crate::app::Action;
use crate::model::{
    Card, CardKind, Evidence, Journey, Project, Severity, emotion_label, operations, voices,
};

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

pub(super) fn card_fields(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    journey: &Journey,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let card = &journey.cards[index];
    let focus = std::mem::take(&mut state.focus_title);
    ui.heading(card.kind.name());
    ui.label(
        egui::RichText::new(format!("id {}", card.id))
            .small()
            .weak(),
    );
    ui.add_space(6.0);
    let key = |field: &str| format!("card/{}/{field}", card.id);
    let mut draft = Draft::new(card);

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
        draft.change(Some(key("title")), |c| c.title = text);
    }
    let kinds = CardKind::ALL.map(|k| (k, k.name()));
    if let Some(kind) = choice(ui, "Kind", card.kind, &kinds) {
        draft.change(None, |c| c.kind = kind);
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
        draft.change(Some(key("channel")), |c| c.channel = text);
    }
    if let Some(channel) = channel_suggestions(ui, journey, &card.channel) {
        draft.change(None, |c| c.channel = channel);
    }

    let mut owner = card.owner.clone();
    owner_combo(ui, egui::ComboBox::from_label("Owner"), project, &mut owner);
    ui.add_space(6.0);
    if owner != card.owner {
        draft.change(None, |c| c.owner = owner);
    }

    emotions(ui, project, journey, card, &mut draft);
    let mut moment = card.moment_of_truth;
    if ui.checkbox(&mut moment, "Moment of truth").changed() {
        draft.change(None, |c| c.moment_of_truth = moment);
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
        draft.change(Some(key("if_it_fails")), |c| c.if_it_fails = text);
    }
    if card.kind == CardKind::PainPoint {
        let severities: Vec<(Option<Severity>, &str)> = std::iter::once((None, "None"))
            .chain(
                [
                    Severity::Low,
                    Severity::Medium,
                    Severity::High,
                    Severity::Critical,
                ]
                .map(|s| (Some(s), s.name())),
            )
            .collect();
        if let Some(severity) = choice(ui, "Severity", card.severity, &severities) {
            draft.change(None, |c| c.severity = severity);
        }
    }
    let evidence = Evidence::ALL.map(|e| (e, e.name()));
    if let Some(level) = choice(ui, "Evidence", card.evidence, &evidence) {
        draft.change(None, |c| c.evidence = level);
    }
    if let Some(links) = link_fields(ui, journey, card) {
        draft.change(None, |c| c.links = links);
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
        draft.change(Some(key("notes")), |c| c.notes = text);
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

    actions.extend(draft.into_action(|card| operations::set_card(journey, index, card)));
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

/// One row of scores per committee member ("Emotion" alone for a journey of one voice):
/// none, or -2 to +2.
fn emotions(
    ui: &mut egui::Ui,
    project: &Project,
    journey: &Journey,
    card: &Card,
    draft: &mut Draft<'_, Card>,
) {
    let voices = voices(project, journey);
    let several = voices.len() > 1;
    let options: Vec<(Option<i8>, String)> = std::iter::once((None, "None".to_owned()))
        .chain((-2..=2).map(|e| (Some(e), emotion_label(e))))
        .collect();
    for voice in &voices {
        let current = voice.score(card);
        let name = voice.name(project);
        if several {
            ui.label(format!("Emotion of {}", voice.label(project)));
        } else {
            ui.label("Emotion");
        }
        ui.horizontal_wrapped(|ui| {
            for (value, text) in &options {
                let response = ui.selectable_label(current == *value, text);
                if several {
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            current == *value,
                            format!("{name}: {text}"),
                        )
                    });
                }
                if response.clicked() && current != *value {
                    draft.change(None, |c| voice.set_score(c, *value));
                }
            }
        });
        ui.add_space(if several { 2.0 } else { 6.0 });
    }
    if several {
        ui.add_space(4.0);
    }
}
