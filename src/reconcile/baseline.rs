//! `--baseline DIR`: an earlier run's output folder. Its `reconciliation/drift.csv` is read
//! back and compared with this run's drift: what is new and what was fixed since.

use super::drift::{DriftEntry, DriftKey};
use crate::error::{Error, Result};
use crate::normalize::text::strip_formula_guard;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// At most this many new and fixed lines are listed in summary.json (the counts are complete).
pub const MAX_LISTED: usize = 100;

/// The drift file inside an output folder.
pub const DRIFT_FILE: &str = "reconciliation/drift.csv";

/// The drift of an earlier run.
#[derive(Clone, Debug)]
pub struct Baseline {
    /// The folder, as given.
    pub dir: PathBuf,
    /// Its drift lines, in file order.
    pub lines: Vec<DriftEntry>,
}

/// What changed since the baseline, for summary.json.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BaselineChanges {
    /// The baseline folder.
    pub dir: String,
    /// Drift lines now that the baseline did not have.
    pub new: u64,
    /// Drift lines of the baseline that are gone now.
    pub fixed: u64,
    /// The first new lines (at most `listed_at_most`), in this run's order.
    pub new_drift: Vec<DriftEntry>,
    /// The first fixed lines (at most `listed_at_most`), as the baseline had them.
    pub fixed_drift: Vec<DriftEntry>,
    /// The cap on the two lists.
    pub listed_at_most: usize,
}

/// Reads the baseline's drift; a missing or unreadable folder or drift file is a usage error
/// naming the folder, found before any work starts.
pub fn load(dir: &Path) -> Result<Baseline> {
    let fail = |why: String| {
        Error::Usage(format!(
            "--baseline {}: {why}; give the output folder (--out) of an earlier `pc-onboard run`",
            dir.display()
        ))
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(fail("is a file, not a folder".into())),
        Err(_) => return Err(fail("no such folder".into())),
    }
    let path = dir.join(DRIFT_FILE);
    if !path.is_file() {
        return Err(fail(format!("the folder has no {DRIFT_FILE}")));
    }
    let mut rdr =
        csv::Reader::from_path(&path).map_err(|e| fail(format!("cannot read {DRIFT_FILE}: {e}")))?;
    let headers = rdr.headers().map_err(|e| fail(format!("cannot read {DRIFT_FILE}: {e}")))?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let names = [
        "source_file",
        "source_sheet",
        "source_row",
        "source_id",
        "pc_customer_id",
        "field",
        "legacy_value",
        "pc_value",
        "kind",
    ];
    let mut idx = [0usize; 9];
    for (k, name) in names.iter().enumerate() {
        idx[k] = col(name).ok_or_else(|| fail(format!("{DRIFT_FILE} has no '{name}' column")))?;
    }
    let mut lines = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| fail(format!("cannot read {DRIFT_FILE}: {e}")))?;
        // The file went through the formula guard; undo it so keys compare with this run's.
        let cell = |k: usize| strip_formula_guard(rec.get(idx[k]).unwrap_or("")).to_string();
        lines.push(DriftEntry {
            source_file: cell(0),
            source_sheet: cell(1),
            source_row: cell(2),
            source_id: cell(3),
            pc_customer_id: cell(4),
            field: cell(5),
            legacy_value: cell(6),
            pc_value: cell(7),
            kind: cell(8),
        });
    }
    Ok(Baseline { dir: dir.to_owned(), lines })
}

/// Compares this run's drift with the baseline's.
pub fn compare(baseline: &Baseline, current: &[DriftEntry]) -> BaselineChanges {
    let before: HashSet<DriftKey> = baseline.lines.iter().map(DriftEntry::key).collect();
    let now: HashSet<DriftKey> = current.iter().map(DriftEntry::key).collect();
    let new: Vec<&DriftEntry> = current.iter().filter(|e| !before.contains(&e.key())).collect();
    let fixed: Vec<&DriftEntry> = baseline.lines.iter().filter(|e| !now.contains(&e.key())).collect();
    BaselineChanges {
        dir: baseline.dir.display().to_string(),
        new: new.len() as u64,
        fixed: fixed.len() as u64,
        new_drift: new.into_iter().take(MAX_LISTED).cloned().collect(),
        fixed_drift: fixed.into_iter().take(MAX_LISTED).cloned().collect(),
        listed_at_most: MAX_LISTED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, row: &str, id: &str, field: &str) -> DriftEntry {
        DriftEntry {
            source_file: file.into(),
            source_row: row.into(),
            source_id: id.into(),
            pc_customer_id: "pc-1".into(),
            field: field.into(),
            ..Default::default()
        }
    }

    #[test]
    fn new_and_fixed_are_told_apart_by_key() {
        let baseline = Baseline {
            dir: PathBuf::from("yesterday"),
            lines: vec![
                entry("/old/place/in.csv", "2", "", "postal_code"),
                entry("in.csv", "3", "A-7", "city"),
                entry("in.csv", "4", "", "domain"),
            ],
        };
        let current = vec![
            // Same file name in another folder, same row: unchanged.
            entry("/new/place/in.csv", "2", "", "postal_code"),
            // Same source ID on another row: unchanged.
            entry("in.csv", "9", "A-7", "city"),
            // Another field of a known row: new.
            entry("in.csv", "4", "", "city"),
        ];
        let c = compare(&baseline, &current);
        assert_eq!((c.new, c.fixed), (1, 1));
        assert_eq!(c.new_drift[0].field, "city");
        assert_eq!(c.fixed_drift[0].field, "domain");
    }

    #[test]
    fn lists_are_capped_but_counts_are_not() {
        let baseline = Baseline { dir: PathBuf::from("b"), lines: Vec::new() };
        let current: Vec<DriftEntry> =
            (0..MAX_LISTED + 5).map(|r| entry("in.csv", &r.to_string(), "", "city")).collect();
        let c = compare(&baseline, &current);
        assert_eq!(c.new, (MAX_LISTED + 5) as u64);
        assert_eq!(c.new_drift.len(), MAX_LISTED);
    }

    #[test]
    fn a_missing_folder_or_drift_file_is_a_usage_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let err = load(&missing).unwrap_err();
        assert_eq!(err.exit_code(), crate::error::exit::USAGE);
        assert!(err.to_string().contains("nope"), "{err}");
        let err = load(dir.path()).unwrap_err();
        assert!(err.to_string().contains(DRIFT_FILE), "{err}");
        let file = dir.path().join("summary.json");
        std::fs::write(&file, "{}").unwrap();
        let err = load(&file).unwrap_err();
        assert!(err.to_string().contains("is a file, not a folder"), "{err}");
    }
}
