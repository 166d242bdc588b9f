//! The canvas driven the way a person uses it: by the pointer and the keyboard, finding
//! cards, headers and fields by their accessible labels.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::app::{Environment, JourneymapApp};
use journeymap::file::{read_project, save_project, template_project};
use journeymap::model::{Card, Document, Journey};

struct Setup {
    harness: Harness<'static, JourneymapApp>,
    folder: tempfile::TempDir,
}

fn environment(folder: &std::path::Path, recovery_seconds: f64) -> Environment {
    Environment {
        recovery_path: Some(folder.join("recovery.ron")),
        recovery_seconds,
        native_dialogs: Err(
            "No file dialog can be shown in tests. Type the file's path instead.".to_owned(),
        ),
    }
}

fn open_app(app: JourneymapApp) -> Harness<'static, JourneymapApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1600.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut JourneymapApp| app.show(ui), app);
    harness.run();
    harness
}

/// The template, saved as `plan.ron` in a fresh folder and opened from there.
fn setup() -> Setup {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    save_project(&path, &template_project().unwrap()).unwrap();
    let project = read_project(&path).unwrap();
    let app = JourneymapApp::new(
        Document::new(project),
        Some(path),
        environment(folder.path(), 30.0),
    );
    Setup {
        harness: open_app(app),
        folder,
    }
}

fn journey(harness: &Harness<'_, JourneymapApp>) -> Journey {
    harness.state().document().project().journeys[0].clone()
}

fn card<'a>(journey: &'a Journey, id: &str) -> &'a Card {
    journey.cards.iter().find(|c| c.id == id).unwrap()
}

/// The ids of one cell's cards, in order.
fn cell(journey: &Journey, stage: &str, lane: &str) -> Vec<String> {
    journey
        .cards
        .iter()
        .filter(|c| c.stage == stage && c.lane == lane)
        .map(|c| c.id.clone())
        .collect()
}

