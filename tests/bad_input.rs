//! What a file that is too big, too broken or hostile gets: refused at the first list entry
//! over a limit, with its line; a list of problems that stops growing; messages in the
//! file's own terms that repeat its text short, on one line, with nothing that can colour
//! a terminal; and where a previous version can be found.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;
use std::path::Path;

use journeymap::export::{ExportOptions, export_png_bytes};
use journeymap::file::{
    FileError, parse_project, read_project, read_project_from, save_project, to_ron,
};
use journeymap::model::limits::{self, ALL_ENTRIES, all_entries};
use journeymap::model::operations::add_stage;
use journeymap::model::{
    Card, CardKind, Document, Journey, LISTED_PROBLEMS, Project, Stage, TEMPLATE_RON, validate,
};

fn template() -> Project {
    journeymap::file::template_project().unwrap()
}

/// The template's first journey, exported at scale 1.
fn template_picture() -> Vec<u8> {
    let options = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    export_png_bytes(&template(), 0, options, None).unwrap()
}

fn refused(text: &str) -> String {
    match parse_project(text.as_bytes(), Path::new("plan.ron")) {
        Ok(_) => panic!("the file should be refused"),
        Err(error) => error.to_string(),
    }
}

/// A one-journey project whose journey holds `stages` (RON text) and nothing else.
fn journey_of(stages: &str) -> String {
    format!("Project(format: 1, journeys: [Journey(id: \"j\", name: \"J\",\n stages: [{stages}])])")
}

#[test]
fn a_list_over_its_limit_is_refused_at_the_first_entry_too_many_with_its_line() {
    let stage = |i: usize| format!("Stage(id: \"s{i}\", name: \"S\"),\n");
    let at_limit: String = (0..limits::STAGES.max).map(stage).collect();
    assert!(parse_project(journey_of(&at_limit).as_bytes(), Path::new("plan.ron")).is_ok());

    let over: String = (0..limits::STAGES.max * 50).map(stage).collect();
    let message = refused(&journey_of(&over));
    // The entry too many is the 101st stage: line 2 holds the first.
    let line = 2 + limits::STAGES.max;
    assert!(
        message.starts_with(&format!("plan.ron:{line}:")),
        "{message}"
    );
    assert!(
        message.contains("a journey holds at most 100 stages"),
        "{message}"
    );
}

#[test]
fn all_lists_together_are_bounded_when_read_and_when_edited() {
    // Each stage's empathy map at its limits: 600 entries a stage, 100 stages a journey.
    let mut project = template();
    let mut stage = project.journeys[0].stages[0].clone();
    for list in stage.empathy.lists_mut() {
        *list = vec!["x".to_owned(); limits::ENTRIES.max];
    }
    let mut journey = project.journeys[0].clone();
    journey.cards.clear();
    journey.stages = (0..limits::STAGES.max)
        .map(|i| Stage {
            id: format!("s{i}"),
            ..stage.clone()
        })
        .collect();
    let per_journey = all_entries(&Project {
        journeys: vec![journey.clone()],
        ..Project::default()
    });
    project.journeys = (0..=ALL_ENTRIES / per_journey)
        .map(|j| Journey {
            id: format!("j{j}"),
            ..journey.clone()
        })
        .collect();
    assert!(all_entries(&project) > ALL_ENTRIES);

    let problems = validate(&project);
    assert_eq!(problems.total, 1, "{problems:?}");
    assert!(
        problems.listed[0]
            .to_string()
            .contains("a project holds at most 500000"),
        "{problems:?}"
    );
    let message = refused(&to_ron(&project).unwrap());
    assert!(message.contains("more than 500000 entries"), "{message}");

    // One journey fewer is within the limit, and reads.
    project.journeys.pop();
    assert!(validate(&project).is_empty());
    let text = to_ron(&project).unwrap();
    assert!(parse_project(text.as_bytes(), Path::new("plan.ron")).is_ok());
}

