//! The project file as a public contract: round trips, every validation rule, every read
//! error, saving that never loses the user's file, and the recovery file that keeps
//! unsaved work, read with the same limits and checks.

// A test that cannot set up or read what it checks fails right there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use journeymap::file::{
    Backup, FileError, MAX_PROJECT_BYTES, parse_project, read_project, read_recovery,
    remove_recovery, save_project, to_ron, write_atomically, write_recovery,
};
use journeymap::model::{CardKind, Project, TEMPLATE_RON};

fn template() -> Project {
    journeymap::file::template_project().expect("the built-in template is valid")
}

fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
            .expect("examples folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
            .collect();
    files.sort();
    assert!(
        files.len() >= 2,
        "the examples folder holds the example projects"
    );
    files
}

/// Load, save, load: equal; save twice: the same bytes.
fn assert_round_trip(project: &Project, folder: &Path) {
    let first = folder.join("first.ron");
    let second = folder.join("second.ron");
    save_project(&first, project).expect("save");
    let reloaded = read_project(&first).expect("reload");
    assert_eq!(&reloaded, project);
    save_project(&second, &reloaded).expect("save again");
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
}

#[test]
fn template_is_valid_and_complete() {
    let project = template();
    let journey = &project.journeys[0];
    assert!(
        journey.stages.len() >= 7,
        "problem identification to renewal"
    );
    assert!(project.departments.len() >= 4);
    let persona = &project.personas[0];
    for list in [
        &persona.goals,
        &persona.values,
        &persona.channels,
        &persona.influencers,
    ] {
        assert!(!list.is_empty());
    }
    assert!(!persona.buying_process.is_empty());
    let cards = &journey.cards;
    assert!(
        cards
            .iter()
            .any(|c| c.moment_of_truth && !c.if_it_fails.is_empty())
    );
    assert!(
        cards
            .iter()
            .any(|c| c.kind == CardKind::PainPoint && c.severity.is_some())
    );
    assert!(cards.iter().any(|c| c.kind == CardKind::Opportunity));
    assert!(cards.iter().any(|c| !c.comments.is_empty()));
    assert!(cards.iter().any(|c| c.if_it_fails.contains("Nobody calls")));
}

#[test]
fn template_file_is_written_exactly_as_save_writes_it() {
    assert_eq!(to_ron(&template()).unwrap(), TEMPLATE_RON);
}

#[test]
fn template_round_trips() {
    let folder = tempfile::tempdir().unwrap();
    assert_round_trip(&template(), folder.path());
}

#[test]
fn every_example_round_trips() {
    for path in example_files() {
        let project = read_project(&path).unwrap_or_else(|e| panic!("{e}"));
        let folder = tempfile::tempdir().unwrap();
        assert_round_trip(&project, folder.path());
    }
}

#[test]
fn text_with_quotes_backslashes_apostrophes_and_lines_round_trips() {
    let mut project = template();
    let tricky = "Dana's \"quote\" with a \\ backslash, a \\' pair,\na new line, ünïcödé and 🚀";
    project.title = tricky.to_owned();
    project.journeys[0].cards[0].notes = tricky.to_owned();
    let folder = tempfile::tempdir().unwrap();
    assert_round_trip(&project, folder.path());
    let text = to_ron(&project).unwrap();
    assert!(text.contains("Dana's"), "apostrophes are written plainly");
}

#[test]
fn written_file_leaves_defaults_out_and_keeps_field_order() {
    let text = to_ron(&template()).unwrap();
    let card = text.split("Card(").nth(1).unwrap();
    let order = [
        "id:",
        "kind:",
        "stage:",
        "lane:",
        "title:",
        "channel:",
        "owner:",
        "emotion:",
        "evidence:",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|field| card.find(field).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "fields in the order of the format"
    );
    assert!(!text.contains("moment_of_truth: false"));
    assert!(!text.contains("notes: \"\""));
}

#[test]
fn unknown_fields_are_ignored() {
    let text = TEMPLATE_RON
        .replacen("format: 2,", "format: 2,\n    theme: \"corporate\",", 1)
        .replacen(
            "id: \"newsletter\",",
            "id: \"newsletter\",\n                    sticker: Some((1, [2, 3])),",
            1,
        );
    let project = parse_project(text.as_bytes(), Path::new("later.ron")).expect("opens");
    assert_eq!(project, template());
}

