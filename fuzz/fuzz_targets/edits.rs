//! A random valid project and a random sequence of edits through `Document::apply`: every
//! state is valid, a refused edit changes nothing, undoing everything returns the project
//! the sequence started from and redoing everything the one it ended with.
#![no_main]

#[path = "../../tests/common/arbitrary.rs"]
mod arbitrary_project;

use arbitrary::Unstructured;
use journeymap::model::{Document, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(original) = arbitrary_project::project(&mut u) else {
        return;
    };
    let mut document = Document::new(original.clone());
    while let Ok(edit) = arbitrary_project::edit(&mut u, document.project()) {
        let before = document.project().clone();
        if document.apply(edit).is_err() {
            assert_eq!(
                document.project(),
                &before,
                "a refused edit changed the project"
            );
        }
        assert!(validate(document.project()).is_empty());
        if u.is_empty() {
            break;
        }
    }
    let last = document.project().clone();
    while document.undo() {}
    assert_eq!(document.project(), &original);
    while document.redo() {}
    assert_eq!(document.project(), &last);
});
