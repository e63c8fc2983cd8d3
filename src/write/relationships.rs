//! `relationship_requests.csv`: rows that are already Partner Center customers (or, for an
//! indirect reseller, every row that is not a duplicate): request a relationship instead.

use super::guard::guard;
use super::{csv_err, csv_writer, finish, RunData, SOURCE_COLUMNS};
use crate::error::Result;
use crate::model::{Field, Outcome};
use std::path::Path;

const KEY_FIELDS: [Field; 5] =
    [Field::CompanyName, Field::Country, Field::Domain, Field::RegistrationId, Field::ContactEmail];

/// Writes the relationship requests.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let err = csv_err(path);
    let mut wtr = csv_writer(path)?;
    let header = SOURCE_COLUMNS.iter().copied().chain(KEY_FIELDS.iter().map(|f| f.name())).chain([
        "pc_customer_id",
        "pc_company_name",
        "pc_domain",
        "match_rule",
        "match_score",
    ]);
    wtr.write_record(header).map_err(&err)?;
    for i in data.with_outcome(Outcome::Existing) {
        let c = &data.rows[i].customer;
        let mut line: Vec<String> = data.source_cells(i).to_vec();
        line.extend(KEY_FIELDS.iter().map(|f| c.get(*f).to_string()));
        match &data.matches.existing[i] {
            Some(m) => {
                let pc = &data.pc.customers[m.pc];
                line.push(pc.id.clone());
                line.push(pc.customer.get(Field::CompanyName).to_string());
                line.push(crate::matching::existing::full_domain(pc));
                line.push(m.rule.to_string());
                line.push(format!("{:.3}", m.score));
            }
            None => {
                line.extend([String::new(), String::new(), String::new()]);
                line.push("partner.cannot_create".to_string());
                line.push(String::new());
            }
        }
        wtr.write_record(line.iter().map(|c| guard(c).into_owned())).map_err(&err)?;
    }
    finish(wtr, path)
}
