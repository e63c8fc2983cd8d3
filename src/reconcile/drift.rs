//! Field drift: for each row matched to a Partner Center customer, one line per compared field
//! whose values differ. Only the matched pairs are looked at, in parallel, from the rows already
//! in memory (no second pass over the input); lines come out in row order whatever the threads.

use super::classify::{classify, Difference};
use super::Inputs;
use crate::model::catalogue::RuleId;
use crate::model::Field;
use rayon::prelude::*;
use std::path::Path;

/// The fields compared, in output order.
pub const COMPARED: [Field; 11] = [
    Field::CompanyName,
    Field::AddressLine1,
    Field::AddressLine2,
    Field::City,
    Field::State,
    Field::PostalCode,
    Field::Country,
    Field::ContactEmail,
    Field::ContactPhone,
    Field::RegistrationId,
    Field::Domain,
];

/// One field that differs between a row and its Partner Center customer.
#[derive(Clone, Debug, PartialEq)]
pub struct DriftLine {
    /// The row index.
    pub row: usize,
    /// The Partner Center customer's index in the export.
    pub pc: usize,
    /// The field.
    pub field: Field,
    /// The row's normalised value.
    pub legacy: String,
    /// Partner Center's normalised value.
    pub pc_value: String,
    /// How they differ.
    pub diff: Difference,
}

/// Every drift line of the run, in row order, then in [`COMPARED`] order.
pub fn compute(data: &Inputs) -> Vec<DriftLine> {
    let pairs: Vec<(usize, usize)> =
        data.matches.existing.iter().enumerate().filter_map(|(i, m)| m.as_ref().map(|m| (i, m.pc))).collect();
    // One Vec per pair, flattened in order: the output never depends on how work was split.
    let per_row: Vec<Vec<DriftLine>> = pairs.par_iter().map(|&(i, pc)| row_drift(data, i, pc)).collect();
    per_row.into_iter().flatten().collect()
}

/// The drift of one matched pair. A field is compared only when the row's source has a column
/// for it and the Partner Center customer's record carries it: a column one side never had, or
/// a billing profile the export did not include, is not drift.
fn row_drift(data: &Inputs, i: usize, pc: usize) -> Vec<DriftLine> {
    let row = data.rows.get(i);
    let ours = &data.sources[row.raw.pos.source as usize].columns;
    let theirs = &data.pc.customers[pc];
    // A suggested prefix is the tool's proposal, not something the list says.
    let suggested = row.findings.iter().any(|f| f.rule == RuleId::DomainSuggested);
    let mut out = Vec::new();
    for field in COMPARED {
        if ours.column(field).is_none() || !theirs.known.contains(field) {
            continue;
        }
        let legacy = if field == Field::Domain && suggested { "" } else { row.customer.get(field) };
        let pc_value = theirs.customer.get(field);
        if let Some(diff) = classify(field, legacy, pc_value) {
            out.push(DriftLine {
                row: i,
                pc,
                field,
                legacy: legacy.to_string(),
                pc_value: pc_value.to_string(),
                diff,
            });
        }
    }
    out
}

/// A drift line as written in drift.csv (and read back from a baseline's).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct DriftEntry {
    /// The input file.
    pub source_file: String,
    /// The sheet, for workbooks.
    pub source_sheet: String,
    /// The row number as the user sees it.
    pub source_row: String,
    /// The row's legacy key.
    pub source_id: String,
    /// The Partner Center customer ID.
    pub pc_customer_id: String,
    /// The field.
    pub field: String,
    /// The list's value.
    pub legacy_value: String,
    /// Partner Center's value.
    pub pc_value: String,
    /// `material` or `cosmetic`.
    pub kind: String,
}

/// What identifies a drift line across runs: (file name, sheet, source ID or else row,
/// Partner Center customer ID, field). The file's folder is left out so a moved file still
/// matches; the source ID is preferred because rows move when a list is re-exported.
pub type DriftKey = (String, String, String, String, String);

impl DriftEntry {
    /// The entry of a computed line.
    pub fn of(data: &Inputs, line: &DriftLine) -> DriftEntry {
        let [source_file, source_sheet, source_row, source_id] = data.source_cells(line.row);
        DriftEntry {
            source_file,
            source_sheet,
            source_row,
            source_id,
            pc_customer_id: data.pc.customers[line.pc].id.clone(),
            field: line.field.name().to_string(),
            legacy_value: line.legacy.clone(),
            pc_value: line.pc_value.clone(),
            kind: line.diff.kind.as_str().to_string(),
        }
    }

    /// The line's identity across runs.
    pub fn key(&self) -> DriftKey {
        let file = Path::new(&self.source_file)
            .file_name()
            .map_or_else(|| self.source_file.clone(), |n| n.to_string_lossy().into_owned());
        let row = if self.source_id.is_empty() {
            format!("row {}", self.source_row)
        } else {
            format!("id {}", self.source_id)
        };
        (file, self.source_sheet.clone(), row, self.pc_customer_id.clone(), self.field.clone())
    }
}
