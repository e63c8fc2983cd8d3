//! `duplicates.csv`: one line per duplicate row, with its cluster, its survivor and why.

use super::{csv_err, csv_writer, finish, human, probability, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, Outcome};
use std::path::Path;

/// The header.
pub fn header() -> Vec<&'static str> {
    SOURCE_COLUMNS
        .iter()
        .copied()
        .chain([
            "company_name",
            "cluster_id",
            "survivor_file",
            "survivor_sheet",
            "survivor_row",
            "survivor_source_id",
            "survivor_company_name",
            "match_rule",
            "match_score",
            "match_probability",
            "matched_fields",
        ])
        .collect()
}

/// What a partner's report shows for a survivor that is another partner's row.
pub const ELSEWHERE: &str = "(another partner's row)";

/// The line of duplicate row `i`, for people: formula-guarded, and masked under `--redact`.
/// A survivor outside the rows at hand (another partner's, in a partner's report) is shown
/// without its data: its source columns blank and [`ELSEWHERE`] as its company name.
pub fn line(data: &RunData, i: usize) -> Option<Vec<String>> {
    let row = data.rows.get(i);
    line_of(data, i, data.source_cells_of(&row), row.customer.get(Field::CompanyName))
}

/// The line of duplicate row `i`, from its source columns and company name.
fn line_of(data: &RunData, i: usize, src: [String; 4], name: &str) -> Option<Vec<String>> {
    let d = data.matches.duplicate[i].as_ref()?;
    let survivor = (d.survivor < data.rows.len()).then(|| data.rows.get(d.survivor));
    let (survivor_cells, survivor_name) = match &survivor {
        Some(s) => (data.source_cells_of(s), s.customer.get(Field::CompanyName).to_string()),
        None => (Default::default(), ELSEWHERE.to_string()),
    };
    let line: Vec<String> = src
        .into_iter()
        .chain([name.to_string(), d.cluster.to_string()])
        .chain(survivor_cells)
        .chain([
            survivor_name,
            d.rule.to_string(),
            format!("{:.3}", d.score),
            probability(d.probability),
            d.fields.join(";"),
        ])
        .map(|c| human::field(data, None, &c))
        .collect();
    Some(line)
}

/// Writes the duplicate rows.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(header()).map_err(&err)?;
    // Read in place (the survivors are pinned in memory).
    data.rows.peek_rows(data.with_outcome(Outcome::Duplicate), |i, row| {
        match line_of(data, i, data.source_cells_peeked(row), row.value(Field::CompanyName)) {
            Some(l) => wtr.write_record(l).map_err(&err),
            None => Ok(()),
        }
    })?;
    finish(wtr, path)
}
