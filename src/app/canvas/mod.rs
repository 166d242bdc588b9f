//! The canvas: the map with pan and zoom, selection, and dragging cards, emotion points,
//! stage headers and lane titles. Every card, header and point on screen is a widget with
//! an AccessKit label, so screen readers and tests find it by name. The hit boxes come
//! from `layout::Screen`, the same geometry the painter draws with.

mod cards;
mod headers;
mod scene;

use egui::{Id, Pos2, Rect, Sense, Vec2, vec2};

pub use scene::CanvasState;

use crate::app::{Action, Framing, JourneymapApp, Selection, View};
use crate::layout::{MapView, Screen};
use crate::paint::{
    CardFace, CardState, EmotionDrag, Highlight, owner_color, paint_card, paint_map,
};
use crate::theme::{Theme, size};
use scene::{Drag, Header, Scene};

pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 4.0;
/// The smallest zoom a fresh map opens at: smaller would not be readable.
const START_ZOOM: f32 = 0.7;
/// How much of the map stays in view, at least, however far it is panned.
const KEEP_VISIBLE: f32 = 80.0;

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
            view.zoom = fit.clamp(START_ZOOM, 1.0);
            view.offset = Vec2::ZERO;
        }
    }
}

/// How quickly the map glides to a revealed card: about this long for most of the way.
const GLIDE_SECONDS: f32 = 0.08;

/// The offset that puts `card` (map points) fully in the visible map: inside the canvas,
/// clear of the sticky header row and lane titles, with a margin; `None` when it is
/// already. A card larger than the area is aligned at its top-left corner.
fn reveal_offset(view: &View, card: Rect, canvas: Rect) -> Option<Vec2> {
    let zoom = view.zoom;
    let margin = size::SPACE_L;
    let area = Rect::from_min_max(
        canvas.min
            + vec2(size::LANE_TITLE_WIDTH, size::STAGE_HEADER_HEIGHT) * zoom
            + Vec2::splat(margin),
        canvas.max - Vec2::splat(margin),
    );
    let on_screen = Rect::from_min_size(
        canvas.min + view.offset + card.min.to_vec2() * zoom,
        card.size() * zoom,
    );
    let shift = |low: f32, high: f32, start: f32, end: f32| {
        if start < low || end - start > high - low {
            low - start
        } else if end > high {
            high - end
        } else {
            0.0
        }
    };
    let delta = vec2(
        shift(
            area.left(),
            area.right(),
            on_screen.left(),
            on_screen.right(),
        ),
        shift(
            area.top(),
            area.bottom(),
            on_screen.top(),
            on_screen.bottom(),
        ),
    );
    (delta != Vec2::ZERO).then_some(view.offset + delta)
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
    let (Some((_, _, _, layout)), Some(journey)) = (&app.layout, app.document.journey(app.journey))
    else {
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
    if response.dragged()
        || (response.contains_pointer() && ui.input(|i| i.smooth_scroll_delta() != Vec2::ZERO))
    {
        view.glide = None; // the user moves the map: a glide gives way
    }
    if let Some(id) = view.reveal.take()
        && let Some(card) = journey.cards.iter().position(|c| c.id == id)
    {
        view.glide = reveal_offset(view, layout.cards[card].rect, rect);
    }
    if let Some(target) = view.glide {
        // Most of the way in a few frames, then there.
        let dt = ui.input(|i| i.stable_dt).min(0.1);
        let step = (dt / GLIDE_SECONDS).min(1.0);
        view.offset += (target - view.offset) * step;
        if (target - view.offset).length() < 0.5 {
            view.offset = target;
            view.glide = None;
        } else {
            ui.ctx().request_repaint();
        }
    }
    clamp_offset(view, layout.size, rect);

    let map_view = MapView {
        origin: rect.min + view.offset,
        zoom: view.zoom,
        sticky: true,
    };
    let screen = Screen::new(layout, map_view, rect);
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let pointer_map = pointer.map(|p| map_view.to_map(p));
    let state = &mut app.canvas;
    let review = app.review;
    let curves = view.shown_curves(journey);

    let scene = Scene {
        project,
        journey,
        screen,
        pointer: pointer_map,
        review,
        curves,
    };
    if map_view.detailed() {
        cards::card_widgets(ui, &scene, state, actions);
        cards::emotion_widgets(ui, &scene, state, actions);
    }
    headers::header_widgets(ui, &scene, state, actions);

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

    let selected = app.selection.resolve(journey);
    let matches = match (&mut app.search, app.document.journey(app.journey)) {
        (Some(search), Some(journey)) => Some(
            search
                .matches(journey, app.document.state_id(), app.journey)
                .to_vec(),
        ),
        _ => None,
    };
    let mut highlight = Highlight {
        matches: matches.as_deref(),
        curves,
        card: selected.card(),
        stage: selected.stage(),
        lane: selected.lane(),
        ..Highlight::default()
    };
    match app.canvas.drag {
        Some(Drag::Card { card, .. }) => {
            highlight.dragged_card = Some(card);
            highlight.card_drop = app.canvas.drop;
        }
        Some(Drag::Emotion {
            voice,
            card,
            emotion,
        }) => {
            highlight.emotion = Some(EmotionDrag {
                voice,
                card,
                emotion,
            })
        }
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
    let colleagues = app.live.colleagues();
    crate::app::live::colleague_rings(&painter, &colleagues, journey, layout, &map_view);

    // A link being drawn: a line from the card to the pointer, a ring on the target.
    if let (Some(Drag::Link { from, to }), Some(pointer)) = (app.canvas.drag, pointer) {
        let layer = egui::LayerId::new(egui::Order::Tooltip, Id::unique("link-being-drawn"));
        let painter = ui.ctx().layer_painter(layer).with_clip_rect(rect);
        let start = map_view.rect_to_screen(layout.cards[from].rect).center();
        let stroke = egui::Stroke::new(size::SELECTION_WIDTH, theme.selection);
        painter.line_segment([start, pointer], stroke);
        if let Some(to) = to {
            let target = map_view.rect_to_screen(layout.cards[to].rect);
            let ring = target.expand(size::SELECTION_WIDTH * map_view.zoom);
            let radius = (size::CARD_RADIUS + size::SELECTION_WIDTH) * map_view.zoom;
            painter.rect_stroke(ring, radius, stroke, egui::StrokeKind::Outside);
        }
    }

    // The dragged card follows the pointer, above everything.
    if let (Some(Drag::Card { card, grab }), Some(pointer)) = (app.canvas.drag, pointer) {
        let min = pointer - grab * map_view.zoom;
        let placed = &layout.cards[card];
        let ghost = CardFace {
            rect: Rect::from_min_size(min, placed.rect.size() * map_view.zoom),
            zoom: map_view.zoom,
            rows: placed.rows,
        };
        let layer = egui::LayerId::new(egui::Order::Tooltip, Id::unique("dragged-card"));
        let painter = ui.ctx().layer_painter(layer).with_clip_rect(rect);
        let card = &journey.cards[card];
        let owner = owner_color(project, card);
        paint_card(&painter, card, owner, ghost, &theme, CardState::default());
    }
}
