//! The one drawing of a map: a laid-out journey becomes epaint shapes. The canvas and the
//! PNG export both call [`paint_map`], so what people review is what lands in the deck.
//! Only what intersects the painter's clip rectangle is drawn.

use egui::epaint::{Mesh, PathShape, Vertex, WHITE_UV};
use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2,
    vec2,
};

use crate::layout::{DropSlot, JourneyLayout, emotion_y};
use crate::model::{Card, CardKind, Empathy, Evidence, Journey, LaneKind, Project};
use crate::theme::{Theme, border_width, evidence_opacity, icon, item_color, size};

/// How the map is placed on the screen: map point `p` is drawn at `origin + p * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub origin: Pos2,
    pub zoom: f32,
    /// Keep the stage header row and the lane titles column in view while scrolling.
    pub sticky: bool,
}

impl MapView {
    pub fn to_screen(&self, pos: Pos2) -> Pos2 {
        self.origin + pos.to_vec2() * self.zoom
    }

    pub fn rect_to_screen(&self, rect: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(rect.min), self.to_screen(rect.max))
    }

    pub fn to_map(&self, pos: Pos2) -> Pos2 {
        ((pos - self.origin) / self.zoom).to_pos2()
    }

    /// Whether cards are drawn with their text, or as plain blocks.
    pub fn detailed(&self) -> bool {
        self.zoom >= size::DETAIL_ZOOM
    }
}

/// What the user is pointing at or doing, drawn on top of the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlight<'a> {
    pub card: Option<usize>,
    pub stage: Option<usize>,
    pub lane: Option<usize>,
    /// A card being dragged: drawn faded in its place.
    pub dragged_card: Option<usize>,
    pub card_drop: Option<DropSlot>,
    /// An emotion point being dragged: the card and the score it would get.
    pub emotion: Option<(usize, i8)>,
    /// A stage header being dragged would be inserted before this stage index.
    pub stage_drop: Option<usize>,
    pub lane_drop: Option<usize>,
    /// While searching or filtering: which cards match (the others are dimmed).
    pub matches: Option<&'a [bool]>,
    /// A line written beside the journey's name: what an export "as filtered" shows.
    pub caption: Option<&'a str>,
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
    painter.rect_filled(painter.clip_rect(), 0.0, theme.canvas);
    paint_grid(painter, layout, view, theme);
    paint_links(painter, layout, view, theme);
    paint_cards(painter, project, journey, layout, view, theme, highlight);
    paint_emotion(painter, layout, view, theme, highlight);
    paint_drop_indicators(painter, layout, view, theme, highlight);
    paint_empathy(painter, journey, layout, view, theme);
    paint_title(
        painter,
        project,
        journey,
        layout,
        view,
        theme,
        highlight.caption,
    );
    paint_legend(painter, project, layout, view, theme);
    paint_stage_headers(painter, journey, layout, view, theme, highlight);
    paint_lane_titles(painter, journey, layout, view, theme, highlight);
    if view.sticky {
        let corner = Rect::from_min_size(
            sticky_corner(painter.clip_rect(), layout, view),
            vec2(
                size::LANE_TITLE_WIDTH * view.zoom,
                size::STAGE_HEADER_HEIGHT * view.zoom,
            ),
        );
        painter.rect_filled(corner, 0.0, theme.header);
    }
}

/// Font sizes scale with zoom, rounded to half points so zooming does not fill the font
/// atlas with a size per frame.
fn font(points: f32, zoom: f32) -> FontId {
    FontId::proportional(((points * zoom) * 2.0).round().max(1.0) / 2.0)
}

