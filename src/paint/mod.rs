//! The one drawing of a map: a laid-out journey becomes epaint shapes. The canvas and the
//! PNG export both call [`paint_map`], so what people review is what lands in the deck.
//! Only what intersects the painter's clip rectangle is drawn. One file an idea: cards,
//! the emotion curve, the header bands, the margins around the grid, drop indicators.

mod card;
mod dashes;
mod drops;
mod emotion;
mod headers;
mod margins;

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, Galley, Painter, Pos2, Rect, Stroke, pos2};

pub use card::{CardFace, CardState, owner_color, paint_card};
pub use emotion::{CurveStyle, curve_colors, paint_emotion_curve, paint_emotion_guides};

use crate::layout::{DropSlot, JourneyLayout, MapView, Screen};
use crate::model::{Journey, Project, VoiceSet};
use crate::theme::{Theme, size, zoomed_font};

/// What the user is pointing at or doing, drawn on top of the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlight<'a> {
    pub card: Option<usize>,
    pub stage: Option<usize>,
    pub lane: Option<usize>,
    /// A card being dragged: drawn faded in its place.
    pub dragged_card: Option<usize>,
    pub card_drop: Option<DropSlot>,
    /// An emotion point being dragged.
    pub emotion: Option<EmotionDrag>,
    /// Whose emotion curves are drawn (see [`crate::model::voices`]).
    pub curves: VoiceSet,
    /// A stage header being dragged would be inserted before this stage index.
    pub stage_drop: Option<usize>,
    pub lane_drop: Option<usize>,
    /// While searching or filtering: which cards match (the others are dimmed).
    pub matches: Option<&'a [bool]>,
    /// A line written beside the journey's name: what an export "as filtered" shows.
    pub caption: Option<&'a str>,
    /// Drawn for an audience (an export): the team's open comments are not counted on
    /// the cards.
    pub for_audience: bool,
}

/// An emotion point being dragged: whose, which card's, and the score it would get.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmotionDrag {
    pub voice: usize,
    pub card: usize,
    pub emotion: i8,
}

impl Highlight<'_> {
    /// Whether card `i` is left out by the search (and so drawn dimmed).
    fn dims(&self, i: usize) -> bool {
        self.matches
            .is_some_and(|m| !m.get(i).copied().unwrap_or(true))
    }
}

/// Everything one map's painters need, handed around as one.
struct MapPainter<'a> {
    painter: &'a Painter,
    project: &'a Project,
    journey: &'a Journey,
    /// The layout and the view, placed in the painter's clip.
    screen: Screen<'a>,
    theme: &'a Theme,
    highlight: &'a Highlight<'a>,
}

impl MapPainter<'_> {
    /// A font of `points` at the map's zoom.
    fn font(&self, points: f32) -> FontId {
        zoomed_font(points, self.screen.view.zoom)
    }

    /// A font of `points` at the map's zoom, but never smaller than can be read: names
    /// stay legible when the map is zoomed out to blocks (semantic zoom).
    fn readable_font(&self, points: f32) -> FontId {
        let font = self.font(points);
        FontId::proportional(font.size.max(size::READABLE_TEXT))
    }

    /// A thin line in the grid's colour.
    fn rule(&self) -> Stroke {
        Stroke::new(1.0, self.theme.grid)
    }

    fn visible(&self, rect: Rect) -> bool {
        self.painter.clip_rect().intersects(rect)
    }
}

/// Paints a whole journey map: background, grid, cards, emotion curve, headers.
pub fn paint_map(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    highlight: &Highlight<'_>,
) {
    let map = MapPainter {
        painter,
        project,
        journey,
        screen: Screen::new(layout, *view, painter.clip_rect()),
        theme,
        highlight,
    };
    painter.rect_filled(painter.clip_rect(), 0.0, theme.canvas);
    paint_grid(&map);
    margins::paint_links(&map);
    card::paint_cards(&map);
    emotion::paint_emotion(&map);
    drops::paint_drop_indicators(&map);
    margins::paint_empathy(&map);
    margins::paint_title(&map);
    margins::paint_legend(&map);
    headers::paint_stage_headers(&map);
    headers::paint_lane_titles(&map);
    if view.sticky {
        painter.rect_filled(map.screen.corner_rect(), 0.0, theme.header);
    }
}

