//! `clean/customers.jsonl`: one Partner Center create-customer request body per clean row
//! (POST /v1/customers), in the same order as `clean/customers.csv`: line N is the customer of
//! the CSV's data row N, whose `source_*` columns lead back to the input. A body holds only
//! properties of Partner Center's Customer resource (`customer-resources.md`,
//! `utility-resources.md`), so a strict client can send it as it is.

use super::{AtomicFile, RunData};
use crate::config::PartnerType;
use crate::error::{Error, Result};
use crate::model::{Field, Outcome};
use crate::normalize::{parse_bool, phone};
use crate::rules::registration;
use crate::store::Peek;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

// The bodies borrow the row's text and serialise straight to the file. Fields are declared in
// alphabetical order, the order the lines have always had.

#[derive(Serialize)]
struct Request<'a> {
    /// The indirect reseller, for an indirect provider's customer.
    #[serde(rename = "associatedPartnerId", skip_serializing_if = "Option::is_none")]
    reseller: Option<&'a str>,
    #[serde(rename = "billingProfile")]
    billing: Billing<'a>,
    #[serde(rename = "companyProfile")]
    company: Company<'a>,
    #[serde(rename = "enableGDAPByDefault")]
    gdap: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Company<'a> {
    company_name: &'a str,
    domain: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization_registration_number: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Billing<'a> {
    company_name: &'a str,
    culture: &'a str,
    default_address: Address<'a>,
    email: &'a str,
    language: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Address<'a> {
    address_line1: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_line2: Option<&'a str>,
    city: &'a str,
    country: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'a str>,
}

/// Writes the request bodies.
pub fn write(data: &RunData, path: &Path) -> Result<()> {
    let io = |source| Error::Output { path: path.to_owned(), source };
    let mut out = AtomicFile::create(path)?;
    // Read in place: the values go into the request as stored. Each line is made in memory
    // and written whole: serde writes a body a few bytes at a time.
    let mut line = Vec::with_capacity(1024);
    data.rows.peek_rows(data.with_outcome(Outcome::Clean), |_, row| {
        line.clear();
        write_request(data, row, &mut line).map_err(io)?;
        out.write_all(&line).map_err(io)
    })?;
    out.commit()
}

/// Writes the create-customer body for row `i`, and a line end.
fn write_request(data: &RunData, row: &Peek, out: &mut impl Write) -> std::io::Result<()> {
    let get = |f: Field| row.value(f);
    let some = |f: Field| Some(get(f)).filter(|v| !v.is_empty());
    let country = get(Field::Country);
    let indirect = data.cfg.profile.partner_type == PartnerType::IndirectProvider;
    let body = Request {
        reseller: some(Field::AssociatedPartnerId).filter(|_| indirect),
        billing: Billing {
            company_name: get(Field::CompanyName),
            culture: get(Field::Culture),
            default_address: Address {
                address_line1: get(Field::AddressLine1),
                address_line2: some(Field::AddressLine2),
                city: get(Field::City),
                country,
                first_name: get(Field::ContactFirstName),
                last_name: get(Field::ContactLastName),
                phone_number: phone::for_request(country, get(Field::ContactPhone)),
                postal_code: some(Field::PostalCode),
                state: some(Field::State),
            },
            email: get(Field::ContactEmail),
            language: get(Field::Language),
        },
        company: Company {
            company_name: get(Field::CompanyName),
            domain: format!("{}.onmicrosoft.com", get(Field::Domain)),
            organization_registration_number: registration::accepted(
                row.country(),
                get(Field::RegistrationId),
            )
            .then(|| get(Field::RegistrationId)),
        },
        gdap: parse_bool(get(Field::GdapDefault)).unwrap_or(data.cfg.profile.gdap_default),
    };
    serde_json::to_writer(&mut *out, &body)?;
    out.write_all(b"\n")
}
