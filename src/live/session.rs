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
use super::catch_up::read_touched;
use super::dial::{LinkDialer, Refusal};
use super::link::{Link, server_address};
use super::mirror::{create_document, read_document, read_document_at, write_document};
use super::presence::{HEARTBEAT, Presence, Roster};
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
    /// The heads of the state the participant last saw (read or wrote), and that state.
    shown: Vec<ChangeHash>,
    seen: Project,
    keys: OrderKeys,
    /// Heads whose state was refused, so one bad change is reported once.
    refused: Vec<ChangeHash>,
    options: SessionOptions,
    /// This participant's own changes, to undo, and the undone ones, to redo.
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// One message for each change to the document, from anyone.
    changed: tokio::sync::mpsc::UnboundedReceiver<()>,
    /// Called when something arrives: a change, a colleague's presence, a connection.
    wake: Wake,
    roster: Arc<Mutex<Roster>>,
    /// What this participant last said about where they are; the session's thread says
    /// it again every [`HEARTBEAT`] and to each newcomer, even while the window sleeps.
    said: Said,
    /// When [`Session::keep_syncing`] last looked, since when the server has lacked
    /// some of this document's changes, and how long it may lack them before the next
    /// redial.
    checked: Option<std::time::Instant>,
    behind_since: Option<std::time::Instant>,
    patience: Duration,
}

/// Where the participant last said they are, shared with the thread that repeats it.
type Said = Arc<Mutex<Option<Presence>>>;

/// What wakes the app's window when news arrives (see [`Session::on_news`]).
type Wake = Arc<Mutex<Option<Box<dyn Fn() + Send>>>>;

fn wake(wake: &Wake) {
    if let Some(wake) = wake.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
        wake();
    }
}

