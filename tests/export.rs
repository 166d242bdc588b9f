//! PNG export: sizes, what is where in the picture, the project inside, and the same
//! pixels as the canvas draws.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Color32, Pos2};
use journeymap::export::{Embed, ExportError, ExportOptions, Picture, export_png_bytes, render};
use journeymap::file::{read_project, template_project, to_ron};
use journeymap::layout::{JourneyLayout, MapOptions};
use journeymap::model::{Project, generated_project, voices};
use journeymap::paint::curve_colors;
use journeymap::theme::{Theme, evidence_opacity};

mod common;
#[path = "common/photo.rs"]
mod photo;

use common::{open_png, options};
use photo::photo_png;

fn pixel(picture: &Picture, at: Pos2, scale: u32) -> [u8; 4] {
    let (x, y) = (
        (at.x * scale as f32) as usize,
        (at.y * scale as f32) as usize,
    );
    let i = (y * picture.width as usize + x) * 4;
    [0, 1, 2, 3].map(|k| picture.rgba[i + k])
}

fn assert_close(actual: [u8; 4], expected: Color32, what: &str) {
    let expected = expected.to_array();
    let off = (0..4)
        .map(|k| actual[k].abs_diff(expected[k]))
        .max()
        .unwrap_or(0);
    assert!(
        off <= 4,
        "{what}: {actual:?} should be close to {expected:?}"
    );
}

/// A colour laid over another with the given opacity, as the card fills are.
fn over(top: Color32, opacity: f32, bottom: Color32) -> Color32 {
    let [r, g, b, _] = top.to_array();
    let [br, bg, bb, _] = bottom.to_array();
    let mix =
        |t: u8, b: u8| (f32::from(t) * opacity + f32::from(b) * (1.0 - opacity)).round() as u8;
    Color32::from_rgb(mix(r, br), mix(g, bg), mix(b, bb))
}

#[test]
fn dimensions_scale_exactly() {
    let project = template_project().unwrap();
    let one = render(&project, 0, options(1), None).unwrap();
    for scale in [2, 3, 4] {
        let picture = render(&project, 0, options(scale), None).unwrap();
        assert_eq!(
            (picture.width, picture.height),
            (one.width * scale, one.height * scale)
        );
    }
    let layout = JourneyLayout::of(&project, &project.journeys[0], MapOptions::default());
    assert_eq!(
        one.width,
        layout.size.x.ceil() as u32,
        "the whole map, margins included"
    );
}

#[test]
fn background_cards_of_each_kind_and_the_emotion_curve_are_where_they_belong() {
    let project = template_project().unwrap();
    let journey = &project.journeys[0];
    let layout = JourneyLayout::of(&project, journey, MapOptions::default());
    let theme = Theme::light();
    for scale in [1, 2] {
        let picture = render(&project, 0, options(scale), None).unwrap();
        assert_close(
            pixel(&picture, Pos2::new(4.0, 4.0), scale),
            theme.canvas,
            "the margin",
        );
        for id in ["newsletter", "silence", "benchmark-opp", "routing"] {
            let index = journey.cards.iter().position(|c| c.id == id).unwrap();
            let card = &journey.cards[index];
            let rect = layout.cards[index].rect;
            // Between the top border and the title: only the card's fill.
            let at = Pos2::new(rect.center().x, rect.top() + 4.0);
            let colors = theme.card_colors(card.kind);
            let expected = over(colors.fill, evidence_opacity(card.evidence), theme.canvas);
            assert_close(
                pixel(&picture, at, scale),
                expected,
                &format!("card {id} at {scale}x"),
            );
        }
        // A card alone in its column has its point on the primary persona's curve, in
        // their colour; cards stacked in one column have one point, at their mean.
        let primary = layout.curves.iter().position(|c| c.primary).unwrap();
        let (points, color) = (
            &layout.curves[primary].points,
            curve_colors(&project, journey, &theme)[primary],
        );
        let in_column = |x: f32| points.iter().filter(move |q| q.pos.x == x);
        let alone = points
            .iter()
            .find(|p| in_column(p.pos.x).count() == 1)
            .unwrap();
        assert_close(
            pixel(&picture, alone.pos, scale),
            color,
            "a card's emotion point",
        );
        let stacked = points
            .iter()
            .find(|p| in_column(p.pos.x).count() > 1)
            .unwrap();
        let count = in_column(stacked.pos.x).count() as f32;
        let mean = in_column(stacked.pos.x).map(|q| q.pos.y).sum::<f32>() / count;
        assert_close(
            pixel(&picture, Pos2::new(stacked.pos.x, mean), scale),
            color,
            "the point of a column's cards, at their mean",
        );
    }
}

