//! `journeymap serve`: a sync server for live documents, built on samod.
//!
//! samod syncs and stores; this module decides who may connect to what. A peer reaches a
//! document through `ws://HOST:PORT/DOC?key=KEY&peer=PEER`:
//! - `DOC` must be a document id and `KEY` that document's key. The server keeps only a
//!   hash of each key, in `DATA/keys/DOC`. A new document's key is taken when the peer
//!   asks to create it (`&new=1`) and the document has none yet.
//! - The connection is bound to `PEER`, and samod's share policy gives that peer the
//!   documents it holds keys for and nothing else.
//! - Connections, message sizes and the number of documents are bounded. Every refusal
//!   closes that connection only and is logged.
//!
//! Nothing the network sends becomes a path: a document id is parsed before it names a
//! file, and samod's storage keys are checked again by [`DurableStorage`].

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::serve::ListenerExt;
use futures::{SinkExt, StreamExt};
use samod::{AcceptorHandle, DocumentId, PeerId, Repo, ShareConfig, Transport};
use sha2::{Digest, Sha256};

use super::LiveError;
use super::dial::WireError;
use super::link::is_key;
use super::storage::DurableStorage;
use crate::file::{Backup, MAX_PROJECT_BYTES, write_atomically};

/// Where the server listens unless told otherwise: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7878";

/// The largest WebSocket message a peer may send: a whole project's changes fit.
pub const MAX_MESSAGE_BYTES: usize = MAX_PROJECT_BYTES as usize;

/// What a server is started with.
#[derive(Clone, Debug)]
pub struct ServerOptions {
    pub listen: SocketAddr,
    pub data: PathBuf,
    /// Connections open at once; more are refused (503).
    pub max_connections: usize,
    /// Documents the server keeps keys for; new ones beyond are refused (507).
    pub max_documents: usize,
    /// Bytes a document may hold on disk (its whole history); a message that would take
    /// it past them closes its connection, and a document past them is refused (507).
    pub max_document_bytes: usize,
}

impl ServerOptions {
    pub fn new(listen: SocketAddr, data: &Path) -> Self {
        Self {
            listen,
            data: data.to_owned(),
            max_connections: 256,
            max_documents: 10_000,
            max_document_bytes: MAX_PROJECT_BYTES as usize,
        }
    }
}

/// Which documents each connected peer holds the key for, with a count per connection.
#[derive(Clone, Default)]
struct Admission(Arc<Mutex<HashMap<PeerId, HashMap<DocumentId, usize>>>>);

impl Admission {
    fn admit(&self, peer: &PeerId, document: &DocumentId) {
        let mut peers = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *peers
            .entry(peer.clone())
            .or_default()
            .entry(document.clone())
            .or_default() += 1;
    }

    fn release(&self, peer: &PeerId, document: &DocumentId) {
        let mut peers = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(documents) = peers.get_mut(peer) {
            if let Some(count) = documents.get_mut(document) {
                *count -= 1;
                if *count == 0 {
                    documents.remove(document);
                }
            }
            if documents.is_empty() {
                peers.remove(peer);
            }
        }
    }

    fn allows(&self, peer: &PeerId, document: &DocumentId) -> bool {
        let peers = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        peers
            .get(peer)
            .is_some_and(|documents| documents.contains_key(document))
    }
}

impl samod::SharePolicy for Admission {
    fn share(
        &self,
        document: DocumentId,
        peer: PeerId,
    ) -> impl futures::Stream<Item = ShareConfig> + Send + 'static {
        let config = if self.allows(&peer, &document) {
            ShareConfig::read_write()
        } else {
            ShareConfig::none()
        };
        futures::stream::iter([config])
    }
}

/// The keys of the documents the server holds, as hashes in `DATA/keys/`.
struct Keys {
    folder: PathBuf,
    max_documents: usize,
    /// Held while a key is checked or taken, so two peers cannot both create one.
    lock: Mutex<()>,
}

/// What the key store says of a peer's key.
enum Verdict {
    Admitted,
    Created,
    WrongKey,
    Unknown,
    Full,
    Failed(String),
}

