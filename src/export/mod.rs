//! Headless export: a journey painted by [`paint_map`] (the canvas's own drawing) in an
//! offscreen egui context at `pixels_per_point` = scale, tessellated by epaint and
//! rasterised on the CPU. No window, no GPU: it runs in the CLI, in CI and on a server.

mod slides;

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use egui::{Pos2, Rect, vec2};

pub use slides::{
    LEAST_TITLE_PIXELS, SLIDE, Slide, export_slides, leftover_slide, plan_slides, render_slide,
    slide_path,
};

use crate::file::{
    Backup, FileError, canonical_path, encode_png, is_png, same_file, to_ron,
    write_atomically_with, write_png,
};
use crate::layout::{JourneyLayout, MapOptions, MapView};
use crate::model::{Filter, Journey, Project, VoiceSet, echo, named_ids, quantity, voices};
use crate::paint::{Highlight, paint_map};
use crate::raster::{Canvas, Textures};
use crate::theme::Theme;

/// No side of an exported picture may be longer than this many pixels.
pub const MAX_SIDE: u32 = 16_384;
/// No exported picture may have more pixels than this (millions): it is held in memory,
/// four bytes a pixel, while it is drawn and encoded.
pub const MAX_MEGAPIXELS: u64 = 64;

/// How many shapes are tessellated into meshes at a time while a picture is drawn.
const SHAPES_PER_BATCH: usize = 20_000;

/// Whether a picture of `width` x `height` pixels may be exported.
fn fits(width: u64, height: u64) -> bool {
    width <= u64::from(MAX_SIDE)
        && height <= u64::from(MAX_SIDE)
        && width * height <= MAX_MEGAPIXELS * 1_000_000
}

/// What an export looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// Pixels per point: 1 to 4 (2 for a crisp slide, 4 for a 4K projector).
    pub scale: u32,
    pub dark: bool,
    /// Leave the background out (alpha 0), for slides with their own.
    pub transparent: bool,
    /// Show each stage's empathy map in a band under the stage headers.
    pub empathy: bool,
    /// How much of the project the picture carries.
    pub embed: Embed,
    /// The stages to show; all of them when `None`. Not remembered from one run to the
    /// next: a range belongs to one journey.
    #[serde(skip)]
    pub stages: Option<StageRange>,
    /// 16:9 slide pictures, as many as keep the text legible, instead of one picture.
    pub slides: bool,
    /// Whose emotion curves are drawn: all committee members unless some are picked. Not
    /// remembered: it belongs to one journey.
    #[serde(skip)]
    pub curves: VoiceSet,
}

/// Stages `first` to `last` of a journey, counted from 1 as people count them, both
/// included. Written `2-4`, or `3` for one stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StageRange {
    pub first: usize,
    pub last: usize,
}

impl std::str::FromStr for StageRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let written_wrong = || {
            format!(
                "`{}`: write a stage range as FIRST-LAST, like 2-4, or one stage, like 3",
                echo(text.trim())
            )
        };
        let number = |part: &str| {
            if part.trim().is_empty() {
                return Err(written_wrong());
            }
            part.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| {
                    format!(
                        "`{}` is not a stage number (1 is the first stage)",
                        echo(part.trim())
                    )
                })
        };
        let (first, last) = match text.split_once(['-', '–']) {
            Some((first, last)) => (number(first)?, number(last)?),
            None => (number(text)?, number(text)?),
        };
        if first > last {
            return Err(format!(
                "stages {first}-{last} run backwards; write {last}-{first}"
            ));
        }
        Ok(Self { first, last })
    }
}

impl std::fmt::Display for StageRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 2,
            dark: false,
            transparent: false,
            empathy: false,
            embed: Embed::Map,
            stages: None,
            slides: false,
            curves: VoiceSet::default(),
        }
    }
}

/// "cfo (Martin Okafor), …": who sits on a committee, as messages list them.
fn known_members(project: &Project, voices: &[crate::model::Voice<'_>]) -> String {
    named_ids(voices.iter().filter_map(|v| {
        let persona = v.persona_in(project)?;
        Some((persona.id.as_str(), persona.name.as_str()))
    }))
}

/// The curves of the committee members `ids` (persona ids) of `journey`, for
/// `--personas`: each must sit on its committee.
pub fn curves_of(
    project: &Project,
    journey: &Journey,
    ids: &[String],
) -> Result<VoiceSet, ExportError> {
    let voices = voices(project, journey);
    // "cfo, procurement" as a person types it; nothing between two commas is no one.
    let ids: Vec<String> = ids
        .iter()
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty())
        .collect();
    if ids.is_empty() {
        return Err(ExportError::NoOneChosen {
            journey: journey.name.clone(),
            known: known_members(project, &voices),
        });
    }
    ids.iter().try_fold(VoiceSet::NONE, |set, id| {
        match voices.iter().position(|v| v.persona == Some(id.as_str())) {
            Some(v) => Ok(set.with(v)),
            None => Err(ExportError::NotOnCommittee {
                id: id.clone(),
                journey: journey.name.clone(),
                known: known_members(project, &voices),
            }),
        }
    })
}

