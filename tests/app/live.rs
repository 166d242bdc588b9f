//! Two windows on one live map, through a real server on 127.0.0.1: shared from one
//! window's File menu, joined from the other's, then edited by the pointer in each.

use std::time::{Duration, Instant};

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use journeymap::app::JourneymapApp;
use journeymap::live::server::{Server, ServerOptions};
use journeymap::model::Document;
use journeymap::model::project_operations::blank_project;

use crate::harness::{
    NEWSLETTER, Setup, card, cell, cell_point, drag, environment, journey, open_app, rect_of,
    replace_text, setup, type_into, undo,
};

/// How long a colleague's change may take to arrive before the test gives up.
const PATIENCE: Duration = Duration::from_secs(60);

type Window = Harness<'static, JourneymapApp>;

/// Steps both windows, as their event loops would, until `done` holds of them.
fn until(a: &mut Window, b: &mut Window, what: &str, done: impl Fn(&Window, &Window) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(a, b) {
        assert!(Instant::now() < deadline, "{what}: not within {PATIENCE:?}");
        a.step();
        b.step();
        std::thread::yield_now();
    }
    a.run();
    b.run();
}

/// Steps one window until `done` holds of it.
fn until_one(window: &mut Window, what: &str, done: impl Fn(&Window) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(window) {
        assert!(Instant::now() < deadline, "{what}: not within {PATIENCE:?}");
        window.step();
        std::thread::yield_now();
    }
    window.run();
}

fn menu(harness: &mut Window, menu: &str, entry: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

/// Window A shares the template on `server` as Ana; window B, on a blank project of its
/// own, joins from the link as Ben. Both end on the same map.
fn start_server(data: &std::path::Path, listen: &str) -> Server {
    Server::start(&ServerOptions::new(listen.parse().unwrap(), data)).unwrap()
}

fn two_windows(server: &Server) -> (Setup, Window, tempfile::TempDir) {
    let mut a = setup();
    menu(&mut a.harness, "File", "Share live…");
    replace_text(
        &mut a.harness,
        "Server",
        &format!("ws://{}", server.address()),
    );
    replace_text(&mut a.harness, "Your name", "Ana Lopez");
    a.harness.get_by_label("Share").click();
    a.harness.run();

    let folder = tempfile::tempdir().unwrap();
    let mut b = open_app(JourneymapApp::new(
        Document::new(blank_project()),
        None,
        environment(folder.path(), 30.0),
    ));
    until(&mut a.harness, &mut b, "the link", |a, _| {
        a.state().live_link().is_some()
    });
    let link = a.harness.state().live_link().unwrap();
    assert!(
        a.harness.query_by_label("The map is live").is_some(),
        "the dialog shows the link to send"
    );
    a.harness.get_by_label("Close").click();
    a.harness.run();

    menu(&mut b, "File", "Join live…");
    replace_text(&mut b, "Link", &link);
    replace_text(&mut b, "Your name", "Ben Okafor");
    b.get_by_label("Join").click();
    b.run();
    until(
        &mut a.harness,
        &mut b,
        "both windows live, with two people",
        |a, b| {
            [a, b]
                .iter()
                .all(|w| w.state().live_state().as_deref() == Some("Live · 2 people"))
        },
    );
    assert_eq!(
        b.state().document().project(),
        a.harness.state().document().project()
    );
    (a, b, folder)
}

#[test]
fn a_card_dragged_in_a_is_in_the_new_stage_in_b_and_b_sees_who_has_it() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let (Setup { harness: mut a, .. }, mut b, _folder) = two_windows(&server);
    assert!(
        a.state().title().contains("Live · 2 people"),
        "{}",
        a.state().title()
    );

    let from = rect_of(&a, NEWSLETTER).center();
    let to = cell_point(&a, "Requirements building", "Touchpoints");
    drag(&mut a, from, to);
    assert_eq!(card(&journey(&a), "newsletter").stage, "requirements");
    until(&mut a, &mut b, "the drag in B", |_, b| {
        card(&journey(b), "newsletter").stage == "requirements"
    });

    // The drop selected the card in A: B shows Ana on it.
    until(&mut a, &mut b, "Ana's presence in B", |_, b| {
        b.query_by_label_contains("Ana Lopez is here, on “Industry newsletter")
            .is_some()
    });
    assert!(b.state().title().contains("Live · 2 people"));

    // Ben clicks Ana's chip: he is on her card.
    b.get_by_label_contains("Ana Lopez is here").click();
    b.run();
    assert_eq!(
        b.state().selection(),
        &journeymap::app::Selection::Card("newsletter".into())
    );
}

