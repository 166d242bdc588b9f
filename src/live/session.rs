//! One participant's end of a live document: a local samod repo holding the document,
//! dialled to the server, with a blocking interface for the app and the command line.
//!
//! The project a participant sees is always a state the document reached: [`Session::commit`]
//! records a new local state as a change on top of the state last seen, and
//! [`Session::poll`] reads what others changed, validated before it is returned.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use automerge::ChangeHash;
use futures::StreamExt;
use samod::{BackoffConfig, DialerEvent, DialerFailed, DialerHandle, DocHandle, PeerId, Repo};

use super::LiveError;
use super::dial::{LinkDialer, Refusal};
use super::link::{Link, server_address};
use super::mirror::{create_document, read_document, write_document};
use super::schema::OrderKeys;
use crate::model::Project;

/// How long a first connection, or the server taking a new document, may take.
const FIRST_CONTACT: Duration = Duration::from_secs(10);

/// How a session behaves.
#[derive(Clone, Debug)]
pub struct SessionOptions {
    /// Longest wait between two tries to reconnect after the connection was lost.
    pub max_retry_delay: Duration,
}

impl Default for SessionOptions {
    fn default() -> Self {
        Self {
            max_retry_delay: Duration::from_secs(10),
        }
    }
}

pub struct Session {
    runtime: tokio::runtime::Runtime,
    repo: Repo,
    handle: DocHandle,
    dialer: DialerHandle<Refusal>,
    last_error: Arc<Mutex<Option<String>>>,
    link: Link,
    /// The heads of the state the participant last saw (read or wrote).
    shown: Vec<ChangeHash>,
    keys: OrderKeys,
    /// Heads whose state was refused, so one bad change is reported once.
    refused: Vec<ChangeHash>,
}

impl Session {
    /// Puts `project` on the server at `server` (`ws://HOST:PORT`) as a new live document
    /// and returns once the server holds it.
    pub fn share(
        server: &str,
        project: &Project,
        options: &SessionOptions,
    ) -> Result<Self, LiveError> {
        let server = server_address(server)?;
        let (document, keys) = create_document(project)?;
        let runtime = runtime()?;
        let (repo, handle) = runtime.block_on(async {
            let repo = new_repo().await;
            let handle = repo
                .create(document)
                .await
                .map_err(|_| LiveError::Stopped)?;
            Ok::<_, LiveError>((repo, handle))
        })?;
        let link = Link::new(&server, handle.document_id().clone());
        let mut session = Self::connect(runtime, repo, handle, link, true, options)?;
        session.keys = keys;
        session.shown = session
            .handle
            .with_document(|document| document.get_heads());
        session.wait_until_stored(FIRST_CONTACT)?;
        Ok(session)
    }

    /// Opens the live document of `link`, returning the session and the project it holds.
    pub fn join(link: &Link, options: &SessionOptions) -> Result<(Self, Project), LiveError> {
        let runtime = runtime()?;
        let repo = runtime.block_on(new_repo());
        // The handle is found once connected; until then, a placeholder would be wrong.
        let dialer = LinkDialer::new(link.socket_url(&peer_name(&repo), false), &link.server)?;
        let last_error = dialer.last_error();
        let dialer = repo
            .dial(backoff(options), Arc::new(dialer))
            .map_err(|_| LiveError::Stopped)?;
        runtime.block_on(first_contact(&dialer, &last_error, link))?;
        let handle = runtime
            .block_on(async {
                tokio::time::timeout(FIRST_CONTACT, repo.find(link.document.clone())).await
            })
            .map_err(|_| unreachable(link, &last_error))?
            .map_err(|_| LiveError::Stopped)?
            .ok_or_else(|| LiveError::UnknownDocument {
                server: link.server.clone(),
                document: link.document.to_string(),
            })?;
        let (project, shown, keys) = handle.with_document(|document| read_document(document))?;
        let session = Self {
            runtime,
            repo,
            handle,
            dialer,
            last_error,
            link: link.clone(),
            shown,
            keys,
            refused: Vec::new(),
        };
        Ok((session, project))
    }

    fn connect(
        runtime: tokio::runtime::Runtime,
        repo: Repo,
        handle: DocHandle,
        link: Link,
        create: bool,
        options: &SessionOptions,
    ) -> Result<Self, LiveError> {
        let dialer = LinkDialer::new(link.socket_url(&peer_name(&repo), create), &link.server)?;
        let last_error = dialer.last_error();
        let dialer = repo
            .dial(backoff(options), Arc::new(dialer))
            .map_err(|_| LiveError::Stopped)?;
        runtime.block_on(first_contact(&dialer, &last_error, &link))?;
        Ok(Self {
            runtime,
            repo,
            handle,
            dialer,
            last_error,
            link,
            shown: Vec::new(),
            keys: OrderKeys::new(),
            refused: Vec::new(),
        })
    }

