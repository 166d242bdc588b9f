//! Reviewing a map: the outline, the health check, comments, review mode, search, and
//! exporting the map as filtered.

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use crate::harness::{
    NEWSLETTER, Setup, card, cell_point, click_in_view, drag, journey, rect_of, setup, type_into,
    undo,
};
use crate::pixels::read_pixels;

#[test]
fn the_outline_sorts_edits_in_place_and_selects_on_the_map() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    harness.get_by_label("Sort by title").click();
    harness.run();
    // The rows on screen, top to bottom, are in title order.
    let mut rows: Vec<(f32, String)> = harness
        .get_all_by_label_contains("Outline title: ")
        .map(|node| (node.rect().top(), node.value().unwrap_or_default()))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let titles: Vec<String> = rows
        .into_iter()
        .map(|(_, title)| title.to_lowercase())
        .collect();
    assert!(titles.len() >= 3, "some rows are visible: {titles:?}");
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    assert_eq!(
        titles[0],
        "a 200-question security questionnaire, answered by hand"
    );

    // Edit a title in place: one undo step.
    type_into(
        &mut harness,
        "Outline title: A 200-question security questionnaire, answered by hand",
        "Security questionnaire by hand",
    );
    assert_eq!(
        card(&journey(&harness), "questionnaire").title,
        "Security questionnaire by hand"
    );
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "questionnaire").title,
        "A 200-question security questionnaire, answered by hand"
    );

    harness
        .get_by_label("Select A 200-question security questionnaire, answered by hand")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        &journeymap::app::Selection::Card("questionnaire".to_owned())
    );
}

#[test]
fn a_health_finding_selects_its_card_and_fixing_it_removes_it() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run();
    let finding = "unowned — “Asked for a call; nobody called”";
    harness.get_by_label_contains(finding).click();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        &journeymap::app::Selection::Card("silence".to_owned())
    );

    // Give the pain point an owner: the finding goes away.
    harness.get_by_label("Owner").click();
    harness.run();
    harness.get_by_label("Sales").click();
    harness.run();
    assert_eq!(
        card(&journey(&harness), "silence").owner.as_deref(),
        Some("sales")
    );
    assert!(harness.query_by_label_contains(finding).is_none());
    undo(&mut harness);
    assert!(
        harness.query_by_label_contains(finding).is_some(),
        "undo brings the finding back"
    );
}

#[test]
fn add_resolve_and_reopen_a_comment() {
    let Setup { mut harness, .. } = setup();
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    type_into(
        &mut harness,
        "Your name, on the comments you add",
        "Priya (Marketing)",
    );
    type_into(&mut harness, "New comment", "Routing fix ships in March");
    harness.get_by_label("Add comment").scroll_to_me();
    harness.run();
    harness.get_by_label("Add comment").click();
    harness.run();
    let comments = card(&journey(&harness), "silence").comments.clone();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].author, "Priya (Marketing)");
    assert_eq!(comments[0].text, "Routing fix ships in March");
    assert!(!comments[0].resolved);
    assert_eq!(
        comments[0].at.len(),
        "2026-11-25T10:12:00Z".len(),
        "an RFC 3339 time"
    );
    assert!(
        harness
            .query_by_label("Pain point: Asked for a call; nobody called")
            .is_some()
    );

    assert!(
        harness
            .query_by_label_contains("Priya (Marketing) · today ")
            .is_some(),
        "the time is said as people say it"
    );
    // A reply starts with whom it answers, the cursor after it.
    harness.get_by_label("Reply to comment 1").click();
    harness.run();
    harness
        .input_mut()
        .events
        .push(egui::Event::Text("agreed".to_owned()));
    harness.run();
    // The inspector has grown past the window: scrolled to, as a person would.
    harness.get_by_label("Add comment").scroll_to_me();
    harness.run();
    harness.get_by_label("Add comment").click();
    harness.run();
    let comments = card(&journey(&harness), "silence").comments.clone();
    assert_eq!(comments[1].text, "@Priya (Marketing): agreed");

    harness.get_by_label("Resolve comment 1").click();
    harness.run();
    assert!(card(&journey(&harness), "silence").comments[0].resolved);
    harness.get_by_label("Reopen comment 1").click();
    harness.run();
    assert!(!card(&journey(&harness), "silence").comments[0].resolved);
    undo(&mut harness);
    assert!(
        card(&journey(&harness), "silence").comments[0].resolved,
        "undo takes back the reopening"
    );
}

