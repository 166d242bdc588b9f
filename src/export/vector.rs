//! The shapes egui painted, as vector marks: filled and stroked outlines and runs of
//! glyphs, each with the clip it is drawn in. The PDF and SVG writers draw these marks;
//! they come from the same `paint` code as the canvas and the PNG, so nothing is drawn
//! twice by hand.

use std::collections::HashMap;
use std::ops::Range;

use egui::epaint::{
    ClippedShape, ColorMode, CubicBezierShape, Mesh, PathStroke, QuadraticBezierShape, RectShape,
    Shape, StrokeKind, TextShape,
};
use egui::{Color32, FontFamily, Pos2, Rect, Stroke, Vec2, pos2, vec2};

use super::faces::{Faces, FoundGlyph};

/// One page of marks: `size` points wide and high, drawn in order.
pub struct Sketch {
    pub size: Vec2,
    /// How many times larger than its points the page shows the sketch (a slide's zoom).
    pub zoom: f32,
    /// The page's colour under everything; `None` for a transparent picture.
    pub background: Option<Color32>,
    pub marks: Vec<Mark>,
}

/// A piece of an outline, in points, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    Move(Pos2),
    Line(Pos2),
    Cubic(Pos2, Pos2, Pos2),
    Close,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// What follows is clipped to this rectangle, or not clipped.
    Clip(Option<Rect>),
    Fill {
        outline: Vec<Segment>,
        color: Color32,
    },
    Stroke {
        outline: Vec<Segment>,
        width: f32,
        color: Color32,
    },
    Text(GlyphRun),
}

/// Glyphs of one face, size and colour on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphRun {
    /// Index into [`Faces::faces`].
    pub face: usize,
    /// The em size, in points.
    pub size: f32,
    pub color: Color32,
    /// The baseline.
    pub y: f32,
    /// The text the glyphs draw: what a search finds and a copy takes.
    pub text: String,
    pub glyphs: Vec<PlacedGlyph>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    pub glyph: u16,
    pub x: f32,
    /// The characters of [`GlyphRun::text`] it draws (more than one for the `…` of cut
    /// text, which stands for the rest).
    pub chars: Range<usize>,
}

/// The marks of `shapes`, painted on a page of `size` points.
pub fn sketch(
    shapes: &[ClippedShape],
    size: Vec2,
    background: Option<Color32>,
    zoom: f32,
) -> Sketch {
    let page = Rect::from_min_size(Pos2::ZERO, size);
    let mut walk = Walk {
        marks: Vec::new(),
        clip: None,
        faces: Faces::bundled(),
        found: HashMap::new(),
    };
    for clipped in shapes {
        let clip = Some(clipped.clip_rect).filter(|clip| !clip.contains_rect(page));
        if clip != walk.clip {
            walk.clip = clip;
            walk.marks.push(Mark::Clip(clip));
        }
        walk.shape(&clipped.shape);
    }
    Sketch {
        size,
        zoom,
        background,
        marks: walk.marks,
    }
}

struct Walk {
    marks: Vec<Mark>,
    clip: Option<Rect>,
    faces: &'static Faces,
    /// The glyph of each character of a family met so far: a page repeats few
    /// characters many times, and finding one reads the fonts' character maps.
    found: HashMap<(FontFamily, char), Option<FoundGlyph>>,
}

impl Walk {
    /// The face and glyph egui draws `chr` of `family` with.
    fn glyph(&mut self, family: &FontFamily, chr: char) -> Option<FoundGlyph> {
        let faces = self.faces;
        *self
            .found
            .entry((family.clone(), chr))
            .or_insert_with(|| faces.find(family, chr))
    }
}

impl Walk {
    fn fill(&mut self, outline: Vec<Segment>, color: Color32) {
        if color.a() > 0 && !outline.is_empty() {
            self.marks.push(Mark::Fill { outline, color });
        }
    }

