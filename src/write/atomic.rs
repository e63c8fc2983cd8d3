//! Atomic output files: written under a temporary name in the same folder, renamed into place
//! only when complete, so a killed run never leaves a half file that looks whole. The file gets
//! the permissions any new file gets (0666 less the umask), not the 0600 of a private
//! temporary file: outputs are meant to be shared.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
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
        let deferred = sync_deferred(&path);
        let behind = if deferred { None } else { super::sync_behind::queue_for(&path) };
        if !deferred && behind.is_none() {
            tmp.as_file().sync_all().map_err(|source| Error::Output { path: path.clone(), source })?;
        }
        let file = tmp.persist(&path).map_err(|e| Error::Output { path: path.clone(), source: e.error })?;
        if let Some(queue) = behind {
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

/// Folders whose files are synced to disk together, after they are all written, instead of
/// one by one: thousands of partner folders would otherwise wait on the disk thousands of times.
static DEFERRED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// While the guard lives, files committed under `dir` are not synced one by one; the caller
/// syncs them all at once before the set they belong to is swapped in.
pub fn defer_sync_under(dir: &Path) -> DeferredSync {
    DEFERRED.lock().unwrap_or_else(|e| e.into_inner()).push(dir.to_path_buf());
    DeferredSync { dir: dir.to_path_buf() }
}

/// See [`defer_sync_under`]; dropping it syncs files one by one again.
#[must_use]
pub struct DeferredSync {
    dir: PathBuf,
}

impl Drop for DeferredSync {
    fn drop(&mut self) {
        let mut dirs = DEFERRED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = dirs.iter().position(|d| *d == self.dir) {
            dirs.remove(at);
        }
    }
}

fn sync_deferred(path: &Path) -> bool {
    DEFERRED.lock().unwrap_or_else(|e| e.into_inner()).iter().any(|d| path.starts_with(d))
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
