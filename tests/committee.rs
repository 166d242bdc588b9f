//! The buying committee: format-1 files keep their meaning, scores per member go through
//! the edit door, committee edits carry the scores along, and the two committee rules fire
//! where they should and nowhere else.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use journeymap::file::{parse_project, read_project, save_project, template_project, to_ron};
use journeymap::model::committee_operations::{add_member, make_primary, remove_member};
use journeymap::model::project_operations::delete_persona;
use journeymap::model::{
    Document, EditError, FORMAT_VERSION, Journey, Project, check_journey, operations, voices,
};

/// The format-1 files as they were before format 2: the examples and the template.
fn format_1_files() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 3, "both examples and the template");
    files
}

#[test]
fn every_format_1_file_opens_unchanged_in_meaning_and_saves_as_format_2() {
    let folder = tempfile::tempdir().unwrap();
    for path in format_1_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("format: 1,"),
            "{} is format 1",
            path.display()
        );
        let opened = read_project(&path).unwrap();
        // What the file says, read as plain data with no program rules applied.
        let plain: Project = ron::from_str(&text).unwrap();
        assert_eq!(opened.format, FORMAT_VERSION);
        assert_eq!(
            opened,
            Project {
                format: FORMAT_VERSION,
                ..plain.clone()
            },
            "nothing but the format number changes"
        );
        for (journey, before) in opened.journeys.iter().zip(&plain.journeys) {
            // Its persona is the primary, the one voice; each card's emotion is theirs.
            let voices = voices(&opened, journey);
            assert_eq!(voices.len(), 1);
            assert!(voices[0].primary);
            assert_eq!(voices[0].persona, before.persona.as_deref());
            for (card, old) in journey.cards.iter().zip(&before.cards) {
                assert_eq!(voices[0].score(card), old.emotion, "card {}", card.id);
            }
        }
        let saved = folder.path().join(path.file_name().unwrap());
        save_project(&saved, &opened).unwrap();
        let written = std::fs::read_to_string(&saved).unwrap();
        assert!(written.contains("format: 2,"), "saving writes format 2");
        assert_eq!(read_project(&saved).unwrap(), opened);
    }
}

/// A journey of three: Dana the champion (primary), Chris the CFO, Ida from IT security.
/// In stage `demo` Dana is at +2 and Chris at -1 on one card: split, nothing planned.
/// In stage `price` nobody asked Ida.
const SPLIT: &str = r#"Project(
    format: 2,
    personas: [
        Persona(id: "dana", name: "Dana"),
        Persona(id: "chris", name: "Chris"),
        Persona(id: "ida", name: "Ida"),
    ],
    journeys: [
        Journey(
            id: "j",
            name: "Committee",
            persona: Some("dana"),
            committee: [
                Member(persona: "dana", role: Some(Champion)),
                Member(persona: "chris", role: Some(EconomicBuyer)),
                Member(persona: "ida", role: Some(Gatekeeper), detail: "IT security"),
            ],
            stages: [
                Stage(id: "demo", name: "Demo"),
                Stage(id: "price", name: "Price"),
            ],
            lanes: [
                Lane(id: "touch", kind: Touchpoints),
                Lane(id: "feel", kind: Emotion),
                Lane(id: "opps", kind: Opportunities),
            ],
            cards: [
                Card(id: "show", kind: Touchpoint, stage: "demo", lane: "touch", title: "Live demo",
                    emotion: Some(2), emotions: {"chris": -1, "ida": 0}),
                Card(id: "quote", kind: Touchpoint, stage: "price", lane: "touch", title: "Quote",
                    emotion: Some(1), emotions: {"chris": 0}),
            ],
        ),
    ],
)"#;

/// [`SPLIT`] with both mended: an opportunity about the demo, and Ida asked about price.
fn mended() -> String {
    SPLIT
        .replace(
            r#"emotions: {"chris": 0}),"#,
            r#"emotions: {"chris": 0, "ida": -1}),
                Card(id: "roi", kind: Opportunity, stage: "demo", lane: "opps", title: "A demo of the CFO's numbers", links: ["show"]),"#,
        )
}

fn committee_findings(text: &str) -> Vec<(String, &'static str, String)> {
    let project = parse_project(text.as_bytes(), Path::new("committee.ron")).unwrap();
    check_journey(&project, &project.journeys[0])
        .into_iter()
        .filter(|f| f.rule.starts_with("committee-"))
        .map(|f| (f.subject.id().to_owned(), f.rule, f.message))
        .collect()
}

#[test]
fn each_committee_rule_fires_once_where_it_should_and_not_when_mended() {
    let findings = committee_findings(SPLIT);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    let (subject, rule, message) = &findings[0];
    assert_eq!((subject.as_str(), *rule), ("show", "committee-split"));
    for part in [
        "Live demo",
        "Dana (champion) +2",
        "Chris (economic buyer) −1",
        "Demo",
    ] {
        assert!(message.contains(part), "{message} names {part}");
    }
    let (subject, rule, message) = &findings[1];
    assert_eq!((subject.as_str(), *rule), ("price", "committee-unheard"));
    assert!(
        message.contains("Ida (gatekeeper · IT security)"),
        "{message}"
    );
    assert!(!message.contains("Chris"), "Chris was asked: {message}");

    assert_eq!(committee_findings(&mended()), Vec::new());
}

