//! The command line, run as a process the way a user or a script runs it.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
#[path = "common/photo.rs"]
mod photo;
#[path = "common/pixels.rs"]
mod pixels;
#[path = "common/run.rs"]
mod run;

use photo::photo_png;
use pixels::read_pixels;
use run::{journeymap, text, text_of};

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
    let counted = |n: usize, what: &str| match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    };
    let expected = [
        counted(project.journeys.len(), "journey"),
        counted(stages, "stage"),
        counted(cards, "card"),
        counted(project.personas.len(), "persona"),
    ]
    .join(", ");
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

fn template_file(folder: &Path) -> String {
    let path = folder.join("plan.ron");
    std::fs::write(&path, journeymap::model::TEMPLATE_RON).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn export_writes_a_png_that_check_and_export_read_again() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let out = folder.path().join("map.png");
    let output = journeymap(&[
        "export",
        &plan,
        "-o",
        out.to_str().unwrap(),
        "--scale",
        "1",
        "--embed",
        "full",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");

    let check = journeymap(&["check", out.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let project = journeymap::file::template_project().unwrap();
    let summary = journeymap::cli::summary(&project);
    assert!(
        text(&check.stdout).contains(&summary),
        "{} should contain {summary}",
        text(&check.stdout)
    );

    let again = folder.path().join("again.png");
    let output = journeymap(&[
        "export",
        out.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
        "--scale",
        "1",
        "--embed",
        "full",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        std::fs::read(&again).unwrap(),
        bytes,
        "a PNG's project exports to the same bytes"
    );
}

#[test]
fn export_options_change_the_picture() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let size = |args: &[&str], name: &str| {
        let out = folder.path().join(name);
        let mut all = vec!["export", plan.as_str(), "-o", out.to_str().unwrap()];
        all.extend_from_slice(args);
        let output = journeymap(&all);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        common::open_png(&out).info().size()
    };
    let one = size(&["--scale", "1"], "one.png");
    let three = size(
        &["--scale", "3", "--theme", "dark", "--transparent"],
        "three.png",
    );
    assert_eq!(three, (one.0 * 3, one.1 * 3));
}

#[test]
fn export_reports_bad_input_and_exits_1() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let out = folder.path().join("map.png");
    let out = out.to_str().unwrap();

    let output = journeymap(&["export", &plan, "-o", out, "--journey", "as-it-was"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("no journey with the id `as-it-was`"),
        "{}",
        text(&output.stderr)
    );

    let bad = folder.path().join("bad.ron");
    std::fs::write(&bad, "Project(format: 1, title: )").unwrap();
    let output = journeymap(&["export", bad.to_str().unwrap(), "-o", out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("bad.ron:1:"),
        "{}",
        text(&output.stderr)
    );

    let photo = folder.path().join("photo.png");
    std::fs::write(&photo, photo_png()).unwrap();
    let output = journeymap(&["export", photo.to_str().unwrap(), "-o", out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("holds no Journeymap project"),
        "{}",
        text(&output.stderr)
    );
    assert!(!Path::new(out).exists(), "nothing is written on error");

    let output = journeymap(&["export", &plan, "-o", out, "--scale", "5"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a scale outside 1..=4 is a usage error"
    );
}

#[test]
fn export_of_a_picture_too_large_says_which_scale_to_try() {
    let folder = tempfile::tempdir().unwrap();
    let wide = folder.path().join("wide.ron");
    journeymap::file::save_project(&wide, &journeymap::model::generated_project(40, 100)).unwrap();
    let out = folder.path().join("wide.png");
    let output = journeymap(&[
        "export",
        wide.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--scale",
        "2",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("16384") && stderr.contains("try --scale 1"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn export_picks_a_journey_by_id() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let first = folder.path().join("first.png");
    let second = folder.path().join("second.png");
    for (args, out) in [(vec![], &first), (vec!["--journey", "to-be"], &second)] {
        let mut all = vec![
            "export",
            plan.as_str(),
            "-o",
            out.to_str().unwrap(),
            "--scale",
            "1",
        ];
        all.extend(args);
        let output = journeymap(&all);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
    assert_ne!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap(),
        "another journey, another picture"
    );
}

/// A project written for the health check: every rule fires exactly once.
const UNHEALTHY: &str = r#"Project(
    format: 1,
    departments: [Department(id: "sales", name: "Sales")],
    journeys: [
        Journey(
            id: "j",
            name: "J",
            stages: [
                Stage(id: "a", name: "A"),
                Stage(id: "b", name: "B"),
            ],
            lanes: [
                Lane(id: "t", kind: Touchpoints),
                Lane(id: "p", kind: PainPoints),
            ],
            cards: [
                Card(id: "call", kind: Touchpoint, stage: "a", lane: "t", title: "Call", owner: Some("sales"), moment_of_truth: true),
                Card(id: "wait", kind: PainPoint, stage: "b", lane: "p", title: "Wait", emotion: Some(-2),
                     comments: [Comment(author: "Sam", text: "Who owns this?")]),
            ],
        ),
    ],
)
"#;

#[test]
fn check_lists_health_findings_and_strict_exits_3() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("unhealthy.ron");
    std::fs::write(&path, UNHEALTHY).unwrap();
    let path = path.to_str().unwrap();

    let output = journeymap(&["check", path]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "findings alone do not fail a valid file"
    );
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].contains("1 journey, 2 stages, 2 cards, 0 personas"),
        "{stdout}"
    );
    let mut found: Vec<(&str, &str)> = lines[1..]
        .iter()
        .map(|line| {
            let mut parts = line.splitn(3, ": ");
            (parts.next().unwrap(), parts.next().unwrap())
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("j/b", "empty-stage"),
            ("j/call", "no-failure-path"),
            ("j/wait", "dip-without-opportunity"),
            ("j/wait", "pain-without-opportunity"),
            ("j/wait", "unowned"),
            ("j/wait", "unresolved-comments"),
        ]
    );

    let strict = journeymap(&["check", "--strict", path]);
    assert_eq!(strict.status.code(), Some(3));

    // The same file made healthy passes --strict.
    let healthy = UNHEALTHY
        .replace("moment_of_truth: true)", "moment_of_truth: true, if_it_fails: \"Sales calls back the next morning\")")
        .replace("title: \"Wait\", emotion: Some(-2),", "title: \"Wait\", owner: Some(\"sales\"),")
        .replace("comments: [Comment(author: \"Sam\", text: \"Who owns this?\")]", "comments: [Comment(author: \"Sam\", text: \"Who owns this?\", resolved: true)]")
        .replace(
            "Card(id: \"wait\"",
            "Card(id: \"fix\", kind: Opportunity, stage: \"b\", lane: \"p\", title: \"Fix\", links: [\"wait\"]),\n                Card(id: \"meet\", kind: Touchpoint, stage: \"b\", lane: \"t\", title: \"Meet\", owner: Some(\"sales\")),\n                Card(id: \"wait\"",
        );
    let healthy_path = folder.path().join("healthy.ron");
    std::fs::write(&healthy_path, healthy).unwrap();
    let output = journeymap(&["check", "--strict", healthy_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert_eq!(
        text(&output.stdout).lines().count(),
        1,
        "only the summary line"
    );
}

/// Exports `plan` at scale 1 with `args` to `name` in `folder`: how it went, and where.
fn export_at_scale_1(folder: &Path, plan: &str, args: &[&str], name: &str) -> (Output, PathBuf) {
    let out = folder.join(name);
    let mut all = vec!["export", plan, "-o", out.to_str().unwrap()];
    all.extend_from_slice(&["--scale", "1"]);
    all.extend_from_slice(args);
    (journeymap(&all), out)
}

#[test]
fn export_as_filtered_dims_what_does_not_match() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let export = |args: &[&str], name: &str| export_at_scale_1(folder.path(), &plan, args, name);
    let (output, plain) = export(&[], "plain.png");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let (output, filtered) = export(
        &["--kind", "touchpoint", "--owner", "Marketing"],
        "filtered.png",
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_ne!(read_pixels(&plain), read_pixels(&filtered));

    // The same filter through the library draws the same picture: the options reached it.
    let project = journeymap::file::template_project().unwrap();
    let filter = journeymap::model::Filter {
        owner: Some("mkt".to_owned()),
        kind: Some(journeymap::model::CardKind::Touchpoint),
        ..Default::default()
    };
    let picture =
        journeymap::export::render(&project, 0, common::options(1), Some(&filter)).unwrap();
    assert_eq!(read_pixels(&filtered), picture.rgba);

    let (output, missing) = export(&["--owner", "Legal"], "legal.png");
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("no department `Legal`") && stderr.contains("mkt (Marketing)"),
        "{stderr}"
    );
    assert!(!missing.exists(), "nothing is written on error");

    let (output, _) = export(&["--kind", "pain"], "pain.png");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("touchpoint, pain-point, opportunity, note"),
        "{}",
        text(&output.stderr)
    );

    let (output, nothing) = export(&["--channel", "Carrier pigeon"], "nothing.png");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stderr).contains("no card of journey `as-is` matches channel Carrier pigeon"),
        "{}",
        text(&output.stderr)
    );
    assert!(nothing.exists());
}

#[test]
fn export_refuses_to_write_over_its_own_input_even_through_a_link() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let before = std::fs::read(&plan).unwrap();
    // A link named like a picture, to the project.
    let link = folder.path().join("link.png");
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    for (out, refusal) in [
        (plan.clone(), "an export is named for what it writes"),
        (
            link.to_string_lossy().into_owned(),
            "the file the project comes from",
        ),
    ] {
        let output = journeymap(&["export", &plan, "-o", &out, "--scale", "1"]);
        assert_eq!(output.status.code(), Some(1));
        let stderr = text(&output.stderr);
        assert!(stderr.contains(refusal), "{stderr}");
    }
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "the project is untouched"
    );
    assert!(!folder.path().join("plan.ron.bak").exists());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn export_keeps_no_backup_and_leaves_a_users_own_bak_alone() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let out = folder.path().join("map.png");
    let users_bak = folder.path().join("map.png.bak");
    std::fs::write(&users_bak, b"mine").unwrap();
    for _ in 0..2 {
        let output = journeymap(&["export", &plan, "-o", out.to_str().unwrap(), "--scale", "1"]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
    assert_eq!(std::fs::read(&users_bak).unwrap(), b"mine");
}

/// The temporary files of Journeymap's writers in `folder`.
fn temporaries(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".journeymap-") && name.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_kill_mid_export_leaves_the_old_picture_or_the_new_one_and_no_temporary_file_stays() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let out = folder.path().join("map.png");
    let output = journeymap(&["export", &plan, "-o", out.to_str().unwrap(), "--scale", "1"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let old = std::fs::read(&out).unwrap();
    let mut changed = journeymap::file::template_project().unwrap();
    changed.title = "After the workshop".to_owned();
    let newer = folder.path().join("newer.ron");
    journeymap::file::save_project(&newer, &changed).unwrap();
    // What a complete new picture carries by default: the journey it shows.
    let embedded = journeymap::export::embedded_text(&changed, 0, journeymap::export::Embed::Map)
        .unwrap()
        .unwrap();
    let carried = journeymap::file::parse_project(embedded.as_bytes(), &newer).unwrap();
    assert_eq!(carried.title, "After the workshop");

    // Killed as soon as it starts, as soon as its temporary file appears, and once that
    // file has bytes in it: whenever it dies, the picture is the old one or the new one.
    for moment in 0..6 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args([
                "export",
                newer.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .args(["--scale", "1"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while moment > 0 && std::time::Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let writing = temporaries(folder.path()).iter().any(|name| {
                let size = std::fs::metadata(folder.path().join(name)).map_or(0, |m| m.len());
                moment < 3 || size > 0
            });
            if writing {
                break;
            }
        }
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read(&out).unwrap();
        if now != old {
            let inside = journeymap::file::read_project(&out).expect("a complete new picture");
            assert_eq!(inside, carried, "moment {moment}");
        }
    }
    // Left alone, the export completes with exactly that inside.
    let output = journeymap(&[
        "export",
        newer.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--scale",
        "1",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(journeymap::file::read_project(&out).unwrap(), carried);
    let output = journeymap(&["export", &plan, "-o", out.to_str().unwrap(), "--scale", "1"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(temporaries(folder.path()), Vec::<String>::new());
}

/// Runs journeymap with `input` on its standard input.
fn journeymap_with_input(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn check_and_export_read_standard_input_and_pipes_whole() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let project_text = std::fs::read(&plan).unwrap();
    let summary = journeymap::cli::summary(&journeymap::file::template_project().unwrap());
    for name in ["-", "/dev/stdin"] {
        let output = journeymap_with_input(&["check", name], &project_text);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text_of(&output)
        );
        assert!(text(&output.stdout).contains(&summary), "{name}");
    }
    let output = journeymap_with_input(&["check", "-"], &project_text);
    assert!(text(&output.stdout).starts_with("standard input: valid"));

    // A picture on standard input, as from `cat map.png |`.
    let out = folder.path().join("map.png");
    let output = journeymap_with_input(
        &[
            "export",
            "-",
            "-o",
            out.to_str().unwrap(),
            "--scale",
            "1",
            "--embed",
            "full",
        ],
        &project_text,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    let picture = std::fs::read(&out).unwrap();
    let output = journeymap_with_input(&["check", "-"], &picture);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert!(text(&output.stdout).contains(&summary));

    // A named pipe is opened once, so its first bytes are not lost and nothing hangs.
    let fifo = folder.path().join("plan.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer = {
        let (fifo, text) = (fifo.clone(), project_text.clone());
        std::thread::spawn(move || std::fs::write(fifo, text).unwrap())
    };
    let output = journeymap(&["check", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
}

#[test]
fn a_reader_that_stops_early_ends_the_listing_quietly() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["check", &plan])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -0`: the reader is gone before anything is printed.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn an_export_never_replaces_a_file_that_is_not_a_picture() {
    let folder = tempfile::tempdir().unwrap();
    let input = template_file(folder.path());
    let other = folder.path().join("other.ron");
    std::fs::copy(&input, &other).unwrap();
    let output = journeymap(&["export", &input, "-o", other.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("an export is named for what it writes"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        std::fs::read(&input).unwrap(),
        "the other project is untouched"
    );
    // A picture, or an empty file, is replaced.
    let picture = folder.path().join("map.png");
    std::fs::write(&picture, "").unwrap();
    for _ in 0..2 {
        let output = journeymap(&["export", &input, "-o", picture.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
}

#[test]
fn errors_name_what_exists_and_show_hostile_names_escaped() {
    let folder = tempfile::tempdir().unwrap();
    let input = template_file(folder.path());
    let out = folder.path().join("out.png");
    let output = journeymap(&[
        "export",
        &input,
        "-o",
        out.to_str().unwrap(),
        "--journey",
        "nope",
    ]);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "no journey with the id `nope`; its journeys are: as-is (As is), to-be (To be)"
        ),
        "{stderr}"
    );

    let hostile = folder.path().join("evil\u{1b}[31m.ron");
    let output = journeymap(&["check", hostile.to_str().unwrap()]);
    let stderr = text(&output.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(
        stderr.contains(r"evil\u{1b}[31m.ron: cannot read: there is no such file"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
}

#[test]
fn what_a_picture_carries_is_chosen_with_embed() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let out = folder.path().join("map.png");
    let out = out.to_str().unwrap();
    let carried = |embed: &str| {
        let output = journeymap(&["export", &plan, "-o", out, "--scale", "1", "--embed", embed]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        journeymap(&["check", out])
    };
    // By default the map shown: one journey, no comments, so no unresolved-comments finding.
    let output = journeymap(&["export", &plan, "-o", out, "--scale", "1"]);
    assert_eq!(output.status.code(), Some(0));
    let check = text(&journeymap(&["check", out]).stdout);
    assert!(check.contains("valid, 1 journey,"), "{check}");
    assert!(!check.contains("unresolved-comments"), "{check}");
    let full = text(&carried("full").stdout);
    assert!(full.contains("valid, 2 journeys,"), "{full}");
    assert!(full.contains("unresolved-comments"), "{full}");
    let plain = carried("none");
    assert_eq!(plain.status.code(), Some(1));
    assert!(
        text(&plain.stderr).contains("holds no Journeymap project"),
        "{}",
        text(&plain.stderr)
    );
}

#[test]
fn check_names_where_the_committee_splits_and_a_format_1_file_still_checks() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let output = journeymap(&["check", &plan]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    let split: Vec<&str> = stdout
        .lines()
        .filter(|line| line.contains(": committee-split: "))
        .collect();
    assert_eq!(split.len(), 1, "{stdout}");
    assert!(
        split[0].starts_with(
            "as-is/quote: committee-split: the committee splits at “Quote and order form”"
        ),
        "{}",
        split[0]
    );
    assert!(
        stdout
            .lines()
            .all(|line| !(line.starts_with("to-be/") && line.contains(": committee-"))),
        "the to-be journey resolves the split: {stdout}"
    );
    assert!(!stdout.contains("committee-unheard"), "{stdout}");

    // The template as it was in format 1 is still a valid project, with one persona.
    let old =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1/b2b-template.ron");
    let output = journeymap(&["check", old.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("1 persona"));
    assert!(!text(&output.stdout).contains("committee-"));
}

#[test]
fn export_draws_the_curves_of_the_personas_asked_for() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template_file(folder.path());
    let export = |args: &[&str], name: &str| export_at_scale_1(folder.path(), &plan, args, name);
    let (output, all) = export(&[], "all.png");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let (output, two) = export(&["--personas", "risk-lead,cfo"], "two.png");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_ne!(read_pixels(&all), read_pixels(&two), "two curves fewer");

    // The same choice through the library draws the same picture.
    let project = journeymap::file::template_project().unwrap();
    let journey = &project.journeys[0];
    let ids = ["risk-lead".to_owned(), "cfo".to_owned()];
    let options = journeymap::export::ExportOptions {
        curves: journeymap::export::curves_of(&project, journey, &ids).unwrap(),
        ..common::options(1)
    };
    let picture = journeymap::export::render(&project, 0, options, None).unwrap();
    assert_eq!(read_pixels(&two), picture.rgba);

    let (output, missing) = export(&["--personas", "cfo,legal"], "legal.png");
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("`legal`") && stderr.contains("cfo (Martin Okafor)"),
        "{stderr}"
    );
    assert!(!missing.exists(), "nothing is written on error");

    // Cards a member scored, as filtered; a persona the project does not have is refused.
    let (output, scored) = export(&["--persona", "it-security"], "scored.png");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_ne!(read_pixels(&all), read_pixels(&scored));
    let (output, _) = export(&["--persona", "legal"], "nobody.png");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no persona `legal`"));
}
