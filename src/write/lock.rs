//! The lock that keeps two runs off one output folder. It is a file beside the folder
//! (`.NAME.pc-onboard.lock`) that says which run holds it; on Unix the holder also keeps an
//! advisory lock (`flock`) on it, which the system releases when the process ends however it
//! ends. A lock file that nobody holds was left by a run that was killed: it is stale, and the
//! next run takes it over and says so.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// A held lock; dropping it removes the file and releases the lock.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    file: File,
}

/// What taking the lock found.
#[derive(Debug)]
pub enum Taken {
    /// The lock was free.
    Free(Lock),
    /// A killed run had left its lock file, which says this about it.
    Stale(Lock, String),
}

impl Lock {
    /// Takes the lock at `path` for the output folder `out`, writing `holder` (who we are) into
    /// it; fails with [`Error::Busy`] naming the holder when another run has it.
    pub fn take(path: &Path, out: &Path, holder: &str) -> Result<Taken> {
        let io = |source| Error::Output { path: path.to_owned(), source };
        // A run that ends removes its file between our open and our lock: try again on the
        // file now at the path.
        for _ in 0..8 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .map_err(io)?;
            if !try_lock(&file).map_err(io)? {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(Error::Busy {
                    out: out.to_owned(),
                    message: format!(
                        "another pc-onboard run is writing this output folder ({}); wait for it to end, \
                         or give another --out",
                        describe(&text)
                    ),
                });
            }
            if !still_at(&file, path) {
                continue;
            }
            let mut before = String::new();
            file.read_to_string(&mut before).map_err(io)?;
            file.set_len(0).map_err(io)?;
            file.rewind().map_err(io)?;
            file.write_all(holder.as_bytes()).and_then(|_| file.sync_all()).map_err(io)?;
            let lock = Lock { path: path.to_owned(), file };
            return Ok(match before.trim().is_empty() {
                true => Taken::Free(lock),
                false => Taken::Stale(lock, describe(&before)),
            });
        }
        Err(io(std::io::Error::other("the lock file keeps changing; is another run starting and stopping?")))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so that no other run locks the file we are removing.
        if still_at(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The holder line written into the lock file.
pub fn holder(command: &str) -> String {
    let started = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    format!("pid {}, started {started}, `pc-onboard {command}`\n", std::process::id())
}

/// What a lock file says about its holder, for messages.
fn describe(text: &str) -> String {
    match text.trim() {
        "" => "it has not said who it is yet".to_string(),
        t => t.lines().next().unwrap_or(t).to_string(),
    }
}

/// Takes the advisory lock without waiting: false when another process holds it.
#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use rustix::fs::{flock, FlockOperation};
    match flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Ok(false),
        Err(e) => Err(std::io::Error::from_raw_os_error(e.raw_os_error())),
    }
}

/// Without advisory locks, a lock file that holds a holder line is taken to be held.
#[cfg(not(unix))]
fn try_lock(file: &File) -> std::io::Result<bool> {
    Ok(file.metadata()?.len() == 0)
}

/// Whether the open `file` is still the one at `path` (not removed and replaced meanwhile).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_refuses_and_a_dead_one_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let (path, out) = (dir.path().join(".out.lock"), dir.path().join("out"));
        let Taken::Free(first) = Lock::take(&path, &out, "pid 1, first\n").unwrap() else {
            panic!("a new lock is free")
        };
        let err = Lock::take(&path, &out, "pid 2, second\n").unwrap_err();
        assert!(matches!(err, Error::Busy { .. }), "{err}");
        assert!(err.to_string().contains("pid 1, first"), "the message names the holder: {err}");
        drop(first);
        assert!(!path.exists(), "a released lock leaves no file");
        // A run killed with its lock held leaves the file, but not the advisory lock.
        std::fs::write(&path, "pid 3, killed\n").unwrap();
        match Lock::take(&path, &out, "pid 4\n").unwrap() {
            Taken::Stale(lock, was) => {
                assert_eq!(was, "pid 3, killed");
                assert_eq!(std::fs::read_to_string(&path).unwrap(), "pid 4\n");
                drop(lock);
            }
            Taken::Free(_) => panic!("the killed run's lock is stale"),
        }
    }
}
