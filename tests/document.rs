//! The edit door: edits apply, undo and redo restore exactly, dirty tracking follows saves,
//! and edits that would break the project are refused without changing it.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use journeymap::file::template_project;
use journeymap::model::{Card, CardKind, Document, Edit, EditError, Item, List, ListOp};

fn document() -> Document {
    Document::new(template_project().expect("template"))
}

fn cards() -> List {
    List::Cards("as-is".to_owned())
}

fn card_index(document: &Document, id: &str) -> usize {
    document.project().journeys[0]
        .cards
        .iter()
        .position(|card| card.id == id)
        .expect("card exists")
}

/// Moves a card to another stage: a changed card and a new position, as one step.
fn move_to_stage(document: &Document, id: &str, stage: &str, to: usize) -> Edit {
    let index = card_index(document, id);
    let mut card = document.project().journeys[0].cards[index].clone();
    card.stage = stage.to_owned();
    Edit::Batch(vec![
        Edit::List {
            list: cards(),
            op: ListOp::Replace {
                index,
                item: Item::Card(card),
            },
        },
        Edit::List {
            list: cards(),
            op: ListOp::Move { from: index, to },
        },
    ])
}

#[test]
fn undo_and_redo_restore_exactly() {
    let mut document = document();
    let original = document.project().clone();
    document
        .apply(move_to_stage(&document, "newsletter", "selection", 20))
        .unwrap();
    let moved = document.project().clone();
    assert_eq!(moved.journeys[0].cards[20].id, "newsletter");
    assert_eq!(moved.journeys[0].cards[20].stage, "selection");

    assert!(document.undo());
    assert_eq!(document.project(), &original);
    assert!(document.redo());
    assert_eq!(document.project(), &moved);
    assert!(document.undo());
    assert!(!document.undo(), "one batch is one undo step");
    assert_eq!(document.project(), &original);
}

#[test]
fn insert_remove_and_move_undo_in_order() {
    let mut document = document();
    let original = document.project().clone();
    let card = Card::new("new", CardKind::Note, "problem", "backstage", "Call notes");
    document
        .apply(Edit::List {
            list: cards(),
            op: ListOp::Insert {
                index: 0,
                item: Item::Card(card),
            },
        })
        .unwrap();
    document
        .apply(Edit::List {
            list: List::Stages("as-is".to_owned()),
            op: ListOp::Move { from: 0, to: 2 },
        })
        .unwrap();
    let remove = card_index(&document, "webinar");
    document
        .apply(Edit::List {
            list: cards(),
            op: ListOp::Remove { index: remove },
        })
        .unwrap();
    let journey = &document.project().journeys[0];
    assert_eq!(journey.cards[0].id, "new");
    assert_eq!(journey.stages[2].id, "problem");
    assert!(journey.cards.iter().all(|card| card.id != "webinar"));

    while document.undo() {}
    assert_eq!(document.project(), &original);
    while document.redo() {}
    assert_eq!(document.project().journeys[0].stages[2].id, "problem");
}

#[test]
fn a_new_edit_clears_redo() {
    let mut document = document();
    document
        .apply(move_to_stage(&document, "webinar", "purchase", 3))
        .unwrap();
    document.undo();
    assert!(document.can_redo());
    document
        .apply(move_to_stage(&document, "site", "purchase", 3))
        .unwrap();
    assert!(!document.can_redo());
    assert!(!document.redo());
}

#[test]
fn dirty_follows_edits_undo_and_save() {
    let mut document = document();
    assert!(!document.is_dirty());
    document
        .apply(move_to_stage(&document, "webinar", "purchase", 3))
        .unwrap();
    assert!(document.is_dirty());
    document.undo();
    assert!(
        !document.is_dirty(),
        "undoing back to the opened state is clean"
    );
    document.redo();
    assert!(document.is_dirty());
    document.mark_saved();
    assert!(!document.is_dirty());
    document.undo();
    assert!(document.is_dirty(), "undoing past a save is a change");
    document.redo();
    assert!(!document.is_dirty(), "redoing to the saved state is clean");
    document.undo();
    document
        .apply(move_to_stage(&document, "site", "purchase", 3))
        .unwrap();
    assert!(
        document.is_dirty(),
        "the saved state is no longer reachable"
    );
    while document.undo() {}
    assert!(document.is_dirty());
}

#[test]
fn an_unsaved_document_is_dirty_from_the_start() {
    let document = Document::unsaved(template_project().unwrap());
    assert!(document.is_dirty());
}

#[test]
fn an_edit_that_would_break_the_project_is_refused_and_changes_nothing() {
    let mut document = document();
    let original = document.project().clone();
    // Deleting the stage alone would leave its cards pointing at nothing.
    let error = document
        .apply(Edit::List {
            list: List::Stages("as-is".to_owned()),
            op: ListOp::Remove { index: 0 },
        })
        .unwrap_err();
    assert!(
        matches!(&error, EditError::Invalid(problem) if problem.to_string().contains("`problem`")),
        "{error}"
    );
    assert_eq!(document.project(), &original);
    assert!(!document.is_dirty());
    assert!(!document.can_undo());
}

#[test]
fn a_failing_batch_is_rolled_back() {
    let mut document = document();
    let original = document.project().clone();
    let batch = Edit::Batch(vec![
        Edit::List {
            list: cards(),
            op: ListOp::Move { from: 0, to: 5 },
        },
        Edit::List {
            list: cards(),
            op: ListOp::Remove { index: 999 },
        },
    ]);
    assert_eq!(
        document.apply(batch).unwrap_err(),
        EditError::OutOfRange {
            index: 999,
            len: original.journeys[0].cards.len()
        }
    );
    assert_eq!(document.project(), &original);
}

#[test]
fn items_go_only_into_their_own_list_and_journey() {
    let mut document = document();
    let card = Card::new("x", CardKind::Note, "problem", "backstage", "x");
    let wrong_list = document.apply(Edit::List {
        list: List::Stages("as-is".to_owned()),
        op: ListOp::Insert {
            index: 0,
            item: Item::Card(card.clone()),
        },
    });
    assert_eq!(
        wrong_list.unwrap_err(),
        EditError::WrongItem {
            expected: "stage",
            found: "card"
        }
    );
    let no_journey = document.apply(Edit::List {
        list: List::Cards("no-such-journey".to_owned()),
        op: ListOp::Insert {
            index: 0,
            item: Item::Card(card),
        },
    });
    assert_eq!(
        no_journey.unwrap_err(),
        EditError::NoJourney("no-such-journey".to_owned())
    );
}

#[test]
fn a_broken_rule_is_said_with_the_right_article() {
    use journeymap::model::ValidationError;
    let rule = |what, field, message: &str| ValidationError {
        journey: None,
        item: String::new(),
        what,
        field,
        message: message.to_owned(),
    };
    assert_eq!(
        rule("card", "title", "must not be empty").in_words(),
        "A card needs a title"
    );
    assert_eq!(
        rule("opportunity", "id", "must not be empty").in_words(),
        "An opportunity needs an id"
    );
    assert_eq!(
        rule("stage", "exit_criteria", "is too long").in_words(),
        "A stage's exit criteria: is too long"
    );
}
