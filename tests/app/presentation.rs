//! Presentation mode: the slides, stepping through them, and leaving with Esc.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::harness::{
    NEWSLETTER, Setup, environment, journey, key_in_one_frame, open_app, setup, viewport_commands,
};

#[test]
fn presentation_mode_steps_through_stages_and_leaves_with_esc() {
    use journeymap::app::Slide;
    let Setup { mut harness, .. } = setup();
    let stages = journey(&harness).stages;
    let count = stages.len();
    key_in_one_frame(&mut harness, Modifiers::NONE, Key::F5);
    assert!(viewport_commands(&harness).contains(&egui::ViewportCommand::Fullscreen(true)));
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Opening));
    assert!(
        harness.query_by_label("File").is_none(),
        "no menus on a slide"
    );
    let project = harness.state().document().project().clone();
    let persona = project
        .personas
        .iter()
        .find(|p| project.journeys[0].persona.as_ref() == Some(&p.id))
        .unwrap();
    assert!(
        harness.query_all_by_label(&persona.name).count() >= 1,
        "the opening slide introduces the persona"
    );
    assert!(harness.query_by_label("Buying committee").is_some());
    for member in &project.journeys[0].committee {
        let name = &project
            .personas
            .iter()
            .find(|p| p.id == member.persona)
            .unwrap()
            .name;
        assert!(
            harness.query_all_by_label(name).count() >= 1,
            "the opening slide introduces {name} of the committee"
        );
    }

    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(0)));
    // Each member's feeling in the stage: the CFO gave the benchmark card -1.
    assert!(
        harness
            .query_by_label("How the committee feels here, on average")
            .is_some()
    );
    assert!(harness.query_by_label("Martin Okafor").is_some());
    assert!(harness.query_by_label(&stages[0].name).is_some());
    assert!(
        harness
            .query_by_label(&format!("As is · Stage 1 of {count}"))
            .is_some()
    );
    assert!(
        harness.query_by_label(NEWSLETTER).is_some(),
        "the stage's cards are on its slide"
    );

    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(1)));
    assert!(harness.query_by_label(&stages[1].name).is_some());
    assert!(harness.query_by_label(&stages[0].name).is_none());
    assert!(harness.query_by_label(NEWSLETTER).is_none());

    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(0)));
    harness.get_by_label("Next ›").click();
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(1)));
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(0)));

    // The last slide: the health check and the open comments; there is nothing after it.
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Review));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().presenting(), Some(Slide::Review));
    let findings =
        journeymap::model::check_journey(harness.state().document().project(), &journey(&harness))
            .len();
    assert!(findings > 1);
    assert!(
        harness
            .query_by_label(&format!("Health check: {findings} findings"))
            .is_some()
    );
    let unowned =
        journeymap::model::check_journey(harness.state().document().project(), &journey(&harness))
            .iter()
            .filter(|f| f.rule == "unowned")
            .count();
    let heading = format!("{} ({unowned})", journeymap::model::rule_summary("unowned"));
    assert!(
        harness.query_by_label(&heading).is_some(),
        "findings are grouped by rule: {heading}"
    );
    let open = journey(&harness)
        .cards
        .iter()
        .flat_map(|c| &c.comments)
        .filter(|c| !c.resolved)
        .count();
    assert!(
        harness
            .query_by_label(&format!("Open comments: {open}"))
            .is_some()
    );

    // Keys that edit the map do nothing on a slide.
    let before = harness.state().document().state_id();
    harness.key_press(Key::Delete);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert_eq!(harness.state().document().state_id(), before);

    key_in_one_frame(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(viewport_commands(&harness).contains(&egui::ViewportCommand::Fullscreen(false)));
    harness.run();
    assert_eq!(harness.state().presenting(), None);
    assert!(
        harness.query_by_label("File").is_some(),
        "the editor is back"
    );
}

/// Slides are for an audience: nothing empty is announced, no rule ids or key hints, and
/// the controls, faded while the mouse rests, stay within reach of a screen reader.
#[test]
fn slides_show_what_was_written_and_nothing_for_the_team_only() {
    use journeymap::app::{JourneymapApp, Slide};
    use journeymap::model::{Document, Empathy};
    let folder = tempfile::tempdir().unwrap();
    let mut project = journeymap::file::template_project().unwrap();
    let empty = 1;
    project.journeys[0].stages[empty].empathy = Empathy::default();
    let app = JourneymapApp::new(
        Document::new(project),
        None,
        environment(folder.path(), 30.0),
    );
    let mut harness = open_app(app);
    key_in_one_frame(&mut harness, Modifiers::NONE, Key::F5);
    harness.run();
    for _ in 0..=empty {
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    assert_eq!(harness.state().presenting(), Some(Slide::Stage(empty)));
    assert!(harness.query_by_label("Empathy map").is_none());
    assert!(harness.query_by_label_contains("Not written yet").is_none());
    assert!(harness.query_by_label_contains("Esc to leave").is_none());

    harness.key_press(Key::End);
    harness.run();
    for rule in journeymap::model::RULES {
        assert!(harness.query_by_label(rule).is_none(), "{rule} on a slide");
    }
    // Long after the mouse last moved, the controls are faded, not gone.
    harness.run_steps(240);
    assert!(harness.query_by_label("‹ Previous").is_some());
}

#[test]
fn on_a_1080p_screen_a_stage_slide_shows_card_titles_at_least_24_pixels_tall() {
    use journeymap::theme::size;
    let Setup { mut harness, .. } = setup();
    harness.set_size(egui::vec2(1920.0, 1080.0));
    key_in_one_frame(&mut harness, Modifiers::NONE, Key::F5);
    harness.run();
    let journey = journey(&harness);
    for (stage, placed) in journey.stages.iter().enumerate() {
        harness.key_press(Key::ArrowRight);
        harness.run();
        let cards: Vec<_> = journey
            .cards
            .iter()
            .filter(|c| c.stage == placed.id)
            .collect();
        assert!(cards.len() <= 12, "stage {stage} is a small one");
        for card in cards {
            let rect = harness.get_by_label(&card.accessible_label()).rect();
            // The card is drawn as much larger than at 100 % as its title.
            let title = size::TEXT_CARD_TITLE * rect.width() / size::CARD_WIDTH;
            assert!(
                title >= 24.0,
                "stage {stage}: {:?} has a title {title:.1} px tall",
                card.title
            );
        }
    }
}
