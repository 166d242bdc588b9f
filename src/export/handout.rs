//! The handout: the presentation (F5) as a PDF, a 16:9 page per slide (the opening, one
//! per stage, the review) drawn by presentation mode's own code, without its controls.

use std::path::Path;

use egui::{Vec2, vec2};

use super::{
    Embed, ExportError, ExportOptions, PictureFormat, refuse_replacing_other_files, vector_bytes,
    write_bytes,
};
use crate::model::Project;
use crate::theme::slide;

/// A handout page, in points: the screen presentation mode's sizes are designed for.
pub const HANDOUT_PAGE: Vec2 = vec2(slide::DESIGN_HEIGHT * 16.0 / 9.0, slide::DESIGN_HEIGHT);

/// The handout of the journey at `journey` as PDF bytes, carrying what `embed` asks for.
pub fn handout_pdf(
    project: &Project,
    journey: usize,
    dark: bool,
    embed: Embed,
) -> Result<Vec<u8>, ExportError> {
    let pages = crate::app::handout_pages(project, journey, dark, HANDOUT_PAGE)?;
    let options = ExportOptions {
        embed,
        dark,
        ..ExportOptions::default()
    };
    vector_bytes(project, journey, options, &pages, PictureFormat::Pdf)
}

/// Writes the handout of the journey at `journey` to `path`, atomically; returns how many
/// pages it has.
pub fn export_handout(
    project: &Project,
    journey: usize,
    dark: bool,
    embed: Embed,
    path: &Path,
) -> Result<usize, ExportError> {
    refuse_replacing_other_files(path)?;
    let stages = project.journeys.get(journey).map_or(0, |j| j.stages.len());
    let bytes = handout_pdf(project, journey, dark, embed)?;
    write_bytes(&bytes, path)?;
    Ok(stages + 2)
}
