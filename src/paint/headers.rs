//! The header bands: the stage header row across the top and the lane titles column down
//! the left, both sticky while the map scrolls. One band painter serves both, turned
//! sideways; the row adds the conversion pills, the column the empathy quadrants and the
//! emotion scale.

use egui::{Align2, Rect, Stroke, pos2, vec2};

use super::{MapPainter, paint_text};
use crate::layout::emotion_y;
use crate::model::{Empathy, LaneKind, emotion_label};
use crate::theme::{icon, size};

/// Which way a band runs: stages across a row, lanes down a column.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Axis {
    Row,
    Column,
}

/// One header in a band: its name in `points` over at most `rows` rows, and a muted
/// line under it when zoomed in.
struct HeaderCell<'t> {
    rect: Rect,
    selected: bool,
    title: String,
    points: f32,
    rows: usize,
    subtitle: &'t str,
}

/// Paints a band and its cells, then the band's inner edge, then `extras`. Cells out of
/// the clip are skipped; a band out of it is not painted at all.
fn paint_band<'t>(
    map: &MapPainter<'_>,
    axis: Axis,
    band: Rect,
    cells: impl Iterator<Item = HeaderCell<'t>>,
    extras: impl FnOnce(),
) {
    if !map.visible(band) {
        return;
    }
    let (painter, theme, zoom) = (map.painter, map.theme, map.screen.view.zoom);
    painter.rect_filled(band, 0.0, theme.header);
    let padding = size::SPACE_M * zoom;
    let marker = Stroke::new(size::HEADER_SELECTION_WIDTH, theme.selection);
    let inset = size::HEADER_SELECTION_WIDTH / 2.0;
    for cell in cells {
        let rect = cell.rect;
        if !map.visible(rect) {
            continue;
        }
        if cell.selected {
            painter.rect_filled(rect, 0.0, theme.selection.gamma_multiply(0.12));
            match axis {
                Axis::Row => {
                    painter.hline(rect.x_range(), rect.bottom() - inset, marker);
                }
                Axis::Column => {
                    painter.vline(rect.right() - inset, rect.y_range(), marker);
                }
            }
        }
        let width = rect.width() - 2.0 * padding;
        // Zoomed out, a name keeps a readable size and takes the rows its cell has.
        let font = map.readable_font(cell.points);
        let rows = if map.screen.view.detailed() {
            cell.rows
        } else {
            ((rect.height() - 2.0 * padding) / (font.size * 1.2))
                .floor()
                .max(1.0) as usize
        };
        let title = paint_text(
            painter,
            rect.min + vec2(padding, padding),
            &cell.title,
            font,
            theme.ink,
            width,
            rows,
        );
        if map.screen.view.detailed() && !cell.subtitle.is_empty() {
            paint_text(
                painter,
                pos2(
                    title.rect.left(),
                    title.rect.bottom() + size::SPACE_XS * zoom,
                ),
                cell.subtitle,
                map.font(size::TEXT_STAGE_GOAL),
                theme.ink_muted,
                width,
                2,
            );
        }
        match axis {
            Axis::Row => {
                painter.vline(rect.right(), rect.y_range(), map.rule());
            }
            Axis::Column => {
                painter.hline(rect.x_range(), rect.bottom(), map.rule());
            }
        }
    }
    match axis {
        Axis::Row => {
            painter.hline(band.x_range(), band.bottom(), map.rule());
        }
        Axis::Column => {
            painter.vline(band.right(), band.y_range(), map.rule());
        }
    }
    // Over the band's edge: a conversion pill sits on it.
    extras();
}

/// The stage header row: name and goal per stage, the conversion between neighbours on
/// the line between their headers.
pub(super) fn paint_stage_headers(map: &MapPainter<'_>) {
    let (journey, screen) = (map.journey, &map.screen);
    let cells = journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| HeaderCell {
            rect: screen.stage_header(i),
            selected: map.highlight.stage == Some(i),
            title: stage.name.clone(),
            points: size::TEXT_STAGE_NAME,
            rows: 1,
            subtitle: &stage.goal,
        });
    let conversions = || {
        if !map.screen.view.detailed() {
            return;
        }
        let theme = map.theme;
        let last = journey.stages.len().saturating_sub(1);
        for (i, stage) in journey.stages.iter().enumerate().take(last) {
            let Some(conversion) = stage.conversion else {
                continue;
            };
            let pill = screen.conversion_pill(map.painter, i, conversion, theme.ink_muted);
            map.painter.rect(
                pill.rect,
                pill.rect.height() / 2.0,
                theme.paper,
                map.rule(),
                egui::StrokeKind::Inside,
            );
            let at = pill.rect.center() - pill.galley.size() / 2.0;
            map.painter.galley(at, pill.galley, theme.ink_muted);
        }
    };
    paint_band(map, Axis::Row, screen.header_row(), cells, conversions);
}

/// The lane titles column: icon and title per lane, the empathy quadrants' names beside
/// the empathy band, and the scale beside the Emotion lane.
pub(super) fn paint_lane_titles(map: &MapPainter<'_>) {
    let (journey, screen, view) = (map.journey, &map.screen, &map.screen.view);
    let column = screen.lane_column();
    let cells = journey
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| HeaderCell {
            rect: screen.lane_title(i),
            selected: map.highlight.lane == Some(i),
            title: format!("{}  {}", icon::lane(lane.kind), lane.display_title()),
            points: size::TEXT_LANE_TITLE,
            rows: 2,
            subtitle: "",
        });
    let labels = || {
        if !view.detailed() {
            return;
        }
        let (painter, theme) = (map.painter, map.theme);
        let padding = size::SPACE_M * view.zoom;
        let label = |pos, align, text: &str| {
            painter.text(
                pos,
                align,
                text,
                map.font(size::TEXT_CARD_META),
                theme.ink_muted,
            );
        };
        if let Some(band) = map.screen.layout.empathy {
            let band = view.rect_to_screen(band);
            let row = (band.height() - 2.0 * padding) / Empathy::QUADRANTS.len() as f32;
            for (i, quadrant) in Empathy::QUADRANTS.into_iter().enumerate() {
                let top = band.top() + padding + i as f32 * row;
                label(
                    pos2(column.left() + padding, top),
                    Align2::LEFT_TOP,
                    quadrant,
                );
            }
            painter.hline(column.x_range(), band.bottom(), map.rule());
        }
        for (i, placed) in map.screen.layout.lanes.iter().enumerate() {
            let rect = screen.lane_title(i);
            if placed.kind != LaneKind::Emotion || !map.visible(rect) {
                continue;
            }
            for emotion in -2..=2_i8 {
                let y = view
                    .to_screen(pos2(0.0, emotion_y(placed.y, f32::from(emotion))))
                    .y;
                let at = pos2(rect.right() - padding, y);
                label(at, Align2::RIGHT_CENTER, &emotion_label(emotion));
            }
            super::emotion::paint_curve_legend(map, rect);
        }
    };
    paint_band(map, Axis::Column, column, cells, labels);
}
