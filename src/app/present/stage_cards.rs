//! A stage slide's cards, lane by lane: lanes side by side as columns, wrapped into bands
//! of columns when that shows the cards larger, as large as the slide allows. What happens
//! when a step fails is told beside the cards (the card's ⚡ points there), so a card is
//! as tall as its title.

use egui::{Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo, pos2, vec2};

use super::slides::{SlideContext, card_details};
use crate::layout::{CardRows, card_height};
use crate::model::LaneKind;
use crate::paint::{CardFace, CardState, owner_color, paint_card, paint_text};
use crate::theme::{icon, size, slide};

/// Lanes wrap into at most this many bands.
const MOST_BANDS: usize = 3;

/// How a stage's lanes sit on a slide: `per_band` columns a band, as many bands as the
/// lanes need.
struct LaneGrid {
    per_band: usize,
    /// The width of one lane's column.
    width: f32,
    /// Between two columns, and between two bands.
    gap: f32,
    zoom: f32,
    /// How many cards sit side by side in one lane's column.
    across: usize,
    /// The height of the lane titles above the cards.
    title: f32,
}

impl LaneGrid {
    /// The arrangement showing cards of `heights` (map points, per lane) largest within
    /// the slide's bounds in `room`; the smallest bound when none fits (the lanes then
    /// scroll). Of two as large, the one with fewer bands.
    fn fit(heights: &[Vec<f32>], room: Vec2, scale: f32) -> Self {
        let lanes = heights.len().max(1);
        let gap = size::SPACE_L * scale;
        let title = slide::TEXT_META * scale * 1.6 + size::SPACE_S * scale;
        let arrange = |per_band: usize, zoom: f32| {
            let width = (room.x - gap * (per_band as f32 - 1.0)) / per_band as f32;
            let step = (size::CARD_WIDTH + size::CARD_GAP) * zoom;
            let across = (((width + size::CARD_GAP * zoom) / step).floor() as usize).max(1);
            Self {
                per_band,
                width,
                gap,
                zoom,
                across,
                title,
            }
        };
        const STEPS: usize = 16;
        let mut best: Option<Self> = None;
        for bands in 1..=lanes.min(MOST_BANDS) {
            let per_band = lanes.div_ceil(bands);
            let width = (room.x - gap * (per_band as f32 - 1.0)) / per_band as f32;
            let largest = (slide::CARD_ZOOM_MAX * scale).min(width / size::CARD_WIDTH);
            let smallest = (slide::CARD_ZOOM_MIN * scale).min(largest);
            let fitting = (0..=STEPS)
                .map(|i| {
                    arrange(
                        per_band,
                        largest - (largest - smallest) * i as f32 / STEPS as f32,
                    )
                })
                .find(|grid| grid.height(heights) <= room.y);
            if let Some(grid) = fitting
                && best.as_ref().is_none_or(|b| grid.zoom > b.zoom + 0.01)
            {
                best = Some(grid);
            }
        }
        best.unwrap_or_else(|| {
            let width = room.x - gap * (lanes as f32 - 1.0);
            let smallest =
                (slide::CARD_ZOOM_MIN * scale).min(width / lanes as f32 / size::CARD_WIDTH);
            arrange(lanes, smallest)
        })
    }

    /// The tops of the rows of a lane's column holding cards of `heights` (map points),
    /// below its title, and the column's whole height.
    fn rows(&self, heights: &[f32]) -> (Vec<f32>, f32) {
        let mut tops = Vec::with_capacity(heights.len().div_ceil(self.across));
        let mut y = self.title;
        for row in heights.chunks(self.across) {
            tops.push(y);
            y += (row.iter().copied().fold(0.0, f32::max) + size::CARD_GAP) * self.zoom;
        }
        (tops, y)
    }

    /// The tops of the bands of lanes holding cards of `heights`, and their whole height.
    fn bands(&self, heights: &[Vec<f32>]) -> (Vec<f32>, f32) {
        let mut tops = Vec::new();
        let mut y = 0.0;
        for band in heights.chunks(self.per_band) {
            if !tops.is_empty() {
                y += self.gap;
            }
            tops.push(y);
            y += band.iter().map(|h| self.rows(h).1).fold(0.0, f32::max);
        }
        (tops, y)
    }

