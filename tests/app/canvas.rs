//! The map itself: dragging cards, headers and emotion points, adding by double-click,
//! deleting, the context menu, zoom, links drawn by Alt+drag and the empathy band.

use egui::{Event, Key, Modifiers, pos2, vec2};
use egui_kittest::kittest::Queryable;

use crate::harness::{
    NEWSLETTER, Setup, card, cell, cell_point, double_click, drag, journey, rect_of, redo, setup,
    undo,
};

#[test]
fn drag_a_touchpoint_to_the_third_stage_then_undo_and_redo() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    assert_eq!(card(&before, "newsletter").stage, "problem");
    let from = rect_of(&harness, NEWSLETTER).center();
    let to = cell_point(&harness, "Requirements building", "Touchpoints");
    drag(&mut harness, from, to);

    let moved = journey(&harness);
    assert_eq!(card(&moved, "newsletter").stage, "requirements");
    assert_eq!(card(&moved, "newsletter").lane, "touch");
    assert_eq!(
        cell(&moved, "requirements", "touch").last().unwrap(),
        "newsletter"
    );
    assert!(
        harness.state().title().contains('*'),
        "the title shows unsaved changes"
    );

    undo(&mut harness);
    assert_eq!(journey(&harness), before, "one drag is one undo step");
    redo(&mut harness);
    assert_eq!(journey(&harness), moved);
}

#[test]
fn drag_a_pain_point_to_another_lane() {
    let Setup { mut harness, .. } = setup();
    let from = rect_of(&harness, "Pain point: Asked for a call; nobody called").center();
    let to = cell_point(&harness, "Solution exploration", "Opportunities");
    drag(&mut harness, from, to);
    let after = journey(&harness);
    let silence = card(&after, "silence");
    assert_eq!(
        (silence.stage.as_str(), silence.lane.as_str()),
        ("explore", "opps")
    );
    assert_eq!(
        silence.kind,
        journeymap::model::CardKind::Opportunity,
        "a card takes the kind of the lane it lands in"
    );
    assert_eq!(silence.severity, None, "only a pain point has a severity");
    assert!(
        harness
            .state()
            .status()
            .contains(
                "is now an opportunity and has no severity (critical was a pain point's), like every card in Opportunities"
            ),
        "{}",
        harness.state().status()
    );
    undo(&mut harness);
    let back = journey(&harness);
    let silence = card(&back, "silence");
    assert_eq!(
        (silence.lane.as_str(), silence.kind),
        ("pain", journeymap::model::CardKind::PainPoint),
        "one undo step puts back both the place and the kind"
    );
}

#[test]
fn reorder_cards_inside_a_cell() {
    let Setup { mut harness, .. } = setup();
    assert_eq!(
        cell(&journey(&harness), "problem", "touch"),
        ["newsletter", "webinar"]
    );
    let webinar = rect_of(&harness, "Touchpoint: Webinar with a peer risk manager").center();
    let newsletter = rect_of(&harness, NEWSLETTER);
    drag(
        &mut harness,
        webinar,
        pos2(newsletter.left() + 4.0, newsletter.center().y),
    );
    assert_eq!(
        cell(&journey(&harness), "problem", "touch"),
        ["webinar", "newsletter"]
    );
}

/// The accessible name of a committee member's point on the card "No way to tell how her
/// risk practice compares to peers".
fn benchmark_point(name: &str) -> String {
    format!("Emotion of {name} at No way to tell how her risk practice compares to peers")
}

/// Shows or hides a committee member's curve from the View menu.
fn toggle_curve(
    harness: &mut egui_kittest::Harness<'_, journeymap::app::JourneymapApp>,
    label: &str,
) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Emotion curves").click();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    // Closed by clicking the menu's name again.
    if harness.query_by_label("Emotion curves").is_some() {
        harness.get_by_label("View").click();
        harness.run();
    }
}

