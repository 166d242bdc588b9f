//! The window's end of a live session: File → Share live… and Join live…, the session
//! kept in step with the document every frame, Undo and Redo of one's own changes, and
//! what the title bar and status line say about it. The live layer (`crate::live`) does
//! the syncing; `dialogs` draws the questions, `presence` who is here.

mod dialogs;
mod presence;

use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

pub use dialogs::{LiveAction, LiveDialog, show as show_dialog};
pub use presence::{Colleague, colleague_chips, colleague_rings};

use super::JourneymapApp;
use super::files::dialog::{Dialog, Pending};
use crate::live::{Link, LiveError, Session, SessionOptions};
use crate::model::{Document, Project, echo, quantity};

/// The session, or the connection being made, or neither.
#[derive(Default)]
pub struct Live {
    state: State,
    /// A link to join once the question on screen is answered.
    waiting: Option<Link>,
}

#[derive(Default)]
enum State {
    #[default]
    Off,
    /// A thread is connecting; its result arrives here.
    Connecting {
        joining: bool,
        server: String,
        result: Receiver<Result<Opened, LiveError>>,
    },
    On(Box<On>),
}

/// A session under way.
struct On {
    session: Session,
    /// The document state the session last recorded or gave; `None` before the first.
    recorded: Option<u64>,
    /// The merge (the field being typed into) the last recorded change belonged to.
    merge: Option<String>,
}

/// What a connection brings: the session, and the project it holds when joining.
struct Opened {
    session: Session,
    project: Option<Project>,
}

impl Live {
    pub fn wait_to_join(&mut self, link: Link) {
        self.waiting = Some(link);
    }

    pub fn take_waiting(&mut self) -> Option<Link> {
        self.waiting.take()
    }

    /// Whether a session is under way (connected or not).
    pub fn is_on(&self) -> bool {
        matches!(self.state, State::On(_))
    }

    fn session(&self) -> Option<&Session> {
        match &self.state {
            State::On(on) => Some(&on.session),
            _ => None,
        }
    }

    /// The tag ids made in this session carry, so colleagues' new ids never collide.
    pub fn id_tag(&self) -> Option<String> {
        self.session().map(Session::tag)
    }

    /// The colleagues here now.
    pub fn colleagues(&self) -> Vec<Colleague> {
        self.session().map_or_else(Vec::new, |session| {
            session
                .colleagues()
                .into_iter()
                .map(Colleague::from)
                .collect()
        })
    }

    pub fn can_undo(&self) -> bool {
        self.session().is_some_and(Session::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.session().is_some_and(Session::can_redo)
    }

    /// What the title bar adds: `Live · 3 people`, or how the connection is.
    pub fn title(&self) -> Option<String> {
        match &self.state {
            State::Off => None,
            State::Connecting { joining: true, .. } => Some("Joining live…".to_owned()),
            State::Connecting { .. } => Some("Sharing live…".to_owned()),
            State::On(on) if on.session.is_connected() => Some(format!(
                "Live · {}",
                quantity(on.session.colleagues().len() + 1, "person", "people")
            )),
            State::On(_) => Some("Live · offline".to_owned()),
        }
    }

    /// What the status line says about the connection, short, and in full for the
    /// pointer.
    pub fn status(&self) -> Option<(String, String)> {
        let State::On(on) = &self.state else {
            return self.title().map(|title| (title.clone(), title));
        };
        let server = &on.session.link().server;
        Some(if on.session.is_connected() {
            (
                self.title().unwrap_or_default(),
                format!("Connected to the live map on {server}"),
            )
        } else {
            let reason = on
                .session
                .last_error()
                .map_or_else(String::new, |reason| format!(" ({reason})"));
            (
                format!("Live · offline, trying {server} again"),
                format!(
                    "The server at {server} does not answer{reason}. Journeymap tries again, waiting longer each time; your changes are kept and merge when it answers."
                ),
            )
        })
    }

    /// The link to send colleagues.
    pub fn link(&self) -> Option<String> {
        self.session().map(|session| session.link().to_string())
    }
}

impl JourneymapApp {
    /// Carries out what the user asked of the live session.
    pub(in crate::app) fn handle_live(&mut self, action: LiveAction, ctx: &egui::Context) {
        match action {
            LiveAction::Share { server, name } => {
                self.settings.live_server = server.trim().to_owned();
                self.settings.author = name.trim().to_owned();
                self.start_share(ctx);
            }
            LiveAction::Join { link, name } => {
                self.settings.author = name.trim().to_owned();
                match Link::parse(link.trim()) {
                    Ok(link) => self.guard_unsaved(Pending::JoinLive(link), ctx),
                    Err(error) => self.show_error("Cannot join the live map", error.to_string()),
                }
            }
            LiveAction::Cancel => {
                self.live = Live::default();
                self.dialog = None;
                self.status = "Stopped connecting".to_owned();
            }
            LiveAction::Leave => self.leave_live(),
        }
    }

