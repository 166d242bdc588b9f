//! What presentation mode's slides show: the opening (persona, scenario, expectations), a
//! stage (its cards large, its goal, exit criteria, conversion, KPIs and empathy map), the
//! review (health findings and open comments), and under each the emotion curve across
//! the journey with the current stage highlighted.

use egui::{FontId, Pos2, Rect, RichText, Role, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::stage_cards::stage_cards;
use crate::app::review::health::findings_count;
use crate::layout::{JourneyLayout, emotion_y};
use crate::model::{
    Card, Finding, Journey, Project, RULES, Subject, VoiceSet, emotion_label, quantity,
    rule_summary, voices,
};
use crate::paint::{
    CurveStyle, curve_colors, paint_emotion_curve, paint_emotion_guides, paint_text,
};
use crate::theme::{Theme, icon, size, slide};

/// What every slide draws from.
#[derive(Clone, Copy)]
pub struct SlideContext<'a> {
    /// The slide's position in the presentation.
    pub slide: usize,
    pub project: &'a Project,
    pub journey: &'a Journey,
    pub layout: &'a JourneyLayout,
    pub theme: &'a Theme,
    /// Screen height over the height the slide sizes are for.
    pub scale: f32,
    /// Whose emotion curves are shown, by voice.
    pub curves: VoiceSet,
}

impl SlideContext<'_> {
    fn text(&self, text: impl Into<String>, points: f32) -> RichText {
        RichText::new(text)
            .size(points * self.scale)
            .color(self.theme.ink)
    }

    fn muted(&self, text: impl Into<String>, points: f32) -> RichText {
        self.text(text, points).color(self.theme.ink_muted)
    }

    fn heading(&self, ui: &mut Ui, text: &str) {
        ui.add_space(size::SPACE_L * self.scale);
        ui.label(self.text(text, slide::TEXT_HEADING).strong());
        ui.add_space(size::SPACE_XS * self.scale);
    }

    fn body(&self, ui: &mut Ui, text: &str) {
        ui.label(self.text(text, slide::TEXT_BODY));
    }

    fn space(&self) -> f32 {
        slide::GUTTER * self.scale
    }
}

/// The journey's name and totals, its persona, scenario and expectations.
pub fn opening(ui: &mut Ui, c: &SlideContext<'_>) {
    let journey = c.journey;
    if !c.project.title.is_empty() {
        ui.label(c.muted(&c.project.title, slide::TEXT_META));
    }
    ui.label(c.text(&journey.name, slide::TEXT_TITLE).strong());
    let moments = journey.cards.iter().filter(|c| c.moment_of_truth).count();
    ui.label(c.muted(
        format!(
            "{} · {} · {}",
            quantity(journey.stages.len(), "stage", "stages"),
            quantity(journey.cards.len(), "card", "cards"),
            quantity(moments, "moment of truth", "moments of truth")
        ),
        slide::TEXT_SUBTITLE,
    ));
    ui.add_space(c.space());
    let rest = ui.available_rect_before_wrap();
    let third = (rest.width() - 2.0 * c.space()) / 3.0;
    let at = |k: f32| {
        Rect::from_min_size(
            rest.min + vec2(k * (third + c.space()), 0.0),
            vec2(third, rest.height()),
        )
    };
    let persona = journey
        .persona
        .as_deref()
        .and_then(|id| c.project.personas.iter().find(|p| p.id == id));
    // A journey told from no persona's view shows none: the slide is not the place to
    // ask for one.
    column(ui, at(0.0), "slide-persona", c, |ui, c| {
        let Some(persona) = persona else { return };
        ui.label(c.text(&persona.name, slide::TEXT_SUBTITLE).strong());
        if !persona.role.is_empty() {
            ui.label(c.muted(&persona.role, slide::TEXT_BODY));
        }
        if !persona.quote.is_empty() {
            ui.add_space(size::SPACE_M * c.scale);
            ui.label(
                c.text(format!("“{}”", persona.quote), slide::TEXT_HEADING)
                    .italics(),
            );
        }
        list(ui, c, "Goals", &persona.goals);
    });
    column(ui, at(1.0), "slide-story", c, |ui, c| {
        for (name, text) in [
            ("Scenario", &journey.scenario),
            ("Expectations", &journey.expectations),
        ] {
            if !text.is_empty() {
                c.heading(ui, name);
                c.body(ui, text);
            }
        }
        committee(ui, c);
        if let Some(persona) = persona {
            list(ui, c, "Pain points", &persona.pain_points);
        }
    });
    if let Some(persona) = persona {
        column(ui, at(2.0), "slide-reach", c, |ui, c| {
            list(ui, c, "Values", &persona.values);
            list(ui, c, "Channels", &persona.channels);
            list(ui, c, "Influencers", &persona.influencers);
            if !persona.buying_process.is_empty() {
                c.heading(ui, "How they buy");
                c.body(ui, &persona.buying_process);
            }
        });
    }
}