#[test]
fn a_stage_splits_on_average_when_no_single_card_does() {
    // Dana loves the demo, Chris hates the price sheet; nobody scored both.
    let text = SPLIT
        .replace(
            r#"emotions: {"chris": -1, "ida": 0}),"#,
            r#"emotions: {"ida": 1}),
                Card(id: "sheet", kind: Touchpoint, stage: "demo", lane: "touch", title: "Price sheet", emotions: {"chris": -1}),"#,
        )
        .replace(r#"emotions: {"chris": 0}),"#, r#"emotions: {"chris": 0, "ida": 0}),"#);
    let findings = committee_findings(&text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let (subject, rule, message) = &findings[0];
    assert_eq!((subject.as_str(), *rule), ("demo", "committee-split"));
    assert!(message.contains("on average"), "{message}");
}

#[test]
fn a_journey_of_one_persona_has_no_committee_findings() {
    let project = template_project().unwrap();
    let mut alone = project.clone();
    alone.journeys[0].committee.clear();
    for card in &mut alone.journeys[0].cards {
        card.emotions.clear();
    }
    let rules: Vec<&str> = check_journey(&alone, &alone.journeys[0])
        .iter()
        .map(|f| f.rule)
        .collect();
    assert!(
        !rules.iter().any(|r| r.starts_with("committee-")),
        "{rules:?}"
    );
}

#[test]
fn the_template_s_as_is_committee_splits_and_its_to_be_does_not() {
    let project = template_project().unwrap();
    let rules = |journey: &Journey| -> Vec<(String, &'static str)> {
        check_journey(&project, journey)
            .into_iter()
            .filter(|f| f.rule.starts_with("committee-"))
            .map(|f| (f.subject.id().to_owned(), f.rule))
            .collect()
    };
    let as_is = rules(&project.journeys[0]);
    assert!(
        as_is.contains(&("quote".to_owned(), "committee-split")),
        "{as_is:?}"
    );
    assert!(as_is.iter().all(|(_, rule)| *rule != "committee-unheard"));
    assert_eq!(
        rules(&project.journeys[1]),
        Vec::new(),
        "the to-be resolves it"
    );
    assert!(project.journeys[0].committee.len() >= 4);
}

fn cfo_score(document: &Document, card: &str) -> Option<i8> {
    let project = document.project();
    let journey = &project.journeys[0];
    let card = journey.cards.iter().find(|c| c.id == card).unwrap();
    voices(project, journey)
        .iter()
        .find(|v| v.persona == Some("cfo"))
        .unwrap()
        .score(card)
}

#[test]
fn a_member_s_score_is_one_undo_step_and_a_stranger_s_is_refused() {
    let mut document = Document::new(template_project().unwrap());
    let before = document.project().clone();
    let set = |document: &Document, persona: &str, score: i8| {
        let journey = &document.project().journeys[0];
        let index = journey.cards.iter().position(|c| c.id == "demo").unwrap();
        let mut card = journey.cards[index].clone();
        card.emotions.insert(persona.to_owned(), score);
        operations::set_card(journey, index, card)
    };
    assert_eq!(cfo_score(&document, "demo"), Some(1));
    document.apply(set(&document, "cfo", -2)).unwrap();
    assert_eq!(cfo_score(&document, "demo"), Some(-2));
    assert_eq!(
        document.project().journeys[0]
            .cards
            .iter()
            .find(|c| c.id == "demo")
            .unwrap()
            .emotion,
        Some(2),
        "the primary's score stays"
    );
    document.undo();
    assert_eq!(document.project(), &before);

    // Someone not on the committee, or the primary under `emotions`: refused, unchanged.
    for stranger in ["nobody", "risk-lead"] {
        let error = document.apply(set(&document, stranger, 1)).unwrap_err();
        assert!(matches!(error, EditError::Invalid(_)), "{error}");
        assert_eq!(document.project(), &before);
    }
    let error = document.apply(set(&document, "cfo", 3)).unwrap_err();
    assert!(
        error.to_string().contains("3 of `cfo` is outside -2..=2"),
        "{error}"
    );
}

#[test]
fn committee_edits_carry_the_scores_along_and_undo_in_one_step() {
    let mut document = Document::new(template_project().unwrap());
    let before = document.project().clone();
    let journey = |document: &Document| document.project().journeys[0].clone();
    let demo = |journey: &Journey| {
        journey
            .cards
            .iter()
            .find(|c| c.id == "demo")
            .unwrap()
            .clone()
    };

    // The CFO made primary: their scores become the cards' emotion, Dana's move along.
    let edit = make_primary(&journey(&document), 0, "cfo");
    document.apply(edit).unwrap();
    let now = journey(&document);
    assert_eq!(now.persona.as_deref(), Some("cfo"));
    assert_eq!(demo(&now).emotion, Some(1));
    assert_eq!(demo(&now).emotions.get("risk-lead"), Some(&2));
    assert!(!demo(&now).emotions.contains_key("cfo"));
    document.undo();
    assert_eq!(document.project(), &before);

    // A member taken off takes their scores along.
    document
        .apply(remove_member(&journey(&document), 0, "cfo"))
        .unwrap();
    assert!(
        journey(&document)
            .committee
            .iter()
            .all(|m| m.persona != "cfo")
    );
    assert!(
        journey(&document)
            .cards
            .iter()
            .all(|c| !c.emotions.contains_key("cfo"))
    );
    document.undo();
    assert_eq!(document.project(), &before);

    // The primary persona deleted from the project: the next member takes over.
    let index = before
        .personas
        .iter()
        .position(|p| p.id == "risk-lead")
        .unwrap();
    document.apply(delete_persona(&before, index)).unwrap();
    let now = journey(&document);
    let next = before.journeys[0].committee[1].persona.clone();
    assert_eq!(now.persona.as_deref(), Some(next.as_str()));
    assert_eq!(
        demo(&now).emotion,
        demo(&before.journeys[0]).emotions.get(&next).copied()
    );
    assert!(
        document.project().journeys[1]
            .committee
            .iter()
            .all(|m| m.persona != "risk-lead")
    );
    document.undo();
    assert_eq!(document.project(), &before);

    // A journey of nobody in particular: the first member added becomes its primary.
    let mut bare = before.journeys[0].clone();
    bare.persona = None;
    bare.committee.clear();
    for card in &mut bare.cards {
        card.emotions.clear();
    }
    let mut project = before.clone();
    project.journeys[0] = bare.clone();
    let mut document = Document::new(project);
    document.apply(add_member(&bare, 0, "cfo")).unwrap();
    let now = &document.project().journeys[0];
    assert_eq!(now.persona.as_deref(), Some("cfo"));
    assert_eq!(
        demo(now).emotion,
        demo(&bare).emotion,
        "the buyer's scores are the CFO's"
    );
}

#[test]
fn a_committee_file_round_trips_byte_for_byte() {
    let project = parse_project(SPLIT.as_bytes(), Path::new("committee.ron")).unwrap();
    let text = to_ron(&project).unwrap();
    assert!(text.contains("committee: ["), "{text}");
    assert!(text.contains("\"chris\": -1,"), "{text}");
    let again = parse_project(text.as_bytes(), Path::new("committee.ron")).unwrap();
    assert_eq!(again, project);
    assert_eq!(to_ron(&again).unwrap(), text);
}

#[test]
fn a_card_that_scores_one_member_twice_is_refused_with_its_line() {
    let text = SPLIT.replace(
        r#"emotions: {"chris": 0}),"#,
        r#"emotions: {"chris": 0, "chris": 2}),"#,
    );
    let error = parse_project(text.as_bytes(), Path::new("committee.ron"))
        .unwrap_err()
        .to_string();
    let line = SPLIT
        .lines()
        .position(|l| l.contains(r#"emotions: {"chris": 0}"#))
        .unwrap()
        + 1;
    assert!(
        error.starts_with(&format!("committee.ron:{line}:")),
        "{error}"
    );
    assert!(error.contains("two emotions"), "{error}");

    // A committee member who is not a persona of the project: named, with the field.
    let text = SPLIT.replace(r#"Member(persona: "ida""#, r#"Member(persona: "ian""#);
    let error = parse_project(text.as_bytes(), Path::new("committee.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("journey `j`, field `committee`: no persona has the id `ian`")
            || error.contains("field `committee`: no persona has the id `ian`"),
        "{error}"
    );
}

#[test]
fn a_format_1_file_with_a_committee_is_refused_so_old_versions_never_drop_it() {
    let text = SPLIT.replacen("format: 2,", "format: 1,", 1);
    let error = parse_project(text.as_bytes(), Path::new("committee.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("journey `j`, field `committee`: a format-1 file has no buying committee; write `format: 2`"),
        "{error}"
    );
}

#[test]
fn a_gatekeeper_at_their_lowest_is_a_low_moment_even_when_the_primary_is_fine() {
    // Mended, Ida is at -1 on the quote and Dana at +1; the price stage has no
    // opportunity (the demo's stage has one).
    let project = parse_project(mended().as_bytes(), Path::new("committee.ron")).unwrap();
    let dips: Vec<String> = check_journey(&project, &project.journeys[0])
        .into_iter()
        .filter(|f| f.rule == "dip-without-opportunity")
        .map(|f| f.to_string())
        .collect();
    assert_eq!(
        dips,
        [
            "j/quote: dip-without-opportunity: Ida (gatekeeper · IT security) feels bad at “Quote”, and stage “Price” has no opportunity"
        ]
    );
}
