//! The command line, run as a process the way a user or a script runs it.

use std::path::Path;
use std::process::{Command, Output};

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn check_prints_totals_for_a_good_file() {
    let path = example("as-is-to-be.ron");
    let output = journeymap(&["check", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let project = journeymap::file::read_project(Path::new(&path)).unwrap();
    let stages: usize = project.journeys.iter().map(|j| j.stages.len()).sum();
    let cards: usize = project.journeys.iter().map(|j| j.cards.len()).sum();
    let expected = format!(
        "{} journeys, {stages} stages, {cards} cards, {} personas",
        project.journeys.len(),
        project.personas.len()
    );
    assert!(project.journeys.len() > 1 && cards > 0);
    assert!(
        stdout.contains(&expected),
        "{stdout:?} should contain {expected:?}"
    );
    assert!(stdout.contains("as-is-to-be.ron"));
}

#[test]
fn check_reports_a_bad_file_on_stderr_and_exits_1() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bad.ron");
    let text_with_error = journeymap::model::TEMPLATE_RON.replacen(
        "owner: Some(\"mkt\")",
        "owner: Some(\"legal\")",
        1,
    );
    std::fs::write(&path, text_with_error).unwrap();
    let output = journeymap(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("bad.ron"), "{stderr}");
    assert!(
        stderr.contains("card `newsletter`, field `owner`"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn check_reports_a_missing_file_and_exits_1() {
    let output = journeymap(&["check", "/no/such/journey.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("/no/such/journey.ron"), "{stderr}");
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check"][..],
        &["check", "a.ron", "b.ron"],
        &["--frobnicate"],
        &["frobnicate", "x"],
    ] {
        let output = journeymap(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&output.stderr)
        );
        assert!(text(&output.stderr).contains("Usage"), "{args:?}");
    }
}

#[test]
fn help_explains_check() {
    let output = journeymap(&["check", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("validate"), "{stdout}");
    assert!(stdout.contains("Exits 0"), "{stdout}");
}

#[test]
fn opening_a_bad_file_fails_before_any_window() {
    let output = journeymap(&["/no/such/journey.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("/no/such/journey.ron"));
}
