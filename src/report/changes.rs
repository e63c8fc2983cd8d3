//! What changed since the baseline, as the reports show it: counts before and after, and the
//! new and fixed findings, resolved from this run's rows and the baseline's findings on demand
//! (a nightly run can have millions; only indexes are kept).

use super::baseline::Baseline;
use crate::config::Profile;
use crate::model::Field;
use crate::read::SourceInfo;
use crate::rules;
use crate::store::RowStore;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A count before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CountChange {
    /// In the baseline.
    pub before: u64,
    /// In this run.
    pub after: u64,
    /// after − before.
    pub change: i64,
}

impl CountChange {
    pub(super) fn new(before: u64, after: u64) -> CountChange {
        CountChange { before, after, change: after as i64 - before as i64 }
    }
}

/// Counts compared with the baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountChanges {
    /// Data rows read.
    pub rows_in: CountChange,
    /// Rows per outcome (every outcome).
    pub outcomes: BTreeMap<String, CountChange>,
    /// Findings per rule, only the rules whose count changed.
    pub rules: BTreeMap<String, CountChange>,
}

/// A finding that appeared or went away.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangedFinding {
    /// The source file, as the run that found it wrote it.
    pub source_file: String,
    /// The sheet, for workbooks.
    pub source_sheet: String,
    /// The row as the user sees it.
    pub source_row: u64,
    /// The row's legacy key, if any.
    pub source_id: String,
    /// The rule code.
    pub rule: String,
    /// "error" or "warning".
    pub severity: &'static str,
}

/// What changed since the baseline.
#[derive(Debug)]
pub struct Changes {
    /// Shared with each partner's part of the changes (`--report-per`).
    pub(super) baseline: Arc<Baseline>,
    /// (row index, finding index) of this run's findings the baseline did not have.
    pub(super) new: Vec<(u32, u32)>,
    /// Indexes of the baseline's findings this run no longer has.
    pub(super) fixed: Vec<u32>,
    /// Counts before and after.
    pub counts: CountChanges,
    /// Whether `counts` has the rows and outcomes before (a partner's are not known when the
    /// baseline was not split by the same column; its rules are).
    pub(super) counts_compared: bool,
}

impl Changes {
    /// The baseline folder as given.
    pub fn folder(&self) -> &Path {
        &self.baseline.folder
    }

    /// When the baseline run started, as its summary says.
    pub fn baseline_started_at(&self) -> Option<&str> {
        self.baseline.started_at.as_deref()
    }

    /// Whether findings were compared (the baseline had a findings file).
    pub fn findings_compared(&self) -> bool {
        self.baseline.findings.is_some()
    }

    /// Whether the rows and outcomes before are known (always for the whole list).
    pub fn counts_compared(&self) -> bool {
        self.counts_compared
    }

    /// Findings this run has and the baseline had not.
    pub fn new_count(&self) -> usize {
        self.new.len()
    }

    /// Findings the baseline had and this run has not.
    pub fn fixed_count(&self) -> usize {
        self.fixed.len()
    }

    /// The new findings, in source order.
    pub fn new_findings<'a>(
        &'a self,
        sources: &'a [SourceInfo],
        rows: &'a RowStore,
        profile: &'a Profile,
    ) -> impl Iterator<Item = ChangedFinding> + 'a {
        self.new.iter().map(move |&(i, j)| {
            let row = rows.get(i as usize);
            let f = &row.findings[j as usize];
            let src = &sources[row.raw.pos.source as usize];
            ChangedFinding {
                source_file: src.file_label().into_owned(),
                source_sheet: src.sheet.clone().unwrap_or_default(),
                source_row: row.raw.pos.row,
                source_id: row.customer.get(Field::SourceId).to_string(),
                rule: f.rule.code().to_string(),
                severity: rules::severity(f, profile).as_str(),
            }
        })
    }

    /// The fixed findings, in the baseline's order.
    pub fn fixed_findings(&self) -> impl Iterator<Item = ChangedFinding> + '_ {
        let entries = self.baseline.findings.as_deref().unwrap_or(&[]);
        self.fixed.iter().map(move |&k| {
            let e = &entries[k as usize];
            let (file, sheet) = &self.baseline.labels[e.label as usize];
            ChangedFinding {
                source_file: file.clone(),
                source_sheet: sheet.clone(),
                source_row: e.row,
                source_id: e.source_id.to_string(),
                rule: self.baseline.rules.names[e.rule as usize].clone(),
                severity: if e.error { "error" } else { "warning" },
            }
        })
    }
}
