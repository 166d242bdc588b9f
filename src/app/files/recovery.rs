//! Crash recovery's clock: unsaved work is written to the recovery file 30 seconds after
//! it changed (and when the session ends), and the next start offers to restore it. A
//! restored project opens unsaved: it reaches the user's own file only through their Save.
//! Reading and writing the file is `crate::file`'s.

use std::path::{Path, PathBuf};

use super::dialog::Dialog;
use crate::app::{Environment, JourneymapApp};
use crate::file::{Recovered, read_recovery, remove_recovery, write_recovery};
use crate::model::Document;

/// How long unsaved work may wait before it is written to the recovery file.
pub const RECOVERY_SECONDS: f64 = 30.0;

/// The recovery file in the app's data folder, e.g. `~/.local/share/journeymap/recovery.ron`.
pub fn default_recovery_path() -> Option<PathBuf> {
    eframe::storage_dir("Journeymap").map(|folder| folder.join("recovery.ron"))
}

/// When the unsaved work was last written, and when it next must be.
#[derive(Debug, Default)]
pub struct RecoveryClock {
    /// The document state the recovery file holds.
    written: Option<u64>,
    /// When the first change not yet in the recovery file was seen.
    pending_since: Option<f64>,
}

impl RecoveryClock {
    /// Writes the recovery file once unsaved work has waited long enough, and asks for a
    /// repaint at that moment (so an idle app still writes it).
    pub fn tick(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        path: Option<&Path>,
        env: &Environment,
    ) {
        if !document.is_dirty() || self.written == Some(document.state_id()) {
            self.pending_since = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.pending_since.get_or_insert(now);
        let wait = env.recovery_seconds - (now - since);
        if wait <= 0.0 {
            self.write_now(document, path, env);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    pub fn write_now(&mut self, document: &Document, path: Option<&Path>, env: &Environment) {
        let Some(recovery) = &env.recovery_path else {
            return;
        };
        // A failed write is tried again at the next change; there is no one to tell mid-crash.
        if write_recovery(recovery, document.project(), path).is_ok() {
            self.written = Some(document.state_id());
        }
        self.pending_since = None;
    }

    /// Removes the recovery file: the work is saved or deliberately discarded.
    pub fn clear(&mut self, env: &Environment) {
        self.written = None;
        self.pending_since = None;
        if let Some(recovery) = &env.recovery_path {
            remove_recovery(recovery);
        }
    }
}

impl JourneymapApp {
    /// At start: offers to restore unsaved work from a previous session.
    pub(in crate::app) fn offer_recovery(&mut self) {
        let Some(path) = self.environment.recovery_path.clone() else {
            return;
        };
        match read_recovery(&path) {
            None => {}
            Some(Ok(recovered)) => self.dialog = Some(Dialog::Recovery(Box::new(recovered))),
            Some(Err(error)) => {
                self.status =
                    format!("Unsaved work from the last session could not be read: {error}");
            }
        }
    }

    pub(in crate::app) fn restore_recovery(&mut self) {
        if let Some(Dialog::Recovery(recovered)) = self.dialog.take() {
            let Recovered { path, project } = *recovered;
            self.replace_document(Document::unsaved(project), path);
            self.status =
                "Restored unsaved work from the last session; save it to keep it".to_owned();
        }
    }
}
