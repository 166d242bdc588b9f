//! One card: tint by kind, owner stripe, border by severity and evidence, icon, wrapped
//! title, channel and badges; and every card in view of a map.

use egui::epaint::Mesh;

use super::dashes::dashed_outline;
use egui::{Align2, Color32, CornerRadius, Painter, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use super::{MapPainter, one_line, paint_text, rounding};
use crate::layout::{CardRows, failure_text, shown};
use crate::model::{Card, CardKind, Evidence, Project, emotion_label};
use crate::theme::{Theme, border_width, evidence_opacity, icon, item_color, size, zoomed_font};

/// The colour of the department that owns `card`, if any.
pub fn owner_color(project: &Project, card: &Card) -> Option<Color32> {
    let owner = card.owner.as_deref()?;
    let position = project.departments.iter().position(|d| d.id == owner)?;
    Some(item_color(&project.departments[position].color, position))
}

/// Every card in view: with text when zoomed in, as one mesh of blocks when far out.
pub(super) fn paint_cards(map: &MapPainter<'_>) {
    let (painter, layout, view, highlight) = (
        map.painter,
        map.screen.layout,
        &map.screen.view,
        map.highlight,
    );
    let clip = painter.clip_rect();
    let in_view = layout.cards_in(view.rect_to_map(clip));
    if !view.detailed() {
        // Zoomed far out: every visible card is a tinted quad with its kind's colour down
        // its left edge, all in one mesh.
        let mut mesh = Mesh::default();
        for i in in_view {
            let rect = view.rect_to_screen(layout.cards[i].rect);
            if clip.intersects(rect) {
                let alpha = if highlight.dims(i) { 0.25 } else { 1.0 };
                let colors = map.theme.card_colors(map.journey.cards[i].kind);
                mesh.add_colored_rect(rect, colors.fill.gamma_multiply(alpha));
                let edge =
                    Rect::from_min_size(rect.min, vec2(rect.width().min(3.0), rect.height()));
                mesh.add_colored_rect(edge, colors.border.gamma_multiply(alpha));
            }
        }
        painter.add(Shape::mesh(mesh));
        paint_block_titles(map);
        return;
    }
    for i in in_view {
        let (card, placed) = (&map.journey.cards[i], &layout.cards[i]);
        let rect = view.rect_to_screen(placed.rect);
        if !clip.intersects(rect) {
            continue;
        }
        let state = CardState {
            selected: highlight.card == Some(i),
            faded: highlight.dragged_card == Some(i) || highlight.dims(i),
            for_audience: highlight.for_audience,
        };
        let face = CardFace {
            rect,
            zoom: view.zoom,
            rows: placed.rows,
        };
        paint_card(
            painter,
            card,
            owner_color(map.project, card),
            face,
            map.theme,
            state,
        );
    }
}

/// Zoomed out to blocks, each block large enough still shows its title at a readable
/// size, in as many rows as it has room for (semantic zoom): the map is never wordless.
fn paint_block_titles(map: &MapPainter<'_>) {
    let (painter, layout, view) = (map.painter, map.screen.layout, &map.screen.view);
    let clip = painter.clip_rect();
    let font = map.readable_font(size::TEXT_CARD_TITLE);
    let row = font.size * 1.2;
    let padding = size::SPACE_XS;
    for i in layout.cards_in(view.rect_to_map(clip)) {
        let rect = view.rect_to_screen(layout.cards[i].rect);
        let rows = ((rect.height() - 2.0 * padding) / row).floor();
        if rows < 1.0 || rect.width() < 4.0 * font.size || !clip.intersects(rect) {
            continue;
        }
        let ink = if map.highlight.dims(i) {
            map.theme.ink_muted.gamma_multiply(0.5)
        } else {
            map.theme.ink
        };
        let (title, at, width) = (
            &map.journey.cards[i].title,
            rect.min + vec2(padding, padding),
            rect.width() - 2.0 * padding,
        );
        if rows < 2.0 {
            // One row: cut mid-word rather than show a lone first word.
            painter.galley(at, one_line(painter, title, font.clone(), ink, width), ink);
        } else {
            paint_text(painter, at, title, font.clone(), ink, width, rows as usize);
        }
    }
}

/// How a card is drawn beyond its content.
#[derive(Clone, Copy, Debug, Default)]
pub struct CardState {
    pub selected: bool,
    /// The card is being dragged away from this place.
    pub faded: bool,
    /// Drawn for an audience (a slide): the team's open comments are not counted on it.
    pub for_audience: bool,
}

/// Where a card is drawn and how much room its text has there.
#[derive(Clone, Copy, Debug)]
pub struct CardFace {
    /// On screen.
    pub rect: Rect,
    pub zoom: f32,
    /// The rows the layout made room for.
    pub rows: CardRows,
}

/// Paints one card into its face: tint by kind, owner stripe, border by severity and
/// evidence, icon, wrapped title, what happens if it fails, channel and badges. Returns
/// whether its title and its "If it fails" text were shown whole.
pub fn paint_card(
    painter: &Painter,
    card: &Card,
    owner: Option<Color32>,
    face: CardFace,
    theme: &Theme,
    state: CardState,
) -> bool {
    let CardFace { rect, zoom, rows } = face;
    let colors = theme.card_colors(card.kind);
    let opacity = evidence_opacity(card.evidence) * if state.faded { 0.35 } else { 1.0 };
    let radius = size::CARD_RADIUS * zoom;
    painter.rect_filled(rect, radius, colors.fill.gamma_multiply(opacity));
    if let Some(owner) = owner {
        paint_stripe(painter, rect, zoom, owner.gamma_multiply(opacity));
    }
    let width = if card.kind == CardKind::PainPoint {
        border_width(card.severity)
    } else {
        1.0
    };
    let stroke = Stroke::new(
        (width * zoom).max(1.0),
        colors.border.gamma_multiply(opacity),
    );
    match card.evidence {
        Evidence::Research => {
            painter.rect_stroke(rect, radius, stroke, StrokeKind::Inside);
        }
        Evidence::Anecdote => {
            dashed_outline(painter, rect, radius, stroke, size::DASH_ANECDOTE, zoom)
        }
        Evidence::Assumption => {
            dashed_outline(painter, rect, radius, stroke, size::DASH_ASSUMPTION, zoom)
        }
    }
    if state.selected {
        painter.rect_stroke(
            rect.expand(size::SELECTION_WIDTH * zoom),
            radius + size::SELECTION_WIDTH * zoom,
            Stroke::new(size::SELECTION_WIDTH * zoom.max(0.75), theme.selection),
            StrokeKind::Outside,
        );
    }

    let padding = size::CARD_PADDING * zoom;
    let inner_left = rect.left() + padding + size::OWNER_STRIPE * zoom;
    // An assumption's tint and border are lighter; its text reads as well as any other.
    let text_opacity = if state.faded { 0.35 } else { 1.0 };
    let ink = theme.ink.gamma_multiply(text_opacity);
    let muted = theme.ink_muted.gamma_multiply(text_opacity);
    let icon_rect = painter.text(
        pos2(inner_left, rect.top() + padding),
        Align2::LEFT_TOP,
        icon::card(card.kind),
        zoomed_font(size::TEXT_CARD_TITLE, zoom),
        colors.border.gamma_multiply(opacity),
    );
    let title_left = icon_rect.right() + size::SPACE_XS * zoom;
    let title_font = zoomed_font(size::TEXT_CARD_TITLE, zoom);
    let title = paint_text(
        painter,
        pos2(title_left, rect.top() + padding),
        &card.title,
        title_font.clone(),
        ink,
        (rect.right() - padding - title_left) * rounding(&title_font, size::TEXT_CARD_TITLE, zoom),
        usize::from(rows.title),
    );
    let meta_font = zoomed_font(size::TEXT_CARD_META, zoom);
    let mut fails_cut = !card.if_it_fails.is_empty();
    if rows.fails > 0 && !card.if_it_fails.is_empty() {
        // What happens to the buyer when this step fails, under a rule.
        let rule = title.rect.bottom() + size::SPACE_S / 2.0 * zoom;
        painter.hline(
            inner_left..=rect.right() - padding,
            rule,
            Stroke::new(1.0, colors.border.gamma_multiply(0.35 * opacity)),
        );
        fails_cut = paint_text(
            painter,
            pos2(inner_left, rule + size::SPACE_S / 2.0 * zoom),
            &failure_text(shown(&card.if_it_fails)),
            meta_font.clone(),
            muted,
            (rect.right() - padding - inner_left)
                * rounding(&meta_font, size::TEXT_CARD_META, zoom),
            usize::from(rows.fails),
        )
        .cut;
    }

    // Metadata row: channel on the left, badges on the right.
    let baseline = rect.bottom() - padding;
    let mut right = rect.right() - padding;
    if let Some(emotion) = card.emotion {
        let badge = painter.text(
            pos2(right, baseline),
            Align2::RIGHT_BOTTOM,
            emotion_label(emotion),
            meta_font.clone(),
            theme.emotion.gamma_multiply(opacity),
        );
        right = badge.left() - size::SPACE_XS * zoom;
    }
    let open_comments = card.comments.iter().filter(|c| !c.resolved).count();
    if open_comments > 0 && !state.for_audience {
        let badge = painter.text(
            pos2(right, baseline),
            Align2::RIGHT_BOTTOM,
            format!("{} {open_comments}", icon::COMMENTS),
            meta_font.clone(),
            theme.ink_muted.gamma_multiply(opacity),
        );
        right = badge.left() - size::SPACE_XS * zoom;
    }
    // The failure path is written out above when there is room; a moment of truth
    // without one is flagged.
    let marker = if !card.if_it_fails.is_empty() {
        (rows.fails == 0).then_some((icon::FAILURE_PATH, theme.ink_muted))
    } else if card.moment_of_truth {
        Some((icon::MISSING_FAILURE_PATH, theme.pain_point.border))
    } else {
        None
    };
    if let Some((glyph, color)) = marker {
        let badge = painter.text(
            pos2(right, baseline),
            Align2::RIGHT_BOTTOM,
            glyph,
            meta_font.clone(),
            color.gamma_multiply(opacity),
        );
        right = badge.left() - size::SPACE_XS * zoom;
    }
    if card.moment_of_truth {
        let badge = painter.text(
            pos2(right, baseline),
            Align2::RIGHT_BOTTOM,
            icon::MOMENT_OF_TRUTH,
            meta_font.clone(),
            theme.moment_of_truth.gamma_multiply(opacity),
        );
        right = badge.left() - size::SPACE_XS * zoom;
    }
    if !card.channel.is_empty() {
        let galley = one_line(painter, &card.channel, meta_font, muted, right - inner_left);
        let pos = pos2(inner_left, baseline - galley.size().y);
        painter.galley(pos, galley, muted);
    }
    !title.cut && !fails_cut
}

/// The coloured stripe down a card's left edge: its owner, or a persona's colour.
pub(super) fn paint_stripe(painter: &Painter, rect: Rect, zoom: f32, color: Color32) {
    let radius = (size::CARD_RADIUS * zoom) as u8;
    let stripe = Rect::from_min_size(rect.min, vec2(size::OWNER_STRIPE * zoom, rect.height()));
    let corners = CornerRadius {
        nw: radius,
        sw: radius,
        ne: 0,
        se: 0,
    };
    painter.rect_filled(stripe, corners, color);
}
