//! SVG and PDF export and the handout, through the library and the binary: the format a
//! name or `--format` asks for, real text, embedded fonts, the project inside, the same
//! pixels as the PNG, and what is refused.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use journeymap::export::{
    Embed, ExportError, ExportOptions, PictureFormat, export_vector_bytes, handout_pdf, render,
    sketch_map,
};
use journeymap::file::{read_project, template_project, to_ron};
use journeymap::model::{Project, generated_project};

mod common;
#[path = "common/run.rs"]
mod run;

use common::{open_png, options};
use run::{journeymap, text_of};

/// A tool of poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts) run on `args`; its
/// standard output.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (apt-get install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        text_of(&output)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The template written to a file in `dir`, for the binary to read.
fn template_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("plan.ron");
    std::fs::write(&path, to_ron(&template_project().unwrap()).unwrap()).unwrap();
    path
}

fn pdf_of(project: &Project, options: ExportOptions) -> Vec<u8> {
    export_vector_bytes(project, 0, options, None, PictureFormat::Pdf).unwrap()
}

fn svg_of(project: &Project, options: ExportOptions) -> String {
    let bytes = export_vector_bytes(project, 0, options, None, PictureFormat::Svg).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// Runs of white space as one space: text wrapped onto lines reads as one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every card title and stage name of the template's first journey.
fn titles_and_stages(project: &Project) -> Vec<String> {
    let journey = &project.journeys[0];
    let cards = journey.cards.iter().map(|c| one_line(&c.title));
    let stages = journey.stages.iter().map(|s| one_line(&s.name));
    cards.chain(stages).collect()
}

#[test]
fn the_format_follows_the_extension_and_the_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = template_file(dir.path());
    let plan = plan.to_str().unwrap();
    let cases: [(&str, &[&str], &[u8]); 4] = [
        ("map.svg", &[], b"<?xml"),
        ("map.PDF", &[], b"%PDF-"),
        ("map.out", &["--format", "pdf"], b"%PDF-"),
        ("map.picture", &["--format", "svg"], b"<?xml"),
    ];
    for (name, flags, start) in cases {
        let out = dir.path().join(name);
        let mut args = vec!["export", plan, "-o", out.to_str().unwrap()];
        args.extend_from_slice(flags);
        let run = journeymap(&args);
        assert!(run.status.success(), "{name}: {}", text_of(&run));
        assert!(std::fs::read(&out).unwrap().starts_with(start), "{name}");
    }
    let png = dir.path().join("map.img");
    let run = journeymap(&[
        "export",
        plan,
        "-o",
        png.to_str().unwrap(),
        "--format",
        "png",
    ]);
    assert!(run.status.success(), "{}", text_of(&run));
    assert!(
        std::fs::read(&png)
            .unwrap()
            .starts_with(&[0x89, b'P', b'N', b'G'])
    );
}

#[test]
fn a_pdf_has_every_card_title_and_stage_name_as_text_in_embedded_subset_fonts() {
    let project = template_project().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.pdf");
    std::fs::write(&path, pdf_of(&project, options(2))).unwrap();
    let path = path.to_str().unwrap();
    // In drawing order, each card's title is whole, however it is wrapped.
    let text = one_line(&poppler("pdftotext", &["-raw", path, "-"]));
    for wanted in titles_and_stages(&project) {
        assert!(
            text.contains(&wanted),
            "“{wanted}” is not in the PDF's text"
        );
    }
    let fonts = poppler("pdffonts", &[path]);
    let ubuntu = fonts
        .lines()
        .find(|line| line.contains("Ubuntu-Light"))
        .unwrap_or_else(|| panic!("the text is in egui's Ubuntu Light:\n{fonts}"));
    // A subset's name starts with six capitals and a plus; `emb sub uni` are all yes.
    assert!(ubuntu.as_bytes()[6] == b'+', "{ubuntu}");
    assert!(
        ubuntu.contains("yes yes yes"),
        "embedded, subset, with ToUnicode: {ubuntu}"
    );
}

#[test]
fn an_svg_has_the_titles_as_text_elements_and_the_glyphs_as_outlines() {
    let project = template_project().unwrap();
    let svg = svg_of(&project, options(2));
    let document = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect();
    let all = one_line(&texts.join(" "));
    for wanted in titles_and_stages(&project) {
        assert!(all.contains(&wanted), "“{wanted}” is not in the SVG's text");
    }
    let defined = document
        .descendants()
        .filter(|n| {
            n.has_tag_name("path") && n.attribute("id").is_some_and(|id| id.starts_with('g'))
        })
        .count();
    let used = document
        .descendants()
        .filter(|n| n.has_tag_name("use"))
        .count();
    assert!(defined > 30, "each glyph drawn is defined once: {defined}");
    assert!(
        used > defined * 10,
        "and used wherever it is drawn: {used} uses"
    );
}