/// Parses the template with one replacement and returns the error message.
fn error_after(from: &str, to: &str) -> String {
    assert!(
        TEMPLATE_RON.contains(from),
        "the template contains {from:?}"
    );
    let text = TEMPLATE_RON.replacen(from, to, 1);
    match parse_project(text.as_bytes(), Path::new("plan.ron")) {
        Ok(_) => panic!("replacing {from:?} with {to:?} should make the file invalid"),
        Err(error) => error.to_string(),
    }
}

fn assert_mentions(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "{message:?} should mention {part:?}"
        );
    }
}

#[test]
fn each_validation_rule_names_the_item_and_field() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "id: \"sales\"",
            "id: \"mkt\"",
            &["department `mkt`", "`id`", "same id"],
        ),
        (
            "name: \"Dana Whitfield\"",
            "name: \"\"",
            &["persona `risk-lead`", "`name`"],
        ),
        (
            "id: \"as-is\"",
            "id: \"\"",
            &["journey #1 (no id)", "`id`", "empty"],
        ),
        (
            "id: \"explore\"",
            "id: \"problem\"",
            &["journey `as-is`", "stage `problem`", "`id`"],
        ),
        (
            "id: \"pain\"",
            "id: \"touch\"",
            &["journey `as-is`", "lane `touch`", "`id`"],
        ),
        (
            "id: \"webinar\"",
            "id: \"newsletter\"",
            &["card `newsletter`", "`id`"],
        ),
        (
            "persona: Some(\"risk-lead\")",
            "persona: Some(\"legal\")",
            &["journey `as-is`", "`persona`", "`legal`"],
        ),
        (
            "persona: \"it-security\"",
            "persona: \"legal\"",
            &["journey `as-is`", "`committee`", "`legal`"],
        ),
        (
            "persona: \"procurement\"",
            "persona: \"cfo\"",
            &["journey `as-is`", "`committee`", "`cfo`", "twice"],
        ),
        (
            "\"procurement\": 0,",
            "\"risk-lead\": 0,",
            &[
                "card `no-benchmark`",
                "`emotions`",
                "`risk-lead`",
                "primary",
            ],
        ),
        (
            "\"cfo\": -1,",
            "\"cfo\": -7,",
            &["card `no-benchmark`", "`emotions`", "-7 of `cfo`"],
        ),
        (
            "owner: Some(\"mkt\")",
            "owner: Some(\"legal\")",
            &["card `newsletter`", "`owner`", "`legal`"],
        ),
        (
            "lane: \"touch\"",
            "lane: \"swimlane\"",
            &["card `newsletter`", "`lane`", "`swimlane`"],
        ),
        (
            "stage: \"problem\"",
            "stage: \"awareness\"",
            &["card `newsletter`", "`stage`", "`awareness`"],
        ),
        (
            "lane: \"touch\"",
            "lane: \"emotion\"",
            &["card `newsletter`", "`lane`", "Emotion lane"],
        ),
        (
            "links: [\n                        \"no-benchmark\"",
            "links: [\n                        \"nope\"",
            &["card `benchmark-opp`", "`links`", "`nope`"],
        ),
        (
            "links: [\n                        \"no-benchmark\"",
            "links: [\n                        \"benchmark-opp\"",
            &["card `benchmark-opp`", "`links`", "itself"],
        ),
        (
            "emotion: Some(0)",
            "emotion: Some(3)",
            &["card `newsletter`", "`emotion`", "-2..=2"],
        ),
        (
            "conversion: Some(0.6)",
            "conversion: Some(1.2)",
            &["stage `problem`", "`conversion`", "0..=1"],
        ),
        (
            "color: \"#B279A2\"",
            "color: \"purple\"",
            &["persona `risk-lead`", "`color`", "#RRGGBB"],
        ),
        (
            "title: \"Industry newsletter",
            "title: \"   \", notes: \"Industry newsletter",
            &["card `newsletter`", "`title`"],
        ),
    ];
    for (from, to, parts) in cases {
        let message = error_after(from, to);
        assert_mentions(&message, &["plan.ron", "not valid"]);
        assert_mentions(&message, parts);
    }
}

