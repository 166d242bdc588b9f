//! A PNG that carries its project: the project file, byte for byte, in a compressed iTXt
//! chunk with the keyword `journeymap`, written before the image data.

use std::io::{BufRead, Seek, Write};
use std::path::Path;

use png::text_metadata::ITXtChunk;

use super::error::FileError;

/// The iTXt keyword that marks a Journeymap project.
pub const PROJECT_KEYWORD: &str = "journeymap";

/// The eight bytes every PNG file starts with.
pub const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// Encodes straight-alpha RGBA pixels as a PNG holding `project` (the project file text),
/// if one is given.
pub fn encode_png(
    rgba: &[u8],
    width: u32,
    height: u32,
    project: Option<&str>,
) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    write_png(&mut bytes, rgba, width, height, project)?;
    Ok(bytes)
}

/// [`encode_png`] into `out`, as it is encoded.
pub fn write_png(
    out: impl Write,
    rgba: &[u8],
    width: u32,
    height: u32,
    project: Option<&str>,
) -> Result<(), png::EncodingError> {
    let mut encoder = png::Encoder::new(out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    if let Some(project) = project {
        let mut chunk = ITXtChunk::new(PROJECT_KEYWORD, project);
        chunk.compressed = true;
        chunk.compress_text()?;
        writer.write_text_chunk(&chunk)?;
    }
    writer.write_image_data(rgba)?;
    writer.finish()
}

/// The project text inside the PNG read from `picture` (`path` names it in messages).
/// Only the chunks before the image data are read, and the text is never inflated beyond
/// `limit` bytes.
pub fn project_text_from_png(
    picture: impl BufRead + Seek,
    path: &Path,
    limit: u64,
) -> Result<String, FileError> {
    let error = |message: String| FileError::Picture {
        path: path.to_owned(),
        kind: "PNG",
        message,
    };
    let inflated_at_most = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut decoder = png::Decoder::new_with_limits(
        picture,
        png::Limits {
            // The project chunk, plus room for the PNG's own small chunks.
            bytes: inflated_at_most.saturating_add(1024 * 1024),
        },
    );
    decoder.set_ignore_text_chunk(false);
    let too_large = || FileError::ProjectInPictureTooLarge {
        path: path.to_owned(),
        kind: "PNG",
        limit,
    };
    let reader = decoder.read_info().map_err(|e| match e {
        png::DecodingError::LimitsExceeded => too_large(),
        other => error(png_problem(&other)),
    })?;
    let Some(chunk) = reader
        .info()
        .utf8_text
        .iter()
        .find(|chunk| chunk.keyword == PROJECT_KEYWORD)
    else {
        return Err(FileError::NoProjectInPicture {
            path: path.to_owned(),
            kind: "PNG",
        });
    };
    let mut chunk = chunk.clone();
    chunk
        .decompress_text_with_limit(inflated_at_most)
        .map_err(|e| match e {
            png::DecodingError::LimitsExceeded => too_large(),
            // png reports the bound it was given as a format error of its own.
            other if other.to_string().contains("decompression space") => too_large(),
            _ => error("the project inside is damaged and cannot be unpacked".to_owned()),
        })?;
    chunk
        .get_text()
        .map_err(|_| error("the project inside is damaged and cannot be unpacked".to_owned()))
}

/// Why a picture cannot be read, in a user's words: the decoder's own messages name chunk
/// types and internal states.
fn png_problem(error: &png::DecodingError) -> String {
    match error {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the picture ends early: it was cut short while being copied or written".to_owned()
        }
        png::DecodingError::IoError(io) => io.to_string(),
        _ => "the picture is damaged: it is not a well-formed PNG".to_owned(),
    }
}