    fn stroke(&mut self, outline: Vec<Segment>, stroke: Stroke) {
        if stroke.width > 0.0 && stroke.color.a() > 0 && !outline.is_empty() {
            self.marks.push(Mark::Stroke {
                outline,
                width: stroke.width,
                color: stroke.color,
            });
        }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => shapes.iter().for_each(|s| self.shape(s)),
            // egui strokes circles and ellipses outside their edge.
            Shape::Circle(circle) => {
                let radius = Vec2::splat(circle.radius);
                self.fill(ellipse(circle.center, radius), circle.fill);
                let outside = radius + Vec2::splat(circle.stroke.width / 2.0);
                self.stroke(ellipse(circle.center, outside), circle.stroke);
            }
            Shape::Ellipse(e) if e.angle == 0.0 => {
                self.fill(ellipse(e.center, e.radius), e.fill);
                let outside = e.radius + Vec2::splat(e.stroke.width / 2.0);
                self.stroke(ellipse(e.center, outside), e.stroke);
            }
            Shape::LineSegment { points, stroke } => {
                self.stroke(polyline(points, false), *stroke);
            }
            Shape::Path(path) => {
                let outline = polyline(&path.points, path.closed);
                if path.closed {
                    self.fill(outline.clone(), path.fill);
                }
                let bounds = Rect::from_points(&path.points);
                self.stroke(outline, solid(&path.stroke, bounds));
            }
            Shape::Rect(rect) if rect.angle == 0.0 && rect.brush.is_none() => self.rect(rect),
            Shape::Text(text) if text.angle == 0.0 => self.text(text),
            Shape::Mesh(mesh) => self.mesh(mesh),
            Shape::QuadraticBezier(curve) => self.quadratic(curve),
            Shape::CubicBezier(curve) => self.cubic(curve),
            // Anything else (a band, a turned rectangle or text) is drawn as egui
            // tessellates it.
            other => {
                let mut mesh = Mesh::default();
                let mut tessellator = egui::epaint::Tessellator::new(
                    1.0,
                    egui::epaint::TessellationOptions {
                        feathering: false,
                        ..Default::default()
                    },
                    [1, 1],
                    Vec::new(),
                );
                tessellator.tessellate_shape(other.clone(), &mut mesh);
                self.mesh(&mesh);
            }
        }
    }

    fn rect(&mut self, shape: &RectShape) {
        if shape.blur_width > 0.0 {
            // A soft shadow: a vector picture has no blur, so it is drawn as a faint
            // halo that fades the way egui's does, at its middle.
            let halo = shape.fill.gamma_multiply(0.5);
            let rect = shape.rect.expand(shape.blur_width / 4.0);
            self.fill(rounded_rect(rect, radius(shape, 0.0)), halo);
            return;
        }
        self.fill(rounded_rect(shape.rect, radius(shape, 0.0)), shape.fill);
        let half = shape.stroke.width / 2.0;
        let shift = match shape.stroke_kind {
            StrokeKind::Inside => -half,
            StrokeKind::Middle => 0.0,
            StrokeKind::Outside => half,
        };
        let rect = shape.rect.expand(shift);
        self.stroke(rounded_rect(rect, radius(shape, shift)), shape.stroke);
    }

    fn quadratic(&mut self, curve: &QuadraticBezierShape) {
        let [a, c, b] = curve.points;
        // A quadratic curve is a cubic one with its control points two thirds of the way.
        let c1 = a + (c - a) * (2.0 / 3.0);
        let c2 = b + (c - b) * (2.0 / 3.0);
        self.curve([a, c1, c2, b], curve.closed, curve.fill, &curve.stroke);
    }

    fn cubic(&mut self, curve: &CubicBezierShape) {
        self.curve(curve.points, curve.closed, curve.fill, &curve.stroke);
    }

    fn curve(
        &mut self,
        [a, c1, c2, b]: [Pos2; 4],
        closed: bool,
        fill: Color32,
        stroke: &PathStroke,
    ) {
        let mut outline = vec![Segment::Move(a), Segment::Cubic(c1, c2, b)];
        if closed {
            outline.push(Segment::Close);
            self.fill(outline.clone(), fill);
        }
        let bounds = Rect::from_points(&[a, c1, c2, b]);
        self.stroke(outline, solid(stroke, bounds));
    }

    /// A mesh's triangles, those of one colour in a row as one outline (so no seam shows
    /// between them). egui's feathering (the fringe of triangles that fade to nothing
    /// along an edge) is left out: a vector picture's edges are smooth without it.
    fn mesh(&mut self, mesh: &Mesh) {
        let mut run: Option<(Color32, Vec<Segment>)> = None;
        for triangle in mesh.indices.chunks_exact(3) {
            let vertices: Option<Vec<_>> = triangle
                .iter()
                .map(|&i| mesh.vertices.get(i as usize))
                .collect();
            let Some(vertices) = vertices else { continue };
            let color = vertices[0].color;
            if vertices.iter().any(|v| v.color != color) || color.a() == 0 {
                continue;
            }
            let outline = polyline(&[vertices[0].pos, vertices[1].pos, vertices[2].pos], true);
            match &mut run {
                Some((run_color, segments)) if *run_color == color => segments.extend(outline),
                _ => {
                    if let Some((color, segments)) = run.take() {
                        self.fill(segments, color);
                    }
                    run = Some((color, outline));
                }
            }
        }
        if let Some((color, segments)) = run {
            self.fill(segments, color);
        }
    }

    /// A galley's glyphs as runs, one per row, face, size and colour.
    fn text(&mut self, shape: &TextShape) {
        let galley = &shape.galley;
        let text = galley.job.text.as_str();
        let sections = &galley.job.sections;
        let section_at = |byte: usize| {
            sections
                .iter()
                .find(|s| s.byte_range.contains(&egui::text::ByteIndex(byte)))
                .or(sections.last())
        };
        let last_row = galley.rows.len().saturating_sub(1);
        let mut cursor = 0;
        for (r, placed) in galley.rows.iter().enumerate() {
            let origin = shape.pos + placed.pos.to_vec2();
            let mut run: Option<GlyphRun> = None;
            let last_glyph = placed.glyphs.len().saturating_sub(1);
            let mut previous: Option<(FoundGlyph, f32, f32)> = None;
            for (g, glyph) in placed.glyphs.iter().enumerate() {
                let rest = &text[cursor.min(text.len())..];
                let chars = if rest.starts_with(glyph.chr) {
                    cursor..cursor + glyph.chr.len_utf8()
                } else if galley.elided && r == last_row && g == last_glyph {
                    // The `…` of text cut short stands for the text it hides.
                    cursor..text.len()
                } else {
                    let width = rest.chars().next().map_or(0, char::len_utf8);
                    cursor..cursor + width
                };
                cursor = chars.end;
                let Some(section) = section_at(chars.start) else {
                    continue;
                };
                let format = &section.format;
                let family: &FontFamily = &format.font_id.family;
                let Some(found) = self.glyph(family, glyph.chr) else {
                    continue;
                };
                let face = &self.faces.faces[found.face];
                let size = format.font_id.size * face.scale;
                let color = text_color(shape, format.color);
                let mut x = origin.x + glyph.pos.x;
                // A character egui shaped into the glyph before it (a ligature) is
                // placed after that glyph instead.
                if glyph.advance_width == 0.0
                    && glyph.uv_rect.is_nothing()
                    && let Some((before, before_x, before_size)) = previous
                    && before.face == found.face
                {
                    x = before_x + self.faces.faces[before.face].advance(before.glyph, before_size);
                }
                previous = Some((found, x, size));
                let y = origin.y + glyph.pos.y;
                let same_run = run.as_ref().is_some_and(|run| {
                    run.face == found.face && run.size == size && run.color == color && run.y == y
                });
                if !same_run && let Some(done) = run.take() {
                    self.marks.push(Mark::Text(done));
                }
                let run = run.get_or_insert_with(|| GlyphRun {
                    face: found.face,
                    size,
                    color,
                    y,
                    text: String::new(),
                    glyphs: Vec::new(),
                });
                let start = run.text.len();
                run.text.push_str(&text[chars.clone()]);
                run.glyphs.push(PlacedGlyph {
                    glyph: found.glyph,
                    x,
                    chars: start..run.text.len(),
                });
            }
            if let Some(done) = run {
                self.marks.push(Mark::Text(done));
            }
            if placed.ends_with_newline && text[cursor.min(text.len())..].starts_with('\n') {
                cursor += 1;
            }
        }
        if shape.underline.width > 0.0 {
            for placed in &galley.rows {
                let rect = placed.rect().translate(shape.pos.to_vec2());
                let y = rect.bottom();
                self.stroke(
                    polyline(&[pos2(rect.left(), y), pos2(rect.right(), y)], false),
                    shape.underline,
                );
            }
        }
    }
}