#[test]
fn several_problems_are_all_listed() {
    let text = TEMPLATE_RON
        .replacen("emotion: Some(0)", "emotion: Some(5)", 1)
        .replacen("owner: Some(\"cs\")", "owner: Some(\"ops\")", 1);
    let message = parse_project(text.as_bytes(), Path::new("plan.ron"))
        .unwrap_err()
        .to_string();
    assert_mentions(&message, &["2 problems", "`emotion`", "`ops`"]);
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    // Line 3 of the template is the title; drop its closing quote.
    let message = error_after(
        "title: \"B2B buying journey: risk-management platform\",",
        "title: B2B buying journey,",
    );
    assert!(message.starts_with("plan.ron:3:"), "{message}");
}

#[test]
fn missing_required_fields_are_named() {
    let message = error_after("format: 2,\n", "");
    assert_mentions(&message, &["plan.ron:", "format"]);
    let message = error_after(
        "title: \"Industry newsletter: 'Five audit findings that keep coming back'\",\n",
        "",
    );
    assert_mentions(&message, &["plan.ron:", "title"]);
}

#[test]
fn unknown_variants_and_wrong_types_are_named() {
    let message = error_after("kind: Touchpoint,", "kind: Billboard,");
    assert_mentions(&message, &["plan.ron:", "Billboard"]);
    let message = error_after("emotion: Some(0)", "emotion: Some(\"calm\")");
    assert_mentions(&message, &["plan.ron:"]);
    let line = TEMPLATE_RON
        .lines()
        .position(|l| l.contains("emotion: Some(0)"))
        .unwrap()
        + 1;
    assert!(
        message.starts_with(&format!("plan.ron:{line}:")),
        "{message}"
    );
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let mut bytes = b"Project(\n    format: 1,\n    title: \"ab".to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"\",\n)\n");
    let message = parse_project(&bytes, Path::new("plan.ron"))
        .unwrap_err()
        .to_string();
    assert_mentions(&message, &["plan.ron:3:15", "UTF-8"]);
}

#[test]
fn newer_format_is_refused_naming_both_numbers() {
    let message = error_after("format: 2,", "format: 3,");
    assert_mentions(&message, &["plan.ron", "format 3", "format 2"]);
    // Even when the newer file has shapes this version cannot parse.
    let message = error_after("kind: Touchpoint,", "kind: Touchpoint(v: 2),").to_string();
    assert!(
        message.contains("plan.ron:"),
        "a current file with a bad shape is a syntax error"
    );
    let text = TEMPLATE_RON
        .replacen("format: 2,", "format: 7,", 1)
        .replacen("kind: Touchpoint,", "kind: Touchpoint(v: 2),", 1);
    let message = parse_project(text.as_bytes(), Path::new("plan.ron"))
        .unwrap_err()
        .to_string();
    assert_mentions(&message, &["format 7", "format 2"]);
}

#[test]
fn deep_nesting_fails_cleanly() {
    let depth = 200_000;
    let text = format!(
        "Project(format: 1, extra: {}{})",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let error = parse_project(text.as_bytes(), Path::new("deep.ron")).unwrap_err();
    assert!(matches!(error, FileError::Syntax { .. }), "{error}");
    assert!(error.to_string().starts_with("deep.ron:1:"), "{error}");
}

#[test]
fn files_over_the_limit_are_refused_naming_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.ron");
    let file = fs::File::create(&path).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let message = read_project(&path).unwrap_err().to_string();
    assert_mentions(&message, &["huge.ron", "64 MiB"]);
}