#[test]
fn the_handout_has_a_page_per_slide_with_the_stage_names() {
    let project = template_project().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deck.pdf");
    std::fs::write(
        &path,
        handout_pdf(&project, 0, false, Embed::Map).unwrap().bytes,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let info = poppler("pdfinfo", &[path]);
    let stages = project.journeys[0].stages.len();
    assert!(
        info.lines().any(|l| l
            .split_whitespace()
            .eq(["Pages:", &(stages + 2).to_string()])),
        "{info}"
    );
    let page = |n: usize| {
        let n = n.to_string();
        one_line(&poppler(
            "pdftotext",
            &["-f", &n, "-l", &n, "-raw", path, "-"],
        ))
    };
    assert!(
        page(1).contains(&project.journeys[0].name),
        "the opening names the journey"
    );
    for (i, stage) in project.journeys[0].stages.iter().enumerate() {
        let text = page(i + 2);
        assert!(
            text.contains(&one_line(&stage.name)),
            "page {} is {}",
            i + 2,
            stage.name
        );
        // Its text shrinks until it fits, as on screen: the whole empathy map is there.
        for item in stage.empathy.lists().into_iter().flatten() {
            assert!(
                text.contains(&one_line(item)),
                "page {}: “{item}” is cut",
                i + 2
            );
        }
    }
    assert!(page(stages + 2).contains("Review"));
    // Pages are 16:9.
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap()
        .to_owned();
    let numbers: Vec<f32> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        (numbers[0] / numbers[1] - 16.0 / 9.0).abs() < 0.01,
        "{size}"
    );
}

