//! What things are called where people read them: kind names, lane titles, emotion
//! scores and the label a screen reader reads for a card. The map, the inspector, the
//! filter and the command line all take their words from here.

use super::{Card, CardKind, Comment, Evidence, Lane, LaneKind, Severity};

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

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
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
        self.shown_title().to_owned()
    }

    /// [`Self::display_title`], borrowed.
    pub fn shown_title(&self) -> &str {
        if self.title.is_empty() {
            self.kind.name()
        } else {
            &self.title
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

/// A user's text (an id, a title) as a message repeats it: [`escaped`], and cut after a
/// few dozen characters with "…", so a message stays one readable line whatever a file
/// holds.
pub fn echo(text: &str) -> String {
    match text.char_indices().nth(ECHOED_CHARS) {
        Some((end, _)) => escaped(&text[..end]) + "…",
        None => escaped(text),
    }
}

/// `text` with every character that is invisible or moves the text around it shown as
/// its escape instead (a newline as `\n`, ESC as `\u{1b}`, a right-to-left mark as
/// `\u{200f}`), so that a message says what it seems to say, on one line.
pub fn escaped(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_invisible(c) {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Characters that draw nothing yet change how text reads: Unicode's format characters
/// (zero-width spaces and joiners, direction marks and overrides, the byte-order mark,
/// soft hyphens, tags) and the line and paragraph separators.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// A list of items by id and name, as a message offers them: "mkt (Marketing), sales
/// (Sales)", or "none".
pub fn named_ids<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let listed: Vec<String> = items
        .into_iter()
        .map(|(id, name)| format!("{} ({})", echo(id), echo(name)))
        .collect();
    if listed.is_empty() {
        "none".to_owned()
    } else {
        listed.join(", ")
    }
}

/// A name as an id or a file name is made of it: its words of letters and digits, lower
/// case, joined by `-` ("As is" → `as-is`); empty when the name has none.
pub fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

/// A number of things with the right word: "1 card", "12 cards", "0 cards".
pub fn quantity(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `noun` after "a" or "an", as it is said: "a card", "an opportunity".
pub fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}
