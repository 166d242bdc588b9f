//! `journeymap import` and `export` to tables and diagrams, run as a process.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

#[path = "common/run.rs"]
mod run;

use run::{journeymap, text, text_of};

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn inside(folder: &Path, name: &str) -> String {
    folder.join(name).to_string_lossy().into_owned()
}

#[test]
fn import_writes_a_project_that_checks() {
    let folder = tempfile::tempdir().unwrap();
    let out = inside(folder.path(), "day.ron");
    let output = journeymap(&[
        "import",
        &fixture("mermaid-journey/01-docs-my-working-day.mmd"),
        "-o",
        &out,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert!(
        text(&output.stdout).contains("day.ron: written, 1 journey, 2 stages, 5 cards, 2 personas")
    );
    let checked = journeymap(&["check", &out]);
    assert_eq!(checked.status.code(), Some(0), "{}", text_of(&checked));
    let table = inside(folder.path(), "tables.csv");
    std::fs::copy(fixture("tables/committee.csv"), &table).unwrap();
    let out = inside(folder.path(), "committee.ron");
    let output = journeymap(&["import", &table, "-o", &out]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    let project = journeymap::file::read_project(Path::new(&out)).unwrap();
    assert_eq!(project.journeys.len(), 2);
}

#[test]
fn import_warns_on_stderr_and_still_writes() {
    let folder = tempfile::tempdir().unwrap();
    let out = inside(folder.path(), "out.ron");
    let output = journeymap(&["import", &fixture("tables/unknown-columns.csv"), "-o", &out]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stderr).contains("warning: ")
            && text(&output.stderr).contains("unknown columns are ignored: `priority`, `Sprint`")
    );
    assert!(Path::new(&out).exists());
}

#[test]
fn a_failed_import_writes_nothing_and_leaves_the_old_file() {
    let folder = tempfile::tempdir().unwrap();
    let out = inside(folder.path(), "out.ron");
    std::fs::write(&out, "keep me").unwrap();
    let output = journeymap(&[
        "import",
        &fixture("tables/emotion-out-of-range.csv"),
        "-o",
        &out,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("emotion-out-of-range.csv: row 14, column emotion: 7 is outside −2..+2"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let entries = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(entries, 1);
}

#[test]
fn import_exit_codes_for_usage_and_bad_names() {
    let folder = tempfile::tempdir().unwrap();
    let diagram = fixture("mermaid-journey/01-docs-my-working-day.mmd");
    assert_eq!(journeymap(&["import", &diagram]).status.code(), Some(2));
    assert_eq!(
        journeymap(&["import", &diagram, "-o", "x.ron", "--format", "xls"])
            .status
            .code(),
        Some(2)
    );
    let not_ron = journeymap(&["import", &diagram, "-o", &inside(folder.path(), "x.csv")]);
    assert_eq!(not_ron.status.code(), Some(1));
    assert!(text(&not_ron.stderr).contains("a project is written as a .ron file"));
    let copy = inside(folder.path(), "day.txt");
    std::fs::copy(&diagram, &copy).unwrap();
    let unknown = journeymap(&["import", &copy, "-o", &inside(folder.path(), "x.ron")]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("give --format"));
    let told = journeymap(&[
        "import",
        &copy,
        "-o",
        &inside(folder.path(), "x.ron"),
        "--format",
        "mermaid",
    ]);
    assert_eq!(told.status.code(), Some(0), "{}", text_of(&told));
    let missing = journeymap(&[
        "import",
        &inside(folder.path(), "none.csv"),
        "-o",
        &inside(folder.path(), "y.ron"),
    ]);
    assert_eq!(missing.status.code(), Some(1));
}

/// The template written into `folder`.
fn template(folder: &Path) -> PathBuf {
    let path = folder.join("plan.ron");
    std::fs::write(&path, journeymap::model::TEMPLATE_RON).unwrap();
    path
}

#[test]
fn export_writes_tables_and_diagrams_that_import_again() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template(folder.path());
    let plan = plan.to_str().unwrap();
    let project = journeymap::file::read_project(Path::new(plan)).unwrap();
    for name in ["all.csv", "all.tsv", "first.mmd", "second.mermaid"] {
        let out = inside(folder.path(), name);
        let mut args = vec!["export", plan, "-o", &out];
        if name.starts_with("second") {
            args.extend([
                "--journey",
                &project.journeys[1].id,
                "--mermaid-lanes",
                "all",
            ]);
        }
        let output = journeymap(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text_of(&output)
        );
        let back = inside(folder.path(), &format!("{name}.ron"));
        let output = journeymap(&["import", &out, "-o", &back]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text_of(&output)
        );
        let back = journeymap::file::read_project(Path::new(&back)).unwrap();
        let cards = |p: &journeymap::model::Project| {
            p.journeys.iter().map(|j| j.cards.len()).sum::<usize>()
        };
        match name {
            "all.csv" | "all.tsv" => assert_eq!(cards(&back), cards(&project)),
            "second.mermaid" => {
                assert_eq!(back.journeys[0].name, project.journeys[1].name);
                let shown = project.journeys[1].cards.len();
                assert_eq!(cards(&back), shown);
            }
            _ => assert!(cards(&back) < project.journeys[0].cards.len()),
        }
    }
    let tsv = std::fs::read_to_string(folder.path().join("all.tsv")).unwrap();
    assert!(tsv.starts_with("\u{feff}journey\tstage\tlane\t"), "{tsv}");
}

#[test]
fn export_to_a_table_never_replaces_its_input_and_names_a_bad_journey() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template(folder.path());
    let before = std::fs::read(&plan).unwrap();
    let link = folder.path().join("plan.csv");
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    let output = journeymap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("that is the file being read"),
        "{}",
        text_of(&output)
    );
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let out = inside(folder.path(), "x.mmd");
    let output = journeymap(&[
        "export",
        plan.to_str().unwrap(),
        "-o",
        &out,
        "--journey",
        "nope",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no journey with the id `nope`"));
    assert!(!Path::new(&out).exists());
}

#[test]
fn an_export_is_named_for_what_it_writes_and_a_table_is_not_a_project() {
    let folder = tempfile::tempdir().unwrap();
    let plan = template(folder.path());
    let plan = plan.to_str().unwrap();
    for name in ["copy.ron", "notes.txt", "plain"] {
        let out = inside(folder.path(), name);
        let output = journeymap(&["export", plan, "-o", &out]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(
            text(&output.stderr).contains("an export is named for what it writes"),
            "{name}"
        );
        assert!(!Path::new(&out).exists(), "{name}");
    }
    // A journey may be named by its name as well as its id; picture options are noted.
    let out = inside(folder.path(), "to-be.mmd");
    let output = journeymap(&[
        "export",
        plan,
        "-o",
        &out,
        "--journey",
        "To be",
        "--slides",
        "--owner",
        "Sales",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text_of(&output));
    assert!(
        text(&output.stderr).contains(
            "note: --slides, the filters shape a picture; a Mermaid journey diagram has every card"
        ),
        "{}",
        text_of(&output)
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("title To be")
    );
    // `check` of a table says how to import it.
    let output = journeymap(&["check", &fixture("tables/minimal.csv")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("is a CSV table, not a project: `journeymap import"),
        "{}",
        text_of(&output)
    );
}
