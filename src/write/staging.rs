//! The output folder as one unit. A run writes its whole set into a staging folder beside
//! `--out` (`.NAME.pc-onboard.new`), and only when every file is complete puts it in the
//! folder's place: one atomic exchange of the two folders where the system has it (Linux), or
//! two renames with the previous set kept aside (`.NAME.pc-onboard.old`) until the new one is
//! in place. The previous set stays whole until then and is removed after. Files in the output
//! folder that no run of pc-onboard wrote (the user's own, or the inputs when `--out` is the
//! input folder) are hard-linked (or copied) into the new folder first, so the swap keeps them.
//!
//! A run killed at any moment leaves the previous set or the new one. The two-rename swap has one
//! instant where the folder is absent; the next run on the folder puts the right one back before
//! it starts ([`Staging::begin`]).

use super::lock::Lock;
use super::output_set::{self, FoundSet, SUMMARY_FILE};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Where a run's outputs go: the output folder and its siblings, as absolute paths.
#[derive(Clone, Debug)]
pub struct Target {
    /// The output folder (it may not exist yet).
    pub out: PathBuf,
    /// The lock file beside it.
    pub lock: PathBuf,
    /// The staging folder beside it.
    pub staging: PathBuf,
    /// Where the previous set waits during a two-rename swap.
    pub old: PathBuf,
}

/// A staging folder being filled; dropped without [`Staging::commit`], it is removed and the
/// output folder is left as it was.
#[derive(Debug)]
pub struct Staging {
    target: Target,
    _lock: Lock,
    done: bool,
}

impl Target {
    /// Works out the folders for `--out` (checking its shape only: nothing is written).
    pub fn resolve(out: &Path) -> Result<Target> {
        let usage = |why: String| Error::Usage(format!("--out {}: {why}", out.display()));
        let abs = std::path::absolute(out).map_err(|e| usage(format!("cannot tell where it is: {e}")))?;
        let resolved = match std::fs::metadata(&abs) {
            Ok(m) if m.is_dir() => std::fs::canonicalize(&abs).map_err(|e| usage(e.to_string()))?,
            Ok(_) => return Err(usage("is a file, not a folder".into())),
            Err(_) => resolve_missing(&abs).map_err(usage)?,
        };
        let (Some(parent), Some(name)) = (resolved.parent(), resolved.file_name()) else {
            return Err(usage("the output folder is replaced as a whole; give a folder of its own".into()));
        };
        if std::env::current_dir().and_then(std::fs::canonicalize).is_ok_and(|cwd| cwd.starts_with(&resolved))
        {
            return Err(usage(
                "it holds the current folder, and the output folder is replaced as a whole when the \
                 run ends; give a folder of its own (e.g. --out reports) or run from elsewhere"
                    .into(),
            ));
        }
        if is_mount_point(&resolved, parent) {
            return Err(usage(format!(
                "it is a mount point, and the output folder is replaced as a whole when the run ends; \
                 give a folder inside it (e.g. --out {})",
                out.join("pc-onboard").display()
            )));
        }
        let beside = |suffix: &str| {
            let mut n = std::ffi::OsString::from(".");
            n.push(name);
            n.push(suffix);
            parent.join(n)
        };
        Ok(Target {
            lock: beside(".pc-onboard.lock"),
            staging: beside(".pc-onboard.new"),
            old: beside(".pc-onboard.old"),
            out: resolved,
        })
    }
}

/// The absolute path of a folder that does not exist yet: its nearest existing ancestor,
/// resolved, and the rest as given.
fn resolve_missing(abs: &Path) -> std::result::Result<PathBuf, String> {
    let mut base = abs;
    let mut rest = Vec::new();
    while !base.exists() {
        rest.push(base.file_name().ok_or("no part of it exists")?);
        base = base.parent().ok_or("no part of it exists")?;
    }
    if !base.is_dir() {
        return Err(format!("{} is a file, not a folder", base.display()));
    }
    let mut p = std::fs::canonicalize(base).map_err(|e| e.to_string())?;
    p.extend(rest.iter().rev());
    Ok(p)
}

#[cfg(unix)]
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(dir), std::fs::metadata(parent)) {
        (Ok(d), Ok(p)) => d.dev() != p.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_dir: &Path, _parent: &Path) -> bool {
    false
}

