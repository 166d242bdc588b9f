//! The server's document store: samod's filesystem layout (the one automerge-repo's Node
//! storage uses), with each write made durable.
//!
//! samod's own filesystem storage writes a file in place and never syncs it, so a power
//! cut can leave a torn or empty chunk. Here each chunk is written to a temporary file,
//! synced, renamed over its name and the folder synced, so a chunk is either whole or
//! absent. Reads and deletes are samod's. The store also knows how many bytes each
//! document holds, for the server's bound on a document's size.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use samod::storage::{Storage, StorageKey, TokioFilesystemStorage};

use crate::file::{Backup, write_atomically};

/// The bytes of each stored chunk, by document id, then by the rest of its key.
type Sizes = HashMap<String, HashMap<Vec<String>, usize>>;

#[derive(Clone, Debug)]
pub struct DurableStorage {
    folder: PathBuf,
    inner: TokioFilesystemStorage,
    sizes: Arc<Mutex<Sizes>>,
}

impl DurableStorage {
    /// The store in `folder`, with the sizes of what it already holds.
    pub fn new(folder: &Path) -> Self {
        let storage = Self {
            folder: folder.to_owned(),
            inner: TokioFilesystemStorage::new(folder),
            sizes: Arc::default(),
        };
        storage.measure_what_is_there();
        storage
    }

    /// How many bytes the document `id` holds on disk.
    pub fn size_of(&self, id: &str) -> usize {
        self.sizes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
            .map_or(0, |chunks| chunks.values().sum())
    }

    fn record(&self, key: &StorageKey, bytes: Option<usize>) {
        let mut parts = key.into_iter().cloned();
        let Some(id) = parts.next() else {
            return;
        };
        let mut sizes = self.sizes.lock().unwrap_or_else(PoisonError::into_inner);
        let chunks = sizes.entry(id).or_default();
        match bytes {
            Some(bytes) => chunks.insert(parts.collect(), bytes),
            None => chunks.remove(&parts.collect::<Vec<_>>()),
        };
    }

    /// Sizes the chunks in the folder, in samod's layout `AB/CDEF…/kind/hash`.
    fn measure_what_is_there(&self) {
        let Ok(prefixes) = std::fs::read_dir(&self.folder) else {
            return;
        };
        let mut sizes = self.sizes.lock().unwrap_or_else(PoisonError::into_inner);
        for prefix in prefixes.flatten() {
            let Ok(documents) = std::fs::read_dir(prefix.path()) else {
                continue;
            };
            for document in documents.flatten() {
                let id = format!(
                    "{}{}",
                    prefix.file_name().to_string_lossy(),
                    document.file_name().to_string_lossy()
                );
                let chunks = sizes.entry(id).or_default();
                for file in walk(&document.path()) {
                    let rest = file
                        .strip_prefix(document.path())
                        .map(|rest| {
                            rest.iter()
                                .map(|part| part.to_string_lossy().into_owned())
                                .collect()
                        })
                        .unwrap_or_default();
                    let bytes = std::fs::metadata(&file).map_or(0, |m| m.len() as usize);
                    chunks.insert(rest, bytes);
                }
            }
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

/// The files under `folder`, at any depth.
fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => folders.push(entry.path()),
                Ok(_) => files.push(entry.path()),
                Err(_) => {}
            }
        }
    }
    files
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
        let this = self.clone();
        async move {
            let Some(path) = path else {
                eprintln!("refused to store a document under a strange name");
                return;
            };
            let bytes = data.len();
            let written = tokio::task::spawn_blocking(move || write_durably(&path, &data)).await;
            match written {
                Ok(Ok(())) => this.record(&key, Some(bytes)),
                Ok(Err(error)) => eprintln!("could not store a document change: {error}"),
                Err(error) => eprintln!("could not store a document change: {error}"),
            }
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        self.record(&key, None);
        self.inner.delete(key)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn a_documents_size_is_counted_as_stored_and_found_again_at_start() {
        let folder = tempfile::tempdir().unwrap();
        let storage = DurableStorage::new(folder.path());
        let key = |hash: &str| {
            StorageKey::from_parts(["3A8acgjDbhjYVFKSpsuMQL7PpD64", "incremental", hash]).unwrap()
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(storage.put(key("a"), vec![0; 1000]));
        runtime.block_on(storage.put(key("b"), vec![0; 500]));
        assert_eq!(storage.size_of("3A8acgjDbhjYVFKSpsuMQL7PpD64"), 1500);
        runtime.block_on(storage.delete(key("a")));
        assert_eq!(storage.size_of("3A8acgjDbhjYVFKSpsuMQL7PpD64"), 500);

        let again = DurableStorage::new(folder.path());
        assert_eq!(again.size_of("3A8acgjDbhjYVFKSpsuMQL7PpD64"), 500);
        assert_eq!(again.size_of("another"), 0);
    }
}
