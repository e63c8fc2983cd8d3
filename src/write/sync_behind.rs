//! Files synced to disk behind the writers: a writer renames its finished file into place and
//! goes on to the next file while a thread of its own waits for the disk. The files are in the
//! staging folder, which becomes the output folder only after [`syncing_behind`] has returned
//! with every file synced, so a file renamed before it is on disk is never seen as done.
//!
//! Syncing in line made each writer wait for the disk after every file: in the Faker list's
//! run, 0.46 s of the writers' time went to `fsync` while the other core had work to do.

use super::atomic::{sync_under, FolderSync};
use crate::error::{Error, Result};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;

/// Runs `work`; files committed under `dir` meanwhile are synced by a thread of their own.
/// Returns what `work` gave and, once every such file is synced, the first sync that failed.
pub fn syncing_behind<R>(dir: &Path, work: impl FnOnce() -> R) -> (R, Result<()>) {
    let (queue, files) = channel::<(PathBuf, File)>();
    std::thread::scope(|s| {
        let syncer = s.spawn(move || {
            let mut first = None;
            for (path, file) in files {
                let synced = match crate::fault::injected("sync-behind") {
                    true => Err(crate::fault::error()),
                    false => file.sync_all(),
                };
                if let Err(source) = synced {
                    first.get_or_insert(Error::Output { path, source });
                }
            }
            first.map_or(Ok(()), Err)
        });
        let out = {
            // Taken off the list however `work` ends (a panic too): the queue closes, so the
            // thread ends and the scope can finish.
            let _listed = sync_under(dir, FolderSync::Behind(queue));
            work()
        };
        let synced = syncer.join().unwrap_or_else(|_| {
            Err(Error::Output {
                path: dir.to_path_buf(),
                source: std::io::Error::other("the sync thread failed"),
            })
        });
        (out, synced)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::atomic::folder_sync;
    use crate::write::AtomicFile;
    use std::io::Write;

    /// Whether a file at `path` would be synced behind its writer.
    fn synced_behind(path: &Path) -> bool {
        matches!(folder_sync(path), Some(FolderSync::Behind(_)))
    }

    #[test]
    fn files_are_in_place_and_synced_when_it_returns() {
        let dir = tempfile::tempdir().unwrap();
        let (n, synced) = syncing_behind(dir.path(), || {
            for name in ["a.csv", "b.csv"] {
                let mut f = AtomicFile::create(&dir.path().join(name)).unwrap();
                f.write_all(name.as_bytes()).unwrap();
                assert!(synced_behind(f.path()), "the folder is synced behind while it runs");
                f.commit().unwrap();
            }
            2
        });
        assert_eq!(n, 2);
        synced.unwrap();
        assert!(!synced_behind(&dir.path().join("a.csv")), "and no longer once it returned");
        assert_eq!(std::fs::read_to_string(dir.path().join("b.csv")).unwrap(), "b.csv");
    }

    #[test]
    fn a_panic_in_the_work_does_not_hang_the_sync_thread() {
        let dir = tempfile::tempdir().unwrap();
        let caught = std::panic::catch_unwind(|| syncing_behind(dir.path(), || panic!("a writer failed")));
        assert!(caught.is_err());
        assert!(!synced_behind(&dir.path().join("x")));
    }
}