fn rect_of(harness: &Harness<'_, JourneymapApp>, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

/// Where the lane `lane` crosses the stage `stage`, near the cell's right end.
fn cell_point(harness: &Harness<'_, JourneymapApp>, stage: &str, lane: &str) -> Pos2 {
    let stage = rect_of(harness, &format!("Stage: {stage}"));
    let lane = rect_of(harness, &format!("Lane: {lane}"));
    pos2(stage.right() - 12.0, lane.center().y)
}

/// Presses at `from`, moves in steps, releases at `to`: a drag as a hand makes it.
fn drag(harness: &mut Harness<'_, JourneymapApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for i in 1..=6 {
        harness.hover_at(from + (to - from) * (i as f32 / 6.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();
}

fn double_click(harness: &mut Harness<'_, JourneymapApp>, at: Pos2) {
    harness.hover_at(at);
    harness.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        harness.step();
    }
    harness.run();
}

fn undo(harness: &mut Harness<'_, JourneymapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

fn redo(harness: &mut Harness<'_, JourneymapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
}

const NEWSLETTER: &str =
    "Touchpoint: Industry newsletter: 'Five audit findings that keep coming back'";

#[test]
fn drag_a_touchpoint_to_the_third_stage_then_undo_and_redo() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    assert_eq!(card(&before, "newsletter").stage, "problem");
    let from = rect_of(&harness, NEWSLETTER).center();
    let to = cell_point(&harness, "Requirements building", "Touchpoints");
    drag(&mut harness, from, to);

    let moved = journey(&harness);
    assert_eq!(card(&moved, "newsletter").stage, "requirements");
    assert_eq!(card(&moved, "newsletter").lane, "touch");
    assert_eq!(
        cell(&moved, "requirements", "touch").last().unwrap(),
        "newsletter"
    );
    assert!(
        harness.state().title().contains('*'),
        "the title shows unsaved changes"
    );

    undo(&mut harness);
    assert_eq!(journey(&harness), before, "one drag is one undo step");
    redo(&mut harness);
    assert_eq!(journey(&harness), moved);
}

#[test]
fn drag_a_pain_point_to_another_lane() {
    let Setup { mut harness, .. } = setup();
    let from = rect_of(&harness, "Pain point: Asked for a call; nobody called").center();
    let to = cell_point(&harness, "Solution exploration", "Opportunities");
    drag(&mut harness, from, to);
    let after = journey(&harness);
    let silence = card(&after, "silence");
    assert_eq!(
        (silence.stage.as_str(), silence.lane.as_str()),
        ("explore", "opps")
    );
    assert_eq!(
        silence.kind,
        journeymap::model::CardKind::PainPoint,
        "a moved card keeps its kind"
    );
}

#[test]
fn reorder_cards_inside_a_cell() {
    let Setup { mut harness, .. } = setup();
    assert_eq!(
        cell(&journey(&harness), "problem", "touch"),
        ["newsletter", "webinar"]
    );
    let webinar = rect_of(&harness, "Touchpoint: Webinar with a peer risk manager").center();
    let newsletter = rect_of(&harness, NEWSLETTER);
    drag(
        &mut harness,
        webinar,
        pos2(newsletter.left() + 4.0, newsletter.center().y),
    );
    assert_eq!(
        cell(&journey(&harness), "problem", "touch"),
        ["webinar", "newsletter"]
    );
}

#[test]
fn the_emotion_lane_refuses_a_card() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    let from = rect_of(&harness, NEWSLETTER).center();
    let to = cell_point(&harness, "Solution exploration", "Emotion");
    drag(&mut harness, from, to);
    assert_eq!(journey(&harness), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn drag_an_emotion_point_up() {
    let Setup { mut harness, .. } = setup();
    assert_eq!(card(&journey(&harness), "newsletter").emotion, Some(0));
    let point = harness
        .get_by_label_contains("Emotion at Industry newsletter")
        .rect()
        .center();
    drag(&mut harness, point, point - vec2(0.0, 300.0));
    assert_eq!(
        card(&journey(&harness), "newsletter").emotion,
        Some(2),
        "dragged to the top: +2"
    );
    undo(&mut harness);
    assert_eq!(card(&journey(&harness), "newsletter").emotion, Some(0));
}

#[test]
fn double_click_an_empty_spot_adds_a_card_and_typing_titles_it() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    assert!(cell(&before, "selection", "opps").is_empty());
    let at = cell_point(&harness, "Supplier selection", "Opportunities");
    double_click(&mut harness, at);

    let added = journey(&harness);
    let new: Vec<String> = cell(&added, "selection", "opps");
    assert_eq!(new.len(), 1, "one card added to the empty cell");
    assert_eq!(
        card(&added, &new[0]).kind,
        journeymap::model::CardKind::Opportunity
    );
    assert!(
        harness.get_by_label("Title").is_focused(),
        "the title is ready for typing"
    );

    harness
        .get_by_label("Title")
        .type_text("Reference customers by industry");
    harness.run();
    assert_eq!(
        card(&journey(&harness), &new[0]).title,
        "Reference customers by industry"
    );
    assert!(
        harness
            .query_by_label("Opportunity: Reference customers by industry")
            .is_some()
    );

    // Escape leaves the field (inside it, Ctrl+Z is the field's own undo).
    harness.key_press(Key::Escape);
    harness.run();
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), &new[0]).title,
        "New opportunity",
        "typing is one step"
    );
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}

#[test]
fn delete_a_card_and_undo() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let after = journey(&harness);
    assert!(after.cards.iter().all(|c| c.id != "silence"));
    assert!(
        after
            .cards
            .iter()
            .all(|c| !c.links.contains(&"silence".to_owned())),
        "links to a deleted card go with it"
    );
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}

#[test]
fn rename_a_stage_in_the_inspector() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    let name = harness.get_by_label("Name");
    name.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Name").type_text("Contracting");
    harness.run();
    let stages = journey(&harness).stages;
    assert_eq!(stages[4].name, "Contracting");
    assert!(harness.query_by_label("Stage: Contracting").is_some());
    undo(&mut harness);
    assert_eq!(journey(&harness).stages[4].name, "Purchase");
}

#[test]
fn reorder_stages_by_dragging_a_header() {
    let Setup { mut harness, .. } = setup();
    let first = rect_of(&harness, "Stage: Problem identification");
    let second = rect_of(&harness, "Stage: Solution exploration");
    drag(
        &mut harness,
        first.center(),
        pos2(second.right() - 10.0, second.center().y),
    );
    let order: Vec<String> = journey(&harness)
        .stages
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(&order[..3], ["explore", "problem", "requirements"]);
    undo(&mut harness);
    assert_eq!(journey(&harness).stages[0].id, "problem");
}