/// Lays out text wrapped to `width` in at most `rows` rows (then an ellipsis) and paints
/// it with its top-left at `pos`. Returns the rectangle it took.
pub(crate) fn paint_text(
    painter: &Painter,
    pos: Pos2,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    rows: usize,
) -> Rect {
    let mut job = LayoutJob::single_section(text.to_owned(), TextFormat::simple(font, color));
    job.wrap = TextWrapping {
        max_width: width.max(1.0),
        max_rows: rows,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = painter.layout_job(job);
    let rect = Rect::from_min_size(pos, galley.size());
    painter.galley(pos, galley, color);
    rect
}

fn paint_grid(painter: &Painter, layout: &JourneyLayout, view: &MapView, theme: &Theme) {
    let stroke = Stroke::new(1.0, theme.grid);
    let top = view.to_screen(layout.header.min).y;
    let bottom = view.to_screen(layout.lane_titles.max).y;
    let left = view.to_screen(layout.lane_titles.min).x;
    let right = view.to_screen(layout.header.max).x;
    for stage in &layout.stages {
        let x = view.to_screen(pos2(stage.x.max, 0.0)).x;
        painter.vline(x, top..=bottom, stroke);
    }
    for lane in &layout.lanes {
        let y = view.to_screen(pos2(0.0, lane.y.max)).y;
        painter.hline(left..=right, y, stroke);
    }
}

/// The colour of the department that owns `card`, if any.
pub fn owner_color(project: &Project, card: &Card) -> Option<Color32> {
    let owner = card.owner.as_deref()?;
    let position = project.departments.iter().position(|d| d.id == owner)?;
    Some(item_color(&project.departments[position].color, position))
}

fn paint_cards(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    highlight: &Highlight<'_>,
) {
    let clip = painter.clip_rect();
    let in_view = layout.cards_in(Rect::from_min_max(
        view.to_map(clip.min),
        view.to_map(clip.max),
    ));
    if !view.detailed() {
        // Zoomed far out: every visible card is one quad of one mesh.
        let mut mesh = Mesh::default();
        for i in in_view {
            let rect = view.rect_to_screen(layout.cards[i].rect);
            if clip.intersects(rect) {
                let matching = highlight
                    .matches
                    .is_none_or(|m| m.get(i).copied().unwrap_or(true));
                let alpha = if matching { 0.6 } else { 0.15 };
                let color = theme
                    .card_colors(journey.cards[i].kind)
                    .border
                    .gamma_multiply(alpha);
                mesh.add_colored_rect(rect, color);
            }
        }
        painter.add(Shape::mesh(mesh));
        return;
    }
    for i in in_view {
        let (card, placed) = (&journey.cards[i], &layout.cards[i]);
        let rect = view.rect_to_screen(placed.rect);
        if !clip.intersects(rect) {
            continue;
        }
        let state = CardState {
            selected: highlight.card == Some(i),
            faded: highlight.dragged_card == Some(i)
                || highlight
                    .matches
                    .is_some_and(|m| !m.get(i).copied().unwrap_or(true)),
        };
        paint_card(
            painter,
            card,
            owner_color(project, card),
            rect,
            view.zoom,
            theme,
            state,
        );
    }
}

/// How a card is drawn beyond its content.
#[derive(Clone, Copy, Debug, Default)]
pub struct CardState {
    pub selected: bool,
    /// The card is being dragged away from this place.
    pub faded: bool,
}

/// Paints one card into `rect` (screen): tint by kind, owner stripe, border by severity and
/// evidence, icon, wrapped title, channel and badges.
pub fn paint_card(
    painter: &Painter,
    card: &Card,
    owner: Option<Color32>,
    rect: Rect,
    zoom: f32,
    theme: &Theme,
    state: CardState,
) {
    let colors = theme.card_colors(card.kind);
    let opacity = evidence_opacity(card.evidence) * if state.faded { 0.35 } else { 1.0 };
    let radius = size::CARD_RADIUS * zoom;
    painter.rect_filled(rect, radius, colors.fill.gamma_multiply(opacity));
    if let Some(owner) = owner {
        let stripe = Rect::from_min_size(rect.min, vec2(size::OWNER_STRIPE * zoom, rect.height()));
        let corners = CornerRadius {
            nw: radius as u8,
            sw: radius as u8,
            ne: 0,
            se: 0,
        };
        painter.rect_filled(stripe, corners, owner.gamma_multiply(opacity));
    }
    let width = if card.kind == crate::model::CardKind::PainPoint {
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
        Evidence::Anecdote => dashed_outline(painter, rect, radius, stroke, 6.0 * zoom, 4.0 * zoom),
        Evidence::Assumption => {
            dashed_outline(painter, rect, radius, stroke, 1.5 * zoom, 3.0 * zoom)
        }
    }
    if state.selected {
        painter.rect_stroke(
            rect.expand(2.0 * zoom),
            radius + 2.0 * zoom,
            Stroke::new(2.0 * zoom.max(0.75), theme.selection),
            StrokeKind::Outside,
        );
    }

    let padding = size::CARD_PADDING * zoom;
    let inner_left = rect.left() + padding + size::OWNER_STRIPE * zoom;
    let ink = theme.ink.gamma_multiply(opacity);
    let muted = theme.ink_muted.gamma_multiply(opacity);
    let icon_rect = painter.text(
        pos2(inner_left, rect.top() + padding),
        Align2::LEFT_TOP,
        icon::card(card.kind),
        font(size::TEXT_CARD_TITLE, zoom),
        colors.border.gamma_multiply(opacity),
    );
    let title_left = icon_rect.right() + size::SPACE_XS * zoom;
    paint_text(
        painter,
        pos2(title_left, rect.top() + padding),
        &card.title,
        font(size::TEXT_CARD_TITLE, zoom),
        ink,
        rect.right() - padding - title_left,
        size::TITLE_MAX_ROWS,
    );

    // Metadata row: channel on the left, badges on the right.
    let meta_font = font(size::TEXT_CARD_META, zoom);
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
    if open_comments > 0 {
        let badge = painter.text(
            pos2(right, baseline),
            Align2::RIGHT_BOTTOM,
            format!("{} {open_comments}", icon::COMMENTS),
            meta_font.clone(),
            theme.ink_muted.gamma_multiply(opacity),
        );
        right = badge.left() - size::SPACE_XS * zoom;
    }
    let marker = if !card.if_it_fails.is_empty() {
        Some((icon::FAILURE_PATH, theme.ink_muted))
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
        let mut job =
            LayoutJob::single_section(card.channel.clone(), TextFormat::simple(meta_font, muted));
        job.wrap = TextWrapping::truncate_at_width((right - inner_left).max(1.0));
        let galley = painter.layout_job(job);
        let pos = pos2(inner_left, baseline - galley.size().y);
        painter.galley(pos, galley, muted);
    }
}

/// A rounded rectangle's outline drawn in dashes (short dashes read as dots).
fn dashed_outline(painter: &Painter, rect: Rect, radius: f32, stroke: Stroke, dash: f32, gap: f32) {
    let rect = rect.shrink(stroke.width / 2.0);
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let corners = [
        (pos2(rect.right() - r, rect.top() + r), -90.0_f32),
        (pos2(rect.right() - r, rect.bottom() - r), 0.0),
        (pos2(rect.left() + r, rect.bottom() - r), 90.0),
        (pos2(rect.left() + r, rect.top() + r), 180.0),
    ];
    let mut points = Vec::with_capacity(4 * 5 + 1);
    for (center, start) in corners {
        for step in 0..5 {
            let angle = (start + step as f32 * 22.5).to_radians();
            points.push(center + vec2(angle.cos(), angle.sin()) * r);
        }
    }
    points.push(points[0]);
    painter.extend(Shape::dashed_line(
        &points,
        stroke,
        dash.max(1.0),
        gap.max(1.0),
    ));
}

fn paint_emotion(
    painter: &Painter,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    highlight: &Highlight<'_>,
) {
    let Some(lane) = layout.emotion_lane() else {
        return;
    };
    let clip = painter.clip_rect();
    let lane_rect = view.rect_to_screen(Rect::from_x_y_ranges(layout.header.x_range(), lane.y));
    if !clip.intersects(lane_rect) {
        return;
    }
    let y_of = |emotion: f32| view.to_screen(pos2(0.0, emotion_y(lane.y, emotion))).y;
    paint_emotion_guides(painter, lane_rect.x_range(), y_of, theme);

    // Only the part in view, with one point more on each side for continuity.
    let (left, right) = (view.to_map(clip.min).x, view.to_map(clip.max).x);
    let first = layout
        .emotion
        .partition_point(|p| p.pos.x < left)
        .saturating_sub(1);
    let last = (layout.emotion.partition_point(|p| p.pos.x <= right) + 1).min(layout.emotion.len());
    let in_view = &layout.emotion[first..last];
    if in_view.is_empty() {
        return;
    }
    let visible: Vec<Pos2> = in_view
        .iter()
        .map(|point| {
            let emotion = match highlight.emotion {
                Some((card, emotion)) if card == point.card => emotion,
                _ => point.emotion,
            };
            view.to_screen(pos2(point.pos.x, emotion_y(lane.y, f32::from(emotion))))
        })
        .collect();
    let radius = (size::EMOTION_POINT_RADIUS * view.zoom).max(2.0);
    paint_emotion_curve(
        painter,
        &visible,
        y_of(0.0),
        (size::EMOTION_STROKE * view.zoom).clamp(1.0, 4.0),
        theme,
        |i| {
            let card = in_view[i].card;
            let active = highlight.card == Some(card)
                || highlight
                    .emotion
                    .is_some_and(|(dragged, _)| dragged == card);
            if active { radius * 2.0 } else { radius }
        },
    );
}

/// The lines behind an emotion curve, one a score from -2 to +2, the zero line stronger;
/// `y_of` places a score on screen.
pub fn paint_emotion_guides(
    painter: &Painter,
    x: egui::Rangef,
    y_of: impl Fn(f32) -> f32,
    theme: &Theme,
) {
    for emotion in -2..=2_i8 {
        let color = if emotion == 0 {
            theme.ink_muted.gamma_multiply(0.45)
        } else {
            theme.grid
        };
        painter.hline(x, y_of(f32::from(emotion)), Stroke::new(1.0, color));
    }
}

/// The emotion curve through `points` (on screen, sorted by x) with its faint area to the
/// zero line at height `zero` (green above, red below), and a dot of `radius(i)` on each
/// point unless they are too dense to tell apart.
pub fn paint_emotion_curve(
    painter: &Painter,
    points: &[Pos2],
    zero: f32,
    width: f32,
    theme: &Theme,
    radius: impl Fn(usize) -> f32,
) {
    let samples = monotone_curve(&merge_close(points, 1.5));
    painter.add(area_mesh(&samples, zero, theme));
    painter.add(PathShape::line(samples, Stroke::new(width, theme.emotion)));
    let spacing = points
        .windows(2)
        .map(|w| w[1].x - w[0].x)
        .fold(f32::INFINITY, f32::min);
    if spacing < 4.0 {
        return;
    }
    for (i, pos) in points.iter().enumerate() {
        painter.circle(
            *pos,
            radius(i),
            theme.emotion,
            Stroke::new(1.0, theme.canvas),
        );
    }
}

/// Points closer than `min_dx` (screen) to the first of their run become one point at
/// the run's mean height: zoomed far out, thousands of points share a few pixels.
fn merge_close(points: &[Pos2], min_dx: f32) -> Vec<Pos2> {
    let mut merged: Vec<Pos2> = Vec::with_capacity(points.len());
    let mut run = (Pos2::ZERO, 0.0_f32, 0_u32); // first point, sum of y, count
    for &p in points {
        if run.2 > 0 && p.x - run.0.x < min_dx {
            run.1 += p.y;
            run.2 += 1;
            continue;
        }
        if run.2 > 0 {
            merged.push(pos2(run.0.x, run.1 / run.2 as f32));
        }
        run = (p, p.y, 1);
    }
    if run.2 > 0 {
        merged.push(pos2(run.0.x, run.1 / run.2 as f32));
    }
    merged
}

/// Samples a monotone cubic through points sorted by x: smooth, and never overshooting
/// the scores it passes through (so the curve stays within -2..=2).
fn monotone_curve(points: &[Pos2]) -> Vec<Pos2> {
    if points.len() < 2 {
        return points.to_vec();
    }
    let slope = |a: Pos2, b: Pos2| {
        let dx = b.x - a.x;
        if dx.abs() < f32::EPSILON {
            0.0
        } else {
            (b.y - a.y) / dx
        }
    };
    let slopes: Vec<f32> = points.windows(2).map(|w| slope(w[0], w[1])).collect();
    let tangents: Vec<f32> = (0..points.len())
        .map(
            |i| match (i.checked_sub(1).map(|j| slopes[j]), slopes.get(i)) {
                (Some(a), Some(&b)) if a * b > 0.0 => 2.0 / (1.0 / a + 1.0 / b),
                (Some(_), Some(_)) => 0.0,
                (Some(a), None) => a,
                (None, Some(&b)) => b,
                (None, None) => 0.0,
            },
        )
        .collect();
    let mut samples = Vec::with_capacity(points.len() * 4);
    samples.push(points[0]);
    for i in 0..points.len() - 1 {
        let (a, b) = (points[i], points[i + 1]);
        let dx = b.x - a.x;
        let steps = (dx / 4.0).ceil().clamp(1.0, 24.0) as usize;
        for step in 1..=steps {
            let t = step as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let y = (2.0 * t3 - 3.0 * t2 + 1.0) * a.y
                + (t3 - 2.0 * t2 + t) * dx * tangents[i]
                + (-2.0 * t3 + 3.0 * t2) * b.y
                + (t3 - t2) * dx * tangents[i + 1];
            samples.push(pos2(a.x + t * dx, y));
        }
    }
    samples
}

/// The faint area between the curve and the zero line: green above, red below.
fn area_mesh(samples: &[Pos2], zero: f32, theme: &Theme) -> Mesh {
    let mut mesh = Mesh::default();
    let mut quad = |a: Pos2, b: Pos2| {
        // Above the zero line on screen means a positive score.
        let color = if a.y + b.y < 2.0 * zero {
            theme.emotion_positive
        } else {
            theme.emotion_negative
        };
        let base = mesh.vertices.len() as u32;
        for pos in [a, b, pos2(b.x, zero), pos2(a.x, zero)] {
            mesh.vertices.push(Vertex {
                pos,
                uv: WHITE_UV,
                color,
            });
        }
        mesh.indices
            .extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    };
    for w in samples.windows(2) {
        let (a, b) = (w[0], w[1]);
        if (a.y - zero) * (b.y - zero) < 0.0 {
            let t = (zero - a.y) / (b.y - a.y);
            let cross = pos2(a.x + t * (b.x - a.x), zero);
            quad(a, cross);
            quad(cross, b);
        } else {
            quad(a, b);
        }
    }
    mesh
}

fn paint_drop_indicators(
    painter: &Painter,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    highlight: &Highlight<'_>,
) {
    let stroke = Stroke::new(3.0, theme.drop_indicator);
    if let Some(slot) = highlight.card_drop {
        let cell = Rect::from_x_y_ranges(layout.stages[slot.stage].x, layout.lanes[slot.lane].y);
        painter.rect_filled(
            view.rect_to_screen(cell),
            0.0,
            theme.drop_indicator.gamma_multiply(0.08),
        );
        let top = layout.slot_position(slot, highlight.dragged_card);
        let a = view.to_screen(top);
        let b = view.to_screen(top + vec2(0.0, size::CARD_HEIGHT));
        painter.line_segment([a, b], stroke);
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

fn paint_title(
    painter: &Painter,
    project: &Project,
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    caption: Option<&str>,
) {
    let rect = view.rect_to_screen(layout.title);
    if !painter.clip_rect().intersects(rect) {
        return;
    }
    let zoom = view.zoom;
    let persona = journey
        .persona
        .as_deref()
        .and_then(|id| project.personas.iter().position(|p| p.id == id));
    let mut left = rect.left();
    if let (Some(index), Some(card)) = (persona, layout.persona) {
        let card = view.rect_to_screen(card);
        paint_persona_card(painter, &project.personas[index], index, card, zoom, theme);
        left = card.right() + size::SPACE_XL * zoom;
    }
    let width = rect.right() - left;
    let has_story = layout.persona.is_some()
        || !journey.scenario.is_empty()
        || !journey.expectations.is_empty();
    let name_top = if has_story {
        rect.top()
    } else {
        rect.center().y - 14.0 * zoom
    };
    let name = paint_text(
        painter,
        pos2(left, name_top),
        &journey.name,
        font(size::TEXT_MAP_TITLE, zoom),
        theme.ink,
        width,
        1,
    );
    if let Some(caption) = caption {
        let left = name.right() + size::SPACE_L * zoom;
        let top = name.bottom() - font(size::TEXT_STAGE_GOAL, zoom).size * 1.4;
        paint_text(
            painter,
            pos2(left, top),
            caption,
            font(size::TEXT_STAGE_GOAL, zoom),
            theme.selection,
            (rect.right() - left).max(0.0),
            1,
        );
    }
    let mut y = name.bottom() + size::SPACE_S * zoom;
    let story_width = width.min(760.0 * zoom);
    for (label, text) in [
        ("Scenario", &journey.scenario),
        ("Expectations", &journey.expectations),
    ] {
        if text.is_empty() || !view.detailed() {
            continue;
        }
        let shown = paint_text(
            painter,
            pos2(left, y),
            &format!("{label}: {text}"),
            font(size::TEXT_STAGE_GOAL, zoom),
            theme.ink_muted,
            story_width,
            2,
        );
        y = shown.bottom() + size::SPACE_XS * zoom;
    }
}

/// Whose journey it is: name, role, quote and top goals, with the persona's colour.
fn paint_persona_card(
    painter: &Painter,
    persona: &crate::model::Persona,
    index: usize,
    rect: Rect,
    zoom: f32,
    theme: &Theme,
) {
    let radius = size::CARD_RADIUS * zoom;
    painter.rect(
        rect,
        radius,
        theme.header,
        Stroke::new(1.0, theme.grid),
        StrokeKind::Inside,
    );
    let stripe = Rect::from_min_size(rect.min, vec2(size::OWNER_STRIPE * zoom, rect.height()));
    let corners = CornerRadius {
        nw: radius as u8,
        sw: radius as u8,
        ne: 0,
        se: 0,
    };
    painter.rect_filled(stripe, corners, item_color(&persona.color, index));
    if zoom < size::DETAIL_ZOOM {
        return;
    }
    let padding = size::CARD_PADDING * zoom;
    let left = rect.left() + padding + size::OWNER_STRIPE * zoom;
    let width = rect.right() - padding - left;
    let mut y = rect.top() + padding;
    let mut line = |text: &str, points: f32, color: Color32, rows: usize| {
        if text.is_empty() || y >= rect.bottom() - padding {
            return;
        }
        let shown = paint_text(
            painter,
            pos2(left, y),
            text,
            font(points, zoom),
            color,
            width,
            rows,
        );
        y = shown.bottom() + 2.0 * zoom;
    };
    line(&persona.name, size::TEXT_STAGE_NAME, theme.ink, 1);
    line(&persona.role, size::TEXT_CARD_META, theme.ink_muted, 1);
    if !persona.quote.is_empty() {
        line(
            &format!("“{}”", persona.quote),
            size::TEXT_STAGE_GOAL,
            theme.ink,
            2,
        );
    }
    for goal in persona.goals.iter().take(2) {
        line(
            &format!("Goal: {goal}"),
            size::TEXT_CARD_META,
            theme.ink_muted,
            1,
        );
    }
}

/// Departments (colour and name) and card kinds (icon and name), right-aligned under the map.
fn paint_legend(
    painter: &Painter,
    project: &Project,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
) {
    let rect = view.rect_to_screen(layout.legend);
    if !painter.clip_rect().intersects(rect) || !view.detailed() {
        return;
    }
    let zoom = view.zoom;
    let text_font = font(size::TEXT_CARD_META, zoom);
    let swatch = vec2(10.0, 10.0) * zoom;
    enum Mark {
        Swatch(Color32),
        Icon(&'static str, Color32),
    }
    let mut entries: Vec<(Mark, String)> = project
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (Mark::Swatch(item_color(&d.color, i)), d.name.clone()))
        .collect();
    for kind in CardKind::ALL {
        let mark = Mark::Icon(icon::card(kind), theme.card_colors(kind).border);
        entries.push((mark, card_kind_name(kind).to_owned()));
    }
    entries.push((
        Mark::Icon(icon::MOMENT_OF_TRUTH, theme.moment_of_truth),
        "Moment of truth".to_owned(),
    ));
    let galleys: Vec<_> = entries
        .iter()
        .map(|(_, name)| painter.layout_no_wrap(name.clone(), text_font.clone(), theme.ink_muted))
        .collect();
    let gap = size::SPACE_M * zoom;
    let mark = swatch.x + size::SPACE_XS * zoom;
    let total: f32 = galleys.iter().map(|g| g.size().x + mark + gap).sum::<f32>() - gap;
    let mut x = rect.right() - total;
    let y = rect.center().y;
    for ((mark_kind, _), galley) in entries.iter().zip(galleys) {
        match mark_kind {
            Mark::Swatch(color) => {
                painter.rect_filled(
                    Rect::from_center_size(pos2(x + swatch.x / 2.0, y), swatch),
                    2.0 * zoom,
                    *color,
                );
            }
            Mark::Icon(glyph, color) => {
                painter.text(
                    pos2(x + swatch.x / 2.0, y),
                    Align2::CENTER_CENTER,
                    *glyph,
                    text_font.clone(),
                    *color,
                );
            }
        }
        x += mark;
        let width = galley.size().x;
        painter.galley(pos2(x, y - galley.size().y / 2.0), galley, theme.ink_muted);
        x += width + gap;
    }
}

/// The empathy-map band: for each stage, one line per quadrant (sees, hears, ...).
fn paint_empathy(
    painter: &Painter,
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
) {
    let Some(band) = layout.empathy else { return };
    let band = view.rect_to_screen(band);
    if !painter.clip_rect().intersects(band) {
        return;
    }
    painter.rect_filled(band, 0.0, theme.header.gamma_multiply(0.5));
    painter.hline(band.x_range(), band.bottom(), Stroke::new(1.0, theme.grid));
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
                font(size::TEXT_CARD_META, zoom),
                theme.ink,
                width,
                1,
            );
        }
    }
}

