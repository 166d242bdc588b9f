//! Reading a PNG file's pixels back, to compare a written picture with a rendered one.

use std::path::Path;

/// The RGBA pixels of a PNG file.
pub fn read_pixels(path: &Path) -> Vec<u8> {
    let mut reader = crate::common::open_png(path);
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    buffer.truncate(info.buffer_size());
    buffer
}
