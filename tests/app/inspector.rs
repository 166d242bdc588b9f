//! The inspector: a stage's fields, and the project's personas, journeys and departments,
//! and links made from a card's inspector.

use egui::{Key, Modifiers, Rect};
use egui_kittest::kittest::Queryable;

use journeymap::model::BuyingRole;

use crate::harness::{
    NEWSLETTER, Setup, card, click_in_view, journey, open_section, rect_of, select_nothing, setup,
    type_into, undo,
};

#[test]
fn rename_a_stage_in_the_inspector() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    let name = harness.get_by_label("Name");
    name.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Name").type_text("Contracting");
    harness.run();
    let stages = journey(&harness).stages;
    assert_eq!(stages[4].name, "Contracting");
    assert!(harness.query_by_label("Stage: Contracting").is_some());
    undo(&mut harness);
    assert_eq!(journey(&harness).stages[4].name, "Purchase");
}

#[test]
fn a_stage_gets_exit_criteria_conversion_a_kpi_and_empathy() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    let before = journey(&harness).stages[4].clone();

    harness.get_by_label("Exit criteria").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Exit criteria")
        .type_text("Purchase order number received");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        journey(&harness).stages[4].exit_criteria,
        "Purchase order number received"
    );

    harness
        .get_by_label("Conversion to the next stage")
        .set_value_accesskit(12.0);
    harness.run();
    assert_eq!(journey(&harness).stages[4].conversion, Some(0.12));

    harness.get_by_label("+ Add KPI").click();
    harness.run();
    harness.get_by_label("KPI 1 value").focus();
    harness.run();
    harness.get_by_label("KPI 1 value").type_text("9 days");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let kpis = journey(&harness).stages[4].kpis.clone();
    assert_eq!(
        (kpis[0].name.as_str(), kpis[0].value.as_str()),
        ("New KPI", "9 days")
    );

    harness.get_by_label("Empathy map").click();
    harness.run();
    harness.get_by_label("+ Add to feels").click();
    harness.run();
    // The new feeling's field has the keyboard; leaving it hands Ctrl+Z back to the map.
    harness.key_press(Key::Escape);
    harness.run();
    let feels = journey(&harness).stages[4].empathy.feels.clone();
    assert_eq!(feels.len(), 2);
    assert_eq!(feels[0], "Impatient");

    // Each change was one step (criteria, conversion, new KPI, its value, new feeling):
    // five undos bring the stage back.
    for _ in 0..5 {
        undo(&mut harness);
    }
    assert_eq!(journey(&harness).stages[4], before);
}

#[test]
fn add_a_persona_edit_it_and_seat_it_on_the_committee() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    let before = journey(&harness);
    open_section(&mut harness, "Personas");
    click_in_view(&mut harness, "+ Add persona");
    let personas = harness.state().document().project().personas.clone();
    assert_eq!(personas.len(), 5);
    let id = personas[4].id.clone();
    click_in_view(&mut harness, "New persona");
    type_into(&mut harness, "Role", "Head of Legal, Northway Logistics");
    click_in_view(&mut harness, "+ Add to goals");
    type_into(&mut harness, "Goals 1", "No unlimited liability");
    let persona = harness.state().document().project().personas[4].clone();
    assert_eq!(persona.role, "Head of Legal, Northway Logistics");
    assert_eq!(persona.goals, ["No unlimited liability"]);

    // Seated on the buying committee, with a role, then made primary.
    let combo = rect_of(&harness, "Add to the committee");
    click_in_view(&mut harness, "Add to the committee");
    // The choice in the list that opened under the box, not the persona's section header.
    let option = harness
        .get_all_by_label("New persona")
        .min_by(|a, b| {
            let distance = |r: Rect| (r.top() - combo.bottom()).abs();
            distance(a.rect()).total_cmp(&distance(b.rect()))
        })
        .expect("listed");
    option.click();
    harness.run();
    let committee = journey(&harness).committee;
    assert_eq!(committee.len(), 5);
    assert_eq!(committee[4].persona, id);
    click_in_view(&mut harness, "Role of New persona");
    harness.get_by_label("Blocker").click();
    harness.run();
    assert_eq!(
        journey(&harness).committee[4].role,
        Some(BuyingRole::Blocker)
    );

    // Made primary, the cards' scores change hands: hers are none yet, Dana's move along.
    let dana = card(&journey(&harness), "demo").emotion;
    click_in_view(&mut harness, "New persona is primary");
    let now = journey(&harness);
    assert_eq!(now.persona.as_deref(), Some(id.as_str()));
    assert_eq!(card(&now, "demo").emotion, None);
    assert_eq!(card(&now, "demo").emotions.get("risk-lead").copied(), dana);

    // Taken off again, and every step undone.
    click_in_view(&mut harness, "Take New persona off the committee");
    assert_eq!(journey(&harness).persona.as_deref(), Some("risk-lead"));
    for _ in 0..4 {
        undo(&mut harness);
    }
    assert_eq!(journey(&harness), before);
}