impl Keys {
    fn hash(key: &str) -> String {
        Sha256::digest(key.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    fn check(&self, document: &DocumentId, key: &str, create: bool) -> Verdict {
        let _held = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let path = self.folder.join(document.to_string());
        match std::fs::read_to_string(&path) {
            Ok(stored) if stored.trim() == Self::hash(key) => Verdict::Admitted,
            Ok(_) => Verdict::WrongKey,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if !create {
                    return Verdict::Unknown;
                }
                let count = std::fs::read_dir(&self.folder).map_or(0, Iterator::count);
                if count >= self.max_documents {
                    return Verdict::Full;
                }
                match write_atomically(&path, Self::hash(key).as_bytes(), Backup::Skip) {
                    Ok(()) => Verdict::Created,
                    Err(error) => Verdict::Failed(error.to_string()),
                }
            }
            Err(error) => Verdict::Failed(format!("{}: {error}", path.display())),
        }
    }
}

struct Shared {
    acceptor: AcceptorHandle,
    admission: Admission,
    keys: Keys,
    connections: AtomicUsize,
    max_connections: usize,
    storage: DurableStorage,
    max_document_bytes: usize,
}

impl Shared {
    /// Why a message of `bytes` may not go into `document`, if it may not.
    fn over_size(&self, document: &DocumentId, bytes: usize) -> Option<String> {
        let held = self.storage.size_of(&document.to_string());
        (held + bytes > self.max_document_bytes).then(|| {
            format!(
                "{document} holds {held} bytes, and may hold {}",
                self.max_document_bytes
            )
        })
    }
}

/// A running server; dropping it stops it.
pub struct Server {
    address: SocketAddr,
    runtime: tokio::runtime::Runtime,
    repo: Repo,
}

impl Server {
    /// Starts a server on its own threads, storing documents under `options.data`.
    pub fn start(options: &ServerOptions) -> Result<Self, LiveError> {
        let io = |what: &str, error: std::io::Error| LiveError::Io(format!("{what}: {error}"));
        let keys_folder = options.data.join("keys");
        let documents_folder = options.data.join("documents");
        for folder in [&keys_folder, &documents_folder] {
            std::fs::create_dir_all(folder)
                .map_err(|error| io(&folder.display().to_string(), error))?;
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|error| io("could not start the server's threads", error))?;
        let admission = Admission::default();
        let storage = DurableStorage::new(&documents_folder);
        let (repo, listener) = runtime.block_on(async {
            let repo = Repo::build_tokio()
                .with_storage(storage.clone())
                .with_share_policy(admission.clone())
                .load()
                .await;
            let listener = tokio::net::TcpListener::bind(options.listen).await;
            (repo, listener)
        });
        let listener = listener
            .map_err(|error| io(&format!("could not listen on {}", options.listen), error))?;
        let address = listener
            .local_addr()
            .map_err(|error| io("could not tell the address", error))?;
        let url = samod::Url::parse(&format!("ws://{address}"))
            .map_err(|error| LiveError::Io(error.to_string()))?;
        let acceptor = repo.make_acceptor(url).map_err(|_| LiveError::Stopped)?;
        let shared = Arc::new(Shared {
            acceptor,
            admission,
            keys: Keys {
                folder: keys_folder,
                max_documents: options.max_documents,
                lock: Mutex::new(()),
            },
            connections: AtomicUsize::new(0),
            max_connections: options.max_connections,
            storage,
            max_document_bytes: options.max_document_bytes,
        });
        let router = axum::Router::new()
            .route("/{document}", axum::routing::get(upgrade))
            .with_state(shared);
        let listener = listener.tap_io(|stream| {
            // Presence is small messages: without this, each waits ~40 ms for an ack.
            let _ = stream.set_nodelay(true);
        });
        runtime.spawn(async move {
            let service = router.into_make_service_with_connect_info::<SocketAddr>();
            if let Err(error) = axum::serve(listener, service).await {
                log(&format!("the server stopped: {error}"));
            }
        });
        Ok(Self {
            address,
            runtime,
            repo,
        })
    }

