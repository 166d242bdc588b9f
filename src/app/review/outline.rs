//! The outline view, for people who think in lists: every card of the journey in a table,
//! sortable by any column and editable in place. Selecting a row selects its card.

use egui_extras::{Column, TableBuilder};

use crate::app::inspector::fields::{Draft, InspectorState, Lines, item_field, owner_combo};
use crate::app::{Action, Selection};
use crate::model::{
    Card, CardKind, Evidence, Journey, Lane, Project, emotion_label, operations, quantity, voices,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// The journey's own order: stage, then lane, then place in the cell.
    Map,
    Stage,
    Lane,
    Kind,
    Title,
    Owner,
    Channel,
    /// One committee member's emotion, by voice (see [`voices`]).
    Emotion(usize),
    Evidence,
}

/// The outline's columns and their headers: an emotion column per committee member.
pub(super) fn columns(project: &Project, journey: &Journey) -> Vec<(SortBy, String)> {
    let voices = voices(project, journey);
    let fixed = [
        (SortBy::Stage, "Stage"),
        (SortBy::Lane, "Lane"),
        (SortBy::Kind, "Kind"),
        (SortBy::Title, "Title"),
        (SortBy::Owner, "Owner"),
        (SortBy::Channel, "Channel"),
    ];
    let mut columns: Vec<(SortBy, String)> =
        fixed.map(|(sort, name)| (sort, name.to_owned())).into();
    for (v, voice) in voices.iter().enumerate() {
        let name = if voices.len() > 1 {
            format!("Emotion of {}", voice.name(project))
        } else {
            "Emotion".to_owned()
        };
        columns.push((SortBy::Emotion(v), name));
    }
    columns.push((SortBy::Evidence, "Evidence".to_owned()));
    columns
}

/// The outline's sort and the row order it gives, kept until the project or sort changes.
#[derive(Debug)]
pub struct OutlineState {
    pub sort: SortBy,
    pub descending: bool,
    order: Vec<usize>,
    /// (document state, journey, sort, descending) the order was computed for.
    order_for: Option<(u64, usize, SortBy, bool)>,
}

impl Default for OutlineState {
    fn default() -> Self {
        Self {
            sort: SortBy::Map,
            descending: false,
            order: Vec::new(),
            order_for: None,
        }
    }
}

/// The card indices of `journey` in the order of `sort`.
fn sorted(project: &Project, journey: &Journey, sort: SortBy, descending: bool) -> Vec<usize> {
    let stage = |c: &Card| journey.stages.iter().position(|s| s.id == c.stage);
    let lane = |c: &Card| journey.lanes.iter().position(|l| l.id == c.lane);
    let owner = |c: &Card| {
        c.owner
            .as_ref()
            .and_then(|id| project.departments.iter().find(|d| &d.id == id))
            .map(|d| d.name.to_lowercase())
    };
    let mut order: Vec<usize> = (0..journey.cards.len()).collect();
    let cards = &journey.cards;
    match sort {
        SortBy::Map => order.sort_by_key(|&i| (stage(&cards[i]), lane(&cards[i]))),
        SortBy::Stage => order.sort_by_key(|&i| stage(&cards[i])),
        SortBy::Lane => order.sort_by_key(|&i| lane(&cards[i])),
        SortBy::Kind => order.sort_by_key(|&i| cards[i].kind.name()),
        SortBy::Title => order.sort_by_cached_key(|&i| cards[i].title.to_lowercase()),
        SortBy::Owner => order.sort_by_cached_key(|&i| owner(&cards[i])),
        SortBy::Channel => order.sort_by_cached_key(|&i| cards[i].channel.to_lowercase()),
        SortBy::Emotion(v) => {
            let voices = voices(project, journey);
            let score = |card: &Card| voices.get(v).and_then(|voice| voice.score(card));
            order.sort_by_key(|&i| score(&cards[i]));
        }
        SortBy::Evidence => order.sort_by_key(|&i| cards[i].evidence.name()),
    }
    if descending {
        order.reverse();
    }
    order
}

/// Shows the outline of `journey` in a bottom panel.
#[allow(clippy::too_many_arguments)]
pub fn panel(
    ui: &mut egui::Ui,
    outline: &mut OutlineState,
    fields: &mut InspectorState,
    project: &Project,
    journey: &Journey,
    journey_index: usize,
    state_id: u64,
    selected: Option<usize>,
    actions: &mut Vec<Action>,
) {
    let key = (state_id, journey_index, outline.sort, outline.descending);
    if outline.order_for != Some(key) {
        outline.order = sorted(project, journey, outline.sort, outline.descending);
        outline.order_for = Some(key);
    }
    let columns = columns(project, journey);
    // Rows copied from a spreadsheet, pasted while no field has the keyboard.
    let pasted = ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Paste(text) => Some(text.clone()),
            _ => None,
        })
    });
    if let Some(text) = pasted
        && ui.memory(|m| m.focused().is_none())
    {
        actions.push(Action::PasteRows(text));
    }
    egui::Panel::bottom("outline")
        .resizable(true)
        .default_size(260.0)
        .size_range(120.0..=640.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Outline");
                ui.label(format!(
                    "{} · click a column to sort · paste rows from a spreadsheet to add cards",
                    quantity(journey.cards.len(), "card", "cards")
                ));
            });
            // A committee's columns run past the panel's width: it scrolls sideways.
            egui::ScrollArea::horizontal().show(ui, |ui| {
                let mut table = TableBuilder::new(ui)
                    .striped(true)
                    .resizable(true)
                    .column(Column::auto())
                    .columns(Column::initial(120.0).at_least(60.0), 3)
                    .column(Column::initial(300.0).at_least(120.0))
                    .columns(Column::initial(110.0).at_least(60.0), columns.len() - 4);
                if let Some(row) =
                    selected.and_then(|card| outline.order.iter().position(|&i| i == card))
                {
                    table = table.scroll_to_row(row, None);
                }
                table
                    .header(22.0, |mut header| {
                        header.col(|ui| {
                            ui.label("");
                        });
                        for (sort, name) in &columns {
                            let sort = *sort;
                            header.col(|ui| {
                                let arrow = match (outline.sort == sort, outline.descending) {
                                    (true, false) => " ⏶",
                                    (true, true) => " ⏷",
                                    (false, _) => "",
                                };
                                let button = ui.button(format!("{name}{arrow}"));
                                button.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::Button,
                                        true,
                                        format!("Sort by {}", name.to_lowercase()),
                                    )
                                });
                                if button.clicked() {
                                    outline.descending =
                                        outline.sort == sort && !outline.descending;
                                    outline.sort = sort;
                                }
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(26.0, outline.order.len(), |mut row| {
                            let index = outline.order[row.index()];
                            row.set_selected(selected == Some(index));
                            let cell = Cell {
                                project,
                                journey,
                                columns: &columns,
                                index,
                            };
                            cells(&mut row, fields, &cell, actions);
                        });
                    });
            });
        });
}