/// The buying committee, a line each: the member in their curve's colour and their part;
/// nothing for a journey of one persona.
fn committee(ui: &mut Ui, c: &SlideContext<'_>) {
    let voices = voices(c.project, c.journey);
    if voices.len() < 2 {
        return;
    }
    let colors = curve_colors(c.project, c.journey, c.theme);
    c.heading(ui, "Buying committee");
    for (voice, color) in voices.iter().zip(colors) {
        let Some(persona) = voice.persona_in(c.project) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(c.text("•", slide::TEXT_HEADING).color(color));
            ui.label(c.text(&persona.name, slide::TEXT_BODY));
            let part = voice.part();
            if !part.is_empty() {
                ui.label(c.muted(part, slide::TEXT_BODY));
            }
        });
    }
}

/// How each committee member feels in stage `index`: their mean score on its cards, in
/// their curve's colour; "not asked" where they scored none.
fn committee_feelings(ui: &mut Ui, c: &SlideContext<'_>, index: usize) {
    let voices = voices(c.project, c.journey);
    let Some(stage) = c.journey.stages.get(index) else {
        return;
    };
    if voices.len() < 2 {
        return;
    }
    let colors = curve_colors(c.project, c.journey, c.theme);
    let cards = || c.journey.cards.iter().filter(|card| card.stage == stage.id);
    c.heading(ui, "How the committee feels here, on average");
    // One wrapped row: the stage's other details need the room.
    ui.horizontal_wrapped(|ui| {
        for (voice, color) in voices.iter().zip(colors) {
            let feeling = match voice.mean(cards()) {
                Some(mean) if (mean - mean.round()).abs() < 0.05 => {
                    emotion_label(mean.round() as i8)
                }
                Some(mean) => format!("{}{:.1}", if mean < 0.0 { "−" } else { "+" }, mean.abs()),
                None => "not asked".to_owned(),
            };
            ui.label(c.text("•", slide::TEXT_HEADING).color(color));
            ui.label(c.text(voice.name(c.project), slide::TEXT_META));
            ui.label(c.text(feeling, slide::TEXT_META).strong());
            ui.add_space(size::SPACE_S * c.scale);
        }
    });
}

/// A heading and its items on one line each, when there are any.
fn list(ui: &mut Ui, c: &SlideContext<'_>, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    c.heading(ui, heading);
    for item in items {
        ui.label(c.text(format!("• {item}"), slide::TEXT_META));
    }
}

/// One stage: its name and goal, its cards lane by lane, and its details at the right.
pub fn stage(ui: &mut Ui, c: &SlideContext<'_>, index: usize) {
    let Some(stage) = c.journey.stages.get(index) else {
        return;
    };
    ui.label(c.muted(
        format!(
            "{} · Stage {} of {}",
            c.journey.name,
            index + 1,
            c.journey.stages.len()
        ),
        slide::TEXT_META,
    ));
    ui.label(c.text(&stage.name, slide::TEXT_TITLE).strong());
    if !stage.goal.is_empty() {
        ui.label(c.muted(&stage.goal, slide::TEXT_SUBTITLE));
    }
    ui.add_space(c.space() * 0.75);
    let rest = ui.available_rect_before_wrap();
    let details_width = rest.width() * slide::DETAILS_SHARE;
    let cards = Rect::from_min_max(
        rest.min,
        pos2(rest.right() - details_width - c.space(), rest.bottom()),
    );
    let details = Rect::from_min_max(pos2(rest.right() - details_width, rest.top()), rest.max);
    column(ui, cards, "slide-cards", c, |ui, c| {
        stage_cards(ui, c, index)
    });
    column(ui, details, "slide-details", c, |ui, c| {
        stage_details(ui, c, index)
    });
}

