//! The edit door: the one owner of a project, through which every change passes.

use super::edit::{Edit, EditError};
use super::types::{Journey, Project};
use super::validate::validate;

/// A project with its undo history and a record of whether it matches what was saved.
#[derive(Debug)]
pub struct Document {
    project: Project,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Names the current state; every applied edit makes a new one.
    state: u64,
    last_state: u64,
    /// The state that was last written to (or read from) disk; `None` when that state can
    /// no longer be reached by undo or redo.
    saved_state: Option<u64>,
}

/// One undo or redo step: the edit that goes to the other state, and the two states.
#[derive(Debug)]
struct Step {
    edit: Edit,
    from: u64,
    to: u64,
    /// Set while later edits with the same key join this step (typing in one field).
    merge_key: Option<String>,
}

/// Where the next document's states start: each document numbers its states from its
/// own start, far from every other's, so that a view caching by [`Document::state_id`]
/// never takes a new project (File → New, Open, Import) for the one it replaced.
static NEXT_DOCUMENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many states one document's numbers leave room for.
const STATES_PER_DOCUMENT: u64 = 1 << 40;

impl Document {
    /// A document for a project that matches what is on disk (not dirty).
    pub fn new(project: Project) -> Self {
        let start = NEXT_DOCUMENT
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .wrapping_mul(STATES_PER_DOCUMENT);
        Self {
            project,
            undo: Vec::new(),
            redo: Vec::new(),
            state: start,
            last_state: start,
            saved_state: Some(start),
        }
    }

    /// A document whose project has never been saved (dirty from the start).
    pub fn unsaved(project: Project) -> Self {
        Self {
            saved_state: None,
            ..Self::new(project)
        }
    }

    /// The journey at `index`, if there is one.
    pub fn journey(&self, index: usize) -> Option<&Journey> {
        self.project().journeys.get(index)
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Names the project's current content: equal ids mean equal projects, so views can
    /// cache what they compute from it.
    pub fn state_id(&self) -> u64 {
        self.state
    }

    /// Applies an edit as one undo step. An edit that would leave the project invalid is
    /// refused and changes nothing.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_step(edit, None)
    }

    /// Applies an edit that continues the latest one when both have `key` (each letter
    /// typed into one field): together they are one undo step, until [`Self::end_merge`].
    pub fn apply_merged(&mut self, edit: Edit, key: &str) -> Result<(), EditError> {
        self.apply_step(edit, Some(key))
    }

    /// Ends the current merge: the next edit is a step of its own.
    pub fn end_merge(&mut self) {
        if let Some(step) = self.undo.last_mut() {
            step.merge_key = None;
        }
    }

    /// The key of the merge under way (the field being typed into), if any.
    pub fn merge_key(&self) -> Option<&str> {
        self.undo.last().and_then(|step| step.merge_key.as_deref())
    }

    fn apply_step(&mut self, edit: Edit, key: Option<&str>) -> Result<(), EditError> {
        let inverse = edit.apply(&mut self.project)?;
        if let Some(error) = validate(&self.project).listed.into_iter().next() {
            let _ = inverse.apply(&mut self.project);
            return Err(EditError::Invalid(Box::new(error)));
        }
        self.last_state += 1;
        self.redo.clear();
        match self.undo.last_mut() {
            // The step already undoes to the state before the first edit of the merge.
            Some(step) if key.is_some() && step.merge_key.as_deref() == key => {
                step.from = self.last_state;
            }
            _ => self.undo.push(Step {
                edit: inverse,
                from: self.last_state,
                to: self.state,
                merge_key: key.map(str::to_owned),
            }),
        }
        self.state = self.last_state;
        Ok(())
    }

    /// Takes a project state made elsewhere (colleagues' changes in a live session),
    /// validated as an edit is: an invalid one is refused and changes nothing. It is no
    /// undo step of this user's, and it drops the history of steps, whose positions it
    /// may have moved: a live session undoes its user's own changes itself.
    pub fn apply_remote(&mut self, project: Project) -> Result<(), EditError> {
        if let Some(error) = validate(&project).listed.into_iter().next() {
            return Err(EditError::Invalid(Box::new(error)));
        }
        self.project = project;
        self.undo.clear();
        self.redo.clear();
        self.last_state += 1;
        self.state = self.last_state;
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the latest edit; returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.end_merge();
        Self::step(
            &mut self.project,
            &mut self.state,
            &mut self.undo,
            &mut self.redo,
        )
    }

    /// Re-applies the latest undone edit; returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.end_merge();
        Self::step(
            &mut self.project,
            &mut self.state,
            &mut self.redo,
            &mut self.undo,
        )
    }

    fn step(
        project: &mut Project,
        state: &mut u64,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> bool {
        let Some(step) = from.pop() else {
            return false;
        };
        match step.edit.apply(project) {
            Ok(inverse) => {
                *state = step.to;
                to.push(Step {
                    edit: inverse,
                    from: step.to,
                    to: step.from,
                    merge_key: None,
                });
                true
            }
            // Steps are recorded against exactly the state they apply to, so this is
            // unreachable; should it happen, the history is dropped rather than corrupted.
            Err(_) => {
                from.clear();
                to.clear();
                false
            }
        }
    }

    /// Whether the project differs from what was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Records that the current project is what is now on disk.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
    }
}
