//! A journey as a Mermaid `journey` diagram that Mermaid accepts: a section per stage, a
//! task per card with the primary persona's score + 3 and the members who feel the same
//! as its actors. What [`super::import_mermaid`] reads back gives the same diagram again.

use std::fmt::Write;

use crate::model::{Card, LaneKind, Project, Voice, voices};

/// Which cards become tasks.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum MermaidLanes {
    /// The cards of the touchpoint lanes: the steps the buyer takes.
    #[default]
    Touchpoints,
    /// Every card, lane after lane within each stage.
    All,
}

/// The diagram of `journey` (an index into the project's journeys); `None` when there is
/// no such journey.
pub fn export_mermaid(project: &Project, journey: usize, lanes: MermaidLanes) -> Option<String> {
    let journey = project.journeys.get(journey)?;
    let voices = voices(project, journey);
    let names: Vec<String> = voices
        .iter()
        .map(|v| escape(v.persona_in(project).map_or("", |p| p.name.as_str())))
        .collect();
    let named = journey.persona.is_some();
    let mut out = String::from("journey\n");
    let _ = writeln!(out, "    title {}", escape(&journey.name));
    let scenario: Vec<&str> = journey
        .scenario
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    match scenario.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "    accDescr: {one}");
        }
        many => {
            out.push_str("    accDescr {\n");
            for line in many {
                // A `}` would close the block: it is written as its entity code.
                let _ = writeln!(out, "        {}", line.replace('}', "#125;"));
            }
            out.push_str("    }\n");
        }
    }
    for stage in &journey.stages {
        let _ = writeln!(out, "    section {}", escape(&stage.name));
        let lanes = journey.lanes.iter().filter(|lane| match lanes {
            MermaidLanes::Touchpoints => lane.kind == LaneKind::Touchpoints,
            MermaidLanes::All => lane.kind != LaneKind::Emotion,
        });
        for lane in lanes {
            for card in journey
                .cards
                .iter()
                .filter(|c| c.stage == stage.id && c.lane == lane.id)
            {
                let _ = writeln!(out, "      {}", task(card, &voices, &names, named));
            }
        }
    }
    Some(out)
}

/// A task line: `Title: score: actors`. The score is the primary persona's, or the first
/// member's who gave one, or 3 when nobody did; the actors are the members who gave that
/// score.
fn task(card: &Card, voices: &[Voice<'_>], names: &[String], named: bool) -> String {
    let scores: Vec<Option<i8>> = voices.iter().map(|v| v.score(card)).collect();
    let primary = voices.iter().position(|v| v.primary);
    let score = primary
        .and_then(|p| scores[p])
        .or_else(|| scores.iter().flatten().next().copied());
    let mut line = format!("{}: {}", escape(&card.title), score.map_or(3, |s| s + 3));
    let actors: Vec<&str> = scores
        .iter()
        .zip(names)
        .filter(|(s, _)| score.is_some() && **s == score)
        .map(|(_, name)| name.as_str())
        .collect();
    if named && !actors.is_empty() {
        let _ = write!(line, ": {}", actors.join(", "));
    }
    line
}

/// A name as a diagram may hold it: `:`, `#`, `;`, `%` and `,` as Mermaid's entity codes
/// (`#58;`), line breaks as `<br>`, and a first letter coded when the name would start
/// with a keyword (`title …` would set the title).
fn escape(name: &str) -> String {
    let name = name.trim();
    let mut out = String::with_capacity(name.len());
    for (i, c) in name.chars().enumerate() {
        match c {
            ':' | '#' | ';' | '%' | ',' | '{' | '}' => {
                let _ = write!(out, "#{};", c as u32);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if i == 0 && starts_keyword(name) => {
                let _ = write!(out, "#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `name` starts with a word the journey lexer takes as a keyword.
fn starts_keyword(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["journey", "title", "section", "acctitle", "accdescr"]
        .iter()
        .any(|word| lower.starts_with(word))
}
