//! Pixel snapshots of the whole window on the built-in template, light and dark, rendered
//! with wgpu on Mesa's software Vulkan driver. `UPDATE_SNAPSHOTS=1 cargo test` renews them.

use egui_kittest::Harness;
use journeymap::app::{Environment, JourneymapApp, Settings};
use journeymap::file::template_project;
use journeymap::model::Document;

fn snapshot(name: &str, dark_mode: bool) {
    let environment = Environment {
        recovery_path: None,
        recovery_seconds: f64::INFINITY,
        native_dialogs: Err(String::new()),
    };
    let app = JourneymapApp::new(
        Document::new(template_project().unwrap()),
        None,
        environment,
    )
    .with_settings(Settings {
        dark_mode,
        ..Settings::default()
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut JourneymapApp| app.show(ui), app);
    harness.run();
    harness.snapshot(name);
}

#[test]
fn canvas_light() {
    snapshot("canvas_light", false);
}

#[test]
fn canvas_dark() {
    snapshot("canvas_dark", true);
}