/// Quiet connectors between linked cards (a pain point and its touchpoint).
fn paint_links(painter: &Painter, layout: &JourneyLayout, view: &MapView, theme: &Theme) {
    if !view.detailed() {
        return;
    }
    let clip = painter.clip_rect();
    let stroke = Stroke::new(1.25, theme.ink_muted.gamma_multiply(0.45));
    for &(from, to) in &layout.links {
        let (a, b) = (
            view.rect_to_screen(layout.cards[from].rect),
            view.rect_to_screen(layout.cards[to].rect),
        );
        if !clip.intersects(a.union(b)) {
            continue;
        }
        // Leave and enter by the facing sides; cards of one column join top to bottom.
        let (start, end, bend) = if b.left() > a.right() {
            (a.right_center(), b.left_center(), vec2(1.0, 0.0))
        } else if b.right() < a.left() {
            (a.left_center(), b.right_center(), vec2(-1.0, 0.0))
        } else if b.top() > a.bottom() {
            (a.center_bottom(), b.center_top(), vec2(0.0, 1.0))
        } else {
            (a.center_top(), b.center_bottom(), vec2(0.0, -1.0))
        };
        let reach = bend * ((end - start).length() / 3.0).max(12.0 * view.zoom);
        let curve = egui::epaint::CubicBezierShape::from_points_stroke(
            [start, start + reach, end - reach, end],
            false,
            Color32::TRANSPARENT,
            stroke,
        );
        painter.add(curve);
        painter.circle_filled(end, 2.0 * view.zoom.max(0.75), stroke.color);
    }
}

