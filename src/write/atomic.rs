//! Atomic output files: written under a temporary name in the same folder, renamed into place
//! only when complete, so a killed run never leaves a half file that looks whole. The file gets
//! the permissions any new file gets (0666 less the umask), not the 0600 of a private
//! temporary file: outputs are meant to be shared.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use tempfile::NamedTempFile;

/// A file being written; it appears under its name only on [`AtomicFile::commit`].
pub struct AtomicFile {
    path: PathBuf,
    inner: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path` (its folder must exist).
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let tmp = temp_beside(path, ".tmp")?;
        Ok(AtomicFile { path: path.to_owned(), inner: BufWriter::with_capacity(1 << 16, tmp) })
    }

    /// Flushes and renames the file into place.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        if super::fault::points_at_commit(&path) {
            return Err(Error::Output { path, source: super::fault::error() });
        }
        let tmp = self
            .inner
            .into_inner()
            .map_err(|e| Error::Output { path: path.clone(), source: e.into_error() })?;
        // Synced here before it takes its name, unless its folder is synced otherwise: all at
        // once at the end, or behind the writers (then after the rename: the folder is not
        // the output folder until every file in it is synced).
        let how = folder_sync(&path);
        if how.is_none() {
            tmp.as_file().sync_all().map_err(|source| Error::Output { path: path.clone(), source })?;
        }
        let file = tmp.persist(&path).map_err(|e| Error::Output { path: path.clone(), source: e.error })?;
        if let Some(FolderSync::Behind(queue)) = how {
            // The thread is gone only once the work is over: sync in line then.
            if let Err(std::sync::mpsc::SendError((path, file))) = queue.send((path, file)) {
                file.sync_all().map_err(|source| Error::Output { path, source })?;
            }
        }
        Ok(())
    }

    /// The final path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// How the files committed under a folder are synced, where not each by its writer before it
/// takes its name.
#[derive(Clone)]
pub(super) enum FolderSync {
    /// All at once by the caller, after they are all written: thousands of partner folders
    /// would otherwise wait on the disk thousands of times.
    AtEnd,
    /// By a thread behind the writers, once renamed into place (see `sync_behind`).
    Behind(std::sync::mpsc::Sender<(PathBuf, std::fs::File)>),
}

/// The folders whose files are synced otherwise, each with how.
static FOLDERS: Mutex<Vec<(PathBuf, FolderSync)>> = Mutex::new(Vec::new());

/// While the guard lives, files committed under `dir` are not synced one by one; the caller
/// syncs them all at once before the set they belong to is swapped in.
pub fn defer_sync_under(dir: &Path) -> DeferredSync {
    sync_under(dir, FolderSync::AtEnd)
}

/// While the guard lives, files committed under `dir` are synced as `how` says.
pub(super) fn sync_under(dir: &Path, how: FolderSync) -> DeferredSync {
    FOLDERS.lock().unwrap_or_else(PoisonError::into_inner).push((dir.to_path_buf(), how));
    DeferredSync { dir: dir.to_path_buf() }
}

/// See [`defer_sync_under`]; dropping it syncs files one by one again.
#[must_use]
pub struct DeferredSync {
    dir: PathBuf,
}

impl Drop for DeferredSync {
    fn drop(&mut self) {
        let mut folders = FOLDERS.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = folders.iter().position(|(d, _)| *d == self.dir) {
            folders.remove(at);
        }
    }
}

/// How a file at `path` is synced, if not by its writer: its innermost listed folder says.
pub(super) fn folder_sync(path: &Path) -> Option<FolderSync> {
    let folders = FOLDERS.lock().unwrap_or_else(PoisonError::into_inner);
    let listed = folders.iter().filter(|(d, _)| path.starts_with(d));
    listed.max_by_key(|(d, _)| d.components().count()).map(|(_, how)| how.clone())
}

/// A temporary file in `path`'s folder, to be renamed to `path` when complete, created with the
/// usual permissions for a new file (the umask applies, as for any file the user creates).
pub fn temp_beside(path: &Path, suffix: &str) -> Result<NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pc-onboard-").suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir).map_err(|source| Error::Output { path: path.to_owned(), source })
}

impl Write for AtomicFile {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }

    // The buffer's own: it copies a small write in place of looping over `write`.
    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.inner.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"a,b\n").unwrap();
        assert!(!path.exists());
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n");
        let mut g = AtomicFile::create(&path).unwrap();
        g.write_all(b"partial").unwrap();
        drop(g);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "a,b\n",
            "an abandoned write leaves the old file"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left behind");
    }

    /// Outputs get 0666 less the umask, like any new file, not a temporary file's 0600.
    #[cfg(unix)]
    #[test]
    fn files_get_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let probe = dir.path().join("probe");
        std::fs::write(&probe, b"").unwrap();
        let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        let path = dir.path().join("out.csv");
        AtomicFile::create(&path).unwrap().commit().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, usual, "{mode:o} vs {usual:o}");
    }
}
