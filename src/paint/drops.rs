//! Drop indicators: where a dragged card, stage header or lane title would land.

use egui::{Rect, Stroke, pos2};

use super::MapPainter;
use crate::theme::size;

/// Where a dragged card, stage header or lane title would land.
pub(super) fn paint_drop_indicators(map: &MapPainter<'_>) {
    let (painter, layout, view, theme, highlight) = (
        map.painter,
        map.screen.layout,
        &map.screen.view,
        map.theme,
        map.highlight,
    );
    let stroke = Stroke::new(size::DROP_INDICATOR_WIDTH, theme.drop_indicator);
    if let Some(slot) = highlight.card_drop {
        let cell = Rect::from_x_y_ranges(layout.stages[slot.stage].x, layout.lanes[slot.lane].y);
        painter.rect_filled(
            view.rect_to_screen(cell),
            0.0,
            theme.drop_indicator.gamma_multiply(0.08),
        );
        let line = layout.slot_line(slot, highlight.dragged_card);
        painter.line_segment(line.map(|p| view.to_screen(p)), stroke);
    }
    if let Some(before) = highlight.stage_drop {
        let x = layout
            .stages
            .get(before)
            .map_or(layout.header.right(), |stage| stage.x.min);
        let top = view.to_screen(pos2(x, layout.header.top()));
        let bottom = view.to_screen(pos2(x, layout.lane_titles.bottom()));
        painter.line_segment([top, bottom], stroke);
    }
    if let Some(before) = highlight.lane_drop {
        let y = layout
            .lanes
            .get(before)
            .map_or(layout.lane_titles.bottom(), |lane| lane.y.min);
        let left = view.to_screen(pos2(layout.lane_titles.left(), y));
        let right = view.to_screen(pos2(layout.header.right(), y));
        painter.line_segment([left, right], stroke);
    }
}
