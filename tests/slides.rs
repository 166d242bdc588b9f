//! Slide-shaped pictures: how a journey is cut into 16:9 slides, how large its text is
//! on them, a range of stages, and the command line writing them.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use egui::Color32;
use journeymap::export::{
    ExportError, ExportOptions, LEAST_TITLE_PIXELS, Picture, SLIDE, StageRange, plan_slides,
    render, render_slide,
};
use journeymap::file::template_project;
use journeymap::layout::{JourneyLayout, MapOptions};
use journeymap::theme::{Theme, size};

mod common;

use common::{open_png, options};

/// The longest run of pixels of exactly `color` on any row of `picture`.
fn longest_run(picture: &Picture, color: Color32) -> usize {
    let wanted = color.to_array();
    picture
        .rgba
        .chunks_exact(picture.width as usize * 4)
        .map(|row| {
            let (mut longest, mut run) = (0, 0);
            for pixel in row.chunks_exact(4) {
                run = if pixel == wanted { run + 1 } else { 0 };
                longest = longest.max(run);
            }
            longest
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn the_template_is_cut_between_stages_into_legible_slides() {
    let project = template_project().unwrap();
    let journey = &project.journeys[0];
    let slides = plan_slides(&project, 0, options(1)).unwrap();
    assert!(
        slides.len() > 1,
        "seven stages do not fit one legible slide"
    );
    assert!(
        slides.len() < journey.stages.len(),
        "but most slides hold several"
    );
    // Every stage once, in order, cut only between stages.
    let mut next = 0;
    for slide in &slides {
        assert_eq!(slide.stages.start, next);
        assert!(!slide.stages.is_empty());
        next = slide.stages.end;
    }
    assert_eq!(next, journey.stages.len());
    let sizes: Vec<usize> = slides.iter().map(|s| s.stages.len()).collect();
    assert!(
        sizes.windows(2).all(|w| w[0] >= w[1]),
        "a slide with a stage fewer comes last: {sizes:?}"
    );
    let touchpoint = Theme::light().touchpoint.fill;
    for slide in &slides {
        assert!(
            slide.title_pixels() >= LEAST_TITLE_PIXELS,
            "stages {:?}: titles {} px",
            slide.stages,
            slide.title_pixels()
        );
        let picture = render_slide(&project, 0, slide, options(1), None).unwrap();
        assert_eq!(
            (picture.width, picture.height),
            (SLIDE.x as u32, SLIDE.y as u32)
        );
        // Measured in the picture: a card is as much wider than at 100 % as its text.
        let card = longest_run(&picture, touchpoint) as f32;
        let expected = size::CARD_WIDTH * LEAST_TITLE_PIXELS / size::TEXT_CARD_TITLE;
        assert!(
            card >= expected - 2.0 * size::CARD_PADDING,
            "stages {:?}: a touchpoint is {card} px wide, expected about {expected}",
            slide.stages
        );
    }
    let twice = render_slide(&project, 0, &slides[0], options(2), None).unwrap();
    assert_eq!((twice.width, twice.height), (3840, 2160));
}

#[test]
fn a_stage_too_tall_for_a_legible_slide_gets_one_of_its_own_and_says_how_small() {
    let mut project = template_project().unwrap();
    let journey = &mut project.journeys[0];
    let model = journey.cards[0].clone();
    // Forty touchpoints in the second stage: fourteen rows of cards.
    for i in 0..40 {
        let mut card = model.clone();
        card.id = format!("extra-{i}");
        card.stage = journey.stages[1].id.clone();
        journey.cards.push(card);
    }
    let slides = plan_slides(&project, 0, options(1)).unwrap();
    let crowded = slides.iter().find(|s| s.stages.contains(&1)).unwrap();
    assert_eq!(crowded.stages, 1..2, "the crowded stage alone");
    assert!(crowded.title_pixels() < LEAST_TITLE_PIXELS);
    assert!(
        crowded.title_pixels() > 4.0,
        "but still fitted to the slide"
    );
    for slide in slides.iter().filter(|s| !s.stages.contains(&1)) {
        assert!(slide.title_pixels() >= LEAST_TITLE_PIXELS, "{slide:?}");
    }
}

#[test]
fn a_range_of_stages_is_one_picture_of_those_stages() {
    let project = template_project().unwrap();
    let whole = render(&project, 0, options(1), None).unwrap();
    let some = ExportOptions {
        stages: Some("2-4".parse().unwrap()),
        ..options(1)
    };
    let part = render(&project, 0, some, None).unwrap();
    assert!(part.width < whole.width);
    let slides = plan_slides(&project, 0, some).unwrap();
    assert_eq!(slides.first().unwrap().stages.start, 1);
    assert_eq!(slides.last().unwrap().stages.end, 4);
    let beyond = ExportOptions {
        stages: Some(StageRange { first: 6, last: 9 }),
        ..options(1)
    };
    let error = render(&project, 0, beyond, None).err().unwrap();
    assert!(matches!(error, ExportError::NoStages { .. }));
    assert!(
        error
            .to_string()
            .contains("has 7 stages: there is no stage 9"),
        "{error}"
    );
}

#[test]
fn stage_ranges_are_read_as_people_write_them() {
    let range = |text: &str| text.parse::<StageRange>();
    assert_eq!(range("2-4"), Ok(StageRange { first: 2, last: 4 }));
    assert_eq!(range(" 3 "), Ok(StageRange { first: 3, last: 3 }));
    assert_eq!(range("2–5"), Ok(StageRange { first: 2, last: 5 }));
    assert!(range("0-2").unwrap_err().contains("1 is the first stage"));
    assert!(range("4-2").unwrap_err().contains("write 2-4"));
    assert!(range("two").is_err());
    assert!(
        range("2-")
            .unwrap_err()
            .contains("write a stage range as FIRST-LAST")
    );
    assert_eq!(StageRange { first: 2, last: 4 }.to_string(), "2-4");
}

/// The WCAG contrast ratio of two opaque colours.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f32 {
    let luminance = |c: [u8; 3]| {
        let linear = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The best contrast any pixel of the journey's title reaches against `slide` when the
/// transparent picture is laid on it.
fn title_contrast_on(picture: &Picture, slide: [u8; 3]) -> f32 {
    let project = template_project().unwrap();
    let layout = JourneyLayout::of(&project, &project.journeys[0], MapOptions::default());
    let title = layout.title;
    // The persona cards are cards, not text on the slide.
    let on_a_card = |x: usize, y: usize| {
        let at = egui::pos2(x as f32, y as f32);
        layout
            .personas
            .iter()
            .any(|card| card.expand(2.0).contains(at))
    };
    let mut best = 1.0_f32;
    for y in title.top() as usize..title.bottom() as usize {
        for x in (title.left() as usize..title.right() as usize).filter(|&x| !on_a_card(x, y)) {
            let i = (y * picture.width as usize + x) * 4;
            let [r, g, b, a] = [0, 1, 2, 3].map(|k| f32::from(picture.rgba[i + k]));
            let a = a / 255.0;
            let laid = |c: f32, s: u8| (c * a + f32::from(s) * (1.0 - a)).round() as u8;
            let seen = [laid(r, slide[0]), laid(g, slide[1]), laid(b, slide[2])];
            best = best.max(contrast(seen, slide));
        }
    }
    best
}

#[test]
fn a_transparent_dark_picture_reads_on_a_navy_slide() {
    let project = template_project().unwrap();
    let navy = [0x1F, 0x2A, 0x44];
    let transparent = |dark: bool| {
        render(
            &project,
            0,
            ExportOptions {
                transparent: true,
                dark,
                ..options(1)
            },
            None,
        )
        .unwrap()
    };
    // The header bands are a faint tint, not grey blocks on the slide.
    let header = JourneyLayout::of(&project, &project.journeys[0], MapOptions::default()).stages[0]
        .header
        .center();
    let picture = transparent(true);
    let i = ((header.y as u32 * picture.width + header.x as u32) * 4 + 3) as usize;
    assert!(
        picture.rgba[i] < 40,
        "a header's alpha is {}",
        picture.rgba[i]
    );
    let dark = title_contrast_on(&picture, navy);
    assert!(dark >= 7.0, "dark theme on navy: contrast {dark}");
    // The light theme's dark ink is what vanished on navy (under 3:1, unreadable even
    // for large text): the measure tells the two apart.
    let light = title_contrast_on(&transparent(false), navy);
    assert!(light < 3.0, "light theme on navy: contrast {light}");
}

fn journeymap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn template_file(folder: &Path) -> String {
    let path = folder.join("plan.ron");
    std::fs::write(&path, journeymap::model::TEMPLATE_RON).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn export_slides_writes_numbered_pictures_and_names_each() {
    let folder = tempfile::tempdir().unwrap();
    let input = template_file(folder.path());
    let out = folder.path().join("deck.png");
    let output = journeymap(&[
        "export",
        &input,
        "-o",
        out.to_str().unwrap(),
        "--slides",
        "--scale",
        "1",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let project = template_project().unwrap();
    let expected = plan_slides(&project, 0, options(1)).unwrap().len();
    assert_eq!(stdout.lines().count(), expected, "{stdout}");
    for n in 1..=expected {
        let path = folder.path().join(format!("deck-{n}.png"));
        assert!(stdout.contains(path.to_str().unwrap()), "{stdout}");
        assert_eq!(open_png(&path).info().size(), (1920, 1080));
        // Every slide re-opens the whole journey.
        let inside = journeymap::file::read_project(&path).unwrap();
        assert_eq!(inside.journeys[0].stages.len(), 7);
    }
    assert!(!out.exists(), "no unnumbered picture");
    assert!(
        !folder
            .path()
            .join(format!("deck-{}.png", expected + 1))
            .exists()
    );

    // A shorter deck over a longer one says which pictures are left over.
    let output = journeymap(&[
        "export",
        &input,
        "-o",
        out.to_str().unwrap(),
        "--slides",
        "--stages",
        "1",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let second = folder.path().join("deck-2.png");
    assert!(
        stderr.contains(&format!(
            "note: {} and any after it are left from an earlier export; this deck has 1 slide",
            second.display()
        )),
        "{stderr}"
    );
}

#[test]
fn export_of_a_stage_range_with_slides_and_bad_ranges() {
    let folder = tempfile::tempdir().unwrap();
    let input = template_file(folder.path());
    let out = folder.path().join("part.png");
    let out = out.to_str().unwrap();
    let output = journeymap(&["export", &input, "-o", out, "--stages", "2-3", "--slides"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("stages 2–3, Solution exploration to Requirements building"),
        "{stdout}"
    );
    assert_eq!(
        open_png(&folder.path().join("part-1.png")).info().size(),
        (3840, 2160)
    );

    let output = journeymap(&["export", &input, "-o", out, "--stages", "8"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("has 7 stages: there is no stage 8"),
        "{stderr}"
    );

    let output = journeymap(&["export", &input, "-o", out, "--stages", "3-2"]);
    assert_eq!(output.status.code(), Some(2), "a usage error");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("write 2-3"), "{stderr}");
}

#[test]
fn slides_never_replace_the_project_they_come_from() {
    let folder = tempfile::tempdir().unwrap();
    // The project is called deck-1.png's name: a slide would land on it.
    let input = folder.path().join("deck-2.png");
    std::fs::write(&input, journeymap::model::TEMPLATE_RON).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = folder.path().join("deck.png");
    let output = journeymap(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--slides",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("would replace it"), "{stderr}");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert!(
        !folder.path().join("deck-1.png").exists(),
        "nothing written"
    );
}

#[test]
fn slides_into_a_folder_name_are_refused_with_what_to_write() {
    let folder = tempfile::tempdir().unwrap();
    let input = template_file(folder.path());
    let out = folder.path().join("deck");
    std::fs::create_dir(&out).unwrap();
    let output = journeymap(&["export", &input, "-o", out.to_str().unwrap(), "--slides"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("that is a folder; name the pictures inside it"),
        "{stderr}"
    );
    assert!(!folder.path().join("deck-1.png").exists());
}
