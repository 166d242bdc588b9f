//! Any bytes as a picture exported by Journeymap (PNG, PDF or SVG: the seeds have each):
//! reading never panics, never inflates the embedded project past its limit, and what it
//! accepts is a valid project.
#![no_main]

use std::io::Cursor;
use std::path::Path;

use journeymap::file::read_project_from;
use journeymap::model::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match read_project_from(Cursor::new(data), Path::new("fuzz.png")) {
        Ok(project) => assert!(validate(&project).is_empty()),
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains('\u{1b}'), "{message:?}");
        }
    }
});
