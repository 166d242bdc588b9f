//! Tables of cards in and out: what spreadsheets write (a byte-order mark, CRLF, `;`,
//! quoted fields, tabs), every error with its row and column, and round trips.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use journeymap::file::template_project;
use journeymap::interchange::{
    Format, ImportFailure, Imported, export_csv, import_bytes, import_file,
};
use journeymap::model::{Card, CardKind, Evidence, LaneKind, Project, Severity};

fn table(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tables")
        .join(name)
}

fn import(name: &str) -> Imported {
    import_file(&table(name), None).unwrap_or_else(|e| panic!("{e}"))
}

/// The message of an import of `name` that fails, without the file's path.
fn refused(name: &str) -> String {
    match import_file(&table(name), None) {
        Err(ImportFailure::Content { error, .. }) => error.to_string(),
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

fn titles(project: &Project) -> Vec<&str> {
    project.journeys[0]
        .cards
        .iter()
        .map(|c| c.title.as_str())
        .collect()
}

#[test]
fn excel_writes_semicolons_a_byte_order_mark_crlf_and_quoted_fields() {
    let imported = import("excel-semicolon.csv");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let project = &imported.project;
    let journey = &project.journeys[0];
    assert_eq!(journey.name, "excel-semicolon");
    assert_eq!(
        titles(project),
        [
            "Reads \"The buyer's guide\"",
            "Cannot find pricing",
            "Demo call"
        ]
    );
    let first = &journey.cards[0];
    assert_eq!(first.notes, "Two lines:\nfirst; second");
    assert!(first.moment_of_truth);
    assert_eq!(first.emotion, Some(1));
    assert_eq!(journey.cards[1].kind, CardKind::PainPoint);
    assert_eq!(journey.cards[1].emotion, Some(-2));
    assert!(journey.cards[2].moment_of_truth);
    // Owners that name no department make one; stages come in the order of their rows.
    let departments: Vec<&str> = project
        .departments
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(departments, ["Marketing", "Sales"]);
    let stages: Vec<&str> = journey.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Discover", "Evaluate"]);
    // A new journey has the usual lanes; a pain point goes to the pain-point lane.
    let kinds: Vec<LaneKind> = journey.lanes.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LaneKind::Touchpoints,
            LaneKind::PainPoints,
            LaneKind::Emotion,
            LaneKind::Backstage,
            LaneKind::Opportunities
        ]
    );
    let lane = |card: &Card| {
        journey
            .lanes
            .iter()
            .find(|l| l.id == card.lane)
            .unwrap()
            .kind
    };
    assert_eq!(lane(&journey.cards[1]), LaneKind::PainPoints);
}

#[test]
fn tab_separated_tables_and_names_in_any_case() {
    let project = import("spreadsheet.tsv").project;
    let cards = &project.journeys[0].cards;
    assert_eq!(cards[0].channel, "LinkedIn");
    assert_eq!(cards[0].evidence, Evidence::Research);
    assert_eq!(cards[1].severity, Some(Severity::High));
    assert_eq!(cards[1].evidence, Evidence::Anecdote);
}

#[test]
fn stage_and_title_are_enough_in_any_column_order() {
    let project = import("minimal.csv").project;
    assert_eq!(
        titles(&project),
        ["First step", "Second step", "Third step"]
    );
    let journey = &project.journeys[0];
    assert!(journey.cards.iter().all(|c| c.kind == CardKind::Touchpoint));
    let ids: Vec<&str> = journey.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["card-1", "card-2", "card-3"]);
    assert_eq!(journey.stages.len(), 2);
    assert!(journey.cards.iter().all(|c| c.lane == "touch"));
}

#[test]
fn journeys_personas_and_committee_scores() {
    let project = import("committee.csv").project;
    let names: Vec<&str> = project.journeys.iter().map(|j| j.name.as_str()).collect();
    assert_eq!(names, ["As is", "To be"]);
    let personas: Vec<&str> = project.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(personas, ["Champion", "CFO", "IT security"]);
    let as_is = &project.journeys[0];
    assert_eq!(as_is.persona.as_deref(), Some("champion"));
    let members: Vec<&str> = as_is.committee.iter().map(|m| m.persona.as_str()).collect();
    assert_eq!(members, ["champion", "cfo", "it-security"]);
    assert_eq!(as_is.cards[0].emotion, Some(2));
    assert_eq!(as_is.cards[0].emotions.get("cfo"), Some(&0));
    assert_eq!(as_is.cards[1].emotions.get("it-security"), Some(&-2));
    // Each journey's committee is who scored in it.
    let to_be = &project.journeys[1];
    let members: Vec<&str> = to_be.committee.iter().map(|m| m.persona.as_str()).collect();
    assert_eq!(members, ["champion", "it-security"]);
}