#[test]
fn a_comment_added_in_b_shows_in_a_and_undo_in_b_takes_back_only_bens_change() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let (Setup { harness: mut a, .. }, mut b, _folder) = two_windows(&server);

    b.get_by_label("Pain point: Asked for a call; nobody called")
        .click();
    b.run();
    type_into(&mut b, "New comment", "Routing fix ships in March");
    b.get_by_label("Add comment").scroll_to_me();
    b.run();
    b.get_by_label("Add comment").click();
    b.run();
    until(&mut a, &mut b, "Ben's comment in A", |a, _| {
        card(&journey(a), "silence").comments.len() == 1
    });
    let comment = card(&journey(&a), "silence").comments[0].clone();
    assert_eq!(comment.author, "Ben Okafor");
    assert_eq!(comment.text, "Routing fix ships in March");

    // Ana renames the newsletter; Ben's undo takes back his comment, not her title.
    a.get_by_label(NEWSLETTER).click();
    a.run();
    type_into(&mut a, "Title", "Newsletter on audit findings");
    until(&mut a, &mut b, "Ana's title in B", |_, b| {
        card(&journey(b), "newsletter").title == "Newsletter on audit findings"
    });
    b.key_press(Key::Escape);
    b.run();
    undo(&mut b);
    until(&mut a, &mut b, "Ben's undo in A", |a, _| {
        card(&journey(a), "silence").comments.is_empty()
    });
    for window in [&a, &b] {
        assert_eq!(
            card(&journey(window), "newsletter").title,
            "Newsletter on audit findings"
        );
    }
}

#[test]
fn a_server_that_is_not_there_is_said_in_a_dialog() {
    let Setup { mut harness, .. } = setup();
    // A port that was free a moment ago, with nothing listening now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    menu(&mut harness, "File", "Share live…");
    replace_text(&mut harness, "Server", &format!("ws://127.0.0.1:{port}"));
    harness.get_by_label("Share").click();
    harness.run();
    until_one(&mut harness, "the error", |h| {
        h.query_by_label("Cannot share the map live").is_some()
    });
    assert!(
        harness
            .query_by_label_contains(&format!("could not reach the server at 127.0.0.1:{port}"))
            .is_some()
    );
    assert_eq!(harness.state().live_state(), None);
    harness.get_by_label("OK").click();
    harness.run();

    // A link with no key is refused before any connection.
    menu(&mut harness, "File", "Join live…");
    replace_text(&mut harness, "Link", "journeymap://127.0.0.1:1/abc");
    harness.get_by_label("Join").click();
    harness.run();
    assert!(harness.query_by_label("Cannot join the live map").is_some());
}

