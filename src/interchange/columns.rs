//! A table's columns by their headers, and its cells' values by their names: what a
//! spreadsheet may write for a kind, a yes, an emotion.

use crate::model::{CardKind, Evidence, LaneKind, Severity, echo};

/// A column of a card table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    Journey,
    Stage,
    /// A stage's id, written only where two stages of a journey share a name.
    StageId,
    Lane,
    /// The kind of a lane the table names for the first time (`touchpoints`, `backstage`).
    LaneKind,
    Kind,
    Id,
    Title,
    Notes,
    Channel,
    Owner,
    /// Whose journey it is: the primary persona, whose score `emotion` holds.
    Persona,
    Emotion,
    /// `emotion:<persona>`: another committee member's score, by persona id or name.
    EmotionOf(String),
    MomentOfTruth,
    IfItFails,
    Severity,
    Evidence,
    Links,
}

impl Column {
    /// The columns every table may have, by their header as an export writes it.
    pub const NAMED: [(Column, &'static str); 18] = [
        (Column::Journey, "journey"),
        (Column::Stage, "stage"),
        (Column::StageId, "stage_id"),
        (Column::Lane, "lane"),
        (Column::LaneKind, "lane_kind"),
        (Column::Kind, "kind"),
        (Column::Id, "id"),
        (Column::Title, "title"),
        (Column::Notes, "notes"),
        (Column::Channel, "channel"),
        (Column::Owner, "owner"),
        (Column::Persona, "persona"),
        (Column::Emotion, "emotion"),
        (Column::MomentOfTruth, "moment_of_truth"),
        (Column::IfItFails, "if_it_fails"),
        (Column::Severity, "severity"),
        (Column::Evidence, "evidence"),
        (Column::Links, "links"),
    ];

    /// The column a header names, matched without regard to case, spaces, `_` or `-`:
    /// `Moment of truth`, `moment_of_truth` and `MOMENT-OF-TRUTH` are one column.
    pub fn of_header(header: &str) -> Option<Column> {
        let header = header.trim();
        if let Some((emotion, persona)) = header.split_once(':')
            && same_name(emotion, "emotion")
        {
            let persona = persona.trim();
            return (!persona.is_empty()).then(|| Column::EmotionOf(persona.to_owned()));
        }
        Column::NAMED
            .iter()
            .find(|(_, name)| same_name(name, header))
            .map(|(column, _)| column.clone())
    }

    /// Whether two columns are one: `emotion:CFO` and `emotion:cfo` are.
    pub fn same_as(&self, other: &Column) -> bool {
        match (self, other) {
            (Column::EmotionOf(a), Column::EmotionOf(b)) => same_text(a.trim(), b.trim()),
            (a, b) => a == b,
        }
    }

    /// The header an export writes for the column.
    pub fn header(&self) -> String {
        match self {
            Column::EmotionOf(persona) => format!("emotion:{persona}"),
            column => Column::NAMED
                .iter()
                .find(|(c, _)| c == column)
                .map_or_else(String::new, |(_, name)| (*name).to_owned()),
        }
    }
}

/// The letters of `text` as names are compared: lower case, without spaces, `_` or `-`.
fn squeezed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
}

