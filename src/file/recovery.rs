//! The recovery file: unsaved work the app keeps for the next start after a crash. It is
//! a project wrapped with the path it was opened from, read with the same size limit,
//! format check and validation as any project file, and written atomically.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::FileError;
use super::read::{FormatProbe, check_project, parse_ron, read_limited};
use super::write::{Backup, backup_path, write_atomically};
use crate::model::Project;

/// The recovery file's shape: written from a borrowed project (`P` = `&Project`, no copy
/// of a large project every 30 seconds), read into an owned one.
#[derive(Serialize, Deserialize)]
struct RecoveryFile<P> {
    /// The file the project was opened from, if any.
    path: Option<PathBuf>,
    project: P,
}

/// A project found in the recovery file, and the file it was opened from.
#[derive(Clone, Debug)]
pub struct Recovered {
    pub path: Option<PathBuf>,
    pub project: Project,
}

/// Writes `project` (opened from `source`, if anything) to the recovery file at
/// `recovery`, making its folder if needed.
pub fn write_recovery(
    recovery: &Path,
    project: &Project,
    source: Option<&Path>,
) -> Result<(), FileError> {
    let error = |source| FileError::Write {
        path: recovery.to_owned(),
        source,
    };
    let file = RecoveryFile {
        path: source.map(Path::to_owned),
        project,
    };
    let text = ron::ser::to_string(&file).map_err(|e| error(io::Error::other(e)))?;
    if let Some(folder) = recovery.parent() {
        std::fs::create_dir_all(folder).map_err(error)?;
    }
    write_atomically(recovery, text.as_bytes(), Backup::Skip)
}

/// Reads the recovery file at `recovery`: `None` when there is none.
pub fn read_recovery(recovery: &Path) -> Option<Result<Recovered, FileError>> {
    if !recovery.exists() {
        return None;
    }
    let read = read_limited(recovery).and_then(|bytes| {
        let file: RecoveryFile<Project> = parse_ron(&bytes, recovery, probe_format)?;
        Ok(Recovered {
            path: file.path,
            project: check_project(file.project, recovery)?,
        })
    });
    Some(read)
}

/// Removes the recovery file and its backup: the work is saved or deliberately discarded.
/// Nothing to remove is not an error; a file that cannot be removed is offered again at
/// the next start, which loses nothing.
pub fn remove_recovery(recovery: &Path) {
    for path in [recovery.to_owned(), backup_path(recovery)] {
        let _ = std::fs::remove_file(path);
    }
}

/// The `format` of the project inside a recovery file that did not parse.
fn probe_format(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    #[serde(rename = "RecoveryFile")]
    struct Probe {
        project: FormatProbe,
    }
    ron::from_str::<Probe>(text)
        .ok()
        .map(|probe| probe.project.format)
}
