//! Between a project and its Automerge document: create, write a new state, read.

use std::collections::{HashMap, HashSet};

use automerge::transaction::{Transactable, Transaction};
use automerge::{Automerge, ChangeHash, ObjId, PatchLog, ROOT, ReadDoc};
use autosurgeon::{ReconcileError, reconcile_prop};

use super::LiveError;
use super::schema::{
    LiveProject, OrderKeys, Prose, card_orders, live_card, live_committee, live_department,
    live_lanes, live_persona, live_stage,
};
use crate::model::{Card, Journey, Project, validate};

/// A new Automerge document holding `project`, and the order keys it gave the cards.
pub fn create_document(project: &Project) -> Result<(Automerge, OrderKeys), LiveError> {
    let mut document = Automerge::new();
    let mut keys = OrderKeys::new();
    write_document(&mut document, &[], None, project, &mut keys)?;
    Ok((document, keys))
}

/// Records `project` as a change made on top of the state `base` (the heads the writer
/// last saw), so that what others changed since is merged, never overwritten. Returns
/// the heads that now name exactly `project`. `keys` are the order keys of `base`;
/// they are updated when the change is recorded.
///
/// Given `previous`, the project at `base`, only what differs from it is written (a
/// letter typed into a 10,000-card map touches one card); without it, everything is
/// compared with the document.
pub fn write_document(
    document: &mut Automerge,
    base: &[ChangeHash],
    previous: Option<&Project>,
    project: &Project,
    keys: &mut OrderKeys,
) -> Result<Vec<ChangeHash>, LiveError> {
    let mut new_keys = keys.clone();
    let mut transaction = document
        .transaction_at(PatchLog::inactive(), base)
        .map_err(|error| LiveError::NotAProject(error.to_string()))?;
    let written = match previous {
        Some(previous) => write_changes(&mut transaction, previous, project, &mut new_keys),
        None => {
            let live = LiveProject::from_project(project, &mut new_keys);
            autosurgeon::reconcile(&mut transaction, &live)
        }
    };
    if let Err(error) = written {
        transaction.rollback();
        return Err(LiveError::NotAProject(error.to_string()));
    }
    let heads = match transaction.commit().0 {
        Some(change) => vec![change],
        None => base.to_vec(),
    };
    *keys = new_keys;
    Ok(heads)
}

/// Writes what differs between `previous` (what the transaction holds) and `project`.
fn write_changes(
    transaction: &mut Transaction,
    previous: &Project,
    project: &Project,
    keys: &mut OrderKeys,
) -> Result<(), ReconcileError> {
    let same_journeys = previous.journeys.len() == project.journeys.len()
        && previous
            .journeys
            .iter()
            .zip(&project.journeys)
            .all(|(old, new)| old.id == new.id);
    let journeys = match transaction.get(ROOT, "journeys")? {
        Some((_, journeys)) if same_journeys => journeys,
        // Journeys added, removed or reordered: the whole project, compared.
        _ => {
            let live = LiveProject::from_project(project, keys);
            return autosurgeon::reconcile(transaction, &live);
        }
    };
    if previous.format != project.format {
        reconcile_prop(transaction, ROOT, "format", u64::from(project.format))?;
    }
    for (name, old, new) in [
        ("title", &previous.title, &project.title),
        ("notes", &previous.notes, &project.notes),
    ] {
        if old != new {
            reconcile_prop(transaction, ROOT, name, Prose(new.clone()))?;
        }
    }
    if previous.departments != project.departments {
        let live: Vec<_> = project.departments.iter().map(live_department).collect();
        reconcile_prop(transaction, ROOT, "departments", live)?;
    }
    if previous.personas != project.personas {
        let live: Vec<_> = project.personas.iter().map(live_persona).collect();
        reconcile_prop(transaction, ROOT, "personas", live)?;
    }
    for (index, (old, new)) in previous.journeys.iter().zip(&project.journeys).enumerate() {
        if old == new {
            continue;
        }
        let Some((_, journey)) = transaction.get(&journeys, index)? else {
            continue;
        };
        write_journey_changes(
            transaction,
            &journey,
            old,
            new,
            keys.entry(new.id.clone()).or_default(),
        )?;
    }
    Ok(())
}

/// Writes what differs between two states of one journey into its object.
fn write_journey_changes(
    transaction: &mut Transaction,
    object: &ObjId,
    old: &Journey,
    new: &Journey,
    keys: &mut HashMap<String, String>,
) -> Result<(), ReconcileError> {
    for (name, before, after) in [
        ("name", &old.name, &new.name),
        ("scenario", &old.scenario, &new.scenario),
        ("expectations", &old.expectations, &new.expectations),
    ] {
        if before != after {
            reconcile_prop(transaction, object, name, Prose(after.clone()))?;
        }
    }
    if old.persona != new.persona {
        reconcile_prop(transaction, object, "persona", new.persona.clone())?;
    }
    if old.committee != new.committee {
        reconcile_prop(transaction, object, "committee", live_committee(new))?;
    }
    if old.stages != new.stages {
        let live: Vec<_> = new.stages.iter().map(live_stage).collect();
        reconcile_prop(transaction, object, "stages", live)?;
    }
    if old.lanes != new.lanes {
        reconcile_prop(transaction, object, "lanes", live_lanes(new))?;
    }
    if old.cards == new.cards {
        return Ok(());
    }
    let Some((_, cards)) = transaction.get(object, "cards")? else {
        let orders = card_orders(new, keys);
        let live: HashMap<String, _> = (new.cards.iter().zip(orders))
            .map(|(card, order)| (card.id.clone(), live_card(card, order)))
            .collect();
        return reconcile_prop(transaction, object, "cards", live);
    };
    let before: HashMap<&str, (&Card, Option<String>)> = old
        .cards
        .iter()
        .map(|card| (card.id.as_str(), (card, keys.get(&card.id).cloned())))
        .collect();
    let orders = card_orders(new, keys);
    for (card, order) in new.cards.iter().zip(orders) {
        let unchanged = before
            .get(card.id.as_str())
            .is_some_and(|(old, old_order)| *old == card && old_order.as_ref() == Some(&order));
        if !unchanged {
            reconcile_prop(
                transaction,
                &cards,
                card.id.as_str(),
                live_card(card, order),
            )?;
        }
    }
    let kept: HashSet<&str> = new.cards.iter().map(|card| card.id.as_str()).collect();
    for id in before.keys().filter(|id| !kept.contains(*id)) {
        transaction.delete(&cards, *id)?;
    }
    Ok(())
}

