//! `review/possible_matches.csv`: pairs whose match probability is just under the threshold, for
//! a person to decide. Routing treats them as different customers; a pair confirmed here can be
//! merged by hand (or the threshold lowered in the profile).

use super::{csv_err, csv_writer, finish, human, probability, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::matching::ReviewOther;
use crate::model::Field;
use std::collections::HashMap;
use std::path::Path;

/// The header: the row, then the other side (another row, or a Partner Center customer).
pub fn header() -> Vec<&'static str> {
    SOURCE_COLUMNS
        .iter()
        .copied()
        .chain([
            "company_name",
            "kind",
            "other_file",
            "other_sheet",
            "other_row",
            "other_source_id",
            "pc_customer_id",
            "other_company_name",
            "match_probability",
            "match_score",
            "matched_fields",
        ])
        .collect()
}

/// Writes the pairs listed for review, by row.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(header()).map_err(&err)?;
    let shown = shown_rows(data);
    for r in &data.matches.review {
        let (cells, name) = &shown[&r.row];
        let mut line: Vec<String> = cells.to_vec();
        line.push(name.clone());
        match r.other {
            ReviewOther::Row(j) => {
                let (cells, name) = &shown[&j];
                line.push("duplicate".into());
                line.extend(cells.iter().cloned());
                line.push(String::new());
                line.push(name.clone());
            }
            ReviewOther::Pc(c) => {
                let pc = &data.pc.customers[c];
                let src = data.pc.sources.get(pc.pos.source as usize);
                line.push("existing".into());
                line.push(src.map(|s| s.file_label().into_owned()).unwrap_or_default());
                line.push(src.and_then(|s| s.sheet.clone()).unwrap_or_default());
                line.push(pc.pos.row.to_string());
                line.push(pc.id.clone());
                line.push(pc.id.clone());
                line.push(pc.customer.get(Field::CompanyName).to_string());
            }
        }
        line.push(probability(r.probability));
        line.push(format!("{:.3}", r.score));
        line.push(r.fields.join(";"));
        let line: Vec<String> = line.iter().map(|c| human::field(data, None, c)).collect();
        wtr.write_record(line).map_err(&err)?;
    }
    finish(wtr, path)
}

/// The source columns and company name of every row the pairs name, read in place in one pass
/// in row order. A pair's other row may be anywhere in the list: reached at random, each
/// would read its whole chunk of the row file again.
fn shown_rows(data: &RunData) -> HashMap<usize, ([String; 4], String)> {
    let mut wanted: Vec<usize> = data
        .matches
        .review
        .iter()
        .flat_map(|r| {
            let other = match r.other {
                ReviewOther::Row(j) => Some(j),
                ReviewOther::Pc(_) => None,
            };
            std::iter::once(r.row).chain(other)
        })
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut shown = HashMap::with_capacity(wanted.len());
    let read = data.rows.peek_rows(wanted, |i, row| {
        shown.insert(i, (data.source_cells_peeked(row), row.value(Field::CompanyName).to_string()));
        Ok::<(), std::convert::Infallible>(())
    });
    let Ok(()) = read;
    shown
}
