//! Properties of the file format and the document, tried on random projects and random
//! edit sequences (see `common/arbitrary.rs`), a few hundred cases each, from a fixed seed
//! so that every run tries the same cases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/arbitrary.rs"]
mod arbitrary_project;

use std::io::Cursor;
use std::path::Path;

use arbitrary::Unstructured;
use journeymap::export::{Embed, ExportOptions, export_png_bytes};
use journeymap::file::{parse_project, read_project_from, to_ron};
use journeymap::model::{Document, Project, validate};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// The raw bytes a case is built from: enough for a project and a few dozen edits.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 64..4096)
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x006a_6f75_726e_6579),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The project the bytes describe, and what is left of them.
fn project_from(bytes: &[u8]) -> (Project, Unstructured<'_>) {
    let mut u = Unstructured::new(bytes);
    let project = arbitrary_project::project(&mut u).expect("any bytes make a project");
    (project, u)
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn a_saved_project_reads_back_unchanged(bytes in bytes()) {
        let (project, _) = project_from(&bytes);
        prop_assert!(validate(&project).is_empty(), "{:?}", validate(&project));
        let text = to_ron(&project).unwrap();
        let read = match parse_project(text.as_bytes(), Path::new("saved.ron")) {
            Ok(read) => read,
            Err(error) => return Err(TestCaseError::fail(format!("{error}\n{text}"))),
        };
        prop_assert_eq!(&read, &project);
        // And it saves to the same bytes again.
        prop_assert_eq!(to_ron(&read).unwrap(), text);
    }

    #[test]
    fn edits_keep_the_project_valid_and_undo_and_redo_retrace_them(bytes in bytes()) {
        let (original, mut u) = project_from(&bytes);
        let mut document = Document::new(original.clone());
        let mut applied = 0;
        while let Ok(edit) = arbitrary_project::edit(&mut u, document.project()) {
            let before = document.project().clone();
            match document.apply(edit) {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(document.project(), &before, "a refused edit changed the project"),
            }
            let problems = validate(document.project());
            prop_assert!(problems.is_empty(), "{:?}", problems);
            if u.is_empty() {
                break;
            }
        }
        let last = document.project().clone();
        let mut undone = 0;
        while document.undo() {
            undone += 1;
        }
        prop_assert_eq!(undone, applied);
        prop_assert_eq!(document.project(), &original);
        while document.redo() {}
        prop_assert_eq!(document.project(), &last);
    }
}

proptest! {
    // Each case draws a picture, so fewer of them.
    #![proptest_config(config(40))]

    #[test]
    fn an_exported_picture_carries_the_project_unchanged(bytes in bytes()) {
        let (project, mut u) = project_from(&bytes);
        let journey = u.choose_index(project.journeys.len()).unwrap_or(0);
        let options = ExportOptions { scale: 1, embed: Embed::Full, ..ExportOptions::default() };
        let picture = export_png_bytes(&project, journey, options, None).unwrap();
        let read = read_project_from(Cursor::new(picture), Path::new("exported.png")).unwrap();
        prop_assert_eq!(read, project);
    }
}
