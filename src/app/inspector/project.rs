//! The inspector when nothing on the map is selected: the project's journeys (the one on
//! screen with its buying committee, scenario and expectations), its departments and its
//! personas.

use super::fields::{
    Draft, InspectorState, Lines, icon_button, item_field, string_list, text_field,
};
use crate::app::Action;
use crate::model::project_operations::{self as ops, journey_info};
use crate::model::{Edit, List, Persona, Project, quantity};
use crate::theme::item_color;

pub(super) fn project_fields(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    current: usize,
    actions: &mut Vec<Action>,
) {
    ui.heading("Project");
    ui.label("Select a card, a stage header or a lane title to edit it. Double-click an empty spot in a cell to add a card.");
    ui.add_space(8.0);
    project_info(ui, state, project, actions);
    if current < project.journeys.len() {
        journey_fields(ui, state, project, current, actions);
    }
    ui.collapsing("Journeys", |ui| journeys(ui, project, current, actions));
    ui.collapsing("Departments", |ui| departments(ui, state, project, actions));
    ui.collapsing("Personas", |ui| personas(ui, state, project, actions));
}

/// The project's own title (it opens the presentation) and notes.
fn project_info(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    actions: &mut Vec<Action>,
) {
    let (title, notes) = ("project/title", "project/notes");
    let info = |title: String, notes: String| Edit::ProjectInfo { title, notes };
    if let Some(text) = text_field(
        ui,
        state,
        "Project title",
        title.to_owned(),
        &project.title,
        Lines::Wrapped,
        false,
        actions,
    ) {
        let edit = info(text, project.notes.clone());
        actions.push(Action::edit(edit, Some(title.to_owned())));
    }
    if let Some(text) = text_field(
        ui,
        state,
        "Project notes",
        notes.to_owned(),
        &project.notes,
        Lines::Many,
        false,
        actions,
    ) {
        let edit = info(project.title.clone(), text);
        actions.push(Action::edit(edit, Some(notes.to_owned())));
    }
}

fn journey_fields(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let journey = &project.journeys[index];
    let info = journey_info(journey);
    let key = |field: &str| format!("journey/{}/{field}", journey.id);
    let mut draft = Draft::new(&info);
    if let Some(text) = text_field(
        ui,
        state,
        "Journey name",
        key("name"),
        &info.name,
        Lines::Wrapped,
        false,
        actions,
    ) {
        draft.change(Some(key("name")), |info| info.name = text);
    }
    super::committee::committee(ui, state, project, index, actions);
    ui.add_space(6.0);
    if let Some(text) = text_field(
        ui,
        state,
        "Scenario",
        key("scenario"),
        &info.scenario,
        Lines::Many,
        false,
        actions,
    ) {
        draft.change(Some(key("scenario")), |info| info.scenario = text);
    }
    if let Some(text) = text_field(
        ui,
        state,
        "Expectations",
        key("expectations"),
        &info.expectations,
        Lines::Many,
        false,
        actions,
    ) {
        draft.change(Some(key("expectations")), |info| info.expectations = text);
    }
    actions.extend(draft.into_action(|info| ops::set_journey_info(project, index, info)));
}

fn journeys(ui: &mut egui::Ui, project: &Project, current: usize, actions: &mut Vec<Action>) {
    let len = project.journeys.len();
    for (i, journey) in project.journeys.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.selectable_label(i == current, &journey.name).clicked() {
                actions.push(Action::SelectJourney(i));
            }
            if icon_button(ui, "⏶", &format!("Move {} up", journey.name)) {
                actions.push(Action::Edit(ops::move_by(List::Journeys, len, i, -1)));
            }
            if icon_button(ui, "⏷", &format!("Move {} down", journey.name)) {
                actions.push(Action::Edit(ops::move_by(List::Journeys, len, i, 1)));
            }
            if icon_button(ui, "✖", &format!("Delete {}", journey.name)) {
                actions.push(Action::Confirm {
                    question: format!(
                        "Delete the journey “{}” and its {}?",
                        journey.name,
                        quantity(journey.cards.len(), "card", "cards")
                    ),
                    edit: Box::new(ops::delete_journey(i)),
                });
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("+ Blank journey").clicked() {
            let (edit, index) = ops::add_journey(project, ops::blank_journey(), None);
            actions.push(Action::Edit(edit));
            actions.push(Action::SelectJourney(index));
        }
        if ui.button("+ From template").clicked() {
            actions.push(Action::AddTemplateJourney);
        }
        if let Some(journey) = project.journeys.get(current)
            && ui.button("Copy this journey").clicked()
        {
            let (edit, index) = ops::add_journey(project, journey.clone(), Some(current));
            actions.push(Action::Edit(edit));
            actions.push(Action::SelectJourney(index));
        }
    });
}