#[test]
fn the_project_inside_a_pdf_or_svg_opens_again_and_embed_none_leaves_it_out() {
    let project = template_project().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let full = ExportOptions {
        embed: Embed::Full,
        ..options(2)
    };
    let none = ExportOptions {
        embed: Embed::None,
        ..options(2)
    };
    let files = [
        ("full.pdf", pdf_of(&project, full)),
        ("full.svg", svg_of(&project, full).into_bytes()),
        ("none.pdf", pdf_of(&project, none)),
        ("none.svg", svg_of(&project, none).into_bytes()),
        (
            "handout.pdf",
            handout_pdf(&project, 0, true, Embed::Full).unwrap().bytes,
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    for name in ["full.pdf", "full.svg", "handout.pdf"] {
        let opened = read_project(&dir.path().join(name)).unwrap();
        assert_eq!(opened, project, "{name} carries the whole project");
    }
    for name in ["none.pdf", "none.svg"] {
        let error = read_project(&dir.path().join(name))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("holds no Journeymap project"),
            "{name}: {error}"
        );
    }
    let listed = poppler(
        "pdfdetach",
        &["-list", dir.path().join("none.pdf").to_str().unwrap()],
    );
    assert!(listed.starts_with("0 embedded files"), "{listed}");
    let listed = poppler(
        "pdfdetach",
        &["-list", dir.path().join("full.pdf").to_str().unwrap()],
    );
    // Named for the project it holds whole.
    let name = format!("1: {}.ron", journeymap::model::slug(&project.title));
    assert!(listed.contains(&name), "{listed}");
    // `check` says of the PDF what it says of the project.
    let ron = dir.path().join("plan.ron");
    std::fs::write(&ron, to_ron(&project).unwrap()).unwrap();
    let of_project = journeymap(&["check", ron.to_str().unwrap()]);
    let of_pdf = journeymap(&["check", dir.path().join("full.pdf").to_str().unwrap()]);
    assert_eq!(of_pdf.status.code(), Some(0));
    let summary = |out: &std::process::Output| {
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.split_once(": ")
            .map(|(_, rest)| rest.to_owned())
            .unwrap()
    };
    assert_eq!(summary(&of_pdf), summary(&of_project));
}

/// How two pictures `width` pixels wide differ at the pixels where `inside` holds: the
/// mean difference of a channel (0 to 255), and the share of pixels with a channel more
/// than 64 apart.
fn difference(a: &[u8], b: &[u8], width: u32, inside: impl Fn(egui::Pos2) -> bool) -> (f64, f64) {
    assert_eq!(a.len(), b.len(), "the same size");
    let (mut total, mut far, mut pixels) = (0_u64, 0_usize, 0_usize);
    for (i, (p, q)) in a.chunks_exact(4).zip(b.chunks_exact(4)).enumerate() {
        let at = egui::pos2(
            (i as u32 % width) as f32 + 0.5,
            (i as u32 / width) as f32 + 0.5,
        );
        if inside(at) {
            total += p
                .iter()
                .zip(q)
                .map(|(x, y)| u64::from(x.abs_diff(*y)))
                .sum::<u64>();
            far += usize::from(p.iter().zip(q).any(|(x, y)| x.abs_diff(*y) > 64));
            pixels += 1;
        }
    }
    (
        total as f64 / (pixels * 4) as f64,
        far as f64 / pixels as f64,
    )
}

/// Where two pictures differ beyond a small tolerance: over all, and in the parts most
/// likely to go missing (dashed and dotted card outlines, the emotion curves and their
/// fill, the persona cards). Each difference is printed, as the closing note reports it.
fn mismatches(
    what: &str,
    png: &journeymap::export::Picture,
    other: &[u8],
    project: &Project,
) -> Vec<String> {
    use journeymap::layout::{JourneyLayout, MapOptions};
    use journeymap::model::{Evidence, LaneKind};
    type Inside = Box<dyn Fn(egui::Pos2) -> bool>;
    let layout = JourneyLayout::of(project, &project.journeys[0], MapOptions::default());
    let whole = egui::Rect::from_min_size(egui::Pos2::ZERO, layout.size);
    let journey = &project.journeys[0];
    // A card's outline: a ring around its edge, where no text is.
    let outline = |rect: egui::Rect| -> Inside {
        Box::new(move |at| rect.expand(1.5).contains(at) && !rect.shrink(1.5).contains(at))
    };
    let area = |rect: egui::Rect| -> Inside { Box::new(move |at| rect.contains(at)) };
    let unsure = journey
        .cards
        .iter()
        .zip(&layout.cards)
        .filter(|(c, _)| c.evidence != Evidence::Research);
    let emotion = layout.lanes.iter().filter(|l| l.kind == LaneKind::Emotion);
    let parts: Vec<(String, Inside, f64, f64)> =
        std::iter::once(("all".to_owned(), area(whole), 2.0, 0.01))
            .chain(unsure.map(|(card, placed)| {
                (
                    format!("the outline of card {}", card.id),
                    outline(placed.rect),
                    7.0,
                    0.08,
                )
            }))
            .chain(emotion.map(|lane| {
                (
                    "the emotion lane".to_owned(),
                    area(egui::Rect::from_x_y_ranges(whole.x_range(), lane.y)),
                    2.0,
                    0.01,
                )
            }))
            .chain(
                layout
                    .personas
                    .iter()
                    .map(|r| ("a persona card".to_owned(), area(*r), 7.0, 0.05)),
            )
            .collect();
    assert!(parts.len() > 10, "{} parts compared", parts.len());
    parts
        .into_iter()
        .filter_map(|(part, inside, most_mean, most_far)| {
            let (mean, far) = difference(&png.rgba, other, png.width, inside);
            let line = format!("{what}, {part}: mean {mean:.2}, far {:.2} %", far * 100.0);
            eprintln!("{line}");
            (mean >= most_mean || far >= most_far).then_some(line)
        })
        .collect()
}

/// The pixels of the PNG at `path` as RGBA, with its size.
fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let mut reader = open_png(path);
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => pixels,
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("pdftoppm wrote {other:?}"),
    };
    (info.width, info.height, rgba)
}