#[test]
fn validation_lists_a_few_hundred_problems_and_counts_the_rest() {
    let mut project = template();
    let journey = &mut project.journeys[0];
    let stage = journey.stages[0].id.clone();
    let lane = journey.lanes[0].id.clone();
    for i in 0..5_000 {
        let mut card = Card::new(&format!("x{i}"), CardKind::Note, &stage, &lane, "t");
        card.owner = Some("nobody".to_owned());
        card.emotion = Some(9);
        journey.cards.push(card);
    }
    let problems = validate(&project);
    assert_eq!(problems.listed.len(), LISTED_PROBLEMS);
    assert_eq!(problems.total, 5_000 * 2, "two a card");

    let text = journeymap::file::to_ron(&project).unwrap();
    let message = refused(&text);
    assert!(message.contains("(10000 problems)"), "{message}");
    assert!(message.ends_with("... and 9980 more"), "{message}");
    assert!(message.lines().count() < 30, "{message}");
}

#[test]
fn echoed_text_is_short_escaped_and_on_one_line() {
    let long = "x".repeat(1_000_000);
    let message = refused(&TEMPLATE_RON.replacen(
        "owner: Some(\"sales\")",
        &format!("owner: Some(\"{long}\")"),
        1,
    ));
    assert!(message.len() < 400, "{} bytes", message.len());
    assert!(message.contains("xxx…"), "{message}");

    let hostile = "mkt\\n\\u{1b}[31mred\\u{202e}";
    let message = refused(&TEMPLATE_RON.replacen(
        "owner: Some(\"sales\")",
        &format!("owner: Some(\"{hostile}\")"),
        1,
    ));
    assert!(!message.contains(['\u{1b}', '\u{202e}']), "{message:?}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains(r"mkt\n\u{1b}[31mred\u{202e}"), "{message}");
}

#[test]
fn texts_and_ids_over_their_length_are_named_by_item_and_field() {
    let mut project = template();
    project.journeys[0].cards[0].notes = "é".repeat(limits::TEXT_CHARS + 1);
    let card = project.journeys[0].cards[0].id.clone();
    let message = validate(&project).listed[0].to_string();
    assert!(
        message.contains(&format!("card `{card}`, field `notes`")),
        "{message}"
    );
    assert!(message.contains("20000 characters"), "{message}");

    project.journeys[0].cards[0].notes = "é".repeat(limits::TEXT_CHARS);
    assert!(validate(&project).is_empty(), "at the limit is allowed");
}

#[test]
fn an_edit_past_a_limit_is_refused() {
    let mut project = template();
    while project.journeys[0].stages.len() < limits::STAGES.max {
        let (edit, _) = add_stage(&project.journeys[0], None);
        edit.apply(&mut project).unwrap();
    }
    let mut document = Document::new(project);
    let (edit, _) = add_stage(&document.project().journeys[0], None);
    let error = document.apply(edit).unwrap_err().to_string();
    assert!(error.contains("a journey holds at most 100"), "{error}");
    assert_eq!(document.project().journeys[0].stages.len(), 100);
}

#[test]
fn syntax_errors_speak_of_the_file_not_of_the_program() {
    let cases = [
        (
            "kind: Touchpoint,",
            "kind: Billboard,",
            "`Billboard` is not allowed as card kind; write one of Touchpoint",
        ),
        (
            "Project(",
            "stage(",
            "expected `Project(...)` here, not `stage`",
        ),
        (
            "format: 2,",
            "format: 2, title: 5,",
            "expected text in double quotes",
        ),
        ("format: 2,", "format: 2, type: 2,", ""),
        (
            "title: \"B2B",
            "title: \"\\q B2B",
            "a backslash in text starts an escape",
        ),
    ];
    for (from, to, expected) in cases {
        let text = TEMPLATE_RON.replacen(from, to, 1);
        let Err(error) = parse_project(text.as_bytes(), Path::new("plan.ron")) else {
            assert!(expected.is_empty(), "{to:?} should be refused");
            continue;
        };
        let message = error.to_string();
        assert!(message.contains(expected), "{message}");
        for programmer_word in ["r#", "recursion_limit", "struct", "Expected", "enum"] {
            assert!(!message.contains(programmer_word), "{message}");
        }
    }
}

#[test]
fn a_picture_names_positions_in_the_project_it_carries() {
    let picture = template_picture();
    // Re-encode the picture around a broken project text.
    let decoder = png::Decoder::new(Cursor::new(&picture));
    let mut reader = decoder.read_info().unwrap();
    let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut rgba).unwrap();
    let broken = TEMPLATE_RON.replacen("kind: Touchpoint,", "kind: Billboard,", 1);
    let picture =
        journeymap::file::encode_png(&rgba, info.width, info.height, Some(&broken)).unwrap();
    let message = read_project_from(Cursor::new(picture), Path::new("plan.png"))
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("plan.png: in the project embedded in this picture, line "),
        "{message}"
    );

    let mut damaged = template_picture();
    damaged[20] ^= 0xFF;
    let message = read_project_from(Cursor::new(damaged), Path::new("plan.png"))
        .unwrap_err()
        .to_string();
    assert!(message.contains("the picture is damaged"), "{message}");
    assert!(
        !message.contains("Chunk") && !message.contains('{'),
        "{message}"
    );
}

