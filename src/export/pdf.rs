//! Sketches as a PDF, written by krilla: a page per sketch, the text in egui's bundled
//! fonts (embedded and subset by krilla, with the characters each glyph stands for, so a
//! reader can search and copy it), and the project attached as a file.
//!
//! krilla (the PDF writer of the Typst project) is maintained, safe Rust, subsets fonts
//! itself and writes embedded files; writing PDF syntax here instead would mean a font
//! subsetter and a ToUnicode writer of our own.

use std::collections::HashMap;

use egui::Color32;
use krilla::Document;
use krilla::color::rgb;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::ExportError;
use super::faces::Faces;
use super::vector::{GlyphRun, Mark, Segment, Sketch};
use crate::file::PROJECT_MIME;

/// PDF units (1/72 inch) per egui point (1/96 inch, a CSS pixel): a map is as large on
/// paper as on a screen at 100 %.
pub const UNITS_PER_POINT: f32 = 0.75;

/// The project a PDF carries: its file name and text.
pub struct Attachment<'a> {
    pub name: String,
    pub text: &'a str,
}

/// A PDF of `pages`, titled `title`, carrying `project` if given.
pub fn pdf_bytes(
    pages: &[Sketch],
    title: &str,
    project: Option<Attachment<'_>>,
) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator(format!("Journeymap {}", env!("CARGO_PKG_VERSION"))),
    );
    let mut fonts = Fonts::default();
    for sketch in pages {
        let units = UNITS_PER_POINT * sketch.zoom;
        let settings = PageSettings::from_wh(sketch.size.x * units, sketch.size.y * units)
            .ok_or_else(|| ExportError::Encode("a page has no size".to_owned()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_scale(units, units));
        draw(&mut surface, sketch, &mut fonts);
        surface.pop();
        surface.finish();
        page.finish();
    }
    if let Some(project) = project {
        let attached = document.embed_file(EmbeddedFile {
            path: project.name,
            mime_type: MimeType::new(PROJECT_MIME),
            description: Some(
                "The Journeymap project this PDF shows: open the PDF in Journeymap to edit it"
                    .to_owned(),
            ),
            association_kind: AssociationKind::Source,
            data: project.text.as_bytes().to_vec().into(),
            modification_date: None,
            compress: Some(true),
            location: None,
        });
        attached.ok_or_else(|| ExportError::Encode("the project is attached twice".to_owned()))?;
    }
    document
        .finish()
        .map_err(|e| ExportError::Encode(format!("cannot write the PDF: {e:?}")))
}

/// krilla's font for each bundled face, made once a document.
#[derive(Default)]
struct Fonts(HashMap<usize, Option<Font>>);

impl Fonts {
    fn get(&mut self, face: usize) -> Option<Font> {
        self.0
            .entry(face)
            .or_insert_with(|| {
                let face = Faces::bundled().faces.get(face)?;
                Font::new(face.data.clone().into(), face.index())
            })
            .clone()
    }
}

fn draw(surface: &mut Surface<'_>, sketch: &Sketch, fonts: &mut Fonts) {
    if let Some(background) = sketch.background {
        let whole = egui::Rect::from_min_size(egui::Pos2::ZERO, sketch.size);
        if let Some(path) = path(&super::vector::rectangle(whole)) {
            surface.set_fill(Some(fill(background)));
            surface.set_stroke(None);
            surface.draw_path(&path);
        }
    }
    let mut clipped = false;
    for mark in &sketch.marks {
        match mark {
            Mark::Clip(clip) => {
                if clipped {
                    surface.pop();
                    clipped = false;
                }
                if let Some(path) = clip.and_then(|c| path(&super::vector::rectangle(c))) {
                    surface.push_clip_path(&path, &FillRule::NonZero);
                    clipped = true;
                }
            }
            Mark::Fill { outline, color } => {
                if let Some(path) = path(outline) {
                    surface.set_fill(Some(fill(*color)));
                    surface.set_stroke(None);
                    surface.draw_path(&path);
                }
            }
            Mark::Stroke {
                outline,
                width,
                color,
            } => {
                if let Some(path) = path(outline) {
                    let (paint, opacity) = paint(*color);
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: paint.into(),
                        width: *width,
                        opacity,
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                }
            }
            Mark::Text(run) => {
                if let Some(font) = fonts.get(run.face) {
                    text(surface, run, font);
                }
            }
        }
    }
    if clipped {
        surface.pop();
    }
}

fn text(surface: &mut Surface<'_>, run: &GlyphRun, font: Font) {
    let Some(first) = run.glyphs.first() else {
        return;
    };
    let faces = Faces::bundled();
    // Each glyph advances to where the next one was laid out, so the PDF places every
    // glyph where egui did.
    let glyphs: Vec<KrillaGlyph> = run
        .glyphs
        .iter()
        .enumerate()
        .map(|(i, glyph)| {
            let advance = match run.glyphs.get(i + 1) {
                Some(next) => next.x - glyph.x,
                None => faces.faces[run.face].advance(glyph.glyph, run.size),
            };
            KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.glyph)),
                advance / run.size,
                0.0,
                0.0,
                0.0,
                glyph.chars.clone(),
                None,
            )
        })
        .collect();
    surface.set_fill(Some(fill(run.color)));
    surface.set_stroke(None);
    surface.draw_glyphs(
        Point::from_xy(first.x, run.y),
        &glyphs,
        font,
        &run.text,
        run.size,
        false,
    );
}

fn paint(color: Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let opacity = NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE);
    (rgb::Color::new(r, g, b), opacity)
}

fn fill(color: Color32) -> Fill {
    let (paint, opacity) = paint(color);
    Fill {
        paint: paint.into(),
        opacity,
        rule: FillRule::NonZero,
    }
}

fn path(outline: &[Segment]) -> Option<Path> {
    let mut builder = PathBuilder::new();
    for segment in outline {
        match *segment {
            Segment::Move(p) => builder.move_to(p.x, p.y),
            Segment::Line(p) => builder.line_to(p.x, p.y),
            Segment::Cubic(a, b, p) => builder.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y),
            Segment::Close => builder.close(),
        }
    }
    builder.finish()
}