#[test]
fn reorder_lanes_by_dragging_a_title() {
    let Setup { mut harness, .. } = setup();
    let pain = rect_of(&harness, "Lane: Pain points");
    let touch = rect_of(&harness, "Lane: Touchpoints");
    drag(
        &mut harness,
        pain.center(),
        pos2(touch.center().x, touch.top() + 4.0),
    );
    let order: Vec<String> = journey(&harness)
        .lanes
        .iter()
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(&order[..2], ["pain", "touch"]);
}

#[test]
fn the_dirty_marker_follows_edits_and_save() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    assert!(!harness.state().title().contains('*'));
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(card(&journey(&harness), "newsletter").stage, "explore");
    assert!(harness.state().title().starts_with("plan.ron *"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().title().contains('*'));
    let saved = read_project(&folder.path().join("plan.ron")).unwrap();
    assert_eq!(card(&saved.journeys[0], "newsletter").stage, "explore");
    assert!(folder.path().join("plan.ron.bak").exists());
}

#[test]
fn opening_a_bad_file_shows_the_error_and_keeps_the_project() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    let bad = folder.path().join("broken.ron");
    std::fs::write(&bad, "Project(\n    format: 1,\n    title: oops,\n)\n").unwrap();
    let before = harness.state().document().project().clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    // No native dialog here: the app says so and offers a path field.
    assert!(
        harness
            .query_by_label_contains("No file dialog can be shown")
            .is_some()
    );
    assert!(
        harness.get_by_label("Path").is_focused(),
        "the path field is ready for typing"
    );
    harness
        .get_by_label("Path")
        .type_text(bad.to_str().unwrap());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();

    assert!(harness.query_by_label("Cannot open the file").is_some());
    let error = harness.get_by_label_contains("broken.ron:3:");
    assert!(error.rect().is_positive());
    assert_eq!(harness.state().document().project(), &before);
    assert_eq!(
        harness.state().path().unwrap(),
        folder.path().join("plan.ron")
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.query_by_label_contains("broken.ron:3:").is_none());
}

#[test]
fn unsaved_changes_are_guarded_on_new() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness.state().document().is_dirty(),
        "Cancel keeps the work"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness.state().path().is_none(),
        "a new project has no file yet"
    );
}

#[test]
fn unsaved_work_is_written_for_recovery_and_offered_at_the_next_start() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    save_project(&path, &template_project().unwrap()).unwrap();
    let original = std::fs::read(&path).unwrap();
    let app = JourneymapApp::new(
        Document::new(read_project(&path).unwrap()),
        Some(path.clone()),
        environment(folder.path(), 0.0),
    );
    let mut harness = open_app(app);
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let edited = harness.state().document().project().clone();
    assert!(
        folder.path().join("recovery.ron").exists(),
        "unsaved work is written"
    );
    drop(harness); // a crash: no save, no close

    let app = JourneymapApp::new(
        Document::new(read_project(&path).unwrap()),
        Some(path.clone()),
        environment(folder.path(), 30.0),
    );
    let mut harness = open_app(app);
    assert!(harness.query_by_label("Restore unsaved work?").is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().document().project(), &edited);
    assert!(
        harness.state().document().is_dirty(),
        "restored work is not saved yet"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "the user's file is untouched"
    );
}

#[test]
fn deleting_a_stage_with_cards_asks_first_and_undo_brings_it_back() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Delete the stage “Purchase” and the 4 cards")
            .is_some()
    );
    assert_eq!(
        journey(&harness),
        before,
        "nothing is deleted before the answer"
    );
    harness.get_by_label("Delete").click();
    harness.run();
    let after = journey(&harness);
    assert!(after.stages.iter().all(|s| s.id != "purchase"));
    assert!(after.cards.iter().all(|c| c.stage != "purchase"));
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}

#[test]
fn the_context_menu_duplicates_a_card() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label(NEWSLETTER).click_secondary();
    harness.run();
    harness.get_by_label("Duplicate").click();
    harness.run();
    let after = journey(&harness);
    let cell = cell(&after, "problem", "touch");
    assert_eq!(cell.len(), 3);
    assert_eq!(
        card(&after, &cell[1]).title,
        card(&after, "newsletter").title,
        "the copy follows the original"
    );
    assert_ne!(cell[1], "newsletter", "the copy has an id of its own");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert!(harness.state().document().is_dirty());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(harness.state().document().is_dirty());
}

