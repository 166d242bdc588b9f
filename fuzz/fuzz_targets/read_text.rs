//! Any bytes as a project file: reading never panics; what it accepts is valid, saves and
//! reads back unchanged, and passes the health check; what it refuses gets a message of
//! one line per problem, with nothing the file holds able to colour the terminal.
#![no_main]

use std::path::Path;

use journeymap::file::{parse_project, to_ron};
use journeymap::model::{check_health, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match parse_project(data, Path::new("fuzz.ron")) {
        Ok(project) => {
            assert!(validate(&project).is_empty());
            let text = to_ron(&project).expect("a valid project saves");
            let again = parse_project(text.as_bytes(), Path::new("saved.ron"))
                .expect("a saved project reads back");
            assert_eq!(again, project);
            for finding in check_health(&project) {
                let line = finding.to_string();
                assert!(!line.contains(['\n', '\u{1b}']), "{line:?}");
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains('\u{1b}'), "{message:?}");
        }
    }
});