#[test]
fn comment_times_are_said_in_the_reader_s_time_zone() {
    use journeymap::app::when;
    let zone = jiff::tz::TimeZone::fixed(jiff::tz::offset(2));
    let now = "2026-11-25T16:00:00Z"
        .parse::<jiff::Timestamp>()
        .unwrap()
        .to_zoned(zone);
    assert_eq!(when("2026-11-25T12:03:00Z", now.clone()), "today 14:03");
    assert_eq!(when("2026-11-24T07:12:00Z", now.clone()), "yesterday 09:12");
    // 23:30 UTC on the 24th is already the 25th two hours east.
    assert_eq!(when("2026-11-24T23:30:00Z", now.clone()), "today 01:30");
    assert_eq!(when("2026-03-05T10:00:00Z", now.clone()), "5 Mar");
    assert_eq!(when("2025-11-25T10:00:00Z", now.clone()), "25 Nov 2025");
    assert_eq!(when("last Tuesday", now), "last Tuesday", "kept as written");
}

#[test]
fn comment_times_are_rfc_3339() {
    assert_eq!(journeymap::app::rfc3339(0), "1970-01-01T00:00:00Z");
    assert_eq!(
        journeymap::app::rfc3339(1_795_602_720),
        "2026-11-25T10:32:00Z"
    );
    assert_eq!(
        journeymap::app::rfc3339(951_782_400),
        "2000-02-29T00:00:00Z"
    );
}

#[test]
fn review_mode_refuses_a_drag_but_takes_a_comment() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::R);
    harness.run();
    assert!(harness.state().in_review());
    let before = journey(&harness);
    let from = rect_of(&harness, NEWSLETTER).center();
    let to = cell_point(&harness, "Requirements building", "Touchpoints");
    drag(&mut harness, from, to);
    assert_eq!(
        card(&journey(&harness), "newsletter").stage,
        "problem",
        "the card stays"
    );
    assert_eq!(journey(&harness).cards, before.cards);

    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    type_into(
        &mut harness,
        "New comment",
        "Is this newsletter still sent?",
    );
    click_in_view(&mut harness, "Add comment");
    assert_eq!(card(&journey(&harness), "newsletter").comments.len(), 1);
}

