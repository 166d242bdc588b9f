//! Design tokens: every colour, size and spacing a map is drawn with, in one place.
//! Light is the default (decks are white); dark follows the same roles.

use egui::Color32;

use crate::model::{CardKind, Evidence, Severity, parse_hex_color};

/// The colour roles of a map.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub canvas: Color32,
    /// Behind small labels drawn over lines (the conversion pills): opaque even when the
    /// canvas is left transparent.
    pub paper: Color32,
    /// Behind the stage header row and the lane titles column.
    pub header: Color32,
    pub grid: Color32,
    pub ink: Color32,
    pub ink_muted: Color32,
    pub touchpoint: CardColors,
    pub pain_point: CardColors,
    pub opportunity: CardColors,
    pub note: CardColors,
    pub emotion: Color32,
    pub emotion_positive: Color32,
    pub emotion_negative: Color32,
    pub moment_of_truth: Color32,
    pub selection: Color32,
    pub drop_indicator: Color32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardColors {
    pub fill: Color32,
    pub border: Color32,
}

const fn hex(rgb: u32) -> Color32 {
    Color32::from_rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

const fn card(fill: u32, border: u32) -> CardColors {
    CardColors {
        fill: hex(fill),
        border: hex(border),
    }
}

/// Departments and personas without a colour of their own take these, by position.
pub const OWNER_PALETTE: [Color32; 8] = [
    hex(0x4C78A8),
    hex(0xF58518),
    hex(0x54A24B),
    hex(0xE45756),
    hex(0x72B7B2),
    hex(0xB279A2),
    hex(0xFF9DA6),
    hex(0x9D755D),
];

impl Theme {
    pub fn light() -> Self {
        Self {
            dark: false,
            canvas: hex(0xFAFAF8),
            paper: hex(0xFAFAF8),
            header: hex(0xF2F1ED),
            grid: hex(0xE6E4DF),
            ink: hex(0x1F2328),
            ink_muted: hex(0x5B6169),
            touchpoint: card(0xEAF1FB, 0x4C78A8),
            pain_point: card(0xFDECEC, 0xD64545),
            opportunity: card(0xE9F6EC, 0x3B9B57),
            note: card(0xF3F1EC, 0x9A948A),
            emotion: hex(0x7A5AF8),
            emotion_positive: Color32::from_rgba_unmultiplied(0x3B, 0x9B, 0x57, 28),
            emotion_negative: Color32::from_rgba_unmultiplied(0xD6, 0x45, 0x45, 28),
            moment_of_truth: hex(0xE0A100),
            selection: hex(0x2F6FEB),
            drop_indicator: hex(0x2F6FEB),
        }
    }

    pub fn dark() -> Self {
        Self {
            dark: true,
            canvas: hex(0x1B1D21),
            paper: hex(0x1B1D21),
            header: hex(0x23262B),
            grid: hex(0x33373E),
            ink: hex(0xE8EAED),
            ink_muted: hex(0xA1A8B3),
            touchpoint: card(0x1F2B3B, 0x6D9BD1),
            pain_point: card(0x3A2326, 0xE06666),
            opportunity: card(0x1F3326, 0x5DBB78),
            note: card(0x2C2A27, 0xA8A298),
            emotion: hex(0x9D87FF),
            emotion_positive: Color32::from_rgba_unmultiplied(0x5D, 0xBB, 0x78, 36),
            emotion_negative: Color32::from_rgba_unmultiplied(0xE0, 0x66, 0x66, 36),
            moment_of_truth: hex(0xF0B429),
            selection: hex(0x5B9BFF),
            drop_indicator: hex(0x5B9BFF),
        }
    }

    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// The theme for a picture without a background, laid on a slide of its own colour:
    /// the header bands become a faint tint of the ink, so they take the slide's colour
    /// too instead of standing out as grey blocks.
    pub fn transparent(dark: bool) -> Self {
        let theme = Self::for_dark_mode(dark);
        Self {
            canvas: Color32::TRANSPARENT,
            header: theme.ink.gamma_multiply(0.06),
            ..theme
        }
    }

    pub fn card_colors(&self, kind: CardKind) -> CardColors {
        match kind {
            CardKind::Touchpoint => self.touchpoint,
            CardKind::PainPoint => self.pain_point,
            CardKind::Opportunity => self.opportunity,
            CardKind::Note => self.note,
        }
    }
}

/// A department's or persona's colour: its own `#RRGGBB`, else the palette by position.
pub fn item_color(color: &str, position: usize) -> Color32 {
    parse_hex_color(color).map_or(
        OWNER_PALETTE[position % OWNER_PALETTE.len()],
        |[r, g, b]| Color32::from_rgb(r, g, b),
    )
}

/// Border weight of a card: pain points show their severity.
pub fn border_width(severity: Option<Severity>) -> f32 {
    match severity {
        None | Some(Severity::Low) => 1.0,
        Some(Severity::Medium) => 1.5,
        Some(Severity::High) => 2.0,
        Some(Severity::Critical) => 3.0,
    }
}

/// How opaque a card's tint and border are: an assumption's are slightly transparent (its
/// text is not).
pub fn evidence_opacity(evidence: Evidence) -> f32 {
    match evidence {
        Evidence::Assumption => 0.78,
        Evidence::Anecdote | Evidence::Research => 1.0,
    }
}

/// The spacing scale and the sizes of a map at 100 % zoom, in points.
pub mod size {
    pub const SPACE_XS: f32 = 4.0;
    pub const SPACE_S: f32 = 8.0;
    pub const SPACE_M: f32 = 12.0;
    pub const SPACE_L: f32 = 16.0;
    pub const SPACE_XL: f32 = 24.0;
    pub const SPACE_XXL: f32 = 32.0;

    pub const CARD_WIDTH: f32 = 180.0;
    /// Two lines of title, one of metadata, and padding: the least a card is tall. A card
    /// with more to say grows taller.
    pub const CARD_HEIGHT: f32 = 64.0;
    pub const CARD_PADDING: f32 = SPACE_S;
    pub const CARD_GAP: f32 = SPACE_S;
    pub const CARD_RADIUS: f32 = 6.0;
    pub const OWNER_STRIPE: f32 = 4.0;
    pub const CELL_PADDING: f32 = SPACE_M;
    /// Cards of one cell wrap after this many columns.
    pub const MAX_CELL_COLUMNS: usize = 3;
    /// The rows of title every card has room for; a longer title makes its card taller.
    pub const TITLE_ROWS: usize = 2;

    pub const MAP_MARGIN: f32 = SPACE_XL;
    /// The margin of a map laid out for a slide, whose frame is the slide's.
    pub const SLIDE_MARGIN: f32 = SPACE_M;
    pub const TITLE_BAND: f32 = 56.0;
    /// The title band of a slide, which shows the journey's name only.
    pub const SLIDE_TITLE_BAND: f32 = 44.0;
    /// The title band when the journey has a persona, a scenario or expectations.
    pub const STORY_BAND: f32 = 150.0;
    pub const PERSONA_CARD_WIDTH: f32 = 320.0;
    /// One row of the legend, and the width of one of its entries (a longer name ends in
    /// "…").
    pub const LEGEND_ROW: f32 = 24.0;
    pub const LEGEND_ENTRY_WIDTH: f32 = 170.0;
    /// Six one-line rows (sees, hears, says, does, thinks, feels) and padding.
    pub const EMPATHY_BAND: f32 = 6.0 * 16.0 + 2.0 * SPACE_M;
    /// Stage name and two lines of goal.
    pub const STAGE_HEADER_HEIGHT: f32 = 72.0;
    pub const LANE_TITLE_WIDTH: f32 = 168.0;
    pub const EMOTION_LANE_HEIGHT: f32 = 150.0;
    /// On a slide, where the cards need the height more: still 15 points a score.
    pub const SLIDE_EMOTION_LANE_HEIGHT: f32 = 108.0;
    pub const EMOTION_POINT_RADIUS: f32 = 2.5;
    /// One committee member in the Emotion lane's legend: a name row and a role row.
    pub const CURVE_LEGEND_ENTRY: f32 = 28.0;
    /// One committee member in a slide's Emotion lane legend: the name alone.
    pub const CURVE_LEGEND_NAME: f32 = 16.0;
    /// The least room the scenario and expectations keep beside a committee's cards.
    pub const STORY_MIN_WIDTH: f32 = 420.0;
    pub const EMOTION_STROKE: f32 = 2.5;

    pub const TEXT_MAP_TITLE: f32 = 22.0;
    /// The height of one line of the map's title.
    pub const TITLE_LINE: f32 = 28.0;
    pub const TEXT_STAGE_NAME: f32 = 15.0;
    pub const TEXT_STAGE_GOAL: f32 = 12.0;
    pub const TEXT_LANE_TITLE: f32 = 13.0;
    pub const TEXT_CARD_TITLE: f32 = 13.0;
    pub const TEXT_CARD_META: f32 = 11.0;

    /// Below this zoom, cards are drawn as blocks showing only their titles.
    pub const DETAIL_ZOOM: f32 = 0.45;
    /// Text is never drawn smaller than this many points when zoomed out: stage and lane
    /// names and block titles stay readable.
    pub const READABLE_TEXT: f32 = 11.0;

    /// The widest the scenario and expectations lines run beside the persona card.
    pub const STORY_WIDTH: f32 = 760.0;
    /// A department's colour square in the legend.
    pub const LEGEND_SWATCH: f32 = 10.0;
    /// Around the conversion label, inside its pill (horizontal, vertical).
    pub const PILL_PADDING: [f32; 2] = [5.0, 2.0];
    /// The square a pointer can grab an emotion point by.
    pub const EMOTION_HANDLE: f32 = 16.0;
    /// The ring around a selected card, and the line under a selected header.
    pub const SELECTION_WIDTH: f32 = 2.0;
    pub const HEADER_SELECTION_WIDTH: f32 = 3.0;
    /// Where a dragged card, stage or lane would land.
    pub const DROP_INDICATOR_WIDTH: f32 = 3.0;
    /// Connectors between linked cards: line width, and the least a curve bends out.
    pub const LINK_WIDTH: f32 = 1.25;
    pub const LINK_REACH: f32 = 12.0;
    /// The dot where a connector meets the linked card.
    pub const LINK_DOT: f32 = 2.0;
    /// Dash and gap of an anecdote's border, and of an assumption's dotted one.
    pub const DASH_ANECDOTE: [f32; 2] = [6.0, 4.0];
    pub const DASH_ASSUMPTION: [f32; 2] = [1.5, 3.0];
}

/// A font of `points` at zoom `zoom`, rounded to half points so zooming does not fill the
/// font atlas with a size per frame. Painting and hit testing both measure with it.
pub fn zoomed_font(points: f32, zoom: f32) -> egui::FontId {
    egui::FontId::proportional(((points * zoom) * 2.0).round().max(1.0) / 2.0)
}

/// Presentation mode's slides, in points on a 1600 x 900 screen; a larger screen scales
/// them all alike, so a slide reads the same from the back of the room on any projector.
pub mod slide {
    use super::size;

    /// The screen height the sizes are for.
    pub const DESIGN_HEIGHT: f32 = 900.0;
    pub const MARGIN: f32 = 48.0;
    pub const GUTTER: f32 = size::SPACE_XXL;
    /// The share of the width the stage's details take, right of its cards.
    pub const DETAILS_SHARE: f32 = 0.34;
    pub const LANE_TITLE_WIDTH: f32 = 170.0;
    pub const EMOTION_STRIP_HEIGHT: f32 = 124.0;
    pub const FOOTER_HEIGHT: f32 = 44.0;
    /// Cards are drawn this much larger than on the map at most, and this much at least.
    pub const CARD_ZOOM_MAX: f32 = 1.6;
    pub const CARD_ZOOM_MIN: f32 = 0.8;

    /// Text too long for its place shrinks, but not below this share of its size.
    pub const SMALLEST_TEXT: f32 = 0.7;

    pub const TEXT_TITLE: f32 = 40.0;
    pub const TEXT_SUBTITLE: f32 = 22.0;
    pub const TEXT_HEADING: f32 = 19.0;
    pub const TEXT_BODY: f32 = 16.0;
    pub const TEXT_META: f32 = 14.0;
}

/// Icons that back up colour, so a map printed in greyscale still reads. All of them are
/// in egui's bundled fonts.
pub mod icon {
    use crate::model::{CardKind, LaneKind};

    pub const MOMENT_OF_TRUTH: &str = "★";
    /// The card says what happens when the step fails.
    pub const FAILURE_PATH: &str = "⚡";
    /// Open comments on a card, followed by their count.
    pub const COMMENTS: &str = "💬";
    /// A moment of truth that does not say what happens when it fails.
    pub const MISSING_FAILURE_PATH: &str = "⚠";
    pub const CONVERSION: &str = "➡";

    pub fn card(kind: CardKind) -> &'static str {
        match kind {
            CardKind::Touchpoint => "👥",
            CardKind::PainPoint => "⚠",
            CardKind::Opportunity => "💡",
            CardKind::Note => "📝",
        }
    }

    pub fn lane(kind: LaneKind) -> &'static str {
        match kind {
            LaneKind::Touchpoints => card(CardKind::Touchpoint),
            LaneKind::PainPoints => card(CardKind::PainPoint),
            LaneKind::Opportunities => card(CardKind::Opportunity),
            LaneKind::Backstage | LaneKind::Notes => card(CardKind::Note),
            LaneKind::Emotion => "♥",
        }
    }
}
