//! Headless export: a journey painted by [`paint_map`] (the canvas's own drawing) in an
//! offscreen egui context at `pixels_per_point` = scale, then either tessellated by epaint
//! and rasterised on the CPU (PNG) or walked shape by shape into vector marks (SVG, PDF).
//! No window, no GPU: it runs in the CLI, in CI and on a server.

mod faces;
mod handout;
mod pdf;
mod slides;
mod svg;
mod vector;

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use egui::{Pos2, Rect, vec2};

pub use handout::{Handout, export_handout, handout_pdf};
pub use slides::{
    LEAST_TITLE_PIXELS, SLIDE, Slide, export_slides, leftover_slide, plan_slides, render_slide,
    slide_path,
};
pub use vector::Sketch;

use crate::file::{
    Backup, FileError, canonical_path, encode_png, is_picture, same_file, to_ron,
    write_atomically_with, write_png,
};
use crate::layout::{JourneyLayout, MapOptions, MapView};
use crate::model::{Filter, Journey, Project, VoiceSet, echo, named_ids, quantity, slug, voices};
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

/// What kind of picture an export writes.
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
pub enum PictureFormat {
    #[default]
    Png,
    /// Vectors for the web and for editing: sharp at any size, its text searchable.
    Svg,
    /// Vectors for print and for sending: one page, or a page per slide with `slides`.
    Pdf,
}

impl PictureFormat {
    pub const ALL: [PictureFormat; 3] = [Self::Png, Self::Svg, Self::Pdf];

    /// The format a file name's extension names, if it names one.
    pub fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Pdf => "pdf",
        }
    }

    /// "PNG", as messages and menus name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Png => "PNG",
            Self::Svg => "SVG",
            Self::Pdf => "PDF",
        }
    }
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
    /// PNG, SVG or PDF.
    pub format: PictureFormat,
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
            format: PictureFormat::Png,
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
    #[error(
        "the map is {width} x {height} pixels at 100 % zoom, larger than a page of an SVG or PDF may be ({MAX_SIDE} a side, {MAX_MEGAPIXELS} million in all)"
    )]
    PageTooLarge {
        width: u64,
        height: u64,
        /// The most stages, from the first asked for, that fit a page, if any do.
        fits: Option<StageRange>,
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
        "{}: not replaced: the file there is not a picture (PNG, SVG or PDF), and an export only replaces a picture. Choose another name",
        path.display()
    )]
    NotAPicture { path: PathBuf },
    #[error(
        "{}: that is a folder; name the pictures inside it, like {}",
        path.display(),
        path.join("deck.png").display()
    )]
    Folder { path: PathBuf },
    #[error(
        "{}: a handout is a PDF; name it so, like {}",
        path.display(),
        path.with_extension("pdf").display()
    )]
    NotNamedPdf { path: PathBuf },
    #[error("cannot write the picture: {0}")]
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
    let part = map_part(project, journey, options)?;
    let (width, height) = part.points();
    let at_scale = |s: u32| (width * u64::from(s), height * u64::from(s));
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

/// The journey at `journey` as vector marks on one page, as [`render`] draws it: a page
/// of the map's size in points, laid out as at `options.scale`. A map larger than a
/// picture at scale 1 may be is refused.
pub fn sketch_map(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
) -> Result<Sketch, ExportError> {
    let part = map_part(project, journey, options)?;
    let (width, height) = part.points();
    if !fits(width, height) {
        return Err(ExportError::PageTooLarge {
            width,
            height,
            fits: stages_that_fit(project, journey, options),
        });
    }
    let frame = Frame {
        width: (width * u64::from(options.scale)) as u32,
        height: (height * u64::from(options.scale)) as u32,
        pixels_per_point: options.scale as f32,
        origin: Pos2::ZERO,
    };
    Ok(sketch_part(project, &part, options, filter, frame, 1.0))
}

/// The longest run of stages from the first `options` asks for whose map fits a page,
/// if one does: a map only grows with its stages, so it is found by halving.
fn stages_that_fit(
    project: &Project,
    journey: usize,
    options: ExportOptions,
) -> Option<StageRange> {
    let count = project.journeys.get(journey)?.stages.len();
    let first = options.stages.map_or(1, |r| r.first);
    let fits_up_to = |last: usize| {
        let stages = Some(StageRange { first, last });
        map_part(project, journey, ExportOptions { stages, ..options }).is_ok_and(|part| {
            let (width, height) = part.points();
            fits(width, height)
        })
    };
    let (mut fitting, mut too_many) = (
        first.checked_sub(1)?,
        options.stages.map_or(count, |r| r.last),
    );
    while too_many - fitting > 1 {
        let middle = (fitting + too_many) / 2;
        if fits_up_to(middle) {
            fitting = middle;
        } else {
            too_many = middle;
        }
    }
    (fitting >= first).then_some(StageRange {
        first,
        last: fitting,
    })
}

