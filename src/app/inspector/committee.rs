//! The journey's buying committee in the inspector: who sits on it, the part each plays,
//! which of them is primary (whose point of view the map takes), and who can join.

use super::fields::{InspectorState, Lines, icon_button, item_field};
use crate::app::Action;
use crate::model::committee_operations as ops;
use crate::model::{BuyingRole, Journey, Member, Project, Voice, quantity, voices};
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
        let seat = Seat {
            journey,
            index,
            position,
            id,
            name: &persona.name,
            voice,
        };
        ui.horizontal(|ui| {
            let color = item_color(&persona.color, voice.index.unwrap_or(0));
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, color);
            // A long name is cut short (in full on hover), so that its buttons stay on
            // the panel.
            let room = (ui.available_width() - 150.0).max(40.0);
            ui.scope(|ui| {
                ui.set_max_width(room);
                ui.add(egui::Label::new(egui::RichText::new(seat.name).strong()).truncate());
            });
            primary_and_remove(ui, &seat, voice.primary, actions);
        });
        let member = voice.member.cloned().unwrap_or_else(|| Member {
            persona: id.to_owned(),
            ..Member::default()
        });
        ui.horizontal(|ui| part(ui, state, &seat, &member, actions));
    }
    joiners(ui, project, index, actions);
    ui.add_space(6.0);
}

/// One member's place on the committee of the journey at `index`.
struct Seat<'a> {
    journey: &'a Journey,
    index: usize,
    /// Where the member is in the committee.
    position: usize,
    id: &'a str,
    name: &'a str,
    voice: &'a Voice<'a>,
}

/// "Primary" (or "Make primary") and the button that takes the member off.
fn primary_and_remove(
    ui: &mut egui::Ui,
    seat: &Seat<'_>,
    primary: bool,
    actions: &mut Vec<Action>,
) {
    let text = if primary { "Primary" } else { "Make primary" };
    let button = ui
        .selectable_label(primary, text)
        .on_hover_text("Whose point of view the map takes: their curve leads");
    button.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::Button,
            true,
            primary,
            format!("{} is primary", seat.name),
        )
    });
    if button.clicked() && !primary {
        let edit = ops::make_primary(seat.journey, seat.index, seat.id);
        actions.push(Action::Edit(edit));
    }
    if icon_button(ui, "✖", &format!("Take {} off the committee", seat.name)) {
        let edit = ops::remove_member(seat.journey, seat.index, seat.id);
        // Counted on the click, not every frame: a journey may hold 10,000 cards.
        let scores = seat
            .journey
            .cards
            .iter()
            .filter(|c| seat.voice.score(c).is_some());
        let scores = scores.count();
        if scores == 0 {
            actions.push(Action::Edit(edit));
            return;
        }
        // Their scores go with them: asked first, as a deletion is.
        let scores = quantity(scores, "score", "scores");
        let others = seat.journey.committee.iter().any(|m| m.persona != seat.id);
        let question = match (primary, others) {
            (true, false) => format!(
                "Take {} off the buying committee? Their {scores} stay, as the buyer's.",
                seat.name
            ),
            (true, true) => format!(
                "Take {} off the buying committee? Their {scores} go with them, and the next member becomes primary: the map takes their point of view.",
                seat.name
            ),
            (false, _) => format!(
                "Take {} off the buying committee? Their {scores} go with them.",
                seat.name
            ),
        };
        actions.push(Action::Confirm {
            question,
            edit: Box::new(edit),
        });
    }
}

/// The member's role, from the fixed list, and free text beside it.
fn part(
    ui: &mut egui::Ui,
    state: &mut InspectorState,
    seat: &Seat<'_>,
    member: &Member,
    actions: &mut Vec<Action>,
) {
    let set = |member: Member| ops::set_member(seat.journey, seat.index, seat.position, member);
    let mut role = member.role;
    egui::ComboBox::from_id_salt(("committee-role", seat.id))
        .selected_text(role.map_or_else(|| "No role yet".to_owned(), BuyingRole::title))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut role, None, "No role yet");
            for option in BuyingRole::ALL {
                ui.selectable_value(&mut role, Some(option), option.title());
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Role of {}", seat.name))
        });
    if role != member.role {
        let edit = set(Member {
            role,
            ..member.clone()
        });
        actions.push(Action::Edit(edit));
    }
    let key = format!("journey/{}/committee/{}", seat.journey.id, seat.id);
    if let Some(detail) = item_field(
        ui,
        state,
        &format!("What {} looks after", seat.name),
        key.clone(),
        &member.detail,
        Lines::One,
        actions,
    ) {
        let edit = set(Member {
            detail,
            ..member.clone()
        });
        actions.push(Action::edit(edit, Some(key)));
    }
}

/// The personas not on the committee, to seat one (the first becomes the primary).
fn joiners(ui: &mut egui::Ui, project: &Project, index: usize, actions: &mut Vec<Action>) {
    let journey = &project.journeys[index];
    let outside: Vec<_> = project
        .personas
        .iter()
        .filter(|p| {
            journey.persona.as_deref() != Some(p.id.as_str())
                && journey.committee.iter().all(|m| m.persona != p.id)
        })
        .collect();
    if outside.is_empty() {
        return;
    }
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