    fn height(&self, heights: &[Vec<f32>]) -> f32 {
        self.bands(heights).1
    }
}

/// A card's height on a slide, in map points: its title's, its failure path told beside.
fn slide_card_height(rows: CardRows) -> f32 {
    card_height(CardRows { fails: 0, ..rows })
}

/// The stage's cards, lane by lane (the emotion curve has its own strip), as large as fit.
pub(super) fn stage_cards(ui: &mut Ui, c: &SlideContext<'_>, stage: usize) {
    // Only the lanes this stage has cards in: an audience is not shown what is missing.
    let lanes: Vec<usize> = (0..c.journey.lanes.len())
        .filter(|&i| c.journey.lanes[i].kind != LaneKind::Emotion)
        .filter(|&i| !c.layout.cell(stage, i).is_empty())
        .collect();
    let heights: Vec<Vec<f32>> = lanes
        .iter()
        .map(|&lane| {
            let cards = c.layout.cell(stage, lane);
            cards
                .iter()
                .map(|&i| slide_card_height(c.layout.cards[i].rows))
                .collect()
        })
        .collect();
    let room = ui.available_size();
    let grid = LaneGrid::fit(&heights, room, c.scale);
    let (band_tops, total) = grid.bands(&heights);
    // Exactly as tall as the cards: more would count as overflowing and shrink the slide.
    let (rect, _) = ui.allocate_exact_size(vec2(room.x, total), Sense::hover());
    let painter = ui.painter();
    let rule = Stroke::new(1.0, c.theme.grid);
    for &top in band_tops.iter().skip(1) {
        painter.hline(rect.x_range(), rect.top() + top - grid.gap / 2.0, rule);
    }
    let meta = egui::FontId::proportional(slide::TEXT_META * c.scale);
    for ((k, &lane), heights) in lanes.iter().enumerate().zip(&heights) {
        let (band, column) = (k / grid.per_band, k % grid.per_band);
        let left = rect.left() + column as f32 * (grid.width + grid.gap);
        let top = rect.top() + band_tops[band];
        let (tops, bottom) = grid.rows(heights);
        if column > 0 {
            painter.vline(left - grid.gap / 2.0, top..=top + bottom, rule);
        }
        let lane_box = &c.journey.lanes[lane];
        paint_text(
            painter,
            pos2(left, top),
            &format!("{} {}", icon::lane(lane_box.kind), lane_box.display_title()),
            meta.clone(),
            c.theme.ink_muted,
            grid.width,
            1,
        );
        let step = (size::CARD_WIDTH + size::CARD_GAP) * grid.zoom;
        for (slot, &index) in c.layout.cell(stage, lane).iter().enumerate() {
            let rows = CardRows {
                fails: 0,
                ..c.layout.cards[index].rows
            };
            let min = pos2(
                left + (slot % grid.across) as f32 * step,
                top + tops[slot / grid.across],
            );
            let size = vec2(size::CARD_WIDTH, slide_card_height(rows)) * grid.zoom;
            let card_rect = Rect::from_min_size(min, size);
            if !ui.clip_rect().intersects(card_rect) {
                continue; // scrolled out of view
            }
            let card = &c.journey.cards[index];
            let face = CardFace {
                rect: card_rect,
                zoom: grid.zoom,
                rows,
            };
            paint_card(
                painter,
                card,
                owner_color(c.project, card),
                face,
                c.theme,
                CardState {
                    for_audience: true,
                    ..CardState::default()
                },
            );
            let response = ui.interact(
                card_rect,
                egui::Id::unique(("presentation-card", index)),
                Sense::hover(),
            );
            response
                .widget_info(|| WidgetInfo::labeled(Role::Label, true, card.accessible_label()));
            response.on_hover_ui(|ui| card_details(ui, c.project, card));
        }
    }
}