#[test]
fn dark_and_transparent_backgrounds() {
    let project = template_project().unwrap();
    let dark = render(
        &project,
        0,
        ExportOptions {
            dark: true,
            ..options(1)
        },
        None,
    )
    .unwrap();
    assert_close(
        pixel(&dark, Pos2::new(4.0, 4.0), 1),
        Theme::dark().canvas,
        "dark margin",
    );
    let clear = render(
        &project,
        0,
        ExportOptions {
            transparent: true,
            ..options(1)
        },
        None,
    )
    .unwrap();
    assert_eq!(
        pixel(&clear, Pos2::new(4.0, 4.0), 1)[3],
        0,
        "the background is transparent"
    );
    let card = JourneyLayout::of(&project, &project.journeys[0], MapOptions::default()).cards[0]
        .rect
        .center();
    assert!(pixel(&clear, card, 1)[3] > 0, "the cards are not");
}

#[test]
fn with_everything_embedded_the_png_carries_the_project_and_exports_the_same_bytes_again() {
    let folder = tempfile::tempdir().unwrap();
    let project = template_project().unwrap();
    let full = ExportOptions {
        embed: Embed::Full,
        ..options(1)
    };
    let bytes = export_png_bytes(&project, 0, full, None).unwrap();
    let path = folder.path().join("map.png");
    std::fs::write(&path, &bytes).unwrap();
    let inside: Project = read_project(&path).unwrap();
    assert_eq!(inside, project);
    assert_eq!(export_png_bytes(&inside, 0, full, None).unwrap(), bytes);
    let reader = open_png(&path);
    let mut chunk = reader.info().utf8_text[0].clone();
    assert_eq!(chunk.keyword, "journeymap");
    chunk.decompress_text().unwrap();
    assert_eq!(
        chunk.get_text().unwrap(),
        to_ron(&project).unwrap(),
        "byte for byte as Save writes it"
    );
}

#[test]
fn by_default_a_png_carries_its_map_without_comments_and_a_plain_one_nothing() {
    let folder = tempfile::tempdir().unwrap();
    // Two journeys, a persona no journey uses, and comments on the journey shown.
    let mut project = template_project().unwrap();
    let mut other = project.personas[0].clone();
    other.id = "other".to_owned();
    project.personas.push(other);
    assert!(project.journeys.len() > 1);
    assert!(
        project.journeys[0]
            .cards
            .iter()
            .any(|c| !c.comments.is_empty())
    );
    let path = folder.path().join("map.png");
    std::fs::write(
        &path,
        export_png_bytes(&project, 0, options(1), None).unwrap(),
    )
    .unwrap();
    let inside = read_project(&path).unwrap();
    let shown = &project.journeys[0];
    assert_eq!(inside.journeys.len(), 1, "only the journey shown");
    assert_eq!(inside.journeys[0].stages, shown.stages);
    assert_eq!(inside.journeys[0].cards.len(), shown.cards.len());
    assert!(
        inside.journeys[0]
            .cards
            .iter()
            .all(|c| c.comments.is_empty()),
        "no comments"
    );
    let personas: Vec<&str> = inside.personas.iter().map(|p| p.id.as_str()).collect();
    let committee: Vec<&str> = shown.committee.iter().map(|m| m.persona.as_str()).collect();
    assert_eq!(personas, committee, "the buying committee, no one else");
    assert_eq!(inside.departments, project.departments);

    let plain = ExportOptions {
        embed: Embed::None,
        ..options(1)
    };
    std::fs::write(&path, export_png_bytes(&project, 0, plain, None).unwrap()).unwrap();
    assert!(open_png(&path).info().utf8_text.is_empty());
    let error = read_project(&path).unwrap_err();
    assert!(
        error.to_string().contains("holds no Journeymap project"),
        "{error}"
    );
}