#[test]
fn cards_added_in_both_windows_at_once_are_two_cards() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let (Setup { harness: mut a, .. }, mut b, _folder) = two_windows(&server);
    let before = journey(&a);
    let at_a = cell_point(&a, "Requirements building", "Behind the scenes");
    let at_b = cell_point(&b, "Requirements building", "Behind the scenes");
    a.hover_at(at_a);
    b.hover_at(at_b);
    // Half a second, as a hand takes: a click just after the dialog's last one would
    // count as its second.
    for _ in 0..30 {
        a.step();
        b.step();
    }
    // Frame by frame in turn, so that B's double-click ends before B has looked for news
    // since A's ended: B makes its card from the map without A's.
    let press = |window: &mut Window, at: Pos2, pressed: bool| {
        window.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        window.step();
    };
    press(&mut a, at_a, true);
    press(&mut a, at_a, false);
    press(&mut b, at_b, true);
    press(&mut b, at_b, false);
    press(&mut a, at_a, true);
    press(&mut b, at_b, true);
    press(&mut a, at_a, false);
    press(&mut b, at_b, false);
    let added = |w: &Window| -> Vec<String> {
        cell(&journey(w), "requirements", "backstage")
            .into_iter()
            .filter(|id| !before.cards.iter().any(|c| &c.id == id))
            .collect()
    };
    // B may have taken in A's card in the same frame, after adding its own.
    let (new_a, new_b) = (added(&a), added(&b));
    assert_eq!(new_a.len(), 1);
    assert!(
        !new_b.contains(&new_a[0]) || new_b.len() == 2,
        "{new_a:?} {new_b:?}"
    );
    until(&mut a, &mut b, "both new cards in both windows", |a, b| {
        added(a).len() == 2 && journey(a) == journey(b)
    });
    let ids = added(&a);
    assert_ne!(ids[0], ids[1]);
    assert!(
        ids.iter().all(|id| id.split('-').count() == 3),
        "ids made live carry their author's tag: {ids:?}"
    );
}

#[test]
fn edits_made_while_the_server_is_gone_arrive_when_it_returns() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let address = server.address().to_string();
    let (Setup { harness: mut a, .. }, mut b, _folder) = two_windows(&server);
    drop(server);
    until(&mut a, &mut b, "both windows offline", |a, b| {
        [a, b]
            .iter()
            .all(|w| w.state().live_state().as_deref() == Some("Live · offline"))
    });
    assert!(
        a.query_by_label_contains(&format!("Live · offline, trying {address} again"))
            .is_some(),
        "the status line says the app keeps trying"
    );
    assert!(a.state().title().contains("Live · offline"));

    a.get_by_label(NEWSLETTER).click();
    a.run();
    type_into(&mut a, "Title", "Written offline");
    let _server = start_server(data.path(), &address);
    until(&mut a, &mut b, "A's offline title in B", |_, b| {
        card(&journey(b), "newsletter").title == "Written offline"
    });
    until(&mut a, &mut b, "both windows live again", |a, b| {
        [a, b]
            .iter()
            .all(|w| w.state().live_state().as_deref() == Some("Live · 2 people"))
    });
}

#[test]
fn a_link_to_join_waits_for_the_offer_to_restore_unsaved_work() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let sharer = journeymap::live::Session::share(
        &format!("ws://{}", server.address()),
        &journeymap::file::template_project().unwrap(),
        &journeymap::live::SessionOptions::default(),
    )
    .unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut yesterday = blank_project();
    yesterday.title = "Work from yesterday".into();
    journeymap::file::write_recovery(&folder.path().join("recovery.ron"), &yesterday, None)
        .unwrap();
    let mut window = open_app(JourneymapApp::new(
        Document::new(blank_project()),
        None,
        environment(folder.path(), 30.0),
    ));

    // `journeymap LINK` on a machine with unsaved work from a crash.
    let ctx = window.ctx.clone();
    window.state_mut().join_live(sharer.link().clone(), &ctx);
    window.run();
    assert!(window.query_by_label("Restore unsaved work?").is_some());
    window.get_by_label("Restore").click();
    window.run();
    assert!(
        window.query_by_label("Save changes?").is_some(),
        "the restored work is asked about before the live map replaces it"
    );
    window.get_by_label("Discard").click();
    window.run();
    until_one(&mut window, "joined", |w| {
        w.state().live_state().as_deref() == Some("Live · 1 person")
    });
    assert_eq!(
        window.state().document().project().title,
        journeymap::file::template_project().unwrap().title
    );
}
