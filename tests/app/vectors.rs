//! SVG and PDF from the export dialog, and File → Export handout…: each written where the
//! path field says, each opening again as the map.

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use journeymap::file::read_project;

use crate::harness::{Setup, export_to_offered_path, replace_text, setup};

#[test]
fn the_export_dialog_writes_a_pdf_and_an_svg_that_open_again() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    for (format, name, start) in [
        ("PDF document", "as-is.pdf", &b"%PDF-"[..]),
        ("SVG picture", "as-is.svg", &b"<?xml"[..]),
    ] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
        harness.run();
        harness.get_by_label(format).click();
        harness.run();
        // Vectors have no scale to choose: the row is greyed out.
        assert!(
            harness.get_by_label("2×").accesskit_node().is_disabled(),
            "{format}"
        );
        let path = folder.path().join(name);
        export_to_offered_path(&mut harness, &path);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(start), "{name}");
        let opened = read_project(&path).unwrap();
        assert_eq!(
            opened.journeys[0].cards.len(),
            harness.state().document().project().journeys[0].cards.len()
        );
        assert!(
            harness.state().status().contains(name),
            "{}",
            harness.state().status()
        );
    }
    // The last format chosen is offered again.
    assert_eq!(
        harness.state().settings().export.format,
        journeymap::export::PictureFormat::Svg
    );
}

#[test]
fn export_handout_writes_a_page_per_slide() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export handout…").click();
    harness.run();
    assert!(harness.query_by_label("Export the handout as").is_some());
    let path = folder.path().join("as-is-handout.pdf");
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(path.to_str().unwrap())
    );
    harness.get_by_label("Export").click();
    harness.run();
    let stages = harness.state().document().project().journeys[0]
        .stages
        .len();
    let status = harness.state().status().to_owned();
    assert!(
        status.contains(&format!("({} pages)", stages + 2)),
        "{status}"
    );
    assert!(read_project(&path).is_ok());
    // Over the project itself, it is refused and the project stays.
    let project = folder.path().join("plan.ron");
    let before = std::fs::read(&project).unwrap();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export handout…").click();
    harness.run();
    replace_text(&mut harness, "File path", project.to_str().unwrap());
    harness.get_by_label("Export").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Cannot export the handout")
            .is_some()
    );
    assert_eq!(std::fs::read(&project).unwrap(), before);
}