/// The stages `options` asks for of the journey at `journey`, laid out as a map.
fn map_part(
    project: &Project,
    journey: usize,
    options: ExportOptions,
) -> Result<Part<'_>, ExportError> {
    check_scale(options.scale)?;
    let whole = project.journeys.get(journey).ok_or(ExportError::Empty)?;
    let stages = stage_indices(whole, options.stages)?;
    let map = MapOptions {
        empathy: options.empathy,
        slide: false,
    };
    Ok(Part::new(project, whole, stages, map))
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

impl Part<'_> {
    /// The map's size in whole points (a picture's pixels at scale 1).
    fn points(&self) -> (u64, u64) {
        (
            self.layout.size.x.ceil() as u64,
            self.layout.size.y.ceil() as u64,
        )
    }
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

/// The theme a picture is drawn in.
fn picture_theme(options: ExportOptions) -> Theme {
    if options.transparent {
        Theme::transparent(options.dark)
    } else {
        Theme::for_dark_mode(options.dark)
    }
}

/// How a picture is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Drawing {
    Pixels,
    Vectors,
}

/// What `paint` draws in an offscreen context of `points` at `pixels_per_point`, in the
/// light or `dark` egui theme, for `drawing`: the context (which tessellates) and its
/// output.
fn paint_offscreen(
    points: egui::Vec2,
    pixels_per_point: f32,
    dark: bool,
    drawing: Drawing,
    mut paint: impl FnMut(&mut egui::Ui),
) -> (egui::Context, egui::FullOutput) {
    let ctx = egui::Context::default();
    if drawing == Drawing::Vectors {
        crate::paint::paint_for_vectors(&ctx);
    }
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    let mut input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, points)),
        ..Default::default()
    };
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(pixels_per_point);
    // egui runs a second pass itself when widgets ask for one to size themselves; text
    // that shrinks to fit its place (a slide's) settles over a few more frames.
    let mut output = ctx.run_ui(input.clone(), &mut paint);
    for _ in 1..MOST_FRAMES {
        let again = output
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|viewport| viewport.repaint_delay.is_zero());
        if !again {
            break;
        }
        let next = ctx.run_ui(input.clone(), &mut paint);
        output = merge_textures(output, next);
    }
    (ctx, output)
}

/// The most frames an offscreen picture is given to settle.
const MOST_FRAMES: usize = 16;

/// The `later` frame's output, with the texture changes of both frames in order.
fn merge_textures(mut earlier: egui::FullOutput, mut later: egui::FullOutput) -> egui::FullOutput {
    for (id, deltas) in later.textures_delta.set.drain() {
        earlier
            .textures_delta
            .set
            .entry(id)
            .or_default()
            .extend(deltas);
    }
    later.textures_delta.set = std::mem::take(&mut earlier.textures_delta.set);
    earlier.textures_delta.clear();
    later
}

/// Paints `part` of a journey in an offscreen context framed by `frame`.
fn paint_part(
    project: &Project,
    part: &Part<'_>,
    options: ExportOptions,
    filter: Option<&Filter>,
    frame: Frame,
    drawing: Drawing,
) -> (egui::Context, egui::FullOutput) {
    let (journey, layout, range) = (&*part.journey, &part.layout, part.caption.as_deref());
    let theme = picture_theme(options);
    let points = vec2(frame.width as f32, frame.height as f32) / frame.pixels_per_point;
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
    paint_offscreen(
        points,
        frame.pixels_per_point,
        options.dark,
        drawing,
        |ui| {
            paint_map(
                ui.painter(),
                project,
                journey,
                layout,
                &view,
                &theme,
                &highlight,
            );
        },
    )
}

/// How finely the handout's slides are laid out (text positions are rounded to these
/// pixels), as on a 1600 x 900 screen at 200 %.
const HANDOUT_PIXELS_PER_POINT: f32 = 2.0;

/// What `paint` draws on a page of `points`, over `background`, as vector marks shown
/// `zoom` times larger; with the context it was drawn in, which remembers what `paint`
/// noted there.
pub fn sketch_offscreen(
    points: egui::Vec2,
    dark: bool,
    background: egui::Color32,
    zoom: f32,
    paint: impl FnMut(&mut egui::Ui),
) -> (Sketch, egui::Context) {
    let (ctx, mut output) = paint_offscreen(
        points,
        HANDOUT_PIXELS_PER_POINT,
        dark,
        Drawing::Vectors,
        paint,
    );
    output.textures_delta.clear();
    let background = Some(background).filter(|c| c.a() > 0);
    (
        vector::sketch(&output.shapes, points, background, zoom),
        ctx,
    )
}

/// `part` of a journey as vector marks on a page framed by `frame`, drawn `zoom` times
/// larger on the page than the map's points.
fn sketch_part(
    project: &Project,
    part: &Part<'_>,
    options: ExportOptions,
    filter: Option<&Filter>,
    frame: Frame,
    zoom: f32,
) -> Sketch {
    let (_, mut output) = paint_part(project, part, options, filter, frame, Drawing::Vectors);
    // Glyphs are drawn from the fonts, not from egui's texture of them.
    output.textures_delta.clear();
    let points = vec2(frame.width as f32, frame.height as f32) / frame.pixels_per_point;
    let canvas = picture_theme(options).canvas;
    let background = Some(canvas).filter(|c| c.a() > 0);
    vector::sketch(&output.shapes, points, background, zoom)
}

