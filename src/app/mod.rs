//! The desktop window: menu bar, journey tabs, the canvas, the inspector and a status
//! line. UI code only reports what the user did as [`Action`]s; [`JourneymapApp::handle`]
//! carries them out in one place, through the document's edit door. The rooms: `canvas`,
//! `inspector`, `review` (health, search, outline), `present` and `files` (open, save,
//! dialogs, export, recovery); `action`, `handle`, `command` and `menus` serve them all.

mod action;
mod canvas;
mod command;
mod files;
mod handle;
mod inspector;
mod live;
mod menus;
mod palette;
mod present;
mod review;

use std::path::PathBuf;

pub use action::{Action, Selected, Selection};
pub use command::Command;
pub use files::{default_recovery_path, dialogs_available};
pub use inspector::{rfc3339, when};
pub use palette::matching as palette_matches;
pub use present::{HandoutPage, Slide, handout_pages};

use crate::layout::JourneyLayout;
use crate::model::{Document, Journey};

/// What persists between runs (through eframe's storage): recent files and the theme.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark_mode: bool,
    /// The last choices in the export dialog, also used by Copy image.
    pub export: crate::export::ExportOptions,
    /// Whether exports and Copy image dim the cards the search leaves out.
    pub export_filtered: bool,
    /// What the map on screen shows besides its lanes.
    pub map: crate::layout::MapOptions,
    /// The name put on the comments this user adds.
    pub author: String,
    /// Whether File → New last started from the template (rather than a blank project).
    pub new_from_template: bool,
    /// Where the last export went: the next one is offered the same folder.
    pub export_folder: Option<PathBuf>,
    /// Whether the inspector is shown beside the map.
    pub inspector: bool,
    /// The export dialog's last choices for tables and diagrams.
    pub export_text: files::dialog::TextExport,
    /// The server File → Share live… last used.
    pub live_server: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark_mode: false,
            export: crate::export::ExportOptions::default(),
            export_filtered: false,
            map: crate::layout::MapOptions::default(),
            author: String::new(),
            // A first project is easier to start from an example.
            new_from_template: true,
            export_folder: None,
            inspector: true,
            export_text: files::dialog::TextExport::default(),
            live_server: format!("ws://{}", crate::live::server::DEFAULT_LISTEN),
        }
    }
}

/// How the app meets the outside world; tests set these to stay inside a temporary folder.
#[derive(Clone, Debug)]
pub struct Environment {
    /// Where unsaved work is kept for crash recovery; `None` turns recovery off.
    pub recovery_path: Option<PathBuf>,
    /// How long unsaved work waits before it is written to the recovery file.
    pub recovery_seconds: f64,
    /// Whether native file dialogs can be shown; `Err` says why not.
    pub native_dialogs: Result<(), String>,
}

impl Environment {
    /// The real environment of a desktop session.
    pub fn detect() -> Self {
        Self {
            recovery_path: default_recovery_path(),
            recovery_seconds: files::RECOVERY_SECONDS,
            native_dialogs: files::native_dialogs_available(),
        }
    }
}

/// Pan, zoom and the drag in progress: view state, never saved, never undone.
#[derive(Clone, Debug)]
pub struct View {
    pub zoom: f32,
    /// Where the map's origin sits relative to the canvas's top-left corner.
    pub offset: egui::Vec2,
    /// How to frame the map on the next frame (after opening, switching journeys, Fit).
    pub framing: Option<Framing>,
    /// The canvas rectangle of the last frame, for zoom commands.
    pub canvas: egui::Rect,
    /// A card to bring fully into view on the next frame (it was just selected).
    pub reveal: Option<String>,
    /// Where the map is gliding to, a short animation, after a reveal.
    pub glide: Option<egui::Vec2>,
    /// Committee members whose emotion curves are hidden, by persona id.
    pub hidden_curves: std::collections::BTreeSet<String>,
}

impl View {
    /// Which of the journey's voices have their curve shown (see [`crate::model::voices`]).
    pub fn shown_curves(&self, journey: &crate::model::Journey) -> crate::model::VoiceSet {
        let voices = crate::model::journey_voices(journey);
        voices
            .iter()
            .enumerate()
            .filter(|(_, voice)| {
                voice
                    .persona
                    .is_some_and(|id| self.hidden_curves.contains(id))
            })
            .fold(crate::model::VoiceSet::default(), |set, (v, _)| {
                set.without(v)
            })
    }
}

impl Default for View {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: egui::Vec2::ZERO,
            framing: Some(Framing::Start),
            canvas: egui::Rect::NOTHING,
            reveal: None,
            glide: None,
            hidden_curves: Default::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// The whole map in view, at whatever zoom that takes.
    Fit,
    /// The map's top-left corner, as large as fits but readable (a fresh map or file).
    Start,
}