    /// The address the server listens on (with the port the system gave, for port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Runs until the process is stopped.
    pub fn run_forever(&self) {
        self.runtime.block_on(futures::future::pending::<()>());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.runtime.block_on(self.repo.stop());
    }
}

/// One line of the server's log, on standard error, with the time.
fn log(line: &str) {
    let now = jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M:%S");
    eprintln!("{now} {line}");
}

/// Whether a peer's name is one a client of this program makes: short, plain.
fn is_peer_name(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

async fn upgrade(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    UrlPath(document): UrlPath<String>,
    Query(query): Query<HashMap<String, String>>,
    socket: WebSocketUpgrade,
) -> Response {
    let refuse = |status: StatusCode, why: &str| {
        log(&format!("refused {from}: {why}"));
        (status, why.to_owned()).into_response()
    };
    let Ok(document) = document.parse::<DocumentId>() else {
        return refuse(StatusCode::BAD_REQUEST, "not a document id");
    };
    let Some(key) = query.get("key").filter(|key| is_key(key)) else {
        return refuse(StatusCode::FORBIDDEN, &format!("no key for {document}"));
    };
    let Some(peer) = query.get("peer").filter(|peer| is_peer_name(peer)) else {
        return refuse(StatusCode::BAD_REQUEST, "no peer name");
    };
    let create = query.get("new").is_some_and(|new| new == "1");
    let keys = &shared.keys;
    let verdict = tokio::task::block_in_place(|| keys.check(&document, key, create));
    let created = match verdict {
        Verdict::Admitted => false,
        Verdict::Created => true,
        Verdict::WrongKey => {
            return refuse(StatusCode::FORBIDDEN, &format!("wrong key for {document}"));
        }
        Verdict::Unknown => {
            return refuse(StatusCode::NOT_FOUND, &format!("no document {document}"));
        }
        Verdict::Full => {
            return refuse(
                StatusCode::INSUFFICIENT_STORAGE,
                "the server holds as many documents as it may",
            );
        }
        Verdict::Failed(error) => {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("key store: {error}"),
            );
        }
    };
    if let Some(why) = shared.over_size(&document, 0) {
        return refuse(
            StatusCode::INSUFFICIENT_STORAGE,
            &format!("the document is over its size limit: {why}"),
        );
    }
    let open = shared.connections.fetch_add(1, Ordering::SeqCst);
    if open >= shared.max_connections {
        shared.connections.fetch_sub(1, Ordering::SeqCst);
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "too many connections");
    }
    let peer = PeerId::from(peer.as_str());
    shared.admission.admit(&peer, &document);
    let guard = Connection {
        shared: shared.clone(),
        from,
        peer: peer.clone(),
        document: document.clone(),
    };
    log(&format!(
        "{from} joined {document} as {peer}{}",
        if created { " (new document)" } else { "" }
    ));
    socket
        .max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_failed_upgrade(move |error| {
            log(&format!("{from}: the WebSocket upgrade failed: {error}"))
        })
        .on_upgrade(move |socket| async move {
            let acceptor = guard.shared.acceptor.clone();
            let peer = guard.peer.clone();
            if acceptor
                .accept(transport(socket, guard).with_expected_peer_id(peer))
                .is_err()
            {
                log(&format!("{from}: the server is stopping"));
            }
        })
}

/// samod's transport over an axum WebSocket, holding `guard` for as long as samod keeps
/// the connection's stream, which is until the connection ends however it ends.
fn transport(socket: WebSocket, guard: Connection) -> Transport {
    let (sink, stream) = socket.split();
    let stream = stream
        .take_while(|message| futures::future::ready(!matches!(message, Ok(Message::Close(_)))))
        .filter_map(move |message| {
            let held = &guard;
            futures::future::ready(match message {
                Ok(Message::Binary(bytes)) => {
                    match held.shared.over_size(&held.document, bytes.len()) {
                        Some(why) => {
                            log(&format!(
                                "{}: closed, the document would pass its size limit: {why}",
                                held.from
                            ));
                            Some(Err(WireError(format!(
                                "the document is over its size limit: {why}"
                            ))))
                        }
                        None => Some(Ok(bytes.to_vec())),
                    }
                }
                Ok(Message::Ping(_) | Message::Pong(_) | Message::Close(_)) => None,
                Ok(Message::Text(_)) => Some(Err(WireError::text())),
                Err(error) => Some(Err(WireError(error.to_string()))),
            })
        });
    let sink = sink
        .sink_map_err(|error| WireError(error.to_string()))
        .with(|bytes: Vec<u8>| {
            futures::future::ready(Ok::<_, WireError>(Message::Binary(bytes.into())))
        });
    Transport::new(Box::pin(stream), Box::pin(sink))
}

/// An open connection; when it ends, its admission and its place in the count go.
struct Connection {
    shared: Arc<Shared>,
    from: SocketAddr,
    peer: PeerId,
    document: DocumentId,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.shared.admission.release(&self.peer, &self.document);
        self.shared.connections.fetch_sub(1, Ordering::SeqCst);
        log(&format!("{} left {}", self.from, self.document));
    }
}