#[test]
fn a_missing_file_is_named() {
    let message = read_project(Path::new("/no/such/plan.ron"))
        .unwrap_err()
        .to_string();
    assert_mentions(&message, &["/no/such/plan.ron", "cannot read"]);
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    let mut project = template();
    save_project(&path, &project).unwrap();
    let first = fs::read(&path).unwrap();
    project.title = "Second version".to_owned();
    save_project(&path, &project).unwrap();
    assert_eq!(fs::read(folder.path().join("plan.ron.bak")).unwrap(), first);
    assert_eq!(read_project(&path).unwrap().title, "Second version");
    let leftovers: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn a_failed_save_leaves_the_original_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    let original = b"Project(format: 1, title: \"Keep me\")\n";
    fs::write(&path, original).unwrap();
    // The backup cannot be written: its name is taken by a folder that is not empty.
    let blocker = folder.path().join("plan.ron.bak");
    fs::create_dir(&blocker).unwrap();
    fs::write(blocker.join("inside"), b"x").unwrap();

    let message = save_project(&path, &template()).unwrap_err().to_string();
    assert_mentions(&message, &["plan.ron", "cannot save", "unchanged"]);
    assert_eq!(fs::read(&path).unwrap(), original);
    let names: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only the original and the blocker remain: {names:?}"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_with_the_path() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("gone").join("plan.ron");
    let message = save_project(&path, &template()).unwrap_err().to_string();
    assert_mentions(&message, &["gone/plan.ron", "cannot save"]);
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_replaces_the_linked_file() {
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("real.ron");
    let link = folder.path().join("link.ron");
    save_project(&real, &template()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut project = template();
    project.title = "Through the link".to_owned();
    save_project(&link, &project).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(read_project(&real).unwrap().title, "Through the link");
}

#[test]
fn every_field_round_trips() {
    use journeymap::model::{BuyingRole, Comment, Evidence, Kpi, Member, Persona, Severity};
    let mut project = template();
    project.notes = "Notes about the project".to_owned();
    project.departments[0].color = "#123456".to_owned();
    project.personas.push(Persona {
        id: "legal".to_owned(),
        name: "Chris".to_owned(),
        role: "Counsel".to_owned(),
        quote: "Show me the liability cap".to_owned(),
        goals: vec!["No unlimited liability".to_owned()],
        values: vec!["Predictable risk".to_owned()],
        pain_points: vec!["Surprise clauses".to_owned()],
        channels: vec!["Email".to_owned()],
        influencers: vec!["Auditor".to_owned()],
        buying_process: "Signs off every contract".to_owned(),
        color: "#AABBCC".to_owned(),
    });
    let journey = &mut project.journeys[0];
    journey.committee.push(Member {
        persona: "legal".to_owned(),
        role: Some(BuyingRole::Blocker),
        detail: "Legal".to_owned(),
    });
    journey.scenario = "A scenario".to_owned();
    journey.expectations = "Expectations".to_owned();
    let stage = &mut journey.stages[0];
    stage.exit_criteria = "Criteria".to_owned();
    stage.conversion = Some(0.125);
    stage.kpis.push(Kpi {
        name: "Win rate".to_owned(),
        value: "21%".to_owned(),
    });
    for list in [
        &mut stage.empathy.sees,
        &mut stage.empathy.hears,
        &mut stage.empathy.says,
        &mut stage.empathy.does,
        &mut stage.empathy.thinks,
        &mut stage.empathy.feels,
    ] {
        list.push("Something".to_owned());
    }
    let card = &mut journey.cards[0];
    card.notes = "Notes".to_owned();
    card.channel = "Event".to_owned();
    card.owner = Some("cs".to_owned());
    card.emotion = Some(-2);
    card.emotions.insert("legal".to_owned(), 2);
    card.moment_of_truth = true;
    card.if_it_fails = "Nobody notices".to_owned();
    card.severity = Some(Severity::Critical);
    card.evidence = Evidence::Research;
    card.links = vec!["webinar".to_owned()];
    card.comments.push(Comment {
        author: "Sam".to_owned(),
        at: "2026-11-25T10:00:00Z".to_owned(),
        text: "Check this".to_owned(),
        resolved: true,
    });
    let folder = tempfile::tempdir().unwrap();
    assert_round_trip(&project, folder.path());
    let text = to_ron(&project).unwrap();
    for field in [
        "buying_process",
        "exit_criteria",
        "conversion: Some(0.125)",
        "kpis",
        "thinks",
        "resolved: true",
        "moment_of_truth: true",
        "severity: Some(Critical)",
        "role: Some(Blocker)",
        "detail: \"Legal\"",
        "\"legal\": 2,",
    ] {
        assert!(text.contains(field), "{field} is written");
    }
}

#[test]
fn the_recovery_file_round_trips_the_project_and_where_it_came_from() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("data").join("recovery.ron");
    let source = folder.path().join("plan.ron");
    let mut project = template();
    project.title = "Unsaved work".to_owned();
    write_recovery(&recovery, &project, Some(&source)).expect("written, its folder made");
    let recovered = read_recovery(&recovery)
        .expect("a recovery file is there")
        .expect("it reads");
    assert_eq!(recovered.project, project);
    assert_eq!(recovered.path.as_deref(), Some(source.as_path()));

    write_recovery(&recovery, &project, None).expect("written again");
    assert!(
        !folder.path().join("data/recovery.ron.bak").exists(),
        "backups are for project saves"
    );
    remove_recovery(&recovery);
    assert!(read_recovery(&recovery).is_none(), "removed");
    assert!(!folder.path().join("data/recovery.ron.bak").exists());
}

#[test]
fn a_recovery_file_over_the_size_limit_is_refused_naming_it_and_left_in_place() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery.ron");
    let file = fs::File::create(&recovery).unwrap();
    // Sparse: no disk is filled to make a file larger than the limit.
    file.set_len(MAX_PROJECT_BYTES + 1).unwrap();
    let error = read_recovery(&recovery)
        .expect("a recovery file is there")
        .expect_err("too large");
    assert!(matches!(error, FileError::TooLarge { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains(&recovery.display().to_string()) && message.contains("64 MiB"),
        "{message}"
    );
    assert_eq!(
        fs::metadata(&recovery).unwrap().len(),
        MAX_PROJECT_BYTES + 1,
        "the file is kept for the user to look at"
    );
}

#[test]
fn a_recovery_file_of_a_newer_format_is_refused_with_a_message() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery.ron");
    let text = "RecoveryFile(path: None, project: Project(format: 99, title: \"From the future\", shiny_new_field: true))";
    fs::write(&recovery, text).unwrap();
    let error = read_recovery(&recovery)
        .expect("a recovery file is there")
        .expect_err("newer format");
    assert!(
        matches!(error, FileError::NewerFormat { found: 99, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains(&recovery.display().to_string()) && message.contains("newer Journeymap"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(&recovery).unwrap(),
        text,
        "left as it was"
    );
}

#[test]
fn a_broken_recovery_file_names_the_line_and_an_invalid_one_the_item() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery.ron");
    fs::write(&recovery, "(path: None,\n project: Project(format: 1,, ))").unwrap();
    let error = read_recovery(&recovery).unwrap().expect_err("syntax");
    assert!(
        matches!(error, FileError::Syntax { line: 2, .. }),
        "{error:?}"
    );

    let mut project = template();
    project.journeys[0].cards[0].title = String::new();
    write_recovery(&recovery, &project, None).unwrap();
    let error = read_recovery(&recovery).unwrap().expect_err("invalid");
    let message = error.to_string();
    assert!(matches!(error, FileError::Invalid { .. }), "{error:?}");
    assert!(
        message.contains(&project.journeys[0].cards[0].id),
        "{message}"
    );
}

#[test]
fn a_read_only_file_is_refused_not_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kept.ron");
    save_project(&path, &template()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();

    let mut changed = template();
    changed.title = "Changed".to_owned();
    let error = save_project(&path, &changed).expect_err("read-only");
    assert!(matches!(error, FileError::ReadOnly { .. }), "{error:?}");
    assert!(error.to_string().contains("kept.ron"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_is_refused_not_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("pipe.png");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let inner = folder.path().join("inner");
    fs::create_dir(&inner).unwrap();
    for target in [&pipe, &inner] {
        let error = write_atomically(target, b"bytes", Backup::Skip).expect_err("not a file");
        assert!(matches!(error, FileError::NotAFile { .. }), "{error:?}");
        assert!(!fs::metadata(target).unwrap().is_file(), "left as it was");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::metadata(&pipe).unwrap().file_type().is_fifo());
}

#[test]
fn temporary_files_of_writers_that_died_go_at_the_next_write() {
    let folder = tempfile::tempdir().unwrap();
    // No process has an id above Linux's largest; this writer is surely gone.
    let stale = folder.path().join(".plan.ron.journeymap-4194999.tmp");
    fs::write(&stale, b"half a file").unwrap();
    let other = folder.path().join(".notes.4194999.tmp");
    fs::write(&other, b"some other program's").unwrap();
    save_project(&folder.path().join("plan.ron"), &template()).unwrap();
    if cfg!(target_os = "linux") {
        assert!(!stale.exists(), "the dead writer's file is removed");
    }
    assert!(
        other.exists(),
        "only Journeymap's own temporary names are touched"
    );
    let left: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".journeymap-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
