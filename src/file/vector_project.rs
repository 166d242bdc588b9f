//! The project inside an exported PDF (an attached file of type
//! `application/x-journeymap`) or SVG (a `project` element in the Journeymap namespace
//! inside `<metadata>`).

use std::io::Read;
use std::path::Path;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Name, Object};

use super::error::FileError;
use crate::model::escaped;

/// The mime type of the project attached to a PDF.
pub const PROJECT_MIME: &str = "application/x-journeymap";
/// The XML namespace of the project element inside an SVG's `<metadata>`.
pub const PROJECT_NAMESPACE: &str = "urn:journeymap:project";

/// Whether `start`, a file's first bytes, begins a PDF.
pub fn is_pdf_start(start: &[u8]) -> bool {
    start.starts_with(b"%PDF-")
}

/// Whether `start`, a file's first bytes, begins XML (an SVG): a `<`, after a byte-order
/// mark and white space. A project never starts so.
pub fn is_xml_start(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    start
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// The project text attached to the PDF `bytes`, inflated to at most `limit` bytes.
pub fn project_text_from_pdf(bytes: Vec<u8>, path: &Path, limit: u64) -> Result<String, FileError> {
    let damaged = |message: &str| FileError::Picture {
        path: path.to_owned(),
        kind: "PDF",
        message: message.to_owned(),
    };
    let pdf = Pdf::new(std::sync::Arc::new(bytes))
        .map_err(|_| damaged("it is damaged or encrypted, and cannot be read"))?;
    let attached = pdf.objects().into_iter().find_map(|object| match object {
        Object::Stream(stream) => {
            let dict = stream.dict();
            let is_file = dict
                .get::<Name<'_>>(b"Type")
                .is_some_and(|n| &*n == b"EmbeddedFile");
            let ours = dict
                .get::<Name<'_>>(b"Subtype")
                .is_some_and(|n| &*n == PROJECT_MIME.as_bytes());
            (is_file && ours).then_some(stream)
        }
        _ => None,
    });
    let Some(stream) = attached else {
        return Err(FileError::NoProjectInPicture {
            path: path.to_owned(),
            kind: "PDF",
        });
    };
    let filter = stream.dict().get::<Name<'_>>(b"Filter");
    let raw = stream.raw_data();
    let mut text = Vec::new();
    let read = match filter.as_deref() {
        None => raw.as_ref().take(limit + 1).read_to_end(&mut text),
        Some(b"FlateDecode") => flate2::read::ZlibDecoder::new(raw.as_ref())
            .take(limit + 1)
            .read_to_end(&mut text),
        Some(_) => {
            return Err(damaged(
                "its project is compressed in a way Journeymap does not write",
            ));
        }
    };
    read.map_err(|_| damaged("the project attached to it is damaged"))?;
    if text.len() as u64 > limit {
        return Err(FileError::ProjectInPictureTooLarge {
            path: path.to_owned(),
            kind: "PDF",
            limit,
        });
    }
    String::from_utf8(text).map_err(|_| damaged("the project attached to it is not UTF-8 text"))
}

/// The project text inside the SVG `bytes`, refused when longer than `limit` bytes.
pub fn project_text_from_svg(bytes: &[u8], path: &Path, limit: u64) -> Result<String, FileError> {
    let error = |message: String| FileError::Picture {
        path: path.to_owned(),
        kind: "SVG",
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| error("it is not UTF-8 text".to_owned()))?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let at = e.pos();
        // The parser's words quote what it found, which may be any character.
        let said = e.to_string();
        let said = said
            .strip_suffix(&format!(" at {}:{}", at.row, at.col))
            .unwrap_or(&said);
        error(format!(
            "line {}, column {}: {}",
            at.row,
            at.col,
            escaped(said)
        ))
    })?;
    let project = document.descendants().find(|n| {
        n.tag_name().namespace() == Some(PROJECT_NAMESPACE) && n.tag_name().name() == "project"
    });
    let Some(node) = project else {
        return Err(FileError::NoProjectInPicture {
            path: path.to_owned(),
            kind: "SVG",
        });
    };
    let text: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    if text.len() as u64 > limit {
        return Err(FileError::ProjectInPictureTooLarge {
            path: path.to_owned(),
            kind: "SVG",
            limit,
        });
    }
    Ok(text)
}
