//! Live sessions through a real sync server on 127.0.0.1: participants that share, join,
//! edit at the same time, lose the server and come back, and the command line's serve,
//! share and pull.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::result_large_err)]

#[path = "common/participants.rs"]
mod participants;
#[path = "common/run.rs"]
mod run;

use std::process::Stdio;
use std::time::Duration;

use journeymap::file::{read_project, template_project};
use journeymap::live::server::{Server, ServerOptions};
use journeymap::live::{Link, LiveError, Session};
use journeymap::model::{Comment, Project, operations};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use participants::{
    PATIENCE, Participant, converge, edit_at_once, options, random_edits, serve_process,
    start_server,
};
use run::{journeymap, text_of};

fn card_index(project: &Project, id: &str) -> usize {
    project.journeys[0]
        .cards
        .iter()
        .position(|card| card.id == id)
        .unwrap()
}

#[test]
fn a_card_dragged_in_one_window_is_in_the_new_stage_in_the_other() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let mut a = Participant::share(&server, template_project().unwrap());
    let mut b = Participant::join(a.session.link());
    assert_eq!(a.project(), b.project());

    let journey = &a.project().journeys[0];
    let card = journey.cards[0].clone();
    let stage = journey.stages[3].id.clone();
    a.edit(operations::move_card(journey, 0, &stage, &card.lane, 0));
    b.receive();
    let moved = &b.project().journeys[0].cards[card_index(b.project(), &card.id)];
    assert_eq!(moved.stage, stage);
    assert_eq!(a.project(), b.project());
}

#[test]
fn titles_typed_at_once_merge_and_a_comment_from_b_shows_in_a() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let mut a = Participant::share(&server, template_project().unwrap());
    let mut b = Participant::join(a.session.link());
    let card = a.project().journeys[0].cards[1].clone();

    // Both type into the same title before either hears of the other.
    let mut in_a = card.clone();
    in_a.title = format!("Urgent: {}", card.title);
    a.edit(operations::set_card(&a.project().journeys[0], 1, in_a));
    let mut in_b = card.clone();
    in_b.title = format!("{} (by Friday)", card.title);
    in_b.comments.push(Comment {
        author: "Bea".into(),
        at: "2026-11-26T09:30:00Z".into(),
        text: "Who calls the buyer back?".into(),
        resolved: false,
    });
    b.edit(operations::set_card(&b.project().journeys[0], 1, in_b));

    let mut both = [a, b];
    converge(&mut both);
    let merged = &both[0].project().journeys[0].cards[card_index(both[0].project(), &card.id)];
    assert_eq!(merged.title, format!("Urgent: {} (by Friday)", card.title));
    assert_eq!(
        merged.comments.last().unwrap().text,
        "Who calls the buyer back?"
    );
}

/// One participant's random edits: title letters, moves, comments, flags and cards of
/// their own, each through the document, and now and then what colleagues did.
#[test]
fn two_participants_editing_at_once_converge_and_lose_nothing() {
    edit_at_once(2, 100);
}

#[test]
fn twenty_participants_editing_at_once_converge_and_lose_nothing() {
    edit_at_once(20, 100);
}

#[test]
fn edits_made_while_the_server_is_gone_merge_when_it_returns() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let address = server.address().to_string();
    let mut a = Participant::share(&server, template_project().unwrap());
    let mut b = Participant::join(a.session.link());
    drop(server);

    let tally_a = random_edits(&mut a, 0, 200, 11);
    let tally_b = random_edits(&mut b, 1, 200, 12);
    let _server = start_server(data.path(), &address);
    let mut both = [a, b];
    converge(&mut both);
    let cards = &both[0].project().journeys[0].cards;
    for id in tally_a.cards.iter().chain(&tally_b.cards) {
        assert!(
            cards.iter().any(|card| &card.id == id),
            "card {id} was lost"
        );
    }
}