/// Whether two texts are the same but for case, without allocating.
pub fn same_text(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether two names are the same name, compared as [`squeezed`] (without allocating:
/// every cell of a large table is compared).
fn same_name(a: &str, b: &str) -> bool {
    squeezed(a).eq(squeezed(b))
}

/// The value among `values` that `text` names (any case, spaces, `_` and `-` ignored),
/// or an error listing the names.
fn named<T: Copy>(text: &str, values: &[(T, &[&str])], what: &str) -> Result<T, String> {
    // Most cells spell a name as it is listed (an export does): that is checked first.
    let exact = |n: &&str| n.eq_ignore_ascii_case(text.trim());
    values
        .iter()
        .find(|(_, names)| names.iter().any(exact))
        .or_else(|| {
            values
                .iter()
                .find(|(_, names)| names.iter().any(|n| same_name(n, text)))
        })
        .map(|(value, _)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = values.iter().map(|(_, names)| names[0]).collect();
            format!(
                "`{}` is not {what}; write one of: {}",
                echo(text),
                names.join(", ")
            )
        })
}

pub fn card_kind(text: &str) -> Result<CardKind, String> {
    named(
        text,
        &[
            (CardKind::Touchpoint, &["touchpoint", "touchpoints", "step"]),
            (CardKind::PainPoint, &["pain point", "pain points", "pain"]),
            (CardKind::Opportunity, &["opportunity", "opportunities"]),
            (CardKind::Note, &["note", "notes"]),
        ],
        "a kind of card",
    )
}

/// A lane kind by its name or the name of the cards it holds.
pub fn lane_kind(text: &str) -> Result<LaneKind, String> {
    named(text, &LANE_KINDS, "a kind of lane")
}

/// Names of lane kinds: the lane's own title first, then other ways to say it.
const LANE_KINDS: [(LaneKind, &[&str]); 6] = [
    (LaneKind::Touchpoints, &["touchpoints", "touchpoint"]),
    (
        LaneKind::PainPoints,
        &["pain points", "pain point", "painpoints"],
    ),
    (LaneKind::Opportunities, &["opportunities", "opportunity"]),
    (LaneKind::Backstage, &["backstage", "behind the scenes"]),
    (LaneKind::Emotion, &["emotion", "emotions", "emotion curve"]),
    (LaneKind::Notes, &["notes", "note"]),
];

/// The kind whose usual title `title` is ("Pain points", "Behind the scenes"), if any.
pub fn usual_lane(title: &str) -> Option<LaneKind> {
    lane_kind(title).ok()
}

pub fn severity(text: &str) -> Result<Severity, String> {
    named(
        text,
        &[
            (Severity::Low, &["low"]),
            (Severity::Medium, &["medium"]),
            (Severity::High, &["high"]),
            (Severity::Critical, &["critical"]),
        ],
        "a severity",
    )
}

pub fn evidence(text: &str) -> Result<Evidence, String> {
    named(
        text,
        &[
            (Evidence::Assumption, &["assumption"]),
            (Evidence::Anecdote, &["anecdote"]),
            (Evidence::Research, &["research"]),
        ],
        "a kind of evidence",
    )
}

/// `yes`, `no`, `true`, `false`, `1`, `0`, `x` or empty (no), any case.
pub fn yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" => Ok(true),
        "no" | "n" | "false" | "0" | "" => Ok(false),
        _ => Err(format!(
            "`{}` is not yes or no; write yes, no, true, false, 1, 0 or x",
            echo(text)
        )),
    }
}

/// A text cell as a table holds it: a `'` that keeps a spreadsheet from running the cell
/// as a formula (`'=SUM(…)`, written by the export) is taken off.
pub fn text_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// An emotion score, −2..+2, as a spreadsheet writes it: `-1`, `+2`, `−1` (a real minus
/// sign, as the map shows it), `1.0`, `1,0` (a European decimal comma).
pub fn emotion(text: &str) -> Result<i8, String> {
    let text = text.trim();
    let plain = if text.contains(['−', ',']) {
        std::borrow::Cow::Owned(text.replace('−', "-").replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let number: f64 = plain
        .strip_prefix('+')
        .unwrap_or(&plain)
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| format!("`{}` is not a number from −2 to +2", echo(text)))?;
    if number.fract() != 0.0 {
        return Err(format!(
            "{} is not a whole number; an emotion is −2, −1, 0, +1 or +2",
            echo(text)
        ));
    }
    if !(-2.0..=2.0).contains(&number) {
        return Err(format!("{} is outside −2..+2", echo(text)));
    }
    Ok(number as i8)
}
