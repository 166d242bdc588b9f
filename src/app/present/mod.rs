//! Presentation mode (F5): the journey on the whole screen, one slide at a time. An opening
//! slide with the persona and scenario, one slide per stage, and a last slide with the
//! health findings and open comments. Right, Page Down, Space and Down go on; Left,
//! Page Up and Up go back; Home and End jump; Esc leaves. The map is not editable here.

use egui::{Key, Modifiers, Rect, Sense, vec2};

mod slides;
mod stage_cards;

use crate::app::{Action, Command, JourneymapApp};
use crate::model::check_journey;
use crate::theme::{Theme, size, slide};

/// What a slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Opening,
    /// The stage at this index.
    Stage(usize),
    Review,
}

/// The slides of a journey with `stages` stages, in order.
fn slide_at(index: usize, stages: usize) -> Slide {
    match index {
        0 => Slide::Opening,
        i if i <= stages => Slide::Stage(i - 1),
        _ => Slide::Review,
    }
}

fn slide_count(stages: usize) -> usize {
    stages + 2
}

#[derive(Clone, Debug)]
pub struct Presentation {
    /// The slide on screen, by position.
    index: usize,
    /// The window was full screen already, so leaving keeps it so.
    was_fullscreen: bool,
}

impl JourneymapApp {
    /// The slide on screen while presenting.
    pub fn presenting(&self) -> Option<Slide> {
        let stages = self.journey().map_or(0, |j| j.stages.len());
        self.presentation
            .as_ref()
            .map(|p| slide_at(p.index, stages))
    }