#[test]
fn copy_a_journey_and_edit_the_copy_without_touching_the_original() {
    let Setup { mut harness, .. } = setup();
    let original = journey(&harness);
    let before = harness.state().document().project().clone();
    select_nothing(&mut harness);
    open_section(&mut harness, "Journeys");
    harness.get_by_label("Copy this journey").click();
    harness.run();
    let journeys = harness.state().document().project().journeys.clone();
    assert_eq!(journeys.len(), before.journeys.len() + 1);
    assert_eq!(
        journeys[1].name, "As is (copy)",
        "the copy follows the original"
    );
    assert_ne!(journeys[1].id, journeys[0].id);
    assert_eq!(journeys[1].cards, original.cards);
    // The copy is on screen: edit it.
    type_into(&mut harness, "Journey name", "To be");
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    let journeys = harness.state().document().project().journeys.clone();
    assert_eq!(journeys[1].name, "To be");
    assert_eq!(journeys[1].cards.len(), original.cards.len() - 1);
    assert_eq!(journeys[0], original, "the original is untouched");
    assert!(
        harness.get_all_by_label("To be").count() >= 1,
        "a tab for the copy"
    );
}

#[test]
fn add_a_department_and_make_it_a_card_owner() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    open_section(&mut harness, "Departments");
    harness.get_by_label("+ Add department").click();
    harness.run();
    type_into(&mut harness, "Department 5 name", "Procurement desk");
    let departments = harness.state().document().project().departments.clone();
    assert_eq!(departments[4].name, "Procurement desk");
    let id = departments[4].id.clone();

    harness
        .get_by_label("Touchpoint: Quote and order form")
        .click();
    harness.run();
    harness.get_by_label("Owner").click();
    harness.run();
    harness.get_by_label("Procurement desk").click();
    harness.run();
    assert_eq!(
        card(&journey(&harness), "quote").owner.as_deref(),
        Some(id.as_str())
    );
    undo(&mut harness);
    assert_eq!(
        card(&journey(&harness), "quote").owner.as_deref(),
        Some("sales")
    );
}

#[test]
fn link_two_cards_from_the_inspector() {
    let Setup { mut harness, .. } = setup();
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    harness.get_by_label("Add a link…").click();
    harness.run();
    harness
        .get_by_label("Lead routing only covers named accounts; other requests sit in a queue")
        .click();
    harness.run();
    assert_eq!(
        card(&journey(&harness), "silence").links,
        ["form", "routing"]
    );
}

#[test]
fn a_new_list_item_has_the_keyboard_with_its_text_selected() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    open_section(&mut harness, "Personas");
    click_in_view(&mut harness, "+ Add persona");
    click_in_view(&mut harness, "New persona");
    for (typed, count) in [("Pass the audit", 1), ("Keep the board informed", 2)] {
        click_in_view(&mut harness, "+ Add to goals");
        // Typed straight away, without clicking the new field first.
        harness
            .input_mut()
            .events
            .push(egui::Event::Text(typed.to_owned()));
        harness.run();
        let goals = harness.state().document().project().personas[4]
            .goals
            .clone();
        assert_eq!(goals.len(), count);
        assert_eq!(goals.last().map(String::as_str), Some(typed), "{goals:?}");
    }
}

