//! The canvas: the map with pan and zoom, selection, and dragging cards, emotion points,
//! stage headers and lane titles. Every card, header and point on screen is a widget with
//! an AccessKit label, so screen readers and tests find it by name.

use egui::{Id, Pos2, Rect, Role, Sense, Vec2, WidgetInfo, pos2, vec2};

use super::{Action, Framing, JourneymapApp, Selection, View};
use crate::layout::{DropSlot, JourneyLayout};
use crate::model::{Card, Journey, Project};
use crate::paint::{
    CardState, Highlight, MapView, emotion_label, lane_title, owner_color, paint_card, paint_map,
    sticky_corner,
};
use crate::theme::{Theme, size};

pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 4.0;
/// How much of the map stays in view, at least, however far it is panned.
const KEEP_VISIBLE: f32 = 80.0;

/// A drag in progress on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// A card, grabbed at an offset from its top-left corner (map points).
    Card {
        card: usize,
        grab: Vec2,
    },
    Emotion {
        card: usize,
        emotion: i8,
    },
    /// An Alt+drag from a card, to the card under the pointer (if any).
    Link {
        from: usize,
        to: Option<usize>,
    },
    /// A stage header or lane title, to be inserted before index `before`.
    Header {
        kind: Header,
        from: usize,
        before: usize,
    },
}

#[derive(Debug, Default)]
pub struct CanvasState {
    drag: Option<Drag>,
    /// Where the dragged card would land, kept from the last frame the pointer was seen.
    drop: Option<DropSlot>,
}

/// The label a screen reader reads for a card: its kind and title.
pub fn card_label(card: &Card) -> String {
    format!(
        "{}: {}",
        super::inspector::card_kind_name(card.kind),
        card.title
    )
}