/// How much of the project an exported picture carries, so that whoever has it can open
/// it in Journeymap: pictures go into decks for partners and customers, so by default not
/// the team's comments.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum Embed {
    /// The whole project, as Save writes it.
    Full,
    /// The journey shown, with the departments and its persona, without comments.
    #[default]
    Map,
    /// Nothing: a plain picture.
    None,
}

/// The project text a picture of journey `journey` carries, if any.
pub fn embedded_text(
    project: &Project,
    journey: usize,
    embed: Embed,
) -> Result<Option<String>, ExportError> {
    let text = |project: &Project| to_ron(project).map_err(|e| ExportError::Encode(e.to_string()));
    match embed {
        Embed::Full => text(project).map(Some),
        Embed::Map => text(&map_only(project, journey)).map(Some),
        Embed::None => Ok(None),
    }
}

/// The project a picture carries by default: the journey shown (its comments left out),
/// its personas (the buying committee) and the departments.
fn map_only(project: &Project, journey: usize) -> Project {
    let journeys: Vec<_> = project
        .journeys
        .get(journey)
        .cloned()
        .map(|mut journey| {
            for card in &mut journey.cards {
                card.comments.clear();
            }
            journey
        })
        .into_iter()
        .collect();
    let shown: HashSet<&str> = journeys
        .first()
        .map(|j| {
            let committee = j.committee.iter().map(|m| m.persona.as_str());
            j.persona.as_deref().into_iter().chain(committee).collect()
        })
        .unwrap_or_default();
    Project {
        format: project.format,
        title: project.title.clone(),
        notes: String::new(),
        departments: project.departments.clone(),
        personas: project
            .personas
            .iter()
            .filter(|p| shown.contains(p.id.as_str()))
            .cloned()
            .collect(),
        journeys,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the project has no journey with the id `{id}`; its journeys are: {known}")]
    NoJourney { id: String, known: String },
    #[error("the project has no journey to export")]
    Empty,
    #[error(
        "no one with the persona id `{id}` sits on the buying committee of “{journey}”; it has: {known}",
        id = echo(id),
        journey = echo(journey)
    )]
    NotOnCommittee {
        id: String,
        journey: String,
        known: String,
    },
    #[error(
        "name the committee members whose curves to draw, by persona id, separated by commas; the buying committee of “{journey}” is: {known}",
        journey = echo(journey)
    )]
    NoOneChosen { journey: String, known: String },
    #[error(
        "the journey “{journey}” has {count}: there is no stage {last}",
        count = quantity(*count, "stage", "stages"),
        last = range.last
    )]
    NoStages {
        range: StageRange,
        journey: String,
        count: usize,
    },
    #[error("scale {0} is not one of 1, 2, 3 or 4")]
    Scale(u32),
    /// Where the error is shown says what to do: the CLI names `--scale`, the app its
    /// export dialog.
    #[error(
        "at scale {scale} the picture would be {width} x {height} pixels, larger than a picture may be ({MAX_SIDE} pixels a side, {MAX_MEGAPIXELS} million pixels in all)"
    )]
    TooLarge {
        scale: u32,
        width: u64,
        height: u64,
        /// The largest scale at which it fits, if any does.
        fits: Option<u32>,
    },
    #[error(
        "{}: that is the file the project comes from; writing the picture there would replace it. Choose another name",
        path.display()
    )]
    OutputIsInput { path: PathBuf },
    #[error(
        "{}: not replaced: the file there is not a PNG picture, and an export only replaces a picture. Choose another name",
        path.display()
    )]
    NotAPicture { path: PathBuf },
    #[error(
        "{}: that is a folder; name the pictures inside it, like {}",
        path.display(),
        path.join("deck.png").display()
    )]
    Folder { path: PathBuf },
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    #[error(transparent)]
    File(#[from] FileError),
}

/// A rendered picture: straight-alpha RGBA rows.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// The index of the journey with `id` (or, failing that, that name, in any case), or of
/// the first journey.
pub fn journey_index(project: &Project, id: Option<&str>) -> Result<usize, ExportError> {
    match id {
        Some(id) => project
            .journeys
            .iter()
            .position(|j| j.id == id)
            .or_else(|| {
                project
                    .journeys
                    .iter()
                    .position(|j| j.name.trim().to_lowercase() == id.trim().to_lowercase())
            })
            .ok_or_else(|| ExportError::NoJourney {
                id: echo(id),
                known: named_ids(
                    project
                        .journeys
                        .iter()
                        .map(|j| (j.id.as_str(), j.name.as_str())),
                ),
            }),
        None if project.journeys.is_empty() => Err(ExportError::Empty),
        None => Ok(0),
    }
}