/// The project the document holds now, its heads and its order keys; fails when the
/// document holds something that is not a valid project.
pub fn read_document(
    document: &Automerge,
) -> Result<(Project, Vec<ChangeHash>, OrderKeys), LiveError> {
    let (project, keys) = project_of(document)?;
    Ok((project, document.get_heads(), keys))
}

/// The project the document held at `heads`, and its order keys.
pub fn read_document_at(
    document: &mut Automerge,
    heads: &[ChangeHash],
) -> Result<(Project, OrderKeys), LiveError> {
    // An isolated transaction reads the document as it was at its heads; it is never
    // committed.
    let transaction = document
        .transaction_at(PatchLog::inactive(), heads)
        .map_err(|error| LiveError::NotAProject(error.to_string()))?;
    let read = project_of(&transaction);
    transaction.rollback();
    read
}

fn project_of(document: &impl autosurgeon::ReadDoc) -> Result<(Project, OrderKeys), LiveError> {
    let live: LiveProject = autosurgeon::hydrate(document)
        .map_err(|error| LiveError::NotAProject(error.to_string()))?;
    let (project, keys) = live.to_project()?;
    if let Some(error) = validate(&project).listed.into_iter().next() {
        return Err(LiveError::Invalid(Box::new(error)));
    }
    Ok((project, keys))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::model::{CardKind, Comment};

    fn template() -> Project {
        crate::file::template_project().unwrap()
    }

    #[test]
    fn a_project_comes_back_as_it_went_in() {
        let project = template();
        let (document, _) = create_document(&project).unwrap();
        let (read, _, _) = read_document(&document).unwrap();
        assert_eq!(read, project);
    }

    #[test]
    fn writing_the_same_project_again_records_nothing() {
        let project = template();
        let (mut document, mut keys) = create_document(&project).unwrap();
        let heads = document.get_heads();
        let again = write_document(&mut document, &heads, None, &project, &mut keys).unwrap();
        assert_eq!(again, heads);
    }

    #[test]
    fn concurrent_typing_in_one_title_keeps_both_and_a_move_keeps_an_edit() {
        let mut project = template();
        let (mut a, keys) = create_document(&project).unwrap();
        let mut b = a.fork();
        let base = a.get_heads();
        let journey = 0;
        let card = project.journeys[journey].cards[0].clone();
        let other_stage = project.journeys[journey].stages[2].id.clone();

        // A types at the start of the title (with an accent) and moves the card.
        let mut in_a = project.clone();
        in_a.journeys[journey].cards[0].title = format!("Café: {}", card.title);
        let moved = in_a.journeys[journey].cards.remove(0);
        in_a.journeys[journey].cards.push(moved);
        let last = in_a.journeys[journey].cards.len() - 1;
        in_a.journeys[journey].cards[last].stage = other_stage.clone();
        write_document(&mut a, &base, Some(&project), &in_a, &mut keys.clone()).unwrap();

        // B, at the same time, types at the end and adds a comment.
        project.journeys[journey].cards[0].title = format!("{} ✓", card.title);
        project.journeys[journey].cards[0].comments.push(Comment {
            author: "Sam".into(),
            at: "2026-11-26T10:00:00Z".into(),
            text: "Who calls back?".into(),
            resolved: false,
        });
        write_document(&mut b, &base, None, &project, &mut keys.clone()).unwrap();

        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        let (from_a, _, _) = read_document(&a).unwrap();
        let (from_b, _, _) = read_document(&b).unwrap();
        assert_eq!(from_a, from_b);
        let merged = from_a.journeys[journey]
            .cards
            .iter()
            .find(|c| c.id == card.id)
            .unwrap();
        assert_eq!(merged.title, format!("Café: {} ✓", card.title));
        assert_eq!(merged.stage, other_stage);
        assert_eq!(merged.comments.len(), card.comments.len() + 1);
        assert_eq!(merged.kind, CardKind::Touchpoint);
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_named() {
        use automerge::ReadDoc;
        use automerge::transaction::Transactable;
        let project = template();
        let (mut document, _) = create_document(&project).unwrap();
        let mut transaction = document.transaction();
        let journeys = transaction
            .get(automerge::ROOT, "journeys")
            .unwrap()
            .unwrap()
            .1;
        let journey = transaction.get(&journeys, 0).unwrap().unwrap().1;
        let cards = transaction.get(&journey, "cards").unwrap().unwrap().1;
        let card = &project.journeys[0].cards[0].id;
        let card_object = transaction.get(&cards, card.as_str()).unwrap().unwrap().1;
        transaction.put(&card_object, "kind", "Rocket").unwrap();
        transaction.commit();
        let error = read_document(&document).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "in the live document, `{card}` has `kind` = `Rocket`, which Journeymap cannot read"
            )
        );
    }
}
