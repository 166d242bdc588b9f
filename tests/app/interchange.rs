//! Tables and diagrams in the app: File → Import… as a new project or as more journeys,
//! the export dialog's CSV table and Mermaid diagram, and rows pasted into the outline.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::JourneymapApp;
use journeymap::interchange::{Format, import_bytes};
use journeymap::model::{Card, Journey};

use crate::harness::{Setup, export_to_offered_path, journey, replace_text, setup, undo};

const TABLE: &str = "journey,stage,title,owner,emotion,moment_of_truth\nRenewal,Review,Usage report arrives,Customer success,1,yes\nRenewal,Review,Price rise announced,Finance,-2,\nRenewal,Decide,Renewal call,Sales,0,\n";

/// The template opened from a fresh folder, with a file `name` holding `text` beside it.
fn setup_with(
    name: &str,
    text: &str,
) -> (
    Harness<'static, JourneymapApp>,
    tempfile::TempDir,
    std::path::PathBuf,
) {
    let Setup { harness, folder } = setup();
    let path = folder.path().join(name);
    std::fs::write(&path, text).unwrap();
    (harness, folder, path)
}

/// Moves the template's newsletter card a stage on: an unsaved change.
fn edit_the_map(harness: &mut Harness<'_, JourneymapApp>) {
    harness.get_by_label(crate::harness::NEWSLETTER).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
}

/// Opens File → Import… and types `path` into the path field (no native dialog here).
fn import(harness: &mut Harness<'_, JourneymapApp>, path: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Import a table or a Mermaid diagram")
            .is_some()
    );
    harness
        .get_by_label("File path")
        .type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
}

#[test]
fn an_imported_table_adds_a_journey_in_one_undo_step_reusing_departments() {
    let (mut harness, _folder, path) = setup_with("renewal.csv", TABLE);
    let before = harness.state().document().project().clone();
    import(&mut harness, &path);
    // The dialog says what the file holds before anything changes.
    assert!(
        harness
            .query_by_label_contains("holds 1 journey, 2 stages, 3 cards")
            .is_some()
    );
    assert_eq!(harness.state().document().project(), &before);
    harness.get_by_label("Add to this project").click();
    harness.run();
    let project = harness.state().document().project().clone();
    assert_eq!(project.journeys.len(), before.journeys.len() + 1);
    let added = project.journeys.last().unwrap();
    assert_eq!(added.name, "Renewal");
    assert_eq!(added.cards.len(), 3);
    // "Customer success" and "Sales" are the template's own departments; Finance is new.
    assert_eq!(project.departments.len(), before.departments.len() + 1);
    assert!(project.departments.iter().any(|d| d.name == "Finance"));
    assert!(
        harness
            .query_by_label_contains("Added 1 journey from")
            .is_some()
    );
    undo(&mut harness);
    assert_eq!(harness.state().document().project(), &before);
}

#[test]
fn an_imported_diagram_opens_as_a_new_unsaved_project_after_asking_about_changes() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    let path = folder.path().join("day.mmd");
    std::fs::write(
        &path,
        "journey\n  title My day\n  section Work\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n",
    )
    .unwrap();
    // An unsaved change first: the import asks before replacing the project.
    edit_the_map(&mut harness);
    assert!(harness.state().document().is_dirty());
    import(&mut harness, &path);
    harness.get_by_label("Open as a new project").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    harness.get_by_label("Discard").click();
    harness.run();
    let project = harness.state().document().project();
    assert_eq!(project.journeys.len(), 1);
    assert_eq!(project.journeys[0].name, "My day");
    assert_eq!(project.personas.len(), 2);
    assert!(harness.state().path().is_none());
    assert!(harness.state().title().starts_with("day.mmd (imported) *"));
    assert!(harness.query_by_label_contains("not saved yet").is_some());
    assert_eq!(project.title, "day");
}

#[test]
fn a_bad_file_is_refused_with_its_row_and_column_and_nothing_changes() {
    let (mut harness, _folder, path) = setup_with("bad.csv", "stage,title,emotion\nS,A,3\n");
    let before = harness.state().document().project().clone();
    import(&mut harness, &path);
    assert!(harness.query_by_label("Cannot import").is_some());
    assert!(
        harness
            .query_by_label_contains("bad.csv: row 2, column emotion: 3 is outside −2..+2")
            .is_some()
    );
    assert_eq!(harness.state().document().project(), &before);
}

#[test]
fn the_export_dialog_writes_a_table_and_a_diagram() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("CSV table").click();
    harness.run();
    let expected = folder.path().join("plan.csv");
    export_to_offered_path(&mut harness, &expected);
    let table = std::fs::read(&expected).unwrap();
    let back = import_bytes(&table, Format::Csv, "x").unwrap().project;
    let project = harness.state().document().project();
    assert_eq!(back.journeys.len(), project.journeys.len());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    // The table stays chosen; a diagram of the journey on screen this time.
    harness.get_by_label("Mermaid diagram").click();
    harness.run();
    harness.get_by_label("Every lane").click();
    harness.run();
    export_to_offered_path(&mut harness, &folder.path().join("as-is.mmd"));
    let diagram = std::fs::read_to_string(folder.path().join("as-is.mmd")).unwrap();
    let back = import_bytes(diagram.as_bytes(), Format::Mermaid, "x")
        .unwrap()
        .project;
    assert_eq!(back.journeys[0].cards.len(), journey(&harness).cards.len());
    assert!(
        harness.state().settings().export_text.lanes == journeymap::interchange::MermaidLanes::All
    );
}

