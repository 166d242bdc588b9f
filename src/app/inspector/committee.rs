//! The journey's buying committee in the inspector: who sits on it, the part each plays,
//! which of them is primary (whose point of view the map takes), and who can join.

use super::fields::{InspectorState, Lines, item_field};
use crate::app::Action;
use crate::model::committee_operations as ops;
use crate::model::{BuyingRole, Member, Project, voices};
use crate::theme::item_color;

pub(super) fn committee(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    project: &Project,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let journey = &project.journeys[index];
    ui.label("Buying committee");
    if journey.persona.is_none() {
        ui.weak("The map follows the buyer, nobody in particular. Add a persona to say whose journey it is.");
    }
    for (position, voice) in voices(project, journey).iter().enumerate() {
        let (Some(id), Some(persona)) = (voice.persona, voice.persona_in(project)) else {
            continue;
        };
        let member = voice.member.cloned().unwrap_or_else(|| Member {
            persona: id.to_owned(),
            ..Member::default()
        });
        let name = persona.name.as_str();
        ui.horizontal(|ui| {
            let color = item_color(&persona.color, voice.index.unwrap_or(0));
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, color);
            ui.strong(name);
            let text = if voice.primary {
                "Primary"
            } else {
                "Make primary"
            };
            let primary = ui
                .selectable_label(voice.primary, text)
                .on_hover_text("Whose point of view the map takes: their curve leads");
            primary.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    voice.primary,
                    format!("{name} is primary"),
                )
            });
            if primary.clicked() && !voice.primary {
                actions.push(Action::Edit(ops::make_primary(journey, index, id)));
            }
            let remove = ui.small_button("✖").on_hover_text("Take off the committee");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Take {name} off the committee"),
                )
            });
            if remove.clicked() {
                actions.push(Action::Edit(ops::remove_member(journey, index, id)));
            }
        });
        ui.horizontal(|ui| {
            let mut role = member.role;
            egui::ComboBox::from_id_salt(("committee-role", id))
                .selected_text(role.map_or_else(|| "No role yet".to_owned(), BuyingRole::title))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut role, None, "No role yet");
                    for option in BuyingRole::ALL {
                        ui.selectable_value(&mut role, Some(option), option.title());
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Role of {name}"))
                });
            if role != member.role {
                let changed = Member {
                    role,
                    ..member.clone()
                };
                let edit = ops::set_member(journey, index, position, changed);
                actions.push(Action::Edit(edit));
            }
            let key = format!("journey/{}/committee/{id}", journey.id);
            if let Some(detail) = item_field(
                ui,
                state,
                &format!("What {name} looks after"),
                key.clone(),
                &member.detail,
                Lines::One,
                actions,
            ) {
                let changed = Member {
                    detail,
                    ..member.clone()
                };
                let edit = ops::set_member(journey, index, position, changed);
                actions.push(Action::edit(edit, Some(key)));
            }
        });
    }
    let outside: Vec<_> = project
        .personas
        .iter()
        .filter(|p| {
            journey.persona.as_deref() != Some(p.id.as_str())
                && journey.committee.iter().all(|m| m.persona != p.id)
        })
        .collect();
    if !outside.is_empty() {
        let label = if journey.persona.is_none() {
            "Whose journey it is"
        } else {
            "Add to the committee"
        };
        egui::ComboBox::from_label(label)
            .selected_text("Choose a persona")
            .show_ui(ui, |ui| {
                for persona in outside {
                    if ui.selectable_label(false, &persona.name).clicked() {
                        let edit = ops::add_member(journey, index, &persona.id);
                        actions.push(Action::Edit(edit));
                    }
                }
            });
    }
    ui.add_space(6.0);
}
