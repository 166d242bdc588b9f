//! One real frame of the app (egui pass + tessellation, no GPU) on generated journeys of
//! 100, 1,000 and 10,000 cards, zoomed to fit, at 100 %, and presenting the first stage;
//! and 10,000 cards scored by a buying committee of five (five curves).
//! Goals (release, 2 cores): at 100 % <= 1 ms whatever the size; fitted <= 1, 2, 4 ms.

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use journeymap::app::{Action, Command, Environment, JourneymapApp};
use journeymap::model::{Document, generated_committee};

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        ..Default::default()
    }
}

/// Runs one frame and tessellates it, as eframe does before handing meshes to the GPU.
fn frame(ctx: &egui::Context, app: &mut JourneymapApp) -> usize {
    let output = ctx.run_ui(raw_input(), |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn canvas_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas frame");
    // Cards, stages and committee members (none: the journey's one persona).
    let sizes = [
        (100, 8, 0),
        (1_000, 20, 0),
        (10_000, 40, 0),
        (10_000, 40, 5),
    ];
    for (cards, stages, members) in sizes {
        let committee = if members > 0 {
            format!(" committee of {members}")
        } else {
            String::new()
        };
        let views = [
            ("fit", vec![Action::Command(Command::ZoomFit)]),
            ("100%", vec![Action::Command(Command::ZoomActual)]),
            (
                "slide",
                vec![Action::Command(Command::Present), Action::GoToSlide(1)],
            ),
        ];
        for (view, actions) in views {
            let ctx = egui::Context::default();
            let environment = Environment {
                recovery_path: None,
                recovery_seconds: f64::INFINITY,
                native_dialogs: Err(String::new()),
            };
            let document = Document::new(generated_committee(stages, cards, members));
            let mut app = JourneymapApp::new(document, None, environment);
            // Settle: the first frames lay out the map, load fonts and apply the framing.
            frame(&ctx, &mut app);
            for action in actions {
                app.handle(action, &ctx);
            }
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            let name = format!("{view}{committee}");
            group.bench_with_input(BenchmarkId::new(name, cards), &cards, |b, _| {
                b.iter(|| black_box(frame(&ctx, &mut app)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, canvas_frame);
criterion_main!(benches);
