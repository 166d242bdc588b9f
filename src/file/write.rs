//! Writing a project: deterministic pretty RON, saved atomically with a backup.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::error::FileError;
use crate::model::Project;

/// The project as the file holds it: the same project always gives the same text.
pub fn to_ron(project: &Project) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true);
    let mut text = unescape_apostrophes(&ron::ser::to_string_pretty(project, config)?);
    text.push('\n');
    Ok(text)
}

/// ron escapes `'` inside strings as `\'`, which is legal but makes every "buyer's" in a
/// hand-edited file read badly. Outside strings the output has no backslashes, and inside
/// them every backslash starts an escape, so escapes are read in pairs.
fn unescape_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push('\''),
            Some(escaped) => {
                out.push('\\');
                out.push(escaped);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Saves the project to `path` atomically, keeping the previous file as `NAME.bak`.
pub fn save_project(path: &Path, project: &Project) -> Result<(), FileError> {
    let text = to_ron(project).map_err(|error| FileError::Write {
        path: path.to_owned(),
        source: io::Error::other(error),
    })?;
    write_atomically(path, text.as_bytes(), Backup::Keep)
}

/// Whether a write keeps the file it replaces as `NAME.bak`: project saves do; exported
/// pictures and the recovery file do not, and leave a user's own `NAME.bak` alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    Keep,
    Skip,
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, keeps the old file as
/// `NAME.bak` if asked, and renames the new one into place. On any failure the file at
/// `path` is untouched and the temporary file is removed. An existing `path` that is not a
/// regular file (a device, a pipe, a folder) or that is read-only is refused, not replaced.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), FileError> {
    write_atomically_with(path, backup, |file| file.write_all(bytes))
}

/// [`write_atomically`], with the new content written by `write` straight into the
/// temporary file (a picture of a hundred megabytes need not be held whole in memory).
pub fn write_atomically_with(
    path: &Path,
    backup: Backup,
    write: impl FnOnce(&mut io::BufWriter<fs::File>) -> io::Result<()>,
) -> Result<(), FileError> {
    let error = |source| FileError::Write {
        path: path.to_owned(),
        source,
    };
    // Saving through a symbolic link replaces the file it points to, not the link.
    let target = canonical_path(path);
    let existing = fs::metadata(&target).ok();
    if let Some(existing) = &existing {
        if !existing.is_file() {
            return Err(FileError::NotAFile {
                path: path.to_owned(),
            });
        }
        if existing.permissions().readonly() {
            return Err(FileError::ReadOnly {
                path: path.to_owned(),
            });
        }
    }
    let Some(name) = target.file_name() else {
        return Err(error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not name a file",
        )));
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&folder);
    let temporary = folder.join(format!(
        ".{}{TEMPORARY_MARK}{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let replaced = existing.map(|existing| existing.permissions());
    let result = replace_with(&target, &temporary, write, backup, replaced);
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(error)?;
    sync_folder(&folder);
    Ok(())
}

/// Between a temporary file's name and the id of the process writing it:
/// `.plan.ron.journeymap-4242.tmp`.
const TEMPORARY_MARK: &str = ".journeymap-";

/// Removes the temporary files that writers killed mid-write left in `folder` (their
/// process is gone). Only Journeymap's own temporary names are touched. Best effort:
/// a folder that cannot be listed is written to all the same.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(writer) = name
            .to_str()
            .and_then(|name| name.strip_suffix(".tmp"))
            .and_then(|rest| rest.rsplit_once(TEMPORARY_MARK))
            .and_then(|(_, pid)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if writer != std::process::id() && !process_alive(writer) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id runs. Where that cannot be told, it is taken to run,
/// so its file is kept.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Writes the temporary file and renames it over `target`; `replaced` holds the
/// permissions of the file there, if one is, which the new file takes.
fn replace_with(
    target: &Path,
    temporary: &Path,
    write: impl FnOnce(&mut io::BufWriter<fs::File>) -> io::Result<()>,
    backup: Backup,
    replaced: Option<fs::Permissions>,
) -> io::Result<()> {
    let file = fs::File::create(temporary)?;
    let existed = replaced.is_some();
    if let Some(permissions) = replaced {
        file.set_permissions(permissions)?;
    }
    let mut writer = io::BufWriter::new(file);
    write(&mut writer)?;
    let file = writer
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    if backup == Backup::Keep && existed {
        keep_backup(target)?;
    }
    fs::rename(temporary, target)
}

/// Keeps the current file as `NAME.bak`: a hard link where the file system has them
/// (no copy, and the old bytes stay when the new file is renamed in), else a copy.
fn keep_backup(target: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    match fs::remove_file(&backup) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    if fs::hard_link(target, &backup).is_err() {
        fs::copy(target, &backup)?;
    }
    Ok(())
}

/// Where [`write_atomically`] keeps the previous version of `path`: `NAME.bak`.
pub(super) fn backup_path(path: &Path) -> PathBuf {
    let mut backup = path.as_os_str().to_owned();
    backup.push(".bak");
    PathBuf::from(backup)
}

/// The path with links and `..` resolved, or as given when it does not exist yet.
pub fn canonical_path(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// Whether two paths name the same file once links are resolved (hard links included,
/// where the platform tells).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(a), fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    canonical_path(a) == canonical_path(b)
}

/// Makes the rename durable. Best effort: not every platform can open a folder.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}
