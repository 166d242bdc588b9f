//! A sketch as SVG. Glyphs are the bundled fonts' own outlines, each defined once (the
//! subset the picture uses) and placed where egui laid it out, so the picture looks the
//! same in every viewer whatever fonts it has; over them, each run's text is a `<text>`
//! element, transparent, so that the words can be found, selected and copied. The project
//! rides in `<metadata>`.

use std::collections::HashMap;
use std::fmt::Write;

use egui::{Color32, Rect};

use super::faces::Faces;
use super::vector::{GlyphRun, Mark, Segment, Sketch, rectangle};
use crate::file::PROJECT_NAMESPACE;

/// The SVG text of `sketch`, titled `title`, carrying `project` if given.
pub fn svg_text(sketch: &Sketch, title: &str, project: Option<&str>) -> String {
    let mut body = Body::default();
    if let Some(background) = sketch.background {
        let whole = Rect::from_min_size(egui::Pos2::ZERO, sketch.size);
        body.fill(&rectangle(whole), background);
    }
    let mut open_group = false;
    for mark in &sketch.marks {
        match mark {
            Mark::Clip(clip) => {
                if open_group {
                    body.out.push_str("</g>\n");
                    open_group = false;
                }
                if let Some(clip) = clip {
                    let id = body.clip(*clip);
                    let _ = writeln!(body.out, r#"<g clip-path="url(#c{id})">"#);
                    open_group = true;
                }
            }
            Mark::Fill { outline, color } => body.fill(outline, *color),
            Mark::Stroke {
                outline,
                width,
                color,
            } => body.stroke(outline, *width, *color),
            Mark::Text(run) => body.text(run),
        }
    }
    if open_group {
        body.out.push_str("</g>\n");
    }
    let (w, h) = (number(sketch.size.x), number(sketch.size.y));
    let (width, height) = (
        number(sketch.size.x * sketch.zoom),
        number(sketch.size.y * sketch.zoom),
    );
    let mut svg = String::with_capacity(body.out.len() + 64 * 1024);
    svg.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" height="{height}" viewBox="0 0 {w} {h}">"#
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    if let Some(project) = project {
        let _ = writeln!(
            svg,
            r#"<metadata><project xmlns="{PROJECT_NAMESPACE}"><![CDATA[{}]]></project></metadata>"#,
            cdata(project)
        );
    }
    svg.push_str("<defs>\n");
    let mut glyphs: Vec<_> = body.glyphs.iter().filter(|(_, o)| !o.is_empty()).collect();
    glyphs.sort_by_key(|(key, _)| **key);
    for ((face, glyph), outline) in glyphs {
        let _ = writeln!(svg, r#"<path id="g{face}-{glyph}" d="{outline}"/>"#);
    }
    let mut clips: Vec<_> = body.clips.iter().collect();
    clips.sort_by_key(|(_, id)| **id);
    for (rect, id) in clips {
        let [x, y, w, h] = rect.map(f32::from_bits);
        let _ = writeln!(
            svg,
            r#"<clipPath id="c{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            number(x),
            number(y),
            number(w),
            number(h)
        );
    }
    svg.push_str("</defs>\n");
    svg.push_str(&body.out);
    svg.push_str("</svg>\n");
    svg
}

/// The drawing, and what its `<defs>` must define.
#[derive(Default)]
struct Body {
    out: String,
    /// Glyphs drawn, by face and glyph id, with their outlines (empty for a space).
    glyphs: HashMap<(usize, u16), String>,
    /// Clip rectangles (x, y, width, height) and their ids.
    clips: HashMap<[u32; 4], usize>,
}

impl Body {
    fn clip(&mut self, rect: Rect) -> usize {
        let next = self.clips.len();
        *self
            .clips
            .entry([rect.min.x, rect.min.y, rect.width(), rect.height()].map(f32::to_bits))
            .or_insert(next)
    }

    fn fill(&mut self, outline: &[Segment], color: Color32) {
        let _ = writeln!(
            self.out,
            r#"<path d="{}"{}/>"#,
            path_data(outline),
            paint("fill", color)
        );
    }

    fn stroke(&mut self, outline: &[Segment], width: f32, color: Color32) {
        let _ = writeln!(
            self.out,
            r#"<path d="{}" fill="none" stroke-width="{}"{}/>"#,
            path_data(outline),
            number(width),
            paint("stroke", color)
        );
    }

    fn text(&mut self, run: &GlyphRun) {
        let Some(first) = run.glyphs.first() else {
            return;
        };
        let face = &Faces::bundled().faces[run.face];
        let scale = run.size / face.units_per_em();
        let _ = write!(
            self.out,
            r#"<g{} transform="translate({} {}) scale({} {})">"#,
            paint("fill", run.color),
            number(first.x),
            number(run.y),
            scale,
            -scale
        );
        for glyph in &run.glyphs {
            let outline = self
                .glyphs
                .entry((run.face, glyph.glyph))
                .or_insert_with(|| face.outline(glyph.glyph));
            if outline.is_empty() {
                continue;
            }
            let _ = write!(
                self.out,
                r##"<use xlink:href="#g{}-{}" x="{}"/>"##,
                run.face,
                glyph.glyph,
                number((glyph.x - first.x) / scale)
            );
        }
        self.out.push_str("</g>\n");
        // The words, where the glyphs are, for search and copy.
        let mut xs = String::new();
        // One position a character: the `…` of cut text stands for more than one, and
        // those after the first follow it.
        for glyph in run.glyphs.iter().filter(|g| !g.chars.is_empty()) {
            let _ = write!(xs, "{} ", number(glyph.x));
        }
        let _ = writeln!(
            self.out,
            r#"<text x="{}" y="{}" font-family="Ubuntu, sans-serif" font-size="{}" fill-opacity="0" xml:space="preserve">{}</text>"#,
            xs.trim_end(),
            number(run.y),
            number(run.size),
            escape(&run.text)
        );
    }
}

/// ` fill="#rrggbb"` (or stroke), with its opacity when not opaque.
fn paint(attribute: &str, color: Color32) -> String {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mut text = format!(r##" {attribute}="#{r:02x}{g:02x}{b:02x}""##);
    if a < 255 {
        let _ = write!(
            text,
            r#" {attribute}-opacity="{}""#,
            number(f32::from(a) / 255.0)
        );
    }
    text
}

fn path_data(outline: &[Segment]) -> String {
    let mut d = String::with_capacity(outline.len() * 16);
    for segment in outline {
        let _ = match *segment {
            Segment::Move(p) => write!(d, "M{} {}", number(p.x), number(p.y)),
            Segment::Line(p) => write!(d, "L{} {}", number(p.x), number(p.y)),
            Segment::Cubic(a, b, p) => write!(
                d,
                "C{} {} {} {} {} {}",
                number(a.x),
                number(a.y),
                number(b.x),
                number(b.y),
                number(p.x),
                number(p.y)
            ),
            Segment::Close => write!(d, "Z"),
        };
    }
    d
}

/// A coordinate to a hundredth of a point, without trailing zeros.
fn number(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text as XML character data or an attribute value. Characters XML cannot hold (most
/// control characters) are left out.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c if allowed_in_xml(c) => escaped.push(c),
            _ => {}
        }
    }
    escaped
}

/// Whether XML 1.0 may hold `c` at all, escaped or not.
pub fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Project text inside a CDATA section: `]]>` would end it, so it is split there. A
/// character XML cannot hold can only be in a RON string, where it is written as an
/// escape instead.
fn cdata(project: &str) -> String {
    let mut text = String::with_capacity(project.len());
    for c in project.chars() {
        if allowed_in_xml(c) {
            text.push(c);
        } else {
            let _ = write!(text, "\\u{{{:x}}}", u32::from(c));
        }
    }
    text.replace("]]>", "]]]]><![CDATA[>")
}