/// A text section's colour as egui resolves it when it tessellates the galley.
fn text_color(shape: &TextShape, section: Color32) -> Color32 {
    let color = match shape.override_text_color {
        Some(color) => color,
        None if section == Color32::PLACEHOLDER => shape.fallback_color,
        None => section,
    };
    if shape.opacity_factor < 1.0 {
        color.gamma_multiply(shape.opacity_factor)
    } else {
        color
    }
}

/// A path stroke's one colour: a gradient is drawn in the colour at its middle.
fn solid(stroke: &PathStroke, bounds: Rect) -> Stroke {
    let color = match &stroke.color {
        ColorMode::Solid(color) => *color,
        ColorMode::UV(color_at) => color_at(bounds, bounds.center()),
    };
    Stroke::new(stroke.width, color)
}

/// The four corner radii of a rectangle, its outline moved out by `shift` points.
fn radius(shape: &RectShape, shift: f32) -> [f32; 4] {
    let r = shape.corner_radius;
    [r.nw, r.ne, r.se, r.sw].map(|r| (f32::from(r) + shift).max(0.0))
}

fn polyline(points: &[Pos2], closed: bool) -> Vec<Segment> {
    let mut outline = Vec::with_capacity(points.len() + 1);
    for (i, &point) in points.iter().enumerate() {
        outline.push(if i == 0 {
            Segment::Move(point)
        } else {
            Segment::Line(point)
        });
    }
    if closed && !outline.is_empty() {
        outline.push(Segment::Close);
    }
    outline
}

