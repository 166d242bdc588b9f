//! Random valid projects and random edits, read from raw bytes with `arbitrary`.
//!
//! The property tests (`tests/properties.rs`) and the fuzz targets (`fuzz/`) both include
//! this file with `#[path]`, so a property and a fuzz target try the same shapes. Edits go
//! through the same operations the app's commands call, plus raw list edits that are
//! often invalid, which the document must refuse without changing.

use arbitrary::{Result, Unstructured};
use journeymap::model::committee_operations::{add_member, make_primary, remove_member};
use journeymap::model::operations::{
    add_card, add_lane, add_stage, delete_card, delete_lane, delete_stage, duplicate_card,
    move_card, move_lane, move_stage, new_card_id, set_card, set_stage,
};
use journeymap::model::project_operations::{
    add_department, add_journey, add_persona, blank_journey, delete_department, delete_journey,
    delete_persona, journey_info, move_by, set_journey_info,
};
use journeymap::model::{
    BuyingRole, Card, CardKind, Comment, Department, Edit, Empathy, Evidence, Item, Journey, Kpi,
    Lane, LaneKind, List, ListOp, Member, Persona, Project, Severity, Stage,
};

/// Pieces of text that stress the file format: quotes, escapes, comment markers, RON's own
/// syntax, non-ASCII and invisible characters.
const PIECES: &[&str] = &[
    "",
    " ",
    "a",
    "Buyer",
    "\"",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "'",
    "//",
    "/*",
    "*/",
    ")",
    "]",
    ",",
    "r#\"",
    "é",
    "ß",
    "漢",
    "🙂",
    "\u{1b}[31m",
    "\u{0}",
    "\u{202e}",
    "\u{feff}",
    "Some(",
    "None",
    "#FFFFFF",
];

const SEVERITIES: [Severity; 4] = [
    Severity::Low,
    Severity::Medium,
    Severity::High,
    Severity::Critical,
];

/// A short text of tricky pieces and arbitrary characters; may be empty.
pub fn text(u: &mut Unstructured) -> Result<String> {
    let mut text = String::new();
    for _ in 0..u.int_in_range(0..=4)? {
        if u.arbitrary()? {
            text.push_str(u.choose(PIECES)?);
        } else {
            text.push(u.arbitrary::<char>()?);
        }
    }
    Ok(text)
}

/// A text that is never blank, for required names and titles.
fn name(u: &mut Unstructured) -> Result<String> {
    Ok(format!("N{}", text(u)?))
}

/// A unique id: the position makes it unique, the tail makes it awkward to quote.
fn id(u: &mut Unstructured, prefix: &str, index: usize) -> Result<String> {
    let tail = u.choose(&["", "\"", " x", "é", "\n", "\\", "/*"])?;
    Ok(format!("{prefix}{index}{tail}"))
}

fn texts(u: &mut Unstructured) -> Result<Vec<String>> {
    (0..u.int_in_range(0..=2)?).map(|_| text(u)).collect()
}

fn optional<T>(
    u: &mut Unstructured,
    value: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if u.arbitrary()? {
        Some(value(u)?)
    } else {
        None
    })
}

/// One of `ids`, or none (always none when there are none).
fn reference(u: &mut Unstructured, ids: &[String]) -> Result<Option<String>> {
    if ids.is_empty() || !u.arbitrary::<bool>()? {
        return Ok(None);
    }
    Ok(Some(u.choose(ids)?.clone()))
}

fn color(u: &mut Unstructured) -> Result<String> {
    Ok(if u.arbitrary()? {
        let [r, g, b] = u.arbitrary::<[u8; 3]>()?;
        format!("#{r:02X}{g:02x}{b:02X}")
    } else {
        String::new()
    })
}

/// A conversion in `0..=1` with as many digits as a float holds.
fn conversion(u: &mut Unstructured) -> Result<f64> {
    Ok(f64::from(u.arbitrary::<u32>()?) / f64::from(u32::MAX))
}