    /// The link that invites others to this document.
    pub fn link(&self) -> &Link {
        &self.link
    }

    /// Whether the session is connected to the server now.
    pub fn is_connected(&self) -> bool {
        self.dialer.is_connected()
    }

    /// What went wrong with the latest try to connect, if anything did.
    pub fn last_error(&self) -> Option<String> {
        self.last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Records `project`, the participant's new state, as a change on top of the state
    /// they last saw; what others changed meanwhile is kept.
    pub fn commit(&mut self, project: &Project) -> Result<(), LiveError> {
        let (shown, keys) = (&self.shown, &mut self.keys);
        let heads = self
            .handle
            .with_document(|document| write_document(document, shown, project, keys))?;
        self.shown = heads;
        Ok(())
    }

    /// The project as others have changed it since it was last seen, if they have:
    /// `Some(Err)` once for a state that is not a valid project (the participant keeps
    /// the last good one, and later changes may mend it).
    pub fn poll(&mut self) -> Option<Result<Project, LiveError>> {
        let heads = self.handle.with_document(|document| document.get_heads());
        if heads == self.shown || heads == self.refused {
            return None;
        }
        match self
            .handle
            .with_document(|document| read_document(document))
        {
            Ok((project, heads, keys)) => {
                self.shown = heads;
                self.keys = keys;
                Some(Ok(project))
            }
            Err(error) => {
                self.refused = heads;
                Some(Err(error))
            }
        }
    }

    /// Calls `wake` whenever the document changes (from anyone), on the session's thread:
    /// the app asks for a frame, so a colleague's edit shows without a mouse move.
    pub fn on_change(&self, wake: impl Fn() + Send + 'static) {
        let mut changes = self.handle.changes();
        self.runtime.spawn(async move {
            while changes.next().await.is_some() {
                wake();
            }
        });
    }

    /// Waits until the server has every change this participant made, or `limit` passes.
    pub fn wait_until_stored(&self, limit: Duration) -> Result<(), LiveError> {
        let Some(connection) = self.dialer.connection_id() else {
            return Err(unreachable(&self.link, &self.last_error));
        };
        let stored = self.handle.they_have_our_changes(connection);
        self.runtime
            .block_on(async { tokio::time::timeout(limit, stored).await })
            .map_err(|_| LiveError::Unreachable {
                server: self.link.server.clone(),
                reason: "it did not confirm the changes in time".to_owned(),
            })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.dialer.close();
        self.runtime.block_on(self.repo.stop());
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, LiveError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|error| {
            LiveError::Io(format!(
                "could not start the live session's thread: {error}"
            ))
        })
}

/// A repo of one's own, under a random peer name the server binds the connection to.
async fn new_repo() -> Repo {
    let bytes: [u8; 8] = rand::random();
    let name: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    Repo::build_tokio()
        .with_peer_id(PeerId::from(format!("p{name}")))
        .load()
        .await
}

fn peer_name(repo: &Repo) -> String {
    repo.peer_id().to_string()
}

fn backoff(options: &SessionOptions) -> BackoffConfig {
    BackoffConfig {
        initial_delay: Duration::from_millis(100),
        max_delay: options.max_retry_delay,
        max_retries: None,
    }
}

fn unreachable(link: &Link, last_error: &Arc<Mutex<Option<String>>>) -> LiveError {
    LiveError::Unreachable {
        server: link.server.clone(),
        reason: last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_else(|| "no answer".to_owned()),
    }
}

/// Waits for the first connection; the first failure ends the wait with its reason (the
/// dialer keeps trying only once a session is under way).
async fn first_contact(
    dialer: &DialerHandle<Refusal>,
    last_error: &Arc<Mutex<Option<String>>>,
    link: &Link,
) -> Result<(), LiveError> {
    let mut events = dialer.events();
    let failed = async {
        while let Some(event) = events.next().await {
            match event {
                DialerEvent::Reconnecting { .. } => return false,
                DialerEvent::PermanentFailure => return true,
                _ => {}
            }
        }
        false
    };
    let outcome = tokio::select! {
        result = dialer.established() => Some(result),
        permanent = failed => if permanent { Some(dialer.established().await) } else { None },
        () = tokio::time::sleep(FIRST_CONTACT) => None,
    };
    let refusal = match outcome {
        Some(Ok(_)) => return Ok(()),
        Some(Err(DialerFailed::PermanentFailure(refusal))) => Some((*refusal).clone()),
        Some(Err(DialerFailed::MaxRetriesReached)) | None => None,
    };
    dialer.close();
    let server = link.server.clone();
    Err(match refusal {
        Some(Refusal::WrongKey) => LiveError::WrongKey { server },
        Some(Refusal::UnknownDocument) => LiveError::UnknownDocument {
            server,
            document: link.document.to_string(),
        },
        Some(Refusal::Other(reason)) => LiveError::Refused { server, reason },
        None => unreachable(link, last_error),
    })
}
