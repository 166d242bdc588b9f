//! What surrounds the grid: the title band (persona card, journey name, scenario and
//! expectations), the legend, the empathy-map band and the connectors between linked cards.

use egui::{Align2, Color32, Rect, Stroke, StrokeKind, pos2, vec2};

use super::card::paint_stripe;
use super::{MapPainter, one_line, paint_text, rounding};
use crate::layout::{link_curve, persona_lines, persona_text_width};
use crate::model::{Empathy, LegendItems, Persona, Voice, voices};
use crate::theme::{icon, item_color, size, zoomed_font};

/// The title band: the persona card, the journey's name (and an export's caption), the
/// scenario and the expectations.
pub(super) fn paint_title(map: &MapPainter<'_>) {
    let (painter, project, journey, layout, view, theme) = (
        map.painter,
        map.project,
        map.journey,
        map.screen.layout,
        &map.screen.view,
        map.theme,
    );
    let rect = view.rect_to_screen(layout.title);
    if !map.visible(rect) {
        return;
    }
    let zoom = view.zoom;
    let mut left = rect.left();
    let voices = voices(project, journey);
    let cards = voices
        .iter()
        .filter_map(|voice| Some((voice, voice.persona_in(project)?)))
        .zip(&layout.personas);
    for ((voice, persona), &card) in cards {
        let card = view.rect_to_screen(card);
        let color = item_color(&persona.color, voice.index.unwrap_or(0));
        paint_persona_card(map, voice, persona, color, card);
        left = card.right() + size::SPACE_XL * zoom;
    }
    // A committee's cards sit under the name; the story goes beside them.
    let committee = layout.personas.len() > 1;
    let name_left = if committee { rect.left() } else { left };
    let width = rect.right() - name_left;
    let name_top = if layout.story {
        rect.top()
    } else {
        rect.center().y - size::TITLE_LINE / 2.0 * zoom
    };
    let name = paint_text(
        painter,
        pos2(name_left, name_top),
        &journey.name,
        map.readable_font(size::TEXT_MAP_TITLE),
        theme.ink,
        width,
        1,
    );
    if let Some(caption) = map.highlight.caption {
        let left = name.rect.right() + size::SPACE_L * zoom;
        let top = name.rect.bottom() - map.font(size::TEXT_STAGE_GOAL).size * 1.4;
        paint_text(
            painter,
            pos2(left, top),
            caption,
            map.font(size::TEXT_STAGE_GOAL),
            theme.selection,
            (rect.right() - left).max(0.0),
            1,
        );
    }
    let mut y = match layout.personas.first() {
        Some(card) if committee => view.rect_to_screen(*card).top(),
        _ => name.rect.bottom() + size::SPACE_S * zoom,
    };
    let story_width = (rect.right() - left).min(size::STORY_WIDTH * zoom);
    for (label, text) in [
        ("Scenario", &journey.scenario),
        ("Expectations", &journey.expectations),
    ] {
        if text.is_empty() || !view.detailed() || !layout.story {
            continue;
        }
        let shown = paint_text(
            painter,
            pos2(left, y),
            &format!("{label}: {text}"),
            map.font(size::TEXT_STAGE_GOAL),
            theme.ink_muted,
            story_width,
            2,
        );
        y = shown.rect.bottom() + size::SPACE_XS * zoom;
    }
}

/// Who is on the journey: name, part on the committee, role, quote (and for the primary
/// persona top goals), with the persona's colour. Zoomed out, the name alone, readable.
fn paint_persona_card(
    map: &MapPainter<'_>,
    voice: &Voice<'_>,
    persona: &Persona,
    color: Color32,
    rect: Rect,
) {
    let (painter, theme, zoom) = (map.painter, map.theme, map.screen.view.zoom);
    let radius = size::CARD_RADIUS * zoom;
    painter.rect(
        rect,
        radius,
        theme.header,
        Stroke::new(1.0, theme.grid),
        StrokeKind::Inside,
    );
    paint_stripe(painter, rect, zoom, color);
    if !map.screen.view.detailed() {
        let padding = size::SPACE_XS;
        let name = one_line(
            painter,
            &persona.name,
            map.readable_font(size::TEXT_STAGE_NAME),
            theme.ink,
            rect.width() - 2.0 * padding - size::OWNER_STRIPE * zoom,
        );
        let at = rect.min + vec2(padding + size::OWNER_STRIPE * zoom, padding);
        painter.galley(at, name, theme.ink);
        return;
    }
    let padding = size::CARD_PADDING * zoom;
    let left = rect.left() + padding + size::OWNER_STRIPE * zoom;
    let width = persona_text_width() * zoom;
    let mut y = rect.top() + padding;
    for line in persona_lines(persona, &voice.part(), voice.primary) {
        let font = zoomed_font(line.points, zoom);
        let widen = rounding(&font, line.points, zoom);
        let color = if line.muted {
            theme.ink_muted
        } else {
            theme.ink
        };
        let shown = paint_text(
            painter,
            pos2(left, y),
            &line.text,
            font,
            color,
            width * widen,
            line.rows,
        );
        y = shown.rect.bottom() + size::SPACE_XS / 2.0 * zoom;
    }
}

