//! Crash recovery: unsaved work is written to a recovery file 30 seconds after it changed
//! (and when the session ends), and the next start offers to restore it. A restored
//! project opens unsaved: it reaches the user's own file only through their Save.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::JourneymapApp;
use super::dialogs::Dialog;
use crate::file::write_atomically;
use crate::model::{Document, Project, validate};

/// How long unsaved work may wait before it is written to the recovery file.
pub const RECOVERY_SECONDS: f64 = 30.0;

/// The recovery file in the app's data folder, e.g. `~/.local/share/journeymap/recovery.ron`.
pub fn default_recovery_path() -> Option<PathBuf> {
    eframe::storage_dir("Journeymap").map(|folder| folder.join("recovery.ron"))
}

#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    /// The file the project was opened from, if any.
    path: Option<PathBuf>,
    project: Project,
}

/// A project found in the recovery file.
#[derive(Clone, Debug)]
pub struct Recovered {
    pub path: Option<PathBuf>,
    pub project: Project,
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
        env: &super::Environment,
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

    pub fn write_now(
        &mut self,
        document: &Document,
        path: Option<&Path>,
        env: &super::Environment,
    ) {
        let Some(recovery) = &env.recovery_path else {
            return;
        };
        let file = RecoveryFile {
            path: path.map(Path::to_owned),
            project: document.project().clone(),
        };
        let written = ron::ser::to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                if let Some(folder) = recovery.parent() {
                    std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
                }
                write_atomically(recovery, text.as_bytes()).map_err(|e| e.to_string())
            });
        // A failed write is tried again at the next change; there is no one to tell mid-crash.
        if written.is_ok() {
            self.written = Some(document.state_id());
        }
        self.pending_since = None;
    }

    /// Removes the recovery file: the work is saved or deliberately discarded.
    pub fn clear(&mut self, env: &super::Environment) {
        self.written = None;
        self.pending_since = None;
        if let Some(recovery) = &env.recovery_path {
            let _ = std::fs::remove_file(recovery);
            let mut backup = recovery.as_os_str().to_owned();
            backup.push(".bak");
            let _ = std::fs::remove_file(PathBuf::from(backup));
        }
    }
}

/// Reads the recovery file, if there is one.
fn read_recovery(path: &Path) -> Option<Result<Recovered, String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let parsed = ron::from_str::<RecoveryFile>(&text)
        .map_err(|e| format!("{}: {e}", path.display()))
        .and_then(|file| match validate(&file.project).first() {
            Some(error) => Err(format!("{}: {error}", path.display())),
            None => Ok(Recovered {
                path: file.path,
                project: file.project,
            }),
        });
    Some(parsed)
}

impl JourneymapApp {
    /// At start: offers to restore unsaved work from a previous session.
    pub(super) fn offer_recovery(&mut self) {
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

    pub(super) fn restore_recovery(&mut self) {
        if let Some(Dialog::Recovery(recovered)) = self.dialog.take() {
            let Recovered { path, project } = *recovered;
            self.replace_document(Document::unsaved(project), path);
            self.status =
                "Restored unsaved work from the last session; save it to keep it".to_owned();
        }
    }
}
