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
    subfolders_of(|_| true)
}

/// The subfolders of the outputs that `written` lets through, each once.
pub fn subfolders_of(written: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut dirs: Vec<&str> =
        names().filter(|n| written(n)).filter_map(|n| n.rsplit_once('/').map(|(dir, _)| dir)).collect();
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
/// folder lists (`found`), anything in the partners' folder of a set that wrote one (the folder
/// is the set's as a whole), or a leftover temporary.
pub fn is_ours(rel: &str, found: Option<&FoundSet>) -> bool {
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    names().any(|n| n == rel)
        || found.is_some_and(|f| f.contains(rel) || (in_partners(rel) && f.has_under(PARTNERS_DIR)))
        || is_leftover(file_name)
}

/// The partners' folder (`--report-per`), relative to the output folder.
pub const PARTNERS_DIR: &str = super::partners::DIR;

/// Whether `rel` is the partners' folder or inside it.
fn in_partners(rel: &str) -> bool {
    rel == PARTNERS_DIR || rel.strip_prefix(PARTNERS_DIR).is_some_and(|r| r.starts_with('/'))
}

/// Whether the file at `path` is in the partners' folder of an earlier run's output set
/// (`OUT/partners/index.csv`, `OUT/partners/NAME/rejected_rows.csv`): a folder input skips it
/// as it skips the set's other files.
pub fn in_partners_of_a_set(path: &Path) -> bool {
    let mut dir = path.parent();
    for _ in 0..2 {
        let Some(d) = dir else { return false };
        if d.file_name().is_some_and(|n| n == PARTNERS_DIR) {
            return d.parent().and_then(FoundSet::in_folder).is_some_and(|f| f.has_under(PARTNERS_DIR));
        }
        dir = d.parent();
    }
    false
}

/// Whether `out` holds a partners' folder that no run of pc-onboard wrote (the set in `out`
/// does not list it): a run with `--report-per` would put its own in its place.
pub fn foreign_partners(out: &Path) -> bool {
    out.join(PARTNERS_DIR).exists() && !FoundSet::in_folder(out).is_some_and(|f| f.has_under(PARTNERS_DIR))
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
        assert!(!is_ours("partners/acme/report.html", Some(&found)), "this set wrote no partners' folder");
    }

    #[test]
    fn the_partners_folder_of_a_set_is_the_sets_as_a_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("partners/acme")).unwrap();
        assert!(foreign_partners(&out), "no summary: nobody's folder");
        std::fs::write(
            out.join(SUMMARY_FILE),
            r#"{"tool": "pc-onboard", "outputs": ["partners/index.csv", "partners/acme/report.html"]}"#,
        )
        .unwrap();
        let found = FoundSet::in_folder(&out).unwrap();
        assert!(!foreign_partners(&out));
        for rel in
            ["partners", "partners/acme", "partners/acme/report.html", "partners/old/rejected_rows.csv"]
        {
            assert!(is_ours(rel, Some(&found)), "{rel}");
        }
        assert!(!is_ours("partnership.csv", Some(&found)) && !is_ours("partners2/x.csv", Some(&found)));
        assert!(in_partners_of_a_set(&out.join("partners/acme/rejected_rows.csv")));
        assert!(in_partners_of_a_set(&out.join("partners/index.csv")));
        assert!(!in_partners_of_a_set(&out.join("rejections/rejected_rows.csv")));
        assert!(!in_partners_of_a_set(&dir.path().join("elsewhere/partners/acme/list.csv")));
    }
}
