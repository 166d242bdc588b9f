//! SVG and PDF export and the handout: paint offscreen, walk the shapes into vector marks,
//! write the file with the project inside. Goals (release, 2 cores): the template as PDF
//! <= 300 ms and <= 1 MB, as SVG <= 200 ms, its handout <= 1 s and <= 3 MB, a 1,000-card
//! journey as PDF <= 2 s (the whole process, measured with the binary, is in the closing
//! note; these are the library's share).

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::export::{Embed, ExportOptions, PictureFormat, export_vector_bytes, handout_pdf};
use journeymap::file::template_project;
use journeymap::model::generated_project;

fn vectors(c: &mut Criterion) {
    let mut group = c.benchmark_group("export vectors");
    group.sample_size(10);
    let template = template_project().expect("the template is valid");
    let options = ExportOptions::default();
    for format in [PictureFormat::Pdf, PictureFormat::Svg] {
        let size = export_vector_bytes(&template, 0, options, None, format)
            .expect("exports")
            .len();
        println!("template as {}: {size} bytes", format.name());
        group.bench_function(format!("template as {}", format.name()), |b| {
            b.iter(|| {
                export_vector_bytes(black_box(&template), 0, options, None, format)
                    .expect("exports")
            })
        });
    }
    let size = handout_pdf(&template, 0, false, Embed::Map)
        .expect("exports")
        .bytes
        .len();
    println!("template handout: {size} bytes");
    group.bench_function("template handout", |b| {
        b.iter(|| handout_pdf(black_box(&template), 0, false, Embed::Map).expect("exports"))
    });
    let large = generated_project(20, 1_000);
    let size = export_vector_bytes(&large, 0, options, None, PictureFormat::Pdf)
        .expect("exports")
        .len();
    println!("1,000 cards as PDF: {size} bytes");
    group.bench_function("1,000 cards as PDF", |b| {
        b.iter(|| {
            export_vector_bytes(black_box(&large), 0, options, None, PictureFormat::Pdf)
                .expect("exports")
        })
    });
    group.finish();
}

criterion_group!(benches, vectors);
criterion_main!(benches);
