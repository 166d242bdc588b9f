//! Slide-shaped pictures: a journey cut at stage boundaries into 16:9 pictures, each as
//! many stages as keep card titles legible on a 1920 x 1080 slide, with the journey's
//! name, its stages' headers, their part of the emotion curve and the legend.

use std::ops::Range;
use std::path::{Path, PathBuf};

use egui::{Vec2, pos2, vec2};

use super::{
    ExportError, ExportOptions, Frame, Part, Picture, PictureFormat, Sketch, check_output,
    check_scale, draw, embedded_text, refuse_replacing_other_files, sketch_part, stage_indices,
    vector_bytes, write_bytes, write_picture,
};
use crate::layout::MapOptions;
use crate::model::{Filter, Journey, Project};
use crate::theme::size;

/// A slide at scale 1, in pixels: 16:9, as presentation software lays slides out.
pub const SLIDE: Vec2 = vec2(1920.0, 1080.0);
/// The least height, in pixels of a 1920 x 1080 slide, of a card title's text: what
/// still reads from the back of a meeting room.
pub const LEAST_TITLE_PIXELS: f32 = 18.0;
/// Maps of a stage or two are drawn at most this much larger than at 100 %: bigger still
/// reads as a poster, not a map.
const LARGEST_ZOOM: f32 = 2.0;

/// One slide: the stages it shows and how much larger than at 100 % they are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub stages: Range<usize>,
    /// Slide pixels (at scale 1) per map point.
    pub zoom: f32,
}

impl Slide {
    /// How tall, in pixels of a 1920 x 1080 slide, a card title's text is.
    pub fn title_pixels(&self) -> f32 {
        size::TEXT_CARD_TITLE * self.zoom
    }
}

/// The least zoom at which card titles are [`LEAST_TITLE_PIXELS`] tall.
fn least_zoom() -> f32 {
    LEAST_TITLE_PIXELS / size::TEXT_CARD_TITLE
}

/// The stages `stages` of `journey` laid out for a slide.
fn slide_part<'a>(
    project: &Project,
    journey: &'a Journey,
    stages: Range<usize>,
    empathy: bool,
) -> Part<'a> {
    let map = MapOptions {
        empathy,
        slide: true,
    };
    Part::new(project, journey, stages, map)
}

/// The largest zoom at which a map of `size` points fits a slide.
fn zoom_to_fit(size: Vec2) -> f32 {
    (SLIDE.x / size.x).min(SLIDE.y / size.y).min(LARGEST_ZOOM)
}

/// The slides the stages `options.stages` (all, without a range) of the journey at
/// `journey` take: as few as keep card titles [`LEAST_TITLE_PIXELS`] tall, their stages
/// shared out evenly where that fits too. A stage too tall for that on its own gets a
/// slide of its own at the zoom that fits ([`Slide::title_pixels`] says how small its
/// text then is).
pub fn plan_slides(
    project: &Project,
    journey: usize,
    options: ExportOptions,
) -> Result<Vec<Slide>, ExportError> {
    let journey = project.journeys.get(journey).ok_or(ExportError::Empty)?;
    let all = stage_indices(journey, options.stages)?;
    let zoom = |stages: Range<usize>| {
        let part = slide_part(project, journey, stages, options.empathy);
        zoom_to_fit(part.layout.size)
    };
    if all.is_empty() {
        return Ok(vec![Slide {
            zoom: zoom(all.clone()),
            stages: all,
        }]);
    }
    let legible = |stages: Range<usize>| zoom(stages) >= least_zoom();
    // Greedy: each slide takes stages while they stay legible.
    let mut greedy = Vec::new();
    let mut start = all.start;
    while start < all.end {
        let mut end = start + 1;
        while end < all.end && legible(start..end + 1) {
            end += 1;
        }
        greedy.push(start..end);
        start = end;
    }
    // The same number of slides with the stages shared out evenly reads better (4 + 3
    // rather than 6 + 1), when every one of them stays legible.
    let count = greedy.len();
    let even: Vec<Range<usize>> = (0..count)
        .map(|i| {
            // The slides with a stage fewer come last.
            let at = |i: usize| all.start + (i * all.len()).div_ceil(count);
            at(i)..at(i + 1)
        })
        .collect();
    let ranges = if count > 1 && even.iter().all(|r| legible(r.clone())) {
        even
    } else {
        greedy
    };
    Ok(ranges
        .into_iter()
        .map(|stages| Slide {
            zoom: zoom(stages.clone()),
            stages,
        })
        .collect())
}

