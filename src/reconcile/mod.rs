//! Reconciliation: what differs between the legacy lists and Partner Center.
//!
//! For every row matched to a Partner Center customer, the fields both sides have are compared
//! ([`drift`], each difference judged by [`classify`]); the Partner Center customers no row
//! matched are the other one-sided list (`pc_only`). [`baseline`] compares the drift with an
//! earlier run's, and [`summary`] counts it all for summary.json. `write::reconciliation` writes
//! `reconciliation/drift.csv` and `reconciliation/pc_only.csv` from the [`Reconciliation`].

pub mod baseline;
pub mod classify;
pub mod drift;
pub mod summary;

pub use classify::{classify, Difference, Kind};
pub use drift::{DriftEntry, DriftLine};
pub use summary::ReconciliationSummary;

use crate::matching::existing::PcIndex;
use crate::matching::Matches;
use crate::read::SourceInfo;
use crate::store::RowStore;

/// What reconciliation reads of a run: the rows and their sources, the matches and the
/// export (the writers' `RunData::reconcile_inputs` hands it over).
pub struct Inputs<'a> {
    /// The sources, indexed by `RowPos::source`.
    pub sources: &'a [SourceInfo],
    /// Every row, in source order.
    pub rows: &'a RowStore,
    /// Duplicates and existing customers.
    pub matches: &'a Matches,
    /// The Partner Center export.
    pub pc: &'a PcIndex,
}

impl Inputs<'_> {
    /// The four source columns of row `i`.
    pub fn source_cells(&self, i: usize) -> [String; 4] {
        let row = self.rows.get(i);
        self.sources[row.raw.pos.source as usize].source_cells(&row)
    }
}

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
    pub fn compute(data: &Inputs) -> Reconciliation {
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