/// One of a participant's own steps: the heads before and after it.
struct Step {
    before: Vec<ChangeHash>,
    after: Vec<ChangeHash>,
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
        let shown = document.get_heads();
        let runtime = runtime()?;
        let repo = runtime.block_on(new_repo());
        let handle = runtime
            .block_on(repo.create(document))
            .map_err(|_| LiveError::Stopped)?;
        let link = Link::new(&server, handle.document_id().clone());
        let dialled = dial(&runtime, &repo, &link, true, options)?;
        let mut session = Self::assemble(
            runtime,
            repo,
            handle,
            dialled,
            link,
            shown,
            project.clone(),
            keys,
            options,
        );
        session.wait_until_stored(FIRST_CONTACT)?;
        Ok(session)
    }

    /// Opens the live document of `link`, returning the session and the project it holds.
    pub fn join(link: &Link, options: &SessionOptions) -> Result<(Self, Project), LiveError> {
        let runtime = runtime()?;
        let repo = runtime.block_on(new_repo());
        let dialled = dial(&runtime, &repo, link, false, options)?;
        let handle = runtime
            .block_on(async {
                tokio::time::timeout(FIRST_CONTACT, repo.find(link.document.clone())).await
            })
            .map_err(|_| unreachable(link, &dialled.1))?
            .map_err(|_| LiveError::Stopped)?
            .ok_or_else(|| LiveError::UnknownDocument {
                server: link.server.clone(),
                document: link.document.to_string(),
            })?;
        let (project, shown, keys) = handle.with_document(|document| read_document(document))?;
        let session = Self::assemble(
            runtime,
            repo,
            handle,
            dialled,
            link.clone(),
            shown,
            project.clone(),
            keys,
            options,
        );
        Ok((session, project))
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        runtime: tokio::runtime::Runtime,
        repo: Repo,
        handle: DocHandle,
        (dialer, last_error): Dialled,
        link: Link,
        shown: Vec<ChangeHash>,
        seen: Project,
        keys: OrderKeys,
        options: &SessionOptions,
    ) -> Self {
        let wake = Wake::default();
        let roster = Arc::new(Mutex::new(Roster::default()));
        let said = Said::default();
        let changed = watch_changes(&runtime, &handle, &wake);
        let newcomer = Arc::new(tokio::sync::Notify::new());
        watch_presence(&runtime, &handle, &roster, &wake, &newcomer);
        repeat_presence(&runtime, &handle, &said, newcomer);
        watch_connection(&runtime, &dialer, &wake);
        Self {
            runtime,
            repo,
            handle,
            dialer,
            last_error,
            link,
            shown,
            seen,
            keys,
            options: options.clone(),
            refused: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            changed,
            wake,
            roster,
            said,
            checked: None,
            behind_since: None,
            patience: STALL_IN_THE_BACKGROUND,
        }
    }

    /// Has `wake` called (from the session's thread) whenever news arrives: a change to
    /// the document, a colleague's presence, or the connection made or lost.
    pub fn on_news(&self, news: impl Fn() + Send + 'static) {
        *self.wake.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(news));
    }

    /// A short tag of this participant, for ids they create that must not collide with
    /// a colleague's made at the same moment.
    pub fn tag(&self) -> String {
        peer_name(&self.repo).chars().skip(1).take(4).collect()
    }

    /// Tells colleagues where this participant is (`name`, the journey on screen and the
    /// selected card, by ids) when it changed; the session repeats it every [`HEARTBEAT`]
    /// and to each newcomer. Cheap to call every frame.
    pub fn announce(&mut self, name: &str, journey: &str, card: Option<&str>) {
        let presence = Presence {
            peer: peer_name(&self.repo),
            name: name.to_owned(),
            journey: journey.to_owned(),
            card: card.map(str::to_owned),
            here: true,
        };
        let mut said = self.said.lock().unwrap_or_else(PoisonError::into_inner);
        if said.as_ref() != Some(&presence) {
            self.handle.broadcast(presence.encode());
            *said = Some(presence);
        }
    }

    /// The colleagues here now, by name: never this participant.
    pub fn colleagues(&self) -> Vec<Presence> {
        self.roster
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .present(&peer_name(&self.repo), std::time::Instant::now())
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
    /// they last saw; what others changed meanwhile is kept. With `continues`, the change
    /// joins the previous one as one undo step (letters typed into one field), unless
    /// others' changes came between them.
    pub fn commit(&mut self, project: &Project, continues: bool) -> Result<(), LiveError> {
        let (shown, seen, keys) = (&self.shown, &self.seen, &mut self.keys);
        let heads = self
            .handle
            .with_document(|document| write_document(document, shown, Some(seen), project, keys))?;
        if heads == self.shown {
            return Ok(());
        }
        self.seen = project.clone();
        self.redo.clear();
        match self.undo.last_mut() {
            Some(step) if continues && step.after == self.shown => step.after = heads.clone(),
            _ => self.undo.push(Step {
                before: self.shown.clone(),
                after: heads.clone(),
            }),
        }
        self.shown = heads;
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes this participant's latest step as a new change: what the step changed goes
    /// back, made on top of the moment of the step, so what others did since stays.
    /// [`Self::poll`] then gives the project. False when there is nothing to undo.
    pub fn undo(&mut self) -> Result<bool, LiveError> {
        self.revert(true)
    }

    /// Redoes the latest undone step, as [`Self::undo`] undoes.
    pub fn redo(&mut self) -> Result<bool, LiveError> {
        self.revert(false)
    }

    fn revert(&mut self, undo: bool) -> Result<bool, LiveError> {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return Ok(false);
        };
        let written = self.handle.with_document(|document| {
            let (before, _) = read_document_at(document, &step.before)?;
            let (after, mut keys) = read_document_at(document, &step.after)?;
            write_document(document, &step.after, Some(&after), &before, &mut keys)
        });
        match written {
            Ok(heads) => {
                to.push(Step {
                    before: step.after,
                    after: heads,
                });
                Ok(true)
            }
            Err(error) => {
                from.push(step);
                Err(error)
            }
        }
    }

    /// Waits until the document holds changes (from anyone) not yet seen through
    /// [`Self::poll`], or `limit` passes; true when it does.
    pub fn wait_for_change(&mut self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            // A wake is only a hint: the message of a change already seen can arrive
            // late (it travels through the session's thread), so the document decides.
            while self.changed.try_recv().is_ok() {}
            if self.has_news() {
                return true;
            }
            let changed = &mut self.changed;
            let woke = self
                .runtime
                .block_on(async { tokio::time::timeout_at(deadline, changed.recv()).await });
            if !matches!(woke, Ok(Some(()))) {
                return self.has_news();
            }
        }
    }

    fn has_news(&self) -> bool {
        let heads = self.handle.with_document(|document| document.get_heads());
        heads != self.shown && heads != self.refused
    }

    /// The project as others have changed it since it was last seen, if they have:
    /// `Some(Err)` once for a state that is not a valid project (the participant keeps
    /// the last good one, and later changes may mend it).
    pub fn poll(&mut self) -> Option<Result<Project, LiveError>> {
        if !self.has_news() {
            return None;
        }
        let (shown, seen, keys) = (&self.shown, &self.seen, &self.keys);
        let (heads, read) = self.handle.with_document(|document| {
            // Only the changed cards when only cards changed: a large map stays quick.
            let read = match read_touched(document, shown, seen, keys) {
                Ok(Some((project, keys))) => Ok((project, document.get_heads(), keys)),
                Ok(None) => read_document(document),
                Err(error) => Err(error),
            };
            (document.get_heads(), read)
        });
        match read {
            Ok((project, heads, keys)) => {
                self.shown = heads;
                self.keys = keys;
                self.seen = project.clone();
                Some(Ok(project))
            }
            Err(error) => {
                self.refused = heads;
                Some(Err(error))
            }
        }
    }

    /// Waits until the server has every change this document holds (reconnecting first
    /// if need be), or `limit` passes.
    pub fn wait_until_stored(&mut self, limit: Duration) -> Result<(), LiveError> {
        let deadline = tokio::time::Instant::now() + limit;
        let mut stall = STALL;
        loop {
            let (handle, dialer, changed) = (&self.handle, &self.dialer, &mut self.changed);
            match self
                .runtime
                .block_on(await_stored(handle, dialer, changed, stall, deadline))
            {
                Wait::Stored => return Ok(()),
                Wait::Stalled => {
                    self.redial()?;
                    stall *= 2;
                }
                Wait::Failed => {
                    return Err(LiveError::Unreachable {
                        server: self.link.server.clone(),
                        reason: self
                            .last_error()
                            .unwrap_or_else(|| "it did not confirm the changes in time".to_owned()),
                    });
                }
            }
        }
    }

    /// Restarts a sync that has stood still (see [`STALL`]) while connected: for a caller
    /// that does not wait in [`Self::wait_until_stored`], such as the window, which calls
    /// this once a frame; it looks at most once a second.
    pub fn keep_syncing(&mut self) -> Result<(), LiveError> {
        let now = std::time::Instant::now();
        if self
            .checked
            .is_some_and(|at| now.duration_since(at) < Duration::from_secs(1))
        {
            return Ok(());
        }
        self.checked = Some(now);
        let stored = match self.dialer.connection_id() {
            Some(connection) => server_has_ours(&self.handle, &self.handle.peers().0, connection),
            // Not connected: the dialer is trying again already.
            None => true,
        };
        match self.behind_since {
            _ if stored => {
                self.behind_since = None;
                self.patience = STALL_IN_THE_BACKGROUND;
            }
            None => self.behind_since = Some(now),
            Some(since) if now.duration_since(since) >= self.patience => {
                self.behind_since = None;
                self.patience = (self.patience * 2).min(MOST_PATIENCE);
                self.redial()?;
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// Drops the connection and dials again: the sync starts afresh.
    fn redial(&mut self) -> Result<(), LiveError> {
        self.dialer.close();
        let dialer = LinkDialer::new(
            self.link.socket_url(&peer_name(&self.repo), false),
            &self.link.server,
        )?;
        self.last_error = dialer.last_error();
        self.dialer = self
            .repo
            .dial(backoff(&self.options), Arc::new(dialer))
            .map_err(|_| LiveError::Stopped)?;
        watch_connection(&self.runtime, &self.dialer, &self.wake);
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Colleagues see this one leave at once rather than after the expiry; taken, so
        // the heartbeat has nothing left to repeat.
        let said = self
            .said
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(presence) = said {
            let leaving = Presence {
                here: false,
                ..presence
            };
            self.handle.broadcast(leaving.encode());
            // Ephemeral messages have no receipt: the connection is given a moment to
            // send it before it closes.
            self.runtime.block_on(async {
                tokio::time::sleep(Duration::from_millis(100)).await;
            });
        }
        self.dialer.close();
        self.runtime.block_on(self.repo.stop());
    }
}

/// How long the sync with the server may stand still while the server lacks changes
/// before the connection is made again (a new connection starts the sync afresh). A
/// server that is only busy stands still too, so each redial within one wait doubles it.
const STALL: Duration = Duration::from_secs(2);

/// How long [`Session::keep_syncing`] lets the server lack changes before it dials again:
/// longer than [`STALL`], as it looks only once a second and a busy server may be slow.
const STALL_IN_THE_BACKGROUND: Duration = Duration::from_secs(5);

/// The longest [`Session::keep_syncing`] waits between two redials. Each redial that did
/// not help doubles the wait, up to this: a server that is only busy (many people editing
/// at once) would fall further behind if every participant redialled often, as a new
/// connection's sync starts afresh and queues behind everything else.
const MOST_PATIENCE: Duration = Duration::from_secs(60);

/// How a wait for the server to hold every change ended.
enum Wait {
    Stored,
    Stalled,
    Failed,
}

/// Waits until the server connected through `dialer` has every change of `handle`.
async fn await_stored(
    handle: &DocHandle,
    dialer: &DialerHandle<Refusal>,
    changed: &mut tokio::sync::mpsc::UnboundedReceiver<()>,
    stall: Duration,
    deadline: tokio::time::Instant,
) -> Wait {
    if tokio::time::timeout_at(deadline, dialer.established())
        .await
        .is_err()
    {
        return Wait::Failed;
    }
    let Some(connection) = dialer.connection_id() else {
        return Wait::Failed;
    };
    // samod's own `they_have_our_changes` looks again only when the server's state moves,
    // and misses a change that arrives from others meanwhile: here both wake the check.
    let (mut peers, mut updates) = handle.peers();
    loop {
        if server_has_ours(handle, &peers, connection) {
            return Wait::Stored;
        }
        tokio::select! {
            update = updates.next() => match update {
                Some(update) => peers.extend(update),
                None => return Wait::Failed,
            },
            _ = changed.recv() => {}
            () = tokio::time::sleep(stall) => return Wait::Stalled,
            () = tokio::time::sleep_until(deadline) => return Wait::Failed,
        }
    }
}

/// Whether the server on `connection`, as `peers` last told, holds every change of
/// `handle`'s document.
fn server_has_ours(
    handle: &DocHandle,
    peers: &std::collections::HashMap<samod::ConnectionId, samod::PeerDocState>,
    connection: samod::ConnectionId,
) -> bool {
    let mut ours = handle.with_document(|document| document.get_heads());
    ours.sort();
    // Heads are a set: the server's view lists them in an order of its own.
    let shared = peers.get(&connection).and_then(|peer| {
        let mut shared = peer.shared_heads.clone()?;
        shared.sort();
        Some(shared)
    });
    shared == Some(ours)
}

/// A dialer to the server, and where it tells its latest failure.
type Dialled = (DialerHandle<Refusal>, Arc<Mutex<Option<String>>>);

/// Dials the server for `link` and waits for the first connection; `create` asks the
/// server to take the document as new.
fn dial(
    runtime: &tokio::runtime::Runtime,
    repo: &Repo,
    link: &Link,
    create: bool,
    options: &SessionOptions,
) -> Result<Dialled, LiveError> {
    let dialer = LinkDialer::new(link.socket_url(&peer_name(repo), create), &link.server)?;
    let last_error = dialer.last_error();
    let dialer = repo
        .dial(backoff(options), Arc::new(dialer))
        .map_err(|_| LiveError::Stopped)?;
    runtime.block_on(first_contact(&dialer, &last_error, link))?;
    Ok((dialer, last_error))
}

/// A message for each change to `handle`'s document.
fn watch_changes(
    runtime: &tokio::runtime::Runtime,
    handle: &DocHandle,
    news: &Wake,
) -> tokio::sync::mpsc::UnboundedReceiver<()> {
    let (sender, receiver) = tokio::sync::mpsc::unbounded_channel();
    let mut changes = handle.changes();
    let news = news.clone();
    runtime.spawn(async move {
        while changes.next().await.is_some() {
            if sender.send(()).is_err() {
                break;
            }
            wake(&news);
        }
    });
    receiver
}

/// Keeps `roster` up to date with colleagues' presence messages; a newcomer is told
/// through `newcomer`.
fn watch_presence(
    runtime: &tokio::runtime::Runtime,
    handle: &DocHandle,
    roster: &Arc<Mutex<Roster>>,
    news: &Wake,
    newcomer: &Arc<tokio::sync::Notify>,
) {
    let mut messages = handle.ephemera();
    let (roster, news, newcomer) = (roster.clone(), news.clone(), newcomer.clone());
    runtime.spawn(async move {
        while let Some(message) = messages.next().await {
            let now = std::time::Instant::now();
            let new = roster
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .hear(&message, now);
            if new {
                newcomer.notify_one();
            }
            wake(&news);
        }
    });
}

/// Says again where the participant is, every [`HEARTBEAT`] and at once to a newcomer.
fn repeat_presence(
    runtime: &tokio::runtime::Runtime,
    handle: &DocHandle,
    said: &Said,
    newcomer: Arc<tokio::sync::Notify>,
) {
    let (handle, said) = (handle.clone(), said.clone());
    runtime.spawn(async move {
        loop {
            tokio::select! {
                () = tokio::time::sleep(HEARTBEAT) => {}
                () = newcomer.notified() => {}
            }
            let presence = said.lock().unwrap_or_else(PoisonError::into_inner).clone();
            if let Some(presence) = presence {
                handle.broadcast(presence.encode());
            }
        }
    });
}

/// Wakes the app when the connection is made, lost or tried again.
fn watch_connection(
    runtime: &tokio::runtime::Runtime,
    dialer: &DialerHandle<Refusal>,
    news: &Wake,
) {
    let (dialer, news) = (dialer.clone(), news.clone());
    runtime.spawn(async move {
        let mut events = dialer.events();
        while events.next().await.is_some() {
            wake(&news);
        }
    });
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

fn has_failed(last_error: &Arc<Mutex<Option<String>>>) -> bool {
    last_error
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .is_some()
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
                // A retry after a failed try; samod also retries, without any failure of
                // ours, when a dial races its own registration.
                DialerEvent::Reconnecting { .. } if has_failed(last_error) => return false,
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