/// Renders one slide of the journey at `journey`: 1920 x 1080 pixels times the scale, the
/// map centred on it.
pub fn render_slide(
    project: &Project,
    journey: usize,
    slide: &Slide,
    options: ExportOptions,
    filter: Option<&Filter>,
) -> Result<Picture, ExportError> {
    let (part, frame) = slide_frame(project, journey, slide, options)?;
    Ok(draw(project, &part, options, filter, frame))
}

/// One slide of the journey at `journey` as vector marks: a 1920 x 1080 page (in points)
/// with the map centred on it, as [`render_slide`] draws it.
pub fn sketch_slide(
    project: &Project,
    journey: usize,
    slide: &Slide,
    options: ExportOptions,
    filter: Option<&Filter>,
) -> Result<Sketch, ExportError> {
    let (part, frame) = slide_frame(project, journey, slide, options)?;
    Ok(sketch_part(
        project, &part, options, filter, frame, slide.zoom,
    ))
}

/// The stages of `slide`, laid out, and where they land on the slide.
fn slide_frame<'a>(
    project: &'a Project,
    journey: usize,
    slide: &Slide,
    options: ExportOptions,
) -> Result<(Part<'a>, Frame), ExportError> {
    check_scale(options.scale)?;
    let whole = project.journeys.get(journey).ok_or(ExportError::Empty)?;
    let part = slide_part(project, whole, slide.stages.clone(), options.empathy);
    let scale = options.scale as f32;
    let points = SLIDE / slide.zoom;
    let origin = pos2(
        ((points.x - part.layout.size.x) / 2.0).max(0.0),
        ((points.y - part.layout.size.y) / 2.0).max(0.0),
    );
    let frame = Frame {
        width: (SLIDE.x * scale) as u32,
        height: (SLIDE.y * scale) as u32,
        pixels_per_point: slide.zoom * scale,
        origin,
    };
    Ok((part, frame))
}

/// A slide an earlier export to `path` left beyond the `count` just written, if any: the
/// deck it belongs to now has fewer slides.
pub fn leftover_slide(path: &Path, count: usize) -> Option<PathBuf> {
    Some(slide_path(path, count + 1)).filter(|next| next.exists())
}

/// Where slide `number` (from 1) of an export to `path` goes: `OUT-1.png`, `OUT-2.png`…
pub fn slide_path(path: &Path, number: usize) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let extension = path
        .extension()
        .map_or_else(|| "png".to_owned(), |e| e.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-{number}.{extension}"))
}

/// Exports the journey as slides `OUT-1.png`, `OUT-2.png`… (or `.svg`, as `path` is
/// named) beside `path`, each written atomically and carrying what `options.embed` asks
/// for. Before any is written, each name
/// is checked: none may be one of `sources` (the files the project came from) or a file
/// other than a picture. Returns the slides with the files they went to.
pub fn export_slides(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
    path: &Path,
    sources: &[&Path],
) -> Result<Vec<(Slide, PathBuf)>, ExportError> {
    let slides = plan_slides(project, journey, options)?;
    if path.is_dir() {
        return Err(ExportError::Folder {
            path: path.to_owned(),
        });
    }
    let paths: Vec<PathBuf> = (1..=slides.len()).map(|n| slide_path(path, n)).collect();
    for path in &paths {
        for source in sources {
            check_output(path, source)?;
        }
        refuse_replacing_other_files(path)?;
    }
    let text = embedded_text(project, journey, options.embed)?;
    let format = options.format;
    for (slide, path) in slides.iter().zip(&paths) {
        if format == PictureFormat::Png {
            let picture = render_slide(project, journey, slide, options, filter)?;
            write_picture(&picture, text.as_deref(), path)?;
        } else {
            let page = sketch_slide(project, journey, slide, options, filter)?;
            let bytes = vector_bytes(project, journey, options, &[page], format)?;
            write_bytes(&bytes, path)?;
        }
    }
    Ok(slides.into_iter().zip(paths).collect())
}