#[test]
fn undo_takes_back_ones_own_change_and_keeps_a_colleagues() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let mut a = Participant::share(&server, template_project().unwrap());
    let mut b = Participant::join(a.session.link());
    let card = a.project().journeys[0].cards[0].clone();

    let mut mine = card.clone();
    mine.title = "A's title".into();
    a.edit(operations::set_card(&a.project().journeys[0], 0, mine));
    b.receive();
    let mut theirs = b.project().journeys[0].cards[0].clone();
    theirs.notes = "B's notes".into();
    b.edit(operations::set_card(&b.project().journeys[0], 0, theirs));
    a.receive();

    assert!(a.session.undo().unwrap());
    assert!(a.session.can_redo());
    a.catch_up();
    let undone = &a.project().journeys[0].cards[card_index(a.project(), &card.id)];
    assert_eq!(undone.title, card.title, "A's own change is undone");
    assert_eq!(undone.notes, "B's notes", "B's change stays");
    b.receive();
    assert_eq!(a.project(), b.project());

    assert!(a.session.redo().unwrap());
    a.catch_up();
    let redone = &a.project().journeys[0].cards[card_index(a.project(), &card.id)];
    assert_eq!(redone.title, "A's title");
    assert_eq!(redone.notes, "B's notes");

    // B's undo takes back B's notes and leaves A's title.
    b.receive();
    assert!(b.session.undo().unwrap());
    b.catch_up();
    let in_b = &b.project().journeys[0].cards[card_index(b.project(), &card.id)];
    assert_eq!(in_b.notes, card.notes);
    assert_eq!(in_b.title, "A's title");
}

#[test]
fn a_wrong_key_an_unknown_document_and_no_server_are_told_apart() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let a = Participant::share(&server, template_project().unwrap());
    let link = a.session.link().clone();

    let wrong = Link {
        key: "0".repeat(32),
        ..link.clone()
    };
    let error = Session::join(&wrong, &options()).err().unwrap();
    assert!(matches!(error, LiveError::WrongKey { .. }), "{error}");

    let other = tempfile::tempdir().unwrap();
    let empty = start_server(other.path(), "127.0.0.1:0");
    let elsewhere = Link {
        server: empty.address().to_string(),
        ..link.clone()
    };
    let error = Session::join(&elsewhere, &options()).err().unwrap();
    assert!(
        matches!(error, LiveError::UnknownDocument { .. }),
        "{error}"
    );

    let gone = empty.address().to_string();
    drop(empty);
    let nowhere = Link {
        server: gone,
        ..link
    };
    let error = Session::join(&nowhere, &options()).err().unwrap();
    assert!(matches!(error, LiveError::Unreachable { .. }), "{error}");
}

#[test]
fn share_then_pull_on_the_command_line_gives_the_project_back() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, address) = serve_process(data.path(), "127.0.0.1:0", Stdio::null());
    let out = tempfile::tempdir().unwrap();
    let template = out.path().join("plan.ron");
    journeymap::file::save_project(&template, &template_project().unwrap()).unwrap();

    let shared = journeymap(&[
        "share",
        template.to_str().unwrap(),
        "--server",
        &format!("ws://{address}"),
    ]);
    assert!(shared.status.success(), "{}", text_of(&shared));
    let link = String::from_utf8(shared.stdout).unwrap().trim().to_owned();
    assert!(link.starts_with("journeymap://"), "{link}");

    let pulled = out.path().join("pulled.ron");
    let run = journeymap(&["pull", &link, "-o", pulled.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text_of(&run));
    assert_eq!(read_project(&pulled).unwrap(), template_project().unwrap());

    let wrong = format!("{}{}", &link[..link.len() - 32], "f".repeat(32));
    let refused = journeymap(&["pull", &wrong, "-o", pulled.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text_of(&refused).contains("refused the key"),
        "{}",
        text_of(&refused)
    );

    server.kill().unwrap();
    server.wait().unwrap();
    let unreachable = journeymap(&["pull", &link, "-o", pulled.to_str().unwrap()]);
    assert_eq!(unreachable.status.code(), Some(1));
    assert!(
        text_of(&unreachable).contains("could not reach the server"),
        "{}",
        text_of(&unreachable)
    );
    assert_eq!(
        read_project(&pulled).unwrap(),
        template_project().unwrap(),
        "the old file is kept"
    );

    // A link on its own opens the window on it; a broken one is told before any window.
    let broken = journeymap(&[&link[..link.find('?').unwrap()]]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(text_of(&broken).contains("key"), "{}", text_of(&broken));
}

#[test]
fn a_server_killed_and_restarted_loses_nothing_a_participant_made() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, address) = serve_process(data.path(), "127.0.0.1:0", Stdio::null());
    let mut a = Participant::share_at(&address, template_project().unwrap());
    for step in 0..20 {
        let journey = &a.project().journeys[0];
        let mut card = journey.cards[step].clone();
        card.title = format!("Kept {step}");
        a.edit(operations::set_card(journey, step, card));
    }
    a.session.wait_until_stored(PATIENCE).unwrap();
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();

    // Edits made while the server is gone stay with the participant.
    for step in 20..25 {
        let journey = &a.project().journeys[0];
        let mut card = journey.cards[step].clone();
        card.title = format!("Offline {step}");
        a.edit(operations::set_card(journey, step, card));
    }
    let (mut again, _) = serve_process(data.path(), &address, Stdio::null());
    a.session.wait_until_stored(PATIENCE).unwrap();
    let (_, project) = Session::join(a.session.link(), &options()).unwrap();
    assert_eq!(&project, a.project());
    again.kill().unwrap();
    again.wait().unwrap();
}

