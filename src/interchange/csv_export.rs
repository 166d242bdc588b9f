//! Journeys as a table of cards, one row a card, for spreadsheets: what
//! [`super::import_csv`] reads back into the same cards.

use std::collections::HashMap;

use super::columns::Column;
use crate::model::{Journey, Project};

/// The columns of an exported table, in order; `emotion:<persona>` columns follow
/// `emotion`, one for each committee member who is not a journey's primary persona.
pub const CSV_COLUMNS: [Column; 18] = [
    Column::Journey,
    Column::Stage,
    Column::StageId,
    Column::Lane,
    Column::LaneKind,
    Column::Kind,
    Column::Id,
    Column::Title,
    Column::Notes,
    Column::Channel,
    Column::Owner,
    Column::Persona,
    Column::Emotion,
    Column::MomentOfTruth,
    Column::IfItFails,
    Column::Severity,
    Column::Evidence,
    Column::Links,
];

/// The table of the journey at `journey`, or of every journey, as CSV text: fields
/// separated by `delimiter` (`,`, or a tab), CRLF as spreadsheets expect, quoted where
/// they must be.
pub fn export_csv(
    project: &Project,
    journey: Option<usize>,
    delimiter: u8,
) -> Result<String, csv::Error> {
    let journeys: Vec<&Journey> = match journey {
        Some(index) => project.journeys.get(index).into_iter().collect(),
        None => project.journeys.iter().collect(),
    };
    // Members who are not a journey's primary, each once, in the order met.
    let mut others: Vec<&str> = Vec::new();
    for journey in &journeys {
        for member in &journey.committee {
            if Some(&member.persona) != journey.persona.as_ref()
                && !others.contains(&member.persona.as_str())
            {
                others.push(&member.persona);
            }
        }
    }
    let personas = names(project.personas.iter().map(|p| (&*p.id, &*p.name)));
    let departments = names(project.departments.iter().map(|d| (&*d.id, &*d.name)));
    let persona_name = |id: &str| personas.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let owner_name = |id: &str| {
        departments
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    };
    // Stages that share a name in a journey are kept apart by their ids.
    let stage_ids = journeys.iter().any(|j| shares_a_stage_name(j));
    let columns: Vec<&Column> = CSV_COLUMNS
        .iter()
        .filter(|c| stage_ids || **c != Column::StageId)
        .collect();
    let mut header: Vec<String> = Vec::new();
    for column in &columns {
        header.push(column.header());
        if **column == Column::Emotion {
            header.extend(
                others
                    .iter()
                    .map(|id| Column::EmotionOf(persona_name(id)).header()),
            );
        }
    }
    let mut out = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(
            journeys.iter().map(|j| j.cards.len() * 160).sum(),
        ));
    out.write_record(&header)?;
    let mut record: Vec<String> = Vec::with_capacity(header.len());
    for journey in journeys {
        let primary = journey
            .persona
            .as_deref()
            .map(persona_name)
            .unwrap_or_default();
        for card in &journey.cards {
            let stage = journey.stages.iter().find(|s| s.id == card.stage);
            let lane = journey.lanes.iter().find(|l| l.id == card.lane);
            record.clear();
            for column in &columns {
                let cell = match column {
                    Column::Journey => journey.name.clone(),
                    Column::Stage => stage.map_or_else(|| card.stage.clone(), |s| s.name.clone()),
                    Column::StageId => card.stage.clone(),
                    Column::Lane => lane.map_or_else(|| card.lane.clone(), |l| l.display_title()),
                    Column::LaneKind => lane.map_or("", |l| l.kind.name()).to_owned(),
                    Column::Kind => card.kind.name().to_owned(),
                    Column::Id => card.id.clone(),
                    Column::Title => card.title.clone(),
                    Column::Notes => card.notes.clone(),
                    Column::Channel => card.channel.clone(),
                    Column::Owner => card.owner.as_deref().map(owner_name).unwrap_or_default(),
                    Column::Persona => primary.clone(),
                    Column::Emotion => score(card.emotion),
                    Column::MomentOfTruth => {
                        if card.moment_of_truth { "yes" } else { "" }.to_owned()
                    }
                    Column::IfItFails => card.if_it_fails.clone(),
                    Column::Severity => card.severity.map_or("", |s| s.name()).to_owned(),
                    Column::Evidence => card.evidence.name().to_owned(),
                    Column::Links => card.links.join(" "),
                    Column::EmotionOf(_) => String::new(),
                };
                record.push(defused(cell));
                if **column == Column::Emotion {
                    record.extend(
                        others
                            .iter()
                            .map(|id| score(card.emotions.get(*id).copied())),
                    );
                }
            }
            out.write_record(&record)?;
        }
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    // Every field written was a String, so the table is UTF-8; the byte-order mark tells
    // Excel so (without it, Excel on Windows reads “é” as “Ã©”).
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// Whether two stages of `journey` have the same name (any case).
fn shares_a_stage_name(journey: &Journey) -> bool {
    let mut seen = std::collections::HashSet::new();
    !journey
        .stages
        .iter()
        .all(|s| seen.insert(s.name.trim().to_lowercase()))
}

/// A text cell as a spreadsheet may open it safely: one that starts with `=`, `+`, `-`
/// or `@` (which Excel runs as a formula) gets a leading `'`, which spreadsheets show as
/// text and [`super::columns::text_cell`] takes off again. Numbers stay numbers.
fn defused(cell: String) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err();
    if formula { format!("'{cell}") } else { cell }
}

/// A score as spreadsheets read numbers: `-1`, `0`, `2`; empty for none.
fn score(score: Option<i8>) -> String {
    score.map_or_else(String::new, |s| s.to_string())
}

/// What the table calls each item (id, name): its name, or its id when another item has
/// the same name, so that a name in the table means one item.
fn names<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> HashMap<&'a str, String> {
    let items: Vec<(&str, &str)> = items.collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, name) in &items {
        *counts.entry(name.to_lowercase()).or_default() += 1;
    }
    items
        .into_iter()
        .map(|(id, name)| {
            let shared = counts.get(&name.to_lowercase()).is_some_and(|&n| n > 1);
            (id, if shared { id } else { name }.to_owned())
        })
        .collect()
}
