//! The handout: the presentation (F5) as a PDF, a 16:9 page per slide (the opening, one
//! per stage, the review) drawn by presentation mode's own code, without its controls.

use std::path::Path;

use egui::{Vec2, vec2};

use super::{
    Embed, ExportError, ExportOptions, PictureFormat, SLIDE, refuse_replacing_other_files,
    vector_bytes, write_bytes,
};
use crate::model::Project;
use crate::theme::slide;

/// The screen a handout's slides are drawn for, in points: the one presentation mode's
/// sizes are designed for.
pub const HANDOUT_SCREEN: Vec2 = vec2(slide::DESIGN_HEIGHT * 16.0 / 9.0, slide::DESIGN_HEIGHT);

/// A handout made.
pub struct Handout {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// The slides with more than fits their page (named as messages name them): the rest
    /// is cut.
    pub cut: Vec<String>,
}

/// The handout of the journey at `journey`, carrying what `embed` asks for. Its pages
/// are as large as the pages of a PDF of slides.
pub fn handout_pdf(
    project: &Project,
    journey: usize,
    dark: bool,
    embed: Embed,
) -> Result<Handout, ExportError> {
    let zoom = SLIDE.x / HANDOUT_SCREEN.x;
    let pages = crate::app::handout_pages(project, journey, dark, HANDOUT_SCREEN, zoom)?;
    let options = ExportOptions {
        embed,
        dark,
        ..ExportOptions::default()
    };
    let cut = pages
        .iter()
        .filter(|p| p.cut)
        .map(|p| p.name.clone())
        .collect();
    let count = pages.len();
    let sketches: Vec<_> = pages.into_iter().map(|page| page.sketch).collect();
    Ok(Handout {
        bytes: vector_bytes(project, journey, options, &sketches, PictureFormat::Pdf)?,
        pages: count,
        cut,
    })
}

/// Writes the handout of the journey at `journey` to `path` (a name ending `.pdf`),
/// atomically.
pub fn export_handout(
    project: &Project,
    journey: usize,
    dark: bool,
    embed: Embed,
    path: &Path,
) -> Result<Handout, ExportError> {
    if PictureFormat::of_path(path) != Some(PictureFormat::Pdf) {
        return Err(ExportError::NotNamedPdf {
            path: path.to_owned(),
        });
    }
    refuse_replacing_other_files(path)?;
    let handout = handout_pdf(project, journey, dark, embed)?;
    write_bytes(&handout.bytes, path)?;
    Ok(handout)
}
