//! The edits behind a journey's buying committee: adding and removing members, their
//! roles, and which of them is primary. Each changes the journey and its cards' scores
//! together, so the project stays valid and one undo brings everything back.

use super::edit::{Edit, Item, List, ListOp};
use super::types::{Journey, Member};

/// Replaces the journey at `index` with `journey` (an edited copy).
fn replace(index: usize, journey: Journey) -> Edit {
    Edit::List {
        list: List::Journeys,
        op: ListOp::Replace {
            index,
            item: Item::Journey(journey),
        },
    }
}

/// The committee as a list even when the file leaves it out: the primary alone.
fn members(journey: &Journey) -> Vec<Member> {
    match (&journey.persona, journey.committee.is_empty()) {
        (Some(primary), true) => vec![Member {
            persona: primary.clone(),
            ..Member::default()
        }],
        _ => journey.committee.clone(),
    }
}

/// Adds `persona` to the committee of the journey at `index`. The first member of a
/// journey without a persona becomes its primary, and the buyer's scores theirs.
pub fn add_member(journey: &Journey, index: usize, persona: &str) -> Edit {
    let mut journey = journey.clone();
    let mut committee = members(&journey);
    if committee.iter().any(|m| m.persona == persona) {
        return Edit::Batch(Vec::new());
    }
    committee.push(Member {
        persona: persona.to_owned(),
        ..Member::default()
    });
    if journey.persona.is_none() {
        journey.persona = Some(persona.to_owned());
    }
    journey.committee = committee;
    replace(index, journey)
}

/// Sets the role and detail of the member at `position` of the committee.
pub fn set_member(journey: &Journey, index: usize, position: usize, member: Member) -> Edit {
    let mut journey = journey.clone();
    let mut committee = members(&journey);
    if let Some(slot) = committee.get_mut(position) {
        *slot = member;
    }
    journey.committee = committee;
    replace(index, journey)
}

/// Makes `persona` (a member) the primary: their scores become the cards' `emotion`, and
/// the old primary's move among the others'.
pub fn make_primary(journey: &Journey, index: usize, persona: &str) -> Edit {
    let mut journey = journey.clone();
    journey.committee = members(&journey);
    let old = journey.persona.replace(persona.to_owned());
    for card in &mut journey.cards {
        let theirs = card.emotions.remove(persona);
        let previous = std::mem::replace(&mut card.emotion, theirs);
        if let (Some(old), Some(score)) = (&old, previous) {
            card.emotions.insert(old.clone(), score);
        }
    }
    replace(index, journey)
}

/// `journey` without `persona` on its committee, nor their scores. When they were the
/// primary, the next member takes over (with their scores); the last member leaves the
/// journey without a persona, its scores the buyer's.
pub fn without_member(journey: &Journey, persona: &str) -> Journey {
    let mut journey = journey.clone();
    let mut committee = members(&journey);
    committee.retain(|m| m.persona != persona);
    if journey.persona.as_deref() == Some(persona) {
        let next = committee.first().map(|m| m.persona.clone());
        journey.persona = next.clone();
        for card in &mut journey.cards {
            card.emotion = match &next {
                Some(next) => card.emotions.remove(next),
                None => card.emotion,
            };
        }
    }
    for card in &mut journey.cards {
        card.emotions.remove(persona);
    }
    // A committee of the primary alone says no more than the primary does.
    if committee.len() == 1 && committee[0].role.is_none() && committee[0].detail.is_empty() {
        committee.clear();
    }
    journey.committee = committee;
    journey
}

/// Takes `persona` off the committee of the journey at `index`.
pub fn remove_member(journey: &Journey, index: usize, persona: &str) -> Edit {
    replace(index, without_member(journey, persona))
}
