//! `clean/customers.jsonl`: one Partner Center create-customer request body per clean row
//! (POST /v1/customers), in the same order as `clean/customers.csv`. Each line also carries a
//! `source` object (file, sheet, row, id) so it traces back; strip it if your client is strict.

use super::{AtomicFile, RunData};
use crate::error::{Error, Result};
use crate::model::{Field, Outcome};
use crate::normalize::parse_bool;
use crate::rules::registration;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::Path;

/// Writes the request bodies.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let io = |source| Error::Output { path: path.to_owned(), source };
    let mut out = AtomicFile::create(path)?;
    for i in data.with_outcome(Outcome::Clean) {
        let body = request(data, i);
        serde_json::to_writer(&mut out, &body).map_err(|e| io(e.into()))?;
        out.write_all(b"\n").map_err(io)?;
    }
    out.commit()
}

/// The create-customer body for row `i`.
pub fn request(data: &RunData, i: usize) -> Value {
    let row = data.rows.get(i);
    let c = &row.customer;
    let get = |f: Field| c.get(f);
    let mut company = Map::new();
    company.insert("domain".into(), json!(format!("{}.onmicrosoft.com", get(Field::Domain))));
    company.insert("companyName".into(), json!(get(Field::CompanyName)));
    if registration::accepted(row.country, get(Field::RegistrationId)) {
        company.insert("organizationRegistrationNumber".into(), json!(get(Field::RegistrationId)));
    }
    let mut address = Map::new();
    let mut put = |key: &str, f: Field, always: bool| {
        let v = get(f);
        if always || !v.is_empty() {
            address.insert(key.into(), json!(v));
        }
    };
    put("addressLine1", Field::AddressLine1, true);
    put("addressLine2", Field::AddressLine2, false);
    put("city", Field::City, true);
    put("state", Field::State, false);
    put("postalCode", Field::PostalCode, false);
    put("country", Field::Country, true);
    put("firstName", Field::ContactFirstName, true);
    put("lastName", Field::ContactLastName, true);
    put("phoneNumber", Field::ContactPhone, false);
    let gdap = parse_bool(get(Field::GdapDefault)).unwrap_or(data.cfg.profile.gdap_default);
    let [file, sheet, source_row, id] = data.source_cells(i);
    json!({
        "companyProfile": company,
        "billingProfile": {
            "email": get(Field::ContactEmail),
            "culture": get(Field::Culture),
            "language": get(Field::Language),
            "companyName": get(Field::CompanyName),
            "defaultAddress": address,
        },
        "enableGDAPByDefault": gdap,
        "source": { "file": file, "sheet": sheet, "row": source_row.parse::<u64>().unwrap_or(0), "id": id },
    })
}
