//! The emotion curve: guide lines, a monotone cubic through the scores that never
//! overshoots them, the green and red area to the zero line, and the dots.

use egui::epaint::{Mesh, PathShape, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Rect, Stroke, pos2};

use super::{MapPainter, one_line};

/// Points closer than this on screen (zoomed far out) are drawn as one.
const MERGE_CLOSER_THAN: f32 = 1.5;
/// Dots are drawn on the curve only where points are at least this far apart on screen.
const DOTS_APART: f32 = 4.0;
/// Where columns are at least this far apart, each card's point has its own dot, where
/// it is grabbed; closer, a column has one dot at its mean.
const DOTS_OWN_APART: f32 = 24.0;
use crate::layout::emotion_y;
use crate::model::{Journey, Project, voices};
use crate::theme::{Theme, item_color, size};

/// The Emotion lane: guide lines, then one curve per shown committee member, the primary
/// last (on top, with its area); a point being dragged is drawn at the score it would get.
pub(super) fn paint_emotion(map: &MapPainter<'_>) {
    let (painter, layout, view, theme, highlight) = (
        map.painter,
        map.screen.layout,
        &map.screen.view,
        map.theme,
        map.highlight,
    );
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

    let colors = curve_colors(map.project, map.journey, map.theme);
    let (left, right) = (view.to_map(clip.min).x, view.to_map(clip.max).x);
    let radius = (size::EMOTION_POINT_RADIUS * view.zoom).max(2.0);
    let width = (size::EMOTION_STROKE * view.zoom).clamp(1.0, 4.0);
    for voice in layout.curves_in_order(highlight.curves) {
        let curve = &layout.curves[voice];
        // Only the part in view, with one point more on each side for continuity.
        let shown = curve.points_in(left, right);
        let first = shown.start.saturating_sub(1);
        let last = (shown.end + 1).min(curve.points.len());
        let in_view = &curve.points[first..last];
        if in_view.is_empty() {
            continue;
        }
        let dragged = highlight
            .emotion
            .filter(|drag| drag.voice == voice)
            .map(|drag| (drag.card, drag.emotion));
        let visible: Vec<Pos2> = in_view
            .iter()
            .map(|point| {
                let emotion = match dragged {
                    Some((card, emotion)) if card == point.card => emotion,
                    _ => point.emotion,
                };
                view.to_screen(pos2(point.pos.x, emotion_y(lane.y, f32::from(emotion))))
            })
            .collect();
        let style = CurveStyle::of(curve.primary, colors[voice], width);
        paint_emotion_curve(painter, &visible, y_of(0.0), style, theme, |i| {
            let card = in_view[i].card;
            let active =
                highlight.card == Some(card) || dragged.is_some_and(|(dragged, _)| dragged == card);
            if active { radius * 2.0 } else { radius }
        });
    }
}

/// Each voice's curve colour: its persona's when the journey has a committee, else the
/// theme's one emotion colour.
pub fn curve_colors(project: &Project, journey: &Journey, theme: &Theme) -> Vec<Color32> {
    let voices = voices(project, journey);
    voices
        .iter()
        .map(
            |voice| match (voices.len() > 1, voice.persona_in(project)) {
                (true, Some(persona)) => item_color(&persona.color, voice.index.unwrap_or(0)),
                _ => theme.emotion,
            },
        )
        .collect()
}

