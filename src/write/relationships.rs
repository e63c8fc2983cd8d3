//! `relationship_requests.csv`: rows that are already Partner Center customers (or, for an
//! indirect reseller, every row that is not a duplicate): request a relationship instead.

use super::{csv_err, csv_writer, finish, human, probability, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, Outcome};
use std::path::Path;

const KEY_FIELDS: [Field; 5] =
    [Field::CompanyName, Field::Country, Field::Domain, Field::RegistrationId, Field::ContactEmail];

/// The header.
pub fn header() -> Vec<&'static str> {
    SOURCE_COLUMNS
        .iter()
        .copied()
        .chain(KEY_FIELDS.iter().map(|f| f.name()))
        .chain([
            "pc_customer_id",
            "pc_company_name",
            "pc_domain",
            "match_rule",
            "match_score",
            "match_probability",
            "matched_fields",
        ])
        .collect()
}

/// The line of row `i`, for people: formula-guarded, and masked under `--redact`.
pub fn line(data: &RunData, i: usize) -> Vec<String> {
    let row = data.rows.get(i);
    line_of(data, i, data.source_cells_of(&row), |f| row.customer.get(f))
}

/// The line of row `i`, from its source columns and its values.
fn line_of<'a>(data: &RunData, i: usize, src: [String; 4], get: impl Fn(Field) -> &'a str) -> Vec<String> {
    let mut line: Vec<String> = src.iter().map(|s| human::field(data, None, s)).collect();
    line.extend(KEY_FIELDS.iter().map(|f| human::field(data, Some(*f), get(*f))));
    let plain = |s: &str| human::field(data, None, s);
    match &data.matches.existing[i] {
        Some(m) => {
            let pc = &data.pc.customers[m.pc];
            line.push(plain(&pc.id));
            line.push(plain(pc.customer.get(Field::CompanyName)));
            line.push(plain(&crate::matching::existing::full_domain(pc)));
            line.push(m.rule.to_string());
            line.push(format!("{:.3}", m.score));
            line.push(probability(m.probability));
            line.push(m.fields.join(";"));
        }
        None => {
            line.extend([String::new(), String::new(), String::new()]);
            line.push("partner.cannot_create".to_string());
            line.extend([String::new(), String::new(), String::new()]);
        }
    }
    line
}

/// Writes the relationship requests.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    wtr.write_record(header()).map_err(&err)?;
    // Read in place: the lines show values as stored.
    data.rows.peek_rows(data.with_outcome(Outcome::Existing), |i, row| {
        let line = line_of(data, i, data.source_cells_peeked(row), |f| row.value(f));
        wtr.write_record(line).map_err(&err)
    })?;
    finish(wtr, path)
}
