//! The edits behind the project's own lists: departments, personas and journeys. Removing
//! one takes its references along (owners, a journey's persona), so the project stays valid
//! and one undo brings everything back.

use super::committee_operations::remove_member;
use super::edit::{Edit, Item, List, ListOp};
use super::operations::unique_id;
use super::types::{Department, Journey, Persona, Project};

fn op(list: List, op: ListOp) -> Edit {
    Edit::List { list, op }
}

/// A new department at the end of the list; returns its id.
pub fn add_department(project: &Project) -> (Edit, String) {
    let id = unique_id("dept", project.departments.len(), |id| {
        project.departments.iter().any(|d| d.id == id)
    });
    let department = Department {
        id: id.clone(),
        name: format!("Department {}", project.departments.len() + 1),
        color: String::new(),
    };
    let index = project.departments.len();
    let item = Item::Department(department);
    (op(List::Departments, ListOp::Insert { index, item }), id)
}

pub fn set_department(index: usize, department: Department) -> Edit {
    let item = Item::Department(department);
    op(List::Departments, ListOp::Replace { index, item })
}

/// Removes a department; the cards it owned have no owner any more.
pub fn delete_department(project: &Project, index: usize) -> Edit {
    let id = project.departments[index].id.as_str();
    let mut edits = Vec::new();
    for journey in &project.journeys {
        for (i, card) in journey.cards.iter().enumerate() {
            if card.owner.as_deref() == Some(id) {
                let mut card = card.clone();
                card.owner = None;
                edits.push(super::operations::set_card(journey, i, card));
            }
        }
    }
    edits.push(op(List::Departments, ListOp::Remove { index }));
    Edit::Batch(edits)
}

/// A new persona at the end of the list; returns its id.
pub fn add_persona(project: &Project) -> (Edit, String) {
    let id = unique_id("persona", project.personas.len(), |id| {
        project.personas.iter().any(|p| p.id == id)
    });
    let persona = Persona {
        id: id.clone(),
        name: "New persona".to_owned(),
        ..Persona::default()
    };
    let index = project.personas.len();
    let item = Item::Persona(persona);
    (op(List::Personas, ListOp::Insert { index, item }), id)
}

pub fn set_persona(index: usize, persona: Persona) -> Edit {
    let item = Item::Persona(persona);
    op(List::Personas, ListOp::Replace { index, item })
}

/// Removes a persona; it leaves every buying committee it sat on, with its scores, and a
/// journey told from its point of view alone has no persona any more.
pub fn delete_persona(project: &Project, index: usize) -> Edit {
    let id = project.personas[index].id.as_str();
    let mut edits: Vec<Edit> = project
        .journeys
        .iter()
        .enumerate()
        .filter(|(_, journey)| {
            journey.persona.as_deref() == Some(id)
                || journey.committee.iter().any(|m| m.persona == id)
        })
        .map(|(i, journey)| remove_member(journey, i, id))
        .collect();
    edits.push(op(List::Personas, ListOp::Remove { index }));
    Edit::Batch(edits)
}

/// Moves a list element one place up (`-1`) or down (`1`); nothing at either end.
pub fn move_by(list: List, len: usize, index: usize, step: isize) -> Edit {
    match index.checked_add_signed(step).filter(|&to| to < len) {
        Some(to) => op(list, ListOp::Move { from: index, to }),
        None => Edit::Batch(Vec::new()),
    }
}

/// A journey's own fields, without its stages, lanes and cards.
#[derive(Clone, Debug, PartialEq)]
pub struct JourneyInfo {
    pub name: String,
    pub scenario: String,
    pub expectations: String,
}

pub fn journey_info(journey: &Journey) -> JourneyInfo {
    JourneyInfo {
        name: journey.name.clone(),
        scenario: journey.scenario.clone(),
        expectations: journey.expectations.clone(),
    }
}

/// Sets a journey's own fields (its map stays as it is).
pub fn set_journey_info(project: &Project, index: usize, info: JourneyInfo) -> Edit {
    let mut journey = project.journeys[index].clone();
    journey.name = info.name;
    journey.scenario = info.scenario;
    journey.expectations = info.expectations;
    op(
        List::Journeys,
        ListOp::Replace {
            index,
            item: Item::Journey(journey),
        },
    )
}

/// Adds `journey` after `after` (or at the end) under a fresh id and a name of its own;
/// returns its position.
pub fn add_journey(project: &Project, mut journey: Journey, after: Option<usize>) -> (Edit, usize) {
    let base = if journey.id.is_empty() {
        "journey"
    } else {
        &journey.id.clone()
    };
    journey.id = unique_id(base, 0, |id| project.journeys.iter().any(|j| j.id == id));
    if project.journeys.iter().any(|j| j.name == journey.name) {
        journey.name = format!("{} (copy)", journey.name);
    }
    let index = after.map_or(project.journeys.len(), |i| i + 1);
    (
        op(
            List::Journeys,
            ListOp::Insert {
                index,
                item: Item::Journey(journey),
            },
        ),
        index,
    )
}

/// A project to start from nothing: one journey with the usual lanes and one stage, no
/// personas, no departments, no title.
pub fn blank_project() -> Project {
    Project {
        journeys: vec![blank_journey()],
        ..Project::default()
    }
}

/// A journey with the usual lanes and no stages or cards, ready to be mapped.
pub fn blank_journey() -> Journey {
    use super::types::{Lane, LaneKind};
    let lane = |id: &str, kind, title: &str| Lane {
        id: id.to_owned(),
        kind,
        title: title.to_owned(),
    };
    Journey {
        id: "journey".to_owned(),
        name: "New journey".to_owned(),
        stages: vec![super::types::Stage {
            id: "stage-1".to_owned(),
            name: "First stage".to_owned(),
            ..Default::default()
        }],
        lanes: vec![
            lane("touch", LaneKind::Touchpoints, "Touchpoints"),
            lane("pain", LaneKind::PainPoints, "Pain points"),
            lane("emotion", LaneKind::Emotion, "Emotion"),
            lane("backstage", LaneKind::Backstage, "Behind the scenes"),
            lane("opps", LaneKind::Opportunities, "Opportunities"),
        ],
        ..Journey::default()
    }
}

pub fn delete_journey(index: usize) -> Edit {
    op(List::Journeys, ListOp::Remove { index })
}

/// Adds the built-in template's journey, with the departments and persona it refers to
/// that the project does not have yet; returns the journey's position.
pub fn add_template_journey(project: &Project, template: &Project) -> Option<(Edit, usize)> {
    let journey = template.journeys.first()?.clone();
    let mut edits = Vec::new();
    let mut departments = project.departments.len();
    for department in &template.departments {
        if project.departments.iter().all(|d| d.id != department.id) {
            let item = Item::Department(department.clone());
            edits.push(op(
                List::Departments,
                ListOp::Insert {
                    index: departments,
                    item,
                },
            ));
            departments += 1;
        }
    }
    let mut personas = project.personas.len();
    for persona in &template.personas {
        if project.personas.iter().all(|p| p.id != persona.id) {
            let item = Item::Persona(persona.clone());
            edits.push(op(
                List::Personas,
                ListOp::Insert {
                    index: personas,
                    item,
                },
            ));
            personas += 1;
        }
    }
    let (add, index) = add_journey(project, journey, None);
    edits.push(add);
    Some((Edit::Batch(edits), index))
}