/// The top-left corner where the header row and the lane titles column meet, on screen:
/// with a sticky view, held inside `clip` while the map scrolls.
pub fn sticky_corner(clip: Rect, layout: &JourneyLayout, view: &MapView) -> Pos2 {
    let at = view.to_screen(pos2(layout.lane_titles.left(), layout.header.top()));
    if view.sticky {
        pos2(at.x.max(clip.left()), at.y.max(clip.top()))
    } else {
        at
    }
}

fn paint_stage_headers(
    painter: &Painter,
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    highlight: &Highlight<'_>,
) {
    let clip = painter.clip_rect();
    let top = sticky_corner(clip, layout, view).y;
    let height = size::STAGE_HEADER_HEIGHT * view.zoom;
    let row = Rect::from_x_y_ranges(
        view.rect_to_screen(layout.header).x_range(),
        top..=top + height,
    );
    if !clip.intersects(row) {
        return;
    }
    painter.rect_filled(row, 0.0, theme.header);
    let padding = size::SPACE_M * view.zoom;
    for (i, (stage, placed)) in journey.stages.iter().zip(&layout.stages).enumerate() {
        let x = view.rect_to_screen(placed.header).x_range();
        let rect = Rect::from_x_y_ranges(x, row.y_range());
        if !clip.intersects(rect) {
            continue;
        }
        if highlight.stage == Some(i) {
            painter.rect_filled(rect, 0.0, theme.selection.gamma_multiply(0.12));
            painter.hline(
                rect.x_range(),
                rect.bottom() - 1.5,
                Stroke::new(3.0, theme.selection),
            );
        }
        let width = rect.width() - 2.0 * padding;
        let name = paint_text(
            painter,
            rect.min + vec2(padding, padding),
            &stage.name,
            font(size::TEXT_STAGE_NAME, view.zoom),
            theme.ink,
            width,
            1,
        );
        if view.detailed() && !stage.goal.is_empty() {
            paint_text(
                painter,
                pos2(name.left(), name.bottom() + size::SPACE_XS * view.zoom),
                &stage.goal,
                font(size::TEXT_STAGE_GOAL, view.zoom),
                theme.ink_muted,
                width,
                2,
            );
        }
        painter.vline(rect.right(), rect.y_range(), Stroke::new(1.0, theme.grid));
    }
    // Conversion between neighbouring stages, on the line between their headers.
    if view.detailed() {
        for (stage, placed) in journey
            .stages
            .iter()
            .zip(&layout.stages)
            .take(layout.stages.len().saturating_sub(1))
        {
            let Some(conversion) = stage.conversion else {
                continue;
            };
            let x = view.to_screen(pos2(placed.x.max, 0.0)).x;
            // On the header's bottom line, clear of the goal text.
            let center = pos2(x, row.bottom());
            let label = format!("{} {:.0} %", icon::CONVERSION, conversion * 100.0);
            let galley = painter.layout_no_wrap(
                label,
                font(size::TEXT_CARD_META, view.zoom),
                theme.ink_muted,
            );
            let pill = Rect::from_center_size(center, galley.size() + vec2(10.0, 4.0) * view.zoom);
            painter.rect(
                pill,
                pill.height() / 2.0,
                theme.canvas,
                Stroke::new(1.0, theme.grid),
                StrokeKind::Inside,
            );
            painter.galley(pill.center() - galley.size() / 2.0, galley, theme.ink_muted);
        }
    }
    painter.hline(row.x_range(), row.bottom(), Stroke::new(1.0, theme.grid));
}

