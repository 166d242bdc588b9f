//! The canvas's card and emotion-point widgets: select, drag to move, Alt+drag to link,
//! double-click to edit, right-click for the card menu, drag a point to change a score.

use egui::{Id, Role, WidgetInfo};

use super::scene::{CanvasState, Drag, Scene};
use crate::app::{Action, Selection};
use crate::model::{Card, Project, emotion_label, voices};

/// Every card in view: a widget each, with its label for screen readers.
pub(super) fn card_widgets(
    ui: &mut egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let Scene {
        project,
        journey,
        screen,
        pointer,
        ..
    } = *scene;
    let layout = screen.layout;
    let (view, body) = (&screen.view, screen.body());
    for index in layout.cards_in(view.rect_to_map(body)) {
        let (card, placed) = (&journey.cards[index], &layout.cards[index]);
        let rect = view.rect_to_screen(placed.rect);
        if !body.intersects(rect) {
            continue;
        }
        let id = Id::unique(("card", &journey.id, &card.id));
        let response = ui.interact(rect.intersect(body), id, scene.sense());
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, card.accessible_label()));
        if response.drag_started() {
            start_drag(ui, scene, state, actions);
        }
        if response.dragged()
            && let Some(at) = pointer
        {
            match &mut state.drag {
                Some(Drag::Link { from, to }) => *to = layout.card_at(at).filter(|c| c != from),
                Some(Drag::Card { card, .. }) => state.drop = layout.drop_slot(at, Some(*card)),
                _ => {}
            }
        }
        if response.drag_stopped() {
            match state.drag.take() {
                Some(Drag::Link { from, to: Some(to) }) => {
                    actions.push(Action::LinkCards { from, to })
                }
                Some(Drag::Card { card, .. }) => {
                    if let Some(to) = state.drop.take() {
                        actions.push(Action::MoveCard { card, to });
                    }
                }
                _ => {}
            }
            state.drag = None;
        }
        if response.double_clicked() {
            actions.push(Action::EditCardTitle(card.id.clone()));
        } else if response.clicked() || response.secondary_clicked() {
            actions.push(Action::Select(Selection::Card(card.id.clone())));
        }
        let response = if state.drag.is_none() {
            response.on_hover_text(&card.title)
        } else {
            response
        };
        if !scene.review {
            response.context_menu(|ui| card_menu(ui, project, card, index, actions));
        }
    }
}

/// Starts dragging the card the button went down on (see [`Scene::pressed_in`]).
fn start_drag(
    ui: &egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let alt = ui.input(|i| i.modifiers.alt);
    let Some((index, at)) = scene.pressed_in(ui, scene.screen.body()).and_then(|at| {
        let card = scene.screen.layout.card_at(at)?;
        Some((card, at))
    }) else {
        return;
    };
    // Alt+drag draws a link to another card; a plain drag moves the card.
    state.drag = Some(if alt {
        Drag::Link {
            from: index,
            to: None,
        }
    } else {
        let grab = at - scene.screen.layout.cards[index].rect.min;
        Drag::Card { card: index, grab }
    });
    state.drop = None;
    let id = scene.journey.cards[index].id.clone();
    actions.push(Action::Select(Selection::Card(id)));
}

fn card_menu(
    ui: &mut egui::Ui,
    project: &Project,
    card: &Card,
    index: usize,
    actions: &mut Vec<Action>,
) {
    if ui.button("Edit").clicked() {
        actions.push(Action::EditCardTitle(card.id.clone()));
        ui.close();
    }
    if ui.button("Duplicate").clicked() {
        actions.push(Action::DuplicateCard(index));
        ui.close();
    }
    if ui.button("Delete").clicked() {
        actions.push(Action::DeleteCard(index));
        ui.close();
    }
    ui.menu_button("Set owner", |ui| {
        if ui
            .selectable_label(card.owner.is_none(), "Nobody")
            .clicked()
        {
            actions.push(Action::SetOwner {
                card: index,
                owner: None,
            });
            ui.close();
        }
        for department in &project.departments {
            let current = card.owner.as_deref() == Some(department.id.as_str());
            if ui.selectable_label(current, &department.name).clicked() {
                actions.push(Action::SetOwner {
                    card: index,
                    owner: Some(department.id.clone()),
                });
                ui.close();
            }
        }
    });
}

pub(super) fn emotion_widgets(
    ui: &mut egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let Scene {
        project,
        journey,
        screen,
        pointer,
        curves,
        ..
    } = *scene;
    let layout = screen.layout;
    let (view, body) = (&screen.view, screen.body());
    let voices = voices(project, journey);
    for v in layout.curves_in_order(curves) {
        let (curve, voice) = (&layout.curves[v], &voices[v]);
        let in_view = curve.points_in(view.to_map(body.min).x, view.to_map(body.max).x);
        for point in &curve.points[in_view] {
            let handle = screen.emotion_handle(point);
            if !body.contains(handle.center()) {
                continue;
            }
            let card = &journey.cards[point.card];
            let id = Id::unique(("emotion", &journey.id, &card.id, voice.persona));
            let response = ui.interact(handle, id, scene.sense());
            let said = emotion_label(point.emotion);
            let whose = match voice.persona_in(project) {
                Some(persona) => format!("Emotion of {} at", persona.name),
                None => "Emotion at".to_owned(),
            };
            response.widget_info(|| {
                WidgetInfo::labeled(
                    Role::Slider,
                    true,
                    format!("{whose} {}: {said}", card.title),
                )
            });
            if response.clicked() {
                actions.push(Action::Select(Selection::Card(card.id.clone())));
            }
            if response.dragged()
                && let Some(emotion) = pointer.and_then(|at| layout.emotion_at_y(at.y))
            {
                state.drag = Some(Drag::Emotion {
                    voice: v,
                    card: point.card,
                    emotion,
                });
            }
            if response.drag_stopped() {
                if let Some(Drag::Emotion {
                    voice,
                    card,
                    emotion,
                }) = state.drag.take()
                    && emotion != point.emotion
                {
                    actions.push(Action::SetEmotion {
                        voice,
                        card,
                        emotion,
                    });
                }
                state.drag = None;
            }
            if state.drag.is_none() {
                let name = voice.label(project);
                response.on_hover_text(format!("{}\n{name}: {said}", card.title));
            }
        }
    }
}
