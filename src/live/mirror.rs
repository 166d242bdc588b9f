//! Between a project and its Automerge document: create, write a new state, read.

use automerge::{Automerge, ChangeHash, PatchLog};

use super::LiveError;
use super::schema::{LiveProject, OrderKeys};
use crate::model::{Project, validate};

/// A new Automerge document holding `project`, and the order keys it gave the cards.
pub fn create_document(project: &Project) -> Result<(Automerge, OrderKeys), LiveError> {
    let mut document = Automerge::new();
    let mut keys = OrderKeys::new();
    write_document(&mut document, &[], project, &mut keys)?;
    Ok((document, keys))
}

/// Records `project` as a change made on top of the state `base` (the heads the writer
/// last saw), so that what others changed since is merged, never overwritten. Returns
/// the heads that now name exactly `project`. `keys` are the order keys of `base`;
/// they are updated when the change is recorded.
pub fn write_document(
    document: &mut Automerge,
    base: &[ChangeHash],
    project: &Project,
    keys: &mut OrderKeys,
) -> Result<Vec<ChangeHash>, LiveError> {
    let mut new_keys = keys.clone();
    let live = LiveProject::from_project(project, &mut new_keys);
    let mut transaction = document
        .transaction_at(PatchLog::inactive(), base)
        .map_err(|error| LiveError::NotAProject(error.to_string()))?;
    if let Err(error) = autosurgeon::reconcile(&mut transaction, &live) {
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

/// The project the document holds now, its heads and its order keys; fails when the
/// document holds something that is not a valid project.
pub fn read_document(
    document: &Automerge,
) -> Result<(Project, Vec<ChangeHash>, OrderKeys), LiveError> {
    let heads = document.get_heads();
    let live: LiveProject = autosurgeon::hydrate(document)
        .map_err(|error| LiveError::NotAProject(error.to_string()))?;
    let (project, keys) = live.to_project()?;
    if let Some(error) = validate(&project).listed.into_iter().next() {
        return Err(LiveError::Invalid(Box::new(error)));
    }
    Ok((project, heads, keys))
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
        let again = write_document(&mut document, &heads, &project, &mut keys).unwrap();
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
        write_document(&mut a, &base, &in_a, &mut keys.clone()).unwrap();

        // B, at the same time, types at the end and adds a comment.
        project.journeys[journey].cards[0].title = format!("{} ✓", card.title);
        project.journeys[journey].cards[0].comments.push(Comment {
            author: "Sam".into(),
            at: "2026-11-26T10:00:00Z".into(),
            text: "Who calls back?".into(),
            resolved: false,
        });
        write_document(&mut b, &base, &project, &mut keys.clone()).unwrap();

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
