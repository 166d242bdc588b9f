//! Files: the unsaved-changes marker and guards, a bad file, recovery after a crash,
//! PNG export from the menu, copying the image, and projects opened from a picture.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::app::{JourneymapApp, dialogs_available};
use journeymap::file::{read_project, save_project, template_project};
use journeymap::model::Document;

use crate::common::{open_png, options};
use crate::harness::{
    NEWSLETTER, Setup, card, environment, export_to_offered_path, journey, key_in_one_frame,
    open_app, replace_text, setup,
};

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
    assert!(harness.query_by_label("Saved").is_some());
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
        harness.get_by_label("File path").is_focused(),
        "the path field is ready for typing"
    );
    harness
        .get_by_label("File path")
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
    harness.get_by_label("From the B2B template").click();
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness.state().path().is_none(),
        "a new project has no file yet"
    );
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
fn a_recovery_file_of_a_newer_format_is_refused_in_the_status_line_and_nothing_is_lost() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    save_project(&path, &template_project().unwrap()).unwrap();
    let original = std::fs::read(&path).unwrap();
    let recovery = folder.path().join("recovery.ron");
    let future = "RecoveryFile(path: None, project: Project(format: 99, title: \"Later\"))";
    std::fs::write(&recovery, future).unwrap();
    let app = JourneymapApp::new(
        Document::new(read_project(&path).unwrap()),
        Some(path.clone()),
        environment(folder.path(), 30.0),
    );
    let harness = open_app(app);
    assert!(harness.query_by_label("Restore unsaved work?").is_none());
    let status = harness.state().status();
    assert!(
        status.contains("could not be read")
            && status.contains(&recovery.display().to_string())
            && status.contains("newer Journeymap"),
        "{status}"
    );
    assert_eq!(
        harness.state().document().project(),
        &read_project(&path).unwrap(),
        "the project opened is the user's"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert_eq!(std::fs::read_to_string(&recovery).unwrap(), future);
}

#[test]
fn the_export_dialog_says_which_scale_to_pick_for_a_picture_too_large() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("wide.ron");
    let project = journeymap::model::generated_project(40, 100);
    save_project(&path, &project).unwrap();
    let app = JourneymapApp::new(
        Document::new(project.clone()),
        Some(path),
        environment(folder.path(), 30.0),
    );
    let mut harness = open_app(app);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("2×").click();
    harness.run();
    let out = folder
        .path()
        .join(format!("{}.png", project.journeys[0].id));
    export_to_offered_path(&mut harness, &out);
    assert!(harness.query_by_label("Cannot export").is_some());
    assert!(
        harness
            .query_by_label_contains(
                "16384 pixels a side, 64 million pixels in all). Pick scale 1 in the Export dialog"
            )
            .is_some(),
        "the error says how large and which scale to pick"
    );
    assert!(
        harness.query_by_label_contains("--scale").is_none(),
        "the dialog does not speak the command line's words"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn an_export_over_the_project_file_is_refused_and_the_project_kept() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    let plan = folder.path().join("plan.ron");
    let before = std::fs::read(&plan).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    replace_text(&mut harness, "File path", plan.to_str().unwrap());
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(plan.to_str().unwrap())
    );
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.query_by_label("Cannot export").is_some());
    assert!(
        harness
            .query_by_label_contains("the file the project comes from")
            .is_some()
    );
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert!(!folder.path().join("plan.ron.bak").exists());
}

#[test]
fn export_png_from_the_menu_writes_a_picture_that_opens_again() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.query_by_label("Export").is_some());
    harness.get_by_label("1×").click();
    harness.run();
    // No native dialog here: a path field, filled with the journey's name beside the project.
    let expected = folder.path().join("as-is.png");
    export_to_offered_path(&mut harness, &expected);
    // By default the picture carries the journey it shows, without the team's comments.
    let inside = read_project(&expected).expect("the PNG carries the map");
    let shown = &harness.state().document().project().journeys[0];
    assert_eq!(inside.journeys.len(), 1);
    assert_eq!(inside.journeys[0].stages, shown.stages);
    assert!(
        inside.journeys[0]
            .cards
            .iter()
            .all(|c| c.comments.is_empty())
    );
    assert_eq!(
        harness.state().settings().export.scale,
        1,
        "the choice is remembered"
    );
    let picture =
        journeymap::export::render(&inside, 0, harness.state().settings().export, None).unwrap();
    assert_eq!(
        open_png(&expected).info().size(),
        (picture.width, picture.height)
    );
}

/// The size of the picture the last frame put on the clipboard, if it put one there.
fn copied_image_size(harness: &egui_kittest::Harness<'_, JourneymapApp>) -> Option<[usize; 2]> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyImage(image) => Some(image.size),
            _ => None,
        })
}

