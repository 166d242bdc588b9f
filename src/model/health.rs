//! The journey health check: where a map points at its own weak spots. Each rule has a
//! stable name, used on the command line and in the app.

use std::collections::{HashMap, HashSet};

use super::committee::voices;
use super::committee_health::committee_findings;
use super::names::{echo, escaped, quantity};
use super::types::{CardKind, Journey, Project};

/// What a finding is about: a card or a stage of a journey, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Card(String),
    Stage(String),
}

impl Subject {
    pub fn id(&self) -> &str {
        match self {
            Subject::Card(id) | Subject::Stage(id) => id,
        }
    }
}

/// One weak spot of a journey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub journey: String,
    pub subject: Subject,
    /// One of [`RULES`].
    pub rule: &'static str,
    pub message: String,
}

impl std::fmt::Display for Finding {
    /// `JOURNEY-ID/ITEM-ID: RULE: message`, as `journeymap check` prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}: {}: {}",
            escaped(&self.journey),
            escaped(self.subject.id()),
            self.rule,
            self.message
        )
    }
}

/// The rules, in the order findings are listed for each journey.
pub const RULES: [&str; 8] = [
    "unowned",
    "no-failure-path",
    "pain-without-opportunity",
    "dip-without-opportunity",
    "empty-stage",
    "unresolved-comments",
    "committee-split",
    "committee-unheard",
];

/// What a rule's findings have in common, as a heading over them.
pub fn rule_summary(rule: &str) -> &'static str {
    match rule {
        "unowned" => "Touchpoints and pain points no department owns",
        "no-failure-path" => "Moments of truth with no failure path",
        "pain-without-opportunity" => "Pain points no opportunity answers",
        "dip-without-opportunity" => "Low moments in stages with no opportunity",
        "empty-stage" => "Stages with no touchpoint",
        "unresolved-comments" => "Cards with open comments",
        "committee-split" => "Where the buying committee splits, with nothing planned",
        "committee-unheard" => "Stages where not every committee member was asked",
        _ => "Other findings",
    }
}

/// Every finding of every journey of the project.
pub fn check_health(project: &Project) -> Vec<Finding> {
    project
        .journeys
        .iter()
        .flat_map(|journey| check_journey(project, journey))
        .collect()
}

/// The findings of one journey of `project`: cards in file order, then stages, then the
/// committee's.
pub fn check_journey(project: &Project, journey: &Journey) -> Vec<Finding> {
    let linked_by_opportunity: HashSet<&str> = journey
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Opportunity)
        .flat_map(|c| c.links.iter().map(String::as_str))
        .collect();
    let stages_with = |kind: CardKind| -> HashSet<&str> {
        journey
            .cards
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.stage.as_str())
            .collect()
    };
    let with_opportunity = stages_with(CardKind::Opportunity);
    let with_touchpoint = stages_with(CardKind::Touchpoint);
    // Looked up once per finding: a map, so a journey of many stages costs no more per card.
    let stage_names: HashMap<&str, &str> = journey
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let stage_name = |id: &str| echo(stage_names.get(id).copied().unwrap_or(id));
    let voices = voices(project, journey);

    let mut findings = Vec::new();
    let mut find = |subject: Subject, rule: &'static str, message: String| {
        findings.push(Finding {
            journey: journey.id.clone(),
            subject,
            rule,
            message,
        });
    };
    for card in &journey.cards {
        let subject = || Subject::Card(card.id.clone());
        let title = echo(&card.title);
        if matches!(card.kind, CardKind::Touchpoint | CardKind::PainPoint) && card.owner.is_none() {
            find(
                subject(),
                "unowned",
                format!("“{title}” has no owner: which department answers for it?"),
            );
        }
        if card.moment_of_truth && card.if_it_fails.trim().is_empty() {
            find(
                subject(),
                "no-failure-path",
                format!(
                    "moment of truth “{title}” does not say what happens to the buyer when it fails"
                ),
            );
        }
        if card.kind == CardKind::PainPoint && !linked_by_opportunity.contains(card.id.as_str()) {
            find(
                subject(),
                "pain-without-opportunity",
                format!("pain point “{title}” has no opportunity linked to it"),
            );
        }
        // The one who feels worst there: with a committee, a gatekeeper at -2 is a low
        // moment even when the primary persona is fine.
        let lowest = voices
            .iter()
            .filter_map(|v| Some((v, v.score(card)?)))
            .min_by_key(|&(_, score)| score);
        if let Some((voice, score)) = lowest
            && score <= -1
            && !with_opportunity.contains(card.stage.as_str())
        {
            let who = if voices.len() > 1 {
                voice.label(project)
            } else {
                "the buyer".to_owned()
            };
            find(
                subject(),
                "dip-without-opportunity",
                format!(
                    "{who} feels bad at “{title}”, and stage “{}” has no opportunity",
                    stage_name(&card.stage)
                ),
            );
        }
        let open = card.comments.iter().filter(|c| !c.resolved).count();
        if open > 0 {
            find(
                subject(),
                "unresolved-comments",
                format!(
                    "“{title}” has {}",
                    quantity(open, "open comment", "open comments")
                ),
            );
        }
    }
    for stage in &journey.stages {
        if !with_touchpoint.contains(stage.id.as_str()) {
            find(
                Subject::Stage(stage.id.clone()),
                "empty-stage",
                format!(
                    "stage “{}” has no touchpoint: where do buyer and seller meet?",
                    echo(&stage.name)
                ),
            );
        }
    }
    for (subject, rule, message) in committee_findings(project, journey) {
        find(subject, rule, message);
    }
    findings
}