fn departments(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    actions: &mut Vec<Action>,
) {
    for (i, department) in project.departments.iter().enumerate() {
        ui.horizontal(|ui| {
            // The name field takes the rest of the row, so it comes last.
            if icon_button(ui, "✖", &format!("Delete {}", department.name)) {
                actions.push(Action::Edit(ops::delete_department(project, i)));
            }
            let rgb = item_color(&department.color, i).to_srgba_unmultiplied();
            let mut color = [rgb[0], rgb[1], rgb[2]];
            let picker = ui.color_edit_button_srgb(&mut color);
            picker.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::ColorWell,
                    true,
                    format!("Colour of {}", department.name),
                )
            });
            if picker.changed() {
                let mut new = department.clone();
                new.color = format!("#{:02X}{:02X}{:02X}", color[0], color[1], color[2]);
                let key = format!("department/{}/color", department.id);
                actions.push(Action::EditMerged(ops::set_department(i, new), key));
            }
            let key = format!("department/{}/name", department.id);
            let name = format!("Department {} name", i + 1);
            if let Some(text) = item_field(
                ui,
                state,
                &name,
                key.clone(),
                &department.name,
                Lines::One,
                actions,
            ) {
                let mut new = department.clone();
                new.name = text;
                actions.push(Action::EditMerged(ops::set_department(i, new), key));
            }
        });
    }
    if ui.button("+ Add department").clicked() {
        actions.push(Action::Edit(ops::add_department(project).0));
    }
}

/// A text field of a persona, with how to reach it.
type PersonaText = fn(&mut Persona) -> &mut String;

/// The lists of a persona, with how to reach each.
type PersonaList = (&'static str, fn(&mut Persona) -> &mut Vec<String>);

const PERSONA_LISTS: [PersonaList; 5] = [
    ("Goals", |p| &mut p.goals),
    ("Values", |p| &mut p.values),
    ("Pain points", |p| &mut p.pain_points),
    ("Channels", |p| &mut p.channels),
    ("Influencers", |p| &mut p.influencers),
];

fn personas(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    actions: &mut Vec<Action>,
) {
    let len = project.personas.len();
    for (i, persona) in project.personas.iter().enumerate() {
        egui::CollapsingHeader::new(&persona.name)
            .id_salt(("persona", &persona.id))
            .show(ui, |ui| {
                let key = |field: &str| format!("persona/{}/{field}", persona.id);
                let mut draft = Draft::new(persona);
                let texts: [(&str, &str, Lines, PersonaText); 3] = [
                    ("Name", "name", Lines::Wrapped, |p| &mut p.name),
                    ("Role", "role", Lines::Wrapped, |p| &mut p.role),
                    ("Quote", "quote", Lines::Many, |p| &mut p.quote),
                ];
                for (label, field, lines, get) in texts {
                    let current = get(&mut persona.clone()).clone();
                    if let Some(value) = text_field(
                        ui,
                        state,
                        label,
                        key(field),
                        &current,
                        lines,
                        false,
                        actions,
                    ) {
                        draft.change(Some(key(field)), |p| *get(p) = value);
                    }
                }
                for (label, list) in PERSONA_LISTS {
                    let items = list(&mut persona.clone()).clone();
                    let list_key = key(&label.to_lowercase());
                    if let Some((items, merge)) =
                        string_list(ui, state, label, &list_key, &items, actions)
                    {
                        draft.change(merge, |p| *list(p) = items);
                    }
                }
                let current = &persona.buying_process;
                if let Some(value) = text_field(
                    ui,
                    state,
                    "Buying process",
                    key("buying_process"),
                    current,
                    Lines::Many,
                    false,
                    actions,
                ) {
                    draft.change(Some(key("buying_process")), |p| p.buying_process = value);
                }
                ui.horizontal(|ui| {
                    let rgb = item_color(&persona.color, i).to_srgba_unmultiplied();
                    let mut color = [rgb[0], rgb[1], rgb[2]];
                    ui.label("Colour");
                    if ui.color_edit_button_srgb(&mut color).changed() {
                        let hex = format!("#{:02X}{:02X}{:02X}", color[0], color[1], color[2]);
                        draft.change(Some(key("color")), |p| p.color = hex);
                    }
                });
                ui.horizontal(|ui| {
                    if icon_button(ui, "⏶", &format!("Move {} up", persona.name)) {
                        actions.push(Action::Edit(ops::move_by(List::Personas, len, i, -1)));
                    }
                    if icon_button(ui, "⏷", &format!("Move {} down", persona.name)) {
                        actions.push(Action::Edit(ops::move_by(List::Personas, len, i, 1)));
                    }
                    if ui.button("Delete persona").clicked() {
                        actions.push(Action::Edit(ops::delete_persona(project, i)));
                    }
                });
                actions.extend(draft.into_action(|new| ops::set_persona(i, new)));
            });
    }
    if ui.button("+ Add persona").clicked() {
        actions.push(Action::Edit(ops::add_persona(project).0));
    }
}
