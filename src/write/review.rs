//! `review/possible_matches.csv`: pairs whose match probability is just under the threshold, for
//! a person to decide. Routing treats them as different customers; a pair confirmed here can be
//! merged by hand (or the threshold lowered in the profile).

use super::{csv_err, csv_writer, finish, human, probability, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::matching::ReviewOther;
use crate::model::Field;
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
    for r in &data.matches.review {
        let row = data.rows.get(r.row);
        let mut line: Vec<String> = data.source_cells_of(&row).to_vec();
        line.push(row.customer.get(Field::CompanyName).to_string());
        match r.other {
            ReviewOther::Row(j) => {
                let other = data.rows.get(j);
                line.push("duplicate".into());
                line.extend(data.source_cells_of(&other));
                line.push(String::new());
                line.push(other.customer.get(Field::CompanyName).to_string());
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