/// Zooms by `factor`, keeping the map point under `anchor` (screen) where it is.
pub fn zoom_around(view: &mut View, anchor: Pos2, factor: f32) {
    let canvas_min = if view.canvas.is_finite() {
        view.canvas.min
    } else {
        Pos2::ZERO
    };
    let zoom = (view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let origin = canvas_min + view.offset;
    let map = (anchor - origin) / view.zoom;
    view.offset = (anchor - map * zoom) - canvas_min;
    view.zoom = zoom;
}

fn frame(view: &mut View, framing: Framing, map: Vec2, canvas: Rect) {
    let fit = ((canvas.width() - 2.0 * size::SPACE_L) / map.x)
        .min((canvas.height() - 2.0 * size::SPACE_L) / map.y);
    match framing {
        Framing::Fit => {
            view.zoom = fit.clamp(MIN_ZOOM, MAX_ZOOM);
            view.offset = (canvas.size() - map * view.zoom) / 2.0;
        }
        Framing::Start => {
            view.zoom = fit.clamp(0.7, 1.0);
            view.offset = Vec2::ZERO;
        }
    }
}

/// Keeps part of the map in view, however far it is panned.
fn clamp_offset(view: &mut View, map: Vec2, canvas: Rect) {
    let size = map * view.zoom;
    let keep = vec2(KEEP_VISIBLE.min(size.x), KEEP_VISIBLE.min(size.y));
    view.offset.x = view
        .offset
        .x
        .clamp(keep.x - size.x, canvas.width() - keep.x);
    view.offset.y = view
        .offset
        .y
        .clamp(keep.y - size.y, canvas.height() - keep.y);
}

pub fn show(ui: &mut egui::Ui, app: &mut JourneymapApp, actions: &mut Vec<Action>) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    app.view.canvas = rect;
    if app.layout().is_none() {
        ui.put(rect, egui::Label::new("This project has no journey yet."));
        return;
    }
    let (Some((_, _, _, layout)), Some(journey)) = (
        &app.layout,
        app.document.project().journeys.get(app.journey),
    ) else {
        return;
    };
    let project = app.document.project();
    let view = &mut app.view;
    if let Some(framing) = view.framing.take() {
        frame(view, framing, layout.size, rect);
    }

    // Zoom with Ctrl+scroll (or a pinch), pan with scrolling and by dragging the background.
    if response.contains_pointer() {
        let (zoom, scroll, pointer) = ui.input(|i| {
            (
                i.zoom_delta(),
                i.smooth_scroll_delta(),
                i.pointer.hover_pos(),
            )
        });
        if zoom != 1.0 {
            zoom_around(view, pointer.unwrap_or(rect.center()), zoom);
        } else {
            view.offset += scroll;
        }
    }
    if response.dragged() && app.canvas.drag.is_none() {
        view.offset += response.drag_delta();
    }
    clamp_offset(view, layout.size, rect);

    let map_view = MapView {
        origin: rect.min + view.offset,
        zoom: view.zoom,
        sticky: true,
    };
    let corner = sticky_corner(rect, layout, &map_view);
    let body = Rect::from_min_max(
        corner + vec2(size::LANE_TITLE_WIDTH, size::STAGE_HEADER_HEIGHT) * map_view.zoom,
        rect.max,
    )
    .intersect(rect);
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let pointer_map = pointer.map(|p| map_view.to_map(p));
    let state = &mut app.canvas;
    let review = app.review;

    let scene = Scene {
        project,
        journey,
        layout,
        view: map_view,
        canvas: rect,
        body,
        corner,
        pointer: pointer_map,
        review,
    };
    if map_view.detailed() {
        card_widgets(ui, &scene, state, actions);
        emotion_widgets(ui, &scene, state, actions);
    }
    header_widgets(ui, &scene, state, actions);

    // The background: a click clears the selection (or picks a card drawn as a block);
    // a double-click on an empty spot of a cell adds a card there.
    if let Some(at) = pointer_map {
        if response.double_clicked() && layout.card_at(at).is_none() && !review {
            if let Some(slot) = layout.drop_slot(at, None) {
                actions.push(Action::AddCard {
                    stage: slot.stage,
                    lane: slot.lane,
                    slot: slot.slot,
                });
            }
        } else if response.clicked() {
            let selection = layout.card_at(at).map_or(Selection::None, |card| {
                Selection::Card(journey.cards[card].id.clone())
            });
            actions.push(Action::Select(selection));
        }
    }

    let selected = |selection: &Selection| match selection {
        Selection::Card(id) => (journey.cards.iter().position(|c| &c.id == id), None, None),
        Selection::Stage(id) => (None, journey.stages.iter().position(|s| &s.id == id), None),
        Selection::Lane(id) => (None, None, journey.lanes.iter().position(|l| &l.id == id)),
        Selection::None => (None, None, None),
    };
    let (card, stage, lane) = selected(&app.selection);
    let matches = match (
        &mut app.search,
        app.document.project().journeys.get(app.journey),
    ) {
        (Some(search), Some(journey)) => Some(
            search
                .matches(journey, app.document.state_id(), app.journey)
                .to_vec(),
        ),
        _ => None,
    };
    let mut highlight = Highlight {
        matches: matches.as_deref(),
        card,
        stage,
        lane,
        ..Highlight::default()
    };
    match app.canvas.drag {
        Some(Drag::Card { card, .. }) => {
            highlight.dragged_card = Some(card);
            highlight.card_drop = app.canvas.drop;
        }
        Some(Drag::Emotion { card, emotion }) => highlight.emotion = Some((card, emotion)),
        Some(Drag::Header {
            kind: Header::Stage,
            before,
            ..
        }) => highlight.stage_drop = Some(before),
        Some(Drag::Header {
            kind: Header::Lane,
            before,
            ..
        }) => highlight.lane_drop = Some(before),
        // Drawn as an overlay, below.
        Some(Drag::Link { .. }) | None => {}
    }
    let theme = Theme::for_dark_mode(ui.visuals().dark_mode);
    let painter = ui.painter_at(rect);
    paint_map(
        &painter, project, journey, layout, &map_view, &theme, &highlight,
    );

    // A link being drawn: a line from the card to the pointer, a ring on the target.
    if let (Some(Drag::Link { from, to }), Some(pointer)) = (app.canvas.drag, pointer) {
        let layer = egui::LayerId::new(egui::Order::Tooltip, Id::unique("link-being-drawn"));
        let painter = ui.ctx().layer_painter(layer).with_clip_rect(rect);
        let start = map_view.rect_to_screen(layout.cards[from].rect).center();
        painter.line_segment([start, pointer], egui::Stroke::new(2.0, theme.selection));
        if let Some(to) = to {
            let target = map_view.rect_to_screen(layout.cards[to].rect).expand(3.0);
            painter.rect_stroke(
                target,
                6.0,
                egui::Stroke::new(2.0, theme.selection),
                egui::StrokeKind::Outside,
            );
        }
    }

    // The dragged card follows the pointer, above everything.
    if let (Some(Drag::Card { card, grab }), Some(pointer)) = (app.canvas.drag, pointer) {
        let min = pointer - grab * map_view.zoom;
        let ghost = Rect::from_min_size(
            min,
            vec2(size::CARD_WIDTH, size::CARD_HEIGHT) * map_view.zoom,
        );
        let layer = egui::LayerId::new(egui::Order::Tooltip, Id::unique("dragged-card"));
        let painter = ui.ctx().layer_painter(layer).with_clip_rect(rect);
        let card = &journey.cards[card];
        let owner = owner_color(project, card);
        paint_card(
            &painter,
            card,
            owner,
            ghost,
            map_view.zoom,
            &theme,
            CardState::default(),
        );
    }
}

