//! What the app tests share: the template opened from a temporary folder, finding cards
//! and cells on screen, and the pointer and keyboard moves a person makes.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::{Environment, JourneymapApp};
use journeymap::file::{read_project, save_project, template_project};
use journeymap::model::{Card, Document, Journey};

pub struct Setup {
    pub harness: Harness<'static, JourneymapApp>,
    pub folder: tempfile::TempDir,
}

pub fn environment(folder: &std::path::Path, recovery_seconds: f64) -> Environment {
    Environment {
        recovery_path: Some(folder.join("recovery.ron")),
        recovery_seconds,
        native_dialogs: Err(
            "No file dialog can be shown in tests. Type the file's path instead.".to_owned(),
        ),
    }
}

pub fn open_app(app: JourneymapApp) -> Harness<'static, JourneymapApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1600.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        // The slide controls fade 2 s after the mouse rests: `run` steps through that.
        .with_max_steps(240)
        .build_ui_state(|ui, app: &mut JourneymapApp| app.show(ui), app);
    harness.run();
    harness
}

/// The template, saved as `plan.ron` in a fresh folder and opened from there.
pub fn setup() -> Setup {
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

/// The label of a touchpoint card in the template's first stage.
pub const NEWSLETTER: &str =
    "Touchpoint: Industry newsletter: 'Five audit findings that keep coming back'";

pub fn journey(harness: &Harness<'_, JourneymapApp>) -> Journey {
    harness.state().document().project().journeys[0].clone()
}

pub fn card<'a>(journey: &'a Journey, id: &str) -> &'a Card {
    journey.cards.iter().find(|c| c.id == id).unwrap()
}

/// The ids of one cell's cards, in order.
pub fn cell(journey: &Journey, stage: &str, lane: &str) -> Vec<String> {
    journey
        .cards
        .iter()
        .filter(|c| c.stage == stage && c.lane == lane)
        .map(|c| c.id.clone())
        .collect()
}

pub fn rect_of(harness: &Harness<'_, JourneymapApp>, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

/// Where the lane `lane` crosses the stage `stage`, near the cell's right end.
pub fn cell_point(harness: &Harness<'_, JourneymapApp>, stage: &str, lane: &str) -> Pos2 {
    let stage = rect_of(harness, &format!("Stage: {stage}"));
    let lane = rect_of(harness, &format!("Lane: {lane}"));
    pos2(stage.right() - 12.0, lane.center().y)
}

/// Presses at `from`, moves in steps, releases at `to`: a drag as a hand makes it.
pub fn drag(harness: &mut Harness<'_, JourneymapApp>, from: Pos2, to: Pos2) {
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

/// Presses and releases the primary button at `at`, in the frame to come.
fn press_and_release(harness: &mut Harness<'_, JourneymapApp>, at: Pos2) {
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

pub fn double_click(harness: &mut Harness<'_, JourneymapApp>, at: Pos2) {
    harness.hover_at(at);
    harness.step();
    for _ in 0..2 {
        press_and_release(harness, at);
        harness.step();
    }
    harness.run();
}

pub fn undo(harness: &mut Harness<'_, JourneymapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

pub fn redo(harness: &mut Harness<'_, JourneymapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
}

/// Clicks the map's background, so the inspector shows the project.
pub fn select_nothing(harness: &mut Harness<'_, JourneymapApp>) {
    let lane = rect_of(harness, "Lane: Behind the scenes");
    let stage = rect_of(harness, "Stage: Problem identification");
    harness.get_by_label("Lane: Behind the scenes");
    let at = pos2(stage.center().x, lane.center().y);
    harness.hover_at(at);
    harness.step();
    press_and_release(harness, at);
    harness.run();
}

/// Scrolls the widget named `name` into view (the inspector may hold it below the fold)
/// and clicks it.
pub fn click_in_view(harness: &mut Harness<'_, JourneymapApp>, name: &str) {
    harness.get_by_label(name).scroll_to_me();
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
}

pub fn open_section(harness: &mut Harness<'_, JourneymapApp>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

pub fn type_into(harness: &mut Harness<'_, JourneymapApp>, label: &str, text: &str) {
    replace_text(harness, label, text);
    harness.key_press(Key::Escape);
    harness.run();
}

/// Types `text` over all of the text of the field labelled `label`, leaving it focused
/// (a dialog's field keeps the dialog open).
pub fn replace_text(harness: &mut Harness<'_, JourneymapApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Clicks the export dialog's Export…, checks that the path field (no native dialog
/// here) offers `offered`, and exports there.
pub fn export_to_offered_path(harness: &mut Harness<'_, JourneymapApp>, offered: &std::path::Path) {
    harness.get_by_label("Export…").click();
    harness.run();
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(offered.to_str().unwrap())
    );
    harness.get_by_label("Export").click();
    harness.run();
}

/// The viewport commands the last frame sent.
pub fn viewport_commands(harness: &Harness<'_, JourneymapApp>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// Presses `key` with `modifiers` in a frame of its own, so that frame's output is the one
/// looked at.
pub fn key_in_one_frame(harness: &mut Harness<'_, JourneymapApp>, modifiers: Modifiers, key: Key) {
    harness.input_mut().events.push(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
    harness.step();
}
