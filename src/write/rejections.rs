//! `rejections/findings.csv` (one line per finding, every row) and
//! `rejections/rejected_rows.csv` (the rejected rows with their original columns, plus
//! `pc_errors`, ready to fix in Excel and feed back in). Human-facing: formula-guarded.

use super::guard::guard;
use super::{csv_err, csv_writer, finish, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, Finding, Outcome};
use crate::read::headers::ColumnUse;
use crate::rules::{self, catalogue::Severity};
use std::collections::HashMap;
use std::path::Path;

/// The header of `findings.csv`.
pub const FINDINGS_HEADER: [&str; 10] = [
    "source_file",
    "source_sheet",
    "source_row",
    "source_id",
    "rule",
    "severity",
    "field",
    "value",
    "message",
    "fix",
];

/// The message of a finding: the catalogue's, with the finding's detail.
pub fn message(f: &Finding) -> String {
    let base = f.rule.rule().message;
    match &f.detail {
        Some(d) => format!("{base}: {d}"),
        None => base.to_string(),
    }
}

/// Writes one line per finding of every row.
pub fn write_findings(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(FINDINGS_HEADER).map_err(&err)?;
    for (i, row) in data.rows.iter().enumerate() {
        if row.findings.is_empty() {
            continue;
        }
        let src = data.source_cells(i);
        for f in &row.findings {
            let sev = rules::severity(f, &data.cfg.profile);
            let rule = f.rule.rule();
            let msg = message(f);
            let cells = [
                guard(&src[0]),
                guard(&src[1]),
                guard(&src[2]),
                guard(&src[3]),
                rule.code.into(),
                sev.as_str().into(),
                rule.field.into(),
                guard(&f.value),
                guard(&msg),
                rule.fix.into(),
            ];
            wtr.write_record(cells.iter().map(|c| c.as_ref())).map_err(&err)?;
        }
    }
    finish(wtr, path)
}

/// The columns of `rejected_rows.csv`: the union of the rejected rows' source columns. Columns
/// of different files that feed the same canonical field share one column (the first header
/// seen), so the file reads back with every value in its field.
struct UnionColumns {
    headers: Vec<String>,
    by_field: HashMap<Field, usize>,
    by_header: HashMap<String, usize>,
    /// For each source: the union column of each of its columns.
    placement: HashMap<u32, Vec<usize>>,
    /// For each source: extra (column, union column) copies (the contact as signatory).
    extra: HashMap<u32, Vec<(usize, usize)>>,
}

impl UnionColumns {
    fn build(data: &RunData, rows: &[usize]) -> UnionColumns {
        let mut u = UnionColumns {
            headers: Vec::new(),
            by_field: HashMap::new(),
            by_header: HashMap::new(),
            placement: HashMap::new(),
            extra: HashMap::new(),
        };
        let mut placement: HashMap<u32, Vec<usize>> = HashMap::new();
        for &i in rows {
            let s = data.rows[i].raw.pos.source;
            if placement.contains_key(&s) {
                continue;
            }
            let cols = &data.sources[s as usize].columns;
            let mut place = Vec::with_capacity(cols.headers.len());
            for (c, h) in cols.headers.iter().enumerate() {
                let slot = match &cols.uses[c] {
                    ColumnUse::Field(f) => *u.by_field.entry(*f).or_insert_with(|| {
                        u.headers.push(h.clone());
                        u.headers.len() - 1
                    }),
                    _ => *u.by_header.entry(h.clone()).or_insert_with(|| {
                        u.headers.push(h.clone());
                        u.headers.len() - 1
                    }),
                };
                place.push(slot);
            }
            placement.insert(s, place);
        }
        // A source without signatory columns takes the contact as signatory; where the union has
        // signatory columns (from another file), fill them with the contact so that the row reads
        // back the same.
        let mut extra: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
        for (&s, _) in placement.iter() {
            let cols = &data.sources[s as usize].columns;
            for (sig, contact) in crate::normalize::SIGNATORY_FALLBACK {
                if let (None, Some(c), Some(&slot)) =
                    (cols.column(sig), cols.column(contact), u.by_field.get(&sig))
                {
                    extra.entry(s).or_default().push((c, slot));
                }
            }
        }
        u.placement = placement;
        u.extra = extra;
        u
    }
}

/// Writes the rejected rows with their original values.
pub fn write_rejected_rows(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let rejected: Vec<usize> = data.with_outcome(Outcome::Rejected).collect();
    let cols = UnionColumns::build(data, &rejected);
    let mut wtr = csv_writer(path)?;
    let header = cols.headers.iter().map(String::as_str).chain(["pc_errors"]).chain(SOURCE_COLUMNS);
    wtr.write_record(header).map_err(&err)?;
    let width = cols.headers.len();
    let mut cells: Vec<String> = vec![String::new(); width];
    for i in rejected {
        let row = &data.rows[i];
        cells.iter_mut().for_each(String::clear);
        let place = &cols.placement[&row.raw.pos.source];
        for (c, v) in row.raw.cells.iter().enumerate() {
            if let Some(&slot) = place.get(c) {
                cells[slot].push_str(v);
            }
        }
        for &(c, slot) in cols.extra.get(&row.raw.pos.source).map(Vec::as_slice).unwrap_or(&[]) {
            if cells[slot].is_empty() {
                cells[slot].push_str(row.raw.cells.get(c).unwrap_or(""));
            }
        }
        let errors: Vec<String> = row
            .findings
            .iter()
            .filter(|f| rules::severity(f, &data.cfg.profile) == Severity::Error)
            .map(|f| format!("{}: {}", f.rule.code(), message(f)))
            .collect();
        let pc_errors = errors.join("; ");
        let src = data.source_cells(i);
        let line =
            cells.iter().map(|c| guard(c)).chain([guard(&pc_errors)]).chain(src.iter().map(|s| guard(s)));
        wtr.write_record(line.map(|c| c.into_owned())).map_err(&err)?;
    }
    finish(wtr, path)
}