impl Staging {
    /// With the lock held: repairs what a killed run left, then makes an empty staging folder
    /// with `subfolders`. Returns notes for the user (what was repaired).
    pub fn begin(target: Target, lock: Lock, subfolders: &[&str]) -> Result<(Staging, Vec<String>)> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Output { path, source }
        };
        let mut notes = Vec::new();
        let t = &target;
        if !t.out.exists() && t.old.is_dir() {
            // A two-rename swap was cut between its renames: the new set is complete when it
            // holds its summary (written last), otherwise the previous one goes back.
            let back = if t.staging.join(SUMMARY_FILE).is_file() { &t.staging } else { &t.old };
            std::fs::rename(back, &t.out).map_err(io(&t.out))?;
            notes.push(format!(
                "{}: an earlier run was stopped while it swapped its outputs in; the {} set was put back",
                t.out.display(),
                if back == &t.staging { "new" } else { "previous" }
            ));
        }
        for leftover in [&t.staging, &t.old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(io(leftover))?;
            }
        }
        std::fs::create_dir(&t.staging).map_err(io(&t.staging))?;
        let staging = Staging { target, _lock: lock, done: false };
        for sub in subfolders {
            let p = staging.dir().join(sub);
            std::fs::create_dir_all(&p).map_err(io(&p))?;
        }
        Ok((staging, notes))
    }

    /// The folder to write the outputs into.
    pub fn dir(&self) -> &Path {
        &self.target.staging
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.target.out
    }

    /// Finishes the set and puts it in place: the user's files are carried over, `summary`
    /// writes summary.json (last: its presence marks the set complete), then the swap.
    /// Returns notes for the user (a previous set that could not be removed).
    pub fn commit(mut self, summary: impl FnOnce(&Path) -> Result<()>) -> Result<Vec<String>> {
        let t = self.target.clone();
        if t.out.is_dir() {
            let found = FoundSet::in_folder(&t.out);
            carry(&t.out, &t.staging, "", found.as_ref())?;
            keep_permissions(&t.out, &t.staging);
        }
        summary(&t.staging.join(SUMMARY_FILE))?;
        sync_tree(&t.staging);
        super::swap::swap(&t)?;
        self.done = true;
        let mut notes = Vec::new();
        for leftover in [&t.staging, &t.old] {
            if let Err(e) = remove_if_present(leftover) {
                notes.push(format!(
                    "the previous outputs were moved to {} but could not be removed ({e}); delete it",
                    leftover.display()
                ));
            }
        }
        Ok(notes)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.target.staging);
        }
    }
}

fn remove_if_present(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Carries everything under `from` that is not part of an output set into `to`, keeping its
/// place (`rel` is where `from` is in the output folder).
fn carry(from: &Path, to: &Path, rel: &str, found: Option<&FoundSet>) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |e: std::io::Error| Error::Output {
            path,
            source: std::io::Error::new(e.kind(), format!("cannot keep it in the new output folder: {e}")),
        }
    };
    let entries = std::fs::read_dir(from).map_err(io(from))?;
    for entry in entries {
        let entry = entry.map_err(io(from))?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let here = if rel.is_empty() { name_text.to_string() } else { format!("{rel}/{name_text}") };
        let (src, dst) = (entry.path(), to.join(&name));
        if output_set::is_ours(&here, found) {
            continue;
        }
        let kind = entry.file_type().map_err(io(&src))?;
        if kind.is_dir() {
            // A set subfolder is only made when it holds something of the user's.
            let ours = output_set::subfolders().contains(&here.as_str())
                || found.is_some_and(|f| f.has_under(&here));
            if !ours || dir_has_foreign(&src, &here, found) {
                std::fs::create_dir_all(&dst).map_err(io(&src))?;
                carry(&src, &dst, &here, found)?;
            }
        } else {
            std::fs::create_dir_all(to).map_err(io(&src))?;
            link_or_copy(&src, &dst, kind).map_err(io(&src))?;
        }
    }
    Ok(())
}

/// Whether a set subfolder holds anything that is not ours.
fn dir_has_foreign(dir: &Path, rel: &str, found: Option<&FoundSet>) -> bool {
    std::fs::read_dir(dir).into_iter().flatten().flatten().any(|e| {
        let here = format!("{rel}/{}", e.file_name().to_string_lossy());
        !output_set::is_ours(&here, found)
    })
}

/// A hard link shares the file without copying it; where links are not possible (some
/// network and FAT file systems) a regular file is copied.
fn link_or_copy(src: &Path, dst: &Path, kind: std::fs::FileType) -> std::io::Result<()> {
    match std::fs::hard_link(src, dst) {
        Ok(()) => Ok(()),
        Err(_) if kind.is_file() => std::fs::copy(src, dst).map(drop),
        #[cfg(unix)]
        Err(_) if kind.is_symlink() => std::os::unix::fs::symlink(std::fs::read_link(src)?, dst),
        Err(e) => Err(e),
    }
}

/// Gives the new folder and its set subfolders the permissions the previous ones had (a folder
/// shared with a group stays shared). Best effort: the files are written either way.
fn keep_permissions(out: &Path, staging: &Path) {
    let subfolders = output_set::subfolders();
    for rel in [""].into_iter().chain(subfolders.iter().copied()) {
        if let (Ok(m), true) = (std::fs::metadata(out.join(rel)), staging.join(rel).is_dir()) {
            let _ = std::fs::set_permissions(staging.join(rel), m.permissions());
        }
    }
}

/// Flushes the staging folder's entries to disk, so that a power cut after the swap finds the
/// files the swap promised (the files themselves were synced as they were written).
fn sync_tree(dir: &Path) {
    #[cfg(unix)]
    {
        for sub in output_set::subfolders() {
            if let Ok(f) = std::fs::File::open(dir.join(sub)) {
                let _ = f.sync_all();
            }
        }
        if let Ok(f) = std::fs::File::open(dir) {
            let _ = f.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}