    /// Puts the open project on the server in a thread; the window stays responsive and
    /// says so until it answers.
    fn start_share(&mut self, ctx: &egui::Context) {
        let server = self.settings.live_server.clone();
        let project = self.document.project().clone();
        let result = connect(ctx, move || {
            Session::share(&server, &project, &SessionOptions::default()).map(|session| Opened {
                session,
                project: None,
            })
        });
        self.live.state = State::Connecting {
            joining: false,
            server: self.settings.live_server.clone(),
            result,
        };
        self.dialog = Some(Dialog::Live(LiveDialog::Connecting {
            message: format!(
                "Putting the map on the server at {}…",
                self.settings.live_server
            ),
        }));
    }

    /// Opens the live document of `link` in a thread; the project replaces the open one
    /// when it arrives (unsaved changes were settled before).
    pub(in crate::app) fn start_join(&mut self, link: Link, ctx: &egui::Context) {
        let server = link.server.clone();
        let result = connect(ctx, move || {
            Session::join(&link, &SessionOptions::default()).map(|(session, project)| Opened {
                session,
                project: Some(project),
            })
        });
        self.live.state = State::Connecting {
            joining: true,
            server: server.clone(),
            result,
        };
        self.dialog = Some(Dialog::Live(LiveDialog::Connecting {
            message: format!("Joining the live map on {server}…"),
        }));
    }

    /// Joins the link that waited for the offer to restore unsaved work, asking first
    /// about the work if it was restored.
    pub(in crate::app) fn join_waiting(&mut self, waiting: Option<Link>, ctx: &egui::Context) {
        if let Some(link) = waiting {
            self.guard_unsaved(Pending::JoinLive(link), ctx);
        }
    }

    /// File → Share live…: where to share, or the link when the map is live already.
    pub(in crate::app) fn open_share_dialog(&mut self) {
        self.dialog = Some(Dialog::Live(match self.live.link() {
            Some(link) => LiveDialog::Link { link },
            None => LiveDialog::Share {
                server: self.settings.live_server.clone(),
                name: self.settings.author.clone(),
            },
        }));
    }

    fn leave_live(&mut self) {
        if !self.live.is_on() {
            self.status = "This map is not live".to_owned();
            return;
        }
        self.live = Live::default();
        self.status = "Left the live session: the map stays open; save it to keep it".to_owned();
    }