    /// Enters presentation mode on the opening slide, or leaves it.
    pub(in crate::app) fn toggle_presentation(&mut self, ctx: &egui::Context) {
        match self.presentation.take() {
            Some(presentation) => {
                if !presentation.was_fullscreen {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
            }
            None if self.journey().is_none() => {
                self.status = "There is no journey to present".to_owned();
            }
            None => {
                let was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                self.presentation = Some(Presentation {
                    index: 0,
                    was_fullscreen,
                });
            }
        }
    }

    /// Shows the slide at `index`, kept within the journey's slides.
    pub(in crate::app) fn go_to_slide(&mut self, index: usize) {
        let stages = self.journey().map_or(0, |j| j.stages.len());
        if let Some(presentation) = &mut self.presentation {
            presentation.index = index.min(slide_count(stages) - 1);
        }
    }
}

/// The keys that move between slides or leave, consumed before any widget sees them.
fn keys(ctx: &egui::Context, index: usize, count: usize) -> Option<Action> {
    ctx.input_mut(|input| {
        let mut pressed = |keys: &[Key]| {
            keys.iter()
                .any(|&key| input.consume_key(Modifiers::NONE, key))
        };
        if pressed(&[Key::Escape]) {
            Some(Action::Command(Command::Present))
        } else if pressed(&[Key::ArrowRight, Key::PageDown, Key::Space, Key::ArrowDown]) {
            Some(Action::GoToSlide((index + 1).min(count - 1)))
        } else if pressed(&[Key::ArrowLeft, Key::PageUp, Key::ArrowUp]) {
            Some(Action::GoToSlide(index.saturating_sub(1)))
        } else if pressed(&[Key::Home]) {
            Some(Action::GoToSlide(0))
        } else if pressed(&[Key::End]) {
            Some(Action::GoToSlide(count - 1))
        } else {
            None
        }
    })
}

/// Draws the slide on screen over the whole window, with a footer to move on or leave.
pub fn show(ui: &mut egui::Ui, app: &mut JourneymapApp, actions: &mut Vec<Action>) {
    app.layout();
    let (Some(presentation), Some(journey), Some((_, _, _, layout))) = (
        &app.presentation,
        app.document.journey(app.journey),
        &app.layout,
    ) else {
        return;
    };
    let index = presentation.index;
    let count = slide_count(journey.stages.len());
    if app.dialog.is_none()
        && let Some(action) = keys(ui.ctx(), index, count)
    {
        actions.push(action);
    }
    let theme = Theme::for_dark_mode(app.settings.dark_mode);
    let screen = ui.ctx().content_rect();
    let scale = slide_scale(screen);
    let regions = Regions::of(screen, scale);
    let context = slides::SlideContext {
        slide: index,
        project: app.document.project(),
        journey,
        layout,
        theme: &theme,
        scale,
        curves: app.view.shown_curves(journey),
    };
    let current = slide_at(index, journey.stages.len());
    // A click anywhere else on the slide goes on, as in slide software. Registered first,
    // so the slide's own widgets sit on top of it.
    let background = ui.interact(
        regions.body,
        egui::Id::unique("presentation-slide"),
        Sense::click(),
    );
    if background.clicked() {
        actions.push(Action::GoToSlide((index + 1).min(count - 1)));
    }
    if let Some(stage) = paint_slide(ui, &context, current, screen) {
        actions.push(Action::GoToSlide(stage + 1));
    }
    footer_bar(ui, regions.footer, &theme, scale, index, count, actions);
}

/// How much larger than designed a slide's sizes are on `screen`.
fn slide_scale(screen: Rect) -> f32 {
    (screen.height() / slide::DESIGN_HEIGHT).clamp(0.75, 2.0)
}

/// Where a slide's parts go on the screen.
struct Regions {
    body: Rect,
    strip: Rect,
    footer: Rect,
}

impl Regions {
    fn of(screen: Rect, scale: f32) -> Self {
        let inner = screen.shrink(slide::MARGIN * scale);
        let footer = Rect::from_min_max(
            inner.left_bottom() - vec2(0.0, slide::FOOTER_HEIGHT * scale),
            inner.right_bottom(),
        );
        let strip = Rect::from_min_max(
            footer.left_top() - vec2(0.0, (slide::EMOTION_STRIP_HEIGHT + size::SPACE_S) * scale),
            footer.right_top() - vec2(0.0, size::SPACE_S * scale),
        );
        let body = Rect::from_min_max(
            inner.min,
            strip.right_top() - vec2(0.0, slide::GUTTER * scale),
        );
        Self {
            body,
            strip,
            footer,
        }
    }
}

/// Paints slide `current` over `screen`: its background, its body and the emotion strip
/// under it; the footer's place is left to the controls. Returns the stage clicked in
/// the strip, if one was.
fn paint_slide(
    ui: &mut egui::Ui,
    context: &slides::SlideContext<'_>,
    current: Slide,
    screen: Rect,
) -> Option<usize> {
    let regions = Regions::of(screen, context.scale);
    ui.ctx()
        .layer_painter(egui::LayerId::background())
        .rect_filled(screen, 0.0, context.theme.canvas);
    ui.scope_builder(egui::UiBuilder::new().max_rect(regions.body), |ui| {
        ui.set_clip_rect(regions.body);
        match current {
            Slide::Opening => slides::opening(ui, context),
            Slide::Stage(stage) => slides::stage(ui, context, stage),
            Slide::Review => slides::review(
                ui,
                context,
                &check_journey(context.project, context.journey),
            ),
        }
    });
    let highlighted = match current {
        Slide::Stage(stage) => Some(stage),
        Slide::Opening | Slide::Review => None,
    };
    slides::emotion_strip(ui, regions.strip, context, highlighted)
}

/// A slide of the handout.
pub struct HandoutPage {
    pub sketch: crate::export::Sketch,
    /// "the opening", the stage's name, "the review": how messages name the slide.
    pub name: String,
    /// Whether the slide has more than fits its page: the rest is cut.
    pub cut: bool,
}

/// Every slide of the presentation of the journey at `journey`, as pages of vector
/// marks of `screen` points (shown `zoom` times larger): what F5 shows, without the
/// controls.
pub fn handout_pages(
    project: &crate::model::Project,
    journey: usize,
    dark: bool,
    screen: egui::Vec2,
    zoom: f32,
) -> Result<Vec<HandoutPage>, crate::export::ExportError> {
    let shown = project
        .journeys
        .get(journey)
        .ok_or(crate::export::ExportError::Empty)?;
    let theme = Theme::for_dark_mode(dark);
    let layout = crate::layout::JourneyLayout::of(project, shown, Default::default());
    let rect = Rect::from_min_size(egui::Pos2::ZERO, screen);
    let curves = crate::model::VoiceSet::default();
    Ok((0..slide_count(shown.stages.len()))
        .map(|index| {
            let context = slides::SlideContext {
                slide: index,
                project,
                journey: shown,
                layout: &layout,
                theme: &theme,
                scale: slide_scale(rect),
                curves,
            };
            let current = slide_at(index, shown.stages.len());
            let (sketch, ctx) =
                crate::export::sketch_offscreen(screen, dark, theme.canvas, zoom, |ui| {
                    paint_slide(ui, &context, current, rect);
                });
            let name = match current {
                Slide::Opening => "the opening".to_owned(),
                Slide::Stage(stage) => format!("“{}”", shown.stages[stage].name),
                Slide::Review => "the review".to_owned(),
            };
            HandoutPage {
                sketch,
                name,
                cut: slides::is_cut(&ctx),
            }
        })
        .collect())
}

/// How long the slide controls stay after the mouse last moved, and how long they fade.
const CONTROLS_SHOW_SECONDS: f32 = 2.0;
const CONTROLS_FADE_SECONDS: f32 = 0.3;

fn footer_bar(
    ui: &mut egui::Ui,
    rect: Rect,
    theme: &Theme,
    scale: f32,
    index: usize,
    count: usize,
    actions: &mut Vec<Action>,
) {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| {
            // The controls show while the mouse moves and fade out after it rests, so the
            // audience sees the slide; they stay in the accessibility tree all the time.
            let resting = ui.input(|i| i.pointer.time_since_last_movement());
            let moving = resting < CONTROLS_SHOW_SECONDS;
            if moving {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f32(
                        CONTROLS_SHOW_SECONDS - resting,
                    ));
            }
            let shown = ui.ctx().animate_bool_with_time(
                egui::Id::unique("presentation-controls"),
                moving,
                CONTROLS_FADE_SECONDS,
            );
            ui.multiply_opacity(shown);
            let text = |t: &str| egui::RichText::new(t).size(slide::TEXT_META * scale);
            if ui
                .add_enabled(index > 0, egui::Button::new(text("‹ Previous")))
                .clicked()
            {
                actions.push(Action::GoToSlide(index - 1));
            }
            if ui
                .add_enabled(index + 1 < count, egui::Button::new(text("Next ›")))
                .clicked()
            {
                actions.push(Action::GoToSlide(index + 1));
            }
            ui.label(text(&format!("Slide {} of {count}", index + 1)).color(theme.ink_muted));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(text("Leave presentation")).clicked() {
                    actions.push(Action::Command(Command::Present));
                }
            });
        },
    );
}
