//! Participants of a live session for the tests and the bench: each edits a document of
//! its own through the edit door and commits to its session, as the window does; random
//! edits from many at once; and waiting until all hold the same project. `tests/live.rs`
//! and `benches/live.rs` include this file with `#[path]`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use journeymap::file::template_project;
use journeymap::live::server::{Server, ServerOptions};
use journeymap::live::{Link, LiveError, Session, SessionOptions};
use journeymap::model::{Comment, Document, Project, operations};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// How long one wait for a colleague's change, or for the server to hold one's own, may
/// take before the test gives up. Twenty participants making a hundred edits each at once
/// kept the server busy for up to two minutes in the debug build before samod-core was
/// patched (about a minute since).
pub const PATIENCE: Duration = Duration::from_secs(300);

pub fn options() -> SessionOptions {
    SessionOptions {
        max_retry_delay: Duration::from_millis(200),
    }
}

/// `journeymap serve` as a process, and the address it printed.
pub fn serve_process(data: &std::path::Path, listen: &str, log: Stdio) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["serve", "--listen", listen, "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("ws://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    (child, address)
}

pub fn start_server(data: &std::path::Path, listen: &str) -> Server {
    Server::start(&ServerOptions::new(listen.parse().unwrap(), data)).unwrap()
}

/// A participant: the document they edit, and their end of the live session.
pub struct Participant {
    pub document: Document,
    pub session: Session,
}

impl Participant {
    pub fn share(server: &Server, project: Project) -> Self {
        Self::share_at(&server.address().to_string(), project)
    }

    pub fn share_at(address: &str, project: Project) -> Self {
        let session = Session::share(&format!("ws://{address}"), &project, &options()).unwrap();
        Self::of(session, project)
    }

    /// Joins as a newcomer, trying again while the server is too busy to answer a first
    /// contact in time, for up to [`PATIENCE`].
    pub fn join_when_answered(link: &Link) -> Self {
        let start = std::time::Instant::now();
        loop {
            match Session::join(link, &options()) {
                Ok((session, project)) => return Self::of(session, project),
                Err(LiveError::Unreachable { .. }) if start.elapsed() < PATIENCE => {}
                Err(error) => panic!("a newcomer could not join: {error}"),
            }
        }
    }

    pub fn join(link: &Link) -> Self {
        let (session, project) = Session::join(link, &options()).unwrap();
        Self::of(session, project)
    }

    /// The participant of `session`, whose document starts at `project`.
    fn of(session: Session, project: Project) -> Self {
        Self {
            document: Document::new(project),
            session,
        }
    }

    /// Applies an edit as the app does: through the document, then into the session.
    pub fn edit(&mut self, edit: journeymap::model::Edit) {
        self.document.apply(edit).unwrap();
        self.session.commit(self.document.project(), false).unwrap();
    }

    /// Takes in what colleagues changed, if anything.
    pub fn catch_up(&mut self) {
        if let Some(project) = self.session.poll() {
            self.document.apply_remote(project.unwrap()).unwrap();
        }
    }

    /// Waits for a colleague's change and takes it in.
    pub fn receive(&mut self) {
        assert!(
            self.session.wait_for_change(PATIENCE),
            "no change arrived in {PATIENCE:?}"
        );
        self.catch_up();
    }

    pub fn project(&self) -> &Project {
        self.document.project()
    }
}

/// Brings every participant up to date until all hold the same project.
pub fn converge(participants: &mut [Participant]) {
    for (i, participant) in participants.iter_mut().enumerate() {
        if let Err(error) = participant.session.wait_until_stored(PATIENCE) {
            panic!(
                "participant {i}: {error}; connected: {}",
                participant.session.is_connected()
            );
        }
    }
    for _ in 0..200 {
        for participant in participants.iter_mut() {
            participant.catch_up();
        }
        let first = participants[0].project().clone();
        let behind: Vec<usize> = (0..participants.len())
            .filter(|&i| *participants[i].project() != first)
            .collect();
        if behind.is_empty() {
            return;
        }
        for i in behind.into_iter().chain([0]) {
            participants[i]
                .session
                .wait_for_change(Duration::from_millis(100));
        }
    }
    panic!("the participants did not converge");
}