#[test]
fn hide_a_curve_then_drag_the_cfo_s_point_and_undo() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    let benchmark = card(&before, "no-benchmark");
    assert_eq!(
        (benchmark.emotion, benchmark.emotions.get("cfo")),
        (Some(-1), Some(&-1))
    );
    // Dana's point lies over the CFO's there: her curve hidden, his can be taken.
    let dana = benchmark_point("Dana Whitfield");
    assert!(harness.query_by_label_contains(&dana).is_some());
    toggle_curve(&mut harness, "Curve of Dana Whitfield (champion)");
    assert!(
        harness.query_by_label_contains(&dana).is_none(),
        "a hidden curve has no points"
    );
    assert!(
        !harness.state().document().is_dirty(),
        "hiding a curve changes no data"
    );

    let point = harness
        .get_by_label(&format!("{}: −1", benchmark_point("Martin Okafor")))
        .rect()
        .center();
    drag(&mut harness, point, point - vec2(0.0, 300.0));
    let after = card(&journey(&harness), "no-benchmark").clone();
    assert_eq!(
        after.emotions.get("cfo"),
        Some(&2),
        "dragged to the top: +2"
    );
    assert_eq!(after.emotion, Some(-1), "Dana's score stays");
    assert!(
        harness
            .query_by_label(&format!("{}: +2", benchmark_point("Martin Okafor")))
            .is_some(),
        "the point says its new score"
    );
    undo(&mut harness);
    assert_eq!(journey(&harness), before, "one undo step");

    toggle_curve(&mut harness, "Curve of Dana Whitfield (champion)");
    assert!(
        harness.query_by_label_contains(&dana).is_some(),
        "shown again"
    );
}

#[test]
fn every_committee_member_s_point_is_named_for_a_screen_reader() {
    let Setup { harness, .. } = setup();
    for (name, score) in [
        ("Dana Whitfield", "−1"),
        ("Martin Okafor", "−1"),
        ("Lars Henriksen", "0"),
        ("Sofia Marin", "0"),
    ] {
        let label = format!("{}: {score}", benchmark_point(name));
        assert!(harness.query_by_label(&label).is_some(), "{label}");
    }
}

#[test]
fn the_emotion_lane_refuses_a_card() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    let from = rect_of(&harness, NEWSLETTER).center();
    let to = cell_point(&harness, "Solution exploration", "Emotion");
    drag(&mut harness, from, to);
    assert_eq!(journey(&harness), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn drag_an_emotion_point_up() {
    let Setup { mut harness, .. } = setup();
    assert_eq!(card(&journey(&harness), "newsletter").emotion, Some(0));
    let point = harness
        .get_by_label_contains("Emotion of Dana Whitfield at Industry newsletter")
        .rect()
        .center();
    drag(&mut harness, point, point - vec2(0.0, 300.0));
    assert_eq!(
        card(&journey(&harness), "newsletter").emotion,
        Some(2),
        "dragged to the top: +2"
    );
    undo(&mut harness);
    assert_eq!(card(&journey(&harness), "newsletter").emotion, Some(0));
}

#[test]
fn reorder_stages_by_dragging_a_header() {
    let Setup { mut harness, .. } = setup();
    let first = rect_of(&harness, "Stage: Problem identification");
    let second = rect_of(&harness, "Stage: Solution exploration");
    drag(
        &mut harness,
        first.center(),
        pos2(second.right() - 10.0, second.center().y),
    );
    let order: Vec<String> = journey(&harness)
        .stages
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(&order[..3], ["explore", "problem", "requirements"]);
    undo(&mut harness);
    assert_eq!(journey(&harness).stages[0].id, "problem");
}

#[test]
fn reorder_lanes_by_dragging_a_title() {
    let Setup { mut harness, .. } = setup();
    let pain = rect_of(&harness, "Lane: Pain points");
    let touch = rect_of(&harness, "Lane: Touchpoints");
    drag(
        &mut harness,
        pain.center(),
        pos2(touch.center().x, touch.top() + 4.0),
    );
    let order: Vec<String> = journey(&harness)
        .lanes
        .iter()
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(&order[..2], ["pain", "touch"]);
}

#[test]
fn double_click_an_empty_spot_adds_a_card_and_typing_titles_it() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    assert!(cell(&before, "selection", "opps").is_empty());
    let at = cell_point(&harness, "Supplier selection", "Opportunities");
    double_click(&mut harness, at);

    let added = journey(&harness);
    let new: Vec<String> = cell(&added, "selection", "opps");
    assert_eq!(new.len(), 1, "one card added to the empty cell");
    assert_eq!(
        card(&added, &new[0]).kind,
        journeymap::model::CardKind::Opportunity
    );
    assert!(
        harness.get_by_label("Title").is_focused(),
        "the title is ready for typing"
    );

    harness
        .get_by_label("Title")
        .type_text("Reference customers by industry");
    harness.run();
    assert_eq!(
        card(&journey(&harness), &new[0]).title,
        "Reference customers by industry"
    );
    assert!(
        harness
            .query_by_label("Opportunity: Reference customers by industry")
            .is_some()
    );

    // Escape leaves the field (inside it, Ctrl+Z is the field's own undo).
    harness.key_press(Key::Escape);
    harness.run();
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), &new[0]).title,
        "New opportunity",
        "typing is one step"
    );
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}

