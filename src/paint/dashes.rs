//! A card's dashed or dotted outline (how sure the team is of it). A card's outline is a
//! hundred dashes, and a screen holds dozens of cards, so each outline is tessellated once
//! per shape (size, corner radius, stroke, pattern, zoom, pixel density and where it falls
//! within a pixel) and then only moved to where the card is.

use std::cell::RefCell;
use std::collections::HashMap;

use egui::epaint::{Mesh, Tessellator};
use egui::{Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

/// The most outline shapes remembered; the cache starts over past it (zooming through many
/// sizes).
const REMEMBERED: usize = 512;

/// What an outline looks like, and where it falls within a pixel: two outlines of one key
/// are the same mesh moved by whole pixels. Floats are kept as their bits (1/8 pixel for
/// the position within a pixel).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    size: [u32; 2],
    radius: u32,
    stroke: (u32, [u8; 4]),
    pattern: [u32; 2],
    pixels_per_point: u32,
    phase: [u8; 2],
}

thread_local! {
    static OUTLINES: RefCell<HashMap<Key, Mesh>> = RefCell::new(HashMap::new());
}

/// A rounded rectangle's outline drawn in dashes of `[dash, gap]` at 100 % (short dashes
/// read as dots).
pub(super) fn dashed_outline(
    painter: &Painter,
    rect: Rect,
    radius: f32,
    stroke: Stroke,
    [dash, gap]: [f32; 2],
    zoom: f32,
) {
    let (dash, gap) = ((dash * zoom).max(1.0), (gap * zoom).max(1.0));
    if super::for_vectors(painter.ctx()) {
        // A vector picture gets the dashes themselves, not their pixels' triangles.
        let points = outline_points(rect, radius, stroke);
        painter.extend(Shape::dashed_line(&points, stroke, dash, gap));
        return;
    }
    let pixels_per_point = painter.pixels_per_point();
    // The outline at the same place within a pixel, near the origin: moved by whole
    // pixels, it rounds to pixels exactly as it would where it is.
    let pixel = |v: f32| (v * pixels_per_point).floor() / pixels_per_point;
    let whole = vec2(pixel(rect.min.x), pixel(rect.min.y));
    let eighths = |v: f32| ((v * pixels_per_point).fract() * 8.0).round() as u8;
    let phase = [eighths(rect.min.x), eighths(rect.min.y)];
    let key = Key {
        size: [rect.width().to_bits(), rect.height().to_bits()],
        radius: radius.to_bits(),
        stroke: (stroke.width.to_bits(), stroke.color.to_array()),
        pattern: [dash.to_bits(), gap.to_bits()],
        pixels_per_point: pixels_per_point.to_bits(),
        phase,
    };
    let mut mesh = OUTLINES.with(|outlines| {
        let mut outlines = outlines.borrow_mut();
        if outlines.len() >= REMEMBERED && !outlines.contains_key(&key) {
            outlines.clear();
        }
        outlines
            .entry(key)
            .or_insert_with(|| {
                let at = pos2(
                    f32::from(phase[0]) / 8.0 / pixels_per_point,
                    f32::from(phase[1]) / 8.0 / pixels_per_point,
                );
                let options = painter.ctx().tessellation_options(|o| *o);
                tessellate(
                    Rect::from_min_size(at, rect.size()),
                    radius,
                    stroke,
                    [dash, gap],
                    Tessellator::new(pixels_per_point, options, [1, 1], Vec::new()),
                )
            })
            .clone()
    });
    mesh.translate(whole);
    painter.add(Shape::mesh(mesh));
}

/// The dashes of the outline of `rect` as one mesh.
fn tessellate(
    rect: Rect,
    radius: f32,
    stroke: Stroke,
    [dash, gap]: [f32; 2],
    mut tessellator: Tessellator,
) -> Mesh {
    let points = outline_points(rect, radius, stroke);
    let mut mesh = Mesh::default();
    for dash in Shape::dashed_line(&points, stroke, dash, gap) {
        tessellator.tessellate_shape(dash, &mut mesh);
    }
    mesh
}

/// The middle of the outline of `rect`, rounded by `radius`, drawn with `stroke` inside
/// it: a closed line of points.
fn outline_points(rect: Rect, radius: f32, stroke: Stroke) -> Vec<Pos2> {
    let rect = rect.shrink(stroke.width / 2.0);
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let corners = [
        (pos2(rect.right() - r, rect.top() + r), -90.0_f32),
        (pos2(rect.right() - r, rect.bottom() - r), 0.0),
        (pos2(rect.left() + r, rect.bottom() - r), 90.0),
        (pos2(rect.left() + r, rect.top() + r), 180.0),
    ];
    let mut points: Vec<Pos2> = Vec::with_capacity(4 * 5 + 1);
    for (center, start) in corners {
        for step in 0..5 {
            let angle = (start + step as f32 * 22.5).to_radians();
            points.push(center + vec2(angle.cos(), angle.sin()) * r);
        }
    }
    points.push(points[0]);
    points
}