#[test]
fn zoom_keys_change_the_zoom_and_fit_shows_the_whole_map() {
    let Setup { mut harness, .. } = setup();
    let start = harness.state().view().zoom;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!((harness.state().view().zoom - start * 1.25).abs() < 1e-4);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    let fitted = harness.state().view().zoom;
    assert!(
        fitted < start,
        "the whole template is wider than the window"
    );
    // Every stage header is on screen once fitted.
    for stage in journey(&harness).stages {
        let header = rect_of(&harness, &format!("Stage: {}", stage.name));
        assert!(header.width() > 10.0, "{} is in view", stage.name);
    }
}

#[test]
fn export_png_from_the_menu_writes_a_picture_that_opens_again() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.query_by_label("Export PNG").is_some());
    harness.get_by_label("1×").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    // No native dialog here: a path field, filled with the journey's name beside the project.
    let expected = folder.path().join("as-is.png");
    assert_eq!(
        harness.get_by_label("Path").value().as_deref(),
        Some(expected.to_str().unwrap())
    );
    harness.get_by_label("Export").click();
    harness.run();
    let inside = read_project(&expected).expect("the PNG carries the project");
    assert_eq!(&inside, harness.state().document().project());
    assert_eq!(
        harness.state().settings().export.scale,
        1,
        "the choice is remembered"
    );
    let picture =
        journeymap::export::render(&inside, 0, harness.state().settings().export, None).unwrap();
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&expected).unwrap(),
    ));
    let info = decoder.read_info().unwrap().info().clone();
    assert_eq!((info.width, info.height), (picture.width, picture.height));
}