#[test]
fn a_picture_too_large_is_refused_with_a_smaller_scale_suggested() {
    let project = generated_project(40, 100);
    let error = render(&project, 0, options(2), None)
        .err()
        .expect("too wide at 2x");
    assert!(
        matches!(error, ExportError::TooLarge { fits: Some(1), .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("16384"), "{message}");
    assert!(
        !message.contains("--scale"),
        "what to do is said where the error is shown: {message}"
    );
    assert!(render(&project, 0, options(1), None).is_ok());
}

#[test]
fn a_picture_within_the_sides_but_over_the_pixel_limit_is_refused() {
    use journeymap::export::{MAX_MEGAPIXELS, MAX_SIDE};
    // The first journey of six stages whose picture at 4x is over the limit in pixels,
    // though no side is.
    let (project, width, height) = (100..2_000)
        .step_by(20)
        .map(|cards| {
            let project = generated_project(6, cards);
            let size =
                JourneyLayout::of(&project, &project.journeys[0], MapOptions::default()).size * 4.0;
            (project, size.x.ceil() as u64, size.y.ceil() as u64)
        })
        .find(|&(_, w, h)| w * h > MAX_MEGAPIXELS * 1_000_000)
        .expect("a journey that tall exists");
    assert!(width <= u64::from(MAX_SIDE) && height <= u64::from(MAX_SIDE));
    let error = render(&project, 0, options(4), None)
        .err()
        .expect("too many pixels");
    assert!(
        matches!(error, ExportError::TooLarge { fits: Some(3), .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("64 million pixels"), "{error}");
}

#[test]
fn a_journey_of_many_stages_and_lanes_is_refused_without_a_cell_for_each_pair() {
    use journeymap::model::{Lane, LaneKind, Stage};
    // 20,000 stages by 20,000 lanes and one card: a cell per pair would take gigabytes.
    let mut project = generated_project(1, 1);
    let journey = &mut project.journeys[0];
    journey.stages = (0..20_000)
        .map(|i| Stage {
            id: format!("s{i}"),
            name: format!("Stage {i}"),
            ..Stage::default()
        })
        .collect();
    journey.lanes = (0..20_000)
        .map(|i| Lane {
            id: format!("l{i}"),
            kind: LaneKind::Touchpoints,
            title: String::new(),
        })
        .collect();
    journey.cards.truncate(1);
    let card = &mut journey.cards[0];
    (card.stage, card.lane) = ("s19999".to_owned(), "l19999".to_owned());
    let error = render(&project, 0, options(1), None)
        .err()
        .expect("far too large");
    assert!(
        matches!(error, ExportError::TooLarge { fits: None, .. }),
        "{error:?}"
    );
}

#[test]
fn a_png_whose_project_inflates_past_the_limit_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bomb.png");
    // 65 MiB of spaces compress to a few tens of kilobytes.
    let text = " ".repeat(65 * 1024 * 1024);
    let bytes = journeymap::file::encode_png(&[255, 255, 255, 255], 1, 1, Some(&text)).unwrap();
    assert!(bytes.len() < 1024 * 1024);
    std::fs::write(&path, bytes).unwrap();
    let message = read_project(&path).unwrap_err().to_string();
    assert!(
        message.contains("bomb.png") && message.contains("64 MiB"),
        "{message}"
    );
}

#[test]
fn a_png_without_a_project_is_refused_clearly() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("photo.png");
    std::fs::write(&path, photo_png()).unwrap();
    let message = read_project(&path).unwrap_err().to_string();
    assert!(
        message.contains("photo.png") && message.contains("holds no Journeymap project"),
        "{message}"
    );
}

#[test]
fn the_empathy_band_makes_the_picture_taller() {
    let project = template_project().unwrap();
    let plain = render(&project, 0, options(1), None).unwrap();
    let band = render(
        &project,
        0,
        ExportOptions {
            empathy: true,
            ..options(1)
        },
        None,
    )
    .unwrap();
    assert_eq!(
        band.height,
        plain.height + journeymap::theme::size::EMPATHY_BAND as u32
    );
    assert_eq!(band.width, plain.width);
}

#[test]
fn as_filtered_dims_the_cards_that_do_not_match() {
    let project = template_project().unwrap();
    let journey = &project.journeys[0];
    let filter = journeymap::model::Filter {
        kind: Some(journeymap::model::CardKind::PainPoint),
        ..Default::default()
    };
    let plain = render(&project, 0, options(1), None).unwrap();
    let filtered = render(&project, 0, options(1), Some(&filter)).unwrap();
    let layout = JourneyLayout::of(&project, journey, MapOptions::default());
    // Inside the card's right padding, where only its fill is.
    let fill = |i: usize| {
        let rect = layout.cards[i].rect;
        Pos2::new(rect.right() - 5.0, rect.center().y)
    };
    let pain = journey
        .cards
        .iter()
        .position(|c| c.kind == journeymap::model::CardKind::PainPoint)
        .unwrap();
    let touchpoint = journey
        .cards
        .iter()
        .position(|c| c.kind == journeymap::model::CardKind::Touchpoint)
        .unwrap();
    assert_eq!(
        pixel(&plain, fill(pain), 1),
        pixel(&filtered, fill(pain), 1),
        "a matching card is drawn as it is"
    );
    let canvas = Theme::light().canvas;
    let distance = |p: [u8; 4]| {
        (0..3)
            .map(|k| u32::from(p[k].abs_diff(canvas.to_array()[k])))
            .sum::<u32>()
    };
    assert!(
        distance(pixel(&filtered, fill(touchpoint), 1))
            < distance(pixel(&plain, fill(touchpoint), 1)),
        "a card that does not match fades toward the background"
    );
}

#[test]
fn each_emotion_point_sits_under_the_centre_of_its_card_in_map_order() {
    let project = template_project().unwrap();
    for journey in &project.journeys {
        let layout = JourneyLayout::of(&project, journey, MapOptions::default());
        let voices = voices(&project, journey);
        assert_eq!(
            layout.curves.len(),
            voices.len(),
            "a curve a committee member"
        );
        for (curve, voice) in layout.curves.iter().zip(&voices) {
            let scored = journey.cards.iter().filter(|c| voice.score(c).is_some());
            assert_eq!(curve.points.len(), scored.count(), "a point a card");
            for point in &curve.points {
                let card = layout.cards[point.card].rect;
                assert!(
                    (point.pos.x - card.center().x).abs() < 0.01,
                    "{} at x {} is not under its card {card:?}",
                    journey.cards[point.card].id,
                    point.pos.x
                );
                assert_eq!(Some(point.emotion), voice.score(&journey.cards[point.card]));
            }
            assert!(
                curve.points.windows(2).all(|w| w[0].pos.x <= w[1].pos.x),
                "left to right"
            );
        }
    }
    // The first card of a touchpoint cell and of the pain point cell below it share a
    // column, so their points share an x: the curve passes through their mean there.
    let journey = &project.journeys[0];
    let layout = JourneyLayout::of(&project, journey, MapOptions::default());
    let x_of = |id: &str| {
        let index = journey.cards.iter().position(|c| c.id == id).unwrap();
        layout.curves[0]
            .points
            .iter()
            .find(|p| p.card == index)
            .unwrap()
            .pos
            .x
    };
    assert_eq!(x_of("newsletter"), x_of("no-benchmark"));
}

#[test]
fn the_legend_lists_only_what_the_journey_uses_and_wraps_within_the_map() {
    use journeymap::model::{CardKind, LegendItems};
    use journeymap::theme::size::{LEGEND_ENTRY_WIDTH, LEGEND_ROW};
    let mut project = template_project().unwrap();
    // One stage with only touchpoints and pain points, owned by one department.
    let journey = &mut project.journeys[0];
    let first = journey.stages[0].id.clone();
    journey.stages.truncate(1);
    journey.cards.retain(|c| {
        c.stage == first && matches!(c.kind, CardKind::Touchpoint | CardKind::PainPoint)
    });
    // Owned by every department but the first, in turn.
    let owners: Vec<String> = project.departments[1..]
        .iter()
        .map(|d| d.id.clone())
        .collect();
    assert!(project.journeys[0].cards.len() >= owners.len());
    for (card, owner) in project.journeys[0]
        .cards
        .iter_mut()
        .zip(owners.iter().cycle())
    {
        card.owner = Some(owner.clone());
        card.moment_of_truth = false;
    }
    for card in &mut project.journeys[1].cards {
        card.owner = Some(project.departments[0].id.clone());
    }
    let journey = &project.journeys[0];
    let items = LegendItems::of(&project, journey);
    let owning: Vec<usize> = (1..project.departments.len()).collect();
    assert_eq!(
        items.departments, owning,
        "only the departments that own a card"
    );
    assert_eq!(items.kinds, vec![CardKind::Touchpoint, CardKind::PainPoint]);
    assert!(!items.moment_of_truth);
    assert_eq!(LegendItems::count(journey), items.len());

    let layout = JourneyLayout::of(&project, journey, MapOptions::default());
    assert!(layout.legend.left() >= 0.0 && layout.legend.right() <= layout.size.x);
    assert!(layout.legend.bottom() <= layout.size.y);
    assert!(layout.legend_columns as f32 * LEGEND_ENTRY_WIDTH <= layout.legend.width());
    let rows = items.len().div_ceil(layout.legend_columns);
    assert!(
        rows > 1,
        "a one-stage map wraps its legend of {} entries",
        items.len()
    );
    assert!(layout.legend.height() >= rows as f32 * LEGEND_ROW);
    // The picture is drawn whole (its legend with it).
    assert!(render(&project, 0, options(1), None).is_ok());
}

#[test]
fn a_link_between_cards_close_above_each_other_is_a_bracket_not_a_stub() {
    use egui::{Rect, pos2, vec2};
    use journeymap::layout::link_curve;
    let a = Rect::from_min_size(pos2(100.0, 100.0), vec2(200.0, 90.0));
    let b = Rect::from_min_size(pos2(100.0, 210.0), vec2(200.0, 90.0));
    let [start, out, back, end] = link_curve(a, b, 1.0);
    assert_eq!((start, end), (a.right_center(), b.right_center()));
    assert!(
        out.x > a.right() && back.x > b.right(),
        "the bracket reaches out beside the cards"
    );
    assert!(
        (end - start).length() > 5.0 * (b.top() - a.bottom()),
        "it spans the cards, not only the 20-point gap between them"
    );
    // Cards far apart in one column still join bottom to top, and cards side by side
    // by their facing sides.
    let far = b.translate(vec2(0.0, 400.0));
    let [start, _, _, end] = link_curve(a, far, 1.0);
    assert_eq!((start, end), (a.center_bottom(), far.center_top()));
    let beside = a.translate(vec2(300.0, 0.0));
    let [start, _, _, end] = link_curve(a, beside, 1.0);
    assert_eq!((start, end), (a.right_center(), beside.left_center()));
}
