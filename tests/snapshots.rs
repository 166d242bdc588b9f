//! Pixel snapshots of the whole window on the built-in template, light and dark, rendered
//! with wgpu on Mesa's software Vulkan driver. `UPDATE_SNAPSHOTS=1 cargo test` renews them.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

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

/// The canvas (rendered by wgpu, as on screen) and the export (rasterised on the CPU) are
/// one drawing: where the map is visible on the canvas at 100 %, the pixels agree.
#[test]
fn the_canvas_and_the_export_draw_the_same_map() {
    let project = template_project().unwrap();
    let environment = Environment {
        recovery_path: None,
        recovery_seconds: f64::INFINITY,
        native_dialogs: Err(String::new()),
    };
    let app = JourneymapApp::new(Document::new(project.clone()), None, environment);
    // Wide enough that the fresh map opens at 100 %, its top-left corner in view.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(3500.0, 1400.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut JourneymapApp| app.show(ui), app);
    harness.run();
    let view = harness.state().view().clone();
    assert_eq!((view.zoom, view.offset), (1.0, egui::Vec2::ZERO));
    let screen = harness.render().expect("renders");

    let export = journeymap::export::render(
        &project,
        0,
        journeymap::export::ExportOptions {
            scale: 1,
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let canvas = view.canvas;
    let (mut compared, mut differing, mut total_difference) = (0_u64, 0_u64, 0_u64);
    for y in 0..export.height {
        for x in 0..export.width {
            let (sx, sy) = (canvas.min.x as u32 + x, canvas.min.y as u32 + y);
            if sx >= canvas.max.x as u32 || sy >= canvas.max.y as u32 {
                continue;
            }
            let a = screen.get_pixel(sx, sy).0;
            let i = ((y * export.width + x) * 4) as usize;
            let b = &export.rgba[i..i + 4];
            let difference = (0..3).map(|k| a[k].abs_diff(b[k])).max().unwrap_or(0);
            compared += 1;
            total_difference += u64::from(difference);
            if difference > 48 {
                differing += 1;
            }
        }
    }
    assert!(
        compared > 1_000_000,
        "most of the map is compared: {compared} pixels"
    );
    let share = differing as f64 / compared as f64;
    let mean = total_difference as f64 / compared as f64;
    assert!(share < 0.02, "{:.2} % of the pixels differ", share * 100.0);
    assert!(mean < 3.0, "mean difference {mean:.2}");
}