/// The server confirms a change (sends heads that hold it) only once the change is on its
/// disk, so a server killed at any moment keeps every change it confirmed: right after
/// each confirmation, what the server's folder holds is the participant's project.
#[test]
fn a_change_the_server_confirmed_is_already_on_its_disk() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let mut a = Participant::share(&server, template_project().unwrap());
    for round in 0..30 {
        let journey = &a.project().journeys[0];
        let mut card = journey.cards[round % 10].clone();
        card.title.push('!');
        a.edit(operations::set_card(journey, round % 10, card));
        a.session.wait_until_stored(PATIENCE).unwrap();
        assert_eq!(&stored_project(data.path()), a.project(), "round {round}");
    }
}

/// The project in the document the server in `data` has on disk now (it holds one), as
/// a restarted server would load it: every chunk.
fn stored_project(data: &std::path::Path) -> Project {
    // A compaction can replace chunks while they are read: then the folder is read again.
    for _ in 0..100 {
        if let Some(document) = read_chunks(&data.join("documents")) {
            return journeymap::live::read_document(&document).unwrap().0;
        }
    }
    panic!("the server's chunks kept changing while they were read");
}

/// Whether `path` is one of samod's chunks (`…/incremental/HASH`, `…/snapshot/HASH`),
/// not a temporary file or the store's id.
fn is_chunk(path: &std::path::Path) -> bool {
    let kind = path.parent().and_then(|folder| folder.file_name());
    let name = path.file_name().map(|name| name.to_string_lossy());
    matches!(
        kind.and_then(|kind| kind.to_str()),
        Some("incremental" | "snapshot")
    ) && name.is_some_and(|name| !name.starts_with('.'))
}

/// The document in the chunks under `folder`, or `None` when one vanished meanwhile.
fn read_chunks(folder: &std::path::Path) -> Option<automerge::Automerge> {
    let mut document = automerge::Automerge::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap().map(Result::unwrap) {
            if entry.file_type().unwrap().is_dir() {
                folders.push(entry.path());
            } else if is_chunk(&entry.path()) {
                match std::fs::read(entry.path()) {
                    Ok(chunk) => _ = document.load_incremental(&chunk).unwrap(),
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
                    Err(error) => panic!("{}: {error}", entry.path().display()),
                }
            }
        }
    }
    Some(document)
}

#[test]
fn hostile_messages_close_their_own_connection_only_and_are_logged() {
    use tokio_tungstenite::tungstenite::{self, Message};

    let data = tempfile::tempdir().unwrap();
    let log = tempfile::NamedTempFile::new().unwrap();
    let (mut server, address) = serve_process(
        data.path(),
        "127.0.0.1:0",
        Stdio::from(log.reopen().unwrap()),
    );
    let mut a = Participant::share_at(&address, template_project().unwrap());
    let mut b = Participant::join(a.session.link());
    let link = a.session.link().clone();
    let url =
        |key: &str, peer: &str| format!("ws://{address}/{}?key={key}&peer={peer}", link.document);
    let open = |url: String| {
        let stream = std::net::TcpStream::connect(&address).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        tungstenite::client::client(url, stream)
    };

    // Refused at the door, each with its own status.
    for (url, status) in [
        (url(&"0".repeat(32), "intruder"), 403),
        (
            format!("ws://{address}/not-a-document?key={}&peer=x", link.key),
            400,
        ),
        (url(&link.key, &"p".repeat(65)), 400),
    ] {
        match open(url) {
            Err(tungstenite::HandshakeError::Failure(tungstenite::Error::Http(response))) => {
                assert_eq!(response.status().as_u16(), status)
            }
            other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
        }
    }

    // Inside, with the right key: garbage bytes, a text frame, a frame claiming a huge
    // length. Each is closed by the server.
    for attack in 0..3 {
        let (mut socket, _) = open(url(&link.key, &format!("attacker{attack}"))).unwrap();
        match attack {
            0 => socket.send(Message::binary(vec![0xff; 64])).unwrap(),
            1 => socket.send(Message::text("hello")).unwrap(),
            _ => {
                use std::io::Write;
                // FIN + binary, masked, 64-bit length of 2^40, then a mask key.
                let mut frame = vec![0x82, 0xff];
                frame.extend_from_slice(&(1u64 << 40).to_be_bytes());
                frame.extend_from_slice(&[1, 2, 3, 4]);
                socket.get_mut().write_all(&frame).unwrap();
            }
        }
        let closed = loop {
            match socket.read() {
                Ok(Message::Close(_)) | Err(_) => break true,
                Ok(_) => continue,
            }
        };
        assert!(closed, "attack {attack} left its connection open");
    }

    // The honest participants go on.
    let journey = &a.project().journeys[0];
    let mut card = journey.cards[0].clone();
    card.title = "Still here".into();
    a.edit(operations::set_card(journey, 0, card));
    b.receive();
    assert_eq!(b.project().journeys[0].cards[0].title, "Still here");

    server.kill().unwrap();
    server.wait().unwrap();
    let logged = std::fs::read_to_string(log.path()).unwrap();
    for line in ["wrong key for", "not a document id", "no peer name"] {
        assert!(
            logged.contains(line),
            "no log line with {line:?} in\n{logged}"
        );
    }
    assert!(logged.contains("attacker0"), "{logged}");
}