/// The committee in the Emotion lane's title cell (`rect`, on screen): a line of its
/// colour, the member's name and, under it, their role; hidden curves left out.
pub(super) fn paint_curve_legend(map: &MapPainter<'_>, rect: Rect) {
    let voices = voices(map.project, map.journey);
    if voices.len() < 2 {
        return;
    }
    let (painter, theme, zoom) = (map.painter, map.theme, map.screen.view.zoom);
    let colors = curve_colors(map.project, map.journey, map.theme);
    let padding = size::SPACE_M * zoom;
    let swatch = size::SPACE_M * zoom;
    // Clear of the score labels at the right edge.
    let width = rect.width() - 2.0 * padding - swatch - size::SPACE_XL * zoom;
    // Under the lane's title, which stays readable (and so larger) zoomed out.
    let title = padding + map.readable_font(size::TEXT_LANE_TITLE).size * 1.4;
    let mut y = rect.top() + title.max(size::TITLE_LINE * zoom);
    for (v, voice) in voices.iter().enumerate() {
        if !map.highlight.curves.contains(v) {
            continue;
        }
        let x = rect.left() + padding;
        let line_y = y + size::TEXT_CARD_META * 0.7 * zoom;
        let stroke = if voice.primary { 3.0 } else { 2.0 };
        painter.hline(x..=x + swatch * 0.8, line_y, Stroke::new(stroke, colors[v]));
        let name = one_line(
            painter,
            &voice.name(map.project),
            map.font(size::TEXT_CARD_META),
            theme.ink,
            width,
        );
        painter.galley(pos2(x + swatch, y), name, theme.ink);
        let row = map.screen.layout.curve_legend_row * zoom;
        if map.screen.layout.curve_legend_row >= size::CURVE_LEGEND_ENTRY {
            let role = one_line(
                painter,
                &voice.role(),
                map.font(size::TEXT_CARD_META - 1.0),
                theme.ink_muted,
                width,
            );
            painter.galley(pos2(x + swatch, y + row * 0.48), role, theme.ink_muted);
        }
        y += row;
    }
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

/// How one emotion curve is drawn.
#[derive(Clone, Copy, Debug)]
pub struct CurveStyle {
    pub color: Color32,
    pub width: f32,
    /// With the faint area to the zero line (the primary persona's curve).
    pub area: bool,
}

impl CurveStyle {
    /// A committee member's curve, `width` wide for the primary: theirs leads, with its
    /// area; the others' are thinner lines.
    pub fn of(primary: bool, color: Color32, width: f32) -> Self {
        Self {
            color,
            width: if primary { width } else { width * 0.8 },
            area: primary,
        }
    }
}

/// An emotion curve through `points` (on screen, sorted by x), with its faint area to the
/// zero line at height `zero` (green above, red below) when the style asks for it, and a
/// dot of `radius(i)` on each point unless they are too dense to tell apart. Points of one
/// x (cards stacked in a column) are one point of the curve, at their mean; each keeps
/// its own dot, where it can be grabbed, unless columns are close (then one, at the mean).
pub fn paint_emotion_curve(
    painter: &Painter,
    points: &[Pos2],
    zero: f32,
    style: CurveStyle,
    theme: &Theme,
    radius: impl Fn(usize) -> f32,
) {
    let runs = merge_close(points, MERGE_CLOSER_THAN);
    let merged: Vec<Pos2> = runs.iter().map(|(pos, _)| *pos).collect();
    let spacing = merged
        .windows(2)
        .map(|w| w[1].x - w[0].x)
        .fold(f32::INFINITY, f32::min);
    let samples = monotone_curve(&merged);
    if style.area {
        painter.add(area_mesh(&samples, zero, theme));
    }
    painter.add(PathShape::line(
        samples,
        Stroke::new(style.width, style.color),
    ));
    if spacing < DOTS_APART {
        return;
    }
    if spacing < DOTS_OWN_APART {
        // Far out, a column's cards are one dot, at their mean.
        for (pos, members) in runs {
            let radius = members.map(&radius).fold(0.0, f32::max);
            painter.circle(pos, radius, style.color, Stroke::new(1.0, theme.canvas));
        }
        return;
    }
    for (_, members) in runs {
        // Cards of one column often share a score: one dot where they coincide.
        let mut drawn: Vec<(f32, f32)> = Vec::new();
        for i in members {
            let (pos, r) = (points[i], radius(i));
            if !drawn.contains(&(pos.y, r)) {
                drawn.push((pos.y, r));
                painter.circle(pos, r, style.color, Stroke::new(1.0, theme.canvas));
            }
        }
    }
}

/// Points closer than `min_dx` (screen) to the first of their run become one point at
/// the run's mean height, with the indices of the points it stands for: cards stacked in
/// one column, or, zoomed far out, thousands of points that share a few pixels.
fn merge_close(points: &[Pos2], min_dx: f32) -> Vec<(Pos2, std::ops::Range<usize>)> {
    let mut merged = Vec::with_capacity(points.len());
    let mut start = 0;
    while start < points.len() {
        let first = points[start];
        let end = start
            + points[start..]
                .iter()
                .take_while(|p| p.x - first.x < min_dx)
                .count();
        let mean = points[start..end].iter().map(|p| p.y).sum::<f32>() / (end - start) as f32;
        merged.push((pos2(first.x, mean), start..end));
        start = end;
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