#[test]
fn the_project_title_and_notes_are_edited_in_the_inspector_and_undone() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    let before = harness.state().document().project().title.clone();
    type_into(
        &mut harness,
        "Project title",
        "Cybersecurity SaaS for CISOs",
    );
    type_into(&mut harness, "Project notes", "Interviews from Q3");
    let project = harness.state().document().project().clone();
    assert_eq!(project.title, "Cybersecurity SaaS for CISOs");
    assert_eq!(project.notes, "Interviews from Q3");
    undo(&mut harness);
    assert_eq!(
        harness.state().document().project().title,
        "Cybersecurity SaaS for CISOs"
    );
    undo(&mut harness);
    assert_eq!(harness.state().document().project().title, before);
}

#[test]
fn a_refused_edit_is_said_plainly_and_gives_way_to_the_next_action() {
    let Setup { mut harness, .. } = setup();
    harness.get_by_label(NEWSLETTER).click();
    harness.run();
    harness.get_by_label("Title").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let status = harness.state().status().to_owned();
    assert_eq!(status, "Not changed: A card needs a title");
    assert_eq!(
        card(&journey(&harness), "newsletter").title,
        "Industry newsletter: 'Five audit findings that keep coming back'"
    );
    // The next action's own message (or none) takes its place.
    harness.get_by_label("Stage: Purchase").click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(
        !harness.state().status().contains("needs a title"),
        "{}",
        harness.state().status()
    );
}

#[test]
fn the_inspector_keeps_its_width_for_a_long_link_and_hides_for_a_full_width_map() {
    use journeymap::app::JourneymapApp;
    use journeymap::model::Document;
    let folder = tempfile::tempdir().unwrap();
    let mut project = journeymap::file::template_project().unwrap();
    let journey = &mut project.journeys[0];
    let silence = journey
        .cards
        .iter()
        .position(|c| c.id == "silence")
        .unwrap();
    let linked = journey.cards[silence].links[0].clone();
    let target = journey.cards.iter_mut().find(|c| c.id == linked).unwrap();
    target.title = "A very long title ".repeat(10).trim_end().to_owned();
    let app = JourneymapApp::new(
        Document::new(project),
        None,
        crate::harness::environment(folder.path(), 30.0),
    );
    let mut harness = crate::harness::open_app(app);
    let before = harness.state().view().canvas.width();
    harness
        .get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Remove the link to A very long")
            .is_some()
    );
    let with_link = harness.state().view().canvas.width();
    assert!(
        (with_link - before).abs() < 1.0,
        "the map keeps its width: {before} then {with_link}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    let full = harness.state().view().canvas.width();
    assert!(
        full > before + 200.0,
        "hidden, the map takes the width: {full}"
    );
    assert!(harness.query_by_label("Links").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    assert!((harness.state().view().canvas.width() - before).abs() < 1.0);
}

#[test]
fn taking_a_member_off_asks_first_because_their_scores_go_too() {
    let Setup { mut harness, .. } = setup();
    select_nothing(&mut harness);
    let before = journey(&harness);
    let hers = before
        .cards
        .iter()
        .filter(|c| c.emotions.contains_key("procurement"))
        .count();
    click_in_view(&mut harness, "Take Sofia Marin off the committee");
    let question =
        format!("Take Sofia Marin off the buying committee? Their {hers} scores go with them.");
    assert!(harness.query_by_label(&question).is_some(), "{question}");
    assert_eq!(
        journey(&harness),
        before,
        "nothing happens before the answer"
    );
    harness.get_by_label("Delete").click();
    harness.run();
    let after = journey(&harness);
    assert!(after.committee.iter().all(|m| m.persona != "procurement"));
    assert!(
        after
            .cards
            .iter()
            .all(|c| !c.emotions.contains_key("procurement"))
    );
    undo(&mut harness);
    assert_eq!(journey(&harness), before);
}
