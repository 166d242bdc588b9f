//! Text measured for the layout: how many rows a card's title and its "If it fails" text
//! take at 100 %, in the fonts the map is painted in, so that a card grows to show them
//! whole. Each text is measured once per thread and remembered; a frame never measures.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use egui::epaint::text::{Fonts, LayoutJob, TextOptions, ViewportKey};
use egui::{Color32, FontDefinitions, FontId};

use crate::model::{Card, CardKind, Persona, Project, Voice};
use crate::theme::{icon, size};

/// How many characters of a card's title, and of its "If it fails" text, a map shows:
/// more ends in "…" (a field may hold 20,000).
pub const SHOWN_CHARS: usize = 200;

/// The rows a card's text takes: its title, and its "If it fails" text (0 without one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardRows {
    pub title: u16,
    pub fails: u16,
}

impl CardRows {
    /// A card whose title fits the rows every card has room for, without a failure path.
    pub const PLAIN: Self = Self {
        title: size::TITLE_ROWS as u16,
        fails: 0,
    };
}

/// Texts are laid out this much narrower than the card draws them, so that a title
/// measured at 100 % still fits its rows at any zoom, whose fonts round differently.
const SLACK: f32 = 0.99;

/// Pixels per point the texts are measured at: finer than a plain screen.
const MEASURED_AT: f32 = 2.0;

/// Remembered measurements at most; more are forgotten all at once.
const REMEMBERED: usize = 100_000;

struct Measurer {
    fonts: Fonts,
    rows: HashMap<u64, CardRows>,
    title_row: f32,
    meta_row: f32,
}

thread_local! {
    static MEASURER: RefCell<Option<Measurer>> = const { RefCell::new(None) };
}

/// The rows of every card's text, in card order.
pub(super) fn card_rows(cards: &[Card]) -> Vec<CardRows> {
    with_measurer(|m| {
        let rows = cards.iter().map(|card| m.card_rows(card)).collect();
        // The fonts' own cache of laid-out text keeps only what this call used.
        m.fonts
            .begin_pass(TextOptions::default(), ViewportKey::default());
        rows
    })
}

/// One line of the persona card: its text, in a font of `points`, in at most `rows` rows.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaLine {
    pub text: String,
    pub points: f32,
    pub rows: usize,
    /// Written in the muted ink.
    pub muted: bool,
}

/// The persona card shows this many goals at most, then how many more there are.
const PERSONA_GOALS: usize = 6;