#[test]
fn copy_image_puts_the_map_on_the_clipboard() {
    let Setup { mut harness, .. } = setup();
    // One frame with the key press in it, so that frame's output is the one looked at.
    let modifiers = Modifiers::COMMAND | Modifiers::SHIFT;
    harness.input_mut().events.push(Event::Key {
        key: Key::C,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
    harness.step();
    let copied =
        harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|command| match command {
                egui::OutputCommand::CopyImage(image) => Some(image.size),
                _ => None,
            });
    let project = harness.state().document().project().clone();
    let picture =
        journeymap::export::render(&project, 0, harness.state().settings().export, None).unwrap();
    assert_eq!(
        copied,
        Some([picture.width as usize, picture.height as usize])
    );
}

#[test]
fn a_project_opened_from_a_picture_is_saved_as_a_project_file_beside_it() {
    let folder = tempfile::tempdir().unwrap();
    let picture = folder.path().join("as-is.png");
    let project = template_project().unwrap();
    let bytes = journeymap::export::export_png_bytes(
        &project,
        0,
        journeymap::export::ExportOptions {
            scale: 1,
            ..Default::default()
        },
        None,
    )
    .unwrap();
    std::fs::write(&picture, &bytes).unwrap();
    let app = JourneymapApp::new(
        Document::new(read_project(&picture).unwrap()),
        Some(picture.clone()),
        environment(folder.path(), 30.0),
    );
    let mut harness = open_app(app);
    assert!(harness.state().title().starts_with("as-is.png (picture)"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let suggested = folder.path().join("as-is.ron");
    assert_eq!(
        harness.get_by_label("Path").value().as_deref(),
        Some(suggested.to_str().unwrap())
    );
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(read_project(&suggested).unwrap(), project);
    assert_eq!(
        std::fs::read(&picture).unwrap(),
        bytes,
        "the picture is untouched"
    );
    assert!(harness.state().title().starts_with("as-is.ron"));
}

#[test]
fn a_stage_gets_exit_criteria_conversion_a_kpi_and_empathy() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    let before = journey(&harness).stages[4].clone();

    harness.get_by_label("Exit criteria").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Exit criteria")
        .type_text("Purchase order number received");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        journey(&harness).stages[4].exit_criteria,
        "Purchase order number received"
    );

    harness
        .get_by_label("Conversion to the next stage")
        .set_value_accesskit(12.0);
    harness.run();
    assert_eq!(journey(&harness).stages[4].conversion, Some(0.12));

    harness.get_by_label("+ Add KPI").click();
    harness.run();
    harness.get_by_label("KPI 1 value").focus();
    harness.run();
    harness.get_by_label("KPI 1 value").type_text("9 days");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let kpis = journey(&harness).stages[4].kpis.clone();
    assert_eq!(
        (kpis[0].name.as_str(), kpis[0].value.as_str()),
        ("New KPI", "9 days")
    );

    harness.get_by_label("Empathy map").click();
    harness.run();
    harness.get_by_label("+ Add to feels").click();
    harness.run();
    let feels = journey(&harness).stages[4].empathy.feels.clone();
    assert_eq!(feels.len(), 2);
    assert_eq!(feels[0], "Impatient");

    // Each change was one step (criteria, conversion, new KPI, its value, new feeling):
    // five undos bring the stage back.
    for _ in 0..5 {
        undo(&mut harness);
    }
    assert_eq!(journey(&harness).stages[4], before);
}

/// Clicks the map's background, so the inspector shows the project.
fn select_nothing(harness: &mut Harness<'_, JourneymapApp>) {
    let lane = rect_of(harness, "Lane: Behind the scenes");
    let stage = rect_of(harness, "Stage: Problem identification");
    harness.get_by_label("Lane: Behind the scenes");
    let at = pos2(stage.center().x, lane.center().y);
    harness.hover_at(at);
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn open_section(harness: &mut Harness<'_, JourneymapApp>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

fn type_into(harness: &mut Harness<'_, JourneymapApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

#[test]
fn add_a_persona_edit_it_and_give_it_the_journey() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    open_section(&mut harness, "Personas");
    harness.get_by_label("+ Add persona").click();
    harness.run();
    let personas = harness.state().document().project().personas.clone();
    assert_eq!(personas.len(), 2);
    let id = personas[1].id.clone();
    open_section(&mut harness, "New persona");
    type_into(&mut harness, "Role", "CFO, Northway Logistics");
    harness.get_by_label("+ Add to goals").click();
    harness.run();
    type_into(&mut harness, "Goals 1", "Keep total cost inside budget");
    let persona = harness.state().document().project().personas[1].clone();
    assert_eq!(persona.role, "CFO, Northway Logistics");
    assert_eq!(persona.goals, ["Keep total cost inside budget"]);

    let combo = rect_of(&harness, "Persona");
    harness.get_by_label("Persona").click();
    harness.run();
    // The choice in the list that opened under the box, not the persona's section header.
    let option = harness
        .get_all_by_label("New persona")
        .min_by(|a, b| {
            let distance = |r: Rect| (r.top() - combo.bottom()).abs();
            distance(a.rect()).total_cmp(&distance(b.rect()))
        })
        .expect("listed");
    option.click();
    harness.run();
    assert_eq!(journey(&harness).persona.as_deref(), Some(id.as_str()));
    undo(&mut harness);
    assert_eq!(journey(&harness).persona.as_deref(), Some("risk-lead"));
}

#[test]
fn copy_a_journey_and_edit_the_copy_without_touching_the_original() {
    let Setup { mut harness, .. } = setup();
    let original = journey(&harness);
    let before = harness.state().document().project().clone();
    select_nothing(&mut harness);
    open_section(&mut harness, "Journeys");
    harness.get_by_label("Copy this journey").click();
    harness.run();
    let journeys = harness.state().document().project().journeys.clone();
    assert_eq!(journeys.len(), before.journeys.len() + 1);
    assert_eq!(
        journeys[1].name, "As is (copy)",
        "the copy follows the original"
    );
    assert_ne!(journeys[1].id, journeys[0].id);
    assert_eq!(journeys[1].cards, original.cards);
    // The copy is on screen: edit it.
    type_into(&mut harness, "Journey name", "To be");
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let journeys = harness.state().document().project().journeys.clone();
    assert_eq!(journeys[1].name, "To be");
    assert_eq!(journeys[1].cards.len(), original.cards.len() - 1);
    assert_eq!(journeys[0], original, "the original is untouched");
    assert!(
        harness.get_all_by_label("To be").count() >= 1,
        "a tab for the copy"
    );
}

#[test]
fn add_a_department_and_make_it_a_card_owner() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    open_section(&mut harness, "Departments");
    harness.get_by_label("+ Add department").click();
    harness.run();
    type_into(&mut harness, "Department 5 name", "Procurement desk");
    let departments = harness.state().document().project().departments.clone();
    assert_eq!(departments[4].name, "Procurement desk");
    let id = departments[4].id.clone();

    harness
        .get_by_label("Touchpoint: Quote and order form")
        .click();
    harness.run();
    harness.get_by_label("Owner").click();
    harness.run();
    harness.get_by_label("Procurement desk").click();
    harness.run();
    assert_eq!(
        card(&journey(&harness), "quote").owner.as_deref(),
        Some(id.as_str())
    );
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "quote").owner.as_deref(),
        Some("sales")
    );
}