/// The running application.
pub struct JourneymapApp {
    document: Document,
    /// The project file that Save writes.
    path: Option<PathBuf>,
    /// The exported PNG the project was opened from, if so: Save asks for a project file
    /// rather than write text over the picture.
    picture: Option<PathBuf>,
    /// The table or diagram the project was imported from, if so: Save as offers a
    /// project file beside it, and no export writes over it.
    imported: Option<PathBuf>,
    journey: usize,
    selection: Selection,
    view: View,
    /// The layout of the journey on screen, for (document state, journey, map options).
    layout: Option<(u64, usize, crate::layout::MapOptions, JourneyLayout)>,
    /// The open comments of the journey on screen, for (document state, journey): the
    /// status line shows them every frame, and a journey may hold 10,000 cards.
    open_comments: std::cell::Cell<Option<(u64, usize, usize)>>,
    settings: Settings,
    environment: Environment,
    dialog: Option<files::dialog::Dialog>,
    inspector: inspector::InspectorState,
    canvas: canvas::CanvasState,
    /// The health check panel, when it is open.
    health: Option<review::HealthState>,
    /// The search bar, when it is open.
    search: Option<review::SearchState>,
    /// The outline view, when it is open.
    outline: Option<review::OutlineState>,
    /// Presentation mode, when the journey is being presented.
    presentation: Option<present::Presentation>,
    status: String,
    recovery: files::RecoveryClock,
    /// Review mode: the map is read-only against accidental drags and edits; comments
    /// stay open for writing.
    review: bool,
    /// Set once the user has confirmed quitting, so the close is let through.
    quitting: bool,
    window_title: String,
    /// Whether a text field had the keyboard at the end of the last frame.
    typing: bool,
    /// The command palette, when it is open.
    palette: Option<palette::Palette>,
    /// What the window calls a project not yet saved to a file.
    unsaved_name: &'static str,
    /// The live session, when the map is shared with colleagues.
    live: live::Live,
}

impl JourneymapApp {
    pub fn new(document: Document, path: Option<PathBuf>, environment: Environment) -> Self {
        let mut app = Self {
            document,
            path: None,
            picture: None,
            imported: None,
            journey: 0,
            selection: Selection::None,
            view: View::default(),
            layout: None,
            open_comments: std::cell::Cell::new(None),
            settings: Settings::default(),
            environment,
            dialog: None,
            inspector: inspector::InspectorState::default(),
            canvas: canvas::CanvasState::default(),
            outline: None,
            presentation: None,
            search: None,
            health: None,
            status: String::new(),
            recovery: files::RecoveryClock::default(),
            review: false,
            quitting: false,
            window_title: String::new(),
            typing: false,
            palette: None,
            unsaved_name: crate::model::TEMPLATE_NAME,
            live: live::Live::default(),
        };
        app.set_source(path);
        app.offer_recovery();
        app
    }

    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    /// The ids of the cards the search dims (empty when not searching).
    pub fn dimmed_cards(&mut self) -> Vec<String> {
        let (Some(search), Some(journey)) = (&mut self.search, self.document.journey(self.journey))
        else {
            return Vec::new();
        };
        let matches = search.matches(journey, self.document.state_id(), self.journey);
        journey
            .cards
            .iter()
            .zip(matches)
            .filter(|(_, m)| !**m)
            .map(|(c, _)| c.id.clone())
            .collect()
    }

    /// The link of the live session, when the map is live.
    pub fn live_link(&self) -> Option<String> {
        self.live.link()
    }

    /// What the title bar says about the live session, e.g. `Live · 3 people`.
    pub fn live_state(&self) -> Option<String> {
        self.live.title()
    }

    /// Starts joining the live map of `link` (from the command line), as File → Join
    /// live… does; after the offer to restore unsaved work is answered, if one is open,
    /// so that the offer is not lost.
    pub fn join_live(&mut self, link: crate::live::Link, ctx: &egui::Context) {
        if matches!(self.dialog, Some(files::dialog::Dialog::Recovery(_))) {
            self.live.wait_to_join(link);
        } else {
            self.start_join(link, ctx);
        }
    }

    pub fn in_review(&self) -> bool {
        self.review
    }

    pub fn status(&self) -> &str {
        &self.status
    }

    /// The journey on screen.
    pub fn journey(&self) -> Option<&Journey> {
        self.document.journey(self.journey)
    }

    /// Where the project came from: a project file, a picture, or neither.
    fn set_source(&mut self, path: Option<PathBuf>) {
        (self.path, self.picture) = match path {
            Some(path) if crate::file::is_picture(&path) => (None, Some(path)),
            path => (path, None),
        };
        self.imported = None;
    }

    /// The window title: the file name (or the template), with `*` when unsaved.
    pub fn title(&self) -> String {
        let file_name = |path: &PathBuf| {
            path.file_name()
                .map(|name| name.to_string_lossy().into_owned())
        };
        let name = match (&self.path, &self.picture, &self.imported) {
            (Some(path), _, _) => file_name(path),
            (None, Some(picture), _) => file_name(picture).map(|name| format!("{name} (picture)")),
            (None, None, Some(table)) => file_name(table).map(|name| format!("{name} (imported)")),
            (None, None, None) => None,
        }
        .unwrap_or_else(|| self.unsaved_name.to_owned());
        let dirty = if self.document.is_dirty() { " *" } else { "" };
        match self.live.title() {
            Some(live) => format!("{name}{dirty} — {live} — Journeymap"),
            None => format!("{name}{dirty} — Journeymap"),
        }
    }