/// Waits, woken by the session's news, until `done` holds of it.
fn until_news(session: &Session, what: &str, done: impl Fn(&Session) -> bool) {
    let (sender, news) = std::sync::mpsc::channel();
    session.on_news(move || {
        let _ = sender.send(());
    });
    let deadline = std::time::Instant::now() + PATIENCE;
    while !done(session) {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        assert!(!left.is_zero(), "{what}: not within {PATIENCE:?}");
        let _ = news.recv_timeout(left.min(Duration::from_secs(1)));
    }
}

#[test]
fn a_newcomer_learns_who_is_here_and_sees_them_leave() {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    let mut a = Participant::share(&server, template_project().unwrap());
    // Ana says once where she is, before Ben arrives, and never again: her session
    // repeats it to him (a window in the background draws no frames).
    a.session.announce("Ana Lopez", "as-is", Some("newsletter"));
    let mut b = Participant::join(a.session.link());
    b.session.announce("Ben", "as-is", None);
    until_news(&b.session, "Ana in Ben's session", |s| {
        !s.colleagues().is_empty()
    });
    let ana = &b.session.colleagues()[0];
    assert_eq!(
        (ana.name.as_str(), ana.journey.as_str(), ana.card.as_deref()),
        ("Ana Lopez", "as-is", Some("newsletter"))
    );
    until_news(&a.session, "Ben in Ana's session", |s| {
        s.colleagues().iter().any(|c| c.name == "Ben")
    });
    assert!(
        b.project() == a.project(),
        "presence is never part of the document"
    );

    drop(a);
    until_news(&b.session, "Ana gone from Ben's session", |s| {
        s.colleagues().is_empty()
    });
}

#[test]
fn a_change_that_would_pass_the_document_size_limit_is_not_taken() {
    let data = tempfile::tempdir().unwrap();
    let mut options = ServerOptions::new("127.0.0.1:0".parse().unwrap(), data.path());
    // The server stores the template's document in about 27 KB.
    options.max_document_bytes = 40_000;
    let server = Server::start(&options).unwrap();
    let mut a = Participant::share(&server, template_project().unwrap());
    let before = a.project().clone();

    let journey = &a.project().journeys[0];
    let mut card = journey.cards[0].clone();
    // Random text, which no compression makes small: 19 KB of it.
    let mut rng = StdRng::seed_from_u64(7);
    card.notes = (0..19_000)
        .map(|_| char::from(rng.random_range(b'a'..=b'z')))
        .collect();
    a.edit(operations::set_card(journey, 0, card));
    assert!(
        a.session.wait_until_stored(Duration::from_secs(3)).is_err(),
        "the server took a change past the document's limit"
    );
    assert_eq!(
        a.project().journeys[0].cards[0].notes.len(),
        19_000,
        "the participant keeps the change"
    );
    let newcomer = Participant::join(a.session.link());
    assert_eq!(
        newcomer.project(),
        &before,
        "the server holds the document as it was"
    );
}
