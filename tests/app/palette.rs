//! The command palette and the menus: every command can be found in both.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use journeymap::app::{Command, palette_matches};

use crate::harness::{Setup, setup};

/// What a menu entry or a palette row is called: the command's label, then its first
/// shortcut as the platform writes it.
fn shown_name(ctx: &egui::Context, command: Command) -> String {
    match command.shortcuts().first() {
        Some(shortcut) => format!("{} {}", command.label(), ctx.format_shortcut(shortcut)),
        None => command.label().to_owned(),
    }
}

#[test]
fn every_command_is_in_the_palette_and_in_a_menu() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(
        harness.query_by_label("Command").is_some(),
        "the input is called Command"
    );
    for command in Command::ALL {
        let name = shown_name(&harness.ctx, command);
        assert!(
            harness.query_by_label(&name).is_some(),
            "{name:?} is in the palette, with its shortcut"
        );
    }
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Command").is_none(), "Esc closes it");

    let mut in_menus = Vec::new();
    for menu in ["File", "Edit", "Map", "View"] {
        harness.get_by_label(menu).click();
        harness.run();
        for command in Command::ALL {
            if harness
                .query_by_label(&shown_name(&harness.ctx, command))
                .is_some()
            {
                in_menus.push(command);
            }
        }
        // Clicked again, the menu closes.
        harness.get_by_label(menu).click();
        harness.run();
    }
    for command in Command::ALL {
        assert!(
            in_menus.contains(&command),
            "{:?} is in a menu, with its shortcut",
            command.label()
        );
    }
}

#[test]
fn the_palette_finds_a_command_by_a_few_letters_and_runs_it_with_enter() {
    let Setup { mut harness, .. } = setup();
    let zoom = harness.state().view().zoom;
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.get_by_label("Command").type_text("fit");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness.query_by_label("Command").is_none(),
        "run, it closes"
    );
    assert!(harness.state().view().zoom < zoom, "Fit to window ran");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.get_by_label("Command").type_text("dark");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().settings().dark_mode);
}

#[test]
fn matches_rank_a_label_s_start_then_a_word_s_start_then_letters_in_order() {
    assert_eq!(palette_matches("export").first(), Some(&Command::Export));
    assert_eq!(palette_matches("zo in").first(), Some(&Command::ZoomIn));
    let review = palette_matches("mode");
    assert!(review.contains(&Command::ToggleReview) && review.contains(&Command::ToggleDarkMode));
    assert!(palette_matches("xqz").is_empty());
    let zoom = palette_matches("zoom");
    assert!(
        zoom.contains(&Command::ZoomFit) && zoom.contains(&Command::ZoomActual),
        "found by another name too"
    );
    assert_eq!(palette_matches("").len(), Command::ALL.len());
}

#[test]
fn the_palette_waits_for_an_open_dialog() {
    let Setup { mut harness, .. } = setup();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("New project").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(harness.query_by_label("Command").is_none());
}
