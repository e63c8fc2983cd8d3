//! Test-only fault injection, so that the fault suite can make an output fail where a real full
//! disk cannot be made. `PC_ONBOARD_FAULT` holds comma-separated points:
//!
//! - `commit:NAME`: committing the output file NAME (e.g. `commit:report.html`) fails as if the
//!   disk were full;
//! - `store-read`: reading the validated rows back from the temporary row file fails;
//! - `sync-behind`: syncing the written files to disk behind the writers fails;
//! - `swap`: putting the finished set in place of the output folder fails;
//! - `crash-mid-swap`: the process aborts halfway through the two-rename swap (the path used
//!   where an atomic exchange is not available; the variable `swap-by-rename` forces it).
//!
//! Not for users: a fault named here makes the run fail on purpose.

use std::sync::OnceLock;

/// The environment variable that names the faults to inject.
pub const VARIABLE: &str = "PC_ONBOARD_FAULT";

fn points() -> &'static [String] {
    static POINTS: OnceLock<Vec<String>> = OnceLock::new();
    POINTS.get_or_init(|| {
        std::env::var(VARIABLE)
            .map(|v| v.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect())
            .unwrap_or_default()
    })
}

/// Whether the fault `point` is to be injected in this process.
pub fn injected(point: &str) -> bool {
    let points = points();
    !points.is_empty() && points.iter().any(|p| p == point)
}

/// The error an injected fault returns: the one a full disk gives.
pub fn error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::StorageFull, format!("no space left on device ({VARIABLE})"))
}

/// Whether committing the output file at `path` is to fail (`commit:NAME`, NAME the path's end).
pub fn points_at_commit(path: &std::path::Path) -> bool {
    points().iter().any(|p| p.strip_prefix("commit:").is_some_and(|name| path.ends_with(name)))
}