/// The departments that own the journey's cards (colour and name), the kinds of card it
/// holds (icon and name) and the moment-of-truth mark if it has one: a grid of entries
/// under the map, wrapped to its width, a name too long for its entry ending in "…".
pub(super) fn paint_legend(map: &MapPainter<'_>) {
    let (painter, project, layout, view, theme) = (
        map.painter,
        map.project,
        map.screen.layout,
        &map.screen.view,
        map.theme,
    );
    let rect = view.rect_to_screen(layout.legend);
    if !map.visible(rect) || !view.detailed() {
        return;
    }
    let zoom = view.zoom;
    let text_font = map.font(size::TEXT_CARD_META);
    let swatch = vec2(size::LEGEND_SWATCH, size::LEGEND_SWATCH) * zoom;
    enum Mark {
        Swatch(Color32),
        Icon(&'static str, Color32),
    }
    let items = LegendItems::of(project, map.journey);
    let mut entries: Vec<(Mark, &str)> = items
        .departments
        .iter()
        .map(|&i| {
            let department = &project.departments[i];
            (
                Mark::Swatch(item_color(&department.color, i)),
                department.name.as_str(),
            )
        })
        .collect();
    for &kind in &items.kinds {
        let mark = Mark::Icon(icon::card(kind), theme.card_colors(kind).border);
        entries.push((mark, kind.name()));
    }
    if items.moment_of_truth {
        let mark = Mark::Icon(icon::MOMENT_OF_TRUTH, theme.moment_of_truth);
        entries.push((mark, "Moment of truth"));
    }
    let entry_width = size::LEGEND_ENTRY_WIDTH * zoom;
    let mark_width = swatch.x + size::SPACE_XS * zoom;
    let name_width = (entry_width - mark_width - size::SPACE_M * zoom).max(1.0);
    let columns = layout.legend_columns.max(1);
    for (i, (mark, name)) in entries.into_iter().enumerate() {
        let x = rect.left() + (i % columns) as f32 * entry_width;
        let y =
            rect.top() + (size::SPACE_M + ((i / columns) as f32 + 0.5) * size::LEGEND_ROW) * zoom;
        match mark {
            Mark::Swatch(color) => {
                painter.rect_filled(
                    Rect::from_center_size(pos2(x + swatch.x / 2.0, y), swatch),
                    size::LEGEND_SWATCH / 5.0 * zoom,
                    color,
                );
            }
            Mark::Icon(glyph, color) => {
                painter.text(
                    pos2(x + swatch.x / 2.0, y),
                    Align2::CENTER_CENTER,
                    glyph,
                    text_font.clone(),
                    color,
                );
            }
        }
        let galley = one_line(
            painter,
            name,
            text_font.clone(),
            theme.ink_muted,
            name_width,
        );
        let at = pos2(x + mark_width, y - galley.size().y / 2.0);
        painter.galley(at, galley, theme.ink_muted);
    }
}

/// The empathy-map band: for each stage, one line per quadrant (sees, hears, ...).
pub(super) fn paint_empathy(map: &MapPainter<'_>) {
    let (painter, journey, layout, view, theme) = (
        map.painter,
        map.journey,
        map.screen.layout,
        &map.screen.view,
        map.theme,
    );
    let Some(band) = layout.empathy else { return };
    let band = view.rect_to_screen(band);
    if !map.visible(band) {
        return;
    }
    painter.rect_filled(band, 0.0, theme.header.gamma_multiply(0.5));
    painter.hline(band.x_range(), band.bottom(), map.rule());
    if !view.detailed() {
        return;
    }
    let zoom = view.zoom;
    let padding = size::SPACE_M * zoom;
    let row = (band.height() - 2.0 * padding) / Empathy::QUADRANTS.len() as f32;
    for (stage, placed) in journey.stages.iter().zip(&layout.stages) {
        let x = view.to_screen(pos2(placed.x.min, 0.0)).x + padding;
        let width = placed.x.span() * zoom - 2.0 * padding;
        for (i, items) in stage.empathy.lists().into_iter().enumerate() {
            if items.is_empty() {
                continue;
            }
            paint_text(
                painter,
                pos2(x, band.top() + padding + i as f32 * row),
                &items.join(" · "),
                map.font(size::TEXT_CARD_META),
                theme.ink,
                width,
                1,
            );
        }
    }
}

/// Quiet connectors between linked cards (a pain point and its touchpoint).
pub(super) fn paint_links(map: &MapPainter<'_>) {
    let (painter, layout, view) = (map.painter, map.screen.layout, &map.screen.view);
    if !view.detailed() {
        return;
    }
    let clip = painter.clip_rect();
    let stroke = Stroke::new(size::LINK_WIDTH, map.theme.ink_muted.gamma_multiply(0.45));
    for &(from, to) in &layout.links {
        let (a, b) = (
            view.rect_to_screen(layout.cards[from].rect),
            view.rect_to_screen(layout.cards[to].rect),
        );
        if !clip.intersects(a.union(b)) {
            continue;
        }
        let points = link_curve(a, b, view.zoom);
        let end = points[3];
        let curve = egui::epaint::CubicBezierShape::from_points_stroke(
            points,
            false,
            Color32::TRANSPARENT,
            stroke,
        );
        painter.add(curve);
        painter.circle_filled(end, size::LINK_DOT * view.zoom.max(0.75), stroke.color);
    }
}
