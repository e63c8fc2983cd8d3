//! The `reconciliation` section of summary.json: matched rows, drift by field and kind, the
//! one-sided counts, and what changed since `--baseline`.

use super::baseline::{self, Baseline, BaselineChanges};
use super::classify::Kind;
use super::drift::DriftEntry;
use super::Inputs;
use super::Reconciliation;
use crate::model::Outcome;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// The reconciliation counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReconciliationSummary {
    /// Rows matched to a Partner Center customer (any outcome).
    pub matched_rows: u64,
    /// Matched rows with at least one drift line.
    pub rows_with_drift: u64,
    /// Lines of drift.csv.
    pub drift_lines: u64,
    /// Drift lines per kind (`material`, `cosmetic`).
    pub by_kind: BTreeMap<&'static str, u64>,
    /// Drift lines per field (only fields with drift) and kind.
    pub by_field: BTreeMap<&'static str, BTreeMap<&'static str, u64>>,
    /// Partner Center customers no row matched (lines of pc_only.csv).
    pub pc_only: u64,
    /// Rows in the lists that Partner Center does not have: the clean rows.
    pub list_only: u64,
    /// What changed since the `--baseline` run, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineChanges>,
}

const KINDS: [Kind; 2] = [Kind::Material, Kind::Cosmetic];

impl ReconciliationSummary {
    /// Counts a run's reconciliation and compares it with the baseline, if any.
    pub fn build(
        data: &Inputs,
        outcomes: &[Outcome],
        recon: &Reconciliation,
        base: Option<&Baseline>,
    ) -> ReconciliationSummary {
        let mut by_kind: BTreeMap<&'static str, u64> = KINDS.iter().map(|k| (k.as_str(), 0)).collect();
        let mut by_field: BTreeMap<&'static str, BTreeMap<&'static str, u64>> = BTreeMap::new();
        let mut rows: HashSet<usize> = HashSet::new();
        for line in &recon.drift {
            let kind = line.diff.kind.as_str();
            *by_kind.entry(kind).or_default() += 1;
            let per = by_field
                .entry(line.field.name())
                .or_insert_with(|| KINDS.iter().map(|k| (k.as_str(), 0)).collect());
            *per.entry(kind).or_default() += 1;
            rows.insert(line.row);
        }
        let baseline = base.map(|b| {
            let current: Vec<DriftEntry> = recon.drift.iter().map(|l| DriftEntry::of(data, l)).collect();
            baseline::compare(b, &current)
        });
        ReconciliationSummary {
            matched_rows: recon.matched_rows,
            rows_with_drift: rows.len() as u64,
            drift_lines: recon.drift.len() as u64,
            by_kind,
            by_field,
            pc_only: recon.pc_only.len() as u64,
            list_only: outcomes.iter().filter(|o| **o == Outcome::Clean).count() as u64,
            baseline,
        }
    }
}