/// The card of `journey` titled `title`.
fn titled<'a>(journey: &'a Journey, title: &str) -> &'a Card {
    journey.cards.iter().find(|c| c.title == title).unwrap()
}

/// Pastes `text` as Ctrl+V does.
fn paste(harness: &mut Harness<'_, JourneymapApp>, text: &str) {
    harness
        .input_mut()
        .events
        .push(Event::Paste(text.to_owned()));
    harness.run();
}

#[test]
fn rows_pasted_into_the_outline_become_cards_in_one_undo_step() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    let before = journey(&harness);
    // With a header row, in any order.
    paste(
        &mut harness,
        "Title\tStage\tEmotion\r\nAsks a peer\tSolution exploration\t1\r\nReads a review\tSolution exploration\t-1\r\n",
    );
    let after = journey(&harness);
    assert_eq!(after.cards.len(), before.cards.len() + 2);
    let asked = titled(&after, "Asks a peer");
    let stage = after.stages.iter().find(|s| s.id == asked.stage).unwrap();
    assert_eq!(stage.name, "Solution exploration");
    assert_eq!(asked.emotion, Some(1));
    assert!(harness.query_by_label_contains("Pasted 2 cards").is_some());
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
    // Without a header, the cells follow the outline's columns: stage, lane, kind, title.
    paste(
        &mut harness,
        "Purchase\tTouchpoints\tTouchpoint\tSigns the order form\n",
    );
    let after = journey(&harness);
    let signed = titled(&after, "Signs the order form");
    assert_eq!(
        after
            .stages
            .iter()
            .find(|s| s.id == signed.stage)
            .unwrap()
            .name,
        "Purchase"
    );
    // A bad row is refused whole, naming its row and column.
    paste(
        &mut harness,
        "stage\ttitle\temotion\nPurchase\tA\t1\nPurchase\tB\t5\n",
    );
    assert!(
        harness
            .query_by_label_contains("row 3, column emotion: 5 is outside")
            .is_some()
    );
    assert_eq!(journey(&harness), after);
}

#[test]
fn nothing_counted_for_the_replaced_project_stays_on_screen() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    assert!(harness.query_by_label("2 open comments").is_some());
    let path = folder.path().join("day.mmd");
    std::fs::write(&path, "journey\n  section Work\n    Make tea: 5: Me\n").unwrap();
    import(&mut harness, &path);
    harness.get_by_label("Open as a new project").click();
    harness.run();
    // The diagram has no comments, though nothing was edited before it replaced the
    // template (whose first journey has two).
    assert!(harness.query_by_label("0 open comments").is_some());
}

#[test]
fn save_as_after_an_import_offers_a_project_file_and_never_writes_over_the_table() {
    let (mut harness, folder, path) = setup_with("renewal.csv", TABLE);
    import(&mut harness, &path);
    harness.get_by_label("Open as a new project").click();
    harness.run();
    assert!(
        harness
            .state()
            .title()
            .starts_with("renewal.csv (imported) *")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let offered = folder.path().join("renewal.ron");
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(offered.to_str().unwrap())
    );
    // Typing the table's own name is refused; the table is untouched.
    replace_text(&mut harness, "File path", path.to_str().unwrap());
    harness.get_by_label("Save").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("a project is saved as a .ron file")
            .is_some()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TABLE);
    // Adding the same table twice tells the journeys apart.
    harness.get_by_label("OK").click();
    harness.run();
    import(&mut harness, &path);
    harness.get_by_label("Add to this project").click();
    harness.run();
    let names: Vec<String> = harness
        .state()
        .document()
        .project()
        .journeys
        .iter()
        .map(|j| j.name.clone())
        .collect();
    assert_eq!(names, ["Renewal", "Renewal (2)"]);
}

#[test]
fn a_pasted_link_follows_its_card_when_the_card_s_id_is_taken() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    paste(
        &mut harness,
        "stage\ttitle\tid\tlinks\nPurchase\tCopied newsletter\tnewsletter\t\nPurchase\tLinks to it\tlinker\tnewsletter\n",
    );
    let after = journey(&harness);
    let copied = titled(&after, "Copied newsletter");
    assert_ne!(copied.id, "newsletter");
    let linker = after.cards.iter().find(|c| c.id == "linker").unwrap();
    assert_eq!(linker.links, std::slice::from_ref(&copied.id));
    assert!(
        harness
            .query_by_label_contains("is taken by a card already on the map")
            .is_some()
    );
    // Text without tabs is no table: nothing changes, and the status line says why.
    paste(&mut harness, "just a title");
    assert_eq!(journey(&harness), after);
    assert!(harness.query_by_label_contains("Nothing pasted").is_some());
}

#[test]
fn a_table_opened_with_open_asks_about_unsaved_changes_once() {
    let (mut harness, _folder, path) = setup_with("renewal.csv", TABLE);
    edit_the_map(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    harness
        .get_by_label("File path")
        .type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    // Open on a table imports it: the import dialog, and no second question.
    harness.get_by_label("Open as a new project").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert_eq!(
        harness.state().document().project().journeys[0].name,
        "Renewal"
    );
}
