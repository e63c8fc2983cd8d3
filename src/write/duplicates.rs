//! `duplicates.csv`: one line per duplicate row, with its cluster, its survivor and why.

use super::guard::guard;
use super::{csv_err, csv_writer, finish, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, Outcome};
use std::path::Path;

/// Writes the duplicate rows.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    let header = SOURCE_COLUMNS.iter().copied().chain([
        "company_name",
        "cluster_id",
        "survivor_file",
        "survivor_sheet",
        "survivor_row",
        "survivor_source_id",
        "survivor_company_name",
        "match_rule",
        "match_score",
        "matched_fields",
    ]);
    wtr.write_record(header).map_err(&err)?;
    for i in data.with_outcome(Outcome::Duplicate) {
        let Some(d) = &data.matches.duplicate[i] else { continue };
        let src = data.source_cells(i);
        let sur = data.source_cells(d.survivor);
        let line: Vec<String> = src
            .iter()
            .cloned()
            .chain([data.rows[i].customer.get(Field::CompanyName).to_string(), d.cluster.to_string()])
            .chain(sur.iter().cloned())
            .chain([
                data.rows[d.survivor].customer.get(Field::CompanyName).to_string(),
                d.rule.to_string(),
                format!("{:.3}", d.score),
                d.fields.join(";"),
            ])
            .collect();
        wtr.write_record(line.iter().map(|c| guard(c).into_owned())).map_err(&err)?;
    }
    finish(wtr, path)
}