/// Renders the journey at `journey` (title, persona, headers, lanes, cards, emotion curve,
/// margins) as one picture: the whole map, or the stages `options.stages` asks for. With
/// a `filter`, "as filtered": the cards it leaves out are dimmed and the title says what
/// was filtered.
pub fn render(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
) -> Result<Picture, ExportError> {
    check_scale(options.scale)?;
    let whole = project.journeys.get(journey).ok_or(ExportError::Empty)?;
    let stages = stage_indices(whole, options.stages)?;
    let map = MapOptions {
        empathy: options.empathy,
        slide: false,
    };
    let part = Part::new(project, whole, stages, map);
    let points = vec2(part.layout.size.x.ceil(), part.layout.size.y.ceil());
    let at_scale = |s: u32| {
        (
            points.x as u64 * u64::from(s),
            points.y as u64 * u64::from(s),
        )
    };
    let (wide, high) = at_scale(options.scale);
    if !fits(wide, high) {
        let fits = (1..options.scale).rev().find(|&s| {
            let (w, h) = at_scale(s);
            fits(w, h)
        });
        return Err(ExportError::TooLarge {
            scale: options.scale,
            width: wide,
            height: high,
            fits,
        });
    }
    let frame = Frame {
        // Within the limits, both sides fit in a u32.
        width: wide as u32,
        height: high as u32,
        pixels_per_point: options.scale as f32,
        origin: Pos2::ZERO,
    };
    Ok(draw(project, &part, options, filter, frame))
}

/// Scales 1 to 4 are offered; anything else is refused before anything is drawn.
fn check_scale(scale: u32) -> Result<(), ExportError> {
    if (1..=4).contains(&scale) {
        Ok(())
    } else {
        Err(ExportError::Scale(scale))
    }
}

/// The stage indices `range` asks for in `journey`: all of them without a range.
fn stage_indices(
    journey: &Journey,
    range: Option<StageRange>,
) -> Result<Range<usize>, ExportError> {
    let count = journey.stages.len();
    match range {
        None => Ok(0..count),
        Some(range) if range.last <= count => Ok(range.first - 1..range.last),
        Some(range) => Err(ExportError::NoStages {
            range,
            journey: echo(&journey.name),
            count,
        }),
    }
}

/// The journey's stages `stages` with their cards, for a picture of part of the map. The
/// whole journey (borrowed) when that is all of it.
fn journey_part(journey: &Journey, stages: Range<usize>) -> Cow<'_, Journey> {
    if stages == (0..journey.stages.len()) {
        return Cow::Borrowed(journey);
    }
    let kept = &journey.stages[stages];
    let ids: HashSet<&str> = kept.iter().map(|s| s.id.as_str()).collect();
    Cow::Owned(Journey {
        stages: kept.to_vec(),
        cards: journey
            .cards
            .iter()
            .filter(|c| ids.contains(c.stage.as_str()))
            .cloned()
            .collect(),
        id: journey.id.clone(),
        name: journey.name.clone(),
        persona: journey.persona.clone(),
        committee: journey.committee.clone(),
        scenario: journey.scenario.clone(),
        expectations: journey.expectations.clone(),
        lanes: journey.lanes.clone(),
    })
}

/// Some stages of a journey, laid out, with the caption that says which they are.
struct Part<'a> {
    journey: Cow<'a, Journey>,
    layout: JourneyLayout,
    caption: Option<String>,
}

impl<'a> Part<'a> {
    fn new(project: &Project, whole: &'a Journey, stages: Range<usize>, map: MapOptions) -> Self {
        let journey = journey_part(whole, stages.clone());
        let layout = JourneyLayout::of(project, &journey, map);
        Self {
            caption: range_caption(whole, &stages),
            journey,
            layout,
        }
    }
}

/// "Stages 2–4 of 7" beside the journey's name when a picture shows part of it.
fn range_caption(journey: &Journey, stages: &Range<usize>) -> Option<String> {
    let count = journey.stages.len();
    if stages.len() == count {
        return None;
    }
    let numbers = stage_numbers(stages);
    let mut letters = numbers.chars();
    let capital: String = letters
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(letters)
        .collect();
    Some(format!("{capital} of {count}"))
}

/// "stage 3" or "stages 2–4": stage indices `stages` as people count them.
pub fn stage_numbers(stages: &Range<usize>) -> String {
    if stages.len() == 1 {
        format!("stage {}", stages.start + 1)
    } else {
        format!("stages {}–{}", stages.start + 1, stages.end)
    }
}

