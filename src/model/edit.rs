//! Edits: the only way a document changes. Each edit, applied, returns its inverse, so
//! undo and redo are the same operation run in opposite directions.

use super::types::{Card, Department, Journey, Lane, Persona, Project, Stage};
use super::validate::ValidationError;

/// A list of the project that edits address. Journey-scoped lists name the journey by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum List {
    Departments,
    Personas,
    Journeys,
    Stages(String),
    Lanes(String),
    Cards(String),
}

/// An element of one of the lists.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Department(Department),
    Persona(Persona),
    Journey(Journey),
    Stage(Stage),
    Lane(Lane),
    Card(Card),
}

/// What an edit does to one list.
#[derive(Clone, Debug, PartialEq)]
pub enum ListOp {
    Insert {
        index: usize,
        item: Item,
    },
    Remove {
        index: usize,
    },
    Replace {
        index: usize,
        item: Item,
    },
    /// Takes the element at `from` out and puts it back so that it ends at `to`.
    Move {
        from: usize,
        to: usize,
    },
}

/// One change to a project, as the user sees it: one undo step.
// Edits are few and short-lived (one per user action), so their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    List {
        list: List,
        op: ListOp,
    },
    /// Several edits applied in order and undone together (a drag to another stage, a
    /// stage deleted with its cards).
    Batch(Vec<Edit>),
    /// Sets the project's own title and notes.
    ProjectInfo {
        title: String,
        notes: String,
    },
}

/// Why an edit could not be applied. The project is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no journey with the id `{0}`")]
    NoJourney(String),
    #[error("position {index} is outside the list of {len} items")]
    OutOfRange { index: usize, len: usize },
    #[error("a {found} cannot be put in a list of {expected}")]
    WrongItem {
        expected: &'static str,
        found: &'static str,
    },
    #[error("the change would make the project invalid: {0}")]
    Invalid(Box<ValidationError>),
}

impl Edit {
    /// Applies the edit and returns the edit that undoes it. On error, nothing changed.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::List { list, op } => {
                let inverse = apply_to_list(project, &list, op)?;
                Ok(Edit::List { list, op: inverse })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(project) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            roll_back(project, inverses);
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
            Edit::ProjectInfo { title, notes } => Ok(Edit::ProjectInfo {
                title: std::mem::replace(&mut project.title, title),
                notes: std::mem::replace(&mut project.notes, notes),
            }),
        }
    }
}

/// Undoes already applied edits, newest first.
fn roll_back(project: &mut Project, inverses: Vec<Edit>) {
    for inverse in inverses.into_iter().rev() {
        // An inverse applies to exactly the state its edit produced, so it cannot fail.
        let _ = inverse.apply(project);
    }
}

fn apply_to_list(project: &mut Project, list: &List, op: ListOp) -> Result<ListOp, EditError> {
    match list {
        List::Departments => op.apply_to(&mut project.departments),
        List::Personas => op.apply_to(&mut project.personas),
        List::Journeys => op.apply_to(&mut project.journeys),
        List::Stages(journey) => op.apply_to(&mut journey_mut(project, journey)?.stages),
        List::Lanes(journey) => op.apply_to(&mut journey_mut(project, journey)?.lanes),
        List::Cards(journey) => op.apply_to(&mut journey_mut(project, journey)?.cards),
    }
}

fn journey_mut<'a>(project: &'a mut Project, id: &str) -> Result<&'a mut Journey, EditError> {
    project
        .journeys
        .iter_mut()
        .find(|journey| journey.id == id)
        .ok_or_else(|| EditError::NoJourney(id.to_owned()))
}

fn check_index(index: usize, len: usize) -> Result<(), EditError> {
    if index < len {
        Ok(())
    } else {
        Err(EditError::OutOfRange { index, len })
    }
}

impl ListOp {
    fn apply_to<T: ListElement>(self, list: &mut Vec<T>) -> Result<ListOp, EditError> {
        match self {
            ListOp::Insert { index, item } => {
                check_index(index, list.len() + 1)?;
                list.insert(index, T::from_item(item)?);
                Ok(ListOp::Remove { index })
            }
            ListOp::Remove { index } => {
                check_index(index, list.len())?;
                let item = list.remove(index).into_item();
                Ok(ListOp::Insert { index, item })
            }
            ListOp::Replace { index, item } => {
                check_index(index, list.len())?;
                let new = T::from_item(item)?;
                let old = std::mem::replace(&mut list[index], new).into_item();
                Ok(ListOp::Replace { index, item: old })
            }
            ListOp::Move { from, to } => {
                check_index(from, list.len())?;
                check_index(to, list.len())?;
                let element = list.remove(from);
                list.insert(to, element);
                Ok(ListOp::Move { from: to, to: from })
            }
        }
    }
}

/// A type that lives in one of the project's lists.
trait ListElement: Sized {
    const NAME: &'static str;
    fn into_item(self) -> Item;
    fn from_item(item: Item) -> Result<Self, EditError>;
}

macro_rules! list_element {
    ($type:ident, $name:literal) => {
        impl ListElement for $type {
            const NAME: &'static str = $name;
            fn into_item(self) -> Item {
                Item::$type(self)
            }
            fn from_item(item: Item) -> Result<Self, EditError> {
                match item {
                    Item::$type(value) => Ok(value),
                    other => Err(EditError::WrongItem {
                        expected: Self::NAME,
                        found: other.name(),
                    }),
                }
            }
        }
    };
}

list_element!(Department, "department");
list_element!(Persona, "persona");
list_element!(Journey, "journey");
list_element!(Stage, "stage");
list_element!(Lane, "lane");
list_element!(Card, "card");

impl Item {
    fn name(&self) -> &'static str {
        match self {
            Item::Department(_) => Department::NAME,
            Item::Persona(_) => Persona::NAME,
            Item::Journey(_) => Journey::NAME,
            Item::Stage(_) => Stage::NAME,
            Item::Lane(_) => Lane::NAME,
            Item::Card(_) => Card::NAME,
        }
    }
}