    /// The layout of the journey on screen, computed again only when the project changed.
    /// How many comments of the journey on screen are open, counted once per change.
    pub fn open_comment_count(&self) -> usize {
        let key = (self.document.state_id(), self.journey);
        match self.open_comments.get() {
            Some((state, journey, count)) if (state, journey) == key => count,
            _ => {
                let count = self.journey().map_or(0, |j| j.open_comments().count());
                self.open_comments.set(Some((key.0, key.1, count)));
                count
            }
        }
    }

    fn layout(&mut self) -> Option<&JourneyLayout> {
        let state = self.document.state_id();
        let journey = self.document.journey(self.journey)?;
        let options = self.settings.map;
        let fresh = matches!(&self.layout, Some((s, j, o, _)) if *s == state && *j == self.journey && *o == options);
        if !fresh {
            let layout = JourneyLayout::of(self.document.project(), journey, options);
            self.layout = Some((state, self.journey, options, layout));
        }
        self.layout.as_ref().map(|(_, _, _, layout)| layout)
    }

    /// Draws the whole window into `ui` and carries out what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(if self.settings.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let presenting = self.presentation.is_some();
        let keys = command::KeyContext {
            typed_last_frame: self.typing,
            presenting,
            dialog: self.dialog.is_some() || self.palette.is_some(),
        };
        let mut actions: Vec<Action> = Command::from_keys(&ctx, keys)
            .into_iter()
            .map(Action::Command)
            .collect();
        if ctx.input(|i| i.viewport().close_requested()) && !self.quitting {
            if self.document.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                actions.push(Action::Command(Command::Quit));
            } else {
                self.recovery.clear(&self.environment);
            }
        }

        if presenting {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| present::show(ui, self, &mut actions));
        } else {
            self.show_editor(ui, &mut actions);
        }
        files::modal::show(&ctx, self, &mut actions);
        palette::show(&ctx, self, &mut actions);

        // New ids in a live session carry this participant's tag (see `with_id_tag`).
        let tag = self.live.id_tag();
        crate::model::operations::with_id_tag(tag.as_deref(), || {
            for action in actions {
                self.handle(action, &ctx);
            }
        });
        self.tick_live(&ctx);
        self.recovery.tick(
            &ctx,
            &self.document,
            self.path.as_deref(),
            &self.environment,
        );
        self.typing = ctx.egui_wants_keyboard_input();
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The editing window: menus, panels, the canvas and the status line.
    fn show_editor(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        menus::menu_bar(ui, self, actions);
        menus::status_line(ui, self);
        if self.settings.inspector {
            inspector::panel(ui, self, actions);
        }
        menus::journey_tabs(ui, self, actions);
        if let (Some(search), Some(journey)) =
            (&mut self.search, self.document.journey(self.journey))
        {
            let matching = search
                .matches(journey, self.document.state_id(), self.journey)
                .iter()
                .filter(|&&m| m)
                .count();
            review::search_bar(
                ui,
                search,
                self.document.project(),
                journey,
                matching,
                actions,
            );
        }
        if let (Some(health), Some(journey)) =
            (&mut self.health, self.document.journey(self.journey))
        {
            let findings = health.findings(
                self.document.project(),
                journey,
                self.document.state_id(),
                self.journey,
            );
            review::health::panel(ui, findings, journey, &self.selection, actions);
        }
        if let (Some(outline), Some(journey)) =
            (&mut self.outline, self.document.journey(self.journey))
        {
            let selected = self.selection.resolve(journey).card();
            review::outline_panel(
                ui,
                outline,
                &mut self.inspector,
                self.document.project(),
                journey,
                self.journey,
                self.document.state_id(),
                selected,
                actions,
            );
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| canvas::show(ui, self, actions));
    }
}

const SETTINGS_KEY: &str = "journeymap-settings";

impl eframe::App for JourneymapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // A session that ends without the window's close (logout, a signal) keeps the work.
        if self.document.is_dirty() && !self.quitting {
            self.recovery
                .write_now(&self.document, self.path.as_deref(), &self.environment);
        }
    }
}

/// Opens the window on `document` and runs until it is closed; with `join`, the window
/// joins that live map as it opens.
pub fn run(
    document: Document,
    path: Option<PathBuf>,
    join: Option<crate::live::Link>,
) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Journeymap")
            .with_inner_size([1440.0, 860.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Journeymap",
        options,
        Box::new(move |creation| {
            let settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
                .unwrap_or_default();
            let mut app =
                JourneymapApp::new(document, path, Environment::detect()).with_settings(settings);
            if let Some(link) = join {
                app.join_live(link, &creation.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    )
}