/// `count` random edits by participant `who`, as fast as they go: typing, moves,
/// comments, moments of truth, cards added and deleted.
pub fn random_edits(participant: &mut Participant, who: usize, count: usize, seed: u64) -> Tally {
    let mut rng = StdRng::seed_from_u64(seed);
    let mark = char::from_u32(0xC0 + who as u32).unwrap();
    let mut tally = Tally::default();
    let mut own_cards: Vec<String> = Vec::new();
    for step in 0..count {
        let journey = &participant.project().journeys[0];
        // Typing and comments go to the template's cards, which nobody deletes.
        let template_cards: Vec<usize> = (0..journey.cards.len())
            .filter(|&i| !journey.cards[i].id.starts_with("added-"))
            .collect();
        let index = template_cards[rng.random_range(0..template_cards.len())];
        let mut card = journey.cards[index].clone();
        let edit = match rng.random_range(0..6) {
            0 => {
                card.title.push(mark);
                tally.letters += 1;
                operations::set_card(journey, index, card)
            }
            1 => {
                let stage = &journey.stages[rng.random_range(0..journey.stages.len())].id;
                operations::move_card(journey, index, stage, &card.lane, 0)
            }
            2 => {
                let text = format!("note {who}-{step}");
                card.comments.push(Comment {
                    author: format!("P{who}"),
                    at: format!("2026-11-26T10:{:02}:{:02}Z", step / 60, step % 60),
                    text: text.clone(),
                    resolved: false,
                });
                tally.comments.push(text);
                operations::set_card(journey, index, card)
            }
            3 => {
                card.moment_of_truth = !card.moment_of_truth;
                operations::set_card(journey, index, card)
            }
            4 => {
                let id = format!("added-{who}-{step}");
                let mut new = card.clone();
                new.id = id.clone();
                new.title = format!("Added by {who}");
                new.comments.clear();
                new.links.clear();
                own_cards.push(id.clone());
                tally.cards.push(id);
                operations::add_card(journey, new, 0)
            }
            _ => match own_cards.pop() {
                Some(id) => {
                    tally.cards.retain(|kept| *kept != id);
                    let at = journey.cards.iter().position(|c| c.id == id).unwrap();
                    operations::delete_card(journey, at)
                }
                None => continue,
            },
        };
        participant.edit(edit);
        if step % 7 == 0 {
            participant.catch_up();
        }
    }
    tally
}

/// What one participant's edits must leave in the merged project.
#[derive(Default)]
pub struct Tally {
    pub letters: usize,
    pub comments: Vec<String>,
    pub cards: Vec<String>,
}

/// `count` participants each making `edits` random edits (see [`random_edits`]) at once,
/// until all converge to the same valid project, with nothing lost.
pub fn edit_at_once(count: usize, edits: usize) {
    let data = tempfile::tempdir().unwrap();
    let server = start_server(data.path(), "127.0.0.1:0");
    edit_at_once_at(&server.address().to_string(), count, edits);
}

/// As [`edit_at_once`], through the server at `address`.
pub fn edit_at_once_at(address: &str, count: usize, edits: usize) {
    let first = Participant::share_at(address, template_project().unwrap());
    let link = first.session.link().clone();
    let mut participants = vec![first];
    participants.extend((1..count).map(|_| Participant::join(&link)));
    let (participants, tallies): (Vec<Participant>, Vec<Tally>) = std::thread::scope(|scope| {
        let running: Vec<_> = participants
            .into_iter()
            .enumerate()
            .map(|(who, mut participant)| {
                scope.spawn(move || {
                    let tally = random_edits(&mut participant, who, edits, who as u64 + 1);
                    (participant, tally)
                })
            })
            .collect();
        running.into_iter().map(|run| run.join().unwrap()).unzip()
    });
    let mut participants = participants;
    converge(&mut participants);
    // Each participant took colleagues' changes in card by card: a newcomer reading the
    // whole document from the server sees the same. The others leave first, and the
    // newcomer may have to try again: the server can still be working through what the
    // participants sent.
    let converged = participants[0].project().clone();
    drop(participants);
    let newcomer = Participant::join_when_answered(&link);
    assert_eq!(newcomer.project(), &converged);
    let project = &converged;
    assert!(journeymap::model::validate(project).is_empty());
    let cards = &project.journeys[0].cards;
    for (who, tally) in tallies.iter().enumerate() {
        let mark = char::from_u32(0xC0 + who as u32).unwrap();
        let letters: usize = cards
            .iter()
            .map(|card| card.title.chars().filter(|&c| c == mark).count())
            .sum();
        assert_eq!(letters, tally.letters, "participant {who}'s typing");
        for text in &tally.comments {
            assert!(
                cards
                    .iter()
                    .any(|card| card.comments.iter().any(|c| &c.text == text)),
                "comment {text} was lost"
            );
        }
        for id in &tally.cards {
            assert!(
                cards.iter().any(|card| &card.id == id),
                "card {id} was lost"
            );
        }
    }
}
