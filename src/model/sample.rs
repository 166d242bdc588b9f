//! Generated projects of any size, for benchmarks and tests of large maps.

use super::types::{
    Card, CardKind, Comment, Department, Evidence, Journey, Lane, LaneKind, Project, Severity,
    Stage,
};

/// A valid one-journey project with `stages` stages and `cards` cards spread evenly over
/// them and over four card lanes, with realistic field use (owners, emotions, links,
/// comments) so that reading and drawing it costs what a real map costs.
pub fn generated_project(stages: usize, cards: usize) -> Project {
    let departments: Vec<Department> = ["Marketing", "Sales", "Customer success", "Accounting"]
        .iter()
        .enumerate()
        .map(|(i, name)| Department {
            id: format!("dept-{i}"),
            name: (*name).to_owned(),
            color: String::new(),
        })
        .collect();
    let lanes = vec![
        lane("touch", LaneKind::Touchpoints, "Touchpoints"),
        lane("pain", LaneKind::PainPoints, "Pain points"),
        lane("emotion", LaneKind::Emotion, "Emotion"),
        lane("backstage", LaneKind::Backstage, "Behind the scenes"),
        lane("opps", LaneKind::Opportunities, "Opportunities"),
    ];
    let card_lanes = [
        ("touch", CardKind::Touchpoint),
        ("pain", CardKind::PainPoint),
        ("backstage", CardKind::Note),
        ("opps", CardKind::Opportunity),
    ];
    let stage_list: Vec<Stage> = (0..stages.max(1))
        .map(|i| Stage {
            id: format!("stage-{i}"),
            name: format!("Stage {}", i + 1),
            goal: "The buyer knows what to do next".to_owned(),
            conversion: Some(0.5),
            ..Stage::default()
        })
        .collect();
    let card_list = (0..cards)
        .map(|i| {
            let stage = &stage_list[i * stage_list.len() / cards.max(1)].id;
            let (lane, kind) = card_lanes[i % card_lanes.len()];
            let mut card = Card::new(
                &format!("card-{i}"),
                kind,
                stage,
                lane,
                &format!("Step {i}: the buyer compares two vendors' security answers"),
            );
            card.channel = "Email".to_owned();
            card.owner = Some(departments[i % departments.len()].id.clone());
            card.emotion = Some((i % 5) as i8 - 2);
            card.evidence = Evidence::Anecdote;
            if kind == CardKind::PainPoint {
                card.severity = Some(Severity::High);
            }
            if kind == CardKind::Opportunity && i > 0 {
                card.links = vec![format!("card-{}", i - 1)];
            }
            if i % 10 == 0 {
                card.comments = vec![Comment {
                    author: "Sam (Sales)".to_owned(),
                    at: "2026-11-20T10:12:00Z".to_owned(),
                    text: "Is this still true after the pricing change?".to_owned(),
                    resolved: false,
                }];
            }
            card
        })
        .collect();
    Project {
        title: format!("Generated journey: {cards} cards over {stages} stages"),
        departments,
        journeys: vec![Journey {
            id: "generated".to_owned(),
            name: "Generated".to_owned(),
            stages: stage_list,
            lanes,
            cards: card_list,
            ..Journey::default()
        }],
        ..Project::default()
    }
}

fn lane(id: &str, kind: LaneKind, title: &str) -> Lane {
    Lane {
        id: id.to_owned(),
        kind,
        title: title.to_owned(),
    }
}