#[test]
fn delete_a_card_and_undo() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let after = journey(&harness);
    assert!(after.cards.iter().all(|c| c.id != "silence"));
    assert!(
        after
            .cards
            .iter()
            .all(|c| !c.links.contains(&"silence".to_owned())),
        "links to a deleted card go with it"
    );
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}

#[test]
fn deleting_a_stage_with_cards_asks_first_and_undo_brings_it_back() {
    let Setup { mut harness, .. } = setup();
    let before = journey(&harness);
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Delete the stage “Purchase” and the 4 cards")
            .is_some()
    );
    assert_eq!(
        journey(&harness),
        before,
        "nothing is deleted before the answer"
    );
    harness.get_by_label("Delete").click();
    harness.run();
    let after = journey(&harness);
    assert!(after.stages.iter().all(|s| s.id != "purchase"));
    assert!(after.cards.iter().all(|c| c.stage != "purchase"));
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}

#[test]
fn the_context_menu_duplicates_a_card() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label(NEWSLETTER).click_secondary();
    harness.run();
    harness.get_by_label("Duplicate").click();
    harness.run();
    let after = journey(&harness);
    let cell = cell(&after, "problem", "touch");
    assert_eq!(cell.len(), 3);
    assert_eq!(
        card(&after, &cell[1]).title,
        card(&after, "newsletter").title,
        "the copy follows the original"
    );
    assert_ne!(cell[1], "newsletter", "the copy has an id of its own");
}

#[test]
fn zoom_keys_change_the_zoom_and_fit_shows_the_whole_map() {
    let Setup { mut harness, .. } = setup();
    let start = harness.state().view().zoom;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!((harness.state().view().zoom - start * 1.25).abs() < 1e-4);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    let fitted = harness.state().view().zoom;
    assert!(
        fitted < start,
        "the whole template is wider than the window"
    );
    // Every stage header is on screen once fitted.
    for stage in journey(&harness).stages {
        let header = rect_of(&harness, &format!("Stage: {}", stage.name));
        assert!(header.width() > 10.0, "{} is in view", stage.name);
    }
}

