//! What a journey's legend explains: only what the map shows. The departments that own its
//! cards, the kinds of card it holds, and the moment-of-truth mark if a card is one.

use std::collections::HashSet;

use super::types::{CardKind, Journey, Project};

/// The legend's entries, in the order it lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendItems {
    /// Positions in the project's departments, in the project's order.
    pub departments: Vec<usize>,
    pub kinds: Vec<CardKind>,
    pub moment_of_truth: bool,
}

impl LegendItems {
    pub fn of(project: &Project, journey: &Journey) -> Self {
        let owners = owners(journey);
        Self {
            departments: project
                .departments
                .iter()
                .enumerate()
                .filter(|(_, d)| owners.contains(d.id.as_str()))
                .map(|(i, _)| i)
                .collect(),
            kinds: kinds(journey),
            moment_of_truth: any_moment_of_truth(journey),
        }
    }

    /// How many entries the legend of `journey` has, known without the project (a card's
    /// owner always names one of its departments).
    pub fn count(journey: &Journey) -> usize {
        owners(journey).len() + kinds(journey).len() + usize::from(any_moment_of_truth(journey))
    }

    pub fn len(&self) -> usize {
        self.departments.len() + self.kinds.len() + usize::from(self.moment_of_truth)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn kinds(journey: &Journey) -> Vec<CardKind> {
    CardKind::ALL
        .into_iter()
        .filter(|&kind| journey.cards.iter().any(|c| c.kind == kind))
        .collect()
}

fn any_moment_of_truth(journey: &Journey) -> bool {
    journey.cards.iter().any(|c| c.moment_of_truth)
}

fn owners(journey: &Journey) -> HashSet<&str> {
    journey
        .cards
        .iter()
        .filter_map(|c| c.owner.as_deref())
        .collect()
}