/// What a persona card says, top to bottom: name, the part they play on the buying
/// committee (`part`), role and goals (only with `goals`) whole, the quote in up to three
/// rows. Empty fields are left out.
pub fn persona_lines(persona: &Persona, part: &str, goals: bool) -> Vec<PersonaLine> {
    let line = |text: String, points: f32, rows: usize, muted: bool| PersonaLine {
        text,
        points,
        rows,
        muted,
    };
    let mut lines = vec![
        line(persona.name.clone(), size::TEXT_STAGE_NAME, 1, false),
        line(part.to_owned(), size::TEXT_CARD_META, 1, false),
        line(
            shown(&persona.role).to_owned(),
            size::TEXT_CARD_META,
            usize::MAX,
            true,
        ),
    ];
    if !persona.quote.is_empty() {
        lines.push(line(
            format!("“{}”", shown(&persona.quote)),
            size::TEXT_STAGE_GOAL,
            3,
            false,
        ));
    }
    let goals = if goals { &persona.goals[..] } else { &[] };
    for goal in goals.iter().take(PERSONA_GOALS) {
        lines.push(line(
            format!("Goal: {}", shown(goal)),
            size::TEXT_CARD_META,
            usize::MAX,
            true,
        ));
    }
    if goals.len() > PERSONA_GOALS {
        let more = goals.len() - PERSONA_GOALS;
        lines.push(line(
            format!("and {more} more"),
            size::TEXT_CARD_META,
            1,
            true,
        ));
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// What the card of a committee member says: everything for the primary, no goals for
/// the others. `None` for a voice without a persona.
pub fn voice_lines(project: &Project, voice: &Voice<'_>) -> Option<Vec<PersonaLine>> {
    let persona = voice.persona_in(project)?;
    Some(persona_lines(persona, &voice.part(), voice.primary))
}

/// The width of the persona card's text, at 100 %.
pub fn persona_text_width() -> f32 {
    size::PERSONA_CARD_WIDTH - 2.0 * size::CARD_PADDING - size::OWNER_STRIPE
}

/// How tall a persona card is to show `lines` whole, at 100 %.
pub(super) fn persona_height(lines: &[PersonaLine]) -> f32 {
    with_measurer(|m| {
        let mut height = 2.0 * size::CARD_PADDING;
        for line in lines {
            let rows = usize::from(m.rows_of(&line.text, line.points, persona_text_width()));
            let row = m
                .fonts
                .with_pixels_per_point(MEASURED_AT)
                .row_height(&FontId::proportional(line.points));
            height += rows.min(line.rows) as f32 * row + size::SPACE_XS / 2.0;
        }
        height.ceil()
    })
}

/// The height of a row of title text and of a row of metadata text, at 100 %.
pub fn row_heights() -> (f32, f32) {
    with_measurer(|m| (m.title_row, m.meta_row))
}

/// A card's height at 100 % when its text takes `rows`: never less than
/// [`size::CARD_HEIGHT`].
pub fn card_height(rows: CardRows) -> f32 {
    let (title_row, meta_row) = row_heights();
    let fails = if rows.fails > 0 {
        size::SPACE_S + f32::from(rows.fails) * meta_row
    } else {
        0.0
    };
    let content = 2.0 * size::CARD_PADDING
        + f32::from(rows.title.max(1)) * title_row
        + fails
        + size::SPACE_XS
        + meta_row;
    content.max(size::CARD_HEIGHT).ceil()
}

fn with_measurer<R>(f: impl FnOnce(&mut Measurer) -> R) -> R {
    MEASURER.with(|cell| {
        let mut cell = cell.borrow_mut();
        let measurer = cell.get_or_insert_with(Measurer::new);
        f(measurer)
    })
}

impl Measurer {
    fn new() -> Self {
        let mut fonts = Fonts::new(TextOptions::default(), FontDefinitions::default());
        let mut view = fonts.with_pixels_per_point(MEASURED_AT);
        let title_row = view.row_height(&FontId::proportional(size::TEXT_CARD_TITLE));
        let meta_row = view.row_height(&FontId::proportional(size::TEXT_CARD_META));
        Self {
            fonts,
            rows: HashMap::new(),
            title_row,
            meta_row,
        }
    }

    fn card_rows(&mut self, card: &Card) -> CardRows {
        if card.if_it_fails.is_empty() && obviously_fits(&card.title) {
            return CardRows::PLAIN;
        }
        let mut hasher = DefaultHasher::new();
        (card.kind, &card.title, &card.if_it_fails).hash(&mut hasher);
        let key = hasher.finish();
        if let Some(&rows) = self.rows.get(&key) {
            return rows;
        }
        let width = title_width(self.icon_width(card.kind));
        let rows = CardRows {
            title: self
                .rows_of(shown(&card.title), size::TEXT_CARD_TITLE, width)
                .max(size::TITLE_ROWS as u16),
            fails: if card.if_it_fails.is_empty() {
                0
            } else {
                self.rows_of(
                    &failure_text(shown(&card.if_it_fails)),
                    size::TEXT_CARD_META,
                    inner_width(),
                )
            },
        };
        if self.rows.len() >= REMEMBERED {
            self.rows.clear();
        }
        self.rows.insert(key, rows);
        rows
    }

    fn rows_of(&mut self, text: &str, points: f32, width: f32) -> u16 {
        let mut job = LayoutJob::simple(
            text.to_owned(),
            FontId::proportional(points),
            Color32::WHITE,
            width * SLACK,
        );
        job.wrap.break_anywhere = false;
        let galley = self
            .fonts
            .with_pixels_per_point(MEASURED_AT)
            .layout_job(job);
        u16::try_from(galley.rows.len()).unwrap_or(u16::MAX)
    }

    fn icon_width(&mut self, kind: CardKind) -> f32 {
        let galley = self
            .fonts
            .with_pixels_per_point(MEASURED_AT)
            .layout_no_wrap(
                icon::card(kind).to_owned(),
                FontId::proportional(size::TEXT_CARD_TITLE),
                Color32::WHITE,
            );
        galley.size().x
    }
}

/// Whether a title fits [`size::TITLE_ROWS`] rows whatever its letters: no glyph is
/// wider than the font's size, and a row holds ten of the widest.
fn obviously_fits(title: &str) -> bool {
    !title.contains('\n') && title.chars().count() <= 10 * size::TITLE_ROWS
}

/// The first [`SHOWN_CHARS`] characters of `text`.
pub fn shown(text: &str) -> &str {
    text.char_indices()
        .nth(SHOWN_CHARS)
        .map_or(text, |(end, _)| &text[..end])
}

/// How a card writes its "If it fails" text.
pub fn failure_text(text: &str) -> String {
    format!("{} If it fails: {text}", icon::FAILURE_PATH)
}

/// The width of a card's text inside its padding and owner stripe, at 100 %.
pub fn inner_width() -> f32 {
    size::CARD_WIDTH - 2.0 * size::CARD_PADDING - size::OWNER_STRIPE
}

/// The width of a card's title beside its kind's icon, at 100 %.
fn title_width(icon: f32) -> f32 {
    inner_width() - icon - size::SPACE_XS
}