/// A valid project of a few journeys, each of a few stages, lanes and cards.
pub fn project(u: &mut Unstructured) -> Result<Project> {
    let departments: Vec<Department> = (0..u.int_in_range(0..=3)?)
        .map(|i| {
            Ok(Department {
                id: id(u, "d", i)?,
                name: name(u)?,
                color: color(u)?,
            })
        })
        .collect::<Result<_>>()?;
    let personas: Vec<Persona> = (0..u.int_in_range(0..=2)?)
        .map(|i| persona(u, i))
        .collect::<Result<_>>()?;
    let department_ids: Vec<String> = departments.iter().map(|d| d.id.clone()).collect();
    let persona_ids: Vec<String> = personas.iter().map(|p| p.id.clone()).collect();
    let journeys = (0..u.int_in_range(1..=3)?)
        .map(|i| journey(u, i, &department_ids, &persona_ids))
        .collect::<Result<_>>()?;
    Ok(Project {
        format: journeymap::model::FORMAT_VERSION,
        title: text(u)?,
        notes: text(u)?,
        departments,
        personas,
        journeys,
    })
}

fn persona(u: &mut Unstructured, index: usize) -> Result<Persona> {
    Ok(Persona {
        id: id(u, "p", index)?,
        name: name(u)?,
        role: text(u)?,
        quote: text(u)?,
        goals: texts(u)?,
        values: texts(u)?,
        pain_points: texts(u)?,
        channels: texts(u)?,
        influencers: texts(u)?,
        buying_process: text(u)?,
        color: color(u)?,
    })
}

fn stage(u: &mut Unstructured, index: usize) -> Result<Stage> {
    Ok(Stage {
        id: id(u, "s", index)?,
        name: name(u)?,
        goal: text(u)?,
        exit_criteria: text(u)?,
        conversion: optional(u, conversion)?,
        kpis: (0..u.int_in_range(0..=2)?)
            .map(|_| {
                Ok(Kpi {
                    name: name(u)?,
                    value: text(u)?,
                })
            })
            .collect::<Result<_>>()?,
        empathy: Empathy {
            sees: texts(u)?,
            hears: texts(u)?,
            says: texts(u)?,
            does: texts(u)?,
            thinks: texts(u)?,
            feels: texts(u)?,
        },
    })
}

fn journey(
    u: &mut Unstructured,
    index: usize,
    departments: &[String],
    personas: &[String],
) -> Result<Journey> {
    let stages: Vec<Stage> = (0..u.int_in_range(1..=5)?)
        .map(|i| stage(u, i))
        .collect::<Result<_>>()?;
    let lanes: Vec<Lane> = (0..u.int_in_range(0..=5)?)
        .map(|i| {
            Ok(Lane {
                id: id(u, "l", i)?,
                kind: *u.choose(&LaneKind::ALL)?,
                title: text(u)?,
            })
        })
        .collect::<Result<_>>()?;
    let card_lanes: Vec<&Lane> = lanes
        .iter()
        .filter(|lane| lane.kind != LaneKind::Emotion)
        .collect();
    let mut cards = Vec::new();
    if !card_lanes.is_empty() {
        for i in 0..u.int_in_range(0..=12)? {
            let stage = u.choose(&stages)?.id.clone();
            let lane = u.choose(&card_lanes)?.id.clone();
            cards.push(card(u, i, stage, lane, departments)?);
        }
    }
    let ids: Vec<String> = cards.iter().map(|c: &Card| c.id.clone()).collect();
    for card in &mut cards {
        for _ in 0..u.int_in_range(0..=2)? {
            let link = u.choose(&ids)?;
            if *link != card.id && !card.links.contains(link) {
                card.links.push(link.clone());
            }
        }
    }
    let persona = reference(u, personas)?;
    // Sometimes a buying committee around the primary, each other member scoring cards.
    let mut committee = Vec::new();
    if let Some(primary) = &persona
        && u.arbitrary()?
    {
        for id in personas {
            if id == primary || u.arbitrary()? {
                let role = optional(u, |u| Ok(*u.choose(&BuyingRole::ALL)?))?;
                committee.push(Member {
                    persona: id.clone(),
                    role,
                    detail: text(u)?,
                });
            }
        }
        for card in &mut cards {
            for member in committee.iter().filter(|m| &m.persona != primary) {
                if u.arbitrary()? {
                    card.emotions
                        .insert(member.persona.clone(), u.int_in_range(-2..=2)?);
                }
            }
        }
    }
    Ok(Journey {
        id: id(u, "j", index)?,
        name: name(u)?,
        persona,
        committee,
        scenario: text(u)?,
        expectations: text(u)?,
        stages,
        lanes,
        cards,
    })
}