#[test]
fn unknown_columns_are_ignored_with_a_warning() {
    let imported = import("unknown-columns.csv");
    assert_eq!(
        imported.warnings,
        ["row 1: unknown columns are ignored: `priority`, `Sprint`"]
    );
    assert_eq!(titles(&imported.project), ["A step"]);
}

#[test]
fn every_error_names_its_row_and_column() {
    for (file, message) in [
        (
            "emotion-out-of-range.csv",
            "row 14, column emotion: 7 is outside −2..+2",
        ),
        (
            "bad-kind.csv",
            "row 4, column kind: `idea` is not a kind of card; write one of: touchpoint, pain point, opportunity, note",
        ),
        (
            "bad-yes-no.csv",
            "row 2, column moment_of_truth: `maybe` is not yes or no",
        ),
        ("latin-1.csv", "row 2, column 2: the text is not UTF-8"),
        (
            "duplicate-id.csv",
            "row 4, column id: the id `a` is already the id of row 2",
        ),
        (
            "unknown-link.csv",
            "row 3, column links: no card of this journey has the id `c`",
        ),
        (
            "emotion-lane-card.csv",
            "row 2, column lane: “Emotion” is the emotion lane, which holds no cards",
        ),
        (
            "extra-cell.csv",
            "row 2, column 3: `stray` stands in a column the header does not name",
        ),
        (
            "no-title-column.csv",
            "row 1: the header has no `title` column",
        ),
        ("empty.csv", "the table is empty"),
        (
            "unclosed-quote.csv",
            "row 2: a cell of this row opens a quote (\") that is never closed",
        ),
        (
            "id-with-space.csv",
            "row 2, column id: `Demo Call` is not an id: links list ids separated by spaces or commas, so an id has neither; write `demo-call`",
        ),
        (
            "same-persona-twice.csv",
            "row 1, column emotion:CFO: the column is there twice, as columns 3 and 4",
        ),
        ("header-only.csv", "the table has no rows of cards"),
    ] {
        let got = refused(file);
        assert!(got.starts_with(message), "{file}: {got}");
    }
}

#[test]
fn a_failed_import_names_the_file() {
    let error = import_file(&table("bad-kind.csv"), None)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("bad-kind.csv: row 4, column kind"),
        "{error}"
    );
    let error = import_file(Path::new("journey.txt"), None)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("name it .csv, .tsv or .mmd, or give --format"),
        "{error}"
    );
}

/// A card with its stage, lane and owner by name, as a table carries them.
fn by_name(project: &Project, journey: usize, card: &Card) -> Card {
    let journey = &project.journeys[journey];
    let mut card = card.clone();
    card.stage = journey
        .stages
        .iter()
        .find(|s| s.id == card.stage)
        .unwrap()
        .name
        .clone();
    let lane = journey.lanes.iter().find(|l| l.id == card.lane).unwrap();
    card.lane = format!("{} {:?}", lane.display_title(), lane.kind);
    card.owner = card.owner.map(|id| {
        project
            .departments
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .name
            .clone()
    });
    card.emotions = card
        .emotions
        .iter()
        .map(|(id, score)| {
            (
                project
                    .personas
                    .iter()
                    .find(|p| &p.id == id)
                    .unwrap()
                    .name
                    .clone(),
                *score,
            )
        })
        .collect();
    card.comments.clear();
    card
}

#[test]
fn the_template_round_trips_through_a_table_keeping_every_card_field_in_order() {
    let project = template_project().unwrap();
    let text = export_csv(&project, None, b',').unwrap();
    let back = import_bytes(text.as_bytes(), Format::Csv, "x").unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let back = back.project;
    assert_eq!(back.journeys.len(), project.journeys.len());
    for (j, (before, after)) in project.journeys.iter().zip(&back.journeys).enumerate() {
        assert_eq!(before.name, after.name);
        assert_eq!(before.cards.len(), after.cards.len());
        for (a, b) in before.cards.iter().zip(&after.cards) {
            assert_eq!(by_name(&project, j, a), by_name(&back, j, b));
        }
        let primary = |p: &Project, j: &journeymap::model::Journey| {
            j.persona.as_ref().map(|id| {
                p.personas
                    .iter()
                    .find(|x| &x.id == id)
                    .unwrap()
                    .name
                    .clone()
            })
        };
        assert_eq!(primary(&project, before), primary(&back, after));
    }
    // And once more: the table of the table is the same table.
    assert_eq!(export_csv(&back, None, b',').unwrap(), text);
}