#[test]
fn rasterised_the_pdf_and_the_svg_match_the_png_of_the_same_options() {
    let project = template_project().unwrap();
    let png = render(&project, 0, options(1), None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("map.pdf");
    std::fs::write(&pdf, pdf_of(&project, options(1))).unwrap();
    let prefix = dir.path().join("page");
    poppler(
        "pdftoppm",
        &[
            "-r",
            "96",
            "-png",
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let (width, height, from_pdf) = decode_png(&prefix.with_extension("png"));
    assert_eq!((width, height), (png.width, png.height));
    let wrong = mismatches("PDF", &png, &from_pdf, &project);
    assert!(wrong.is_empty(), "{wrong:#?}");

    let svg = svg_of(&project, options(1));
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(png.width, png.height).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let from_svg: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let wrong = mismatches("SVG", &png, &from_svg, &project);
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The comparison sees an outline drawn wrong: solid lines where dashes belong.
    let mut solid = project.clone();
    for card in &mut solid.journeys[0].cards {
        card.evidence = journeymap::model::Evidence::Research;
    }
    let solid = render(&solid, 0, options(1), None).unwrap();
    let wrong = mismatches("solid outlines", &png, &solid.rgba, &project);
    let unsure = project.journeys[0]
        .cards
        .iter()
        .filter(|c| c.evidence != journeymap::model::Evidence::Research)
        .count();
    assert_eq!(wrong.len(), unsure, "{wrong:#?}");
}

#[test]
fn a_map_larger_than_a_page_may_be_is_refused_with_stages_or_slides_suggested() {
    let project = generated_project(100, 100);
    let error = sketch_map(&project, 0, options(1), None)
        .err()
        .expect("too wide");
    let Some(fitting) = (match error {
        ExportError::PageTooLarge { fits, .. } => fits,
        other => panic!("{other:?}"),
    }) else {
        panic!("some stages fit a page");
    };
    // The most stages that fit: one more does not.
    let with = |first, last| ExportOptions {
        stages: Some(journeymap::export::StageRange { first, last }),
        ..options(1)
    };
    assert_eq!(fitting.first, 1);
    assert!(sketch_map(&project, 0, with(1, fitting.last), None).is_ok());
    assert!(sketch_map(&project, 0, with(1, fitting.last + 1), None).is_err());
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("wide.ron");
    std::fs::write(&plan, to_ron(&project).unwrap()).unwrap();
    let out = dir.path().join("wide.pdf");
    let run = journeymap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let message = text_of(&run);
    assert!(
        message.contains("larger than a page of an SVG or PDF may be")
            && message.contains(&format!("try --stages 1-{}, or --slides", fitting.last)),
        "{message}"
    );
    assert!(!out.exists(), "nothing is written");
    // As slides, every page fits.
    let run = journeymap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--slides",
    ]);
    assert!(run.status.success(), "{}", text_of(&run));
}

#[test]
fn exit_codes_and_what_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let plan = template_file(dir.path());
    let plan_text = std::fs::read(&plan).unwrap();
    let plan = plan.to_str().unwrap();
    // A format clap does not know is a usage error.
    let run = journeymap(&["export", plan, "-o", "x.pdf", "--format", "gif"]);
    assert_eq!(run.status.code(), Some(2));
    // The input itself is not replaced, by export or handout.
    for args in [
        vec!["export", plan, "-o", plan, "--format", "pdf"],
        vec!["handout", plan, "-o", plan],
    ] {
        let run = journeymap(&args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(
            text_of(&run).contains("that is the file the project comes from"),
            "{}",
            text_of(&run)
        );
        assert_eq!(std::fs::read(plan).unwrap(), plan_text);
    }
    // Nor a file that is not a picture.
    let notes = dir.path().join("notes.pdf");
    std::fs::write(&notes, "my notes").unwrap();
    let run = journeymap(&["handout", plan, "-o", notes.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text_of(&run).contains("not a picture"), "{}", text_of(&run));
    assert_eq!(std::fs::read(&notes).unwrap(), b"my notes");
    // An earlier PDF is replaced.
    let deck = dir.path().join("deck.pdf");
    let run = journeymap(&["handout", plan, "-o", deck.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text_of(&run));
    assert!(
        text_of(&run).contains("written (9 pages)"),
        "{}",
        text_of(&run)
    );
    let run = journeymap(&[
        "handout",
        plan,
        "-o",
        deck.to_str().unwrap(),
        "--theme",
        "dark",
    ]);
    assert!(run.status.success(), "{}", text_of(&run));
    // A handout is named for what it is; exports go to files, not to standard output.
    let png = dir.path().join("deck.png");
    let run = journeymap(&["handout", plan, "-o", png.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text_of(&run).contains("a handout is a PDF"),
        "{}",
        text_of(&run)
    );
    assert!(!png.exists());
    for args in [
        vec!["handout", plan, "-o", "-"],
        vec!["export", plan, "-o", "-", "--format", "pdf"],
    ] {
        let run = journeymap(&args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(
            text_of(&run).contains("not to standard output"),
            "{}",
            text_of(&run)
        );
    }
    assert!(!std::path::Path::new("-").exists());
    // A missing journey is an error naming the journeys there are.
    let run = journeymap(&[
        "handout",
        plan,
        "-o",
        deck.to_str().unwrap(),
        "--journey",
        "nope",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text_of(&run).contains("no journey with the id `nope`"),
        "{}",
        text_of(&run)
    );
}

#[test]
fn slides_are_pages_of_one_pdf_or_svg_files_beside_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let plan = template_file(dir.path());
    let plan = plan.to_str().unwrap();
    let count = journeymap::export::plan_slides(
        &template_project().unwrap(),
        0,
        ExportOptions {
            slides: true,
            ..ExportOptions::default()
        },
    )
    .unwrap()
    .len();
    let pdf = dir.path().join("deck.pdf");
    let run = journeymap(&["export", plan, "-o", pdf.to_str().unwrap(), "--slides"]);
    assert!(run.status.success(), "{}", text_of(&run));
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains(&format!("Pages:           {count}")),
        "{info}"
    );
    let svg = dir.path().join("deck.svg");
    let run = journeymap(&["export", plan, "-o", svg.to_str().unwrap(), "--slides"]);
    assert!(run.status.success(), "{}", text_of(&run));
    for n in 1..=count {
        let slide = dir.path().join(format!("deck-{n}.svg"));
        let text = std::fs::read_to_string(&slide).unwrap();
        assert!(
            text.contains(r#"width="1920" height="1080""#),
            "slide {n} is 1920 x 1080"
        );
        assert!(read_project(&slide).is_ok(), "slide {n} opens");
    }
}

#[test]
fn damaged_pdfs_and_svgs_are_refused_with_the_file_named_and_never_panic() {
    let project = template_project().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_of(&project, options(1));
    let svg = svg_of(&project, options(1)).into_bytes();
    let path = dir.path().join("bad.pdf");
    // Cut short at many lengths, and with bytes changed all through it.
    let mut tried = 0;
    for original in [&pdf, &svg] {
        let step = original.len() / 97;
        for cut in (5..original.len()).step_by(step) {
            std::fs::write(&path, &original[..cut]).unwrap();
            if let Err(error) = read_project(&path) {
                assert!(error.to_string().contains("bad.pdf"), "{error}");
            }
            tried += 1;
        }
        for at in (9..original.len()).step_by(step) {
            let mut changed = original.clone();
            changed[at] ^= 0x5A;
            std::fs::write(&path, &changed).unwrap();
            if let Err(error) = read_project(&path) {
                assert!(error.to_string().contains("bad.pdf"), "{error}");
            }
            tried += 1;
        }
    }
    assert!(tried > 300, "{tried}");
    // A PDF from elsewhere, and an SVG whose DOCTYPE would expand entities.
    let other = dir.path().join("other.pdf");
    let plain = pdf_of(
        &project,
        ExportOptions {
            embed: Embed::None,
            ..options(1)
        },
    );
    std::fs::write(&other, plain).unwrap();
    let error = read_project(&other).unwrap_err().to_string();
    assert!(
        error.contains("other.pdf") && error.contains("this PDF holds no Journeymap project"),
        "{error}"
    );
    let bomb = dir.path().join("bomb.svg");
    std::fs::write(
        &bomb,
        r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><metadata>&b;</metadata></svg>"#,
    )
    .unwrap();
    let error = read_project(&bomb).unwrap_err().to_string();
    assert!(error.contains("bomb.svg: not a readable SVG"), "{error}");
    // What the XML parser quotes is shown escaped: no control character reaches the
    // terminal (found by the fuzzer).
    std::fs::write(&bomb, "<svg a=\u{1b}>").unwrap();
    let error = read_project(&bomb).unwrap_err().to_string();
    assert!(
        error.contains("line 1, column 8")
            && error.contains("\\u{1b}")
            && !error.contains('\u{1b}'),
        "{error:?}"
    );
}

#[test]
fn a_stage_too_full_for_its_page_is_named_rather_than_cut_silently() {
    // One stage of 400 cards: even at its smallest text, its slide cannot hold them.
    let project = generated_project(1, 400);
    let handout = handout_pdf(&project, 0, false, Embed::None).unwrap();
    let stage = &project.journeys[0].stages[0].name;
    assert!(
        handout.cut.contains(&format!("“{stage}”")),
        "{:?}",
        handout.cut
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("full.ron");
    std::fs::write(&plan, to_ron(&project).unwrap()).unwrap();
    let deck = dir.path().join("deck.pdf");
    let run = journeymap(&[
        "handout",
        plan.to_str().unwrap(),
        "-o",
        deck.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text_of(&run));
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(
        stderr.contains(stage) && stderr.contains("the rest is cut"),
        "{stderr}"
    );
    // The template's slides all fit.
    assert!(
        handout_pdf(&template_project().unwrap(), 0, false, Embed::None)
            .unwrap()
            .cut
            .is_empty()
    );
}