#[test]
fn copy_image_puts_the_map_on_the_clipboard() {
    let Setup { mut harness, .. } = setup();
    key_in_one_frame(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let copied = copied_image_size(&harness);
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
    let everything = journeymap::export::ExportOptions {
        embed: journeymap::export::Embed::Full,
        ..options(1)
    };
    let bytes = journeymap::export::export_png_bytes(&project, 0, everything, None).unwrap();
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
        harness.get_by_label("File path").value().as_deref(),
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

/// A session bus of its own with nothing on it and no services to start: a bare X session
/// run under `dbus-run-session`, where rfd would show nothing.
fn bare_session_bus(folder: &std::path::Path) -> (std::process::Child, String) {
    use std::io::BufRead;
    let config = folder.join("bus.conf");
    std::fs::write(
        &config,
        "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>\
         <policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>\
         <allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>",
    )
    .unwrap();
    let mut daemon = std::process::Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--print-address=1"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("dbus-daemon is installed (scripts/setup)");
    let mut address = String::new();
    std::io::BufReader::new(daemon.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    (daemon, address.trim().to_owned())
}

#[test]
fn file_dialogs_are_offered_only_where_something_can_show_them() {
    use std::ffi::OsStr;
    let folder = tempfile::tempdir().unwrap();
    let nothing = OsStr::new("");

    let why = dialogs_available(None, Some(nothing)).unwrap_err();
    assert!(why.contains("no D-Bus session"), "{why}");

    let (mut daemon, address) = bare_session_bus(folder.path());
    let answer = dialogs_available(Some(&address), Some(nothing));
    daemon.kill().unwrap();
    daemon.wait().unwrap();
    let why = answer.expect_err("a bus without a portal shows no dialog");
    assert!(
        why.contains("no desktop portal answers") && why.contains("Type the file's path"),
        "{why}"
    );

    // A bus that takes the connection and never speaks must not hold up the start.
    let socket = folder.path().join("silent-bus");
    let _silent = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let silent = format!("unix:path={}", socket.display());
    let why = dialogs_available(Some(&silent), Some(nothing)).unwrap_err();
    assert!(why.contains("did not answer"), "{why}");

    std::fs::write(folder.path().join("zenity"), b"").unwrap();
    assert_eq!(
        dialogs_available(Some(&address), Some(folder.path().as_os_str())),
        Ok(()),
        "zenity is rfd's fallback"
    );
}

#[test]
fn a_transparent_export_asks_which_slide_it_goes_on() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.query_by_label("Transparent background").is_none());
    harness.get_by_label("1×").click();
    harness
        .get_by_label("Transparent, for a dark slide")
        .click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let chosen = harness.state().settings().export;
    assert!(
        chosen.transparent && chosen.dark,
        "the dark theme reads on a dark slide"
    );
    let mut reader = open_png(&folder.path().join("as-is.png"));
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut pixels).unwrap();
    assert_eq!(pixels[3], 0, "the margin is transparent");
}

#[test]
fn the_export_dialog_writes_slides_of_a_range_and_copy_image_copies_one() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Slides (16:9)").click();
    harness.get_by_label("1×").click();
    harness.run();
    harness.get_by_label("Some").click();
    harness.run();
    assert!(
        harness.query_by_label("of 7").is_some(),
        "the range is out of the journey's 7 stages"
    );
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let chosen = harness.state().settings().export;
    assert!(chosen.slides);
    assert_eq!(
        chosen.stages,
        Some(journeymap::export::StageRange { first: 1, last: 7 })
    );
    let project = harness.state().document().project().clone();
    let slides = journeymap::export::plan_slides(&project, 0, chosen).unwrap();
    for n in 1..=slides.len() {
        let path = folder.path().join(format!("as-is-{n}.png"));
        assert_eq!(open_png(&path).info().size(), (1920, 1080), "{n}");
    }
    assert!(!folder.path().join("as-is.png").exists());
    let status = harness.state().status().to_owned();
    assert!(
        status.starts_with(&format!("Exported {} slides to", slides.len())),
        "{status}"
    );

    key_in_one_frame(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let copied = copied_image_size(&harness);
    assert_eq!(copied, Some([1920, 1080]), "one slide");
    let status = harness.state().status();
    assert!(
        status.starts_with(&format!("Copied slide 1 of {} (stage", slides.len())),
        "{status}"
    );
}

#[test]
fn the_built_in_template_is_not_said_to_be_saved() {
    let folder = tempfile::tempdir().unwrap();
    let app = JourneymapApp::new(
        Document::new(template_project().unwrap()),
        None,
        environment(folder.path(), 30.0),
    );
    let harness = open_app(app);
    assert!(harness.query_by_label("Not saved to a file yet").is_some());
    assert!(harness.query_by_label("Saved").is_none());
}

#[test]
fn new_offers_a_blank_project_that_saves_and_opens_again() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("New project").is_some());
    harness.get_by_label("Blank project").click();
    harness.run();
    assert!(
        harness.state().title().starts_with("Untitled project — "),
        "{}",
        harness.state().title()
    );
    let project = harness.state().document().project().clone();
    assert_eq!(project.journeys.len(), 1);
    assert!(project.personas.is_empty() && project.departments.is_empty());
    assert!(project.title.is_empty() && project.notes.is_empty());
    assert!(project.journeys[0].cards.is_empty());
    assert!(
        !harness.state().settings().new_from_template,
        "the choice is remembered"
    );

    // Named, saved, and read back the same.
    harness.get_by_label("Project title").focus();
    harness.run();
    harness
        .get_by_label("Project title")
        .type_text("CISO journey");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let path = folder.path().join("blank.ron");
    harness
        .get_by_label("File path")
        .type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let saved = read_project(&path).unwrap();
    assert_eq!(saved.title, "CISO journey");
    assert_eq!(saved, *harness.state().document().project());

    // The next New starts on the last choice: Enter takes it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().document().project().personas.is_empty());
    assert_eq!(
        harness.state().document().project().journeys[0].name,
        "New journey"
    );
}

#[test]
fn the_next_export_is_offered_the_last_export_s_folder_and_the_journey_s_name() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    let pictures = folder.path().join("pictures");
    std::fs::create_dir(&pictures).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("1×").click();
    harness.get_by_label("Export…").click();
    harness.run();
    let first = pictures.join("first.png");
    replace_text(&mut harness, "File path", first.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();
    assert!(first.exists());

    // The second journey, "To be", is offered as to-be.png beside the first picture.
    harness.get_by_label("To be").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    let offered = pictures.join("to-be.png");
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(offered.to_str().unwrap())
    );
}
