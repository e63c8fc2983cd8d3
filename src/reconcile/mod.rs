//! Reconciliation: what differs between the legacy lists and Partner Center.
//!
//! For every row matched to a Partner Center customer, the fields both sides have are compared
//! ([`drift`], each difference judged by [`classify`]); the Partner Center customers no row
//! matched are the other one-sided list (`pc_only`). [`baseline`] compares the drift with an
//! earlier run's, [`summary`] counts it all for summary.json, and `write` writes
//! `reconciliation/drift.csv` and `reconciliation/pc_only.csv`.

pub mod baseline;
pub mod classify;
pub mod drift;
pub mod summary;
mod write;

pub use classify::{classify, Difference, Kind};
pub use drift::{DriftEntry, DriftLine};
pub use summary::ReconciliationSummary;
pub use write::{write, FILES};

use crate::write::RunData;

/// The reconciliation of a run.
#[derive(Clone, Debug, Default)]
pub struct Reconciliation {
    /// Every differing field of every matched row, in row order, then field order.
    pub drift: Vec<DriftLine>,
    /// Rows matched to a Partner Center customer (whatever their outcome).
    pub matched_rows: u64,
    /// Indexes of the Partner Center customers no row matched, in export order.
    pub pc_only: Vec<usize>,
}

impl Reconciliation {
    /// Compares every matched pair and finds the unmatched Partner Center customers.
    pub fn compute(data: &RunData) -> Reconciliation {
        let mut matched = vec![false; data.pc.customers.len()];
        let mut matched_rows = 0;
        for m in data.matches.existing.iter().flatten() {
            matched[m.pc] = true;
            matched_rows += 1;
        }
        let pc_only = matched.iter().enumerate().filter(|(_, m)| !**m).map(|(k, _)| k).collect();
        Reconciliation { drift: drift::compute(data), matched_rows, pc_only }
    }
}
