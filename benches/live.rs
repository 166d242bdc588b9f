//! Live sessions through a real sync server on 127.0.0.1, in this process: how long a
//! colleague's edit takes to arrive, how long joining a large map takes, what a letter
//! typed into it costs, and how large the live document is beside the project file.
//! Goals (release, loopback): a remote edit within 100 ms (the session's, and the
//! window's: taken in, validated and laid out, on the 10,000-card map too), joining
//! 10,000 cards within 2 s, the template's live document at most 5 times its RON size.
//!
//! Also 20 participants making 100 random edits each at once, as fast as they go, until
//! they converge and a newcomer sees the same (as the tests do in the debug build).
//!
//! `cargo bench --bench live` prints the numbers.

// A bench that cannot set up its data should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/participants.rs"]
mod participants;

use std::time::{Duration, Instant};

use journeymap::file::{template_project, to_ron};
use journeymap::layout::{JourneyLayout, MapOptions};
use journeymap::live::server::{Server, ServerOptions};
use journeymap::live::{Session, SessionOptions, create_document};
use journeymap::model::{Document, Project, generated_project};

fn main() {
    // `cargo bench` passes `--bench`; nothing here takes options.
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(&ServerOptions::new(
        "127.0.0.1:0".parse().unwrap(),
        data.path(),
    ))
    .unwrap();
    let address = format!("ws://{}", server.address());
    let options = SessionOptions::default();

    size_of_template();
    remote_edit(&address, &options);
    large_map(&address, &options, 10_000);
    many_at_once(20, 100);
}

/// `count` participants each making `edits` random edits at once through one server (a
/// `journeymap serve` process, whose peak memory is reported), until all hold the same
/// project, checked as the tests check it (nothing lost, valid); or what went wrong, when
/// they do not get there.
fn many_at_once(count: usize, edits: usize) {
    let data = tempfile::tempdir().unwrap();
    let (mut server, address) =
        participants::serve_process(data.path(), "127.0.0.1:0", std::process::Stdio::null());
    let start = Instant::now();
    let run = std::panic::catch_unwind(|| participants::edit_at_once_at(&address, count, edits));
    let what = format!("{count} participants x {edits} random edits at once");
    match run {
        Ok(()) => println!("{what}, until all converge: {:?}", start.elapsed()),
        Err(_) => println!(
            "{what}: did not converge (see the message above), after {:?}",
            start.elapsed()
        ),
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.id())).unwrap();
    let peak = status.lines().find(|line| line.starts_with("VmHWM:"));
    println!("the server's peak memory: {}", peak.unwrap_or("unknown"));
    server.kill().unwrap();
    server.wait().unwrap();
}

fn size_of_template() {
    let project = template_project().unwrap();
    let ron = to_ron(&project).unwrap().len();
    let (document, _) = create_document(&project).unwrap();
    let saved = document.save().len();
    println!(
        "template: RON {ron} bytes, live document {saved} bytes ({:.2}x)",
        saved as f64 / ron as f64
    );
}

/// A title changed in A, until B has it, many times.
fn remote_edit(address: &str, options: &SessionOptions) {
    let mut project = template_project().unwrap();
    let mut a = Session::share(address, &project, options).unwrap();
    let (mut b, _) = Session::join(a.link(), options).unwrap();
    let mut times = Vec::new();
    for round in 0..200 {
        project.journeys[0].cards[round % 20].title.push('x');
        let start = Instant::now();
        a.commit(&project, false).unwrap();
        loop {
            assert!(
                b.wait_for_change(Duration::from_secs(5)),
                "the edit did not arrive (round {round})"
            );
            if b.poll().is_some_and(|seen| seen.unwrap() == project) {
                break;
            }
        }
        times.push(start.elapsed());
    }
    report("remote edit, A to B through the server", &mut times);
}

fn large_map(address: &str, options: &SessionOptions, cards: usize) {
    let mut project: Project = generated_project(20, cards);
    let start = Instant::now();
    let mut a = Session::share(address, &project, options).unwrap();
    println!("share {cards} cards: {:?}", start.elapsed());
    let start = Instant::now();
    let (mut b, joined) = Session::join(a.link(), options).unwrap();
    println!("join {cards} cards: {:?}", start.elapsed());
    assert_eq!(joined, project);

    // What B's window does before it draws: take the change in (read and validated),
    // show it (validated again by the edit door), lay it out.
    let mut window = Document::new(joined);
    let (mut total, mut read, mut shown, mut laid) = (vec![], vec![], vec![], vec![]);
    for round in 0..20 {
        project.journeys[0].cards[round * 11].title.push('z');
        let start = Instant::now();
        a.commit(&project, false).unwrap();
        loop {
            assert!(b.wait_for_change(Duration::from_secs(10)), "no change");
            let at = Instant::now();
            if let Some(seen) = b.poll() {
                read.push(at.elapsed());

                let at = Instant::now();
                window.apply_remote(seen.unwrap()).unwrap();
                shown.push(at.elapsed());
                if *window.project() == project {
                    break;
                }
            }
        }
        let at = Instant::now();
        let journey = &window.project().journeys[0];
        let layout = JourneyLayout::of(window.project(), journey, MapOptions::default());
        assert_eq!(layout.cards.len(), journey.cards.len());
        laid.push(at.elapsed());
        total.push(start.elapsed());
    }
    report(
        &format!("a colleague's edit laid out in the window ({cards} cards)"),
        &mut total,
    );
    report("  of which the session's read", &mut read);
    report("  of which the document's check", &mut shown);
    report("  of which the layout", &mut laid);

    let mut times = Vec::new();
    for round in 0..50 {
        project.journeys[0].cards[round * 7].title.push('y');
        let start = Instant::now();
        a.commit(&project, true).unwrap();
        times.push(start.elapsed());
    }
    report(
        &format!("a letter typed into a {cards}-card map (commit)"),
        &mut times,
    );
    let start = Instant::now();
    a.wait_until_stored(Duration::from_secs(30)).unwrap();
    println!("until the server holds them: {:?}", start.elapsed());
    let start = Instant::now();
    assert!(a.undo().unwrap());
    println!("undo of the typing ({cards} cards): {:?}", start.elapsed());
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |share: f64| times[((times.len() - 1) as f64 * share) as usize];
    println!(
        "{what}: median {:?}, 95th percentile {:?}, worst {:?} ({} runs)",
        at(0.5),
        at(0.95),
        times[times.len() - 1],
        times.len()
    );
}
