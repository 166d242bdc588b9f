//! What things are called where people read them: kind names, lane titles, emotion
//! scores and the label a screen reader reads for a card. The map, the inspector, the
//! filter and the command line all take their words from here.

use super::{Card, CardKind, Comment, Evidence, Lane, LaneKind};

impl CardKind {
    pub fn name(self) -> &'static str {
        match self {
            CardKind::Touchpoint => "Touchpoint",
            CardKind::PainPoint => "Pain point",
            CardKind::Opportunity => "Opportunity",
            CardKind::Note => "Note",
        }
    }
}

impl Evidence {
    pub fn name(self) -> &'static str {
        match self {
            Evidence::Assumption => "Assumption",
            Evidence::Anecdote => "Anecdote",
            Evidence::Research => "Research",
        }
    }
}

impl LaneKind {
    pub fn name(self) -> &'static str {
        match self {
            LaneKind::Touchpoints => "Touchpoints",
            LaneKind::PainPoints => "Pain points",
            LaneKind::Opportunities => "Opportunities",
            LaneKind::Backstage => "Behind the scenes",
            LaneKind::Emotion => "Emotion",
            LaneKind::Notes => "Notes",
        }
    }
}

impl Lane {
    /// The lane's title, or its kind's name when the title is empty.
    pub fn display_title(&self) -> String {
        if self.title.is_empty() {
            self.kind.name().to_owned()
        } else {
            self.title.clone()
        }
    }
}

impl Card {
    /// The label a screen reader reads for a card: its kind and title.
    pub fn accessible_label(&self) -> String {
        format!("{}: {}", self.kind.name(), self.title)
    }
}

impl Comment {
    /// Who wrote the comment, or "Someone" when nobody signed it.
    pub fn author_name(&self) -> &str {
        if self.author.is_empty() {
            "Someone"
        } else {
            &self.author
        }
    }
}

/// An emotion score as shown on a map: `+2`, `0`, `−1` (a real minus sign).
pub fn emotion_label(emotion: i8) -> String {
    match emotion {
        e if e > 0 => format!("+{e}"),
        0 => "0".to_owned(),
        e => format!("−{}", e.unsigned_abs()),
    }
}

/// The most characters of a user's text that a message repeats.
const ECHOED_CHARS: usize = 60;

/// A user's text (an id, a title) as a message repeats it: on one line, with control
/// characters and direction marks escaped (a newline as `\n`, ESC as `\u{1b}`), cut after a few dozen
/// characters with "…", so a message stays one readable line whatever a file holds.
pub fn echo(text: &str) -> String {
    let mut shown = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == ECHOED_CHARS {
            shown.push('…');
            break;
        }
        if c.is_control() || is_direction_mark(c) {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Marks that turn the direction of the text after them, which could make a message read
/// differently from what it says.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
