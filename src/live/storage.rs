//! The server's document store: samod's filesystem layout (the one automerge-repo's Node
//! storage uses), with each write made durable.
//!
//! samod's own filesystem storage writes a file in place and never syncs it, so a power
//! cut can leave a torn or empty chunk. Here each chunk is written to a temporary file,
//! synced, renamed over its name and the folder synced, so a chunk is either whole or
//! absent. Reads and deletes are samod's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use samod::storage::{Storage, StorageKey, TokioFilesystemStorage};

use crate::file::{Backup, write_atomically};

#[derive(Clone, Debug)]
pub struct DurableStorage {
    folder: PathBuf,
    inner: TokioFilesystemStorage,
}

impl DurableStorage {
    pub fn new(folder: &Path) -> Self {
        Self {
            folder: folder.to_owned(),
            inner: TokioFilesystemStorage::new(folder),
        }
    }

    /// Where samod's layout puts `key`: the first part split after two characters.
    /// `None` for a part that could leave the folder.
    fn path_of(&self, key: &StorageKey) -> Option<PathBuf> {
        let mut path = self.folder.clone();
        for (index, part) in key.into_iter().enumerate() {
            if part.is_empty() || part == "." || part == ".." || part.contains(['/', '\\', '\0']) {
                return None;
            }
            if index == 0 {
                let split = part.char_indices().nth(2).map_or(part.len(), |(at, _)| at);
                path.push(&part[..split]);
                path.push(&part[split..]);
            } else {
                path.push(part);
            }
        }
        Some(path)
    }
}

/// Writes `data` to `path` so that it is either entirely there or not at all.
fn write_durably(path: &Path, data: &[u8]) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("{}: {error}", folder.display()))?;
    }
    write_atomically(path, data, Backup::Skip).map_err(|error| error.to_string())
}

impl Storage for DurableStorage {
    fn load(&self, key: StorageKey) -> impl Future<Output = Option<Vec<u8>>> + Send {
        self.inner.load(key)
    }

    fn load_range(
        &self,
        prefix: StorageKey,
    ) -> impl Future<Output = HashMap<StorageKey, Vec<u8>>> + Send {
        self.inner.load_range(prefix)
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        let path = self.path_of(&key);
        async move {
            let Some(path) = path else {
                eprintln!("refused to store a document under a strange name");
                return;
            };
            let written = tokio::task::spawn_blocking(move || write_durably(&path, &data)).await;
            match written {
                Ok(Ok(())) => {}
                Ok(Err(error)) => eprintln!("could not store a document change: {error}"),
                Err(error) => eprintln!("could not store a document change: {error}"),
            }
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        self.inner.delete(key)
    }
}