#[test]
fn alt_drag_links_two_cards_and_the_inspector_unlinks_them() {
    let Setup { mut harness, .. } = setup();
    assert!(card(&journey(&harness), "no-benchmark").links.is_empty());
    let from = rect_of(
        &harness,
        "Pain point: No way to tell how her risk practice compares to peers",
    )
    .center();
    let to = rect_of(&harness, NEWSLETTER).center();
    harness.event(Event::ModifiersChanged(Modifiers::ALT));
    drag(&mut harness, from, to);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let after = journey(&harness);
    assert_eq!(card(&after, "no-benchmark").links, ["newsletter"]);
    assert_eq!(
        card(&after, "no-benchmark").stage,
        "problem",
        "an Alt+drag does not move the card"
    );

    // The linked card is listed in the inspector, with a button to remove the link.
    harness
        .get_by_label_contains("Remove the link to Industry newsletter")
        .click();
    harness.run();
    assert!(card(&journey(&harness), "no-benchmark").links.is_empty());
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "no-benchmark").links,
        ["newsletter"]
    );
}

#[test]
fn link_two_cards_from_the_inspector() {
    let Setup { mut harness, .. } = setup();
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    harness.get_by_label("Add a link…").click();
    harness.run();
    harness
        .get_by_label("Lead routing only covers named accounts; other requests sit in a queue")
        .click();
    harness.run();
    assert_eq!(
        card(&journey(&harness), "silence").links,
        ["form", "routing"]
    );
}

#[test]
fn the_outline_sorts_edits_in_place_and_selects_on_the_map() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    harness.get_by_label("Sort by title").click();
    harness.run();
    // The rows on screen, top to bottom, are in title order.
    let mut rows: Vec<(f32, String)> = harness
        .get_all_by_label_contains("Outline title: ")
        .map(|node| (node.rect().top(), node.value().unwrap_or_default()))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let titles: Vec<String> = rows
        .into_iter()
        .map(|(_, title)| title.to_lowercase())
        .collect();
    assert!(titles.len() >= 3, "some rows are visible: {titles:?}");
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    assert_eq!(
        titles[0],
        "a 200-question security questionnaire, answered by hand"
    );

    // Edit a title in place: one undo step.
    type_into(
        &mut harness,
        "Outline title: A 200-question security questionnaire, answered by hand",
        "Security questionnaire by hand",
    );
    assert_eq!(
        card(&journey(&harness), "questionnaire").title,
        "Security questionnaire by hand"
    );
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "questionnaire").title,
        "A 200-question security questionnaire, answered by hand"
    );

    harness
        .get_by_label("Select A 200-question security questionnaire, answered by hand")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        &journeymap::app::Selection::Card("questionnaire".to_owned())
    );
}

#[test]
fn the_empathy_band_shows_under_the_stage_headers() {
    let Setup { mut harness, .. } = setup();
    let before = rect_of(&harness, "Lane: Touchpoints");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Empathy map band").click();
    harness.run();
    let after = rect_of(&harness, "Lane: Touchpoints");
    let zoom = harness.state().view().zoom;
    let band = journeymap::theme::size::EMPATHY_BAND * zoom;
    assert!(
        (after.top() - before.top() - band).abs() < 1.0,
        "the lanes moved down by the band"
    );
    assert!(harness.state().settings().map.empathy, "the choice is kept");
}

#[test]
fn a_health_finding_selects_its_card_and_fixing_it_removes_it() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run();
    let finding = "unowned — “Asked for a call; nobody called”";
    harness.get_by_label_contains(finding).click();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        &journeymap::app::Selection::Card("silence".to_owned())
    );

    // Give the pain point an owner: the finding goes away.
    harness.get_by_label("Owner").click();
    harness.run();
    harness.get_by_label("Sales").click();
    harness.run();
    assert_eq!(
        card(&journey(&harness), "silence").owner.as_deref(),
        Some("sales")
    );
    assert!(harness.query_by_label_contains(finding).is_none());
    undo(&mut harness);
    assert!(
        harness.query_by_label_contains(finding).is_some(),
        "undo brings the finding back"
    );
}