/// What screen readers call a cell's control: its column and the card's title.
fn named(column: &str, card: &Card) -> egui::WidgetInfo {
    egui::WidgetInfo::labeled(
        egui::Role::ComboBox,
        true,
        format!("{column} of {}", card.title),
    )
}

/// What one row of the outline shows: a card of a journey, under the outline's columns.
struct Cell<'a> {
    project: &'a Project,
    journey: &'a Journey,
    columns: &'a [(SortBy, String)],
    index: usize,
}

fn cells(
    row: &mut egui_extras::TableRow<'_, '_>,
    fields: &mut InspectorState,
    cell: &Cell<'_>,
    actions: &mut Vec<Action>,
) {
    let Cell {
        project,
        journey,
        columns,
        index,
    } = *cell;
    let card = &journey.cards[index];
    let mut draft = Draft::new(card);
    row.col(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let show = ui.small_button("◎").on_hover_text("Show on the map");
        show.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Select {}", card.title))
        });
        if show.clicked() {
            actions.push(Action::Select(Selection::Card(card.id.clone())));
        }
    });
    row.col(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let stage = journey.stages.iter().find(|s| s.id == card.stage);
        ui.label(stage.map_or("", |s| s.name.as_str()));
    });
    row.col(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let lane = journey.lanes.iter().find(|l| l.id == card.lane);
        ui.label(lane.map(Lane::display_title).unwrap_or_default());
    });
    row.col(|ui| {
        let mut kind = card.kind;
        egui::ComboBox::from_id_salt(("outline-kind", &card.id))
            .selected_text(kind.name())
            .show_ui(ui, |ui| {
                for k in CardKind::ALL {
                    ui.selectable_value(&mut kind, k, k.name());
                }
            })
            .response
            .widget_info(|| named("Kind", card));
        if kind != card.kind {
            draft.change(None, |c| c.kind = kind);
        }
    });
    row.col(|ui| {
        let key = format!("card/{}/title", card.id);
        if let Some(title) = item_field(
            ui,
            fields,
            &format!("Outline title: {}", card.title),
            key.clone(),
            &card.title,
            Lines::One,
            actions,
        ) {
            draft.change(Some(key), |c| c.title = title);
        }
    });
    row.col(|ui| {
        let mut owner = card.owner.clone();
        let combo = egui::ComboBox::from_id_salt(("outline-owner", &card.id));
        owner_combo(ui, combo, project, &mut owner).widget_info(|| named("Owner", card));
        if owner != card.owner {
            draft.change(None, |c| c.owner = owner);
        }
    });
    row.col(|ui| {
        let key = format!("card/{}/channel", card.id);
        if let Some(channel) = item_field(
            ui,
            fields,
            &format!("Outline channel: {}", card.title),
            key.clone(),
            &card.channel,
            Lines::One,
            actions,
        ) {
            draft.change(Some(key), |c| c.channel = channel);
        }
    });
    let voices = voices(project, journey);
    let emotions = columns.iter().filter_map(|(sort, column)| match sort {
        SortBy::Emotion(v) => Some((voices.get(*v)?, column)),
        _ => None,
    });
    for (voice, column) in emotions {
        row.col(|ui| {
            let current = voice.score(card);
            let mut emotion = current;
            egui::ComboBox::from_id_salt(("outline-emotion", &card.id, voice.persona))
                .selected_text(emotion.map_or_else(|| "—".to_owned(), emotion_label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut emotion, None, "—");
                    for e in -2..=2 {
                        ui.selectable_value(&mut emotion, Some(e), emotion_label(e));
                    }
                })
                .response
                .widget_info(|| named(column, card));
            if emotion != current {
                draft.change(None, |c| voice.set_score(c, emotion));
            }
        });
    }
    row.col(|ui| {
        let mut evidence = card.evidence;
        egui::ComboBox::from_id_salt(("outline-evidence", &card.id))
            .selected_text(evidence.name())
            .show_ui(ui, |ui| {
                for e in Evidence::ALL {
                    ui.selectable_value(&mut evidence, e, e.name());
                }
            })
            .response
            .widget_info(|| named("Evidence", card));
        if evidence != card.evidence {
            draft.change(None, |c| c.evidence = evidence);
        }
    });
    actions.extend(draft.into_action(|card| operations::set_card(journey, index, card)));
}