/// A region of the slide whose text shrinks, down to [`slide::SMALLEST_TEXT`], until
/// its content fits; it scrolls when even that is not enough. The shrink found is kept
/// per slide, region and size, so it is searched for once, over a few frames.
fn column(
    ui: &mut Ui,
    rect: Rect,
    id: &str,
    c: &SlideContext<'_>,
    add: impl FnOnce(&mut Ui, &SlideContext<'_>),
) {
    let key = egui::Id::unique((
        "slide-fit",
        id,
        c.slide,
        rect.size().x.round() as i32,
        rect.size().y.round() as i32,
    ));
    let shrink: f32 = ui.data(|d| d.get_temp(key)).unwrap_or(1.0);
    let fitted = SlideContext {
        scale: c.scale * shrink,
        ..*c
    };
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        let output = egui::ScrollArea::vertical()
            .id_salt(id)
            .auto_shrink([false, false])
            .show(ui, |ui| add(ui, &fitted));
        let overflows = output.content_size.y > output.inner_rect.height() + 0.5;
        if overflows && shrink > slide::SMALLEST_TEXT {
            let smaller = (shrink * 0.92).max(slide::SMALLEST_TEXT);
            ui.data_mut(|d| d.insert_temp(key, smaller));
            ui.ctx().request_repaint();
        } else if overflows {
            ui.data_mut(|d| d.insert_temp(cut_id(), true));
        }
    });
}

fn cut_id() -> egui::Id {
    egui::Id::unique("slide-cut")
}

/// Whether a slide drawn in `ctx` had more than fits, even at its smallest text: on
/// screen its column scrolls, on paper the rest is cut.
pub fn is_cut(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(cut_id()).unwrap_or(false))
}

/// What a card says beyond its face, shown when the presenter points at it.
pub(super) fn card_details(ui: &mut Ui, project: &Project, card: &Card) {
    ui.set_max_width(360.0);
    ui.strong(&card.title);
    if !card.notes.is_empty() {
        ui.label(&card.notes);
    }
    if card.moment_of_truth {
        ui.label(format!("{} Moment of truth", icon::MOMENT_OF_TRUTH));
    }
    if !card.if_it_fails.is_empty() {
        ui.label(format!(
            "{} If it fails: {}",
            icon::FAILURE_PATH,
            card.if_it_fails
        ));
    }
    let mut facts = vec![card.kind.name().to_owned()];
    if let Some(owner) = card
        .owner
        .as_deref()
        .and_then(|id| project.departments.iter().find(|d| d.id == id))
    {
        facts.push(format!("owner {}", owner.name));
    }
    if !card.channel.is_empty() {
        facts.push(card.channel.clone());
    }
    facts.push(card.evidence.name().to_lowercase());
    ui.weak(facts.join(" · "));
}

