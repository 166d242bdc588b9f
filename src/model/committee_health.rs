//! The health rules about the buying committee: where its members feel far apart with
//! nothing planned about it (`committee-split`), and where the team has asked the primary
//! persona how they feel but not the others (`committee-unheard`).

use std::collections::{HashMap, HashSet};

use super::committee::{Voice, voices};
use super::health::Subject;
use super::names::echo;
use super::types::{CardKind, Journey, Project};

/// Scores this far apart (on -2..=2) mean the committee is split.
pub const SPLIT: i8 = 3;

/// One committee finding: its subject, rule and message.
pub type CommitteeFinding = (Subject, &'static str, String);

/// The committee findings of `journey`, stage by stage in map order: split cards in file
/// order, then the stage itself.
pub fn committee_findings(project: &Project, journey: &Journey) -> Vec<CommitteeFinding> {
    let voices = voices(project, journey);
    if voices.len() < 2 {
        return Vec::new();
    }
    let addressed: HashSet<(&str, &str)> = journey
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Opportunity)
        .flat_map(|c| c.links.iter().map(|l| (c.stage.as_str(), l.as_str())))
        .collect();
    let with_opportunity: HashSet<&str> = journey
        .cards
        .iter()
        .filter(|c| c.kind == CardKind::Opportunity)
        .map(|c| c.stage.as_str())
        .collect();
    let mut by_stage: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, card) in journey.cards.iter().enumerate() {
        by_stage.entry(card.stage.as_str()).or_default().push(i);
    }

    let mut findings = Vec::new();
    for stage in &journey.stages {
        let cards = by_stage
            .get(stage.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut split_card = false;
        for &i in cards {
            let card = &journey.cards[i];
            let scores: Vec<(usize, i8)> = voices
                .iter()
                .enumerate()
                .filter_map(|(v, voice)| voice.score(card).map(|s| (v, s)))
                .collect();
            let Some((low, high)) = extremes(&scores) else {
                continue;
            };
            if high.1 - low.1 >= SPLIT
                && !addressed.contains(&(stage.id.as_str(), card.id.as_str()))
            {
                split_card = true;
                findings.push((
                    Subject::Card(card.id.clone()),
                    "committee-split",
                    format!(
                        "the committee splits at “{}”: {}; no opportunity in stage “{}” links to it",
                        echo(&card.title),
                        apart(project, &voices, high, low),
                        echo(&stage.name)
                    ),
                ));
            }
        }
        let stage_cards = || cards.iter().map(|&i| &journey.cards[i]);
        let means: Vec<(usize, f32)> = voices
            .iter()
            .enumerate()
            .filter_map(|(v, voice)| Some((v, voice.mean(stage_cards())?)))
            .collect();
        let subject = || Subject::Stage(stage.id.clone());
        if let Some((low, high)) = extremes(&means)
            && !split_card
            && high.1 - low.1 >= f32::from(SPLIT)
            && !with_opportunity.contains(stage.id.as_str())
        {
            findings.push((
                subject(),
                "committee-split",
                format!(
                    "in stage “{}” the committee feels far apart on average: {}, and the stage has no opportunity",
                    echo(&stage.name),
                    apart(project, &voices, high, low)
                ),
            ));
        }
        let primary_heard = means.iter().any(|&(v, _)| voices[v].primary);
        let unheard: Vec<String> = (0..voices.len())
            .filter(|&v| means.iter().all(|&(heard, _)| heard != v))
            .map(|v| voices[v].label(project))
            .collect();
        if primary_heard && !unheard.is_empty() {
            findings.push((
                subject(),
                "committee-unheard",
                format!(
                    "stage “{}” has no score from {}: how do they feel here?",
                    echo(&stage.name),
                    listed(&unheard)
                ),
            ));
        }
    }
    findings
}

/// The lowest and the highest of some voices' scores (the first of equals).
fn extremes<T: PartialOrd + Copy>(scores: &[(usize, T)]) -> Option<((usize, T), (usize, T))> {
    let first = *scores.first()?;
    Some(scores.iter().fold((first, first), |(low, high), &s| {
        (
            if s.1 < low.1 { s } else { low },
            if s.1 > high.1 { s } else { high },
        )
    }))
}

/// "Dana Whitfield (champion) +2, Tom Berg (gatekeeper · procurement) -2".
fn apart<T: Into<f64>>(
    project: &Project,
    voices: &[Voice<'_>],
    high: (usize, T),
    low: (usize, T),
) -> String {
    let score = |(v, s): (usize, T)| {
        let s: f64 = s.into();
        let s = (s * 10.0).round() / 10.0;
        let sign = match s {
            s if s > 0.0 => "+",
            s if s < 0.0 => "−",
            _ => "",
        };
        format!("{} {sign}{}", voices[v].label(project), s.abs())
    };
    format!("{} but {}", score(high), score(low))
}

/// "A", "A and B", "A, B and C".
fn listed(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
