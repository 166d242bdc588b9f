//! Generated projects of any size, for benchmarks and tests of large maps.

use super::types::{
    BuyingRole, Card, CardKind, Comment, Department, Evidence, Journey, Lane, LaneKind, Member,
    Persona, Project, Severity, Stage,
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
            // Every tenth opportunity answers the pain point before it: a journey holds
            // at most 500 links, so 10,000 cards can have them too.
            if kind == CardKind::Opportunity && i % 40 == 3 {
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

/// [`generated_project`] whose journey has a buying committee of `members` personas, the
/// first primary, every member scoring every card (differently, so the curves part); with
/// no members, [`generated_project`] itself.
pub fn generated_committee(stages: usize, cards: usize, members: usize) -> Project {
    let mut project = generated_project(stages, cards);
    project.personas = (0..members)
        .map(|m| Persona {
            id: format!("persona-{m}"),
            name: format!("Committee member {}", m + 1),
            role: "Head of something, Northway Logistics".to_owned(),
            quote: "Show me it works for us.".to_owned(),
            ..Persona::default()
        })
        .collect();
    let journey = &mut project.journeys[0];
    journey.persona = project.personas.first().map(|p| p.id.clone());
    journey.committee = project
        .personas
        .iter()
        .zip(BuyingRole::ALL.iter().cycle())
        .map(|(persona, &role)| Member {
            persona: persona.id.clone(),
            role: Some(role),
            detail: String::new(),
        })
        .collect();
    for (i, card) in journey.cards.iter_mut().enumerate() {
        for (m, persona) in project.personas.iter().enumerate().skip(1) {
            card.emotions
                .insert(persona.id.clone(), ((i + 2 * m) % 5) as i8 - 2);
        }
    }
    project
}

fn lane(id: &str, kind: LaneKind, title: &str) -> Lane {
    Lane {
        id: id.to_owned(),
        kind,
        title: title.to_owned(),
    }
}
