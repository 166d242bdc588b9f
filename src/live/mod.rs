//! Live sessions: one project edited by several people from their own machines.
//!
//! The project is mirrored in an Automerge document ([`schema`]) that samod keeps in sync
//! with a server (`journeymap serve`, [`server`]) over the automerge-repo protocol. A
//! participant's [`Session`] turns each project state its document reaches into an
//! Automerge change and each remote change into a project state, validated before anyone
//! sees it. No merge logic lives here: Automerge merges, samod syncs.

mod catch_up;
mod dial;
pub mod link;
mod mirror;
mod order;
mod presence;
mod schema;
pub mod server;
mod session;
mod storage;

use crate::model::ValidationError;

pub use link::Link;
pub use mirror::{create_document, read_document, write_document};
pub use presence::Presence;
pub use schema::OrderKeys;
pub use session::{Session, SessionOptions};

/// Why a live session or the live document could not do what was asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LiveError {
    #[error("{0}")]
    Link(String),
    #[error("could not reach the server at {server}: {reason}")]
    Unreachable { server: String, reason: String },
    #[error(
        "the server at {server} refused the key of this link (a link is only good with its own key)"
    )]
    WrongKey { server: String },
    #[error("the server at {server} has no live document `{document}`")]
    UnknownDocument { server: String, document: String },
    #[error("the server at {server} refused the connection: {reason}")]
    Refused { server: String, reason: String },
    #[error("the live document is not a Journeymap project: {0}")]
    NotAProject(String),
    #[error("in the live document, {item} has `{field}` = `{value}`, which Journeymap cannot read")]
    Field {
        item: String,
        field: &'static str,
        value: String,
    },
    #[error("a change in the live document would make the project invalid: {0}")]
    Invalid(Box<ValidationError>),
    #[error("the live session has stopped")]
    Stopped,
    #[error("{0}")]
    Io(String),
}
