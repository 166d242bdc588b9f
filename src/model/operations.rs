//! The edits behind what people do on a map, built from the journey as it is: moving a
//! card keeps cell order, deleting a card removes the links to it, deleting a stage takes
//! its cards along. Each result is one [`Edit`], so one undo step.

use super::edit::{Edit, Item, List, ListOp};
use super::types::{Card, CardKind, Journey, Lane, LaneKind, Stage};

fn cards(journey: &Journey) -> List {
    List::Cards(journey.id.clone())
}

fn op(list: List, op: ListOp) -> Edit {
    Edit::List { list, op }
}

thread_local! {
    /// The tag ids made now carry (see [`with_id_tag`]).
    static ID_TAG: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with new ids tagged `prefix-N-TAG`: in a live session two people adding a card
/// at the same moment must not both make `card-7`, or one card would replace the other.
pub fn with_id_tag<R>(tag: Option<&str>, f: impl FnOnce() -> R) -> R {
    let outer = ID_TAG.with(|t| t.replace(tag.map(str::to_owned)));
    let result = f();
    ID_TAG.with(|t| t.replace(outer));
    result
}

/// A short id, `prefix-N` (with the tag of [`with_id_tag`], if any), that `taken` does
/// not hold.
pub fn unique_id(prefix: &str, count: usize, taken: impl Fn(&str) -> bool) -> String {
    ID_TAG.with(|tag| {
        let tag = tag.borrow();
        (count + 1..)
            .map(|n| match tag.as_deref() {
                Some(tag) => format!("{prefix}-{n}-{tag}"),
                None => format!("{prefix}-{n}"),
            })
            .find(|id| !taken(id))
            .unwrap_or_else(|| prefix.to_owned())
    })
}

/// An id for a new card of `journey`.
pub fn new_card_id(journey: &Journey) -> String {
    unique_id("card", journey.cards.len(), |id| {
        journey.cards.iter().any(|card| card.id == id)
    })
}

/// Replaces the card at `index` with `card` (an edited copy).
pub fn set_card(journey: &Journey, index: usize, card: Card) -> Edit {
    op(
        cards(journey),
        ListOp::Replace {
            index,
            item: Item::Card(card),
        },
    )
}

/// The position in `journey.cards` where a card placed at `slot` of the cell
/// (`stage`, `lane`) goes, counted after `moving` (if any) has left its place.
fn list_index(
    journey: &Journey,
    stage: &str,
    lane: &str,
    slot: usize,
    moving: Option<usize>,
) -> usize {
    let remaining = |i: usize| Some(i) != moving;
    let cell: Vec<usize> = journey
        .cards
        .iter()
        .enumerate()
        .filter(|(i, card)| remaining(*i) && card.stage == stage && card.lane == lane)
        .map(|(i, _)| i)
        .collect();
    let shift = |i: usize| match moving {
        Some(m) if m < i => i - 1,
        _ => i,
    };
    match (cell.get(slot), cell.last()) {
        (Some(&next), _) => shift(next),
        (None, Some(&last)) => shift(last) + 1,
        // An empty cell: order across cells does not matter, so the end of the list.
        (None, None) => journey.cards.len() - usize::from(moving.is_some()),
    }
}

/// Moves the card at `index` to `slot` of the cell (`stage`, `lane`).
pub fn move_card(journey: &Journey, index: usize, stage: &str, lane: &str, slot: usize) -> Edit {
    let mut card = journey.cards[index].clone();
    let to = list_index(journey, stage, lane, slot, Some(index));
    let mut edits = Vec::new();
    if card.stage != stage || card.lane != lane {
        card.stage = stage.to_owned();
        card.lane = lane.to_owned();
        // A card takes the kind of the lane it lands in: a pain point dropped among the
        // notes behind the scenes becomes a note (a severity only a pain point has).
        let kind = journey
            .lanes
            .iter()
            .find(|l| l.id == lane)
            .and_then(|l| l.kind.card_kind());
        if let Some(kind) = kind.filter(|&k| k != card.kind) {
            card.kind = kind;
            if kind != CardKind::PainPoint {
                card.severity = None;
            }
        }
        edits.push(set_card(journey, index, card));
    }
    if to != index {
        edits.push(op(cards(journey), ListOp::Move { from: index, to }));
    }
    Edit::Batch(edits)
}

/// Adds `card` at `slot` of its cell.
pub fn add_card(journey: &Journey, card: Card, slot: usize) -> Edit {
    let index = list_index(journey, &card.stage, &card.lane, slot, None);
    op(
        cards(journey),
        ListOp::Insert {
            index,
            item: Item::Card(card),
        },
    )
}

/// A copy of the card at `index`, with a new id and no comments, right after it.
pub fn duplicate_card(journey: &Journey, index: usize) -> (Edit, String) {
    let mut card = journey.cards[index].clone();
    card.id = new_card_id(journey);
    card.comments.clear();
    let id = card.id.clone();
    (
        op(
            cards(journey),
            ListOp::Insert {
                index: index + 1,
                item: Item::Card(card),
            },
        ),
        id,
    )
}

/// Removes the cards for which `remove` holds, and every link to them from the cards
/// that stay.
fn remove_cards(journey: &Journey, remove: impl Fn(&Card) -> bool) -> Vec<Edit> {
    let removed: std::collections::HashSet<&str> = journey
        .cards
        .iter()
        .filter(|card| remove(card))
        .map(|card| card.id.as_str())
        .collect();
    let mut edits = Vec::new();
    for (index, card) in journey.cards.iter().enumerate() {
        if !removed.contains(card.id.as_str())
            && card.links.iter().any(|l| removed.contains(l.as_str()))
        {
            let mut kept = card.clone();
            kept.links.retain(|link| !removed.contains(link.as_str()));
            edits.push(set_card(journey, index, kept));
        }
    }
    // From the end, so earlier indices stay valid.
    for index in (0..journey.cards.len()).rev() {
        if removed.contains(journey.cards[index].id.as_str()) {
            edits.push(op(cards(journey), ListOp::Remove { index }));
        }
    }
    edits
}

pub fn delete_card(journey: &Journey, index: usize) -> Edit {
    let id = journey.cards[index].id.as_str();
    Edit::Batch(remove_cards(journey, |card| card.id == id))
}

/// Deletes a stage and the cards in it.
pub fn delete_stage(journey: &Journey, index: usize) -> Edit {
    let id = journey.stages[index].id.as_str();
    let mut edits = remove_cards(journey, |card| card.stage == id);
    edits.push(op(
        List::Stages(journey.id.clone()),
        ListOp::Remove { index },
    ));
    Edit::Batch(edits)
}

/// Deletes a lane and the cards in it.
pub fn delete_lane(journey: &Journey, index: usize) -> Edit {
    let id = journey.lanes[index].id.as_str();
    let mut edits = remove_cards(journey, |card| card.lane == id);
    edits.push(op(
        List::Lanes(journey.id.clone()),
        ListOp::Remove { index },
    ));
    Edit::Batch(edits)
}

pub fn cards_in_stage(journey: &Journey, index: usize) -> usize {
    let id = &journey.stages[index].id;
    journey
        .cards
        .iter()
        .filter(|card| &card.stage == id)
        .count()
}

pub fn cards_in_lane(journey: &Journey, index: usize) -> usize {
    let id = &journey.lanes[index].id;
    journey.cards.iter().filter(|card| &card.lane == id).count()
}

/// Moves the element at `from` so that it ends up before the one now at `before`
/// (or last, when `before` is the list's length).
fn move_before(list: List, from: usize, before: usize) -> Edit {
    let to = if before > from { before - 1 } else { before };
    Edit::Batch(if to == from {
        Vec::new()
    } else {
        vec![op(list, ListOp::Move { from, to })]
    })
}

/// Moves a stage so that it ends up before the stage now at `before` (or last).
pub fn move_stage(journey: &Journey, from: usize, before: usize) -> Edit {
    move_before(List::Stages(journey.id.clone()), from, before)
}

/// Moves a lane so that it ends up before the lane now at `before` (or last).
pub fn move_lane(journey: &Journey, from: usize, before: usize) -> Edit {
    move_before(List::Lanes(journey.id.clone()), from, before)
}

pub fn set_stage(journey: &Journey, index: usize, stage: Stage) -> Edit {
    op(
        List::Stages(journey.id.clone()),
        ListOp::Replace {
            index,
            item: Item::Stage(stage),
        },
    )
}

pub fn set_lane(journey: &Journey, index: usize, lane: Lane) -> Edit {
    op(
        List::Lanes(journey.id.clone()),
        ListOp::Replace {
            index,
            item: Item::Lane(lane),
        },
    )
}

/// A new stage after `after` (or at the end), named "New stage"; returns its id.
pub fn add_stage(journey: &Journey, after: Option<usize>) -> (Edit, String) {
    let id = unique_id("stage", journey.stages.len(), |id| {
        journey.stages.iter().any(|stage| stage.id == id)
    });
    let stage = Stage {
        id: id.clone(),
        name: "New stage".to_owned(),
        ..Stage::default()
    };
    let index = after.map_or(journey.stages.len(), |i| i + 1);
    (
        op(
            List::Stages(journey.id.clone()),
            ListOp::Insert {
                index,
                item: Item::Stage(stage),
            },
        ),
        id,
    )
}

/// A new lane of `kind` after `after` (or at the end); returns its id.
pub fn add_lane(
    journey: &Journey,
    after: Option<usize>,
    kind: LaneKind,
    title: &str,
) -> (Edit, String) {
    let id = unique_id("lane", journey.lanes.len(), |id| {
        journey.lanes.iter().any(|lane| lane.id == id)
    });
    let lane = Lane {
        id: id.clone(),
        kind,
        title: title.to_owned(),
    };
    let index = after.map_or(journey.lanes.len(), |i| i + 1);
    (
        op(
            List::Lanes(journey.id.clone()),
            ListOp::Insert {
                index,
                item: Item::Lane(lane),
            },
        ),
        id,
    )
}
