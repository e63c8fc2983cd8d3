//! Putting a finished staging folder in the output folder's place. Where the system can
//! exchange two folders atomically (Linux `renameat2(RENAME_EXCHANGE)`), there is no moment
//! without a complete set; elsewhere the previous set is renamed aside first and the staging
//! folder renamed into place, and [`super::staging::Staging::begin`] repairs a run stopped
//! between the two.

use super::fault;
use super::staging::Target;
use crate::error::{Error, Result};
use std::path::Path;

/// Swaps `t.staging` in for `t.out`; afterwards the previous set is at `t.staging` (exchange)
/// or `t.old` (two renames), for the caller to remove.
pub fn swap(t: &Target) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Output { path, source }
    };
    if fault::injected("swap") {
        return Err(Error::Output { path: t.out.clone(), source: fault::error() });
    }
    if !t.out.exists() {
        std::fs::rename(&t.staging, &t.out).map_err(io(&t.out))?;
        sync_parent(&t.out);
        return Ok(());
    }
    if !fault::injected("swap-by-rename") {
        match exchange(&t.staging, &t.out) {
            Ok(true) => {
                sync_parent(&t.out);
                return Ok(());
            }
            Ok(false) => {}
            Err(e) => return Err(io(&t.out)(e)),
        }
    }
    std::fs::rename(&t.out, &t.old).map_err(io(&t.out))?;
    if fault::injected("crash-mid-swap") {
        std::process::abort();
    }
    if let Err(e) = std::fs::rename(&t.staging, &t.out) {
        // Put the previous set back; should that fail too, the next run does it.
        let _ = std::fs::rename(&t.old, &t.out);
        return Err(io(&t.out)(e));
    }
    sync_parent(&t.out);
    Ok(())
}

/// Exchanges two folders atomically; Ok(false) where the system or file system cannot.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP].contains(&e) => Ok(false),
        Err(e) => Err(std::io::Error::from_raw_os_error(e.raw_os_error())),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Makes the renames in the output folder's parent durable.
fn sync_parent(out: &Path) {
    #[cfg(unix)]
    if let Some(f) = out.parent().and_then(|p| std::fs::File::open(p).ok()) {
        let _ = f.sync_all();
    }
    #[cfg(not(unix))]
    let _ = out;
}