fn paint_lane_titles(
    painter: &Painter,
    journey: &Journey,
    layout: &JourneyLayout,
    view: &MapView,
    theme: &Theme,
    highlight: &Highlight<'_>,
) {
    let clip = painter.clip_rect();
    let left = sticky_corner(clip, layout, view).x;
    let width = size::LANE_TITLE_WIDTH * view.zoom;
    let column = Rect::from_x_y_ranges(
        left..=left + width,
        view.rect_to_screen(layout.lane_titles).y_range(),
    );
    if !clip.intersects(column) {
        return;
    }
    painter.rect_filled(column, 0.0, theme.header);
    let padding = size::SPACE_M * view.zoom;
    if let Some(band) = layout.empathy.filter(|_| view.detailed()) {
        let band = view.rect_to_screen(band);
        let row = (band.height() - 2.0 * padding) / Empathy::QUADRANTS.len() as f32;
        for (i, label) in Empathy::QUADRANTS.into_iter().enumerate() {
            painter.text(
                pos2(
                    column.left() + padding,
                    band.top() + padding + i as f32 * row,
                ),
                Align2::LEFT_TOP,
                label,
                font(size::TEXT_CARD_META, view.zoom),
                theme.ink_muted,
            );
        }
        painter.hline(
            column.x_range(),
            band.bottom(),
            Stroke::new(1.0, theme.grid),
        );
    }
    for (i, (lane, placed)) in journey.lanes.iter().zip(&layout.lanes).enumerate() {
        let rect = Rect::from_x_y_ranges(
            column.x_range(),
            view.rect_to_screen(placed.title).y_range(),
        );
        if !clip.intersects(rect) {
            continue;
        }
        if highlight.lane == Some(i) {
            painter.rect_filled(rect, 0.0, theme.selection.gamma_multiply(0.12));
            painter.vline(
                rect.right() - 1.5,
                rect.y_range(),
                Stroke::new(3.0, theme.selection),
            );
        }
        let title = lane_title(lane);
        paint_text(
            painter,
            rect.min + vec2(padding, padding),
            &format!("{}  {title}", icon::lane(lane.kind)),
            font(size::TEXT_LANE_TITLE, view.zoom),
            theme.ink,
            width - 2.0 * padding,
            2,
        );
        if lane.kind == LaneKind::Emotion && view.detailed() {
            for emotion in -2..=2_i8 {
                let y = view
                    .to_screen(pos2(0.0, emotion_y(placed.y, f32::from(emotion))))
                    .y;
                painter.text(
                    pos2(rect.right() - padding, y),
                    Align2::RIGHT_CENTER,
                    emotion_label(emotion),
                    font(size::TEXT_CARD_META, view.zoom),
                    theme.ink_muted,
                );
            }
        }
        painter.hline(rect.x_range(), rect.bottom(), Stroke::new(1.0, theme.grid));
    }
    painter.vline(
        column.right(),
        column.y_range(),
        Stroke::new(1.0, theme.grid),
    );
}