fn card(
    u: &mut Unstructured,
    index: usize,
    stage: String,
    lane: String,
    departments: &[String],
) -> Result<Card> {
    Ok(Card {
        id: id(u, "c", index)?,
        kind: *u.choose(&CardKind::ALL)?,
        stage,
        lane,
        title: name(u)?,
        notes: text(u)?,
        channel: text(u)?,
        owner: reference(u, departments)?,
        emotion: optional(u, |u| u.int_in_range(-2..=2))?,
        emotions: Default::default(),
        moment_of_truth: u.arbitrary()?,
        if_it_fails: text(u)?,
        severity: optional(u, |u| Ok(*u.choose(&SEVERITIES)?))?,
        evidence: *u.choose(&Evidence::ALL)?,
        links: Vec::new(),
        comments: (0..u.int_in_range(0..=2)?)
            .map(|_| {
                Ok(Comment {
                    author: text(u)?,
                    at: text(u)?,
                    text: text(u)?,
                    resolved: u.arbitrary()?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// One edit a user could make to `project`, through the app's operations, or a raw list
/// edit that may break any rule.
pub fn edit(u: &mut Unstructured, project: &Project) -> Result<Edit> {
    let journeys = project.journeys.len();
    if journeys == 0 || u.ratio(1, 5)? {
        return project_edit(u, project);
    }
    let journey = &project.journeys[u.choose_index(journeys)?];
    journey_edit(u, journey).or_else(|_| project_edit(u, project))
}

/// Edits of the project's own lists: departments, personas, journeys, and raw edits.
fn project_edit(u: &mut Unstructured, project: &Project) -> Result<Edit> {
    let journeys = project.journeys.len();
    Ok(match u.int_in_range(0..=9)? {
        0 => add_department(project).0,
        1 => delete_department(project, u.choose_index(project.departments.len())?),
        2 => add_persona(project).0,
        3 => delete_persona(project, u.choose_index(project.personas.len())?),
        4 => add_journey(project, blank_journey(), None).0,
        5 => delete_journey(u.choose_index(journeys)?),
        6 => {
            let index = u.choose_index(journeys)?;
            let journey = &project.journeys[index];
            let persona = format!("p{}", u.int_in_range(0..=3)?);
            match u.int_in_range(0..=3)? {
                0 => add_member(journey, index, &persona),
                1 => make_primary(journey, index, &persona),
                2 => remove_member(journey, index, &persona),
                _ => {
                    let mut info = journey_info(journey);
                    info.name = if u.arbitrary()? { name(u)? } else { text(u)? };
                    set_journey_info(project, index, info)
                }
            }
        }
        7 => {
            let step = *u.choose(&[-1, 1])?;
            move_by(List::Journeys, journeys, u.choose_index(journeys)?, step)
        }
        8 => Edit::Batch(vec![edit(u, project)?, edit(u, project)?]),
        _ => raw_edit(u, project)?,
    })
}

/// Edits of one journey's stages, lanes and cards, as the canvas and inspector make them.
fn journey_edit(u: &mut Unstructured, journey: &Journey) -> Result<Edit> {
    let cards = journey.cards.len();
    let stages = journey.stages.len();
    let lanes = journey.lanes.len();
    Ok(match u.int_in_range(0..=11)? {
        0 => {
            let stage = u.choose(&journey.stages)?.id.clone();
            let lane = u.choose(&journey.lanes)?;
            let kind = lane.kind.card_kind().unwrap_or(CardKind::Note);
            let card = Card::new(&new_card_id(journey), kind, &stage, &lane.id, &name(u)?);
            add_card(journey, card, u.int_in_range(0..=cards)?)
        }
        1 => {
            let stage = u.choose(&journey.stages)?.id.clone();
            let lane = u.choose(&journey.lanes)?.id.clone();
            let slot = u.int_in_range(0..=cards)?;
            move_card(journey, u.choose_index(cards)?, &stage, &lane, slot)
        }
        2 => duplicate_card(journey, u.choose_index(cards)?).0,
        3 => delete_card(journey, u.choose_index(cards)?),
        4 => delete_stage(journey, u.choose_index(stages)?),
        5 => delete_lane(journey, u.choose_index(lanes)?),
        6 => move_stage(
            journey,
            u.choose_index(stages)?,
            u.int_in_range(0..=stages)?,
        ),
        7 => move_lane(journey, u.choose_index(lanes)?, u.int_in_range(0..=lanes)?),
        8 => add_stage(journey, optional(u, |u| u.choose_index(stages))?).0,
        9 => {
            let after = optional(u, |u| u.choose_index(lanes))?;
            add_lane(journey, after, *u.choose(&LaneKind::ALL)?, &text(u)?).0
        }
        10 => {
            let index = u.choose_index(cards)?;
            let mut card = journey.cards[index].clone();
            card.title = text(u)?;
            card.emotion = optional(u, |u| u.int_in_range(-3..=3))?;
            // Often a persona not on the committee, which the document must refuse.
            if u.arbitrary()? {
                let persona = format!("p{}", u.int_in_range(0..=3)?);
                card.emotions.insert(persona, u.int_in_range(-3..=3)?);
            }
            if u.arbitrary()? {
                card.links.push(u.choose(&journey.cards)?.id.clone());
            }
            set_card(journey, index, card)
        }
        _ => {
            let index = u.choose_index(stages)?;
            let mut stage = journey.stages[index].clone();
            stage.name = text(u)?;
            stage.conversion = optional(u, |u| Ok(f64::from(u.int_in_range(-1..=2)?) / 2.0))?;
            set_stage(journey, index, stage)
        }
    })
}

/// A list edit at any position with any item: the document refuses what it cannot apply
/// or what would make the project invalid.
fn raw_edit(u: &mut Unstructured, project: &Project) -> Result<Edit> {
    let journey = project
        .journeys
        .first()
        .map_or_else(|| "nowhere".to_owned(), |journey| journey.id.clone());
    let (list, item) = match u.int_in_range(0..=5)? {
        0 => (
            List::Departments,
            Item::Department(Department {
                id: format!("d{}", u.int_in_range(0..=5)?),
                name: text(u)?,
                color: color(u)?,
            }),
        ),
        1 => (List::Personas, Item::Persona(persona(u, 9)?)),
        2 => (List::Journeys, Item::Journey(blank_journey())),
        3 => (List::Stages(journey.clone()), Item::Stage(stage(u, 7)?)),
        4 => (
            List::Lanes(journey.clone()),
            Item::Lane(Lane {
                id: format!("l{}", u.int_in_range(0..=6)?),
                kind: *u.choose(&LaneKind::ALL)?,
                title: text(u)?,
            }),
        ),
        _ => {
            let stage = format!("s{}", u.int_in_range(0..=5)?);
            let lane = format!("l{}", u.int_in_range(0..=5)?);
            let index = u.int_in_range(0..=20)?;
            let card = card(u, index, stage, lane, &[])?;
            (List::Cards(journey), Item::Card(card))
        }
    };
    let index = u.int_in_range(0..=4)?;
    let op = match u.int_in_range(0..=3)? {
        0 => ListOp::Insert { index, item },
        1 => ListOp::Remove { index },
        2 => ListOp::Replace { index, item },
        _ => ListOp::Move {
            from: index,
            to: u.int_in_range(0..=4)?,
        },
    };
    Ok(Edit::List { list, op })
}
