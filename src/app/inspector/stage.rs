//! The inspector for a stage (as the buyer lives it: goal, exit criteria, conversion,
//! KPIs, empathy map) and for a lane.

use super::fields::{Draft, InspectorState, Lines, choice, item_field, string_list, text_field};
use crate::app::{Action, Command};
use crate::model::{Empathy, Journey, Kpi, LaneKind, operations, quantity};

pub(super) fn stage_fields(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    journey: &Journey,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let stage = &journey.stages[index];
    let focus = std::mem::take(&mut state.focus_title);
    ui.heading("Stage");
    ui.label(
        egui::RichText::new(format!("id {}", stage.id))
            .small()
            .weak(),
    );
    ui.add_space(6.0);
    let key = |field: &str| format!("stage/{}/{field}", stage.id);
    let mut draft = Draft::new(stage);

    if let Some(text) = text_field(
        ui,
        state,
        "Name",
        key("name"),
        &stage.name,
        Lines::Wrapped,
        focus,
        actions,
    ) {
        draft.change(Some(key("name")), |s| s.name = text);
    }
    if let Some(text) = text_field(
        ui,
        state,
        "Goal",
        key("goal"),
        &stage.goal,
        Lines::Many,
        false,
        actions,
    ) {
        draft.change(Some(key("goal")), |s| s.goal = text);
    }
    if let Some(text) = text_field(
        ui,
        state,
        "Exit criteria",
        key("exit_criteria"),
        &stage.exit_criteria,
        Lines::Many,
        false,
        actions,
    ) {
        draft.change(Some(key("exit_criteria")), |s| s.exit_criteria = text);
    }

    let label = ui.label("Conversion to the next stage");
    ui.horizontal(|ui| {
        let mut known = stage.conversion.is_some();
        if ui.checkbox(&mut known, "Measured").changed() {
            draft.change(None, |s| s.conversion = known.then_some(0.5));
        }
        if let Some(conversion) = stage.conversion {
            let mut percent = conversion * 100.0;
            let drag = egui::DragValue::new(&mut percent)
                .range(0.0..=100.0)
                .speed(0.5)
                .max_decimals(1)
                .suffix(" %");
            let response = ui.add(drag).labelled_by(label.id);
            if response.changed() {
                let share = (percent / 100.0).clamp(0.0, 1.0);
                draft.change(Some(key("conversion")), |s| s.conversion = Some(share));
            }
            if response.drag_stopped() || response.lost_focus() {
                actions.push(Action::EndMerge);
            }
        }
    });
    ui.add_space(6.0);

    ui.label("KPIs");
    for (i, kpi) in stage.kpis.iter().enumerate() {
        ui.horizontal(|ui| {
            let remove = ui.small_button("✖").on_hover_text("Remove the KPI");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove KPI {}", i + 1))
            });
            if remove.clicked() {
                draft.change(None, |s| {
                    s.kpis.remove(i);
                });
            }
            ui.vertical(|ui| {
                let name_key = key(&format!("kpi/{i}/name"));
                if let Some(text) = item_field(
                    ui,
                    state,
                    &format!("KPI {} name", i + 1),
                    name_key.clone(),
                    &kpi.name,
                    Lines::Wrapped,
                    actions,
                ) {
                    draft.change(Some(name_key.clone()), |s| s.kpis[i].name = text);
                }
                let value_key = key(&format!("kpi/{i}/value"));
                if let Some(text) = item_field(
                    ui,
                    state,
                    &format!("KPI {} value", i + 1),
                    value_key.clone(),
                    &kpi.value,
                    Lines::Wrapped,
                    actions,
                ) {
                    draft.change(Some(value_key.clone()), |s| s.kpis[i].value = text);
                }
            });
        });
    }
    if ui.small_button("+ Add KPI").clicked() {
        draft.change(None, |s| {
            s.kpis.push(Kpi {
                name: "New KPI".to_owned(),
                value: String::new(),
            })
        });
    }
    ui.add_space(6.0);

    ui.collapsing("Empathy map", |ui| {
        for (quadrant, label) in Empathy::QUADRANTS.into_iter().enumerate() {
            let items = stage.empathy.lists()[quadrant];
            let list_key = key(&format!("empathy/{}", label.to_lowercase()));
            if let Some((items, merge)) = string_list(ui, state, label, &list_key, items, actions) {
                draft.change(merge, |s| *s.empathy.lists_mut()[quadrant] = items);
            }
        }
    });

    let cards = operations::cards_in_stage(journey, index);
    ui.label(quantity(cards, "card", "cards"));
    ui.separator();
    if ui.button("Delete stage").clicked() {
        actions.push(Action::Command(Command::Delete));
    }
    actions.extend(draft.into_action(|stage| operations::set_stage(journey, index, stage)));
}

pub(super) fn lane_fields(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    journey: &Journey,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let lane = &journey.lanes[index];
    let focus = std::mem::take(&mut state.focus_title);
    ui.heading("Lane");
    ui.label(
        egui::RichText::new(format!("id {}", lane.id))
            .small()
            .weak(),
    );
    ui.add_space(6.0);
    let key = format!("lane/{}/title", lane.id);
    if let Some(title) = text_field(
        ui,
        state,
        "Title",
        key.clone(),
        &lane.title,
        Lines::Wrapped,
        focus,
        actions,
    ) {
        let mut new = lane.clone();
        new.title = title;
        actions.push(Action::EditMerged(
            operations::set_lane(journey, index, new),
            key,
        ));
    }
    let kinds: Vec<(LaneKind, &str)> = LaneKind::ALL.iter().map(|&k| (k, k.name())).collect();
    if let Some(kind) = choice(ui, "Kind", lane.kind, &kinds) {
        let mut new = lane.clone();
        new.kind = kind;
        actions.push(Action::Edit(operations::set_lane(journey, index, new)));
    }
    let cards = operations::cards_in_lane(journey, index);
    ui.label(quantity(cards, "card", "cards"));
    ui.separator();
    if ui.button("Delete lane").clicked() {
        actions.push(Action::Command(Command::Delete));
    }
}
