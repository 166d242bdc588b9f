//! What the test crates share about exported PNGs: the export options and opening a file.
//!
//! Each crate that includes this file uses all of it. The helpers only some crates need
//! live in the files beside it, which those crates include with `#[path]`, so that no
//! crate compiles a helper it leaves unused (clippy runs with `-D warnings`).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use journeymap::export::ExportOptions;

/// The default export options at `scale`.
pub fn options(scale: u32) -> ExportOptions {
    ExportOptions {
        scale,
        ..ExportOptions::default()
    }
}

/// A PNG file with its header read: `.info()` has its size and its text chunks.
pub fn open_png(path: &Path) -> png::Reader<BufReader<File>> {
    png::Decoder::new(BufReader::new(File::open(path).unwrap()))
        .read_info()
        .unwrap()
}