#[test]
fn alt_drag_links_two_cards_and_the_inspector_unlinks_them() {
    let Setup { mut harness, .. } = setup();
    assert!(card(&journey(&harness), "no-benchmark").links.is_empty());
    let from = rect_of(
        &harness,
        "Pain point: No way to tell how her risk practice compares to peers",
    )
    .center();
    let to = rect_of(&harness, NEWSLETTER).center();
    harness.event(Event::ModifiersChanged(Modifiers::ALT));
    drag(&mut harness, from, to);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let after = journey(&harness);
    assert_eq!(card(&after, "no-benchmark").links, ["newsletter"]);
    assert_eq!(
        card(&after, "no-benchmark").stage,
        "problem",
        "an Alt+drag does not move the card"
    );

    // The linked card is listed in the inspector, with a button to remove the link.
    harness
        .get_by_label_contains("Remove the link to Industry newsletter")
        .click();
    harness.run();
    assert!(card(&journey(&harness), "no-benchmark").links.is_empty());
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "no-benchmark").links,
        ["newsletter"]
    );
}

#[test]
fn the_empathy_band_shows_under_the_stage_headers() {
    let Setup { mut harness, .. } = setup();
    let before = rect_of(&harness, "Lane: Touchpoints");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Empathy map band").click();
    harness.run();
    let after = rect_of(&harness, "Lane: Touchpoints");
    let zoom = harness.state().view().zoom;
    let band = journeymap::theme::size::EMPATHY_BAND * zoom;
    assert!(
        (after.top() - before.top() - band).abs() < 1.0,
        "the lanes moved down by the band"
    );
    assert!(harness.state().settings().map.empathy, "the choice is kept");
}

#[test]
fn pointing_anywhere_on_a_conversion_pill_tells_its_exit_criteria() {
    let Setup { mut harness, .. } = setup();
    let pill = harness
        .get_by_label("Conversion from Problem identification to Solution exploration: 60 %")
        .rect();
    // The pill's upper half lies over the stage header; the header's goal must not win.
    for at in [
        pos2(pill.center().x, pill.top() + 2.0),
        pos2(pill.center().x, pill.bottom() - 2.0),
    ] {
        harness.hover_at(pos2(at.x, at.y - 40.0));
        harness.run();
        harness.hover_at(at);
        // Tooltips wait a moment before they show.
        harness.run_steps(40);
        assert!(
            harness
                .query_by_label_contains("Moves on when: Dana has a mandate")
                .is_some(),
            "the exit criteria at {at:?}"
        );
    }
}

