//! Project files: reading with clear errors, deterministic atomic writing, projects inside
//! exported PNGs, and the recovery file for unsaved work.

mod error;
mod png_project;
mod read;
mod recovery;
mod separators;
mod syntax;
mod vector_project;
mod write;

pub use error::FileError;
pub use png_project::{PNG_SIGNATURE, PROJECT_KEYWORD, encode_png, write_png};
pub use read::{
    MAX_PROJECT_BYTES, is_picture, parse_project, read_limited, read_project, read_project_from,
    template_project,
};
pub use recovery::{Recovered, read_recovery, remove_recovery, write_recovery};
pub use vector_project::{PROJECT_MIME, PROJECT_NAMESPACE};
pub use write::{
    Backup, canonical_path, same_file, save_project, to_ron, write_atomically,
    write_atomically_with,
};