#[test]
fn add_resolve_and_reopen_a_comment() {
    let Setup { mut harness, .. } = setup();
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    type_into(
        &mut harness,
        "Your name, on the comments you add",
        "Priya (Marketing)",
    );
    type_into(&mut harness, "New comment", "Routing fix ships in March");
    harness.get_by_label("Add comment").click();
    harness.run();
    let comments = card(&journey(&harness), "silence").comments.clone();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].author, "Priya (Marketing)");
    assert_eq!(comments[0].text, "Routing fix ships in March");
    assert!(!comments[0].resolved);
    assert_eq!(
        comments[0].at.len(),
        "2026-11-25T10:12:00Z".len(),
        "an RFC 3339 time"
    );
    assert!(
        harness
            .query_by_label("Pain point: Asked for a call; nobody called")
            .is_some()
    );

    harness.get_by_label("Resolve comment 1").click();
    harness.run();
    assert!(card(&journey(&harness), "silence").comments[0].resolved);
    harness.get_by_label("Reopen comment 1").click();
    harness.run();
    assert!(!card(&journey(&harness), "silence").comments[0].resolved);
    undo(&mut harness);
    assert!(
        card(&journey(&harness), "silence").comments[0].resolved,
        "undo takes back the reopening"
    );
}

#[test]
fn review_mode_refuses_a_drag_but_takes_a_comment() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run();
    assert!(harness.state().in_review());
    let before = journey(&harness);
    let from = rect_of(&harness, NEWSLETTER).center();
    let to = cell_point(&harness, "Requirements building", "Touchpoints");
    drag(&mut harness, from, to);
    assert_eq!(
        card(&journey(&harness), "newsletter").stage,
        "problem",
        "the card stays"
    );
    assert_eq!(journey(&harness).cards, before.cards);

    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    type_into(
        &mut harness,
        "New comment",
        "Is this newsletter still sent?",
    );
    harness.get_by_label("Add comment").click();
    harness.run();
    assert_eq!(card(&journey(&harness), "newsletter").comments.len(), 1);
}

#[test]
fn comment_times_are_rfc_3339() {
    assert_eq!(journeymap::app::rfc3339(0), "1970-01-01T00:00:00Z");
    assert_eq!(
        journeymap::app::rfc3339(1_795_602_720),
        "2026-11-25T10:32:00Z"
    );
    assert_eq!(
        journeymap::app::rfc3339(951_782_400),
        "2000-02-29T00:00:00Z"
    );
}

#[test]
fn search_dims_the_cards_that_do_not_match() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(
        harness.get_by_label("Search").is_focused(),
        "Ctrl+F puts the cursor in the search"
    );
    harness.get_by_label("Search").type_text("call");
    harness.run();
    let cards = journey(&harness).cards;
    let matching: Vec<&str> = cards
        .iter()
        .filter(|c| {
            let q = "call";
            c.title.to_lowercase().contains(q)
                || c.notes.to_lowercase().contains(q)
                || c.comments.iter().any(|m| m.text.to_lowercase().contains(q))
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(matching.contains(&"silence") && matching.contains(&"kickoff"));
    let count = format!("{} of {} cards match", matching.len(), cards.len());
    assert!(harness.query_by_label(&count).is_some(), "{count}");
    let dimmed = harness.state_mut().dimmed_cards();
    assert!(dimmed.contains(&"newsletter".to_owned()));
    assert!(!dimmed.contains(&"silence".to_owned()));
    assert_eq!(dimmed.len(), cards.len() - matching.len());

    // A filter narrows it further: only pain points.
    harness.get_by_label("Kind").click();
    harness.run();
    harness
        .get_all_by_label("Pain point")
        .last()
        .unwrap()
        .click();
    harness.run();
    let dimmed = harness.state_mut().dimmed_cards();
    assert!(
        dimmed.contains(&"kickoff".to_owned()),
        "a touchpoint is dimmed now"
    );
    assert!(!dimmed.contains(&"silence".to_owned()));

    harness.get_by_label("Close search").click();
    harness.run();
    assert!(harness.state_mut().dimmed_cards().is_empty());
}

#[test]
fn export_as_filtered_from_the_dialog_dims_what_the_search_leaves_out() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(
        harness
            .get_by_label("As filtered")
            .accesskit_node()
            .is_disabled(),
        "nothing is filtered yet"
    );
    harness.get_by_label("Cancel").click();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("call");
    harness.run();
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("As filtered").click();
    harness.get_by_label("1×").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.state().settings().export_filtered, "remembered");

    let written = folder.path().join("as-is.png");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&written).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut rgba).unwrap();
    rgba.truncate(info.buffer_size());
    let project = harness.state().document().project().clone();
    let filter = journeymap::model::Filter {
        query: "call".to_owned(),
        ..Default::default()
    };
    let options = harness.state().settings().export;
    let expected = journeymap::export::render(&project, 0, options, Some(&filter)).unwrap();
    assert_eq!(rgba, expected.rgba, "the picture is the filtered one");
    let unfiltered = journeymap::export::render(&project, 0, options, None).unwrap();
    assert_ne!(rgba, unfiltered.rgba);
}