    /// Once a frame, after the user's actions: a connection that arrived is taken in, the
    /// user's new state is recorded in the session, and colleagues' changes are shown.
    pub(in crate::app) fn tick_live(&mut self, ctx: &egui::Context) {
        self.take_connection(ctx);
        let State::On(on) = &mut self.live.state else {
            return;
        };
        if on.recorded != Some(self.document.state_id()) {
            let merge = self.document.merge_key().map(str::to_owned);
            let continues = merge.is_some() && merge == on.merge;
            if let Err(error) = on.session.commit(self.document.project(), continues) {
                self.status = format!("This change did not reach the live map: {error}");
            }
            on.merge = merge;
            on.recorded = Some(self.document.state_id());
        } else if self.document.merge_key().is_none() {
            // The field was left: typing in it again is a step of its own.
            on.merge = None;
        }
        let news = on.session.poll().map(|news| {
            news.map_err(|error| error.to_string()).and_then(|project| {
                self.document
                    .apply_remote(project)
                    .map_err(|error| error.to_string())
            })
        });
        let shown = match news {
            Some(Ok(())) => {
                // What was shown came from the session: nothing of this user's to record.
                on.recorded = Some(self.document.state_id());
                on.merge = None;
                true
            }
            Some(Err(error)) => {
                self.status = format!("A colleague's change was not shown: {error}");
                false
            }
            None => false,
        };
        if shown {
            self.keep_journey_in_range();
        }
        let State::On(on) = &mut self.live.state else {
            return;
        };
        let journey = self.document.journey(self.journey).map(|j| j.id.clone());
        let card = match &self.selection {
            super::Selection::Card(id) => Some(id.as_str()),
            _ => None,
        };
        if let Err(error) = on.session.keep_syncing() {
            self.status = format!("Could not reconnect to the live map: {error}");
        }
        let name = presence::display_name(&self.settings.author);
        on.session
            .announce(&name, journey.as_deref().unwrap_or_default(), card);
        // Colleagues going quiet and a sync that stalled are noticed only in a frame:
        // one now and then even when nothing else happens.
        ctx.request_repaint_after(Duration::from_secs(1));
    }

    fn take_connection(&mut self, ctx: &egui::Context) {
        let State::Connecting {
            joining,
            server,
            result,
        } = &self.live.state
        else {
            return;
        };
        let (joining, server) = (*joining, server.clone());
        let outcome = match result.try_recv() {
            Err(TryRecvError::Empty) => return,
            Ok(outcome) => outcome,
            Err(TryRecvError::Disconnected) => Err(LiveError::Stopped),
        };
        self.dialog = None;
        match outcome {
            Ok(Opened { session, project }) => {
                let repaint = ctx.clone();
                session.on_news(move || repaint.request_repaint());
                let link = session.link().to_string();
                if let Some(project) = project {
                    let title = project.title.clone();
                    self.replace_document(Document::unsaved(project), None);
                    self.unsaved_name = "Live map";
                    self.status = format!("Joined “{}” on {server}", echo(&title));
                } else {
                    self.dialog = Some(Dialog::Live(LiveDialog::Link { link }));
                    self.status = format!("The map is live on {server}");
                }
                self.live.state = State::On(Box::new(On {
                    session,
                    recorded: None,
                    merge: None,
                }));
            }
            Err(error) => {
                self.live = Live::default();
                let title = if joining {
                    "Cannot join the live map"
                } else {
                    "Cannot share the map live"
                };
                self.show_error(title, error.to_string());
            }
        }
    }

    /// Undo in a live session: this user's latest step goes back as a new change, and
    /// colleagues' changes since stay. True when there was one.
    pub(in crate::app) fn live_undo(&mut self, undo: bool, ctx: &egui::Context) -> bool {
        // The latest edit reaches the session first, so that it is what goes back.
        self.tick_live(ctx);
        let State::On(on) = &mut self.live.state else {
            return false;
        };
        let reverted = if undo {
            on.session.undo()
        } else {
            on.session.redo()
        };
        match reverted {
            Ok(done) => {
                self.tick_live(ctx);
                done
            }
            Err(error) => {
                self.status = format!("Could not undo in the live map: {error}");
                true
            }
        }
    }
}

/// Runs `open` in a thread, waking the window when it is done.
fn connect(
    ctx: &egui::Context,
    open: impl FnOnce() -> Result<Opened, LiveError> + Send + 'static,
) -> Receiver<Result<Opened, LiveError>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        // A cancelled connection has no one to tell: its session closes as it is dropped.
        let _ = sender.send(open());
        ctx.request_repaint();
    });
    receiver
}
