//! Tables and diagrams in and out at scale: a 10,000-row CSV of a journey scored by a
//! committee of five, imported and exported; the same journey as a Mermaid diagram.
//! Goals (release, 2 cores): CSV import of 10,000 rows <= 100 ms, export <= 50 ms.

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::interchange::{Format, MermaidLanes, export_csv, export_mermaid, import_bytes};
use journeymap::model::generated_committee;

fn interchange(c: &mut Criterion) {
    let project = generated_committee(40, 10_000, 5);
    let table = export_csv(&project, None, b',').unwrap();
    let diagram = export_mermaid(&project, 0, MermaidLanes::All).unwrap();
    eprintln!(
        "table: {} rows, {:.1} MiB; diagram: {:.1} MiB",
        project.journeys[0].cards.len(),
        table.len() as f64 / (1024.0 * 1024.0),
        diagram.len() as f64 / (1024.0 * 1024.0)
    );
    let imported = import_bytes(table.as_bytes(), Format::Csv, "bench").unwrap();
    assert_eq!(imported.project.journeys[0].cards.len(), 10_000);

    let mut group = c.benchmark_group("10k cards, committee of 5");
    group.sample_size(20);
    group.bench_function("CSV import", |b| {
        b.iter(|| import_bytes(black_box(table.as_bytes()), Format::Csv, "bench").unwrap())
    });
    group.bench_function("CSV export", |b| {
        b.iter(|| export_csv(black_box(&project), None, b',').unwrap())
    });
    group.bench_function("Mermaid import", |b| {
        b.iter(|| import_bytes(black_box(diagram.as_bytes()), Format::Mermaid, "bench").unwrap())
    });
    group.bench_function("Mermaid export", |b| {
        b.iter(|| export_mermaid(black_box(&project), 0, MermaidLanes::All).unwrap())
    });
    group.finish();
}

criterion_group!(benches, interchange);
criterion_main!(benches);