/// Text painted by [`paint_text`]: the rectangle it took, and whether it was cut (it ends
/// in an ellipsis).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shown {
    pub rect: Rect,
    pub cut: bool,
}

/// Lays out text wrapped to `width` in at most `rows` rows (then an ellipsis) and paints
/// it with its top-left at `pos`.
/// Marks `ctx` as painting for a vector picture (SVG, PDF): what is drawn as shapes there
/// is not tessellated ahead for speed.
pub fn paint_for_vectors(ctx: &egui::Context) {
    ctx.data_mut(|data| data.insert_temp(vector_id(), true));
}

fn vector_id() -> egui::Id {
    egui::Id::unique("journeymap-paints-for-vectors")
}

/// Whether `ctx` paints for a vector picture.
fn for_vectors(ctx: &egui::Context) -> bool {
    ctx.data(|data| data.get_temp(vector_id()).unwrap_or(false))
}

pub(crate) fn paint_text(
    painter: &Painter,
    pos: Pos2,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    rows: usize,
) -> Shown {
    let wrap = TextWrapping {
        max_width: width.max(1.0),
        max_rows: rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = cut_galley(painter, text, font, color, wrap);
    let shown = Shown {
        rect: Rect::from_min_size(pos, galley.size()),
        cut: galley.elided,
    };
    painter.galley(pos, galley, color);
    shown
}

/// How much larger than `points` at `zoom` a zoomed font rounded to half points is: text
/// the layout measured at 100 % wraps that much wider, so it takes the rows measured.
fn rounding(font: &FontId, points: f32, zoom: f32) -> f32 {
    (font.size / (points * zoom)).max(1.0)
}

/// `text` on one line of `width` points, ending in "…" when it is longer.
pub(crate) fn one_line(
    painter: &Painter,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
) -> Arc<Galley> {
    cut_galley(
        painter,
        text,
        font,
        color,
        TextWrapping::truncate_at_width(width.max(1.0)),
    )
}

/// `text` laid out within `wrap`, cut first to what its rows can show.
fn cut_galley(
    painter: &Painter,
    text: &str,
    font: FontId,
    color: Color32,
    wrap: TextWrapping,
) -> Arc<Galley> {
    let text = visible_part(text, &font, wrap.max_width, wrap.max_rows);
    let mut job = LayoutJob::single_section(text.to_owned(), TextFormat::simple(font, color));
    job.wrap = wrap;
    painter.layout_job(job)
}

/// As much of `text` as `rows` rows of `width` points can show in `font`, so that laying
/// out a card costs the same whatever its text holds (a field may hold 20,000 characters).
/// No glyph is narrower than a fifth of the font's size, so the cut falls beyond what fits
/// and the text still ends in an ellipsis.
fn visible_part<'a>(text: &'a str, font: &FontId, width: f32, rows: usize) -> &'a str {
    let per_row = (width / (font.size * 0.2)).max(0.0).ceil() as usize + 1;
    let max = per_row.saturating_mul(rows.max(1));
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

fn paint_grid(map: &MapPainter<'_>) {
    let (layout, view) = (map.screen.layout, &map.screen.view);
    let stroke = map.rule();
    let top = view.to_screen(layout.header.min).y;
    let bottom = view.to_screen(layout.lane_titles.max).y;
    let left = view.to_screen(layout.lane_titles.min).x;
    let right = view.to_screen(layout.header.max).x;
    for stage in &layout.stages {
        let x = view.to_screen(pos2(stage.x.max, 0.0)).x;
        map.painter.vline(x, top..=bottom, stroke);
    }
    for lane in &layout.lanes {
        let y = view.to_screen(pos2(0.0, lane.y.max)).y;
        map.painter.hline(left..=right, y, stroke);
    }
}
