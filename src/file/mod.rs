//! Project files: reading with clear errors, deterministic atomic writing.

mod error;
mod png_project;
mod read;
mod write;

pub use error::FileError;
pub use png_project::{PROJECT_KEYWORD, encode_png};
pub use read::{MAX_PROJECT_BYTES, is_png, parse_project, read_project, template_project};
pub use write::{save_project, to_ron, write_atomically};
