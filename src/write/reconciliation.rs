//! `reconciliation/drift.csv` and `reconciliation/pc_only.csv`, from what `reconcile` found. Both
//! are read by people in spreadsheets, so every cell goes through the formula guard; both are
//! written atomically.

use super::guard::guard;
use super::rejections::finding_sources;
use super::{csv_err, csv_writer, finish, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::matching::existing::full_domain;
use crate::model::Field;
use crate::reconcile::{DriftLine, Reconciliation};
use std::fmt::Write;
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
    // Each row's lines together (they come in row order), the row read in place once for its
    // source columns. Every group is visited once, in order, whatever its row.
    let groups: Vec<&[DriftLine]> = recon.drift.chunk_by(|a, b| a.row == b.row).collect();
    let mut at = 0;
    let mut similarity = String::new();
    data.rows.peek_rows(groups.iter().map(|g| g[0].row), |_, row| {
        let src = finding_sources(data.source_cells_peeked(row));
        for line in groups[at] {
            similarity.clear();
            write!(similarity, "{:.3}", line.diff.similarity).expect("a string takes any text");
            let cells = [
                guard(&data.pc.customers[line.pc].id),
                guard(line.field.name()),
                guard(&line.legacy),
                guard(&line.pc_value),
                guard(line.diff.kind.as_str()),
                guard(&similarity),
            ];
            let src = src.iter().map(|s| s.as_str());
            wtr.write_record(src.chain(cells.iter().map(|c| c.as_ref()))).map_err(&err)?;
        }
        at += 1;
        Ok::<(), crate::error::Error>(())
    })?;
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