#[test]
fn a_file_that_does_not_open_points_at_the_version_saved_before_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    save_project(&path, &template()).unwrap();
    save_project(&path, &template()).unwrap();
    std::fs::write(&path, "Project(format: 1, journeys: [").unwrap();
    let error = read_project(&path).unwrap_err();
    assert!(matches!(error, FileError::BackupExists { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("plan.ron.bak"), "{message}");
    assert!(
        message.starts_with(&format!("{}:1:", path.display())),
        "{message}"
    );

    let lone = folder.path().join("lone.ron");
    std::fs::write(&lone, "Project(").unwrap();
    assert!(
        !read_project(&lone)
            .unwrap_err()
            .to_string()
            .contains(".bak")
    );
}

#[test]
fn a_file_of_millions_of_values_is_refused_before_it_is_parsed() {
    // Unknown fields are skipped, not bounded by the list limits: 8 million values in one.
    let values = "1,".repeat(8_000_001);
    let text = format!("Project(format: 1,\nfuture: [{values}])");
    let message = refused(&text);
    assert!(message.starts_with("plan.ron:2:"), "{message}");
    assert!(message.contains("more than 8000000 values"), "{message}");
    // Commas inside text and comments are not values: this file is refused for its long
    // title, not for its values.
    let text = format!(
        "Project(format: 1, title: \"{}\", /* {} */ journeys: [])",
        ",".repeat(9_000_000),
        ",".repeat(9_000_000)
    );
    let message = refused(&text);
    assert!(
        message.contains("field `title`: is longer than"),
        "{message}"
    );
}

#[test]
fn invisible_characters_are_escaped_and_a_name_of_nothing_else_is_blank() {
    let title = "Buyer\u{2028}line\u{200b}\u{61c}\u{feff}";
    let mut project = template();
    project.journeys[0].cards[0].owner = Some(title.to_owned());
    let message = validate(&project).listed[0].to_string();
    assert!(
        message.contains(r"Buyer\u{2028}line\u{200b}\u{61c}\u{feff}"),
        "{message}"
    );
    project.journeys[0].cards[0].owner = None;
    project.journeys[0].cards[0].title = "\u{200b}\u{2060} ".to_owned();
    let message = validate(&project).listed[0].to_string();
    assert!(
        message.contains("field `title`: must not be empty"),
        "{message}"
    );
}

#[test]
fn a_byte_order_mark_at_the_start_is_skipped() {
    let text = format!("\u{feff}{TEMPLATE_RON}");
    assert_eq!(
        parse_project(text.as_bytes(), Path::new("plan.ron")).unwrap(),
        template()
    );
}

#[test]
fn a_missing_file_points_at_the_version_saved_before_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    save_project(&path, &template()).unwrap();
    save_project(&path, &template()).unwrap();
    std::fs::remove_file(&path).unwrap();
    let message = read_project(&path).unwrap_err().to_string();
    assert!(message.contains("there is no such file"), "{message}");
    assert!(message.contains("plan.ron.bak"), "{message}");
}

#[test]
fn a_picture_damaged_at_its_start_is_called_a_damaged_picture() {
    let mut picture = template_picture();
    picture[0] = b'?';
    let message = read_project_from(Cursor::new(picture), Path::new("plan.png"))
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("the picture is damaged: it does not begin as a PNG does"),
        "{message}"
    );
}