/// Where a laid-out map lands in a picture.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// The picture's size in pixels.
    width: u32,
    height: u32,
    pixels_per_point: f32,
    /// Where the map's top-left corner lands, in points.
    origin: Pos2,
}

/// Paints `part` of a journey into a picture framed by `frame`.
fn draw(
    project: &Project,
    part: &Part<'_>,
    options: ExportOptions,
    filter: Option<&Filter>,
    frame: Frame,
) -> Picture {
    let (journey, layout, range) = (&*part.journey, &part.layout, part.caption.as_deref());
    let theme = if options.transparent {
        Theme::transparent(options.dark)
    } else {
        Theme::for_dark_mode(options.dark)
    };
    let background = theme.canvas;
    let ctx = egui::Context::default();
    let points = vec2(frame.width as f32, frame.height as f32) / frame.pixels_per_point;
    let mut input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, points)),
        ..Default::default()
    };
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(frame.pixels_per_point);
    let view = MapView {
        origin: frame.origin,
        zoom: 1.0,
        sticky: false,
    };
    let matches = filter.map(|f| f.matches_in(journey));
    let filtered = filter
        .zip(matches.as_deref())
        .map(|(f, m)| f.caption(project, m));
    let caption = match (range, filtered) {
        (Some(range), Some(filtered)) => Some(format!("{range} · {filtered}")),
        (range, filtered) => filtered.or(range.map(str::to_owned)),
    };
    let highlight = Highlight {
        matches: matches.as_deref(),
        caption: caption.as_deref(),
        for_audience: true,
        curves: options.curves,
        ..Highlight::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        paint_map(
            ui.painter(),
            project,
            journey,
            layout,
            &view,
            &theme,
            &highlight,
        );
    });
    let mut textures = Textures::default();
    textures.apply(
        output
            .textures_delta
            .set
            .iter()
            .flat_map(|(id, deltas)| deltas.iter().map(move |delta| (id, delta))),
    );
    output.textures_delta.clear();
    // Tessellated and drawn a batch of shapes at a time, in order: a map of thousands of
    // dashed card outlines makes meshes of hundreds of megabytes if tessellated at once.
    let mut canvas = Canvas::new(frame.width as usize, frame.height as usize, background);
    let mut shapes = output.shapes.into_iter();
    loop {
        let batch: Vec<_> = shapes.by_ref().take(SHAPES_PER_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let primitives = ctx.tessellate(batch, output.pixels_per_point);
        canvas.draw(&primitives, &textures, output.pixels_per_point);
    }
    Picture {
        width: frame.width,
        height: frame.height,
        rgba: canvas.into_straight_rgba(),
    }
}

/// The PNG of a journey, carrying the whole project as Save writes it.
pub fn export_png_bytes(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
) -> Result<Vec<u8>, ExportError> {
    let picture = render(project, journey, options, filter)?;
    let text = embedded_text(project, journey, options.embed)?;
    encode_png(
        &picture.rgba,
        picture.width,
        picture.height,
        text.as_deref(),
    )
    .map_err(|e| ExportError::Encode(e.to_string()))
}

/// Exports a journey to a PNG file, written atomically.
pub fn export_png(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
    path: &Path,
) -> Result<(), ExportError> {
    refuse_replacing_other_files(path)?;
    let picture = render(project, journey, options, filter)?;
    let text = embedded_text(project, journey, options.embed)?;
    write_picture(&picture, text.as_deref(), path)
}

/// Writes `picture` to `path` atomically as a PNG carrying `project`, if given. It is
/// encoded straight into the file: the picture is not held a second time, compressed.
fn write_picture(picture: &Picture, project: Option<&str>, path: &Path) -> Result<(), ExportError> {
    write_atomically_with(path, Backup::Skip, |out| {
        write_png(out, &picture.rgba, picture.width, picture.height, project).map_err(|e| match e {
            png::EncodingError::IoError(io) => io,
            other => std::io::Error::other(other.to_string()),
        })
    })?;
    Ok(())
}

/// An export replaces a picture, never another kind of file (a project, say): an
/// existing file at `path` that is not empty and not a PNG is refused.
fn refuse_replacing_other_files(path: &Path) -> Result<(), ExportError> {
    let canonical = canonical_path(path);
    let other_file = std::fs::metadata(&canonical)
        .is_ok_and(|meta| meta.is_file() && meta.len() > 0 && !is_png(&canonical));
    if other_file {
        return Err(ExportError::NotAPicture {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Refuses to write a picture over the file the project was read from.
pub fn check_output(output: &Path, input: &Path) -> Result<(), ExportError> {
    if same_file(output, input) {
        return Err(ExportError::OutputIsInput {
            path: output.to_owned(),
        });
    }
    Ok(())
}