/// How the committee feels, then the stage's conversion, exit criteria, KPIs and empathy
/// map.
fn stage_details(ui: &mut Ui, c: &SlideContext<'_>, index: usize) {
    committee_feelings(ui, c, index);
    let stage = &c.journey.stages[index];
    if let Some(conversion) = stage.conversion {
        let next = c
            .journey
            .stages
            .get(index + 1)
            .map_or("the next stage", |s| s.name.as_str());
        ui.label(
            c.text(
                format!("{} {:.0} %", icon::CONVERSION, conversion * 100.0),
                slide::TEXT_TITLE,
            )
            .strong(),
        );
        ui.label(c.muted(format!("move on to {next}"), slide::TEXT_BODY));
    }
    if !stage.exit_criteria.is_empty() {
        c.heading(ui, "Exit criteria");
        c.body(ui, &stage.exit_criteria);
    }
    if !stage.kpis.is_empty() {
        c.heading(ui, "KPIs");
        egui::Grid::new("slide-kpis")
            .num_columns(2)
            .spacing(vec2(size::SPACE_L, size::SPACE_XS) * c.scale)
            .show(ui, |ui| {
                for kpi in &stage.kpis {
                    ui.label(c.text(&kpi.name, slide::TEXT_BODY));
                    ui.label(c.text(&kpi.value, slide::TEXT_BODY).strong());
                    ui.end_row();
                }
            });
    }
    // What happens to the buyer when a step fails: each card's ⚡ points here.
    let stage_id = &stage.id;
    let failing: Vec<&Card> = c
        .journey
        .cards
        .iter()
        .filter(|card| &card.stage == stage_id && !card.if_it_fails.is_empty())
        .collect();
    if !failing.is_empty() {
        c.heading(ui, &format!("{} If a step fails", icon::FAILURE_PATH));
        for card in failing {
            ui.label(c.text(&card.title, slide::TEXT_BODY).strong());
            ui.label(c.muted(&card.if_it_fails, slide::TEXT_BODY));
            ui.add_space(size::SPACE_XS * c.scale);
        }
    }
    // An audience sees what was written, and no word about what was not.
    if stage.empathy.is_empty() {
        return;
    }
    c.heading(ui, "Empathy map");
    let width = (ui.available_width() - size::SPACE_L * c.scale) / 2.0;
    egui::Grid::new("slide-empathy")
        .num_columns(2)
        .min_col_width(width)
        .max_col_width(width)
        .spacing(vec2(size::SPACE_L, size::SPACE_M) * c.scale)
        .show(ui, |ui| {
            let quadrants = crate::model::Empathy::QUADRANTS
                .iter()
                .zip(stage.empathy.lists())
                .filter(|(_, items)| !items.is_empty());
            for (i, (name, items)) in quadrants.enumerate() {
                ui.vertical(|ui| {
                    ui.label(c.muted(*name, slide::TEXT_META).strong());
                    for item in items {
                        ui.label(c.text(format!("• {item}"), slide::TEXT_META));
                    }
                });
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
}

/// What still needs attention: the health findings and the open comments.
pub fn review(ui: &mut Ui, c: &SlideContext<'_>, findings: &[Finding]) {
    ui.label(c.muted(&c.journey.name, slide::TEXT_META));
    ui.label(c.text("Review", slide::TEXT_TITLE).strong());
    ui.label(c.muted(
        "What the map says still needs attention, and what the team asked",
        slide::TEXT_SUBTITLE,
    ));
    ui.add_space(c.space());
    let rest = ui.available_rect_before_wrap();
    let half = (rest.width() - c.space()) / 2.0;
    let left = Rect::from_min_size(rest.min, vec2(half, rest.height()));
    let right = Rect::from_min_max(pos2(rest.right() - half, rest.top()), rest.max);
    column(ui, left, "slide-findings", c, |ui, c| {
        ui.label(
            c.text(
                format!("Health check: {}", findings_count(findings.len())),
                slide::TEXT_HEADING,
            )
            .strong(),
        );
        if findings.is_empty() {
            c.body(ui, "Nothing to fix on this journey.");
        }
        for rule in RULES {
            let found: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule).collect();
            if found.is_empty() {
                continue;
            }
            ui.add_space(size::SPACE_M * c.scale);
            ui.label(
                c.text(
                    format!("{} ({})", rule_summary(rule), found.len()),
                    slide::TEXT_BODY,
                )
                .strong(),
            );
            for finding in found {
                ui.label(c.text(
                    format!("• {}", subject_name(c.journey, &finding.subject)),
                    slide::TEXT_META,
                ));
            }
        }
    });
    let open: Vec<_> = c.journey.open_comments().collect();
    column(ui, right, "slide-comments", c, |ui, c| {
        ui.label(
            c.text(
                format!("Open comments: {}", open.len()),
                slide::TEXT_HEADING,
            )
            .strong(),
        );
        if open.is_empty() {
            c.body(ui, "No open comments.");
        }
        for (card, comment) in open {
            ui.add_space(size::SPACE_S * c.scale);
            let who = comment.author_name();
            ui.label(c.muted(format!("{who} on “{}”", card.title), slide::TEXT_META));
            c.body(ui, &comment.text);
        }
    });
}

/// The title of the card, or the name of the stage, a finding is about.
fn subject_name<'a>(journey: &'a Journey, subject: &'a Subject) -> &'a str {
    match subject {
        Subject::Card(id) => journey
            .cards
            .iter()
            .find(|c| &c.id == id)
            .map_or(id.as_str(), |c| c.title.as_str()),
        Subject::Stage(id) => journey
            .stages
            .iter()
            .find(|s| &s.id == id)
            .map_or(id.as_str(), |s| s.name.as_str()),
    }
}

/// The emotion curve across all stages in equal columns, the `current` one highlighted,
/// stage names underneath. Returns the stage whose column was clicked.
pub fn emotion_strip(
    ui: &mut Ui,
    rect: Rect,
    c: &SlideContext<'_>,
    current: Option<usize>,
) -> Option<usize> {
    let stages = c.journey.stages.len().max(1);
    let column = rect.width() / stages as f32;
    let names = slide::TEXT_META * c.scale * 1.6;
    let curve = Rect::from_min_max(rect.min, pos2(rect.right(), rect.bottom() - names));
    let response = ui.interact(
        rect,
        egui::Id::unique("presentation-emotion-strip"),
        Sense::click(),
    );
    response
        .widget_info(|| WidgetInfo::labeled(Role::Image, true, "Emotion curve across the stages"));
    let painter = ui.painter_at(rect);
    let theme = c.theme;
    if let Some(stage) = current {
        let x = rect.left() + stage as f32 * column;
        painter.rect_filled(
            Rect::from_x_y_ranges(x..=x + column, rect.y_range()),
            size::CARD_RADIUS * c.scale,
            theme.selection.gamma_multiply(0.12),
        );
    }
    for i in 1..stages {
        let x = rect.left() + i as f32 * column;
        painter.vline(x, rect.y_range(), Stroke::new(1.0, theme.grid));
    }
    let y_of = |emotion: f32| emotion_y(curve.y_range(), emotion);
    paint_emotion_guides(&painter, curve.x_range(), y_of, theme);
    let colors = curve_colors(c.project, c.journey, theme);
    for v in c.layout.curves_in_order(c.curves) {
        let curve = &c.layout.curves[v];
        // Each point keeps its place within its stage's column on the map.
        let points: Vec<(usize, Pos2)> = curve
            .points
            .iter()
            .filter_map(|point| {
                let stage = c.layout.stage_at_x(point.pos.x)?;
                let span = c.layout.stages[stage].x;
                let t = (point.pos.x - span.min) / span.span().max(1.0);
                let x = rect.left() + (stage as f32 + t) * column;
                Some((stage, pos2(x, y_of(f32::from(point.emotion)))))
            })
            .collect();
        let line: Vec<Pos2> = points.iter().map(|(_, p)| *p).collect();
        let width = size::EMOTION_STROKE * c.scale;
        let style = CurveStyle::of(curve.primary, colors[v], width);
        paint_emotion_curve(&painter, &line, y_of(0.0), style, theme, |i| {
            let large = Some(points[i].0) == current;
            c.scale * if large { 5.0 } else { 3.0 }
        });
    }
    for (i, stage) in c.journey.stages.iter().enumerate() {
        let color = if Some(i) == current {
            theme.ink
        } else {
            theme.ink_muted
        };
        let left = rect.left() + i as f32 * column + size::SPACE_S * c.scale;
        paint_text(
            &painter,
            pos2(left, curve.bottom() + size::SPACE_XS * c.scale),
            &stage.name,
            FontId::proportional(slide::TEXT_META * c.scale),
            color,
            column - 2.0 * size::SPACE_S * c.scale,
            1,
        );
    }
    let clicked = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())?;
    let stage = ((clicked.x - rect.left()) / column).floor() as usize;
    (stage < c.journey.stages.len()).then_some(stage)
}
