//! `clean/customers.csv` and `education.csv`: the normalised canonical fields of each row with
//! that outcome. A machine output: values are exact (no formula guard).

use super::{csv_err, csv_writer, finish, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, Outcome};
use std::path::Path;

/// The header: the source columns, then every canonical field but `source_id`.
pub fn header() -> Vec<&'static str> {
    SOURCE_COLUMNS
        .iter()
        .copied()
        .chain(Field::ALL.iter().filter(|f| **f != Field::SourceId).map(|f| f.name()))
        .collect()
}

/// The line of row `i`, values exact.
pub fn line(data: &RunData, i: usize) -> Vec<String> {
    let row = data.rows.get(i);
    let c = &row.customer;
    let fields = Field::ALL.iter().filter(|f| **f != Field::SourceId).map(|f| c.get(*f).to_string());
    data.source_cells_of(&row).into_iter().chain(fields).collect()
}

/// Writes the rows with outcome `which` to `path`.
pub fn write(data: &RunData, path: &Path, which: Outcome) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(header()).map_err(&err)?;
    // Read in place: the values are written as stored.
    let mut number = itoa::Buffer::new();
    data.rows.peek_rows(data.with_outcome(which), |_, row| {
        let source = &data.sources[row.source as usize];
        let src = source.source_cells_in(row.row, row.value(Field::SourceId), &mut number);
        let fields = Field::ALL.iter().filter(|f| **f != Field::SourceId).map(|f| row.value(*f));
        wtr.write_record(src.iter().map(|c| c.as_ref()).chain(fields)).map_err(&err)
    })?;
    finish(wtr, path)
}