/// One frame of the canvas, as its widgets see it.
struct Scene<'a> {
    project: &'a Project,
    journey: &'a Journey,
    layout: &'a JourneyLayout,
    view: MapView,
    canvas: Rect,
    /// The part of the canvas under the sticky header row and right of the lane titles.
    body: Rect,
    /// Where the sticky header row and lane titles column meet.
    corner: Pos2,
    /// The pointer, in map points.
    pointer: Option<Pos2>,
    /// Review mode: cards, points and headers can be clicked but not dragged or edited.
    review: bool,
}

fn card_widgets(
    ui: &mut egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let Scene {
        project,
        journey,
        layout,
        view,
        body,
        pointer,
        ..
    } = *scene;
    let view = &view;
    for index in layout.cards_in(Rect::from_min_max(
        view.to_map(body.min),
        view.to_map(body.max),
    )) {
        let (card, placed) = (&journey.cards[index], &layout.cards[index]);
        let rect = view.rect_to_screen(placed.rect);
        if !body.intersects(rect) {
            continue;
        }
        let id = Id::unique(("card", &journey.id, &card.id));
        let sense = if scene.review {
            Sense::click()
        } else {
            Sense::click_and_drag()
        };
        let response = ui.interact(rect.intersect(body), id, sense);
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, card_label(card)));
        if response.drag_started() {
            // Alt+drag draws a link to another card; a plain drag moves the card.
            state.drag = Some(if ui.input(|i| i.modifiers.alt) {
                Drag::Link {
                    from: index,
                    to: None,
                }
            } else {
                let grab = pointer.map_or(Vec2::ZERO, |p| p - placed.rect.min);
                Drag::Card { card: index, grab }
            });
            state.drop = None;
            actions.push(Action::Select(Selection::Card(card.id.clone())));
        }
        if response.dragged()
            && let Some(at) = pointer
        {
            match &mut state.drag {
                Some(Drag::Link { to, .. }) => *to = layout.card_at(at).filter(|&c| c != index),
                _ => state.drop = layout.drop_slot(at, Some(index)),
            }
        }
        if response.drag_stopped() {
            match state.drag.take() {
                Some(Drag::Link { from, to: Some(to) }) => {
                    actions.push(Action::LinkCards { from, to })
                }
                Some(Drag::Card { .. }) => {
                    if let Some(to) = state.drop.take() {
                        actions.push(Action::MoveCard { card: index, to });
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

fn emotion_widgets(
    ui: &mut egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let Scene {
        journey,
        layout,
        view,
        body,
        pointer,
        ..
    } = *scene;
    let view = &view;
    let handle = vec2(16.0, 16.0);
    let (left, right) = (view.to_map(body.min).x, view.to_map(body.max).x);
    let first = layout.emotion.partition_point(|p| p.pos.x < left);
    let last = layout.emotion.partition_point(|p| p.pos.x <= right);
    for point in &layout.emotion[first..last] {
        let center = view.to_screen(point.pos);
        if !body.contains(center) {
            continue;
        }
        let card = &journey.cards[point.card];
        let id = Id::unique(("emotion", &journey.id, &card.id));
        let sense = if scene.review {
            Sense::click()
        } else {
            Sense::click_and_drag()
        };
        let response = ui.interact(Rect::from_center_size(center, handle), id, sense);
        response.widget_info(|| {
            WidgetInfo::labeled(
                Role::Slider,
                true,
                format!(
                    "Emotion at {}: {}",
                    card.title,
                    emotion_label(point.emotion)
                ),
            )
        });
        if response.clicked() {
            actions.push(Action::Select(Selection::Card(card.id.clone())));
        }
        if response.dragged()
            && let Some(emotion) = pointer.and_then(|at| layout.emotion_at_y(at.y))
        {
            state.drag = Some(Drag::Emotion {
                card: point.card,
                emotion,
            });
        }
        if response.drag_stopped() {
            if let Some(Drag::Emotion { card, emotion }) = state.drag.take()
                && emotion != point.emotion
            {
                actions.push(Action::SetEmotion { card, emotion });
            }
            state.drag = None;
        }
        if state.drag.is_none() {
            response.on_hover_text(format!("{}: {}", card.title, emotion_label(point.emotion)));
        }
    }
}

/// A stage header or a lane title: both select on click, focus the inspector on
/// double-click, and reorder by dragging along their axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Header {
    Stage,
    Lane,
}

fn header_widgets(
    ui: &mut egui::Ui,
    scene: &Scene<'_>,
    state: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let Scene {
        journey,
        layout,
        view,
        canvas,
        corner,
        pointer,
        ..
    } = *scene;
    let view = &view;
    let header_height = size::STAGE_HEADER_HEIGHT * view.zoom;
    let lane_width = size::LANE_TITLE_WIDTH * view.zoom;
    let stage_area = Rect::from_min_max(pos2(corner.x + lane_width, canvas.top()), canvas.max);
    let lane_area = Rect::from_min_max(pos2(canvas.left(), corner.y + header_height), canvas.max);

    let stage_before = |at: Pos2| layout.stages.partition_point(|s| s.x.center() <= at.x);
    for (index, (stage, placed)) in journey.stages.iter().zip(&layout.stages).enumerate() {
        let x = view.rect_to_screen(placed.header).x_range();
        let rect =
            Rect::from_x_y_ranges(x, corner.y..=corner.y + header_height).intersect(stage_area);
        let header = HeaderWidget {
            movable: !scene.review,
            kind: Header::Stage,
            index,
            id: &stage.id,
            label: format!("Stage: {}", stage.name),
            hover: &stage.goal,
        };
        header.show(
            ui,
            &journey.id,
            rect,
            pointer.map(stage_before),
            state,
            actions,
        );
    }
    // The conversion between two stages, on their boundary: its exit criteria on hover.
    for (pair, placed) in journey.stages.windows(2).zip(&layout.stages) {
        let (stage, next) = (&pair[0], &pair[1]);
        let Some(conversion) = stage.conversion else {
            continue;
        };
        let center = pos2(
            view.to_screen(pos2(placed.x.max, 0.0)).x,
            corner.y + header_height,
        );
        let rect =
            Rect::from_center_size(center, vec2(64.0, 18.0) * view.zoom).intersect(stage_area);
        if !rect.is_positive() || !view.detailed() {
            continue;
        }
        let label = format!(
            "Conversion from {} to {}: {:.0} %",
            stage.name,
            next.name,
            conversion * 100.0
        );
        let response = ui.interact(
            rect,
            Id::unique(("conversion", &journey.id, &stage.id)),
            Sense::hover(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &label));
        if state.drag.is_none() {
            let criteria = if stage.exit_criteria.is_empty() {
                "No exit criteria yet: say what tells you the buyer moves on.".to_owned()
            } else {
                format!("Moves on when: {}", stage.exit_criteria)
            };
            response.on_hover_text(format!("{label}\n{criteria}"));
        }
    }

    let lane_before = |at: Pos2| layout.lanes.partition_point(|l| l.y.center() <= at.y);
    for (index, (lane, placed)) in journey.lanes.iter().zip(&layout.lanes).enumerate() {
        let y = view.rect_to_screen(placed.title).y_range();
        let rect = Rect::from_x_y_ranges(corner.x..=corner.x + lane_width, y).intersect(lane_area);
        let header = HeaderWidget {
            movable: !scene.review,
            kind: Header::Lane,
            index,
            id: &lane.id,
            label: format!("Lane: {}", lane_title(lane)),
            hover: "",
        };
        header.show(
            ui,
            &journey.id,
            rect,
            pointer.map(lane_before),
            state,
            actions,
        );
    }
}

struct HeaderWidget<'a> {
    /// Whether dragging reorders it (not in review mode).
    movable: bool,
    kind: Header,
    index: usize,
    id: &'a str,
    label: String,
    hover: &'a str,
}

impl HeaderWidget<'_> {
    /// `before` is where the header would be inserted if dropped at the pointer.
    fn show(
        self,
        ui: &mut egui::Ui,
        journey: &str,
        rect: Rect,
        before: Option<usize>,
        state: &mut CanvasState,
        actions: &mut Vec<Action>,
    ) {
        if !rect.is_positive() {
            return;
        }
        let sense = if self.movable {
            Sense::click_and_drag()
        } else {
            Sense::click()
        };
        let response = ui.interact(rect, Id::unique((self.kind, journey, self.id)), sense);
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &self.label));
        if let Some(before) = before.filter(|_| response.dragged()) {
            state.drag = Some(Drag::Header {
                kind: self.kind,
                from: self.index,
                before,
            });
        }
        if response.drag_stopped() {
            if let Some(Drag::Header { kind, from, before }) = state.drag.take() {
                actions.push(match kind {
                    Header::Stage => Action::MoveStage { from, before },
                    Header::Lane => Action::MoveLane { from, before },
                });
            }
            state.drag = None;
        }
        let selection = match self.kind {
            Header::Stage => Selection::Stage(self.id.to_owned()),
            Header::Lane => Selection::Lane(self.id.to_owned()),
        };
        if response.double_clicked() {
            actions.push(Action::Select(selection));
            actions.push(Action::FocusInspector);
        } else if response.clicked() {
            actions.push(Action::Select(selection));
        }
        if state.drag.is_none() && !self.hover.is_empty() {
            response.on_hover_text(self.hover);
        }
    }
}
