//! Mermaid `journey` diagrams: every diagram of Mermaid's own docs and tests parsed as
//! Mermaid's real grammar parses it, imported as journeys, exported back, and bad
//! diagrams refused with their line and column.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use journeymap::interchange::{
    Diagram, Format, ImportError, Imported, MermaidLanes, export_mermaid, import_bytes,
    parse_mermaid,
};
use serde_json::Value;

fn import_mermaid(source: &str, name: &str) -> Result<Imported, ImportError> {
    import_bytes(source.as_bytes(), Format::Mermaid, name)
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mermaid-journey")
}

/// The corpus's diagrams, by file name, with what Mermaid's pipeline made of each.
fn expected() -> Vec<(String, String, Value)> {
    let text = std::fs::read_to_string(corpus().join("EXPECTED.json")).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    let mut files: Vec<(String, String, Value)> = json
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| name.ends_with(".mmd"))
        .map(|(name, value)| {
            let source = std::fs::read_to_string(corpus().join(name)).unwrap();
            (name.clone(), source, value["pipeline"].clone())
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// A parsed diagram in EXPECTED.json's shape.
fn as_json(diagram: &Diagram) -> Value {
    let tasks: Vec<Value> = diagram
        .tasks
        .iter()
        .map(|task| {
            let score = if task.score.value.is_nan() {
                Value::from("NaN")
            } else {
                serde_json::json!(task.score.value)
            };
            serde_json::json!({
                "section": task.section.map_or("", |s| diagram.sections[s].name.as_str()),
                "task": task.name,
                "score": score,
                "people": task.people,
            })
        })
        .collect();
    serde_json::json!({
        "title": diagram.title,
        "accTitle": diagram.acc_title,
        "accDescr": diagram.acc_descr,
        "sections": diagram.sections.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        "tasks": tasks,
    })
}

/// Numbers compared as numbers: `5` and `5.0` are one score.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn every_corpus_diagram_parses_as_mermaid_parses_it() {
    let files = expected();
    assert_eq!(files.len(), 27);
    for (name, source, pipeline) in files {
        let diagram = parse_mermaid(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = as_json(&diagram);
        assert!(
            same(&got, &pipeline),
            "{name}:\n got {got}\nwant {pipeline}"
        );
    }
}

#[test]
fn every_corpus_diagram_imports_and_is_stable_after_the_first_trip() {
    for (name, source, pipeline) in expected() {
        let imported = import_mermaid(&source, "diagram").unwrap_or_else(|e| panic!("{name}: {e}"));
        let journey = &imported.project.journeys[0];
        let tasks = pipeline["tasks"].as_array().unwrap();
        assert_eq!(journey.cards.len(), tasks.len(), "{name}");
        for (card, task) in journey.cards.iter().zip(tasks) {
            assert_eq!(card.title, task["task"].as_str().unwrap().trim(), "{name}");
        }
        let first = export_mermaid(&imported.project, 0, MermaidLanes::Touchpoints).unwrap();
        let again =
            import_mermaid(&first, "diagram").unwrap_or_else(|e| panic!("{name}: {e}\n{first}"));
        let second = export_mermaid(&again.project, 0, MermaidLanes::Touchpoints).unwrap();
        assert_eq!(first, second, "{name}");
        assert!(again.warnings.is_empty(), "{name}: {:?}", again.warnings);
    }
}

#[test]
fn a_diagram_becomes_stages_touchpoints_personas_and_emotions() {
    let source = std::fs::read_to_string(corpus().join("01-docs-my-working-day.mmd")).unwrap();
    let project = import_mermaid(&source, "x").unwrap().project;
    let journey = &project.journeys[0];
    assert_eq!(journey.name, "My working day");
    let stages: Vec<&str> = journey.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Go to work", "Go home"]);
    let names: Vec<&str> = project.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Me", "Cat"]);
    let me = &project.personas[0].id;
    let cat = &project.personas[1].id;
    assert_eq!(journey.persona.as_ref(), Some(me));
    let tea = &journey.cards[0];
    assert_eq!((tea.title.as_str(), tea.emotion), ("Make tea", Some(2)));
    let work = journey.cards.iter().find(|c| c.title == "Do work").unwrap();
    assert_eq!(work.emotion, Some(-2));
    assert_eq!(work.emotions.get(cat), Some(&-2));
    assert!(
        journey
            .lanes
            .iter()
            .any(|l| l.kind == journeymap::model::LaneKind::Emotion)
    );
}

#[test]
fn accessible_title_and_description_become_the_scenario() {
    let source =
        std::fs::read_to_string(corpus().join("06-parser-accdescr-multiline-brace.mmd")).unwrap();
    let project = import_mermaid(&source, "x").unwrap().project;
    assert_eq!(
        project.journeys[0].scenario,
        "Adding acc journey diagram functionality to mermaid\nA user journey for\nfamily shopping"
    );
}

#[test]
fn scores_outside_one_to_five_are_clamped_with_a_warning_naming_the_line() {
    let source = "journey\n  section S\n    A: 9: Me\n    B: 0: Me\n    C: 4.6: Me\n    D: five: Me\n    E: 2: Me\n";
    let imported = import_mermaid(source, "x").unwrap();
    let scores: Vec<Option<i8>> = imported.project.journeys[0]
        .cards
        .iter()
        .map(|c| c.emotion)
        .collect();
    assert_eq!(scores, [Some(2), Some(-2), Some(2), Some(0), Some(-1)]);
    assert_eq!(imported.warnings.len(), 4, "{:?}", imported.warnings);
    assert!(
        imported.warnings[0].starts_with("line 3: the score 9 is outside 1..5"),
        "{}",
        imported.warnings[0]
    );
    assert!(
        imported.warnings[3].starts_with("line 6: the score `five` is not a number"),
        "{}",
        imported.warnings[3]
    );
}

#[test]
fn entity_codes_keywords_and_comments_follow_mermaid() {
    let source = "%% a comment\njourney\n  title Q#58; A #59; B # not this\n  section One #35;1\n    Call at 9#58;30: 4: Sales #44; CS\n";
    let diagram = parse_mermaid(source).unwrap();
    assert_eq!(diagram.title, "Q: A ; B ");
    assert_eq!(diagram.sections[0].name, "One #1");
    assert_eq!(diagram.tasks.len(), 1);
    assert_eq!(diagram.tasks[0].name, "Call at 9:30");
    assert_eq!(diagram.tasks[0].people, ["Sales , CS"]);
    // A task line starting with `title ` sets the title, as in Mermaid.
    let again = parse_mermaid("journey\nsection S\ntitle page review: 5: Me\n").unwrap();
    assert_eq!(again.title, "page review: 5: Me");
}

/// The message of an import that failed.
fn error(source: &str) -> String {
    match import_mermaid(source, "x") {
        Err(e @ ImportError::At { .. }) => e.to_string(),
        other => panic!("expected an error with a place, got {other:?}"),
    }
}

#[test]
fn parse_errors_name_the_line_and_column_in_the_file() {
    let message = error("\n\njourney\n  section Go\n    Make tea\n    Sit: 3\n");
    assert!(
        message.starts_with("line 5, column 13: a task needs a score"),
        "{message}"
    );
    assert!(
        message.contains("Expecting 'taskData', got 'NEWLINE'"),
        "{message}"
    );
    let message = error("flowchart LR\n  A --> B\n");
    assert!(
        message.starts_with(
            "line 1, column 1: a Mermaid journey diagram starts with the word `journey`"
        ),
        "{message}"
    );
    let message = error("journey\n  section A\n    Task:\n");
    assert!(message.starts_with("line 3, column 9:"), "{message}");
    let message = error("journey\n  section A\n    Bad; task: 3\n");
    assert!(message.starts_with("line 3, column 8:"), "{message}");
    let message = error("journey\naccDescr {\n never closed\n");
    assert!(
        message.starts_with("line 2, column 1: `accDescr {` is never closed"),
        "{message}"
    );
}

#[test]
fn export_escapes_what_mermaid_cannot_hold_and_reads_back_the_same() {
    let mut project = journeymap::file::template_project().unwrap();
    let journey = &mut project.journeys[0];
    journey.cards[0].title = "Title: a; b # c, 50% off".to_owned();
    journey.stages[0].name = "section one: start".to_owned();
    let diagram = export_mermaid(&project, 0, MermaidLanes::All).unwrap();
    assert!(
        diagram.contains("#84;itle#58; a#59; b #35; c#44; 50#37; off: "),
        "{diagram}"
    );
    assert!(
        diagram.contains("section #115;ection one#58; start"),
        "{diagram}"
    );
    let back = import_mermaid(&diagram, "x").unwrap().project;
    let titles: Vec<&str> = back.journeys[0]
        .cards
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert!(titles.contains(&"Title: a; b # c, 50% off"), "{titles:?}");
    assert_eq!(back.journeys[0].stages[0].name, "section one: start");
    let touchpoints = export_mermaid(&project, 0, MermaidLanes::Touchpoints).unwrap();
    assert!(touchpoints.lines().count() < diagram.lines().count());
}

#[test]
fn a_huge_diagram_is_refused_and_a_large_one_read_in_one_pass() {
    let huge = "journey\n".to_owned() + &"\n".repeat(3 * 1024 * 1024);
    let error = import_mermaid(&huge, "x").unwrap_err().to_string();
    assert!(
        error.starts_with("the diagram is 3145736 bytes; Mermaid draws"),
        "{error}"
    );
    // Two million blank lines, then a diagram: blank lines are dropped in one go.
    let blank = "\n".repeat(2_000_000) + "journey\nsection S\nA: 5: Me\n";
    let project = import_mermaid(&blank, "x").unwrap().project;
    assert_eq!(project.journeys[0].cards.len(), 1);
    let error = import_mermaid(
        &("\n".repeat(1_000_000) + "journey\nsection S\n  Oops\n"),
        "x",
    )
    .unwrap_err()
    .to_string();
    assert!(error.starts_with("line 1000003, column 7:"), "{error}");
}

#[test]
fn long_names_and_braces_come_back_whole() {
    let source =
        std::fs::read_to_string(corpus().join("15-e2e-webhook-long-legend-repeated-section.mmd"))
            .unwrap();
    let mut project = import_mermaid(&source, "x").unwrap().project;
    project.journeys[0].scenario = "Budget {draft} } closed\nSecond line".to_owned();
    let diagram = export_mermaid(&project, 0, MermaidLanes::Touchpoints).unwrap();
    assert!(diagram.contains("Darkoob userf deliberately increasing the size of this label to check if distance between legend and diagram is  maintained"), "{diagram}");
    let back = import_mermaid(&diagram, "x").unwrap().project;
    assert_eq!(back.personas, project.personas);
    assert_eq!(back.journeys[0].scenario, project.journeys[0].scenario);
}

#[test]
fn what_mermaid_refuses_is_refused() {
    let message =
        error("---\ntitle: Checkout v2: the #1 flow\n---\njourney\n  section S\n    A: 3: Me\n");
    assert!(
        message.starts_with("line 2: the front matter's title `Checkout v2: the` holds a `:`"),
        "{message}"
    );
    let quoted = import_mermaid(
        "---\ntitle: \"Checkout v2: the #1 flow\"\n---\njourney\n",
        "x",
    )
    .unwrap();
    assert_eq!(quoted.project.journeys[0].name, "Checkout v2: the #1 flow");
    let message = error("JOURNEY\n  section S\n");
    assert!(
        message.starts_with(
            "line 1, column 1: Mermaid knows a journey diagram by the word `journey` in lower case"
        ),
        "{message}"
    );
    let empty = import_mermaid("  \n\n", "x").unwrap_err().to_string();
    assert!(empty.starts_with("the file is empty"), "{empty}");
}