/// Paints `part` of a journey into a picture framed by `frame`.
fn draw(
    project: &Project,
    part: &Part<'_>,
    options: ExportOptions,
    filter: Option<&Filter>,
    frame: Frame,
) -> Picture {
    let background = picture_theme(options).canvas;
    let (ctx, mut output) = paint_part(project, part, options, filter, frame, Drawing::Pixels);
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

/// Writes `bytes` to `path` atomically.
fn write_bytes(bytes: &[u8], path: &Path) -> Result<(), ExportError> {
    write_atomically_with(path, Backup::Skip, |out| out.write_all(bytes))?;
    Ok(())
}

/// The name of the project file a PDF carries: the journey's, as a file name, or the
/// project's when it carries the whole project.
fn attachment_name(project: &Project, journey: usize, embed: Embed) -> String {
    let name = match embed {
        Embed::Full => project.title.as_str(),
        Embed::Map | Embed::None => project
            .journeys
            .get(journey)
            .map_or("", |j| j.name.as_str()),
    };
    let slug = slug(name);
    if slug.is_empty() {
        "journey.ron".to_owned()
    } else {
        format!("{slug}.ron")
    }
}

/// The title a vector picture of the journey at `journey` carries: the project's title
/// and the journey's name.
fn picture_title(project: &Project, journey: usize) -> String {
    let name = project
        .journeys
        .get(journey)
        .map_or("", |j| j.name.as_str());
    match (project.title.trim(), name.trim()) {
        ("", name) => name.to_owned(),
        (title, "") => title.to_owned(),
        (title, name) => format!("{title} — {name}"),
    }
}

/// The bytes of `pages` of the journey at `journey` as a file of `format` (SVG or PDF;
/// an SVG has one page), carrying what `options.embed` asks for.
fn vector_bytes(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    pages: &[Sketch],
    format: PictureFormat,
) -> Result<Vec<u8>, ExportError> {
    let text = embedded_text(project, journey, options.embed)?;
    let title = picture_title(project, journey);
    match (format, pages) {
        (PictureFormat::Svg, [page]) => {
            Ok(svg::svg_text(page, &title, text.as_deref()).into_bytes())
        }
        (PictureFormat::Pdf, pages) => {
            let attachment = text.as_deref().map(|text| pdf::Attachment {
                name: attachment_name(project, journey, options.embed),
                text,
            });
            pdf::pdf_bytes(pages, &title, attachment)
        }
        _ => Err(ExportError::Encode(format!(
            "a {} holds one page, not {}",
            format.name(),
            pages.len()
        ))),
    }
}

/// The pages of the journey at `journey` as an SVG or a PDF: the map, or for a PDF with
/// `options.slides`, a page per slide.
fn vector_pages(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
    format: PictureFormat,
) -> Result<Vec<Sketch>, ExportError> {
    if options.slides && format == PictureFormat::Pdf {
        plan_slides(project, journey, options)?
            .iter()
            .map(|slide| slides::sketch_slide(project, journey, slide, options, filter))
            .collect()
    } else {
        Ok(vec![sketch_map(project, journey, options, filter)?])
    }
}

/// The bytes of the journey at `journey` as an SVG or a PDF: the map on one page, or for
/// a PDF with `options.slides`, a page per slide.
pub fn export_vector_bytes(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
    format: PictureFormat,
) -> Result<Vec<u8>, ExportError> {
    let pages = vector_pages(project, journey, options, filter, format)?;
    vector_bytes(project, journey, options, &pages, format)
}

/// Exports a journey to an SVG or a PDF file, written atomically (see
/// [`export_vector_bytes`]); returns how many pages it has.
fn export_vector(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
    format: PictureFormat,
    path: &Path,
) -> Result<usize, ExportError> {
    refuse_replacing_other_files(path)?;
    let pages = vector_pages(project, journey, options, filter, format)?;
    let bytes = vector_bytes(project, journey, options, &pages, format)?;
    write_bytes(&bytes, path)?;
    Ok(pages.len())
}

/// Exports a journey to one picture file of `options.format` (a PDF of slides is one
/// file); returns how many pages it has.
pub fn export_picture(
    project: &Project,
    journey: usize,
    options: ExportOptions,
    filter: Option<&Filter>,
    path: &Path,
) -> Result<usize, ExportError> {
    match options.format {
        format @ (PictureFormat::Svg | PictureFormat::Pdf) => {
            export_vector(project, journey, options, filter, format, path)
        }
        PictureFormat::Png => export_png(project, journey, options, filter, path).map(|()| 1),
    }
}

/// An export replaces a picture, never another kind of file (a project, say): an
/// existing file at `path` that is not empty and not a picture is refused.
fn refuse_replacing_other_files(path: &Path) -> Result<(), ExportError> {
    let canonical = canonical_path(path);
    let other_file = std::fs::metadata(&canonical)
        .is_ok_and(|meta| meta.is_file() && meta.len() > 0 && !is_picture(&canonical));
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