/// An emotion score as shown on a map: `+2`, `0`, `−1` (a real minus sign).
pub fn emotion_label(emotion: i8) -> String {
    match emotion {
        e if e > 0 => format!("+{e}"),
        0 => "0".to_owned(),
        e => format!("−{}", e.unsigned_abs()),
    }
}

/// A lane's title, or its kind's name when the title is empty.
pub fn lane_title(lane: &crate::model::Lane) -> String {
    if lane.title.is_empty() {
        lane_kind_name(lane.kind).to_owned()
    } else {
        lane.title.clone()
    }
}

pub fn card_kind_name(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Touchpoint => "Touchpoint",
        CardKind::PainPoint => "Pain point",
        CardKind::Opportunity => "Opportunity",
        CardKind::Note => "Note",
    }
}

pub fn evidence_name(evidence: Evidence) -> &'static str {
    match evidence {
        Evidence::Assumption => "Assumption",
        Evidence::Anecdote => "Anecdote",
        Evidence::Research => "Research",
    }
}

pub fn lane_kind_name(kind: LaneKind) -> &'static str {
    match kind {
        LaneKind::Touchpoints => "Touchpoints",
        LaneKind::PainPoints => "Pain points",
        LaneKind::Opportunities => "Opportunities",
        LaneKind::Backstage => "Behind the scenes",
        LaneKind::Emotion => "Emotion",
        LaneKind::Notes => "Notes",
    }
}
