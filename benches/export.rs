//! PNG export: render (offscreen egui + CPU rasteriser) and encode with the project inside.
//! Goals (release, 2 cores): the built-in template at 2x <= 200 ms for the whole process,
//! all its slides at 2x (3840 x 2160 each, written to files) <= 500 ms, a 1,000-card
//! journey at 1x <= 2 s, and with a committee of five curves within 1.5x of that.

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::export::{ExportOptions, export_png_bytes, export_slides};
use journeymap::file::template_project;
use journeymap::model::{generated_committee, generated_project};

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export png");
    group.sample_size(10);
    let template = template_project().expect("the template is valid");
    let two = ExportOptions {
        scale: 2,
        ..ExportOptions::default()
    };
    group.bench_function("template at 2x", |b| {
        b.iter(|| export_png_bytes(black_box(&template), 0, two, None).expect("exports"))
    });
    let folder = tempfile::tempdir().unwrap();
    let deck = folder.path().join("deck.png");
    let slides = ExportOptions {
        slides: true,
        ..two
    };
    group.bench_function("template slides at 2x", |b| {
        b.iter(|| {
            export_slides(black_box(&template), 0, slides, None, &deck, &[]).expect("exports")
        })
    });
    let large = generated_project(20, 1_000);
    let one = ExportOptions {
        scale: 1,
        ..ExportOptions::default()
    };
    group.bench_function("1,000 cards at 1x", |b| {
        b.iter(|| export_png_bytes(black_box(&large), 0, one, None).expect("exports"))
    });
    let committee = generated_committee(20, 1_000, 5);
    group.bench_function("1,000 cards, committee of 5, at 1x", |b| {
        b.iter(|| export_png_bytes(black_box(&committee), 0, one, None).expect("exports"))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
