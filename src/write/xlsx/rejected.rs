//! The "Rejected rows" sheet: the rejected rows with their original columns, as in
//! `rejected_rows.csv`, each bad cell highlighted (red for an error, amber for a warning) with
//! the findings about it in a note. Findings about the whole row, or about a field the source
//! has no column for, mark the `pc_errors` cell instead.

use super::table::{self, Cell};
use super::Formats;
use crate::model::{Field, Outcome};
use crate::rules::{self, catalogue::Severity};
use crate::write::rejections::{message, pc_errors, UnionColumns};
use crate::write::{human, RunData, SOURCE_COLUMNS};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Fills the sheet.
pub fn fill(ws: &mut Worksheet, data: &RunData, fmt: &Formats) -> Result<(), XlsxError> {
    let rejected: Vec<usize> = data.with_outcome(Outcome::Rejected).collect();
    let cols = UnionColumns::build(data, &rejected);
    let fields = cols.fields();
    let width = cols.headers.len();
    let headers: Vec<String> = cols
        .headers
        .iter()
        .cloned()
        .chain(["pc_errors".to_string()])
        .chain(SOURCE_COLUMNS.map(String::from))
        .collect();
    let mut values = Vec::new();
    let render = |i: usize| {
        let row = data.rows.get(i);
        cols.cells(row.raw.pos.source, row.raw.cells.len(), |k| row.raw.cells.get(k), &mut values);
        let mask = human::row_mask(data, i);
        let mut line: Vec<Cell> =
            values.iter().zip(&fields).map(|(v, f)| Cell::text(human::field(data, *f, v))).collect();
        line.push(Cell::text(human::text(
            mask.as_ref(),
            &pc_errors(data, row.findings.iter().map(|f| f.borrowed())),
        )));
        for (c, s) in data.source_cells_of(&row).iter().enumerate() {
            line.push(if c == 2 { Cell::numeric(s) } else { Cell::text(human::field(data, None, s)) });
        }
        for f in &row.findings {
            let sev = rules::severity(f, &data.cfg.profile);
            let slot = Field::from_name(f.rule.rule().field)
                .and_then(|field| cols.slot(row.raw.pos.source, field))
                .unwrap_or(width);
            let cell = &mut line[slot];
            // An error outranks a warning on the same cell.
            cell.mark = match (cell.mark, sev) {
                (Some(Severity::Error), _) | (_, Severity::Error) => Some(Severity::Error),
                _ => Some(Severity::Warning),
            };
            let text = format!(
                "{} ({}): {}\nFix: {}",
                f.rule.code(),
                sev.as_str(),
                human::text(mask.as_ref(), &message(f.borrowed())),
                f.rule.rule().fix
            );
            cell.note = Some(match cell.note.take() {
                Some(prev) => format!("{prev}\n\n{text}"),
                None => text,
            });
        }
        line
    };
    table::write(ws, fmt, &headers, rejected.iter().copied(), render, data.rejected_rows_file())?;
    Ok(())
}
