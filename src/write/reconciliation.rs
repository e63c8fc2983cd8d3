//! `reconciliation/drift.csv` and `reconciliation/pc_only.csv`, from what `reconcile` found. Both
//! are read by people in spreadsheets, so every cell goes through the formula guard; both are
//! written atomically.

use super::guard::guard;
use super::{csv_err, csv_writer, finish, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::matching::existing::full_domain;
use crate::model::Field;
use crate::reconcile::{DriftEntry, Reconciliation};
use std::path::Path;

/// The files written, relative to the output folder.
pub const FILES: [&str; 2] = ["reconciliation/drift.csv", "reconciliation/pc_only.csv"];

/// Writes `reconciliation/drift.csv`: every differing field of every matched row.
pub fn write_drift(data: &RunData, recon: &Reconciliation, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    let header = SOURCE_COLUMNS.iter().copied().chain([
        "pc_customer_id",
        "field",
        "legacy_value",
        "pc_value",
        "kind",
        "similarity",
    ]);
    wtr.write_record(header).map_err(&err)?;
    let inputs = data.reconcile_inputs();
    for line in &recon.drift {
        let e = DriftEntry::of(&inputs, line);
        let cells = [
            e.source_file,
            e.source_sheet,
            e.source_row,
            e.source_id,
            e.pc_customer_id,
            e.field,
            e.legacy_value,
            e.pc_value,
            e.kind,
            format!("{:.3}", line.diff.similarity),
        ];
        wtr.write_record(cells.iter().map(|c| guard(c).into_owned())).map_err(&err)?;
    }
    finish(wtr, path)
}

/// Writes `reconciliation/pc_only.csv`: the unmatched Partner Center customers; their `source_*`
/// columns point into the export, and `source_id` is the export's key, the customer ID.
pub fn write_pc_only(data: &RunData, recon: &Reconciliation, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    let header = SOURCE_COLUMNS.iter().copied().chain([
        "pc_customer_id",
        "company_name",
        "domain",
        "country",
        "city",
        "postal_code",
    ]);
    wtr.write_record(header).map_err(&err)?;
    for &k in &recon.pc_only {
        let c = &data.pc.customers[k];
        let src = data.pc.sources.get(c.pos.source as usize);
        let get = |f: Field| c.customer.get(f).to_string();
        let cells = [
            src.map(|s| s.file_label().into_owned()).unwrap_or_default(),
            src.and_then(|s| s.sheet.clone()).unwrap_or_default(),
            c.pos.row.to_string(),
            c.id.clone(),
            c.id.clone(),
            get(Field::CompanyName),
            full_domain(c),
            get(Field::Country),
            get(Field::City),
            get(Field::PostalCode),
        ];
        wtr.write_record(cells.iter().map(|c| guard(c).into_owned())).map_err(&err)?;
    }
    finish(wtr, path)
}
