//! A Mermaid `journey` diagram as a journey: sections are stages, tasks touchpoint cards,
//! actors personas on the buying committee, a score of 1..5 an emotion of −2..+2.

use super::assemble::{Assembly, Row};
use super::mermaid_parse::{Diagram, parse_mermaid};
use super::{ImportError, Place};
use crate::model::{CardKind, echo};

/// What a task before any section is put in.
const NO_SECTION: &str = "Steps";

/// Reads a Mermaid `journey` diagram into `assembly` as one journey, named by the
/// diagram's title or else as the assembly names journeys.
pub fn fill_diagram(source: &str, assembly: &mut Assembly) -> Result<(), ImportError> {
    let diagram = parse_mermaid(source)?;
    let title = lines(&diagram.title);
    let journey = match title.trim() {
        "" => assembly.default_name().to_owned(),
        title => title.to_owned(),
    };
    let journey = journey.as_str();
    let stages: Vec<String> = diagram
        .sections
        .iter()
        .map(|section| {
            let place = Place::Line {
                line: section.line,
                column: None,
            };
            let name = lines(&section.name);
            let name = if name.trim().is_empty() {
                NO_SECTION.to_owned()
            } else {
                name
            };
            assembly.add_stage(journey, &name, &place)
        })
        .collect::<Result<_, _>>()?;
    let mut loose = None;
    for task in &diagram.tasks {
        let place = Place::Line {
            line: task.line,
            column: None,
        };
        let stage = match (task.section.and_then(|s| stages.get(s)), &loose) {
            (Some(stage), _) | (None, Some(stage)) => stage.clone(),
            (None, None) => loose
                .insert(assembly.add_stage(journey, NO_SECTION, &place)?)
                .clone(),
        };
        let emotion = emotion(&task.score.value, &task.score.text, &place, assembly);
        let mut row = Row::at(place);
        row.journey = journey.to_owned();
        row.stage_id = Some(stage);
        row.kind = Some(CardKind::Touchpoint);
        row.title = lines(&task.name).trim().to_owned();
        let people: Vec<&String> = task
            .people
            .iter()
            .filter(|p| !p.trim().is_empty())
            .collect();
        if let Some(emotion) = emotion {
            if people.is_empty() {
                row.scores.primary = Some(emotion);
            } else {
                row.scores.members = people.iter().map(|p| ((*p).clone(), emotion)).collect();
            }
        }
        assembly.add_row(row)?;
    }
    // A diagram without sections or tasks still makes its journey.
    if diagram.tasks.is_empty() && diagram.sections.is_empty() {
        let place = Place::Line {
            line: 1,
            column: None,
        };
        assembly.add_stage(journey, NO_SECTION, &place)?;
    }
    assembly.set_scenario(journey, scenario(&diagram));
    Ok(())
}

/// The journey's scenario: the diagram's accessible title and description, a line each.
fn scenario(diagram: &Diagram) -> String {
    [&diagram.acc_title, &diagram.acc_descr]
        .into_iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A name with Mermaid's line breaks (`<br/>`) as line breaks.
fn lines(name: &str) -> String {
    name.replace("<br/>", "\n")
}

/// The emotion a score of 1..5 gives (score − 3), rounded and held within −2..+2 with a
/// warning when the score is outside 1..5 or not a whole number; a score that is not a
/// number is taken as 3, the neutral face Mermaid draws for it.
fn emotion(score: &f64, text: &str, place: &Place, assembly: &mut Assembly) -> Option<i8> {
    if score.is_nan() {
        assembly.warn(format!(
            "{place}: the score `{}` is not a number; taken as 3",
            echo(text)
        ));
        return Some(0);
    }
    let taken = score.round().clamp(1.0, 5.0);
    if taken != *score {
        let written = if text.is_empty() {
            "(empty, 0 to Mermaid)".to_owned()
        } else {
            echo(text)
        };
        assembly.warn(format!(
            "{place}: the score {written} is outside 1..5 or not a whole number; taken as {taken}"
        ));
    }
    Some(taken as i8 - 3)
}