#[test]
fn one_journey_by_index() {
    let project = template_project().unwrap();
    let text = export_csv(&project, Some(1), b',').unwrap();
    let back = import_bytes(text.as_bytes(), Format::Csv, "x")
        .unwrap()
        .project;
    assert_eq!(back.journeys.len(), 1);
    assert_eq!(back.journeys[0].name, project.journeys[1].name);
}

#[test]
fn a_table_past_the_limits_stops_at_the_row_that_passes_them() {
    let mut text = String::from("stage,title\n");
    for i in 0..10_001 {
        text.push_str(&format!("S,Step {i}\n"));
    }
    let error = import_bytes(text.as_bytes(), Format::Csv, "big")
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "row 10002: the journey “big” has 10001 cards; a journey holds at most 10000"
    );
    let mut text = String::from("stage,title\n");
    for i in 0..101 {
        text.push_str(&format!("Stage {i},Step\n"));
    }
    let error = import_bytes(text.as_bytes(), Format::Csv, "wide")
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("row 102: the journey “wide” has 101 stages"),
        "{error}"
    );
}

#[test]
fn excel_unicode_text_and_a_sep_line_are_read_as_excel_means_them() {
    let bytes = std::fs::read(table("excel-unicode-text.txt")).unwrap();
    let project = import_bytes(&bytes, Format::Tsv, "unicode")
        .unwrap()
        .project;
    assert_eq!(titles(&project), ["Reads a guide", "Signs"]);
    assert_eq!(project.journeys[0].cards[1].emotion, Some(-1));
    // `sep=;` is no row: the header is row 1, and `1,0` is a European 1.
    let project = import("sep-line.csv").project;
    assert_eq!(titles(&project), ["A, with a comma"]);
    assert_eq!(project.journeys[0].cards[0].emotion, Some(1));
}

#[test]
fn an_emotion_column_beside_named_ones_is_a_buyer_s_and_quotes_inside_cells_are_text() {
    let imported = import("no-persona-column.csv");
    let project = &imported.project;
    let journey = &project.journeys[0];
    let buyer = project.personas.iter().find(|p| p.name == "Buyer").unwrap();
    assert_eq!(journey.persona.as_ref(), Some(&buyer.id));
    assert_eq!(journey.cards[0].emotion, Some(2));
    assert_eq!(journey.cards[0].emotions.get("cfo"), Some(&0));
    assert!(
        imported.warnings[0].contains("given to a persona “Buyer”"),
        "{:?}",
        imported.warnings
    );
    // A quote inside an unquoted cell is an inch mark, not an open quote.
    let project = import("inch-mark.csv").project;
    assert_eq!(titles(&project), ["12\" screen demo"]);
    assert_eq!(project.journeys[0].cards[0].notes, "quoted \"fine\"");
}

#[test]
fn repeated_stage_names_keep_their_stages_apart_through_a_table() {
    let source = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mermaid-journey/15-e2e-webhook-long-legend-repeated-section.mmd"),
    )
    .unwrap();
    let project = import_bytes(&source, Format::Mermaid, "x").unwrap().project;
    assert_eq!(project.journeys[0].stages.len(), 3);
    let text = export_csv(&project, None, b',').unwrap();
    assert!(
        text.starts_with("\u{feff}journey,stage,stage_id,"),
        "{text}"
    );
    let back = import_bytes(text.as_bytes(), Format::Csv, "x")
        .unwrap()
        .project;
    assert_eq!(back.journeys[0].stages, project.journeys[0].stages);
    assert_eq!(back.journeys[0].cards, project.journeys[0].cards);
    // Without repeated names, no stage_id column.
    let plain = export_csv(&template_project().unwrap(), None, b',').unwrap();
    assert!(!plain.lines().next().unwrap().contains("stage_id"));
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_read_back() {
    let mut project = template_project().unwrap();
    project.journeys[0].cards[0].title = "=HYPERLINK(\"http://x\")".to_owned();
    project.journeys[0].cards[1].notes = "-2 points on the score".to_owned();
    let text = export_csv(&project, Some(0), b',').unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    assert!(text.contains("'-2 points"));
    let back = import_bytes(text.as_bytes(), Format::Csv, "x")
        .unwrap()
        .project;
    assert_eq!(
        back.journeys[0].cards[0].title,
        project.journeys[0].cards[0].title
    );
    assert_eq!(
        back.journeys[0].cards[1].notes,
        project.journeys[0].cards[1].notes
    );
    // A score stays a number.
    assert!(text.contains(",-1,") || text.contains(",-2,"));
}

#[test]
fn a_picture_given_as_a_table_is_told_apart() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let error = import_bytes(png, Format::Csv, "x").unwrap_err().to_string();
    assert!(error.starts_with("this is a PNG picture"), "{error}");
}