#[test]
fn search_dims_the_cards_that_do_not_match() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(
        harness.get_by_label("Search").is_focused(),
        "Ctrl+F puts the cursor in the search"
    );
    harness.get_by_label("Search").type_text("call");
    harness.run();
    let cards = journey(&harness).cards;
    let matching: Vec<&str> = cards
        .iter()
        .filter(|c| {
            let q = "call";
            c.title.to_lowercase().contains(q)
                || c.notes.to_lowercase().contains(q)
                || c.comments.iter().any(|m| m.text.to_lowercase().contains(q))
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(matching.contains(&"silence") && matching.contains(&"kickoff"));
    let count = format!("{} of {} cards match", matching.len(), cards.len());
    assert!(harness.query_by_label(&count).is_some(), "{count}");
    let dimmed = harness.state_mut().dimmed_cards();
    assert!(dimmed.contains(&"newsletter".to_owned()));
    assert!(!dimmed.contains(&"silence".to_owned()));
    assert_eq!(dimmed.len(), cards.len() - matching.len());

    // A filter narrows it further: only pain points.
    harness.get_by_label("Kind").click();
    harness.run();
    harness
        .get_all_by_label("Pain point")
        .last()
        .unwrap()
        .click();
    harness.run();
    let dimmed = harness.state_mut().dimmed_cards();
    assert!(
        dimmed.contains(&"kickoff".to_owned()),
        "a touchpoint is dimmed now"
    );
    assert!(!dimmed.contains(&"silence".to_owned()));

    harness.get_by_label("Close search").click();
    harness.run();
    assert!(harness.state_mut().dimmed_cards().is_empty());
}

#[test]
fn export_as_filtered_from_the_dialog_dims_what_the_search_leaves_out() {
    let Setup {
        mut harness,
        folder,
    } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(
        harness
            .get_by_label("As filtered")
            .accesskit_node()
            .is_disabled(),
        "nothing is filtered yet"
    );
    harness.get_by_label("Cancel").click();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("call");
    harness.run();
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("As filtered").click();
    harness.get_by_label("1×").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.state().settings().export_filtered, "remembered");

    let written = folder.path().join("as-is.png");
    let rgba = read_pixels(&written);
    let project = harness.state().document().project().clone();
    let filter = journeymap::model::Filter {
        query: "call".to_owned(),
        ..Default::default()
    };
    let options = harness.state().settings().export;
    let expected = journeymap::export::render(&project, 0, options, Some(&filter)).unwrap();
    assert_eq!(rgba, expected.rgba, "the picture is the filtered one");
    let unfiltered = journeymap::export::render(&project, 0, options, None).unwrap();
    assert_ne!(rgba, unfiltered.rgba);
}

#[test]
fn review_mode_shows_a_badge_that_also_leaves_it() {
    let Setup { mut harness, .. } = setup();
    assert!(harness.query_by_label_contains("Review mode").is_none());
    harness.get_by_label("View").click();
    harness.run();
    // The menu entry shows its shortcut.
    harness.get_by_label("Review mode Ctrl+R").click();
    harness.run();
    assert!(harness.state().in_review());
    harness
        .get_by_label("👁 Review mode: the map is read-only")
        .click();
    harness.run();
    assert!(!harness.state().in_review());
}

#[test]
fn the_outline_has_a_column_per_committee_member_and_search_filters_by_who_scored() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    for name in [
        "Dana Whitfield",
        "Martin Okafor",
        "Lars Henriksen",
        "Sofia Marin",
    ] {
        let sort = format!("Sort by emotion of {}", name.to_lowercase());
        assert!(harness.query_by_label(&sort).is_some(), "{sort}");
    }
    // Lars (IT security) scores the questionnaire (the first row by title) in place.
    harness.get_by_label("Sort by title").click();
    harness.run();
    let questionnaire = "A 200-question security questionnaire, answered by hand";
    let combo = format!("Emotion of Lars Henriksen of {questionnaire}");
    harness.get_by_label(&combo).scroll_to_me();
    harness.run();
    harness.get_by_label(&combo).click();
    harness.run();
    harness.get_all_by_label("+1").last().unwrap().click();
    harness.run();
    let scored = card(&journey(&harness), "questionnaire").clone();
    assert_eq!(scored.emotions.get("it-security"), Some(&1));
    assert_eq!(scored.emotion, Some(-1), "Dana's stays");
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "questionnaire")
            .emotions
            .get("it-security"),
        Some(&-2)
    );

    // Search: only the cards Sofia (procurement) gave a score.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Scored by").click();
    harness.run();
    harness
        .get_all_by_label("Sofia Marin")
        .last()
        .unwrap()
        .click();
    harness.run();
    let cards = journey(&harness).cards;
    let hers = cards
        .iter()
        .filter(|c| c.emotions.contains_key("procurement"))
        .count();
    assert!(hers > 3);
    let count = format!("{hers} of {} cards match", cards.len());
    assert!(harness.query_by_label(&count).is_some(), "{count}");
    let dimmed = harness.state_mut().dimmed_cards();
    assert!(
        dimmed.contains(&"newsletter".to_owned()),
        "she did not score it"
    );
    assert!(!dimmed.contains(&"quote".to_owned()));
}