/// How far a cubic curve's control points sit along the tangents to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

fn ellipse(center: Pos2, radius: Vec2) -> Vec<Segment> {
    let (rx, ry) = (radius.x, radius.y);
    let (kx, ky) = (rx * KAPPA, ry * KAPPA);
    let c = center;
    vec![
        Segment::Move(c + vec2(rx, 0.0)),
        Segment::Cubic(c + vec2(rx, ky), c + vec2(kx, ry), c + vec2(0.0, ry)),
        Segment::Cubic(c + vec2(-kx, ry), c + vec2(-rx, ky), c + vec2(-rx, 0.0)),
        Segment::Cubic(c + vec2(-rx, -ky), c + vec2(-kx, -ry), c + vec2(0.0, -ry)),
        Segment::Cubic(c + vec2(kx, -ry), c + vec2(rx, -ky), c + vec2(rx, 0.0)),
        Segment::Close,
    ]
}

/// A rectangle with corners rounded by `[nw, ne, se, sw]`, each at most half a side.
fn rounded_rect(rect: Rect, radii: [f32; 4]) -> Vec<Segment> {
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return Vec::new();
    }
    let most = rect.width().min(rect.height()) / 2.0;
    let [nw, ne, se, sw] = radii.map(|r| r.min(most));
    let (l, t, r, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    let k = 1.0 - KAPPA;
    vec![
        Segment::Move(pos2(l + nw, t)),
        Segment::Line(pos2(r - ne, t)),
        Segment::Cubic(pos2(r - ne * k, t), pos2(r, t + ne * k), pos2(r, t + ne)),
        Segment::Line(pos2(r, b - se)),
        Segment::Cubic(pos2(r, b - se * k), pos2(r - se * k, b), pos2(r - se, b)),
        Segment::Line(pos2(l + sw, b)),
        Segment::Cubic(pos2(l + sw * k, b), pos2(l, b - sw * k), pos2(l, b - sw)),
        Segment::Line(pos2(l, t + nw)),
        Segment::Cubic(pos2(l, t + nw * k), pos2(l + nw * k, t), pos2(l + nw, t)),
        Segment::Close,
    ]
}

/// A rectangle's outline.
pub fn rectangle(rect: Rect) -> Vec<Segment> {
    polyline(
        &[
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
        ],
        true,
    )
}
