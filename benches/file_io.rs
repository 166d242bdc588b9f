//! Reading, validating and writing a large project: 10,000 cards over 40 stages, alone and
//! scored by a buying committee of five.
//! Goals (release, 2 cores): read + validate <= 40 ms, write <= 50 ms; with the committee,
//! read + validate <= 1.5x a bare ron parse of the same file.

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::file::{parse_project, read_project, save_project, to_ron};
use journeymap::model::{Project, generated_committee, generated_project, validate};

fn file_io(c: &mut Criterion) {
    for (group, project) in [
        ("10k cards, 40 stages", generated_project(40, 10_000)),
        (
            "10k cards, 40 stages, committee of 5",
            generated_committee(40, 10_000, 5),
        ),
    ] {
        bench_project(c, group, &project);
    }
}

fn bench_project(c: &mut Criterion, name: &str, project: &Project) {
    let text = to_ron(project).expect("serialises");
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("large.ron");
    save_project(&path, project).expect("saves");
    eprintln!(
        "large project: {} cards, {:.1} MiB",
        project.journeys[0].cards.len(),
        text.len() as f64 / (1024.0 * 1024.0)
    );

    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.bench_function("read + validate (file)", |b| {
        b.iter(|| read_project(black_box(&path)).expect("reads"))
    });
    group.bench_function("bare ron parse", |b| {
        b.iter(|| ron::from_str::<Project>(black_box(&text)).expect("parses"))
    });
    group.bench_function("parse + validate (memory)", |b| {
        b.iter(|| {
            parse_project(black_box(text.as_bytes()), Path::new("large.ron")).expect("parses")
        })
    });
    group.bench_function("validate", |b| b.iter(|| validate(black_box(project))));
    group.bench_function("serialise", |b| {
        b.iter(|| to_ron(black_box(project)).expect("serialises"))
    });
    group.bench_function("save (atomic, fsync, backup)", |b| {
        b.iter(|| save_project(black_box(&path), black_box(project)).expect("saves"))
    });
    group.finish();
}

criterion_group!(benches, file_io);
criterion_main!(benches);