/// The viewport commands the last frame sent.
fn viewport_commands(harness: &Harness<'_, JourneymapApp>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// Presses `key` in a frame of its own, so that frame's output is the one looked at.
fn key_in_one_frame(harness: &mut Harness<'_, JourneymapApp>, key: Key) {
    harness.input_mut().events.push(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

#[test]
fn presentation_mode_steps_through_stages_and_leaves_with_esc() {
    use journeymap::app::Slide;
    let Setup { mut harness, .. } = setup();
    let stages = journey(&harness).stages;
    let count = stages.len();
    key_in_one_frame(&mut harness, Key::F5);
    assert!(viewport_commands(&harness).contains(&egui::ViewportCommand::Fullscreen(true)));
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Opening));
    assert!(
        harness.query_by_label("File").is_none(),
        "no menus on a slide"
    );
    let project = harness.state().document().project().clone();
    let persona = project
        .personas
        .iter()
        .find(|p| project.journeys[0].persona.as_ref() == Some(&p.id))
        .unwrap();
    assert!(
        harness.query_by_label(&persona.name).is_some(),
        "the opening slide introduces the persona"
    );

    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(0)));
    assert!(harness.query_by_label(&stages[0].name).is_some());
    assert!(
        harness
            .query_by_label(&format!("As is · Stage 1 of {count}"))
            .is_some()
    );
    assert!(
        harness.query_by_label(NEWSLETTER).is_some(),
        "the stage's cards are on its slide"
    );

    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(1)));
    assert!(harness.query_by_label(&stages[1].name).is_some());
    assert!(harness.query_by_label(&stages[0].name).is_none());
    assert!(harness.query_by_label(NEWSLETTER).is_none());

    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(0)));
    harness.get_by_label("Next ›").click();
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(1)));
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(0)));

    // The last slide: the health check and the open comments; there is nothing after it.
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Review));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Review));
    let findings = journeymap::model::check_journey(&journey(&harness)).len();
    assert!(findings > 1);
    assert!(
        harness
            .query_by_label(&format!("Health check: {findings} findings"))
            .is_some()
    );
    let unowned = journeymap::model::check_journey(&journey(&harness))
        .iter()
        .filter(|f| f.rule == "unowned")
        .count();
    let heading = format!("{} ({unowned})", journeymap::model::rule_summary("unowned"));
    assert!(
        harness.query_by_label(&heading).is_some(),
        "findings are grouped by rule: {heading}"
    );
    let open = journey(&harness)
        .cards
        .iter()
        .flat_map(|c| &c.comments)
        .filter(|c| !c.resolved)
        .count();
    assert!(
        harness
            .query_by_label(&format!("Open comments: {open}"))
            .is_some()
    );

    // Keys that edit the map do nothing on a slide.
    let before = harness.state().document().state_id();
    harness.key_press(Key::Delete);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert_eq!(harness.state().document().state_id(), before);

    key_in_one_frame(&mut harness, Key::Escape);
    assert!(viewport_commands(&harness).contains(&egui::ViewportCommand::Fullscreen(false)));
    harness.run();
    assert_eq!(harness.state().presenting(), None);
    assert!(
        harness.query_by_label("File").is_some(),
        "the editor is back"
    );
}