/// On a busy machine the press and the first long move arrive in one frame: the card
/// pressed is still the card dragged, not the neighbour under the pointer by then.
#[test]
fn the_card_pressed_is_the_card_dragged_when_press_and_move_share_a_frame() {
    let Setup { mut harness, .. } = setup();
    let webinar = "Touchpoint: Webinar with a peer risk manager";
    let from = rect_of(&harness, NEWSLETTER).center();
    let neighbour = rect_of(&harness, webinar).center();
    assert!(
        (neighbour - from).length() < 300.0,
        "the two touchpoints sit side by side"
    );
    let step = (neighbour - from).normalized() * 80.0;
    assert!(
        !rect_of(&harness, NEWSLETTER).contains(from + step)
            && rect_of(&harness, webinar).contains(from + step),
        "80 px on, the pointer is over the neighbour"
    );
    harness.hover_at(from);
    harness.step();
    // Straight into the next frame's input: `Harness::event` would give each its own frame.
    let events = &mut harness.input_mut().events;
    events.push(Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    events.push(Event::PointerMoved(from + step));
    harness.step();
    let to = cell_point(&harness, "Requirements building", "Touchpoints");
    for i in 1..=4 {
        harness.hover_at(from + step + (to - from - step) * (i as f32 / 4.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run();

    let after = journey(&harness);
    assert_eq!(card(&after, "newsletter").stage, "requirements");
    assert_eq!(
        card(&after, "webinar").stage,
        "problem",
        "the neighbour stays"
    );
}

/// What the last frame wrote, as shown (a cut text ends in "…"), with its size in points.
fn texts_on_screen(
    harness: &egui_kittest::Harness<'_, journeymap::app::JourneymapApp>,
) -> Vec<(String, f32)> {
    fn collect(shape: &egui::Shape, found: &mut Vec<(String, f32)>) {
        match shape {
            egui::Shape::Text(text) => {
                let shown: Vec<String> = text.galley.rows.iter().map(|r| r.row.text()).collect();
                let size = text
                    .galley
                    .job
                    .sections
                    .first()
                    .map_or(0.0, |s| s.format.font_id.size);
                found.push((shown.join(" "), size));
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut found);
    }
    found
}

#[test]
fn fitted_in_a_laptop_window_the_map_still_shows_its_words() {
    let Setup { mut harness, .. } = setup();
    harness.set_size(vec2(1440.0, 900.0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    let zoom = harness.state().view().zoom;
    assert!(
        zoom < journeymap::theme::size::DETAIL_ZOOM,
        "fitted, the cards are blocks ({zoom})"
    );
    let texts = texts_on_screen(&harness);
    let readable = journeymap::theme::size::READABLE_TEXT;
    let shown = |wanted: &dyn Fn(&str) -> bool| {
        texts
            .iter()
            .any(|(text, size)| *size >= readable && wanted(text))
    };
    let journey = journey(&harness);
    for stage in &journey.stages {
        assert!(
            shown(&|t| t == stage.name),
            "the stage name {:?} is shown whole at a readable size",
            stage.name
        );
    }
    for card in &journey.cards {
        let start: String = card.title.chars().take(6).collect();
        assert!(
            shown(&|t| t.starts_with(&start)),
            "the title {:?} is shown at a readable size",
            card.title
        );
    }
}

fn selected_card(
    harness: &egui_kittest::Harness<'_, journeymap::app::JourneymapApp>,
) -> Option<String> {
    match harness.state().selection() {
        journeymap::app::Selection::Card(id) => Some(id.clone()),
        _ => None,
    }
}

#[test]
fn arrow_keys_walk_the_map_enter_edits_the_title_and_escape_lets_go() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        selected_card(&harness).as_deref(),
        Some("webinar"),
        "the card beside it"
    );
    harness.key_press(Key::ArrowRight);
    harness.run();
    let next = selected_card(&harness).unwrap();
    assert_eq!(
        card(&journey(&harness), &next).stage,
        "explore",
        "then the next stage"
    );
    harness.key_press(Key::ArrowLeft);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(selected_card(&harness).as_deref(), Some("newsletter"));
    harness.key_press(Key::ArrowDown);
    harness.run();
    let below = selected_card(&harness).unwrap();
    let below = card(&journey(&harness), &below).clone();
    assert_eq!(
        (below.stage.as_str(), below.lane.as_str()),
        ("problem", "pain")
    );

    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness.get_by_label("Title").is_focused(),
        "Enter puts the cursor in the card's title"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        selected_card(&harness).is_some(),
        "the first Escape leaves the field"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        selected_card(&harness),
        None,
        "the next clears the selection"
    );
}

#[test]
fn a_card_selected_out_of_view_glides_fully_into_the_visible_map() {
    let Setup { mut harness, .. } = setup();
    harness.set_size(vec2(1100.0, 700.0));
    harness.run();
    let canvas = harness.state().view().canvas;
    let renewal: Vec<_> = journey(&harness)
        .cards
        .into_iter()
        .filter(|c| c.stage == "renewal")
        .collect();
    assert!(
        renewal.iter().all(|c| harness
            .query_by_label(&c.accessible_label())
            .is_none_or(|card| !canvas.contains_rect(card.rect()))),
        "the last stage starts out of view"
    );
    // Walked to with the keyboard, card by card: the map follows each one.
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    for _ in 0..40 {
        harness.key_press(Key::ArrowRight);
        harness.run();
        let id = selected_card(&harness).unwrap();
        let selected = card(&journey(&harness), &id).clone();
        let shown = rect_of(&harness, &selected.accessible_label());
        assert!(
            canvas.contains_rect(shown),
            "{:?} at {shown:?} lies inside {canvas:?}",
            selected.title
        );
        if selected.stage == "renewal" {
            return;
        }
    }
    panic!("the keyboard never reached the last stage");
}
