//! A card shows its whole title and its "If it fails" text: the layout measures them and
//! makes the card tall enough, at every zoom the map is drawn at.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Pos2, Rect};
use journeymap::file::template_project;
use journeymap::layout::{JourneyLayout, SHOWN_CHARS};
use journeymap::model::Card;
use journeymap::paint::{CardFace, CardState, paint_card};
use journeymap::theme::{Theme, size};

/// Paints `card` as `layout` placed card `index`, at `zoom` and `pixels_per_point`, and
/// says whether its text was shown whole.
fn shown_whole(card: &Card, layout: &JourneyLayout, index: usize, zoom: f32, ppp: f32) -> bool {
    let ctx = egui::Context::default();
    let mut input = egui::RawInput::default();
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(ppp);
    let placed = &layout.cards[index];
    let mut whole = false;
    // The fonts exist from the first pass on: the second is the one measured.
    for _ in 0..2 {
        let mut output = ctx.run_ui(input.clone(), |ui| {
            let face = CardFace {
                rect: Rect::from_min_size(Pos2::new(10.0, 10.0), placed.rect.size() * zoom),
                zoom,
                rows: placed.rows,
            };
            whole = paint_card(
                ui.painter(),
                card,
                None,
                face,
                &Theme::light(),
                CardState::default(),
            );
        });
        output.textures_delta.clear();
    }
    whole
}

/// Up to `chars` characters of the template's own sentences, run together.
fn sentences(from: usize, chars: usize) -> String {
    let project = template_project().unwrap();
    let cards = &project.journeys[0].cards;
    let words: String = (0..cards.len())
        .map(|i| cards[(from + i) % cards.len()].title.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    words
        .chars()
        .take(chars)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

#[test]
fn long_titles_and_failure_paths_are_shown_whole_at_every_zoom() {
    let mut project = template_project().unwrap();
    let journey = &mut project.journeys[0];
    let count = journey.cards.len().min(8);
    for (i, card) in journey.cards.iter_mut().take(count).enumerate() {
        card.title = sentences(i, 120 + 10 * i);
        card.if_it_fails = sentences(i + 3, 80 + 15 * i);
    }
    let layout = JourneyLayout::new(journey);
    for i in 0..count {
        let card = &journey.cards[i];
        assert!(
            layout.cards[i].rect.height() > size::CARD_HEIGHT,
            "card {i} grew"
        );
        for zoom in [0.5, 0.75, 1.0, 1.3, 1.6, 2.0] {
            for ppp in [1.0, 2.0] {
                assert!(
                    shown_whole(card, &layout, i, zoom, ppp),
                    "card {i} at zoom {zoom}, {ppp} px a point: {:?} / {:?}",
                    card.title,
                    card.if_it_fails
                );
            }
        }
    }
}

#[test]
fn a_short_title_keeps_the_least_height_and_a_title_past_the_limit_ends_in_an_ellipsis() {
    let mut project = template_project().unwrap();
    let journey = &mut project.journeys[0];
    journey.cards[0].title = "Demo".to_owned();
    journey.cards[0].if_it_fails.clear();
    journey.cards[1].title = "word ".repeat(SHOWN_CHARS);
    let layout = JourneyLayout::new(journey);
    assert_eq!(layout.cards[0].rect.height(), size::CARD_HEIGHT);
    assert!(shown_whole(&journey.cards[0], &layout, 0, 1.0, 1.0));
    assert!(!shown_whole(&journey.cards[1], &layout, 1, 1.0, 1.0));
}

#[test]
fn a_row_is_as_tall_as_its_tallest_card_in_any_stage() {
    let mut project = template_project().unwrap();
    let journey = &mut project.journeys[0];
    journey.cards[0].title = sentences(0, 190);
    let layout = JourneyLayout::new(journey);
    let tall = &layout.cards[0];
    let lane = &layout.lanes[tall.lane];
    let row = lane.rows[tall.slot / layout.stages[tall.stage].columns];
    assert_eq!(row.max, tall.rect.bottom());
    for placed in layout.cards.iter().filter(|c| c.lane == tall.lane) {
        assert!(
            placed.rect.top() >= lane.y.min && placed.rect.bottom() <= lane.y.max,
            "every card of the lane lies within it"
        );
    }
    // The next lane starts below the tall card.
    let next = &layout.lanes[tall.lane + 1];
    assert!(next.y.min > tall.rect.bottom());
}

#[test]
fn the_persona_card_grows_to_show_its_role_and_goals_whole() {
    let mut project = template_project().unwrap();
    let persona = &mut project.personas[0];
    persona.role = sentences(1, 150);
    persona.goals = (0..4).map(|i| sentences(i, 90)).collect();
    let lines = journeymap::layout::persona_lines(persona, "", true);
    assert!(
        lines
            .iter()
            .any(|l| l.text == persona.role && l.rows == usize::MAX)
    );
    for goal in &persona.goals {
        assert!(
            lines
                .iter()
                .any(|l| l.text.ends_with(goal.as_str()) && l.rows == usize::MAX)
        );
    }
    let journey = &project.journeys[0];
    let measured = JourneyLayout::of(&project, journey, journeymap::layout::MapOptions::default());
    let least = JourneyLayout::new(journey);
    let card = measured.personas[0];
    assert!(card.height() > least.personas[0].height(), "the card grew");
    assert!(
        measured.header.top() > card.bottom(),
        "and the map moved down under it"
    );
}
