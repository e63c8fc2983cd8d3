//! The output set: the files one run writes into its output folder (the [`OUTPUT_FILES`] table,
//! the Parquet files and `summary.json`), told apart from anything else a folder holds, so that
//! a folder input skips an earlier run's outputs, an input the run would replace is refused, and
//! files the user keeps in the output folder survive the swap.

use super::{OUTPUT_FILES, PARQUET_FILES};
use std::collections::BTreeSet;
use std::path::Path;

/// The summary, written last: a staging folder holding it is complete.
pub const SUMMARY_FILE: &str = "summary.json";

/// Every name (relative to the output folder, `/`-separated) a run may write.
pub fn names() -> impl Iterator<Item = &'static str> {
    OUTPUT_FILES.iter().chain(PARQUET_FILES).copied().chain([SUMMARY_FILE])
}

/// The subfolders of the output folder that outputs live in, each once.
pub fn subfolders() -> Vec<&'static str> {
    let mut dirs: Vec<&str> = names().filter_map(|n| n.rsplit_once('/').map(|(dir, _)| dir)).collect();
    dirs.sort_unstable();
    dirs.dedup();
    dirs
}

/// Whether a file name is a temporary of ours that a killed run of an earlier version left
/// behind (an output being written, the writability probe).
pub fn is_leftover(file_name: &str) -> bool {
    (file_name.starts_with(".pc-onboard-") && file_name.ends_with(".tmp")) || file_name == ".write-test"
}

/// The output set an earlier run left in a folder.
#[derive(Clone, Debug, Default)]
pub struct FoundSet {
    /// Relative names of its files: those its summary lists, and every name this version writes.
    names: BTreeSet<String>,
}

impl FoundSet {
    /// The set in `dir`, or None when `dir` holds no summary.json written by pc-onboard.
    pub fn in_folder(dir: &Path) -> Option<FoundSet> {
        let text = std::fs::read_to_string(dir.join(SUMMARY_FILE)).ok()?;
        let summary: serde_json::Value = serde_json::from_str(&text).ok()?;
        if summary["tool"] != "pc-onboard" {
            return None;
        }
        let listed = summary["outputs"].as_array().into_iter().flatten().filter_map(|v| v.as_str());
        let names = listed.map(str::to_string).chain(names().map(str::to_string)).collect();
        Some(FoundSet { names })
    }

    /// Whether `rel` (relative to the folder, `/`-separated) belongs to the set.
    pub fn contains(&self, rel: &str) -> bool {
        self.names.contains(rel)
    }

    /// Whether the set has files inside the subfolder `rel`.
    pub fn has_under(&self, rel: &str) -> bool {
        let prefix = format!("{rel}/");
        self.names.iter().any(|n| n.starts_with(&prefix))
    }
}

/// Whether `rel` belongs to an output set: one this version writes, one the earlier set in the
/// folder lists (`found`), or a leftover temporary.
pub fn is_ours(rel: &str, found: Option<&FoundSet>) -> bool {
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    names().any(|n| n == rel) || found.is_some_and(|f| f.contains(rel)) || is_leftover(file_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_subfolders_come_from_the_table() {
        assert!(names().any(|n| n == "rejections/rejected_rows.csv"));
        assert!(names().any(|n| n == SUMMARY_FILE));
        let dirs = subfolders();
        for d in ["clean", "rejections", "reconciliation"] {
            assert!(dirs.contains(&d), "{d} in {dirs:?}");
        }
        assert_eq!(dirs.iter().filter(|d| **d == "clean").count(), 1);
    }

    #[test]
    fn what_belongs_to_a_set() {
        let dir = tempfile::tempdir().unwrap();
        assert!(FoundSet::in_folder(dir.path()).is_none(), "no summary.json, no set");
        std::fs::write(dir.path().join(SUMMARY_FILE), r#"{"tool": "other"}"#).unwrap();
        assert!(FoundSet::in_folder(dir.path()).is_none(), "another tool's summary");
        std::fs::write(
            dir.path().join(SUMMARY_FILE),
            r#"{"tool": "pc-onboard", "outputs": ["later/extra.csv", "report.xlsx"]}"#,
        )
        .unwrap();
        let found = FoundSet::in_folder(dir.path()).unwrap();
        let cases = [
            ("report.xlsx", true),
            ("clean/customers.csv", true),
            ("later/extra.csv", true),
            ("clean/.pc-onboard-a1b2.tmp", true),
            (".write-test", true),
            ("customers.csv", false),
            ("notes/report.xlsx", false),
            ("legacy.csv", false),
        ];
        for (rel, want) in cases {
            assert_eq!(is_ours(rel, Some(&found)), want, "{rel}");
        }
        assert!(!is_ours("later/extra.csv", None), "known only from the earlier summary");
        assert!(found.has_under("later") && found.has_under("clean") && !found.has_under("notes"));
    }
}
