//! Taking in colleagues' changes without reading the whole document again: the cards
//! their changes touched are read anew and put in their places in the project last seen.
//! A 10,000-card map costs what the changed cards cost. Changes to anything else (a stage,
//! a lane, a persona, the journeys themselves) are read with the whole document.

use std::collections::{BTreeMap, BTreeSet};

use automerge::{Automerge, ChangeHash, ObjType, Prop, ROOT, ReadDoc, Value};

use super::LiveError;
use super::schema::{LiveCard, OrderKeys, project_card};
use crate::model::{Project, validate};

/// More operations than this since the state last seen: the whole document is read
/// rather than each operation traced to its card.
const MOST_OPERATIONS: usize = 20_000;

/// The project the document holds now, made from `seen` (the state at `from`, with its
/// order `keys`) and the cards changed since; `None` when the changes touched more than
/// cards, and the whole document must be read. Validated like a whole read.
pub(super) fn read_touched(
    document: &Automerge,
    from: &[ChangeHash],
    seen: &Project,
    keys: &OrderKeys,
) -> Result<Option<(Project, OrderKeys)>, LiveError> {
    let Some(touched) = touched_cards(document, from) else {
        return Ok(None);
    };
    let not_a_project = |error: &dyn std::fmt::Display| LiveError::NotAProject(error.to_string());
    let Some((Value::Object(ObjType::List), journeys)) = document
        .get(ROOT, "journeys")
        .map_err(|e| not_a_project(&e))?
    else {
        return Ok(None);
    };
    let mut project = seen.clone();
    let mut keys = keys.clone();
    for (index, ids) in touched {
        let Some((Value::Object(ObjType::Map), live_journey)) = document
            .get(&journeys, index)
            .map_err(|e| not_a_project(&e))?
        else {
            return Ok(None);
        };
        let journey_id: String = autosurgeon::hydrate_prop(document, &live_journey, "id")
            .map_err(|e| not_a_project(&e))?;
        let Some((Value::Object(ObjType::Map), cards)) = document
            .get(&live_journey, "cards")
            .map_err(|e| not_a_project(&e))?
        else {
            return Ok(None);
        };
        let Some(journey) = project.journeys.iter_mut().find(|j| j.id == journey_id) else {
            return Ok(None);
        };
        let orders = keys.entry(journey_id).or_default();
        for id in ids {
            if let Some(at) = journey.cards.iter().position(|card| card.id == id) {
                journey.cards.remove(at);
            }
            orders.remove(&id);
            let exists = document
                .get(&cards, id.as_str())
                .map_err(|e| not_a_project(&e))?
                .is_some();
            if !exists {
                continue; // deleted
            }
            let live: LiveCard = autosurgeon::hydrate_prop(document, &cards, id.as_str())
                .map_err(|e| not_a_project(&e))?;
            let card = project_card(&id, &live)?;
            // In the order a whole read gives: by order key, then by id.
            let at = journey.cards.partition_point(|other| {
                let order = orders.get(&other.id).map_or("", String::as_str);
                (order, other.id.as_str()) < (live.order.as_str(), id.as_str())
            });
            journey.cards.insert(at, card);
            orders.insert(id, live.order);
        }
    }
    if let Some(error) = validate(&project).listed.into_iter().next() {
        return Err(LiveError::Invalid(Box::new(error)));
    }
    Ok(Some((project, keys)))
}

/// The ids of the cards the changes after `from` touched, by the index of their journey;
/// `None` when they touched anything else.
fn touched_cards(
    document: &Automerge,
    from: &[ChangeHash],
) -> Option<BTreeMap<usize, BTreeSet<String>>> {
    let mut touched: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut operations = 0;
    for change in document.get_changes(from) {
        operations += change.len();
        if operations > MOST_OPERATIONS {
            return None;
        }
        for operation in change.decode().operations {
            let object = document.import_obj(&operation.obj.to_string()).ok()?;
            let mut path: Vec<Prop> = document.parents(&object).ok()?.map(|p| p.prop).collect();
            path.reverse();
            path.push(match operation.key {
                automerge::legacy::Key::Map(key) => Prop::Map(key.to_string()),
                // An element of a list or of text: where it is does not matter here.
                automerge::legacy::Key::Seq(_) => Prop::Seq(usize::MAX),
            });
            match path.as_slice() {
                [
                    Prop::Map(journeys),
                    Prop::Seq(journey),
                    Prop::Map(cards),
                    Prop::Map(card),
                    ..,
                ] if journeys == "journeys" && cards == "cards" && *journey != usize::MAX => {
                    touched.entry(*journey).or_default().insert(card.clone());
                }
                _ => return None,
            }
        }
    }
    Some(touched)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::live::mirror::{create_document, read_document, write_document};
    use crate::model::operations;

    /// A colleague's document that starts as `project`, and the same as seen here.
    fn shared(project: &Project) -> (Automerge, Vec<ChangeHash>, OrderKeys) {
        let (document, keys) = create_document(project).unwrap();
        let heads = document.get_heads();
        (document, heads, keys)
    }

    #[test]
    fn changed_cards_read_alone_give_what_a_whole_read_gives() {
        let project = crate::file::template_project().unwrap();
        let (mut document, from, keys) = shared(&project);
        let journey = &project.journeys[0];
        let mut changed = project.clone();
        // A title typed into, a card moved to another stage, one deleted, one added.
        changed.journeys[0].cards[0].title.push_str(" (edited)");
        let moved =
            operations::move_card(journey, 1, &journey.stages[3].id, &journey.cards[1].lane, 0);
        moved.apply(&mut changed).unwrap();
        let last = changed.journeys[0].cards.len() - 1;
        operations::delete_card(&changed.journeys[0], last)
            .apply(&mut changed)
            .unwrap();
        let mut added = changed.journeys[0].cards[0].clone();
        added.id = "added".into();
        added.comments.clear();
        operations::add_card(&changed.journeys[0], added, 0)
            .apply(&mut changed)
            .unwrap();
        let mut their_keys = keys.clone();
        write_document(
            &mut document,
            &from,
            Some(&project),
            &changed,
            &mut their_keys,
        )
        .unwrap();

        let (touched, touched_keys) = read_touched(&document, &from, &project, &keys)
            .unwrap()
            .expect("only cards changed");
        let (whole, _, whole_keys) = read_document(&document).unwrap();
        assert_eq!(touched, whole);
        assert_eq!(touched, changed);
        assert_eq!(touched_keys, whole_keys);
    }

    #[test]
    fn a_change_to_anything_but_cards_asks_for_a_whole_read() {
        let project = crate::file::template_project().unwrap();
        let (mut document, from, keys) = shared(&project);
        let mut changed = project.clone();
        changed.journeys[0].stages[0].name.push_str(" renamed");
        write_document(
            &mut document,
            &from,
            Some(&project),
            &changed,
            &mut keys.clone(),
        )
        .unwrap();
        assert!(
            read_touched(&document, &from, &project, &keys)
                .unwrap()
                .is_none()
        );
    }
}
